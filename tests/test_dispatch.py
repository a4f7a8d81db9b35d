"""The word-start dispatcher must give exactly the plain union's matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from incident_cli.config import default_config
from incident_cli.dispatch import WordStartUnion, first_chars, two_char_prefixes
from incident_cli.event_type import _rules


@pytest.mark.parametrize(("pattern", "chars"), [
    (r"\b(?:killed|dead)\b", "dk"),
    (r"(?:a|b)?c", "abc"),
    (r"[x-z]ebra|yak", "xyz"),
    (r"(?<!not )shot", "s"),
    (r"x*", None),  # may match nothing
    (r"\d+ dead", None),  # a category: any digit
    (r"(?i)bus", None),  # inline flags
    (r".us", None),
])
def test_first_chars(pattern: str, chars: str | None) -> None:
    found = first_chars(pattern)
    assert (None if found is None else "".join(sorted(found))) == chars


@pytest.mark.parametrize(("pattern", "pairs"), [
    (r"\b(?:killed|dead)\b", ["de", "ki"]),
    (r"(?:bus|car)s? (?:crash|fell)", ["bu", "ca"]),
    (r"(?:a|b)?cd", ["ac", "bc", "cd"]),
    (r"x{3}y", ["xx"]),
    (r"an?e", ["ae", "an"]),
    (r"ab?", None),  # "a" alone is a whole match
    (r"x*y", None),  # so is "y"
    (r"[ab]c|d\w", None),  # a category
])
def test_two_char_prefixes(pattern: str, pairs: list[str] | None) -> None:
    found = two_char_prefixes(pattern)
    assert (None if found is None else sorted(found)) == pairs


ALTERNATIVES = [r"(?P<a>bus (?:crash|fell))", r"(?P<b>b\w+ed)", r"(?P<c>\d+ dead)",
                r"(?P<d>crash(?:ed)?)", r"(?P<e>ed)"]


def test_same_matches_as_plain_union_on_examples() -> None:
    union = WordStartUnion(ALTERNATIVES, tail=r"\b", plain_calls=0)
    text = "a bus crash; bus fell, 12 dead; burned crashed bused ed subus crashing"
    got = [(m.lastgroup, m.span()) for m in union.finditer(text)]
    want = [(m.lastgroup, m.span()) for m in union.plain.finditer(text)]
    assert got == want
    assert [g for g, _ in got] == ["a", "a", "c", "b", "d", "b", "e"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["bus", "crash", "crashed", "fell", "12", "dead", "burned",
                                 "ed", "bused", "x", " ", ",", "é"]), max_size=20))
def test_same_matches_as_plain_union_on_word_soup(words: list[str]) -> None:
    text = " ".join(words)
    union = WordStartUnion(ALTERNATIVES, tail=r"\b", plain_calls=0)
    assert ([(m.lastgroup, m.span()) for m in union.finditer(text)]
            == [(m.lastgroup, m.span()) for m in union.plain.finditer(text)])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdefghilmnorstuwy 0123456789,.-'", max_size=200))
def test_event_cues_match_as_the_plain_union(text: str) -> None:
    shared = _rules(default_config()).union
    union = WordStartUnion(shared.alternatives, shared.tail, plain_calls=0)
    assert ([(m.lastgroup, m.span()) for m in union.finditer(text)]
            == [(m.lastgroup, m.span()) for m in union.plain.finditer(text)])


def test_the_first_calls_use_the_plain_union_then_the_tables() -> None:
    union = WordStartUnion(["(?P<x>ab)", "(?P<y>b)"], plain_calls=2)
    for _ in range(4):
        assert [m.lastgroup for m in union.finditer("ab b xab")] == ["x", "y"]
    assert isinstance(union.plain, re.Pattern)
    assert union._pairs == {"ab": (0,)} and union._letters == {"b": (1,)}
