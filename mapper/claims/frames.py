"""Stage: speech frames.  Who is reported as saying what, in one sentence.

One grammar of reported speech, written once.  A *frame* is a speaker span, a
speech verb or marker, and the *content* span it reports:

======================  ==================================================  ==========
shape                   example                                             kind
======================  ==================================================  ==========
speaker, verb, content  The ministry said (that) Armenian forces shelled X  forward
content, speaker, verb  Armenian forces shelled X, the ministry said.       backward
quote, verb, speaker    "Shells hit X," said the ministry's spokesman.      backward
quote, speaker, verb    "Shells hit X," Jane Doe, a spokeswoman for the     backward
                        Y ministry, told AFP.
parenthetical           Armenian forces, the ministry said, shelled X.      backward
according to            According to X (, a spokesman for Y), ...          according
citing                  ..., AFP reported, citing X.                        citing
quoted as saying        AFP quoted X as saying ...                          quoted
nominal                 the president's statement that ...                  nominal
passive                 ..., it was reported by X.                          passive
continuation            ..., adding that ... / ... and accused ...          (continues)
======================  ==================================================  ==========

Verbs come from one list with every inflection (``lexicon_en.SPEECH_FORMS``), so
"Baku maintains that", "Yerevan insists" and "Moscow confirmed" are frames like
"said".  Everything here is a pure function of the sentence text; which side a
speaker is on is decided later (``speakers``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import lru_cache

from .. import lexicon_ru_uk
from ..lexicon_en import (
    ADVERBIALS,
    DENY_LEMMAS,
    DETERMINERS,
    FIRST_PERSON,
    OFFICIAL_WORDS,
    ROLE_WORDS,
    speech_lemma,
)
from ..lexicon_ru_uk import CYRILLIC, CYRILLIC_ADVERBIALS
from ..text import TITLE_ABBREVIATIONS
from .events import EVENT_TYPES, without_non_events

__all__ = [
    "Frame",
    "FrameKind",
    "find_frames",
    "quote_spans",
    "clean_speaker",
    "is_quotation",
    "plausible_speaker",
    "reports_nothing",
    "names_the_report",
    "PRIORITY",
]


class FrameKind(StrEnum):
    FORWARD = "forward"
    BACKWARD = "backward"
    ACCORDING = "according"
    CITING = "citing"
    QUOTED = "quoted"
    NOMINAL = "nominal"
    PASSIVE = "passive"


#: When two frames report the same span, the one that names the source wins ("AFP reported,
#: citing the ministry": the ministry).
PRIORITY = {
    FrameKind.QUOTED: 0,
    FrameKind.CITING: 1,
    FrameKind.ACCORDING: 2,
    FrameKind.NOMINAL: 3,
    FrameKind.FORWARD: 4,
    FrameKind.BACKWARD: 5,
    FrameKind.PASSIVE: 6,
}


@dataclass(frozen=True, slots=True)
class Frame:
    """One report of speech in a sentence.  Offsets are in the sentence text."""

    kind: FrameKind
    speaker: str  # the speaker as written, cleaned ("the Azerbaijani Defence Ministry")
    start: int  # speaker span
    end: int
    verb: str  # the verb or marker as written ("said", "according to")
    content: tuple[int, int]  # the span of text it reports
    deny: bool = False
    continues: bool = False  # "... and accused ...", ", adding that": the previous frame's speaker
    longer: tuple[tuple[int, int], ...] = ()  # wider speaker spans over appositions, nearest first
    false_report: bool = False  # a nominal report its own words call untrue ("spreads fake news on ...")
    #: ", a claim Moscow denied": a report on the claim just made (its content), which keeps its places; this
    #: one answers it (see denials)
    answers: bool = False


_OPENING = "“«„"
_CLOSING = "”»"


@lru_cache(maxsize=8192)
def quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every quotation in *text*, marks included; an unclosed one runs to the end."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _OPENING or ch == '"':
            closer = "»" if ch == "«" else '"' if ch == '"' else "”"
            j = text.find(closer, i + 1)
            if ch == "“" and j < 0:
                j = text.find('"', i + 1)
            end = n if j < 0 else j + 1
            spans.append((i, end))
            i = end
        elif ch in _CLOSING and not spans:
            spans.append((0, i + 1))  # a quotation opened in an earlier sentence closes here
            i += 1
        else:
            i += 1
    return tuple(spans)


def is_quotation(text: str) -> bool:
    """Whether the sentence is (mostly) a quotation: it opens with a quotation mark, or closes one
    opened in an earlier sentence."""
    spans = quote_spans(text)
    if not spans:
        return False
    covered = sum(e - s for s, e in spans)
    return spans[0][0] == 0 and covered >= 0.6 * len(text)


def _inside(pos: int, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(s < pos < e for s, e in spans)


# -- cleaning a speaker phrase ------------------------------------------------------------------

_WHAT = re.compile(r"^(?:what|those|that which)\s+(.+?)(?:\s+(?:has\s+)?(?:said|stated|announced|reported))?$")
# Datelines and bylines before a speaker: "Moscow [Russia], October 4 (ANI/Sputnik): The ministry",
# "BAKU, Azerbaijan, Oct. 28 Trend: ...", "KYIV, UKRAINE (9:15 A.M.) – The minister",
# "YEREVAN/STEPANAKERT (UrduPoint News / Sputnik - 07th October, 2020) The capital".
_DATELINE = re.compile(
    r"^(?:[^:]{0,80}\)\s*:\s*|"
    r"[A-Z][A-Z'./ -]{2,}(?:,\s*[A-Za-z][\w .'-]{0,40}?)?(?:,\s*[A-Z][a-z]{2,4}\.?\s*\d{1,2})?\s*"
    r"(?:\([^)]{0,80}\))?\s*(?:[–—:]|-\s|(?<=\))\s)\s*|"
    r"[A-Z][A-Z' .-]{2,},[^:]{0,60}:\s*|"
    # ... and its tail when the city was cut off at its comma: "Sept 12 (Reuters) - "
    r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*\([^)]{0,80}\)\s*[-–—]\s*)"
)
_TRAILING = re.compile(
    r"(?:\s+(?:also|has|have|had|further|then|again|reportedly|officially|later|earlier|too|itself|already|"
    r"in turn|however|meanwhile)|,\s*(?:in (?:its |his |her |their )?turn|however|meanwhile|"
    r"for (?:his|her|its|their) part|too|also|on the other hand|in response|in a statement|on \w+)|"
    r"\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|overnight))+$",
    re.IGNORECASE,
)
_UNOPENED = re.compile(r"^[^()]*\)\s*")
_RELATIVE = re.compile(r"^(?:which|who|whom|that|where)\s+", re.IGNORECASE)
# "..., a claim Kyiv denied": the claim is the object, the name after it the speaker.
_OBJECT_REPORT = re.compile(
    r"^(?:a|an|the|which|this)\s+(?:\w+\s+)?(?:claims?|allegations?|reports?|statements?|assertions?|accusations?)"
    r"\s+(?:that\s+|which\s+)?(?=\S)",
    re.IGNORECASE,
)


def names_the_report(text: str, f: Frame) -> bool:
    """Whether the frame's speaker phrase opens with the report it answers ("a claim Kyiv denied")."""
    return bool(_OBJECT_REPORT.match(text[f.start : f.end]))


def clean_speaker(who: str) -> str:
    """A speaker phrase without punctuation, datelines, adverbials or auxiliaries around it."""
    raw, who = who, who.strip(" ,.:;\"“”'‘’«»()–—-•")
    if who.count("(") > who.count(")") and raw.rstrip(" ,.:;").endswith(")"):
        who += ")"  # a bracket closing one inside the phrase stays: "the DPR office at the JCCC (Donetsk)"
    closing = raw.rstrip(" ,.:;")[-1:]
    if closing in '"”»' and who.count('"') % 2 + who.count("“") - who.count("”") + who.count("«") - who.count("»"):
        who += closing  # so does a quotation mark closing a name inside it: 'a spokesman for the OTG "Kharkiv"'

    who = _REPORT_BY.sub("", who)
    who = _WHAT.sub(r"\1", who)
    who = _DATELINE.sub("", who)
    who = _UNOPENED.sub("", who)  # "(MENAFN- UkrinForm) Russia's Kursk region Governor"
    who = ADVERBIALS.sub("", who).strip(" ,")
    who = CYRILLIC_ADVERBIALS.sub("", who).strip(" ,")
    who = _RELATIVE.sub("", who)
    who = _OBJECT_REPORT.sub("", who)
    who = _TRAILING.sub("", who)
    who = CHANNEL_AFTER.sub("", who)
    who = _LEADING_CONJUNCTION.sub("", who)
    who = _ITEM_LABEL.sub("", who)
    return re.sub(r"\s+", " ", who).strip(" ,")


#: Where the speaker wrote, after the name: "Приходько в своем Telegram-канале", "Lysak on his Telegram channel".
CHANNEL_AFTER = re.compile(
    r"\s+(?:(?:в|у|на)\s+(?:(?:своем|своём|своєму|своїй|своей|его|её|його|її)\s+)?|"
    r"(?:on|in)\s+(?:(?:his|her|its|their)\s+)?)(?:(?:official|официальн\w*|офіційн\w*)\s+)?"
    r"(?:Telegram|Телеграм|телеграм|Facebook|Фейсбук|фейсбук|X|Twitter|VK|ВКонтакте)"
    r"(?:[-\s]?(?:канал\w*|channel|page|account|сторін\w*|страниц\w*|аккаунт\w*|акаунт\w*))?$"
)
#: The labels of Ukrainska Pravda's news items ("Details: Fedorov reiterated that ..."): no part of a speaker.
_ITEM_LABEL = re.compile(r"^(?:Details|Quote|Background|Update|Context|Reminder|Деталі|Цитата|Передісторія)\s*:\s*")


#: "..., as President Zelenskiy reported": the conjunction is no part of the speaker.
_LEADING_CONJUNCTION = re.compile(r"^(?:as|while|whereas|when)\s+(?=[A-Z])")
#: "A statement by the Defense Ministry announced that ...": the report's author is the speaker; so is the owner
#: of the channel it was posted on ("a message on the Telegram channel of the governor", "a post on X's channel").
_REPORT_BY = re.compile(
    r"^(?:an?|the|of\s+the)\s+(?:\w+\s+)?(?:statement|report|communiqu[eé]|message|post)\s+"
    r"(?:(?:by|from|of)\s+|(?:on|in)\s+(?:(?:the|his|her|its|their)\s+)?(?:official\s+)?"
    r"(?:(?:Telegram|Facebook|Twitter|X|VK|VKontakte|Viber|social[- ]media)[- ]?)?(?:channel|page|account|feed)\s+"
    r"(?:of|by)\s+|(?:on|in)\s+(?=[^\s'’]+(?:\s+[^\s'’]+){0,5}['’]s\s))",
    re.IGNORECASE,
)


# -- the marker frames ---------------------------------------------------------------------------

_QUOTED = re.compile(r"\b(?:quoted|cited)\s+(?P<who>.+?)\s+as\s+(?:say(?:ing)?|telling)\b", re.IGNORECASE)
_QUOTE_FROM = re.compile(
    r"^[\s\"“«]*(?:quote|quotation|citation)\s+(?:from|of|by)\s+(?P<who>[^:\"“”«»]{2,80}?)\s*:", re.IGNORECASE
)
#: A headline's speaker before a colon: "Ministry of Defense: Russian troops have established control over X",
#: "Oleh Syniehubov: ...", "Минобороны: ..." -- a body or office (its words below), or a person's two or three names.
_COLON_SPEAKER = re.compile(r"^\s*(?P<who>[^:;,.!?“”\"«»()\d]{2,70}?)\s*:\s+(?=\S)")
_PERSON_NAMES = re.compile(r"^(?:[A-ZА-ЯЁІЇЄҐ][\w’'-]+\s+){1,2}[A-ZА-ЯЁІЇЄҐ][\w’'-]+$")
#: ... an office the shared lists do not name as one.
_MORE_OFFICES = re.compile(
    r"\b(?:kremlin|armed\s+forces|police)\b|(?<!\w)(?:ВСУ|ЗСУ|Повітрян\w+\s+сил\w*)(?!\w)", re.IGNORECASE
)


def _names_an_office(who: str) -> bool:
    """Whether *who* names an official body or office holder, in English, Russian or Ukrainian."""
    return any(
        rx.search(who)
        for rx in (OFFICIAL_WORDS, lexicon_ru_uk.OFFICIAL_BODY, lexicon_ru_uk.LOCAL_OFFICIAL, _MORE_OFFICES)
    )


#: "dismissed as fake", "rejected as false": an adjective after "as" before a report noun.
_AS_ADJECTIVE = re.compile(r"\b(?:dismiss\w*|reject\w*|den(?:y|ied|ies)|brand\w*|call\w*)\s+as\s+[a-z]+$")
#: A finite verb that makes a stretch a clause rather than a role ("the attack on X killed two, Jane Roe said").
_CLAUSE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|killed|hit|struck|shelled|attacked|said|says|reported|launched|fired)\b",
    re.IGNORECASE,
)
#: A speaker after a comma and a dash, closing the sentence: "..., – Лисак.", "..., — Минобороны", "..., - Syniehubov".
_DASH_SPEAKER_END = re.compile(
    r",\s+[–—-]\s+(?P<who>[A-ZА-ЯЁІЇЄҐ][\w’'-]+(?:\s+[A-ZА-ЯЁІЇЄҐ][\w’'-]+){0,3})\s*[.!]?\s*$"
)
#: A speaker and a verb of speech before a colon opening the sentence: "He explained: ...", "Cherevaty added: ..."
#: (Russian and Ukrainian "Лисак додав:" are read by the verb frames).
_SAID_COLON = re.compile(
    r"^\s*(?P<who>(?i:he|she|they)|(?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)\s+(?:(?:also|further|then)\s+)?"
    r"(?P<verb>said|says|added|explained|noted|stressed|emphasi[sz]ed|wrote|stated|declared|continued)\s*:\s+(?=\S)"
)
#: Labels before a colon that are no speaker: "Update: ...", "Photo: ...".
_NOT_A_SPEAKER_LABEL = re.compile(
    r"^(?:breaking|update[ds]?|upd|video|photos?|watch|live|exclusive|analysis|opinion|read\s+(?:also|more)|"
    r"source|sources|editor['’]s\s+note|note|timeline|explainer|context|background|fact\s+check|"
    r"відео|фото|видео|читайте\s+также|читайте\s+також|джерело|источник)$",
    re.IGNORECASE,
)
_INFO_NOUN = re.compile(
    r"^(?:the\s+)?(?:preliminary|latest|initial|available|official|updated|new|current|recent|some|media|"
    r"unconfirmed\s+)?\s*"
    r"(?:data|information|reports?|figures|estimates|news|statistics)(?:$|\s+(?!by\b|from\b|of\b))",
    re.IGNORECASE,
)
# "according to the information", "according to the data" (nothing more): the information just reported, so whoever
# reported it (speakers.py), unlike "according to preliminary data", which names no one.
_DEFINITE_INFO = re.compile(r"^the\s+(?:information|data|report)$", re.IGNORECASE)
# (A short name in quotation marks may be part of it: ", a spokesman for the OTG "Kharkiv",".)
_APPOSITION = re.compile(
    r"\s*,\s*((?:a|an|the)\s+(?:[^,.;“”\"«»]|[“\"«][^“”\"«»,.;]{1,30}[”\"»]){3,80})(?=[,.;]|$)", re.IGNORECASE
)
#: A person's name after a role and a comma, closing the clause: ", Philip Pronin."
_NAME_AFTER_ROLE = re.compile(r"\s*,\s*([A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,2})(?=\s*(?:[.;]|$))")
_CITING = re.compile(
    r"\b(?P<marker>citing|referring to|with reference to|in reference to|quoting)\s+(?P<who>[^,;.“”\"]+?)"
    r"(?=\s*(?:[,;.“”\"]|$| that\b| as say))",
    re.IGNORECASE,
)
#: Titles written short with a full stop before a name ("Gov. Oleksandr Prokudin", "Lt. Gen. X").
_TITLE_ABBREVIATION = r"\b(?:" + "|".join(TITLE_ABBREVIATIONS) + ")"
_ACCORDING = re.compile(
    # (" on" ends the speaker, "according to X on Tuesday", but for a document posted on a channel: "according to
    # a post on the governor's Telegram channel")
    # (a title's abbreviation is no end: "according to Gov. Oleksandr Prokudin")
    r"\baccording\s+to\s+(?P<who>(?:" + _TITLE_ABBREVIATION + r"\.\s|[^,;.“”\"])+?)"
    r"(?=\s*(?:[,;.“”\"]|$| that\b|(?<!post)(?<!message)(?<!statement)(?<!report) on\b| in a\b))",
    re.IGNORECASE,
)
_PASSIVE = re.compile(
    r"\b(?:was|were|has been|have been|had been|is|are|as)\s+(?:also\s+)?(?P<verb>reported|announced|stated|"
    r"claimed|said|confirmed|denied|rejected|refuted|disclosed|revealed|published|"
    # "As noted by the Ukrainian military, ...": machine translation's "Как отметили в ВСУ"
    r"noted|indicated|emphasi[sz]ed|specified|explained|pointed\s+out|clarified)\s+"
    # "This was announced on June 9 by Acting Governor X": a time between the verb and its agent
    r"(?:(?:on|in|at|late|early|later|earlier)\s+[\w ,]{1,30}?,?\s+)?by\s+"
    r"(?P<who>(?:the\s+)?[A-Za-z][^,;.“”\"]{1,80}?)(?=\s*(?:[,;.“”\"]|$|\s+(?:on|in|at|that)\b))",
    re.IGNORECASE,
)

# "This was reported on February 19 at the DPR office at the JCCC" (machine-translated "Об этом сообщили в
# представительстве ДНР в СЦКК"): the body the report was made *at* is its speaker.
_PASSIVE_AT = re.compile(
    r"^\W*(?:this|that|it)\s+(?:was|has\s+been|is)\s+(?:also\s+)?(?P<verb>reported|announced|stated|said)\s+"
    r"(?:(?:on|late|early|later|earlier)\s+[\w ,]{1,30}?,?\s+)?(?:at|in)\s+"
    r"(?P<who>(?:the\s+)?(?:[\w’'-]+\s+){0,4}(?:office|ministry|headquarters|representation|administration|mission|"
    r"command|service|department|staff|council)\b[^,;.“”\"]{0,160}?)\s*[.;]?\s*$",
    re.IGNORECASE,
)

# "In the 3rd assault brigade, the minister's statement was denied" (machine-translated "У бригаді спростували
# заяву"): the body named at the head of the sentence is the speaker.
_IN_BODY = re.compile(
    r"^(?:in|at)\s+(?P<who>(?:the\s+)?(?:[\w’'-]+\s+){0,5}(?:brigade|regiment|battalion|corps|ministry|office|"
    r"headquarters|command|staff|administration|service|department)\b(?:\s+of\s+[^,]{1,60}?)?),\s+"
    r"(?:[^,;]{0,80}?\s)?(?:was|were|has\s+been|have\s+been)\s+(?P<verb>denied|refuted|reported|confirmed|"
    r"stated|announced|said)\b",
    re.IGNORECASE,
)

# Word order carried over by machine translation from Ukrainian and Russian ("Про це повідомив X",
# "Об этом сообщил X"): "About this reported X, head of the regional administration." The speaker
# follows the verb; the appositions after it are wider spans that may name the side.
_INVERTED = re.compile(
    r"^\W*(?:about|of|on)\s+(?:this|that|it)\s*,?\s+(?:was\s+|has\s+been\s+|is\s+)?(?:also\s+)?"
    r"(?P<verb>reported|announced|stated|said|informed|wrote|told|declared|reports|says|writes)\s+(?:by\s+)?"
    r"(?P<who>(?:the\s+)?[A-Za-z][^;.“”\"]{1,160}?)\s*[.;]?\s*$",
    re.IGNORECASE,
)


#: Words that are never a speaker on their own ("has denied", "has already claimed").
_FUNCTION_WORDS = frozenset(
    [
        "has",
        "have",
        "had",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "being",
        "already",
        "also",
        "later",
        "earlier",
        "then",
        "again",
        "further",
        "there",
        "here",
        "so",
        "thus",
        # "The statement about ...": an article alone is nobody ("her", "this" are anaphors of a speaker)
        "the",
        "a",
        "an",
        "these",
        "those",
    ]
)


def plausible_speaker(who: str) -> bool:
    """Whether a phrase can be a speaker: not only function words ("has denied", "has already
    claimed"), and no passive agent ("... by the army")."""
    words = who.split()
    if not words or all(w.lower() in _FUNCTION_WORDS for w in words):
        return False
    # An event is no speaker: "Shelling reported near Tartar" (a headline) is no one's report; nor is a source
    # marker ("according to recent reports": "reports" is its noun, not a verb).
    return (
        " by " not in f" {who.lower()} "
        and not _DATE_LIKE.match(who)
        and not _has_event(who)
        and not _MARKER_FIRST.match(who)
    )


_MARKER_FIRST = re.compile(
    r"^(?:according\s+to|citing|quoting|as\s+per)\b|"
    # "The capture, if confirmed, would ...": a conjunction alone is no one
    r"^(?:if|unless|once|when|whether|though|although)$",
    re.IGNORECASE,
)


# "October 11 reports": a date is no speaker.
_DATE_LIKE = re.compile(
    r"^(?:on\s+)?(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)",
    re.IGNORECASE,
)


# "Azerbaijan's reports accusing ...", "Baku's allegations regarding ...", "the Azerbaijani claim that ...",
# "Aliyev's announcement about capturing ...": a report named as a noun, with its author.
_REPORT_NOUN = (
    r"(?:statements?|claims?|reports?|announcements?|allegations?|words|assertions?|accusations?|information|news|data)"
)
_OF_REPORT = r"(?:that|about|of|on|regarding|concerning|accusing|alleging|over|to\s+have)\b"
#: Words that open a sentence before a report noun without being its author ("Despite the statements of ...").
#: ... nor do pronouns ("We have information about several explosions", inside a quotation: the quote's speaker).
_OPENERS = (
    r"(?:Despite|Against|Amid|After|Before|Following|Regarding|Unlike|Contrary|Given|Dismissing|Denying|"
    r"We|I|You|They|He|She|It|This|That|These|Those|There|Our|My)"
)
_NOMINAL = re.compile(
    rf"(?:\b(?:the\s+)?(?P<who>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,5}})['’]s?\s+(?:\w+\s+)?{_REPORT_NOUN}\s+{_OF_REPORT})|"
    # (the word between is no verb: "The Kremlin dismissed reports that ...")
    rf"(?:\b(?:the\s+)?(?!{_OPENERS}\b)(?P<adj>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,2}})\s+"
    rf"(?:(?!\w+(?:ed|ies|es)\s)\w+\s+)?{_REPORT_NOUN}\s+"
    rf"{_OF_REPORT})|"
    # "Despite the statements of the Russian media about the capture of X": the report's author after it
    rf"(?:\b{_REPORT_NOUN}\s+(?:of|by|from)\s+(?P<by>(?:the\s+)?(?:[A-Z][\w-]*\s+){{1,3}}"
    rf"(?:media|press|side|ministry|military|authorities|officials|propaganda|bloggers|channels)|"
    rf"(?:the\s+)?[A-Z][\w-]*(?:['’]s)?(?:\s+[A-Z][\w-]*){{0,3}})\s+(?:about|that|regarding|concerning|on)\b)|"
    # "a report Sunday evening by the governor of the Kursk region, Roman Starovoit, that debris ...": a role and a
    # name after "by", the report after "that"
    rf"(?:\b{_REPORT_NOUN}\s+(?:[\w-]+\s+){{0,3}}?by\s+(?P<by2>(?:the\s+)?[a-z][^,;:“”\"«»]{{2,60}}?"
    r"(?:,\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})?),?\s+that\b)"
)
_NOMINAL_HINT = re.compile(
    rf"['’]s?\s+(?:\w+\s+)?{_REPORT_NOUN}\s+{_OF_REPORT}|{_REPORT_NOUN}\s+(?:of|by|from)\s+(?:the\s+)?[A-Z]|"
    rf"\b[A-Z][\w-]*\s+(?:\w+\s+)?{_REPORT_NOUN}\s+{_OF_REPORT}|{_REPORT_NOUN}\s+(?:[\w-]+\s+){{0,3}}?by\s+"
)
# "X made another absurd announcement that ...", "The Armenian side spreads fake news on ...".
_MADE_REPORT = re.compile(
    r"\b(?P<verb>made|makes|issued|issues|released|spread|spreads|disseminated|disseminates|circulated|circulates)\s+"
    r"(?:(?:a|an|another|the|its|their|his|her|new|false|absurd|fake|official|\w+ly)\s+){0,3}"
    r"(?P<noun>statements?|claims?|announcements?|reports?|allegations?|fake news|disinformation|misinformation|lies|"
    r"false information|rumou?rs|propaganda)\s+(?:that|about|on|regarding|of|concerning)\b",
    re.IGNORECASE,
)
_UNTRUE_NOUN = re.compile(r"fake|disinformation|misinformation|lies|false|rumou?rs|propaganda", re.IGNORECASE)
# "It was noted that ...", "it was also reported that": the speaker before goes on.
_IT_WAS = re.compile(
    r"\b(?:it|this)\s+(?:was|is|has been|had been)\s+(?:also\s+)?(?P<verb>noted|reported|stated|said|announced|"
    r"specified|added|emphasi[sz]ed|stressed|indicated|clarified|underlined)\b(?!\s+by\b)",
    re.IGNORECASE,
)
#: "The Russian army said it had repelled four attacks near X. The other two attacks were near Y and Z.": the rest
#: of a count the speaker before gave goes on with that speaker.
_THE_OTHER = re.compile(
    r"^\W*(?:the\s+)?(?:other|remaining)\s+(?:\w+\s+)?(?:attacks?|strikes?|assaults?|attempts?|drones?|missiles?|"
    r"shells?|raids?)\b",
    re.IGNORECASE,
)
# "..., with the Azerbaijani Defense Ministry rejecting the claim": an absolute clause with its own speaker.
_WITH_ING = re.compile(r"\bwith\s+(?P<who>(?:the\s+)?[A-Z][^,;“”\"«»]{1,80}?)\s+(?P<verb>[a-z]+ing)\b")


def _nominal_frames(text: str) -> list[Frame]:
    out: list[Frame] = []
    n = len(text)
    if _NOMINAL_HINT.search(text):
        for m in _NOMINAL.finditer(text):
            g = "who" if m.group("who") else "adj" if m.group("adj") else "by" if m.group("by") else "by2"
            if m.group(g).lower() in DETERMINERS:
                continue  # "All allegations that ...": nobody named
            out.append(_frame(FrameKind.NOMINAL, text, m.start(g), m.end(g), "statement", (m.end(), n)))
    for m in _MADE_REPORT.finditer(text):
        f = _forward(text, m.start("verb"), m.end(), m.group("verb"), False, [])
        if f is not None and not f.continues:
            out.append(
                replace(
                    f,
                    kind=FrameKind.NOMINAL,
                    verb=f"{m.group('verb')} {m.group('noun')}",
                    false_report=bool(_UNTRUE_NOUN.search(m.group("noun"))),
                )
            )
    return [f for f in out if f.speaker and plausible_speaker(f.speaker)]


#: A role after the verb of "It was announced ...", perhaps after adjuncts: "This was announced in his Telegram
#: channel on Thursday the head of the region Vyacheslav Gladkov." (the Russian word order, "Об этом сообщил ...
#: глава региона", as machine translation leaves it).
_ROLE_AFTER = re.compile(
    r"\b(?:[Tt]he\s+)?(?:(?:[A-Z][\w’'-]+|regional|local|city|district)\s+){0,3}(?i:" + ROLE_WORDS.pattern + ")"
)
_CLAUSE_WORD = re.compile(r"\b(?:that|which|who|whether|how)\b|[,;:“”\"«»]")


def _role_after(text: str, m: re.Match[str]) -> Frame | None:
    """The speaker written after "This was announced ..." in the Russian word order, as a backward frame."""
    tail = text[m.end() :]
    role = _ROLE_AFTER.search(tail)
    if role is None or _CLAUSE_WORD.search(tail, 0, role.start()):
        return None
    who = clean_speaker(tail[role.start() :].rstrip(" .!"))
    if not who or len(who.split()) > 12 or _CLAUSE_WORD.search(who) or not plausible_speaker(who):
        return None
    start = m.end() + role.start()
    return Frame(FrameKind.BACKWARD, who, start, start + len(who), m.group("verb"), (0, m.start()))


def _continuation_frames(text: str) -> list[Frame]:
    out: list[Frame] = []
    for m in _IT_WAS.finditer(text):
        if (inverted := _role_after(text, m)) is not None:
            out.append(inverted)
            continue
        out.append(
            Frame(FrameKind.PASSIVE, "", m.start(), m.end(), m.group("verb"), _clause(text, m.end()), continues=True)
        )
    if (other := _THE_OTHER.match(text)) is not None:
        out.append(Frame(FrameKind.PASSIVE, "", 0, other.end(), "the other", (0, len(text)), continues=True))
    for m in _WITH_ING.finditer(text):
        lemma = speech_lemma(m.group("verb"))
        if lemma is not None:
            f = _frame(
                FrameKind.FORWARD,
                text,
                m.start("who"),
                m.end("verb"),
                m.group("verb"),
                (m.end(), _clause(text, m.end())[1]),
                lemma in DENY_LEMMAS,
            )
            if plausible_speaker(f.speaker):
                out.append(replace(f, speaker=clean_speaker(m.group("who"))))
    return out


_SOURCE_NOUN = re.compile(r"\b(?:sources?|data|reports?|statements?|information|channel|press|agency|ministry)\b", re.I)


def _names_a_source(who: str) -> bool:
    """Whether a phrase after "referring to" can be a source: a name, a role or a body, a document (not a place:
    "referring to a locality known in Ukrainian as Orikhiv")."""
    if _PLACE_HEAD.match(who):
        return False
    return bool(re.search(r"\b[A-Z]", who) or ROLE_WORDS.search(who) or _SOURCE_NOUN.search(who))


_PLACE_HEAD = re.compile(
    r"\s*(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?(?:localit(?:y|ies)|towns?|villages?|city|cities|settlements?|areas?|"
    r"regions?|places?|fronts?|directions?|sectors?|districts?)\b",
    re.IGNORECASE,
)


def _marker_frames(text: str) -> list[Frame]:
    """Frames introduced by a marker rather than a verb: quoted/according/citing/nominal/passive."""
    out: list[Frame] = []
    low = text.lower()
    n = len(text)
    dash = _DASH_SPEAKER_END.search(text)
    if dash is not None:
        # "Окупанти обстріляли Нікополь з артилерії, – Лисак.": a headline's speaker after a comma and a dash
        out.append(_frame(FrameKind.BACKWARD, text, dash.start("who"), dash.end("who"), "–", (0, dash.start())))
    colon = _COLON_SPEAKER.match(text)
    said = _SAID_COLON.match(text) if colon is not None else None
    if said is not None:
        # "He explained: Lyman is important because ...", "Cherevaty added: ...": a speaker and a verb of speech
        # before the colon
        out.append(_frame(FrameKind.FORWARD, text, said.start("who"), said.end("who"), said["verb"], (said.end(), n)))
    elif colon is not None:
        who = colon.group("who").strip()
        if (
            len(who.split()) <= 8
            and not _NOT_A_SPEAKER_LABEL.match(who)
            and (_names_an_office(who) or _PERSON_NAMES.match(who))
        ):
            # "Ministry of Defense: Russian troops have established control over X" (a headline's speaker)
            out.append(_frame(FrameKind.QUOTED, text, colon.start("who"), colon.end("who"), ":", (colon.end(), n)))
    if low.lstrip(' \t"“«').startswith(("quote", "quotation", "citation")):
        # "Quote from Voloshyn: "The enemy managed to break through ..."" (machine-translated "Цитата Волошина:")
        m = _QUOTE_FROM.match(text)
        if m is not None:
            out.append(_frame(FrameKind.QUOTED, text, m.start("who"), m.end("who"), "quote", (m.end(), n)))
    if "quoted" in low or "cited" in low:
        for m in _QUOTED.finditer(text):
            # ('"Four districts have been liberated," RT quoted Ganchev as saying.': the quotation before it)
            content = (0, m.start()) if not text[m.end() :].strip(" .,;:!\"”»'’") else (m.end(), n)
            out.append(_frame(FrameKind.QUOTED, text, m.start("who"), m.end("who"), "quoted", content))
    if "according" in low:
        for m in _ACCORDING.finditer(text):
            end = m.end("who")
            # "according to Shushan Stepanian, a spokeswoman for the Armenian Defense Ministry,"
            app = _APPOSITION.match(text, end)
            if app and ROLE_WORDS.search(" ".join(app.group(1).split()[:4])):
                # ... a role at its head: ", a Russian missile strike destroyed a cultural centre" is the report
                end = app.end(1)
            elif (name := _NAME_AFTER_ROLE.match(text, end)) and ROLE_WORDS.search(m.group("who")):
                # "according to the head of the regional administration, Philip Pronin.": the role, then its name
                end = name.end(1)
            named = clean_speaker(text[m.start("who") : end])
            no_one = _INFO_NOUN.match(named) is not None and _DEFINITE_INFO.match(named) is None
            if no_one or (named.split() or [""])[0].lower() in FIRST_PERSON:
                # "according to preliminary data": no speaker; "according to our information" inside a quotation:
                # the quotation's speaker stands
                continue
            out.append(_frame(FrameKind.ACCORDING, text, m.start("who"), end, "according to", _clause(text, m.start())))
    if "citing" in low or "referring to" in low or "reference to" in low or "quoting" in low:
        for m in _CITING.finditer(text):
            if m.group("marker").lower() == "referring to" and not _names_a_source(m.group("who")):
                continue  # "Zelenskiy said, referring to the southern port city": what he spoke of, not his source
            if not _INFO_NOUN.match(clean_speaker(m.group("who"))):
                out.append(_frame(FrameKind.CITING, text, m.start("who"), m.end("who"), "citing", (0, n)))
    if " by " in low:
        for m in _PASSIVE.finditer(text):
            deny = speech_lemma(m.group("verb")) in DENY_LEMMAS
            end = m.end("who")
            # "reported by Vitalii Sarantsev, a spokesman for the OTG "Kharkiv"": the role names the side
            app = _APPOSITION.match(text, end)
            if app and ROLE_WORDS.search(" ".join(app.group(1).split()[:4])):
                end = app.end(1)
            out.append(
                _frame(
                    FrameKind.PASSIVE,
                    text,
                    m.start("who"),
                    end,
                    m.group("verb"),
                    _clause(text, m.start()),
                    deny,
                )
            )
    if low.lstrip(" \t→-–—•*").startswith(("about ", "of ", "on ")):
        inv = _INVERTED.match(text)
        if inv is not None:
            start, end = inv.start("who"), inv.end("who")
            # The name, then the name with each apposition after it ("Vadym Filashkin, head of ...").
            commas = [i for i in range(start, end) if text[i] == ","]
            spans = [(start, c) for c in commas] + [(start, end)]
            f = _frame(FrameKind.PASSIVE, text, start, spans[0][1], inv.group("verb"), _clause(text, inv.start()))
            out.append(replace(f, end=end, longer=tuple(spans[1:])))
    if low.startswith(("in ", "at ")):
        body = _IN_BODY.match(text)
        if body is not None:
            deny = speech_lemma(body.group("verb")) in DENY_LEMMAS
            who = (body.start("who"), body.end("who"))
            out.append(_frame(FrameKind.PASSIVE, text, *who, body.group("verb"), (0, len(text)), deny))
    if low.lstrip(" \t→-–—•*").startswith(("this ", "that ", "it ")):
        at = _PASSIVE_AT.match(text)
        if at is not None:
            who = (at.start("who"), at.end("who"))
            out.append(_frame(FrameKind.PASSIVE, text, *who, at.group("verb"), (0, len(text))))
    out = [f for f in out if f.speaker and plausible_speaker(f.speaker)]
    return out + _nominal_frames(text) + _continuation_frames(text)


def _frame(
    kind: FrameKind, text: str, start: int, end: int, verb: str, content: tuple[int, int], deny: bool = False
) -> Frame:
    raw = text[start:end]
    lead = len(raw) - len(raw.lstrip())
    return Frame(kind, clean_speaker(raw), start + lead, end, verb, content, deny)


def _clause(text: str, pos: int) -> tuple[int, int]:
    """The ';'-delimited clause around *pos*."""
    start = text.rfind(";", 0, pos) + 1
    end = text.find(";", pos)
    return start, len(text) if end < 0 else end


# -- verb frames ---------------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z]+")
_CLAIMED_LIVES = re.compile(
    r"\s+(?:the\s+)?(?:(?:more than|over|at least|about|nearly|some|almost)\s+)?[\w,]+\s+(?:\w+\s+)?lives\b"
)
_MAKE = frozenset({"made", "make", "makes", "making"})
_AFTER_FORWARD = re.compile(r"\s+(?!by\b)[\w“\"]|[:,]?\s*[“\"«]")
# What may follow the verb of a backward frame before its clause ends: time, place and manner
# ("said on Tuesday", "wrote on Facebook", "said in a statement"), a listener after verbs of
# telling ("told Trend", "told reporters"), and a participle clause (", adding that ...").
_WHEN = (
    "on|in|at|to|during|late|early|this|last|yesterday|today|tonight|overnight|earlier|later|from|via|"
    "through|after|before|when|amid|with|without|by|monday|tuesday|wednesday|thursday|friday|"
    "saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|"
    "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|again|also|too|separately|"
    "officially|publicly|repeatedly|further"
)
_WHEN_WORD = re.compile(rf"\s*(?:{_WHEN})\b", re.IGNORECASE)
# (", adding that ..."; without the comma too for the few that only open an adjunct: '"...," it said referring to
# another village')
_PARTICIPLE_TAIL = re.compile(r",\s+[a-z]+ing\b|\s+(?:referring|adding|noting|citing|stressing|explaining)\b")
_CLOSERS = ' \t.!?”"’»)]'
#: An outlet relaying what was said, last in a clause: "..., the mayor said as quoted by RBC".
_RELAYED_BY = re.compile(r",?\s+(?:as\s+)?(?:quoted|cited|reported|relayed)\s+by\s+[^,;“”\"«»]{1,60}$", re.IGNORECASE)
_TELLING = frozenset({"tell", "inform", "brief", "notify", "assure", "warn"})
_QUOTE_FOLLOWS = re.compile(r"\s*[,.:]?\s*[“\"«]")
_NOT_SPEAKER_END = re.compile(r"\b(was|were|is|are|been|be|being|which|who|the|a|an|of|to|and|or|not)$", re.IGNORECASE)


_NOTHING_WORDS = frozenset(
    [
        "this",
        "that",
        "it",
        "so",
        "about",
        "the",
        "a",
        "an",
        "on",
        "in",
        "at",
        "to",
        "with",
        "via",
        "his",
        "her",
        "its",
        "their",
        "page",
        "facebook",
        "twitter",
        "telegram",
        "channel",
        "website",
        "statement",
        "account",
        "post",
        "reference",
        "referring",
        "citing",
        "message",
        "morning",
        "evening",
        "night",
        "afternoon",
        "earlier",
        "later",
        "today",
        "yesterday",
    ]
)


def reports_nothing(text: str, frames: tuple[Frame, ...]) -> bool:
    """ "X said this on Friday", "On Sunday, reports RIA with reference to the ministry": a sentence
    that is only an attribution (its speakers, verbs, "this" and adjuncts); it attributes what was
    said just before it."""
    if not frames:
        return False
    spans = sorted((f.start, f.end) for f in frames)
    rest, pos = [], 0
    for start, end in spans:
        rest.append(text[pos:start])
        pos = max(pos, end)
    rest.append(text[pos:])
    words = [
        w
        for w in _WORD.findall(" ".join(rest).lower())
        if w not in _NOTHING_WORDS and not _WHEN_WORD.fullmatch(w) and not speech_lemma(w)
    ]
    if words and CYRILLIC.search(text):
        from .frames_ru_uk import reports_nothing_cyrillic

        words = reports_nothing_cyrillic(words)  # "Об этом сообщили в Минобороны России."
    return len(words) <= 2


#: Before "verify" or "confirm": nobody vouches for the report that follows.
_UNABLE = re.compile(
    r"\b(?:not|n['’]t|never|unable\s+to|no\s+way\s+to|impossible\s+to)\s+(?:(?:immediately|independently|yet|"
    r"been\s+able\s+to|be\s+able\s+to)\s+){0,2}$",
    re.IGNORECASE,
)


#: The verb of a frame that continues a person by a pronoun ("за його даними", "по его словам"): the person, not
#: the outlet that relayed him.
PERSON_CONTINUES = "according to him"


def find_frames(text: str) -> tuple[Frame, ...]:
    """Every speech frame of a sentence, in text order, with its content span."""
    return _find_frames(text)


@lru_cache(maxsize=8192)
def _find_frames(text: str) -> tuple[Frame, ...]:
    frames = _marker_frames(text)
    if CYRILLIC.search(text):
        from .frames_ru_uk import cyrillic_frames  # it builds on this module's Frame; English needs none of it

        frames += cyrillic_frames(text)
    taken = [(f.start, f.end) for f in frames]
    quotes = quote_spans(text)
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    for i, (vs, ve, word) in enumerate(words):
        if not word.islower():
            continue  # "the United States": a verb of speech is written in lower case
        if vs and text[vs - 1] == "-" and not (vs > 1 and text[vs - 2] in _CLOSERS + " "):
            continue  # "the self-declared republic", "a much-reported attack": part of an adjective (not ',"-said')
        nxt = words[i + 1][2] if i + 1 < len(words) else ""
        lemma = speech_lemma(word, nxt) or ("publish" if word in _MAKE and nxt == "public" else None)
        if lemma is None or lemma in ("quote", "cite") or any(s <= vs < e for s, e in taken):
            continue
        if lemma in ("point", "spell", "speak") or nxt == "public":
            ve = words[i + 1][1]  # "pointed out", "spoke of", "made public"
        if lemma == "claim" and _CLAIMED_LIVES.match(text, ve):
            continue  # "the war has claimed 1,000 lives": no speech
        if word.endswith("s") and _NOUN_BEFORE.search(text, max(0, vs - 40), vs):
            continue  # "As per tentative reports, ...", "according to local reports": a noun, no verb
        if lemma in ("verify", "confirm") and _UNABLE.search(text, max(0, vs - 40), vs):
            continue  # "Reuters could not independently verify the report by X that ...": X's report, not Reuters'
        passive = _QUOTED_AS.search(text, max(0, vs - 40), vs) if word == "saying" else None
        if passive is not None:
            # '"...," Deputy Minister X was quoted as saying on Monday': X said it
            frame = _backward(text, passive.start(), ve, "quoted as saying", "say", False, quotes)
        else:
            frame = _verb_frame(text, vs, ve, word, lemma, frames, quotes)
        if frame is not None:
            frames.append(frame)
            taken.append((frame.start, frame.end))
    return tuple(_with_content(sorted(frames, key=lambda f: (f.start, f.end)), text))


#: Words before "reports", "claims", "statements" that make them nouns: "as per tentative reports", "media claims".
_NOUN_BEFORE = re.compile(
    r"\b(?:as\s+per|per|according\s+to|by|from|of|in|on|the|these|those|such|its|their|his|her|our|media|"
    r"news|press|local|official|unofficial|initial|preliminary|tentative|early|unconfirmed|latest|recent|first|new)"
    r"\s+(?:(?:initial|preliminary|tentative|early|unconfirmed|latest|recent|local|media|news|official|first|new)\s+)?$",
    re.IGNORECASE,
)
#: The passive of quoting, before "saying": "X was quoted as saying".
_QUOTED_AS = re.compile(r"\s+(?:was|were|is|are|has\s+been|had\s+been)\s+quoted\s+as\s+$")


def _verb_frame(
    text: str, vs: int, ve: int, verb: str, lemma: str, earlier: list[Frame], quotes: tuple[tuple[int, int], ...]
) -> Frame | None:
    deny = lemma in DENY_LEMMAS
    if verb.endswith("ing"):
        # ", adding that ...", ", accusing Armenia of ...": the speaker of the frame before.
        if not re.search(r",\s*$", text[:vs]) or not earlier:
            return None
        return Frame(FrameKind.FORWARD, "", vs, vs, verb, (ve, len(text)), deny, continues=True)
    inv = _inverted(text, vs, ve, verb, lemma, deny, quotes)
    if inv is not None:
        return inv
    back = _backward(text, vs, ve, verb, lemma, deny, quotes)
    if back is not None:
        return back
    if _AFTER_FORWARD.match(text, ve):
        return _forward(text, vs, ve, verb, deny, earlier)
    return None


def _clause_end(text: str, pos: int) -> int:
    semi = text.find(";", pos)
    return len(text) if semi < 0 else semi


def _ends_clause(text: str, pos: int, lemma: str) -> bool:
    """Whether only adjuncts of a speech verb follow *pos* up to the end of its clause: time, place
    and manner ("said on Tuesday", "wrote on Facebook, on Sunday"), a listener after a verb of
    telling ("told AFP"), then perhaps a participle clause (", adding that ...").

    Written as a scan, not one regular expression: nested optional parts backtrack
    exponentially on long sentences.
    """
    tail = text[pos : _clause_end(text, pos)]
    m = _PARTICIPLE_TAIL.search(tail)
    if m is not None:
        # (", adding: “...”" opens a quotation of its own; ", adding that the battle is “in full swing”" quotes
        # words inside the participle's own report)
        if re.search(r"[“”\"«»]", tail[m.end() :]) and not re.match(r"\s+that\b", tail[m.end() :]):
            return False
        tail = tail[: m.start()]
    tail = tail.rstrip(_CLOSERS)
    relay = _RELAYED_BY.search(tail)
    if relay is not None:
        tail = tail[: relay.start()]  # "..., the mayor said as quoted by RBC": the outlet that relayed it
    if re.search(r"[“”\"«»]", tail) or " that " in f"{tail} " or _has_event(tail):
        return False
    for i, chunk in enumerate(tail.split(",")):
        if not chunk.strip():
            if i:
                return False
            continue
        if len(chunk) > 70:
            return False
        if _WHEN_WORD.match(chunk) is None and not (i == 0 and lemma in _TELLING and len(chunk) <= 50):
            return False
    return True


# "..., and the ministry said"; but "the authorities in Horlivka and in the Zaporizhia region said" joins two
# places of one speaker.
_AND_CLAUSE = re.compile(
    r" and (?!(?:in|at|on|of|from|for|near|across)\s)(?=(?:the|a|an|its|his|her|their|he|she|they|it|this)\b|[^A-Z])"
)
# Between a speaker and its verb: auxiliaries, adverbs and times ("the ministry has also", "Shoigu,
# on Wednesday", "Wagner, on Tuesday (January 10)"), no part of the speaker.
_AUXILIARIES = re.compile(
    r"(?:\s+(?:has|have|had|also|already|later|earlier|further|then|again|reportedly|officially|publicly|"
    r"repeatedly|previously|once again|late|early|yesterday|today|tonight|overnight)|"
    r"\s*\([^()]{0,40}\)|"
    r"\s+(?:late\s+|early\s+|earlier\s+|later\s+)?on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?)(?:\s+(?:morning|"
    r"afternoon|evening|night))?)+$",
    re.IGNORECASE,
)


def _adjunct_then_comma(text: str, ve: int) -> bool:
    """'..., the ministry said, shelled Tartar' / 'the ministry said on Sunday, ...': only an
    adjunct of the verb before the next comma (not its content: "reported that X, the capital, ...")."""
    comma = text.find(",", ve, _clause_end(text, ve))
    if comma < 0 or not text[comma + 1 :].strip() or text[comma + 1 :].lstrip().startswith("that "):
        return False
    chunk = text[ve:comma]
    return not chunk.strip() or (len(chunk) <= 40 and _WHEN_WORD.match(chunk) is not None and not _has_event(chunk))


#: '"...," the command noted and added that ...': a second verb of speech joined by "and" goes on with the same
#: speaker; the quotation before is the first verb's report.
_AND_SAID = re.compile(
    r"\s+and\s+(?:also\s+)?(?:added|said|noted|stressed|stated|emphasi[sz]ed|reported|wrote|explained)\b"
)


def _relay_follows(text: str, pos: int) -> bool:
    """'X said on Oct. 26, Trend reports.': another backward frame closes the clause."""
    end = _clause_end(text, pos)
    comma = text.find(",", pos, end)
    if comma < 0 or not _ends_clause(text[:comma] + ".", pos, ""):
        return False
    for m in _WORD.finditer(text, comma, min(end, comma + 70)):
        lemma = speech_lemma(m.group()) if m.group().islower() else None
        if lemma is not None:
            return _ends_clause(text, m.end(), lemma)
    return False


def _closing_quote_before(text: str, pos: int, quotes: tuple[tuple[int, int], ...]) -> int:
    """End of the last quotation that closes before *pos*, or -1."""
    ends = [e for s, e in quotes if e <= pos and e > s + 1]
    return max(ends) if ends else -1


#: "informed of the attack", "informed that ...": a participle or a verb with its object, no speaker after it.
_INFORMED_OF = re.compile(r"\s+(?:of|about|that|on|by)\b", re.IGNORECASE)


def _inverted(
    text: str, vs: int, ve: int, verb: str, lemma: str, deny: bool, quotes: tuple[tuple[int, int], ...]
) -> Frame | None:
    """'"...," said the ministry's spokesman.': the verb right after the report, the speaker after it."""
    if lemma in _TELLING and not (
        verb.lower() == "informs" or (verb.lower() == "informed" and not _INFORMED_OF.match(text, ve))
    ):
        # "told AFP": what follows a verb of telling is its listener (but "..., informs the head of the OVA X" is
        # machine translation's "повідомляє голова ОВА": the present tense after the report names its author, and
        # so does the past, "..., informed Governor of the Bryansk region X" -- not "the ministry, informed of")
        return None
    before = text[:vs].rstrip()
    q = _closing_quote_before(text, vs, quotes)
    after_quote = q >= 0 and not before[q:].strip(" ,-–—")  # ('..., Toretsk,"-said the group': a dash too)
    role_only = False
    if not after_quote:
        if not before.endswith(","):
            return None
        prev = before[:-1]
        seg = prev[prev.rfind(",") + 1 :]
        if not (_has_event(seg) or len(seg.split()) > 8 or _BEARING_SEG.match(seg)):
            # "Armenia, in turn, said ...": the phrase before the comma is the speaker (but not "..., north
            # of the Ukrainian border, said X": a bearing of the place before) -- unless a role follows the
            # verb: "..., fires broke out in houses, said on Wednesday the head of the district administration"
            role_only = True
    span = _inverted_speaker(text, ve)
    if span is None:
        return None
    start, end = span
    who = clean_speaker(text[start:end])
    if role_only and not ROLE_WORDS.search(" ".join(who.split()[:4])):
        return None
    if not plausible_speaker(who) or _NOT_SPEAKER_END.search(who):
        return None
    return Frame(FrameKind.BACKWARD, who, start, end, verb, (0, vs), deny)


_BEARING_SEG = re.compile(
    r"^\s*(?:just\s+|some\s+|about\s+|\d+\s*(?:km|kilomet\w+|miles?)\s+)?"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?\s+of|near|outside|close\s+to|not\s+far\s+from)\s+\S",
    re.IGNORECASE,
)
_INVERTED_NP = re.compile(
    r"\s+((?:the|a|an|[A-Z])[^,;“”\"«»]{0,110}?)(?=\s+(?:in|on|at|via|to|during)\s+[^,;“”\"«»]{0,60}$|$)"
)
# "..., said regional governor Vadym Filashkin, who said the victims were men": a relative clause on the speaker.
_INVERTED_ROLE_NP = re.compile(r"\s+([a-z][^,;“”\"«»]{0,110}?)(?=\s+(?:in|on|at|via|to|during)\s+[^,;“”\"«»]{0,60}$|$)")
_WHO_TAIL = re.compile(r",\s+who\s+")
_APPOSITION_TAIL = re.compile(r",\s+((?:a|an|the)\s+[^,;“”\"«»]{3,90}?)[\s.”\"’»)]*$", re.IGNORECASE)
# "said Serhii Lysak, head of the Dnipropetrovsk regional administration.": a role at the head, no article.
_ROLE_TAIL = re.compile(r",\s+((?:[\w’'-]+\s+){0,2}?(?:of|for|at)\s+(?:the\s+)?[^,;“”\"«»]{2,80}?)[\s.”\"’»)]*$")

# "said Pavlo Kyrylenko, Donetsk's regional governor.": a role owned by a place, no article.
_OWNED_ROLE_TAIL = re.compile(r",\s+([A-Z][\w’'-]+['’]s\s+[^,;“”\"«»]{3,60}?)[\s.”\"’»)]*$")


_WHEN_FIRST = re.compile(
    r"\s+(?:on\s+(?:\w+day|\w+\s+\d{1,2})|today|yesterday|earlier|later|late\s+\w+day|"
    r"this\s+(?:morning|afternoon|evening|week))(?=\s+(?:the|a|an|(?-i:[A-Z])))",
    re.IGNORECASE,
)
_THEN_VERB = r",\s+(?:told|said|says|added|wrote|reported|noted)\b"
_SECOND_VERB = re.compile(_THEN_VERB, re.IGNORECASE)
_APPOSITION_THEN_VERB = re.compile(r",\s+((?:a|an|the)\s+[^,;“”\"«»]{3,90}?)" + _THEN_VERB, re.IGNORECASE)


_AFTER_APPOSITION = re.compile(
    r",\s+(?:where|which|who|whose|on\s+(?:his|her|their|its)|in\s+(?:his|her|their|its|a|an)|according)\b"
)
_NAME_TAIL = re.compile(r",\s+((?:[A-Z][\w’'-]+\s+){1,2}[A-Z][\w’'-]+)[\s.”\"’»)]*$")
_SHORT_QUOTED = re.compile(r"[\"“«]([^\"“”«»,.;:]{1,30})[\"”»]")


def _inverted_speaker(text: str, ve: int) -> tuple[int, int] | None:
    """The speaker after an inverted verb: a noun phrase, perhaps with its apposition, then only adjuncts
    ('..., said Lugansk regional governor Sergiy Gaiday in a social media statement, adding that ...')."""
    # A short name in quotation marks is part of the phrase ('said a spokesman for the OTG "Kharkiv"'): its marks
    # are read as apostrophes (one character for one, so the offsets hold).
    text = text[:ve] + _SHORT_QUOTED.sub(lambda q: "'" + q.group(1) + "'", text[ve:])
    end = _clause_end(text, ve)
    comma = text.find(",", ve, end)
    head_end = comma if comma >= 0 else end
    head = text[ve:head_end].rstrip(_CLOSERS)
    if adv := _WHEN_FIRST.match(head):
        # "..., said on Wednesday the head of the Dergachiv administration": the day before the speaker
        ve += adv.end()
        head = head[adv.end() :]
    m = _INVERTED_NP.match(head)
    if m is None:
        # "said regional governor Vadym Filashkin": a lowercase head that is a role
        m = _INVERTED_ROLE_NP.match(head)
        if m is None or not ROLE_WORDS.search(" ".join(m.group(1).split()[:3])):
            return None
    start, stop = ve + m.start(1), ve + m.end(1)
    if comma >= 0:
        rest = text[comma:end]
        # "said X, governor of Kherson region, where Beryslav is located, on his official Telegram channel": a
        # relative clause or an adjunct after the apposition ends the speaker's phrase.
        tail = _AFTER_APPOSITION.search(rest, 1)
        if tail is not None:
            rest = rest[: tail.start()]
        app = _APPOSITION_TAIL.match(rest)
        if app is None and (role := _ROLE_TAIL.match(rest)) and ROLE_WORDS.match(role.group(1)):
            app = role
        if app is None and (owned := _OWNED_ROLE_TAIL.match(rest)) and ROLE_WORDS.search(owned.group(1)):
            app = owned  # "said Pavlo Kyrylenko, Donetsk's regional governor."
        if app is None:
            # '"...," said Vitaly Ganchev, a Russian-installed official, told Russian state television': a second
            # verb of speech, as machine translation leaves it, ends the speaker's phrase too.
            app = _APPOSITION_THEN_VERB.match(rest)
        if app is None and ROLE_WORDS.search(" ".join(m.group(1).split()[:3])):
            # "..., reported the head of the Kharkiv police, Volodymyr Tymoshko.": the role, then the name
            app = _NAME_TAIL.match(rest)
        if app is not None:
            stop = comma + app.end(1)  # "said Jane Roe, a spokeswoman for the ministry."
        elif not (
            _PARTICIPLE_TAIL.match(rest)
            or _WHO_TAIL.match(rest)
            or _SECOND_VERB.match(rest)
            or not rest.strip(_CLOSERS + ",")
        ):
            return None
    return start, stop


def _backward(
    text: str, vs: int, ve: int, verb: str, lemma: str, deny: bool, quotes: tuple[tuple[int, int], ...]
) -> Frame | None:
    """'..., X said.' / '"...," X, a spokeswoman, told AFP.' / '..., X said, ...' (parenthetical)."""
    terminal = _ends_clause(text, ve, lemma) or _relay_follows(text, ve) or bool(_AND_SAID.match(text, ve))
    quote_follows = not terminal and _QUOTE_FOLLOWS.match(text, ve) is not None
    spans = _speaker_before(text, vs, quotes)
    if not spans:
        return None
    start, end = spans[0]
    if not text[:start].strip(" ,"):
        return None  # nothing reported before the speaker: a forward frame ("The ministry said, ...")
    after_mark = re.search(r"[,”\"’»]\s*$", text[:start]) is not None
    parenthetical = not terminal and not quote_follows and after_mark and _adjunct_then_comma(text, ve)
    if not (terminal or quote_follows or parenthetical):
        return None
    who = clean_speaker(text[start:end])
    if len(who.split()) > 30 or _NOT_SPEAKER_END.search(who) or _has_speech_verb(who) or not plausible_speaker(who):
        return None
    clause_start = text.rfind(";", 0, start) + 1
    content = (clause_start, start) if terminal else (0, len(text))
    # (the speaker's span may hold the noun: "a claim Romania", cleaned to "Romania")
    named = _A_CLAIM_BEFORE.search(text, max(clause_start, start - 30), max(start, text.find(who, start, end)))
    named = named if terminal else None
    if named is not None:
        # "Ukraine said Russian drones landed on Romanian territory, a claim Romania denied": what the claim
        # said (after its "that"), not the rest of the sentence
        that = _THAT.search(text, clause_start, named.start())
        content = (that.end() if that else clause_start, named.start())
    return Frame(
        FrameKind.BACKWARD, who, start, end, verb, content, deny, longer=tuple(spans[1:]), answers=named is not None
    )


#: A speaker's verb after a noun that names the claim before it: ", a claim Romania denied", ", which Kyiv denied".
_A_CLAIM_BEFORE = re.compile(
    r",\s*(?:(?:a|an|the)\s+(?:claim|allegation|accusation|charge|version|assertion)s?(?:\s+(?:that|which))?|which)"
    r"\s+$",
    re.IGNORECASE,
)
#: The last "that" opening a reported clause (the search keeps the last match: see its use).
_THAT = re.compile(r"\bthat\s+(?!.*\bthat\s)", re.IGNORECASE | re.DOTALL)


_AS_BEFORE = re.compile(r"(?:^|,)\s*as\s*$", re.IGNORECASE)
_PREPOSITION_FIRST = re.compile(r"(?:in|at|on|near|from|across|over|around|outside|inside|during)\s", re.I)


def _speaker_before(text: str, vs: int, quotes: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """Speaker spans that end at the verb, narrowest first.

    After a closing quotation mark the speaker is everything up to the verb, appositions
    included ('"...," Jane Doe, spokeswoman for the ministry, told AFP').  Otherwise it is
    the last comma-separated phrase, and wider spans take in the appositions before it
    ("Anar Eyvazov, the ministry spokesman, said"), never a phrase that reports an event.
    """
    raw = _AUXILIARIES.sub("", text[:vs].rstrip())  # "..., its mayor, Alexey Kulemzin, has reported"
    if _AS_BEFORE.search(raw):
        return []  # "..., as confirmed by regional prosecutors": the agent after "by" speaks (the passive frame)
    closing_comma = raw.endswith(",")
    raw = raw.rstrip(",").rstrip()
    quote = _closing_quote_before(text, len(raw), quotes)
    if quote >= 0 and text[quote - 2 : quote - 1] not in ",.!?…" and not raw[quote:].lstrip().startswith(","):
        # A word in quotation marks inside the sentence ('captured X and "defeated" a large group of troops,
        # Anadolu reported') is no quoted report: the speaker is the last phrase, as after any other word.
        quote = -1
    if quote >= 0 and len(raw) - quote <= 160 and not _has_event(raw[quote:]):
        start = quote + len(raw[quote:]) - len(raw[quote:].lstrip(" ,"))
        if _PREPOSITION_FIRST.match(raw, start) and "," in raw[start:]:
            # '"... our hospitals" in Kherson, he said': the place belongs to the report, the speaker follows it
            start = raw.rindex(",") + 1
            start += len(raw[start:]) - len(raw[start:].lstrip())
        return [(start, len(raw))] if start < len(raw) else []
    # (a spaced dash cuts like a comma: "One killed and one wounded are reported - Prokudin wrote on Telegram.",
    # as Ukrainian agencies set a quotation without its marks)
    cuts = [m.end() for m in re.finditer(r",\s*|\s[-–—]\s+", raw)]
    if not cuts:
        return []
    spans: list[tuple[int, int]] = []
    for k in range(len(cuts) - 1, max(-1, len(cuts) - 4), -1):
        seg = raw[cuts[k] : cuts[k + 1] if k + 1 < len(cuts) else len(raw)]
        if _has_event(seg) or re.search(r"[”“\"«»;]", seg):
            break
        if spans and _CLAUSE_SEG.match(seg):
            # "The drone attack on the Kursk region, which borders Ukraine to its west, began around 1 a.m., the
            # defence ministry said": a clause of the report before the speaker is no apposition of it
            break
        spans.append((cuts[k], len(raw)))
    if closing_comma and len(spans) >= 2:
        # "Jane Doe, spokeswoman for the ministry, told": the name and its apposition together.
        spans = spans[1:]
    return spans


#: A segment that is a clause, not a noun phrase: a relative clause, or one of a few verbs of time and place.
_CLAUSE_SEG = re.compile(
    r"\s*(?:which|where|when)\b|.*\b(?:began|begun|started|ended|lasted|continued|borders|bordering)\b",
    re.IGNORECASE,
)


def _has_speech_verb(phrase: str) -> bool:
    """A speaker never contains a verb of speech ("the ministry said in a statement published ...")."""
    # (a hyphenated adjective is none: "the self-declared republic")
    return any(
        w.islower() and speech_lemma(w) and not (m.start() and phrase[m.start() - 1] == "-")
        for m in _WORD.finditer(phrase)
        if (w := m.group())
    )


def _has_event(seg: str) -> bool:
    # ("the Russian-installed leader of the occupied parts of Zaporizhzhia Oblast said": a description, no event)
    seg = without_non_events(_UNIT_NAME.sub(" ", seg))
    return any(rx.search(seg) for _, rx in EVENT_TYPES)


#: An event word naming a kind of unit is no event: "the 3rd separate assault brigade", "artillery regiment".
_UNIT_NAME = re.compile(
    r"\b(?:assault|artillery|missile|rocket|drone|air(?:borne)?|strike)\s+"
    r"(?=(?:brigade|regiment|battalion|corps|division|group|unit|forces|troops)s?\b)",
    re.IGNORECASE,
)


_RELATIVE_PART = re.compile(r",?\s*\b(?:who|which|whose)\b[^,]*$", re.IGNORECASE)


#: A full stop that ends a sentence, not one after an initial ("the U.K. Defence Ministry", "John F. Kerry").
_FULL_STOP = re.compile(
    r"(?<![.\s][A-Z])(?<!^[A-Z])(?<!\bGov)(?<!\bGen)(?<!\bLt)(?<!\bCol)(?<!\bSgt)(?<!\bMr)(?<!\bDr)(?<!\bSt)\. "
)


def _last_full_stop(raw: str) -> int:
    found = -1
    for m in _FULL_STOP.finditer(raw):
        found = m.start()
    return found


#: "that" after a preposition is a determiner, no conjunction: "Ukrainian authorities at that time said".
_DETERMINER_THAT = re.compile(r"\b(?:at|by|in|on|of|from|since|until|after|before|during)$", re.IGNORECASE)


_NOT_YET = re.compile(
    r"\b(?:has|have|had|did|does|do|was|were|is|are)(?:\s+not|n[’']t)(?:\s+(?:yet|immediately|officially|publicly))?$|"
    r"\bnever$",
    re.IGNORECASE,
)


def _forward(text: str, vs: int, ve: int, verb: str, deny: bool, earlier: list[Frame]) -> Frame | None:
    """'X said (that) ...': the speaker is the clause before the verb (found without backtracking
    regular expressions, which cost seconds on long sentences)."""
    base = max(0, vs - 300)
    raw = _AUXILIARIES.sub("", text[base:vs].rstrip())
    comma = raw.endswith(",")
    raw = raw.rstrip(",").rstrip()
    # The speaker never spans a quotation mark, a semicolon or a full stop.
    cut = max(raw.rfind(ch) for ch in ';“”"«»')
    dot = _last_full_stop(raw)
    cut = max(cut, dot + 1 if dot >= 0 else -1)
    if cut >= 0:
        base += cut + 1
        raw = raw[cut + 1 :]
    base += len(raw) - len(raw.lstrip())
    raw = raw.strip()
    if not raw:
        return None
    if not comma and re.search(r"\w[’']s$|s[’']$", raw):
        return None  # "Russia's repeated attack": after a possessive the word is no verb
    if _NOT_YET.search(raw):
        return None  # "Russia has not yet commented on the strike": no one spoke
    if not comma and _AS_ADJECTIVE.search(raw):
        return None  # "The Kremlin dismissed as fake reports that ...": "reports" is a noun, no verb
    if re.search(r"\b(?:and|but)(?:\s+also)?$", raw):
        # "The ministry denied the claim and accused ...": the same speaker.
        return Frame(FrameKind.FORWARD, "", vs, vs, verb, (ve, len(text)), deny, continues=True) if earlier else None
    # The speaker is the last clause before the verb ("..., and the ministry said that").  With a
    # comma before the verb ("The spokesman for the ministry, Anar Eyvazov, said") the last two
    # commas enclose an apposition that belongs to the speaker.
    parts = raw.split(", ")
    if comma and len(parts) >= 2 and re.match(r"[a-z]+ing\b", parts[-1]):
        # "Kherson governor X, writing on Telegram, said": the participle is no part of the speaker.
        parts, comma = parts[:-1], False
        raw = ", ".join(parts)
    while comma and len(parts) >= 3 and _BEARING_SEG.match(parts[-1]):
        # "Roman Starovoyt, the governor of the Kursk region, north of Belgorod and also bordering Ukraine, said":
        # where the region lies is no part of the speaker.
        parts = parts[:-1]
        raw = ", ".join(parts)
    # "The spokesman ..., Igor Konashenkov, who briefed reporters, said": a relative clause after the
    # apposition belongs to the speaker too.
    rel = comma and len(parts) >= 3 and bool(_RELATIVE_PART.match(parts[-1]))
    keep = ", ".join(parts[-3:]) if rel else ", ".join(parts[-2:]) if comma else parts[-1]
    if (
        not comma
        and len(parts) >= 2
        and _PERSON_NAMES.match(parts[-1].strip())
        and ROLE_WORDS.search(parts[-2])
        and len(parts[-2].split()) <= 8
        and not _CLAUSE_VERB.search(parts[-2])
    ):
        # "Russia's acting governor of Zaporizhzhia, Yevgeny Balitsky said": the role before the name is his
        keep = ", ".join(parts[-2:])
    inner = not comma and len(parts) >= 2 and parts[-1].lower() in ("who", "which")
    if inner:
        # "X, who said the attack was repelled, reported ...": speech inside a relative clause reports
        # up to the clause's end, and its speaker is the name before the pronoun.
        keep = parts[-2]
    offset = len(raw) - len(keep)
    # "..., and the ministry said", "... while Yerevan insists": the last clause's subject; but
    # "the Emergency and Rescue Service said" is one name.
    ands = [m.start() for m in _AND_CLAUSE.finditer(keep)]
    cut = max(
        ands[-1] if ands else -1,
        *(keep.rfind(f" {w} ") for w in ("while", "that", "but", "as", "when", "after", "because", "since", "where")),
        # ("... in the city of Luhansk -- which Russian-installed officials blamed on Ukrainian forces": the relative
        # clause's subject; but "the brigade, which is deployed there, said": an apposition of the speaker)
        *(m.start() for m in _DASH_WHICH.finditer(keep)),
    )
    if cut >= 0 and keep[cut + 1 :].startswith("that ") and _DETERMINER_THAT.search(keep, 0, cut):
        cut = max(ands[-1] if ands else -1, *(keep.rfind(f" {w} ") for w in ("while", "but", "when", "where")))
    if cut >= 0 and keep[cut + 1 :].strip():
        word = keep[cut + 1 :].split(" ", 1)[0]
        offset += cut + 1 + len(word) + 1
        keep = keep[cut + 1 + len(word) + 1 :]
    who = clean_speaker(keep)
    if re.match(r"(?i)according\s+to\b", who):
        return None  # "According to official reports ...": a source marker, not a speaker of "reports"
    if re.search(r"\b(?:each|both)$", who):
        return None  # "Krasnohorivka and Kurakhove each reported one civilian killed": a toll, no speech
    if not who or who.split()[0].lower() in FIRST_PERSON:
        return None  # "I can say that ..." inside a quotation: the quotation's speaker stands
    bare = _RELATIVE_PART.sub("", who)  # a relative clause may hold its own speech verb
    if len(who.split()) > 25 or _NOT_SPEAKER_END.search(bare) or _has_speech_verb(bare) or not plausible_speaker(bare):
        return None  # "denied reports that": "reports" is a noun here
    start = base + offset
    start += len(text[start:vs]) - len(text[start:vs].lstrip())
    end = len(text)
    if inner:
        close = text.find(",", ve)
        end = close if close >= 0 else end
    return Frame(FrameKind.FORWARD, who, start, vs, verb, (ve, end), deny)


#: A relative clause after a dash, before its subject: "... the city of Luhansk -- which officials blamed on".
_DASH_WHICH = re.compile(r"(?<=[—–])\s+which(?=\s)")


def _with_content(frames: list[Frame], text: str) -> list[Frame]:
    """Where each frame's report ends.

    A forward frame reports up to the next speaker or the end of its clause ("Azerbaijan
    said A, while Armenia said B").  An "according to" or passive frame governs its clause
    up to a trailing relay ("According to X, A, AFP reported": A is X's, not AFP's).
    """
    out = []
    for f in frames:
        cs, ce = f.content
        if f.kind in (FrameKind.FORWARD, FrameKind.QUOTED, FrameKind.NOMINAL):
            semi = text.find(";", cs)
            # A report named as a noun inside the content is part of it ("denied Baku's allegations ...").
            nxt = [
                g.start
                for g in frames
                if g.start > cs and g is not f and not g.continues and g.kind is not FrameKind.NOMINAL
            ]
            ce = min([*nxt, semi if semi >= 0 else len(text), ce])
        elif f.kind in (FrameKind.ACCORDING, FrameKind.PASSIVE):
            relays = [g.start for g in frames if g.kind is FrameKind.BACKWARD and g.start > f.end]
            ce = min([*relays, ce])
        out.append(replace(f, content=(cs, ce)) if (cs, ce) != f.content else f)
    return out
