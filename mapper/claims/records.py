"""The records the claims stages hand on: a claim (the output row) and an article's claims."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Claim", "ArticleClaims", "Status"]


class Status(StrEnum):
    CLAIMED = "claimed"
    DENIED = "denied"


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim that an event happened at one place, by one claimant (the export row)."""

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
    status: str  # Status: claimed | denied
    denies_claim_id: str
    event_date: str
    time_precision: int  # 1 day, 2 week, 3 month (ACLED's codes)
    fatalities: int | None
    wounded: int | None
    equipment_destroyed: int | None  # tanks, vehicles, guns, drones... where the claim counts them
    resolution: str  # the resolver's reason for the place, for analysts


@dataclass(frozen=True, slots=True)
class ArticleClaims:
    """Every claim of one article, and the names that looked like places but did not resolve."""

    claims: tuple[Claim, ...]
    unresolved: tuple[str, ...]
