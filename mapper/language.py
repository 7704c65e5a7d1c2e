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

__all__ = ["Language", "language_of"]


@dataclass(frozen=True, slots=True)
class Language:
    """An article's language: an ISO 639-1 code where it can be named ("" otherwise) and a name."""

    code: str
    name: str

    @property
    def english(self) -> bool:
        return self.code == "en"


ENGLISH = Language("en", "English")
#: How many of a text's words are looked at (the opening is enough, and bounded).
SAMPLE_WORDS = 400
#: Below this many words there is too little to judge: such a text counts as English.
MIN_WORDS = 12
#: Share of the words that must be function words of a language to call the text that language.
MIN_SHARE = 0.12

# The commonest short words of each language (articles, prepositions, conjunctions, pronouns).
_FUNCTION_WORDS: dict[str, tuple[str, frozenset[str]]] = {
    code: (name, frozenset(words.split()))
    for code, name, words in (
        ("en", "English", "the of and to in a is that for on was with as by at from it are were has have said"),
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


def language_of(text: str) -> Language:
    """The language *text* is written in, by its script and then by its function words."""
    words = _WORD.findall(text)[:SAMPLE_WORDS]
    if len(words) < MIN_WORDS:
        return ENGLISH
    letters = [ch for w in words for ch in w]
    scripts: dict[str, int] = {}
    for ch in letters:
        script = _script(ch)
        scripts[script] = scripts.get(script, 0) + 1
    main = max(sorted(scripts), key=lambda s: scripts[s])
    if main == "CYRILLIC":
        ukrainian = sum(1 for ch in letters if ch in _UKRAINIAN_LETTERS)
        return Language("uk", "Ukrainian") if ukrainian >= 3 else Language("ru", "Russian")
    if main == "ARMENIAN":
        return Language("hy", "Armenian")
    if main == "ARABIC":
        return Language("ar", "Arabic (script)")
    if main != "LATIN":
        return Language("", f"{main.title()} script")
    lowered = [w.lower() for w in words]
    shares = {
        code: sum(1 for w in lowered if w in vocab) / len(lowered) for code, (_, vocab) in _FUNCTION_WORDS.items()
    }
    best = max(sorted(shares), key=lambda c: shares[c])
    if best == "en" or shares["en"] >= MIN_SHARE:
        return ENGLISH
    if shares[best] >= MIN_SHARE:
        return Language(best, _FUNCTION_WORDS[best][0])
    return Language("", "a language other than English")


def _script(ch: str) -> str:
    """The script of a letter, from its Unicode name ("CYRILLIC SMALL LETTER A" -> "CYRILLIC")."""
    if ch.isascii():
        return "LATIN"
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"
