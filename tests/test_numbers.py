"""Figures in news text: digits, number words, vague plurals, qualifiers, ranges, non-counts."""

from __future__ import annotations

import pytest

from incident_cli.numbers import find_figures, parse_number


@pytest.mark.parametrize(
    ("text", "value", "vague"),
    [
        ("7", 7, False),
        ("1,200", 1200, False),
        ("seven", 7, False),
        ("Seven", 7, False),
        ("twenty-one", 21, False),
        ("twenty one", 21, False),
        ("one hundred and five", 105, False),
        ("two thousand", 2000, False),
        ("a dozen", 12, False),
        ("half a dozen", 6, False),
        ("two dozen", 24, False),
        ("dozens", 24, True),
        ("scores", 40, True),
        ("hundreds", 200, True),
        ("thousands", 2000, True),
        ("1.5 thousand", 1500, False),
    ],
)
def test_parse_number(text: str, value: int, vague: bool) -> None:
    assert parse_number(text) == (value, vague)


def test_parse_number_rejects_words() -> None:
    assert parse_number("several") is None
    assert parse_number("people") is None


def figures(text: str) -> list[tuple[int, str | None]]:
    return [(f.value, f.qualifier) for f in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at least 15 people", [(15, "at least")]),
        ("more than 80 officers", [(80, "more than")]),
        ("over a dozen others", [(12, "more than")]),
        ("nearly 200 people", [(200, "nearly")]),
        ("about 20 pilgrims", [(20, "about")]),
        ("up to 30 people", [(30, "up to")]),
        ("some 40 villagers", [(40, "about")]),
        ("another 14 injured", [(14, None)]),
        ("killing all nine people", [(9, "all")]),
    ],
)
def test_qualifiers(text: str, expected: list[tuple[int, str | None]]) -> None:
    assert figures(text) == expected


def test_ranges_keep_the_lower_figure() -> None:
    assert figures("14 to 16 people died") == [(14, None)]
    assert figures("14-16 people died") == [(14, None)]
    assert figures("between 14 and 16 people died") == [(14, None)]


@pytest.mark.parametrize(
    "text",
    [
        "a man aged 25",
        "a 23-year-old man",
        "the boy, 9 years old,",
        "in 2019",
        "at 10:30 pm",
        "25 km from the city",
        "a city of over 20 million people",
        "a fine of $15,300",
        "Rs 4,300 for each family",
        "95% of the passengers",
        "a magnitude 7 quake",
        "the MD-83 and the C-130",
        "a 21-storey building",
        "no one was hurt",
        "two hours after the blast",
    ],
)
def test_non_counts_are_dropped(text: str) -> None:
    assert figures(text) == []


def test_year_followed_by_people_is_a_count() -> None:
    assert figures("2000 people died") == [(2000, None)]


def test_never_raises_on_odd_text() -> None:
    for text in ["", "   ", "٣٤٥", "1" * 5000, "twenty-" * 300, "a dozen dozen dozens"]:
        find_figures(text)


def test_days_of_the_month_and_road_numbers_are_not_counts() -> None:
    assert figures("On March 3 12 people died") == [(12, None)]
    assert figures("a crash on Interstate 95") == []
    assert figures("police told us 2 people died") == [(2, None)]


# --- regex helpers the rule builds use for speed ------------------------------------------


def test_regex_helpers_keep_matches_the_same() -> None:
    import re

    from incident_cli.numbers import (
        anchored,
        lead_class,
        lower_safe,
        lowered,
        needles,
        substring_test,
        trie_alt,
    )

    words = ["man", "men", "policeman", "security guard", "security guards", "year-old"]
    trie = re.compile(f"(?:{trie_alt(words)})", re.I)
    plain = re.compile("|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words),
                                       key=lambda w: -len(w))), re.I)
    for text in ["Policemen and a security  guards post", "two men, a 5-year-old", "woman"]:
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert lead_class(r"\b(?:(?:were\s+|was\s+)?rushed|killed)\b") == "[krw]"
    assert lead_class(r"a?") is None
    assert needles(r"\bclaim(?:ed|s)?\s+(?:the\s+)?lives\b") == frozenset({"claim"})
    assert needles(r"[\w/:]$") is None
    assert bool(substring_test(["kill", "dead"]).search("overkill")) is True
    assert bool(substring_test(["kill", "dead"]).search("alive")) is False
    assert anchored(r"(?:^\s*a)|(?:^b)") and not anchored(r"(?:^a)|b")
    assert lowered(r"\b(?:USD|Rs\.?)\s*$") == r"\b(?:usd|rs\.?)\s*$"
    assert lowered(r"^-[^\W\d_]") == r"^-[^\W\d_]"  # escapes keep their case
    assert lowered(r"\x41") is None and lowered(r"(?P<n>x)") is None
    assert lower_safe("Killed", "killed") and not lower_safe("İ", "İ".lower())
    assert not lower_safe("ſ", "ſ")  # the long s matches "s" only case-insensitively


@pytest.mark.parametrize(
    "text",
    [
        "The driver, Amos Kiprop, 41, died at the scene.",
        "Maria Lopez (27) was taken to hospital.",
        "A man, 34, has been charged.",
    ],
)
def test_ages_in_apposition_are_not_counts(text: str) -> None:
    assert figures(text) == []


def test_a_count_after_a_place_and_comma_stays() -> None:
    assert figures("In Gulu, 12 people were hurt.") == [(12, None)]


def test_a_figure_with_a_fraction_is_no_head_count() -> None:
    # "at 11.30" is a time, "a 5.9 quake" a magnitude: never people
    assert find_figures("He was pulled out at 11.30 and died in hospital.") == []
    assert [f.value for f in find_figures("A 5.9 quake hit; 2.5 million people felt it.")] == []


def test_a_translated_thousands_point_is_read_as_thousands() -> None:
    figures = find_figures("1.250 search and rescue personnel are working")
    assert [f.value for f in figures] == [1250]
