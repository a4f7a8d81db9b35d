"""Turn output records (the dicts of `Summary.to_dict`) into text, one record at a time.

Writers stream: each `write` emits one record, so a batch never has to be held in
memory. rich and yaml are imported only by the writers that need them, which keeps
`incident summarize file --format json` starting as fast as Python itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import IO, Any

FORMATS = ("table", "json", "jsonl", "yaml", "csv", "markdown")
COUNTS = ("killed", "injured", "missing", "arrested")
EVIDENCE_FIELDS = ("what", "who", "where", "when", *COUNTS)
#: Rows of the compact multi-article table printed at a time (streaming, fixed widths).
TABLE_CHUNK = 40


# ---------------------------------------------------------------- plain-text helpers


def count_text(record: dict[str, Any], name: str) -> str | None:
    """"at least 15" from the value and its qualifier; None when the text does not say."""
    cas = record.get("casualties") or {}
    value = cas.get(name)
    if value is None:
        return None
    qualifier = cas.get(f"{name}_qualifier")
    return f"{qualifier} {value}" if qualifier else str(value)


def place_text(record: dict[str, Any], *, admin1: bool = True) -> str | None:
    where = record.get("where") or {}
    parts = [where.get("place"), where.get("admin1") if admin1 else None, where.get("country")]
    seen: list[str] = []
    for part in parts:
        if part and part not in seen:
            seen.append(str(part))
    return ", ".join(seen) or None


def when_text(record: dict[str, Any]) -> str | None:
    """The date with the phrase it came from and the reference it was resolved against."""
    when = record.get("when") or {}
    date, phrase = when.get("date"), when.get("text")
    reference, ref_source = when.get("reference"), when.get("reference_source")
    notes = []
    if phrase and phrase != date:
        notes.append(f"“{phrase}”")
    if reference:
        notes.append(f"reference {reference}" + (f" from {ref_source}" if ref_source else ""))
    elif date or phrase:
        notes.append("no reference date")
    if not (date or phrase or reference):
        return None
    head = date or ("unresolved" if phrase else "not stated")
    return head + (f" ({'; '.join(notes)})" if notes else "")


def sources_text(record: dict[str, Any]) -> list[str]:
    out = []
    for src in (record.get("who") or {}).get("sources") or []:
        if isinstance(src, dict):
            name, role = src.get("name"), src.get("role")
            if name:
                out.append(f"{name} ({role})" if role else str(name))
        elif src:
            out.append(str(src))
    return out


def other_text(other: dict[str, Any]) -> str:
    """One line for an earlier or separate incident the article mentions."""
    facts = [other.get("event_type"), other.get("place"), other.get("country"), other.get("date")]
    for name in ("killed", "injured"):
        if other.get(name) is not None:
            facts.append(f"{other[name]} {name}")
    head = ", ".join(str(f) for f in facts if f)
    text = str(other.get("text") or "")
    return f"{head}: {text}" if head else text


def label(record: dict[str, Any]) -> str:
    """What a person would call this article: its title, else its id, else where it came from."""
    return str(record.get("title") or record.get("id") or record.get("source") or "article")


def _spans(ev: dict[str, Any]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping, in-range spans (evidence comes from many extractors)."""
    size = len(ev.get("sentence") or "")
    out: list[tuple[int, int]] = []
    for span in sorted(tuple(s) for s in ev.get("spans") or [] if len(s) == 2):
        a, b = max(0, int(span[0])), min(size, int(span[1]))
        if a < b and (not out or a >= out[-1][1]):
            out.append((a, b))
    return out


def highlight_markdown(ev: dict[str, Any]) -> str:
    sentence = str(ev.get("sentence") or "")
    pieces, pos = [], 0
    for a, b in _spans(ev):
        pieces += [sentence[pos:a], "**", sentence[a:b], "**"]
        pos = b
    pieces.append(sentence[pos:])
    return "".join(pieces)


# ---------------------------------------------------------------- writers


class Writer:
    """Base: `write` one record at a time, `close` once at the end."""

    def __init__(self, stream: IO[str], *, many: bool, evidence: bool) -> None:
        self.stream, self.many, self.evidence = stream, many, evidence

    def write(self, record: dict[str, Any]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.stream.flush()


class JsonLinesWriter(Writer):
    def write(self, record: dict[str, Any]) -> None:
        # One write per line, so an interrupted batch leaves only complete lines.
        self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")


class JsonWriter(Writer):
    """One object for one article; a JSON array (streamed element by element) for several."""

    def __init__(self, stream: IO[str], *, many: bool, evidence: bool) -> None:
        super().__init__(stream, many=many, evidence=evidence)
        self.n = 0

    def write(self, record: dict[str, Any]) -> None:
        text = json.dumps(record, ensure_ascii=False, indent=2)
        if self.many:
            text = ("[\n" if self.n == 0 else ",\n") + _indent(text, "  ")
        self.stream.write(text if self.many else text + "\n")
        self.n += 1

    def close(self) -> None:
        if self.many:
            self.stream.write("\n]\n" if self.n else "[]\n")
        super().close()


def _indent(text: str, pad: str) -> str:
    return "\n".join(pad + line for line in text.splitlines())


class YamlWriter(Writer):
    """One YAML document per article (`---` between them when there are several)."""

    def write(self, record: dict[str, Any]) -> None:
        import yaml

        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        text = yaml.dump(record, Dumper=dumper, sort_keys=False, allow_unicode=True,
                         default_flow_style=False, width=100)
        self.stream.write(("---\n" if self.many else "") + text)


class CsvWriter(Writer):
    """One row per article: the same record flattened to dotted column names."""

    def __init__(self, stream: IO[str], *, many: bool, evidence: bool) -> None:
        import csv

        super().__init__(stream, many=many, evidence=evidence)
        self.columns = csv_columns(evidence)
        self.csv = csv.writer(stream, lineterminator="\n")
        self.csv.writerow(self.columns)

    def write(self, record: dict[str, Any]) -> None:
        flat = flatten(record)
        self.csv.writerow([flat.get(c, "") for c in self.columns])


def csv_columns(evidence: bool) -> list[str]:
    """A fixed header, known before the first record, from the contract's own template."""
    from .models import Summary

    template = Summary().to_dict(evidence=evidence)
    if evidence:
        template["evidence"] = {name: None for name in EVIDENCE_FIELDS}
    return [*flatten(template), "warnings", "error"]


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """Dotted keys, lists joined with "; ", evidence reduced to its sentence."""
    out: dict[str, str] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if prefix == "evidence.":
            out[name] = str(value.get("sentence") or "") if isinstance(value, dict) else ""
        elif isinstance(value, dict):
            out.update(flatten(value, name + "."))
        elif isinstance(value, list):
            out[name] = "; ".join(_cell(v, name) for v in value)
        else:
            out[name] = _cell(value, name)
    return out


def _cell(value: Any, name: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        if name == "other_incidents":
            return other_text(value)
        if "name" in value:
            return f"{value['name']} ({value['role']})" if value.get("role") else str(value["name"])
        return json.dumps(value, ensure_ascii=False)
    return str(value)


class MarkdownWriter(Writer):
    """A section per article: a field table, the summary, other incidents, evidence."""

    def __init__(self, stream: IO[str], *, many: bool, evidence: bool) -> None:
        super().__init__(stream, many=many, evidence=evidence)
        self.n = 0

    def write(self, record: dict[str, Any]) -> None:
        self.stream.write(("\n" if self.n else "") + markdown(record, evidence=self.evidence))
        self.n += 1


def _md_cell(text: Any) -> str:
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def markdown(record: dict[str, Any], *, evidence: bool = False) -> str:
    lines = [f"## {_md_cell(label(record))}", ""]
    if record.get("error"):
        lines += [f"**Error:** {_md_cell(record.get('source'))}: {_md_cell(record['error'])}", ""]
        return "\n".join(lines) + "\n"
    who = record.get("who") or {}
    rows = [
        ("id", record.get("id")),
        ("source", record.get("source")),
        ("incident", "yes" if record.get("is_incident") else "no"),
        ("what", (record.get("what") or {}).get("event_type")),
        ("perpetrators", "; ".join(who.get("perpetrators") or [])),
        ("victims", "; ".join(who.get("victims") or [])),
        ("sources", "; ".join(sources_text(record))),
        ("where", place_text(record)),
        ("when", when_text(record)),
        *((name, count_text(record, name)) for name in COUNTS),
    ]
    lines += ["| field | value |", "|---|---|"]
    lines += [f"| {name} | {_md_cell(value) if value else '—'} |" for name, value in rows]
    summary = record.get("summary") or []
    if summary:
        lines += ["", "**Summary**", ""]
        lines += [f"{i}. {s}" for i, s in enumerate(summary, 1)]
    others = record.get("other_incidents") or []
    if others:
        lines += ["", "**Other incidents mentioned**", ""]
        lines += [f"- {other_text(o)}" for o in others]
    ev = record.get("evidence") or {}
    found = [(k, ev[k]) for k in EVIDENCE_FIELDS if isinstance(ev.get(k), dict)]
    if evidence and found:
        lines += ["", "**Evidence**", ""]
        lines += [f"- *{k}*: {highlight_markdown(e)}" for k, e in found]
    for warning in record.get("warnings") or []:
        lines += ["", f"> warning: {warning}"]
    return "\n".join(lines) + "\n"


class TableWriter(Writer):
    """A rich panel for one article; a compact table for several (printed in chunks with
    fixed column ratios, so a long batch streams instead of waiting for the end).
    With --evidence a batch gets a panel per article: evidence needs the room."""

    def __init__(
        self,
        stream: IO[str],
        *,
        many: bool,
        evidence: bool,
        emit: Callable[[Any], None] | None = None,
    ) -> None:
        super().__init__(stream, many=many, evidence=evidence)
        from rich.console import Console

        self.console = Console(file=stream, highlight=False, soft_wrap=False)
        self.emit = emit or self.console.print
        self.rows: list[dict[str, Any]] = []
        self.n = 0

    def write(self, record: dict[str, Any]) -> None:
        if not self.many or self.evidence:
            self.emit(panel(record, evidence=self.evidence))
            return
        self.rows.append(record)
        if len(self.rows) >= TABLE_CHUNK:
            self._flush_rows()

    def _flush_rows(self) -> None:
        if self.rows:
            self.emit(compact_table(self.rows, start=self.n + 1, header=self.n == 0))
            self.n += len(self.rows)
            self.rows = []

    def close(self) -> None:
        self._flush_rows()
        super().close()


def _evidence_text(ev: dict[str, Any]) -> Any:
    from rich.text import Text

    text = Text("↳ " + str(ev.get("sentence") or ""), style="dim")
    for a, b in _spans(ev):
        text.stylize("bold yellow not dim", a + 2, b + 2)
    return text


def panel(record: dict[str, Any], *, evidence: bool = False) -> Any:
    """The one-article view: who/what/where/when/casualties, summary, other incidents."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    title = Text(label(record), style="bold")
    if record.get("error"):
        body = Text(f"{record.get('source')}: {record['error']}", style="red")
        return Panel(body, title=title, border_style="red", expand=True)
    ev = (record.get("evidence") or {}) if evidence else {}
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold cyan", no_wrap=True)
    grid.add_column(ratio=1)

    def row(name: str, value: str | None, *evidence_keys: str) -> None:
        grid.add_row(name, Text(value) if value else Text("not reported", style="dim"))
        for key in evidence_keys:
            if isinstance(ev.get(key), dict):
                grid.add_row("", _evidence_text(ev[key]))

    what = record.get("what") or {}
    kind = what.get("event_type") or "unknown"
    row("What", kind if record.get("is_incident") else f"{kind} (not an incident report)", "what")
    who = record.get("who") or {}
    who_parts = []
    if who.get("perpetrators"):
        who_parts.append("perpetrators: " + "; ".join(who["perpetrators"]))
    if who.get("victims"):
        who_parts.append("victims: " + "; ".join(who["victims"]))
    if sources_text(record):
        who_parts.append("sources: " + "; ".join(sources_text(record)))
    row("Who", "\n".join(who_parts) or None, "who")
    row("Where", place_text(record), "where")
    row("When", when_text(record), "when")
    tolls = [f"{name}: {count_text(record, name)}" for name in COUNTS if count_text(record, name)]
    row("Casualties", " · ".join(tolls) or None, *COUNTS)

    parts: list[Any] = [grid]
    summary = record.get("summary") or []
    if summary:
        parts += [Text(""), Text("Summary", style="bold")]
        parts += [Text(f"{i}. {s}") for i, s in enumerate(summary, 1)]
    others = record.get("other_incidents") or []
    if others:
        parts += [Text(""), Text("Other incidents mentioned", style="bold")]
        parts += [Text(f"• {other_text(o)}", style="dim") for o in others]
    for warning in record.get("warnings") or []:
        parts.append(Text(f"warning: {warning}", style="yellow"))
    subtitle = Text(str(record.get("source")), style="dim") if record.get("source") else None
    return Panel(Group(*parts), title=title, subtitle=subtitle, expand=True)


def compact_table(rows: list[dict[str, Any]], *, start: int = 1, header: bool = True) -> Any:
    """Several articles, one line each (who and the qualifiers are in the panel view)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, expand=True, show_header=header, show_edge=False,
                  pad_edge=False)
    # Fixed widths (and two flexible columns) keep chunk after chunk aligned.
    for name, width in (("#", 4), ("article", None), ("what", 12), ("where", None),
                        ("when", 10), ("killed", 6), ("injured", 7)):
        numeric = name in ("#", "killed", "injured")
        table.add_column(name, ratio=1 if width is None else None, width=width, no_wrap=True,
                         overflow="ellipsis", justify="right" if numeric else "left")
    for i, record in enumerate(rows, start):
        name = str(record.get("id") or record.get("source") or record.get("title") or "")
        if record.get("error"):
            table.add_row(str(i), name, Text(str(record["error"]), style="red"))
            continue
        what = (record.get("what") or {}).get("event_type") or "—"
        if not record.get("is_incident"):
            what = Text("not an incident", style="dim")
        table.add_row(
            str(i),
            name,
            what,
            place_text(record, admin1=False) or "—",
            (record.get("when") or {}).get("date") or "—",
            _number(record, "killed"),
            _number(record, "injured"),
        )
    return table


def _number(record: dict[str, Any], name: str) -> str:
    """Just the figure, for the compact table ("at least" lives in the detailed views)."""
    value = (record.get("casualties") or {}).get(name)
    return "—" if value is None else str(value)


WRITERS: dict[str, type[Writer]] = {
    "json": JsonWriter,
    "jsonl": JsonLinesWriter,
    "yaml": YamlWriter,
    "csv": CsvWriter,
    "markdown": MarkdownWriter,
    "table": TableWriter,
}


def make_writer(
    fmt: str,
    stream: IO[str],
    *,
    many: bool,
    evidence: bool = False,
    emit: Callable[[Any], None] | None = None,
) -> Writer:
    if fmt == "table":
        return TableWriter(stream, many=many, evidence=evidence, emit=emit)
    return WRITERS[fmt](stream, many=many, evidence=evidence)
