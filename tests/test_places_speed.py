"""The places shortcuts taken for speed give exactly what the plain rules give."""

from __future__ import annotations

import re

import pytest

from incident_cli import gazetteer, places
from incident_cli.config import default_config
from incident_cli.document import Sentence

pytestmark = pytest.mark.skipif(not gazetteer.available(), reason="gazetteer not built")
CFG = default_config()
TEXTS = [
    "Gunmen killed five in Kaduna State on Monday.",
    "The blast hit Cox\u2019s Bazar and Bab al-Tabbaneh; a car-bomb went off in Deir ez-Zor.",
    "\u00c9cija and \u00d6rebro, \u0130stanbul, \u00e9t\u00e9 Zo\u00eb \u00b2nd x_Y 3Rd O`Neil",
    "Floods in the Gambia, The Gambia and New Zealand; the UK-based NGO said.",
    "RAINS LASH MUMBAI: 12 DEAD IN FLOODS, fire-fighters on scene",
    "an ambush-style attack; the well-known bomb squad; no one died",
    "a car-bomb in a fire-hit town",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_normalise_is_the_apostrophe_translation(text: str) -> None:
    for t in (text, text + " \u2019 \u00b4 ` \u0301 \u02bc", text.replace("'", "`")):
        assert places._normalise(t) == t.translate(places._APOS)


@pytest.mark.parametrize("text", TEXTS)
def test_cap_run_matches_the_plain_capital_class(text: str) -> None:
    # the pattern as it was: any letter but a-z opens a run
    plain = re.compile(r"[^\W\d_a-z]" + places._CAP_RUN.pattern.split(r"(?<=[^\W\d_a-z])", 1)[1])
    assert ([m.span() for m in places._CAP_RUN.finditer(text)]
            == [m.span() for m in plain.finditer(text)])


@pytest.mark.parametrize("text", TEXTS)
def test_event_word_shortcut_agrees_with_the_regex(text: str) -> None:
    lex = places._lexicon(CFG)
    s = Sentence(index=1, text=text, paragraph=1)
    found = not lex.event_words.isdisjoint(places._LOWER_WORD.findall(s.lower))
    assert places._has_event_word(s, lex) == found


def test_country_names_opening_with_common_words_are_found() -> None:
    lex = places._lexicon(CFG)
    text = "Floods hit The Gambia, New Zealand and Sri Lanka as well as the United States."
    names = {text[a:b] for _cc, a, b in places._find_countries(text, lex)}
    assert names == {"Gambia", "New Zealand", "Sri Lanka", "United States"}
