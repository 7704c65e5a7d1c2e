"""GeoJSON, CSV and GeoParquet exports of claims, written by streaming (same claims, same bytes).

The exporter owns its serialisation cache (:class:`LineCache`): each article's GeoJSON feature
lines and CSV lines, kept by (content hash, article name) in ``out/.mapper-export-cache.sqlite``
and stamped with :data:`EXPORT_VERSION`, a digest of the code that writes them, so a changed
column or format can never sit under a stale header.  A build of twenty thousand articles then
joins text instead of encoding every claim again, and never holds every claim in memory:
:class:`ExportWriter` takes one article's lines at a time.

GeoParquet (``incidents.parquet``) is written with pyarrow: the GeoJSON feature lines are parsed
by Arrow's own JSON reader (the C++ reader, batch by batch) and the points are encoded as WKB,
with GeoParquet 1.1 ``geo`` metadata (encoding, geometry types, bbox; no ``crs`` means OGC:CRS84,
longitude then latitude), readable by geopandas, DuckDB and QGIS.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import orjson

from .atomic import OutputSet, write_atomic
from .claims import Claim
from .csvsafe import csv_line, header_line, unescape_frame
from .errors import MapperError

__all__ = [
    "PROPERTIES",
    "CSV_COLUMNS",
    "ACLED_COLUMNS",
    "EXPORT_VERSION",
    "OUTPUT_FILES",
    "ArticleLines",
    "LineCache",
    "ExportWriter",
    "ExportFilter",
    "to_feature_collection",
    "feature_rows",
    "article_lines",
    "write_atomic",
    "sort_claims",
    "load_incidents",
    "export_filtered",
    "checked_claims",
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
#: ACLED-style columns for `mapper export --format acled`.
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
GEOJSON_NAME, CSV_NAME, PARQUET_NAME = "incidents.geojson", "incidents.csv", "incidents.parquet"
OUTPUT_FILES = (GEOJSON_NAME, CSV_NAME, PARQUET_NAME)
_INT_PROPERTIES = frozenset({"geonameid", "geo_precision", "time_precision", "fatalities", "wounded"})
_INT_PROPERTIES |= {"equipment_destroyed", "sentence_index"}


def _code_version() -> str:
    """A digest of the code that decides what an exported line holds: this file, incidents.py, csvsafe.py."""
    here = Path(__file__).resolve().parent
    h = hashlib.sha256("|".join(CSV_COLUMNS).encode())
    for name in ("export.py", "incidents.py", "csvsafe.py"):
        with contextlib.suppress(OSError):
            h.update((here / name).read_bytes())
    return h.hexdigest()[:16]


#: Changes whenever the export code changes; keys the line cache, and is part of the map's digest.
EXPORT_VERSION = _code_version()


#: The largest count (fatalities, wounded, equipment) a claim can state: a larger figure is a
#: misreading (a phone number, a year run into a figure), and would overflow 64-bit readers.
MAX_COUNT = 10_000_000
_COUNTS = ("fatalities", "wounded", "equipment_destroyed")


def checked_claims(claims: Iterable[Claim]) -> tuple[list[Claim], list[str]]:
    """The claims with values that cannot be right left out, and a note for each value left out.

    Counts must be whole numbers from 0 to MAX_COUNT, the event date a real ISO date, the
    coordinates finite and in range (else the claim is left out), the source URL http(s).
    Run on every extraction before it is stored: one article's odd value never stops a build.
    """
    import math
    import re
    from dataclasses import replace
    from datetime import date

    out: list[Claim] = []
    notes: list[str] = []
    for c in claims:
        changes: dict[str, Any] = {}
        for name in _COUNTS:
            v = getattr(c, name)
            if v is not None and (not isinstance(v, int) or isinstance(v, bool) or not 0 <= v <= MAX_COUNT):
                changes[name] = None
                shown = str(v) if len(str(v)) <= 30 else str(v)[:27] + "..."
                notes.append(f"{name.replace('_', ' ')} {shown} at {c.place} is not a plausible count; left out")
        if c.event_date:
            try:
                ok = 1 <= date.fromisoformat(c.event_date).year <= 9998
            except (TypeError, ValueError):
                ok = False
            if not ok:
                changes["event_date"] = ""
                notes.append(f"event date {c.event_date!r} at {c.place} is not a valid date; left out")
        if c.source_url and not re.match(r"https?://[^\s/]", c.source_url, re.IGNORECASE):
            changes["source_url"] = ""
        try:
            lat, lon = float(c.lat), float(c.lon)
        except (TypeError, ValueError, OverflowError):
            lat = lon = math.nan
        if not (math.isfinite(lat) and math.isfinite(lon) and abs(lat) <= 90 and abs(lon) <= 180):
            notes.append(f"coordinates of {c.place} are out of range; the claim is left out")
            continue
        out.append(replace(c, **changes) if changes else c)
    return out, notes


def sort_claims(claims: Iterable[Claim]) -> list[Claim]:
    return sorted(claims, key=lambda c: (c.article, c.sentence_index, c.place, c.side, c.status, c.claim_id))


def _feature(c: Claim, incident_id: str, article: str | None = None) -> dict:
    # getattr, not dataclasses.asdict: asdict deep-copies and costs half a second per 5,000 claims.
    props = {k: (incident_id if k == "incident_id" else getattr(c, k)) for k in PROPERTIES}
    if article is not None:
        props["article"] = article
    return {
        "type": "Feature",
        "id": c.claim_id,
        "geometry": {"type": "Point", "coordinates": [round(c.lon, 6), round(c.lat, 6)]},
        "properties": props,
    }


def to_feature_collection(
    claims: Sequence[Claim], incident_ids: dict[str, str] | None = None, *, article: str | None = None
) -> dict:
    """An RFC 7946 FeatureCollection: one Point per claim, coordinates [lon, lat].

    shapely checks what we export, all points at once: each must be a valid, finite
    point inside the WGS84 range; a claim that fails is left out.  *article* replaces the
    claims' file name (the same content can come back under another name).
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
        _feature(c, incident_ids.get(c.claim_id, c.claim_id), article)
        for c, good in zip(ordered, ok.tolist(), strict=True)
        if good
    ]
    return {"type": "FeatureCollection", "features": feats}


def _csv_line(props: dict, lon: float, lat: float) -> str:
    # Text cells safe for spreadsheets (a leading apostrophe before = + - @, quoted); numbers bare.
    return csv_line((*(props[k] for k in PROPERTIES), lat, lon))


def feature_rows(
    claims: Sequence[Claim], incident_ids: dict[str, str] | None = None, *, article: str | None = None
) -> list[tuple[list, str, str]]:
    """The claims of one article as (sort key, GeoJSON feature line, CSV line), in export order."""
    if incident_ids is None:
        from .incidents import assign

        incident_ids = assign(claims)
    rows = []
    for f in to_feature_collection(claims, incident_ids, article=article)["features"]:
        p = f["properties"]
        key = [p["article"], p["sentence_index"], p["place"], p["side"], p["status"], p["claim_id"]]
        line = orjson.dumps(f).decode("utf-8")  # same bytes as json.dumps(..., ensure_ascii=False), faster
        lon, lat = f["geometry"]["coordinates"]
        rows.append((key, line, _csv_line(p, lon, lat)))
    return rows


@dataclass(frozen=True, slots=True)
class ArticleLines:
    """One article's share of the exports: its GeoJSON feature lines and CSV lines, in export order, as the
    UTF-8 bytes that go into the files (kept so in the line cache: no decoding and encoding again)."""

    name: str
    content_hash: str
    features: bytes  # feature lines joined with ",\n" (b"" when the article has no claim)
    csv: bytes  # CSV lines, each ending in "\n"
    sides: dict[str, int]  # claims per claimant side
    incidents: tuple[str, ...]  # the incident id of each claim
    feed: bytes = b"[]"  # what the map is fed from these lines (mapper.mapfeed.records_json), kept with them


def article_lines(name: str, content_hash: str, claims: Sequence[Claim], incident_ids: dict[str, str]) -> ArticleLines:
    """Serialise one article's claims (already grouped into incidents), under the file name *name*."""
    rows = feature_rows(claims, incident_ids, article=name)
    kept = {r[0][5] for r in rows}
    sides: dict[str, int] = {}
    incs = []
    for c in sort_claims(claims):
        if c.claim_id in kept:
            sides[c.side] = sides.get(c.side, 0) + 1
            incs.append(incident_ids.get(c.claim_id, c.claim_id))
    features = ",\n".join(r[1] for r in rows).encode("utf-8")
    return ArticleLines(name, content_hash, features, "".join(r[2] for r in rows).encode("utf-8"), sides, tuple(incs))


class LineCache:
    """Serialised lines per (content hash, article name), valid for one export version and one set of claims.

    *stamp* names both (EXPORT_VERSION and the store's extraction fingerprint); a different stamp
    empties the cache.  The cache is disposable: a damaged file is deleted and started afresh.
    """

    NAME = ".mapper-export-cache.sqlite"
    #: The table's layout, part of the stamp: a cache of another layout is emptied and made again.
    LAYOUT = "2"  # 2: bytes, the map feed's records, the small columns before the large ones
    _SCHEMA = """
    CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
    CREATE TABLE IF NOT EXISTS lines (content_hash TEXT, article TEXT, stats TEXT, feed BLOB, features BLOB,
        csv BLOB, PRIMARY KEY (content_hash, article));
    """

    def __init__(self, folder: Path, stamp: str, *, reset: bool = False) -> None:
        self.path = Path(folder) / self.NAME
        try:
            self._open(stamp, reset)
        except sqlite3.DatabaseError:
            with contextlib.suppress(OSError):
                self.con.close()
            self.path.unlink(missing_ok=True)
            self._open(stamp, reset)

    def _open(self, stamp: str, reset: bool) -> None:
        stamp = f"{self.LAYOUT}|{stamp}"
        self.con = sqlite3.connect(self.path, timeout=30)
        self.con.executescript(self._SCHEMA)
        row = self.con.execute("SELECT v FROM meta WHERE k = 'stamp'").fetchone()
        if reset or not row or row[0] != stamp:
            self.con.executescript("DROP TABLE lines;" + self._SCHEMA)  # (a table of an older layout too)
            self.con.execute("INSERT OR REPLACE INTO meta VALUES ('stamp', ?)", (stamp,))
            self.con.commit()

    def get_many(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], ArticleLines]:
        out: dict[tuple[str, str], ArticleLines] = {}
        hashes = sorted({h for h, _ in keys})
        wanted = set(keys)
        for i in range(0, len(hashes), 500):
            chunk = hashes[i : i + 500]
            q = ",".join("?" * len(chunk))
            for h, a, s, m, f, c in self.con.execute(
                f"SELECT content_hash, article, stats, feed, features, csv FROM lines WHERE content_hash IN ({q})",
                chunk,
            ):
                if (h, a) in wanted:
                    st = orjson.loads(s)
                    out[(h, a)] = ArticleLines(a, h, f, c, st["sides"], tuple(st["incidents"]), m)
        return out

    def put(self, lines: ArticleLines) -> None:
        stats = orjson.dumps({"sides": lines.sides, "incidents": lines.incidents}).decode()
        self.con.execute(
            "INSERT OR REPLACE INTO lines VALUES (?,?,?,?,?,?)",
            (lines.content_hash, lines.name, stats, lines.feed, lines.features, lines.csv),
        )

    def keep_only(self, keys: set[tuple[str, str]]) -> None:
        """Forget the lines of articles that are gone (keeps the cache the size of the corpus)."""
        gone = [k for k in self.con.execute("SELECT content_hash, article FROM lines") if k not in keys]
        self.con.executemany("DELETE FROM lines WHERE content_hash = ? AND article = ?", gone)

    def close(self) -> None:
        self.con.commit()
        self.con.close()


# -- GeoParquet ---------------------------------------------------------------------------------------
def _arrow_types() -> dict[str, Any]:
    import pyarrow as pa

    ints = {"geo_precision": pa.int32(), "time_precision": pa.int32(), "sentence_index": pa.int32()}
    ints |= {k: pa.int64() for k in ("geonameid", "fatalities", "wounded", "equipment_destroyed")}
    return {k: ints.get(k, pa.string()) for k in PROPERTIES}


def parquet_schema():  # -> pyarrow.Schema
    """The columns of incidents.parquet: every property (typed), then the WKB point ``geometry``."""
    import pyarrow as pa

    types = _arrow_types()
    return pa.schema([pa.field(k, types[k]) for k in PROPERTIES] + [pa.field("geometry", pa.binary())])


def _feature_schema():
    import pyarrow as pa

    types = _arrow_types()
    props = pa.struct([pa.field(k, types[k]) for k in PROPERTIES])
    geom = pa.struct([pa.field("coordinates", pa.list_(pa.float64()))])
    return pa.schema([pa.field("geometry", geom), pa.field("properties", props)])


def _wkb_points(lonlat):  # numpy (n, 2) float64 -> pyarrow BinaryArray of little-endian WKB Points
    import numpy as np
    import pyarrow as pa

    n = len(lonlat)
    rec = np.zeros(n, dtype=np.dtype([("order", "u1"), ("kind", "<u4"), ("x", "<f8"), ("y", "<f8")]))
    rec["order"], rec["kind"] = 1, 1
    rec["x"], rec["y"] = lonlat[:, 0], lonlat[:, 1]
    offsets = np.arange(0, 21 * (n + 1), 21, dtype=np.int32)
    return pa.Array.from_buffers(pa.binary(), n, [None, pa.py_buffer(offsets), pa.py_buffer(rec.tobytes())])


def _doubles(arr):  # pyarrow DoubleArray without nulls -> numpy, read from its buffer
    import numpy as np

    # Not arr.to_numpy(): that imports pandas (half a second) for nothing.
    if arr.null_count:
        raise ValueError("a point has a missing coordinate")
    return np.frombuffer(arr.buffers()[1], dtype=np.float64, count=len(arr), offset=arr.offset * 8)


def _features_to_table(feature_lines: bytes):  # newline-separated GeoJSON features -> pyarrow.Table
    import pyarrow as pa
    import pyarrow.json as pj

    opts = pj.ParseOptions(explicit_schema=_feature_schema(), unexpected_field_behavior="ignore")
    read = pj.ReadOptions(use_threads=False, block_size=max(1 << 20, len(feature_lines) + 1))
    t = pj.read_json(io.BytesIO(feature_lines), read_options=read, parse_options=opts)
    props = t.column("properties").combine_chunks()
    coords = t.column("geometry").combine_chunks().field("coordinates")
    values = coords.values  # every point has two coordinates: the list values are the flat [lon, lat, ...]
    if coords.offset or len(values) != 2 * len(coords):
        raise ValueError("a feature is not a two-coordinate point")
    lonlat = _doubles(values).reshape(-1, 2)
    cols = [props.field(k) for k in PROPERTIES] + [_wkb_points(lonlat)]
    return pa.Table.from_arrays(cols, schema=parquet_schema())


#: GeoParquet metadata: WKB points; no "crs" means OGC:CRS84 (longitude, latitude on WGS84).
GEO_METADATA = {
    "version": "1.1.0",
    "primary_column": "geometry",
    "columns": {"geometry": {"encoding": "WKB", "geometry_types": ["Point"]}},
}


class _ParquetSink:
    """Streams feature lines into a GeoParquet file, a row group per ROWS rows (at most).

    Each row group is parsed and encoded in a background thread (pyarrow releases the GIL) while the
    build goes on; at most one group waits there, so memory stays bounded.  ``close`` waits for it.
    """

    ROWS = 20_000

    def __init__(self, path: Path) -> None:
        from concurrent.futures import ThreadPoolExecutor

        import pyarrow.parquet as pq

        schema = parquet_schema().with_metadata({"geo": json.dumps(GEO_METADATA, separators=(",", ":"))})
        self.writer = pq.ParquetWriter(str(path), schema, compression="snappy")
        self.pending: list[bytes] = []
        self.rows = 0
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mapper-parquet")
        self._busy: Any = None  # the Future of the row group being encoded

    def add(self, feature_lines: bytes, n: int) -> None:
        if n:
            self.pending.append(feature_lines.replace(b",\n", b"\n"))
            self.rows += n
            if self.rows >= self.ROWS:
                self.flush()

    def _encode(self, blob: bytes) -> None:
        table = _features_to_table(blob)
        self.writer.write_table(table, row_group_size=max(1, table.num_rows))

    def _wait(self) -> None:
        busy, self._busy = self._busy, None
        if busy is not None:
            busy.result()  # an error in the thread is raised here

    def flush(self) -> None:
        if self.pending:
            blob = b"\n".join(self.pending) + b"\n"
            self._wait()
            self._busy = self._pool.submit(self._encode, blob)
        self.pending, self.rows = [], 0

    def close(self) -> None:
        try:
            self.flush()
            self._wait()
        finally:
            self._pool.shutdown(wait=True)
            self.writer.close()


# -- the streaming writer of one build ---------------------------------------------------------------
class ExportWriter:
    """Writes incidents.geojson, incidents.csv and incidents.parquet into an :class:`OutputSet`, one article at a time.

    ``add`` takes articles in output order (by file name); the files are complete after ``close``
    and put in place when the output set commits.
    """

    def __init__(self, outs: OutputSet) -> None:
        self._gj = outs.open(GEOJSON_NAME)
        self._csv = outs.open(CSV_NAME)
        outs.open(PARQUET_NAME).close()  # staged: pyarrow writes to its path
        self._pq = _ParquetSink(outs.staged_path(PARQUET_NAME))
        self._gj.write(b'{"type":"FeatureCollection","features":[\n')
        self._csv.write(header_line(CSV_COLUMNS).encode("utf-8"))
        self._first = True
        self._ended = False
        self.claims = 0

    def add(self, lines: ArticleLines) -> None:
        n = len(lines.incidents)
        features = lines.features  # for the GeoJSON and the Parquet file
        if features:
            if not self._first:
                self._gj.write(b",\n")
            self._gj.write(features)
            self._first = False
        self._csv.write(lines.csv)
        self._pq.add(features, n)
        self.claims += n

    def end(self) -> None:
        """No more articles: the GeoJSON and CSV are complete; the last Parquet row group may still be encoding."""
        if not self._ended:
            self._ended = True
            self._gj.write(b"]}\n" if self._first else b"\n]}\n")
            self._pq.flush()

    def close(self) -> None:
        """All three files complete (waits for the Parquet encoding)."""
        self.end()
        self._pq.close()


# -- reading a built output folder -------------------------------------------------------------------
def load_incidents(out: Path | str = "output"):
    """The claims of a built output folder as a pandas DataFrame (one row per claim)."""
    import pandas as pd

    path = Path(out) / CSV_NAME
    if not path.exists():
        raise MapperError(f"{path} does not exist; run 'mapper build' first")
    df = pd.read_csv(
        path,
        dtype={"claim_id": str, "incident_id": str, "denies_claim_id": str, "published": str, "event_date": str},
        keep_default_na=False,
        na_values={"fatalities": [""], "wounded": [""], "equipment_destroyed": [""], "geonameid": [""]},
    )
    for col in ("fatalities", "wounded", "equipment_destroyed", "geonameid"):
        df[col] = df[col].astype("Int64")  # whole numbers, missing where not stated
    return unescape_frame(df)  # text as the articles wrote it (the CSV guards it for spreadsheets)


@dataclass(frozen=True)
class ExportFilter:
    """Which claims `mapper export` keeps (every criterion given must hold)."""

    sides: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None  # YYYY-MM-DD, inclusive; undated claims are dropped

    def mask(self, table):  # pyarrow.Table -> pyarrow boolean array
        import pyarrow as pa
        import pyarrow.compute as pc

        keep = pa.array([True] * table.num_rows, pa.bool_())
        if self.sides:
            keep = pc.and_(keep, pc.is_in(table["side"], value_set=pa.array(self.sides, pa.string())))
        if self.event_types:
            keep = pc.and_(keep, pc.is_in(table["event_type"], value_set=pa.array(self.event_types, pa.string())))
        if self.since:
            keep = pc.and_(keep, pc.greater_equal(table["event_date"], self.since))
        if self.until:
            dated = pc.not_equal(table["event_date"], "")
            keep = pc.and_(keep, pc.and_(pc.less_equal(table["event_date"], self.until), dated))
        return pc.fill_null(keep, False)


def _iter_rows(out: Path, flt: ExportFilter, batch_rows: int = 10_000) -> Iterator[tuple[dict, float, float]]:
    """(properties, lon, lat) of every claim in incidents.parquet that passes *flt*, read in batches."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    import shapely

    path = out / PARQUET_NAME
    if not path.exists():
        raise MapperError(f"{path} does not exist; run 'mapper build' first")
    pf = pq.ParquetFile(path)
    for batch in pf.iter_batches(batch_size=batch_rows):
        table = pa.Table.from_batches([batch])
        table = table.filter(flt.mask(table))
        if not table.num_rows:
            continue
        pts = shapely.from_wkb(table["geometry"].to_numpy(zero_copy_only=False))
        xs, ys = shapely.get_x(pts).tolist(), shapely.get_y(pts).tolist()
        cols = {k: table[k].to_pylist() for k in PROPERTIES}
        for i in range(table.num_rows):
            yield {k: cols[k][i] for k in PROPERTIES}, xs[i], ys[i]


def _acled_row(p: dict, lon: float, lat: float) -> list:
    title = p["article_title"] or ""
    return [
        p["incident_id"],
        p["event_date"],
        p["time_precision"],
        p["event_type"],
        p["perpetrator_side"],
        p["claimant"],
        p["side"],
        p["place"],
        lat,
        lon,
        p["geo_precision"],
        f"{title} ({p['article']})",
        "",
        p["evidence"],
        p["fatalities"],
        p["status"],
        p["country_code"],
    ]


def export_filtered(out: Path | str, fmt: str, flt: ExportFilter, dest: IO[bytes]) -> int:
    """Stream the claims of a built *out* folder that pass *flt* to *dest* as geojson, csv or acled.

    Reads incidents.parquet in batches, so memory stays flat however large the corpus.  Lines
    are written exactly as the build writes them.  Returns the number of claims written.
    """
    writers: dict[str, tuple[Sequence[str], Callable[[dict, float, float], str]]] = {
        "csv": (CSV_COLUMNS, _csv_line),
        "acled": (ACLED_COLUMNS, lambda p, x, y: _csv_row(_acled_row(p, x, y))),
    }
    n = 0
    if fmt == "geojson":
        dest.write(b'{"type":"FeatureCollection","features":[\n')
        for p, x, y in _iter_rows(Path(out), flt):
            feat = {"type": "Feature", "id": p["claim_id"], "geometry": {"type": "Point", "coordinates": [x, y]}}
            dest.write((b",\n" if n else b"") + orjson.dumps({**feat, "properties": p}))
            n += 1
        dest.write(b"\n]}\n" if n else b"]}\n")
        return n
    if fmt not in writers:
        raise MapperError(f"unknown export format {fmt!r}; use geojson, csv or acled")
    columns, line = writers[fmt]
    dest.write(header_line(columns).encode("utf-8"))
    for p, x, y in _iter_rows(Path(out), flt):
        dest.write(line(p, x, y).encode("utf-8"))
        n += 1
    return n


def _csv_row(values: list) -> str:
    return csv_line(values)
