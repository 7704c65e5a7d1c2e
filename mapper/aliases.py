"""User corrections: an alias file next to the articles.

``seeds/aliases.toml``::

    # Pin a spelling to a GeoNames id or a place the gazetteer knows.
    [pin]
    "Madagiz" = "geonames:147285"
    # Or give a place of your own, with the source of its coordinates.
    [place."Hill 1024"]
    lat = 39.71
    lon = 46.62
    country_code = "AZ"
    kind = "height"
    source = "https://..."
    # A region of your own: kind = "region" (geo_precision 3) or "district" (2), with how far it reaches.
    [place."Dnipro left bank"]
    lat = 46.70
    lon = 33.20
    kind = "region"
    radius_km = 40
    source = "https://..."

    # Names that look like places but are not.
    [not_a_place]
    names = ["Vardan", "Zoravar"]
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from pathlib import Path

from gazetteer import Gazetteer, Place, UnknownPlaceError, UserAliases
from gazetteer.place import KINDS

from .errors import AliasError

__all__ = ["ALIAS_FILE", "load_aliases", "aliases_digest"]

ALIAS_FILE = "aliases.toml"


#: What an alias file may hold; anything else is refused (a typo such as ``[pins]`` would be ignored otherwise).
_TABLES = ("pin", "place", "not_a_place")
_PLACE_KEYS = ("lat", "lon", "name", "country_code", "kind", "source", "spellings", "radius_km")


def aliases_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16] if path.is_file() else "none"
    except OSError:
        return "unreadable"  # load_aliases says why


def _line(text: str, *patterns: str) -> int | None:
    """The line of the last of *patterns*, each searched after the one before (None if not found)."""
    pos = 0
    for pattern in patterns:
        m = re.compile(pattern, re.MULTILINE).search(text, pos)
        if m is None:
            return None
        pos = m.start()
    return text.count("\n", 0, pos) + 1


def _key(name: str) -> str:
    """A pattern for a TOML key as written: bare or quoted."""
    return "(?:" + re.escape(name) + '|"' + re.escape(name) + "\"|'" + re.escape(name) + "')"


def _kind(value: object) -> str:
    return {bool: "true/false", int: "a number", float: "a number", str: "a string", list: "a list"}.get(
        type(value), "a table" if isinstance(value, dict) else type(value).__name__
    )


def load_aliases(path: Path, gazetteer: Gazetteer, *, unknown_places: str = "error") -> UserAliases:
    """Read a user alias file; errors name the file and the line, and say what to write instead.

    ``unknown_places="skip"`` drops pins to places this gazetteer lacks (a build without
    --profile reads the file once per profile, and a Karabakh village is no Ukrainian place).
    """
    if not path.is_file():
        return UserAliases()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise AliasError(f"{path}: not UTF-8 text ({err}); save it as UTF-8") from err
    except OSError as err:
        raise AliasError(f"{path}: cannot be read ({err.strerror or err}); check its permissions") from err
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise AliasError(f"{path}: not valid TOML: {err}") from err

    def fail(message: str, *where: str) -> AliasError:
        line = _line(text, *where) if where else None
        return AliasError(f"{path}{f', line {line}' if line else ''}: {message}")

    for key in data:
        if key not in _TABLES:
            raise fail(
                f'unknown section {key!r}; an alias file has [pin], [place."NAME"] and [not_a_place]',
                rf"^\s*\[?\s*{_key(key)}\b",
            )
    table = r"^\s*(?:\[\s*pin\s*\]|pin\s*=)"
    pin = data.get("pin", {})
    if not isinstance(pin, dict):
        raise fail(f'[pin] must be a table of "spelling" = "place id" lines, not {_kind(pin)}', table)
    pins: dict[str, Place] = {}
    for name, target in pin.items():
        if isinstance(target, bool) or not isinstance(target, str | int):
            raise fail(
                f'[pin] {name!r} must be a place id in quotes, like "geonames:584871", not {_kind(target)}',
                table,
                rf"^\s*{_key(name)}\s*=",
            )
        try:
            pins[name] = gazetteer.place(str(target))
        except UnknownPlaceError as err:
            if unknown_places == "skip":
                continue
            raise fail(f"[pin] {name!r}: {err}", table, rf"^\s*{_key(name)}\s*=") from err
    places = data.get("place", {})
    if not isinstance(places, dict):
        raise fail(f'[place."NAME"] tables give places of your own (lat, lon, ...), not {_kind(places)}', r"place")
    for name, spec in places.items():
        head = rf"^\s*\[\s*place\s*\.\s*{_key(name)}\s*\]"
        if not isinstance(spec, dict):
            raise fail(f"[place.{name!r}] must be a table with lat and lon, not {_kind(spec)}", rf"{_key(name)}")
        for key in spec:
            if key not in _PLACE_KEYS:
                raise fail(
                    f"[place.{name!r}]: unknown key {key!r}; use {', '.join(_PLACE_KEYS)}",
                    head,
                    rf"^\s*{_key(key)}\s*=",
                )
        coords = []
        for key in ("lat", "lon"):
            v = spec.get(key)
            if isinstance(v, bool) or not isinstance(v, int | float):
                got = "missing" if v is None else f"{_kind(v)} ({v!r})"
                raise fail(
                    f"[place.{name!r}] needs numeric lat and lon in decimal degrees (lat = 39.71); {key} is {got}",
                    head,
                    *([rf"^\s*{key}\s*="] if v is not None else []),
                )
            coords.append(float(v))
        lat, lon = coords
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise fail(f"[place.{name!r}] coordinates out of range: {lat}, {lon}", head)
        for key in ("name", "country_code", "kind", "source"):
            if key in spec and not isinstance(spec[key], str):
                raise fail(
                    f"[place.{name!r}] {key} must be a string in quotes, not {_kind(spec[key])}",
                    head,
                    rf"^\s*{key}\s*=",
                )
        cc = spec.get("country_code", "")
        if cc and not re.fullmatch(r"[A-Za-z]{2}", cc):
            raise fail(f'[place.{name!r}] country_code {cc!r} is not a two-letter ISO code like "AZ"', head)
        kind = spec.get("kind", "village")
        if kind not in KINDS:
            raise fail(f"[place.{name!r}] kind {kind!r} is not one of {', '.join(KINDS)}", head, r"^\s*kind\s*=")
        spellings = spec.get("spellings", [])
        if not isinstance(spellings, list) or not all(isinstance(a, str) for a in spellings):
            raise fail(
                f'[place.{name!r}] spellings must be a list of strings, like spellings = ["Height 1024"], '
                f"not {_kind(spellings)}",
                head,
                r"^\s*spellings\s*=",
            )
        radius = spec.get("radius_km", 0)
        if isinstance(radius, bool) or not isinstance(radius, int | float) or radius < 0:
            raise fail(
                f"[place.{name!r}] radius_km must be a number of kilometres (radius_km = 10)",
                head,
                r"^\s*radius_km\s*=",
            )
        pins[name] = Place(
            id=f"user:{name}",
            name=str(spec.get("name", name)),
            lat=lat,
            lon=lon,
            country_code=cc.upper(),
            kind=kind,
            source=str(spec.get("source", f"user alias file {path.name}")),
            radius_km=float(radius),
        )
        for alt in spellings:
            pins[alt] = pins[name]
    nap = data.get("not_a_place", {})
    names = nap.get("names", []) if isinstance(nap, dict) else nap
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise fail(
            '[not_a_place] names must be a list of strings, like names = ["Vardan"]',
            r"^\s*(?:\[\s*not_a_place\s*\]|not_a_place\s*=)",
            *([r"^\s*names\s*="] if isinstance(nap, dict) and "names" in nap else []),
        )
    if isinstance(nap, dict) and set(nap) - {"names"}:
        raise fail(f"[not_a_place] holds only names = [...]; found {sorted(set(nap) - {'names'})}", r"not_a_place")
    return UserAliases(pins, names)
