"""Tell the main incident from the others an article mentions (earlier attacks, history,
teasers), sentence by sentence, so their tolls, places and dates stay out of the main record."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .config import Config, compile_union
from .dispatch import KeywordUnion
from .document import Document, Sentence

# A year a news report may name; not a number that only looks like one ("train number
# 2010", "flight No. 1987", "#2019").
NOT_A_YEAR_BEFORE = r"(?<![Nn]umber )(?<![Nn]o\. )(?<![Nn]o )(?<![Rr]oute )(?<![Ff]light )"
# ... nor a clock time ("1900 GMT", "2030 hrs")
NOT_A_YEAR_AFTER = (r"(?!\s*(?i:gmt|utc|hrs?\b|hours\b|h\b|local\s+time"
                    r"|ist\b|est\b|edt\b|pst\b|cet\b|bst\b))")
YEAR = re.compile(rf"(?<![#\w]){NOT_A_YEAR_BEFORE}(19[5-9]\d|20[0-4]\d)\b{NOT_A_YEAR_AFTER}")
_TRAILING_FUNCTION_WORD = re.compile(r"\b(?:in|at|of|the|a|an|and|to|by|with|for|from)\s*$", re.I)
LEAD_HEADINGS = 3  # headings among the first body sentences are sub-headlines
TEASER_FROM = 0.7  # headings earlier than this share of the body are sub-headlines
OTHER_STORY_FROM = 0.7  # a teaser heading this far down starts another story
HEADLINE_MAX_WORDS = 14


def _is_headline(text: str) -> bool:
    """Short and complete: a long unpunctuated line is a truncated sentence, not a headline."""
    return len(text.split()) <= HEADLINE_MAX_WORDS and not _TRAILING_FUNCTION_WORD.search(text)


@dataclass(frozen=True)
class _Rules:
    # History patterns anchored at the sentence start apart from the rest, so that the
    # rest can take the word-start guard of `compile_union` (three times faster).
    history_start: re.Pattern[str]
    # Most sentences hold none of the words these need: their cached word set says so.
    history: KeywordUnion
    present: KeywordUnion
    teaser: re.Pattern[str]
    incident: KeywordUnion


def _rules(config: Config) -> _Rules:
    def build() -> _Rules:
        section = config.section("context")
        history = [str(p) for p in section.get("history_patterns") or []]
        unanchored = [p for p in history if not p.startswith("^")]
        present = [str(p) for p in section.get("present_patterns") or []]
        incident = [str(section.get("incident_words", r"(?!x)x"))]
        return _Rules(
            history_start=compile_union([p for p in history if p.startswith("^")], re.I),
            history=KeywordUnion(unanchored, re.I),
            present=KeywordUnion(present, re.I),
            teaser=compile_union(section.get("teaser_patterns") or [], re.I),
            incident=KeywordUnion(incident, re.I),
        )

    return config.cached("context", build)


def is_background(text: str, config: Config, reference_year: int | None) -> bool:
    """True when a sentence reports another incident (history, teaser), not the main one."""
    return _is_background(Sentence(0, text, 0), _rules(config), reference_year)


def _is_background(sentence: Sentence, rules: _Rules, reference_year: int | None) -> bool:
    text, lower, words = sentence.text, sentence.lower, sentence.words
    if rules.teaser.search(text):
        return True
    if not rules.incident.search(text, lower, words):
        return False
    if rules.present.search(text, lower, words):
        return False
    if rules.history_start.search(text) or rules.history.search(text, lower, words):
        return True
    if reference_year is not None:
        return any(int(y) < reference_year for y in YEAR.findall(text))
    return False


def mark_background(doc: Document, config: Config) -> None:
    """Set `Sentence.background` on sentences about another incident.

    The title and the first body sentence are the main incident by definition of a news
    report, whatever history they mention in passing.
    """
    reference_year = doc.published.year if doc.published else _latest_year(doc)
    rules = _rules(config)
    incident = rules.incident.regex
    body = doc.body
    other_story = False
    for position, sentence in enumerate(body):
        if position == 0:
            continue
        if (
            position >= max(LEAD_HEADINGS, TEASER_FROM * len(body))
            and sentence.is_heading
            and _is_headline(sentence.text)
            and incident.search(sentence.text)
        ):
            # A headline-like line with incident words after the lead is a teaser or the
            # start of another story on the same page; late in the page, so is what follows.
            # (Sub-headlines in the lead and the middle belong to the main story.)
            sentence.background = True
            other_story = other_story or position >= OTHER_STORY_FROM * len(body)
            continue
        sentence.background = other_story or _is_background(sentence, rules, reference_year)


def _latest_year(doc: Document) -> int | None:
    years = [int(y) for s in doc.sentences[:4] for y in YEAR.findall(s.text)]
    return max(years) if years else None
