"""The page's data: claims as one compact, columnar JSON blob that the page's script draws.

``rows`` holds one list per claim with the fields named in ``cols``.  Text repeated across claims
(claimants, evidence sentences, labels) sits once in ``strings``; articles once in ``articles``
([file, title, published, url]); places once in ``places`` ([lon, lat, label, region, id]), all
referenced by index.  A row's ``n`` is how many claims it stands for: 1, or the count of an aggregated
feature (place x side x day, issue 13's streaming build).  Article text is hostile: it reaches the page
only as escaped JSON (:func:`script_json`) and is put into the DOM with ``textContent``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

import orjson

from ..mapfeed import record
from ..sides import Profile
from .config import PRECISION_TEXT, precision_km
from .names import MapName, label_of
from .towns import Town

__all__ = ["map_data", "script_json", "iter_features", "EVENT_SHAPES", "COLUMNS", "shape_points"]

#: Event types in legend order, each drawn as its own shape.
EVENT_SHAPES: dict[str, str] = {
    "missile strike": "triangle",
    "drone strike": "diamond",
    "air strike": "triangle-down",
    "shelling": "circle",
    "ground attack": "square",
    "capture": "star",
    "clashes": "plus",
    "strike": "cross",
}
#: The fields of one row of the data blob, in order.
COLUMNS = (
    "place",
    "side",
    "type",
    "status",
    "contested",
    "prec",
    "day",
    "fatalities",
    "wounded",
    "claimant",
    "written",
    "evidence",
    "article",
    "incident",
    "accused",
    "n",
)
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_FALLBACK_COLOUR = "#616161"
_EPOCH = dt.date(1970, 1, 1).toordinal()


def shape_points(shape: str) -> list[list[float]] | None:
    """Unit outline of a marker shape (y down, radius about 1); None is a circle."""

    def poly(pts: list[tuple[float, float]]) -> list[list[float]]:
        return [[round(x, 3), round(y, 3)] for x, y in pts]

    if shape == "triangle":
        return poly([(0, -1.25), (1.1, 0.75), (-1.1, 0.75)])
    if shape == "triangle-down":
        return poly([(0, 1.25), (1.1, -0.75), (-1.1, -0.75)])
    if shape == "diamond":
        return poly([(0, -1.25), (1.1, 0), (0, 1.25), (-1.1, 0)])
    if shape == "square":
        return poly([(-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)])
    if shape == "star":
        return poly(
            [
                (
                    (1.3 if k % 2 == 0 else 0.55) * math.sin(k * math.pi / 5),
                    -(1.3 if k % 2 == 0 else 0.55) * math.cos(k * math.pi / 5),
                )
                for k in range(10)
            ]
        )
    if shape in ("plus", "cross"):
        a, w = 1.15, 0.4
        pts = [
            (-w, -a),
            (w, -a),
            (w, -w),
            (a, -w),
            (a, w),
            (w, w),
            (w, a),
            (-w, a),
            (-w, w),
            (-a, w),
            (-a, -w),
            (-w, -w),
        ]
        if shape == "cross":
            c = math.cos(math.pi / 4)
            pts = [((x - y) * c, (x + y) * c) for x, y in pts]
        return poly(pts)
    return None


def script_json(obj: object) -> str:
    """JSON that is safe inside a ``<script>`` element (no ``</script>``, no ``<!--``, no U+2028).

    orjson writes it (the same compact JSON as the standard library's, five times faster at 50,000
    claims); NaN and infinities never reach it (coordinates and numbers are checked first).
    """
    return (
        orjson.dumps(obj, option=orjson.OPT_NON_STR_KEYS)
        .decode("utf-8")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def iter_features(features: Mapping[str, Any] | Iterable[Mapping[str, Any]]) -> Iterable[Mapping[str, Any]]:
    """The features of a FeatureCollection dict, or the given iterable of Feature dicts as it is."""
    if isinstance(features, Mapping):
        return features.get("features", ())
    return features


def _day(value: object) -> int | None:
    try:
        return dt.date.fromisoformat(str(value)).toordinal() - _EPOCH
    except ValueError:
        return None


def _int_or_none(value: object) -> int | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    if type(value) is int:
        return value
    try:
        f = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return int(f) if math.isfinite(f) else None


def _short(label: str) -> str:
    """A side's label for the narrow list column: "Third parties (Russia, ...)" -> "Third parties"."""
    return re.sub(r"\s+sources$", "", label.split(" (")[0]) or label


def _colour(c: str) -> str:
    return c if _COLOUR.match(c) else _FALLBACK_COLOUR


_NUMBER = (int, float)


def map_data(
    features: Mapping[str, Any] | Iterable[Mapping[str, Any]],
    profile: Profile,
    *,
    names: dict[str, MapName] | None = None,
    towns: Iterable[Town] = (),
    records: Iterable[list[Any]] | None = None,
) -> dict:
    """The compact, JSON-ready data of the page (see the module docstring for its layout).

    *features* is a FeatureCollection dict or any iterable of Feature dicts (read once); or, instead,
    *records*: the same claims as the map feed's records (:func:`mapper.mapfeed.record`), as a build keeps them.
    """
    if records is None:
        records = (record(f) for f in iter_features(features))
    names = names or {}
    sides = [
        {
            "id": s.id,
            "label": s.label,
            "colour": _colour(s.colour),
            "short": _short(s.label),
            "forces": str(getattr(s, "forces_label", "") or s.label),
            "count": 0,
        }
        for s in profile.sides
    ]
    side_idx = {s["id"]: i for i, s in enumerate(sides)}
    forces = {s["id"]: s["forces"] for s in sides}
    types = [{"name": n, "shape": shape_points(s), "count": 0} for n, s in EVENT_SHAPES.items()]
    type_idx = {t["name"]: i for i, t in enumerate(types)}
    strings: dict[str, int] = {}
    article_idx: dict[str, int] = {}
    articles: list[list[int | None]] = []
    incidents: dict[str, int] = {}
    place_idx: dict[tuple[str, float, float, bool], int] = {}
    places: list[list[Any]] = []
    aggregated = False

    def si(v: object) -> int | None:
        if v is None or v == "":
            return None
        s = str(v)
        i = strings.get(s)
        if i is None:
            i = strings[s] = len(strings)
        return i

    rows: list[list[Any]] = []
    statuses: dict[int, int] = {}  # incident -> bit 1 claimed, bit 2 denied
    for rec in records:
        (
            lon,
            lat,
            agg_flag,
            count_v,
            claims_v,
            claimed_v,
            denied_v,
            status,
            side_v,
            side_label,
            event_type,
            article,
            article_title,
            published,
            source_url,
            incident_id,
            claim_id,
            geo_precision,
            place_name_v,
            place_id,
            perp_v,
            event_date,
            fatalities_v,
            wounded_v,
            claimant_v,
            written_v,
            evidence_v,
        ) = rec
        if type(lon) not in _NUMBER or type(lat) not in _NUMBER or not (math.isfinite(lon) and math.isfinite(lat)):
            continue
        lon, lat = round(float(lon), 5), round(float(lat), 5)
        agg = agg_flag is True
        aggregated = aggregated or agg
        # An aggregated cell (issue 13's place x side x day) is its claimed and its denied claims.
        count = _int_or_none(count_v if count_v is not None else (claims_v if agg else None))
        parts = [(status == "denied", count if count and count > 1 else 1)]
        claimed, denied_n = _int_or_none(claimed_v), _int_or_none(denied_v)
        if agg and claimed is not None and denied_n is not None and claimed + denied_n > 0:
            parts = [(False, claimed)] * (claimed > 0) + [(True, denied_n)] * (denied_n > 0)
        side = str(side_v or "")
        if side not in side_idx:
            side_idx[side] = len(sides)
            label = str(side_label or side or "unknown side")
            sides.append(
                {"id": side, "label": label, "short": label, "colour": _FALLBACK_COLOUR, "forces": label, "count": 0}
            )
        s = side_idx[side]
        n = sum(k for _, k in parts)
        sides[s]["count"] += n
        etype = str(event_type or "unspecified")
        if etype not in type_idx:
            type_idx[etype] = len(types)
            types.append({"name": etype, "shape": None, "count": 0})
        t = type_idx[etype]
        types[t]["count"] += n
        art_key = str(article or "")
        a = article_idx.get(art_key)
        if a is None:
            a = article_idx[art_key] = len(articles)
            articles.append([si(art_key), si(article_title), si(published), si(source_url)])
        inc_key = str(incident_id or claim_id or f"row-{len(rows)}")
        inc = incidents.setdefault(inc_key, len(incidents))
        for denied, _ in parts:
            statuses[inc] = statuses.get(inc, 0) | (2 if denied else 1)
        prec = min(max(_int_or_none(geo_precision) or 1, 1), 3)
        place_name = str(place_name_v or "")
        pid = str(place_id or f"{place_name}@{lon},{lat}")
        region = prec == 3
        key = (pid, lon, lat, region)
        pl = place_idx.get(key)
        if pl is None:
            pl = place_idx[key] = len(places)
            name, other = label_of(pid, place_name, names)
            places.append([lon, lat, si(f"{name} / {other}" if other else name), 1 if region else 0, pid])
        perp = str(perp_v or "")
        accused = si(forces.get(perp, perp))
        day = _day(event_date)
        fatalities, wounded = _int_or_none(fatalities_v), _int_or_none(wounded_v)
        claimant, written, evidence = si(claimant_v), si(written_v), si(evidence_v)
        for denied, k in parts:
            rows.append(
                [
                    pl,
                    s,
                    t,
                    1 if denied else 0,
                    0,
                    prec,
                    day,
                    fatalities,
                    wounded,
                    claimant,
                    written,
                    evidence,
                    a,
                    inc,
                    accused,
                    k,
                ]
            )
    for r in rows:
        r[4] = 1 if statuses[r[13]] == 3 else 0
    days = [r[6] for r in rows if r[6] is not None]
    town_rows = []
    known = {pl[4] for pl in places}
    for town in towns:
        if town.id in known:
            continue  # an incident place carries its own label
        name, other = label_of(town.id, town.name, names)
        town_rows.append(
            [round(town.lon, 4), round(town.lat, 4), f"{name} / {other}" if other else name, town.population]
        )
    return {
        "bounds": _bounds(places),
        "cols": list(COLUMNS),
        "sides": sides,
        "types": types,
        "days": [min(days), max(days)] if days else None,
        "claims": sum(r[15] for r in rows),
        "undated": sum(r[15] for r in rows if r[6] is None),
        "incidents": len(incidents),
        "aggregated": aggregated,
        "precisionKm": precision_km(profile),
        "precisionText": PRECISION_TEXT,
        "strings": list(strings),
        "articles": articles,
        "places": [pl[:4] for pl in places],
        "towns": town_rows,
        "rows": rows,
    }


def _bounds(places: list[list[Any]]) -> list[list[float]] | None:
    points = [pl for pl in places if not pl[3]] or places  # regions only when nothing else
    if not points:
        return None
    lats = [pl[1] for pl in points]
    lons = [pl[0] for pl in points]
    s, n, w, e = min(lats), max(lats), min(lons), max(lons)
    pad = 0.05  # degrees, so a single place is not shown at street level
    return [[round(s - pad, 5), round(w - pad, 5)], [round(n + pad, 5), round(e + pad, 5)]]
