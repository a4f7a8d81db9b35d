"""The WHEN field: publication dates in headers, the incident's date, dates of other incidents."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from incident_cli.config import default_config
from incident_cli.core import prepare
from incident_cli.dates import date_from_url, date_in, extract_date, find_publication_date

CFG = default_config()
D = dt.date


def when(text: str, published: dt.date | None = None):
    doc = prepare(text, published=published, config=CFG)
    return extract_date(doc, CFG)


def pub(head: str, header_lines: list[str] | None = None) -> dt.date | None:
    return find_publication_date(header_lines or [], head, CFG)


# --- absolute dates ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "published", "iso"),
    [
        ("A bomb exploded in the market on January 31, killing four people.", D(2023, 2, 2),
         "2023-01-31"),
        ("Four people were killed when a bus overturned on 31 Jan 2023.", None, "2023-01-31"),
        ("The factory fire broke out on 2023-01-31 and killed six workers.", None, "2023-01-31"),
        ("Gunmen attacked a police post on Jan. 31, officials said.", D(2023, 2, 1),
         "2023-01-31"),
        ("A tanker exploded on the highway on Sept. 16, 2012, killing the driver.", None,
         "2012-09-16"),
        ("Two people drowned when the ferry sank on 3 June.", D(2021, 6, 5), "2021-06-03"),
        ("The quake struck on the 3rd of June, flattening homes.", D(2021, 6, 5), "2021-06-03"),
        ("Flood waters swept away a bridge on December 30.", D(2005, 1, 2), "2004-12-30"),
        ("The attack happened on July 4th and killed two.", D(2019, 7, 8), "2019-07-04"),
    ],
)
def test_absolute_dates(sentence: str, published: dt.date | None, iso: str) -> None:
    assert when(sentence, published).date == iso


def test_year_from_reference_is_most_recent_on_or_before() -> None:
    # A December date in a January article belongs to the year before.
    assert when("A fire destroyed the market on Dec. 28, police said.",
                D(2024, 1, 3)).date == "2023-12-28"
    assert when("A fire destroyed the market on March 2.", D(2024, 3, 5)).date == "2024-03-02"


def test_last_year_moves_the_year() -> None:
    assert date_in("A flood on March 3 last year killed 40.", D(2023, 6, 1), CFG) == (
        "2022-03-03", "March 3")


def test_teaser_lines_are_no_publication_date() -> None:
    assert pub("Read more: Floods kill 20 in the north | June 2, 2022\nA fire broke out.") is None


def test_month_day_without_reference_keeps_phrase() -> None:
    w = when("A landslide buried ten homes on June 4.")
    assert w.date is None
    assert w.text == "June 4"


def test_may_the_verb_is_no_month() -> None:
    w = when("Officials said the toll may 10 rise, after the blast on Tuesday.", D(2022, 5, 12))
    assert w.date == "2022-05-10"
    assert w.text == "Tuesday"


def test_weekday_with_full_date_is_one_phrase() -> None:
    w = when("A gunman opened fire at a bar on Saturday (June 3, 2023), injuring one man.")
    assert w.date == "2023-06-03"
    assert "June 3, 2023" in (w.text or "")
    w = when("Police guard the station in Hamburg, Germany, Wednesday, Jan. 25, 2023.")
    assert w.date == "2023-01-25"


# --- weekdays and relative days --------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "published", "iso", "phrase"),
    [
        # 2023-02-17 is a Friday.
        ("A gunbattle was raging Friday night inside the compound.", D(2023, 2, 17),
         "2023-02-17", "Friday night"),
        ("The plane went down late Monday near the airfield.", D(2023, 2, 17), "2023-02-13",
         "late Monday"),
        ("The bus plunged into a gorge early Sunday morning, killing 12.", D(2023, 2, 17),
         "2023-02-12", "early Sunday morning"),
        ("Gunmen raided the school in the early hours of Thursday.", D(2023, 2, 17),
         "2023-02-16", "in the early hours of Thursday"),
        ("A fire gutted the market in the wee hours of Tuesday.", D(2023, 2, 17),
         "2023-02-14", "in the wee hours of Tuesday"),
        ("The dam burst in the early morning hours of Monday.", D(2023, 2, 17),
         "2023-02-13", "in the early morning hours of Monday"),
        ("A bomb exploded on Tuesday in the crowded market.", D(2023, 2, 17), "2023-02-14",
         "Tuesday"),
        ("Saturday's earthquake killed at least 40 people.", D(2023, 2, 20), "2023-02-18",
         "Saturday"),
        ("The bridge collapsed yesterday, killing three.", D(2023, 2, 17), "2023-02-16",
         "yesterday"),
        ("Three people died in a fire last night, police said.", D(2023, 2, 17), "2023-02-16",
         "last night"),
        ("Two people were injured in a cylinder blast today.", D(2023, 2, 17), "2023-02-17",
         "today"),
        ("A truck hit a school bus this morning.", D(2023, 2, 17), "2023-02-17",
         "this morning"),
        ("A stampede broke out tonight at the stadium.", D(2023, 2, 17), "2023-02-17",
         "tonight"),
        ("Yesterday a landslide buried a village.", D(2023, 2, 17), "2023-02-16", "Yesterday"),
    ],
)
def test_relative_dates(sentence: str, published: dt.date, iso: str, phrase: str) -> None:
    w = when(sentence, published)
    assert (w.date, w.text) == (iso, phrase)
    assert w.evidence is not None and phrase in w.evidence.matched[0]


def test_the_night_before_another_date() -> None:
    w = when("Rescuers searched the river Wednesday for people on a ferry that capsized late "
             "the night before.", D(2023, 2, 17))
    assert (w.date, w.text) == ("2023-02-14", "late the night before")
    w = when("A ferry capsized late the night before, officials said.", D(2023, 2, 17))
    assert w.date is None


def test_weekday_on_the_reference_day_is_that_day() -> None:
    # 2015-09-01 is a Tuesday: "Tuesday" is the same day, not a week before.
    assert when("A suicide bomber attacked a police vehicle Tuesday.", D(2015, 9, 1)).date \
        == "2015-09-01"


def test_last_weekday_on_that_weekday_is_a_week_before() -> None:
    assert when("The ferry capsized last Tuesday.", D(2015, 9, 1)).date == "2015-08-25"


def test_weekday_crosses_year_boundary() -> None:
    # 2005-01-01 is a Saturday; the Thursday before is 30 December 2004.
    assert when("The nightclub fire started on Thursday night.", D(2005, 1, 1)).date \
        == "2004-12-30"


def test_weekday_without_reference_keeps_text() -> None:
    w = when("A suicide bomber struck a checkpoint on Sunday, killing five.")
    assert w.date is None
    assert w.text == "Sunday"
    assert w.confidence < 0.5


def test_no_date_at_all() -> None:
    w = when("A gunman killed two people in a cinema.")
    assert w.date is None and w.text is None


def test_names_are_not_days() -> None:
    w = when("USA TODAY reported the crash.\nThe bus crashed on Monday.", D(2023, 2, 17))
    assert w.text == "Monday"
    w = when("The Sunday Times reported that the fire started Friday.", D(2023, 2, 17))
    assert w.text == "Friday"
    w = when("Marchers recalled Bloody Sunday as a bomb exploded on Tuesday.", D(2023, 2, 17))
    assert w.text == "Tuesday"


# --- picking the main incident's date ----------------------------------------------------------

def test_event_date_beats_reporting_date() -> None:
    # 2021-11-04 is a Thursday.
    w = when("A total of 36 people died when a tower collapsed on Monday in Lagos, "
             "rescue services said Thursday.", D(2021, 11, 4))
    assert w.date == "2021-11-01"


def test_reporting_date_in_lead_yields_to_event_date_later() -> None:
    text = ("At least 16 people died after a cyclone hit the coast, officials said Tuesday.\n"
            "Power was cut in ten districts.\n"
            "The cyclone made landfall late Monday near the port.")
    assert when(text, D(2022, 10, 25)).date == "2022-10-24"


@pytest.mark.parametrize("lead", [
    "The governor condemned this Wednesday the lynching of two men in the town.",
    "Residents demanded on Wednesday that the mayor explain the lynching of two men.",
    "A deputy said in a press conference held in the parliament building on Wednesday that "
    "the lynching of two men was a crime.",
])
def test_reaction_date_in_lead_yields_to_event_date_later(lead: str) -> None:
    # 2026-04-15 is a Wednesday: the reaction's day, not the event's.
    text = lead + "\nPolice said the attack occurred the night of Tuesday near the market."
    assert when(text, D(2026, 4, 15)).date == "2026-04-14"


def test_date_of_a_statement_named_at_length_is_a_reporting_date() -> None:
    text = ("The minister ordered an inquiry into the derailment, according to a statement of "
            "the cabinet on Tuesday.\nThe train left the rails on Monday evening near the town.")
    assert when(text, D(2026, 3, 10)).date == "2026-03-09"


def test_reporting_date_used_when_nothing_else() -> None:
    w = when("Eight miners were trapped in a flooded pit, officials said Tuesday.",
             D(2022, 10, 25))
    assert w.date == "2022-10-25"


def test_lead_beats_later_sentences() -> None:
    text = ("A bomb killed four soldiers on Sunday in the north.\n"
            "On Wednesday, another bomb wounded two policemen in the capital.")
    assert when(text, D(2020, 3, 5)).text == "Sunday"


def test_title_date() -> None:
    doc = prepare("Police said the blast destroyed the shop.", title="Friday blast kills 3",
                  published=D(2020, 3, 8), config=CFG)
    assert extract_date(doc, CFG).date == "2020-03-06"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Police said on Monday that a bomb exploded on Sunday in the market.", "Sunday"),
        ("The death toll from Saturday's earthquake rose to 300 on Monday.", "Saturday"),
        ("Rescuers on Tuesday pulled more bodies from the rubble of a building that collapsed "
         "on Saturday.", "Saturday"),
        ("Authorities on Monday identified the victims of Saturday's shooting.", "Saturday"),
        ("Officials said Sunday's blast killed 10 people.", "Sunday"),
        ("Thousands attended the funeral on Tuesday of the victims of Sunday's attack.",
         "Sunday"),
        ("A fire that broke out on Sunday was still burning on Tuesday.", "Sunday"),
        ("The plane crashed after takeoff on Tuesday, the airline said in a statement on "
         "Wednesday.", "Tuesday"),
        ("The death toll in Wednesday's train crash climbed to 50 on Friday.", "Wednesday"),
        ("Police arrested a suspect on Friday in connection with Thursday's stabbing.",
         "Thursday"),
        ("A man was stabbed in the park on Saturday night.\nA suspect will appear in court on "
         "Monday.", "Saturday night"),
        ("Yesterday's blast killed 4 people, police said today.", "Yesterday"),
        ("Officials on Sunday raised the death toll from Saturday's earthquake to 200.",
         "Saturday"),
        ("Rescuers were still searching on Friday for 30 miners trapped since Wednesday, when "
         "a tunnel collapsed.", "Wednesday"),
        ("Heavy rains since Saturday triggered a landslide on Monday that buried 20 homes.",
         "Monday"),
        ("Gunmen killed 7 people in a village, police said on Monday.\nThe attack happened "
         "late on Sunday night.", "late on Sunday night"),
        ("In a statement on Monday, police said a bomb exploded on Sunday.", "Sunday"),
        ("The army said in a statement on Monday that a bomb exploded on Sunday.", "Sunday"),
        ("According to a Feb. 3 report, the mine had flooded before. It collapsed on Tuesday.",
         "Tuesday"),
        ("Flooding that began on Thursday has killed 40 people, officials said Saturday.",
         "Thursday"),
        ("The train derailed Sunday, officials said Monday, and the line stays shut until "
         "Friday.", "Sunday"),
        ("The death toll in a stampede at a crowded shrine during the festival rose to 19 on "
         "Sunday, officials said.\nThe crush took place shortly before midnight on Saturday.",
         "Saturday"),
    ],
)
def test_event_date_among_others(text: str, phrase: str) -> None:
    assert when(text, D(2023, 2, 17)).text == phrase


def test_historical_date_is_skipped() -> None:
    text = ("A fire in a garment factory killed 12 workers on Tuesday.\n"
            "The city's worst fire since December 8, 2019 killed 43 people.")
    assert when(text, D(2022, 6, 8)).date == "2022-06-07"
    text = ("Unlike the June 2 blast, which killed 80, no one died.\n"
            "A bomb went off at a police post on Friday.")
    assert when(text, D(2022, 8, 20)).date == "2022-08-19"


def test_other_event_named_by_its_date() -> None:
    text = ("Investigators linked the January 31 blast to the same group.\n"
            "A second bomb exploded outside the court on Saturday, killing two.")
    assert when(text, D(2023, 2, 20)).date == "2023-02-18"


def test_since_and_until_are_not_the_event() -> None:
    text = "Rescuers have searched the rubble since Monday after the building collapsed Sunday."
    assert when(text, D(2023, 2, 17)).date == "2023-02-12"


def test_caption_of_other_event_is_skipped() -> None:
    text = ("Rescuers carry a body after a landslide in another province, January 1, 2019 "
            "in this photo taken by a news agency.\n"
            "Floods killed 20 people on Saturday, officials said.")
    assert when(text, D(2019, 1, 3)).date == "2018-12-29"


def test_background_sentences_are_skipped() -> None:
    doc = prepare("A bomb killed eight people on Monday.\nA car bomb killed three on Friday.",
                  published=D(2020, 3, 5), config=CFG)
    doc.sentences[0].background = True
    assert extract_date(doc, CFG).text == "Friday"


def test_far_absolute_date_loses_to_resolved_weekday() -> None:
    text = ("The temple drew 50,000 visitors on Aug. 3 and twice that on holidays.\n"
            "A stampede outside the temple early on Monday morning left 10 dead.")
    w = when(text, D(2015, 10, 1))
    assert w.date == "2015-09-28"


def test_header_stamp_in_body_is_not_the_event() -> None:
    text = "Wednesday, June 15 2016 21:38 EEST\n\nThe bus fell into a gorge last night."
    doc = prepare(text, published=D(2016, 6, 15), config=CFG)
    assert extract_date(doc, CFG).date == "2016-06-14"
    text = "date 2018-06-28 Five people were killed Thursday when a man opened fire."
    assert when(text, D(2018, 6, 30)).date == "2018-06-28"


def test_evidence_span_points_at_phrase() -> None:
    w = when("A gunman opened fire on Friday night in the mall.", D(2023, 2, 17))
    assert w.evidence is not None
    assert w.evidence.matched == ["Friday night"]
    assert 0 < w.confidence <= 1


# --- publication dates in the header ---------------------------------------------------------

@pytest.mark.parametrize(
    ("head", "iso"),
    [
        ("Bomb kills 10\nworld Updated: Mar 30, 2011 17:01 IST\nA bomber struck Wednesday.",
         "2011-03-30"),
        ("Published on January 1, 2005\nA fire swept a club.", "2005-01-01"),
        ("Posted: 2015-09-01\nA bomb went off.", "2015-09-01"),
        ("By Jane Doe | June 4, 2022\nA fire broke out.", "2022-06-04"),
        ("By Jane Doe, Daily Post | January 1, 2005\nA fire broke out.", "2005-01-01"),
        ("Wednesday, September 5, 2012\nBlaze at factory\nA blaze raged Wednesday.",
         "2012-09-05"),
        ("Wednesday, June 15 2016 21:38 EEST\nBus falls into gorge.", "2016-06-15"),
        ("Last updated: 12:05 PM, Sat 4 Jun 2022\nFire kills 8.", "2022-06-04"),
        ("Sat 4 Jun 2022 10.30 BST\nFire kills 8.", "2022-06-04"),
        (" date 2019-06-20 25 dead as bus plunges into gorge", "2019-06-20"),
        ("August 3, 2014Officials said the toll had risen.", "2014-08-03"),
        ("Published: 22.06.2008\nRates rise.", "2008-06-22"),
        ("Posted by admin on March 3, 2021\nA fire broke out.", "2021-03-03"),
        ("March 3, 2021 by John Smith\nA fire broke out.", "2021-03-03"),
        ("John Smith | March 3, 2021\nA fire broke out.", "2021-03-03"),
        ("Published 10:30 AM EST, Wed March 3, 2021\nA fire broke out.", "2021-03-03"),
        ("Source: Daily News, \"Fire kills 1,\" Jane Doe, Sept. 16, 2012", "2012-09-16"),
    ],
)
def test_publication_date(head: str, iso: str) -> None:
    assert pub(head) == D.fromisoformat(iso)


def test_labelled_date_beats_page_banner() -> None:
    head = ("Bomb kills 10 | Hindustan Times\nToday in New Delhi, India\nMar 24, 2017-Friday\n"
            "New Delhi\n• Humidity\n• Wind\nBomb kills 10\nworld Updated: Mar 30, 2011 17:01 IST")
    assert pub(head) == D(2011, 3, 30)


def test_page_banner_alone_is_no_publication_date() -> None:
    head = ("Today in New Delhi, India\nMar 24, 2017-Friday\nNew Delhi\n• Humidity 80%\n"
            "Bomb kills 10")
    assert pub(head) is None


def test_copyright_and_body_dates_are_no_publication_date() -> None:
    assert pub("© 2021 Daily News. All rights reserved.\nA bomb exploded.") is None
    assert pub("Bomb kills 3\nThe attack on March 3, 2011 killed three people.") is None


def test_dateline_with_a_year() -> None:
    assert pub("KABUL, Afghanistan, Feb. 10, 2019 (AP) — A bomb killed seven soldiers.") == D(
        2019, 2, 10)
    assert pub("KABUL, 10 February 2019 (RHC): A bomb killed seven soldiers.") == D(2019, 2, 10)


def test_dateline_needs_a_year() -> None:
    assert pub("LUCKNOW, June 4 (PTI): A fire killed eight workers.") is None
    assert pub("LUCKNOW, June 4 (PTI): A fire killed eight workers.",
               header_lines=["Edition 2022"]) == D(2022, 6, 4)
    assert pub("LUCKNOW, June 4 (PTI): A fire killed eight workers.",
               header_lines=["Copyright 2024 Daily News Group, some long legal line here"]) is None


def test_publication_date_from_header_feeds_relative_dates() -> None:
    text = "By Jane Doe | January 1, 2005\n\nThe fire started on Thursday night in the club."
    doc = prepare(text, config=CFG)
    assert doc.published == D(2005, 1, 1)
    assert extract_date(doc, CFG).date == "2004-12-30"


# --- URLs and other incidents -----------------------------------------------------------------

@pytest.mark.parametrize(
    ("url", "iso"),
    [
        ("http://example.com/world/2015/09/01/bomb-attack.html", "2015-09-01"),
        ("https://example.com/stories/2025/aug/05/floods", "2025-08-05"),
        ("http://example.com/archives/la-2009-jan-05-story.html", "2009-01-05"),
        ("http://example.com/world/bomb-attack-20170802-gxo6rn.html", "2017-08-02"),
        ("https://example.com/2014/11/bomb-kills-officer/", None),
        ("https://example.com/search?updated-max=2013-04-22T12:22", None),
        (None, None),
    ],
)
def test_date_from_url(url: str | None, iso: str | None) -> None:
    found = date_from_url(url, CFG)
    assert (found.isoformat() if found else None) == iso


def test_date_in() -> None:
    assert date_in("In 2019, a fire in a factory killed 43 people.", None, CFG) == (None, "2019")
    assert date_in("A blast on January 31 killed 80.", D(2023, 2, 20), CFG) == (
        "2023-01-31", "January 31")
    assert date_in("A bomb killed 3 on Friday.", D(2023, 2, 20), CFG) == ("2023-02-17", "Friday")
    assert date_in("A bomb killed 3 people.", D(2023, 2, 20), CFG) == (None, None)
    assert date_in("It was the worst since 59 died in a cinema in 1997.", None, CFG) == (
        None, "1997")
    assert date_in("In January 2005, 265 pilgrims died.", None, CFG) == (None, "January 2005")
    assert date_in("In July, 27 pilgrims were killed.", None, CFG) == (None, "July")
    assert date_in("Growth was 2.5 percent and 2019.5 units.", None, CFG) == (None, None)


# --- robustness and speed ----------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n", "Monday" * 500, "31 " * 2000, "January " * 1000 + "1", "\u202e\x00ü日本",
     "2023-13-45 and Feb 30, 2023 and 31 Sept", "Updated: " * 300, "(" * 1000 + "Sunday"],
)
def test_never_raises(text: str) -> None:
    doc = prepare(text, config=CFG)
    extract_date(doc, CFG)
    find_publication_date([text], text, CFG)
    date_in(text, D(2020, 1, 1), CFG)
    date_in(text, None, CFG)


def test_invalid_calendar_dates_are_ignored() -> None:
    assert when("A fire broke out on February 30, 2023.").date is None


def test_never_hangs_on_a_long_article() -> None:
    """A guard against catastrophic backtracking, not a speed test (speed is measured in
    benchmarks/run.py): the bound is far above the usual cost."""
    sentence = ("Officials said on Tuesday that a bomb exploded late Monday near the market in "
                "the city, killing 12 people and wounding 30, days after a June 4 attack. ")
    doc = prepare(sentence * 20, published=D(2022, 6, 8), config=CFG)
    extract_date(doc, CFG)
    start = time.perf_counter()
    for _ in range(50):
        extract_date(doc, CFG)
    assert (time.perf_counter() - start) / 50 < 0.5


def test_config_extends_the_lexicon() -> None:
    from incident_cli.config import load_config

    config = load_config(text="dates:\n  relative_days:\n    today+: [this forenoon]\n"
                              "  parts_of_day+: [forenoon]\n")
    doc = prepare("A boat capsized this forenoon near the jetty.", published=D(2023, 2, 17),
                  config=config)
    assert extract_date(doc, config).date == "2023-02-17"
    doc = prepare("A boat capsized Friday forenoon.", published=D(2023, 2, 17), config=config)
    assert extract_date(doc, config).text == "Friday forenoon"


# --- follow-up articles: funerals, fire updates, generic days ------------------------------------

@pytest.mark.parametrize(
    ("text", "published", "iso"),
    [
        # a funeral lead: the incident's own date comes later
        ("Hundreds of mourners gathered in the village yesterday as two fishermen killed by "
         "pirates were buried.\n\nRelatives wept beside the graves.\n\nElders asked for more "
         "patrols.\n\n\"We are afraid,\" one said.\n\nThe two were shot dead on May 3 when "
         "pirates boarded their boat.", D(2022, 5, 9), "2022-05-03"),
        ("Families gathered on Sunday for the funeral of three miners.\n\nThe miners died on "
         "Wednesday when a shaft collapsed.", D(2021, 3, 8), "2021-03-03"),
        ("The victims were laid to rest on Friday.\n\nThe bus plunged into a gorge on Tuesday.",
         D(2020, 1, 12), "2020-01-07"),
        # killed one day, buried another: the killing
        ("Two guards killed on Monday were buried yesterday.", D(2019, 4, 5), "2019-04-01"),
        # a funeral date stays the answer when nothing else is said
        ("The victims were buried on Friday.", D(2020, 1, 12), "2020-01-10"),
        # "buried" by a landslide is the event
        ("Six homes were buried under mud on Tuesday.", D(2020, 1, 12), "2020-01-07"),
        ("Mudslides buried houses on the slopes on Saturday night, killing nine, officials "
         "said on Monday.", D(2020, 1, 13), "2020-01-11"),
        # a fire update: the day it started, not the day it was contained
        ("Crews had the blaze 40% contained on Friday.\n\nThe fire, which started Wednesday "
         "night, has burned 900 acres.", D(2024, 8, 9), "2024-08-07"),
        # "a Saturday" is no particular day
        ("\"They were only having fun on a Saturday,\" his mother said.\n\nFive people were "
         "killed on June 1 when the stand collapsed.", D(2024, 6, 6), "2024-06-01"),
    ],
)
def test_follow_up_articles(text: str, published: dt.date, iso: str) -> None:
    assert when(text, published).date == iso


def test_funeral_date_alone_has_low_confidence() -> None:
    funeral = when("The victims were buried on Friday.", D(2020, 1, 12))
    event = when("The bus plunged into a gorge on Friday.", D(2020, 1, 12))
    assert funeral.confidence < event.confidence


@pytest.mark.parametrize(
    ("text", "published", "iso"),
    [
        # an arrest lead: the date right before the arrest verb is the arrest's
        ("Police on Tuesday arrested two men over the killing of a trader.\n\nThe trader was "
         "shot dead on Saturday night outside his shop.", D(2024, 3, 6), "2024-03-02"),
        # counting back: "on Tuesday, four days after the blast"
        ("A fifth victim died in hospital on Tuesday, four days after the blast at the market.",
         D(2024, 3, 6), "2024-03-01"),
        ("Crews had the fire half contained on Friday, two days after it started.",
         D(2024, 3, 9), "2024-03-06"),
        # an ongoing fire: the day it started
        ("Firefighters fought the blaze for a third day on Thursday.\n\nThe fire started on "
         "Tuesday afternoon near the ridge.", D(2024, 3, 7), "2024-03-05"),
        # a funeral of people killed on a day: the killing
        ("Hundreds attended the funeral of the three soldiers killed on Thursday.",
         D(2024, 3, 10), "2024-03-07"),
        # a relative clause after the date is no follow-up
        ("A landslide on Monday that buried 20 homes left nine dead.", D(2024, 3, 6),
         "2024-03-04"),
    ],
)
def test_follow_up_cues_around_the_date(text: str, published: dt.date, iso: str) -> None:
    assert when(text, published).date == iso


@pytest.mark.parametrize(
    ("text", "published", "iso"),
    [
        # a line that is only a dateline is the filing day: the lead's own day wins
        ("Boat capsizes in Ganga\n\nPATNA, Oct 9\n\nSix people died when a boat capsized "
         "in the Ganga on Friday evening.", D(2025, 10, 9), "2025-10-03"),
        # prayers said over the dead, coffins: a funeral, not the incident
        ("Prayers in the village on Monday morning were said over the coffins of the miners."
         "\n\nThe miners died in a gas explosion late Saturday, officials said.",
         D(2025, 3, 10), "2025-03-08"),
        ("Relatives on Tuesday carried the coffins through the streets.\n\nA bomb killed nine "
         "people at a bus stop on Sunday night.", D(2025, 3, 11), "2025-03-09"),
        # an attack during Friday prayers keeps its day
        ("A suicide bomber struck worshippers during Friday prayers, killing 12.",
         D(2025, 3, 8), "2025-03-07"),
    ],
)
def test_dateline_lines_and_prayers_over_the_dead(text: str, published: dt.date,
                                                  iso: str) -> None:
    assert when(text, published).date == iso


def test_a_reaction_date_loses_to_an_event_date_far_down_the_article() -> None:
    # 2026-08-12 is a Wednesday. The fire's own day is four sentences down.
    text = ("The opposition denounced this Wednesday, in a declaration, the absence of means "
            "in front of the forest fires which ravage the province.\n"
            "The minister promised water bombers in the next hours.\n"
            "A deputy said the citizens fight the flames with branches.\n"
            "The minister said criminal hands could be behind some fires.\n"
            "On the ground, the fire which started Monday evening above the town has claimed "
            "the lives of three persons.")
    assert when(text, D(2026, 8, 12)).date == "2026-08-10"


def test_a_reaction_date_is_still_the_date_when_nothing_else_is_given() -> None:
    text = "The governor condemned this Wednesday the lynching of two men in the town."
    assert when(text, D(2026, 4, 15)).date == "2026-04-15"


def test_a_date_tied_to_the_event_verb_beats_the_reporting_day() -> None:
    text = ("Two people were killed on 3 April when a truck crashed into a market, police "
            "said on Monday.")
    assert when(text, dt.date(2025, 4, 15)).date == "2025-04-03"


def test_a_vague_time_and_a_reporting_day_give_no_date() -> None:
    text = "Soldiers killed 22 civilians in the village last week, a rights group said on Tuesday."
    assert when(text, dt.date(2025, 4, 15)).date is None
    text = "Soldiers killed 22 civilians in the village on Friday, a rights group said on Tuesday."
    assert when(text, dt.date(2025, 4, 15)).date == "2025-04-11"


def test_a_weekday_in_another_time_zone_is_not_the_day() -> None:
    text = ("At around 3am local time on Sunday (1900 GMT Saturday), a magnitude 6.4 "
            "earthquake struck off the coast of Sumatra, killing at least four people in Padang.")
    assert when(text, dt.date(2025, 4, 15)).date == "2025-04-13"


def test_a_time_stamp_is_the_filing_not_the_event() -> None:
    # a section word, a repeated headline and a byline glued into one first "sentence"
    headline = "Massacre in Choloma: armed men kill a man and his two sons\n"
    text = ("SUCESOS\n" + headline + headline + "Redacción Norte / June 24, 2025 - 7:40 am\n\n"
            "Choloma, Cortés. A man and his two sons were killed with firearm on Sunday night in "
            "the town, and two other persons resulted wounded, informed the police.")
    assert when(text, dt.date(2025, 6, 24)).date == "2025-06-22"


def test_a_date_after_the_dateline_city_is_the_filing_day() -> None:
    text = ("JUBA, 10 February 2026 - At least 27 people were killed when armed youth attacked a "
            "cattle camp on Sunday, local officials said.")
    assert when(text, dt.date(2026, 2, 10)).date == "2026-02-08"


def test_later_deaths_that_raise_the_toll_are_not_the_attack_day() -> None:
    text = ("The death toll from last week's bombing of a mosque has risen to 63 after two more "
            "injured people died in hospital on Sunday, officials said. The attack on Friday "
            "also wounded nearly 200.")
    assert when(text, dt.date(2022, 5, 2)).date == "2022-04-29"


def test_a_date_before_a_bar_is_a_byline_stamp() -> None:
    text = ("Gunmen abduct students in Katsina\nJune 19, 2021 | By Staff, Katsina\n\nGunmen "
            "abducted 80 students at 11:30pm on Thursday, police said on Friday.")
    assert when(text, dt.date(2021, 6, 19)).date == "2021-06-17"


def test_a_reaction_verb_after_its_day_is_a_reaction() -> None:
    text = ("Human rights groups on Wednesday demanded an inquiry into a protest in which two "
            "people were shot dead. Police opened fire on the hawkers on Tuesday afternoon.")
    assert when(text, dt.date(2022, 11, 9)).date == "2022-11-08"


def test_an_accented_dateline_city() -> None:
    text = ("SÃO PAULO, Nov 29 (Wire) - Gunmen killed three rural workers in an attack on a "
            "settlement on Friday, police said.")
    assert when(text, dt.date(2021, 11, 29)).date == "2021-11-26"


@pytest.mark.parametrize(("second", "expected"), [
    ("The column was hit at around 3 a.m., the army said.", "2024-09-15"),  # the small hours
    ("The column was hit at around 10 pm, the army said.", "2024-09-14"),
    ("The army gave no further details.", "2024-09-14"),  # no clock: the night's first day
])
def test_a_night_from_one_day_to_the_next_reads_the_clock(second: str, expected: str) -> None:
    w = when("Twelve soldiers were killed in an ambush on the night of Saturday to Sunday near "
             f"the border, the army said. {second}", dt.date(2024, 9, 16))
    assert w.date == expected
    assert w.text is not None and w.text.endswith("Saturday to Sunday")


def test_a_place_and_date_line_of_its_own_dates_the_article() -> None:
    w = when("Businessman kidnapped in Machala\n\nMachala, March 12, 2024\n\nA businessman was "
             "kidnapped on Monday night by armed men who intercepted his car, police said.")
    assert w.date == "2024-03-11"
