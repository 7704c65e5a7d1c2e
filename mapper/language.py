"""Which language an article is written in, as far as claim extraction cares: English or not.

Claims are read with English grammar (speech verbs, event words, prepositions).  An article in
another language still names places the gazetteer knows, in any script, but yields no claims; the
build says so for that file instead of leaving it silently empty.

A count of function words is enough to tell English from the rest, costs microseconds per article
and gives the same answer every time.  The languages named are those of war reporting that seeds
usually hold; any other Latin-script text is "not English" without a name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Language", "language_of", "SAMPLE_CHARS"]


@dataclass(frozen=True, slots=True)
class Language:
    """An article's language: an ISO 639-1 code where it can be named ("" otherwise) and a name."""

    code: str
    name: str

    @property
    def english(self) -> bool:
        return self.code == "en"


ENGLISH = Language("en", "English")
#: How much of a text is looked at (the opening is enough, and bounded).
SAMPLE_CHARS = 2000
SAMPLE_WORDS = 400
#: Below this many words there is too little to judge: such a text counts as English.
MIN_WORDS = 12
#: Share of the words that must be function words of a language to call the text that language.
MIN_SHARE = 0.12

# The commonest short words of each language (articles, prepositions, conjunctions, pronouns).
_FUNCTION_WORDS: dict[str, tuple[str, frozenset[str]]] = {
    code: (name, frozenset(words.split()))
    for code, name, words in (
        (
            "en",
            "English",
            "the of and to in a is that for on was with as by at from it are were has have said "
            # (and words no other language listed here writes: terse wire items run on these)
            "near after against into had been he his its not but this which who they their would than during",
        ),
        ("it", "Italian", "il lo la gli le di del della dei delle che e è per con un una nel nella sono ha da"),
        ("fr", "French", "le la les de des du et est un une dans pour que qui sur par au aux a été avec"),
        ("es", "Spanish", "el la los las de del y en que un una por con para es se al fue han"),
        ("de", "German", "der die das und ist nicht von mit den dem ein eine im zu auf sich des auch wurde"),
        ("pt", "Portuguese", "o a os as de do da dos das e em que um uma para com por no na foi"),
        ("tr", "Turkish", "ve bir bu da de ile için olarak olan gibi daha çok en ise sonra"),
        ("pl", "Polish", "i w na z do że się nie to jest o po przez od jak za"),
        ("az", "Azerbaijani", "və bir bu ilə üçün olan da də isə ki artıq sonra daha"),
    )
}
_UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")
_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_SCRIPT_LANGUAGES = {"ARMENIAN": Language("hy", "Armenian"), "ARABIC": Language("ar", "Arabic (script)")}


def language_of(text: str) -> Language:
    """The language *text* is written in, by its script and then by its function words."""
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample)[:SAMPLE_WORDS]
    if len(words) < MIN_WORDS:
        return ENGLISH
    latin = len(_LATIN.findall(sample))
    cyrillic = len(_CYRILLIC.findall(sample))
    if cyrillic > latin:
        ukrainian = sum(1 for ch in sample if ch in _UKRAINIAN_LETTERS)
        return Language("uk", "Ukrainian") if ukrainian >= 3 else Language("ru", "Russian")
    if 2 * latin < len(_LETTER.findall(sample)):
        scripts: dict[str, int] = {}
        for ch in "".join(words):
            script = _script(ch)
            scripts[script] = scripts.get(script, 0) + 1
        main = max(sorted(scripts), key=lambda s: scripts[s])
        return _SCRIPT_LANGUAGES.get(main, Language("", f"{main.title()} script"))
    lowered = [w.lower() for w in words]
    english = _FUNCTION_WORDS["en"][1]
    if sum(1 for w in lowered if w in english) >= MIN_SHARE * len(lowered):
        return ENGLISH
    shares = {code: sum(1 for w in lowered if w in vocab) for code, (_, vocab) in _FUNCTION_WORDS.items()}
    best = max(sorted(shares), key=lambda c: shares[c])
    if best != "en" and shares[best] >= MIN_SHARE * len(lowered):
        return Language(best, _FUNCTION_WORDS[best][0])
    return Language("", "a language other than English")


def _script(ch: str) -> str:
    """The script of a letter, from its Unicode name ("CYRILLIC SMALL LETTER A" -> "CYRILLIC")."""
    if ch.isascii():
        return "LATIN"
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"
