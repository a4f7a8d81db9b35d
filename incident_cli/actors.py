"""Who: perpetrators, victims and named sources (people quoted, with their role).

Perpetrators are descriptions ("gunmen", "suicide bomber") and named groups read from the
title and first sentences of the main incident (``background`` sentences skipped), ranked by
how tightly they are tied to an attack verb; disasters and accidents get none. Sources are
capitalised names next to a speech verb or an official title. Lexicons live in
``data/actors.yaml`` so a user config can extend them (``groups+: [[My Group, alias]]``).

Speed: each sentence is lowercased once (case-insensitive regexes are several times slower
in ``re``) and its set of words built once; every lexicon entry carries the word prefixes
its matches must start with (read from its regex), so one set intersection per sentence
picks the few small regexes worth running. Literal lists are compiled as trie regexes.
Regexes are compiled on first use (`_Lazy`): importing the module compiles none, and an
article about a disaster never builds the perpetrator rules.

Confidence: how the best perpetrator is tied to the attack (a claim, a name, the subject of
an attack verb, an arrest, a blame), lowered for a generic word ("militants", "suspect"), a
hedge ("suspected"), a fallback or an unknown event type; nobody found scores lowest.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any

from .config import Config
from .document import Document, Sentence
from .models import Evidence, Source, Who

MAX_SENTENCES = 400  # cap work on pathological input
MAX_CHARS = 1500  # per sentence
MAX_HITS = 24  # lexicon hits or capitalised names read per sentence
PERP_SENTENCES = 10  # perpetrators are read from the title and the first foreground sentences
CLAIM_SENTENCES = 30  # ... and claims of responsibility from this many
VICTIM_SENTENCES = 8
LEAD_SENTENCES = 6  # for the cheap attack-or-accident check
MAX_PERPETRATORS = 4
ATTRIBUTED_SCORE = 2.5  # "blamed the attack on armed separatists": below an attack verb's subject
MAX_VICTIMS = 3

_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_WORDCH = frozenset(string.ascii_letters + string.digits + "_-")


class _Lazy:
    """A regex compiled on first use: most are needed by few articles (a claim, a clash, a
    named attacker), and compiling them all costs the CLI's cold start. After the first
    call the compiled pattern's methods are bound on the instance (no overhead). A bad
    pattern (from a user config) never matches."""

    def __init__(self, pattern: str | Callable[[], str], flags: int = 0) -> None:
        self.pattern = pattern  # or a function building it (a trie), also run on first use
        self.flags = flags

    def compiled(self) -> re.Pattern[str]:
        try:
            pattern = self.pattern if isinstance(self.pattern, str) else self.pattern()
            regex = re.compile(pattern, self.flags)
        except re.error:
            regex = re.compile("(?!)")
        for name in ("search", "match", "fullmatch", "finditer", "findall", "sub", "split"):
            setattr(self, name, getattr(regex, name))
        return regex

    def search(self, *args: Any) -> re.Match[str] | None:
        return self.compiled().search(*args)

    def match(self, *args: Any) -> re.Match[str] | None:
        return self.compiled().match(*args)

    def fullmatch(self, *args: Any) -> re.Match[str] | None:
        return self.compiled().fullmatch(*args)

    def finditer(self, *args: Any) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(*args)

    def findall(self, *args: Any) -> list[Any]:
        return self.compiled().findall(*args)

    def sub(self, *args: Any) -> str:
        return self.compiled().sub(*args)

    def split(self, *args: Any) -> list[str]:
        return self.compiled().split(*args)


def _lower(text: str) -> str:
    """Lowercase without changing the length, so spans found in it index the original."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


def _trie(words: list[str]) -> str:
    """A regex matching any of `words` (literal), factored as a trie: fast in `re`."""
    root: dict[str, Any] = {}
    for word in {str(w) for w in words if str(w).strip()}:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root) or "(?!)"


def _free(text: str, start: int, end: int) -> bool:
    """No word character glued to either side of text[start:end]."""
    return (start == 0 or text[start - 1] not in _WORDCH) and (
        end >= len(text) or text[end] not in _WORDCH
    )


_PUNCT_SPACE = {ord(c): " " for c in ",.;:!?\"“”‘()[]{}/|…—–*•"}
_RUN = re.compile(r"(?<![A-Za-z\\])[a-z]+")


_NEXT = string.ascii_lowercase + "-'"


@dataclass(frozen=True)
class _Triggers:
    """Quick-filter keys: 4-letter word prefixes, and whole words shorter than that.

    A 3-letter prefix 'mob' is spelled out as the word 'mob' plus 'mobs', 'mob-', ... so that
    one set intersection with a sentence's 4-letter prefixes answers the question.
    """

    p4: frozenset[str]
    words: frozenset[str]

    @staticmethod
    def of(prefixes: set[str] | frozenset[str]) -> _Triggers | None:
        if not prefixes:
            return None
        p4: set[str] = set()
        words: set[str] = set()
        for p in prefixes:
            if len(p) >= 4:
                p4.add(p[:4])
            elif len(p) == 3:
                p4.add(p)
                p4.update(p + c for c in _NEXT)
            else:
                words.add(p)
        return _Triggers(frozenset(p4), frozenset(words))


class _Lexicon:
    """Entries indexed by their trigger keys: one set intersection picks those worth running."""

    def __init__(self, entries: list[_Entry]) -> None:
        self.entries = entries
        self.always = [i for i, e in enumerate(entries) if e.triggers is None]
        self.by_p4: dict[str, list[int]] = {}
        self.by_word: dict[str, list[int]] = {}
        for i, e in enumerate(entries):
            if e.triggers is not None:
                for k in e.triggers.p4:
                    self.by_p4.setdefault(k, []).append(i)
                for k in e.triggers.words:
                    self.by_word.setdefault(k, []).append(i)
        self.keys4 = frozenset(self.by_p4)
        self.keysw = frozenset(self.by_word)

    def active(self, v: _View) -> list[_Entry]:
        picked = set(self.always)
        for k in self.keys4.intersection(v.p4):
            picked.update(self.by_p4[k])
        for k in self.keysw.intersection(v.words):
            picked.update(self.by_word[k])
        return [self.entries[i] for i in sorted(picked)]


def _triggers(pattern: str) -> _Triggers | None:
    """Word prefixes one of which any match of `pattern` starts a word with (a quick filter).

    Read from the literal letter runs of the regex, a letter before a quantifier dropped
    ('bombers?' -> 'bomber'). None (always run) when the pattern has no literal run.
    """
    out: set[str] = set()
    for m in _RUN.finditer(pattern):
        run = m.group(0)
        if m.end() < len(pattern) and pattern[m.end()] in "?*{":
            run = run[:-1]
        if len(run) >= 3 and run not in _FILTER_STOP:
            out.add(run[:4])
    return _Triggers.of(out)


_FILTER_STOP = frozenset(str.split(
    "the and with for from that this one who was now then are has had have"
))


class _View:
    """One sentence: its text, an ASCII-lowercased copy and its words (for quick filters)."""

    __slots__ = ("sentence", "text", "low", "words", "_p4", "byline")

    def __init__(self, sentence: Sentence) -> None:
        self.sentence = sentence
        self.text = sentence.text[:MAX_CHARS]
        if len(sentence.text) <= MAX_CHARS and len(sentence.lower) == len(self.text):
            self.low = sentence.lower  # the document's shared lowercase copy: no second lower()
        else:
            self.low = _lower(self.text)
        self.words = frozenset([w.strip(_PUNCT) for w in self.low.split()])
        self._p4: frozenset[str] | None = None
        self.byline: bool | None = None  # set by `_is_byline`

    @property
    def p4(self) -> frozenset[str]:
        """The words' first four letters (built on first use: the source pass needs none)."""
        if self._p4 is None:
            self._p4 = frozenset([w[:4] for w in self.words])
        return self._p4

    def has(self, triggers: _Triggers | None) -> bool:
        if triggers is None:
            return True
        return not (triggers.p4.isdisjoint(self.p4) and triggers.words.isdisjoint(self.words))


_PUNCT = ",.;:!?\"“”‘’'()[]{}/|…—–*•"


def _view(sentence: Sentence) -> _View:
    return _View(sentence)


@dataclass
class _Entry:
    kind: str  # "d" description, "person", "c" clash side, "group", "name", "acronym", "v" victim
    canon: str
    regex: _Lazy | _StateRegex
    triggers: _Triggers | None


# --------------------------------------------------------------------------- compiled rules


@dataclass
class _Rules:
    no_perp_types: frozenset[str]
    attack_types: frozenset[str]
    perp_lex: _Lexicon  # descriptions, persons, clash sides, groups
    group_lower: dict[str, str]  # lowercased alias -> canonical
    acronyms: dict[str, str]
    verb_after_re: _Lazy
    verb_re: _Lazy
    context_re: _Lazy
    context_triggers: _Triggers | None
    attack_cue_re: _Lazy  # on lowercased text
    disaster_cue_re: _Lazy
    victim_lex: _Lexicon
    victim_obj_re: re.Pattern[str]
    victim_subj_re: re.Pattern[str]
    name_re: re.Pattern[str]
    speech_re: re.Pattern[str]  # on lowercased text
    speech_first: frozenset[str]  # first words of the speech verbs
    source_cues: frozenset[str]  # a sentence without one of these words has no source
    speech_after_re: re.Pattern[str]
    inverted_re: re.Pattern[str]  # on lowercased text
    quoted_inverted_re: re.Pattern[str]  # inverted only right after a quote or a comma
    titles: frozenset[str]
    title_heads: frozenset[str]
    non_name: frozenset[str]
    non_person: frozenset[str]
    byline_parts: list[re.Pattern[str]]  # the byline patterns, each searched on its own
    byline_triggers: _Triggers | None
    attribution_re: _Lazy  # on lowercased text; a described attacker's phrase follows it
    named_group_re: _Lazy  # on the text: a group the lexicon lacks, named after a blame frame
    named_group_heads: frozenset[str]
    attribution_heads: frozenset[str]
    attribution_weak_heads: frozenset[str]


_PERSON = (
    r"(?:an?|the) (?:\d{1,3}-year-old (?:[a-z]+ )?|lone |young |masked |armed |white |local |"
    r"former |off-duty |disgruntled |truck |car |van |bus )?"
    r"(?:man|woman|teenager|teen|adolescent|youth|boy|girl|student|soldier|policeman|"
    r"police officer|guard|employee|worker|driver)"
    r"(?: of \d{1,3} years(?! ago))?"  # translated: "a man of 29 years"
    r"|(?:two|three|four|five|six|several|some|unidentified|unknown) (?:young |armed |masked )?"
    r"(?:men|youths|teenagers|women)"
)
_PERSON_NOUNS = (
    "man|woman|teenager|teen|adolescent|youth|boy|girl|student|soldier|policeman|officer|guard|employee|"
    "worker|driver|men|youths|teenagers|women"
)
_CONTEXT_EXTRA = {
    "habitual": [
        "often", "frequent", "frequently", "mostly", "usually", "regularly", "routinely",
        "over the years", "over the past", "in recent years", "in recent months", "in the past",
        "previously", "last year", "years ago", "history", "decades",
        # "X has carried out similar attacks": the group's record, not this attack
        "similar", "such attacks", "has carried out", "have carried out", "has staged",
        "have staged",
    ],
    "clash": ["clash", "clashes", "clashed", "fought", "tear gas", "teargas", "stones", "riot",
              "rioting"],
}

# Capitalised name tokens: "Sanaullah", "McLaurin", "O'Callaghan", "Oke-Osanyintolu", "Ki-moon",
# initials "D", "P.", "A.K."; a possessive ("Khan's") is not part of the token.
_UP = "A-ZÀ-ÖØ-ÞĀĆČĎĐĒĘĚĞĢĪİĶŁĽŃŇŌŐŒŘŚŞŠŢŤŪŮŰŸŹŻŽ"
_LO = "a-zß-öø-ÿĀ-ſ"
_TOK = (
    rf"[{_UP}](?:[{_UP}]+(?![{_LO}])|(?:\.[{_UP}])*\.|['’][{_UP}][{_LO}]+"
    rf"|[{_UP}{_LO}]*[{_LO}][{_UP}{_LO}]*(?:['’-](?!s\b)[{_UP}{_LO}]+)*|(?= [{_UP}]))"
)
_CONNECT = (
    r"(?:(?:bin|ibn|bint|al|el|de|da|del|della|di|van|von|der|den|dos|das|du|le|la|ul) ){0,2}"
)
_NAME = rf"{_TOK}(?: {_CONNECT}(?:{_TOK}|(?:al|el|ul|bin|ibn)-[{_UP}][{_LO}]+)){{0,7}}"
_PREPOSITIONS = frozenset(str.split(
    "in at near from of across to into for on outside inside by via with over under between "
    "than about against toward towards"
))
_APPOSITIVE_BAD_START = frozenset(str.split(
    "in on at near from of to for which that is was are were has had and or but where when "
    "as with by after before however while if because although said says told he she they it "
    "we i police officials located situated based known home"
))
_VICTIM_CONTEXT = frozenset(str.split(
    "killing killed death deaths murder funeral body bodies victim victims injured wounded shot "
    "named identified of and"
))
_OFFICIAL = _Lazy(
    r"(?:minister|spokes(?:man|woman|person)|chief|superintendent|commissioner|governor|mayor|"
    r"sheriff|official|officer|inspector|director|secretary|president|senator|lawmaker|"
    r"legislator|administrator|collector|magistrate|commander|general|colonel|captain|"
    r"head|chairman|coroner|prosecutor|attorney|ambassador|premier|chancellor|executive|"
    r"deputy|lieutenant|sergeant|marshal|trooper|gen|col|capt|supt|gov)\b",
)


def _build(config: Config) -> _Rules:
    sec = config.section("actors")

    def get(key: str) -> list[Any]:
        return list(sec.get(key) or [])

    entries: list[_Entry] = []

    def add_pairs(key: str, kind: str) -> None:
        for pair in get(key):
            if not isinstance(pair, (list, tuple)) or len(pair) < 2:
                continue
            pattern = str(pair[1])
            entries.append(_Entry(kind, str(pair[0]), _Lazy(pattern), _triggers(pattern)))

    add_pairs("perpetrator_descriptions", "d")
    # every match ends with one of the nouns: only they need be in the sentence
    entries.append(_Entry("person", "", _Lazy(_PERSON), _triggers(_PERSON_NOUNS)))
    add_pairs("clash_descriptions", "c")
    state = _state_entry(get("state_attackers"), str(sec.get("state_weapons") or ""))
    if state is not None:
        entries.append(state)

    group_lower: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    for item in get("groups"):
        names = [item] if isinstance(item, str) else list(item or [])
        names = [str(n).strip() for n in names if str(n).strip()]
        for alias in names:
            # Acronyms and mixed-case short forms (TTP, LeT, ETA) need their case: "let", "eta".
            lowers = sum(c.islower() for c in alias)
            if lowers == 0 or (len(alias) <= 4 and any(c.isupper() for c in alias[1:])):
                acronyms.setdefault(alias, names[0])
            else:
                group_lower.setdefault(_lower(alias), names[0])
    if group_lower:
        entries.append(_Entry("group", "", _Lazy(lambda: _trie(list(group_lower))),
                              _Triggers.of({_longest_word(a) for a in group_lower})))
    if acronyms:
        first = {_lower(a.translate(_PUNCT_SPACE).split()[0]) for a in acronyms}
        entries.append(_Entry("acronym", "", _Lazy(lambda: _trie(list(acronyms))),
                              _Triggers.of(first)))

    verb_list = [_lower(str(v)) for v in get("attack_verbs")]
    context_lists = {
        "claim": [_lower(str(w)) for w in get("claim_words")],
        "blame": [_lower(str(w)) for w in get("blame_words")],
        "arrest": [_lower(str(w)) for w in get("arrest_words")],
        "habitual": _CONTEXT_EXTRA["habitual"],
        "clash": _CONTEXT_EXTRA["clash"],
    }
    victim_entries = _pair_entries(get("victims"), "v")
    context_words = [*get("claim_words"), *get("blame_words"), *get("arrest_words"),
                     *_CONTEXT_EXTRA["habitual"], *_CONTEXT_EXTRA["clash"]]
    titles = frozenset(_lower(str(t)) for t in get("titles"))
    speech = _trie([_lower(str(v)) for v in get("speech_verbs")])
    quoted_only = [_lower(str(v)) for v in get("quoted_inverted_speech_verbs")]
    inverted = _trie([_lower(str(v)) for v in get("inverted_speech_verbs")] + quoted_only)
    attribution = [str(p) for p in get("attribution_frames")]
    return _Rules(
        attribution_re=_Lazy("|".join(f"(?:{p})" for p in attribution) or "(?!)"),
        named_group_re=_Lazy(
            rf"(?i:{sec.get('named_group_frames') or '(?!)'})"
            r"(?P<name>[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|de|del|of|al|el)){0,4})"),
        named_group_heads=frozenset(_lower(str(w)) for w in get("named_group_heads")),
        attribution_heads=frozenset(_lower(str(w)) for w in get("attribution_heads")),
        attribution_weak_heads=frozenset(_lower(str(w)) for w in get("attribution_weak_heads")),
        no_perp_types=frozenset(str(x) for x in get("no_perpetrator_event_types")),
        attack_types=frozenset(str(x) for x in get("attack_event_types")),
        perp_lex=_Lexicon(entries),
        group_lower=group_lower,
        acronyms=acronyms,
        # the perpetrator regexes are built on first use: a disaster never needs them
        verb_after_re=_Lazy(
            lambda: rf"[\s,]*(?:[\w'-]+\s+){{0,6}}?(?P<verb>{_trie(verb_list)})(?![\w-])"
        ),
        verb_re=_Lazy(lambda: rf"(?:{_trie(verb_list)}|attack|assault|bombing|blast|explosion)"),
        context_re=_Lazy(lambda: "|".join(f"(?P<{k}>{_trie(v)})"
                                          for k, v in context_lists.items())),
        context_triggers=_Triggers.of({_lower(str(w)).split()[0] for w in context_words
                                       if str(w).strip()}),
        attack_cue_re=_any_of(get("attack_cue_patterns")),
        disaster_cue_re=_any_of(get("disaster_cue_patterns")),
        victim_lex=_Lexicon(victim_entries),
        victim_obj_re=re.compile(
            r"(?:killed|killing|kills|attacked|attacking|targeted|targeting|shot|shooting|"
            r"stabbed|stabbing|wounded|wounding|injured|injuring|abducted|abducting|kidnapped|"
            r"kidnapping|ambushed|seized|hit|struck|on|at|against|among)\s+"
            r"(?:[\w-]+\s+){0,3}$"
        ),
        victim_subj_re=re.compile(
            r"(?:\s+[\w-]+){0,3}?\s+(?:were|was|have\s+been|had\s+been|are|died)?\s*"
            r"(?:(?:also|reportedly|allegedly|later|\w+ly)\s+)?"
            r"(?:killed|injured|wounded|shot|abducted|kidnapped|hurt|dead|died|"
            r"among\s+the\s+(?:dead|injured|wounded|victims))\b"
        ),
        name_re=re.compile(_NAME),
        speech_re=re.compile(rf"(?:{speech})(?![\w-])"),
        speech_first=frozenset(_lower(str(v)).split()[0] for v in get("speech_verbs")
                               if str(v).strip()),
        speech_after_re=re.compile(
            r"\s*(?:,\s*(?P<app>[^,;:\"“”]{1,110}?)\s*(?:,\s*(?P<app2>[^,;:\"“”]{1,100}?)\s*)?"
            r",\s*)?,?\s*"
            r"(?:(?:of|from|with|at)\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+(?:of\s+|and\s+|for\s+)?)"
            r"{1,6})?"
            r"(?:\([^)]{1,40}\)\s*)?"
            r"(?:(?:has|had|have|also|later|then|further|earlier|previously|was|is|separately|"
            r"reportedly|on\s+\w+|in\s+a\s+\w+(?:\s+\w+)?)\s+){0,3}"
            rf"(?:{speech})(?![\w-])"
        ),
        inverted_re=re.compile(rf"(?:{inverted})(?![\w-])"),
        quoted_inverted_re=re.compile(rf"(?:{_trie(quoted_only)})(?![\w-])" if quoted_only
                                      else r"(?!)"),
        source_cues=frozenset(
            [*(_lower(str(v)).split()[0] for v in get("speech_verbs") if str(v).strip()),
             *(t.split()[-1] for t in titles)]
        ),
        titles=titles,
        title_heads=frozenset(t.split()[-1] for t in titles),
        non_name=frozenset(str(w) for w in get("non_name_words")),
        non_person=frozenset(_lower(str(w)) for w in get("non_person_nouns")),
        byline_parts=_each_of(get("byline_patterns")),
        byline_triggers=_union_triggers([_lower(str(p)) for p in get("byline_patterns")]),
    )


class _StateRegex:
    """Finds "a Russian drone", "missiles fired by Israel" (lower case) fast: a literal trie
    of the adjectives and countries finds the few places worth a full, anchored match."""

    def __init__(self, states: list[tuple[str, list[str]]], weapons: str):
        self.states = states
        adjectives = [a for _, alts in states for a in alts]
        countries = [_lower(c) for c, _ in states]
        mid = r"(?: (?:military|army|air force|navy|forces|government|regime)(?:'s)?)?"
        self.head = _Lazy(lambda: (
            rf"(?P<a>{_trie(adjectives)}){mid} (?:{weapons})"
            rf"|(?:by|from) (?:the )?(?P<c>{_trie(countries)})(?![\w-])"
        ))
        self.by = _Lazy(lambda: rf"(?:{weapons}) (?:launched|fired) (?:by|from) (?:the )?"
                                rf"(?:{_trie(countries)})(?![\w-])")

    def finditer(self, low: str) -> list[re.Match[str]]:
        out: list[re.Match[str]] = []
        for m in self.head.finditer(low):
            if m.group("c") is not None:
                b = self.by.search(low, max(0, m.start() - 40), m.end())
                if b is None or b.end() != m.end():
                    continue
                m = b  # "drones launched by russia"
            out.append(m)
        return out

    def country(self, m: re.Match[str]) -> str:
        text = m.group(0)
        for country, alts in self.states:
            if any(text.startswith(a + " ") for a in alts) or text.endswith(" " + _lower(country)):
                return country
        return ""


_VAGUE = frozenset(str.split("north south east west military army coalition"))


def _state_entry(pairs: list[Any], weapons: str) -> _Entry | None:
    """One entry for all states; its regex is a `_StateRegex` (finditer, country)."""
    states: list[tuple[str, list[str]]] = []
    keys: set[str] = set()  # every match has an adjective or a country among its words
    words: set[str] = set()
    for pair in pairs:
        if not weapons or not isinstance(pair, (list, tuple)) or len(pair) < 2:
            continue
        alts = [a.replace("\\", "") for a in str(pair[1]).split("|") if a.strip()]
        states.append((str(pair[0]), alts))
        for plain in [*alts, _lower(str(pair[0]))]:
            parts = plain.split()
            word = max([w for w in parts if w not in _VAGUE] or parts, key=len)  # "korean"
            if len(re.sub(r"[^a-z]", "", word)) < 3:
                words.add(word.strip("."))  # "us", "u.s" (as the sentence's words are)
            else:
                keys.add(word[:4])
    if not states:
        return None
    regex = _StateRegex(states, weapons)
    trig = _Triggers.of(keys)
    assert trig is not None
    return _Entry("state", "", regex,
                  _Triggers(trig.p4, trig.words | frozenset(words)))


def _longest_word(alias: str) -> str:
    """The quick-filter key of a multi-word alias: its longest distinctive word ("is group"
    -> "group", "fulani militants" -> "fulani"); every word of a match is a word of the
    sentence, and "is" or "militants" are in too many of them."""
    words = alias.translate(_PUNCT_SPACE).split() or [alias]
    rare = [w for w in words if w not in _COMMON_ALIAS_WORDS]
    return max(rare or words, key=len)


_COMMON_ALIAS_WORDS = frozenset(str.split(
    "is al el the of and in new real group militants fighters jihadists army forces front "
    "movement party network state brigades rebels herdsmen gunmen islamic national liberation "
    "people's support province west africa continuity communist"
))


def _union_triggers(patterns: list[str]) -> _Triggers | None:
    """Quick-filter keys for a list of regexes: None (always run) if one has no literal."""
    keys: set[str] = set()
    for p in patterns:
        t = _triggers(p)
        if t is None:
            return None
        keys.update(t.p4)
        keys.update(t.words)
    return _Triggers(frozenset(k for k in keys if len(k) == 4),
                     frozenset(k for k in keys if len(k) < 4))


def _scoped(patterns: list[Any]) -> list[str]:
    """Each pattern as a group; a leading '(?i)' becomes a scoped '(?i:...)' so the
    patterns can be joined."""
    parts = []
    for p in patterns:
        p = str(p)
        if p.startswith("(?i)"):
            p = "(?i:" + p[4:] + ")"
        parts.append(f"(?:{p})")
    return parts


def _any_of(patterns: list[Any]) -> _Lazy:
    """One regex for a list of them."""
    return _Lazy("|".join(_scoped(patterns)) or "(?!)")


def _each_of(patterns: list[Any]) -> list[re.Pattern[str]]:
    """The patterns of `_any_of`, compiled one by one: searching each alone lets `re` use its
    own literal prefix or anchor, faster than one alternation (same any-match answer). As
    with `_any_of`, one bad pattern makes the list never match."""
    parts = _scoped(patterns)
    try:
        re.compile("|".join(parts) or "(?!)")  # same validity as the joined regex
        return [re.compile(p) for p in parts]
    except re.error:
        return []


def _pair_entries(pairs: list[Any], kind: str) -> list[_Entry]:
    out: list[_Entry] = []
    for pair in pairs:
        if isinstance(pair, (list, tuple)) and len(pair) >= 2:
            out.append(_Entry(kind, str(pair[0]), _Lazy(str(pair[1])), _triggers(str(pair[1]))))
    return out


def _rules(config: Config) -> _Rules:
    return config.cached("actors.rules", lambda: _build(config))


# --------------------------------------------------------------------------- entry point


def extract_actors(doc: Document, config: Config, event_type: str | None) -> Who:
    """Perpetrators (none for disasters), victims and named sources of the main incident."""
    try:
        rules = _rules(config)
        views = [_view(s) for s in doc.sentences[:MAX_SENTENCES] if s.text]
        perps, (perp_conf, perp_ev) = _perpetrators(views, rules, event_type)
        victims = _victims(views, rules)
        sources, src_ev = _sources(views, rules)
    except Exception:  # never raise on any text
        return Who()
    # Nobody named: when the article has an attacker this is a miss, so below any found
    # attacker; named sources lift it a little (the confidence covers them too).
    confidence = perp_conf if perps else (0.2 if sources else 0.1)
    return Who(perpetrators=perps, victims=victims, sources=sources,
               confidence=round(confidence, 3), evidence=perp_ev if perps else src_ev)


def _is_byline(v: _View, rules: _Rules) -> bool:
    """A byline, photo credit or author line: no perpetrators or sources in it."""
    if v.byline is None:  # both passes ask about the same sentence: answer once
        v.byline = (v.has(rules.byline_triggers) or "by" in v.words) and any(
            p.search(v.text) for p in rules.byline_parts)
    return v.byline


# --------------------------------------------------------------------------- perpetrators


@dataclass
class _Cand:
    name: str
    score: float
    pos: tuple[int, int]
    sentence: str
    span: tuple[int, int]
    kind: str  # "d" description, "person", "c" clash side, "group", "name"
    basis: str = "tied"  # how it is tied to the attack: see _BASIS_CONFIDENCE


def _key(name: str, kind: str) -> str:
    if kind in ("group", "state"):
        return name
    words = re.sub(r"[^\w\s-]", " ", name.lower()).split()
    return re.sub(r"(?:men|man|s)$", "", words[-1]) if words else name


def _open_end(text: str) -> bool:
    """The text ends with a lower-case word or a comma: the sentence goes on."""
    last = text[-1:]
    return last == "," or (last in _ASCII_LOWERCASE and text[-2:-1] in _ASCII_LOWERCASE)


_ASCII_LOWERCASE = frozenset(string.ascii_lowercase)


def _join_wrapped(views: list[_View]) -> Iterator[_View]:
    """Rejoin a sentence cut at a hard-wrapped line ("... police blamed" + "Boko Haram for
    it."): the splitter takes a capitalised next line for a new sentence, which would part a
    group from the verb that blames it."""
    i = 0
    while i < len(views):
        v = views[i]
        s = v.sentence
        if (i + 1 < len(views) and not s.is_title and len(v.text) < MAX_CHARS
                and _open_end(v.text)):
            nxt = views[i + 1].sentence
            if not nxt.is_title and nxt.paragraph == s.paragraph:
                yield _View(replace(s, text=f"{s.text} {nxt.text}", is_heading=nxt.is_heading))
                i += 2
                continue
        yield v
        i += 1


def _perpetrators(
    views: list[_View], rules: _Rules, event_type: str | None
) -> tuple[list[str], tuple[float, Evidence | None]]:
    if event_type in rules.no_perp_types:
        return [], (0.0, None)
    known_attack = event_type in rules.attack_types
    clash_event = event_type == "riot_clash"
    cands: dict[str, _Cand] = {}
    body_seen = 0
    denied: bool | None = None
    for v in _join_wrapped(views):
        s = v.sentence
        late = bg = s.background
        late_desc = False  # a late sentence read only for a description tied to the attack
        if bg and (body_seen >= PERP_SENTENCES or _CLAIM_CUES.isdisjoint(v.words)):
            continue  # another incident, unless it blames someone for this one (below)
        if not s.is_title and not bg:
            body_seen += 1
            if body_seen > PERP_SENTENCES:
                # later on, only a claim of responsibility is worth reading
                if body_seen > CLAIM_SENTENCES:
                    break
                late = True
                if _CLAIM_CUES.isdisjoint(v.words):
                    # a reaction-led follow-up states the facts late: "investigators believe
                    # two shooters fired from a car" is read when no earlier one says who
                    if not known_attack or any(c.score >= 2.0 for c in cands.values()):
                        continue
                    late_desc = True
        if s.is_heading and not bg and body_seen > 3:
            continue  # a late line without final punctuation: a teaser or a caption
        text, low = v.text, v.low
        hits: list[tuple[_Entry, re.Match[str]]] = []
        for e in rules.perp_lex.active(v):
            if late and (e.kind != "d" if late_desc else e.kind not in ("group", "acronym")):
                continue
            on = text if e.kind == "acronym" else low
            hits.extend((e, m) for m in e.regex.finditer(on) if _free(on, m.start(), m.end()))
        del hits[MAX_HITS:]
        if not bg and ("identified" in v.words or "named" in v.words
                       or not _PERP_NOUNS.isdisjoint(v.words)):
            named = _named_perpetrator(text, rules)
            if named is not None:
                key = named[0].lower()
                if key not in cands:
                    cands[key] = _Cand(named[0], 2.2, (s.index, named[1][0]), text, named[1],
                                       "name", "name")
        if s.is_title and not _TITLE_PEOPLE.isdisjoint(v.words):
            for m in _TITLE_PERSON.finditer(low):
                verb = rules.verb_after_re.match(low, m.end(), min(len(low), m.end() + 40))
                if verb is None or verb.start("verb") - m.end() > 1:
                    continue
                first = verb.group("verb").split()[0]
                if first.endswith("s") and first not in ("was", "has", "is"):
                    # "Man stabs three": headlines drop the article (but "Man shot" is passive)
                    name = m.group(0)
                    cands.setdefault(_key(name, "person"), _Cand(
                        name, 3.0, (s.index, m.start()), text, m.span(), "person"))
                    break
        if not _ATTRIBUTION_CUES.isdisjoint(v.words) and not _is_byline(v, rules):
            for name, span in _named_groups(text, rules):
                if denied is None:  # a denial anywhere: an accusation, not a culprit
                    denied = any(_DENIED_ROLE.search(x.low) for x in views)
                if bg or denied or name in cands:
                    continue
                cands[name] = _Cand(name, ATTRIBUTED_SCORE, (s.index, span[0]), text, span,
                                    "group", "blame")
            for phrase, span in _attributed(low, rules):
                if bg and any(c.isdigit() for c in low[: span[0]]):
                    continue  # "in 2019 officials blamed the attack on ...": another one
                key = _key(phrase, "d")
                old = cands.get(key)
                if old is None or old.score < ATTRIBUTED_SCORE:
                    cands[key] = _Cand(phrase, ATTRIBUTED_SCORE, (s.index, span[0]), text, span,
                                       "d", "blame")
                elif phrase.endswith(" " + old.name):
                    old.name = phrase  # "separatists" tied, "armed separatists" blamed
        if not hits or _is_byline(v, rules):
            continue
        if len(hits) > 1:  # "a man" inside "a man armed with a rifle": keep the longer
            spans = [m.span() for _, m in hits]
            hits = [(e, m) for e, m in hits
                    if not any(a <= m.start() and m.end() <= b and (a, b) != m.span()
                               for a, b in spans)]
        ctx: dict[str, list[tuple[int, int]]] = {}
        if v.has(rules.context_triggers):
            for c in rules.context_re.finditer(low):
                if c.lastgroup and _free(low, c.start(), c.end()):
                    ctx.setdefault(c.lastgroup, []).append(c.span())
        early = 1.0 if s.is_title or body_seen <= 3 else (0.5 if body_seen <= 8 else 0.0)
        clashy = clash_event or (event_type is None and "clash" in ctx)
        for e, m in hits:
            if late and _OTHER_TIME.search(text, 0, min(len(text), m.end() + 40)):
                continue  # "blamed X for the January 31 blast": another incident's culprit
            if _NO_BEFORE.isdisjoint(low[max(0, m.start() - 12): m.start()].split()[-2:]) is False \
                    or _NEGATED_VERB_BEFORE.search(low, max(0, m.start() - 40), m.start()):
                continue  # "no suspects", "not the attackers", "have not identified a suspect"
            scored = _score_hit(e, m, low, rules, ctx, clashy, known_attack, s.is_title)
            if scored is None:
                continue
            name, kind, score = scored
            if late_desc and score < 3.0:
                continue  # late on, only the subject of an attack verb
            basis = _basis(kind, score, name)
            if bg:
                # "No group immediately claimed responsibility, but police blamed X, whose
                # insurgency has killed thousands since 2009": the blame is about this attack.
                head = low[: m.start()]
                if score < 2.0 or _MAIN_REF.search(head) is None or any(c.isdigit() for c in head):
                    continue
                score, basis = 2.0, "blame"
            elif _near(m.span(), ctx.get("habitual"), 50):
                score -= 2.0 if kind == "group" else 1.5
                basis = "weak"
            if not bg:
                score += early * (0.5 if kind in ("group", "person", "force", "state") else 1.0)
            key = _key(name, kind)
            old = cands.get(key)
            pos = (s.index, m.start())
            if old is None or score > old.score:
                cands[key] = _Cand(name, score, pos if old is None else min(pos, old.pos),
                                   text, m.span(), kind, basis)
            elif (kind == old.kind and len(name) > len(old.name)
                  and name.endswith(" " + old.name) and score >= old.score - 1.0):
                old.name = name  # "man" in the headline, "a 40-year-old unemployed man" later
    ranked = sorted(cands.values(), key=lambda c: (_tier(c), -c.score, c.pos))
    if not ranked:
        return [], (0.0, None)
    if not known_attack:
        # Unknown type: speak only when the article reads like an attack, never an accident.
        if max(c.score for c in ranked) < 3.0:
            return [], (0.0, None)
        attack, disaster = _lead_cues(views, rules)
        if attack == 0 or disaster > 2 * attack:
            return [], (0.0, None)
    threshold = 2.0 if known_attack else 2.5
    out: list[str] = []
    chosen: list[_Cand] = []
    for c in ranked:
        if c.score < threshold or (not known_attack and c.kind != "d" and c.score < 3.0):
            continue
        if c.name.lower() in (x.lower() for x in out):
            continue
        if c.kind == "force" and any(x.kind in ("d", "person", "name") for x in ranked
                                     if x.score >= threshold):
            continue
        out.append(c.name)
        chosen.append(c)
        if len(out) >= MAX_PERPETRATORS:
            break
    best = next((c for c in ranked if c.kind == "d"), None)
    fallback = False
    if not out and known_attack and best is not None and best.score >= 1.5:
        out, chosen = [best.name], [best]  # the best plain description of an attack
        fallback = True
    if not out:
        return [], (0.0, None)
    top = chosen[0]
    return out, (_confidence(chosen, fallback, known_attack),
                 Evidence(top.sentence, [top.span]))


# How sure a perpetrator is, by how the best one is tied to the attack.
_BASIS_CONFIDENCE = {
    "claim": 0.9,  # "X claimed responsibility"
    "name": 0.85,  # "police identified the attacker as X"
    "tied": 0.8,  # the subject of an attack verb: "gunmen stormed", "a Russian drone hit"
    "clash": 0.6,  # a side of a clash
    "arrest": 0.6,  # "police arrested a 30-year-old man"
    "force": 0.5,  # security forces as the attackers
    "blame": 0.5,  # "police blamed X", "X is suspected"
    "strong": 0.55,  # a specific description ("gunman") not tied to an attack verb
    "weak": 0.35,  # a description near the attack but not tied to it
}
_HEDGE = _Lazy(r"\b(?:suspected|alleged|allegedly|believed|presumed|possibly|probably|"
                    r"likely|reportedly|purported)\b")


def _tier(c: _Cand) -> int:
    """Rank a generic word ("militants", "suspect", "a man") after any more specific
    description, group or name."""
    return 1 if _generic(c) else 0


def _generic(c: _Cand) -> bool:
    if c.kind == "d":
        return _key(c.name, c.kind) in _GENERIC_DESCRIPTIONS
    return c.kind == "person" and c.name in ("man", "woman", "men", "women")


def _basis(kind: str, score: float, name: str) -> str:
    """How a hit scored by `_score_hit` is tied to the attack (its raw score tells)."""
    if kind == "c":
        return "clash"
    if kind == "force":
        return "force"
    if kind == "group":
        return {3.0: "claim", 2.5: "tied", 2.0: "blame"}.get(score, "weak")
    if kind in ("person", "state"):
        return "tied" if score >= 2.5 else ("arrest" if score >= 2.0 else "weak")
    if score >= 3.0:
        return "tied"
    if score >= 2.2:
        return "arrest"
    return "strong" if score >= 1.5 else "weak"  # "gunman", "suicide bomber" though untied


def _confidence(chosen: list[_Cand], fallback: bool, known_attack: bool) -> float:
    """Lower for weak answers: a generic description only, a group only suspected, a fallback.
    The best-supported answer counts (any right one makes the list right)."""
    if fallback:
        return 0.3
    each = []
    for c in chosen:
        conf = _BASIS_CONFIDENCE.get(c.basis, 0.5)
        if _generic(c):
            conf -= 0.15  # "militants", "suspect", "a man": right in kind, but says little
        a = c.span[0]
        if _HEDGE.search(_lower(c.sentence[max(0, a - 25): a])):
            conf -= 0.1  # "suspected Boko Haram fighters"
        each.append(conf)
    each.sort(reverse=True)
    conf = each[0]
    if len(each) > 1 and each[1] >= 0.6:
        conf += 0.05  # a second, independent attacker description
    if not known_attack:
        conf -= 0.1
    return round(min(0.95, max(0.25, conf)), 3)


_TITLE_PEOPLE = frozenset(str.split(
    "man woman teen teenager adolescent boy girl youth student driver"))
# a person without an article at the start of a headline or after a conjunction
_TITLE_PERSON = _Lazy(
    r"(?:^|(?<=\bafter )|(?<=\bas )|(?<=\bwhen )|(?<=: ))(?:\d{1,3}-year-old |teenage )?"
    r"(?:man|woman|teen|teenager|adolescent|boy|girl|youth|student|driver)(?= )"
)
_GENERIC_KEYS = frozenset(str.split(
    "militant insurgent jihadist jihadi extremist islamist rebel separatist guerrilla terrorist"
))
_GENERIC_DESCRIPTIONS = _GENERIC_KEYS | frozenset(["suspect", "perpetrator", "culprit"])
_OTHER_TIME = _Lazy(
    r"\b(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.? \d{1,2}\b|"
    r"(?:in|since|of) (?:19|20)\d\d\b|last (?:year|month)|years? ago|months? ago|"
    r"(?:earlier|previous|past) (?:attacks?|bombings?|blasts?))"
)
_CLAIM_CUES = frozenset(["claimed", "claims", "claim", "claiming", "responsibility", "blamed",
                         "blames", "blaming", "behind"])
_MAIN_REF = _Lazy(
    r"\b(?:immediately|no group|no one|nobody|the (?:attack|bombing|blast|explosion|shooting|"
    r"assault|raid|ambush|kidnapping|abduction|massacre|killings?))\b"
)
_DENIAL = _Lazy(r"\b(?:denied|denies|deny|rejected|rejects|distanced)\b")
_NO_BEFORE = frozenset(["no", "not", "any"])
_NEGATED_VERB_BEFORE = re.compile(
    r"\b(?:not|never|n't|yet\s+to|without|nor)\s+(?:been\s+)?(?:identified|identify|identifying|"
    r"arrested|arrest|named|name|found|find|caught|catch|detained|traced|located)\s+(?:a\s+|any\s+|the\s+)?$")
_IDENTIFIED = _Lazy(
    r"\b(?:identified|named)\s+(?:(?:the|him|her)\s+)?(?:[a-z-]+\s+){0,3}?"
    r"(?:as|with\s+(?:a|the)\s+(?:single|one)\s+name,?)\s+(" + _NAME + ")"
)
# Cheap gates: where they find nothing the big regexes above and below cannot match (a name
# starts with a capital), so those are compiled and run only when needed.
_IDENTIFIED_GATE = _Lazy(
    r"\b(?:identified|named)\s+(?:(?:the|him|her)\s+)?(?:[a-z-]+\s+){0,3}?"
    rf"(?:as|with\s+(?:a|the)\s+(?:single|one)\s+name,?)\s+[{_UP}]"
)


_PERP_NOUNS = frozenset(str.split(
    "attacker gunman shooter suspect assailant bomber killer stabber arsonist"
))
_APPOSED = _Lazy(
    r"\b(?:attacker|gunman|shooter|suspect|assailant|bomber|killer|stabber|arsonist),\s+"
    r"(?:identified as\s+|named as\s+)?(" + _NAME + r"),"
)
_APPOSED_GATE = _Lazy(
    r"\b(?:attacker|gunman|shooter|suspect|assailant|bomber|killer|stabber|arsonist),\s+"
    rf"(?:identified as\s+|named as\s+)?[{_UP}]"
)


def _named_perpetrator(text: str, rules: _Rules) -> tuple[str, tuple[int, int]] | None:
    """"Police identified the attacker as Ali Khan", "The attacker, Ali Khan, 28,": a name."""
    m = _IDENTIFIED.search(text) if _IDENTIFIED_GATE.search(text) else None
    if m is None or not re.search(r"\b(?:suspect|attacker|assailant|gunman|shooter|bomber|"
                                  r"man|woman|driver|killer|arsonist|him|her)\b",
                                  text[max(0, m.start() - 60): m.start(1)]):
        m = _APPOSED.search(text) if _APPOSED_GATE.search(text) else None
    if m is None:
        return None
    toks = m.group(1).split(" ")
    toks = toks[_split_name(toks, rules):]
    if not toks or any(t in rules.non_name for t in toks):
        return None
    start = m.end(1) - len(" ".join(toks))
    return " ".join(toks), (start, m.end(1))


_NEGATED = _Lazy(r"(?:\bno\b|\bnot\b|n't|\bnobody\b|\bnone\b|\byet to\b)[^.;]*$")
_STRONG = frozenset(["suicide bomber", "gunmen", "shooter", "attacker", "assailant",
                     "knife-wielding man", "man armed with a weapon", "kidnappers", "arsonist",
                     "bomber", "armed people"])
_ARRESTABLE = frozenset(["suspect", "attacker", "assailant", "shooter", "gunmen", "bomber",
                         "arsonist", "knife-wielding man", "man armed with a weapon"])
_KEEP_WORDING = frozenset(["gunmen", "shooter", "attacker", "assailant", "kidnappers", "militants",
                           "terrorists", "rebels", "bandits", "pirates", "arsonist", "suspect",
                           "bomber", "knife-wielding man", "mob", "armed people",
                           "unidentified attackers"])


_ATTRIBUTION_CUES = frozenset(["blamed", "blames", "blaming", "attributed", "attributes",
                               "attributing", "work", "handiwork", "were", "are", "accused",
                               "seal", "hallmark", "hallmarks", "mark", "signature"])
_DENIED_ROLE = _Lazy(r"\b(?:denied|denies|deny|rejected|rejects)\b[^.]{0,60}?\b(?:involvement|"
                     r"responsibility|role|accusations?|allegations?|charges?|blame)\b"
                     r"|\b(?:denied|denies) (?:it|this|that|any part)\b")
_GROUP_APPOSED = _Lazy(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:gang|group|faction|militia|"
                       r"cartel|organi[sz]ation|network|front|movement|outfit)\b")


def _named_groups(text: str, rules: _Rules) -> Iterator[tuple[str, tuple[int, int]]]:
    """Groups the lexicon lacks, named where the attack is laid at their door: "the army
    blamed the Dagoberto Ramos front" gives "Dagoberto Ramos front"; "the seal of Los Chone
    Killers, a criminal gang" gives "Los Chone Killers"."""
    for m in rules.named_group_re.finditer(text):
        words = m.group("name").split()
        # "the Dagoberto Ramos front": a lower-case group word may close the name
        tail = _LOWER_TAIL.match(text, m.end("name"))
        end = m.end("name")
        if tail and tail.group(1) in rules.named_group_heads:
            words.append(tail.group(1))
            end = tail.end()
        before = _lower(text[max(0, m.start() - 60): m.start()])
        if _NEGATED.search(before) or _DENIAL.search(before):
            continue
        if words[-1].lower() in rules.named_group_heads or _GROUP_APPOSED.match(text, end):
            yield " ".join(words), (m.start("name"), end)


_LOWER_TAIL = _Lazy(r"\s+([a-z]+)\b")
_PHRASE_WORDS = _Lazy(r"(?:(?:an?|the|some)\s+)?((?:[a-z][a-z'-]*\s+){0,3}[a-z][a-z'-]*)")


def _attributed(low: str, rules: _Rules) -> Iterator[tuple[str, tuple[int, int]]]:
    """Described attackers an attribution frame names: "blamed the attack on armed
    separatists" gives "armed separatists", "the attackers were armed youth from a
    neighbouring county" gives "armed youth". Named groups are read elsewhere."""
    for frame in rules.attribution_re.finditer(low):
        before = low[max(0, frame.start() - 60): frame.start()]
        if _NEGATED.search(before) or _DENIAL.search(before):
            continue  # "denied that it was the work of ...", "no one blamed ..."
        m = _PHRASE_WORDS.match(low, frame.end())
        if m is None:
            continue
        words: list[re.Match[str]] = []
        for w in _WORD.finditer(low, m.start(1), m.end(1)):
            if w.group(0) in _PHRASE_STOP:
                break
            words.append(w)
        while words and not (words[-1].group(0) in rules.attribution_heads or (
                words[-1].group(0) in rules.attribution_weak_heads and len(words) > 1)):
            words.pop()
        if words:
            span = (words[0].start(), words[-1].end())
            yield " ".join(w.group(0) for w in words), span


# Words a described attacker's phrase does not run through: "militants from the north" ends
# before "from"; "members of a gang" is not read as one phrase.
_PHRASE_STOP = frozenset(["who", "which", "that", "from", "in", "of", "active", "operating",
                          "fighting", "based", "with", "and", "or", "for", "to", "on", "at",
                          "as", "after", "by", "but", "while", "whose", "were", "was", "had",
                          "have", "has", "is", "are"])
_WORD = _Lazy(r"[a-z][a-z'-]*")


def _near(span: tuple[int, int], others: list[tuple[int, int]] | None, dist: int) -> bool:
    a, b = span
    return any(abs(o[0] - b) <= dist or abs(a - o[1]) <= dist for o in others or ())


def _score_hit(
    e: _Entry, m: re.Match[str], low: str, rules: _Rules,
    ctx: dict[str, list[tuple[int, int]]], clashy: bool, known_attack: bool, title: bool = False,
) -> tuple[str, str, float] | None:
    matched = " ".join(m.group(0).split())
    kind, canon = e.kind, e.canon
    if kind == "acronym":
        kind, canon = "group", rules.acronyms.get(m.group(0), m.group(0))
    elif kind == "group":
        canon = rules.group_lower.get(matched, matched)
    # people and security forces are tied only to a verb right after them
    tied = _tied(low, m.start(), m.end(), rules, {"d": 6, "group": 6, "person": 4}.get(kind, 2),
                 title)
    if kind == "group":
        claims = [c for c in ctx.get("claim", ()) if not _NEGATED.search(low, max(0, c[0] - 30),
                                                                          c[0])]
        # "X, the al-Qaeda-linked group that has fought the government for 15 years, claimed"
        apposed = _GROUP_APPOSITIVE.match(low, m.end()) if claims else None
        end = apposed.end() if apposed is not None else m.end()
        if any(0 <= a - end <= 40 or 0 <= m.start() - b <= 25 for a, b in claims) and not (
            _DENIAL.search(low, end, min(len(low), end + 30))
        ):  # "X claimed responsibility", "claimed by X" (not "X denied it, while Y claimed")
            return canon, kind, 3.0
        if tied:
            return canon, kind, 2.5
        if any(0 <= m.start() - b <= 30 or 0 <= a - m.end() <= 20
               or (0 <= m.start() - b <= 80 and _BLAMED_ON.match(low, b, m.start()))
               for a, b in ctx.get("blame", ())):
            # "police blamed Boko Haram", "ISIS is suspected", "blamed the attack on the X
            # faction, a group of Y dissidents"
            return canon, kind, 2.0
        return canon, kind, 0.5
    if kind == "state":
        # "a Russian drone hit", "drones launched by Russia": the strike names its author
        canon = e.regex.country(m) if isinstance(e.regex, _StateRegex) else ""
        if not canon:
            return None
        return canon, kind, 3.0 if tied or " by " in matched or " from " in matched else 1.0
    if kind == "person":
        reach = 40
        if low.startswith(",", m.end()):
            # "a man of 29 years, resident of the building, has been placed in custody"
            close = low.find(",", m.end() + 1, m.end() + 70)
            if close > 0:
                reach += close - m.end()
        arrested = any(0 <= m.start() - b <= 30 or 0 <= a - m.end() <= reach
                       for a, b in ctx.get("arrest", ()))
        apposed = _PERP_APPOSITION.search(low, max(0, m.start() - 40), m.start()) is not None
        if not tied and not arrested and not apposed:
            return None
        if not tied and not apposed:
            passive = _FIRST_PASSIVE.search(low, m.end(), min(len(low), m.end() + reach + 80))
            if passive is not None and passive.group(1) in _VICTIM_PARTICIPLES:
                # "a 19-year-old student, identified as X, who was passing by, was hit in the
                # leg": the person's own verb makes them a victim, whatever "identified" says
                return None
        name = re.sub(r"^(?:an?|the) ", "", matched.lower())
        return name, kind, 2.5 if tied else 2.0
    if kind == "c":
        if not clashy:
            # "Israeli troops raided the camp": security forces as the attackers, kept only
            # when no other attacker is described (see _perpetrators)
            if tied and canon == "security forces":
                return " ".join(matched.lower().split()), "force", 2.1
            return None
        if canon == "security forces" and _TARGET_BEFORE.search(low, max(0, m.start() - 12),
                                                                m.start()):
            return None  # "stones thrown at police and set fire": the target, not a side
        if canon == "security forces" and (
            _FORCE_VICTIM.match(low, m.end()) is not None
            or (not tied and not _clash_side(m, low, ctx, rules))
        ):
            return None  # "police said", "stones thrown at police", "police officers injured"
        name = "protesters" if canon == "protesters" else matched.lower()
        return name, kind, (2.0 if known_attack else 1.0) + (0.5 if tied else 0.0)
    if canon == "suspect" and _verb_suspect(low, m.start(), m.end()):
        return None  # "police suspect that ...": the verb
    if canon == "man armed with a weapon":
        name = re.sub(r"^(?:an?|the) ", "", matched.lower())
    elif canon in _KEEP_WORDING:
        name = matched.lower()
    else:
        name = canon
    if tied:
        score = 3.0
    elif canon in _ARRESTABLE and "arrest" in ctx:
        score = 2.2
    elif canon in _STRONG:
        score = 1.5
    else:
        score = 0.5
    return name, "d", score


_SHORT_FORM = _Lazy(r"\s*\([^()]{1,30}\)")
_GROUP_APPOSITIVE = _Lazy(r",\s+(?:the|an?|which|whose)\s[^,;.()\"]{0,160},")
_FIRST_PASSIVE = _Lazy(  # "was passing by" is no passive: skip "-ing" forms
    r"\b(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?(?![a-z]+ing\b)([a-z]+)")
_VICTIM_PARTICIPLES = frozenset(["hit", "shot", "injured", "wounded", "killed", "hurt", "stabbed",
                                 "rushed", "admitted", "hospitalised", "hospitalized", "slain",
                                 "abducted", "kidnapped"])


# "police officers injured", "troops were killed": the force is a casualty, not a side
_FORCE_VICTIM = _Lazy(
    r"(?:\s+(?:officers?|personnel|officials?|men|constables?|and\s+\w+))*\s+"
    r"(?:(?:were|was|have\s+been|had\s+been|got)\s+)?(?:\w+ly\s+)?"
    r"(?:killed|injured|wounded|hurt|dead|died|among\s+the)\b"
)


# "blamed the attack on [the X front, a group of] ...": the blamed group after "on"
_BLAMED_ON = _Lazy(r"\s+(?:the\s+)?(?:attack|attacks|bombing|blast|explosion|shooting|"
                   r"assault|ambush|killings?|violence|raid|it)\s+on\s+[^.;:!?\"]*$")


_TARGET_BEFORE = _Lazy(r"\b(?:at|on|against|towards?|targeting|attacked|attacking)\s+"
                            r"(?:the\s+)?$")


def _clash_side(
    m: re.Match[str], low: str, ctx: dict[str, list[tuple[int, int]]], rules: _Rules
) -> bool:
    """Police named next to the clash ("clashed with police", "clashes between X and police"),
    not its casualties ("police officers were injured in clashes")."""
    if not _near(m.span(), ctx.get("clash"), 25):
        return False
    return rules.victim_subj_re.match(low, m.end(), min(len(low), m.end() + 60)) is None


# "The suspect, a 31-year-old man from ...": the person is the attacker described
_PERP_APPOSITION = _Lazy(
    r"\b(?:suspects?|attackers?|assailants?|gunm[ae]n|shooters?|bombers?|killers?|stabbers?|"
    r"arsonists?|perpetrators?|culprits?),\s+$"
)


_SUSPECT_SUBJECTS = frozenset(str.split(
    "police they we i investigators authorities officials detectives officers who also"
))
_SUSPECT_OBJECTS = frozenset(str.split("that the a an he she they it his her their foul"))


def _verb_suspect(low: str, start: int, end: int) -> bool:
    before = low[max(0, start - 20): start].split()[-1:]
    after = low[end: end + 12].split()[:1]
    return bool(set(before) & _SUSPECT_SUBJECTS or set(after) & _SUSPECT_OBJECTS)


_NOUN_USE = _Lazy(r"\s+(?:wounds?|injur|victims?\b)")
_HEADLINE_PASSIVE = _Lazy(
    r"\s*(?:$|[,:;|]|(?:dead|to death|in|at|on|near|after|as|outside|inside|while|during|"
    r"by)\b)"
)
_PASSIVE = _Lazy(r"\b(?:was|were|been|being|is|are|be|got|get|left|resulted|remained)\s+"
                      r"(?:(?:\w+ly|also|later|then|subsequently)\s+)?"
                      # "were beaten and burned": one passive, two verbs
                      r"(?:\w+(?:ed|en|t)\s*(?:,\s*|\s+and\s+|\s+or\s+))?$")


def _tied(
    low: str, start: int, end: int, rules: _Rules, reach: int = 6, title: bool = False
) -> bool:
    """The description is the subject of an attack verb (at most `reach` words on), or the
    agent after 'by'."""
    short = _SHORT_FORM.match(low, end)
    if short is not None:
        end = short.end()  # "the Rapid Support Forces (RSF) stormed": past the short form
    m = rules.verb_after_re.match(low, end, min(len(low), end + 80))
    if m is not None and len(low[end: m.start("verb")].split()) <= reach:
        if _NOUN_USE.match(low, m.end()):
            return False  # "found the man with stab wounds": a noun, not the verb
        verb = m.group("verb")
        if (title and " " not in verb and not verb.endswith("s")
                and _HEADLINE_PASSIVE.match(low, m.end())):
            return False  # "Gangster shot dead in ...": a headline drops the passive's "was"
        # "a woman was stabbed": the passive makes it the victim
        return _PASSIVE.search(low, end, m.start("verb")) is None
    words = low[max(0, start - 40): start].split()[-4:]
    if "by" in words:
        return rules.verb_re.search(low, 0, start) is not None
    return False


def _lead_cues(views: list[_View], rules: _Rules) -> tuple[int, int]:
    """(attack cues, disaster cues) in the title and first sentences: a cheap event check."""
    lead = "\n".join([v.low for v in views if not v.sentence.background][:LEAD_SENTENCES])
    return len(rules.attack_cue_re.findall(lead)), len(rules.disaster_cue_re.findall(lead))


# --------------------------------------------------------------------------- victims


def _victims(views: list[_View], rules: _Rules) -> list[str]:
    out: list[str] = []
    seen = 0
    for v in views:
        if v.sentence.background or v.sentence.is_title:
            continue
        seen += 1
        if seen > VICTIM_SENTENCES:
            break
        low = v.low
        for e in rules.victim_lex.active(v):
            if e.canon in out:
                continue
            for m in e.regex.finditer(low):
                if not _free(low, m.start(), m.end()):
                    continue
                if rules.victim_obj_re.search(low, max(0, m.start() - 50), m.start()) or (
                    rules.victim_subj_re.match(low, m.end(), min(len(low), m.end() + 60))
                ):
                    out.append(e.canon)
                    break
    out.sort(key=lambda c: c in _GENERIC_VICTIMS)  # stable: specific nouns first
    return out[:MAX_VICTIMS]


_GENERIC_VICTIMS = frozenset(["people", "civilians"])


# --------------------------------------------------------------------------- sources


@dataclass
class _Src:
    name: str
    role: str | None
    sentence: str
    span: tuple[int, int]
    order: int = 0
    at_start: bool = False


def _sources(views: list[_View], rules: _Rules) -> tuple[list[Source], Evidence | None]:
    found: list[_Src] = []
    full_names: list[tuple[int, str]] = []  # multi-word names seen, to expand bare surnames
    for k, v in enumerate(views):
        if v.sentence.is_title or rules.source_cues.isdisjoint(v.words):
            continue
        text, low = v.text, v.low
        names = list(islice(rules.name_re.finditer(text), MAX_HITS))
        if not names:
            continue
        byline: bool | None = None
        speech = _speech_spans(v, rules)
        starts = [a for a, _ in speech]
        ends = [b for _, b in speech]
        for m in names:
            st, en = m.span()
            if (st and (text[st - 1] in _NAME_GLUE or text[st - 1].isalnum())) or (
                m.group(0) in rules.non_name
            ):
                continue
            if " " not in m.group(0) and low[max(0, st - 7):st].endswith(("of the ", " of ")):
                continue  # "the prefect of the Menoua", "governor of Lagos": a place, not a person
            i = bisect_left(starts, en)
            j = bisect_right(ends, st) - 1
            if not ((i < len(starts) and starts[i] - en <= 220)
                    or (j >= 0 and st - ends[j] <= 90)):
                prev_w = _no_acronym_tail(low[max(0, st - 40): st]).split()
                if not (prev_w and prev_w[-1].rstrip(",") in rules.title_heads) and not any(
                    t.rstrip(".").lower() in rules.title_heads for t in m.group(0).split(" ")[:-1]
                ):
                    continue  # no speech verb and no title near: not a source
            got = _source_at(text, low, m, speech, rules)
            if got is None:
                continue
            name, role, span, accepted = got
            if " " in name:
                full_names.append((len(full_names) + len(found), name))
            if not accepted:
                continue
            if " " not in name and _common_word(name, views):
                continue
            if byline is None:
                byline = _is_byline(v, rules)
            if byline:
                break
            first = not text[: span[0]].strip(" \t-–—•*\"“‘'(")
            if span[0] == 0 and k and " " not in name:
                # "C.P. Verma" split after the initials by the sentence splitter
                initials = _INITIALS_END.search(views[k - 1].text)
                if initials is not None:
                    name = f"{initials.group(1)} {name}"
            found.append(_Src(name, role, text, span, len(full_names) + len(found), first))
    return _resolve(found, full_names, views, rules)


_INITIALS_END = _Lazy(r"(?:^|\s)((?:[A-Z]\.){1,3})$")


def _common_word(word: str, views: list[_View]) -> bool:
    """The article also writes `word` in lower case: a common noun ("Rescuers"), not a name."""
    low = _lower(word)
    for v in views:
        if low in v.words:
            i = v.low.find(low)
            while i >= 0:
                if v.text[i].islower() and _free(v.low, i, i + len(low)):
                    return True
                i = v.low.find(low, i + 1)
    return False


_ATTRIBUTIVE = frozenset(str.split(
    "police county state city district provincial fire army government military federal "
    "regional local municipal health interior rescue disaster emergency hospital"
))
# "District Fire Officer (DFO) Srinivas": the bracketed short form sits between title and name
_ACRONYM_TAIL = _Lazy(r"\s*\([a-z.]{2,8}\)\s*$")


def _no_acronym_tail(text: str) -> str:
    """`text` with a trailing "(dfo)" replaced by a space; the ")" test skips the regex."""
    return _ACRONYM_TAIL.sub(" ", text) if ")" in text else text
_HYPHEN_SUFFIX = frozenset(str.split(
    "based born led backed owned run made linked affiliated style era bound area wide controlled "
    "held allied funded bred raised"
))
_PLURAL_NOUN = _Lazy(r"[^s]s$")
_ORG_GLUE = frozenset(["Without", "For", "Of", "And", "The", "Against", "On", "In", "At"])
_WHEN_WORDS = frozenset(str.split(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Tonight Yesterday January "
    "February March April May June July August September October November December"
))
_NAME_GLUE = frozenset(_WORDCH | {".", "'", "’"})


def _speech_spans(v: _View, rules: _Rules) -> list[tuple[int, int]]:
    """Where the speech verbs are, found with str.find from the words the sentence has."""
    low = v.low
    spans: list[tuple[int, int]] = []
    for word in rules.speech_first.intersection(v.words):
        i = low.find(word)
        while i >= 0:
            # a hit inside a word ("in" in "killing") is skipped before the regex runs
            if i == 0 or low[i - 1] not in _WORDCH:
                m = rules.speech_re.match(low, i)
                if m is not None and _free(low, i, m.end()):
                    spans.append(m.span())
            i = low.find(word, i + 1)
    spans.sort()
    return spans


def _split_name(tokens: list[str], rules: _Rules) -> int:
    """How many leading tokens are titles or organisation words ('County Executive' ...)."""
    cut = 0
    for i, tok in enumerate(tokens[:-1]):
        core = tok.rstrip(".")
        if len(core) == 1 and (tok.endswith(".") or i > 0):
            continue  # an initial
        low = core.lower()
        if (core in rules.non_name or low in rules.titles
                or ("-" in low and all(p in rules.titles for p in low.split("-")))):
            cut = i + 1
    return cut


def _source_at(
    text: str, low: str, m: re.Match[str], speech: list[tuple[int, int]], rules: _Rules
) -> tuple[str, str | None, tuple[int, int], bool] | None:
    en = m.end()
    tokens = m.group(0).split(" ")
    cut = _split_name(tokens, rules)
    title_toks, name_toks = tokens[:cut], tokens[cut:]
    if any(t in _ORG_GLUE for t in tokens[1:]):
        return None  # "Reporters Without Borders", "Department of Health"
    if tokens[0] == "The" and len(title_toks) == 1:
        return None  # "The Pentagon said": a person's name takes no article
    while name_toks and name_toks[-1] in rules.non_name:
        if name_toks[-1] not in _WHEN_WORDS:
            return None  # "Jinnah Hospital", "Bend Police": an organisation or a place
        name_toks.pop()
    if all(t.rstrip(".").lower() in rules.titles for t in name_toks):
        return None  # "Prime Minister": a title alone ("Kamran Sheikh" is a name)
    if not name_toks or any(t in rules.non_name for t in name_toks):
        return None
    if all(len(t.rstrip(".")) <= 1 for t in name_toks):
        return None
    while (len(name_toks) > 2 and 2 <= len(name_toks[0]) <= 5 and name_toks[0].isupper()
           and name_toks[0].isalpha() and title_toks):
        # "Commander PNP Luis Quispe": the force's initials go with the rank
        title_toks.append(name_toks.pop(0))
    if len(name_toks) == 1 and not title_toks and low.endswith("the ", 0, m.start()):
        return None  # "the Group for the Support of Islam": a word of a name, not a person
    if any(len(t) > 2 and t.isupper() and "." not in t for t in name_toks):
        return None  # an acronym: an agency or organisation
    if any("-" in t and t.rsplit("-", 1)[1] in _HYPHEN_SUFFIX for t in name_toks):
        return None  # "Manila-based", "Taliban-led"
    if _lower(" ".join(name_toks)) in rules.group_lower or " ".join(name_toks) in rules.acronyms:
        return None  # a group, not a person
    start = m.start() + sum(len(t) + 1 for t in title_toks)
    end = start + len(" ".join(name_toks))
    name = " ".join(name_toks)
    if text.startswith(("'s", "’s"), end):
        return name, None, (start, end), False  # a possessive: "Khan's convoy"
    nxt = low[en: en + 30].split()[:1]
    if nxt and (nxt[0] in rules.title_heads or nxt[0] in _ATTRIBUTIVE):
        return None  # "Chicago police spokesman Tom Ahern": a modifier, not the speaker
    at_start = not text[: m.start()].strip(" \t-–—•*\"“‘'(")
    prev_words = low[max(0, m.start() - 30): m.start()].split()
    prev = prev_words[-1].strip(",") if prev_words else ""
    title_role = " ".join(title_toks).lower() if title_toks else None
    if title_role and not any(t.rstrip(".").lower() in rules.titles
                              or t.lower() in rules.title_heads for t in title_toks):
        title_role = None

    role: str | None = None
    ok = False
    direct_speech = False
    # 1. "Khan said", "Kamal Ahmed, a witness, said", "X, director of Y, told AFP"
    if any(a >= m.end() and a - m.end() <= 220 for a, _ in speech):
        sm = rules.speech_after_re.match(text, m.end(), min(len(text), m.end() + 240))
        if sm is not None:
            app, app2 = sm.group("app"), sm.group("app2")
            if app is None and _inverted_after(text, low, m.start(), sm.end(), rules):
                pass  # "in the central Philippines, said Ricardo Jalad": Jalad speaks
            elif app is None or (_person_appositive(app, rules)
                                 and (app2 is None or _person_appositive(app2, rules, True))):
                ok = direct_speech = True
                if app and not app.strip().isdigit():
                    role = _clean_role(app)
    # 2. "said police official Jehangir Khattak", "according to Sediq Sediqqi"
    if (not title_toks and prev in _PREPOSITIONS
            and not low.endswith("according to ", 0, m.start())
            and not _CARRIER.search(low, max(0, m.start() - 40), m.start())):
        return name, None, (start, end), False
    inv = None
    if not ok:
        inv = _inverted(text, low, m.start(), speech, rules)
        if inv is not None:
            phrase = inv.strip(" ,")
            if not phrase or _has_title(phrase, rules) or title_role or _CARRIER.search(phrase) \
                    or _LISTENER.fullmatch(phrase):
                ok = True
                if title_toks:
                    phrase = f"{phrase} {' '.join(title_toks).lower()}".strip()
                role = _clean_role(phrase) if phrase and not _LISTENER.fullmatch(phrase) \
                    else None
    # 3. "interior minister Rana Sanaullah", "Police chief Abdullah Jan said"
    before = _no_acronym_tail(low[max(0, m.start() - 60): m.start()])
    lead_title = _title_before(before, rules)
    if lead_title and not _victim_context(before[: len(before) - len(lead_title) - 1]):
        ok = ok or bool(_OFFICIAL.search(lead_title))
        role = role or lead_title.strip(" ,")
    if title_role and not _victim_context(before):
        ok = ok or bool(_OFFICIAL.search(title_role))
        role = role or title_role
    if ok and len(name_toks) == 1 and at_start and not direct_speech:
        ok = False
    if ok and role is None:
        app_m = _ROLE_AFTER.match(text, en)
        if app_m is not None and _has_title(app_m.group(1), rules):
            role = _clean_role(app_m.group(1))
    if role:
        role = _HONORIFIC_TAIL.sub("", role).strip(" ,") or None
    return name, role, (start, end), ok


_ROLE_AFTER = _Lazy(r"\s*,\s*((?:a|an|the)\s+[^,.;:\"“”]{1,60}|[a-z][^,.;:\"“”]{1,60})")


def _inverted_after(text: str, low: str, start: int, verb_end: int, rules: _Rules) -> bool:
    """"X, said Y" / "X, according to Y": the speaker comes after the verb, X is not it."""
    if "," not in text[start: verb_end]:
        return False
    if low.endswith("according to", 0, verb_end):
        return True
    if text[:start].rstrip().endswith(","):
        return False  # "An analyst, Carla Reyes, said": the comma closes the appositive
    nxt = text[verb_end: verb_end + 40].split()[:1]
    if not nxt:
        return False
    word = nxt[0].strip(",.\"“”")
    return word[:1].isupper() or _lower(word) in ("the", "a", "an") or (
        _lower(word) in rules.title_heads)


def _victim_context(before: str) -> bool:
    """'the killing of police officer X': X is a victim, not a source."""
    return not _VICTIM_CONTEXT.isdisjoint(before.split()[-2:])


def _inverted(
    text: str, low: str, start: int, speech: list[tuple[int, int]], rules: _Rules
) -> str | None:
    """The phrase between an inverted speech verb and the name ('police official'), or None."""
    for a, b in reversed(speech):
        if b > start:
            continue
        if start - b > 90:
            return None
        if not rules.inverted_re.match(low, a, b):
            return None
        if rules.quoted_inverted_re.match(low, a, b) and not _QUOTE_OR_COMMA_END.search(
                text, max(0, a - 12), a):
            return None  # "police described Ali Khan as ...": Khan is not speaking
        gap = text[b:start]
        if any(ch in gap for ch in ";:\"“”()") or gap.count(",") > 1:
            return None
        if len(gap.split()) > 8:
            return None
        return gap
    return None


def _title_before(before: str, rules: _Rules) -> str | None:
    """The role title right before a name: 'interior minister ', 'spokesman ', 'chief, '."""
    words = before.split()
    if not words:
        return None
    last = words[-1].rstrip(",")
    if last not in rules.title_heads and last.rstrip(".") not in rules.titles:
        return None
    take = [last]
    for w in reversed(words[-3:-1]):
        if (any(c in w for c in ",.;:\"“”'’()") or
                w in ("the", "a", "an", "by", "said", "says", "of", "to")):
            break
        take.insert(0, w)
    return " ".join(take)


def _person_appositive(app: str, rules: _Rules, second: bool = False) -> bool:
    """', a witness,' or ', 45,' or ', who ...': yes; ', a town in X,' or ', Maryland,': no."""
    words = app.strip().split()
    if not words:
        return False
    first = words[0].lower()
    if first in _APPOSITIVE_BAD_START:
        return False
    if words[0].isdigit() or first in ("who", "whose"):
        return True
    if (first.endswith("ing") and first != "speaking") or first.endswith("ed"):
        return False  # "Peshawar, killing two", "Karachi, located on the coast"
    if _FINITE.search(_RELATIVE.split(app, 1)[0]):
        return False  # a clause ("a bomber is reportedly responsible"), not an appositive
    lowered = [w.lower().strip(".,()") for w in words]
    if any(w in rules.titles or w in rules.title_heads for w in lowered):
        return True
    if not any(w[:1].islower() for w in words):
        return second  # "Maryland": a place, not a role (but fine after a first role)
    content = [w for w in lowered if w not in ("a", "an", "the", "one", "local", "senior")]
    return not (content and content[0] in rules.non_person)


# "according to a statement by X", "said in a post by X": the gap names the medium
# "has confided to us X", "declared to this newspaper X": who heard it, then the speaker
_LISTENER = _Lazy(r"(?:has\s+|had\s+)?to\s+(?:us|this\s+(?:newspaper|paper|website|outlet|media)"
                  r"|our\s+(?:correspondent|reporter|newspaper|team)|reporters|journalists"
                  r"|the\s+press)", re.IGNORECASE)
_QUOTE_OR_COMMA_END = _Lazy(r"[,\"”’']\s*(?:has\s+|had\s+)?$")
_CARRIER = _Lazy(
    r"(?:statement|post|tweet|message|video|letter|interview|report|email|e-mail)s?\s+"
    r"(?:issued\s+)?(?:by|from)\s*$",
    re.IGNORECASE,
)
_CARRIER_HEAD = _Lazy(
    r"^\s*(?:(?:a|an|the)\s+)?(?:statement|post|tweet|message|video|letter|interview|report|"
    r"email|e-mail)s?\s+(?:issued\s+)?(?:by|from)(?:\s+|$)",
    re.IGNORECASE,
)
_RELATIVE = _Lazy(r"\b(?:who|whom|whose|which|where|that|when)\b")
_FINITE = _Lazy(r"\b(?:is|was|are|were|has|have|had|will|would)\b")


def _has_title(phrase: str, rules: _Rules) -> bool:
    words = re.findall(r"[a-z][\w-]*", phrase.lower())
    return any(w in rules.titles or w in rules.title_heads for w in words)


# "the prefect of the Menoua, Mr. X": the honorific belongs to the name, not the role
_HONORIFIC_TAIL = re.compile(r"[\s,]*\b(?:mr|mrs|ms|dr|sir|mme|m)\.?\s*$")


def _clean_role(phrase: str) -> str | None:
    phrase = _RELATIVE.split(phrase, 1)[0]  # "a reporter who was there" -> "a reporter"
    phrase = _CARRIER_HEAD.sub("", phrase)  # "a statement by police chief" -> "police chief"
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,")
    phrase = re.sub(r"^(?:the|a|an|one)\s+", "", phrase, flags=re.I)
    words = phrase.split()
    if not words or phrase.lower() in ("however", "meanwhile", "also"):
        return None
    return " ".join(words[:6]).lower()


def _resolve(
    found: list[_Src], full_names: list[tuple[int, str]], views: list[_View], rules: _Rules
) -> tuple[list[Source], Evidence | None]:
    """Merge mentions: a bare surname ("Khan said") is the full name seen before or after it."""
    out: list[Source] = []
    index: dict[str, int] = {}
    evidence: Evidence | None = None
    for f in found:
        name = f.name
        if " " not in name:
            name = _expand(name, f, found, full_names) or _find_full(name, views, rules) or name
            if " " not in name and f.at_start and _PLURAL_NOUN.search(name):
                continue  # "Analysts said", "Rescuers said": a plural noun, not a surname
            if " " not in name and f.role is None and _big_place(name):
                continue  # "Pakistan condemned the attack": a country, not a person
        key = name.lower()
        if key in index:
            target = out[index[key]]
            if target.role is None and f.role:
                target.role = f.role
            continue
        index[key] = len(out)
        out.append(Source(name, f.role))
        if evidence is None:
            evidence = Evidence(f.sentence, [f.span])
    return out, evidence


def _expand(
    bare: str, f: _Src, found: list[_Src], full_names: list[tuple[int, str]]
) -> str | None:
    """The full name a bare surname refers to: the latest before it, else the first after."""
    for other in reversed(found[: found.index(f)]):
        if " " in other.name and bare in other.name.split():
            return other.name
    later: str | None = None
    for order, full in reversed(full_names):
        if bare in full.split():
            if order < f.order:
                return full
            later = full
    return later


def _big_place(name: str) -> bool:
    """A country, a first-level division, a capital or a city of a million (gazetteer)."""
    try:
        from . import gazetteer

        places = gazetteer.lookup(name)
    except Exception:  # no gazetteer: keep the name
        return False
    return any(not p.alt and (p.kind in ("country", "admin1", "capital")
                              or p.population >= 1_000_000) for p in places[:3])


def _find_full(bare: str, views: list[_View], rules: _Rules) -> str | None:
    """The first multi-word name anywhere in the article that ends with (or has) `bare`."""
    for v in views:
        if v.sentence.is_title or bare not in v.text:
            continue
        for m in rules.name_re.finditer(v.text):
            toks = m.group(0).split(" ")
            toks = toks[_split_name(toks, rules):]
            if len(toks) > 1 and bare in toks and not any(t in rules.non_name for t in toks):
                return " ".join(toks)
    return None
