"""The files map.html loads from beside it (``map_files/``), so the map works with no internet.

Leaflet is copied from its installed XStatic package at build time
(nothing third-party is committed here); the page's own script and stylesheet are real files in
``mapper/static/``, shipped as package data; the offline background comes from :mod:`.borders`.
Every file is written only when it is missing or its bytes changed, so a rebuild touches nothing
and the folder stays diffable.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .._fs import FileSystemError, os_error_message
from .borders import borders_js

__all__ = ["ASSET_DIR", "Assets", "install_assets", "static_files"]

#: The folder beside map.html that holds everything the page loads (tiles excepted).
ASSET_DIR = "map_files"
#: The page's own files, in mapper/static/, in load order.
APP_SCRIPTS = ("incident-map.js",)
APP_STYLES = ("incident-map.css",)


@dataclass(frozen=True, slots=True)
class Assets:
    """What map.html must load, as paths relative to it, in load order."""

    scripts: tuple[str, ...]
    styles: tuple[str, ...]
    borders: bool  # False when no Natural Earth package was installed: a plain background


def _write_if_changed(path: Path, data: bytes) -> None:
    try:
        if path.read_bytes() == data:
            return
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise FileSystemError(os_error_message(err, path)) from err
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; the page is for whoever can read the output folder
        os.replace(tmp, path)
    except BaseException as err:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(err, OSError) and not isinstance(err, FileSystemError):
            raise FileSystemError(os_error_message(err, path)) from err  # names the file: "No space left"
        raise


def _xstatic_dir(module: str) -> Path:
    import importlib

    try:
        mod = importlib.import_module(f"xstatic.pkg.{module}")
    except ImportError as err:
        dist = {"leaflet": "XStatic-Leaflet"}.get(module, f"XStatic-{module}")
        raise ImportError(f"the map needs the {dist!r} package; install it with 'pip install {dist}'") from err
    return Path(mod.BASE_DIR)


def static_files() -> dict[str, bytes]:
    """The page's own script and stylesheet (``mapper/static/``) by file name."""
    root = resources.files("mapper") / "static"
    return {name: (root / name).read_bytes() for name in (*APP_SCRIPTS, *APP_STYLES)}


def install_assets(
    out: Path, *, countries: frozenset[str], bbox: tuple[float, float, float, float] | None = None
) -> Assets:
    """Put every file map.html loads into ``out/map_files`` (only what is missing or changed)."""
    folder = Path(out) / ASSET_DIR
    leaflet = _xstatic_dir("leaflet")
    files: dict[str, bytes] = {
        "leaflet.js": (leaflet / "leaflet.js").read_bytes(),
        "leaflet.css": (leaflet / "leaflet.css").read_bytes(),
        **static_files(),
    }
    for png in sorted((leaflet / "images").glob("*.png")):
        files[f"images/{png.name}"] = png.read_bytes()
    borders, has_borders = borders_js(countries, folder / "borders.js", bbox)
    files["borders.js"] = borders
    for name, data in files.items():
        _write_if_changed(folder / name, data)
    # Scripts and styles an older version put here (Leaflet.markercluster) would only confuse a reader.
    for stale in folder.glob("*.*"):
        if stale.suffix in (".js", ".css") and stale.name not in files:
            stale.unlink(missing_ok=True)
    return Assets(
        scripts=tuple(f"{ASSET_DIR}/{n}" for n in ("leaflet.js", "borders.js", *APP_SCRIPTS)),
        styles=tuple(f"{ASSET_DIR}/{n}" for n in ("leaflet.css", *APP_STYLES)),
        borders=has_borders,
    )
