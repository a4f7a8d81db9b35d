"""The pure core: text in, `Summary` out. No I/O, no printing."""

from __future__ import annotations

import datetime as dt
import re

from . import actors, casualties, context, dates, event_type, places, scoring
from .cleaning import clean, tidy_sentence
from .config import Config, default_config
from .document import Document, Sentence
from .models import Casualties, Evidence, OtherIncident, Summary
from .sentences import split_sentences

DEFAULT_SENTENCES = 3


def prepare(
    text: str,
    *,
    title: str | None = None,
    published: dt.date | None = None,
    config: Config | None = None,
    url: str | None = None,
) -> Document:
    """Clean the text, split it into sentences and settle the reference date."""
    config = config or default_config()
    cleaned = clean(text, config, title=title)
    paragraphs = cleaned.paragraphs
    sentences = split_sentences(paragraphs, config)
    if cleaned.title:
        sentences.insert(0, Sentence(index=0, text=cleaned.title, paragraph=-1, is_title=True))
        for i, sentence in enumerate(sentences):
            sentence.index = i
    doc = Document(
        sentences=sentences,
        title=cleaned.title,
        dateline=cleaned.dateline,
        header_lines=cleaned.header_lines,
    )
    if published is not None:
        doc.published, doc.published_source = published, "argument"
    else:
        # The first 12 lines, at most 3,000 characters: a 4,000-character prefix holds
        # them all, so a 1 MB article is not split into lines again here.
        head = "\n".join(text[:4000].splitlines()[:12])[:3000]
        found = dates.find_publication_date(cleaned.header_lines, head, config)
        if found is not None:
            doc.published, doc.published_source = found, "header"
        elif url:
            # News URLs often carry the publication date (/2015/09/01/, -20170802-).
            from_url = dates.date_from_url(url, config)
            if from_url is not None:
                doc.published, doc.published_source = from_url, "url"
    return doc


# Where a sentence turns from the main incident to an earlier one ("…, weeks after a blast
# that killed 80"): the other incident's place, date and type are read from there on.
_TURN_TO_OTHER = re.compile(
    r"\b(?:(?:just |only |barely )?(?:\w+ )?(?:days?|weeks?|months?|years?) (?:after|before|since)"
    r"|after|since|when|following|recalling|like|unlike)\b",
    re.IGNORECASE,
)


def _describe_others(
    others: list[OtherIncident], doc: Document, config: Config
) -> list[OtherIncident]:
    """Fill each other incident's type, place and date from its own words; drop repeats."""
    main_sentences = {s.text for s in doc.sentences if not s.background}
    seen: set[tuple[str, int | None, int | None]] = set()
    described: list[OtherIncident] = []
    for other in others:
        key = (other.text, other.killed, other.injured)
        if key in seen:
            continue
        seen.add(key)
        words = other.text
        if words in main_sentences:
            # The main incident's sentence mentions this one in a clause: read only that.
            turn = _TURN_TO_OTHER.search(words)
            if turn:
                words = words[turn.start():]
        if other.event_type is None:
            cues = event_type.type_hits(words, config)
            other.event_type = max(cues, key=cues.__getitem__) if cues else None
        if other.place is None:
            located = places.locate(words, config)
            other.place, other.country = located.place, located.country
        if other.date is None and other.date_text is None:
            other.date, other.date_text = dates.date_in(words, doc.published, config)
        described.append(other)
    return described


def summarize(
    text: str,
    *,
    published: dt.date | str | None = None,
    config: Config | None = None,
    title: str | None = None,
    sentences: int = DEFAULT_SENTENCES,
    id: str | None = None,
    source: str | None = None,
    url: str | None = None,
) -> Summary:
    """Summarise one news article.

    `published` is the reference date for "Friday night" or "yesterday"; without it a
    date in the article's own header is used. Never raises on any text.
    """
    config = config or default_config()
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    doc = prepare(text, title=title, published=published, config=config, url=url)

    context.mark_background(doc, config)
    is_incident, incident_confidence, what = event_type.classify(doc, config)
    scoring.score_sentences(doc, config, what.event_type)
    summary_sentences = scoring.top_sentences(doc, max(0, sentences))

    toll, others = casualties.extract_casualties(doc, config, what.event_type)
    where = places.extract_place(doc, config)
    when = dates.extract_date(doc, config)
    who = actors.extract_actors(doc, config, what.event_type)

    if not is_incident:
        # Injured footballers are not casualties: a report that is no incident has no toll.
        toll = Casualties()
    others = _describe_others(others, doc, config)

    if what.summary is None:
        best = max(doc.body, key=lambda s: s.score, default=None)
        if best is not None:
            what.summary = tidy_sentence(best.text)
            if what.evidence is None:
                what.evidence = Evidence(best.text)
    when.reference = doc.published.isoformat() if doc.published else None
    when.reference_source = doc.published_source

    return Summary(
        id=id,
        source=source,
        url=url,
        title=doc.title,
        is_incident=is_incident,
        incident_confidence=incident_confidence,
        what=what,
        who=who,
        where=where,
        when=when,
        casualties=toll,
        summary=summary_sentences,
        other_incidents=others,
    )
