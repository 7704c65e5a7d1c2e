"""GeoJSON and CSV exports of claims (deterministic: same claims, same bytes)."""

from __future__ import annotations

import contextlib
import json
import math
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path

from .claims import Claim

__all__ = [
    "PROPERTIES",
    "CSV_COLUMNS",
    "ACLED_COLUMNS",
    "to_feature_collection",
    "geojson_bytes",
    "claims_frame",
    "csv_bytes",
    "acled_csv_bytes",
    "write_atomic",
    "sort_claims",
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


def sort_claims(claims: Iterable[Claim]) -> list[Claim]:
    return sorted(claims, key=lambda c: (c.article, c.sentence_index, c.place, c.side, c.status, c.claim_id))


def _feature(c: Claim, incident_id: str) -> dict:
    props = asdict(c)
    props["incident_id"] = incident_id
    props = {k: props.get(k) for k in PROPERTIES}
    return {
        "type": "Feature",
        "id": c.claim_id,
        "geometry": {"type": "Point", "coordinates": [round(c.lon, 6), round(c.lat, 6)]},
        "properties": props,
    }


def to_feature_collection(claims: Sequence[Claim], incident_ids: dict[str, str] | None = None) -> dict:
    """An RFC 7946 FeatureCollection: one Point per claim, coordinates [lon, lat]."""
    from shapely.geometry import Point, shape

    incident_ids = incident_ids or {}
    feats = []
    for c in sort_claims(claims):
        if not (math.isfinite(c.lat) and math.isfinite(c.lon) and -90 <= c.lat <= 90 and -180 <= c.lon <= 180):
            continue
        f = _feature(c, incident_ids.get(c.claim_id, c.claim_id))
        geom = shape(f["geometry"])
        # shapely checks what we export: a valid point equal to the claim's coordinates.
        if not geom.is_valid or not geom.equals(Point(round(c.lon, 6), round(c.lat, 6))):
            continue
        feats.append(f)
    return {"type": "FeatureCollection", "features": feats}


def geojson_bytes(fc: dict) -> bytes:
    return (json.dumps(fc, ensure_ascii=False, sort_keys=False, indent=1) + "\n").encode("utf-8")


def claims_frame(fc: dict):
    """The claims table (pandas DataFrame) from a FeatureCollection."""
    import pandas as pd

    rows = []
    for f in fc["features"]:
        row = dict(f["properties"])
        row["lon"], row["lat"] = f["geometry"]["coordinates"]
        rows.append(row)
    df = pd.DataFrame(rows, columns=list(CSV_COLUMNS))
    for col in ("fatalities", "wounded", "geonameid"):
        df[col] = df[col].astype("Int64")
    return df


def csv_bytes(df) -> bytes:
    return df.to_csv(index=False, lineterminator="\n").encode("utf-8")


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
    return out.to_csv(index=False, lineterminator="\n").encode("utf-8")


def write_atomic(path: Path, data: bytes) -> None:
    """Write *data* to *path* so that a reader sees the old file or the new one, never half."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
