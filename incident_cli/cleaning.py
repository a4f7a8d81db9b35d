"""Turn scraped web text into clean paragraphs: drop boilerplate, repeats and clutter first,
so nothing downstream ever scores a "Leave a Reply" or a duplicated headline."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .config import Config, closing_paren, compile_union, top_level_alternatives

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")
# The spaces other than " " that normalise() turns into " " (with any run of spaces).
_ODD_SPACES = "\t\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
# The runs of spaces that are not already a single " ": substituting only those gives the
# same text without rebuilding it at every ordinary space.
_SPACES_TO_COLLAPSE = re.compile(f"[ {_ODD_SPACES}]{{2,}}|[{_ODD_SPACES}]")
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]\s*$")
_QUOTES = {"’": "'", "‘": "'", "“": '"', "”": '"', "′": "'", "″": '"'}
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[A-Za-z]+")

# "KARACHI:", "SHIMLA —", "WASHINGTON (Reuters) -", "Lucknow, June 4 (PTI):", "NEW DELHI, India —"
# (accented capitals too: "POPAYÁN, Colombia -", "Bogotá -")
_DATELINE = re.compile(
    r"^(?P<city>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'\- ]{1,40}?|[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+"
    r"(?: [A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+){0,2})"
    r"(?:,\s*[A-Za-z.\- ]{2,30}?)?"
    r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"(?:\s*\([A-Z][\w .&/-]{0,30}\)\s*(?:(?::|—|–|--|-)\s*)?"  # "(Reuters) -", "(IANS)"
    r"|\s*(?::|—|–|--|-(?=\s))\s+)(?=[A-Z\"'(])"
)


# A page's date banner or timestamp line: "Wednesday, June 15 2016 21:38 EEST", "22.06.2008 6:23".
_DATE_STAMP = re.compile(
    r"^\W*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    r"(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|(?:\d{1,2}\s+)?[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}\s+[a-z]{3,9},?\s+\d{4}|\d{4}-\d{2}-\d{2})"
    r"(?:[\s,|-]+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|[a-z]{2,5})?)?\W*$",
    re.IGNORECASE,
)


_SOURCE_LINE = re.compile(r"^source\s*:", re.IGNORECASE)
# "Last Updated: October 16, 2025, 09:05 IST", "Published on 3 May 2024": the page's own
# timestamp, kept for the publication date but never part of the article.
_PUBLICATION_LINE = re.compile(
    r"^(?:last |first )?(?:updated|published|posted|modified)(?: on| at)?\s*:?\s*"
    r"(?=[^a-z]{0,4}(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun))"
    r"[^.!?]{0,60}$",
    re.IGNORECASE,
)


_NOT_DATELINES = frozenset({
    "the", "update", "updated", "last updated", "breaking", "watch", "video", "note", "editor",
    "editor's note", "published", "posted", "source", "photo", "read", "also read", "warning",
    "live", "exclusive", "opinion", "analysis",
})


@dataclass
class Cleaned:
    paragraphs: list[list[str]]  # paragraphs, each a list of lines
    title: str | None
    dateline: str | None
    header_lines: list[str] = field(default_factory=list)


def normalise(text: str) -> str:
    """Unicode NFKC, straight quotes, no control characters, unified newlines and spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        # str.replace per quote is several times faster than str.translate with a dict.
        for curly, straight in _QUOTES.items():
            if curly in text:
                text = text.replace(curly, straight)
    text = _CONTROL.sub(" ", text)
    return _collapse_spaces(text)


def _collapse_spaces(text: str) -> str:
    """Every run of spaces as one " "; substring tests first, as most texts have none."""
    if "  " not in text and not any(space in text for space in _ODD_SPACES):
        return text
    return _SPACES_TO_COLLAPSE.sub(" ", text)


# Non-ASCII letters that re.IGNORECASE matches to an ASCII letter ("İ" to "i", "K" to "k"):
# a line holding one may match a pattern although its lower-cased text lacks the literal.
_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")
# The literal run a pattern alternative opens with (after `^` and `\b`): letters, digits,
# spaces and escaped punctuation, each unit optionally followed by a quantifier.
_OPENING_LITERAL = re.compile(r"(?:\^|\\b)*((?:[A-Za-z0-9 ]|\\[!-/:-@\[-`{-~])+)([?*{]?)")
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")


def _folded(line: str) -> str | None:
    """The line lower-cased for literal tests, or None when such tests cannot be trusted."""
    if not line.isascii() and not _FOLDS_TO_ASCII.isdisjoint(line):
        return None
    return line.lower()


def _opening_literal(alternative: str) -> str:
    """Lower-cased text every match of the alternative starts with ("" if none is known)."""
    match = _OPENING_LITERAL.match(alternative)
    if not match:
        return ""
    units = re.findall(r"\\.|.", match.group(1))
    if match.group(2):  # the last unit is optional or repeated: not part of the literal
        units.pop()
    return "".join(u[-1] for u in units).lower()


def _trigger_literals(pattern: str) -> tuple[str, ...] | None:
    """Literals one of which every match contains, or None when they cannot be derived."""
    plain_group = pattern.startswith("(") and not pattern.startswith("(?")
    if (plain_group or pattern.startswith("(?:")) and closing_paren(pattern) == len(pattern) - 1:
        pattern = pattern[1 if plain_group else 3:-1]  # one group around the whole pattern
    literals = tuple(_opening_literal(alt) for alt in top_level_alternatives(pattern))
    return literals if all(literals) else None


@dataclass(frozen=True)
class _Guarded:
    """A pattern behind a substring test, derived from its literals: most lines skip the regex."""

    pattern: re.Pattern[str]
    literals: tuple[str, ...] | None  # None: always run the regex

    def may_match(self, folded: str | None) -> bool:
        return self.literals is None or folded is None or any(
            literal in folded for literal in self.literals
        )


@dataclass(frozen=True)
class _LineTest:
    """All line patterns as one test: the ones anchored at the line start merged into a single
    `match`, each of the others run only when one of its literals is in the line."""

    anchored: re.Pattern[str] | None
    others: tuple[_Guarded, ...]

    def matches(self, line: str, folded: str | None) -> bool:
        if self.anchored is not None and self.anchored.match(line):
            return True
        return any(g.may_match(folded) and g.pattern.search(line) for g in self.others)


def _guarded(pattern: str) -> _Guarded:
    return _Guarded(re.compile(pattern, re.IGNORECASE), _trigger_literals(pattern))


def _patterns(config: Config, key: str) -> tuple[_Guarded, ...]:
    def build() -> tuple[_Guarded, ...]:
        return tuple(_guarded(p) for p in config.section("boilerplate").get(key, []))

    return config.cached(f"boilerplate.{key}", build)


def _line_test(config: Config) -> _LineTest:
    def build() -> _LineTest:
        anchored: list[str] = []  # alternatives without their `^`, for one `match`
        others: list[_Guarded] = []
        for pattern in config.section("boilerplate").get("line_patterns", []):
            alternatives = top_level_alternatives(pattern)
            if all(a.startswith("^") for a in alternatives) and not _BACKREFERENCE.search(pattern):
                anchored.extend(a[1:] for a in alternatives)
            else:
                others.append(_guarded(pattern))
        merged = compile_union(anchored, re.IGNORECASE) if anchored else None
        return _LineTest(merged, tuple(others))

    return config.cached("boilerplate.line_test", build)


def _list_heading(config: Config) -> re.Pattern[str]:
    def build() -> re.Pattern[str]:
        patterns = config.section("boilerplate").get("list_heading_patterns") or [r"(?!x)x"]
        return re.compile(r"\W{0,3}(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\W{0,3}",
                          re.IGNORECASE)

    return config.cached("boilerplate.list_heading", build)


_BULLET = re.compile(r"[-–—•*·›»>]\s")


def _is_list_item(line: str) -> bool:
    """A bulleted line, or a short headline-like one (capitalised, no closing full stop;
    a hard-wrapped sentence running on in lower case is no list item)."""
    if _BULLET.match(line):
        return True
    capitalised = line[:1].isupper() or line[:1].isdigit()
    return capitalised and len(line.split()) <= 20 and not _SENTENCE_END.search(line)


def _fingerprint(line: str) -> str:
    return " ".join(_WORD.findall(line)).lower()  # ASCII letters: lowering once is the same


def is_boilerplate(line: str, config: Config) -> bool:
    return _line_test(config).matches(line, _folded(line))


def _is_nav(line: str, max_words: int) -> bool:
    words = line.split()
    return (
        len(words) <= max_words
        and not _SENTENCE_END.search(line)
        # `\d` finds the decimal digits; only non-ASCII text may hold other str.isdigit ones.
        and not _DIGIT.search(line)
        and (line.isascii() or not any(ch.isdigit() for ch in line))
    )


def strip_dateline(line: str) -> tuple[str, str | None]:
    """Split a leading dateline off the first body line: ("KARACHI: A gunbattle…") → city."""
    match = _DATELINE.match(line)
    if not match:
        return line, None
    city = match.group("city").strip(" .-")
    if len(city) < 3 or city.lower() in _NOT_DATELINES:
        return line, None
    return line[match.end():], city


def clean(text: str, config: Config, title: str | None = None) -> Cleaned:
    """Paragraphs of article lines with boilerplate, repeats and navigation removed."""
    settings = config.section("boilerplate")
    nav_max = int(settings.get("nav_max_words", 3))
    inline = _patterns(config, "inline_patterns")
    text = normalise(text)

    raw_paragraphs: list[list[str]] = [[]]
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            if raw_paragraphs[-1]:
                raw_paragraphs.append([])
            continue
        folded = _folded(line)
        removed = False
        for guarded in inline:
            if guarded.may_match(folded):
                line, count = guarded.pattern.subn(" ", line)
                if count:
                    folded, removed = _folded(line), True
        if removed:  # normalise() left no space run elsewhere: only a removal can make one
            line = _collapse_spaces(line).strip()
        if line:
            raw_paragraphs[-1].append(line)

    seen: set[str] = set()
    titles: set[str] = set()  # fingerprints of the headline, for prefixed/suffixed repeats
    if title:
        title_key = _fingerprint(normalise(title))
        seen.add(title_key)
        titles.add(title_key)
    paragraphs: list[list[str]] = []
    header: list[str] = []
    first_line = True
    list_heading = _list_heading(config)
    for para in raw_paragraphs:
        kept: list[str] = []
        in_list = False  # after a "Related stories" line: the items are other stories
        for position, line in enumerate(para):
            if in_list and _is_list_item(line):
                continue
            in_list = list_heading.fullmatch(line) is not None
            print_key = _fingerprint(line)
            before_body = not paragraphs and not kept
            publication_line = _PUBLICATION_LINE.match(line) is not None
            if (
                publication_line
                or is_boilerplate(line, config)
                or (before_body and _DATE_STAMP.match(line))
            ):
                if before_body or publication_line or _SOURCE_LINE.match(line):
                    # Kept for the publication date: headers, and "Source: …, Sept. 16" lines.
                    header.append(line)
                continue
            if not print_key or print_key in seen or _repeats_title(print_key, titles):
                continue
            if not first_line and _is_nav(line, nav_max):
                if not paragraphs:
                    header.append(line)
                continue
            seen.add(print_key)
            if (
                first_line
                and title is None
                and _looks_like_headline(line)
                and not _wrapped_into_next(para, position, config)
            ):
                title = line
                titles.add(print_key)
                first_line = False
                continue
            first_line = False
            kept.append(line)
        if kept:
            paragraphs.append(kept)

    dateline = None
    # A short first paragraph may be a standfirst or byline; look one further.
    for para in paragraphs[:2]:
        stripped, dateline = strip_dateline(para[0])
        if dateline:
            para[0] = stripped
            break
    return Cleaned(paragraphs=paragraphs, title=title, dateline=dateline, header_lines=header)


_LEADING_STAMP = re.compile(
    r"^(?:date\s+)?(?:\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})\s*(?=[A-Z])"
)
_SOURCE_TAG = re.compile(r"^\((?:[A-Z][\w .&/-]{0,30})\)\s*(?:[:—–-]+\s*)?(?=[A-Z\"'])")


def tidy_sentence(text: str) -> str:
    """A sentence fit to show: no leading dateline, source tag or glued date stamp."""
    text = _LEADING_STAMP.sub("", text, count=1)
    text = _SOURCE_TAG.sub("", text, count=1)
    stripped, city = strip_dateline(text)
    return stripped if city else text


def _wrapped_into_next(para: list[str], position: int, config: Config) -> bool:
    """The line runs on into the next one (hard-wrapped text), so it is no headline."""
    return (
        position + 1 < len(para)
        and para[position + 1][:1].islower()
        and not is_boilerplate(para[position + 1], config)
    )


def _looks_like_headline(line: str) -> bool:
    return len(line) <= 200 and not re.search(r"[.!?]\s*$", line) and len(line.split()) >= 2


def _repeats_title(key: str, titles: set[str]) -> bool:
    """Headlines are often repeated with a prefix ("Karachi: Gunbattle …") or a site suffix."""
    if len(key) < 25:
        return False
    return any(
        len(t) >= 25 and len(key) <= len(t) + 40
        and (key.endswith(t) or t.endswith(key) or key.startswith(t))
        for t in titles
    )
