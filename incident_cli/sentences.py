"""Sentence splitting with NLTK's Punkt (untrained, with our abbreviation list: no downloads).

Lines without final punctuation (headlines, captions) are sentences of their own,
except hard-wrapped lines, which are joined when the next line continues in lower case.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .config import Config
from .document import Sentence

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

_ENDS_SENTENCE = re.compile(r"[.!?…:;\"')\]]\s*$")
_STARTS_LOWER = re.compile(r"^[a-z(,;]")
_WORDS = re.compile(r"\w+(?:['’.-]\w+)*|[^\w\s]")
_MAX_SENTENCE_CHARS = 2000


def _tokenizer(config: Config) -> PunktSentenceTokenizer:
    def build() -> PunktSentenceTokenizer:
        from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

        params = PunktParameters()
        params.abbrev_types = {
            str(a).lower().rstrip(".") for a in config.section("sentences").get("abbreviations", [])
        }
        return PunktSentenceTokenizer(params)

    return config.cached("punkt", build)


def _join_wrapped(lines: list[str]) -> list[str]:
    """Blocks of text: hard-wrapped lines joined, unpunctuated lines kept on their own."""
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
    """A long unpunctuated line followed by one that is no headline reads as a wrapped line."""
    return len(previous) >= 60 and bool(_ENDS_SENTENCE.search(line)) and len(line) >= 40


def split_sentences(paragraphs: list[list[str]], config: Config) -> list[Sentence]:
    tokenizer = _tokenizer(config)
    sentences: list[Sentence] = []
    for p_index, lines in enumerate(paragraphs):
        for block in _join_wrapped(lines):
            heading = not _ENDS_SENTENCE.search(block) and len(block) <= 200
            for piece in _split_long(block):
                for text in tokenizer.tokenize(piece):
                    text = text.strip()
                    if text:
                        sentences.append(Sentence(index=len(sentences), text=text,
                                                  paragraph=p_index, is_heading=heading))
    return sentences


def _split_long(block: str) -> list[str]:
    """Cap pathological unpunctuated runs so later regexes stay linear and fast."""
    if len(block) <= _MAX_SENTENCE_CHARS:
        return [block]
    return [block[i:i + _MAX_SENTENCE_CHARS] for i in range(0, len(block), _MAX_SENTENCE_CHARS)]


def words(text: str) -> list[str]:
    """Word tokens (NLTK-compatible simple tokenizer, fast and download-free)."""
    return _WORDS.findall(text)
