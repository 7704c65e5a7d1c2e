"""Claims: who says that what happened where.

Rules over sentences and the resolved place mentions:

* an **event** is a word of violence (shelling, missile, drone, attack,
  repelled, killed, ...); its type is the most specific one near the place;
* a **claimant** is found by reported-speech patterns: "X said/announced/
  told/denied ...", "..., X said", "according to X", "X quoted Y as saying"
  (the claim is Y's), pronouns and surnames that continue the last named
  speaker; a sentence with none is the outlet's own account;
* a place is an **incident place** unless it is where the fire came *from*,
  where talks or visits happen, part of an organisation's name, a capital that
  speaks for its government, a dateline, or outside the conflict theatre;
* a **denial** is a claim of its own, linked to the claim it denies.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from gazetteer import Gazetteer, distance_km

from .articles import Article
from .mentions import DATELINE, Mention, find_mentions
from .sides import Profile
from .text import Sentence, split_sentences

__all__ = ["Claim", "extract_claims", "ArticleClaims", "EVENT_TYPES"]

# Event words, most specific type first.  A place takes the most specific
# type among the event words near it.
EVENT_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pat, re.IGNORECASE))
    for name, pat in (
        (
            "missile strike",
            r"\b(missiles?|rockets?|smerch|tochka|iskander|ballistic|grad|"
            r"multiple[- ]rocket|MLRS|cluster (munitions?|bombs?|weapons?))\b",
        ),
        ("drone strike", r"\b(drones?|UAVs?|bayraktar|harop|kamikaze|loitering munitions?)\b"),
        (
            "air strike",
            r"\b(air ?strikes?|air raids?|airstrikes?|warplanes?|aircraft|fighter jets?|bombers?|aviation)\b",
        ),
        (
            "shelling",
            r"\b(shell(s|ed|ing)?|artillery|mortars?|howitzers?|bombard\w*|bomb(s|ed|ing)?|"
            r"(opened|came under|under|heavy) fire|fired|firing|fire (on|at))\b",
        ),
        (
            "ground attack",
            r"\b(attack(s|ed|ing)?|offensives?|assaults?|raids?|repel(s|led|ling)?|repulsed|"
            r"counter-?attacks?|storm(ed|ing)|incursions?|sabotage)\b",
        ),
        (
            "capture",
            r"\b(captured?|liberat(ed|ion)|took control|taken control|seized|recaptured|retook|"
            r"(?:loss|lost control) of (?:(?:part of )?(?:the )?(?:positions?|control|territory|villages?|town|city))|"
            r"taken over|fell to)\b",
        ),
        ("clashes", r"\b(fighting|clashes|clashed|battles?|combat|skirmish(es)?|hostilities|firefights?)\b"),
        (
            "strike",
            r"\b(strikes?|striking|struck|hit|hits|hitting|target(s|ed|ing)?|explosions?|exploded|destroy(ed|ing|s)?|"
            r"damag(ed|ing)|killed|killing|kills|wounded|wounding|injured|injuring|casualties|dead|"
            r"died|deaths?)\b",
        ),
    )
)
# Weapon nouns only say *how*; an event needs an action ("a drone was spotted"
# is no strike, "drones struck Martakert" is one).
_ACTION = re.compile(
    r"\b(shell(s|ed|ing)?|bomb(s|ed|ing)|bombard\w*|fire[ds]?|firing|attack(s|ed|ing)?|strikes?|struck|striking|"
    r"hit|hits|hitting|target(s|ed|ing)|kill(s|ed|ing)|wound(s|ed|ing)?|injur(ed|ing|ies|y)|destroy(s|ed|ing)?|"
    r"damag(ed|ing)|dead|died|deaths?|casualties|captured?|liberat(ed|ion|ing)|took control|taken control|"
    r"seized|recaptured|retook|fighting|fights?|clashes|clashed|battles?|combat|hostilities|skirmish(es)?|"
    r"repel(s|led|ling)?|repulsed|assaults?|offensives?|raids?|storm(ed|ing)|explosions?|exploded|"
    r"pound(ed|ing)|hammered|airstrikes?|perished|victims?|ruined|burn(ed|t)|used|using|launched|dropped|"
    r"damage|destruction|loss of (?:(?:part of )?(?:the )?(?:positions?|control|territory)))\b",
    re.IGNORECASE,
)
_NOT_ACTION = re.compile(
    r"\b(air[- ]raid sirens?|sirens?|ceasefire|cease-fire|fire ?fighters?|fire ?brigade)\b", re.IGNORECASE
)

_SPEECH = (
    r"said|says|say|told|tell|tells|stated|states|announced|announces|reported|reports|claimed|claims|"
    r"confirmed|confirms|denied|denies|deny|rejected|rejects|refuted|refutes|added|adds|wrote|writes|"
    r"tweeted|noted|notes|stressed|stresses|indicated|indicates|declared|declares|alleged|alleges|"
    r"insisted|warned|informed|explained|emphasi[sz]ed|underlined|asserted|clarified|posted|"
    r"accused|accuses|charged|maintained|mentioned|revealed|pointed out|said in a statement|quoted|"
    r"documented|verified|recorded|spoke of|informs|specified|assured|complained|condemned|reads"
)
_DENY = re.compile(
    r"\b(denied|denies|deny|denying|rejected|rejects|refuted|refutes|dismissed)\b|"
    r"\b(is|are|was|were)\s+(false|fake|untrue|not true|groundless|baseless|disinformation|a lie|lies)\b",
    re.IGNORECASE,
)
# "The information about X is false": the content itself is declared untrue.
_FALSE = re.compile(
    r"\b(?:is|are|was|were)\s+(?:\w+\s+and\s+)?(?:false|fake|untrue|groundless|baseless|unfounded|disinformation|"
    r"a lie|lies|a provocation)\b|"
    r"\b(?:(?:is|are|was|were)\s+not|(?:isn|aren|wasn|weren)['’]t)\s+(?:true|correct|accurate)\b|"
    r"\b(?:does|do)\s*(?:not|n['’]t)\s+correspond\s+to\s+(?:reality|the truth)\b",
    re.IGNORECASE,
)
_REPORTED_BY = re.compile(
    r"\b(?i:(?:spread|disseminated|circulated|claimed|reported|alleged|voiced|made)\s+by|"
    r"(?:accusations?|claims?|reports?|allegations?|statements?)\s+(?:of|by|from))\s+(?:the\s+)?"
    r"(?P<who>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*|\s+(?i:side|media|ministry|defen[cs]e\s+ministry|sources|officials))*)",
)
_QUOTED = re.compile(r"\b(?:quoted|cited)\s+(?P<who>.+?)\s+as\s+say(?:ing)?\b", re.IGNORECASE)
# "the Azerbaijani president's statement that ...", "claims by the Armenian side that ..."
_NOMINAL = re.compile(
    r"(?:\b(?:the\s+)?(?P<who>[A-Z][\w-]*(?:\s+[\w-]+){0,5}?)['’]s\s+(?:statement|claims?|reports?|announcement|"
    r"allegations?|words|assertion|accusations?)\s+that\b)",
)
_NOMINAL_HINT = re.compile(
    r"['’]s\s+(?:statement|claims?|reports?|announcement|allegations?|words|assertion|accusations?)\s+that\b"
)
_ROLE = re.compile(
    r"\b(spokes\w+|minister|ministry|head|chief|official|representative|adviser|advisor|aide|ombuds\w*|"
    r"secretary|commander|director|deputy|office|service|department|agency|cent(?:er|re)|president|"
    r"governor|mayor|analyst|researcher|correspondent|reporter|journalist|resident|witness)\b",
    re.IGNORECASE,
)
_INFO_NOUN = re.compile(
    r"^(?:the\s+)?(?:preliminary|latest|initial|available|official|updated|new|current|unconfirmed\s+)?\s*"
    r"(?:data|information|reports?|figures|estimates|news|statistics)$",
    re.IGNORECASE,
)
_APPOSITION = re.compile(r"\s*,\s*((?:a|an|the)\s+[^,.;“”\"]{3,80})(?=[,.;]|$)", re.IGNORECASE)
# "Trend reports referring to the Prosecutor General's Office", "AFP, citing officials": the claim is theirs.
_CITING = re.compile(
    r"\b(?:citing|referring to|with reference to|in reference to|quoting)\s+(?P<who>[^,;.“”\"]+?)"
    r"(?=\s*(?:[,;.“”\"]|$| that\b| as say))",
    re.IGNORECASE,
)
_ACCORDING = re.compile(
    r"\baccording\s+to\s+(?P<who>[^,;.“”\"]+?)(?=\s*(?:[,;.“”\"]|$| that\b| on\b| in a\b))", re.IGNORECASE
)
_VERB = re.compile(rf"\b(?:(?:has|have|had)\s+)?(?P<verb>{_SPEECH})\b", re.IGNORECASE)
# '"...," said the ministry.' -- the claimant is a noun phrase ("the ...", a name), not "that ...".
_BACKWARD_INV = re.compile(
    r"(?:[”\"],?|,)\s*(?P<verb>said|says|told|reported|added|wrote|stated|announced|claimed)\s+"
    r"(?P<who>(?:[Tt]he|[Aa]n?|[A-Z][\w’'-]*)\b[^,.]{0,80}?)\s*[.”\"]*$",
)
_PRONOUN = re.compile(
    r"^(?:and\s+|but\s+|also\s+)?(?:he|she|it|they|him|her|them|his office|her office|"
    r"(?:the|this|that)\s+(?:\w+\s+)?(?:ministry(?:\s+of\s+defen[cs]e)?|spokes(?:man|woman|person)|statement|"
    r"officials?|agency|report|army|military|source|cent(?:er|re)|office|service|department|committee|"
    r"ombuds(?:man|woman|person)|prosecutor|command|authorities|president|minister|organi[sz]ation|body|group))$",
    re.IGNORECASE,
)
_ADVERBIAL = re.compile(
    r"^(?:(?:earlier|later|meanwhile|however|also|moreover|furthermore|besides|in addition|on the other hand|"
    r"in the same context|for (?:his|her|its|their) part|at the same time|in particular|in turn|"
    r"separately|previously|then|and|but|while|on \w+(?: \w+)?|in \w+ remarks|in a statement)\s*,?\s+)+",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
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
_NUM = (
    r"(?:more than |at least |over |some |about |nearly |almost |up to )?(\d[\d,]*|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")"
)
_KILLED = [
    re.compile(rf"\b(?:killed|killing|kills|claimed the lives of|left)\s+{_NUM}\b", re.IGNORECASE),
    re.compile(
        rf"\b{_NUM}\s+(?:\w+\s+){{0,2}}(?:were |was |have been |had been )?(?:killed|dead|died)\b", re.IGNORECASE
    ),
    re.compile(rf"\bdeath toll (?:rose|rises|climbed|reached|stands|stood) (?:to|at) {_NUM}\b", re.IGNORECASE),
]
_WOUNDED = [
    re.compile(rf"\b(?:wounded|wounding|injured|injuring)\s+{_NUM}\b", re.IGNORECASE),
    re.compile(
        rf"\b{_NUM}\s+(?:\w+\s+){{0,2}}(?:were |was |have been |had been )?(?:wounded|injured)\b", re.IGNORECASE
    ),
]
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH_ABBR = {
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
_MONTHS = [
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
]


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim that an event happened at one place, by one claimant."""

    claim_id: str
    article: str
    article_title: str
    published: str
    source_url: str
    sentence_index: int
    evidence: str
    place: str
    place_as_written: str
    place_id: str
    geonameid: int | None
    country_code: str
    lat: float
    lon: float
    geo_precision: int
    place_kind: str
    event_type: str
    claimant: str
    side: str
    side_label: str
    perpetrator_side: str
    status: str  # claimed | denied
    denies_claim_id: str
    event_date: str
    time_precision: int  # 1 day, 2 week, 3 month (ACLED's codes)
    fatalities: int | None
    wounded: int | None
    equipment_destroyed: int | None  # tanks, vehicles, guns, drones... where the claim counts them
    resolution: str  # the resolver's reason for the place, for analysts


@dataclass(frozen=True, slots=True)
class ArticleClaims:
    claims: tuple[Claim, ...]
    unresolved: tuple[str, ...]


@dataclass
class _Attribution:
    who: str
    start: int  # span of the claimant phrase in the sentence
    end: int
    scope: str  # forward | backward | sentence
    deny: bool


_DENIES_THAT = re.compile(
    r"\s*(?:\w+\s+)?(?:denied|denies|deny|rejected|rejects|refuted|refutes|dismissed)?\s*"
    r"(?:this|it|that|them|the|these|such)?\s*(?:claims?|reports?|allegations?|accusations?|information|news)?\b"
    r"(?<=\w)",
    re.IGNORECASE,
)
_LOCATING = re.compile(r"^\s*(villages?|settlements?|city|town)?\s*,?\s*(of|in)\s+(the\s+)?$", re.IGNORECASE)
# "a resident of Beylagan said", "a teacher in Barda said": a witness speaking of the town
# (unlike "Baku said", or "the head of the Barda district administration said").
_WITNESS_OF = re.compile(
    r"(?:\b(?:residents?|inhabitants?|witness(?:es)?|people|villagers)\s+(?:of|in|from)|"
    r"\b(?:a|an)\s+(?:[\w-]+\s+){0,3}(?:in|from))\s+(?:the\s+)?(?:(?:city|town|village|settlement)\s+of\s+)?$",
    re.IGNORECASE,
)
_SPEAKS = re.compile(r"\s*(said|says|claimed|claims|denied|denies|announced|reported|confirmed|accused)\b")
_OFFICIAL = re.compile(
    r"\b(ministry|ministers?|prosecutor|ombuds\w*|president|presidential|government|spokes\w+|office|"
    r"authorities|officials?|military|army|command|service|committee|agency|administration|embassy|mission)\b",
    re.IGNORECASE,
)
_FORCE_SUBJECT = re.compile(
    r"\b(forces|army|troops|artillery|units|military|soldiers|drones?|missiles?)\b", re.IGNORECASE
)


def _clean_who(who: str) -> str:
    who = who.strip(" ,.:;\"“”'")
    # "according to what the presidency said"
    who = re.sub(
        r"^(?:what|those|that which)\s+(.+?)(?:\s+(?:has\s+)?(?:said|stated|announced|reported))?$", r"\1", who
    )
    # A dateline before the claimant: "Moscow [Russia], October 4 (ANI/Sputnik): The ministry said"
    who = re.sub(r"^[^:]{0,80}\)\s*:\s*|^[A-Z][A-Z' .-]{2,},[^:]{0,60}:\s*", "", who)
    who = _ADVERBIAL.sub("", who).strip(" ,")
    # Trailing adverbs and auxiliaries: "Azerbaijan also", "the Office (GPO) has".
    who = re.sub(
        r"(\s+(also|has|have|had|further|then|again|reportedly|officially|later|earlier|too))+$",
        "",
        who,
        flags=re.IGNORECASE,
    )
    return re.sub(r"\s+", " ", who)


_LOWER_WORD = re.compile(r"[a-z]+")
_ATTRIBUTION_WORDS = frozenset(
    w for w in re.sub(r"\[sz\]", "s", _SPEECH).replace("emphasised", "emphasised|emphasized").split("|") if " " not in w
) | {"according", "quoted", "cited", "statement", "claim", "claims", "report", "reports", "allegation", "allegations"}


def _attributions(text: str) -> list[_Attribution]:
    out: list[_Attribution] = []
    low = text.lower()
    # A set of words, not one regular expression with sixty alternatives: Python's
    # engine tries each alternative at every position.
    if not (_ATTRIBUTION_WORDS & set(_LOWER_WORD.findall(low))) and "pointed out" not in low and "spoke of" not in low:
        return out
    # Cheap substring checks first: the full patterns scan every word position.
    if "quoted" in low or "cited" in low:
        for m in _QUOTED.finditer(text):
            who = _clean_who(m.group("who"))
            out.append(_Attribution(who, m.start("who"), m.end("who"), "forward", False))
    if "according" in low:
        for m in _ACCORDING.finditer(text):
            end = m.end("who")
            # "according to Shushan Stepanian, a spokeswoman for the Armenian Defense Ministry,"
            app = _APPOSITION.match(text, end)
            if app and _ROLE.search(app.group(1)):
                end = app.end(1)
            who = _clean_who(text[m.start("who") : end])
            if _INFO_NOUN.match(who):
                continue  # "according to preliminary data": no claimant, the sentence's speaker stands
            out.append(_Attribution(who, m.start("who"), end, "sentence", False))
    if "citing" in low or "referring to" in low or "reference to" in low or "quoting" in low:
        for m in _CITING.finditer(text):
            who = _clean_who(m.group("who"))
            if who and not _INFO_NOUN.match(who):
                out.append(_Attribution(who, m.start("who"), m.end("who"), "citing", False))
    if _NOMINAL_HINT.search(text):
        for m in _NOMINAL.finditer(text):
            who = _clean_who(m.group("who"))
            if who:
                out.append(_Attribution(who, m.start("who"), m.end("who"), "forward", False))
    quoted_spans = [(a.start, a.end) for a in out]
    for m in _VERB.finditer(text):
        att = _forward_at(text, m, out, quoted_spans)
        if att is not None:
            out.append(att)
    # Each clause of "A, X claims; Y denies this" may end with its own claimant.
    offset = 0
    for clause in text.split(";"):
        back = _backward(clause)
        if back is not None:
            back.start += offset
            back.end += offset
            out.append(back)
        offset += len(clause) + 1
    return out


_AFTER_FORWARD = re.compile(r"\s+(?!by\b)[\w“\"]|[:,]?\s*[“\"]")
_AFTER_BACKWARD = re.compile(r"(?:\s+[^,“”\"]{0,60})?(?:,\s+\w+ing\b[^“”\"]*)?[.”\"]*\s*$")
_ENDS_WITH_VERB = re.compile(rf"\b(?:{_SPEECH})$", re.IGNORECASE)
_NOT_CLAIMANT_END = re.compile(r"\b(was|were|is|are|been|be|being|which|who)$", re.IGNORECASE)


def _forward_at(
    text: str, m: re.Match[str], out: list[_Attribution], quoted_spans: list[tuple[int, int]]
) -> _Attribution | None:
    """'X said (that) ...': the claimant is the clause before the verb (written without
    backtracking regular expressions, which cost seconds on long sentences)."""
    verb = m.group("verb")
    vstart = m.start()
    if verb.lower() == "quoted" or any(s <= m.start("verb") < e for s, e in quoted_spans):
        return None
    if not _AFTER_FORWARD.match(text, m.end()):
        return None
    base = max(0, vstart - 300)
    raw = text[base:vstart].rstrip()
    comma = raw.endswith(",")
    raw = raw.rstrip(",").rstrip()
    # The claimant never spans a quotation mark, a semicolon or a full stop.
    cut = max(raw.rfind(ch) for ch in ';“”"')
    dot = raw.rfind(". ")
    cut = max(cut, dot + 1 if dot >= 0 else -1)
    if cut >= 0:
        base += cut + 1
        raw = raw[cut + 1 :]
    lead = len(raw) - len(raw.lstrip())
    base += lead
    raw = raw.strip()
    if not raw:
        return None
    deny = bool(_DENY.match(verb))
    if re.search(r"\band$", raw) and out:
        # "The ministry denied the claim and accused ...": the same claimant.
        prev = max((a for a in out if a.end <= vstart), key=lambda a: a.end, default=None)
        if prev is not None:
            return _Attribution(prev.who, vstart, vstart, "forward", deny)
        return None
    # The claimant is the last clause before the verb ("..., and the ministry said that").
    # With a comma before the verb ("The spokesman for the ministry, Anar Eyvazov, said")
    # the last two commas enclose an apposition that belongs to the claimant.
    parts = raw.split(", ")
    keep = ", ".join(parts[-2:]) if comma else parts[-1]
    offset = len(raw) - len(keep)
    bounds = [keep.rfind(" and "), keep.rfind(" while "), keep.rfind(" that ")]
    cut = max(bounds)
    if cut >= 0 and keep[cut + 1 :].strip():
        word = keep[cut + 1 :].split(" ", 1)[0]
        offset += cut + 1 + len(word) + 1
        keep = keep[cut + 1 + len(word) + 1 :]
    who = _clean_who(keep)
    if re.match(r"(?i)^(i|we)\b", who):
        return None  # "I can say that ..." inside a quotation: the quotation's speaker stands
    if not who or len(who.split()) > 25 or _NOT_CLAIMANT_END.search(who) or _ENDS_WITH_VERB.search(who):
        return None  # "denied reports that": "reports" is a noun here
    return _Attribution(who, base + offset, vstart, "forward", deny)


def _backward(text: str) -> _Attribution | None:
    """'"...," X said.' or '..., X told Trend on Oct. 28.': the claimant after the claim.

    The claimant starts after the last closing quotation mark or comma before the
    verb; it may grow leftwards later (see _grow_claimant).
    """
    for m in reversed(list(_VERB.finditer(text))):
        if not _AFTER_BACKWARD.fullmatch(text, m.end()):
            continue
        before = text[: m.start()]
        bound = max(before.rfind(","), before.rfind("”"), before.rfind('"'))
        if bound < 0:
            return None
        who = _clean_who(before[bound + 1 :])
        if not who or len(who.split()) > 30 or _NOT_CLAIMANT_END.search(who):
            return None
        start = bound + 1 + (len(before[bound + 1 :]) - len(before[bound + 1 :].lstrip()))
        return _Attribution(who, start, m.start(), "backward", bool(_DENY.match(m.group("verb"))))
    m = _BACKWARD_INV.search(text)
    if m:
        return _Attribution(
            _clean_who(m.group("who")), m.start("who"), m.end("who"), "backward", bool(_DENY.match(m.group("verb")))
        )
    return None


def _grow_claimant(text: str, att: _Attribution, profile: Profile) -> None:
    """Extend a backward claimant leftwards over appositions until it names a side."""
    if att.scope != "backward" or profile.side_of_claimant(att.who):
        return
    start = att.start
    for _ in range(2):
        cut = text.rfind(",", 0, start - 1)
        seg = text[cut + 1 : start]
        if cut < 0 or any(rx.search(seg) for _, rx in EVENT_TYPES) or re.search(r"[”“\"]", seg):
            return
        start = cut + 1
        who = _clean_who(text[start : att.end])
        if profile.side_of_claimant(who):
            att.who, att.start = who, start
            return


def _claimant_for(pos: int, atts: list[_Attribution]) -> _Attribution | None:
    citing = [a for a in atts if a.scope == "citing"]
    if citing:
        return citing[0]
    forward = [a for a in atts if a.scope == "forward" and a.end <= pos]
    if forward:
        return max(forward, key=lambda a: a.end)
    sentence = [a for a in atts if a.scope == "sentence"]
    if sentence:
        return sentence[0]
    backward = [a for a in atts if a.scope == "backward" and a.start >= pos]
    if backward:
        return min(backward, key=lambda a: a.start)
    return None


@lru_cache(maxsize=4096)
def _event_words(text: str) -> tuple[tuple[int, int, int, str], ...]:
    """(start, end, specificity, type) of every event word of a sentence; empty without an action."""
    if not _ACTION.search(_NOT_ACTION.sub(" ", text)):
        return ()
    return tuple(
        (m.start(), m.end(), order, name) for order, (name, rx) in enumerate(EVENT_TYPES) for m in rx.finditer(text)
    )


def _event_near(text: str, start: int, end: int) -> tuple[str, int] | None:
    """(event type, distance in characters) of the most specific event word near a place."""
    window = 90
    best: tuple[int, int, str] | None = None
    nearest: tuple[int, str] | None = None
    for ws, we, order, name in _event_words(text):
        d = max(start - we if we <= start else ws - end if ws >= end else 0, 0)
        if nearest is None or d < nearest[0]:
            nearest = (d, name)
        if d <= window and (best is None or (order, d) < best[:2]):
            best = (order, d, name)
    if best:
        return best[2], best[1]
    if nearest:
        return nearest[1], nearest[0]
    return None


def _nearest_non_violent(text: str, start: int, end: int, profile: Profile) -> int | None:
    dists = []
    for m in profile.non_violent.finditer(text):
        d = start - m.end() if m.end() <= start else m.start() - end if m.start() >= end else 0
        dists.append(max(d, 0))
    return min(dists) if dists else None


@lru_cache(maxsize=4096)
def _fatalities(text: str) -> int | None:
    return _count(_KILLED, text)


@lru_cache(maxsize=4096)
def _wounded(text: str) -> int | None:
    return _count(_WOUNDED, text)


_EQUIPMENT = re.compile(
    rf"\b{_NUM}\s+(?:[\w“”\"-]+\s+){{0,2}}(?:tanks?|armou?red vehicles?|(?:military )?vehicles?|trucks?|"
    r"artillery(?: pieces| guns| systems)?|howitzers?|guns?|mortars?|drones?|UAVs?|helicopters?|aircraft|"
    r"(?:multiple rocket launchers?|MLRS|air defen[cs]e systems?|radars?|launchers?|ammunition depots?))\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _equipment(text: str) -> int | None:
    """Pieces of equipment a sentence says were destroyed ("destroyed 10 tanks and 30 vehicles")."""
    if not re.search(r"\bdestroy(ed|ing|s)?\b|\bdisabled\b|\bneutrali[sz]ed\b", text, re.IGNORECASE):
        return None
    total = 0
    for m in _EQUIPMENT.finditer(text):
        raw = m.group(1).lower().replace(",", "")
        total += int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw, 0)
    return total or None


_COUNT_HINT = re.compile(r"kill|dead|died|death|wound|injur|lives|left", re.IGNORECASE)


def _count(patterns: list[re.Pattern[str]], text: str) -> int | None:
    if not _COUNT_HINT.search(text):
        return None
    for rx in patterns:
        m = rx.search(text)
        if m:
            raw = m.group(1).lower().replace(",", "")
            try:
                return int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
            except KeyError:
                continue
    return None


@lru_cache(maxsize=8192)
def event_date(text: str, published: str) -> tuple[str, int]:
    """The event date a sentence states, relative to the article date, and ACLED's precision code."""
    if not published:
        return "", 3
    pub = date.fromisoformat(published)
    low = text.lower()
    names = "|".join([*_MONTHS, *_MONTH_ABBR])
    m = re.search(r"\b(" + names + r")\.?\s+(\d{1,2})\b", low) or re.search(r"\b(\d{1,2})\s+(" + names + r")\b", low)
    if m:
        a, b = m.group(1), m.group(2)
        month, day = (a, b) if not a.isdigit() else (b, a)
        month_no = _MONTHS.index(month) if month in _MONTHS else _MONTH_ABBR[month]
        try:
            d = date(pub.year, month_no + 1, int(day))
            if d > pub + timedelta(days=2):
                d = date(pub.year - 1, d.month, d.day)
            return d.isoformat(), 1
        except ValueError:
            pass
    if re.search(r"\byesterday\b|\blast night\b", low):
        return (pub - timedelta(days=1)).isoformat(), 1
    if re.search(r"\btoday\b|\bthis (morning|afternoon|evening)\b|\btonight\b", low):
        return pub.isoformat(), 1
    m = re.search(r"\b(?:on|last|this)\s+(" + "|".join(_WEEKDAYS) + r")\b", low) or re.search(
        r"\b(" + "|".join(_WEEKDAYS) + r")\s+(?:morning|night|evening|afternoon)\b", low
    )
    if m:
        wd = _WEEKDAYS.index(m.group(1))
        back = (pub.weekday() - wd) % 7
        return (pub - timedelta(days=back)).isoformat(), 1
    return pub.isoformat(), 2


def _precision(m: Mention) -> int:
    kind = m.candidate.place.kind
    if kind in ("region", "country") or m.cue == "province":
        # A province (Armenia's marzer) is far larger than the town it shares a name with.
        return 3
    if kind == "district" or m.cue in ("district", "region", "province", "near"):
        return 2
    return 1


def _stable_id(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:16]


def _dateline_sentences(sentences: list[Sentence]) -> frozenset[int]:
    return frozenset(s.index for s in sentences[:4] if DATELINE.match(s.text) and len(s.text) < 80)


def extract_claims(article: Article, gazetteer: Gazetteer, profile: Profile) -> ArticleClaims:
    """Every claim of *article*: one per (sentence, place, claimant, status)."""
    sentences = split_sentences(article.text)
    mentions, unresolved, _focus = find_mentions(
        sentences,
        gazetteer,
        theatre=profile.theatre_countries,
        dateline_sentences=_dateline_sentences(sentences),
    )
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    labels = {s.id: s.label for s in profile.sides}
    opening = next((s.text for s in sentences[:3] if s.text.strip()), "")
    outlet_side = profile.side_of_outlet(article.source_url or article.outlet) or profile.side_of_outlet(opening)
    outlet = article.outlet or "the article"

    claims: list[Claim] = []
    speakers: list[tuple[str, str]] = []  # (claimant, side), most recent last
    last_claims: list[Claim] = []
    last_claim_sentence = -10

    perp_hint = ""

    def side_of(who: str) -> tuple[str, str]:
        """Claimant as written and side, following pronouns and surnames to earlier speakers."""
        if _PRONOUN.match(who) and not re.search(r"\s[A-Z]", who) and speakers:
            head = who.lower().split()[-1]
            if head not in ("he", "she", "it", "they", "him", "her", "them", "statement", "report", "source"):
                # "the ministry added": the last speaker that was a ministry -- or, when the
                # sentence accuses one side's forces and both sides' ministries have spoken,
                # the accusing side's (each side reports the other's attacks).
                matching = [(prev, prev_side) for prev, prev_side in reversed(speakers) if head in prev.lower()]
                opp = profile.opponent_of(perp_hint) if perp_hint else None
                for prev, prev_side in matching:
                    if opp and prev_side == opp:
                        return prev, prev_side
                if matching:
                    return matching[0]
            return speakers[-1]
        if len(who.split()) <= 2:
            # A surname alone ("Iwazov indicated") continues the speaker named in full earlier.
            for prev, prev_side in reversed(speakers):
                if prev != who and prev.endswith(who):
                    return prev, prev_side
        side = profile.side_of_claimant(who)
        if side is None:
            words = [w for w in re.findall(r"[A-Z][\w’'-]+", who)]
            for prev, prev_side in reversed(speakers):
                if words and any(w in prev for w in words):
                    return prev, prev_side
            side = profile.default_side
            if _OFFICIAL.search(who):
                # An unqualified official body: "the Prosecutor General's Office said" in an
                # Azerbaijani outlet is Azerbaijan's; one that accuses a side's forces belongs
                # to that side's opponent.
                opp = profile.opponent_of(perp_hint) if perp_hint else None
                side = outlet_side or opp or side
        return who, side

    paragraph_sizes: dict[int, int] = {}
    for sent in sentences:
        paragraph_sizes[sent.paragraph] = paragraph_sizes.get(sent.paragraph, 0) + 1
    section: tuple[str, str] | None = None  # a heading such as "Information from Baku"
    for sent in sentences:
        text = sent.text
        if paragraph_sizes[sent.paragraph] == 1 and _is_heading(text) and not _event_words(text):
            # Reviews and live pages group reports under headings that name their source
            # ("Information from Baku"): unattributed items below are that source's claims.
            # A heading that reports an event ("Stepanakert comes under attack") is a claim
            # itself, and a dateline ("BAKU") is no source.
            side = profile.side_of_claimant(text) if not text.isupper() else None
            section = (text.rstrip(":").strip(), side) if side else None
            continue
        atts = _attributions(text)
        # Forces named in the sentence: only needed for its claims and unqualified claimants.
        forces = profile.forces_in(text) if (atts or by_sentence.get(sent.index)) else []
        perp_hint = _perpetrator(forces, len(text))
        for a in atts:
            _grow_claimant(text, a, profile)
        # Remember speakers even in sentences without incidents ("Iwazov indicated ...").
        for a in sorted(atts, key=lambda a: a.start):
            who, side = side_of(a.who)
            a.who = who
            speakers.append((who, side))
        if not atts:
            # "Shushan Stepanyan, the ministry's spokeswoman, spoke to reporters.": a named
            # subject of a side is who a following "she said" refers to.
            subj = re.match(r"^([A-Z][^,.;:“”\"]{2,80}?)(?:,\s*([^,.;“”\"]{3,80}),)?\s+[a-z]", text)
            if subj:
                phrase = ", ".join(g for g in subj.groups() if g)
                side = profile.side_of_claimant(phrase)
                if side and not _FORCE_SUBJECT.search(phrase):
                    speakers.append((phrase, side))
        sent_mentions = by_sentence.get(sent.index, [])
        deny_sentence = bool(_DENY.search(text))
        if _is_background(text, article.published):
            continue
        new_claims: list[Claim] = []
        places = []
        for m in sent_mentions:
            p = m.candidate.place
            if m.org or m.from_place or p.kind == "country":
                continue
            if p.country_code not in profile.theatre_countries:
                continue
            if gazetteer.is_capital(p) and not m.place_context:
                continue  # "Baku and Yerevan waged war": capitals standing for governments
            if any(a.start <= m.start < a.end for a in atts) and not _WITNESS_OF.search(text, 0, m.start):
                # "Baku claimed": the capital speaks for its government; but "a resident of
                # Beylagan said" is a witness speaking of the town.
                continue
            if _SPEAKS.match(text, m.end):
                continue  # a place that speaks ("Stepanakert said") is its government
            ev = _event_near(text, m.start, m.end)
            if ev is None:
                continue
            etype, dist = ev
            nv = _nearest_non_violent(text, m.start, m.end, profile)
            if nv is not None and nv < dist:
                continue  # nearer to "talks", "visit", "meeting" than to any violence
            places.append((m, etype))
        # "Yenikand village of Goranboy region": a village named with its district must lie
        # in it; a namesake 80 km away is another village, one the gazetteer does not know.
        places = [
            item
            for item in places
            if not any(
                o[0].start > item[0].start
                and o[0].cue in ("district", "region", "province")
                and _LOCATING.match(text[item[0].end : o[0].start])
                and distance_km(item[0].candidate.place, o[0].candidate.place) > LOCATOR_KM
                for o in places
                if item[0].candidate.place.kind in ("village", "town")
                and item[0].cue not in ("district", "region", "province")
            )
        ]
        # "the villages of Alkhanli and Shukurbayli of the Fuzuli district": the
        # district only locates the villages and is no claim of its own.
        places = [
            item
            for item in places
            if not (
                item[0].cue in ("district", "region", "province")
                and any(
                    o[0].start < item[0].start
                    and o[0].candidate.place.kind in ("village", "town")
                    and o[0].cue not in ("district", "region", "province")
                    # the district follows the village (list) directly: "X and Y (villages) of the Z district"
                    and _LOCATING.match(text[o[0].end : item[0].start])
                    for o in places
                )
            )
        ]
        if any(m.candidate.place.kind != "region" for m, *_ in places):
            # A region named only to locate a town ("Shushi in Nagorno-Karabakh") is no claim of its own.
            places = [item for item in places if item[0].candidate.place.kind != "region"]
        else:
            places = [
                item
                for item in places
                if item[0].place_context and _event_near(text, item[0].start, item[0].end)[1] <= 40
            ]
        if (
            not places
            and deny_sentence
            and any(a.deny for a in atts)
            and last_claims
            and sent.index - last_claim_sentence <= 2
            and (_event_near(text, 0, 0) or any(a.deny and _DENIES_THAT.match(text, a.end) for a in atts))
        ):
            # "The army denied bombing the site": the denial is about the places just named.
            for prev in last_claims:
                places.append((None, prev.event_type, prev))  # type: ignore[arg-type]
        seen: set[tuple[str, str, str]] = set()
        for item in places:
            if len(item) == 3:
                m, etype, prev = item  # type: ignore[misc]
            else:
                (m, etype), prev = item, None  # type: ignore[misc]
            pos = m.start if m else len(text)
            att = _claimant_for(pos, atts)
            if att is None and section is not None:
                claimant, side = section
                denied = False
            elif att is None:
                # The outlet's own account: a side's own media relay that side (see the profile).
                claimant, side = f"{outlet} (own reporting)", outlet_side or profile.default_side
                denied = False
            else:
                claimant, side = side_of(att.who)
                denied = att.deny or bool(_FALSE.search(text))
            perp = _perpetrator(forces, pos)
            if prev is not None:
                place_name, written, pid, gid, cc, lat, lon, prec, kind, reason = (
                    prev.place,
                    prev.place_as_written,
                    prev.place_id,
                    prev.geonameid,
                    prev.country_code,
                    prev.lat,
                    prev.lon,
                    prev.geo_precision,
                    prev.place_kind,
                    prev.resolution,
                )
            else:
                p = m.candidate.place
                place_name, written, pid, gid, cc, lat, lon = (
                    p.name,
                    m.text,
                    p.id,
                    p.geonameid,
                    p.country_code,
                    p.lat,
                    p.lon,
                )
                prec, kind = _precision(m), p.kind
                # The deciding reasons in brief (the full account: `mapper resolve NAME`).
                reason = _brief_reason(m.candidate)
            key = (pid, claimant, "denied" if denied else "claimed")
            if key in seen:
                continue
            seen.add(key)
            edate, tprec = event_date(text, article.published)
            status = "denied" if denied else "claimed"
            denies = ""
            if denied:
                target = next(
                    (c for c in reversed(claims) if c.place_id == pid and c.status == "claimed" and c.side != side),
                    None,
                ) or next((c for c in reversed(claims) if c.place_id == pid and c.status == "claimed"), None)
                denies = target.claim_id if target else ""
            claim = Claim(
                claim_id=_stable_id(article.content_hash, sent.index, pid, claimant, status),
                article=article.name,
                article_title=article.title,
                published=article.published,
                source_url=article.source_url,
                sentence_index=sent.index,
                evidence=text,
                place=place_name,
                place_as_written=written,
                place_id=pid,
                geonameid=gid,
                country_code=cc,
                lat=lat,
                lon=lon,
                geo_precision=prec,
                place_kind=kind,
                event_type=etype,
                claimant=claimant,
                side=side,
                side_label=labels.get(side, side),
                perpetrator_side=perp,
                status=status,
                denies_claim_id=denies,
                event_date=edate,
                time_precision=tprec,
                fatalities=_fatalities(text),
                wounded=_wounded(text),
                equipment_destroyed=_equipment(text),
                resolution=reason,
            )
            new_claims.append(claim)
            if denied and not denies:
                # Only the denial reports the other side's claim: that claim is on the map too.
                rb = _REPORTED_BY.search(text)
                if rb:
                    who2, side2 = side_of(rb.group("who"))
                    reported = replace(
                        claim,
                        claim_id=_stable_id(article.content_hash, sent.index, pid, who2, "claimed"),
                        claimant=who2,
                        side=side2,
                        side_label=labels.get(side2, side2),
                        status="claimed",
                        denies_claim_id="",
                        perpetrator_side=perp or "",
                    )
                    new_claims.append(reported)
                    new_claims[-2] = replace(claim, denies_claim_id=reported.claim_id)
        # "...fired at Aghjabadi; Armenia denies this": a later clause denies the claims just made.
        for a in atts:
            if not (a.deny and new_claims and _DENIES_THAT.match(text, a.end)):
                continue
            if any(a.start < text.find(c.place_as_written) for c in new_claims if c.place_as_written in text):
                continue  # the places come after the denial: handled above
            who, side = side_of(a.who)
            for c in [c for c in new_claims if c.status == "claimed" and c.side != side]:
                new_claims.append(
                    replace(
                        c,
                        claim_id=_stable_id(article.content_hash, sent.index, c.place_id, who, "denied"),
                        claimant=who,
                        side=side,
                        side_label=labels.get(side, side),
                        status="denied",
                        denies_claim_id=c.claim_id,
                    )
                )
        if new_claims:
            claims.extend(new_claims)
            last_claims = [c for c in new_claims if c.status == "claimed"] or new_claims
            last_claim_sentence = sent.index
    return ArticleClaims(tuple(claims), tuple(unresolved))


_CURRENT_CUE = re.compile(
    r"\b(today|yesterday|tonight|this (morning|afternoon|evening|week)|last night|overnight|"
    r"(on|at)\s+(about|around|nearly)?\s*\d{1,2}[:.]\d\d)\b",
    re.IGNORECASE,
)


def _brief_reason(cand) -> str:
    """ "exact-alt 'Terter', near the other places (36 km), score 2.14"."""
    parts = [f"{cand.match} {cand.matched_form!r}"]
    if cand.context_km is not None and cand.context_km < 150:
        parts.append(f"{cand.context_km:.0f} km from context")
    if cand.sentence_km is not None and cand.sentence_km < 150:
        parts.append(f"{cand.sentence_km:.0f} km from the other places")
    return f"{', '.join(parts)}; score {cand.score:.2f}"


#: How far a village may lie from the district the text places it in (districts of the
#: theatre are 30-60 km across).
LOCATOR_KM = 50.0


def _is_heading(text: str) -> bool:
    """A short line without a full stop ("Information from Baku", "Armenian MoD:")."""
    words = text.split()
    if text.endswith(":"):
        return len(words) <= 12
    return len(words) <= 8 and not re.search(r"[.!?\"”]$", text)


def _is_background(text: str, published: str) -> bool:
    """A sentence about earlier years ("the 1992-1994 war") is history, not a claim about this war."""
    # Birth years ("Shamama Guliyeva (born 1955)") say nothing about when the event was.
    text = re.sub(r"\b(born|b\.)\s+(in\s+)?(19|20)\d\d\b", " ", text, flags=re.IGNORECASE)
    years = [int(y) for y in re.findall(r"\b(19\d\d|20\d\d)\b", text)]
    if not years or not published:
        return False
    this = int(published[:4])
    if _CURRENT_CUE.search(text):
        return False  # "at 15:00 today", "on October 27": the sentence reports a current event
    return all(y < this for y in years)


def _perpetrator(forces: list[tuple[int, int, str]], pos: int) -> str:
    """The side whose forces the sentence names as acting, nearest before the place."""
    if not forces:
        return ""
    before = [f for f in forces if f[0] <= pos]
    return (before[-1] if before else forces[0])[2]
