"""Killed, injured, missing and arrested for the main incident; other incidents' tolls apart."""

from __future__ import annotations

from .config import Config
from .document import Document
from .models import Casualties, OtherIncident


def extract_casualties(
    doc: Document, config: Config, event_type: str | None
) -> tuple[Casualties, list[OtherIncident]]:
    return Casualties(), []
