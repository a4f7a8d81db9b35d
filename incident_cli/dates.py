"""When: absolute dates, and weekdays / relative days resolved against the reference date."""

from __future__ import annotations

import datetime as dt

from .config import Config
from .document import Document
from .models import When


def find_publication_date(header_lines: list[str], head: str, config: Config) -> dt.date | None:
    """A publication date stated in the article's header or dateline, if any."""
    return None


def extract_date(doc: Document, config: Config) -> When:
    return When()


def date_in(text: str, reference: dt.date | None, config: Config) -> tuple[str | None, str | None]:
    """(ISO date, phrase) of the first date named in one sentence (for other incidents)."""
    return None, None
