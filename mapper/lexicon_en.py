"""The English of war reporting, as data: the words every claims stage reads.

Kept in one place (as spaCy keeps ``lang/en``) so that the stages agree: one list
of speech verbs with every inflection generated from its lemma, one list of
denial verbs, of roles, of pronouns, of number words and of dates.  Nothing here
knows a conflict; conflict knowledge lives in the profiles.
"""

from __future__ import annotations

import re

__all__ = [
    "SPEECH_FORMS",
    "DENY_LEMMAS",
    "ACCUSE_LEMMAS",
    "speech_lemma",
    "NUMBER_WORDS",
    "MONTHS",
    "MONTH_ABBR",
    "WEEKDAYS",
    "PRONOUNS",
    "FIRST_PERSON",
    "GENERIC_SUBJECTS",
    "ROLE_WORDS",
    "OFFICIAL_WORDS",
    "LOCAL_OFFICIAL",
    "OWNER_NOUNS",
    "ADVERBIALS",
    "TITLE_WORDS",
]

# Verbs that report what someone says, by lemma.  A claim is whatever follows or
# precedes them; the list is wide on purpose ("Baku maintains that", "Yerevan
# insists", "Moscow confirmed"): reporting English uses dozens of them.
_SPEECH_LEMMAS = (
    "say",
    "tell",
    "state",
    "announce",
    "report",
    "claim",
    "confirm",
    "deny",
    "reject",
    "refute",
    "add",
    "write",
    "tweet",
    "note",
    "stress",
    "indicate",
    "declare",
    "allege",
    "insist",
    "warn",
    "inform",
    "explain",
    "emphasise",
    "emphasize",
    "underline",
    "assert",
    "clarify",
    "post",
    "accuse",
    "charge",
    "maintain",
    "mention",
    "reveal",
    "quote",
    "document",
    "verify",
    "record",
    "specify",
    "assure",
    "complain",
    "condemn",
    "argue",
    "contend",
    "acknowledge",
    "admit",
    "concede",
    "disclose",
    "respond",
    "reply",
    "counter",
    "retort",
    "repeat",
    "reiterate",
    "affirm",
    "proclaim",
    "testify",
    "observe",
    "comment",
    "recount",
    "brief",
    "notify",
    # "..., informed Governor of the Bryansk region Alexander Bogomaz" (machine-translated "сообщил")
    "inform",
    "underscore",
    "highlight",
    "dismiss",
    "rebuff",
    "disprove",
    "debunk",
    "blame",
    "announce",
    "publish",
    "share",
    "cite",
    "relay",
    "signal",
    "suggest",
    "estimate",
    "detail",
    "describe",
    # "Russia urges international organisations to condemn Ukrainian attacks on Donetsk": its account of them
    "urge",
)
#: Past forms that are not lemma + "ed".
_IRREGULAR_PAST = {"say": "said", "tell": "told", "write": "wrote", "read": "read", "speak": "spoke"}
#: Participles that differ from the past ("has written").
_IRREGULAR_PARTICIPLE = {"write": "written", "speak": "spoken"}
#: Final consonants doubled before -ed/-ing.
_DOUBLED = {"admit", "rebut", "commit", "refer", "regret"}
#: Multi-word reporting verbs: the particle follows the verb ("pointed out").
_PARTICLE_VERBS = {"point": "out", "spell": "out", "speak": "of"}

DENY_LEMMAS = frozenset({"deny", "reject", "refute", "dismiss", "rebuff", "disprove", "debunk", "disavow"})
#: Verbs whose object is the accused side ("accused Armenia of shelling Tartar").
ACCUSE_LEMMAS = frozenset({"accuse", "blame", "charge"})


def _inflect(lemma: str) -> dict[str, str]:
    """Every form of a regular English verb, mapped to its lemma."""
    forms = {lemma: lemma}
    past = _IRREGULAR_PAST.get(lemma)
    if past is None:
        if lemma in _DOUBLED:
            past = lemma + lemma[-1] + "ed"
        elif lemma.endswith("e"):
            past = lemma + "d"
        elif re.search(r"[^aeiou]y$", lemma):
            past = lemma[:-1] + "ied"
        else:
            past = lemma + "ed"
    forms[past] = lemma
    forms[_IRREGULAR_PARTICIPLE.get(lemma, past)] = lemma
    if re.search(r"(s|sh|ch|x|z)$", lemma):
        forms[lemma + "es"] = lemma
    elif re.search(r"[^aeiou]y$", lemma):
        forms[lemma[:-1] + "ies"] = lemma
    else:
        forms[lemma + "s"] = lemma
    if lemma in _DOUBLED:
        forms[lemma + lemma[-1] + "ing"] = lemma
    elif lemma.endswith("e") and not lemma.endswith("ee"):
        forms[lemma[:-1] + "ing"] = lemma
    else:
        forms[lemma + "ing"] = lemma
    return forms


def _speech_forms() -> dict[str, str]:
    out: dict[str, str] = {}
    for lemma in (*_SPEECH_LEMMAS, *_PARTICLE_VERBS):
        out.update(_inflect(lemma))
    return out


#: Every inflected form of a speech verb -> its lemma ("said" -> "say", "insists" -> "insist").
SPEECH_FORMS: dict[str, str] = _speech_forms()
# Base forms that are far more often nouns than verbs of speech ("the report", "a tweet",
# "the state"); their inflected forms stay ("reported", "tweeted", "stated").
for _noun in (
    "record",
    "post",
    "share",
    "signal",
    "counter",
    "detail",
    "charge",
    "comment",
    "quote",
    "report",
    "claim",
    "estimate",
    "blame",
    "brief",
    "state",
    "note",
    "document",
    "tweet",
    "reply",
    "relay",
    "briefing",
    "briefs",
    "charges",
    "records",
    "posts",
    "details",
    "estimates",
    "signals",
    "shares",
    "counters",
    "comments",
    "reporting",
    "recording",
    "documents",
    "notes",
    "quotes",
    "tweets",
):
    SPEECH_FORMS.pop(_noun, None)


def speech_lemma(word: str, next_word: str = "") -> str | None:
    """The lemma of a speech verb form, or None; particle verbs need their particle ("pointed out")."""
    lemma = SPEECH_FORMS.get(word.lower())
    if lemma is None:
        return None
    particle = _PARTICLE_VERBS.get(lemma)
    if particle is not None and next_word.lower() != particle:
        return None
    return lemma


NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "a hundred": 100,
    "hundreds": 200,
    "dozens": 24,
    "a dozen": 12,
}
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
#: Month abbreviations as newswires write them ("Oct. 28", "Sept 3"), 0-based month numbers.
MONTH_ABBR = {
    "jan": 0,
    "feb": 1,
    "mar": 2,
    "apr": 3,
    "jun": 5,
    "jul": 6,
    "aug": 7,
    "sep": 8,
    "sept": 8,
    "oct": 9,
    "nov": 10,
    "dec": 11,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

#: Pronouns that continue an earlier speaker.
PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them"})
#: First person inside a quotation: the quotation's own speaker stands.
FIRST_PERSON = frozenset({"i", "we", "us", "me", "our", "my"})

#: Words that open a noun phrase without naming anyone ("All allegations that ...", "Such claims").
DETERMINERS = frozenset(
    [
        "all",
        "any",
        "these",
        "those",
        "such",
        "some",
        "both",
        "many",
        "most",
        "no",
        "other",
        "each",
        "every",
        "several",
        "their",
        "his",
        "her",
        "its",
        "our",
        "your",
        "recent",
        "earlier",
        "previous",
        "new",
        "similar",
        "further",
    ]
)
#: Subjects that are no one claimant ("Each side denies targeting civilians").
GENERIC_SUBJECTS = re.compile(
    r"^(?:each|either|neither|both|the two|all)\s+(?:of the\s+)?(?:sides?|parties|countries|nations|belligerents)\b|"
    r"^(?:the\s+)?(?:two|warring|opposing)\s+(?:sides|parties)\b|^(?:the\s+)?sides\b|^(?:each other|one another)\b",
    re.IGNORECASE,
)
#: Words that make a phrase a speaker's role or body.
ROLE_WORDS = re.compile(
    r"\b(spokes\w+|minister|ministry|head|chief|official|representative|adviser|advisor|aide|ombuds\w*|"
    r"secretary|commander|director|deputy|office|service|department|agency|cent(?:er|re)|president|"
    r"governor|mayor|administrator|analyst|researcher|correspondent|reporter|journalist|resident|witness|"
    r"press\s+secretary|prosecutor|chair(?:man|woman|person))\b",
    re.IGNORECASE,
)
#: An official body or office holder (no side of its own when unqualified: "the ministry said").
OFFICIAL_WORDS = re.compile(
    r"\b(ministry|ministers?|prosecutors?|ombuds\w*|president|presidential|government|spokes\w+|offices?|"
    r"authorities|officials?|military|army|command|services?|committee|agency|administrations?|embassy|mission|"
    r"governors?|mayors?|administrator|councils?|headquarters|staff|brigades?|regiments?|battalions?|corps|"
    # a country's armed services named alone ("the air force said", "the navy reported")
    r"air\s+force|navy|national\s+guard|border\s+guards?|air\s+defen[cs]es?)\b",
    re.IGNORECASE,
)
#: An official of a region, not a town: "Belgorod regional governor", "Gov. X", "the head of the region".
REGIONAL_OFFICIAL = re.compile(
    r"\bgov\.|\b(?:governor|regional|oblast|province|provincial|head of (?:the )?(?:region|republic))\b", re.IGNORECASE
)
#: Officials of a place, named by role only: they speak for whoever holds the place.
LOCAL_OFFICIAL = re.compile(
    r"\bgov\.|\b(?:mayor|governor|administrator|"
    r"(?:local|city|town|village|district|regional|municipal|community|county|provincial)\s+"
    r"(?:authorities|officials?|administration|council|government|head|chief|leader|mayor|police)|"
    r"head\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:local|city|town|village|district|regional|municipal|community|county|"
    r"provincial)\s*(?:administration|council|executive\s+power|authority)?|"
    r"head\s+of\s+(?:the\s+)?(?:[\w’'-]+\s+)?(?:region|city|town|village|district|community|municipality|oblast|"
    r"province|republic)|"
    r"(?:regional|city|district|oblast|municipal)\s+(?:state\s+|military\s+)?administration|"
    # "the head of the Kharkiv police", "the Kherson regional police": a place's police
    r"head\s+of\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}police|(?-i:[A-Z])[\w’'-]+\s+(?:regional\s+|oblast\s+)?police|"
    # "the authorities in Horlivka", "officials of Enerhodar": a place's own (its holder's)
    r"(?:authorities|officials)\s+(?:in|of)\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?"
    r"(?-i:[A-Z])[\w’'-]+(?!\s+(?-i:[A-Z]))|"
    # "the Telegram channel of the town of X": a town's own channel is its administration's voice
    r"(?:telegram\s+|official\s+)?channel\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:city|town|village|municipality))\b",
    re.IGNORECASE,
)
#: "the republic's defence ministry", "the city's mayor": nouns that stand for a place or country
#: named earlier, by the kind of place they are.
OWNER_NOUNS = {
    "country": "country",
    "nation": "country",
    "state": "country",
    "republic": "republic",
    "enclave": "region",
    "region": "region",
    "territory": "region",
    "province": "region",
    "oblast": "region",
    "district": "region",
    "city": "town",
    "town": "town",
    "village": "town",
    "settlement": "town",
}
#: Sentence adverbials that are no part of a claimant ("Meanwhile, the ministry said").
ADVERBIALS = re.compile(
    r"^(?:(?:earlier|later|meanwhile|however|also|moreover|furthermore|besides|in addition|on the other hand|"
    r"in the same context|for (?:his|her|its|their) part|at the same time|in particular|in turn|"
    r"separately|previously|then|and|but|while|on \w+(?: \w+)?|in \w+ remarks|in a statement)\s*,?\s+)+",
    re.IGNORECASE,
)

#: Capitalised words of titles and bodies that are no one's name ("Defence Ministry spokesman Vagif
#: Dargiahly" shares no name with "the Armenian Defence Ministry").
TITLE_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "for",
        "and",
        "ministry",
        "minister",
        "ministers",
        "defence",
        "defense",
        "foreign",
        "affairs",
        "interior",
        "emergency",
        "emergencies",
        "situations",
        "office",
        "president",
        "presidential",
        "prime",
        "deputy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "press",
        "secretary",
        "service",
        "state",
        "national",
        "general",
        "prosecutor",
        "prosecutor's",
        "committee",
        "department",
        "agency",
        "centre",
        "center",
        "council",
        "army",
        "armed",
        "forces",
        "military",
        "command",
        "headquarters",
        "government",
        "authorities",
        "officials",
        "official",
        "representative",
        "head",
        "chief",
        "director",
        "commander",
        "colonel",
        "lieutenant",
        "major",
        "captain",
        "mr",
        "mrs",
        "ms",
        "dr",
        "information",
        "united",
        "republic",
        "people's",
        "public",
        "security",
        "border",
        "guard",
        "police",
        "rescue",
        "human",
        "rights",
    ]
)
