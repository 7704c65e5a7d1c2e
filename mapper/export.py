"""GeoJSON and CSV exports of claims (deterministic: same claims, same bytes)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import orjson

from .claims import Claim

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
    import csv as _csv
    import io

    from .incidents import incident_ids

    fc = to_feature_collection(claims, incident_ids(claims))
    rows = []
    for f in fc["features"]:
        p = f["properties"]
        key = [p["article"], p["sentence_index"], p["place"], p["side"], p["status"], p["claim_id"]]
        line = orjson.dumps(f).decode("utf-8")  # same bytes as json.dumps(..., ensure_ascii=False), faster
        buf = io.StringIO()
        lon, lat = f["geometry"]["coordinates"]
        _csv.writer(buf, lineterminator="\n").writerow(
            ["" if v is None else v for v in (*(p[k] for k in PROPERTIES), lat, lon)]
        )
        rows.append((key, line, buf.getvalue()))
    return rows


def assemble_text(feature_parts: list[str], csv_parts: list[str]) -> tuple[bytes, bytes]:
    """GeoJSON and CSV bytes from ready feature lines and CSV lines (see feature_rows), in order."""
    import csv as _csv
    import io

    feats = ",\n".join(feature_parts)
    gj = ('{"type":"FeatureCollection","features":[\n' + feats + ("\n" if feats else "") + "]}\n").encode("utf-8")
    head = io.StringIO()
    _csv.writer(head, lineterminator="\n").writerow(CSV_COLUMNS)
    return gj, (head.getvalue() + "".join(csv_parts)).encode("utf-8")


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
        # mkstemp makes private files; outputs get the usual permissions (0644 under umask 022).
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
