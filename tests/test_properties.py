"""Property tests: `summarize` never raises and always returns a well-formed `Summary`.

Arbitrary text (any unicode including control characters, very long lines, no punctuation,
runs of digits, runs of capitalised words, incident-like word salad) must give casualty
values that are non-negative ints or None, an ISO date or None, a bool `is_incident`, and a
record `json.dumps` accepts. A few explicit adversarial inputs (a million digits, 100,000
capitalised words, 200,000 punctuation marks, 1 MB of text) must simply finish: their timing
is measured by `benchmarks/run.py`, not asserted here.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import pickle
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from incident_cli.core import summarize
from incident_cli.models import Evidence, Summary

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
COUNTS = ("killed", "injured", "missing", "arrested")

# Modest for CI; hunt harder locally with INCIDENT_PROPERTY_EXAMPLES=5000.
PROPERTY_SETTINGS = settings(
    max_examples=int(os.environ.get("INCIDENT_PROPERTY_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Words that wake the extractors up, so the salad reaches their rules, not just the cleaner.
VOCAB = [
    "killed", "injured", "wounded", "dead", "died", "missing", "arrested", "at", "least",
    "more", "than", "dozens", "of", "people", "police", "said", "gunmen", "a", "suicide",
    "bomber", "blast", "fire", "flood", "earthquake", "bus", "crash", "stampede", "in",
    "near", "km", "from", "the", "on", "Monday", "Friday", "night", "yesterday", "last",
    "week", "March", "2019", "12", "1,200", "three", "twenty-one", "hundreds", "Karachi",
    "Pakistan", "Lagos", "Texas", "Ohio", "U.S.", "Mr.", "Dr.", "—", "-", ",", ".", "\"",
    "“", "”", "(AP)", "Reuters", "Read more:", "Source link", "\n", "\n\n", "  ", "\t",
]


def check_summary(s: object) -> None:
    """The contract every result must keep, whatever the input."""
    assert isinstance(s, Summary)
    assert isinstance(s.is_incident, bool)
    for name in COUNTS:
        value = getattr(s.casualties, name).value
        assert value is None or (type(value) is int and value >= 0), (name, value)
    for date in (s.when.date, s.when.reference):
        if date is not None:
            dt.date.fromisoformat(date)
    for other in s.other_incidents:
        for value in (other.killed, other.injured):
            assert value is None or (type(value) is int and value >= 0)
        if other.date is not None:
            dt.date.fromisoformat(other.date)
    for ev in _evidence(s):
        for a, b in ev.spans:
            assert 0 <= a <= b <= len(ev.sentence), (ev.sentence[:80], a, b)
    assert all(isinstance(x, str) for x in s.summary)
    record = s.to_dict()
    json.dumps(record)
    json.dumps(s.to_dict(evidence=False), ensure_ascii=False)
    # Parallel engines ship results between processes: the Summary must survive pickling.
    assert pickle.loads(pickle.dumps(s)).to_dict() == record


def _evidence(s: Summary) -> list[Evidence]:
    found = [s.what.evidence, s.who.evidence, s.where.evidence, s.when.evidence]
    found += [getattr(s.casualties, name).evidence for name in COUNTS]
    return [ev for ev in found if ev is not None]


# --------------------------------------------------------------------------- strategies

any_text = st.text(alphabet=st.characters(codec=None, exclude_categories=["Cs"]), max_size=400)
long_line = st.builds(lambda chunk, n: chunk * n, st.text(min_size=1, max_size=20),
                      st.integers(min_value=200, max_value=3000))
no_punctuation = st.text(alphabet=st.sampled_from("abcdefgh XYZ  qrstu"), max_size=2000)
digit_runs = st.lists(st.text(alphabet="0123456789", min_size=1, max_size=60),
                      max_size=40).map(" ".join)
capitalised_runs = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=10).map(str.title),
    max_size=300,
).map(" ".join)
word_salad = st.lists(st.sampled_from(VOCAB), max_size=200).map(" ".join)
references = st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


@PROPERTY_SETTINGS
@given(text=any_text, published=references)
def test_any_unicode(text: str, published: dt.date | None) -> None:
    check_summary(summarize(text, published=published))


@PROPERTY_SETTINGS
@given(text=st.one_of(long_line, no_punctuation, digit_runs, capitalised_runs))
def test_odd_shapes(text: str) -> None:
    check_summary(summarize(text))


@PROPERTY_SETTINGS
@given(text=word_salad, published=references)
def test_incident_like_word_salad(text: str, published: dt.date | None) -> None:
    check_summary(summarize(text, published=published))


@PROPERTY_SETTINGS
@given(text=st.one_of(word_salad, any_text), n=st.integers(min_value=0, max_value=6))
def test_summary_length_is_bounded(text: str, n: int) -> None:
    s = summarize(text, sentences=n)
    check_summary(s)
    assert len(s.summary) <= n


@PROPERTY_SETTINGS
@given(parts=st.lists(st.one_of(word_salad, any_text, capitalised_runs), min_size=2,
                      max_size=6))
def test_mixed_paragraphs(parts: list[str]) -> None:
    check_summary(summarize("\n\n".join(parts)))


# --------------------------------------------------------------------------- adversarial


def _one_megabyte() -> str:
    seed = next(iter(sorted(SEEDS.glob("*.txt"))), None)
    text = seed.read_text(encoding="utf-8") if seed else "Gunmen killed 3 people. " * 50
    return (text + "\n\n") * (1_000_000 // (len(text) + 2) + 1)


ADVERSARIAL = {
    "million_digits": lambda: "7" * 1_000_000,
    "million_digits_commas": lambda: "1," * 500_000,
    "capitalised_words": lambda: " ".join(["Gunmen", "Killed", "Karachi", "Police"] * 25_000),
    "punctuation": lambda: "!?.,;:-—\"'()" * 20_000,
    "whitespace": lambda: " \t\n" * 100_000 + "x",
    "one_megabyte_article": _one_megabyte,
    "one_megabyte_line": lambda: ("word " * 200_000),
    "empty": lambda: "",
}


@pytest.mark.parametrize("kind", sorted(ADVERSARIAL))
def test_adversarial_input_finishes(kind: str) -> None:
    check_summary(summarize(ADVERSARIAL[kind](), published=dt.date(2024, 1, 1)))
