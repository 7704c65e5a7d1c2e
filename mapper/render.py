"""The map page: one clustered layer per claimant side, filters, a legend, and everything offline.

folium builds the page (Figure, Map, tile and base layers, LayerControl); the incidents travel as
one compact JSON blob in a ``<script type="application/json">`` and our script (see
``mapper/static/incident-map.js``) draws them on a canvas, one marker per claim, so 50,000 claims stay fast
(per-marker folium objects took 17 s and 22 MB at 50,000).

The blob (``map_data``) is columnar to stay small: ``rows`` holds one list per claim with the
fields named in ``cols``; text repeated across claims (claimants, places, evidence sentences)
sits once in ``strings`` and articles once in ``articles`` ([file, title, published, url]),
referenced by index.  Article text is hostile: it reaches the page only as escaped JSON and is
put into the DOM with ``textContent``.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import math
import re
from functools import lru_cache
from pathlib import Path

import jinja2
from branca.element import Element, MacroElement

from .map.files import Assets, install_assets
from .sides import Profile

__all__ = [
    "render_map",
    "map_data",
    "script_json",
    "EVENT_SHAPES",
    "PRECISION_KM",
    "COLUMNS",
]

#: Event types in legend order, each drawn as its own shape.
EVENT_SHAPES: dict[str, str] = {
    "missile strike": "triangle",
    "drone strike": "diamond",
    "air strike": "triangle-down",
    "shelling": "circle",
    "ground attack": "square",
    "capture": "star",
    "clashes": "plus",
    "strike": "cross",
}
#: Radius of the uncertainty circle by geo_precision (1 town, 2 district/"near", 3 region).
PRECISION_KM: dict[int, int] = {1: 0, 2: 10, 3: 40}
PRECISION_TEXT: dict[int, str] = {
    1: "town or village: the place itself",
    2: "district or 'near' a town: about 10 km",
    3: "region only: about 40 km",
}
#: The fields of one row of the data blob, in order.
COLUMNS = (
    "lon",
    "lat",
    "side",
    "type",
    "status",
    "contested",
    "prec",
    "day",
    "fatalities",
    "wounded",
    "claimant",
    "place",
    "written",
    "evidence",
    "article",
    "incident",
    "perp",
)
DATA_ID = "mapper-data"
#: Zoom levels.  Markercluster indexes every claim at every level from MIN_ZOOM to UNCLUSTER_ZOOM - 1, so
#: fewer levels load faster: clustering up to 18 took 1.8 s for 50,000 claims in headless Chromium,
#: 3 to 11 takes about a third of that.  From zoom 12 (a district fills the screen) claims are drawn one
#: by one, with the number of claims stacked on one place written beside it.
MIN_ZOOM, UNCLUSTER_ZOOM, MAX_ZOOM = 3, 12, 18
#: The closest the first view goes, so that one place is shown with its surroundings.
FIT_MAX_ZOOM = 10
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_FALLBACK_COLOUR = "#616161"
_EPOCH = dt.date(1970, 1, 1).toordinal()


def _shape_points(shape: str) -> list[list[float]] | None:
    """Unit outline of a marker shape (y down, radius about 1); None is a circle."""

    def poly(pts: list[tuple[float, float]]) -> list[list[float]]:
        return [[round(x, 3), round(y, 3)] for x, y in pts]

    if shape == "triangle":
        return poly([(0, -1.25), (1.1, 0.75), (-1.1, 0.75)])
    if shape == "triangle-down":
        return poly([(0, 1.25), (1.1, -0.75), (-1.1, -0.75)])
    if shape == "diamond":
        return poly([(0, -1.25), (1.1, 0), (0, 1.25), (-1.1, 0)])
    if shape == "square":
        return poly([(-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)])
    if shape == "star":
        return poly(
            [
                (
                    (1.3 if k % 2 == 0 else 0.55) * math.sin(k * math.pi / 5),
                    -(1.3 if k % 2 == 0 else 0.55) * math.cos(k * math.pi / 5),
                )
                for k in range(10)
            ]
        )
    if shape in ("plus", "cross"):
        a, w = 1.15, 0.4
        pts = [
            (-w, -a),
            (w, -a),
            (w, -w),
            (a, -w),
            (a, w),
            (w, w),
            (w, a),
            (-w, a),
            (-w, w),
            (-a, w),
            (-a, -w),
            (-w, -w),
        ]
        if shape == "cross":
            c = math.cos(math.pi / 4)
            pts = [((x - y) * c, (x + y) * c) for x, y in pts]
        return poly(pts)
    return None


def script_json(obj: object) -> str:
    """JSON that is safe inside a ``<script>`` element (no ``</script>``, no ``<!--``, no U+2028)."""
    return (
        json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _day(value: object) -> int | None:
    try:
        return dt.date.fromisoformat(str(value)).toordinal() - _EPOCH
    except ValueError:
        return None


def _int_or_none(value: object) -> int | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        f = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return int(f) if math.isfinite(f) else None


def _colour(c: str) -> str:
    return c if _COLOUR.match(c) else _FALLBACK_COLOUR


def map_data(fc: dict, profile: Profile) -> dict:
    """The compact, JSON-ready data of the page (see the module docstring for its layout)."""
    sides = [{"id": s.id, "label": s.label, "colour": _colour(s.colour), "count": 0} for s in profile.sides]
    side_idx = {s["id"]: i for i, s in enumerate(sides)}
    labels = {s.id: s.label for s in profile.sides}
    types = [{"name": n, "shape": _shape_points(s), "count": 0} for n, s in EVENT_SHAPES.items()]
    type_idx = {t["name"]: i for i, t in enumerate(types)}
    strings: dict[str, int] = {}
    articles: dict[str, int] = {}
    article_rows: list[list[int | None]] = []
    incidents: dict[str, int] = {}

    def si(v: object) -> int | None:
        if v is None or v == "":
            return None
        s = str(v)
        i = strings.get(s)
        if i is None:
            i = strings[s] = len(strings)
        return i

    feats = [
        f
        for f in fc.get("features", ())
        if all(isinstance(c, int | float) and math.isfinite(c) for c in f["geometry"]["coordinates"][:2])
    ]
    statuses: dict[str, set[str]] = {}
    for f in feats:
        p = f["properties"]
        statuses.setdefault(str(p.get("incident_id") or p.get("claim_id")), set()).add(p.get("status", "claimed"))
    contested = {k for k, v in statuses.items() if "claimed" in v and "denied" in v}
    rows = []
    for f in feats:
        p = f["properties"]
        lon, lat = f["geometry"]["coordinates"][:2]
        side = str(p.get("side") or "")
        if side not in side_idx:
            side_idx[side] = len(sides)
            sides.append(
                {
                    "id": side,
                    "label": str(p.get("side_label") or side or "unknown side"),
                    "colour": _FALLBACK_COLOUR,
                    "count": 0,
                }
            )
        s = side_idx[side]
        sides[s]["count"] += 1
        etype = str(p.get("event_type") or "unspecified")
        if etype not in type_idx:
            type_idx[etype] = len(types)
            types.append({"name": etype, "shape": None, "count": 0})
        t = type_idx[etype]
        types[t]["count"] += 1
        art_key = str(p.get("article") or "")
        a = articles.get(art_key)
        if a is None:
            a = articles[art_key] = len(article_rows)
            article_rows.append(
                [si(art_key), si(p.get("article_title")), si(p.get("published")), si(p.get("source_url"))]
            )
        inc_key = str(p.get("incident_id") or p.get("claim_id"))
        inc = incidents.setdefault(inc_key, len(incidents))
        perp = str(p.get("perpetrator_side") or "")
        prec = _int_or_none(p.get("geo_precision")) or 1
        rows.append(
            [
                round(float(lon), 5),
                round(float(lat), 5),
                s,
                t,
                1 if p.get("status") == "denied" else 0,
                1 if inc_key in contested else 0,
                min(max(prec, 1), 3),
                _day(p.get("event_date")),
                _int_or_none(p.get("fatalities")),
                _int_or_none(p.get("wounded")),
                si(p.get("claimant")),
                si(p.get("place")),
                si(p.get("place_as_written")),
                si(p.get("evidence")),
                a,
                inc,
                si(labels.get(perp, perp)),
            ]
        )
    days = [r[7] for r in rows if r[7] is not None]
    return {
        "bounds": _bounds(rows),
        "cols": list(COLUMNS),
        "sides": sides,
        "types": types,
        "days": [min(days), max(days)] if days else None,
        "undated": len(rows) - len(days),
        "incidents": len(incidents),
        "fitMaxZoom": FIT_MAX_ZOOM,
        "precisionKm": PRECISION_KM,
        "precisionText": PRECISION_TEXT,
        "strings": list(strings),
        "articles": article_rows,
        "rows": rows,
    }


class _Raw(Element):
    """Text put into the page as it is: never parsed as a Jinja template (article text may hold ``{{``)."""

    def __init__(self, text: str, ident: str) -> None:
        super().__init__()
        self._name = "Raw"
        self._id = ident
        self.text = text

    def render(self, **kwargs: object) -> str:
        return self.text


def _folium_classes() -> tuple[type, type]:
    from folium.map import Layer
    from folium.template import Template

    class SideCluster(Layer):
        """A Leaflet.markercluster group of one side, filled by incident-map.js."""

        _template = Template("""
            {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.markerClusterGroup({{ this.options|tojavascript }});
            {% endmacro %}
        """)

        def __init__(self, name: str, ident: str, options: dict) -> None:
            super().__init__(name=name, overlay=True, control=True, show=True)
            self._name = "SideCluster"
            self._id = ident
            self.options = options

    class IncidentApp(MacroElement):
        """Hands the map, its layers and the data to incident-map.js (rendered after the LayerControl)."""

        _template = Template("""
            {% macro script(this, kwargs) %}
            IncidentMapper.init({
              map: {{ this._parent.get_name() }},
              control: {{ this.control.get_name() }},
              tiles: {{ this.tiles.get_name() }},
              layers: {
              {%- for side_id, layer in this.layers %}
                {{ side_id|tojson }}: {{ layer.get_name() }},
              {%- endfor %}
              },
              dataId: {{ this.data_id|tojson }}
            });
            {% endmacro %}
        """)

        def __init__(
            self, *, control: Element, tiles: Element, layers: list[tuple[str, Element]], data_id: str
        ) -> None:
            super().__init__()
            self._name = "IncidentApp"
            self._id = "app"
            self.control, self.tiles, self.layers, self.data_id = control, tiles, layers, data_id

    return SideCluster, IncidentApp


@lru_cache(maxsize=1)
def _templates() -> jinja2.Environment:
    """The page's HTML fragments (``mapper/templates/``), autoescaped: labels from a profile are text."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("mapper", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def _fragment(name: str, **context: object) -> str:
    return _templates().get_template(name).render(**context)


def _iso(day: int) -> str:
    return dt.date.fromordinal(day + _EPOCH).isoformat()


def _legend_html(data: dict) -> str:
    types = [t for t in data["types"] if t["count"] or t["name"] in EVENT_SHAPES]
    rows = [(PRECISION_KM[k], PRECISION_TEXT[k]) for k in (1, 2, 3)]
    return _fragment(
        "legend.html", sides=data["sides"], types=types, circle=_shape_points("circle"), precision_rows=rows
    )


def _filters_html(data: dict) -> str:
    types = [(i, t) for i, t in enumerate(data["types"]) if t["count"]]
    return _fragment("filters.html", days=data["days"], undated=data["undated"], types=types)


def _title_html(data: dict, profile: Profile, n_articles: int) -> str:
    days = data["days"]
    return _fragment(
        "title.html",
        title=profile.title,
        n_claims=len(data["rows"]),
        n_incidents=data["incidents"],
        n_articles=n_articles,
        first_day=_iso(days[0]) if days else None,
        last_day=_iso(days[1]) if days else None,
    )


def _bounds(rows: list[list]) -> list[list[float]] | None:
    if not rows:
        return None
    lats = [r[1] for r in rows]
    lons = [r[0] for r in rows]
    s, n, w, e = min(lats), max(lats), min(lons), max(lons)
    pad = 0.05  # degrees, so a single place is not shown at street level
    return [[round(s - pad, 5), round(w - pad, 5)], [round(n + pad, 5), round(e + pad, 5)]]


def render_map(fc: dict, profile: Profile, *, n_articles: int, out: Path) -> bytes:
    """The HTML of map.html for the claims in *fc*; the files it loads are put into ``out/map_files``.

    The same *fc* and profile give the same bytes (element ids are fixed, not random).
    """
    import folium

    assets: Assets = install_assets(Path(out), countries=profile.theatre_countries)
    data = map_data(fc, profile)
    side_cluster, incident_app = _folium_classes()

    m = folium.Map(
        location=[40.0, 46.8],
        zoom_start=7,
        tiles=None,
        prefer_canvas=True,
        control_scale=True,
        minZoom=MIN_ZOOM,
        maxZoom=MAX_ZOOM,
    )
    m._id = "incidents"
    # Only what the page uses, from beside it: no jQuery, Bootstrap, font-awesome or CDN links.
    m.default_js = [(f"mapper_js_{i}", url) for i, url in enumerate(assets.scripts)]
    m.default_css = [(f"mapper_css_{i}", url) for i, url in enumerate(assets.styles)]
    fig = m.get_root()
    fig._id = "page"
    fig.title = html.escape(f"{profile.title}: incident claims map")

    tiles = folium.TileLayer(
        "OpenStreetMap", name="OpenStreetMap (needs internet)", min_zoom=MIN_ZOOM, max_zoom=MAX_ZOOM
    )
    tiles._id = "osm"
    tiles.add_to(m)
    offline = folium.FeatureGroup(name="Country borders only (offline)", overlay=False, show=False)
    offline._id = "offline"
    offline.add_to(m)
    layers = []
    for k, side in enumerate(data["sides"]):
        name = (
            f'<span class="mapper-swatch" style="background:{side["colour"]}"></span>'
            f"{html.escape(side['label'])} ({side['count']})"
        )
        layer = side_cluster(
            name,
            str(k),
            {
                "showCoverageOnHover": False,
                "zoomToBoundsOnClick": False,
                "spiderfyOnMaxZoom": False,
                "maxClusterRadius": 50,
                "chunkedLoading": False,
                "removeOutsideVisibleBounds": True,
                "disableClusteringAtZoom": UNCLUSTER_ZOOM,
            },
        )
        layer.add_to(m)
        layers.append((side["id"], layer))
    control = folium.LayerControl(collapsed=False, position="topright")
    control._id = "layers"
    control.add_to(m)
    incident_app(control=control, tiles=tiles, layers=layers, data_id=DATA_ID).add_to(m)
    if data["bounds"]:
        m.fit_bounds(data["bounds"], max_zoom=FIT_MAX_ZOOM)

    cluster_css = "".join(f".mapper-cluster-{k} div{{background:{s['colour']}}}" for k, s in enumerate(data["sides"]))
    fig.header.add_child(_Raw(f"<style>{cluster_css}</style>", "cluster_css"), name="cluster_css")
    fig.html.add_child(_Raw(_title_html(data, profile, n_articles), "title"), name="mapper_title")
    fig.html.add_child(_Raw(_legend_html(data), "legend"), name="mapper_legend")
    fig.html.add_child(_Raw(_filters_html(data), "filters"), name="mapper_filters")
    fig.html.add_child(
        _Raw(f'<script type="application/json" id="{DATA_ID}">{script_json(data)}</script>', "data"), name="mapper_data"
    )
    return fig.render().encode("utf-8")
