"""Where the main incident happened: place, province/state and country from the gazetteer."""

from __future__ import annotations

from .config import Config
from .document import Document
from .models import Where


def extract_place(doc: Document, config: Config) -> Where:
    return Where()


def locate(text: str, config: Config) -> Where:
    """The most specific place named in one sentence (for other incidents)."""
    return Where()
