"""The batch runner: input order, error records, a pool that matches one process, and a
bounded read-ahead (flat memory on huge inputs)."""

from __future__ import annotations

import datetime as dt
import itertools
import time
from collections.abc import Iterator

import pytest

from incident_cli import batch
from incident_cli.inputs import Article, InputError

TEXTS = [
    "A gas explosion destroyed a bakery in Halvik on Monday, killing two workers.",
    "Police said a man stabbed three people at a market in Ostreva on Sunday.",
    "Floodwater cut off the village of Kemsey after the river rose overnight.",
    "The central bank left interest rates unchanged on Thursday.",
]


def articles(n: int) -> list[Article | InputError]:
    out: list[Article | InputError] = []
    for i in range(n):
        if i % 7 == 3:
            out.append(InputError(f"e{i}", f"in/e{i}.pdf", "binary file (PDF)"))
        else:
            out.append(Article(id=f"a{i}", source=f"in/a{i}.txt", text=TEXTS[i % len(TEXTS)],
                               published=dt.date(2025, 3, 12)))
    return out


def test_one_process_keeps_order_and_makes_error_records() -> None:
    results = list(batch.run(articles(10)))
    assert [r.record["id"] for r in results] == [f"{'e' if i % 7 == 3 else 'a'}{i}"
                                                 for i in range(10)]
    bad = results[3]
    assert bad.error == "binary file (PDF)" and bad.record["error"] == "binary file (PDF)"
    assert bad.source == "in/e3.pdf"
    assert results[0].error is None and "error" not in results[0].record
    assert results[0].record["when"]["reference"] == "2025-03-12"


def test_pool_matches_one_process() -> None:
    items = articles(40)
    one = [r.record for r in batch.run(items, jobs=1)]
    two = [r.record for r in batch.run(items, jobs=2, chunksize=3)]
    assert one == two


def test_options_reach_the_workers() -> None:
    options = batch.Options(published=dt.date(2025, 1, 9), sentences=1, evidence=True)
    items = [Article(id=str(i), source="x", text=TEXTS[0]) for i in range(6)]
    for result in batch.run(items, options=options, jobs=2, chunksize=2):
        assert result.record["when"]["reference"] == "2025-01-09"
        assert len(result.record["summary"]) <= 1
        assert "evidence" in result.record


def test_warnings_are_kept() -> None:
    item = Article(id="w", source="w.txt", text=TEXTS[0], warnings=["decoded as cp1252"])
    result = next(batch.run([item]))
    assert result.warnings == ["decoded as cp1252"]
    assert result.record["warnings"] == ["decoded as cp1252"]


def test_a_failing_core_becomes_an_error_record(monkeypatch: pytest.MonkeyPatch) -> None:
    import incident_cli.core

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kaput")

    monkeypatch.setattr(incident_cli.core, "summarize", boom)
    result = next(batch.run([Article(id="x", source="x.txt", text="anything")],
                            options=batch.Options(debug=True)))
    assert result.error == "internal error: RuntimeError: kaput"
    assert result.record["error"] == result.error
    assert result.traceback and "RuntimeError" in result.traceback


def test_read_ahead_is_bounded() -> None:
    pulled = 0

    def endless() -> Iterator[Article]:
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield Article(id=str(i), source="x", text=TEXTS[i % 4])

    results = batch.run(endless(), jobs=2, chunksize=2)
    next(results)
    time.sleep(0.5)  # give the pool's feeder thread every chance to run ahead
    limit = 2 * 2 * 3
    assert pulled <= limit + 2
    results.close()  # stopping early terminates the pool


def test_default_jobs_is_positive() -> None:
    assert batch.default_jobs() >= 1
