"""Folding of scripts, diacritics and transliteration habits into match keys.

Two keys are derived from every name:

``fold``
    A strict key: case, diacritics, non-Latin scripts (through unidecode),
    spaces, hyphens and punctuation are removed, so "Goran Boy", "Goranboy"
    and "GORANBOY" meet, and "Tərtər" meets "Tartar" only through GeoNames'
    own alternate names.

``phonetic``
    A deliberately coarse key that folds the habits of the spelling
    traditions met in war reporting from the South Caucasus and Ukraine
    (Azerbaijani Latin, Russian-derived, Ukrainian-derived, Armenian-derived,
    English, and machine translation through Arabic script) onto one form.  It is used only with
    context (a region, other places nearby), never alone, because it merges
    names that are distinct elsewhere in the world.
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

__all__ = ["fold", "phonetic", "tokens", "ukrainian_key"]

# Letters that unidecode renders unhelpfully for place names: it gives "@" for
# schwa and drops the distinction between Azerbaijani c (= j) and ç (= ch).
# The pre-map keeps the information the phonetic key needs.
_PREMAP = str.maketrans(
    {
        "ə": "e",
        "Ə": "E",
        "ǝ": "e",
        "Ǝ": "E",
        "ı": "i",
        "İ": "I",
        "ç": "ch",
        "Ç": "Ch",
        "ş": "sh",
        "Ş": "Sh",
        "ğ": "gh",
        "Ğ": "Gh",
        "ʻ": "",
        "ʼ": "",
        "’": "",
        "'": "",
        "`": "",
    }
)

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Return the strict match key of *name*: lowercase ASCII letters and digits only.

    >>> fold("Goran Boy") == fold("Goranboy") == fold("GORAN-BOY")
    True
    >>> fold("Tərtər")
    'terter'
    """
    ascii_ = unidecode(name.translate(_PREMAP)).lower()
    return _NON_ALNUM.sub("", ascii_)


# Ordered rewrite rules of the phonetic key.  Each merges spellings that the
# transliteration traditions use for one sound:
#   dzh / dj / zh / j / c / ch / tch  -> j  (Russian "Dzhebrail", Azerbaijani
#       "Cəbrayıl", English "Jabrayil"; Azerbaijani c = j and ç = ch are both
#       written "c" without diacritics, so they cannot be told apart)
#   kh / x                           -> x (Azerbaijani x = kh; Kharkiv = Kharkov)
#   h after a consonant              -> dropped
#   any other h                      -> k, with g: Ukrainian h is Russian g (Horlivka = Gorlovka,
#       Hryhorivka = Grigorovka, Krasnohorivka = Krasnogorovka, Huliaipole = Gulyaypole)
#   gh / ğ / g / q / k                -> k  (Aghdam = Agdam; Azerbaijani q is written G in English
#       and K in Russian: Qəbələ = Gabala = Kabala, Qarakhanbeyli = Garakhanbeyli = Karakhanbeyli)
#   w -> v, y -> i, ph -> f
#   every vowel -> a, then doubled letters collapse (Terter = Tartar,
#       Shushi = Shusha, Fizuli = Füzuli, "Iggha" = "Agha")
_PHONETIC_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"tch|dzh|dz|dj|zh|ch|c|j", "j"),
        (r"kh|x", "x"),
        (r"gh", "g"),
        (r"q|g", "k"),
        (r"ph", "f"),
        (r"w", "v"),
        (r"y", "i"),
        (r"(?<=[bcdfgjklmnprstvz])h", ""),
        (r"h", "k"),
        (r"[aeiou]+", "a"),
        (r"([a-z])\1+", r"\1"),
    )
)


@lru_cache(maxsize=65536)
def phonetic(name: str) -> str:
    """Return the coarse phonetic key of *name* (see the module docstring).

    >>> phonetic("Terter") == phonetic("Tərtər") == phonetic("Tartar")
    True
    >>> phonetic("Agjabedi") == phonetic("Ağcabədi") == phonetic("Aghjabadi")
    True
    >>> phonetic("Hryhorivka") == phonetic("Grigorovka")
    True
    """
    key = fold(name)
    key = "".join(ch for ch in key if not ch.isdigit())
    for pattern, repl in _PHONETIC_RULES:
        key = pattern.sub(repl, key)
    return key


# Ukraine's national romanization (Cabinet of Ministers resolution No. 55 of 27 January 2010), in which GeoNames
# writes Ukrainian places' main names; unidecode romanizes Cyrillic the Russian way ("Уди" -> "Udi", the village is
# "Udy"; "Гути" -> "Guti", it is "Huty").  Letters that open a word are romanized apart (є -> ye, ї -> yi, й -> y,
# ю -> yu, я -> ya there; ie, i, i, iu, ia elsewhere).
_UK_LETTERS = str.maketrans(
    {
        "г": "h", "ґ": "g", "е": "e", "є": "ie", "и": "y", "і": "i", "ї": "i", "й": "i", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ю": "iu", "я": "ia", "ь": "", "ж": "zh",
    }
)  # fmt: skip
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_RUSSIAN_ONLY = re.compile("[ыэъё]", re.IGNORECASE)
_CYRILLIC_WORD_START = re.compile(r"(?<![\w'’])([єїйюя])", re.IGNORECASE)


@lru_cache(maxsize=65536)
def ukrainian_key(name: str) -> str | None:
    """The strict key of a Cyrillic *name* romanized the Ukrainian national way, where it differs from ``fold``
    (None for a name in another script or with letters Ukrainian lacks).

    >>> ukrainian_key("Уди"), fold("Уди")
    ('udy', 'udi')
    """
    if not any("\u0400" <= ch <= "\u04ff" for ch in name) or _RUSSIAN_ONLY.search(name):
        return None
    low = _CYRILLIC_WORD_START.sub(lambda m: _UK_INITIAL[m.group(1).lower()], name.lower())
    key = fold(low.replace("зг", "zgh").translate(_UK_LETTERS))
    return key if key and key != fold(name) else None


_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", re.UNICODE)


def tokens(text: str) -> list[str]:
    """Split *text* into word tokens (letters, with inner hyphens and apostrophes)."""
    return _WORD.findall(text)
