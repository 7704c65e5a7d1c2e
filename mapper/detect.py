"""Which conflict an article is about: the profile whose theatre and vocabulary it uses.

Without ``--profile``, every article is matched to one of the candidate profiles
(the shipped ones).  The evidence for a profile is counted in the text:

* its **places**: capitalised names that name a place of its theatre (its
  countries, inside its theatre box when it gives one) in its gazetteer;
* its **vocabulary**: mentions of the claimants and forces of its warring sides
  (not the third parties: Russia is a third party in Karabakh, a side in Ukraine).

The profile with the most evidence wins, if it has at least :data:`MIN_EVIDENCE`
(:data:`MIN_EVIDENCE_ALONE` when no other profile has any) and leads the next by
:data:`MIN_LEAD`; otherwise the article is about none of them, and the build
report says so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from gazetteer import fold

from .lexicon_ru_uk import nominatives
from .sides import Profile

__all__ = ["Detection", "detect_profile", "MIN_EVIDENCE", "MIN_EVIDENCE_ALONE", "MIN_LEAD"]

#: Fewer mentions than this (places plus vocabulary) is no evidence of a war at all.
MIN_EVIDENCE = 3
#: ... or fewer than this when no other profile has any.
MIN_EVIDENCE_ALONE = 2
#: The winner must lead the runner-up by this much.
MIN_LEAD = 2

# Latin and Cyrillic capitals: "В районе Джанкоя" names a Crimean town as "near Dzhankoi" does.
_NAME_RUN = re.compile(r"\b[A-ZА-ЯЁІЇЄҐ][\w’'-]+(?:\s+[A-ZА-ЯЁІЇЄҐ][\w’'-]+){0,2}")
# Vocabulary beyond this many mentions of one pattern says nothing more.
_CAP = 5


@dataclass(frozen=True, slots=True)
class Detection:
    """The profile chosen for an article (None: it is about none of them), and the evidence per profile."""

    profile: str | None
    evidence: tuple[tuple[str, int], ...]  # (profile id, places + vocabulary), best first

    def explain(self) -> str:
        counts = ", ".join(f"{pid} {n}" for pid, n in self.evidence)
        if self.profile is None:
            return f"about no profile's war (evidence: {counts or 'none'})"
        return f"{self.profile} (evidence: {counts})"


def detect_profile(text: str, candidates: Sequence[tuple[Profile, object]]) -> Detection:
    """Choose among *candidates* ((profile, its gazetteer) pairs) the profile *text* is about."""
    keys = _name_keys(text)
    places = [
        (profile.id, len(gazetteer.theatre_keys(keys, profile.theatre_countries)))  # type: ignore[attr-defined]
        for profile, gazetteer in candidates
    ]
    by_places = sorted(places, key=lambda s: (-s[1], s[0]))
    if (
        by_places
        and by_places[0][1] >= MIN_EVIDENCE
        and (len(by_places) < 2 or by_places[0][1] - by_places[1][1] >= MIN_LEAD)
    ):
        # The places alone decide (the vocabulary, a tenth as telling and three times as costly, is
        # not counted): checked to give the same choice on 94 real articles of both wars.
        return Detection(by_places[0][0], tuple(by_places))
    scores = []
    for (profile, _gazetteer), (_pid, n_places) in zip(candidates, places, strict=True):
        scores.append((profile.id, n_places + _vocabulary(text, profile)))
    ranked = tuple(sorted(scores, key=lambda s: (-s[1], s[0])))
    rival = ranked[1][1] if len(ranked) > 1 else 0
    # (a short report naming two places of a theatre, with nothing of any other war, is about that war)
    if not ranked or ranked[0][1] < (MIN_EVIDENCE_ALONE if rival == 0 else MIN_EVIDENCE):
        return Detection(None, ranked)
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < MIN_LEAD:
        return Detection(None, ranked)
    return Detection(ranked[0][0], ranked)


def _name_keys(text: str) -> set[str]:
    """Folded capitalised names of *text*, whole runs and their single words."""
    keys: set[str] = set()
    for m in _NAME_RUN.finditer(text):
        run = m.group(0)
        keys.add(fold(run))
        for w in run.split():
            keys.add(fold(w))
            keys.update(fold(v) for v in nominatives(w))  # (Cyrillic only) "Джанкоя" -> Джанкой
    return {k for k in keys if len(k) >= 4}


def _vocabulary(text: str, profile: Profile) -> int:
    n = 0
    for side in profile.sides:
        if side.id == profile.default_side:
            continue
        for rx in (*side.claimants, *side.forces):
            n += min(_CAP, sum(1 for _ in rx.finditer(text)))
    return n
