"""Sentences and word tokens with character offsets (pure functions)."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "Token", "split_sentences", "word_tokens"]

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "col",
    "lt",
    "maj",
    "capt",
    "sgt",
    "st",
    "no",
    "vs",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.n",
    "u.k",
    "e.g",
    "i.e",
    "etc",
    "approx",
    "km",
    "inc",
    "co",
    "corp",
    "jr",
    "sr",
}
_OPEN_Q = "“«„"
_CLOSE_Q = "”»“"


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int  # offset in the article text
    text: str
    paragraph: int


#: A word of a sentence: (start, end, text), offsets in the sentence.  A plain tuple:
#: a build makes hundreds of thousands of them.
Token = tuple[int, int, str]


# Inner hyphens and apostrophes join a word ("Nagorno-Karabakh", "Ma'arrat"),
# a possessive "’s" does not ("Azerbaijan’s Barda" is two names).
_WORD = re.compile(r"[^\W_]+(?:(?:-|\.(?=\w)|['’](?!s\b))[^\W_]+)*", re.UNICODE)
_BOUNDARY = re.compile(r"([.!?]+)([\"”»’']*)(\s+)(?=[\"“«'‘(\[]?[A-Z0-9\u0400-\u04FF])")


def word_tokens(text: str) -> list[Token]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def _quote_depth_ok(par: str, end: int) -> bool:
    """True when the text up to *end* closes every quotation it opens."""
    seg = par[:end]
    opens = sum(seg.count(q) for q in "“«„")
    closes = sum(seg.count(q) for q in "”»")
    straight = seg.count('"')
    return opens <= closes and straight % 2 == 0


def split_sentences(text: str) -> list[Sentence]:
    """Split *text* into sentences.  Lines are paragraphs; a sentence never spans two.

    A full stop inside a quotation that is still open does not end a sentence,
    so "“... in Shushi. We have ...,” he wrote." stays one sentence with its
    attribution (provided the quotation closes within the paragraph).
    """
    out: list[Sentence] = []
    offset = 0
    for pno, par in enumerate(text.split("\n")):
        base = offset
        offset += len(par) + 1
        if not par.strip():
            continue
        closes_ok = _quote_depth_ok(par, len(par))
        start = 0
        for m in _BOUNDARY.finditer(par):
            end = m.end(2)
            before = par[start : m.start(1)]
            last = re.search(r"([\w.]+)$", before)
            if last and m.group(1) == "." and last.group(1).lower().rstrip(".") in _ABBREV:
                continue
            if last and m.group(1) == "." and len(last.group(1)) == 1 and last.group(1).isupper():
                continue  # an initial: "J. Smith"
            if closes_ok and not _quote_depth_ok(par[start:], end - start):
                continue
            chunk = par[start:end]
            if chunk.strip():
                lead = len(chunk) - len(chunk.lstrip())
                out.append(Sentence(len(out), base + start + lead, chunk.strip(), pno))
            start = m.end()
        chunk = par[start:]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            out.append(Sentence(len(out), base + start + lead, chunk.strip(), pno))
    return out
