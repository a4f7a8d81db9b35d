"""Rule-based sentence scoring: position, title overlap, event and casualty cues, numbers,
names, length. The top sentences, in article order, are the summary; the best one is the
one-line `what.summary`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cleaning import tidy_sentence
from .config import Config
from .dispatch import KeywordUnion
from .document import Document, Sentence
from .event_type import _rules as event_rules
from .event_type import type_hits
from .sentences import words

# "Has a number": a digit, or a number word (apart, so the words get a word-start guard).
_DIGIT = re.compile(r"\d")
_NUMBER_WORDS = [r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds)\b"]
_NUMBER_WORD = KeywordUnion(_NUMBER_WORDS, re.I)  # adds the word-start guard
_PROPER = re.compile(r"(?<![.!?] )(?<!^)\b[A-Z][a-z]{2,}")


def _has_number(text: str, sentence: Sentence | None = None) -> bool:
    """A digit or a number word; with the `sentence` of `text`, its cached words rule most
    sentences out without the regex."""
    if _DIGIT.search(text) is not None:
        return True
    if sentence is not None:
        return _NUMBER_WORD.search(text, sentence.lower, sentence.words) is not None
    return _NUMBER_WORD.regex.search(text) is not None


def _is_quote(text: str) -> bool:
    """Opens or closes with a double quote (str.strip and regex \\s agree on whitespace)."""
    return text.lstrip().startswith('"') or text.rstrip().endswith('"')


@dataclass(frozen=True)
class _Weights:
    position: float
    title_overlap: float
    event_cue: float
    casualty_cue: float
    number: float
    proper_names: float
    quote: float
    heading: float
    short: float
    long: float
    decay: float
    min_words: int
    max_words: int
    background: float
    stopwords: frozenset[str]


def _weights(config: Config) -> _Weights:
    def build() -> _Weights:
        section = config.section("scoring")
        w = section.get("weights") or {}
        return _Weights(
            **{k: float(w.get(k, 0.0)) for k in (
                "position", "title_overlap", "event_cue", "casualty_cue", "number",
                "proper_names", "quote", "heading", "short", "long")},
            decay=float(section.get("position_decay", 0.25)),
            min_words=int(section.get("min_words", 6)),
            max_words=int(section.get("max_words", 60)),
            background=float(section.get("background_factor", 0.2)),
            stopwords=frozenset(str(s).lower() for s in section.get("stopwords") or []),
        )

    return config.cached("scoring", build)


def _content(text: str, stopwords: frozenset[str]) -> set[str]:
    return {w.lower() for w in words(text) if w[0].isalnum() and w.lower() not in stopwords}


def score_sentences(doc: Document, config: Config, event_type: str | None) -> None:
    """Set `Sentence.score` on every sentence."""
    weights = _weights(config)
    events = event_rules(config)
    casualty = events.incident
    title_words = _content(doc.title, weights.stopwords) if doc.title else set()
    body_position = 0
    for sentence in doc.sentences:
        text = sentence.text
        if sentence.is_title:
            sentence.score = 0.0
            continue
        n_words = len(text.split())
        score = weights.position / (1.0 + weights.decay * body_position)
        body_position += 1
        if title_words:
            overlap = len(_content(text, weights.stopwords) & title_words) / len(title_words)
            score += weights.title_overlap * overlap
        if event_type:
            cues = sentence.cues if sentence.cues is not None else type_hits(text, config)
            hits = cues.get(event_type, 0.0)
            score += weights.event_cue * min(hits, 6.0) / 3.0
        if casualty.search(sentence.lower, sentence.lower, sentence.words):
            score += weights.casualty_cue
        if _has_number(text, sentence):
            score += weights.number
        if _PROPER.search(text):
            score += weights.proper_names
        if _is_quote(text):
            score += weights.quote
        if sentence.is_heading:
            score += weights.heading
        if n_words < weights.min_words:
            score += weights.short
        elif n_words > weights.max_words:
            score += weights.long
        if sentence.background:
            score *= weights.background
        sentence.score = score


def top_sentences(doc: Document, n: int) -> list[str]:
    """The `n` best sentences, in article order."""
    ranked = sorted(doc.body, key=lambda s: -s.score)[:n]
    return [tidy_sentence(s.text) for s in sorted(ranked, key=lambda s: s.index)]
