"""What the map is fed: one feature per claim, or, for a very large corpus, one per place x side x day.

A page with one marker per claim stays quick up to some tens of thousands of claims (see
``benchmarks/bench_map.py``).  Past ``limit`` claims the map gets one feature per
(place_id, side, event_date) cell instead, carrying the counts; the exports always keep every
claim.  The shape of an aggregated feature is the contract with the renderer, written down in
the project's interface notes: every export property from the cell's first claim, with these
changes and additions (``aggregated``, ``count``, ``claimed``, ``denied``, ``articles``,
``incidents``, ``event_types``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

__all__ = ["MapFeed", "DEFAULT_LIMIT"]

#: Claims above which the map aggregates (50,000 claims made a 9 MB page that opens in under 2 s).
DEFAULT_LIMIT = 50_000
_MAX_OF = ("fatalities", "wounded", "equipment_destroyed")


@dataclass
class _Cell:
    feature: dict
    claimed: int = 0
    denied: int = 0
    articles: set[str] = field(default_factory=set)
    incidents: set[str] = field(default_factory=set)
    event_types: dict[str, int] = field(default_factory=dict)


class MapFeed:
    """Collects the map's features from export-ordered claim features, aggregating when *aggregate*."""

    def __init__(self, *, aggregate: bool, limit: int, claims: int) -> None:
        self.aggregate = aggregate
        self.limit = limit
        self.total = claims
        self._features: list[dict] = []
        self._cells: dict[tuple[str, str, str], _Cell] = {}

    def add(self, feature: dict) -> None:
        if not self.aggregate:
            self._features.append(feature)
            return
        p = feature["properties"]
        key = (str(p["place_id"]), str(p["side"]), str(p["event_date"] or ""))
        cell = self._cells.get(key)
        if cell is None:
            ident = "agg-" + hashlib.sha256("|".join(key).encode()).hexdigest()[:12]
            first = {**p, "incident_id": ident}
            cell = self._cells[key] = _Cell({**feature, "id": ident, "properties": first})
        q = cell.feature["properties"]
        if p["status"] == "claimed":
            cell.claimed += 1
        else:
            cell.denied += 1
        cell.articles.add(p["article"])
        cell.incidents.add(p["incident_id"])
        cell.event_types[p["event_type"]] = cell.event_types.get(p["event_type"], 0) + 1
        q["geo_precision"] = min(q["geo_precision"], p["geo_precision"])
        for k in _MAX_OF:
            if p[k] is not None and (q[k] is None or p[k] > q[k]):
                q[k] = p[k]

    def features(self) -> list[dict]:
        """The features for render_map, in export order (of each cell's first claim)."""
        if not self.aggregate:
            return self._features
        out = []
        for cell in self._cells.values():
            p = cell.feature["properties"]
            p["status"] = "claimed" if cell.claimed else "denied"
            p.update(
                aggregated=True,
                count=cell.claimed + cell.denied,
                claimed=cell.claimed,
                denied=cell.denied,
                articles=len(cell.articles),
                incidents=len(cell.incidents),
                event_types=dict(sorted(cell.event_types.items())),
            )
            out.append(cell.feature)
        return out

    def info(self) -> dict | None:
        """What render is told when the map aggregates (None otherwise); also in build-report.json."""
        if not self.aggregate:
            return None
        return {"threshold": self.limit, "claims": self.total, "features": len(self._cells)}
