"""Killed, injured, missing and arrested for the main incident; other incidents' tolls apart.

Each sentence is read for *mentions*: a head count linked to a casualty word, either
passively ("25 passengers were killed", "14 people dead") or actively ("killing seven",
"wounding at least 25"), a death toll ("the toll rose to 31", "put the toll at 68"), an
enumeration ("a policeman and a ranger were wounded" = 2, "both drivers" = 2, headline
"Police officer, ranger killed" = 2), a sum ("23 children and four adults" = 27), bodies
("recovered two bodies"), lives ("claimed 12 lives") or an explicit zero ("no one was hurt").
Subsets are not additions ("of the seven slain, five were police", "among the dead").

Attackers are reported apart from victims: "killing himself and two others" = 2, "four people,
including the gunman" = 3; an attacker-only toll ("killing himself") is used only when no
victim is counted. Mentions in clauses about another incident ("weeks after a blast killed 80",
"in 2008", "last year", "over the past six weeks", a past date, "Read more:" teasers, or a
sentence `context.py` marked as background) become `OtherIncident` records; superseded tolls
("earlier police had put the toll at 68") and hypotheticals ("if ..., that is 105 deaths") are
dropped.

Choosing the main toll, per category: an explicit correction ("revised the toll to 4") wins;
otherwise the largest precise figure stated in the title and the lead (the first sentences
that give any count) or in a later update ("the toll rose to", "later said"); vague figures
("dozens" = at least 24, see `data/casualties.yaml`) count only when nothing precise is
stated; a zero only when the text says so. All lexicons are in `data/casualties.yaml`.

Each count's confidence says how far to trust it: a figure stated plainly in the lead (better,
twice) ranks above a vague one, one passed over for a larger figure or contradicted by a stated
zero, one only in the headline, an inferred zero or a fallback; "not stated" is surer when no
casualty word of that kind went unread.

Speed: a sentence is read only when a keyword stem occurs in it; substring gates derived from
the rules' literal text skip regexes that cannot match; case-insensitive rules run as
lower-case rules on the lower-cased sentence (several times faster) when that cannot change a
match; the long person-noun patterns are compiled on first use.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .config import Config, compile_union
from .context import NOT_A_YEAR_AFTER, NOT_A_YEAR_BEFORE
from .document import Document, Sentence
from .models import Casualties, Count, Evidence, OtherIncident
from .numbers import (
    Figure,
    anchored,
    find_figures,
    lead_class,
    lower_safe,
    lowered,
    needles,
    parse_number,
    substring_test,
    trie_alt,
)
from .numbers import (
    Lazy as _Lazy,
)

CATEGORIES = ("killed", "injured", "missing", "arrested")
_MAX_SENTENCE = 2000
_MAX_KEYWORDS = 24
_MAX_FIGURES = 32
_MAX_MENTIONS = 200
_WORD = re.compile(r"[\w'’.-]+")
_DASH_ASIDE = re.compile(r"\s*[—–]\s*[^—–]{0,80}?[—–]\s*")
_PAREN_ASIDE = re.compile(r"\s*\([^()]{0,80}\)\s*")
_COMMA_ASIDE = re.compile(r"\s*,[^,]{0,60},\s*")
_QUOTES = re.compile(r"[\"“”‘’']")
_UNPAIRED = re.compile(r"[,;:—–()!?]|\s-\s")
_INITIAL = re.compile(r"\b\w\.")
_SPACE = re.compile(r"\s+")
_STOP = re.compile(r"[.;!?]")
_PART_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:the|all|all\s+the)?\s*", re.I)
_LIST_SPLIT = re.compile(r"\s*(?:,\s*and|,|&|\band)\s+")
_OBJECT_SPLIT = re.compile(r"\s*(?:,|&|\band)\s+")
_SUBSET_CUT = re.compile(r"\s(?:including|among\s+them|among\s+whom)\s", re.I)
_PASSIVE_AUX = re.compile(r"\b(?:were|was|are|is|been|be)\s+(?:\w+\s+)?$")
_TO_INCLUDING = re.compile(r"^[\s\w-]{0,30}?,?\s+(?=including|among)")
# "12 of the 40 passengers were killed" names the part killed; "four of the six people shot
# dead" (a participle, no auxiliary) describes the whole group.
_PARTICIPLE_GAP = re.compile(r"\b(?:were|was|are|is|have|has|had|been|being)\b", re.I)
_FINITE = re.compile(r"(?:died|dies|die|perished|succumbed|lost)\b", re.I)
_CLAUSE_END = re.compile(r"[,;:!?]|\.\s|\s(?:and|but|while|as|when)\s")


class _Hits(dict):  # type: ignore[type-arg]
    """Which of the rules' substring gates a sentence passes, each tested once, when asked."""

    def __init__(self, low: str, gates: dict[str, re.Pattern[str]]) -> None:
        super().__init__()
        self.low, self.gates = low, gates

    def __missing__(self, key: str) -> bool:
        hit = self[key] = self.gates[key].search(self.low) is not None
        return hit


@dataclass
class Mention:
    """One casualty figure read from one sentence."""

    category: str
    value: int
    sentence: Sentence
    start: int
    end: int
    kind: str = "count"  # count, toll, update, correction, bodies, attacker, zero, zero_weak
    qualifier: str | None = None
    vague: bool = False
    spans: list[tuple[int, int]] = field(default_factory=list)
    background: bool = False


@dataclass
class _Rules:
    keyword: _Lazy
    category_cache: dict[str, tuple[str | None, bool, bool]]
    keyword_lower: re.Pattern[str]
    stems: re.Pattern[str]  # search(low): one of the keyword stems occurs
    passive: dict[str, re.Pattern[str]]
    active: dict[str, re.Pattern[str]]
    bodies_only: re.Pattern[str]
    bodies_word: re.Pattern[str]
    bodies_after: _Lazy
    harm_word: re.Pattern[str]
    harm_received: re.Pattern[str]
    cause_before: _Lazy
    gap_max: int
    blockers: frozenset[str]
    attackers: frozenset[str]
    including_attacker: _Lazy
    enum_before: _Lazy
    enum_after: _Lazy
    enum_item: _Lazy
    enum_head: _Lazy
    headline_head: _Lazy
    relative_gap: _Lazy
    subset_gap: _Lazy
    headline_enum: _Lazy
    headline_object: _Lazy
    single_life: _Lazy
    fatal_share_before: _Lazy
    then_died: _Lazy
    not_a_name: frozenset[str]
    fatal_share_after: _Lazy
    fatal_share_passive: _Lazy
    another_hurt: _Lazy  # "two died and another was hospitalised"
    reflexive_after: _Lazy
    attributive_after: _Lazy
    attributive_before: _Lazy
    chain_between: _Lazy
    chain_after: _Lazy
    subset_before: list[_Lazy]
    subset_after: _Lazy
    toll: _Lazy
    injured_toll: _Lazy
    toll_link: _Lazy
    toll_update: _Lazy
    correction: _Lazy
    lives_before: list[_Lazy]
    lives_after: _Lazy
    lives_claim: _Lazy
    lives_word: _Lazy
    zero_prefilter: re.Pattern[str]
    zero_hints: re.Pattern[str]
    injured_only: tuple[str, ...]
    toll_hints: re.Pattern[str]
    zero: dict[str, list[_Lazy]]
    bg_before: list[_Lazy]
    bg_clause_before: list[_Lazy]
    bg_after: list[_Lazy]
    bg_since: re.Pattern[str]
    teaser: re.Pattern[str]
    year: re.Pattern[str]
    full_date_before: re.Pattern[str]
    month_only: re.Pattern[str]
    month_day: re.Pattern[str]
    month_names: dict[str, int]
    month_hints: re.Pattern[str]
    hypo_if: re.Pattern[str]
    hypo_modal: list[re.Pattern[str]]
    lead_sentences: int
    gates: dict[str, re.Pattern[str]]  # search(lower-cased sentence): the rule can match
    bg_after_tests: list[Callable[[str], re.Match[str] | None]]
    teaser_test: Callable[[str], re.Match[str] | None]
    lowered: _Rules | None  # the case-insensitive rules as lower-case rules, for lowered text
    all_aboard: re.Pattern[str]
    later: re.Pattern[str]
    another_person: re.Pattern[str]
    shot_only: re.Pattern[str]  # "three men were shot": hurt, when no death is named
    male_words: frozenset[str]  # "he", "husband": who a pronoun can stand for
    female_words: frozenset[str]
    aboard: list[re.Pattern[str]]
    hospital_before: _Lazy  # "sent ", "rushed " before a figure
    hospital_after: _Lazy  # " people to hospital" after it
    nth_died: _Lazy  # "a third person died"
    more_after: _Lazy  # "two more", "three others"
    more_before: _Lazy  # "another two", "a further three"


def _gate(patterns: list[re.Pattern[str]] | list[_Lazy]) -> re.Pattern[str]:
    """A substring test that is false only when none of `patterns` can match the text."""
    found: set[str] = set()
    for p in patterns:
        got = needles(p.pattern)
        if got is None:
            return substring_test([""])
        found |= got
    return substring_test(found)


def _alt(words: object) -> str:
    items = sorted({str(w).lower() for w in words}, key=lambda w: (-len(w), w))  # type: ignore[attr-defined]
    return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in items)


def _plural(word: str, irregular: dict[str, str]) -> str:
    if word in irregular:
        return irregular[word]
    if word.endswith("man") and len(word) > 4:
        return word[:-3] + "men"  # businessman, herdsman, watchman
    if word.endswith(("s", "sh", "ch", "x")):
        return word + "es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _stems(sec: dict, patterns: list[str]) -> tuple[str, ...]:
    """The prefilter's substrings: the listed stems plus the literal start of each plain
    alternative in the keyword patterns (so a user's added word is never filtered out)."""
    stems = {str(w).lower() for w in sec.get("keyword_stems", [])}
    for pattern in patterns:
        depth, start = 0, 0
        for i, char in enumerate(pattern + "|"):
            if char == "(" and pattern[i - 1:i] != "\\":
                depth += 1
            elif char == ")" and pattern[i - 1:i] != "\\":
                depth -= 1
            elif char == "|" and depth == 0:
                literal = re.match(r"[a-z]{3,}", pattern[start:i])
                if literal and not any(stem in literal.group(0) for stem in stems):
                    stems.add(literal.group(0)[:5])
                start = i + 1
    return tuple(sorted(stems)) or ("",)


def _build(config: Config) -> _Rules:
    sec = config.section("casualties")
    flags = re.IGNORECASE
    kw = sec.get("keywords", {})
    passive: dict[str, re.Pattern[str]] = {}
    active: dict[str, re.Pattern[str]] = {}
    union: list[str] = []
    for cat in CATEGORIES:
        spec = kw.get(cat, {})
        pas = [str(p) for p in spec.get("passive_patterns", [])]
        act = [str(p) for p in spec.get("active_patterns", [])]
        passive[cat] = compile_union(pas, flags)
        active[cat] = compile_union(act, flags)
        union.extend(pas + act)
    keyword = _Lazy(r"\b(?:" + "|".join(f"(?:{p})" for p in union) + r")\b", flags)
    bodies_only = compile_union(
        [str(p) for p in kw.get("killed", {}).get("bodies_only_active_patterns", [])], flags)

    irregular = {str(k).lower(): str(v).lower()
                 for k, v in sec.get("person_irregular_plurals", {}).items()}
    singular = [str(w).lower() for w in sec.get("person_nouns", [])]
    plural = {_plural(w, irregular) for w in singular} | set(irregular.values())
    sg = rf"(?:{trie_alt(singular)}|\d+-year-old)"
    pl = rf"(?:{trie_alt(plural | {'others', 'people', 'more'})})"
    adj = r"(?:[\w'’-]+\s+){0,3}?"
    num = sec.get("numbers", {})
    numw = rf"(?:\d{{1,3}}|{trie_alt([*num.get('units', {}), *num.get('tens', {})])})"
    det = (r"(?:an?|one|the|another|his|her|their|second|third|fourth|fifth|sixth|seventh"
           r"|eighth|ninth|tenth)")
    poss = r"(?:(?:his|her|their|its)\s+)?"
    # a person may carry an age: "a man, 52, and his son, 19,"
    # households: "a family of five" (5), "an elderly couple" (2)
    family_of, couple = rf"{det}\s+family\s+of\s+", rf"{det}\s+(?:[\w'’-]+\s+)?"
    household = rf"(?:{family_of}({numw})\b|{couple}(couple)\b)"  # groups: size, couple
    # "killed three workers and wounded a fourth": one more person, named by an ordinal
    nth_person = (r"an?\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
                  r"(?=\s*(?:[,.;:]|and\b|in\b|on\b|at\b|who\b|$))")
    item = (rf"(?:{family_of}{numw}\b|{couple}couple\b|{nth_person}"
            rf"|{det}\s+{adj}{sg}\b(?:\s*,\s*\d{{1,2}}\s*,(?=\s*and\s)|\s*\(\d{{1,2}}\))?"
            rf"|{poss}{numw}\s+{adj}{pl}\b)")
    # an apposition or a short phrase after the person: "A man, 24, was", "a man with a record"
    # ... or a short relative clause: "a neighbour who tried to help was treated"
    relative = r"\s+who\s+(?:[\w'’-]+\s+){1,7}?[\w'’-]+"
    # "A voter who was standing near the road, a 45-year-old woman, was hit"
    apposition = (rf"(?:(?:{relative})?\s*,(?!\s*(?:including|among|and)\b)"
                  r"(?:(?!\s*(?:and|including|among)\b)\s*[^,;:()]{1,45}?\s*,){1,3}"
                  r"|\s+(?:with|from|of|in)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+"
                  rf"|{relative})?")
    sep = r"(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+|\s*&\s*)"
    head_item = rf"(?:(?:[\w'’-]+\s+){{0,2}}?{sg}|{numw}\s+(?:[\w'’-]+\s+)?{pl})"
    enum = (rf"(?:both\s+(?:the\s+|of\s+the\s+)?(?:[\w'’-]+\s+)?{pl}\b"
            rf"|{item}(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+){item})*)")
    aux = (r"(?:was|were|is|are|has|have|had|been|being|also|later|reportedly|allegedly|"
           r"resulted|remained|left|got|"  # "the driver resulted wounded" (translated)
           r"critically|seriously|severely|badly|slightly|lightly|moderately|mildly|gravely|"
           r"fatally|both|all|then|"
           r"subsequently|each|apparently|initially|eventually|still|instantly)")

    def many(key: str, source: dict | None = None) -> list[_Lazy]:
        """One alternation per list: a single regex pass instead of one per pattern."""
        src = sec if source is None else source
        patterns = [str(p) for p in src.get(key, [])]
        return [_Lazy("|".join(f"(?:{p})" for p in patterns), flags)] if patterns else []

    bg = sec.get("background", {})
    months = [str(m).lower() for m in bg.get("months", [])]
    month_names = {}
    for m in months:
        for i, full in enumerate(months[:12]):
            if full.startswith(m):
                month_names[m] = i + 1
                break
    month_alt = _alt(months)
    zero = sec.get("zero", {})
    rules = _Rules(
        keyword=keyword,
        category_cache={},
        # lower-case text: a lookahead on the first letters skips most positions at once
        keyword_lower=re.compile((f"(?={lead})" if (lead := lead_class(keyword.pattern)) else "")
                                 + keyword.pattern),
        stems=substring_test(_stems(sec, union)),
        passive=passive,
        active=active,
        bodies_only=bodies_only,
        bodies_word=re.compile(rf"\b(?:{_alt(sec.get('bodies_words', ['bodies']))})\b", flags),
        bodies_after=_Lazy(
            rf"\s+(?:[\w-]+\s+){{0,2}}?(?:{_alt(sec.get('bodies_words', ['bodies']))})\b", flags),
        harm_word=re.compile(_alt(sec.get("injury_stems", ["injur"])), flags),
        harm_received=re.compile(rf"\b(?:{_alt(sec.get('injury_received_words', []))})\b"
                                 if sec.get("injury_received_words") else r"(?!)", flags),
        cause_before=_Lazy(
            r"\b(?:died|dies|die|dead|death|deaths|succumbed|succumbing|killed)\s+(?:[\w-]+\s+){0,4}?"
            r"(?:from|of|to)\s+(?:their|his|her|the|its)?\s*(?:[\w-]+\s+)?$", flags),
        gap_max=int(sec.get("gap_max_words", 8)),
        blockers=frozenset(str(w).lower() for w in sec.get("gap_blockers", [])),
        attackers=frozenset(str(w).lower() for w in sec.get("attacker_nouns", [])),
        including_attacker=_Lazy(
            r"\b(?:including|among\s+them)\s+(?:the\s+|a\s+|one\s+)?(?:suspected\s+|alleged\s+|lone\s+)?"
            rf"(?:{_alt(sec.get('attacker_nouns', []))}|(?:him|her)self)\b", flags),
        # "... was pulled from the car and remains in hospital": one subject, two verbs
        enum_before=_Lazy(rf"(?<![\w'’-])({enum}){apposition}\s+(?:{aux}\s+){{0,3}}"
                          r"(?:(?:[a-z]+ed|shot|hit|struck|thrown|caught|found)\s+"
                          r"(?:[\w'’-]+,?\s+){0,9}?and\s+)?$", flags),
        enum_after=_Lazy(rf"\s+({enum})", flags),
        headline_object=_Lazy(
            rf"\s+((?:[\w'’-]+\s+){{0,2}}?{sg}\b(?!['’]s)"
            rf"(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)(?:[\w'’-]+\s+){{0,2}}?{sg}\b(?!['’]s))*)", flags),
        headline_enum=_Lazy(
            rf"(?:^|[:;|–—,]\s*|\s-\s)((?:[\w'’-]+\s+){{0,2}}?{sg}"
            rf"(?:(?:\s*,\s*|\s+and\s+|\s*&\s*|\s*,\s*and\s+)(?:[\w'’-]+\s+){{0,2}}?{sg})*)"
            rf"\s+(?:(?:is|are|was|were|been|being|also)\s+)?$", flags),
        headline_head=_Lazy(
            rf"(?:^|[:|–—]\s*|\s-\s)({head_item}(?:{sep}{head_item})*){sep}$", flags),
        enum_head=_Lazy(
            rf"(?<![\w'’-])({det}\s+{adj}{sg}\b"
            rf"(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+){det}"
            rf"\s+{adj}{sg}\b)*)(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+){poss}$", flags),
        relative_gap=_Lazy(
            r"^\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+\s*,\s*(?:who|all\s+of\s+whom|most\s+of\s+whom)"
            r"\s+((?:(?:were|was|are|is|had|have|has|been|later|also|all|both)\s+)*)$", flags),
        subset_gap=_Lazy(
            r"^\s+(?:[\w'’-]+\s+){0,2}?(?:including|among\s+them|among\s+whom)\b[^,;:.]*$",
            flags),
        single_life=_Lazy(str(sec.get("single_life_pattern", "(?!)")), flags),
        not_a_name=frozenset(str(w).lower() for w in sec.get("not_a_name_words", [])),
        then_died=_Lazy(str(sec.get("then_died_pattern", "(?!)")), flags),
        fatal_share_before=_Lazy(str(sec.get("fatal_share_before_pattern", "(?!)")), flags),
        fatal_share_after=_Lazy(str(sec.get("fatal_share_after_pattern", "(?!)")), flags),
        fatal_share_passive=_Lazy(str(sec.get("fatal_share_passive_pattern", "(?!)")), flags),
        another_hurt=_Lazy(str(sec.get("another_hurt_pattern", "(?!)")), flags),
        enum_item=_Lazy(rf"\b(?:{household}|{nth_person}|{det}\s+{adj}{sg}\b"
                             rf"|({numw})\s+{adj}{pl}\b)", flags),
        reflexive_after=_Lazy(r"\s+(?:him|her|them)sel(?:f|ves)\b(?:\s+and\s+)?", flags),
        attributive_after=_Lazy(rf"\s+(?:[\w-]+\s+)?{pl}\b", flags),
        attributive_before=_Lazy(
            r"(?:^|[,;:—(]|\b(?:and|with|leaving|left|were|are|was|is|there|of|including|all|"
            r"another|also|had|have|has|than|leave|leaves|said|says|added|that|"
            # a hospital's count: "still treating 23 injured people", "received 40 injured"
            r"treating|treated|treats|received|receiving|admitted|caring\s+for|attending\s+to))\s*$",
            flags),
        chain_between=_Lazy(
            rf"^\s+(?:[\w'’-]+\s+){{0,3}}?{pl}(?:\s*,\s*and\s+|\s+and\s+)$", flags),
        chain_after=_Lazy(rf"\s+(?:[\w'’-]+\s+){{0,3}}?{pl}\b", flags),
        subset_before=many("subset_before_patterns"),
        subset_after=_Lazy(str(sec.get("subset_after_pattern", "(?!)")).lstrip("^"), flags),
        toll=_Lazy(str(sec.get("toll_pattern", "(?!)")), flags),
        injured_toll=_Lazy(str(sec.get("injured_toll_pattern", "(?!)")), flags),
        toll_link=_Lazy(str(sec.get("toll_link_pattern", "(?!)")), flags),
        toll_update=_Lazy(str(sec.get("toll_update_pattern", "(?!)")), flags),
        correction=_Lazy(str(sec.get("correction_pattern", "(?!)")), flags),
        lives_before=many("lives_patterns"),
        lives_after=_Lazy(str(sec.get("lives_after_pattern", "(?!)")).lstrip("^"), flags),
        lives_claim=_Lazy(str(sec.get("lives_before_pattern", "(?!)")), flags),
        lives_word=_Lazy(r"\b(?:lives|life)\b", flags),
        zero_hints=substring_test([str(w).lower() for w in zero.get("hints", [])] or [""]),
        injured_only=tuple(str(w).lower() for w in zero.get("injured_only_words", ["escaped"])),
        toll_hints=substring_test(
            [str(w).lower() for w in sec.get("toll_hints", [])] or [""]),
        zero_prefilter=re.compile(str(zero.get("prefilter_pattern", r"\bno\b")).lower()),
        zero={
            "both": many("both_patterns", zero),
            "killed": many("killed_patterns", zero),
            "injured": many("injured_patterns", zero),
            "arrested": many("arrested_patterns", zero),
        },
        bg_before=many("before_patterns", bg),
        bg_clause_before=many("clause_before_patterns", bg),
        bg_after=many("after_patterns", bg),
        bg_since=re.compile(str(bg.get("since_pattern", "(?!)")), flags),
        teaser=re.compile(str(bg.get("teaser_pattern", "(?!)")), flags),
        year=re.compile(rf"(?=[12])(?<![\w$,.]){NOT_A_YEAR_BEFORE}(1[89]\d\d|20\d\d)(?!\w|,\d)"
                        + NOT_A_YEAR_AFTER),
        full_date_before=re.compile(
            rf"(?:\b(?:{month_alt})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s*"
            rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{month_alt})\.?,?\s*)$", flags),
        month_only=re.compile(
            rf"\b(?:in|during|since|of)\s+(?:early\s+|late\s+|mid-?)?({month_alt})\b(?!\.?\s*\d)",
            flags),
        month_names=month_names,
        month_hints=substring_test({m[:3] for m in month_names}),
        month_day=re.compile(
            rf"\b(?:({month_alt})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)?\s+"
            rf"(?:of\s+)?({month_alt})\.?)(?![\w:])(?:,?\s*((?:19|20)\d\d)\b)?", flags),
        hypo_if=re.compile(r"\b(?:[Ii]f|[Uu]nless)\b"),
        hypo_modal=[re.compile(str(p)) for p in sec.get("hypothetical_patterns", [])],
        lead_sentences=int(sec.get("lead_sentences", 3)),
        later=re.compile(str(sec.get("later_total_pattern", "(?!)")), flags),
        another_person=re.compile(str(sec.get("another_person_pattern", "(?!)")), flags),
        shot_only=re.compile(str(sec.get("shot_only_pattern", "(?!)")), flags),
        male_words=frozenset(str(w).lower() for w in sec.get("male_words", [])),
        female_words=frozenset(str(w).lower() for w in sec.get("female_words", [])),
        all_aboard=re.compile(str(sec.get("all_aboard_pattern", "(?!)")), flags),
        aboard=[re.compile(str(p), flags) for p in sec.get("aboard_patterns", [])],
        hospital_before=_Lazy(str(sec.get("to_hospital_before_pattern", "(?!)")), flags),
        hospital_after=_Lazy(str(sec.get("to_hospital_after_pattern", "(?!)")), flags),
        nth_died=_Lazy(str(sec.get("nth_died_pattern", "(?!)")), flags),
        more_after=_Lazy(str(sec.get("more_after_pattern", "(?!)")), flags),
        more_before=_Lazy(str(sec.get("more_before_pattern", "(?!)")), flags),
        gates={},
        bg_after_tests=[],
        teaser_test=re.compile("(?!)").search,
        lowered=None,
    )
    # Cheap sentence-level tests that let the per-figure and per-mention regexes be skipped.
    rules.gates = {
        "bg_before": _gate(rules.bg_before),
        "bg_clause_before": _gate(rules.bg_clause_before),
        "bg_since": _gate([rules.bg_since]),
        "bg_after": _gate(rules.bg_after),
        "hypo_if": _gate([rules.hypo_if]),
        "hypo_modal": _gate(rules.hypo_modal),
        "lives": _gate([*rules.lives_before, rules.lives_after, rules.lives_claim]),
        "subset_before": _gate(rules.subset_before),
        "to_hospital": _gate([rules.hospital_before]),
    }
    rules.bg_after_tests = [p.match if anchored(p.pattern) else p.search
                            for p in rules.bg_after]
    teaser = rules.teaser
    rules.teaser_test = teaser.match if anchored(teaser.pattern) else teaser.search
    rules.lowered = _lowered_rules(rules)
    return rules


def _lower(p: object) -> object:
    """A case-insensitive regex as a lower-case one (compiled on first use) for lower-cased
    text; any other value as it is (an IGNORECASE regex also works on lower-cased text)."""
    if isinstance(p, list):
        return [_lower(x) for x in p]
    if isinstance(p, dict):
        return {k: _lower(v) for k, v in p.items()}
    if isinstance(p, re.Pattern):
        source, flags = p.pattern, p.flags
    elif isinstance(p, _Lazy):
        source, flags = p._pattern, p._flags
    else:
        return p
    if not flags & re.IGNORECASE:
        return p
    low = lowered(source)
    return p if low is None else _Lazy(low, flags & ~re.IGNORECASE)


def _lowered_rules(rules: _Rules) -> _Rules:
    fast = copy.copy(rules)
    for name in _LOWERED_FIELDS:
        setattr(fast, name, _lower(getattr(rules, name)))
    fast.bg_after_tests = [p.match if anchored(p.pattern) else p.search for p in fast.bg_after]
    fast.lowered = None
    return fast


# The rules `_read_sentence` and its helpers run on the sentence text. The long person-noun
# patterns (enumerations, headline lists, chains) are left case-insensitive: they run rarely,
# and a second compiled form of each would cost the cold start more than it saves.
_LOWERED_FIELDS = (
    "zero", "toll", "injured_toll", "lives_word", "cause_before", "subset_before",
    "reflexive_after", "bodies_after", "subset_after", "attributive_before",
    "including_attacker", "toll_link", "correction", "toll_update", "single_life", "another_hurt",
    "lives_before", "lives_after", "lives_claim", "relative_gap", "subset_gap",
    "bg_before", "bg_clause_before", "bg_since", "bg_after", "full_date_before", "month_day",
    "month_only", "fatal_share_before", "fatal_share_after", "fatal_share_passive", "then_died",
)


def _rules(config: Config) -> _Rules:
    return config.cached("casualties.rules", lambda: _build(config))


# ---------------------------------------------------------------------------- reading


def _strip_parentheticals(gap: str) -> str | None:
    """The gap without paired asides (", including two children," / "— a ranger —");
    None when an unpaired comma or dash remains (the figure belongs to another clause)."""
    gap = _DASH_ASIDE.sub(" ", gap)
    gap = _PAREN_ASIDE.sub(" ", gap)
    gap = _COMMA_ASIDE.sub(" ", gap)
    gap = _QUOTES.sub(" ", gap)
    if _UNPAIRED.search(gap):
        return None
    return gap


def _gap_ok(gap: str, rules: _Rules) -> tuple[bool, bool]:
    """(the figure reaches the casualty word through `gap`, the gap names an attacker)."""
    stripped = _strip_parentheticals(gap)
    if stripped is None or "." in _INITIAL.sub("", stripped):
        return False, False
    words = [w.lower() for w in _WORD.findall(stripped)]
    if len(words) > rules.gap_max:
        return False, False
    if any(w in rules.blockers for w in words):
        return False, False
    attacker = any(w in rules.attackers for w in words)
    return True, attacker


def _category(text: str, rules: _Rules) -> tuple[str | None, bool, bool]:
    """(category, passive form, active form) of a casualty word; memoised per rule set."""
    key = text.lower()
    found = rules.category_cache.get(key)
    if found is None:
        if len(rules.category_cache) > 4096:
            rules.category_cache.clear()
        found = rules.category_cache[key] = _category_of(key, rules)
    return found


def _category_of(text: str, rules: _Rules) -> tuple[str | None, bool, bool]:
    for cat in CATEGORIES:
        p = bool(rules.passive[cat].fullmatch(text))
        a = bool(rules.active[cat].fullmatch(text))
        if p or a:
            return cat, p, a
    return None, False, False


def _figure_at(figures: list[Figure], pos: int) -> Figure | None:
    for f in figures:
        begin = f.qualifier_start if f.qualifier_start is not None else f.start
        if begin == pos or f.start == pos:
            return f
        if begin > pos:
            break
    return None


def _chain_right(text: str, first: Figure, figures: list[Figure], rules: _Rules,
                 keywords: list[tuple[int, int]]) -> tuple[int, int]:
    """Sum "11 soldiers and three civilians": (total, end of the last figure)."""
    total, last = first.value, first
    for f in figures:
        if f.start <= last.end:
            continue
        begin = f.qualifier_start if f.qualifier_start is not None else f.start
        if not rules.chain_between.match(text[last.end:begin]):
            break
        after = rules.chain_after.match(text, f.end)
        if not after:
            break
        tail_kw = next((k for k in keywords if k[0] >= f.end), None)
        if tail_kw and tail_kw[0] - after.end() < 25:
            break  # "... and 5 others were wounded": the second figure has its own word
        total += f.value
        last = f
    return total, last.end


def _begin(fig: Figure) -> int:
    return fig.qualifier_start if fig.qualifier_start is not None else fig.start


def _part_of(text: str, fig: Figure, figures: list[Figure]) -> Figure | None:
    """The figure before "of the 40 ..." when the count is a part of a larger group."""
    begin = _begin(fig)
    for prev in figures:
        if prev.end < begin and _PART_OF.fullmatch(text[prev.end:begin]):
            return prev
    return None


_SUBSET_GAP = re.compile(r"\bof\s+(?:them|whom)\b", re.IGNORECASE)
_BODIES_OF = re.compile(r"\b(?:bodies|corpses|remains)\s+of\s+$", re.IGNORECASE)


def _chain_left(text: str, fig: Figure, figures: list[Figure],
                rules: _Rules) -> tuple[int, int, str | None]:
    """Sum "23 children and four adults were killed": (total, start of the first figure)."""
    total, first = fig.value, fig
    index = next((i for i, f in enumerate(figures) if f is fig), 0)
    while index > 0:
        prev = figures[index - 1]
        begin = first.qualifier_start if first.qualifier_start is not None else first.start
        gap = text[prev.end:begin]
        if prev.vague or not rules.chain_between.match(gap) or _SUBSET_GAP.search(gap) \
                or _BODIES_OF.search(text, max(0, prev.start - 16), prev.start):
            # "five bodies, three of them fighters, and 12 wounded", "received the bodies of
            # 31 people and 44 wounded": the first figure is another count, not a part
            break
        total += prev.value
        first = prev
        index -= 1
    begin = first.qualifier_start if first.qualifier_start is not None else first.start
    return total, begin, first.qualifier


def _shot_only(doc: Document, rules: _Rules, config: Config, lead: set[int]) -> Mention | None:
    """"Three men were shot outside a nightclub" in a report that names no death and no
    injury: three hurt (a shooting's dead are always said to be dead)."""
    opening = {s.index for s in doc.body[:rules.lead_sentences]} | lead
    for sentence in doc.sentences:
        if sentence.background or (sentence.index not in opening and not sentence.is_title):
            continue
        m = rules.shot_only.search(sentence.text)
        if m is None:
            continue
        parsed = parse_number(m.group("n"), config)
        if parsed is not None and 0 < parsed[0] < 1000:
            return Mention("injured", parsed[0], sentence, m.start(), m.end(), "count",
                           spans=[m.span()])
    return None


def _gender(phrase: str, rules: _Rules) -> str | None:
    """"m", "f" or None (unknown) for a person phrase: "her husband" is "m"."""
    words = {w.lower() for w in _WORD.findall(phrase)}
    male, female = bool(words & rules.male_words), bool(words & rules.female_words)
    return "m" if male and not female else ("f" if female and not male else None)


def _enum_count(phrase: str, rules: _Rules, comma_after: bool = False) -> int:
    """People in "a policeman and a ranger" (2), "the driver and two passengers" (3)."""
    return sum(_enum_split(phrase, rules, comma_after))


def _enum_split(phrase: str, rules: _Rules, comma_after: bool = False) -> tuple[int, int]:
    """(victims, attackers) in a list: "two hostages and the gunman" is (2, 1).

    `comma_after`: a comma follows the phrase in its sentence (an appositive may end it)."""
    if phrase.lower().startswith("both"):
        return 2, 0
    victims = attackers = 0
    previous: re.Match[str] | None = None
    for m in rules.enum_item.finditer(phrase):
        if previous is not None and _APPOSITIVE_ITEM.match(m.group(0)) \
                and len(m.group(0).split()) >= 3 \
                and _DEFINITE_ITEM.match(previous.group(0)) \
                and phrase[previous.end():m.start()].strip() == "," \
                and (phrase[m.end():].lstrip()[:1] == "," or (
                    comma_after and not phrase[m.end():].strip())):
            # "the pilot, an Australian national, and five passengers": the pilot (but "the
            # driver, a conductor, and ..." is a list)
            continue
        previous = m
        family_size, couple, figure = m.groups()
        if family_size or figure:
            parsed = parse_number(family_size or figure)
            value = parsed[0] if parsed else 0
        else:
            value = 2 if couple else 1
        if any(w.lower() in rules.attackers for w in _WORD.findall(m.group(0))):
            attackers += value
        else:
            victims += value
    return victims, attackers


_NAMED_SUBJECT = re.compile(
    r"(?:^|[.;:,]\s+|\b(?:and|said|says|that)\s+)([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2})\s+"
    r"(?:was|has\s+been|had\s+been)\s+(?:[a-z]+ly\s+)?$")
_PRONOUN_SUBJECT = re.compile(r"(?:^|[.;:]\s+|\b(?:and|but)\s+)[\"“]?(He|She)\s+"
                              r"(?:(?:was|has\s+been|had\s+been)\s+)?(?:[a-z]+ly\s+)?$")
_APPOSITIVE_ITEM = re.compile(r"an?\s", re.IGNORECASE)
_DEFINITE_ITEM = re.compile(r"(?:the|his|her|their)\s", re.IGNORECASE)


def _enum_mention(phrase: str, rules: _Rules) -> tuple[int, str]:
    """(value, kind) of a list of people: its victims, or its attackers when that is all."""
    victims, attackers = _enum_split(phrase, rules)
    return (victims, "enum") if victims else (attackers, "attacker")


def _headline_count(phrase: str, config: Config | None) -> int:
    """People in a headline list without articles: "Father, 3 daughters" (4)."""
    total = 0
    for part in _LIST_SPLIT.split(phrase):
        first = part.split()[0] if part.split() else ""
        parsed = parse_number(first, config) if first[:1].isdigit() or first.isalpha() else None
        total += parsed[0] if parsed and not parsed[1] and parsed[0] > 0 else 1
    return total


def _link_before(text: str, ks: int, ke: int, cat: str, word: str, prev_kw_end: int,
                 figures: list[Figure], used: set[int], rules: _Rules, add: Callable[..., None],
                 is_active: bool = False, title: bool = False, orig: str | None = None) -> bool:
    """Link the casualty word at ks..ke to a figure before it; True when linked. `text` may
    be the lower-cased sentence (with `rules.lowered`); `orig` is then the sentence itself."""
    candidates = [f for f in figures if prev_kw_end <= f.start and f.end <= ks][-3:]
    attributive = cat in ("killed", "injured") and \
        rules.attributive_after.match(text, ke) is not None
    for n, fig in reversed(list(enumerate(candidates))):
        if id(fig) in used:
            return False
        if n > 0 and rules.subset_gap.match(text[candidates[n - 1].end:_begin(fig)]):
            continue  # "seven people including six children were killed": the part
        gap = text[fig.end:ks]
        ok, attacker = _gap_ok(gap, rules)
        cut = None if ok else _SUBSET_CUT.search(gap)
        if cut:  # "seven persons including six children were killed": the total
            ok, attacker = _gap_ok(gap[:cut.start() + 1], rules)
        if not ok:
            relative = rules.relative_gap.match(gap)  # "five workers, who suffered burns,"
            ok = relative is not None and (not is_active or bool(relative.group(1)))
            attacker = False
        if not ok:
            continue
        value, begin, qualifier = _chain_left(text, fig, figures, rules)
        part = _part_of(text, fig, figures)
        if part is not None and not _PARTICIPLE_GAP.search(gap) and not _FINITE.match(word):
            part = None  # "the funeral of four of the six people shot dead": the six
        if part is not None:  # "12 of the 40 passengers were killed": 12
            fig, value, begin, qualifier = part, part.value, _begin(part), part.qualifier
        extra = rules.enum_head.search(text, max(0, begin - 80), begin)
        bare = extra is None and title  # "Father, 3 daughters killed"
        if bare:
            extra = rules.headline_head.search(text, max(0, begin - 80), begin)
        if extra is not None and any(0 <= extra.start(1) - f.end <= 2 or (
                extra.start(1) <= f.start and f.end <= extra.end(1)) for f in figures):
            extra = None  # "the bodies of 31 people and 44 wounded": another figure's phrase
        if extra and not any(w.lower() in rules.attackers for w in _WORD.findall(extra.group(1))):
            value += _headline_count((orig or text)[extra.start(1):extra.end(1)], config=None) \
                if bare else \
                _enum_count(extra.group(1), rules, text[extra.end(1):begin].lstrip()[:1] == ",")
            begin = extra.start(1)
        if attributive and not rules.attributive_before.search(text[max(0, begin - 25):begin]):
            return False  # "helped pull 40 injured people": not a toll
        if value > 1 and rules.including_attacker.search(text[fig.end:ks]):
            value -= 1  # "four people, including the gunman, were killed": three victims
            attacker = False
        kind = "attacker" if attacker else (
            "bodies" if rules.bodies_word.fullmatch(word) else "count")
        add(cat, value, fig, begin, ke, kind, [(begin, fig.end), (ks, ke)], qualifier)
        used.add(id(fig))
        return True
    return False


def _enum_before(text: str, ks: int, ke: int, cat: str, prev_kw_end: int, rules: _Rules,
                 add: Callable[..., None]) -> bool:
    if rules.subset_after.match(text, ke):
        return False  # "the dead included ..."
    m = rules.enum_before.search(text, max(prev_kw_end, ks - 120), ks)
    if not m or any(p.search(text[max(0, m.start(1) - 30):m.start(1)])
                    for p in rules.subset_before):
        return False
    phrase = m.group(1)
    count, kind = _enum_mention(phrase, rules)
    if not count:
        return False
    nth = _NTH.match(phrase) if cat == "killed" else None
    if nth and count == 1 and kind == "enum":
        count = _ORDINALS[nth.group(1).lower()]  # "a fourth victim died": the toll is four
    add(cat, count, None, m.start(1), ke, kind, [(m.start(1), m.end(1)), (ks, ke)])
    return True


def _add_more(out: list[Mention], text: str, rules: _Rules) -> None:
    """A figure of "more" or "others" in the same sentence and category as an earlier one
    adds to it: "Three died at the scene and two more died in hospital" = 5."""
    if len(out) < 2:
        return
    firsts: dict[str, Mention] = {}
    for m in sorted(out, key=lambda m: m.start):
        if m.category not in ("killed", "injured") or m.kind not in ("count", "enum") \
                or m.vague or not m.spans:
            continue
        begin, end = m.spans[0]
        extra = rules.more_after.match(text, end) or rules.more_before.search(
            text, max(0, begin - 16), end)
        first = firsts.get(m.category)
        if extra and first is not None and first.end <= begin:
            m.value += first.value
            m.spans = [*first.spans, *m.spans]
            m.start = first.start
            first.value = m.value  # both now carry the total
        elif first is None:
            firsts[m.category] = m


def _read_sentence(sentence: Sentence, rules: _Rules, config: Config,
                   cues: dict[str, int] | None = None) -> list[Mention]:
    text = sentence.text[:_MAX_SENTENCE]
    out: list[Mention] = []
    low = text.lower()
    if not rules.stems.search(low):
        return out
    # Case-insensitive rules run much faster as lower-case rules on the lower-cased text
    # (same positions); the original text is kept for what reads case or is returned.
    fast = lower_safe(text, low)
    R = rules.lowered if fast and rules.lowered is not None else rules
    src = low if R is not rules else text
    if rules.zero_hints.search(low) and rules.zero_prefilter.search(low):
        for cat, patterns in R.zero.items():
            for p in patterns:
                m = p.search(src)
                if m:
                    targets = ("killed", "injured") if cat == "both" else (cat,)
                    for target in targets:
                        out.append(Mention(target, 0, sentence, m.start(), m.end(),
                                           kind="zero_both" if cat == "both" else "zero",
                                           spans=[m.span()]))
                    if cat == "injured" and not any(
                            map(m.group(0).lower().__contains__, rules.injured_only)):
                        out.append(Mention("killed", 0, sentence, m.start(), m.end(),
                                           kind="zero_weak", spans=[m.span()]))
                    break
    if len(low) == len(text):  # lower-case matching is much faster than IGNORECASE
        keywords = [(m.start(), m.end()) for m in rules.keyword_lower.finditer(low)]
    else:
        keywords = [(m.start(), m.end()) for m in rules.keyword.finditer(text)]
    tolls = (list(R.toll.finditer(src)) + list(R.injured_toll.finditer(src))
             if rules.toll_hints.search(low) else [])
    to_hospital = ("hospital" in low or "treat" in low) and \
        rules.gates["to_hospital"].search(low) is not None
    fatal_share = "fatally" in low or "mortally" in low or ("killing" in low and " of " in low)
    if not keywords and not tolls and not to_hospital and not fatal_share and \
            not R.lives_word.search(src):
        return out
    # Cap the work on pathological text (a real sentence has a handful of each).
    keywords, tolls = keywords[:_MAX_KEYWORDS], tolls[:_MAX_KEYWORDS]
    figures = find_figures(text, config)[:_MAX_FIGURES]
    used: set[int] = set()
    subset_possible = rules.gates["subset_before"].search(low) is not None

    def add(cat: str, value: int, fig: Figure | None, begin: int, end: int, kind: str,
            spans: list[tuple[int, int]], qualifier: str | None = None) -> None:
        if cat == "arrested" and kind == "attacker":
            kind = "count"  # suspects are who gets arrested
        out.append(Mention(cat, value, sentence, begin, end, kind=kind,
                           qualifier=qualifier or (fig.qualifier if fig else None),
                           vague=fig.vague if fig else False, spans=spans))

    for i, (ks, ke) in enumerate(keywords):
        word = text[ks:ke]
        cat, is_passive, is_active = _category(word, rules)
        if cat is None:
            continue
        if cues is not None:
            cues[cat] = cues.get(cat, 0) + 1
        before = src[max(0, ks - 40):ks]
        if cat == "injured" and rules.harm_word.search(word) and \
                R.cause_before.search(before) and not rules.harm_received.search(word):
            continue
        if cat == "injured" and R.then_died.match(src, ke):
            continue  # "received multiple bullet wounds and died on the spot": dead, not hurt
        passive_ok = is_passive and not (subset_possible and any(
            p.search(before) for p in R.subset_before))
        bodies_word = bool(rules.bodies_only.fullmatch(word))
        prev_kw_end = keywords[i - 1][1] if i > 0 else 0
        # "3 gunmen killed 5 people": a figure right after an active word is its object, and
        # the one before is its subject, unless the clause is passive ("25 were killed 2 ...")
        if passive_ok and is_active:
            ws = _SPACE.match(text[ke:ke + 5])
            after_fig = _figure_at(figures, ke + (ws.end() if ws else 0))
            adjacent = any(ks - 2 <= f.end <= ks for f in figures)  # "7 killed 3 injured"
            if after_fig is not None and id(after_fig) not in used and not adjacent and \
                    not _PASSIVE_AUX.search(text[max(prev_kw_end, ks - 40):ks]):
                passive_ok = False
        # 1. a figure before the word: "25 passengers were killed"
        if passive_ok and _link_before(src, ks, ke, cat, word, prev_kw_end, figures, used,
                                       R, add, is_active,
                                       sentence.is_title or getattr(sentence, "is_heading", False),
                                       text):
            continue
        # 2. a figure right after the word: "killing seven people", "killing himself and two"
        reflexive = R.reflexive_after.match(src, ke) if is_active else None
        if is_active:
            pos = reflexive.end() if reflexive else ke
            ws = _SPACE.match(text[pos:pos + 5])
            start = pos + (ws.end() if ws else 0)
            fig = _figure_at(figures, start)
            if fig is not None and id(fig) not in used:
                bodies = R.bodies_after.match(src[fig.end:fig.end + 40]) if bodies_word \
                    else None
                if bodies_word and bodies is None:
                    continue
                total, end = _chain_right(src, fig, figures, R, keywords)
                if bodies is not None:
                    end = max(end, fig.end + bodies.end())
                used.add(id(fig))
                if total > 1 and rules.including_attacker.match(
                        _TO_INCLUDING.sub("", text[end:end + 60])):
                    total -= 1  # "killing four people, including the bomber"
                noun = _WORD.findall(text[fig.end:fig.end + 40])[:3]
                kind = "bodies" if bodies_word else (
                    "attacker" if any(w.lower() in rules.attackers for w in noun) else "count")
                add(cat, total, fig, ks, end, kind, [(ks, ke), (start, end)])
                continue
        if bodies_word:
            continue
        # "the dead included four children and two teachers": who they were, which gives
        # the toll only where the article states no figure of its own (see `_choose`)
        subset = R.subset_after.match(src, ke) if cat in ("killed", "injured") else None
        listed = R.enum_after.match(src, subset.end()) if subset is not None else None
        if listed is not None:
            count = _enum_count(listed.group(1), R)
            if count:
                add(cat, count, None, ks, listed.end(1), "subset",
                    [(ks, ke), (listed.start(1), listed.end(1))], "at least")
            continue
        # 3. people named before the word: "a policeman and a ranger were wounded"
        if passive_ok and _enum_before(src, ks, ke, cat, prev_kw_end, R, add):
            continue
        # ... or one person by name: "Jaylen was killed and five others were wounded"
        named = _NAMED_SUBJECT.search(text, max(prev_kw_end, ks - 60), ks) \
            if passive_ok and cat in ("killed", "injured") else None
        if named is not None and named.group(1).split()[0].lower() not in rules.not_a_name:
            add(cat, 1, None, named.start(1), ke, "enum", [(named.start(1), ke)])
            continue
        # "He was shot in the shoulder as he fled": one person hurt, though not named; a
        # pronoun adds no one to single people named elsewhere (see `_people_sum`)
        pronoun = _PRONOUN_SUBJECT.search(text, max(prev_kw_end, ks - 40), ks) \
            if passive_ok and cat == "injured" else None
        if pronoun is not None:
            add(cat, 1, None, pronoun.start(1), ke, "enum", [(pronoun.start(1), ke)])
            continue
        # headlines drop articles: "Police officer, ranger killed in ambush"
        if passive_ok and (sentence.is_title or getattr(sentence, "is_heading", False)):
            m = R.headline_enum.search(src, max(prev_kw_end, ks - 80), ks)
            if m:
                phrase = text[m.start(1):m.end(1)]
                count = len(_LIST_SPLIT.split(phrase))
                attacker = any(w.lower() in rules.attackers for w in _WORD.findall(phrase))
                add(cat, count, None, m.start(1), ke, "attacker" if attacker else "enum",
                    [(m.start(1), m.end(1)), (ks, ke)])
                continue
        # headlines: "Blast kills policeman in Kabul"
        if is_active and sentence.is_title and reflexive is None:
            m = R.headline_object.match(src, ke)
            if m:
                phrase = text[m.start(1):m.end(1)]
                attacker = any(w.lower() in rules.attackers for w in _WORD.findall(phrase))
                count = len(_OBJECT_SPLIT.split(phrase))
                add(cat, count, None, ks, m.end(1), "attacker" if attacker else "enum",
                    [(ks, ke), (m.start(1), m.end(1))])
                continue
        # 4. people named after it: "killing a policeman and a ranger", "killing himself"
        if is_active:
            if reflexive is not None and \
                    not text[reflexive.start():reflexive.end()].rstrip().endswith("and"):
                add(cat, 1, None, ks, reflexive.end(), "attacker", [(ks, reflexive.end())])
                continue
            m = R.enum_after.match(src, reflexive.end() - 1 if reflexive else ke)
            if m:
                phrase = m.group(1)
                count, kind = _enum_mention(phrase, R)
                if reflexive:  # "killing himself and two others": the others are victims
                    count, kind = _enum_count(phrase, R), "enum"
                if count:
                    add(cat, count, None, ks, m.end(1), kind, [(ks, ke), (m.start(1), m.end(1))])
            elif reflexive is not None:
                add(cat, 1, None, ks, reflexive.end(), "attacker", [(ks, reflexive.end())])

    # "the death toll rose to 31", "put the toll at 68", "death toll 12"
    for t in tolls:
        cat = "injured" if R.injured_toll.fullmatch(t.group(0)) else "killed"
        for fig in figures:
            if fig.start < t.end() or id(fig) in used:
                continue
            begin = fig.qualifier_start if fig.qualifier_start is not None else fig.start
            if begin - t.end() > 150:
                break
            between = src[t.end():begin]
            if _STOP.search(between) or R.toll.search(between):
                break
            if not (R.toll_link.search(between) or not between.strip()):
                continue
            window = src[max(0, t.start() - 40):begin]
            kind = "correction" if R.correction.search(window) else (
                "update" if R.toll_update.search(window) else "toll")
            used.add(id(fig))
            add(cat, fig.value, fig, t.start(), fig.end, kind, [t.span(), (begin, fig.end)])
            break

    # "sent 12 people to hospital", "paramedics took five to hospital"
    for fig in figures if to_hospital else ():
        if id(fig) in used:
            continue
        begin = _begin(fig)
        lead_in = rules.hospital_before.search(text, max(0, begin - 20), begin)
        to = rules.hospital_after.match(text, fig.end) if lead_in else None
        if lead_in is not None and to is not None:
            used.add(id(fig))
            add("injured", fig.value, fig, lead_in.start(), to.end(), "count",
                [(lead_in.start(), to.end())])

    # "stabbed three people, one fatally": one killed and two hurt
    def add_share(hit: int, dead: tuple[int, bool] | None, span: tuple[int, int],
                  qualifier: str | None = None) -> bool:
        if dead is None or not 0 < dead[0] <= hit:
            return False
        add("killed", dead[0], None, *span, "count", [span])
        if hit > dead[0]:
            add("injured", hit - dead[0], None, *span, "count", [span], qualifier)
        return True

    for fig in figures if fatal_share else ():
        if id(fig) in used:
            continue
        begin = _begin(fig)
        verb = R.fatal_share_before.search(src, max(0, begin - 25), begin)
        share = R.fatal_share_after.match(src, fig.end) if verb is not None else None
        if share is not None and add_share(
                fig.value, parse_number(share.group(1) or share.group(2), config),
                (verb.start(), share.end()), fig.qualifier):
            used.add(id(fig))
    passive = R.fatal_share_passive.search(src) if fatal_share else None
    hit = parse_number(passive.group("hit"), config) if passive is not None else None
    if passive is not None and hit is not None:  # "Four people were shot, one fatally"
        add_share(hit[0], parse_number(passive.group("dead"), config), passive.span())

    # "a third victim died": the toll is three
    nth = rules.nth_died.search(text) if ("die" in low or "succumb" in low) and any(
        o in low for o in _ORDINALS) else None
    if nth is not None:
        add("killed", _ORDINALS[nth.group(1).lower()], None, nth.start(), nth.end(), "count",
            [nth.span()])

    # "three died at the scene and two more in hospital": one toll of five
    _add_more(out, text, rules)

    # "five died and another was hospitalised": one injured
    other = R.another_hurt.search(src) if "another" in low else None
    if other is not None:
        add("injured", 1, None, other.start(), other.end(), "enum", [other.span()])

    # "claimed another life"
    single = R.single_life.search(src) if "life" in low else None
    if single:
        add("killed", 1, None, single.start(), single.end(), "enum", [single.span()])

    # "claimed 12 lives", "the bodies of six men"
    for fig in figures if rules.gates["lives"].search(low) else ():
        if id(fig) in used:
            continue
        begin = fig.qualifier_start if fig.qualifier_start is not None else fig.start
        offset = max(0, begin - 40)
        head = src[offset:begin]
        lead_in = next((m for p in R.lives_before for m in [p.search(head)] if m), None)
        lives = R.lives_after.match(src, fig.end) if lead_in is None else None
        if lead_in is None and lives is not None:
            lead_in = R.lives_claim.search(head)
        if lead_in is not None:
            kind = "bodies" if rules.bodies_word.search(head) else "count"
            used.add(id(fig))
            first = offset + lead_in.start()
            last = lives.end() if lives is not None else fig.end
            add("killed", fig.value, fig, first, last, kind, [(first, last)])
    return out


# ---------------------------------------------------------------------------- context


def _year_is_past(year: int, published: dt.date | None, ref_year: int | None = None) -> bool:
    """Before the publication year; without one, before the latest year the lead mentions."""
    if published is not None:
        return year < published.year
    return ref_year is None or year < ref_year


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _is_background(m: Mention, rules: _Rules, published: dt.date | None,
                   title: str | None = None, ref_year: int | None = None,
                   hits: _Hits | None = None) -> bool:
    s = m.sentence
    gates = _Hits(s.text.lower(), rules.gates) if hits is None else hits
    if rules.teaser_test(s.text):
        return True
    if s.background and not (title and _norm(s.text) and _norm(s.text) in _norm(title)):
        return True  # a repeat of the headline in the body is still the main story
    text = s.text[:_MAX_SENTENCE]
    # the case-insensitive rules as lower-case ones on the lower-cased sentence, when safe
    low = gates.low[:_MAX_SENTENCE]
    fast = rules.lowered is not None and lower_safe(text, low)
    B = rules.lowered if fast and rules.lowered is not None else rules
    src = low if fast else text
    prefix = src[:m.start]
    if gates["bg_before"] and any(p.search(prefix) for p in B.bg_before):
        return True
    if gates["bg_clause_before"] and any(
            p.search(prefix[-300:]) for p in B.bg_clause_before):
        return True
    if gates["bg_since"] and B.bg_since.search(prefix):
        return True
    tail = text[m.end:m.end + 160]
    if gates["bg_after"] and any(test(src[m.end:m.end + 160]) for test in B.bg_after_tests):
        return True
    clause_end = _CLAUSE_END.search(tail)
    after_clause = tail[:clause_end.start()] if clause_end else tail
    for y in rules.year.finditer(text):
        if y.start() >= m.start and y.start() < m.end:
            continue
        in_prefix = y.end() <= m.start
        in_after = m.end <= y.start() < m.end + len(after_clause)
        if not (in_prefix or in_after):
            continue
        if B.full_date_before.search(src[max(0, y.start() - 30):y.start()]):
            continue
        if _year_is_past(int(y.group(1)), published, ref_year):
            return True
    if not rules.month_hints.search(low if fast else text.lower()):
        return False
    if published is not None:
        for md in B.month_day.finditer(src):
            in_prefix = md.end() <= m.start
            in_after = m.end <= md.start() < m.end + len(after_clause)
            if not (in_prefix or in_after):
                continue
            days = _days_before(md, rules, published)
            if days is not None and days > 14:
                return True
    for mo in B.month_only.finditer(src):
        in_prefix = mo.end() <= m.start
        in_after = m.end <= mo.start() < m.end + len(after_clause)
        if not (in_prefix or in_after):
            continue
        month = rules.month_names.get(mo.group(1).lower().rstrip("."))
        if published is None or (month is not None and month != published.month):
            return True
    return False


def _days_before(md: re.Match[str], rules: _Rules, published: dt.date) -> int | None:
    """How many days before `published` a "January 31" / "31 January 2019" date falls."""
    name = (md.group(1) or md.group(4) or "").lower()
    month = rules.month_names.get(name)
    try:
        day = int(md.group(2) or md.group(3))
        year = int(md.group(5)) if md.group(5) else published.year
        date = dt.date(year, month, day) if month else None
        if date is not None and not md.group(5) and date > published:
            date = dt.date(year - 1, month, day)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return (published - date).days if date is not None else None


def _is_hypothetical(m: Mention, rules: _Rules, hits: _Hits | None = None) -> bool:
    text = m.sentence.text[:_MAX_SENTENCE]
    gates = _Hits(text.lower(), rules.gates) if hits is None else hits
    if gates["hypo_if"] and rules.hypo_if.search(text[:m.start]):
        return True
    if not gates["hypo_modal"]:
        return False
    clause_start = max(text.rfind(",", 0, m.start), text.rfind(";", 0, m.start)) + 1
    window = text[clause_start:m.end]
    return any(p.search(window) for p in rules.hypo_modal)


# ---------------------------------------------------------------------------- choosing


def _choose(mentions: list[Mention], lead: set[int]) -> Mention | None:
    """The main toll of one category among foreground mentions."""
    if not mentions:
        return None
    corrections = [m for m in mentions if m.kind == "correction"]
    if corrections:
        return corrections[-1]
    positive = [m for m in mentions if not m.kind.startswith("zero")]
    victims = [m for m in positive if m.kind not in ("attacker", "subset")] or [
        m for m in positive if m.kind == "subset"]
    precise = [m for m in victims if not m.vague]
    pool = precise or victims
    if pool:
        in_lead = [m for m in pool if m.sentence.index in lead or m.kind == "update"]
        pool = in_lead or pool
        rank = {"count": 3, "enum": 3, "update": 3, "toll": 3, "bodies": 2, "sum": 2}
        return max(pool, key=lambda m: (m.value, rank.get(m.kind, 1), not m.sentence.is_title,
                                        -m.sentence.index))
    attackers = [m for m in positive if m.kind == "attacker"]
    if attackers:
        return max(attackers, key=lambda m: m.value)
    zeros = [m for m in mentions if m.kind in ("zero", "zero_both")] or [
        m for m in mentions if m.kind == "zero_weak"]
    return zeros[0] if zeros else None


_BASE = {"correction": 0.9, "update": 0.85, "toll": 0.85, "count": 0.85, "enum": 0.75, "sum": 0.6,
         "bodies": 0.6, "attacker": 0.45, "zero": 0.7, "zero_both": 0.65, "zero_weak": 0.3}


def _confidence(m: Mention | None, pool: list[Mention], lead: set[int], cues: int) -> float:
    """How far to trust the answer. A figure stated plainly in the lead (better: twice) is
    trusted; a vague one, one passed over for a larger or a zero figure, one only in the
    headline, an inferred zero or a fallback (attackers only, a detail past the lead) less.
    No figure is a safer answer when no casualty word of that kind was left unread."""
    if m is None:
        return 0.6 if cues == 0 else 0.2
    others = [o for o in pool if o is not m]
    base = _BASE.get(m.kind, 0.5)
    if m.kind.startswith("zero"):
        if any(o.kind == "attacker" for o in others):
            base -= 0.2  # "the gunman was killed" beside "no one else was hurt"
        return round(max(0.05, min(1.0, base)), 3)
    if m.vague:
        base = min(base, 0.35)
    if m.sentence.index not in lead and m.kind not in ("update", "correction"):
        base -= 0.15
    body = [o for o in others if not o.sentence.is_title]
    if m.sentence.is_title and not any(o.value == m.value for o in body):
        base -= 0.2  # only the headline says so
    if any(o.value == m.value and o.sentence.index != m.sentence.index
           and not o.kind.startswith("zero") for o in others):
        base += 0.1  # stated twice
    if any(o.value > m.value and not o.vague and o.kind not in ("attacker",)
           and not o.kind.startswith("zero") for o in others):
        base -= 0.2  # a larger figure was passed over
    if any(o.kind in ("zero", "zero_both") for o in others):
        base -= 0.3  # the text also says there were none
    return round(max(0.05, min(1.0, base)), 3)


def _count(m: Mention | None, pool: list[Mention], lead: set[int], cues: int) -> Count:
    confidence = _confidence(m, pool, lead, cues)
    if m is None:
        return Count(confidence=confidence)
    text = m.sentence.text[m.start:m.end]
    return Count(
        value=m.value,
        qualifier=m.qualifier,
        text=text,
        confidence=confidence,
        evidence=Evidence(m.sentence.text, list(m.spans)),
    )


def _all_aboard(doc: Document, rules: _Rules, config: Config) -> Mention | None:
    """"killing all on board": everyone aboard, counted where the article says how many."""
    hit = next(((s, m) for s in doc.sentences if not s.background
                and ("board" in s.text or "survivors" in s.text)
                for m in [rules.all_aboard.search(s.text[:_MAX_SENTENCE])] if m), None)
    if hit is None:
        return None
    sentence, match = hit
    for s in doc.sentences:
        for pattern in rules.aboard:
            found = pattern.search(s.text[:_MAX_SENTENCE])
            if not found:
                continue
            first = parse_number(found.group("n"), config)
            if not first or first[1]:
                continue
            crew = parse_number(found.group("m"), config) if "m" in pattern.groupindex and \
                found.group("m") else None
            value = first[0] + (crew[0] if crew else 0)
            return Mention("killed", value, sentence, match.start(), match.end(), kind="count",
                           qualifier="all", spans=[match.span()])
    return None


_TRIGGER = re.compile(r"\bafter\s+$", re.I)
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10}
_NTH = re.compile(rf"an?\s+({'|'.join(_ORDINALS)})\s", re.I)
_ANYONE = frozenset({"victim", "person", "individual", "casualty"})
_DEFINITE = re.compile(r"(?:the|this|that|these|those|he|she|they)\b", re.I)


def _inside_quote(text: str, pos: int) -> bool:
    """Whether `pos` falls inside a direct quotation opened earlier in the sentence."""
    before = text[:pos]
    if before.rfind("“") > before.rfind("”"):
        return True
    return before.count('"') % 2 == 1


def _people_sum(mentions: list[Mention], cat: str, rules: _Rules,
                opening: int | None) -> Mention | None:
    """Single people of one category named in the body, and no figure: "Their mother remains
    in hospital. A neighbour was treated for smoke inhalation" = 2.
    A definite "the man" refers back to someone already named and is not added; two
    mentions with the same noun ("his escort" ... "His escort, 38,") are one person. When
    the `opening` sentence (the report's first) names one, later ones retell it ("a
    passer-by was injured" ... "a student walking past was hit") unless said to be another."""
    pool = [m for m in mentions if m.category == cat and not m.kind.startswith("zero")]
    body = [m for m in pool if not m.sentence.is_title]
    if len(body) < 2 or any(m.kind != "enum" or m.value != 1 for m in body):
        return None
    if any(m.sentence.index == opening for m in body) and not any(
            rules.another_person.search(m.sentence.text, max(0, m.start - 25), m.end)
            for m in body if m.sentence.index != opening):
        return None
    heads: dict[str, Mention] = {}
    for m in body:
        if _inside_quote(m.sentence.text, m.start):
            continue  # a quote restates ("a young man has lost his life"): no one new
        # the person phrase, not the casualty word ("killing a guard": "a guard")
        phrase = next((t for a, b in m.spans for t in [m.sentence.text[a:b]]
                       if _category(t, rules)[0] is None), "")
        words = _WORD.findall(phrase.lower())
        if not words or _DEFINITE.fullmatch(words[0]) or words[-1] in _ANYONE:
            continue
        heads.setdefault(words[-1], m)
    if len(heads) < 2:
        return None  # ("A woman was seriously wounded and a man lightly hurt" is two)
    first = min(heads.values(), key=lambda m: m.sentence.index)
    return Mention(cat, len(heads), first.sentence, first.start, first.end, kind="sum",
                   spans=list(first.spans))


def extract_casualties(
    doc: Document, config: Config, event_type: str | None
) -> tuple[Casualties, list[OtherIncident]]:
    """The main incident's counts, and the other incidents whose tolls the article gives."""
    rules = _rules(config)
    foreground: list[Mention] = []
    others: dict[int, list[OtherIncident]] = {}
    # Without a publication date, the latest year in the header or lead stands in for it.
    years = [int(y) for line in doc.header_lines for y in rules.year.findall(line[:500])]
    years += [int(y.group(1)) for s in doc.sentences[:4] for y in rules.year.finditer(s.text[:500])
              if rules.full_date_before.search(s.text[max(0, y.start() - 30):y.start()])]
    ref_year = max(years) if years and doc.published is None else None
    read = 0
    cues: dict[str, int] = {}  # casualty words of each kind in the main story, linked or not
    for sentence in doc.sentences:
        if read >= _MAX_MENTIONS:
            break  # pathological input: enough figures read
        try:
            mentions = _read_sentence(sentence, rules, config,
                                      None if sentence.background else cues)
        except (re.error, ValueError, IndexError):  # never let one odd sentence sink the article
            continue
        read += len(mentions)
        if not mentions:
            continue
        hits = _Hits(sentence.text.lower(), rules.gates)
        for m in sorted(mentions, key=lambda m: m.start):
            if _is_hypothetical(m, rules, hits):
                continue
            if _is_background(m, rules, doc.published, doc.title, ref_year, hits):
                if m.kind in ("toll", "update", "correction") and re.search(
                        r"\b(?:earlier|initially|previously|first)\b",
                        sentence.text[:m.start], re.I):
                    continue  # a superseded toll of the same incident
                if m.category not in ("killed", "injured") or m.kind == "zero_weak":
                    continue
                records = others.setdefault(sentence.index, [])
                if not records or getattr(records[-1], m.category) is not None:
                    records.append(OtherIncident(text=sentence.text))  # "in 1970 ..., and in 1974"
                setattr(records[-1], m.category, m.value)
                continue
            foreground.append(m)

    if not any(m.category == "killed" and not m.kind.startswith("zero") for m in foreground):
        aboard = _all_aboard(doc, rules, config)
        if aboard is not None:
            foreground.append(aboard)

    dead_alone = {_gender(m.sentence.text[m.start:m.end], rules) for m in foreground
                  if m.category == "killed" and m.kind == "enum" and m.value == 1}
    if dead_alone:
        # "A man was shot dead. He was hit in the neck": the pronoun is the dead man (but
        # "Her husband drowned. She was taken to hospital" is someone else)
        foreground = [m for m in foreground if not (
            m.category == "injured" and m.kind == "enum"
            and (word := m.sentence.text[m.start:m.start + 4].split()[:1]) in (["He"], ["She"])
            and (None in dead_alone or _gender(word[0], rules) in dead_alone))]
    first = next((m.sentence.index for m in sorted(foreground, key=lambda m: m.sentence.index)
                  if not m.sentence.is_title and not m.kind.startswith("zero")), None)
    lead = {s.index for s in doc.sentences if s.is_title}
    if first is not None:
        lead |= set(range(first, first + rules.lead_sentences))

    # "clashes erupted after a teenager died ... No deaths were reported during the unrest":
    # a death in an "after" clause is the trigger, not a toll, when the text says none died
    stated_zero = {m.category for m in foreground if m.kind == "zero"}
    triggers = [m for m in foreground if m.category in stated_zero and not m.kind.startswith(
        "zero") and not m.sentence.is_title and _TRIGGER.search(
            m.sentence.text, max(0, m.start - 12), m.start)]
    if triggers:  # ... and "the 16-year-old died on Friday" later is the same death
        dropped, gone = {m.category for m in triggers}, {id(m) for m in triggers}
        foreground = [m for m in foreground if id(m) not in gone and not (
            m.category in dropped and m.kind == "enum" and m.value == 1
            and _DEFINITE.match(m.sentence.text, m.start))]
    # "no casualties" beside a reported death toll is about something else (a nearby place)
    has_positive = {m.category for m in foreground if not m.kind.startswith("zero")}
    if has_positive & {"killed", "injured"}:
        foreground = [m for m in foreground if m.kind != "zero_both"]
    for m in foreground:  # "police later said 8 had died": a later total, not a detail
        if m.kind == "count" and m.sentence.index not in lead and rules.later.search(
                m.sentence.text[:m.end]):
            m.kind = "update"
    # a news report's first sentence states its toll: single people named later retell it
    lead_sentence = next((s.index for s in doc.sentences
                          if not s.is_title and not s.is_heading), None)
    for cat in ("killed", "injured"):
        people = _people_sum(foreground, cat, rules, lead_sentence)
        if people is not None:
            foreground.append(people)
    if not any(m.category in ("killed", "injured") for m in foreground):
        shot = _shot_only(doc, rules, config, lead)
        if shot is not None:
            foreground.append(shot)
    toll = Casualties()
    for cat in CATEGORIES:
        pool = [m for m in foreground if m.category == cat]
        chosen = _choose(pool, lead)
        setattr(toll, cat, _count(chosen, pool, lead, cues.get(cat, 0)))
    return toll, [o for records in others.values() for o in records]
