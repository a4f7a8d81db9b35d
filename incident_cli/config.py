"""Rules and lexicons live in YAML files inside the package; `config.yaml` overrides them.

Every top-level key of a user config names one packaged data file (``events``,
``casualties``, ...), and below it the keys of that file. Merging rules:

* a mapping is merged key by key;
* a list or scalar replaces the packaged value;
* ``name+: [...]`` appends to the packaged list instead of replacing it.

Unknown keys and wrong types are errors that name the key, so a typo never
silently does nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).with_name("data")
SECTIONS = (
    "boilerplate",
    "sentences",
    "context",
    "events",
    "casualties",
    "dates",
    "places",
    "actors",
    "scoring",
)


class ConfigError(ValueError):
    """A config problem a user can fix; the message names the file and the key."""


def _yaml_load(text: str, origin: str) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - safe loader only
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{origin}: invalid YAML{where}: {problem}") from None


def _load_packaged() -> dict[str, Any]:
    """The packaged rules; parsed YAML is cached as JSON (keyed by a hash of the YAML texts)
    so a cold start skips importing and running the YAML parser."""
    texts = {
        name: (DATA_DIR / f"{name}.yaml").read_text(encoding="utf-8")
        if (DATA_DIR / f"{name}.yaml").exists() else ""
        for name in SECTIONS
    }
    digest = hashlib.sha256("\0".join(texts[n] for n in SECTIONS).encode()).hexdigest()[:32]
    cache = cache_dir() / f"rules-{digest}.json"
    use_cache = not os.environ.get("INCIDENT_NO_CACHE")
    try:
        if not use_cache:
            raise OSError("cache switched off")
        cached = json.loads(cache.read_text(encoding="utf-8"))
        if isinstance(cached, dict) and set(cached) == set(SECTIONS):
            return cached
    except (OSError, ValueError):
        pass
    data = {
        name: (_yaml_load(text, str(DATA_DIR / f"{name}.yaml")) if text else None) or {}
        for name, text in texts.items()
    }
    if use_cache:
        _write_cache(cache, data)
        _prune_stale(cache)
    return data


def cache_dir() -> Path:
    """The user's cache folder for the command line's derived files (safe to delete)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "incident"


def _write_cache(path: Path, data: dict[str, Any]) -> None:
    """Best effort: a read-only home or a full disk only costs the next start some time."""
    try:
        text = json.dumps(data, ensure_ascii=False)
        if json.loads(text) != data:  # something JSON cannot hold: do not cache
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except (OSError, TypeError, ValueError):
        pass


STALE_AFTER_SECONDS = 24 * 3600


def _prune_stale(current: Path) -> None:
    """Drop earlier rules versions' caches, so upgrades do not pile up files in the folder.

    Only files untouched for a day go: two installed versions used side by side keep theirs
    (a pruned one costs its next start one YAML parse, no more)."""
    cutoff = time.time() - STALE_AFTER_SECONDS
    try:
        for other in current.parent.glob("rules-*.json"):
            if other != current and other.stat().st_mtime < cutoff:
                other.unlink()
    except OSError:
        pass


def _type_name(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "a string", int: "an integer",
            float: "a number", bool: "true/false"}.get(type(value), type(value).__name__)


def _merge(base: Any, override: Any, path: str, origin: str) -> Any:
    if not isinstance(override, dict):
        raise ConfigError(f"{origin}: {path or 'the top level'} must be a mapping")
    merged = dict(base)
    for raw_key, value in override.items():
        key = str(raw_key)
        append = key.endswith("+")
        name = key[:-1] if append else key
        where = f"{path}.{name}" if path else name
        if name not in base:
            known = ", ".join(sorted(map(str, base))) or "(none)"
            raise ConfigError(f"{origin}: unknown key '{where}' (known here: {known})")
        current = base[name]
        if append:
            if not isinstance(current, list) or not isinstance(value, list):
                raise ConfigError(f"{origin}: '{where}+' appends a list to a list")
            merged[name] = [*current, *value]
        elif isinstance(current, dict):
            merged[name] = _merge(current, value, where, origin)
        elif current is not None and value is not None and not _same_kind(current, value):
            raise ConfigError(
                f"{origin}: '{where}' must be {_type_name(current)}, not {_type_name(value)}"
            )
        else:
            merged[name] = value
    return merged


def _same_kind(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return True
    return type(a) is type(b)


class Config:
    """The effective rules: packaged data merged with user overrides.

    Picklable (only plain data is pickled); compiled patterns are cached per process.
    """

    def __init__(self, data: dict[str, Any], origin: str | None = None) -> None:
        self.data = data
        self.origin = origin
        self._cache: dict[str, Any] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {"data": self.data, "origin": self.origin}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.data = state["data"]
        self.origin = state["origin"]
        self._cache = {}

    def section(self, name: str) -> dict[str, Any]:
        return self.data[name]

    def cached(self, key: str, build: Callable[[], Any]) -> Any:
        """Memoise something derived from the data (compiled regexes, sets)."""
        try:
            return self._cache[key]
        except KeyError:
            value = self._cache[key] = build()
            return value


_DEFAULT: Config | None = None


def default_config() -> Config:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Config(_load_packaged(), origin=None)
    return _DEFAULT


def load_config(path: str | os.PathLike[str] | None = None, *, text: str | None = None) -> Config:
    """Packaged defaults merged with the YAML at `path` (or the YAML in `text`)."""
    if path is None and text is None:
        return default_config()
    origin = str(path) if path is not None else "<config>"
    if text is None:
        try:
            text = Path(path).read_text(encoding="utf-8")  # type: ignore[arg-type]
        except FileNotFoundError:
            raise ConfigError(f"{origin}: no such file") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{origin}: cannot read: {exc}") from None
    if not any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines()):
        return Config(default_config().data, origin=origin)  # only comments: nothing to merge
    user = _yaml_load(text, origin)
    if user is None:
        return Config(default_config().data, origin=origin)
    merged = _merge(default_config().data, user, "", origin)
    config = Config(merged, origin=origin)
    validate_patterns(config)
    return config


def validate_patterns(config: Config) -> None:
    """Compile every value under a key named `*patterns` so a bad regex fails at load time."""

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                where = f"{path}.{key}" if path else str(key)
                if str(key).endswith("patterns") and isinstance(value, list):
                    for i, pattern in enumerate(value):
                        try:
                            re.compile(str(pattern))
                        except re.error as exc:
                            raise ConfigError(
                                f"{config.origin}: '{where}[{i}]' is not a valid pattern: {exc}"
                            ) from None
                else:
                    walk(value, where)

    walk(config.data, "")


def compile_union(patterns: list[str], flags: int = 0) -> re.Pattern[str]:
    """One pattern for a list. When every alternative opens with `\\b` and a word character,
    a word-start guard lets the regex engine skip all other positions at once (about twice
    as fast); the guard is only added where it cannot change what matches."""
    if not patterns:
        return re.compile(r"(?!x)x")
    body = "|".join(f"(?:{p})" for p in patterns)
    if all(_opens_on_word_start(p) for p in patterns):
        body = rf"(?<!\w)(?=\w)(?:{body})"
    return re.compile(body, flags)


def _opens_on_word_start(pattern: str) -> bool:
    """Every top-level alternative is `\\b` followed by something that must be a word char."""
    return all(
        alt.startswith(r"\b") and _opens_with_word_char(alt[2:])
        for alt in top_level_alternatives(pattern)
    )


def _opens_with_word_char(pattern: str) -> bool:
    """Conservative: True only when the first character matched is surely a word character."""
    if not pattern:
        return False
    if pattern.startswith("("):
        if pattern.startswith("(?") and not pattern.startswith("(?:"):
            return False  # look-arounds, named groups, flags: not worth reasoning about
        close = closing_paren(pattern)
        if close < 0 or _optional(pattern[close + 1:]):
            return False
        inner = pattern[3 if pattern.startswith("(?:") else 1: close]
        return all(_opens_with_word_char(alt) for alt in top_level_alternatives(inner))
    if pattern[:2] in (r"\w", r"\d"):
        return not _optional(pattern[2:])
    return pattern[0].isalnum() and not _optional(pattern[1:])


def _optional(rest: str) -> bool:
    """The item just before `rest` may match nothing (`?`, `*`, `{0,…}`)."""
    return rest[:1] in ("?", "*") or rest.startswith("{0")


def closing_paren(pattern: str) -> int:
    """Index of the parenthesis closing the one at index 0, or -1."""
    depth, escaped, in_class = 0, False, False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
    return -1


def top_level_alternatives(pattern: str) -> list[str]:
    """The pattern split at its top-level `|`."""
    parts, start, depth, escaped, in_class = [], 0, 0, False, False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts
