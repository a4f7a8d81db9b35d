"""Figures in news text: digits ("1,200"), number words ("twenty-one", "a dozen"), vague
plurals ("dozens"), the qualifier in front ("at least") and ranges ("14 to 16" -> 14).

Figures that measure something other than people (ages, years, times, distances, money,
percentages) are dropped here, so the casualty rules only see head counts. The lexicons
live under the `numbers` and `qualifiers` keys of `data/casualties.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .config import Config, default_config

_MAX_TEXT = 5000
_DIGITS = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(?:\s+(\w+))?$")
_WORD_SPLIT = re.compile(r"[\s-]+")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_AND = re.compile(r"\s+and\s+")
# An age in apposition to a person: "Jane Doe, 32, a nurse", "Smith (45)", "a man, 34,".
_AGE_BEFORE = re.compile(
    r"(?:\b[A-Z][\w'’.-]*|\b(?:man|woman|boy|girl|mother|father|wife|husband|son|daughter"
    r"|driver|victim|suspect))(?:,\s*|\s*\()$")
_AGE_AFTER = re.compile(r"^(?:,(?!\s*\d)|\))")


@dataclass
class Figure:
    """One head count in a text."""

    start: int  # where the digits or number words start
    end: int
    value: int
    text: str
    vague: bool = False  # "dozens", "hundreds": a conventional reading, not a stated figure
    qualifier: str | None = None  # normalised ("at least", "more than", ...)
    qualifier_start: int | None = None  # where the qualifier starts, if any


class Lazy:
    """A regex compiled on first use: patterns that many articles never need (the long
    person-noun ones, the case-insensitive originals of rules run on lower-cased text) cost
    the CLI's cold start nothing until one does."""

    __slots__ = ("_pattern", "_flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._pattern, self._flags = pattern, flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._pattern, self._flags)
        return self._compiled

    @property
    def pattern(self) -> str:
        return self._pattern

    @property
    def flags(self) -> int:
        return self._flags

    def search(self, text: str, *bounds: int) -> re.Match[str] | None:
        return self.compiled.search(text, *bounds)

    def match(self, text: str, *bounds: int) -> re.Match[str] | None:
        return self.compiled.match(text, *bounds)

    def fullmatch(self, text: str, *bounds: int) -> re.Match[str] | None:
        return self.compiled.fullmatch(text, *bounds)

    def finditer(self, text: str, *bounds: int) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, *bounds)


@dataclass
class _Test:
    """A case-insensitive regex, with its faster lower-case form and `match` when anchored."""

    original: Callable[[str], re.Match[str] | None]
    lower: Callable[[str], re.Match[str] | None] | None

    @classmethod
    def of(cls, pattern: re.Pattern[str] | Lazy) -> _Test:
        source = lowered(pattern.pattern)
        fast = re.compile(source, pattern.flags & ~re.IGNORECASE) if source is not None else None
        if anchored(pattern.pattern):
            return cls(pattern.match, fast.match if fast else None)
        return cls(pattern.search, fast.search if fast else None)

    def __call__(self, text: str, low: str, safe: bool) -> bool:
        if safe and self.lower is not None:
            return self.lower(low) is not None
        return self.original(text) is not None


@dataclass
class _Lexicon:
    number: Lazy
    number_lower: re.Pattern[str]
    qualifier: Lazy
    qualifier_map: dict[str, str | None]
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    phrases: dict[str, int]
    vague: dict[str, int]
    max_count: int
    not_after: list[Lazy]
    not_before: list[Lazy]
    not_after_tests: list[_Test]
    not_before_tests: list[_Test]
    qualifier_lower: re.Pattern[str] | None  # for lower-cased text (None: not safe)
    qualifier_gate: re.Pattern[str]  # search(low): a qualifier word occurs
    year_after: re.Pattern[str]
    range_join: re.Pattern[str]


def lead_class(pattern: str) -> str | None:
    """A character class of what a match of `pattern` (case-sensitive) can start with, as
    "[...]", or None when unclear or when it can match the empty string. Put in a lookahead
    before a long alternation, it lets the regex engine skip most positions at once."""
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]

        tree = parser.parse(pattern, 0)
    except Exception:  # noqa: BLE001 - an older Python or an odd pattern: no lookahead
        return None
    categories = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_WORD: r"\w", c.CATEGORY_SPACE: r"\s"}

    def one(op: Any, av: Any) -> tuple[set[str] | None, bool]:
        if op is c.LITERAL:
            return {re.escape(chr(av))}, False
        if op is c.IN:
            out: set[str] = set()
            for kind, value in av:
                if kind is c.LITERAL:
                    out.add(re.escape(chr(value)))
                elif kind is c.RANGE:
                    out.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
                elif kind is c.CATEGORY and value in categories:
                    out.add(categories[value])
                else:
                    return None, False
            return out, False
        if op is c.BRANCH:
            chars: set[str] = set()
            empty = False
            for branch in av[1]:
                got, nullable = seq(branch)
                if got is None:
                    return None, False
                chars |= got
                empty = empty or nullable
            return chars, empty
        if op is c.SUBPATTERN:
            return (None, False) if av[1] or av[2] else seq(av[3])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            got, nullable = seq(av[2])
            return got, nullable or av[0] == 0
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return set(), True  # zero width: the next item decides
        return None, False

    def seq(items: Any) -> tuple[set[str] | None, bool]:
        chars: set[str] = set()
        for op, av in items:
            got, nullable = one(op, av)
            if got is None:
                return None, False
            chars |= got
            if not nullable:
                return chars, False
        return chars, True

    chars, nullable = seq(tree)
    if chars is None or nullable or not chars:
        return None
    return "[" + "".join(sorted(chars)) + "]"


def needles(pattern: str) -> frozenset[str] | None:
    """Lower-case strings one of which every match of `pattern` contains (read from its
    literal runs), or None when there are none: a cheap `in` test on lower-cased text that
    tells when a regex cannot match at all, so it need not run."""
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]

        tree = parser.parse(pattern, 0)
    except Exception:  # noqa: BLE001 - an older Python or an odd pattern: no test
        return None

    def best(options: list[frozenset[str]]) -> frozenset[str] | None:
        good = [o for o in options if o and all(o)]
        return max(good, key=lambda o: (min(map(len, o)), -len(o))) if good else None

    def seq(items: Any) -> frozenset[str] | None:
        options: list[frozenset[str]] = []
        run = ""
        for op, av in items:
            if op is c.IN and av and all(k is c.LITERAL for k, _ in av) and \
                    len({chr(v).lower() for _, v in av}) == 1:
                op, av = c.LITERAL, av[0][1]  # [Ii]: one letter in lower case
            if op is c.LITERAL:
                run += chr(av).lower()
                continue
            if run:
                options.append(frozenset([run]))
                run = ""
            got = one(op, av)
            if got is not None:
                options.append(got)
        if run:
            options.append(frozenset([run]))
        return best(options)

    def one(op: Any, av: Any) -> frozenset[str] | None:
        if op is c.BRANCH:
            out: set[str] = set()
            for branch in av[1]:
                got = seq(branch)
                if got is None:
                    return None
                out |= got
            return frozenset(out)
        if op is c.SUBPATTERN:
            return seq(av[3])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            return seq(av[2])
        return None

    found = seq(tree)
    # a needle that lower-casing changes in length would not be found in lowered text
    if found is None or any(len(n) != len(n.upper().lower()) for n in found):
        return None
    return found


def lowered(pattern: str) -> str | None:
    """`pattern` for lower-cased text matched without IGNORECASE (several times faster: the
    engine can skip alternatives on their first letter), or None when lower-casing its source
    could change what it means (escapes such as \\x41, inline flags, ranges like A-z)."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            nxt = pattern[i + 1:i + 2]
            if nxt in ("x", "u", "U", "N", "0") or re.match(r"[1-9]\d\d", pattern[i + 1:i + 4]):
                return None
            out.append(char + nxt)  # \S, \W, \B keep their case
            i += 2
            continue
        if char == "(" and pattern[i + 1:i + 2] == "?" and not (
                pattern[i + 2:i + 3] in (":", "=", "!") or pattern[i + 2:i + 4] in ("<=", "<!")):
            return None
        if char == "-" and (pattern[i - 1:i].isupper() or pattern[i + 1:i + 2].isupper()):
            return None  # a range with a capital end: [A-z] means more than [a-z]
        low = char.lower()
        if len(low) != 1:
            return None
        out.append(low)
        i += 1
    return "".join(out)


def _fold_specials() -> re.Pattern[str]:
    """Characters that IGNORECASE matches beyond lower-casing (the long s matches "s")."""
    try:
        from re import _casefix  # type: ignore[attr-defined]

        codes = {c for k, v in _casefix._EXTRA_CASES.items() for c in (k, *v) if c > 127}
    except (ImportError, AttributeError):
        return re.compile(r"[^\x00-\x7f]")  # unknown: any non-ASCII text takes the slow way
    return re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(codes)) + "]")


_FOLD_SPECIALS = _fold_specials()


def lower_safe(text: str, low: str) -> bool:
    """Lower-cased `low` can stand in for `text` under a `lowered` pattern: same positions,
    no characters that case-insensitive matching treats specially."""
    return len(low) == len(text) and (low.isascii() or not _FOLD_SPECIALS.search(low))


def anchored(pattern: str) -> bool:
    """Every match of `pattern` starts at the beginning ("^..." in each alternative), so
    `match` finds what `search` would, without trying every position."""
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]

        tree = parser.parse(pattern, 0)
    except Exception:  # noqa: BLE001
        return False
    if tree.state.flags & re.MULTILINE:
        return False

    def seq(items: Any) -> bool:
        for op, av in items:
            if op is c.AT:
                return av in (c.AT_BEGINNING, c.AT_BEGINNING_STRING)
            if op is c.SUBPATTERN:
                return not av[1] and not av[2] and seq(av[3])
            if op is c.BRANCH:
                return all(seq(b) for b in av[1])
            return False
        return False

    return seq(tree)


def substring_test(needles: Any) -> re.Pattern[str]:
    """One regex whose search is true exactly when one of `needles` occurs (a trie of them:
    a single pass instead of one `in` test per needle)."""
    tree: dict[str, Any] = {}
    for needle in {str(n) for n in needles}:
        node = tree
        for char in needle:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        if "" in node:
            return ""  # a whole needle: what follows does not matter
        alts = [re.escape(char) + emit(node[char]) for char in sorted(node)]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return re.compile(emit(tree) if tree else "(?!)")


def trie_alt(words: Any) -> str:
    """The alternation `_alt` builds (longest first, spaces as \\s+), as a trie: a shorter
    pattern that compiles faster and tries one branch per letter instead of every word."""
    tree: dict[str, Any] = {}
    for word in {" ".join(str(w).lower().split()) for w in words} - {""}:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [(r"\s+" if char == " " else re.escape(char)) + emit(node[char])
                for char in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" not in node:
            return body
        return f"(?:{body})?"  # the longer words first, then the word that ends here

    return emit(tree)


def _alt(words: Any) -> str:
    """A regex alternation of phrases, longest first, spaces matching any whitespace."""
    items = sorted({str(w).lower() for w in words}, key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in items)


def _build(config: Config) -> _Lexicon:
    section = config.section("casualties")
    num = section.get("numbers", {})
    units = {str(k).lower(): int(v) for k, v in num.get("units", {}).items()}
    tens = {str(k).lower(): int(v) for k, v in num.get("tens", {}).items()}
    scales = {str(k).lower(): int(v) for k, v in num.get("scales", {}).items()}
    phrases = {" ".join(str(k).lower().split()): int(v) for k, v in num.get("phrases", {}).items()}
    vague = {" ".join(str(k).lower().split()): int(v) for k, v in num.get("vague", {}).items()}

    unit, ten = _alt(units), _alt(tens)
    small = rf"(?:(?:{ten})(?:[\s-]+(?:{unit}))?|(?:{unit}))"
    hundred = rf"(?:(?:a|{small})\s+hundred(?:\s+(?:and\s+)?{small})?)"
    chunk = rf"(?:{hundred}|{small})"
    big = _alt(k for k in scales if scales[k] >= 1000)
    words = rf"(?:{chunk}(?:\s+(?:{big})(?:\s+(?:and\s+)?{chunk})?)?)"
    digits = (rf"(?:\d{{1,3}}(?:,\d{{3}}){{1,4}}|\d{{1,9}}(?:\.\d{{1,3}})?)"
              rf"(?:\s+(?:{_alt(scales)}))?")
    fixed = _alt([*phrases, *vague])
    number = Lazy(rf"(?<![\w-])(?:{fixed}|{digits}|{words})(?![\w])", re.IGNORECASE)

    qmap = {" ".join(str(k).lower().split()): v for k, v in section.get("qualifiers", {}).items()}
    qualifier = Lazy(rf"(?<![\w])({_alt(qmap)})\s+$", re.IGNORECASE)

    def many(key: str) -> list[Lazy]:
        """One alternation per list: a single regex pass instead of one per pattern."""
        patterns = [str(p) for p in num.get(key, [])]
        return [Lazy("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)] if patterns \
            else []

    return _Lexicon(
        number=number,
        # lower-case text: a lookahead on the first characters skips most positions at once
        number_lower=re.compile((f"(?={lead})" if (lead := lead_class(number.pattern)) else "")
                                + number.pattern),
        qualifier=qualifier,
        qualifier_map=qmap,
        units=units,
        tens=tens,
        scales=scales,
        phrases=phrases,
        vague=vague,
        max_count=int(num.get("max_count", 999999)),
        not_after=(not_after := many("not_count_after_patterns")),
        not_before=(not_before := many("not_count_before_patterns")),
        not_after_tests=[_Test.of(p) for p in not_after],
        not_before_tests=[_Test.of(p) for p in not_before],
        qualifier_lower=(re.compile(src) if (src := lowered(qualifier.pattern)) else None),
        qualifier_gate=substring_test(needles(qualifier.pattern) or [""]),
        year_after=re.compile(str(num.get("year_count_after_pattern", r"^(?!)")), re.IGNORECASE),
        range_join=re.compile(str(num.get("range_pattern", r"^(?!)")), re.IGNORECASE),
    )


def _lexicon(config: Config) -> _Lexicon:
    return config.cached("numbers.lexicon", lambda: _build(config))


def _words_value(tokens: list[str], lex: _Lexicon) -> int | None:
    """Value of number words: "one hundred and five", "twenty-one", "two thousand"."""
    total, current, seen = 0, 0, False
    for token in tokens:
        if token == "and":
            continue
        if token == "a":
            current, seen = 1, True
        elif token in lex.units:
            current += lex.units[token]
            seen = True
        elif token in lex.tens:
            current += lex.tens[token]
            seen = True
        elif token in lex.scales:
            scale = lex.scales[token]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def parse_number(text: str, config: Config | None = None) -> tuple[int, bool] | None:
    """(value, vague) of one number phrase, or None: "1,200", "twenty-one", "dozens"."""
    return _parse(text, _lexicon(config or default_config()))


_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def _parse(text: str, lex: _Lexicon) -> tuple[int, bool] | None:
    key = " ".join(text.lower().split())
    if key in lex.phrases:
        return lex.phrases[key], False
    if key in lex.vague:
        return lex.vague[key], True
    match = _DIGITS.match(key)
    if match:
        raw, scale = match.group(1).replace(",", ""), match.group(2)
        if not scale and "." in raw:
            if not _DOT_THOUSANDS.fullmatch(raw):
                return None  # "at 11.30", "a 5.9 quake": no head count has a fraction
            raw = raw.replace(".", "")  # "1.250 rescuers": a translated thousands point
        try:
            number = float(raw)
        except (ValueError, OverflowError):
            return None
        if number != number or number > 1e12:  # NaN or absurd
            return None
        if scale:
            if scale not in lex.scales:
                return None
            number *= lex.scales[scale]
        return int(number), False
    value = _words_value(_WORD_SPLIT.split(key), lex)
    return (value, False) if value is not None else None


def find_figures(text: str, config: Config | None = None) -> list[Figure]:
    """Head counts in `text`, in order, with their qualifiers; measures and dates dropped."""
    config = config or default_config()
    lex = _lexicon(config)
    text = text[:_MAX_TEXT]
    figures: list[Figure] = []
    skip_until = -1
    low = text.lower()
    qualified = lex.qualifier_gate.search(low) is not None
    safe = lower_safe(text, low)
    qualifier = lex.qualifier_lower if safe and lex.qualifier_lower else lex.qualifier
    source = low if qualifier is lex.qualifier_lower else text
    matches = lex.number_lower.finditer(low) if len(low) == len(text) else lex.number.finditer(text)
    for match in matches:
        start, end = match.span()
        if start < skip_until:
            continue
        raw = text[start:end]
        parsed = _parse(raw, lex)
        if parsed is None:
            continue
        value, vague = parsed
        after = text[end:end + 40]
        before = text[max(0, start - 18):start]  # the patterns look at the last word or two
        if value > lex.max_count or any(test(after, low[end:end + 40], safe)
                                        for test in lex.not_after_tests):
            continue
        if any(test(before, low[max(0, start - 18):start], safe) for test in lex.not_before_tests):
            continue
        if len(raw) <= 2 and raw.isdigit() and _AGE_AFTER.match(after) and \
                _AGE_BEFORE.search(before):
            continue  # an age: "Jane Doe, 32, a nurse"
        if (
            _YEAR.fullmatch(raw)
            and not lex.year_after.search(after)
        ):
            continue
        # "14 to 16", "14-16": keep the lower figure, skip the upper one.
        joined = lex.range_join.match(after)
        if _BETWEEN.search(before):
            joined = _AND.match(after)
        if joined:
            nxt = lex.number.match(text, end + joined.end())
            if nxt and _parse(nxt.group(0), lex):
                skip_until = nxt.end()
        figure = Figure(start=start, end=end, value=value, text=raw, vague=vague)
        q = qualifier.search(source, max(0, start - 40), start) if qualified else None
        if q:
            figure.qualifier = lex.qualifier_map.get(" ".join(q.group(1).lower().split()))
            figure.qualifier_start = q.start(1)
        if vague and figure.qualifier is None:
            figure.qualifier = "at least"  # "dozens" reads as at least two dozen
        figures.append(figure)
    return figures
