"""`incident evaluate`: the matching rules and the per-field report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from incident_cli.evaluate import (
    GoldError,
    Report,
    as_int,
    evaluate,
    load_gold,
    names,
    same_actor,
    same_country,
    same_place,
    score_one,
)


@pytest.mark.parametrize(("pred", "gold", "ok"), [
    ("Dera Ismail Khan", "Dera Ismail Khan district", True),
    ("the city of Pellham", "Pellham", True),
    ("São Paulo", "Sao Paulo", True),
    ("Khan", "Dera Ismail Khan", False),
    ("", "Pellham", False),
    (None, "Pellham", False),
    ("Pellham", "Brenmoor", False),
])
def test_same_place(pred: str | None, gold: str, ok: bool) -> None:
    assert same_place(pred, gold) is ok


@pytest.mark.parametrize(("pred", "gold", "ok"), [
    ("US", "United States", True),
    ("Britain", "United Kingdom", True),
    ("The Netherlands", "Holland", True),
    ("Türkiye", "Turkey", True),
    ("France", "Belgium", False),
    (None, "France", False),
])
def test_same_country(pred: str | None, gold: str, ok: bool) -> None:
    assert same_country(pred, gold) is ok


def test_same_actor() -> None:
    assert same_actor("gunman", "unidentified gunmen")
    assert same_actor("suicide bomber", "a suicide bomber")
    assert same_actor("Tomas Verin", "police spokesman Tomas Verin")
    assert not same_actor("police", "gunmen")


def test_helpers() -> None:
    assert names([{"name": "A", "role": "x"}, "B", None]) == ["A", "B"]
    assert names("A") == ["A"]
    assert as_int({"value": 4}) == 4 and as_int(True) is None and as_int("7") == 7


GOLD = {"is_incident": True, "event_type": "shooting", "event_type_accept": ["armed_assault"],
        "date": "2025-05-30", "place": "Pellham", "country": "Freedonia", "killed": 3,
        "killed_accept": [4], "injured": 2, "perpetrators": ["gunmen"],
        "sources": ["Tomas Verin"]}


def test_score_one_counts_each_field() -> None:
    report = Report()
    pred = {"is_incident": True, "what": {"event_type": "armed_assault"},
            "when": {"date": "2025-05-30"}, "where": {"place": "Pellham", "country": "Elbonia"},
            "casualties": {"killed": 4, "injured": None},
            "who": {"perpetrators": ["gunman"], "sources": [{"name": "Verin", "role": None}]}}
    score_one(report, "g1", GOLD, pred)
    rates = {k: t.rate for k, t in report.tallies.items()}
    assert rates["event_type"] == rates["date"] == rates["place"] == rates["killed"] == 1.0
    assert rates["country"] == rates["injured"] == 0.0
    assert rates["perpetrators"] == rates["sources"] == 1.0
    assert rates["no_false_perpetrator"] is None
    assert report.slots == pytest.approx(4 / 6)
    assert "g1: want 'Freedonia'  got 'Elbonia'" in report.text(errors=1)


def test_non_incidents_only_score_is_incident() -> None:
    report = Report()
    score_one(report, "n1", {"is_incident": False}, {"is_incident": True})
    assert report.tallies["is_incident"].rate == 0.0
    assert report.tallies["event_type"].total == 0


def test_false_perpetrator_is_counted() -> None:
    report = Report()
    gold = {**GOLD, "perpetrators": []}
    score_one(report, "f1", gold, {"is_incident": True, "who": {"perpetrators": ["rain"]}})
    assert report.tallies["no_false_perpetrator"].rate == 0.0


def test_load_gold_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "text": "x", "gold": {}}\n\n{"id": "b", "text": "y"}\n')
    with pytest.raises(GoldError, match=r"gold.jsonl:3: no 'gold' object"):
        load_gold(path)
    path.write_text("{oops\n")
    with pytest.raises(GoldError, match=r":1: not JSON"):
        load_gold(path)
    path.write_text('{"id": "a", "text": "x", "published": "soon", "gold": {}}\n')
    with pytest.raises(GoldError, match="bad 'published'"):
        load_gold(path)


def test_evaluate_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    rows = [
        {"id": "e1", "url": None, "published": "2025-03-12",
         "text": "A gas explosion destroyed a bakery in Halvik on Monday, killing two workers.",
         "gold": {"is_incident": True, "event_type": "explosion_industrial", "place": "Halvik",
                  "date": "2025-03-10", "killed": 2, "injured": None, "perpetrators": []}},
        {"id": "e2", "url": None, "published": None,
         "text": "The central bank left interest rates unchanged on Thursday.",
         "gold": {"is_incident": False}},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    report = evaluate(load_gold(path), jobs=1)
    assert report.articles == 2 and report.failed == 0
    assert report.tallies["is_incident"].total == 2
    assert report.tallies["killed"].total == 1
    figures = report.figures()
    assert set(figures) >= {"slots", "event_type", "no_false_perpetrator"}


def test_confidence_separation_ranks_right_above_wrong() -> None:
    from incident_cli.evaluate import Tally

    tally = Tally()
    for confidence, ok in [(0.9, True), (0.8, True), (0.3, False), (0.85, False)]:
        tally.add(ok, "a", 1, 1 if ok else 2, confidence)
    # right answers beat the 0.3 miss twice, the 0.85 miss once: 3 wins of 4 pairs
    assert tally.separation == 0.75
    assert Tally().separation is None
