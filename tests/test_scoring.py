"""Sentence scoring: the lead and the facts beat quotes, colour and other incidents."""

from __future__ import annotations

import re

import pytest

from incident_cli import context, event_type, scoring
from incident_cli.config import default_config
from incident_cli.core import prepare

ARTICLE = """Bus plunges into gorge, killing 20

A bus carrying 45 pilgrims plunged into a gorge in the hills on Friday, killing 20 people \
and injuring 25, police said.
"It was terrible," said one villager.
The weather was cold.
In 2015 a similar crash killed 30 people on the same road.
Rescuers pulled the injured from the wreck of the bus and took them to hospital.
"""


def scored():  # type: ignore[no-untyped-def]
    config = default_config()
    doc = prepare(ARTICLE, config=config, published=None)
    context.mark_background(doc, config)
    _, _, what = event_type.classify(doc, config)
    scoring.score_sentences(doc, config, what.event_type)
    return doc


def test_lead_scores_highest_and_background_low() -> None:
    doc = scored()
    by_text = {s.text[:12]: s.score for s in doc.body}
    assert max(by_text, key=by_text.get) == "A bus carryi"  # type: ignore[arg-type]
    assert by_text["In 2015 a si"] < by_text["Rescuers pul"]
    assert by_text['"It was terr'] < by_text["Rescuers pul"]


def test_top_sentences_are_in_article_order() -> None:
    top = scoring.top_sentences(scored(), 2)
    assert top[0].startswith("A bus carrying") and top[1].startswith("Rescuers")


@pytest.mark.parametrize("text", ['"We ran," he said.', 'He said: "We ran"  \n', "No quote here.",
                                  '\u00a0"Quoted"', 'Mid "quote" only.', '"'])
def test_quote_test_agrees_with_the_regex_it_replaced(text: str) -> None:
    from incident_cli.scoring import _is_quote
    assert _is_quote(text) == bool(re.search(r'^\s*"|"\s*$', text))


@pytest.mark.parametrize(("text", "has"), [("Two died.", True), ("3 died", True),
                                           ("Someone died.", False), ("DOZENS hurt", True),
                                           ("Tennis fans", False)])
def test_has_number(text: str, has: bool) -> None:
    from incident_cli.scoring import _has_number
    assert _has_number(text) is has
