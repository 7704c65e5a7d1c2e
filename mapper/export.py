"""GeoJSON and CSV exports of claims (deterministic: same claims, same bytes).

CSV cells are written so that a spreadsheet shows text as text (see :mod:`mapper.csvsafe`);
claims are checked before they are written (:func:`checked_claims`): a value no article can
mean (a casualty figure of 25 digits, a date in the year 9999) is left out, with a note.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import orjson

from ._fs import atomic_write
from .claims import Claim
from .csvsafe import csv_line, header_line, to_csv_bytes

__all__ = [
    "PROPERTIES",
    "CSV_COLUMNS",
    "ACLED_COLUMNS",
    "to_feature_collection",
    "csv_bytes",
    "acled_csv_bytes",
    "write_atomic",
    "sort_claims",
    "feature_rows",
    "assemble_text",
    "checked_claims",
    "EXPORT_VERSION",
    "MAX_COUNT",
]

#: Properties of every GeoJSON feature, in this order (the output contract).
PROPERTIES = (
    "article",
    "article_title",
    "published",
    "source_url",
    "claim_id",
    "incident_id",
    "place",
    "place_as_written",
    "place_id",
    "geonameid",
    "country_code",
    "geo_precision",
    "place_kind",
    "event_type",
    "event_date",
    "time_precision",
    "claimant",
    "side",
    "side_label",
    "perpetrator_side",
    "status",
    "denies_claim_id",
    "fatalities",
    "wounded",
    "equipment_destroyed",
    "evidence",
    "sentence_index",
    "resolution",
)
CSV_COLUMNS = (*PROPERTIES, "lat", "lon")
#: ACLED-style columns for `mapper export --format csv --acled`.
ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "actor1",
    "assoc_actor_1",
    "claimant_side",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "status",
    "country",
)
#: Changes whenever the exported columns or their serialisation change, so that stored
#: pre-serialised rows (see :func:`feature_rows`) are never mixed with new ones.
_SERIALISATION = "2"  # 2: text cells escaped for spreadsheets and quoted
EXPORT_VERSION = hashlib.sha256("|".join((_SERIALISATION, *CSV_COLUMNS, "#", *ACLED_COLUMNS)).encode()).hexdigest()[:12]
#: The largest count (fatalities, wounded, equipment) a claim can state: a larger figure is a
#: misreading (a phone number, a year run into a figure), and would overflow 64-bit readers.
MAX_COUNT = 10_000_000
_COUNTS = ("fatalities", "wounded", "equipment_destroyed")


def checked_claims(claims: Iterable[Claim]) -> tuple[list[Claim], list[str]]:
    """The claims with values that cannot be right left out, and a note for each value left out.

    Counts must be whole numbers from 0 to MAX_COUNT, the event date a real ISO date,
    coordinates finite and in range (else the claim is dropped), and the source URL http(s).
    """
    out: list[Claim] = []
    notes: list[str] = []
    for c in claims:
        changes: dict[str, object] = {}
        for name in _COUNTS:
            v = getattr(c, name)
            if v is not None and (not isinstance(v, int) or isinstance(v, bool) or not 0 <= v <= MAX_COUNT):
                changes[name] = None
                shown = str(v) if len(str(v)) <= 30 else str(v)[:27] + "..."
                notes.append(f"{name.replace('_', ' ')} {shown} at {c.place} is not a plausible count; left out")
        if c.event_date and not _valid_date(c.event_date):
            changes["event_date"] = ""
            notes.append(f"event date {c.event_date!r} at {c.place} is not a valid date; left out")
        if c.source_url and not re.match(r"https?://[^\s/]", c.source_url, re.IGNORECASE):
            changes["source_url"] = ""
        try:
            lat, lon = float(c.lat), float(c.lon)
        except (TypeError, ValueError, OverflowError):
            lat = lon = math.nan
        if not (math.isfinite(lat) and math.isfinite(lon) and abs(lat) <= 90 and abs(lon) <= 180):
            notes.append(f"coordinates of {c.place} out of range; claim left out")
            continue
        out.append(replace(c, **changes) if changes else c)  # type: ignore[arg-type]
    return out, notes


def _valid_date(value: str) -> bool:
    try:
        return 1 <= date.fromisoformat(value).year <= 9998
    except (TypeError, ValueError):
        return False


def sort_claims(claims: Iterable[Claim]) -> list[Claim]:
    return sorted(claims, key=lambda c: (c.article, c.sentence_index, c.place, c.side, c.status, c.claim_id))


def _feature(c: Claim, incident_id: str) -> dict:
    # getattr, not dataclasses.asdict: asdict deep-copies and costs half a second per 5,000 claims.
    props = {k: (incident_id if k == "incident_id" else getattr(c, k)) for k in PROPERTIES}
    return {
        "type": "Feature",
        "id": c.claim_id,
        "geometry": {"type": "Point", "coordinates": [round(c.lon, 6), round(c.lat, 6)]},
        "properties": props,
    }


def to_feature_collection(claims: Sequence[Claim], incident_ids: dict[str, str] | None = None) -> dict:
    """An RFC 7946 FeatureCollection: one Point per claim, coordinates [lon, lat].

    shapely checks what we export, all points at once: each must be a valid, finite
    point inside the WGS84 range; a claim that fails is left out.
    """
    import numpy as np
    import shapely

    incident_ids = incident_ids or {}
    ordered = sort_claims(claims)
    if not ordered:
        return {"type": "FeatureCollection", "features": []}
    lonlat = np.array([[round(c.lon, 6), round(c.lat, 6)] for c in ordered], dtype=float)
    points = shapely.points(lonlat)
    ok = (
        shapely.is_valid(points)
        & np.isfinite(lonlat).all(axis=1)
        & (np.abs(lonlat[:, 0]) <= 180)
        & (np.abs(lonlat[:, 1]) <= 90)
    )
    feats = [
        _feature(c, incident_ids.get(c.claim_id, c.claim_id))
        for c, good in zip(ordered, ok.tolist(), strict=True)
        if good
    ]
    return {"type": "FeatureCollection", "features": feats}


def feature_rows(claims: Sequence[Claim]) -> list[tuple[list, str, str]]:
    """The claims of one article as (sort key, GeoJSON feature line, CSV line).

    Serialised once, when the article is extracted, and kept in the store: a build of
    a thousand articles then joins strings instead of encoding every claim again.
    """
    from .incidents import incident_ids

    fc = to_feature_collection(claims, incident_ids(claims))
    rows = []
    for f in fc["features"]:
        p = f["properties"]
        key = [p["article"], p["sentence_index"], p["place"], p["side"], p["status"], p["claim_id"]]
        line = orjson.dumps(f).decode("utf-8")  # same bytes as json.dumps(..., ensure_ascii=False), faster
        lon, lat = f["geometry"]["coordinates"]
        rows.append((key, line, csv_line((*(p[k] for k in PROPERTIES), lat, lon))))
    return rows


def assemble_text(feature_parts: list[str], csv_parts: list[str]) -> tuple[bytes, bytes]:
    """GeoJSON and CSV bytes from ready feature lines and CSV lines (see feature_rows), in order."""
    feats = ",\n".join(feature_parts)
    gj = ('{"type":"FeatureCollection","features":[\n' + feats + ("\n" if feats else "") + "]}\n").encode("utf-8")
    return gj, (header_line(CSV_COLUMNS) + "".join(csv_parts)).encode("utf-8")


def csv_bytes(df) -> bytes:
    """A claims DataFrame (see load_incidents) as CSV, text cells safe for spreadsheets."""
    return to_csv_bytes(df)


def acled_csv_bytes(df) -> bytes:
    """The claims in ACLED's column habits, one row per claim."""
    import pandas as pd

    out = pd.DataFrame(
        {
            "event_id_cnty": df["incident_id"],
            "event_date": df["event_date"],
            "time_precision": df["time_precision"],
            "event_type": df["event_type"],
            "actor1": df["perpetrator_side"],
            "assoc_actor_1": df["claimant"],
            "claimant_side": df["side"],
            "location": df["place"],
            "latitude": df["lat"],
            "longitude": df["lon"],
            "geo_precision": df["geo_precision"],
            "source": df["article_title"].fillna("") + " (" + df["article"] + ")",
            "source_scale": "",
            "notes": df["evidence"],
            "fatalities": df["fatalities"],
            "status": df["status"],
            "country": df["country_code"],
        },
        columns=list(ACLED_COLUMNS),
    )
    return to_csv_bytes(out)


def write_atomic(path: Path, data: bytes) -> None:
    """Write *data* to *path* so that a reader sees the old file or the new one, never half.

    Failures raise :class:`mapper._fs.FileSystemError` naming the path and the cause.
    """
    atomic_write(path, data)
