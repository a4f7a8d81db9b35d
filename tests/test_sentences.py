"""Punkt splitting with our abbreviations; headlines and wrapped lines."""

from __future__ import annotations

from incident_cli.config import default_config
from incident_cli.sentences import split_sentences, words


def split(*paragraphs: list[str]) -> list[str]:
    return [s.text for s in split_sentences(list(paragraphs), default_config())]


def test_abbreviations_do_not_end_sentences() -> None:
    assert split(["Gov. Smith and Dr. Jones arrived at 3 p.m. on Jan. 4. Two died."]) == [
        "Gov. Smith and Dr. Jones arrived at 3 p.m. on Jan. 4.",
        "Two died.",
    ]


def test_unpunctuated_line_is_its_own_sentence() -> None:
    assert split(["Panic and snakes", "The storm hit the coast at night."]) == [
        "Panic and snakes",
        "The storm hit the coast at night.",
    ]


def test_hard_wrapped_lines_are_joined() -> None:
    assert split(["A plane made an", "emergency landing in the city. Five died."]) == [
        "A plane made an emergency landing in the city.",
        "Five died.",
    ]


def test_heading_flag() -> None:
    sentences = split_sentences([["Read this next", "A fire broke out."]], default_config())
    assert [s.is_heading for s in sentences] == [True, False]


def test_pathological_block_is_capped() -> None:
    assert all(len(s) <= 2000 for s in split(["x" * 10_000]))


def test_words() -> None:
    assert words("The bomber's 20 victims.") == ["The", "bomber's", "20", "victims", "."]


def test_punkt_loads_without_the_nltk_package_initialiser() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from incident_cli.sentences import _import_punkt\n"
        "params, tokenizer = _import_punkt()\n"
        "assert tokenizer().tokenize('One died. Two were hurt.') == "
        "['One died.', 'Two were hurt.']\n"
        "assert 'nltk.corpus' not in sys.modules\n"
        "import nltk\n"
        "assert hasattr(nltk, 'word_tokenize')\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_line_ending_on_a_preposition_continues() -> None:
    assert split(["Gunmen attacked a police station in", "Diyarbakir, officials said."]) == [
        "Gunmen attacked a police station in Diyarbakir, officials said."
    ]


def test_initials_do_not_end_sentences_but_us_does() -> None:
    assert split(["Officials led by A.K. Mittal arrived. The toll is 12."]) == [
        "Officials led by A.K. Mittal arrived.", "The toll is 12."]
    from incident_cli.sentences import _rejoin_initials

    assert _rejoin_initials(["He flew to the U.S.", "The toll is 12."]) == [
        "He flew to the U.S.", "The toll is 12."]


def test_text_wrapped_at_a_fixed_width_is_rejoined() -> None:
    lines = [
        "Eleven people were killed on Saturday night when a minibus collided head-on",
        "with a lorry on the highway. Six other passengers were rushed to the Moi",
        "Teaching and Referral Hospital with serious injuries, the police commander",
        "said.",
    ]
    assert split(lines) == [
        "Eleven people were killed on Saturday night when a minibus collided head-on with a "
        "lorry on the highway.",
        "Six other passengers were rushed to the Moi Teaching and Referral Hospital with "
        "serious injuries, the police commander said.",
    ]


def test_short_lines_are_not_taken_for_wrapped_text() -> None:
    assert split(["Panic and snakes", "The storm hit.", "Trees fell."]) == [
        "Panic and snakes", "The storm hit.", "Trees fell."]


TRICKY = [
    "Gunmen killed two. Police said the attackers fled. Mr. Smith was hurt.",
    "He said A.K. Mittal was there. Why? Nobody knows! The end",
    "It happened at 9 a.m. on Monday. In 2001. The blast killed 3. people said.",
    "\"We ran,\" he said. \"It was chaos.\" Police came. (They left.) Then",
    "Very bad acting!!! I promise. Wait... What? no. yes. Col. Michael Smith spoke.",
    "Sept. 11, 2001. U.S. officials said. St. Charles  is near.   ",
    "no candidate end here",
    "   ",
    "ends here.",
    "word_with_underscore. Next and ärger. Über and al-Qaeda. Then",
]


def test_plain_breaks_and_fast_path_agree_with_punkt() -> None:
    from incident_cli.config import default_config
    from incident_cli.sentences import _import_punkt, _punkt_sentences, _tokenizer

    tokenizer = _tokenizer(default_config())
    punkt = _import_punkt()[1](tokenizer._params)
    for text in TRICKY:
        assert tokenizer.tokenize(text) == punkt.tokenize(text), text
        assert _punkt_sentences(tokenizer, text) == punkt.tokenize(text), text


def test_a_short_paragraph_of_a_hard_wrapped_article_is_joined_too() -> None:
    wrapped = ["A wooden passenger boat capsized in the lake off the island last night,",
               "killing several traders and fishermen who were returning from a market,",
               "police said on Tuesday, adding that the boat had been badly overloaded."]
    last = ["The accident comes seven years after a ferry capsized off",
            "Kome Island, killing more than 220."]
    assert split(wrapped, last)[-1] == ("The accident comes seven years after a ferry capsized "
                                        "off Kome Island, killing more than 220.")
    # ... but not in an article that is not wrapped
    assert split(["Ferry sinks", "Two died."], ["Photo credit", "Staff reporter"])[-1] == (
        "Staff reporter")
