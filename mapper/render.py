"""The folium map: one layer per claimant side.  (First version; see issue 6.)"""

from __future__ import annotations

import html
from pathlib import Path

from .sides import Profile

__all__ = ["render_map"]


def render_map(fc: dict, profile: Profile, *, n_articles: int, out: Path) -> bytes:
    """Render the incidents of *fc* into the HTML of a folium map and return its bytes."""
    import folium

    feats = fc["features"]
    m = folium.Map(location=[40.0, 46.8], zoom_start=8, tiles="OpenStreetMap")
    title = html.escape(f"{profile.title}: {len(feats)} claims from {n_articles} articles")
    m.get_root().html.add_child(folium.Element(f"<h3 style='position:absolute;z-index:1000;left:60px;top:0;"
                                               f"background:white;padding:4px'>{title}</h3>"))
    for side in profile.sides:
        group_feats = [f for f in feats if f["properties"]["side"] == side.id]
        fg = folium.FeatureGroup(name=html.escape(f"{side.label} ({len(group_feats)})"))
        for f in group_feats:
            p = f["properties"]
            lon, lat = f["geometry"]["coordinates"]
            rows = [("Place", f"{p['place']} (as written: {p['place_as_written']})"), ("Event", p["event_type"]),
                    ("Claimant", f"{p['claimant']} ({p['side_label']})"), ("Status", p["status"]),
                    ("Event date", p["event_date"]), ("Evidence", p["evidence"]),
                    ("Article", f"{p['article_title']} ({p['published']}, {p['article']})")]
            body = "".join(f"<b>{html.escape(k)}</b>: {html.escape(str(v))}<br>" for k, v in rows)
            folium.CircleMarker([lat, lon], radius=7, color=side.colour, fill=True,
                                popup=folium.Popup(body, max_width=400)).add_to(fg)
        fg.add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    if feats:
        lats = [f["geometry"]["coordinates"][1] for f in feats]
        lons = [f["geometry"]["coordinates"][0] for f in feats]
        m.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]])
    return m.get_root().render().encode("utf-8")
