"""A word gate may skip a union only where the union cannot match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from incident_cli.config import compile_union, default_config
from incident_cli.dispatch import KeywordUnion, WordGate
from incident_cli.document import Sentence


@pytest.mark.parametrize(("patterns", "flags", "words", "strings"), [
    ([r"\b(?:killed|dead)\b"], 0, {"killed", "dead"}, ()),
    ([r"\bkidnap\w*", r"\bshot\b"], 0, {"shot"}, ("kidnap",)),
    ([r"\b(?:per cent|percent)\b"], 0, {"cent", "percent"}, ()),  # the longer word
    ([r"\bso far this (?:year|season)\b"], 0, {"year", "season"}, ()),  # the last of equals
    ([r"\bdeaths?\b"], 0, {"death", "deaths"}, ()),
    ([r"\bKilled\b"], re.I, {"killed"}, ()),  # lower-cased
    ([r"(?i)\bKilled\b"], 0, {"killed"}, ()),
    ([r"killed"], 0, set(), ("killed",)),  # no boundaries: only a substring
    ([r"dead\b"], 0, set(), ("dead",)),  # "undead" has it
    ([r"\b(?:ha)+\b"], 0, set(), ("ha",)),  # "haha" has it
    ([r"^(?:read|see)\b"], re.I, {"read", "see"}, ()),  # the text's start is a boundary
])
def test_what_a_union_needs(patterns: list[str], flags: int, words: set[str],
                            strings: tuple[str, ...]) -> None:
    gate = WordGate(patterns, flags, plain_calls=0)
    assert gate.words == words and gate.strings == strings


@pytest.mark.parametrize("patterns", [
    [r"\d+ dead"],  # opens with a category
    [r"\bdead\b", r".{0,3}x"],  # one alternative without a known opening: no gate at all
    [r"(?a)\bdead\b"],  # ASCII \b is not the word set's \w+
    [r"\b(?i:dead)\b"],  # scoped flags
])
def test_no_gate_where_nothing_is_known(patterns: list[str]) -> None:
    gate = WordGate(patterns, plain_calls=0)
    assert gate.words is None
    assert gate.admits("nothing here", frozenset({"nothing", "here"}))


def _admits(gate: WordGate, text: str) -> bool:
    sentence = Sentence(0, text, 0)
    return gate.admits(sentence.lower, sentence.words)


def test_non_ascii_text_is_not_judged_case_insensitively() -> None:
    gate = WordGate([r"\bstorm\b"], re.I, plain_calls=0)
    assert not _admits(gate, "A calm day")
    assert re.search(r"\bstorm\b", "A ſtorm", re.I)  # the long s folds to s; lower() keeps it
    assert _admits(gate, "A ſtorm")
    assert _admits(gate, "A \u212ailler storm")  # Kelvin sign: lowers to ASCII, judged


PATTERNS = [
    *(str(p) for p in default_config().section("events").get("incident_patterns")),
    *(str(p) for p in default_config().section("events").get("non_incident_patterns")),
    *(str(p) for p in default_config().section("context").get("history_patterns")),
    *(str(p) for p in default_config().section("context").get("present_patterns")),
    r"\bkidnap\w*", r"killed", r"\b(?:a|an) (?:man|woman)\b", r"x\b-y", r"^(?:in|during) \d{4}",
    r"\bfire\b(?!\s*drill)", r"(?<=\s)dead\b$", r"dead\b", r"\Bdead\b", r"\b(?:ha)+\b",
]
GATED = [(compile_union([p], flags), WordGate([p], flags, plain_calls=0), flags)
         for p in PATTERNS for flags in (0, re.I)]
VOCABULARY = ["killed", "Killed", "KILLED", "kidnapped", "per", "cent", "percent", "dead",
              "storm", "ſtorm", "\u212ailled", "İn", "in", "during", "1999", "a", "man", "x",
              "-", "y", "fire", "drill", "last", "year", "interest", "rates", "19", "é",
              "deaths", "Monday", "night", "_", "so", "far", "this", "season", "toll", "undead",
              "ha", "haha"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY), max_size=12),
       st.lists(st.sampled_from([" ", "", ", ", "-", "\n", "'"]), min_size=12, max_size=12))
def test_a_gate_never_skips_a_match(words: list[str], gaps: list[str]) -> None:
    text = "".join(w + g for w, g in zip(words, gaps, strict=False))
    sentence = Sentence(0, text, 0)
    for union, gate, flags in GATED:
        # Case-sensitive unions run on the lower-cased text, as the rules do.
        if union.search(text if flags else sentence.lower):
            assert gate.admits(sentence.lower, sentence.words), (union.pattern, text)


def test_the_gate_is_read_only_after_its_plain_calls() -> None:
    gate = WordGate([r"\bkilled\b"], plain_calls=2)
    assert gate.admits("nothing here", frozenset({"nothing", "here"}))  # 1st: plain
    assert gate.admits("nothing here", frozenset({"nothing", "here"}))  # 2nd: plain
    assert gate.words is None
    assert not gate.admits("nothing here", frozenset({"nothing", "here"}))  # 3rd: gated
    assert gate.words == frozenset({"killed"})


def test_a_keyword_union_searches_and_counts_like_its_regex_once_gated() -> None:
    union = KeywordUnion([r"\bkilled\b", r"\bdead\b"], re.I)
    union.gate = WordGate([r"\bkilled\b", r"\bdead\b"], re.I, plain_calls=0)
    for text in ["Two were Killed and one dead", "Nothing happened", "the undead", "KILLED"]:
        sentence = Sentence(0, text, 0)
        found = union.search(text, sentence.lower, sentence.words)
        assert (found and found.span()) == ((m := union.regex.search(text)) and m.span())
        assert union.count(text, sentence.lower, sentence.words) == len(union.regex.findall(text))
    sentence = Sentence(0, "Nothing happened", 0)
    assert union.count("killed", sentence.lower, sentence.words) == 0  # the gate decides
