"""Records of the gazetteer: places, candidates, resolutions and resolution context."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["Place", "Candidate", "MatchKind", "Resolution", "Context", "KINDS"]

#: What a place is; drives geo_precision downstream (a district is never a town).
KINDS = ("town", "village", "height", "site", "district", "region", "country")


@dataclass(frozen=True, slots=True)
class Place:
    """A place of the gazetteer.  Coordinates are (lat, lon) in decimal degrees."""

    id: str  # "geonames:146970", "supplement:talish", "user:my-village"
    name: str
    lat: float
    lon: float
    country_code: str
    population: int = 0
    kind: str = "town"
    admin: str = ""
    source: str = ""
    geonameid: int | None = None
    #: For a region or district drawn at its centre: about how far it reaches (0: unknown or a point).
    radius_km: float = 0.0
    #: The first-level division it lies in (or is), as GeoNames writes it: "UA.05" for Donetsk Oblast; "" unknown.
    province: str = ""


class MatchKind(StrEnum):
    """How a name as written reached a place, strongest first."""

    ALIAS = "alias"  # the user's alias file
    EXACT_NAME = "exact-name"  # the place's main name, folded
    EXACT_ALT = "exact-alt"  # one of its alternate names, folded
    VARIANT = "variant"  # the shipped variant table
    PHONETIC = "phonetic"  # the coarse phonetic key, inside the theatre
    FUZZY = "fuzzy"  # fuzzy similarity of phonetic keys, inside the theatre
    ONLINE = "online"  # the opt-in online geocoder

    @property
    def is_exact(self) -> bool:
        """A spelling the data holds as such (not a phonetic or fuzzy likeness)."""
        return self in _EXACT


_EXACT = frozenset({MatchKind.ALIAS, MatchKind.EXACT_NAME, MatchKind.EXACT_ALT, MatchKind.VARIANT})


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may stand for, with its score and the evidence for it.

    The evidence is numeric, for callers to weigh: ``similarity`` (0-100) of a
    fuzzy match, ``sentence_km`` the mean distance to the places chosen for the
    other names of the same sentence or list, ``context_km`` the mean distance to
    the places around it in the rest of the text.  ``reasons`` says the same in
    words, for people (``mapper resolve``); nothing should parse it.
    """

    place: Place
    score: float
    match: MatchKind
    matched_form: str
    reasons: tuple[str, ...] = ()
    similarity: float | None = None
    sentence_km: float | None = None
    context_km: float | None = None


@dataclass(frozen=True, slots=True)
class Resolution:
    """The candidates for one name as written, best first."""

    query: str
    candidates: tuple[Candidate, ...] = ()
    not_a_place: bool = False

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates and not self.not_a_place else None

    def explain(self) -> str:
        """A human-readable account of the candidates and why the first won."""
        if self.not_a_place:
            return f"{self.query!r} is marked as not a place."
        if not self.candidates:
            return f"{self.query!r}: no candidate."
        lines = []
        for i, c in enumerate(self.candidates):
            p = c.place
            lines.append(
                f"{i + 1:>2}. {p.name} ({p.country_code}, {p.kind}, {p.lat:.4f}, {p.lon:.4f}) "
                f"{p.id} score={c.score:.3f} via {c.match} {c.matched_form!r}"
            )
            lines.extend(f"      {r}" for r in c.reasons)
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class Context:
    """What the resolver knows about where a name was written.

    ``focus_countries``: countries the article is about (named in it, or home of
    its unambiguous places).  ``theatre_countries``: the conflict profile's
    theatre, a weaker prior.  ``near``: coordinates of other places in the same
    sentence or list.  ``cue``: a kind word next to the name ("village",
    "district", "city", "height", "region").  ``place_context``: whether the
    text around the name says it is a place ("the city of X", "in X", a list of
    places); needed for names that are also common words or given names.
    ``province``: the first-level division the text puts the name in ("Ivanivka, Kherson region":
    "UA.08", see ``Place.province``); places known to lie in another one are no candidates.
    """

    focus_countries: frozenset[str] = frozenset()
    theatre_countries: frozenset[str] = frozenset()
    near: tuple[tuple[float, float], ...] = field(default=())
    cue: str | None = None
    place_context: bool = True
    province: str = ""
