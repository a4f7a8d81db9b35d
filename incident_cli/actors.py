"""Who: perpetrators, victims and named sources (people quoted, with their role)."""

from __future__ import annotations

from .config import Config
from .document import Document
from .models import Who


def extract_actors(doc: Document, config: Config, event_type: str | None) -> Who:
    return Who()
