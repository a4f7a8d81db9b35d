"""Per-stage CPU time of the core, in milliseconds per article: where a speed change should go.

    .venv/bin/python benchmarks/stages.py [--repeats 10] [--only places,actors]

Runs the same steps as `core.summarize`, one module at a time, over the dev-set articles
(../shared/eval/dev.jsonl, else the seeds) and prints the median over repeats of each
stage's CPU time (`time.process_time`, so another busy process on the machine moves it less
than wall time would). The sum is the core's cost per article, without the CLI around it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from incident_cli import (  # noqa: E402
    actors,
    casualties,
    context,
    core,
    dates,
    event_type,
    places,
    scoring,
)
from incident_cli.config import default_config  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"


def load() -> list[tuple[str, dt.date | None, str | None]]:
    if DEV.exists():
        rows = [json.loads(line) for line in DEV.open(encoding="utf-8") if line.strip()]
        return [(r["text"], dt.date.fromisoformat(r["published"]) if r.get("published") else None,
                 r.get("url")) for r in rows]
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    return [(p.read_text(encoding="utf-8"), None, None) for p in seeds]


def run_once(articles: list[tuple[str, dt.date | None, str | None]]) -> dict[str, float]:
    config = default_config()
    spent: dict[str, float] = defaultdict(float)
    clock = time.process_time
    for text, published, url in articles:
        t0 = clock()
        doc = core.prepare(text, published=published, config=config, url=url)
        t1 = clock(); spent["prepare (clean, split)"] += t1 - t0  # noqa: E702
        context.mark_background(doc, config)
        t2 = clock(); spent["context"] += t2 - t1  # noqa: E702
        is_incident, _, what = event_type.classify(doc, config)
        t3 = clock(); spent["event_type"] += t3 - t2  # noqa: E702
        scoring.score_sentences(doc, config, what.event_type)
        scoring.top_sentences(doc, core.DEFAULT_SENTENCES)
        t4 = clock(); spent["scoring"] += t4 - t3  # noqa: E702
        _, others = casualties.extract_casualties(doc, config, what.event_type)
        t5 = clock(); spent["casualties"] += t5 - t4  # noqa: E702
        places.extract_place(doc, config)
        t6 = clock(); spent["places"] += t6 - t5  # noqa: E702
        dates.extract_date(doc, config)
        t7 = clock(); spent["dates"] += t7 - t6  # noqa: E702
        actors.extract_actors(doc, config, what.event_type)
        t8 = clock(); spent["actors"] += t8 - t7  # noqa: E702
        core._describe_others(others, doc, config)
        spent["other incidents"] += clock() - t8
    return {name: seconds * 1000 / len(articles) for name, seconds in spent.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--only", default="", help="comma-separated stage names to print")
    args = parser.parse_args()
    articles = load()
    run_once(articles)  # warm: compile regexes, open the gazetteer
    runs = [run_once(articles) for _ in range(args.repeats)]
    wanted = [w.strip() for w in args.only.split(",") if w.strip()]
    total = 0.0
    print(f"{len(articles)} articles, median of {args.repeats} runs, CPU ms per article")
    for name in runs[0]:
        median = statistics.median(run[name] for run in runs)
        total += median
        if not wanted or any(w in name for w in wanted):
            print(f"  {name:24s} {median:7.3f}")
    print(f"  {'total':24s} {total:7.3f}   ({1000 / total:.0f} articles/s)")


if __name__ == "__main__":
    main()
