"""Regex analysis for speed: which texts a pattern union can match, read from its parse.

Two tools: `GatedUnion`, a union searched only when the text holds a literal every match
needs, and `WordStartUnion`, for a long keyword union that can only start at a word start.

For the second: Python's `re` tries every alternative of a union at every word start, so
a union of 50 cue patterns costs 50 attempts per word. Most alternatives cannot start
with the word's first letters: reading each alternative's possible openings from its
parsed form lets us try, at each word start, only the alternatives that could match
there, in their original order. The matches are exactly those of the plain union.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

try:  # Python 3.11+
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

PLAIN_CALLS = 100  # calls served by the plain union before the tables are built
_MAX_FIRST = 64  # more possible first characters than this: not worth a bucket
_WORD_START = re.compile(r"(?<!\w)\w")

_First = tuple[set[str], bool]  # (possible first characters, may match the empty string)


@lru_cache(maxsize=1024)
def _parse(pattern: str, flags: int = 0) -> Any:
    """The parsed pattern, or None; cached by pattern (they come from the config)."""
    try:
        return _parser.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - an unparsable pattern gets no shortcut
        return None


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a match of `pattern` can start with, or None when unknown or
    unbounded (a class such as `\\w`, `.`, a backreference, inline flags, an empty match).

    With re.IGNORECASE the set is widened to every character that folds to a member."""
    parsed = _parse(pattern, flags)
    if parsed is None:
        return None
    if (flags | parsed.state.flags) & (re.IGNORECASE | re.ASCII | re.VERBOSE):
        return None  # case folding has Unicode surprises ("ſ" is "s"): no shortcut
    found = _first_of_sequence(list(parsed))
    if found is None or found[1] or not found[0]:
        return None
    return frozenset(found[0])


def _first_of_sequence(items: list[tuple[object, object]]) -> _First | None:
    chars: set[str] = set()
    for op, av in items:
        found = _first_of_item(op, av)
        if found is None:
            return None
        chars |= found[0]
        if len(chars) > _MAX_FIRST:
            return None
        if not found[1]:
            return chars, False
    return chars, True


def _first_of_item(op: object, av: object) -> _First | None:  # noqa: PLR0911
    if op is _c.LITERAL:
        return {chr(av)}, False  # type: ignore[arg-type]
    if op is _c.IN:
        chars: set[str] = set()
        for inner_op, inner_av in av:  # type: ignore[attr-defined]
            if inner_op is _c.LITERAL:
                chars.add(chr(inner_av))
            elif inner_op is _c.RANGE and inner_av[1] - inner_av[0] < _MAX_FIRST:
                chars.update(chr(c) for c in range(inner_av[0], inner_av[1] + 1))
            else:
                return None  # a category (\w, \d), a negation, a wide range
        return chars, False
    if op is _c.BRANCH:
        union: set[str] = set()
        empty = False
        for branch in av[1]:  # type: ignore[index]
            found = _first_of_sequence(list(branch))
            if found is None:
                return None
            union |= found[0]
            empty = empty or found[1]
        return union, empty
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, inner = av  # type: ignore[misc]
        if add_flags or del_flags:
            return None
        return _first_of_sequence(list(inner))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _high, inner = av  # type: ignore[misc]
        found = _first_of_sequence(list(inner))
        if found is None:
            return None
        return found[0], found[1] or low == 0
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _first_of_sequence(list(av))  # type: ignore[call-overload]
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return set(), True  # zero width: the first character comes after it
    return None


_END = "\0"  # marks a prefix that is a whole match (shorter than asked)
_MAX_PREFIXES = 4096


def two_char_prefixes(pattern: str) -> frozenset[str] | None:
    """Every two-character string a match of `pattern` can start with, or None when unknown
    (or when the pattern can match fewer than two characters)."""
    if first_chars(pattern) is None:
        return None  # flags, categories, empty matches: no shortcut
    try:
        found = _prefixes_of_sequence(list(_parse(pattern)), 2)
    except Exception:  # noqa: BLE001 - no shortcut rather than a wrong one
        return None
    if found is None or any(p.endswith(_END) for p in found):
        return None
    return frozenset(found)


def _concat(heads: set[str], tails: set[str], k: int) -> set[str] | None:
    """Prefixes of a head followed by a tail: a string ending in _END is a whole match
    shorter than k characters; any other string is exactly k characters long."""
    out: set[str] = set()
    for head in heads:
        if not head.endswith(_END):
            out.add(head)
            continue
        for tail in tails:
            joined = head[:-1] + tail
            content = joined[:-1] if joined.endswith(_END) else joined
            out.add(content[:k] if len(content) >= k else joined)
        if len(out) > _MAX_PREFIXES:
            return None
    return out


def _prefixes_of_sequence(items: list[tuple[object, object]], k: int) -> set[str] | None:
    result: set[str] | None = {_END}
    for op, av in items:
        item = _prefixes_of_item(op, av, k)
        if item is None or result is None:
            return None
        result = _concat(result, item, k)
        if result is not None and not any(p.endswith(_END) for p in result):
            return result  # every prefix is complete: the rest cannot change it
    return result


def _prefixes_of_item(op: object, av: object, k: int) -> set[str] | None:  # noqa: PLR0911
    if op is _c.LITERAL:
        return {chr(av) + _END}  # type: ignore[arg-type]
    if op is _c.IN:
        found = _first_of_item(op, av)
        return None if found is None else {c + _END for c in found[0]}
    if op is _c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:  # type: ignore[index]
            got = _prefixes_of_sequence(list(branch), k)
            if got is None:
                return None
            out |= got
        return out
    if op is _c.SUBPATTERN:
        return _prefixes_of_sequence(list(av[3]), k)  # type: ignore[index]
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, high, inner = av  # type: ignore[misc]
        once = _prefixes_of_sequence(list(inner), k)
        if once is None or _END in once:
            return None  # the repeated part may be empty
        result: set[str] = {_END} if low == 0 else set()
        current: set[str] | None = {_END}
        for count in range(1, min(high, k) + 1):
            current = _concat(current, once, k)
            if current is None:
                return None
            if count >= low:
                result |= current
        if low > k:
            result = {p for p in current or set() if not p.endswith(_END)}
            if not result:
                return None
        return result
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _prefixes_of_sequence(list(av), k)  # type: ignore[call-overload]
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return {_END}  # zero width
    return None


# Literal gates: a union searched only when its text holds a string a match needs.


def _required_factors(items: list[tuple[Any, Any]]) -> list[frozenset[str]]:
    """Factors of a parsed regex sequence: each a set of strings one of which every match
    of the sequence contains (consecutive literals are joined into one string)."""
    factors: list[frozenset[str]] = []
    literal: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            literal.append(chr(av))
            continue
        if literal:
            factors.append(frozenset({"".join(literal)}))
            literal = []
        found = _item_strings(op, av)
        if found:
            factors.append(found)
    if literal:
        factors.append(frozenset({"".join(literal)}))
    return factors


def _rarity(factor: frozenset[str]) -> int:
    """How seldom a factor's commonest string should occur in text: its length, with
    punctuation counting triple ("/" is rarer than "ap", which "capital" holds)."""
    return min(len(x) + 2 * sum(not c.isalnum() and not c.isspace() for c in x)
               for x in factor)


def _best_factor(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The most selective factor of a sequence (by `_rarity`)."""
    factors = _required_factors(items)
    return max(factors, key=_rarity) if factors else None


def _item_strings(op: Any, av: Any) -> frozenset[str] | None:
    """Strings one of which every match of one parsed item contains, or None if unknown."""
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, inner = av
        return None if add_flags or del_flags else _best_factor(list(inner))
    if op is _c.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _best_factor(list(branch))
            if found is None:
                return None
            union |= found
        return frozenset(union)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
        return _best_factor(list(av[2]))
    return None


class GatedUnion:
    """A union of patterns searched only when the text holds a literal a match needs.

    For each alternative the most selective factor (a set of strings one of which every
    match contains) is read from the parsed pattern (config-driven, so overrides work); a
    plain literal union of them, which `re` scans at C speed with a first-character
    table, rules most texts out far cheaper than the union's own search. Anchored or
    literal-free unions run ungated.
    """

    def __init__(self, union: re.Pattern[str], alternatives: list[str]) -> None:
        self.union = union
        self.gate: re.Pattern[str] | None = None
        needed: set[str] = set()
        for alt in alternatives:
            parsed = _parse(alt)
            if parsed is None:
                return  # no gate: always run the regex
            items = list(parsed)
            best = _best_factor(items)
            if (best is None or parsed.state.flags & ~re.UNICODE
                    or (items and items[0][0] is _c.AT
                        and items[0][1] in (_c.AT_BEGINNING, _c.AT_BEGINNING_STRING))):
                return  # no literal it needs, inline flags, or anchored (cheap already)
            needed |= best
        if needed:
            self.gate = re.compile("|".join(re.escape(x)
                                            for x in sorted(needed, key=len, reverse=True)))

    def search(self, text: str) -> re.Match[str] | None:
        if self.gate is not None and self.gate.search(text) is None:
            return None
        return self.union.search(text)


class WordStartUnion:
    """`re.compile(r"(?<!\\w)(?=\\w)(?:ALT1|ALT2|...)" + tail)`, matched faster.

    `alternatives` are full regex alternatives (named groups allowed); `tail` is appended
    to each bucket (such as `\\b`). `finditer` yields the same matches as the plain union.
    """

    def __init__(self, alternatives: list[str], tail: str = "",
                 plain_calls: int = PLAIN_CALLS) -> None:
        self.alternatives, self.tail = alternatives, tail
        self._plain: re.Pattern[str] | None = None
        self._calls = 0
        self._plain_calls = plain_calls
        self._pairs: dict[str, tuple[int, ...]] = {}
        self._letters: dict[str, tuple[int, ...]] = {}
        self._default: tuple[int, ...] = ()
        # Buckets are compiled on first use: a batch needs only some of them.
        self._compiled: dict[tuple[int, ...], re.Pattern[str]] = {}

    def _build_tables(self) -> None:
        """Which alternatives to try at a word, by its first two letters or its first."""
        alternatives = self.alternatives
        # None: the alternative may open with any character, so it is tried everywhere.
        firsts = [first_chars(alt) for alt in alternatives]
        # Where every possible two-letter opening of an alternative is known, the bucket
        # is chosen by the word's first two letters: most words ("the", "of", "and") then
        # have no bucket at all and cost one dict lookup.
        pairs = [two_char_prefixes(alt) for alt in alternatives]
        both = list(zip(firsts, pairs, strict=True))
        self._pairs = {
            pair: tuple(i for i, (f, p) in enumerate(both)
                        if (p is None and (f is None or pair[0] in f))
                        or (p is not None and pair in p))
            for pair in sorted({q for p in pairs if p is not None for q in p})
        }
        # Words whose first two letters open no known pair: only alternatives whose pairs
        # are unknown can match there.
        self._letters = {
            ch: tuple(i for i, (f, p) in enumerate(both) if p is None and (f is None or ch in f))
            for ch in sorted({ch for f, p in both if f is not None and p is None for ch in f})
        }
        self._default = tuple(i for i, f in enumerate(firsts) if f is None)

    @property
    def plain(self) -> re.Pattern[str]:
        """The plain union these matches equal (for tests and for reference)."""
        if self._plain is None:
            body = "|".join(self.alternatives)
            self._plain = re.compile(r"(?<!\w)(?=\w)(?:" + body + ")" + self.tail)
        return self._plain

    def _bucket(self, members: tuple[int, ...]) -> re.Pattern[str]:
        body = "|".join(self.alternatives[i] for i in members)
        pattern = self._compiled[members] = re.compile("(?:" + body + ")" + self.tail)
        return pattern

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        # The first calls use the plain union: working out the tables costs about as much
        # as 40 sentences, which a one-article run from the command line never repays.
        self._calls += 1
        if self._calls <= self._plain_calls:
            yield from self.plain.finditer(text)
            return
        if self._calls == self._plain_calls + 1:
            self._build_tables()
        pairs, letters, default = self._pairs, self._letters, self._default
        compiled = self._compiled
        end = 0
        for start in _WORD_START.finditer(text):
            pos = start.start()
            if pos < end:
                continue
            members = pairs.get(text[pos:pos + 2]) or letters.get(text[pos], default)
            if not members:
                continue
            pattern = compiled.get(members) or self._bucket(members)
            match = pattern.match(text, pos)
            if match is not None:
                end = max(match.end(), pos + 1)
                yield match


# Word gates: a union skipped when none of the words its matches need is in the sentence.

_MARK = "\0"  # in an expanded string: a word boundary or the text's edge (zero width)
_MAX_EXPANSIONS = 512
_WORD_RUN = re.compile(r"\w+")
_Expansion = set[tuple[str, bool]]  # (opening of a match, whether it is the whole match)


def _expand_sequence(items: list[tuple[Any, Any]]) -> _Expansion:
    """The strings a match of the sequence opens with, as far as they are known: a string
    marked incomplete is followed by something unknown (`\\w+`, `.{0,60}`)."""
    partial: _Expansion = set()
    current = {""}
    for op, av in items:
        item = _expand_item(op, av)
        if item is None or len(current) * len(item) > _MAX_EXPANSIONS:
            return partial | {(s, False) for s in current}
        following: set[str] = set()
        for head in current:
            for tail, whole in item:
                if whole:
                    following.add(head + tail)
                else:
                    partial.add((head + tail, False))
        current = following
    return partial | {(s, True) for s in current}


def _expand_item(op: Any, av: Any) -> _Expansion | None:  # noqa: PLR0911
    """The strings one parsed item matches (None: unknown or too many)."""
    if op is _c.LITERAL:
        return None if chr(av) == _MARK else {(chr(av), True)}
    if op is _c.IN:
        found = _first_of_item(op, av)  # literal characters and narrow ranges only
        return None if found is None or _MARK in found[0] else {(c, True) for c in found[0]}
    if op is _c.BRANCH:
        return {s for branch in av[1] for s in _expand_sequence(list(branch))}
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, inner = av
        return None if add_flags or del_flags else _expand_sequence(list(inner))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, high, inner = av
        once = _expand_sequence(list(inner))
        if (low, high) == (1, 1):
            return once
        if (low, high) == (0, 1):
            return once | {("", True)}
        return {(s, False) for s, _ in once} if low >= 1 else None
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _expand_sequence(list(av))
    if op is _c.AT:
        edges = (_c.AT_BOUNDARY, _c.AT_BEGINNING, _c.AT_BEGINNING_STRING, _c.AT_END,
                 _c.AT_END_STRING)
        return {(_MARK if av in edges else "", True)}
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return {("", True)}  # zero width: what it looks at is not part of the match
    return None


def _need(opening: str) -> tuple[str, bool] | None:
    """What a text must hold where a match opens with `opening`: (the longest of its words
    that stands between boundaries, True), else (its text, False) to find as a substring."""
    # A `\w` run of the opening is a whole word of the text (one of the sentence's `\w+`
    # runs) when a non-word character or a boundary mark stands on both of its sides.
    runs = [m for m in _WORD_RUN.finditer(opening) if m.start() > 0 and m.end() < len(opening)]
    if runs:  # the longest, the last of equals ("so far this year": "year")
        return max(reversed([m.group() for m in runs]), key=len), True
    text = opening.replace(_MARK, "")
    return (text, False) if text else None


class WordGate:
    """Words (and strings) one of which every match of a union needs: a sentence whose
    cached word set holds none of them is skipped without running the regex.

    Read from the parsed patterns, so a user's config gets a gate too, or none when its
    patterns are beyond this reading. `\\bkilled\\b` needs the word "killed";
    `\\bkidnap\\w*` needs the substring "kidnap"; `\\d+ dead` needs nothing known: no gate.
    """

    def __init__(self, patterns: list[str], flags: int = 0,
                 plain_calls: int = PLAIN_CALLS) -> None:
        self.words: frozenset[str] | None = None  # None: no gate, always run the regex
        self.strings: tuple[str, ...] = ()
        self.ignore_case = bool(flags & re.IGNORECASE)
        # Read on first need after `plain_calls` calls: parsing every union again costs a
        # one-article run from the command line more than its gates save.
        self._source: tuple[list[str], int] | None = (patterns, flags)
        self._calls, self._plain_calls = 0, plain_calls
        if plain_calls <= 0:
            self._source = None
            self._build(patterns, flags)

    def _build(self, patterns: list[str], flags: int) -> None:
        words: set[str] = set()
        strings: set[str] = set()
        for pattern in patterns:
            parsed = _parse(pattern, flags)
            if parsed is None or (flags | parsed.state.flags) & ~(re.IGNORECASE | re.UNICODE):
                return  # \b of re.ASCII is not the \w+ of the word set; inline flags
            self.ignore_case = self.ignore_case or bool(parsed.state.flags & re.IGNORECASE)
            for opening, _whole in _expand_sequence(list(parsed)):
                need = _need(opening)
                if need is None or (self.ignore_case and not opening.isascii()):
                    return
                text, is_word = need
                (words if is_word else strings).add(text.lower() if self.ignore_case else text)
        self.words, self.strings = frozenset(words), tuple(sorted(strings))

    def admits(self, lower: str, words: frozenset[str]) -> bool:
        """False only when the union cannot match. `lower` is the text the union runs on
        (for a case-insensitive union: that text lower-cased) and `words` its `\\w+` runs.

        Case-insensitive unions are judged on ASCII text only: there lower-casing keeps
        every character and word as it was (elsewhere "ſ" matches "s", "İ" grows a dot)."""
        if self._source is not None:
            self._calls += 1
            if self._calls <= self._plain_calls:
                return True
            patterns, flags = self._source
            self._source = None
            self._build(patterns, flags)
        if self.words is None or (self.ignore_case and not lower.isascii()):
            return True
        return not self.words.isdisjoint(words) or any(s in lower for s in self.strings)


class KeywordUnion:
    """A union of patterns with its `WordGate`, kept together so that no caller runs the
    regex without asking the gate first, or asks a gate built from other patterns."""

    def __init__(self, patterns: list[str], flags: int = 0) -> None:
        from .config import compile_union

        self.regex = compile_union(patterns, flags)
        self.gate = WordGate(patterns, flags)

    def search(self, text: str, lower: str, words: frozenset[str]) -> re.Match[str] | None:
        """Search `text`; `lower` and `words` are the gate's view of it (see `admits`)."""
        return self.regex.search(text) if self.gate.admits(lower, words) else None

    def count(self, text: str, lower: str, words: frozenset[str]) -> int:
        """How many non-overlapping matches `text` holds."""
        return len(self.regex.findall(text)) if self.gate.admits(lower, words) else 0
