"""Conflict profiles: everything that is particular to one war, as data.

A profile is a folder (``mapper/profiles/karabakh-2020/``) holding ``profile.toml``
(sides, claimant and force patterns, outlets, the theatre, the map's view, the
theatre's scale and naming habits, the rule for officials named by role) and the
tables it names: a supplement of places, variant spellings and regions for the
gazetteer, and which side held which area when (``control.csv``).  A single
``.toml`` file is a profile too; the tables it names are read beside it.
"""

from __future__ import annotations

import csv
import hashlib
import math
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from gazetteer import Place, Tables

from .errors import ProfileError
from .patterns import BoundedPattern, PatternError, compile_pattern, union

__all__ = [
    "Side",
    "Profile",
    "ControlArea",
    "load_profile",
    "parse_profile",
    "shipped_profiles",
    "merge_profiles",
    "DEFAULT_PROFILE",
]

DEFAULT_PROFILE = "karabakh-2020"
PROFILE_FILE = "profile.toml"
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: What a profile that does not say otherwise gets (the scale of a war fought over districts
#: 30-60 km across; claims drawn with a 10 km circle for district level, 40 km for a region).
DEFAULT_LOCATOR_KM = 50.0
DEFAULT_PRECISION_KM = {1: 0, 2: 10, 3: 40}


@dataclass(frozen=True, slots=True)
class Side:
    id: str
    label: str
    colour: str
    # Patterns from the profile, matched with a time bound (see mapper.patterns).
    claimants: tuple[BoundedPattern, ...]
    forces: tuple[BoundedPattern, ...]
    outlets: tuple[BoundedPattern, ...] = ()
    #: Languages (ISO 639-1) whose articles come from this side's own media unless their address names
    #: another outlet: Ukrainian for Ukraine.
    outlet_languages: tuple[str, ...] = ()
    #: Words only this side's own media use in their own voice ("оккупанты", "the Kiev regime"): an article
    #: not in English that uses them, outside quotations, and none of another side's, is this side's media.
    outlet_words: tuple[BoundedPattern, ...] = ()
    opponent: str = ""
    forces_label: str = ""  # how the map names this side as the accused ("Armenian forces")

    @property
    def claimant_rx(self) -> BoundedPattern | None:
        return _union(self.claimants)

    @property
    def forces_rx(self) -> BoundedPattern | None:
        return _union(self.forces)


@dataclass(frozen=True, slots=True)
class ControlArea:
    """An area that one side held between two dates (inclusive; empty: open-ended)."""

    name: str
    lat: float
    lon: float
    radius_km: float
    side: str
    start: str = ""  # ISO date
    end: str = ""
    source: str = ""

    def covers(self, lat: float, lon: float, day: str | None) -> bool:
        if day and ((self.start and day < self.start) or (self.end and day > self.end)):
            return False
        if not day and self.end:
            return False  # no date: only what holds to this day
        return _km(self.lat, self.lon, lat, lon) <= self.radius_km


@dataclass(frozen=True, slots=True)
class Profile:
    id: str
    title: str
    sides: tuple[Side, ...]
    theatre_countries: frozenset[str]
    default_side: str
    non_violent: BoundedPattern
    source: str  # the file it came from
    digest: str  # content hash of profile.toml and its tables: a changed profile re-extracts claims
    #: The folder the profile's tables are read from.
    folder: Path | None = None
    #: Where the war is fought, [west, south, east, north] in degrees (GeoJSON bbox order); None: the
    #: theatre countries.  Weak spelling matches (phonetic, fuzzy) are searched only inside it.
    theatre_bbox: tuple[float, float, float, float] | None = None
    #: The map's initial view: centre (lat, lon), zoom, and the area the offline background covers
    #: ([west, south, east, north]; None: the theatre countries' extent).
    map_centre: tuple[float, float] = (0.0, 0.0)
    map_zoom: int = 6
    map_bbox: tuple[float, float, float, float] | None = None
    #: How far a village may lie from the district the text places it in.
    locator_km: float = DEFAULT_LOCATOR_KM
    #: Radius (km) drawn around a claim of each geo_precision (1 town, 2 district, 3 region).
    precision_km: dict[int, int] = field(default_factory=lambda: dict(DEFAULT_PRECISION_KM), compare=False)
    #: Endings of the theatre's surnames: a run of names ending so is a person ("Hikmet Hajiyev").
    person_suffixes: tuple[str, ...] = ()
    #: The theatre's administrative words and the kind of area each names ("rayon" -> "district").
    admin_words: dict[str, str] = field(default_factory=dict, compare=False)
    #: Words that open a place's name ("Velyka", "Nova", "Boyuk"): such a name is one place, known or not.
    name_adjectives: tuple[str, ...] = ()
    #: The supplement, variant and region tables the gazetteer adds to GeoNames for this war.
    gazetteer_tables: Tables = Tables()
    #: The rule for officials named only by role, as the profile states it (for people).
    officials_rule: str = ""
    #: Country code -> the side that holds its territory unless an area below says otherwise.
    control_default: dict[str, str] = field(default_factory=dict, compare=False)
    control_areas: tuple[ControlArea, ...] = ()
    #: The date the war began (ISO, from [theatre] began): events of its earlier years are no history.
    began: str = ""
    #: A merged profile (:func:`merge_profiles`, a build without --profile): the profiles it joins.
    parts: tuple[Profile, ...] = field(default=(), compare=False)

    def side(self, side_id: str) -> Side:
        for s in self.sides:
            if s.id == side_id:
                return s
        raise KeyError(side_id)

    def side_of_claimant(self, claimant: str) -> str | None:
        """The side whose claimant pattern matches earliest (then longest) in *claimant*, or None."""
        return _side_of_claimant(self.sides, claimant)

    def opponent_of(self, side_id: str) -> str | None:
        """The side that *side_id* fights, if the profile names one."""
        for s in self.sides:
            if s.id == side_id and s.opponent:
                return s.opponent
        return None

    def side_of_outlet(self, url_or_domain: str) -> str | None:
        """The side whose domestic outlets include this one (for unqualified "the ministry said").

        The longest match wins, the profile's order breaking ties: an outlet a side names by its address
        ("theins.ru", an exiled independent outlet) outweighs another side's pattern for a whole country domain
        (".ru")."""
        if not url_or_domain:
            return None
        best, length = None, 0
        for side in self.sides:
            rx = _union(side.outlets)
            found = max((len(m.group()) for m in rx.finditer(url_or_domain)), default=0) if rx is not None else 0
            if found > length:
                best, length = side.id, found
        return best

    def side_of_voice(self, texts: Sequence[str]) -> str | None:
        """The one side whose `outlet_words` *texts* use at least VOICE_WORDS times, none of another side's."""
        counts = {}
        for side in self.sides:
            rx = _union(side.outlet_words)
            counts[side.id] = sum(len(rx.findall(t)) for t in texts) if rx is not None else 0
        used = [sid for sid, n in counts.items() if n]
        return used[0] if len(used) == 1 and counts[used[0]] >= VOICE_WORDS else None

    def side_of_language(self, code: str) -> str | None:
        """The side whose own media write in the language *code* alone (a side's `outlet_languages`)."""
        return next((side.id for side in self.sides if code and code in side.outlet_languages), None)

    def forces_in(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, side) of every mention of a side's forces in *text*."""
        found: list[tuple[int, int, str]] = []
        for side in self.sides:
            rx = side.forces_rx
            if rx is not None:
                found.extend((m.start(), m.end(), side.id) for m in rx.finditer(text))
        return sorted(found)

    def holder_of(self, where: Place | tuple[float, float], day: str | date | None = None) -> str | None:
        """The side that held *where* (a place, or (lat, lon)) on *day* (ISO date; None: today), or None.

        The profile's rule for officials named only by role ("the city's mayor", "the
        regional governor"): they speak for the side that held their place then.  The
        smallest control area around the point that covers the day decides; else the
        side that holds the place's country (``[control] default``); else None.
        """
        if isinstance(where, Place):
            lat, lon, country = where.lat, where.lon, where.country_code
            if where.kind in ("region", "district"):
                # Control areas are towns; a region drawn at its centre is not held by whoever holds the
                # centre ("the Luhansk regional governor" is Ukraine's), so its country decides.
                return self.control_default.get(country)
        else:
            (lat, lon), country = where, ""
        d = day.isoformat() if isinstance(day, date) else (day or None)
        best: ControlArea | None = None
        for area in self.control_areas:
            if area.covers(lat, lon, d) and (best is None or area.radius_km < best.radius_km):
                best = area
        if best is not None:
            return best.side
        return self.control_default.get(country) if country else None

    def in_theatre_bbox(self, lat: float, lon: float) -> bool:
        """Whether (lat, lon) lies in the theatre's bounding box (True when the profile gives none)."""
        if self.theatre_bbox is None:
            return True
        w, s, e, n = self.theatre_bbox
        return s <= lat <= n and w <= lon <= e


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


# Memos keyed by the identity of the (immutable) pattern tuples and side tuples, which a profile keeps
# for the whole process: hashing them by value costs more than the matching (hundreds of patterns).
_UNIONS: dict[int, tuple[tuple[BoundedPattern, ...], BoundedPattern | None]] = {}
_SIDE_MEMO: dict[tuple[int, str], str | None] = {}
_SIDE_TUPLES: dict[int, tuple[Side, ...]] = {}


def _union(patterns: tuple[BoundedPattern, ...]) -> BoundedPattern | None:
    """One regular expression for a list of patterns: one scan of the text instead of dozens."""
    hit = _UNIONS.get(id(patterns))
    if hit is not None and hit[0] is patterns:
        return hit[1]
    rx = union(patterns, origin=patterns[0].origin) if patterns else None
    _UNIONS[id(patterns)] = (patterns, rx)  # the tuple is kept, so its id is not reused
    return rx


def _side_of_claimant(sides: tuple[Side, ...], claimant: str) -> str | None:
    if _SIDE_TUPLES.get(id(sides)) is not sides:
        _SIDE_TUPLES[id(sides)] = sides
    key = (id(sides), claimant)
    if key in _SIDE_MEMO:
        return _SIDE_MEMO[key]
    if len(_SIDE_MEMO) > 65536:
        _SIDE_MEMO.clear()
    _SIDE_MEMO[key] = found = _match_side(sides, claimant)
    return found


#: "... in northeastern Ukraine", "in southern Russia": where something lies, right before a match.
_WHERE_IT_LIES = re.compile(
    r"\bin\s+(?:the\s+)?(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+|central\s+|occupied\s+)?$",
    re.IGNORECASE,
)


def _names_where_it_lies(claimant: str, start: int) -> bool:
    """Whether the word at *start* is a country written as where something lies ("in northeastern Ukraine"), not
    an adjective of a side ("in Russian-occupied Horlivka")."""
    if not _WHERE_IT_LIES.search(claimant, 0, start):
        return False
    word = _WORD_AT.match(claimant, start)
    if word is None or claimant[word.end() : word.end() + 1] in ("-", "‐"):
        return False  # ("Russian-occupied": a compound adjective)
    return not word.group().lower().endswith(_ADJECTIVE_ENDINGS)


_WORD_AT = re.compile(r"[^\W\d_]+")
_ADJECTIVE_ENDINGS = ("ian", "ani", "ese", "ish", "ский", "ская", "ський", "ська", "ского", "ської")


def _match_side(sides: tuple[Side, ...], claimant: str) -> str | None:
    # The earliest match decides; at one start the longest ("Russian military bloggers" over "Russia"), then the
    # profile's order of sides.
    # (a country named as where a speaker's region lies is not whom he speaks for: "Head of the Civil Military
    # Administration of the Kharkov region in northeastern Ukraine, Vitaly Ganchev")
    best: tuple[int, int, int, str] | None = None
    for order, side in enumerate(sides):
        rx = side.claimant_rx
        m = None
        if rx is not None:
            m = next((x for x in rx.finditer(claimant) if not _names_where_it_lies(claimant, x.start())), None)
        if m and (best is None or (m.start(), m.start() - m.end(), order) < best[:3]):
            best = (m.start(), m.start() - m.end(), order, side.id)
    return best[3] if best else None


def _line_of(text: str, needle: str) -> str:
    """ ", line N" for the first line of *text* holding *needle* as written, else ""."""
    at = text.find(needle) if needle else -1
    return f", line {text.count(chr(10), 0, at) + 1}" if at >= 0 else ""


def _compile(path: str, side_id: str, field: str, patterns: object, text: str = "") -> tuple[BoundedPattern, ...]:
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        raise ProfileError(f"{path}: side {side_id!r}: {field!r} must be a list of strings (regular expressions)")
    out = []
    for p in patterns:
        try:
            out.append(compile_pattern(p, origin=f"{path}: side {side_id!r} {field}"))
        except PatternError as err:
            where = _line_of(text, p)
            raise ProfileError(f"{path}{where}: side {side_id!r}: {field!r}: {err}") from err
    return tuple(out)


#: How many of a side's `outlet_words` make an article that side's own media.
VOICE_WORDS = 2


def _languages(source: str, side_id: str, raw: object) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(c, str) and re.fullmatch(r"[a-z]{2}", c) for c in raw):
        raise ProfileError(
            f"{source}: side {side_id!r}: outlet_languages {raw!r} is not a list of two-letter ISO 639-1 codes "
            '(e.g. ["uk"])'
        )
    return tuple(raw)


def _side_keys() -> frozenset[str]:
    """The keys a [[sides]] table may hold: the fields of a Side."""
    return frozenset(f.name for f in fields(Side))


def parse_profile(text: str, *, source: str = "<profile>", folder: Path | None = None) -> Profile:
    """Parse a profile from TOML text; tables it names are read from *folder*.  Errors name the file."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ProfileError(f"{source}: not valid TOML: {err}") from err
    theatre: dict[str, Any] = data["theatre"] if isinstance(data.get("theatre"), dict) else {}
    countries = theatre.get("countries", data.get("theatre_countries"))
    for key, value in (("id", data.get("id")), ("sides", data.get("sides")), ("theatre.countries", countries)):
        if value is None:
            raise ProfileError(
                f"{source}: missing {key!r}; see mapper/profiles/{DEFAULT_PROFILE}/{PROFILE_FILE} for a worked example"
            )
    sides = []
    for i, raw in enumerate(data["sides"]):
        if not isinstance(raw, dict) or "id" not in raw:
            raise ProfileError(f"{source}: side number {i + 1} has no 'id'")
        unknown = sorted(set(raw) - _side_keys())
        if unknown:
            # A top-level key written after a [[sides]] table lands in that table (TOML): say so.
            raise ProfileError(
                f"{source}: side {raw['id']!r} has unknown keys {unknown!r}; a side takes {sorted(_side_keys())!r} "
                "(keys meant for the whole profile go above the first [table])"
            )
        colour = str(raw.get("colour", "#555555"))
        if not _COLOUR.match(colour):
            raise ProfileError(f"{source}: side {raw['id']!r}: colour {colour!r} is not like '#1565c0'")
        sides.append(
            Side(
                id=str(raw["id"]),
                label=str(raw.get("label", raw["id"])),
                colour=colour,
                claimants=_compile(source, raw["id"], "claimants", raw.get("claimants", []), text),
                forces=_compile(source, raw["id"], "forces", raw.get("forces", []), text),
                outlets=_compile(source, raw["id"], "outlets", raw.get("outlets", []), text),
                outlet_languages=_languages(source, raw["id"], raw.get("outlet_languages", [])),
                outlet_words=_compile(source, raw["id"], "outlet_words", raw.get("outlet_words", []), text),
                opponent=str(raw.get("opponent", "")),
                forces_label=str(raw.get("forces_label", "")),
            )
        )
    ids = [s.id for s in sides]
    if len(set(ids)) != len(ids):
        raise ProfileError(f"{source}: side ids repeat: {ids!r}")
    for side in sides:
        if side.opponent and side.opponent not in ids:
            raise ProfileError(f"{source}: side {side.id!r}: opponent {side.opponent!r} is not one of {ids!r}")
    default = str(data.get("default_side", ids[-1] if ids else ""))
    if default not in ids:
        raise ProfileError(f"{source}: default_side {default!r} is not one of the sides {ids!r}")
    words = data.get("non_violent", [])
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise ProfileError(f"{source}: 'non_violent' must be a list of strings (words or regular expressions)")
    try:
        for w in words:
            compile_pattern(w, origin=f"{source}: non_violent")
        non_violent = compile_pattern(
            r"\b(?:" + "|".join(words or ["(?!x)x"]) + r")\b", origin=f"{source}: non_violent", probe=False
        )
    except PatternError as err:
        raise ProfileError(f"{source}: bad pattern in 'non_violent': {err}") from err

    folder = folder or Path(".")
    digest = hashlib.sha256(text.encode())
    map_ = _table(data, "map", source)
    geometry = _table(data, "geometry", source)
    names = _table(data, "names", source)
    gaz = _table(data, "gazetteer", source)
    control = _table(data, "control", source)

    def files(section: dict, key: str, where: str) -> tuple[Path, ...]:
        value = section.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ProfileError(f"{source}: [{where}] {key} must be a list of file names")
        out = []
        for v in value:
            path = folder / v
            try:
                digest.update(path.read_bytes())
            except OSError as err:
                raise ProfileError(f"{source}: [{where}] {key}: cannot read {path}: {err.strerror or err}") from err
            out.append(path)
        return tuple(out)

    tables = Tables(
        supplements=files(gaz, "supplement", "gazetteer"),
        variants=files(gaz, "variants", "gazetteer"),
        regions=files(gaz, "regions", "gazetteer"),
    )
    precision = geometry.get("precision_km", DEFAULT_PRECISION_KM)
    try:
        precision_km = {int(k): int(v) for k, v in dict(precision).items()}
    except (TypeError, ValueError) as err:
        raise ProfileError(f"{source}: [geometry] precision_km must map 1, 2, 3 to kilometres, e.g. {{1 = 0}}") from err
    admin_words = names.get("admin_words", {})
    if not isinstance(admin_words, dict):
        raise ProfileError(
            f'{source}: [names] admin_words must map a word to the kind it names, e.g. rayon = "district"'
        )
    control_default = {str(k).upper(): str(v) for k, v in dict(control.get("default", {})).items()}
    for cc, side_id in control_default.items():
        if side_id not in ids:
            raise ProfileError(f"{source}: [control] default: {cc} = {side_id!r} is not one of the sides {ids!r}")
    areas = tuple(area for path in files(control, "areas", "control") for area in _read_control(path, ids))
    return Profile(
        id=str(data["id"]),
        title=str(data.get("title", data["id"])),
        sides=tuple(sides),
        theatre_countries=frozenset(str(c).upper() for c in countries or ()),
        default_side=default,
        non_violent=non_violent,
        source=source,
        digest=digest.hexdigest()[:16],
        folder=folder,
        theatre_bbox=_bbox(theatre.get("bbox"), source, "theatre"),
        map_centre=_pair(map_.get("centre", (0.0, 0.0)), source),
        map_zoom=int(map_.get("zoom", 6)),
        map_bbox=_bbox(map_.get("bbox"), source, "map"),
        locator_km=float(geometry.get("locator_km", DEFAULT_LOCATOR_KM)),
        precision_km=precision_km,
        person_suffixes=tuple(str(x) for x in names.get("person_suffixes", [])),
        admin_words={str(k).lower(): str(v) for k, v in admin_words.items()},
        name_adjectives=tuple(str(x) for x in names.get("name_adjectives", [])),
        gazetteer_tables=tables,
        officials_rule=str(control.get("officials_rule", "")),
        control_default=control_default,
        control_areas=areas,
        began=_began(theatre.get("began", ""), source),
    )


def _began(value: object, source: str) -> str:
    text = str(value)
    if text and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        raise ProfileError(f'{source}: [theatre] began must be a date like "2022-02-24", not {text!r}')
    return text


def _table(data: dict, key: str, source: str) -> dict:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ProfileError(f"{source}: {key!r} must be a table ([{key}])")
    return value


def _pair(value: object, source: str) -> tuple[float, float]:
    try:
        lat, lon = (float(v) for v in value)  # type: ignore[union-attr, attr-defined]
    except (TypeError, ValueError) as err:
        raise ProfileError(f"{source}: [map] centre must be [lat, lon], e.g. [40.0, 46.8]") from err
    return lat, lon


def _bbox(value: object, source: str, where: str) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        w, s, e, n = (float(v) for v in value)  # type: ignore[union-attr, attr-defined]
    except (TypeError, ValueError) as err:
        raise ProfileError(f"{source}: [{where}] bbox must be [west, south, east, north] in degrees") from err
    if not (-180 <= w < e <= 180 and -90 <= s < n <= 90):
        raise ProfileError(f"{source}: [{where}] bbox {value!r} is not [west, south, east, north] in degrees")
    return w, s, e, n


def _read_control(path: Path, side_ids: list[str]) -> list[ControlArea]:
    """Rows of a control table: area, lat, lon, radius_km, side, from, until, source."""
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        for lineno, row in enumerate(csv.DictReader(fh), start=2):
            where = f"{path}:{lineno}"
            try:
                lat, lon, radius = float(row["lat"]), float(row["lon"]), float(row["radius_km"])
            except (KeyError, TypeError, ValueError) as err:
                raise ProfileError(f"{where}: lat, lon and radius_km must be numbers") from err
            side = (row.get("side") or "").strip()
            if side not in side_ids:
                raise ProfileError(f"{where}: side {side!r} is not one of {side_ids!r}")
            start, end = (row.get("from") or "").strip(), (row.get("until") or "").strip()
            for d in (start, end):
                try:
                    ok = not d or bool(_DATE.match(d) and date.fromisoformat(d))
                except ValueError:
                    ok = False
                if not ok:
                    raise ProfileError(f"{where}: date {d!r} is not a date like 2022-11-11")
            if not (row.get("source") or "").strip():
                raise ProfileError(f"{where}: area {row.get('area')!r} has no source")
            out.append(ControlArea(str(row.get("area", "")), lat, lon, radius, side, start, end, row["source"]))
    return out


def shipped_profiles() -> list[str]:
    """The names of the profiles that come with the mapper."""
    root = resources.files("mapper.profiles")
    return sorted(p.name for p in root.iterdir() if p.is_dir() and p.joinpath(PROFILE_FILE).is_file())


def _load_file(path: Path) -> Profile:
    folder = path.parent
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ProfileError(f"{path}: cannot read the profile: {err}") from err
    return parse_profile(text, source=str(path), folder=folder)


def load_profile(name_or_path: str | Path | None = None) -> Profile:
    """Load a shipped profile by name ("karabakh-2020"), or a profile folder or .toml file by path."""
    name_or_path = name_or_path or DEFAULT_PROFILE
    path = Path(name_or_path)
    if path.is_dir():
        path = path / PROFILE_FILE
    elif not (path.suffix == ".toml" or path.exists()):
        shipped = Path(str(resources.files("mapper.profiles"))) / str(name_or_path) / PROFILE_FILE
        if not shipped.is_file():
            names = ", ".join(repr(n) for n in shipped_profiles())
            raise ProfileError(
                f"no profile named {str(name_or_path)!r}; give a shipped name ({names}), a profile folder "
                "or a .toml path"
            )
        path = shipped
    return _load_file(path)


def merge_profiles(names: Sequence[str | Path | Profile]) -> Profile:
    """One profile for a corpus of several wars: the sides of all (one layer each), their theatres.

    A build without --profile extracts each article with the profile it is about
    (``parts``); the merged profile names the map's layers and the report's sides.
    The first profile's default side, map view and geometry are kept.
    """
    parts = tuple(n if isinstance(n, Profile) else load_profile(n) for n in names)
    if not parts:
        raise ProfileError("no profile to merge; give at least one")
    first = parts[0]
    sides: dict[str, Side] = {}
    for p in parts:
        for side in p.sides:
            sides.setdefault(side.id, side)
    digest = hashlib.sha256("|".join(p.digest for p in parts).encode()).hexdigest()[:16]
    return replace(
        first,
        id="+".join(p.id for p in parts),
        title=" and ".join(p.title for p in parts),
        sides=tuple(sides.values()),
        theatre_countries=frozenset().union(*(p.theatre_countries for p in parts)),
        source="+".join(p.source for p in parts),
        digest=digest,
        gazetteer_tables=Tables(),
        theatre_bbox=None,
        map_bbox=None,
        control_default={},
        control_areas=(),
        parts=parts,
    )
