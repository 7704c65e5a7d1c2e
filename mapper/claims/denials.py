"""Stage: denial linking.  A denial is a claim of its own, linked to the claim it denies.

* "Baku denied shelling Stepanakert": a denied claim at Stepanakert;
* "The army denied striking the church" after a claim about Shusha: a denial of that claim;
* "..., the Azerbaijani side claims; Armenia denies this": the clause denies the claims before it;
* "The information spread by Armenia about the shelling of Barda is false": both the reported
  claim (Armenia's) and its denial are on the map.

A general statement is no denial of a claim: "Each side denies targeting civilians", "X rejected
calls for a truce" deny nothing that was claimed at a place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .events import has_event
from .frames import Frame, names_the_report
from .records import Claim, Status

__all__ = [
    "denies_each_other",
    "is_false",
    "denies_previous",
    "denies_clause_before",
    "reported_by",
    "denied_target",
    "answers_an_accusation",
]

_DENIES_THAT = re.compile(
    r"\s*(?:\w+\s+)?(?:denied|denies|deny|rejected|rejects|refuted|refutes|dismissed)?\s*"
    # a pronoun ("denied this"), or a report noun ("the claims", "these Russian reports"); a
    # determiner alone is not enough: "dismissed the planned referendums" denies no report.
    r"(?:(?:this|it|that|them)\b|(?:(?:the|these|those|such|all)\s+)?(?:[\w’'-]+\s+){0,2}?"
    r"(?:claims?|reports?|allegations?|accusations?|information|news)\b)",
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
# What is rejected is a proposal, not a report of violence: "rejected calls for a truce".
_NOT_A_CLAIM = re.compile(
    r"\s*(?:\w+\s+){0,2}(?:calls?|proposals?|offers?|truce|ceasefire|cease-fire|talks|negotiations|mediation|"
    r"plans?|initiatives?|demands?|requests?|invitations?|peace)\b",
    re.IGNORECASE,
)
# "Moscow denies targeting civilians", "Kyiv denies attacking civilian areas": a standing policy, not an
# answer to the report just made (GUIDELINES: general statements name no event at a place).
_GENERAL_DENIAL = re.compile(
    r"\s*(?:ever\s+|deliberately\s+|intentionally\s+)?(?:targeting|targetting|attacking|striking|shelling|hitting)\s+"
    r"(?:civilians?|civilian\s+(?:areas|targets|infrastructure|objects|sites)|residential\s+areas|non-military)",
    re.IGNORECASE,
)
#: A denial without a place of its own refers to claims at most this many sentences back.
DENIAL_REACH = 2


_EACH_OTHERS = re.compile(
    r"\s*(?:all\s+)?each\s+other['’]s\s+(?:claims?|accusations?|allegations?|reports?|statements?)\b", re.I
)


def denies_each_other(text: str, frames: Sequence[Frame], sides: Sequence[str | None], gap: int) -> bool:
    """ "Both sides denied each other's claims": each side denies the other's claims just made."""
    return gap <= DENIAL_REACH and any(
        f.deny and side is None and _EACH_OTHERS.match(text, f.content[0])
        for f, side in zip(frames, sides, strict=True)
    )


def is_false(text: str) -> bool:
    """Whether the sentence declares what it reports untrue ("... is false")."""
    return bool(_FALSE.search(text))


def _anaphoric(text: str, f: Frame) -> bool:
    """The denial's object points back: "denied this", "denied the claims", "rejected the reports"."""
    m = _DENIES_THAT.match(text, f.content[0])
    return bool(m and m.group().strip()) or names_the_report(text, f)


def denies_previous(text: str, frames: Sequence[Frame], sides: Sequence[str | None], gap: int) -> bool:
    """Whether a sentence with no place of its own denies the claims just made (*gap* sentences back)."""
    if gap > DENIAL_REACH:
        return False
    for f, side in zip(frames, sides, strict=True):
        if not f.deny or side is None:
            continue  # "Each side denies ...": no one denies anything in particular
        if _NOT_A_CLAIM.match(text, f.content[0]) or _GENERAL_DENIAL.match(text, f.content[0]):
            continue
        if has_event(text) or _anaphoric(text, f):
            return True
    return False


def denies_clause_before(text: str, f: Frame, claims: Sequence[Claim]) -> bool:
    """ "Armenian forces shelled Tartar, the Azerbaijani side claims; Armenia denies this": a
    denial after the places, pointing back at them."""
    if f.deny and f.answers:
        # ", a claim Moscow denied": the claims made at places inside what it reports
        return any(f.content[0] <= text.find(c.place_as_written) < f.content[1] for c in claims)
    if not f.deny or not claims or not _anaphoric(text, f):
        return False
    return not any(f.start < text.find(c.place_as_written) for c in claims if c.place_as_written in text)


def reported_by(text: str) -> str | None:
    """Who made the claim a denial reports ("the information spread by Armenia ...")."""
    m = _REPORTED_BY.search(text)
    return m.group("who") if m else None


# "All allegations that Russia conducted the attack ... are a provocation": an accusation with no author named.
_UNOWNED_ACCUSATION = re.compile(
    r"\b(?:all|the|these|such|any)\s+(?:allegations?|accusations?)\s+(?:that|of|about)\b", re.I
)


def answers_an_accusation(text: str) -> bool:
    """Whether a denial answers an accusation whose author it does not name (the other side's)."""
    return bool(_UNOWNED_ACCUSATION.search(text))


def denied_target(claims: Sequence[Claim], place_id: str, side: str) -> str:
    """The claim a denial at *place_id* by *side* answers: the latest other side's claim there."""
    # A side does not deny its own claim: only another side's claim at the place is the target.
    target = next(
        (c for c in reversed(claims) if c.place_id == place_id and c.status == Status.CLAIMED and c.side != side),
        None,
    )
    return target.claim_id if target else ""
