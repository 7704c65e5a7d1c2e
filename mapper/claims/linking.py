"""Stage: event and place linking.  Which frame reports a place, and whose forces are accused there."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .frames import PRIORITY, Frame, FrameKind

__all__ = ["frame_for", "innermost", "enclosing", "perpetrator", "forces_outside_speakers", "own_success"]


def frame_for(pos: int, frames: Sequence[Frame], text: str) -> Frame | None:
    """The frame that reports the place at *pos*: the innermost one whose content holds it.

    "X reported, citing Y" gives the claim to Y wherever it sits in the clause; otherwise the
    narrowest report wins ("The ministry said A, AFP reported": A is the ministry's), and
    among reports of one span, the one that names a source ("according to", "citing").
    """
    inner = innermost(pos, frames)
    if inner is None and _SCENE.match(text[:pos]):
        # "In Enerhodar, where the plant is, the mayor reported the city coming under attack": a place set
        # at the head of the sentence is the scene of its main report.
        inner = next((f for f in frames if f.kind is FrameKind.FORWARD and not f.continues), None)
    if inner is None:
        # "Fighting continued around Vovchansk, where Ukrainian troops said they had pushed Russian units
        # out": the place a relative "where" opens is the scene of the report inside it.
        m = _WHERE.match(text, pos)
        if m is not None:
            inner = next((f for f in frames if m.end() <= f.start and not f.continues), None)
    if inner is None:
        # "near the town of Ocheretyne, which Russia said it captured": the place is what the report after
        # "which" is about.
        m = _WHICH_SAID.match(text, pos)
        if m is not None:
            inner = next((f for f in frames if f.start in (m.start("rel"), m.end()) and not f.continues), None)
    if inner is None:
        # '"Police found an injured girl," the ministry said of the aftermath in Mykolaiv': the place the report is
        # said to be about, after its speaker
        inner = next(
            (f for f in frames if f.kind is FrameKind.BACKWARD and f.end <= pos and _SAID_OF.match(text, f.end, pos)),
            None,
        )
    if inner is None:
        # "a resident of Beylagan said ...", "Vladimir Rogov, a Russia-installed official in Enerhodar, said ...": a
        # place kept inside a speaker phrase is the speaker's own place, which the report is about
        inner = next((f for f in frames if f.start <= pos < f.end and not f.continues), None)
    if inner is not None and inner.kind is FrameKind.NOMINAL:
        return inner  # "denied Baku's allegations regarding X": X is Baku's claim first
    clause_start = text.rfind(";", 0, pos) + 1
    clause_end = text.find(";", pos)
    clause_end = len(text) if clause_end < 0 else clause_end
    for f in frames:
        if f.kind is FrameKind.CITING and clause_start <= f.start < clause_end:
            return f
    return inner


_SAID_OF = re.compile(
    r"[^.;“”\"]{0,60}?\b(?:of|about|regarding)\s+(?:the\s+)?(?:aftermath|situation|attacks?|strikes?|shelling|damage|"
    r"consequences|events?)\s+(?:in|at|on|near)\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$",
    re.IGNORECASE,
)
_WHICH_SAID = re.compile(r"[\w’'-]+(?:\s+[A-Z][\w’'-]+)*,\s+(?P<rel>which|that|whom)\s+")
_WHERE = re.compile(r"[\w’'-]+(?:\s+[A-Z][\w’'-]+)*,\s+(?=where\s)")
_SCENE = re.compile(r"^\s*(?:In|At|Near|Outside|Around)\s+(?:the\s+)?(?:(?:city|town|village|region)\s+of\s+)?$")


def innermost(pos: int, frames: Sequence[Frame], *, besides: Frame | None = None) -> Frame | None:
    """The narrowest frame whose content holds *pos* (outside its own speaker)."""
    holding = [
        f
        for f in frames
        if f is not besides and not f.answers and f.content[0] <= pos < f.content[1] and not f.start <= pos < f.end
    ]
    if not holding:
        return None
    return min(holding, key=lambda f: (f.content[1] - f.content[0], PRIORITY[f.kind], f.start))


def enclosing(f: Frame, frames: Sequence[Frame], text: str) -> Frame | None:
    """The frame that reports a nominal report ("The ministry denied Baku's allegations ..."): a
    citing frame of the clause, else the narrowest frame holding it."""
    for g in frames:
        if g.kind is FrameKind.CITING and g is not f:
            return g
    return innermost(f.start, frames, besides=f)


def forces_outside_speakers(forces: list[tuple[int, int, str]], frames: Sequence[Frame]) -> list[tuple[int, int, str]]:
    """A side's forces named as a speaker ("the Azerbaijani army said") are not the ones acting."""
    return [f for f in forces if not any(fr.start <= f[0] < fr.end for fr in frames)]


def perpetrator(forces: list[tuple[int, int, str]], pos: int) -> str:
    """The side whose forces the sentence names as acting: the nearest before the place, else
    the nearest after it ("was shelled by Armenian forces")."""
    if not forces:
        return ""
    before = [f for f in forces if f[0] <= pos]
    if before:
        return before[-1][2]
    return min(forces, key=lambda f: f[0] - pos)[2]


# "The Russian Armed Forces have destroyed two ammunition depots", "Ukrainian air defence shot down 12 drones",
# "our units repelled seven attacks": a report that opens with a side's forces achieving something against
# military targets is that side's account of its own war (the other side would not word it so).  Attacks on
# anything else (a school, homes, the city) are what the other side accuses them of.
_OPENS_WITH = re.compile(
    # (after a dateline: "MOSCOW - Russian forces have regained control of ...")
    r"[\W_]*(?:(?-i:[A-Z]{3,})(?:,\s*(?-i:[A-Z])[\w.]*)*\s*[-–—]+\s*)?"
    r"(?:(?:that|the|our|units|unit|formations|servicemen|soldiers|of|\d+|"
    # ("Подразделения группировки войск «Центр» освободили ...", "Воїни 3-ї бригади знищили ...")
    r"подразделени\w*|военнослужащи\w*|бойц\w*|подрозділ\w*|воїн\w*|бійц\w*|військовослужбовц\w*)\s+)*",
    re.I,
)
_SUCCESS = re.compile(
    # ("Battlegroup Center units liberated X": the formation's units)
    r"(?:\s+(?:units?|troops|forces|servicemen|soldiers|formations|fighters)(?=\s))?"
    # ("the Russian armed forces and Lugansk militias have established full control over X": with their allies)
    r"(?:\s+and\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:militias?|forces|troops|units|fighters|army|allies)(?=\s))?"
    r"(?:\s+(?:(?:have|has|had|also|successfully|reportedly)\s+)*(?:\w+\s+){0,1}?"
    r"(?:destroyed|eliminated|neutrali[sz]ed|repelled|repulsed|thwarted|foiled|shot\s+down|intercepted|downed|"
    r"hit|struck|liquidated|defeated|routed|breached|penetrated|broken\s+through|broke\s+through)\s+"
    r"(?:(?!(?:with|in|on|near|at|by|from|using|into|over)\b)[\w-]+\s+){0,5}?"
    r"(?:depots?|ammunition|equipment|personnel|manpower|militants|fighters|positions|strongholds|command\s+posts?|"
    r"launchers?|howitzers?|tanks?|armou?red\s+vehicles|drones?|UAVs?|missiles?|attacks?|assaults?|enemy|"
    r"nationalists|mercenaries|saboteurs|sabotage|reconnaissance|counterattacks?|units|troops|formations|"
    r"defen[cs]es|(?:defensive\s+|front\s+)?lines?|"
    r"military\s+(?:targets?|facilities|infrastructure|airfields?))\b"
    # "Ukrainian forces are fighting in the outskirts of X", "our units continue to hold Y": a side's forces holding
    # on (the other side would tell of them attacking, or of their losses)
    r"|\s+(?:(?:are|were|is|was|remain|remained|continue|continued|continues)\s+)(?:to\s+)?(?:still\s+)?"
    r"(?:fight(?:ing)?|defend(?:ing)?|hold(?:ing)?(?:\s+out|\s+(?:their|its|the)\s+(?:positions?|ground|line))?)\b"
    # "Russian troops had 'completely liberated the village of X'", "Russian forces captured the settlement of Y":
    # a side announces the places its forces take (the other side tells of withdrawing)
    r"|\s+(?:(?:have|has|had|also|successfully|reportedly)\s+)*[\"“«']?(?:(?:completely|fully)\s+)?"
    r"(?:liberated|freed|captured|seized|recaptured|retook|retaken|"
    r"(?:t(?:ook|aken)|established|gained|regained|assumed)\s+(?:full\s+|complete\s+)?control\s+(?:of|over))\b"
    # ... in Russian and Ukrainian: "освободили населенный пункт", "знищили", "відбили атаку"
    r"|\s+(?:(?:успешно|успішно|также|також)\s+)?(?:освободил|взял|занял|уничтожил|сбил|отразил|поразил|звільнил|"
    r"знищил|збил|відбил|уразил|вразил)\w*)",
    re.I,
)


#: "the villages of X and Y came under Russian control": the side whose control it now is announces it.
_UNDER_CONTROL = re.compile(
    r"\b(?:c[ao]me|fell|passed|went|brought|placed)\s+under\s+(?:the\s+)?(?:full\s+|complete\s+)?"
    r"(?P<who>[A-Z][\w-]*)\s+control\b"
)


def own_success(
    text: str,
    forces: Sequence[tuple[int, int, str]],
    span: tuple[int, int],
    side_of: Callable[[str], str | None] | None = None,
) -> str:
    """The side whose forces the report in *span* opens with, achieving something against military targets, or
    whose control the report says places came under (*side_of* names a side: "Russian" -> russia); ""."""
    start, end = span
    for f_start, f_end, side in forces:
        if start <= f_start < end and _OPENS_WITH.fullmatch(text, start, f_start):
            return side if _SUCCESS.match(text[:end], f_end) else ""
    if side_of is not None and (m := _UNDER_CONTROL.search(text, start, end)) is not None:
        return side_of(m.group("who")) or ""
    return ""
