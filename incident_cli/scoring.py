"""Rule-based sentence scoring: position, title overlap, event and casualty cues, numbers,
names, length. The top sentences, in article order, are the summary."""

from __future__ import annotations

from .config import Config
from .document import Document


def score_sentences(doc: Document, config: Config, event_type: str | None) -> None:
    """Set `Sentence.score` on every sentence."""


def top_sentences(doc: Document, n: int) -> list[str]:
    ranked = sorted((s for s in doc.body), key=lambda s: -s.score)[:n]
    return [s.text for s in sorted(ranked, key=lambda s: s.index)]
