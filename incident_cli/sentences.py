"""Sentence splitting with NLTK's Punkt (untrained, with our abbreviation list: no downloads).

Lines without final punctuation (headlines, captions) are sentences of their own,
except hard-wrapped lines, which are joined when the next line continues in lower case.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
import types
from typing import TYPE_CHECKING

from .config import Config
from .document import Sentence

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

_ENDS_SENTENCE = re.compile(r"[.!?…:;\"')\]]\s*$")
_ENDS_ON_FUNCTION_WORD = re.compile(
    r"\b(?:in|at|of|the|a|an|and|or|to|from|near|on|by|with|for|into|outside|inside|"
    r"between|after|before|said|says|told)\s*$"
)
_STARTS_LOWER = re.compile(r"^[a-z(,;]")
_WORDS = re.compile(r"\w+(?:['’.-]\w+)*|[^\w\s]")
_MAX_SENTENCE_CHARS = 2000


def _import_punkt() -> tuple[type, type]:
    """Import NLTK's Punkt module without running `nltk/__init__.py`.

    The package initialiser imports most of NLTK (corpora, chunkers, translation metrics,
    http.client): about 0.25 s of a cold start, for a module that needs none of it.
    Placeholder parent packages let Python load `nltk.tokenize.punkt` and its few
    dependencies alone; they are removed at once, so a later `import nltk` is the real one.
    Any surprise falls back to the ordinary import.
    """
    if "nltk" not in sys.modules:
        spec = importlib.util.find_spec("nltk")
        locations = list(spec.submodule_search_locations or []) if spec else []
        if locations:
            placeholders = {}
            for name, path in (("nltk", locations[0]),
                               ("nltk.tokenize", os.path.join(locations[0], "tokenize"))):
                module = types.ModuleType(name)
                module.__path__ = [path]
                placeholders[name] = sys.modules[name] = module
            try:
                from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

                return PunktParameters, PunktSentenceTokenizer
            except Exception:  # noqa: BLE001 - any failure: use the ordinary import
                for name in [m for m in sys.modules if m == "nltk" or m.startswith("nltk.")]:
                    del sys.modules[name]
            finally:
                for name, module in placeholders.items():
                    if sys.modules.get(name) is module:
                        del sys.modules[name]
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    return PunktParameters, PunktSentenceTokenizer


def _tokenizer(config: Config) -> PunktSentenceTokenizer:
    def build() -> PunktSentenceTokenizer:
        PunktParameters, PunktSentenceTokenizer = _import_punkt()  # noqa: N806

        params = PunktParameters()
        params.abbrev_types = {
            str(a).lower().rstrip(".") for a in config.section("sentences").get("abbreviations", [])
        }
        return _with_plain_breaks(PunktSentenceTokenizer)(params)

    return config.cached("punkt", build)


# The commonest candidate context: a plain word, its final . ? or !, one space, the next token.
_PLAIN_BREAK = re.compile(r"([A-Za-z]{2,})[.?!] \S+")


def _with_plain_breaks(punkt: type[PunktSentenceTokenizer]) -> type[PunktSentenceTokenizer]:
    """Punkt, deciding the commonest candidate break without its token machinery.

    With untrained parameters (no collocations, no orthographic context), a word of two or
    more letters that is no abbreviation, ending on . ? or ! and followed by another token,
    is always a sentence break: no rule of Punkt's second pass applies to it (those handle
    abbreviations, ellipses, initials and numbers). Every other context goes to Punkt.
    """

    class PunktWithPlainBreaks(punkt):  # type: ignore[misc, valid-type]
        def text_contains_sentbreak(self, text: str) -> bool:
            plain = _PLAIN_BREAK.fullmatch(text)
            if (
                plain
                and not self._params.collocations
                and plain.group(1).lower() not in self._params.abbrev_types
            ):
                return True
            return super().text_contains_sentbreak(text)

    return PunktWithPlainBreaks


def _hard_wrapped(lines: list[str]) -> bool:
    """Text wrapped at a fixed width: most lines (but the last) nearly as long as the longest,
    and many of them ending mid-sentence."""
    if len(lines) < 3:
        return False
    body = lines[:-1]
    width = max(len(line) for line in body)
    if not 50 <= width <= 100:
        return False
    full = sum(1 for line in body if len(line) >= 0.75 * width)
    open_ended = sum(1 for line in body if not _ENDS_SENTENCE.search(line))
    return full >= 0.5 * len(body) and open_ended >= 0.5 * len(body)


def _join_wrapped(lines: list[str], wrapped_text: bool = False) -> list[str]:
    """Blocks of text: hard-wrapped lines joined, unpunctuated lines kept on their own.

    `wrapped_text`: the whole article is hard-wrapped, so a short paragraph of two lines
    ("... the ferry capsized off / Ukerewe, killing 220 people.") is one sentence too."""
    if (wrapped_text and len(lines) > 1) or _hard_wrapped(lines):
        # Punkt finds the sentence ends inside; "a | b" lines (bylines, menus) stay apart.
        joined: list[str] = []
        for line in lines:
            if joined and "|" not in line and "|" not in joined[-1]:
                joined[-1] = f"{joined[-1]} {line}"
            else:
                joined.append(line)
        return joined
    blocks: list[str] = []
    for line in lines:
        if blocks and (
            _STARTS_LOWER.match(line) or not _ENDS_SENTENCE.search(blocks[-1])
            and _continues(blocks[-1], line)
        ):
            blocks[-1] = f"{blocks[-1]} {line}"
        else:
            blocks.append(line)
    return blocks


def _continues(previous: str, line: str) -> bool:
    """A long unpunctuated line followed by one that is no headline reads as a wrapped line;
    so does any line that stops on a preposition or article ("…a police station in")."""
    if _ENDS_ON_FUNCTION_WORD.search(previous) and len(previous.split()) >= 3:
        return True
    return len(previous) >= 60 and bool(_ENDS_SENTENCE.search(line)) and len(line) >= 40


def split_sentences(paragraphs: list[list[str]], config: Config) -> list[Sentence]:
    tokenizer = _tokenizer(config)
    sentences: list[Sentence] = []
    # every line that runs on to another in its paragraph (the "" stands for the last line,
    # which `_hard_wrapped` leaves out of its measure)
    wrapped_text = _hard_wrapped([line for lines in paragraphs if len(lines) >= 3
                                  for line in lines[:-1]] + [""])
    for p_index, lines in enumerate(paragraphs):
        for block in _join_wrapped(lines, wrapped_text):
            heading = not _ENDS_SENTENCE.search(block) and len(block) <= 200
            for piece in _split_long(block):
                for text in _rejoin_initials(_punkt_sentences(tokenizer, piece)):
                    text = text.strip()
                    if text:
                        sentences.append(Sentence(index=len(sentences), text=text,
                                                  paragraph=p_index, is_heading=heading))
    return sentences


def _punkt_sentences(tokenizer: PunktSentenceTokenizer, text: str) -> list[str]:
    """`tokenizer.tokenize(text)`, without its machinery when the text holds no candidate
    sentence end (by Punkt's own regex): then Punkt returns the text, right-stripped."""
    lang_vars = tokenizer._lang_vars
    if any(end in text for end in lang_vars.sent_end_chars) and (
        lang_vars.period_context_re().search(text)
    ):
        return tokenizer.tokenize(text)
    stripped = text.rstrip()
    return [stripped] if stripped else []


_ENDS_ON_INITIALS = re.compile(r"(?:^|[\s(])((?:[A-Z]\.){1,3})$")
_NOT_INITIALS = {"U.S.", "U.K.", "U.N.", "D.C.", "E.U.", "U.A.E.", "A.M.", "P.M."}


def _rejoin_initials(pieces: list[str]) -> list[str]:
    """Punkt ends sentences after initials ("said A.K. | Mittal, a railway official")."""
    out: list[str] = []
    for piece in pieces:
        match = _ENDS_ON_INITIALS.search(out[-1]) if out else None
        if match and match.group(1) not in _NOT_INITIALS and piece[:1].isupper():
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def _split_long(block: str) -> list[str]:
    """Cap pathological unpunctuated runs so later regexes stay linear and fast."""
    if len(block) <= _MAX_SENTENCE_CHARS:
        return [block]
    return [block[i:i + _MAX_SENTENCE_CHARS] for i in range(0, len(block), _MAX_SENTENCE_CHARS)]


def words(text: str) -> list[str]:
    """Word tokens (NLTK-compatible simple tokenizer, fast and download-free)."""
    return _WORDS.findall(text)
