"""What the map is fed: one record per claim, or, for a very large corpus, one per place x side x day.

A record is the little of a claim's export feature that the page shows, as a flat list
(:data:`FIELDS`, after the point's longitude and latitude).  The build keeps each article's
records beside its export lines, so a rebuild reads them back without parsing the whole GeoJSON
features again (issue 13: the feed took about as long as the rest of the exports of a
one-article rebuild of 1,000 articles).

A page with one marker per claim stays quick up to some tens of thousands of claims (see
``benchmarks/bench_map.py``).  Past ``limit`` claims the map gets one record per
(place_id, side, event_date) cell instead: the cell's first claim, with ``aggregated`` true,
``count`` (its claims), ``claimed`` and ``denied``, its lowest ``geo_precision`` and its highest
``fatalities`` and ``wounded`` (a highest figure, never a sum); the exports always keep every claim.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson

__all__ = ["MapFeed", "DEFAULT_LIMIT", "FIELDS", "AT", "record", "records_json"]

#: Claims above which the map aggregates (50,000 claims made a 9 MB page that opens in under 2 s).
DEFAULT_LIMIT = 50_000

#: The export properties a record keeps, in order, after [lon, lat].
FIELDS = (
    "aggregated",
    "count",
    "claims",
    "claimed",
    "denied",
    "status",
    "side",
    "side_label",
    "event_type",
    "article",
    "article_title",
    "published",
    "source_url",
    "incident_id",
    "claim_id",
    "geo_precision",
    "place",
    "place_id",
    "perpetrator_side",
    "event_date",
    "fatalities",
    "wounded",
    "claimant",
    "place_as_written",
    "evidence",
)
#: Each field's position in a record.
AT = {name: i + 2 for i, name in enumerate(FIELDS)}
_MAX_OF = (AT["fatalities"], AT["wounded"])


def record(feature: Mapping[str, Any]) -> list[Any]:
    """The record of one GeoJSON Feature dict: [lon, lat, *its FIELDS] (None where missing or malformed)."""
    try:
        coords = feature["geometry"]["coordinates"]
        lon, lat = coords[0], coords[1]
    except (KeyError, TypeError, IndexError):
        lon = lat = None
    p = feature.get("properties")
    if not isinstance(p, Mapping):
        p = {}
    return [lon, lat, *(p.get(k) for k in FIELDS)]


def records_json(feature_lines: bytes) -> bytes:
    """The records of an article's export feature lines (joined by ",\\n"), as one JSON array."""
    if not feature_lines:
        return b"[]"
    return orjson.dumps([record(f) for f in orjson.loads(b"[" + feature_lines + b"]")])


@dataclass
class _Cell:
    record: list[Any]
    claimed: int = 0
    denied: int = 0


@dataclass
class MapFeed:
    """Collects the map's records in export order, aggregating them when *aggregate*."""

    aggregate: bool
    limit: int
    claims: int
    _records: list[list[Any]] = field(default_factory=list)
    _cells: dict[tuple[str, str, str], _Cell] = field(default_factory=dict)

    def add(self, rec: list[Any]) -> None:
        if not self.aggregate:
            self._records.append(rec)
            return
        key = (str(rec[AT["place_id"]]), str(rec[AT["side"]]), str(rec[AT["event_date"]] or ""))
        cell = self._cells.get(key)
        if cell is None:
            first = list(rec)
            first[AT["incident_id"]] = "agg-" + hashlib.sha256("|".join(key).encode()).hexdigest()[:12]
            cell = self._cells[key] = _Cell(first)
        q = cell.record
        if rec[AT["status"]] == "claimed":
            cell.claimed += 1
        else:
            cell.denied += 1
        q[AT["geo_precision"]] = _lowest(q[AT["geo_precision"]], rec[AT["geo_precision"]])
        for k in _MAX_OF:
            if rec[k] is not None and (q[k] is None or rec[k] > q[k]):
                q[k] = rec[k]

    def add_all(self, recs: Iterable[list[Any]]) -> None:
        if not self.aggregate:
            self._records.extend(recs)
            return
        for rec in recs:
            self.add(rec)

    def records(self) -> list[list[Any]]:
        """The records for render_map, in export order (of each cell's first claim)."""
        if not self.aggregate:
            return self._records
        out = []
        for cell in self._cells.values():
            q = cell.record
            q[AT["status"]] = "claimed" if cell.claimed else "denied"
            q[AT["aggregated"]] = True
            q[AT["count"]] = cell.claimed + cell.denied
            q[AT["claimed"]] = cell.claimed
            q[AT["denied"]] = cell.denied
            out.append(q)
        return out

    def info(self) -> dict | None:
        """What render is told when the map aggregates (None otherwise); also in build-report.json."""
        if not self.aggregate:
            return None
        return {"threshold": self.limit, "claims": self.claims, "features": len(self._cells)}


def _lowest(a: Any, b: Any) -> Any:
    if a is None:
        return b
    if b is None:
        return a
    return min(a, b)
