"""The prepared article every extractor reads: cleaned sentences plus what the header told us."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property

_WORD = re.compile(r"\w+")


@dataclass
class Sentence:
    index: int
    text: str
    paragraph: int
    is_title: bool = False
    is_heading: bool = False  # a line without final punctuation (a subheading, teaser, caption)
    # Set by `context.mark_background`: the sentence is about another incident
    # (an earlier attack, a historical quake, a teaser), not the main one.
    background: bool = False
    # Set by `scoring.score_sentences`: how central the sentence is to the main incident.
    score: float = 0.0
    # Set by `event_type.classify`: weighted event-type cue hits, reused by scoring.
    cues: dict[str, float] | None = None

    # Computed once per sentence and shared by every extractor: many rules only need to
    # run when one of their literal words occurs, and a set lookup is far cheaper than a
    # regex scan. `text` is never changed after the sentence is made.
    @cached_property
    def lower(self) -> str:
        return self.text.lower()

    @cached_property
    def words(self) -> frozenset[str]:
        """The sentence's lower-cased word tokens (`\\w+` runs)."""
        return frozenset(_WORD.findall(self.lower))


@dataclass
class Document:
    sentences: list[Sentence]
    title: str | None = None
    dateline: str | None = None  # the filing city of a dateline ("SHIMLA —"), as written
    header_lines: list[str] = field(default_factory=list)  # lines before the body, kept for dates
    published: dt.date | None = None  # the reference date for relative dates
    published_source: str | None = None  # "argument", "header" or None

    @property
    def body(self) -> list[Sentence]:
        return [s for s in self.sentences if not s.is_title]

    @property
    def foreground(self) -> list[Sentence]:
        return [s for s in self.sentences if not s.background]
