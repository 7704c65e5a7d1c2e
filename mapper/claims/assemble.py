"""Stage: assembly.  A claim record from its parts: article, sentence, place, speaker, event."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from gazetteer import Candidate, Place

from ..articles import Article
from ..mentions import Mention
from .events import equipment, event_date, fatalities, wounded
from .places import ADMIN_CUES
from .records import Claim, Status

__all__ = ["PlaceRef", "build_claim", "stable_id"]


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """Where a claim is: the place resolved for a mention, with its precision and the reason it won."""

    name: str
    as_written: str
    place_id: str
    geonameid: int | None
    country_code: str
    lat: float
    lon: float
    geo_precision: int
    kind: str
    resolution: str

    @classmethod
    def from_mention(cls, m: Mention) -> PlaceRef:
        p = m.candidate.place
        return cls(
            p.name,
            m.text,
            p.id,
            p.geonameid,
            p.country_code,
            p.lat,
            p.lon,
            _precision(m),
            p.kind,
            _brief_reason(m.candidate),
        )

    def as_place(self) -> Place:
        """The gazetteer place this reference stands for (for who held it)."""
        return Place(self.place_id, self.name, self.lat, self.lon, self.country_code, kind=self.kind)

    @classmethod
    def from_claim(cls, c: Claim) -> PlaceRef:
        return cls(
            c.place,
            c.place_as_written,
            c.place_id,
            c.geonameid,
            c.country_code,
            c.lat,
            c.lon,
            c.geo_precision,
            c.place_kind,
            c.resolution,
        )


def _precision(m: Mention) -> int:
    """ACLED-style geo precision: 1 the town, 2 the district around it, 3 a region."""
    kind = m.candidate.place.kind
    if kind in ("region", "country") or m.cue == "province":
        # A province (Armenia's marzer) is far larger than the town it shares a name with.
        return 3
    if kind == "district" or m.cue in ADMIN_CUES or m.cue == "near":
        return 2
    return 1


def _brief_reason(cand: Candidate) -> str:
    """The deciding evidence in brief ("exact-alt 'Terter', 36 km from the other places; score 2.14");
    the full account is `mapper resolve NAME`."""
    parts = [f"{cand.match} {cand.matched_form!r}"]
    if cand.context_km is not None and cand.context_km < 150:
        parts.append(f"{cand.context_km:.0f} km from context")
    if cand.sentence_km is not None and cand.sentence_km < 150:
        parts.append(f"{cand.sentence_km:.0f} km from the other places")
    return f"{', '.join(parts)}; score {cand.score:.2f}"


def stable_id(*parts: object) -> str:
    """A claim id from its content: the same claim gets the same id in every build."""
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:16]


def build_claim(
    article: Article,
    sentence: int,
    text: str,
    place: PlaceRef,
    *,
    event_type: str,
    claimant: str,
    side: str,
    side_label: str,
    perpetrator: str,
    status: Status,
    denies: str = "",
) -> Claim:
    edate, tprec = event_date(text, article.published)
    return Claim(
        claim_id=stable_id(article.content_hash, sentence, place.place_id, claimant, status.value),
        article=article.name,
        article_title=article.title,
        published=article.published,
        source_url=article.source_url,
        sentence_index=sentence,
        evidence=text,
        place=place.name,
        place_as_written=place.as_written,
        place_id=place.place_id,
        geonameid=place.geonameid,
        country_code=place.country_code,
        lat=place.lat,
        lon=place.lon,
        geo_precision=place.geo_precision,
        place_kind=place.kind,
        event_type=event_type,
        claimant=claimant,
        side=side,
        side_label=side_label,
        perpetrator_side=perpetrator,
        status=status.value,
        denies_claim_id=denies,
        event_date=edate,
        time_precision=tprec,
        fatalities=fatalities(text),
        wounded=wounded(text),
        equipment_destroyed=equipment(text),
        resolution=place.resolution,
    )
