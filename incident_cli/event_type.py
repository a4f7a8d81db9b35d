"""Is this an incident report, and of which type (the taxonomy in data/events.yaml)?"""

from __future__ import annotations

from .config import Config
from .document import Document
from .models import What


def classify(doc: Document, config: Config) -> tuple[bool, float, What]:
    """(is_incident, confidence that it is one, What with event_type and its evidence)."""
    return False, 0.0, What()
