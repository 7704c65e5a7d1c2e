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
import tomllib
from pathlib import Path

from gazetteer import Gazetteer, Place, UnknownPlaceError, UserAliases
from gazetteer.place import KINDS

from .errors import AliasError

__all__ = ["ALIAS_FILE", "load_aliases", "aliases_digest"]

ALIAS_FILE = "aliases.toml"


def aliases_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16] if path.is_file() else "none"


def load_aliases(path: Path, gazetteer: Gazetteer, *, unknown_places: str = "error") -> UserAliases:
    """Read a user alias file; errors name the file and the line.

    ``unknown_places="skip"`` drops pins to places this gazetteer lacks (a build without
    --profile reads the file once per profile, and a Karabakh village is no Ukrainian place).
    """
    if not path.is_file():
        return UserAliases()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as err:
        raise AliasError(f"{path}: not UTF-8 text ({err}); save it as UTF-8") from err
    except tomllib.TOMLDecodeError as err:
        raise AliasError(f"{path}: not valid TOML: {err}") from err
    pins: dict[str, Place] = {}
    for name, target in (data.get("pin") or {}).items():
        try:
            pins[name] = gazetteer.place(str(target))
        except UnknownPlaceError as err:
            if unknown_places == "skip":
                continue
            raise AliasError(f"{path}: [pin] {name!r}: {err}") from err
    for name, spec in (data.get("place") or {}).items():
        try:
            lat, lon = float(spec["lat"]), float(spec["lon"])
        except (KeyError, TypeError, ValueError) as err:
            raise AliasError(f"{path}: [place.{name!r}] needs numeric lat and lon") from err
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise AliasError(f"{path}: [place.{name!r}] coordinates out of range: {lat}, {lon}")
        kind = str(spec.get("kind", "village"))
        if kind not in KINDS:
            raise AliasError(f"{path}: [place.{name!r}] kind {kind!r} is not one of {', '.join(KINDS)}")
        try:
            radius = float(spec.get("radius_km", 0))
        except (TypeError, ValueError) as err:
            raise AliasError(f"{path}: [place.{name!r}] radius_km must be a number of kilometres") from err
        pins[name] = Place(
            id=f"user:{name}",
            name=str(spec.get("name", name)),
            lat=lat,
            lon=lon,
            country_code=str(spec.get("country_code", "")).upper(),
            kind=kind,
            source=str(spec.get("source", f"user alias file {path.name}")),
            radius_km=radius,
        )
        for alt in spec.get("spellings", []):
            pins[str(alt)] = pins[name]
    nap = data.get("not_a_place") or {}
    names = nap.get("names", []) if isinstance(nap, dict) else nap
    if not isinstance(names, list):
        raise AliasError(f"{path}: [not_a_place] names must be a list of strings")
    return UserAliases(pins, [str(n) for n in names])
