"""Sentences and word tokens with character offsets (pure functions)."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["TITLE_ABBREVIATIONS", "Sentence", "Token", "split_sentences", "word_tokens"]

_DAY_AFTER = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|local|Moscow|Kyiv|Kiev)\b")
#: Titles written short before a name ("Gov. Oleksandr Prokudin", "Lt. Gen. X"): no sentence ends after them, and
#: a speaker's span runs on through them.
TITLE_ABBREVIATIONS = (
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "sgt",
    "gov", "govt", "sen", "rep", "amb", "adm", "brig", "cmdr", "supt",
)  # fmt: skip
# Abbreviations after which a full stop does not end a sentence.
_ABBREV = {
    *TITLE_ABBREVIATIONS,
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
    # Russian and Ukrainian: "с. Прудянка" (village), "смт", "пгт.", "обл.", "р-н", "ул."/"вул." (street), "пос.",
    # "ст." (stanitsa), "х." (khutor), "тыс."/"тис." (thousand); "м." (місто) and "г." (город) only after a word, as
    # metres and years ("500 м.", "в 2022 г.") end sentences: see _TOWN_ABBREV
    "с",
    "сел",
    "смт",
    "пгт",
    "обл",
    "р-н",
    "ул",
    "вул",
    "пос",
    "ст",
    "х",
    "тыс",
    "тис",
    "им",
    "ім",
    # "в напрямку н.п. Єліне та Клюси", "н. п.": a settlement (населений/населенный пункт), before its name
    "н.п",
    "нп",
    # "в.о. міського голови", "и.о. главы", "т.в.о.": acting (a title, before a name)
    "в.о",
    "и.о",
    "т.в.о",
}
#: "по м. Вовчанськ", "в г. Белгород": a town's abbreviation unless a number comes before it (metres, a year).
_TOWN_ABBREV = {"м", "г"}
#: (a number, but not one with its sign: "больница №2 г. Белгорода" is a hospital of the town)
_NUMBER_BEFORE = re.compile(r"(?<![№#\d])(?<![№#]\s)\d+[\s\u00a0]*$")
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
# a possessive "’s" does not ("Azerbaijan’s Barda" is two names), but for a name's own ("the Donetsk People's
# Republic").
_WORD = re.compile(r"[^\W_]+(?:(?:-|\.(?=\w)|['’](?!s\b(?!\s+Republic\b)))[^\W_]+)*", re.UNICODE)
_LAST_WORD = re.compile(r"([\w.]+)$")
#: A sentence's end: its punctuation, closing quotes, then a space -- or no space, as copies often drop it, when a
#: word of three letters ends and a capitalised word begins ("— заявил мэр Саюк.Согласно его словам"; not
#: "Censor.NET", "U.S.Army", "г.Донецк").
_BOUNDARY = re.compile(
    r"([.!?]+)([\"”»’']*)(\s+|(?<=[^\W\d_]{3}[.!?])(?=[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ]))"
    r"(?=[\"“«'‘(\[]?[A-Z0-9\u0400-\u04FF])"
)


#: A line break inside a sentence: after a word (no punctuation), before a word in lower case.
_WRAPPED = re.compile(r"(?<=[^\W\d_])[ \t]*\n(?=[^\W\d_A-ZА-ЯЁІЇЄҐ])")


def _is_abbreviation(word: str) -> bool:
    """Whether a full stop after *word* is an abbreviation's or an initial's, not a sentence's end."""
    return word.lower().rstrip(".") in _ABBREV or (len(word) == 1 and word.isupper())


def word_tokens(text: str) -> list[Token]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def _quote_depth_ok(par: str, end: int) -> bool:
    """True when the text up to *end* closes every quotation it opens."""
    seg = par[:end]
    opens = sum(seg.count(q) for q in "“«„")
    closes = sum(seg.count(q) for q in "”»")
    straight = seg.count('"')
    return opens <= closes and straight % 2 == 0


#: No real sentence is longer; a longer run of text (a paste without full stops, hostile
#: input) is cut into pieces so that no rule works on megabytes at once.
MAX_SENTENCE = 1200


def _balance(seg: str) -> tuple[int, int]:
    """(curly/guillemet opens minus closes, straight quotes) in *seg*."""
    opens = seg.count("“") + seg.count("«") + seg.count("„")
    closes = seg.count("”") + seg.count("»")
    return opens - closes, seg.count('"')


def split_sentences(text: str) -> list[Sentence]:
    """Split *text* into sentences.  Lines are paragraphs; a sentence never spans two.

    A line broken inside a sentence (copies of channel posts and PDFs wrap lines: "Суджа неоднократно
    подвергались\nобстрелам ВСУ.") goes on into the next, when it ends with no punctuation and the next opens in
    lower case.  A full stop inside a quotation that is still open does not end a sentence,
    so "“... in Shushi. We have ...,” he wrote." stays one sentence with its
    attribution (provided the quotation closes within the paragraph).  Work is
    linear in the length of the text.
    """
    out: list[Sentence] = []
    offset = 0
    text = _WRAPPED.sub(lambda m: " " * len(m.group()), text)  # (a space for each character: offsets stay)

    def emit(pno: int, base: int, start: int, chunk: str) -> None:
        if not chunk.strip():
            return
        lead = len(chunk) - len(chunk.lstrip())
        chunk = chunk.strip()
        pos = base + start + lead
        while len(chunk) > MAX_SENTENCE:
            cut = chunk.rfind(", ", 0, MAX_SENTENCE - 1)
            if cut < MAX_SENTENCE // 2:
                cut = chunk.rfind(" ", 0, MAX_SENTENCE - 1)
            end = cut + 1 if cut > 0 else MAX_SENTENCE
            piece = chunk[:end].strip()
            if piece:
                out.append(Sentence(len(out), pos, piece, pno))
            rest = chunk[end:]
            pos += end + (len(rest) - len(rest.lstrip()))
            chunk = rest.strip()
        if chunk:
            out.append(Sentence(len(out), pos, chunk, pno))

    for pno, par in enumerate(text.split("\n")):
        base = offset
        offset += len(par) + 1
        if not par.strip():
            continue
        whole = _balance(par)
        closes_ok = whole[0] <= 0 and whole[1] % 2 == 0
        start = 0
        depth, straight, scanned = 0, 0, 0
        for m in _BOUNDARY.finditer(par):
            end = m.end(2)
            d, q = _balance(par[scanned:end])
            depth, straight, scanned = depth + d, straight + q, end
            last = _LAST_WORD.search(par, max(start, m.start(1) - 40), m.start(1))
            if last and m.group(1) == "." and _is_abbreviation(last.group(1)):
                continue  # "Gov. Gladkov", "J. Smith"
            if (
                last
                and m.group(1) == "."
                and last.group(1).lower() in _TOWN_ABBREV
                and not _NUMBER_BEFORE.search(par, max(start, last.start() - 20), last.start())
            ):
                continue  # "окупанти завдали удару по м. Вовчанськ", not "на 500 м. Далі"
            if last and last.group(1).lower() in ("a.m", "p.m") and _DAY_AFTER.match(par, m.end()):
                continue  # "at 5:54 a.m. Sunday in the Voroshilovsky district": the time goes on
            if closes_ok and (depth > 0 or straight % 2):
                continue
            emit(pno, base, start, par[start:end])
            start = m.end()
            d, q = _balance(par[scanned:start])
            depth, straight, scanned = 0, 0, start
        emit(pno, base, start, par[start:])
    return out
