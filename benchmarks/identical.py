"""Check that a speed change left every prediction unchanged, byte for byte.

    .venv/bin/python benchmarks/identical.py --save      # on the commit before the change
    .venv/bin/python benchmarks/identical.py             # after it: lists every text that differs

The corpus is every article we can read (the dev set if it is beside the repository, the
accuracy holdouts, the seeds) plus variants made from them by fixed rules: lines reversed,
upper- and lower-cased, halves, two articles joined, sentences spliced across articles, and
lines cut mid-word. The variants reach code paths the articles alone do not, so a rule that
was rewritten for speed has to agree with the old one on text it was never tuned on.
Predictions are JSON of `Summary.to_dict()`; the snapshot lives in benchmarks/out/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from incident_cli.core import summarize  # noqa: E402

SNAPSHOT = ROOT / "benchmarks" / "out" / "identical.jsonl"
SOURCES = [
    ROOT.parent / "shared" / "eval" / "dev.jsonl",
    *sorted((ROOT / "benchmarks" / "accuracy").glob("*.jsonl")),
]


def articles() -> list[dict]:
    rows: list[dict] = []
    for path in SOURCES:
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                rows += [json.loads(line) for line in handle if line.strip()]
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        rows.append({"id": seed.stem, "text": seed.read_text(encoding="utf-8")})
    return rows


def variants(rows: list[dict]) -> Iterator[tuple[str, str, str | None]]:
    """(key, text, published) for every article and its rule-made variants."""
    rng = random.Random(20261124)
    for i, row in enumerate(rows):
        text, pub = row["text"], row.get("published")
        key = f"{i}:{row.get('id')}"
        lines = text.splitlines()
        other = rows[(i * 7 + 3) % len(rows)]["text"]
        yield key, text, pub
        yield key + ":nopub", text, None
        yield key + ":rev", "\n".join(reversed(lines)), pub
        yield key + ":upper", text.upper(), pub
        yield key + ":lower", text.lower(), pub
        yield key + ":head", text[: len(text) // 2], pub
        yield key + ":tail", text[len(text) // 2 :], pub
        yield key + ":join", text + "\n\n" + other, pub
        pairs = zip(text.split(". "), other.split(". "), strict=False)
        spliced = [s for pair in pairs for s in pair]
        yield key + ":splice", ". ".join(spliced), pub
        cut = [line[: rng.randint(0, len(line))] if line and rng.random() < 0.3 else line
               for line in lines]
        yield key + ":cut", "\n".join(cut), pub


def predict(text: str, pub: str | None) -> str:
    published = dt.date.fromisoformat(pub) if pub else None
    return json.dumps(summarize(text, published=published).to_dict(), ensure_ascii=False,
                      sort_keys=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", action="store_true", help="write the snapshot")
    parser.add_argument("--show", type=int, default=3, help="print this many differences")
    args = parser.parse_args()
    rows = articles()
    if args.save:
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        with SNAPSHOT.open("w", encoding="utf-8") as out:
            for key, text, pub in variants(rows):
                out.write(json.dumps({"key": key, "out": predict(text, pub)}) + "\n")
        print(f"saved {SNAPSHOT}")
        return 0
    with SNAPSHOT.open(encoding="utf-8") as handle:
        expected = {r["key"]: r["out"] for r in map(json.loads, handle)}
    total = differ = 0
    digest = hashlib.sha256()
    for key, text, pub in variants(rows):
        got = predict(text, pub)
        digest.update(got.encode())
        total += 1
        if expected.get(key) != got:
            differ += 1
            if differ <= args.show:
                print(f"DIFF {key}\n  was {expected.get(key)}\n  now {got}")
    print(f"{total} texts, {differ} differ, sha256 {digest.hexdigest()[:12]}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
