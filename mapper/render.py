"""The map page: folium assembles it, the page's own script (``mapper/static/incident-map.js``) draws it.

folium builds the page (Figure, Map, tile and base layers, one tick-box layer per claimant side, the
LayerControl); the claims travel as one compact JSON blob (:mod:`mapper.map.data`) in a
``<script type="application/json">``, and the script draws one composite marker per place (a mark per
side and status, so no side hides under another), place and town labels as DOM text, a timeline of
claims per day per side with a brush, and a list of the claims in view.  The panels' HTML are Jinja
templates in ``mapper/templates/`` rendered with autoescaping; article text never goes through Jinja.
Per-claim folium objects took 17 s and 22 MB at 50,000 claims; the blob takes about a second.
"""

from __future__ import annotations

import datetime as dt
import gc
import html
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from branca.element import Element, MacroElement

from .map.config import PRECISION_TEXT, map_view, precision_km
from .map.data import COLUMNS, EVENT_SHAPES, map_data, script_json, shape_points
from .map.files import Assets, install_assets
from .map.names import load_map_names
from .map.towns import Town, theatre_towns
from .sides import Profile

__all__ = ["render_map", "map_data", "script_json", "EVENT_SHAPES", "COLUMNS", "DATA_ID"]

DATA_ID = "mapper-data"
#: Zoom levels.  Places are clustered from MIN_ZOOM to UNCLUSTER_ZOOM - 1; from UNCLUSTER_ZOOM (a few
#: villages fill the screen) every place is drawn on its own with its name beside it.
MIN_ZOOM, UNCLUSTER_ZOOM, MAX_ZOOM = 3, 11, 18
#: The closest the first view goes, so that one place is shown with its surroundings.
FIT_MAX_ZOOM = 10
_EPOCH = dt.date(1970, 1, 1).toordinal()


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

    class SideLayer(Layer):
        """The tick-box of one side in the layer control; incident-map.js draws the side's marks."""

        _template = Template("""
            {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.layerGroup();
            {% endmacro %}
        """)

        def __init__(self, name: str, ident: str) -> None:
            super().__init__(name=name, overlay=True, control=True, show=True)
            self._name = "SideLayer"
            self._id = ident

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
              dataId: {{ this.data_id|tojson }},
              options: {{ this.options|tojson }}
            });
            {% endmacro %}
        """)

        def __init__(
            self, *, control: Element, tiles: Element, layers: list[tuple[str, Element]], data_id: str, options: dict
        ) -> None:
            super().__init__()
            self._name = "IncidentApp"
            self._id = "app"
            self.control, self.tiles, self.layers, self.data_id, self.options = control, tiles, layers, data_id, options

    return SideLayer, IncidentApp


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


def _panels(data: dict, profile: Profile, n_articles: int, aggregation: Mapping[str, int] | None) -> str:
    """Title, legend, filters, list and timeline: hidden until incident-map.js places them."""
    days = data["days"]
    radii = precision_km(profile)
    return _fragment(
        "panels.html",
        title=profile.title,
        n_claims=data["claims"],
        n_incidents=data["incidents"],
        n_articles=n_articles,
        aggregated=data["aggregated"] or bool(aggregation),
        aggregation=dict(aggregation or {}),
        first_day=_iso(days[0]) if days else None,
        last_day=_iso(days[1]) if days else None,
        sides=data["sides"],
        types=[(i, t) for i, t in enumerate(data["types"]) if t["count"] or t["name"] in EVENT_SHAPES],
        circle=shape_points("circle"),
        precision_rows=[(k, radii.get(k, 0), PRECISION_TEXT[k]) for k in (1, 2, 3)],
        undated=data["undated"],
    )


def render_map(
    features: Mapping[str, Any] | Iterable[Mapping[str, Any]],
    profile: Profile,
    *,
    n_articles: int,
    out: Path,
    context_towns: Iterable[Town] | None = None,
    aggregation: Mapping[str, int] | None = None,
    records: Iterable[list[Any]] | None = None,
) -> bytes:
    """The HTML of map.html for the claims in *features*; the files it loads are put into ``out/map_files``.

    *features* is a FeatureCollection dict or an iterable of GeoJSON Feature dicts (the export contract's
    properties; aggregated features carry ``count``).  *context_towns* default to the theatre's towns from
    the compiled gazetteer.  *aggregation* (``{"threshold", "claims", "features"}``) says the build drew
    its claims as place x side x day cells.  *records*, when given, stand for *features*: the map feed's records of
    the same claims (:mod:`mapper.mapfeed`), as a build passes them.  The same input gives the same bytes (ids are
    fixed, not random).
    """
    import folium

    assets: Assets = install_assets(Path(out), countries=profile.theatre_countries, bbox=profile.map_bbox)
    towns = theatre_towns(profile) if context_towns is None else context_towns
    # Hundreds of thousands of small lists: the cyclic collector would rescan them for nothing.
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        data = map_data(features, profile, names=load_map_names(profile), towns=towns, records=records)
        blob = script_json(data)
    finally:
        if gc_was_on:
            gc.enable()
    side_layer, incident_app = _folium_classes()
    view = map_view(profile)

    m = folium.Map(
        location=list(view.centre),
        zoom_start=view.zoom,
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
            f'{html.escape(side["label"])} (<span class="mapper-side-count" data-side="{k}">{side["count"]}</span>)'
        )
        layer = side_layer(name, str(k))
        layer.add_to(m)
        layers.append((side["id"], layer))
    control = folium.LayerControl(collapsed=False, position="topright")
    control._id = "layers"
    control.add_to(m)
    options = {"uncluster": UNCLUSTER_ZOOM, "fitMaxZoom": FIT_MAX_ZOOM}
    incident_app(control=control, tiles=tiles, layers=layers, data_id=DATA_ID, options=options).add_to(m)

    fig.html.add_child(_Raw(_panels(data, profile, n_articles, aggregation), "panels"), name="mapper_panels")
    fig.html.add_child(
        _Raw(f'<script type="application/json" id="{DATA_ID}">{blob}</script>', "data"), name="mapper_data"
    )
    return fig.render().encode("utf-8")
