"""The typed result of `summarize`: plain dataclasses, picklable, JSON-ready via `to_dict`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Evidence:
    """The sentence a field came from, and the character spans in it that matched."""

    sentence: str
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def matched(self) -> list[str]:
        return [self.sentence[a:b] for a, b in self.spans]


@dataclass
class Count:
    """One casualty figure. `value` None means the text does not report it."""

    value: int | None = None
    qualifier: str | None = None  # "at least", "more than", "about", "up to", "nearly", ...
    text: str | None = None  # the phrase the figure was read from
    confidence: float = 0.0
    evidence: Evidence | None = None


@dataclass
class Casualties:
    killed: Count = field(default_factory=Count)
    injured: Count = field(default_factory=Count)
    missing: Count = field(default_factory=Count)
    arrested: Count = field(default_factory=Count)


@dataclass
class Source:
    name: str
    role: str | None = None


@dataclass
class Who:
    perpetrators: list[str] = field(default_factory=list)
    victims: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    confidence: float = 0.0
    evidence: Evidence | None = None


@dataclass
class What:
    event_type: str | None = None
    summary: str | None = None
    confidence: float = 0.0
    evidence: Evidence | None = None


@dataclass
class Where:
    place: str | None = None
    admin1: str | None = None
    country: str | None = None
    country_code: str | None = None
    confidence: float = 0.0
    evidence: Evidence | None = None


@dataclass
class When:
    date: str | None = None  # ISO YYYY-MM-DD
    text: str | None = None  # the phrase it was resolved from
    reference: str | None = None  # ISO date it was resolved against
    reference_source: str | None = None  # "argument", "header", "url", or None
    confidence: float = 0.0
    evidence: Evidence | None = None


@dataclass
class OtherIncident:
    """An earlier or separate incident the article mentions, kept out of the main record."""

    text: str
    event_type: str | None = None
    place: str | None = None
    country: str | None = None
    date: str | None = None
    date_text: str | None = None
    killed: int | None = None
    injured: int | None = None


@dataclass
class Summary:
    id: str | None = None
    source: str | None = None
    title: str | None = None
    is_incident: bool = False
    incident_confidence: float = 0.0
    what: What = field(default_factory=What)
    who: Who = field(default_factory=Who)
    where: Where = field(default_factory=Where)
    when: When = field(default_factory=When)
    casualties: Casualties = field(default_factory=Casualties)
    summary: list[str] = field(default_factory=list)
    other_incidents: list[OtherIncident] = field(default_factory=list)
    url: str | None = None
    error: str | None = None

    def to_dict(self, *, evidence: bool = True) -> dict[str, Any]:
        """The output contract: scored fields flat, evidence gathered under one key."""
        return summary_to_dict(self, evidence=evidence)


def _count_fields(casualties: Casualties) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in ("killed", "injured", "missing", "arrested"):
        count: Count = getattr(casualties, name)
        out[name] = count.value
        out[f"{name}_qualifier"] = count.qualifier
        out[f"{name}_text"] = count.text
        out[f"{name}_confidence"] = round(count.confidence, 3)
    return out


def _evidence(ev: Evidence | None) -> dict[str, Any] | None:
    if ev is None:
        return None
    return {"sentence": ev.sentence, "matched": ev.matched, "spans": [list(s) for s in ev.spans]}


def summary_to_dict(s: Summary, *, evidence: bool = True) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": s.id,
        "source": s.source,
        "url": s.url,
        "title": s.title,
        "is_incident": s.is_incident,
        "incident_confidence": round(s.incident_confidence, 3),
        "what": {
            "event_type": s.what.event_type,
            "summary": s.what.summary,
            "confidence": round(s.what.confidence, 3),
        },
        "who": {
            "perpetrators": list(s.who.perpetrators),
            "victims": list(s.who.victims),
            "sources": [asdict(src) for src in s.who.sources],
            "confidence": round(s.who.confidence, 3),
        },
        "where": {
            "place": s.where.place,
            "admin1": s.where.admin1,
            "country": s.where.country,
            "country_code": s.where.country_code,
            "confidence": round(s.where.confidence, 3),
        },
        "when": {
            "date": s.when.date,
            "text": s.when.text,
            "reference": s.when.reference,
            "reference_source": s.when.reference_source,
            "confidence": round(s.when.confidence, 3),
        },
        "casualties": _count_fields(s.casualties),
        "summary": list(s.summary),
        "other_incidents": [asdict(o) for o in s.other_incidents],
    }
    if evidence:
        record["evidence"] = {
            "what": _evidence(s.what.evidence),
            "who": _evidence(s.who.evidence),
            "where": _evidence(s.where.evidence),
            "when": _evidence(s.when.evidence),
            **{
                name: _evidence(getattr(s.casualties, name).evidence)
                for name in ("killed", "injured", "missing", "arrested")
            },
        }
    if s.error is not None:
        record["error"] = s.error
    return record


def error_record(*, id: str | None, source: str | None, error: str) -> dict[str, Any]:
    """The record for an input that could not be summarised: same keys, plus `error`."""
    return summary_to_dict(Summary(id=id, source=source, error=error), evidence=False)
