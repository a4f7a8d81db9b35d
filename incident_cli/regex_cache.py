"""Compiled regular expressions kept across runs of the command line.

A one-article run compiles about 400 regular expressions; compiling them (parsing each
pattern, then generating the engine's code) is about half of the command's cold start. The
compiled code depends only on the pattern, its flags and the Python version, so the command
keeps it in the user's cache folder and builds the pattern objects from it at the next start,
exactly as `re` itself would (same code, same flags, same groups).

Only the command line installs this (`install()`); the library itself does no I/O. The file
is `$XDG_CACHE_HOME/incident/` (or `~/.cache/incident/`), safe to delete at any time; set
`INCIDENT_NO_CACHE=1` to do without it. Anything unexpected (an unwritable folder, a damaged
file, another Python) only means the patterns are compiled the usual way.
"""

from __future__ import annotations

import array
import atexit
import contextlib
import hashlib
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from .config import cache_dir

try:  # CPython 3.11+: the modules `re.compile` uses
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - other Pythons compile as usual
    _compiler = None  # type: ignore[assignment]

_FORMAT = 2
_WORD = "I"  # the engine's code unit (checked against _sre.CODESIZE)
_MAX_ENTRIES = 20000  # a runaway config cannot grow the file without end

# (final flags, engine code as machine words, groups, groupindex, indexgroup); the code is
# kept as bytes: a list of Python ints would cost the process ten times the memory
_Entry = tuple[int, bytes, int, dict[str, int], tuple[Any, ...]]
_entries: dict[tuple[str, int], _Entry] = {}
_used: set[tuple[str, int]] = set()
_state = {"installed": False, "new": 0}
_original_compile: Any = None


def cache_path() -> Path | None:
    """Where the cache lives for this Python, or None when it is switched off."""
    if os.environ.get("INCIDENT_NO_CACHE") or _compiler is None:
        return None
    tag = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}-{_FORMAT}"
    return cache_dir() / f"regex-{tag}.marshal"


def install() -> bool:
    """Route `re`'s compiler through the cache for the rest of the process; True if done."""
    if _state["installed"] or sys.implementation.name != "cpython":
        return _state["installed"]
    path = cache_path()
    if path is None or array.array(_WORD).itemsize != _sre.CODESIZE or not _compiles_like_re():
        return False
    _load(path)
    global _original_compile
    _original_compile = _compiler.compile
    _compiler.compile = _cached_compile
    _state["installed"] = True
    atexit.register(_save, path)
    return True


def _entry_of(pattern: str, flags: int) -> _Entry:
    """What `re._compiler.compile` hands to `_sre.compile` for this pattern."""
    parsed = _parser.parse(pattern, flags)
    code = array.array(_WORD, _compiler._code(parsed, flags)).tobytes()
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    final_flags = int(flags | parsed.state.flags)
    return final_flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _build(pattern: str, entry: _Entry) -> re.Pattern[str]:
    final_flags, code, groups, groupindex, indexgroup = entry
    words = array.array(_WORD)
    words.frombytes(code)
    return _sre.compile(pattern, final_flags, words.tolist(), groups, groupindex, indexgroup)


def _compiles_like_re() -> bool:
    """This Python's `re` builds patterns the way `_entry_of` reads them (a self-check)."""
    try:
        sample = r"(?P<a>x+)\b(?i:y)|[^\W\d]{2,}(?=z)"
        ours, theirs = _build(sample, _entry_of(sample, 0)), _compiler.compile(sample, 0)
        return (ours.flags, ours.groups, ours.groupindex) == (
            theirs.flags, theirs.groups, theirs.groupindex) and [
            m.span() for m in ours.finditer("xxy ab z abz")] == [
            m.span() for m in theirs.finditer("xxy ab z abz")]
    except Exception:  # noqa: BLE001 - any surprise: do without the cache
        return False


def _cached_compile(pattern: Any, flags: int = 0) -> Any:
    if not isinstance(pattern, str) or flags & re.DEBUG:
        return _original_compile(pattern, flags)
    key = (pattern, int(flags))
    entry = _entries.get(key)
    if entry is None:
        entry = _entry_of(pattern, flags)  # raises re.error as usual on a bad pattern
        _entries[key] = entry
        _state["new"] += 1
    _used.add(key)
    return _build(pattern, entry)


def _load(path: Path) -> None:
    try:
        blob = path.read_bytes()
        digest, payload = blob[:32], blob[32:]
        if hashlib.sha256(payload).digest() != digest:
            return
        fmt, items = marshal.loads(payload)
        if fmt != _FORMAT:
            return
        for pattern, flags, entry in items:
            _entries[(pattern, flags)] = tuple(entry)  # type: ignore[assignment]
    except Exception:  # noqa: BLE001 - missing or damaged: compile as usual
        _entries.clear()


def _save(path: Path) -> None:
    """Write this run's patterns (only when some were new), atomically."""
    if not _state["new"]:
        return
    tmp = None
    try:
        keys = sorted(_used)[:_MAX_ENTRIES]
        payload = marshal.dumps((_FORMAT, [(p, f, list(_entries[(p, f)])) for p, f in keys]))
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".regex-", suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(hashlib.sha256(payload).digest() + payload)
        os.replace(tmp, path)
    except Exception:  # noqa: BLE001 - a cache that cannot be written is no error
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
