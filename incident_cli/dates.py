"""When: absolute dates, and weekdays / relative days resolved against the reference date.

Three small regexes (absolute dates, weekdays, relative days) run on a sentence only when
a cheap substring test says they could match; month and weekday names are matched as
written (Capitalised or UPPER) so the verb "may" is no month. Each phrase found is resolved
and ranked by `_cost`: lead sentences first, dates tied to an event verb before dates of a
reporting act ("officials said Tuesday") or of what followed (searches, funerals), and dates
of other events (history, captions, "since Monday", far from the reference) last.
Lexicons and cue patterns live in `data/dates.yaml`.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from .cleaning import normalise
from .config import Config
from .document import Document, Sentence
from .models import Evidence, When

_YEAR = r"(?:1[89]\d\d|20\d\d)"
_MAX_LINE = 400  # characters of one header line we look at
_MAX_SENTENCE = 1200  # characters of one sentence we look at
_OFFSETS = {"today": 0, "yesterday": -1, "day_before_yesterday": -2}  # relative_days groups
_YEAR_SLACK = 2  # days after the reference a year-less date may still fall in its year
_MAX_ITEMS = 12  # date phrases of one sentence we rank
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_TITLE_LAG = 0.25  # a title's date yields to an equally good one in the lead
_SCORE_BONUS = 0.5  # taken off the best-scored sentence's order, less off the others
_MAX_BONUS = 2.0  # the most `_cost` can take off a sentence's order (event cue + score)
_BANNER_LINE = 60  # banner lines ("Today in New Delhi", "Humidity 80%") are short


@dataclass
class _Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, int]
    absolute: re.Pattern[str]  # June 4, 31 Jan 2023, 2023-01-31
    weekday_re: re.Pattern[str]  # Friday night
    weekday_prefix: re.Pattern[str]  # "late ", "in the early hours of " before a weekday
    relative_re: re.Pattern[str]  # yesterday, this morning, two days ago
    # cheap tests before the regexes run: substrings, tested with `in` (faster than a regex)
    relative_hints: tuple[str, ...]
    month_hints: tuple[str, ...]
    numeric: re.Pattern[str]  # 22.06.2008, 2008/06/22 (header lines only)
    label: re.Pattern[str]  # "Updated:" just before a date
    banner: list[re.Pattern[str]]
    reporting: list[re.Pattern[str]]
    reaction: list[re.Pattern[str]]
    reaction_after: list[re.Pattern[str]]
    other_event: list[re.Pattern[str]]
    followup: list[re.Pattern[str]]
    followup_after: list[re.Pattern[str]]
    funeral: list[re.Pattern[str]]
    funeral_after: list[re.Pattern[str]]
    funeral_hints: tuple[str, ...]  # substrings: a cheap test before the funeral patterns
    since: list[re.Pattern[str]]
    update: list[re.Pattern[str]]
    update_subjects: tuple[str, ...]
    event: list[re.Pattern[str]]
    caption: list[re.Pattern[str]]
    history: list[re.Pattern[str]]
    vague_time: list[re.Pattern[str]]
    stamp_rest: re.Pattern[str]  # what may surround a date on a date-only line
    year_alone: re.Pattern[str]  # 2019, January 2005
    month_alone: re.Pattern[str]  # in July
    early_hours: re.Pattern[str]  # "around 3 a.m.": a night's event fell on the later day
    settings: dict[str, Any]


@dataclass
class _Found:
    """One date phrase in a text, resolved as far as the reference allows."""

    start: int
    end: int
    phrase: str
    kind: str  # "absolute", "weekday", "relative" or "anchored" (a day before another date)
    month: int | None = None
    day: int | None = None
    year: int | None = None
    weekday: int | None = None
    offset: int | None = None
    before: bool = False  # "last Friday", "March 3 last year": before the reference's week/year
    possessive: bool = False  # "Saturday's quake": names the event it modifies
    counted_back: bool = False  # "Thursday, two days after it broke out": the earlier day
    night_into: bool = False  # "the night of Saturday to Sunday": read the clock for the day


def _names(words: list[str]) -> str:
    """Alternation of names as written: Capitalised or UPPER CASE, longest first."""
    forms: set[str] = set()
    for word in words:
        forms.update({word.capitalize(), word.upper()})
    return "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True))


def _words(words: list[str]) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words),
                           key=len, reverse=True))


def _lower_or_capital(words: list[str]) -> str:
    """Alternation of phrases in lower case or with a capital first letter (not UPPER)."""
    forms: set[str] = set()
    for word in words:
        forms.update({word.lower(), word[:1].upper() + word[1:].lower()})
    return _words(sorted(forms))


def _compile_list(items: list[str]) -> list[re.Pattern[str]]:
    return [re.compile(str(p), re.IGNORECASE) for p in items]


def _lexicon(config: Config) -> _Lexicon:
    def build() -> _Lexicon:
        data = config.section("dates")
        months = {str(k).lower(): int(v) for k, v in data.get("months", {}).items()}
        weekdays = {str(k).lower(): int(v) for k, v in data.get("weekdays", {}).items()}
        relative = {" ".join(str(phrase).lower().split()): _OFFSETS[group]
                    for group, phrases in data.get("relative_days", {}).items()
                    if group in _OFFSETS for phrase in phrases or []}
        parts = [str(p) for p in data.get("parts_of_day", [])]
        modifiers = [str(m) for m in data.get("weekday_modifiers", [])]
        month = rf"(?:{_names(list(months))})"
        weekday = rf"(?:{_names(list(weekdays))})"
        day = r"(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?"
        absolute = re.compile(
            # June 4 / Jan. 31, 2023 / Sept. 16 2012
            rf"(?P<mdy>\b(?P<m1>{month})\.?\s+(?P<d1>{day})\b(?![:.]\d|\s*%|\s*per)"
            rf"(?:,?\s+(?P<y1>{_YEAR})(?!\d))?)"
            # 31 Jan 2023 / 3rd of June
            rf"|(?P<dmy>\b(?P<d2>{day})\s+(?:of\s+)?(?P<m2>{month})\b\.?"
            rf"(?:,?\s+(?P<y2>{_YEAR})(?!\d))?)"
            # 2023-01-31
            rf"|(?P<iso>\b(?P<y3>{_YEAR})-(?P<m3>0?[1-9]|1[0-2])-(?P<d3>[0-2]?\d|3[01])(?!\d))"
        )
        # Friday night / Saturday's; what stands before it is read by `weekday_prefix`.
        weekday_re = re.compile(
            rf"\b(?P<wd>{weekday})\b(?!\s+(?:Times|Standard|Telegraph|Express|Mail|Mirror|Post"
            r"|Herald|Tribune|Observer|Independent|Magazine|Edition|Night\s+Live|School"
            r"|Service|Market)\b)"
            rf"(?:'s)?(?:\s+(?P<post>(?i:{_words(parts)}))\b)?"
        )
        # late Monday / early on Sunday / in the early hours of Thursday
        weekday_prefix = re.compile(
            rf"(?:\b(?P<pre>{_words(modifiers)})\s+(?:on\s+)?)?"
            r"(?:\b(?:in\s+|during\s+)?the\s+(?:(?:early|small|wee(?:\s+small)?)\s+)?"
            r"(?:(?:morning\s+)?hours|morning|afternoon|evening|night)\s+of\s+)?$",
            re.IGNORECASE,
        )
        relative_re = re.compile(
            # yesterday / last night / this morning
            rf"(?P<rel>\b(?:{_lower_or_capital(list(relative))})\b)"
            # late the night before / the previous day: a day before another date named
            r"|(?P<anchor>\b(?:(?i:late|early)\s+)?(?:the\s+(?:night|day|evening)\s+before"
            r"|the\s+previous\s+(?:day|night|evening)|a\s+day\s+(?:earlier|before))\b)"
            # two days ago
            rf"|(?P<ago>\b(?P<n>(?i:{_words(list(_SMALL))})|[1-6])\s+days?\s+ago\b)"
        )
        relative_hints = tuple(sorted({k.split()[-1] for k in relative}
                                      | {"ago", "before", "previous", "earlier"}))
        month_hints = tuple(sorted({m[:3] for m in months})) or ("",)  # none: always run
        numeric = re.compile(
            rf"\b(?:(?P<a>[0-3]?\d)(?P<sep>[./])(?P<b>[01]?\d)(?P=sep)(?P<y>{_YEAR})"
            rf"|(?P<y2>{_YEAR})(?P<sep2>[./])(?P<m2>[01]?\d)(?P=sep2)(?P<d2>[0-3]?\d))\b"
        )
        labels = _words([str(x) for x in data.get("publication_labels", [])])
        abbreviations = list(data.get("weekday_abbreviations", {}))
        label = re.compile(
            rf"\b(?:{labels})\b(?:\s+by\s+[^|,:;]{{1,40}}?)?\s*(?:on|at)?\s*[:|\-–—]?\s*"
            r"(?:\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?\s*,?\s*)?"
            rf"(?:(?:{weekday}|{_names(abbreviations)})\.?,?\s*)?$",
            re.IGNORECASE,
        )
        stamp_rest = re.compile(
            rf"^(?:[\W_]|\d{{1,2}}[:.]\d\d(?:[:.]\d\d)?|\b(?:am|pm|a\.m|p\.m|[AP]M?"
            rf"|[A-Z]{{2,5}}|GMT[+-]?\d*|UTC[+-]?\d*|{weekday}|{_names(abbreviations)}"
            r"|at|on|of)\b)*$"
        )
        return _Lexicon(
            months=months,
            weekdays=weekdays,
            relative=relative,
            absolute=absolute,
            weekday_re=weekday_re,
            weekday_prefix=weekday_prefix,
            relative_re=relative_re,
            relative_hints=relative_hints,
            month_hints=month_hints,
            numeric=numeric,
            label=label,
            banner=_compile_list(data.get("banner_patterns", [])),
            reporting=_compile_list(data.get("reporting_patterns", [])),
            reaction=_compile_list(data.get("reaction_patterns", [])),
            reaction_after=_compile_list(data.get("reaction_after_patterns", [])),
            other_event=_compile_list(data.get("other_event_patterns", [])),
            followup=_compile_list(data.get("followup_patterns", [])),
            followup_after=_compile_list(data.get("followup_after_patterns", [])),
            funeral=_compile_list(data.get("funeral_patterns", [])),
            funeral_after=_compile_list(data.get("funeral_after_patterns", [])),
            funeral_hints=tuple(str(w).lower() for w in data.get("funeral_hints", [])),
            since=_compile_list(data.get("since_patterns", [])),
            update=_compile_list(data.get("update_patterns", [])),
            update_subjects=tuple(str(w).lower() for w in data.get("update_subjects", [])),
            event=_compile_list(data.get("event_patterns", [])),
            caption=_compile_list(data.get("caption_patterns", [])),
            history=_compile_list(data.get("history_patterns", [])),
            vague_time=_compile_list(data.get("vague_time_patterns", [])),
            stamp_rest=stamp_rest,
            year_alone=re.compile(
                rf"(?<![\d/.-])\b(?:(?P<month>{month})\.?\s+(?:of\s+)?)?(?P<year>{_YEAR})\b"
                r"(?!\d|[/.-]\d|\s*(?:%|percent))"),
            month_alone=re.compile(rf"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Ll]ast|[Ee]arly|[Ll]ate)\s+"
                                   rf"(?:early\s+|late\s+|mid-?)?(?P<month>{month})\b(?!\s+\d)"),
            early_hours=re.compile(str(data.get("early_hours_pattern") or "(?!)"), re.IGNORECASE),
            settings=data,
        )

    return config.cached("dates.lexicon", build)


# ---------------------------------------------------------------------------------------
# Finding and resolving phrases


def _int(value: str | None) -> int | None:
    if not value:
        return None
    digits = _DIGITS.match(value)
    return int(digits.group()) if digits else None


_DIGIT = re.compile(r"\d")
_LAST_YEAR = re.compile(r"\s*,?\s*last\s+year\b", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")
_STAMP_LABEL = re.compile(r"^\W*(?:date|dated|updated|published|posted)\b", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their)\s+$", re.IGNORECASE)
_REPORTING_AFTER = re.compile(
    r"\s*,?\s*(?:\w+\s+){0,3}(?:said|announced|reported|confirmed|told)\b")
_NAMED_DAY = re.compile(r"\b(?:Bloody|Black|Super|Cyber|BLOODY|BLACK)\s+$")
_ANY_DAY = (" a ", " an ", "every ", " each ", " any ")  # endings of the lower-cased text before
_DAYS_AFTER = re.compile(
    r"\s*,?\s*(?:just\s+|only\s+|some\s+)?(?P<n>an?|one|two|three|four|five|six|[1-9])\s+"
    r"(?P<unit>days?|weeks?)\s+after\s+(?:the|it|a|an|its|their|his|her)\b", re.IGNORECASE)
_MERGE_GAP = re.compile(r"[\s,(]{0,3}")


def _has_any(text: str, substrings: tuple[str, ...]) -> bool:
    """One of `substrings` occurs in `text`."""
    return any(s in text for s in substrings)


def _matches(text: str, lex: _Lexicon) -> list[_Found]:
    """Date phrases of each kind; each regex runs only when a cheap substring test passes."""
    low = text.lower()
    out: list[_Found] = []
    if _DIGIT.search(text) and ("-" in text or _has_any(low, lex.month_hints)):
        for m in lex.absolute.finditer(text):
            if m.group("iso"):
                month, day, year = m.group("m3"), m.group("d3"), m.group("y3")
            else:
                mon = m.group("m1") or m.group("m2")
                month = str(lex.months.get(mon.lower().rstrip("."), ""))
                day, year = m.group("d1") or m.group("d2"), m.group("y1") or m.group("y2")
            item = _Found(m.start(), m.end(), m.group(), "absolute", month=_int(month),
                          day=_int(day), year=_int(year))
            if year is None and _LAST_YEAR.match(text, m.end()):
                item.before = True  # "on March 3 last year"
            if item.month and item.day:
                out.append(item)
    if "day" in low:
        for m in lex.weekday_re.finditer(text):
            start = m.start()
            if _NAMED_DAY.search(text, max(0, start - 8), start):
                continue  # "Bloody Sunday", "Black Friday": names, not this week's days
            if text[max(0, start - 6):start].lower().endswith(_ANY_DAY):
                continue  # "enjoying a Saturday", "every Friday": no particular day
            prefix = lex.weekday_prefix.search(text[max(0, start - 48):start])
            if prefix is not None and prefix.group():
                start -= len(prefix.group())
            pre = (prefix.group("pre") or "").lower() if prefix is not None else ""
            phrase = text[start:m.end()]
            possessive = phrase.endswith("'s")
            out.append(_Found(start, m.end(), phrase[:-2] if possessive else phrase,
                              "weekday", weekday=lex.weekdays.get(m.group("wd").lower()),
                              before=pre in ("last", "past"), possessive=possessive))
    if _has_any(low, lex.relative_hints):
        for m in lex.relative_re.finditer(text):
            phrase = m.group()
            if m.group("anchor"):
                out.append(_Found(m.start(), m.end(), phrase, "anchored", offset=-1))
                continue
            if m.group("ago"):
                count = m.group("n").lower()
                days = _SMALL.get(count) or _int(count) or 0
                out.append(_Found(m.start(), m.end(), phrase, "relative", offset=-days))
                continue
            after = m.end() + 2 if text.startswith("'s", m.end()) else m.end()
            if phrase[:1].isupper() and (m.start() > 2 or _CAPITAL_NEXT.match(text, after)):
                continue  # "USA Today", "Today Show", "Today in New Delhi": names, not days
            key = " ".join(phrase.lower().split())
            out.append(_Found(m.start(), m.end(), phrase, "relative",
                              offset=lex.relative.get(key),
                              possessive=text.startswith("'s", m.end())))
    return out


def _find(text: str, lex: _Lexicon) -> list[_Found]:
    """Every date phrase in `text`, in order; a weekday followed by its full date is one."""
    text = text[:_MAX_SENTENCE]
    items = _matches(text, lex)
    if len(items) > 1:
        items.sort(key=lambda f: (f.start, -f.end))
    found: list[_Found] = []
    for item in items:
        previous = found[-1] if found else None
        if previous is not None and item.start < previous.end:
            continue  # overlaps a longer phrase already kept
        if (previous is not None and previous.kind == "weekday" and item.kind == "absolute"
                and _MERGE_GAP.fullmatch(text, previous.end, item.start)):
            # "Saturday (June 3, 2023)", "Wednesday, Jan. 25, 2023": one phrase.
            end = item.end + 1 if text[item.end:item.end + 1] == ")" else item.end
            item.start, item.end = previous.start, end
            item.phrase = text[previous.start:end]
            found[-1] = item
            continue
        if (previous is not None and previous.kind == "weekday" and item.kind == "weekday"
                and previous.weekday is not None and item.weekday == (previous.weekday + 1) % 7
                and "night" in previous.phrase.lower()
                and _NIGHT_JOIN.fullmatch(text, previous.end, item.start)):
            # "on the night of Saturday to Sunday": one night, the first day unless the
            # clock says the small hours (see `_extract`)
            previous.end, previous.night_into = item.end, True
            previous.phrase = text[previous.start:item.end]
            continue
        found.append(item)
    return found


_NIGHT_JOIN = re.compile(r"\s*(?:to|into|-|–|and)\s*")


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _resolve(item: _Found, reference: dt.date | None) -> dt.date | None:
    if item.kind == "absolute":
        if item.month is None or item.day is None:
            return None
        if item.year is not None:
            return _safe_date(item.year, item.month, item.day)
        if reference is None:
            return None
        # The most recent such date on or before the reference (a day or two of slack for
        # time zones and late filing).
        same_year = _safe_date(reference.year, item.month, item.day)
        if item.before:  # "on March 3 last year"
            return _safe_date(reference.year - 1, item.month, item.day)
        if same_year is not None and same_year <= reference + dt.timedelta(days=_YEAR_SLACK):
            return same_year
        return _safe_date(reference.year - 1, item.month, item.day)
    if reference is None:
        return None
    if item.kind == "weekday" and item.weekday is not None:
        back = (reference.weekday() - item.weekday) % 7
        return reference - dt.timedelta(days=back or (7 if item.before else 0))
    if item.kind == "relative" and item.offset is not None:
        return reference + dt.timedelta(days=item.offset)
    return None


# ---------------------------------------------------------------------------------------
# Publication date


def _header_dates(line: str, lex: _Lexicon) -> list[tuple[int, int, dt.date]]:
    """(start, end, date) of every full date (with a year) on a header line."""
    out: list[tuple[int, int, dt.date]] = []
    for item in _find(line, lex):
        if item.kind == "absolute" and item.year is not None:
            date = _resolve(item, None)
            if date is not None:
                out.append((item.start, item.end, date))
    for m in lex.numeric.finditer(line) if ("." in line or "/" in line) else ():
        if m.group("y"):
            a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
            if a > 12 or (m.group("sep") == "." and b <= 12):
                day, month = a, b
            else:
                month, day = a, b
        else:
            year, month, day = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        date = _safe_date(year, month, day) if 1 <= month <= 12 else None
        if date is not None:
            out.append((m.start(), m.end(), date))
    return sorted(out, key=lambda t: t[0])


def _only_date(line: str, start: int, end: int, lex: _Lexicon) -> bool:
    """The line is a date and nothing else but a weekday, a time and a time zone."""
    rest = line[:start] + " " + line[end:]
    return len(rest) <= 60 and lex.stamp_rest.match(rest) is not None


def find_publication_date(header_lines: list[str], head: str, config: Config) -> dt.date | None:
    """A publication date stated in the article's header or dateline, if any.

    Ranked: a labelled line ("Updated: Mar 30, 2011") or a leading "date 2019-06-20"; then a
    byline or source line with a date ("By Jane Doe | June 4, 2022"); then a line that is
    only a date, a "Name | date" line or a dateline with a year (none of them inside a page
    banner with weather or "Today in"); then a full date opening one of the first lines.
    Teaser lines ("Read more: …") never count. A dateline without a year ("LUCKNOW, June 4
    (PTI):") needs a year stated on another header line (not a copyright year).
    """
    try:
        return _publication_date(header_lines, head, config)
    except Exception:  # noqa: BLE001 - a header must never break the pipeline
        return None


_BYLINE = re.compile(r"^\W*(?:by|story by|written by|source|via)\b", re.IGNORECASE)
_TEASER = re.compile(r"^\W*(?:read|see|watch|also|related|more|recommended|trending|previous|"
                     r"next|latest|popular|top stories|don't miss)\b", re.IGNORECASE)
_COPYRIGHT = re.compile(r"©|\(c\)|copyright|all rights reserved", re.IGNORECASE)
_SHORT_LINE = 80
_TRAILER = re.compile(r"\S\s*[|•·—–/-]\s*$")  # a name, then a separator, then the date
_LONG_LINE = 120  # a longer head line is body text: only its opening can hold a stamp
_OPENING = 80


def _publication_date(header_lines: list[str], head: str, config: Config) -> dt.date | None:
    lex = _lexicon(config)
    lines: list[str] = []
    for raw in [*header_lines, *head.splitlines()[:40]]:
        line = raw.strip()
        if len(line) > _LONG_LINE and not _BYLINE.match(line):
            line = line[:_OPENING]
        line = line[:_MAX_LINE]
        if line:
            lines.append(line if line.isascii() else normalise(line).strip())
    banners = [len(x) <= _BANNER_LINE and _any(lex.banner, x) is not None for x in lines]
    best: tuple[int, int, dt.date] | None = None  # (rank, line index, date)
    dateline: tuple[int, int] | None = None  # (month, day) of a dateline without a year
    header_year: int | None = None
    for i, line in enumerate(lines):
        banner = any(banners[max(0, i - 2):i + 3])
        if _DIGIT.search(line) is None or _TEASER.match(line):
            continue
        for start, end, date in _header_dates(line, lex):
            if lex.label.search(line, max(0, start - 40), start) and (
                start <= 30 or len(line) <= _LONG_LINE
            ):
                rank = 0
            elif _BYLINE.match(line):
                rank = 1
            elif banner:
                continue
            elif _only_date(line, start, end, lex) or (
                len(line) <= _SHORT_LINE and _TRAILER.search(line, 0, start)
            ):
                rank = 2  # a bare date line, or "Jane Doe | March 3, 2021"
            elif start <= 2:
                rank = 3
            else:
                continue
            if best is None or (rank, i) < best[:2]:
                best = (rank, i, date)
        if header_year is None and i < len(header_lines) and not banner and not _COPYRIGHT.search(
            line
        ):
            year = lex.year_alone.search(line)
            header_year = int(year.group("year")) if year else None
        found = _dateline_day(line, lex) if dateline is None else None
        if found is not None:
            month, day, year = found
            full = _safe_date(year, month, day) if year else None
            if full is not None and (best is None or (2, i) < best[:2]):
                best = (2, i, full)
            elif year is None:
                dateline = (month, day)
    if best is not None:
        return best[2]
    if dateline is not None and header_year is not None:
        return _safe_date(header_year, *dateline)
    return None


# A line that is a dateline and nothing else: "SHIMLA, Oct 6", "KABUL, Afghanistan, 3 May:".
_DATELINE_LINE = re.compile(
    r"^[A-Z][A-Za-z.'\- ]{1,40},\s*(?:[A-Z][A-Za-z.\- ]{1,30},\s*)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?(?:,?\s+\d{4})?)"
    r"\s*(?:\([^)]{1,30}\))?\s*[:—–-]?\s*$"
)
_DATELINE_DAY = re.compile(
    r"^[A-Z][A-Za-z.'\- ]{1,40},\s*(?:[A-Z][A-Za-z.\- ]{1,30},\s*)?"
    r"(?P<rest>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?(?:,?\s+\d{4})?)"
    r"\s*(?:\([^)]{1,30}\))?\s*(?::|—|–|--|-|$)"  # (or a line of its own: "Quito, March 12, 2024")
)


def _dateline_day(line: str, lex: _Lexicon) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of a dateline: "LUCKNOW, June 4 (PTI):",
    "KABUL, Afghanistan, Feb. 10, 2019 (AP) —"."""
    m = _DATELINE_DAY.match(line)
    if not m:
        return None
    for item in _find(m.group("rest"), lex):
        if item.kind == "absolute" and item.month and item.day:
            return item.month, item.day, item.year
    return None


# ---------------------------------------------------------------------------------------
# The incident's date


def _is_stamp_sentence(text: str, items: list[_Found], lex: _Lexicon) -> bool:
    """A header line that reached the body: a bare date, a dated byline, an "Updated:" line,
    or a banner ("Today in New Delhi")."""
    if len(text) <= _BANNER_LINE and any(p.search(text) for p in lex.banner):
        return True
    if _BYLINE.match(text) and len(text) < 160:
        return True
    for item in items:
        if item.kind != "absolute" or item.start > _MAX_LINE:
            continue
        if _only_date(text, item.start, item.end, lex) or (
            item.year is not None and len(text) <= _SHORT_LINE
            and _TRAILER.search(text, 0, item.start) and len(text) - item.end < 12
        ):
            return True
        if lex.label.search(text[max(0, item.start - 40):item.start]) and (
            len(text) - item.end < 30
        ):
            return True
    return False


def _is_stamp_item(text: str, item: _Found, lex: _Lexicon) -> bool:
    """A publication stamp glued to the first line: "date 2019-06-20 Five people…",
    "August 3, 2014Chinese officials…", or anywhere "June 24, 2025 - 7:40 am"."""
    if item.kind == "absolute" and item.year is not None and _STAMP_AFTER.match(text, item.end):
        return True  # "June 24, 2025 - 7:40 am", "June 19, 2021 | By Ibrahim Sani"
    if item.start > 12:
        return False
    if _STAMP_LABEL.match(text):
        return True
    return item.kind == "absolute" and item.year is not None and (
        item.end < len(text) and text[item.end].isalpha()
    )


_TOLL_ROSE = re.compile(r"\b(?:death\s+toll|toll|number\s+of\s+(?:the\s+)?(?:dead|deaths))\b"
                        r"[^.;]{0,80}?\b(?:rose|risen|rises|climbed|increased|jumped|reached)\b"
                        r"[^.;]{0,80}\bafter\b", re.IGNORECASE)
# a full date, then a bar, or a dash and a clock time: an article's stamp (prose says "at")
_STAMP_AFTER = re.compile(r"\s*(?:\||[-–—]\s*\d{1,2}[:.h]\d{2}(?!\d))")
# "JUBA, 10 February 2026 - ...": the day a story was filed, after its dateline city
_DATELINE_BEFORE = re.compile(r"^\W{0,3}[^\W\d_a-zà-ÿ](?:[^\W\d_a-zà-ÿ]|[.'’ -]){1,40}"
                              r"(?:\s*\([^)]{1,40}\))?\s*,\s*$")


def _any(patterns: list[re.Pattern[str]], text: str) -> re.Match[str] | None:
    for p in patterns:
        m = p.search(text)
        if m:
            return m
    return None


def _cost(sentence: Sentence, item: _Found, date: dt.date | None, reference: dt.date | None,
          position: float, lex: _Lexicon, context: dict[str, bool],
          to_beat: float | None = None) -> float:
    """Lower is better: sentence order, plus penalties for dates of other acts or events.

    Cheap terms first: when they already rule the date out against `to_beat`, the
    cue regexes are skipped. `context` memoises the sentence-wide cues (caption, history).
    """
    cost = position
    settings = lex.settings
    if date is not None and reference is not None:
        gap = (reference - date).days
        if gap > int(settings.get("max_days_before_reference", 10)) and item.kind == "absolute":
            # "were killed on April 3", in a report filed two weeks later: the event verb
            # ties the date to the incident, so a stale date costs less than a reporting day
            tied = gap <= int(settings.get("max_days_before_when_tied", 31)) and _any(
                lex.event, sentence.text[max(0, item.start - 20):item.start]) is not None
            cost += 1.5 if tied else 4
        if -gap >= int(settings.get("max_days_after_reference", 1)) + 1:
            cost += 4
    if date is None:
        cost += 1
    if to_beat is not None and cost - _MAX_BONUS > to_beat:
        return cost
    text = sentence.text
    if "caption" not in context:
        context["caption"] = _any(lex.caption, text) is not None
        context["history"] = _any(lex.history, text) is not None
        low = text.lower()
        context["funeral"] = any(hint in low for hint in lex.funeral_hints)
    cost += 6 * context["caption"] + 2 * context["history"]
    if to_beat is not None and cost - _MAX_BONUS > to_beat:
        return cost
    before = text[max(0, item.start - 90):item.start]
    if _any(lex.other_event, before[-40:]):
        cost += 4
    elif _any(lex.since, before[-20:]):
        cost += 1.5 if item.kind != "absolute" or item.year is None else 4
    if item.kind == "absolute" and item.phrase[:1].isalpha() and _THE_BEFORE.search(before[-12:]):
        cost += 3  # "the January 31 blast", "a Feb. 3 report": named by its date, another event
    if item.counted_back:
        return cost - 1  # dated by counting back from a later day: the event's own date
    if item.possessive:
        # "Saturday's earthquake", "yesterday's blast": the date of the event it names.
        if _any(lex.event, text[item.end:item.end + 30]):
            return cost - 1.5
        return cost
    # a funeral, days later ("were buried on Monday"), unless the date is tied to the event
    # verb itself ("the funeral of three soldiers killed on Thursday")
    if context["funeral"] and (_any(lex.funeral, before[-20:]) or (
        (_any(lex.funeral, before[-60:]) or _any(lex.funeral_after, text[item.end:item.end + 80]))
        and not _any(lex.event, before[-20:])
    )):
        return cost + float(settings.get("funeral_penalty", 8))
    reporting = (
        _any(lex.reporting, before[-70:]) is not None
        or (item.start <= 3 and _REPORTING_AFTER.match(text, item.end, item.end + 50) is not None)
        or (_any(lex.update, before[-40:]) is not None
            and any(w in text[:item.start].lower() for w in lex.update_subjects))
        # "the toll has risen to 63 after two more injured died on Sunday": a later death
        or _TOLL_ROSE.search(text, 0, item.start) is not None
    )
    if _any(lex.reaction, before[-70:]) is not None or any(
            p.match(text, item.end, item.end + 40) for p in lex.reaction_after):
        # a reaction comes days after the event: any date tied to the event beats it
        cost += float(settings.get("reaction_penalty", 4))
    elif reporting:
        cost += 2.5
    elif _any(lex.followup, before[-50:]) or any(
            p.match(text, item.end, item.end + 40) for p in lex.followup_after):
        cost += 1.5
    elif _any(lex.event, before[-90:]) or _any(lex.event, text[item.end:item.end + 40]):
        cost -= 1
    return cost


def _confidence(item: _Found, date: dt.date | None, cost: float, ordinal: int) -> float:
    if date is None:
        base = 0.3
    elif item.kind == "absolute":
        base = 0.9 if item.year is not None else 0.85
    elif item.kind == "weekday":
        base = 0.8
    else:
        base = 0.75
    penalty = 0.06 * max(0.0, cost - min(ordinal, 3))
    return round(max(0.1, min(0.95, base - penalty)), 3)


def extract_date(doc: Document, config: Config) -> When:
    """The main incident's date: the best-ranked date phrase of the lead sentences."""
    try:
        return _extract(doc, config)
    except Exception:  # noqa: BLE001 - never raise on any text
        return When()


def _extract(doc: Document, config: Config) -> When:
    lex = _lexicon(config)
    limit = int(lex.settings.get("max_sentences", 12))
    reference = doc.published
    best: tuple[float, int, Sentence, _Found, dt.date | None] | None = None
    top_score = max((s.score for s in doc.sentences if not s.background), default=0.0)
    ordinal = 0  # body sentences read so far; the title counts as the first, a little behind
    for read, sentence in enumerate(doc.sentences):
        if sentence.background:
            continue
        if read >= 4 * limit or ordinal >= limit:
            break
        if best is not None and ordinal - _MAX_BONUS > best[0]:
            break  # no later sentence can beat the best date found
        text = sentence.text
        items = _find(text, lex)
        if not items:
            ordinal += not sentence.is_title
            continue
        if _is_stamp_sentence(text, items, lex):
            continue
        context: dict[str, bool] = {}
        previous: dt.date | None = None
        dateline_only = len(text) <= _SHORT_LINE and _DATELINE_LINE.match(text) is not None
        for item in items[:_MAX_ITEMS]:
            if _is_stamp_item(text, item, lex):
                continue
            if item.kind == "anchored":
                date = previous - dt.timedelta(days=1) if previous is not None else None
            else:
                date = previous = _resolve(item, reference)
                if item.night_into and date is not None and reference != date:
                    after = text[item.end:]
                    if read + 1 < len(doc.sentences):
                        after += " " + doc.sentences[read + 1].text
                    if lex.early_hours.search(after):
                        date = previous = date + dt.timedelta(days=1)
                back = _DAYS_AFTER.match(text, item.end, item.end + 60)
                if back is not None and date is not None:
                    # "on Thursday, two days after the blast": the blast's day
                    count = back.group("n").lower()
                    days = (_SMALL.get(count) or _int(count) or 0) * (
                        7 if back.group("unit").lower().startswith("week") else 1)
                    if 0 < days <= 14:
                        item = _Found(item.start, back.end(), text[item.start:back.end()],
                                      item.kind, counted_back=True)
                        date = date - dt.timedelta(days=days)
            position = ordinal + (_TITLE_LAG if sentence.is_title else 0.0)
            if top_score > 0 and sentence.score > 0:
                position -= _SCORE_BONUS * sentence.score / top_score
            cost = _cost(sentence, item, date, reference, position, lex, context,
                         best[0] if best is not None else None)
            if dateline_only or (item.start <= 50 and item.kind == "absolute"
                                 and _DATELINE_BEFORE.match(text[:item.start])):
                cost += float(lex.settings.get("dateline_line_penalty", 3))
            key = (cost, sentence.index)
            if best is None or key < (best[0], best[1]):
                best = (cost, sentence.index, sentence, item, date)
        ordinal += not sentence.is_title
    if best is None:
        return When()
    cost, _, sentence, item, date = best
    if _vague_then_reported(sentence.text, item, lex):
        return When()
    return When(
        date=date.isoformat() if date else None,
        text=_clean_phrase(item.phrase),
        confidence=_confidence(item, date, cost, 0),
        evidence=Evidence(sentence.text, [(item.start, item.end)]),
    )


def _vague_then_reported(text: str, item: _Found, lex: _Lexicon) -> bool:
    """'killed 22 civilians last week, a rights group said on Tuesday': the day is the
    report's, and the incident's is not given; no date is better than the wrong one."""
    before = text[:item.start]
    reported = _any(lex.reporting, before[-70:]) is not None
    return reported and _any(lex.vague_time, before) is not None


def _clean_phrase(phrase: str) -> str:
    phrase = re.sub(r"^(?:on|On)\s+", "", phrase).strip(" ,")
    return phrase if "(" in phrase else phrase.strip("()")


_URL_DATE = re.compile(
    rf"(?<!\d)(?P<y>{_YEAR})(?P<sep>[/_-]?)(?P<m>0[1-9]|1[0-2]|[a-z]{{3,9}})(?P=sep)"
    r"(?P<d>0[1-9]|[12]\d|3[01]|(?<=[/_-])[1-9])(?!\d)",
    re.IGNORECASE,
)


def date_from_url(url: str | None, config: Config) -> dt.date | None:
    """A full date in an article's URL path ("/2015/09/01/", "-20170802-", "/2022/nov/09/").

    Only a path with year, month and day counts; "/2014/11/" alone is no date.
    """
    if not url:
        return None
    try:
        lex = _lexicon(config)
        path = url.split("?", 1)[0].split("#", 1)[0][:_MAX_LINE]
        for m in _URL_DATE.finditer(path):
            month_text = m.group("m")
            month = (int(month_text) if month_text.isdigit()
                     else lex.months.get(month_text.lower()))
            if month is None or (not m.group("sep") and not month_text.isdigit()):
                continue
            date = _safe_date(int(m.group("y")), month, int(m.group("d")))
            if date is not None:
                return date
    except Exception:  # noqa: BLE001 - a URL must never break the pipeline
        return None
    return None


def date_in(text: str, reference: dt.date | None, config: Config) -> tuple[str | None, str | None]:
    """(ISO date, phrase) of the first date named in one sentence (for other incidents)."""
    try:
        lex = _lexicon(config)
        for item in _find(text, lex):
            if item.kind == "anchored":
                continue
            date = _resolve(item, reference)
            return (date.isoformat() if date else None), _clean_phrase(item.phrase)
        # No day named: a month and year, a year, or a month is still worth showing.
        year = lex.year_alone.search(text[:_MAX_SENTENCE])
        if year:
            return None, year.group().strip()
        month = lex.month_alone.search(text[:_MAX_SENTENCE])
        if month:
            return None, month.group("month")
    except Exception:  # noqa: BLE001 - never raise on any text
        pass
    return None, None
