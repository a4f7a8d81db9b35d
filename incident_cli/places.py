"""Where the main incident happened: place, province/state and country from the gazetteer.

Candidates are capitalised runs of words looked up in the GeoNames gazetteer, weighed by
the cue around them ("in", "near", "village of", "X district", "Pakistan's X", "X, Calif."),
by the sentence they sit in (title, lead, event words, late boilerplate counts little,
sentences about another incident not at all), and penalised as reference points
("30 miles south of X", "flights to X"). Ambiguous names are resolved by the countries
and states the article mentions (a state's organ, "the Texas Department of ...", names its
state), then by population; an answer only population chose gets a lower confidence. A
country's name used for a town ("Bahrain tehsil of Swat district") is that town all through
the article. A place inside a named one ("in Gazipur's Tongi", "Xyz, 25 km north of Beni",
"in Rueso district" under a "NARATHIWAT" dateline) wins from it. The dateline city is a
fallback candidate unless a lead sentence says "here".
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from . import gazetteer
from .config import Config
from .dispatch import GatedUnion
from .document import Document, Sentence
from .gazetteer import Place
from .models import Evidence, Where

MAX_SENTENCES = 120  # cap work on pathological input
MAX_CHARS = 2000  # per sentence
MAX_RUN_WORDS = 5
MIN_SCORE = 0.15  # below this the best candidate is a guess: report no place
MIN_REFERENCE = 0.05  # a reference point alone ("20 km south of X") down to this is a guess
CONTAINED_SHARE = 0.25  # a place the article puts inside the best one wins from this share

# Same-length normalisation so spans stay valid: curly/acute apostrophes become "'".
_APOS = str.maketrans({"\u2019": "'", "\u00b4": "'", "`": "'", "\u0301": "'", "\u02bc": "'"})


def _normalise(text: str) -> str:
    """`text.translate(_APOS)`, skipped on ASCII text without a backtick (most sentences:
    `translate` costs as much as a regex scan; `isascii` is a flag check)."""
    return text if text.isascii() and "`" not in text else text.translate(_APOS)

_POSSESSIVE = re.compile(r"\s?'s?\b")
_NEAR_PLACE = re.compile(r",\s+(?:just\s+)?(?:outside|near)\s+(?:the\s+)?"
                         r"([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2})")
_IN_AREA = re.compile(r",?\s+in\s+(?:the\s+)?(?:(?:upper|lower|northern|southern|eastern|western|"
                      r"central|north|south|east|west|remote|rural)\s+)?"
                      r"([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2})")
_CONNECTOR_RE = r"(?:de|del|da|do|dos|das|des|di|la|le|el|al|es|ul|e|y|i)"
# The first letter comes before the look-behind (it checks the character before that
# letter): a pattern that opens with a character class lets `re` skip ahead at C speed.
# Arabic names keep their article on the next word: "Bab al-Tabbaneh", "Deir ez-Zor"
_ARTICLE_WORD_RE = r"(?:al|el|ad|ash|as|at|an|ar|az|ed|en|es|ez|er|et|ul)-[^\W\d_a-z][\w\-]*"
_ARTICLE_WORD = re.compile(_ARTICLE_WORD_RE)
# A capital is A-Z or a non-ASCII `[^\W\d_a-z]`: the plain class first lets `re` skip
# ASCII lower-case text without a Unicode look-up per character.
_CAP_RUN = re.compile(
    r"[A-Z\x80-\U0010ffff](?<=[^\W\d_a-z])(?<![\w']\w)[\w\-]*"
    r"(?:(?:\s+" + _CONNECTOR_RE + r")?\s+(?:[^\W\d_a-z][\w\-]*|" + _ARTICLE_WORD_RE + r"))*"
)
_WORD_IN_RUN = re.compile(r"[\w\-]+")
_NAMED_FEATURE_OF = re.compile(r"([A-Z][\w\-]*)\s+([a-z]+)\s+of\s+(?:the\s+)?$")
# "the Oaxaca town of X", "the Sindh city of X": the first name only contains the place
_LOCALITY_OF = re.compile(r"^\s+(?:town|city|village|port|hamlet|resort|settlement|suburb|"
                          r"township|municipality|community)\s+of\s+"
                          r"(?:the\s+)?[A-Z]")
_LOCALITY_FEATURES = frozenset({"town", "city", "village", "port", "hamlet", "resort",
                                "settlement", "villages", "towns", "cities", "suburb",
                                "township", "municipality", "community"})
_PLAIN_NAME = re.compile(r"[A-Z][A-Za-z\-]*(?: [A-Z][A-Za-z\-]*)*")
_CAP_SEQ = re.compile(r"[A-Z](?<![\w.]\w)[\w\-]*(?:\s+[A-Z][\w\-]*)*")
_CAP_TOKEN = re.compile(r"[A-Z][\w\-]*")
_STATE_AFTER = re.compile(r",\s*([A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){0,2})")
_COMMA = re.compile(r",\s*")
_NEVER = re.compile(r"(?!)")
_ESCAPE_OR_UPPER = re.compile(r"\\.|[A-Z]")  # lower-case a pattern but keep \S, \D, \W
_IN_PLACE_COMMA = re.compile(r"\b(?:in|at|near|outside)\s+(?:the\s+)?[A-Z][\w'\-]*"
                             r"(?:\s+[A-Z][\w'\-]*){0,3},\s+$")
_UNNAMED_BEFORE = re.compile(r"\b(?:a|an|this|that|one|another)\s+(?:[a-z][\w\-]*,?\s+){0,3}$")
_PEOPLE_SUFFIX = re.compile(r"(?:an|ese|ish|ic|i|ist|ite|ans)$")
_IN_NAME = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?[A-Z]|,\s+[A-Z]")
_NAME_AT_END = re.compile(r"(?<![.!?:;]\s)\b[A-Z][\w\-]*\s*$")
_SIDE_OF = re.compile(r"'s?\s+(?:(?:far|rugged|remote)\s+)?(?:(?:north|south|east|west)(?:ern)?\s+|"
                      r"(?:north|south)-?(?:east|west)(?:ern)?\s+|central\s+)?"
                      r"(?:shore|coast|coastline|outskirts|edge|tip|interior|countryside|"
                      r"suburbs|side|flank|slopes)\b")
_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s+(?:[a-z][\w\-]*\s+){0,2}?([a-z]+)\s+"
                         r"(?:in|of|near|outside|on)\s")
_PEOPLE_IN = re.compile(r"\b(?:officials?|authorities|sources|spokes(?:man|woman|person)|"
                        r"journalists|reporters|diplomats|analysts|correspondents?|"
                        r"government|ministry|embassy)\s+in\s+(?:the\s+)?$", re.IGNORECASE)
_APOS_WORD = re.compile(r"'(?!s\b)[a-z]+")
_LIST_GAP = re.compile(r"^\s*(?:,\s*)?(?:(?:and|or)\s+)?$")
_ENDS_SENTENCE = re.compile(r"[.!?:;\"')\]]\s*$")
_DIRECT_CUE = re.compile(r"\b(?:in|at|near|through)\s+$")
_PLAIN_WORD = re.compile(r"[a-z]{2,}")  # a word `_LOWER_WORD` can find whole
_LOWER_WORD = re.compile(r"\b[a-z][a-z\-]+\b")
_CONNECTORS = frozenset({"de", "del", "da", "do", "dos", "das", "des", "di", "la", "le", "el",
                         "al", "es", "ul", "e", "y", "i", "-"})
_COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                      "western", "northwest", "northeast", "southwest", "southeast"})
_SKIP_FIRST = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                         "western", "central", "northwest", "northeast", "southwest",
                         "southeast", "north-west", "north-east", "south-west", "south-east",
                         "northwestern", "northeastern", "southwestern", "southeastern",
                         "north-western", "north-eastern", "south-western", "south-eastern",
                         "downtown", "rural", "suburban", "coastal", "remote",
                         # "Old Dhaka", "Upper Chitral": a part of the place named after it
                         "old", "upper", "lower", "greater", "inner", "outer"})


@dataclass
class _Lexicon:
    locative: frozenset[str]
    scene: frozenset[str]
    features: frozenset[str]
    breakers: frozenset[str]
    not_places: frozenset[str]
    reference: GatedUnion
    reference_after: list[re.Pattern[str]]
    here: list[re.Pattern[str]]
    country_re: re.Pattern[str] | None  # the few names that are not plain capitalised runs
    country_gate: re.Pattern[str] | None  # those names as a plain union: a fast first test
    spelled: dict[str, str]  # country names, demonyms and aliases as written -> ISO2
    country_of: dict[str, str]  # lower-cased name/demonym/alias -> ISO2
    weak_demonyms: frozenset[str]
    state_of: dict[str, str]  # lower-cased state name/abbreviation -> postal code
    scene_prefix: re.Pattern[str]
    feature_before: re.Pattern[str]
    feature_before_ends: tuple[str, ...]  # how a text it can match ends: a feature, of, the
    feature_after: re.Pattern[str]
    w: dict[str, float]
    institutions: frozenset[str] = frozenset()
    officials: re.Pattern[str] = re.compile(r"(?!)")
    caption: GatedUnion | re.Pattern[str] = re.compile(r"(?!)")
    scene_before: GatedUnion | re.Pattern[str] = re.compile(r"(?!)")
    teaser: GatedUnion | re.Pattern[str] = re.compile(r"(?!)")
    event_words: frozenset[str] = frozenset()
    event_words_plain: bool = False  # all 2+ plain lower-case letters: a word-set test suffices
    name_features: frozenset[str] = frozenset()
    person_before: frozenset[str] = frozenset()
    person_after: GatedUnion | re.Pattern[str] = re.compile(r"(?!)")
    reference_tail: list[re.Pattern[str]] = field(default_factory=list)
    long_features: tuple[tuple[str, ...], ...] = ()  # ("local", "government", "area")
    long_feature_ends: frozenset[str] = frozenset()  # their last words: a cheap test first
    # the last word of each of `spelled` (a name's rarest: not "The", "New", "North")
    country_last_words: frozenset[str] = frozenset()


@dataclass
class _Mention:
    sentence: Sentence | None
    text: str  # the sentence text
    start: int
    end: int
    surface: str
    entries: tuple[Place, ...]
    weight: float = 1.0
    cc_hint: str | None = None
    state_hint: str | None = None
    feature: str | None = None
    possessive: bool = False
    chosen: Place | None = None
    score: float = 0.0
    initial: bool = False  # opens its sentence with no cue
    container: bool = False  # "the X district of <this>": contains the scene
    side_dateline: bool = False  # "Mumbai: ..." deep in the text: a side report's dateline
    reference: bool = False  # "30 km from X", "taken to hospitals in X": not the scene
    cue_only: bool = False  # not in the gazetteer, no feature word: only "in" says place
    within: _Mention | None = None  # "A in B province", "A, the capital of B": B contains A
    key: tuple = ()  # its group (set when scored)
    dateline: bool = False  # the filing city of the dateline, not a mention in the text
    scene: bool = False  # a scene cue right before it ("in X", "near X")


@dataclass
class _Scan:
    mentions: list[_Mention] = field(default_factory=list)
    countries: list[tuple[str, int, int, float]] = field(default_factory=list)  # cc, span, w


def _one_of(patterns: list[str] | None) -> GatedUnion:
    """One compiled alternation instead of a loop of searches, gated by its literals."""
    if not patterns:
        return GatedUnion(_NEVER, [])
    # matched against lower-cased text: IGNORECASE makes compiling these 10x slower
    lowered = [_ESCAPE_OR_UPPER.sub(lambda m: m.group().lower()
                                    if len(m.group()) == 1 else m.group(), p)
               for p in patterns]
    union = re.compile("|".join(f"(?:{p})" for p in lowered))
    return GatedUnion(union, lowered)


def _lexicon(config: Config) -> _Lexicon:
    def build() -> _Lexicon:
        sec: dict[str, Any] = config.section("places")

        def words(key: str) -> frozenset[str]:
            return frozenset(str(x).lower() for x in sec.get(key) or [])

        country_of: dict[str, str] = {}
        spelled: dict[str, str] = {}  # as written in text (case matters: "Chad", not "chad")

        def add(name: str, cc: str, overwrite: bool = True) -> None:
            low = name.lower()
            if overwrite or low not in country_of:
                country_of[low] = cc
                spelled[name] = cc

        for cc, (name, demonym, _capital) in gazetteer.countries().items():
            add(name, cc)
            if name.lower().startswith("the "):
                add(name[4:], cc)
            for dem in (demonym or "").split(","):
                if dem.strip():
                    add(dem.strip(), cc, overwrite=False)
        for alias, cc in (sec.get("country_aliases") or {}).items():
            if cc:
                add(str(alias), str(cc))
            else:
                country_of.pop(str(alias).lower(), None)
                spelled.pop(str(alias), None)
        spelled = {n: cc for n, cc in spelled.items() if n.lower() in country_of}
        # Names that are plain runs of capitalised words are found by dictionary look-ups
        # (a regex of hundreds of names costs ~0.1 s to compile); only the few others
        # ("U.S.", "Bosnia and Herzegovina", "Cote d'Ivoire") need a small regex.
        odd = sorted((n for n in spelled if not _PLAIN_NAME.fullmatch(n)), key=len, reverse=True)
        country_re = (
            re.compile(r"(?<![\w.])(?=[A-Z])(" + "|".join(re.escape(n) for n in odd)
                       + r")(?![\w-])")
            if odd else None
        )
        state_of: dict[str, str] = {}
        for (cc, code), name in gazetteer._admin1_table().items():
            if cc == "US":
                state_of[name.lower()] = code
        for abbr, code in (sec.get("us_state_abbreviations") or {}).items():
            state_of[str(abbr).lower()] = str(code)
        scene = words("scene_cues")
        feats = words("feature_words")
        feat_alt = "|".join(re.escape(f) for f in sorted(feats, key=len, reverse=True))
        events = sorted(words("event_cues"), key=len, reverse=True)
        return _Lexicon(
            locative=words("locative_cues"),
            scene=scene,
            features=feats,
            breakers=words("run_breakers"),
            not_places=words("not_places"),
            reference=_one_of(sec.get("reference_patterns")),
            reference_after=[re.compile(p, re.IGNORECASE)
                             for p in sec.get("reference_after_patterns") or []],
            here=[re.compile(p, re.IGNORECASE) for p in sec.get("here_patterns") or []],
            country_re=country_re,
            country_gate=re.compile("|".join(re.escape(n) for n in odd)) if odd else None,
            spelled=spelled,
            country_of=country_of,
            weak_demonyms=words("weak_demonyms"),
            state_of=state_of,
            scene_prefix=re.compile(
                r"\b(?:" + "|".join(re.escape(s) for s in sorted(scene)) + r")\s+"
                r"(?:(?:(?!(?:from|to|for|towards?)\b)[a-z][\w'\-]*,?\s+){0,3}"
                r"(?!(?:from|to|for|towards?)\b)[a-z][\w'\-]*\s+)?$"
            ) if scene else re.compile(r"(?!)"),
            feature_before=re.compile(r"\b(" + feat_alt + r")\s+(?:of\s+)?(?:the\s+)?$",
                                      re.IGNORECASE),
            feature_before_ends=(*sorted(feats), "of", "the"),
            feature_after=re.compile(r"^\s+(" + feat_alt + r")\b", re.IGNORECASE),
            w={str(k): float(v) for k, v in (sec.get("weights") or {}).items()},
            institutions=words("institution_words"),
            officials=re.compile(r"\s+(?:(?:acting|deputy|regional|local|provincial|state|"
                                 r"district|city|county|interim|senior|top)\s+){0,2}(?:"
                                 + "|".join(re.escape(x) for x in
                                 sorted(words("official_words"), key=len, reverse=True))
                                 + r")\b", re.IGNORECASE) if words("official_words")
            else re.compile(r"(?!)"),
            event_words=frozenset(w_ for e in events for w_ in e.split()[-1:]),
            event_words_plain=all(_PLAIN_WORD.fullmatch(w_) for e in events
                                  for w_ in e.split()[-1:]),
            name_features=words("name_features"),
            person_before=words("person_before"),
            person_after=_one_of(sec.get("person_after_patterns")),
            caption=_one_of(sec.get("caption_patterns")),
            scene_before=_one_of(sec.get("scene_before_patterns")),
            teaser=_one_of(sec.get("teaser_patterns")),
            reference_tail=[re.compile(p, re.IGNORECASE)
                            for p in sec.get("reference_tail_patterns") or []],
            long_features=tuple(tuple(f.split()) for f in sorted(feats, key=len, reverse=True)
                                if " " in f),
            long_feature_ends=frozenset(f.split()[-1] for f in feats if " " in f),
            country_last_words=frozenset(n.split()[-1] for n in spelled if n.strip()),
        )

    return config.cached("places.lexicon", build)


# --------------------------------------------------------------------------- scanning


def _runs(text: str, lex: _Lexicon) -> list[list[tuple[int, int]]]:
    """Spans of capitalised words that may name a place, split at cue and function words."""
    runs: list[list[tuple[int, int]]] = []
    breakers = lex.breakers
    for m in _CAP_RUN.finditer(text):
        whole = m.group()
        if len(whole.split(None, 1)) == 1:  # one word, the usual case: no word loop
            if whole[0].isupper() and whole.lower() not in breakers:
                runs.append([m.span()])
            continue
        current: list[tuple[int, int]] = []
        base = m.start()
        for w in _WORD_IN_RUN.finditer(whole):
            word = w.group()
            if (word[0].isupper() or (current and _ARTICLE_WORD.fullmatch(word))) \
                    and word.lower() not in lex.breakers:
                current.append((base + w.start(), base + w.end()))
            elif word[0].isupper() or current == [] or word.lower() not in _CONNECTORS:
                if current:
                    runs.append(current)
                current = []
            # a lower-case connector ("Dar es Salaam") stays inside the run's span
        if current:
            runs.append(current)
    return runs


def _match_run(text: str, run: list[tuple[int, int]], lex: _Lexicon,
               country_spans: list[tuple[int, int]],
               doc_lower: _DocLowerWords | frozenset[str] = frozenset(), lead: bool = False
               ) -> tuple[str, int, int, Any] | None:
    """The place a capitalised run names: ("place"|"country"|"unknown", start, end, data).

    Only spans starting at the run's first word (or after a leading direction/demonym) are
    tried, so the surname in "Iqbal Khan" is never looked up on its own; a place followed
    by more capitalised words counts only if they are institution words ("Bend Police").
    """
    # a feature of two or more words leaves a name only in a run of three or more
    if len(run) > 2 and lex.long_features \
            and text[run[-1][0]:run[-1][1]].lower() in lex.long_feature_ends:
        for tail in lex.long_features:
            n = len(tail)
            if len(run) > n and [text[x:y].lower() for x, y in run[-n:]] == list(tail):
                run = run[:-n]  # "Kajuru Local Government Area": the name is "Kajuru"
                break
    first = 0
    while first < len(run):
        low = text[run[first][0]:run[first][1]].lower()
        if low in _SKIP_FIRST or (low in lex.country_of and first + 1 < len(run)):
            first += 1
            continue
        break
    if first >= len(run):
        return None
    starts = [0, first] if first else [0]
    partial = False
    for i in starts:
        if partial:
            break
        for j in range(min(len(run), i + MAX_RUN_WORDS), i, -1):
            a, b = run[i][0], run[j - 1][1]
            surface = text[a:b].rstrip(".")
            key = gazetteer.key_of(surface)
            if key in lex.not_places or len(key) < 3 or key in _SKIP_FIRST:
                continue
            if (j - i == 1 and len(surface) <= 5 and surface.isupper()
                    and not text.isupper()):  # an all-caps headline spells places in caps
                continue  # "KHOU", "NDRF", "CRPF": call letters and agencies, not places
            if country_spans and any(ca <= a and b <= cb for ca, cb in country_spans):
                return ("country", a, b, None)
            entries = gazetteer.lookup_non_country(surface)
            if not entries:
                continue
            if i > 0 and entries[0].kind == "admin1" and text[run[0][0]].isupper() \
                    and text[run[0][0]:run[0][1]].lower() in _COMPASS:
                # "West Midlands Police": a region of its own, not the state "Midlands"
                return None
            rest = [text[x:y].lower().rstrip(".") for x, y in run[j:]]
            if (rest and rest[0] not in lex.institutions and rest[0] not in lex.features
                    and rest[0] not in doc_lower and not text[a:run[-1][1]].isupper()):
                partial = True  # "Ricardo Jalad": a person, not the town of Ricardo
                break
            return ("place", a, a + len(surface), entries)
    # Not in the gazetteer: a name with a feature word ("Rohtrung village", "Ludian County",
    # "the village of Xyz"), or after "in"/"near" with a distance or a known area after it
    # ("near Xyz, 30 miles south of ...", "at Xyz in Some Province"), is still a place.
    words = [text[x:y] for x, y in run]
    if len(words) > 1 and any(w_.lower() in lex.institutions
           or (w_.lower() in lex.not_places and w_.lower() not in _SKIP_FIRST)
           for w_ in words[:-1]):
        return None  # "National Disaster Management Agency"
    last = words[-1].lower()
    if "-" in last:
        last = _WARD_NO.sub("", last)  # "X Municipality-7": the ward's number
    if 2 <= len(words) <= 5 and last in lex.name_features:
        return ("unknown", run[0][0], run[-2][1], last)
    if words[-1].lower() in lex.institutions or words[-1].lower() in lex.not_places:
        return None  # "Boishakhi Restaurant", "Grand Mosque": a venue, not a locality
    if len(words) <= 4:
        a, b = run[0][0], run[-1][1]
        if gazetteer.key_of(text[a:b]) in lex.not_places:
            return None
        if len(words) == 1 and len(words[0]) <= 4 and words[0].isupper():
            return None  # "UP", "KP", "NWFP": an abbreviation, not a name the text defines
        fa = lex.feature_after.match(text[b:b + 40])
        # the feature word before the name is only looked for when none follows it
        fb = (None if fa is not None and fa.group(1).lower() in lex.name_features
              else _feature_before(text[max(0, a - 40):a], lex))
        for found in (fa, fb):
            if found and found.group(1).lower() in lex.name_features:
                feat = found.group(1).lower()
                if feat == "community" and (
                    found is fb or _PEOPLE_SUFFIX.search(text[a:b])
                    or not (_IN_NAME.match(text, found.end() + b)
                            or lex.scene_prefix.search(text[max(0, a - 40):a]))
                ):
                    return None  # "the Asian community": a people, not a village
                return ("unknown", a, b, feat)
        ap = _APPOSITIVE.match(text, b) if text.startswith(",", b) else None
        if ap and ap.group(1).lower() in lex.name_features:
            return ("unknown", a, b, ap.group(1).lower())  # "Zarbuk, a village in ..."
        if (text.startswith("'", b) and _SIDE_OF.match(text, b)
                and _cue_word(text, a) in lex.locative):
            return ("unknown", a, b, None)  # "on Zarbi's north shore": a place's side
        if (_TAIL_GATE.match(text, b) and _cue_word(text, a) in lex.locative
                and any(p.search(text[b:b + 60]) for p in lex.reference_tail)):
            return ("unknown", a, b, None)  # "struck Xyz, about 25 km north of ..."
        if lex.scene_prefix.search(text[max(0, a - 40):a]):
            after = text[b:b + 60]
            if any(p.search(after) for p in lex.reference_tail):
                return ("unknown", a, b, None)
            inside = _IN_AREA.match(after)
            if inside and any(e.is_area for e in gazetteer.lookup(inside.group(1))):
                return ("unknown", a, b, None)
            close = _NEAR_PLACE.match(after)
            if close and gazetteer.lookup(close.group(1)):
                return ("unknown", a, b, None)  # "in Xyz, outside Dhaka"
            if lead and _DIRECT_CUE.search(text[max(0, a - 12):a]):
                # "killed five militants in North Waziristan on Monday": right after "in"
                # in the lead, a capitalised name the gazetteer lacks is most likely a place
                return ("unknown", a, b, "cue-only")
    return None


_ELSEWHERE = re.compile(r"(?:Meanwhile|Elsewhere|Separately|In (?:a separate|another) "
                        r"(?:incident|attack|accident)),")
_WARD_NO = re.compile(r"-\d{1,3}$")
_TAIL_GATE = re.compile(r",?\s+(?:[a-z]+\s+)?\d")  # ", about 25 km ...": cheap test first


def _feature_before(before: str, lex: _Lexicon) -> re.Match[str] | None:
    """`lex.feature_before.search(before)`: "the village of ", "X district ".

    The match runs to the end, so the text must end (spaces aside) in a feature word,
    "of" or "the"; an `endswith` test rules out most texts first (ASCII only, where
    lower() and IGNORECASE agree exactly)."""
    if before.isascii() and not before.rstrip().lower().endswith(lex.feature_before_ends):
        return None
    return lex.feature_before.search(before)


def _cue_word(text: str, a: int) -> str:
    """The lower-cased word right before position a."""
    words = text[max(0, a - 16):a].split()
    return words[-1].lower().rstrip(".,") if words else ""


def _join_possessive_names(text: str, runs: list[list[tuple[int, int]]]
                           ) -> list[list[tuple[int, int]]]:
    """Rejoin names with a possessive inside ("Cox's Bazar") that the run split cut apart."""
    out: list[list[tuple[int, int]]] = []
    i = 0
    while i < len(runs):
        run = runs[i]
        if i + 1 < len(runs) and text[run[-1][1]:runs[i + 1][0][0]] == "'s ":
            nxt = runs[i + 1]
            joined = text[run[-1][0]:nxt[0][1]]
            if gazetteer.lookup(joined):
                out.append(run[:-1] + [(run[-1][0], nxt[0][1])] + nxt[1:])
                i += 2
                continue
        out.append(run)
        i += 1
    return out


# "Bahrain tehsil of Swat district", "the town of Jordan in ...", "Lebanon, a town in ...":
# a country's name used as the name of a locality or district.
_LOCAL_AFTER = re.compile(r"\s+(?:tehsil|district|village|town|township|upazila|taluka|"
                          r"mandal|sub-?division|municipality|locality|hamlet|county|parish|"
                          r"commune|area)\s+(?:of|in)\s+(?:the\s+)?[A-Z][\w\-]*"
                          r"(?:\s+[A-Z][\w\-]*)?\s+(?:district|province|state|county|division|"
                          r"region|governorate|territory|tehsil)\b"
                          r"|,\s+(?:a|the)\s+(?:[a-z]+\s+)?(?:town|village|hamlet|tehsil|"
                          r"township|locality)\s+(?:in|of|near)\s")
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$", re.IGNORECASE)
_LOCAL_BEFORE = re.compile(r"\b(?:town|village|hamlet|township|tehsil|locality|settlement)\s+"
                           r"of\s+$")


def _local_country_names(texts: list[str], found: list[list[tuple[str, int, int]]],
                         lex: _Lexicon) -> frozenset[str]:
    """Country names the article uses as a town's or district's name (then every mention
    of that name in the article is the place, not the country)."""
    out: set[str] = set()
    for text, hits in zip(texts, found, strict=True):
        for _cc, a, b in hits:
            name = text[a:b]
            if not (_LOCAL_AFTER.match(text, b)
                    or _LOCAL_BEFORE.search(text, max(0, a - 24), a)):
                continue
            if _ARTICLE_BEFORE.search(text, max(0, a - 6), a):
                continue  # "the Pakistan district of Kurram": the country holds it
            if any(e.kind == "country" for e in gazetteer.lookup(name)):
                out.add(name)  # a country's own name, not a demonym ("Afghan district")
    return frozenset(out)


def _find_countries(text: str, lex: _Lexicon) -> list[tuple[str, int, int]]:
    """(ISO2, start, end) of country names, demonyms and aliases, as capitalised in text."""
    hits: list[tuple[str, int, int]] = []
    taken: list[tuple[int, int]] = []
    gate = lex.country_gate
    if lex.country_re is not None and gate is not None and gate.search(text):
        for m in lex.country_re.finditer(text):
            cc = lex.spelled.get(m.group(1))
            if cc:
                hits.append((cc, m.start(), m.end()))
                taken.append(m.span())
    last_words = lex.country_last_words
    for m in _CAP_SEQ.finditer(text):
        # every word of a name found here is one of the sequence's (whitespace-split)
        # tokens, its last word too: "The ..." sequences without one are skipped
        if last_words.isdisjoint(m.group().split()):
            continue
        toks = [t.span() for t in _CAP_TOKEN.finditer(text, m.start(), m.end())]
        i = 0
        while i < len(toks):
            for j in range(min(len(toks), i + 4), i, -1):
                a, b = toks[i][0], toks[j - 1][1]
                cc = lex.spelled.get(text[a:b])
                if cc and not any(x <= a < y for x, y in taken):
                    hits.append((cc, a, b))
                    i = j - 1
                    break
            i += 1
    hits.sort(key=lambda h: h[1])
    return hits


_IN_DISTRICT = re.compile(r"(?:,\s*|\s+in\s+(?:the\s+)?)([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)\s+"
                          r"(?:district|province|state|county|division|region|tehsil|prefecture)\b")


def _district_hint(m: _Mention, after: str) -> None:
    """"Rampur in Shimla district": of the many Rampurs, the one in Shimla's state."""
    found = _IN_DISTRICT.match(after)
    if found is None:
        return
    states = {(e.country_code, e.admin1_code) for e in gazetteer.lookup(found.group(1))
              if e.admin1_code and not e.alt}
    own = {(e.country_code, e.admin1_code) for e in m.entries if not e.alt} & states
    if len(own) == 1:
        m.cc_hint, m.state_hint = own.pop()


def _state_after(after: str, lex: _Lexicon) -> str | None:
    """The US state in ", Calif." / ", North Carolina" right after a name."""
    m = _STATE_AFTER.match(after)
    if m is None:
        return None
    toks = m.group(1).split()
    for k in range(min(3, len(toks)), 0, -1):
        code = lex.state_of.get(" ".join(toks[:k]).lower())
        if code:
            return code
    return None


def _scan(text: str, sentence: Sentence | None, lex: _Lexicon, doc_lower: _DocLowerWords,
          carry: str = "", lead: bool | None = None,
          hits: list[tuple[str, int, int]] | None = None, normalised: bool = False) -> _Scan:
    """Country hits and place mentions (with their cues) in one sentence.

    `carry` is the end of the previous line when a hard wrap cut a phrase in two
    ("... a police station in" / "Diyarbakir, in southeastern Turkey ...").
    """
    out = _Scan()
    if not normalised:  # the caller may have cut and normalised it already
        text = _normalise(text[:MAX_CHARS])
    country_spans: list[tuple[int, int]] = []
    if hits is None:  # the caller may have found them (and dropped local namesakes)
        hits = _find_countries(text, lex)
    for cc, a, b in hits:
        weight = 0.5 if text[a:b].lower() in lex.weak_demonyms else 1.0
        if lex.reference.search(text[max(0, a - 40):a].lower()):
            weight *= 0.2  # "on the border with Afghanistan", "flights to India"
        if lex.scene_prefix.search(text[max(0, a - 40):a]):
            weight *= 1.5  # "killed in Pakistan" says more than "a Pakistani official"
        out.countries.append((cc, a, b, weight))
        country_spans.append((a, b))

    if lead is None:
        lead = sentence is None or sentence.is_title or sentence.index <= 3
    prev_end = -10
    poss_cc: str | None = None
    poss_state: str | None = None
    for run in _join_possessive_names(text, _runs(text, lex)):
        found = _match_run(text, run, lex, country_spans, doc_lower, lead)
        if found is None:
            continue
        kind, a, b, data = found
        inword = _APOS_WORD.match(text, b)
        if inword and kind != "country":
            # "Shi'ite", "Sana'a": the name goes on past the apostrophe
            whole = tuple(e for e in gazetteer.lookup(text[a:inword.end()])
                          if e.kind != "country")
            if not whole:
                continue
            kind, b, data = "place", inword.end(), whole
        poss = _POSSESSIVE.match(text, b)
        if kind == "country":
            poss_cc = lex.country_of.get(text[a:b].lower()) if poss else None
            poss_state = None
            prev_end = poss.end() if poss else b
            continue
        mention = _Mention(sentence, text, a, b, text[a:b], data if kind == "place" else ())
        if kind == "unknown" and data == "cue-only":
            mention.cue_only = True
        elif kind == "unknown":
            mention.feature = data
        _cues(mention, text, lex, doc_lower, prev_end, poss_cc, poss_state, carry)
        last = out.mentions[-1] if out.mentions else None
        if (last is not None and last.reference and not mention.reference
                and _LIST_GAP.match(text[last.end:mention.start])):
            # "taken to hospitals in Tahta and Sohag": the list shares its cue
            mention.weight *= lex.w.get("reference_point", 0.1)
            mention.reference = True
        first = out.mentions[0] if out.mentions else None
        if first is not None and first.side_dateline and first.surface == mention.surface:
            mention.weight = min(mention.weight, first.weight)  # "Mumbai: ... in Mumbai"
        out.mentions.append(mention)
        poss_cc = poss_state = None
        if poss and mention.entries:
            top = mention.entries[0]
            if top.kind == "admin1":
                poss_cc, poss_state = top.country_code, top.admin1_code
        prev_end = poss.end() if poss else b
    _link_containers(out.mentions, text)
    return out


_DIR_WORDS = (r"(?:(?:north|south|east|west|central|upper|lower|remote|rural|restive|"
              r"neighbouring|neighboring|mountainous|coastal|far|northern|southern|eastern|"
              r"western|(?:north|south)-?(?:east|west)(?:ern)?)\s+)*")
# Between a place and the area that holds it: "A in (northern) B", "A in Upper Egypt's B",
# "A of B State", "A, B province", "A, the (provincial) capital of B", "A, a town in B".
_GAP_FEATURE = (r"(?:\s+(?:local\s+government\s+area|lga|village|town|city|community|district|"
                r"county|province|state|region|municipality|governorate|division|tehsil|"
                r"upazila|sub-?division|township|neighbou?rhood|area))?")
_INSIDE_GAP = re.compile(
    r"^" + _GAP_FEATURE + r"(?:,?\s+(?:in|of|on)\s+(?:the\s+)?" + _DIR_WORDS
    + r"(?:[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?'s?\s+)?" + _DIR_WORDS
    + r"|,\s+(?:the\s+|a\s+|an\s+)?(?:(?:small|provincial|state|district|regional|county|"
    r"main|largest|biggest)\s+)?(?:capital|headquarters|seat|city|town|village|suburb|hub|"
    r"district|area|community)\s+(?:of|in)\s+(?:the\s+)?" + _DIR_WORDS
    + r"|,\s+(?:just\s+)?(?:outside|near)\s+(?:the\s+)?"
    + r"|,\s+)$", re.IGNORECASE)
_ROAD_AFTER = re.compile(r"^(?:-[A-Z][\w\-]*)?(?:\s+(?-i:[A-Z][a-z]+))?\s+"
                         r"(?:road|street|avenue|highway|expressway|motorway|"
                         r"bypass|lane|drive|boulevard)\b", re.IGNORECASE)
_DISTANCE_BEFORE = re.compile(
    r"\b(?:km|kms|kilomet(?:re|er)s?|miles?)\s+(?:\([^()]{0,20}\)\s+)?"
    r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?"
    r"(?:of|from)\s+(?:the\s+)?(?:[a-z]+\s+)?$", re.IGNORECASE)
# "a village in eastern Congo's X", "an island town near X": the scene is a place X holds.
_UNNAMED_IN = re.compile(r"\b(?:a|an)\s+(?:[a-z\-]+\s+){0,2}(?:village|hamlet|settlement|"
                         r"town|township|locality)\s+(?:in|near|outside)\s+(?:the\s+)?"
                         r"(?:[a-z\-]+\s+){0,2}(?:[A-Z][\w\-]*'s?\s+)?$")
_UNNAMED_WORDS = ("village", "hamlet", "settlement", "town", "locality")


def _unnamed_in(before: str) -> bool:
    return any(x in before for x in _UNNAMED_WORDS) and bool(_UNNAMED_IN.search(before))


_HOSPITAL_AFTER = re.compile(r"^\s+(?:(?-i:[A-Z][\w\-]*)\s+){0,2}(?:Hospital|Clinic|Infirmary|"
                             r"Medical\s+(?:Centre|Center|College))\b")
_CARE_BEFORE = re.compile(r"\b(?:remain|remains|remained|treated|treatment|recovering|"
                          r"admitted|hospitali[sz]ed|taken|rushed|transferred|referred|"
                          r"died|lying)\s+(?:[a-z]+\s+){0,2}(?:in|at|to)\s+(?:the\s+)?$",
                          re.IGNORECASE)
# "in Gazipur's Tongi", "at Dhaka's Mirpur": a possessive place right before the name.
_POSS_BEFORE = re.compile(r"(?<![\w'])[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2}'s?\s+$")
# After "X Valley": a capitalised word that goes on with the name of a road, paper or office.
_NAME_GOES_ON = re.compile(r"\s+(?:Highway|Freeway|Expressway|Motorway|Road|Herald|Times|News|"
                           r"Post|Tribune|Star|Advertiser|Gazette|Chronicle|Courier|Mail|"
                           r"Sector|Command|Council|Water|Health|Hospital|Football|Rail|"
                           r"Railway|Line|Trail|Way|Drive|Avenue|Street)\b")
_COMMA_NEAR = re.compile(r"^,\s+(?:just\s+)?(?:outside|near)\s+(?:the\s+)?$")
_COMMA_DIR = re.compile(r"^,\s+(?:north|south|east|west|central|northern|southern|eastern|"
                        r"western|(?:north|south)-?(?:east|west)(?:ern)?)\s+$")
_POSS_GAP = re.compile(r"^'s?\s+$")
# "the Oaxaca town of A", "the Lyon suburb of A": the first name holds the second.
_HOLDS_GAP = re.compile(r"^\s+(?:town|city|village|port|hamlet|resort|settlement|suburb|"
                        r"suburbs|township|municipality|community)\s+of\s+(?:the\s+)?$")
# "the Ikoyi district of A": the first name lies inside the second.
_PART_OF_GAP = re.compile(r"^\s+(?:district|neighbourhood|neighborhood|area|quarter|"
                          r"section|part)\s+of\s+(?:the\s+)?$")


def _area_like(m: _Mention) -> bool:
    return m.feature in _AREA_FEATURES or bool(m.entries and m.entries[0].is_area)


def _link_containers(mentions: list[_Mention], text: str) -> None:
    """Tie a place to the area named right after it as its container (same sentence)."""
    for a, b in zip(mentions, mentions[1:], strict=False):
        if a.weight <= 0 or b.weight <= 0 or b.start - a.end > 60:
            continue
        gap = text[a.end:b.start]
        if _POSS_GAP.match(gap) and b.scene and not a.container and (
                not _area_like(b) or _area_like(a)):
            b.within = a  # "in Gazipur's Tongi": Gazipur holds the scene
            a.container = True
            a.weight *= 0.5
            _place_inside(b, a)
            continue
        if _HOLDS_GAP.match(gap):
            b.within = a  # "the Lyon suburb of B"
            a.container = True
            continue
        if _PART_OF_GAP.match(gap):
            a.within = b
            continue
        if _COMMA_DIR.match(gap) and b.entries:
            a.within = b  # "Hackney, east London": a direction word says B holds A
            if not b.container:
                b.container = True
                b.weight *= 0.5
            _place_inside(a, b)
            continue
        m = _INSIDE_GAP.match(gap)
        if m is None:
            continue
        comma_only = gap.strip() == ","
        if _COMMA_NEAR.match(gap):
            a.within = b  # "Rupganj, outside Dhaka": B only says where A is
            _place_inside(a, b)
            continue
        if _area_like(b) and not _area_like(a) or (
            not comma_only and (not a.entries or a.feature in _LOCALITY_FEATURES
                                or a.feature == "community")
        ) or (
            a.entries and b.entries and not comma_only
            and a.entries[0].country_code == b.entries[0].country_code
            and a.entries[0].admin1_code == b.entries[0].admin1_code
            and a.entries[0].population < b.entries[0].population
        ):
            a.within = b
            if not b.container:
                b.container = True
                b.weight *= 0.5
            _place_inside(a, b)


def _place_inside(a: _Mention, b: _Mention) -> None:
    """A lies in B: A is in B's country; a gazetteer A only found abroad is another place."""
    if not b.entries or not a.entries:
        return
    cc = a.cc_hint or b.cc_hint or b.entries[0].country_code
    if any(e.country_code == cc for e in a.entries):
        a.cc_hint = cc
    elif a.cc_hint or b.cc_hint or _unambiguous(b.entries):
        a.entries = ()  # "Hackney, east London" when the gazetteer knows only another Hackney


def _contained(before: str, lex: _Lexicon) -> bool:
    """ "the Ikoyi district of <X>": X contains the scene ("Mexican state of X" does not)."""
    named = _NAMED_FEATURE_OF.search(before)
    if named is None:
        return False
    word = named.group(1).lower()
    if named.group(2) in _LOCALITY_FEATURES:  # "the Oaxaca town of X": X is the town
        return False
    return word not in lex.country_of and word not in _SKIP_FIRST and word not in lex.breakers


def _cues(m: _Mention, text: str, lex: _Lexicon, doc_lower: _DocLowerWords, prev_end: int,
          poss_cc: str | None, poss_state: str | None, carry: str = "") -> None:
    """Set the mention's weight from the words around it."""
    w = lex.w
    before = text[max(0, m.start - 80):m.start]
    if carry and m.start < 80:
        before = (carry + " " + before)[-80:]
    after = text[m.end:m.end + 60]
    words_before = before.split()
    prev = words_before[-1].lower().rstrip(".,") if words_before else ""
    if prev in lex.person_before or (
        prev not in lex.locative and lex.person_after.search(after.lower())
    ):
        m.weight = 0.0
        return
    weight = w.get("no_cue", 0.25)
    no_cue = True
    held = _POSS_BEFORE.search(before) if before.endswith(("'s ", "' ")) else None
    if lex.scene_prefix.search(before) or (
        # it ends in ", ": a comma as the last non-space character is a cheap test first
        before.rstrip().endswith(",") and _IN_PLACE_COMMA.search(before)
        and not (m.entries and m.entries[0].is_area)
    ) or (held is not None and lex.scene_prefix.search(before[:held.start()])):
        # "in Gazipur's Tongi": the place inside the possessive one is the scene too
        # "in Gulshan-e-Iqbal, Karachi": the city of a named neighbourhood is the scene too
        weight, no_cue = w.get("scene_cue", 1.0), False
        m.scene = True
        if _PEOPLE_IN.search(before):
            weight = w.get("plain_cue", 0.6)  # "officials in Cairo said": where they are
            m.scene = False
    elif prev in lex.locative and any(p.search(after) for p in lex.reference_tail):
        # "gunmen struck Xyz, about 25 km north of Beni": a place introduced by its
        # distance from a known one is the scene
        weight, no_cue = w.get("scene_cue", 1.0), False
        m.scene = True
    elif prev in lex.locative and _SIDE_OF.match(text, m.end):
        weight, no_cue = w.get("scene_cue", 1.0), False  # "on Zarbi's north shore"
    elif prev in lex.locative:
        weight, no_cue = w.get("plain_cue", 0.6), False
    elif not before.strip() and after.lstrip().startswith((":", "\u2014", "--")):
        # "Hyderabad: A blast ..." opens the story like a dateline; deeper in the text it
        # is the filing place of a side report
        if m.sentence is not None and m.sentence.is_title:
            weight, no_cue = w.get("scene_cue", 1.0), False  # "Tahta: two killed in ..."
        elif m.sentence is None or m.sentence.index <= 2:
            weight, no_cue = w.get("colon_dateline", 0.7), False
        else:
            weight, no_cue = w.get("reference_point", 0.1), False
            m.side_dateline = True
    if _ROAD_AFTER.match(after):
        weight *= 0.5  # "near Jarwal Road": a road named after a town, not the town
    if _HOSPITAL_AFTER.match(after) and _CARE_BEFORE.search(before):
        # "two wounded remain in Xyz Hospital": where the wounded lie, not the scene
        weight *= w.get("reference_point", 0.1)
        m.reference = True
    container = False
    if m.feature is None and _LOCALITY_OF.match(after):
        container = True  # "the Oaxaca town of Juchitan": Oaxaca contains the scene
    elif m.feature is None:
        fa = lex.feature_after.match(after)
        poss_title = _POSSESSIVE.match(after)
        if poss_title and lex.officials.match(after, poss_title.end()):
            container = True  # "Murmansk's governor said": an official's title, not a cue
        fb = _feature_before(before, lex)
        if fa and lex.officials.match(after, fa.end()):
            pass  # "the Mathura district magistrate said": an official's title, not a cue
        elif (fa and fa.group(1).lower() in _LOCALITY_FEATURES | {"community", "suburb"}
              and _UNNAMED_BEFORE.search(before)
              and not after[fa.end():fa.end() + 4].lstrip().startswith("of")):
            container = True  # "a small Oklahoma town": the state holds an unnamed town
        elif fa and _NAME_GOES_ON.match(after, fa.end()):
            pass  # "the Goulburn Valley Highway", "Goulburn Valley Herald": a road, a paper
        elif fa:
            m.feature = fa.group(1).lower()
        elif fb and _contained(before, lex):
            container = True  # "the Ikoyi district of Lagos": Lagos only contains the scene
        elif fb:
            m.feature = fb.group(1).lower()
    if m.feature:
        weight, no_cue = max(weight, w.get("feature_word", 1.0)), False
    if poss_cc and text[prev_end:m.start].strip() == "":
        m.cc_hint, m.state_hint, m.possessive = poss_cc, poss_state, True
        weight, no_cue = max(weight, w.get("possessive", 1.0)), False
    state = _state_after(after, lex)
    if state:
        m.cc_hint, m.state_hint = "US", state
        weight, no_cue = max(weight, w.get("city_state_pair", 1.2)), False
    elif m.entries and len(m.entries) > 1:
        _district_hint(m, after)
    if m.cc_hint is None:
        cm = _COMMA.match(after)
        if cm:
            hits = _find_countries(after[cm.end():cm.end() + 40], lex)
            if hits and hits[0][1] == 0:
                m.cc_hint = hits[0][0]
                weight, no_cue = max(weight, w.get("city_state_pair", 1.2)), False
    if container:
        weight *= 0.5
        m.container = True
    elif _unnamed_in(before):
        # "a village in Congo's Beni territory": the scene is an unnamed place in Beni (a
        # named place inside it may still be the answer, and Beni when none is)
        weight *= 0.5
    low_before = before.lower()
    if lex.scene_before.search(low_before):
        weight, no_cue = max(weight, w.get("plain_cue", 0.6)), False
    elif lex.reference.search(low_before):
        weight *= w.get("reference_point", 0.1)
        m.reference = True
    elif any(p.search(after) for p in lex.reference_after) and weight < w.get("scene_cue", 1):
        weight *= 0.5
    if no_cue:
        # A lone capitalised word the article also uses in lower case is a common word.
        if " " not in m.surface and m.surface.lower() in doc_lower:
            weight = 0.0
        elif not before.strip() and not (m.sentence is not None and m.sentence.is_title):
            m.initial = True
    m.weight = weight


# --------------------------------------------------------------------------- resolving


_AREA_FEATURES = frozenset({"district", "county", "province", "region", "state", "division",
                            "local government area", "lga",
                            "prefecture", "regency", "governorate", "parish", "valley",
                            "island", "islands", "emirate", "agency", "subdivision",
                            "sub-division", "taluka", "tehsil", "upazila", "area",
                            "territory"})


# Feature words of a district, the level under a province or state.
_DISTRICT_NAMES = frozenset({"district", "tehsil", "upazila", "taluka", "county", "subdivision",
                             "sub-division", "territory", "lga", "local government area"})
# Feature words that introduce a locality (not an area) by name.
_LOCALITY_NAMES = frozenset({"village", "villages", "town", "township", "municipality",
                             "community", "hamlet", "settlement", "locality", "commune",
                             "suburb", "neighbourhood", "neighborhood"})
_LEVEL = {"country": 0, "admin1": 1, "admin2": 2, "county": 2}
_FEATURE_LEVEL = {"province": 1, "state": 1, "region": 1, "island": 1, "islands": 1,
                  "emirate": 1, "governorate": 1, "prefecture": 1}


def _level(m: _Mention) -> int:
    """How specific a candidate is: 1 state/province, 2 district/county, 3 locality."""
    if m.chosen is not None:
        return _LEVEL.get(m.chosen.kind, 3)
    if m.feature in _AREA_FEATURES:
        return _FEATURE_LEVEL.get(m.feature or "", 2)
    return 3


def _resolve(m: _Mention, ctx_cc: dict[str, float], ctx_states: Counter,
             area_named: bool = False, near_cc: Counter | None = None) -> None:
    """Pick the gazetteer entry the mention most likely means. `near_cc`: the countries of
    the places named that exist in one country only ("near Milltown, north of Tuam": Tuam
    is Irish, so this Milltown is the Irish one, not a namesake of like size in the US)."""
    if not m.entries:
        return
    best, best_score = None, -1e9
    total = sum(ctx_cc.values()) or 1.0
    near_total = sum(near_cc.values()) if near_cc else 0.0
    state_total = max(ctx_states.values(), default=0.0) or 1.0
    for e in m.entries:
        s = math.log10(e.population + 10) + (0 if e.alt else 1.5)
        if m.cc_hint:
            s += 6 if e.country_code == m.cc_hint else -3
        if m.state_hint and e.admin1_code == m.state_hint:
            s += 4
        s += 5 * ctx_cc.get(e.country_code, 0.0) / total
        if near_total:
            s += NEAR_WEIGHT * near_cc.get(e.country_code, 0.0) / near_total  # type: ignore[union-attr]
        if e.admin1_code and ctx_states:
            s += 3 * ctx_states.get((e.country_code, e.admin1_code), 0.0) / state_total
        if e.kind == "admin1":
            # its population is the sum of its towns': prefer the town of that name, unless
            # the article calls the name a province or state elsewhere
            s += 1.5 if area_named else -1.5
        if m.feature in _AREA_FEATURES:
            s += 1.5 if e.is_area else 0
        elif m.feature and not e.is_area:
            s += 1.0
        if s > best_score:
            best, best_score = e, s
    m.chosen = best


def _sentence_weight(s: Sentence, body_pos: int, lex: _Lexicon, top_score: float = 0.0
                     ) -> float:
    """Title and lead count most, later lines less; scoring's central sentences more."""
    w = lex.w
    if s.is_title:
        base = w.get("title", 1.3)
    else:
        lead = int(w.get("lead_sentences", 3))
        base = 1.0 if body_pos < lead else 1.0 / (1.0 + w.get("position_decay", 0.12)
                                                  * (body_pos - lead + 1))
    if top_score > 0:
        base += w.get("score_bonus", 0.5) * max(0.0, float(s.score or 0.0)) / top_score
    lower = s.lower
    if lex.caption.search(lower):
        base *= w.get("caption", 0.2)
    if lex.teaser.search(lower):
        base *= w.get("teaser", 0.1)
    if not _has_event_word(s, lex):
        base *= 1.0 / w.get("event_sentence", 1.4)
    return base


def _has_event_word(s: Sentence, lex: _Lexicon) -> bool:
    """An event word stands alone in the sentence (not inside a hyphenated compound)."""
    # a plain event word that `_LOWER_WORD` finds is a whole `\w+` run, so one of the
    # sentence's cached words: with none of them there, the regex can find none
    if lex.event_words_plain:
        if lex.event_words.isdisjoint(s.words):
            return False
        if "-" not in s.lower:
            # no hyphen: `_LOWER_WORD` finds exactly the `\w+` runs of 2+ letters a-z, so the
            # word set has answered (compounds such as "car-bomb" need the regex)
            return True
    return not lex.event_words.isdisjoint(_LOWER_WORD.findall(s.lower))


def _pretty(surface: str, chosen: Place | None) -> str:
    surface = surface.strip(" .,'")
    if surface.isupper() and len(surface) > 3:
        # the gazetteer's casing ("McAllen", "São Paulo"), not its accents where the text
        # has none ("BHARUCH" is "Bharuch", not "Bharūch")
        return chosen.name if chosen and chosen.name.lower() == surface.lower() \
            else surface.title()
    if surface.lower().startswith("the "):
        surface = surface[4:]
    return surface


def _where(groups: dict[tuple, list[_Mention]], ctx: Counter, lex: _Lexicon) -> Where:
    """The best group of mentions, made more specific when a locality inside it is named."""
    country_votes = Counter(ctx)
    scored = []
    for key, ms in groups.items():
        total = sum(m.score for m in ms)
        if total > 0:
            scored.append((total, key, ms))
    scored.sort(key=lambda x: -x[0])
    where = Where()
    guess = bool(scored) and scored[0][0] < MIN_SCORE and scored[0][0] >= MIN_REFERENCE and any(
        m.reference and m.score >= MIN_REFERENCE for m in scored[0][2])
    if scored and (scored[0][0] >= MIN_SCORE or guess):
        top_score, _key, ms = scored[0]
        chosen = ms[0].chosen
        level = _level(ms[0])
        anchor = chosen
        ms0 = ms
        ms, chosen, level, top_score = _innermost(ms, scored, groups, chosen, level,
                                                  top_score)
        if level < 3 and ms is ms0:
            # the city that gives the province its name comes first ("Kharkiv region")
            rest = sorted(scored[1:], key=lambda x: x[1][0] != _key[0])
            for score, _k2, ms2 in rest:
                c2 = ms2[0].chosen
                if score < 0.3 * top_score:
                    continue
                if _level(ms2[0]) <= level or all(m2.container for m2 in ms2):
                    continue
                if anchor is None or c2 is None:
                    texts = {m.text for m in ms}
                    named_locality = c2 is None and any(
                        m2.score > 0 and (m2.feature in _LOCALITY_NAMES or (
                            (m2.cue_only or (m2.feature in _DISTRICT_NAMES and level == 1
                                             and _inside_of(m2, anchor, lex)))
                            and m2.scene and m2.sentence is not None
                            and not m2.sentence.is_title and m2.sentence.index <= 3))
                        for m2 in ms2)
                    if not any(m2.text in texts for m2 in ms2) and not named_locality:
                        # no way to tell it lies inside: must share a sentence, or be
                        # introduced as a locality ("outside the municipality of Xyz") or
                        # as the scene in the lead ("derailed near Xyz")
                        continue
                    top_score, ms, chosen, level = score, ms2, c2, _level(ms2[0])
                    if level == 3:
                        break
                    continue
                if (
                    c2.country_code == anchor.country_code
                    and (anchor.kind != "admin1" or c2.admin1_code == anchor.admin1_code)
                ):
                    top_score, ms, chosen, level = score, ms2, c2, _level(ms2[0])
                    if level == 3:
                        break
            ms, chosen, level, top_score = _innermost(ms, scored, groups, chosen, level,
                                                      top_score)
        best = max(ms, key=lambda m: m.score)
        where.place = _pretty(best.surface, chosen)
        if chosen is None:
            # "Rohtrung village in Himachal Pradesh's Kinnaur district": the known area
            # named with an unknown place says its state and country
            for ms_ in groups.values():
                for m in ms_:
                    c = m.chosen
                    if (c is not None and m.text == best.text and m is not best
                            and (m.container or c.is_area) and m.weight > 0
                            and (not ctx or c.country_code in ctx)):
                        where.country_code, where.country = c.country_code, c.country
                        where.admin1 = c.name if c.kind == "admin1" else c.admin1
                        break
                if where.country:
                    break
            if where.country is None:
                # "Train derails in Punjab" over "derailed near Xyz": the state or province
                # the article names (in its country) holds the unknown place
                for sc, _k, g in scored:
                    c = g[0].chosen
                    if (c is not None and c.kind == "admin1" and sc > 0
                            and (not ctx or c.country_code == ctx.most_common(1)[0][0])):
                        where.country_code, where.country = c.country_code, c.country
                        where.admin1 = c.name
                        break
        if chosen is not None:
            where.country_code = chosen.country_code
            where.country = chosen.country
            where.admin1 = chosen.name if chosen.kind == "admin1" else chosen.admin1
        where.confidence = _confidence(ms, scored, top_score, level, chosen, lex, ctx)
        if guess:
            # only "20 km south of X" names a place: the scene is near X, a low-confidence
            # answer beats none
            where.confidence = min(where.confidence, 0.15)
        where.evidence = Evidence(best.text, [(best.start, best.end)])
    if where.country is None and not country_votes:
        # No country named: the countries of the places named (even reference points) say it.
        for ms_ in groups.values():
            for m in ms_:
                if m.chosen is not None:
                    country_votes[m.chosen.country_code] += max(m.score, 0.01)
    if where.country is None and country_votes:
        cc, _n = country_votes.most_common(1)[0]
        where.country_code = cc
        where.country = gazetteer.country_name(cc)
        if where.place is None:
            where.confidence = 0.3
    return where


def _inside_of(m: _Mention, anchor: Place | None, lex: _Lexicon) -> bool:
    """A district named with weight in the lead, put in no other country than the anchor's."""
    if m.weight < lex.w.get("plain_cue", 0.6):
        return False  # a caption or a passing mention
    c = m.within.chosen if m.within is not None else None
    return c is None or anchor is None or c.country_code == anchor.country_code


def _confidence(ms: list[_Mention], scored: list[tuple[float, tuple, list[_Mention]]],
                top_score: float, level: int, chosen: Place | None, lex: _Lexicon,
                ctx: Counter | None = None) -> float:
    """How sure the answer is: its share against the best rival, lowered when it rests on
    the dateline alone, is only a state or province, or is a name the gazetteer lacks.

    Groups that hold the answer ("B" in "A in B province") or share its name (the town and
    the province of one name) are not rivals.
    """
    name = ms[0].key[0] if ms[0].key else None
    holders = {m.within.key[:2] for m in ms if m.within is not None and m.within.key}
    second = 0.0
    for sc, k, g in scored:
        if g is ms or k[0] == name:
            continue
        if k[:2] in holders:
            continue  # it holds the answer
        second = sc
        break
    inside = any(m.within is not None and m.within.key and m.within.key[0] == name
                 and m.score > 0 for g_ in (g for _s, _k, g in scored) for m in g_)
    w = lex.w
    conf = top_score / (top_score + second) * min(1.0, top_score / 1.2)
    body = [m for m in ms if not m.dateline and m.score > 0]
    if not body:
        here = any(m.dateline and m.weight >= w.get("dateline_here", 3.0) for m in ms)
        conf *= w.get("conf_dateline_here" if here else "conf_dateline_only", 0.6)
    if level < 3:
        conf *= w.get("conf_area", 0.75)
    if inside:
        conf *= w.get("conf_holds", 0.7)
    if chosen is None:
        conf *= w.get("conf_cue_only" if all(m.cue_only for m in ms) else "conf_unknown",
                      0.85)
    elif _bare_namesake(ms, chosen, ctx):
        conf *= w.get("conf_namesake", 0.6)
    return round(max(0.05, min(0.95, conf)), 3)


def _bare_namesake(ms: list[_Mention], chosen: Place, ctx: Counter | None) -> bool:
    """A name with a namesake of like size abroad (Hyderabad in India and in Pakistan) that
    nothing in the article ties to one country: only population chose it."""
    if any(m.cc_hint or m.state_hint for m in ms):
        return False
    if ctx and ctx.get(chosen.country_code, 0.0) > 0:
        return False
    entries = next((m.entries for m in ms if m.entries), ())
    return any(e.country_code != chosen.country_code and not e.alt and not e.is_area
               and 10 * e.population >= chosen.population for e in entries)


def _innermost(ms: list[_Mention], scored: list[tuple[float, tuple, list[_Mention]]],
               groups: dict[tuple, list[_Mention]], chosen: Place | None, level: int,
               top_score: float) -> tuple[list[_Mention], Place | None, int, float]:
    """Go down "A in B province" links from the best group to the most specific place.

    The article itself says A lies in B; when A is also named as the scene with some weight,
    A is the answer the reader wants ("a village in X district": the village).
    """
    inner: dict[tuple, set[tuple]] = defaultdict(set)
    first_scene: dict[str, tuple[int, int]] = {}  # name -> where the text first puts the
    for ms_ in groups.values():                    # event there by itself ("in Kaduna")
        for m in ms_:
            if (m.scene and not m.container and m.within is None and m.key
                    and m.sentence is not None and not m.sentence.is_title
                    and m.feature not in _AREA_FEATURES
                    and not (m.chosen is not None and m.chosen.is_area)):
                pos = (m.sentence.index, m.start)
                first_scene[m.key[0]] = min(first_scene.get(m.key[0], pos), pos)
    for ms_ in groups.values():
        for m in ms_:
            if m.within is not None and m.weight > 0 and m.within.key and m.key != m.within.key:
                held = first_scene.get(m.within.key[0])
                if (held is not None and m.sentence is not None
                        and held < (m.sentence.index, m.start)):
                    continue  # "a blast in Kaduna ... another in Zaria in Kaduna State"
                # by name: "Kaduna State" holds it, so the headline's "Kaduna" does too
                inner[m.within.key[:2]].add(m.key)
    if not inner:
        return ms, chosen, level, top_score
    floor = CONTAINED_SHARE * top_score
    cur, seen = ms[0].key, {ms[0].key}
    while inner.get(cur[:2]):
        kids = [(sc, k, g) for sc, k, g in scored
                if k in inner[cur[:2]] and k not in seen and sc >= floor]
        if not kids:
            break
        sc, cur, g = max(kids, key=lambda x: x[0])
        seen.add(cur)
        ms, chosen, level, top_score = g, g[0].chosen, _level(g[0]), sc
    return ms, chosen, level, top_score


def _one_country(entries: tuple[Place, ...]) -> bool:
    """Every place of that very name is in one country (a vote for it is no guess)."""
    return len({e.country_code for e in entries if not e.alt}) <= 1


_ORGAN_AFTER = re.compile(r"\s+(?:State\s+)?(?:Department|Police|Government|Highway Patrol|"
                          r"Ministry|Premier|Governor|Emergency|Fire|Sector|Command|"
                          r"Division|Board|Authority|Agency|Service)\b")


def _state_like(m: _Mention) -> bool:
    """The name says its state or county: its namesakes are all in one country, or it
    names a state's organ ("the Texas Department of ...", "Victoria Police") and the state
    is far bigger than any namesake abroad."""
    entries = m.entries
    if _one_country(entries):
        return True
    if entries[0].alt or not _unambiguous(entries):
        return False
    # "in Alaska": a state a hundred times bigger than its namesake villages abroad, and
    # no city of its own name at home (as "Buenos Aires" and "Dhaka" have)
    top = entries[0]
    return bool(_ORGAN_AFTER.match(m.text, m.end)) or (
        top.kind == "admin1" and _unambiguous(entries, STATE_MARGIN)
        and not any(e.country_code == top.country_code and not e.is_area and not e.alt
                    for e in entries[1:]))


STATE_MARGIN = 100  # times bigger than any namesake abroad: a state name says its state


def _unambiguous(entries: tuple[Place, ...], margin: int = 10) -> bool:
    """One country's place of that name clearly dominates (by name, then population)."""
    others = [e for e in entries[1:] if e.country_code != entries[0].country_code and not e.alt]
    return not others or entries[0].population >= margin * max(1, others[0].population)


_ROUTE = re.compile(r"\b([A-Z][a-z]{2,})-([A-Z][a-z]{2,})\s+(?:[Ee]xpressway|[Mm]otorway|"
                    r"[Hh]ighway|[Rr]oad|[Rr]ailway|[Ll]ine|[Tt]rain|[Bb]us|[Ee]xpress|[Rr]oute)")


def _route_countries(text: str) -> list[str]:
    """"the Mumbai-Pune Expressway": two big cities of one country say that country, though
    neither is the scene."""
    found = []
    for m in _ROUTE.finditer(text):
        ends = [gazetteer.lookup_non_country(m.group(i)) for i in (1, 2)]
        ccs = {e[0].country_code for e in ends if e and not e[0].alt
               and e[0].population >= 100_000 and _unambiguous(e)}
        if len(ccs) == 1 and all(ends):
            found.append(ccs.pop())
    return found


def _collect(
    items: list[tuple[str, Sentence | None, float, str]], lex: _Lexicon, doc_lower: _DocLowerWords,
    lead_ids: frozenset[int] | None = None
) -> tuple[list[_Mention], Counter, Counter]:
    mentions: list[_Mention] = []
    ctx: Counter = Counter()
    texts = [_normalise(t[:MAX_CHARS]) for t, *_rest in items]
    found = [_find_countries(t, lex) for t in texts]
    local = _local_country_names(texts, found, lex)
    for (text, sentence, weight, carry), hits, norm in zip(items, found, texts, strict=True):
        lead = None
        if lead_ids is not None and sentence is not None:
            lead = sentence.is_title or sentence.index in lead_ids
        if local:
            hits = [h for h in hits if text[h[1]:h[2]] not in local]
        scan = _scan(norm, sentence, lex, doc_lower, carry, lead, hits, normalised=True)
        for cc, _a, _b, cw in scan.countries:
            ctx[cc] += weight * cw
        if "-" in norm:
            for cc in _route_countries(norm):
                ctx[cc] += 0.3 * weight
        for m in scan.mentions:
            m.weight *= weight
            mentions.append(m)
            # "in Himachal Pradesh" says India as surely as "in India" does
            if m.entries and m.weight > 0:
                top = m.entries[0]
                if top.kind in ("admin1", "county") and _state_like(m):
                    ctx[top.country_code] += 0.5 * weight
                elif not top.alt and top.population >= 100_000 and _unambiguous(m.entries):
                    # "Kabul" says Afghanistan even as a reference point
                    ctx[top.country_code] += 0.3 * weight
    states: Counter = Counter()
    for m in mentions:
        if m.state_hint and m.cc_hint:
            states[(m.cc_hint, m.state_hint)] += max(m.weight, 0.1)
        if m.entries and m.weight > 0:
            top = m.entries[0]
            if top.kind in ("admin1", "county") and _state_like(m):
                # "Fresno County" says California; "the Texas Department of ..." says Texas
                states[(top.country_code, top.admin1_code or "")] += m.weight
    return mentions, ctx, states


def _score_mentions(mentions: list[_Mention], ctx: Counter, states: Counter,
                    lex: _Lexicon) -> dict[tuple, list[_Mention]]:
    w = lex.w
    groups: dict[tuple, list[_Mention]] = defaultdict(list)
    # Names the article itself calls a province or state ("Kaduna State", "the province of
    # X"): a bare "X" elsewhere (the headline's "in Nigeria's X") means that area too.
    area_names = {gazetteer.key_of(m.surface) for m in mentions
                  if m.feature in _AREA_FEATURES and _FEATURE_LEVEL.get(m.feature or "") == 1}
    # "NARATHIWAT: ... a bomb exploded in Rueso district": a name that is a province and
    # its capital town, used only in the headline and dateline while the lead puts the
    # event in a named district, is the province.
    if any(m.scene and m.feature in _DISTRICT_NAMES and m.weight > 0 and m.sentence is not None
           and not m.sentence.is_title and m.sentence.index <= 3 for m in mentions):
        body_scene = {gazetteer.key_of(m.surface) for m in mentions
                      if m.scene and not m.dateline and m.sentence is not None
                      and not m.sentence.is_title}
        for m in mentions:
            k = gazetteer.key_of(m.surface)
            if k in body_scene or k in area_names or not m.entries:
                continue
            own = [e for e in m.entries if not e.alt and gazetteer.key_of(e.name) == k]
            if any(e.kind == "admin1" for e in own) and any(
                    not e.is_area and e.country_code == own[0].country_code for e in own):
                area_names.add(k)
    # With no country named, the countries of the other places named (even the dateline)
    # are the context an old or foreign name is checked against.
    seen_cc = Counter(m.entries[0].country_code for m in mentions
                      if m.entries and not m.entries[0].alt)
    near_cc: Counter = Counter()
    for m in mentions:
        own = {e.country_code for e in m.entries if not e.alt}
        if len(own) == 1 and m.weight > 0:
            near_cc[own.pop()] += min(1.0, m.weight)
    for m in mentions:
        # ... but not "an apartment block in X" in the text: that is the city
        area_named = (m.feature is None and gazetteer.key_of(m.surface) in area_names
                      and (not m.scene or (m.sentence is not None and m.sentence.is_title)))
        _resolve(m, ctx, states, area_named, near_cc)
        if (m.chosen is not None and m.chosen.alt and not ctx and not m.cc_hint and seen_cc
                and m.chosen.country_code not in seen_cc):
            _drop_foreign_name(m, lex)
        if (m.chosen is not None and not ctx and not m.cc_hint and not m.chosen.is_area
                and m.chosen.population < _SMALL_TOWN
                and _outnumbered(m.chosen.country_code, seen_cc)):
            # "the province of the Soum" beside four mentions of Djibo (Burkina Faso): not
            # the hamlet of Soum in Senegal, but a place the gazetteer lacks
            _drop_foreign_name(m, lex)
        if (m.chosen is not None and m.chosen.alt and ctx and m.chosen.country_code not in ctx
                and m.chosen.country_code != m.cc_hint):
            # an old or foreign name of a place in a country the article never mentions:
            # more likely a place the gazetteer lacks, in the article's country
            _drop_foreign_name(m, lex)
        score = m.weight
        if m.initial and (m.chosen is None or m.chosen.population < 100000):
            score *= w.get("sentence_initial", 0.3)
        if m.chosen is not None:
            cc = m.chosen.country_code
            if ctx:
                if cc in ctx or cc == m.cc_hint:
                    score *= w.get("country_in_context", 1.4)
                else:
                    score *= w.get("country_not_in_context", 0.45)
            if m.chosen.is_area:
                score *= w.get("area_factor" if _level(m) < 2 else "district_factor", 0.55)
            key: tuple = (gazetteer.key_of(m.chosen.name), cc, m.chosen.kind == "admin1")
            if states and m.chosen.kind != "admin1":
                own = states.get((cc, m.chosen.admin1_code or ""), 0.0)
                if any(k[0] == cc for k in states):
                    score *= 0.8 + 0.5 * own / (max(states.values()) or 1.0)
        else:
            score *= w.get("unknown_name", 0.8) * (w.get("country_in_context", 1.4) if ctx else 1)
            if m.cue_only:
                score *= w.get("cue_only_name", 0.5)
            if m.feature in _AREA_FEATURES:
                score *= w.get("area_factor" if _level(m) < 2 else "district_factor", 0.55)
            key = (gazetteer.key_of(m.surface), None, False)
        m.score = score
        m.key = key
        groups[key].append(m)
    _merge_short_names(groups)
    return groups


# Things named after the place they are at: "X Airport" says X is a place.
_NAMED_FOR_PLACE = frozenset({"airport", "airfield", "aerodrome", "station", "port", "harbour",
                              "harbor"})


_SMALL_TOWN = 20000  # people: a namesake this small abroad is more likely a place we lack
NEAR_WEIGHT = 1.0  # a tenfold population: what the one-country places around a name are worth


def _outnumbered(cc: str, seen_cc: Counter) -> bool:
    """Another country's places are named at least twice as often as this one's."""
    own = seen_cc.get(cc, 0)
    return any(n >= 2 * max(own, 1) and other != cc for other, n in seen_cc.items())


def _drop_foreign_name(m: _Mention, lex: _Lexicon) -> None:
    """An old or foreign name of a place abroad: keep it only as a name the gazetteer
    lacks, and not when a venue word follows ("Kings Restaurant")."""
    m.chosen, m.entries = None, ()
    nxt = _WORD_IN_RUN.search(m.text, m.end, m.end + 30)
    if m.weight < lex.w.get("plain_cue", 0.6) or (
        nxt is not None and nxt.group().lower() in lex.institutions
        and nxt.group().lower() not in lex.features
        and nxt.group().lower() not in _NAMED_FOR_PLACE
    ):
        m.weight = 0.0


def _merge_short_names(groups: dict[tuple, list[_Mention]]) -> None:
    """A name the gazetteer lacks that is part of a known place's name in the same article
    ("Khorasan" in the headline, "Razavi Khorasan province" in the text) is that place."""
    known = [k for k in groups if k[1] is not None and " " in k[0]]
    if not known:
        return
    for k in [k for k in groups if k[1] is None]:
        hits = [k2 for k2 in known
                if k2[0].endswith(" " + k[0]) or k2[0].startswith(k[0] + " ")]
        if len({h[0] for h in hits}) != 1:
            continue
        target = max(hits, key=lambda h: sum(m.score for m in groups[h]))
        for m in groups.pop(k):
            m.key = target
            groups[target].append(m)


class _DocLowerWords:
    """The words the article writes in lower case (`_LOWER_WORD` tokens), as a lazy set.

    Built only when asked about a word the text holds as a substring (as written, case
    and all); most names asked about never occur in lower case, so one `in` test answers.
    """

    def __init__(self, texts: list[str]) -> None:
        self._text = "\n".join(texts)  # a newline is no word character: same tokens
        self._words: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or word not in self._text:
            return False
        if self._words is None:
            self._words = frozenset(_LOWER_WORD.findall(self._text))
        return word in self._words


def extract_place(doc: Document, config: Config) -> Where:
    """The place of the main incident, with its state/province and country."""
    try:
        return _extract(doc, config)
    except Exception:  # never raise on any text  # noqa: BLE001
        return Where()


def _lead_ids(sentences: list[Sentence]) -> frozenset[int]:
    """The first body sentences that read as prose: bylines, bullets and kickers above the
    lead ("From Our Correspondent, X", "* Govt orders probe") do not push it out."""
    out: list[int] = []
    for s in sentences:
        if s.is_title:
            continue
        if s.index <= 3 or (len(s.text.split()) >= 8 and not s.text.lstrip().startswith("*")):
            out.append(s.index)
        if len(out) >= 4 and s.index > 3:
            break
    return frozenset(out)


def _extract(doc: Document, config: Config) -> Where:
    if not gazetteer.available():
        return Where()
    lex = _lexicon(config)
    sentences = doc.sentences[:MAX_SENTENCES]
    top_score = max((float(s.score or 0.0) for s in sentences), default=0.0)
    items: list[tuple[str, Sentence | None, float, str]] = []
    body_pos = 0
    prev: Sentence | None = None
    for s in sentences:
        weight = _sentence_weight(s, body_pos, lex, top_score)
        if not s.is_title:
            body_pos += 1
        carry = ""
        if (prev is not None and not prev.is_title and prev.paragraph == s.paragraph
                and not _ENDS_SENTENCE.search(prev.text)):
            carry = _normalise(prev.text[-80:])
        joined = (carry and items and items[-1][0].endswith(prev.text) and not s.background
                  and _NAME_AT_END.search(prev.text) and s.text[:1].isupper())
        prev = s
        if s.background or (body_pos > 2 and _ELSEWHERE.match(s.text)):
            continue  # "Meanwhile, in X, ...": another event's place
        if joined:
            # a hard wrap cut a name in two ("... in Kajuru Local" / "Government Area of ..."):
            # read both lines as one sentence
            text0, s0, w0, c0 = items[-1]
            items[-1] = (text0 + " " + s.text, s0, max(w0, weight), c0)
            continue
        items.append((s.text, s, weight, carry))
    doc_lower = _DocLowerWords([s.text for s in sentences])
    mentions, ctx, states = _collect(items, lex, doc_lower, _lead_ids(sentences))
    if doc.dateline:
        lead = [s for s in doc.body[:2] if not s.background]
        here = any(p.search(s.text) for s in lead for p in lex.here)
        dl_weight = lex.w.get("dateline_here" if here else "dateline", 0.7)
        dl_text = doc.dateline.strip()
        dl_key = gazetteer.key_of(dl_text)
        if any(m.reference and gazetteer.key_of(m.surface) == dl_key
               and _DISTANCE_BEFORE.search(m.text, max(0, m.start - 60), m.start)
               for m in mentions):
            # "BENI — ... struck Xyz, 25 km north of Beni": the filing city is a landmark
            dl_weight *= lex.w.get("reference_point", 0.1)
        entries = tuple(e for e in gazetteer.lookup(dl_text) if e.kind != "country")
        if entries:
            if not entries[0].alt and _unambiguous(entries):
                # the filing city's country is a weak hint for the names in the text
                ctx[entries[0].country_code] += lex.w.get("dateline_country", 0.3)
            ev = lead[0] if lead else None
            dm = _Mention(ev, ev.text if ev else dl_text, 0, 0, dl_text, entries,
                          weight=dl_weight, dateline=True)
            if ev is None or dl_text.lower() not in ev.text.lower():
                dm.text, dm.start, dm.end = dl_text, 0, len(dl_text)
            else:
                i = ev.text.lower().index(dl_text.lower())
                dm.start, dm.end = i, i + len(dl_text)
            mentions.append(dm)
    groups = _score_mentions(mentions, ctx, states, lex)
    return _where(groups, ctx, lex)


def locate(text: str, config: Config) -> Where:
    """The most specific place named in one sentence (for other incidents)."""
    try:
        if not text or not gazetteer.available():
            return Where()
        lex = _lexicon(config)
        text = text[:MAX_CHARS]
        mentions, ctx, states = _collect([(text, None, 1.0, "")], lex, _DocLowerWords([text]))
        groups = _score_mentions(mentions, ctx, states, lex)
        return _where(groups, ctx, lex)
    except Exception:  # noqa: BLE001
        return Where()
