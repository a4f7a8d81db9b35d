"""Event type and is-incident on short hand-written reports."""

from __future__ import annotations

import pytest

from incident_cli import context, event_type
from incident_cli.config import default_config
from incident_cli.core import prepare, summarize


def classify(text: str) -> tuple[bool, str | None]:
    config = default_config()
    doc = prepare(text, config=config)
    context.mark_background(doc, config)
    is_incident, _, what = event_type.classify(doc, config)
    return is_incident, what.event_type


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Suicide bomber kills 12 at market\n\nA suicide bomber blew himself up in a crowded "
         "market on Monday, killing 12 people and wounding 30, police said.", "bombing"),
        ("Gunman opens fire at shopping mall\n\nA gunman opened fire at a shopping mall on "
         "Sunday, killing three people before he was shot dead by police.", "shooting"),
        ("Bus plunges into gorge, 20 dead\n\nA bus carrying pilgrims plunged into a gorge on "
         "Friday, killing 20 passengers, officials said.", "road_crash"),
        ("Stampede at temple kills 9\n\nNine devotees were crushed to death in a stampede at "
         "a hilltop temple on Tuesday.", "stampede"),
        ("Ferry capsizes in river\n\nAn overloaded ferry capsized in the river on Sunday; "
         "15 passengers drowned and 40 are missing.", "maritime"),
        ("Magnitude 6.1 quake jolts region\n\nA magnitude 6.1 earthquake struck the region on "
         "Saturday, killing 31 people and injuring hundreds.", "earthquake"),
        ("Fire guts garment factory\n\nA fire broke out in a garment factory on Wednesday, "
         "killing four workers; firefighters battled the blaze for hours.", "fire"),
        ("Man charged with arson after church fires\n\nPolice arrested a man accused of "
         "setting fire to two churches; investigators said the fires were arson.", "arson"),
        ("Wildfires destroy 300 homes\n\nWildfires fanned by strong winds killed five people "
         "and destroyed 300 homes; the fires are still burning.", "wildfire"),
        ("Seminary students kidnapped\n\nGunmen abducted four students from a seminary on "
         "Thursday and demanded a ransom for the hostages.", "hostage_kidnapping"),
        ("Train derails, killing 8\n\nA passenger train derailed on Monday night, killing "
         "eight people, railway officials said.", "rail_crash"),
        ("Six bodies found in van\n\nThe bodies of six men were found inside a van on "
         "Saturday; police called it a massacre.", "armed_assault"),
        ("Drone strike hits apartment block\n\nA drone strike hit an apartment block overnight, "
         "killing three people; several floors collapsed.", "bombing"),
        ("Storm topples trees, two dead\n\nTwo people were killed when a thunderstorm with "
         "gale-force gusts swept the city, the fire brigade said.", "storm"),
        ("Rebels kidnap two engineers\n\nSuspected rebels kidnapped two engineers on "
         "Thursday, the governor said.", "hostage_kidnapping"),
        ("One dead in clash over procession\n\nOne person was killed in a clash between two "
         "groups; stones were hurled and two shops were set on fire.", "riot_clash"),
        ("Rebels kill 20 villagers\n\nAt least 20 civilians were killed when rebels attacked "
         "the village at night and set fire to homes.", "armed_assault"),
        ("River floods town\n\nFloodwaters swept through the town after the river burst its "
         "banks, killing 12 people.", "flood"),
        ("Armed men kill 9 at bar\n\nArmed men burst into a bar late Saturday and opened fire "
         "on customers, killing nine.", "shooting"),
        ("Herders killed in bandit raid\n\nThree herders were shot dead when armed bandits "
         "raided grazing fields on Monday.", "armed_assault"),
        ("Fire near village 40% contained\n\nThe fire, which started Tuesday, had burned 1,200 "
         "acres by Thursday; crews have it 40% contained.", "wildfire"),
        ("Knife attack at station\n\nA man wielding a kitchen knife attacked commuters at the "
         "station on Thursday morning, injuring four, police said.", "stabbing"),
        ("Two shot dead as protests turn violent\n\nTwo people were shot dead on Monday as "
         "protesters clashed with police, who fired teargas.", "riot_clash"),
        ("Five workers die in septic tank\n\nFive workers died after inhaling toxic gas while "
         "cleaning a septic tank on Sunday, police said.", "other"),
        ("Man charged after deliberate house fire\n\nA man was charged with murder after two "
         "children died in a deliberate house fire on Thursday.", "arson"),
        ("Governor condemns lynching in village\n\nThe governor condemned on Wednesday the "
         "lynching of two men in the village, whom a mob accused of stealing a child.",
         "armed_assault"),
        ("Four killed as gas cylinder explodes at hotel\n\nFour people were killed and 13 "
         "injured at a roadside hotel on Thursday afternoon, officials said.",
         "explosion_industrial"),
    ],
)
def test_event_types(text: str, expected: str) -> None:
    assert classify(text) == (True, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Central bank raises key rate\n\nThe central bank raised its key interest rate by "
        "50 basis points on Thursday to curb inflation, the bank said.",
        "Home side clinch cup title\n\nThe home side won the cup final 2-1 on Saturday, "
        "their coach said after the match.",
        "House passes gun bill\n\nThe House passed legislation on guns on Wednesday; the "
        "Senate vote is expected next week. Lawmakers cited a shooting last year that "
        "killed ten people.",
        "",
        "Batter's century rescues side after collapse\n\nThe opener struck 112 as the side "
        "recovered from a top-order collapse in the one-day international; the bowlers "
        "ripped through the innings.",
        "Man jailed for 2021 stabbing\n\nA court on Friday sentenced a man to life in prison "
        "for a knife attack in 2021 in which two women died.",
        "Museum marks quake anniversary\n\nA museum dedicated to the 2015 earthquake, which "
        "killed thousands, opened on Saturday.",
        "Court sentences three to death for 2018 market bombing\n\nA court yesterday sentenced "
        "three men to death for the 2018 bombing at a market that killed seven people.",
        "City marks 10 years since typhoon\n\nSirens wailed on Wednesday as residents marked the "
        "anniversary of the typhoon, which left 6,000 people dead in November 2013.\n"
        "Survivors laid flowers at the mass grave.",
        "Agency unveils new rules as road deaths hit record\n\nThe agency announced new "
        "measures on Monday. Its director said 4,500 people were killed on the roads last "
        "year, up from 4,400 in 2022.",
        "Government to build 1,000 cyclone shelters\n\nThe government will build 1,000 more "
        "cyclone shelters in coastal districts, the minister said.",
        "Rangers blast United 3-0 to end winless run\n\nRangers blasted United 3-0 at the city "
        "stadium on Sunday. Their striker fired them ahead in the 14th minute and a substitute "
        "killed off the game.",
        "Insurers brace for record claims after floods\n\nInsurers expect claims from last "
        "month's flooding to exceed 4 billion, an industry body said on Tuesday.",
        "Thousands join tsunami evacuation drill\n\nSirens wailed on Wednesday as 15,000 "
        "residents took part in an evacuation drill simulating a magnitude 8.9 earthquake.",
        "Cabinet approves compensation for 2024 flood victims\n\nThe cabinet on Monday approved "
        "compensation for families of the 74 people who died in the August 2024 floods.",
        "'The Fault Line' review: a big quake movie\n\nForty minutes into the film, the bridge "
        "ripples and a cable snaps like a rifle shot. The film imagines a magnitude 8 earthquake "
        "striking the city.",
        "Jury condemns gunman to 60 years\n\nThe jury condemned on Monday to 60 years of "
        "prison the man who opened fire in a bar in May 2021, in an attack that left three "
        "dead.\nThe session lasted two days.",
        "Port holds mass-casualty drill\n\nSmoke billowed from a mock ferry on Tuesday as "
        "rescuers carried volunteers with painted wounds to waiting ambulances.",
        # scare quotes and a drill's scenario are no fresh event
        "'Plane crash' at airport: 300 responders join mass-casualty drill\n\nFire trucks "
        "raced down the runway, smoke billowed from a burning fuselage and 23 \"victims\" with "
        "painted burns lay on the tarmac on Tuesday. The scenario: a flight with 80 passengers "
        "overshoots the runway, crashes and catches fire. Within three minutes firefighters "
        'were spraying foam on the wreck while medics tagged the "injured" in red.',
        # a match report in war words
        "City massacre United at home\n\nCity hammered United 4-0 in a match on Sunday. The "
        "home side fired 22 shots, 11 of them on target, and by half-time the game was dead. "
        "The first blow came after nine minutes, when a winger exploded down the left.",
    ],
)
def test_non_incidents(text: str) -> None:
    assert classify(text)[0] is False


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attack football stadium\n\nGunmen opened fire at a football stadium on Sunday "
        "during a league match, killing four fans, police said.",
        "Bomb explodes outside court\n\nA bomb exploded outside a court on Monday as a judge "
        "was due to deliver a verdict, killing three people.",
        "Fire at film studio kills two\n\nA fire broke out at a film studio on Tuesday, killing "
        "two workers.",
        "Striker shot dead outside nightclub\n\nA league striker was shot dead outside a "
        "nightclub on Sunday, police said.",
        "Man dies at 34 after stabbing\n\nA man was stabbed in the street on Friday and died "
        "in hospital, police said.",
    ],
)
def test_fresh_incidents_under_a_frame_word_stay_incidents(text: str) -> None:
    assert classify(text)[0] is True


def test_background_sentence_counts_little() -> None:
    config = default_config()
    doc = prepare(
        "Gunmen storm police post\n\nGunmen stormed a police post on Friday night, officials "
        "said. In 2019 a bomb blast at a market killed 40 people.",
        config=config,
        published=None,
    )
    context.mark_background(doc, config)
    assert [s.background for s in doc.body] == [False, True]
    assert event_type.classify(doc, config)[2].event_type == "armed_assault"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # wire briefs of one or two sentences: few incident words, but clear ones
        ("A man in his 30s was stabbed in a street in the city centre on Sunday evening and is "
         "in hospital. A 24-year-old man has been arrested, police said.", "stabbing"),
        ("A three-storey building under construction collapsed in the market area on Friday, "
         "killing five workers.", "building_collapse"),
    ],
)
def test_short_briefs_are_incidents(text: str, expected: str) -> None:
    assert classify(text) == (True, expected)


def test_a_long_text_still_needs_more_incident_words() -> None:
    filler = " ".join(f"The council met on day {i} to discuss the budget." for i in range(5))
    text = ("A man was stabbed in a street in the city centre on Sunday evening. " + filler)
    assert classify(text)[0] is False


OBITUARY = (
    "Rescue chief who dug through the rubble of the 1985 quake dies at 88\n\nRafael Luna, "
    "who led a volunteer rescue brigade in the capital after the devastating earthquake of "
    "September 1985, died on Monday at his home after a long illness. He was 88.\n\nHis "
    'daughter said he died peacefully. "The best thing he did was to pull a baby out alive '
    'from the hospital ruins," she said.\n\nLuna was working for a builder when the '
    "magnitude 8.1 quake struck on September 19, 1985, killing thousands of people and "
    "flattening hospitals, schools and apartment blocks. He worked for 12 days at the "
    "collapsed hospital."
)


def test_an_obituary_is_no_incident() -> None:
    # with its publication date, as the CLI reads it: the 1985 quake is the past
    assert summarize(OBITUARY, published="2026-03-04").is_incident is False


def test_a_fire_of_criminal_origin_is_arson() -> None:
    text = ("Two dead in a criminal fire in a building\n\nTwo persons died after a fire of "
            "criminal origin in a building on Friday. The fire was voluntarily lit in the hall.")
    assert classify(text) == (True, "arson")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three soldiers were killed and five wounded when their patrol hit a landmine near "
         "the border on Monday.", "bombing"),
        ("Inmates rioted at the central prison on Saturday, leaving 11 dead and 15 injured, "
         "the prison authority said.", "riot_clash"),
        ("At least 23 people died after eating contaminated food at a wedding on Saturday, "
         "health officials said.", "other"),
        ("A heatwave has killed 46 people across the region over the past week, the health "
         "ministry said on Friday.", "other"),
        ("A man drove his car into a crowd at a Christmas market on Friday evening, killing "
         "five people and injuring more than 200, authorities said.", "armed_assault"),
        ("Two soldiers were killed in an exchange of fire with militants on Sunday, the army "
         "said.", "armed_assault"),
        ("A grenade attack on a nightclub on 12 April killed two people and injured nine, "
         "police said.", "bombing"),
        ("Soldiers killed 22 civilians in the village of Kounkoun on Friday, a rights group "
         "said.", "armed_assault"),
        ("Eleven people were killed when an avalanche hit a group of trekkers on Monday, "
         "officials said.", "landslide"),
    ],
)
def test_landmines_riots_poisonings_heat_ramming_firefights(text: str, expected: str) -> None:
    assert classify(text) == (True, expected)


def test_a_coal_mine_blast_is_still_industrial() -> None:
    assert classify("A methane explosion at a coal mine killed 12 miners on Tuesday, "
                    "officials said.") == (True, "explosion_industrial")


def test_a_rout_in_war_words_with_a_score_is_a_match_report() -> None:
    text = ("Tigers maul Lions in derby massacre\n\nThe Tigers massacred the Lions 6-0 on "
            "Sunday in a derby that left the visitors' defence in ruins. Striker Juan Perez "
            "shot home twice and the home side killed off the game after the break.")
    assert classify(text) == (False, None)


@pytest.mark.parametrize(
    "text",
    [
        # a drill, with a masthead line between the headline and the first sentence
        "Airport drill simulates plane crash with 40 'victims'\n\nCity Daily | 3 May 2025\n\n"
        "The airport held a full-scale emergency drill on Thursday night simulating the crash "
        "of a jet. In the exercise, 40 \"victims\" played by cadets were taken to hospitals, 9 "
        "of them classified as \"dead\".",
        # an anniversary whose first sentence restates the old toll
        "Families mark 10 years since ferry sinking\n\nHundreds gathered at a memorial park on "
        "Thursday to mark the 10th anniversary of the sinking of the ferry, which killed 300 "
        "people.",
        # a film review whose plot has a toll
        "Review: 'Red Road' is a harrowing hostage drama\n\nTwelve passengers die before the end "
        "credits of \"Red Road\". Set almost entirely inside a bus hijacked on a mountain road, "
        "the film follows four wounded hostages.",
        # a year's road statistics
        "Road safety: 3,100 dead on the country's roads in 2024\n\nTraffic accidents killed "
        "3,100 people in 2024, a rise of 4.1 per cent, the agency said on Wednesday. The "
        "number of seriously injured rose to 11,000, the report showed. The deadliest single "
        "accident, the report recalled, was a minibus crash on a mountain road that killed 11 "
        "passengers.",
        # rugby in war words
        "Blues slaughter Crusaders in bloodbath\n\nThe Blues put the Crusaders to the sword on "
        "Friday night, running in seven tries. \"It was a massacre out there,\" the captain "
        "admitted. \"They killed us at the breakdown.\"",
    ],
)
def test_frames_a_drill_an_anniversary_a_review_statistics_and_rugby(text: str) -> None:
    assert classify(text)[0] is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Traffic accident claimed the lives of 34 people\n\nA truck transporting wedding guests "
         "overturned and fell into a river on Saturday, the accident which claimed the lives of "
         "34 people, police said.", "road_crash"),
        ("Insurgents killed at least 11 civilians, five of them decapitated, in an attack on "
         "Wednesday on the village, local sources said.", "armed_assault"),
        ("Cholera claims 38 lives in the town\n\nCholera has claimed 38 lives in the town over "
         "the past two weeks, the state health director said.", "other"),
        ("Six die after eating funeral meal\n\nSix people have died and 43 others were admitted "
         "to hospital after eating food served at a funeral, health officials said.", "other"),
    ],
)
def test_incidents_told_without_the_usual_words(text: str, expected: str) -> None:
    assert classify(text) == (True, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two young women died and dozens were injured in a crush at a free concert last night, "
         "when panic spread through the crowd after a false alarm about a stabbing.", "stampede"),
        ("An explosion of a bottle of butane gas in a café on Thursday killed two people and "
         "wounded 11. \"I heard a boom like a bomb,\" a shopkeeper said.", "explosion_industrial"),
        ("Four people died and six are missing after the overflow of the river on Wednesday, "
         "which dragged 40 houses away, civil protection said.", "flood"),
    ],
)
def test_a_crush_a_gas_bottle_and_an_overflowing_river(text: str, expected: str) -> None:
    assert classify(text) == (True, expected)


@pytest.mark.parametrize(
    "text",
    [
        "The prime minister on Sunday chaired a meeting on the law and order situation, days "
        "after a suicide bombing in the city killed 63 worshippers. The meeting decided to "
        "raise a new force.",
        "Heavy rain is forecast for the province over the next three days, the weather office "
        "said on Sunday, warning of possible urban flooding. Last year, floods killed more "
        "than 1,700 people.",
    ],
)
def test_a_meeting_after_an_attack_and_a_forecast_are_no_incidents(text: str) -> None:
    assert classify(text)[0] is False


@pytest.mark.parametrize(
    "text",
    [
        "City marks ten years since college attack\n\nFamilies gathered at the college on "
        "Wednesday to mark ten years since the attack in which gunmen killed 148 people in "
        "2015. A wreath was laid at the memorial garden where most of the victims died, and the "
        "names of the dead were read out one by one.",
        "Rural roads 'twice as deadly' as urban routes, report finds\n\nDrivers are twice as "
        "likely to be killed on rural roads as on urban ones per mile travelled, according to a "
        "report published on Thursday.",
        "Hosts collapse as visiting pacers fire on day two\n\nCricket Desk | Jan 21, 2024, 19:40 "
        "IST\n\nHosts 142 & 88/6 trail the visitors 311 by 81 runs\n\nThe visitors' fast bowlers "
        "ripped through the top order for the second time in a day on Sunday. After bundling "
        "the hosts out for 142, they struck three times in the first seven overs.",
    ],
)
def test_a_memorial_a_rate_and_a_cricket_collapse_are_no_incidents(text: str) -> None:
    assert classify(text)[0] is False


def test_militants_kill_eleven_is_an_armed_assault() -> None:
    assert classify("Militants kill 11 in attack on shepherds\n\nMilitants attacked a group of "
                    "shepherds in the desert on Friday, killing 11 people, state media said."
                    ) == (True, "armed_assault")


def test_fighters_attacking_a_cluster_of_checkpoints_is_an_armed_assault() -> None:
    text = ("Six soldiers were killed when rebel fighters attacked a string of army "
            "checkpoints near the border on Sunday night, officials said. The fighting lasted "
            "four hours, a police spokesman said. The rebels used machine guns and set fire to "
            "one of the posts before withdrawing.")
    assert classify(text) == (True, "armed_assault")


@pytest.mark.parametrize("text", [
    # a sport shooting meeting
    "Pakistani shooters fire two golds at Asian Championships\n\nTeenager Sana Malik shot a "
    "near-perfect final to win the women's 10m air rifle gold at the Asian Championships in "
    "Doha on Monday, as Pakistan climbed the medal table. She shot 251.9 in the final.",
    # a seasonal outlook
    "Outlook warns of a severe cyclone season for northern Queensland\n\nCoastal towns face an "
    "above-normal risk of cyclones this summer, according to the seasonal outlook released on "
    "Tuesday. A cyclone in 2019 killed three people near Cairns.",
    # a period's statistics
    "Kenya recorded 812 road deaths in first quarter\n\nAt least 812 people were killed in "
    "road crashes across Kenya in the first three months of the year, the safety authority "
    "said on Wednesday.",
    # an anniversary, the old toll told after the sentence that dates it
    "Hundreds gathered at the station on Sunday to mark ten years since the bombing of 2015. "
    "The twin blasts killed 52 people and wounded 140. \"Ten years, and the pain is the same,\" "
    "said a survivor.",
])
def test_frames_without_a_fresh_event_are_no_incident(text: str) -> None:
    assert classify(text) == (False, None)


def test_a_fresh_event_under_an_outlook_headline_is_still_one() -> None:
    text = ("Storm kills four as forecasters warn of grim outlook\n\nFour people were killed "
            "when a storm tore roofs off homes in the town on Monday night, officials said.")
    assert classify(text)[0] is True


def test_armed_individuals_attacking_a_position_is_an_armed_assault() -> None:
    text = ("Mali: 9 dead in an attack on an army position near Konna\n\nAccording to a security "
            "source, armed individuals in large number attacked the position of the army near "
            "Konna around 5h on Sunday. The provisional balance is of nine soldiers fallen.")
    assert classify(text) == (True, "armed_assault")


@pytest.mark.parametrize(("text", "expected"), [
    ("Two people died and five are in hospital after a car ploughed into pedestrians outside "
     "a pub last night. Police said the driver was arrested at the scene; there was no "
     "indication the crash was terror-related.", "road_crash"),
    ("Two people died and five are in hospital after a man ploughed his van into a crowd "
     "outside a pub last night, police said. He was arrested at the scene.", "armed_assault"),
])
def test_a_car_into_pedestrians_is_a_crash_unless_someone_drives_it(text: str,
                                                                    expected: str) -> None:
    assert classify(text) == (True, expected)


@pytest.mark.parametrize("text", [
    "Shooting begins on new Bollywood thriller in Goa\n\nShooting for director Anil Rao's new "
    "action thriller began in Goa on Monday, with the lead actor doing his own stunts.",
    "Man jailed for 2019 arson attack on mosque\n\nA 32-year-old man was jailed for 12 years on "
    "Monday for setting fire to a mosque in 2019, a court heard. No one was hurt in the blaze.",
    "Firefighters hold drill at chemical plant\n\nFirefighters staged a mock explosion and "
    "rescue at the plant on Monday to test emergency procedures. Twenty 'casualties' were "
    "treated by paramedics.",
])
def test_a_film_shoot_a_sentence_and_a_drill_are_no_incidents(text: str) -> None:
    assert classify(text) == (False, None)
