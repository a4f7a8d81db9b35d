"""Golden tests: every seed article in `seeds/` against its hand-written expected summary.

One test per (seed, field), so a failure names exactly what is wrong. Known misses of the
current code are listed in `seeds/known_failures.list` ("seed field  # reason") and run as
strict xfails: when a field gets fixed, its xfail turns into XPASS(strict) and fails, which
forces the line out of the list. Regenerate the list's entries (then write the reasons) with

    .venv/bin/python tests/test_golden.py

which prints every current miss in the list's format (`--write` rewrites the list, keeping
hand-written reasons). Generate it from the checked-in code, not from a working tree with
someone's edits in progress, e.g. from `git archive HEAD | tar -x -C /tmp/head` with
`PYTHONPATH=/tmp/head`.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
KNOWN_FAILURES = SEEDS / "known_failures.list"

# The fields an expected file may check, in report order. `<field>_accept` keys list
# other values a careful reader could defend (e.g. a toll with or without the attacker).
FIELDS = (
    "is_incident", "event_type", "date", "place", "admin1", "country",
    "killed", "injured", "perpetrators", "sources",
)
META_KEYS = {"published"}
MIN_SEEDS = 8

COUNTRY_ALIASES = {
    "us": "united states", "usa": "united states", "u s": "united states",
    "u s a": "united states", "united states of america": "united states",
    "america": "united states", "uk": "united kingdom", "britain": "united kingdom",
    "great britain": "united kingdom", "england": "united kingdom",
    "drc": "democratic republic of the congo", "dr congo": "democratic republic of the congo",
    "democratic republic of congo": "democratic republic of the congo",
    "ivory coast": "cote d ivoire", "burma": "myanmar", "russian federation": "russia",
    "viet nam": "vietnam", "turkiye": "turkey", "holland": "netherlands",
}
# Words too generic to make two actor descriptions "the same" (as the team's scorer does).
STOP = {
    "the", "a", "an", "of", "and", "in", "at", "on", "by", "from", "to", "unidentified",
    "unknown", "suspected", "alleged", "armed", "several", "some", "two", "three", "four",
    "five", "group", "members", "member",
}


# --------------------------------------------------------------------------- loading


def seed_names() -> list[str]:
    """Every article in `seeds/` (a `.txt` file), sorted."""
    return sorted(p.stem for p in SEEDS.glob("*.txt") if p.name != KNOWN_FAILURES.name)


def expected(name: str) -> dict[str, Any]:
    return json.loads((SEEDS / f"{name}.expected.json").read_text(encoding="utf-8"))


def known_failures() -> dict[tuple[str, str], str]:
    """`(seed, field) -> reason` from `seeds/known_failures.list`."""
    out: dict[tuple[str, str], str] = {}
    if not KNOWN_FAILURES.exists():
        return out
    for raw in KNOWN_FAILURES.read_text(encoding="utf-8").splitlines():
        line, _, reason = raw.partition("#")
        parts = line.split()
        if not parts:
            continue
        if len(parts) != 2:
            raise ValueError(f"known_failures.list: expected 'seed field  # reason': {raw!r}")
        out[(parts[0], parts[1])] = reason.strip() or "known miss"
    return out


@functools.cache
def predicted(name: str) -> dict[str, Any]:
    """The tool's record for one seed, through the public core and the JSON contract."""
    from incident_cli.core import summarize

    text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
    published = expected(name).get("published")
    summary = summarize(text, published=dt.date.fromisoformat(published) if published else None)
    return json.loads(json.dumps(summary.to_dict()))


# --------------------------------------------------------------------------- matching


def norm(value: Any) -> str:
    """Casefold, strip accents and punctuation, squeeze spaces."""
    if value is None:
        return ""
    s = unicodedata.normalize("NFKD", str(value))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[^\w\s]", " ", s.casefold())
    return re.sub(r"\s+", " ", s).strip()


def norm_country(value: Any) -> str:
    n = re.sub(r"^the ", "", norm(value))
    return COUNTRY_ALIASES.get(n, n)


def place_match(pred: Any, gold: Any) -> bool:
    """Loose: case- and accent-insensitive, one containing the other (as whole words)."""
    p, g = norm(pred), norm(gold)
    if not p or not g:
        return p == g
    return f" {p} " in f" {g} " or f" {g} " in f" {p} "


def _words(s: Any) -> set[str]:
    return {w for w in norm(s).split() if w not in STOP}


def actor_match(pred: Any, gold: Any) -> bool:
    """Loose match of two actor descriptions: shared content words (gunman ~ gunmen)."""
    p, g = _words(pred), _words(gold)
    if not p or not g:
        return bool(norm(gold)) and norm(pred) == norm(gold)
    inter = p & g
    if not inter:
        stem = lambda w: re.sub(r"(men|man|s)$", "", w)  # noqa: E731
        inter = {stem(w) for w in p} & {stem(w) for w in g}
    return len(inter) / min(len(p), len(g)) >= 0.5


def _names(items: Any) -> list[str]:
    out = []
    for item in items or []:
        if isinstance(item, dict):
            item = item.get("name") or item.get("text")
        if item:
            out.append(str(item))
    return out


def predicted_field(record: dict[str, Any], field: str) -> Any:
    paths = {
        "is_incident": ("is_incident",), "event_type": ("what", "event_type"),
        "date": ("when", "date"), "place": ("where", "place"), "admin1": ("where", "admin1"),
        "country": ("where", "country"), "killed": ("casualties", "killed"),
        "injured": ("casualties", "injured"), "perpetrators": ("who", "perpetrators"),
        "sources": ("who", "sources"),
    }
    value: Any = record
    for key in paths[field]:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def field_ok(field: str, want: Any, got: Any, accept: list[Any]) -> bool:
    """Whether the prediction `got` satisfies the expected `want` (or one of `accept`)."""
    if field in ("perpetrators", "sources"):
        names = _names(got)
        if not want:  # nothing expected: nothing may be invented (no false perpetrator)
            return not names
        return all(any(actor_match(p, w) for p in names) for w in want)
    for option in [want, *accept]:
        if field == "is_incident":
            ok = bool(got) == bool(option) and isinstance(got, bool)
        elif field == "event_type":
            ok = norm(got) == norm(option)
        elif field == "date":
            ok = (got or None) == option if option is None else str(got or "")[:10] == option
        elif field in ("place", "admin1"):
            ok = place_match(got, option)
        elif field == "country":
            ok = norm_country(got) == norm_country(option)
        else:  # killed, injured: exact integers, None = not reported
            ok = got == option and not isinstance(got, bool)
        if ok:
            return True
    return False


def check(name: str, field: str) -> tuple[bool, Any, Any]:
    exp = expected(name)
    got = predicted_field(predicted(name), field)
    return field_ok(field, exp[field], got, exp.get(f"{field}_accept") or []), exp[field], got


# --------------------------------------------------------------------------- tests


def _cases() -> list[Any]:
    known = known_failures()
    cases = []
    for name in seed_names():
        if not (SEEDS / f"{name}.expected.json").exists():
            continue  # reported by test_every_seed_has_an_expected_file
        for field in FIELDS:
            if field not in expected(name):
                continue
            marks = []
            if (name, field) in known:
                marks.append(pytest.mark.xfail(strict=True, reason=known[(name, field)]))
            cases.append(pytest.param(name, field, id=f"{name}-{field}", marks=marks))
    return cases


@pytest.mark.parametrize(("name", "field"), _cases())
def test_golden(name: str, field: str) -> None:
    ok, want, got = check(name, field)
    assert ok, f"{name}: {field}: expected {want!r}, got {got!r}"


def test_seeds_folder_has_enough_articles() -> None:
    assert len(seed_names()) >= MIN_SEEDS


@pytest.mark.parametrize("name", seed_names())
def test_every_seed_has_an_expected_file(name: str) -> None:
    path = SEEDS / f"{name}.expected.json"
    assert path.exists(), f"{name}.txt has no {path.name}"
    exp = expected(name)
    assert (SEEDS / f"{name}.txt").read_text(encoding="utf-8").strip()
    assert "is_incident" in exp
    allowed = set(FIELDS) | META_KEYS | {f"{f}_accept" for f in FIELDS}
    assert set(exp) <= allowed, f"unknown keys: {sorted(set(exp) - allowed)}"
    if exp.get("published") is not None:
        dt.date.fromisoformat(exp["published"])
    if exp.get("date") is not None:
        dt.date.fromisoformat(exp["date"])


def test_no_orphan_expected_files() -> None:
    names = set(seed_names())
    orphans = [p.name for p in SEEDS.glob("*.expected.json")
               if p.name.removesuffix(".expected.json") not in names]
    assert not orphans


def test_known_failures_name_real_checks() -> None:
    """A stale line (renamed seed, unchecked field) would silently hide nothing: flag it."""
    names = set(seed_names())
    for name, field in known_failures():
        assert name in names, f"known_failures.list: no seed {name!r}"
        assert field in expected(name), f"known_failures.list: {name} does not check {field!r}"


# --------------------------------------------------------------------------- regenerate


HEADER = """\
# Golden checks the checked-in code currently misses: "seed field  # reason".
# They run as strict xfails (tests/test_golden.py): when a field gets fixed the test fails
# with XPASS(strict), and its line must be removed. List the current misses with:
#     .venv/bin/python tests/test_golden.py          (--write rewrites this file)
"""


def main(argv: list[str]) -> int:
    """Print the current misses as known_failures.list lines (reasons to be edited by hand)."""
    old = known_failures()
    lines: list[str] = []
    passed = total = 0
    for name in seed_names():
        for field in FIELDS:
            if field not in expected(name):
                continue
            total += 1
            try:
                ok, want, got = check(name, field)
            except Exception as exc:  # report, do not stop: one crash must not hide the rest
                ok, want, got = False, expected(name)[field], f"raised {type(exc).__name__}"
            if ok:
                passed += 1
                continue
            reason = f"expected {want!r}, got {got!r}"
            written = old.get((name, field), "").split("; expected ")[0]
            if written and not written.startswith("expected "):
                reason = f"{written}; {reason}"  # keep a hand-written explanation
            lines.append(f"{name} {field}  # {reason}")
    if "--write" in argv:
        KNOWN_FAILURES.write_text(HEADER + "".join(x + "\n" for x in lines), encoding="utf-8")
    else:
        print("\n".join(lines))
    print(f"# {passed}/{total} golden checks pass", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
