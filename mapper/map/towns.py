"""Context towns: the theatre's towns and villages from the gazetteer, so a reader can orient without tiles.

Read from the compiled gazetteer index (GeoNames cities500 and the regional supplement), biggest first;
the page shows as many as fit without collision, more as the reader zooms in.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ..sides import Profile

__all__ = ["Town", "theatre_towns"]

#: Kinds of place that orient a reader (not districts, regions or heights).
_KINDS = ("town", "village")
#: At most this many towns travel with the page (about 40 bytes each).
MAX_TOWNS = 4000


@dataclass(frozen=True, slots=True)
class Town:
    id: str
    name: str
    lat: float
    lon: float
    population: int


def theatre_towns(profile: Profile, *, cache_dir: Path | None = None) -> list[Town]:
    """Towns and villages of the profile's theatre, most populous first; [] when no index is compiled.

    A merged profile (several wars in one build) gives each war's towns, each from its own index.
    """
    from gazetteer.index import open_index

    if profile.parts:
        by_id: dict[str, Town] = {}
        for part in profile.parts:
            for town in theatre_towns(part, cache_dir=cache_dir):
                by_id.setdefault(town.id, town)
        return sorted(by_id.values(), key=lambda t: (-t.population, t.id))

    codes = sorted(profile.theatre_countries)
    if not codes:
        return []
    try:
        con = open_index(cache_dir, build=False, tables=profile.gazetteer_tables)
    except (FileNotFoundError, OSError, sqlite3.Error):
        return []
    try:
        q = ",".join("?" * len(codes))
        kinds = ",".join("?" * len(_KINDS))
        rows = con.execute(
            f"SELECT id, name, lat, lon, population FROM places WHERE country_code IN ({q}) AND kind IN ({kinds}) "
            f"ORDER BY population DESC, id LIMIT ?",
            (*codes, *_KINDS, MAX_TOWNS),
        ).fetchall()
    except sqlite3.Error:
        return []
    finally:
        with contextlib.suppress(sqlite3.Error):
            con.close()
    return [Town(str(i), str(n), float(la), float(lo), int(p or 0)) for i, n, la, lo, p in rows]
