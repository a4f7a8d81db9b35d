"""Renderers: every format from the same record, streaming one record at a time."""

from __future__ import annotations

import csv
import io
import json

import yaml
from rich.console import Console

from incident_cli.models import (
    Casualties,
    Count,
    Evidence,
    OtherIncident,
    Source,
    Summary,
    Where,
    Who,
    error_record,
)
from incident_cli.render import (
    count_text,
    csv_columns,
    flatten,
    highlight_markdown,
    make_writer,
    markdown,
    panel,
    when_text,
)

SENTENCE = "Gunmen killed at least three guards in Pellham on Friday."


def record(evidence: bool = True) -> dict:
    summary = Summary(
        id="r1",
        source="news/r1.txt",
        title="Depot attack",
        is_incident=True,
        who=Who(perpetrators=["gunmen"], sources=[Source("Tomas Verin", "police spokesman")]),
        where=Where(place="Pellham", country="Freedonia",
                    evidence=Evidence(SENTENCE, [(39, 46)])),
        casualties=Casualties(killed=Count(3, "at least", "at least three",
                                           evidence=Evidence(SENTENCE, [(7, 28)]))),
        summary=[SENTENCE],
        other_incidents=[OtherIncident("A blast there in 2019 killed two.", place="Pellham",
                                       date="2019-04-01", killed=2)],
    )
    summary.what.event_type = "shooting"
    summary.when.date, summary.when.text = "2025-05-30", "Friday"
    summary.when.reference, summary.when.reference_source = "2025-06-03", "argument"
    return summary.to_dict(evidence=evidence)


def render(fmt: str, records: list[dict], *, evidence: bool = False) -> str:
    out = io.StringIO()
    writer = make_writer(fmt, out, many=len(records) > 1, evidence=evidence)
    for r in records:
        writer.write(r)
    writer.close()
    return out.getvalue()


def test_plain_helpers() -> None:
    r = record()
    assert count_text(r, "killed") == "at least 3"
    assert count_text(r, "injured") is None
    assert when_text(r) == "2025-05-30 (“Friday”; reference 2025-06-03 from argument)"


def test_json_one_object_or_a_streamed_array() -> None:
    assert json.loads(render("json", [record()]))["id"] == "r1"
    many = json.loads(render("json", [record(), error_record(id="x", source="x", error="bad")]))
    assert [m["id"] for m in many] == ["r1", "x"]
    empty = io.StringIO()
    writer = make_writer("json", empty, many=True)
    writer.close()
    assert json.loads(empty.getvalue()) == []


def test_jsonl_and_yaml() -> None:
    lines = render("jsonl", [record(), record()]).splitlines()
    assert [json.loads(line)["casualties"]["killed"] for line in lines] == [3, 3]
    docs = list(yaml.safe_load_all(render("yaml", [record(), record()])))
    assert docs[1]["who"]["sources"][0]["name"] == "Tomas Verin"
    assert yaml.safe_load(render("yaml", [record()]))["where"]["place"] == "Pellham"


def test_csv_flattens_to_one_row_with_a_fixed_header() -> None:
    text = render("csv", [record(), error_record(id="x", source="x.pdf", error="binary file")])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == csv_columns(False)
    assert rows[0]["casualties.killed"] == "3"
    assert rows[0]["casualties.killed_qualifier"] == "at least"
    assert rows[0]["who.sources"] == "Tomas Verin (police spokesman)"
    assert rows[0]["is_incident"] == "true"
    assert "2019-04-01" in rows[0]["other_incidents"]
    assert rows[1]["error"] == "binary file" and rows[1]["casualties.killed"] == ""


def test_csv_evidence_columns_hold_the_sentence() -> None:
    rows = list(csv.DictReader(io.StringIO(render("csv", [record()], evidence=True))))
    assert rows[0]["evidence.where"] == SENTENCE
    assert rows[0]["evidence.when"] == ""


def test_flatten_joins_lists() -> None:
    flat = flatten({"a": {"b": [1, 2]}, "c": None, "d": True})
    assert flat == {"a.b": "1; 2", "c": "", "d": "true"}


def test_markdown_sections_and_highlight() -> None:
    md = markdown(record(), evidence=True)
    assert md.startswith("## Depot attack\n")
    assert "| killed | at least 3 |" in md
    assert "in **Pellham** on Friday" in md
    assert "- Pellham, 2019-04-01, 2 killed: A blast" in md
    assert render("markdown", [record(), record()]).count("## Depot attack") == 2
    err = markdown(error_record(id=None, source="bad.pdf", error="binary file (PDF)"))
    assert "**Error:** bad.pdf: binary file (PDF)" in err


def test_highlight_ignores_bad_spans() -> None:
    ev = {"sentence": "abcdef", "spans": [[4, 99], [0, 2], [1, 3], [5, 5]]}
    assert highlight_markdown(ev) == "**ab**cd**ef**"
    assert highlight_markdown({"sentence": "a|b", "spans": []}) == "a|b"


def test_markdown_escapes_pipes() -> None:
    r = record()
    r["where"]["place"] = "A|B"
    assert "A\\|B" in markdown(r)


def test_panel_and_table_render() -> None:
    console = Console(record=True, width=100, file=io.StringIO())
    console.print(panel(record(), evidence=True))
    text = console.export_text()
    for expected in ("Depot attack", "shooting", "Pellham", "killed: at least 3",
                     "Tomas Verin (police spokesman)", "Other incidents", "↳"):
        assert expected in text
    table = render("table", [record(), error_record(id="x2", source="x2", error="not found")])
    assert "r1" in table and "not found" in table


def test_table_streams_in_chunks() -> None:
    text = render("table", [record() for _ in range(95)])
    assert text.count("killed") == 1  # one header, then rows chunk after chunk
    assert " 95 " in text
