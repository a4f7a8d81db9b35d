"""Run the core over a stream of inputs, in order, in one process or a pool of workers.

Streaming matters more than anything here: a JSON Lines file of 100,000 articles must
run in flat memory, so inputs are pulled lazily (with back-pressure on the pool's feeder
thread) and each result is handed on as soon as it is ready, in input order.
"""

from __future__ import annotations

import os
import signal
import threading
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .config import Config

#: A few tasks per worker in flight is enough to keep every core busy.
DEFAULT_CHUNKSIZE = 32


@dataclass
class Options:
    """Per-run settings every worker needs; sent once per worker, not per task."""

    published: Any = None  # datetime.date | None: the reference date when an input has none
    sentences: int = 3
    evidence: bool = False
    debug: bool = False


@dataclass
class Result:
    """One output record, plus what the CLI needs to report about it on stderr."""

    record: dict[str, Any]
    source: str
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    traceback: str | None = None


_CONFIG: Config | None = None
_OPTIONS: Options = Options()


def _init_worker(config: Config | None, options: Options) -> None:
    """Pool initializer: the config arrives once per worker. Ctrl-C is the parent's job, and
    SIGTERM (how the parent stops its pool) must kill quietly, not run a handler inherited
    from the parent by fork."""
    global _CONFIG, _OPTIONS
    _CONFIG, _OPTIONS = config, options
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def process(item: Any) -> Result:
    """Summarise one input (an `inputs.Article`) or turn an `inputs.InputError` into a record.

    Never raises: an unexpected failure in the core becomes an error record, so one bad
    article cannot stop a batch of thousands.
    """
    from .models import error_record

    source = str(getattr(item, "source", "") or "-")
    item_id = getattr(item, "id", None)
    if not hasattr(item, "text"):
        message = str(getattr(item, "error", "unreadable input"))
        return Result(error_record(id=item_id, source=source, error=message), source, message)
    warnings = [str(w) for w in (getattr(item, "warnings", None) or [])]
    try:
        from .core import summarize

        summary = summarize(
            item.text,
            published=getattr(item, "published", None) or _OPTIONS.published,
            config=_CONFIG,
            title=getattr(item, "title", None),
            sentences=_OPTIONS.sentences,
            id=item_id,
            source=source,
            url=getattr(item, "url", None),
        )
        # The JSON contract always carries per-field evidence; --evidence shows it in tables.
        record = summary.to_dict(evidence=True)
    except Exception as exc:  # the batch must go on; --debug shows the trace
        message = f"internal error: {type(exc).__name__}: {exc}"
        trace = traceback.format_exc() if _OPTIONS.debug else None
        return Result(error_record(id=item_id, source=source, error=message), source, message,
                      warnings, trace)
    if warnings:
        record["warnings"] = warnings
    return Result(record, source, None, warnings)


class _Throttle:
    """Back-pressure for `Pool.imap`, whose feeder thread would otherwise read every input
    into memory at once. At most `limit` inputs are in flight between reading and output."""

    def __init__(self, limit: int) -> None:
        self._slots = threading.Semaphore(limit)
        self._stop = threading.Event()

    def feed(self, items: Iterable[Any]) -> Iterator[Any]:
        for item in items:
            while not self._slots.acquire(timeout=0.1):
                if self._stop.is_set():
                    return
            if self._stop.is_set():
                return
            yield item

    def done_one(self) -> None:
        self._slots.release()

    def stop(self) -> None:
        self._stop.set()


def default_jobs() -> int:
    """Cores this process may use (respects CPU affinity and cgroups where Python can)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def run(
    items: Iterable[Any],
    *,
    config: Config | None = None,
    options: Options | None = None,
    jobs: int = 1,
    chunksize: int | None = None,
) -> Iterator[Result]:
    """Yield one `Result` per input, in input order, holding only a bounded window."""
    options = options or Options()
    if jobs <= 1:
        _init_config_here(config, options)
        for item in items:
            yield process(item)
        return

    import multiprocessing

    chunksize = max(1, chunksize or DEFAULT_CHUNKSIZE)
    _warm_up(config)
    throttle = _Throttle(limit=chunksize * jobs * 3)
    pool = multiprocessing.Pool(jobs, initializer=_init_worker, initargs=(config, options))
    try:
        for result in pool.imap(process, throttle.feed(items), chunksize=chunksize):
            throttle.done_one()
            yield result
        pool.close()
        pool.join()
    except BaseException:  # Ctrl-C, SIGTERM, or the consumer stopped early
        throttle.stop()
        pool.terminate()
        pool.join()
        raise


def _init_config_here(config: Config | None, options: Options) -> None:
    global _CONFIG, _OPTIONS
    _CONFIG, _OPTIONS = config, options


def _warm_up(config: Config | None) -> None:
    """Load lexicons and compile patterns once in the parent, so forked workers share them
    copy-on-write instead of each building its own."""
    try:
        from .core import summarize

        summarize("Warm-up. A blast killed two people in a town on Friday.", config=config)
    except Exception:  # warming is an optimisation only
        pass
