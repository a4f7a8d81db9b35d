"""Sentences about other incidents (history, teasers, other stories) are marked background."""

from __future__ import annotations

import datetime as dt

from incident_cli import context
from incident_cli.config import default_config
from incident_cli.core import prepare


def flags(text: str, published: dt.date | None = dt.date(2024, 5, 10)) -> list[bool]:
    config = default_config()
    doc = prepare(text, config=config, published=published)
    context.mark_background(doc, config)
    return [s.background for s in doc.body]


def test_history_and_earlier_years() -> None:
    text = ("Bus falls into river\n\nA bus fell into a river on Friday, killing nine.\n"
            "Rescuers searched all night.\n"
            "In 2019 a similar crash killed 30 people.\n"
            "Last year floods killed dozens in the same district.\n"
            "A crash in 2021 killed four.\n"
            "In August, a landslide killed 12 on the same road.")
    assert flags(text) == [False, False, True, True, True, True]


def test_the_lead_is_never_background() -> None:
    assert flags("Blast kills 5\n\nWeeks after a 2019 blast killed 80, a bomb killed five.") == [
        False]


def test_present_time_words_keep_a_sentence_in_the_main_story() -> None:
    text = "Fire kills 3\n\nA fire killed three.\nOn Friday the fire, the worst since 1997, " \
           "spread."
    assert flags(text) == [False, False]


def test_late_teaser_heading_starts_another_story() -> None:
    body = "\n".join(f"Firefighters worked on the {side} wall." for side in
                     ("north", "south", "east", "west", "inner", "outer", "upper", "lower"))
    text = (f"Factory fire kills 4\n\nA fire killed four workers on Monday.\n{body}\n"
            "Ten killed in ferry sinking off island\n"
            "The ferry sank in rough seas, officials said.")
    assert flags(text)[-2:] == [True, True]


def test_middle_subheading_belongs_to_the_main_story() -> None:
    text = ("Gunman kills two at mall\n\nA gunman killed two shoppers on Sunday.\n"
            "Police closed the mall.\nWitnesses ran.\n"
            "Third Victim Injured\n"
            "A third person was hurt and is in hospital.\nPolice are investigating.\n"
            "The mall will reopen.\nFlowers were left.")
    assert not any(flags(text)[:7])


def test_teaser_lines() -> None:
    text = "Quake hits town\n\nA quake hit the town on Monday.\nRead more: Floods kill 56"
    assert flags(text) == [False]  # cleaning drops the teaser line
    assert context.is_background("Read more: Floods kill 56", default_config(), 2024)
    assert context.is_background("Photo: a ferry that sank in 2009", default_config(), 2024)


def test_numbers_that_look_like_years_are_not_years() -> None:
    text = ("Train derails\n\nA train derailed on Monday near the city, killing three people.\n"
            "The carriages of train number 2010 left the rails at high speed, killing three.\n"
            "Flight No. 1987 was diverted after the crash killed three.\n"
            "The 2010 crash on the same line killed 40.")
    assert flags(text) == [False, False, False, True]


def test_years_after_an_older_disaster_is_background() -> None:
    text = ("Boat capsizes on the lake\n\nA boat capsized on the lake last night, killing nine "
            "traders, police said.\nThe search continues.\nThe accident comes seven years after "
            "a ferry capsized nearby, killing more than 220 people.")
    assert flags(text) == [False, False, True]
