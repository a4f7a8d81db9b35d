"""`incident evaluate`: score the tool against a user's own labelled articles.

The matching is deliberately forgiving where readers legitimately differ (accents,
"the city of", a district suffix, "gunman" vs "gunmen", listed alternative answers)
and strict where a user needs the number right (counts, ISO dates).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import Config

SLOTS = ("event_type", "date", "place", "country", "killed", "injured")
FIELDS = ("is_incident", *SLOTS, "perpetrators", "sources", "no_false_perpetrator")

_COUNTRY_SAME = {
    "united states": ("us", "usa", "u s", "u s a", "united states of america", "america"),
    "united kingdom": ("uk", "u k", "britain", "great britain", "england", "scotland", "wales",
                       "northern ireland"),
    "democratic republic of the congo": ("drc", "dr congo", "democratic republic of congo",
                                         "congo kinshasa"),
    "south korea": ("korea republic of", "republic of korea"),
    "north korea": ("korea democratic people s republic of",),
    "russia": ("russian federation",),
    "iran": ("iran islamic republic of",),
    "syria": ("syrian arab republic",),
    "turkey": ("turkiye",),
    "czech republic": ("czechia",),
    "netherlands": ("holland",),
    "myanmar": ("burma",),
    "ivory coast": ("cote d ivoire",),
    "vietnam": ("viet nam",),
    "united arab emirates": ("uae",),
    "palestine": ("gaza", "west bank", "palestinian territories", "state of palestine"),
}
_COUNTRY = {alias: name for name, aliases in _COUNTRY_SAME.items() for alias in aliases}
_FILLER = frozenset({
    "the", "a", "an", "of", "and", "in", "at", "on", "by", "from", "to", "unidentified",
    "unknown", "suspected", "alleged", "armed", "several", "some", "group", "members", "member",
})
_PLACE_PREFIX = re.compile(r"^(?:the )?(?:city|town|village|district|province|state|county) of ")
_PLACE_SUFFIX = re.compile(r" (?:city|town|village|district|county)$")


class GoldError(ValueError):
    """The labelled file cannot be used; the message names the line."""


def normal(value: Any) -> str:
    """Casefolded, accents and punctuation removed, spaces squeezed."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def same_country(pred: Any, gold: Any) -> bool:
    def key(v: Any) -> str:
        n = normal(v)
        n = n[4:] if n.startswith("the ") else n
        return _COUNTRY.get(n, n)

    return bool(key(pred)) and key(pred) == key(gold)


def same_place(pred: Any, gold: Any) -> bool:
    """Equal after dropping "city of"/"district", or one a whole-word run covering at least
    half of the other ("Dera Ismail Khan" ~ "Dera Ismail Khan district")."""

    def key(v: Any) -> list[str]:
        return _PLACE_SUFFIX.sub("", _PLACE_PREFIX.sub("", normal(v))).split()

    a, b = key(pred), key(gold)
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    runs = (long_[i:i + len(short)] for i in range(len(long_) - len(short) + 1))
    return any(run == short for run in runs) and 2 * len(short) >= len(long_)


def _content(value: Any) -> set[str]:
    return {w for w in normal(value).split() if w not in _FILLER and not w.isdigit()}


def _stem(word: str) -> str:
    return re.sub(r"(?:men|man|s)$", "", word)


def same_actor(pred: Any, gold: Any) -> bool:
    """Half the content words of the shorter description are shared (plural-tolerant)."""
    a, b = _content(pred), _content(gold)
    if not a or not b:
        return bool(normal(gold)) and normal(pred) == normal(gold)
    shared = a & b or {_stem(w) for w in a} & {_stem(w) for w in b}
    return 2 * len(shared) >= min(len(a), len(b))


def names(value: Any) -> list[str]:
    """Actor lists as the tool writes them (strings or {"name": ...} objects)."""
    if value is None:
        return []
    if isinstance(value, (str, dict)):
        value = [value]
    out = []
    for item in value:
        if isinstance(item, dict):
            item = item.get("name") or item.get("text")
        if item:
            out.append(str(item))
    return out


def as_int(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, dict):
        return as_int(value.get("value"))
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _dig(record: dict[str, Any], *keys: str) -> Any:
    node: Any = record
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    return node


@dataclass
class Tally:
    right: int = 0
    total: int = 0
    misses: list[tuple[str, Any, Any]] = field(default_factory=list)
    confidences: list[tuple[float, bool]] = field(default_factory=list)

    def add(self, ok: bool, article: str, want: Any, got: Any,
            confidence: Any = None) -> None:
        self.total += 1
        self.right += ok
        if not ok:
            self.misses.append((article, want, got))
        if isinstance(confidence, (int, float)) and not isinstance(confidence, bool):
            self.confidences.append((float(confidence), bool(ok)))

    @property
    def separation(self) -> float | None:
        """How well confidence ranks: the chance that a right answer has a higher confidence
        than a wrong one (ROC AUC; 0.5 is chance, 1.0 perfect). None without both kinds."""
        right = [c for c, ok in self.confidences if ok]
        wrong = [c for c, ok in self.confidences if not ok]
        if not right or not wrong:
            return None
        wins = sum(1.0 if r > w else 0.5 if r == w else 0.0 for r in right for w in wrong)
        return wins / (len(right) * len(wrong))

    @property
    def rate(self) -> float | None:
        return self.right / self.total if self.total else None


@dataclass
class Report:
    tallies: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in FIELDS})
    articles: int = 0
    failed: int = 0

    @property
    def slots(self) -> float:
        rates = [r for r in (self.tallies[f].rate for f in SLOTS) if r is not None]
        return sum(rates) / len(rates) if rates else 0.0

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {"articles": self.articles, "failed": self.failed,
                               "slots": round(self.slots, 4)}
        for name, tally in self.tallies.items():
            out[name] = None if tally.rate is None else round(tally.rate, 4)
            if tally.separation is not None:
                out[f"{name}_confidence_auc"] = round(tally.separation, 4)
        return out

    def text(self, *, errors: int = 0) -> str:
        lines = [f"{'field':<22}{'right':>7}{'of':>6}{'rate':>8}{'conf.auc':>10}"]
        for name, tally in self.tallies.items():
            rate = "-" if tally.rate is None else f"{tally.rate:.3f}"
            auc = "-" if tally.separation is None else f"{tally.separation:.3f}"
            lines.append(f"{name:<22}{tally.right:>7}{tally.total:>6}{rate:>8}{auc:>10}")
            for article, want, got in tally.misses[:errors]:
                lines.append(f"    {article}: want {want!r}  got {got!r}")
        lines.append(f"{'slots':<22}{'':>7}{'':>6}{self.slots:>8.3f}")
        lines.append(f"{self.articles} articles scored"
                     + (f", {self.failed} could not be summarised" if self.failed else ""))
        return "\n".join(lines) + "\n"


def score_one(report: Report, article: str, gold: dict[str, Any], pred: dict[str, Any]) -> None:
    """Add one article's prediction to the tallies."""
    t = report.tallies
    incident_conf = pred.get("incident_confidence")
    if isinstance(incident_conf, (int, float)) and not pred.get("is_incident"):
        incident_conf = 1.0 - incident_conf  # confidence in the answer given
    t["is_incident"].add(bool(pred.get("is_incident")) == bool(gold.get("is_incident")),
                         article, gold.get("is_incident"), pred.get("is_incident"),
                         incident_conf)
    if not gold.get("is_incident"):
        return
    kind = _dig(pred, "what", "event_type")
    kinds = {normal(k) for k in [gold.get("event_type"), *(gold.get("event_type_accept") or [])]}
    t["event_type"].add(normal(kind) in kinds, article, gold.get("event_type"), kind,
                        _dig(pred, "what", "confidence"))
    if gold.get("date"):
        date = _dig(pred, "when", "date")
        t["date"].add(str(date or "")[:10] == str(gold["date"]), article, gold["date"], date,
                      _dig(pred, "when", "confidence"))
    if gold.get("place"):
        place = _dig(pred, "where", "place")
        places = [gold["place"], *(gold.get("place_accept") or [])]
        t["place"].add(any(same_place(place, p) for p in places), article, gold["place"], place,
                       _dig(pred, "where", "confidence"))
    if gold.get("country"):
        country = _dig(pred, "where", "country")
        t["country"].add(same_country(country, gold["country"]), article, gold["country"],
                         country, _dig(pred, "where", "confidence"))
    for name in ("killed", "injured"):
        value = as_int(_dig(pred, "casualties", name))
        accepted = {as_int(gold.get(name)), *(as_int(v) for v in gold.get(f"{name}_accept") or [])}
        t[name].add(value in accepted, article, gold.get(name), value,
                    _dig(pred, "casualties", f"{name}_confidence"))
    perps = names(_dig(pred, "who", "perpetrators"))
    if gold.get("perpetrators"):
        hit = any(same_actor(p, g) for p in perps for g in gold["perpetrators"])
        t["perpetrators"].add(hit, article, gold["perpetrators"], perps,
                              _dig(pred, "who", "confidence"))
    else:
        t["no_false_perpetrator"].add(not perps, article, [], perps)
    if gold.get("sources"):
        sources = names(_dig(pred, "who", "sources"))
        hit = any(same_actor(s, g) for s in sources for g in gold["sources"])
        t["sources"].add(hit, article, gold["sources"], sources,
                         _dig(pred, "who", "confidence"))


@dataclass
class Labelled:
    """One gold line, shaped like an `inputs.Article` so the batch runner can take it."""

    id: str
    source: str
    text: str
    gold: dict[str, Any]
    published: Any = None
    url: str | None = None
    title: str | None = None
    warnings: list[str] = field(default_factory=list)


def load_gold(path: Path) -> list[Labelled]:
    """Read the labelled file; a line without `text` or `gold` is an error naming it."""
    import datetime as dt

    out: list[Labelled] = []
    try:
        handle = open(path, encoding="utf-8-sig")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise GoldError(f"{path}: {exc.strerror or exc}") from None
    with handle:
        for number, line in enumerate(_lines(handle), 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(f"{where}: not JSON: {exc.msg}") from None
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                raise GoldError(f"{where}: no 'text' string")
            if not isinstance(obj.get("gold"), dict):
                raise GoldError(f"{where}: no 'gold' object")
            published = None
            if obj.get("published"):
                try:
                    published = dt.date.fromisoformat(str(obj["published"])[:10])
                except ValueError:
                    raise GoldError(f"{where}: bad 'published': {obj['published']!r}") from None
            out.append(Labelled(id=str(obj.get("id", number)), source=where, text=obj["text"],
                                gold=obj["gold"], published=published, url=obj.get("url"),
                                title=obj.get("title")))
    return out


def _lines(handle: Any) -> Iterator[str]:
    try:
        yield from handle
    except UnicodeDecodeError as exc:
        raise GoldError(f"{handle.name}: not UTF-8 text ({exc.reason})") from None


def evaluate(labelled: list[Labelled], *, config: Config | None = None,
             jobs: int | None = None) -> Report:
    """Summarise every labelled article (in parallel when it pays) and score it."""
    from . import batch

    workers = min(jobs or batch.default_jobs(), max(1, len(labelled) // 8))
    report = Report()
    results = batch.run(labelled, config=config, jobs=workers)
    for item, result in zip(labelled, results, strict=False):  # the runner keeps input order
        report.articles += 1
        if result.error is not None:
            report.failed += 1
        score_one(report, item.id, item.gold, result.record)
    return report
