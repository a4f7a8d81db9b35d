"""Is this an incident report, and of which type (the taxonomy in data/events.yaml)?

Keyword evidence is weighted by where it stands: the headline and the lead say what the
article is about; sentences about other incidents say little.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .config import Config, compile_union
from .context import YEAR
from .dispatch import KeywordUnion, WordStartUnion
from .document import Document, Sentence
from .models import Evidence, What

TITLE_WEIGHT = 3.0
LEAD_WEIGHTS = (2.5, 2.0, 1.6, 1.3)
BACKGROUND_WEIGHT = 0.15
SHORT_TEXT_SENTENCES = 3


@dataclass(frozen=True)
class _Rules:
    union: WordStartUnion  # every cue in one pattern; group name -> (type, weight)
    groups: dict[str, tuple[str, float]]
    priority: dict[str, int]
    refinements: dict[str, list[str]]
    default_type: str
    frame: re.Pattern[str]  # matched against lower-cased text, like all below
    not_fresh: re.Pattern[str]  # play, a drill's scenario, a natural death: no fresh event
    fresh: re.Pattern[str]
    time_or_figure: re.Pattern[str]
    back_reference: re.Pattern[str]  # "the attacks ...": the incident the sentence before named
    # Most sentences hold none of the words these need: their cached word set says so.
    incident: KeywordUnion
    non_incident: KeywordUnion


def _rules(config: Config) -> _Rules:
    def build() -> _Rules:
        section = config.section("events")
        order = list(section.get("priority") or [])
        alternatives: list[str] = []
        groups: dict[str, tuple[str, float]] = {}
        # Strongest cues first, so where two cues start at the same word the stronger wins.
        ranked = sorted(
            ((float(w), name, p) for name, cues in (section.get("types") or {}).items()
             for w, p in cues),
            key=lambda cue: -cue[0],
        )
        for i, (weight, name, pattern) in enumerate(ranked):
            groups[f"c{i}"] = (name, weight)
            alternatives.append(f"(?P<c{i}>{pattern})")
        # Start only at a word start, trying there only the cues that can open with its letters.
        union = WordStartUnion(alternatives, tail=r"\b")
        incident = [str(p) for p in section.get("incident_patterns") or []]
        non_incident = [str(p) for p in section.get("non_incident_patterns") or []]
        return _Rules(
            union=union,
            groups=groups,
            priority={name: i for i, name in enumerate(order)},
            refinements={k: list(v) for k, v in (section.get("refinements") or {}).items()},
            default_type=str(section.get("default_type", "other")),
            frame=compile_union(section.get("frame_patterns") or []),
            fresh=re.compile(section.get("fresh_event_pattern") or r"(?!x)x"),
            not_fresh=compile_union(section.get("not_fresh_patterns") or []),
            time_or_figure=re.compile(section.get("time_or_figure_pattern") or r"(?!x)x"),
            back_reference=re.compile(section.get("back_reference_pattern") or r"(?!x)x"),
            incident=KeywordUnion(incident),
            non_incident=KeywordUnion(non_incident),
        )

    return config.cached("events", build)


def sentence_weight(sentence: Sentence, body_position: int) -> float:
    if sentence.is_title:
        return TITLE_WEIGHT
    weight = LEAD_WEIGHTS[body_position] if body_position < len(LEAD_WEIGHTS) else 1.0
    return weight * (BACKGROUND_WEIGHT if sentence.background else 1.0)


def type_hits(text: str, config: Config) -> dict[str, float]:
    """Weighted keyword hits per event type in one sentence (each cue counted at most twice)."""
    return _hits_in_lower(text.lower(), _rules(config))


def _hits_in_lower(low: str, rules: _Rules) -> dict[str, float]:
    seen: dict[str, int] = {}
    hits: dict[str, float] = {}
    for match in rules.union.finditer(low):
        group = match.lastgroup or ""
        n = seen.get(group, 0)
        if n >= 2:
            continue
        seen[group] = n + 1
        name, weight = rules.groups[group]
        hits[name] = hits.get(name, 0.0) + weight
    return hits


def classify(doc: Document, config: Config) -> tuple[bool, float, What]:
    """(is_incident, confidence that it is one, What with event_type and its evidence)."""
    rules = _rules(config)
    totals: dict[str, float] = {}
    best_sentence: dict[str, tuple[float, Sentence]] = {}
    incident_score = non_incident_score = 0.0
    lead_incident = lead_non_incident = 0.0
    body_position = 0
    for sentence in doc.sentences:
        weight = sentence_weight(sentence, body_position)
        in_lead = sentence.is_title or body_position < 3
        if not sentence.is_title:
            body_position += 1
        low, words = sentence.lower, sentence.words
        sentence.cues = _hits_in_lower(low, rules)
        for name, score in sentence.cues.items():
            totals[name] = totals.get(name, 0.0) + weight * score
            if weight * score > best_sentence.get(name, (0.0, sentence))[0]:
                best_sentence[name] = (weight * score, sentence)
        incident = rules.incident.count(low, low, words) * weight
        non_incident = rules.non_incident.count(low, low, words) * weight
        incident_score += incident
        non_incident_score += non_incident
        if in_lead:
            lead_incident += incident
            lead_non_incident += non_incident

    if not totals:
        return False, _confidence(-2.0), What()
    ranked = sorted(totals, key=lambda n: (-totals[n], rules.priority.get(n, 99)))
    best = ranked[0]
    strongest = totals[best]
    # A specific type beats its generic parent with fair support (arson or wildfire over fire).
    for specific in rules.refinements.get(best, []):
        if totals.get(specific, 0.0) >= 0.3 * totals[best]:
            best = specific
            break
    # Near ties go to the type higher in the priority list (a bombing that ends in gunfire).
    for name in ranked[1:]:
        if totals[name] >= 0.8 * totals[best] and rules.priority.get(name, 99) < rules.priority.get(
            best, 99
        ):
            best = name
    margin = (incident_score + totals[best]) - 1.5 * non_incident_score
    lead_margin = lead_incident - lead_non_incident
    # A wire brief of one to three sentences says it all once: fewer incident words will do.
    short = len(doc.body) <= SHORT_TEXT_SENTENCES
    is_incident = strongest >= 4.0 and incident_score >= (2.0 if short else 3.0) and (
        lead_margin > 0 or (margin > 10 and lead_non_incident < 4)
    )
    if is_incident and _framed_as_something_else(doc, rules):
        is_incident = False
        lead_margin = min(lead_margin, -4.0)
    strength = min(strongest / 4.0, incident_score / 3.0)
    z = math.log(max(strength, 1e-3)) + 0.25 * max(-8.0, min(8.0, lead_margin))
    confidence = _confidence(2.0 * z)
    confidence = max(confidence, 0.55) if is_incident else min(confidence, 0.45)
    share = totals[best] / sum(totals.values())
    sentence = best_sentence[best][1]
    what = What(
        event_type=best if is_incident else None,
        confidence=round(share * confidence, 3) if is_incident else 0.0,
        evidence=_evidence(sentence.text, best, rules),
    )
    return is_incident, confidence, what


_LEAD_MIN_WORDS = 6
_SCARE_QUOTED = re.compile(r"(?<!\w)[\"“‘'](?:[\w-]+ ?){1,3}[\"”’'](?!\w)")


def _framed_as_something_else(doc: Document, rules: _Rules) -> bool:
    """A trial, an anniversary, a policy, a review or a match, with no fresh event in the lead.

    The headline and the first sentence say what an article is about; incident words under
    such a frame belong to the past event being judged, remembered or planned for.
    """
    # (a masthead, date or score line under the headline, "Lima Hoy | 30 May 2025", is no
    # sentence)
    lead = [s for s in doc.sentences[:6] if not s.background
            and (s.is_title or (len(s.text.split()) >= _LEAD_MIN_WORDS and " | " not in s.text))]
    if not lead or not any(rules.frame.search(s.text.lower()) for s in lead[:2]):
        return False
    reference_year = doc.published.year if doc.published else None
    past = False  # the lead sentence before named an earlier year
    for sentence in lead[:4]:
        # scare quotes ('23 "victims"', 'tagged the "injured"') are no fresh event
        low = _SCARE_QUOTED.sub(" ", sentence.text.lower())
        years = [int(y) for y in YEAR.findall(low)]
        was_past, past = past, bool(years) and (reference_year is None
                                                or min(years) < reference_year)
        if not rules.fresh.search(low) or rules.not_fresh.search(low) or past:
            continue
        if was_past and rules.back_reference.match(low.lstrip(' "“')):
            past = True
            continue  # "... the bombings of 2019. The coordinated attacks killed 269": then
        if rules.time_or_figure.search(low):
            return False
    return True


def _confidence(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _evidence(text: str, event: str, rules: _Rules) -> Evidence:
    """The sentence with the spans of the chosen type's cues (from the one union pattern)."""
    spans = [m.span() for m in rules.union.finditer(text.lower())
             if rules.groups[m.lastgroup or ""][0] == event]
    return Evidence(sentence=text, spans=spans[:6])
