"""The core end to end: summarize() on short hand-written reports."""

from __future__ import annotations

import datetime as dt
import json
import pickle

from incident_cli import summarize
from incident_cli.models import Summary

REPORT = """Gunmen storm police post in Quetta

QUETTA, Pakistan — Gunmen stormed a police post in Quetta on Friday night, killing four \
officers, weeks after a bomb blast at a market in Peshawar killed 30 people, police said.
In 2019 a suicide bombing in Lahore killed 12 people.
"""


def test_summarize_reads_the_main_incident_and_keeps_others_apart() -> None:
    s = summarize(REPORT, published="2024-03-10")
    assert s.is_incident and s.what.event_type == "armed_assault"
    assert s.casualties.killed.value == 4
    assert s.where.place == "Quetta" and s.where.country == "Pakistan"
    assert s.when.date == "2024-03-08" and s.when.reference_source == "argument"
    others = {(o.place, o.killed) for o in s.other_incidents}
    assert ("Peshawar", 30) in others  # read from the clause, not the main sentence
    assert ("Lahore", 12) in others
    assert len(s.other_incidents) == len({(o.text, o.killed) for o in s.other_incidents})


def test_summary_sentences_are_tidy_and_in_order() -> None:
    s = summarize(REPORT, sentences=2)
    assert len(s.summary) == 2
    assert not s.summary[0].startswith("QUETTA")
    assert s.what.summary is not None and not s.what.summary.startswith("QUETTA")


def test_the_result_is_plain_data() -> None:
    s = summarize(REPORT, published=dt.date(2024, 3, 10), id="a1")
    assert isinstance(pickle.loads(pickle.dumps(s)), Summary)
    record = json.loads(json.dumps(s.to_dict()))
    assert record["id"] == "a1" and record["casualties"]["killed"] == 4


def test_not_an_incident_has_no_toll() -> None:
    s = summarize("Striker scores twice as City win derby\n\nThe striker scored twice in the "
                  "league match on Sunday; two players were injured in the second half.")
    assert not s.is_incident
    assert s.casualties.injured.value is None and s.what.event_type is None


def test_no_reference_date_leaves_weekdays_unresolved() -> None:
    s = summarize(REPORT)
    assert s.when.date is None and s.when.text and s.when.reference is None
