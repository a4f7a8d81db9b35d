"""Tell the main incident from the others an article mentions (earlier attacks, history,
teasers), sentence by sentence, so their tolls, places and dates stay out of the main record."""

from __future__ import annotations

from .config import Config
from .document import Document


def mark_background(doc: Document, config: Config) -> None:
    """Set `Sentence.background` on sentences about another incident."""
