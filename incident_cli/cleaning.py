"""Turn scraped web text into clean paragraphs: drop boilerplate, repeats and clutter first,
so nothing downstream ever scores a "Leave a Reply" or a duplicated headline."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .config import Config

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]\s*$")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "′": "'", "″": '"'})
_WORD = re.compile(r"[A-Za-z]+")

# "KARACHI:", "SHIMLA —", "WASHINGTON (Reuters) -", "Lucknow, June 4 (PTI):", "NEW DELHI, India —"
_DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z.'\- ]{1,40}?|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
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
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _CONTROL.sub(" ", text)
    return _SPACES.sub(" ", text)


def _patterns(config: Config, key: str) -> list[re.Pattern[str]]:
    def build() -> list[re.Pattern[str]]:
        return [re.compile(p, re.IGNORECASE) for p in config.section("boilerplate").get(key, [])]

    return config.cached(f"boilerplate.{key}", build)


def _fingerprint(line: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(line))


def is_boilerplate(line: str, config: Config) -> bool:
    return any(p.search(line) for p in _patterns(config, "line_patterns"))


def _is_nav(line: str, max_words: int) -> bool:
    words = line.split()
    return (
        len(words) <= max_words
        and not _SENTENCE_END.search(line)
        and not any(ch.isdigit() for ch in line)
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
        for pattern in inline:
            line = pattern.sub(" ", line)
        line = _SPACES.sub(" ", line).strip()
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
    for para in raw_paragraphs:
        kept: list[str] = []
        for position, line in enumerate(para):
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
