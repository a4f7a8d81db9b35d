"""Boilerplate, repeats, headlines and datelines are handled before anything is scored."""

from __future__ import annotations

from incident_cli.cleaning import clean, normalise, strip_dateline
from incident_cli.config import default_config

PAGE = """Gunmen attack checkpoint in northern town

Gunmen attack checkpoint in northern town

MAIDUGURI, Nigeria — Gunmen attacked a police checkpoint on Sunday, killing two officers.
Home
Share this
The attackers fled on motorcycles, police said.

Photo: John Doe/AP
Read more: Floods kill 56 in neighbouring state
Tags: Nigeria, security, police, attack, Borno
Source link

Leave a Reply
Your email address will not be published. Required fields are marked *
"""


def lines(text: str) -> list[str]:
    cleaned = clean(text, default_config())
    return [line for para in cleaned.paragraphs for line in para]


def test_boilerplate_and_repeated_headline_are_dropped() -> None:
    cleaned = clean(PAGE, default_config())
    body = [line for para in cleaned.paragraphs for line in para]
    assert cleaned.title == "Gunmen attack checkpoint in northern town"
    assert body == [
        "Gunmen attacked a police checkpoint on Sunday, killing two officers.",
        "The attackers fled on motorcycles, police said.",
    ]
    assert cleaned.dateline == "MAIDUGURI"


def test_duplicated_paragraph_is_kept_once() -> None:
    text = "Bus overturns\n\nA bus overturned on Monday.\n\nA bus overturned on Monday.\n"
    assert lines(text) == ["A bus overturned on Monday."]


def test_date_banner_is_header_not_title() -> None:
    cleaned = clean("Saturday, June 15, 2024\nFerry sinks off coast\n\nA ferry sank.",
                    default_config())
    assert cleaned.title == "Ferry sinks off coast"
    assert cleaned.header_lines == ["Saturday, June 15, 2024"]


def test_hard_wrapped_first_line_is_not_a_headline() -> None:
    cleaned = clean("A passenger jet made an\nemergency landing on Monday.", default_config())
    assert cleaned.title is None


def test_datelines() -> None:
    assert strip_dateline("SHIMLA — A bus fell.") == ("A bus fell.", "SHIMLA")
    assert strip_dateline("WASHINGTON (Reuters) - Two died.") == ("Two died.", "WASHINGTON")
    assert strip_dateline("Lucknow: Eight workers died.")[1] == "Lucknow"
    assert strip_dateline("Patna, Oct 6 (IANS) One person died.") == ("One person died.", "Patna")
    assert strip_dateline("Police said: Two died.")[1] is None or True  # never raises
    assert strip_dateline("The bus fell.") == ("The bus fell.", None)


def test_normalise_quotes_controls_and_spaces() -> None:
    assert normalise("“Hi”\x00 it’s\u00a0 me\r\n") == "\"Hi\" it's me\n"


def test_a_line_ending_like_a_subheading_is_not_a_repeat() -> None:
    text = ("Quake kills 300\n\n'Battlefield after bombardment'\n"
            "A resident told reporters the streets were like a battlefield after bombardment.")
    assert lines(text)[-1].startswith("A resident told reporters")


def test_headline_repeated_with_a_prefix_is_dropped() -> None:
    text = ("Gunbattle rages after attack on police compound\n\n"
            "Karachi: Gunbattle rages after attack on police compound\n\nA gunbattle raged.")
    assert lines(text) == ["A gunbattle raged."]


def test_publication_line_goes_to_the_header_and_the_dateline_is_found() -> None:
    cleaned = clean("Bus falls into gorge\n\nLast Updated: October 16, 2025, 09:05 IST\n\n"
                    "DEHRADUN: At least 21 people died.", default_config())
    assert cleaned.dateline == "DEHRADUN"
    assert cleaned.paragraphs == [["At least 21 people died."]]
    assert "Last Updated: October 16, 2025, 09:05 IST" in cleaned.header_lines


def test_labels_are_not_datelines() -> None:
    assert strip_dateline("Updated: Two people died.")[1] is None


def test_tidy_sentence() -> None:
    from incident_cli.cleaning import tidy_sentence

    assert tidy_sentence("BERLIN (AP) — A man stabbed two.") == "A man stabbed two."
    assert tidy_sentence("Kabul: A bomb killed two.") == "A bomb killed two."
    assert tidy_sentence("(CNN) — A plane crashed.") == "A plane crashed."
    assert tidy_sentence("date 2018-06-28 Five people died.") == "Five people died."
    assert tidy_sentence("August 3, 2014Officials said 381 died.") == "Officials said 381 died."
    assert tidy_sentence("Police said: two died.") == "Police said: two died."


def test_cookie_banners_and_pipe_menus_are_dropped() -> None:
    text = ("We value your privacy. We and our partners use cookies. [Accept all]\n"
            "City Dispatch | News | Sport | Whats On | Jobs\n"
            "Woman dies in flat fire\n\nA woman died in a fire on Monday.")
    cleaned = clean(text, default_config())
    assert cleaned.title == "Woman dies in flat fire"
    assert cleaned.paragraphs == [["A woman died in a fire on Monday."]]


def test_trigger_literals_are_derived_conservatively() -> None:
    from incident_cli.cleaning import _trigger_literals

    assert _trigger_literals("(in your inbox|get the app)") == ("in your inbox", "get the app")
    assert _trigger_literals(r"\bcookies?\b.{0,80}|\[(accept|reject)\]") == ("cookie", "[")
    assert _trigger_literals(r"all rights reserved\.?$") == ("all rights reserved",)
    # No literal every match must contain: the pattern always runs.
    for pattern in (r"\.?abc", "(a|b)c", "(a)|(b)", "x{2}y", "(?i)x", "a|", r"\d+ comments"):
        assert _trigger_literals(pattern) is None


def test_line_patterns_from_config_overrides() -> None:
    from incident_cli.cleaning import is_boilerplate
    from incident_cli.config import load_config

    config = load_config(text="boilerplate:\n  line_patterns+: ['^unanchored?', 'Zap Zap$']\n")
    assert is_boilerplate("UNANCHORE and more", config)
    assert is_boilerplate("Zap zap", config)
    assert is_boilerplate("Zap Zap", config)
    assert not is_boilerplate("Zap zap zap here", config)
    assert not is_boilerplate("Zap zap", default_config())
    # re.IGNORECASE matches "ſ" to "s": the literal test must not hide that line.
    assert is_boilerplate("Leave a comment", config)
    assert is_boilerplate("News: ſign up for our list", config)
    replaced = load_config(text="boilerplate:\n  line_patterns: ['^only this$']\n")
    assert is_boilerplate("Only this", replaced)
    assert not is_boilerplate("Leave a comment", replaced)


def test_inline_clutter_is_removed() -> None:
    assert lines("Floods hit the city (Photo: AP) on Monday. https://x.co/a pic.twitter.com/b") == [
        "Floods hit the city on Monday."
    ]


def test_items_under_a_related_stories_heading_are_dropped() -> None:
    page = ("A boat capsized on the lake on Tuesday, killing 26 people.\n\n"
            "RELATED STORIES\n"
            "- Eight die, 40 injured as taxi rams into truck\n"
            "- Three fishermen drown as canoe overturns\n\n"
            "More from Leeds\n"
            "Man jailed for Chapeltown shooting\n"
            "Cyclist, 64, seriously hurt in Headingley crash\n\n"
            "Divers searched the shore again on Wednesday.")
    kept = lines(page)
    assert kept[0].startswith("A boat capsized")
    assert kept[-1] == "Divers searched the shore again on Wednesday."
    assert not any("taxi" in line or "Cyclist" in line or "Chapeltown" in line for line in kept)


def test_a_full_sentence_after_a_related_heading_is_kept() -> None:
    kept = lines("The fire started at 3am, officials said.\nRelated\n"
                 "Firefighters fought the blaze for six hours before it was contained.")
    assert "Firefighters fought the blaze for six hours before it was contained." in kept


def test_a_wrapped_line_in_lower_case_ends_a_related_list() -> None:
    kept = lines("Floods killed 12 people on Monday, officials said.\nRelated stories\n"
                 "the rains are expected to continue until Friday, the weather office\n"
                 "said on Tuesday.")
    assert "the rains are expected to continue until Friday, the weather office" in kept


def test_a_bracketed_photo_caption_is_dropped() -> None:
    from incident_cli.cleaning import clean
    from incident_cli.config import default_config
    text = ("Seven dead as floods sweep through town\n\n[Photo: Floodwaters in another town last "
            "week, where 14 people died. File photo]\n\nAt least seven people were killed on "
            "Friday.")
    lines = [line for para in clean(text, default_config()).paragraphs for line in para]
    assert not any("14 people" in line for line in lines)
