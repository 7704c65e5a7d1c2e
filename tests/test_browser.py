"""map.html in a real browser (headless Debian Chromium through playwright), with the network refused.

Skipped when /usr/bin/chromium or playwright is missing.  Marks are drawn on a canvas, so they are
counted through the page's own state (``window.incidentMap``) and seen through the canvas pixels; labels,
the list and the timeline are DOM and are read as a user sees them.  The real-pipeline map is built from
the sample article, an invented hostile article and, when the shared development articles sit beside the
repository (``../shared/eval/dev``), those too: they are read from there, never copied into the repository.
"""

from __future__ import annotations

import json
import math
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "seeds" / "000_a783795e3209deaa.txt"
DEV = ROOT.parent / "shared" / "eval" / "dev"
HOSTILE_ARTICLE = (
    'Title: <script>window.__pwned=1</script> Shelling <img src=x onerror="window.__pwned=2">\n'
    "Source: https://example.org/a\n"
    "Date: 2020-10-05\n\n"
    "Armenian forces shelled the city of Tartar, the Azerbaijani Defence Ministry said. "
    "<script>window.__pwned=3</script>\n"
    "Azerbaijani forces attacked Stepanakert with drones, according to the Artsakh Defence Army.\n"
)

if not CHROMIUM.exists():
    pytest.skip("needs Debian chromium at /usr/bin/chromium (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright (pip install playwright)")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


class Page:
    """An opened map page, its errors and the remote requests it tried (all refused)."""

    def __init__(self, browser: object, path: Path) -> None:
        self.errors: list[str] = []
        self.remote: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
        self.page.on("pageerror", lambda err: self.errors.append(str(err)))
        self.page.route("**/*", self._route)
        self.page.goto(path.as_uri())
        self.page.wait_for_function("window.incidentMapReady === true", timeout=20_000)

    def _route(self, route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith(("http://", "https://")):
            self.remote.append(url)
            route.abort()  # type: ignore[attr-defined]
        else:
            route.continue_()  # type: ignore[attr-defined]

    def js(self, expr: str, arg: object = None) -> object:
        return self.page.evaluate(expr, arg)

    def shown(self) -> dict[str, int]:
        return self.js("incidentMap.shown()")  # type: ignore[return-value]

    def settle(self) -> None:
        """Filters and labels apply on the next animation frame: wait two frames."""
        self.page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")

    def wait_shown(self, expected: dict[str, int]) -> None:
        self.page.wait_for_function(
            "(want) => Object.entries(want).every(([k, n]) => incidentMap.shown()[k] === n)",
            arg=expected,
            timeout=5_000,
        )

    def side_box(self, label: str) -> object:
        return self.page.locator(".leaflet-control-layers-overlays label", has_text=label).locator("input")

    def view(self, lat: float, lon: float, zoom: int) -> None:
        self.js("([la, lo, z]) => incidentMap.map.setView([la, lo], z, {animate: false})", [lat, lon, zoom])
        self.page.wait_for_timeout(50)
        self.settle()

    def list_count(self) -> int:
        text = self.page.locator(".mapper-list-count").inner_text()
        return int(text.strip("()").replace(",", ""))

    def summary_count(self) -> int:
        text = self.page.locator("#mapper-filters .mapper-summary").inner_text()
        return int(text.split()[1].replace(",", ""))

    def colours_near(self, lat: float, lon: float, radius: int = 40) -> set[str]:
        """The colours painted on the map's canvases within *radius* px of a place (as #rrggbb)."""
        return set(
            self.js(
                """([la, lo, rad]) => {
                const map = incidentMap.map, p = map.latLngToContainerPoint([la, lo]);
                const origin = map.getContainer().getBoundingClientRect(), out = new Set();
                for (const c of map.getContainer().querySelectorAll('canvas')) {
                  const r = c.getBoundingClientRect(), sx = c.width / r.width, sy = c.height / r.height;
                  const x0 = Math.max(0, Math.floor((origin.left + p.x - rad - r.left) * sx));
                  const y0 = Math.max(0, Math.floor((origin.top + p.y - rad - r.top) * sy));
                  const x1 = Math.min(c.width, Math.ceil((origin.left + p.x + rad - r.left) * sx));
                  const y1 = Math.min(c.height, Math.ceil((origin.top + p.y + rad - r.top) * sy));
                  if (x1 <= x0 || y1 <= y0) continue;
                  const px = c.getContext('2d').getImageData(x0, y0, x1 - x0, y1 - y0).data;
                  for (let i = 0; i < px.length; i += 4) {
                    if (px[i + 3] < 250) continue;
                    out.add('#' + [px[i], px[i + 1], px[i + 2]].map(v => v.toString(16).padStart(2, '0')).join(''));
                  }
                }
                return [...out]; }""",
                [lat, lon, radius],
            )  # type: ignore[arg-type]
        )

    def visible_labels(self) -> list[dict]:
        """Place and town names on screen: their text, kind and box, when nothing covers them."""
        return self.js(
            """() => [...document.querySelectorAll('.mapper-label')].filter(e => e.style.display !== 'none')
              .map(e => { const r = e.getBoundingClientRect();
                const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return {text: e.textContent, kind: e.className, x: r.left, y: r.top, w: r.width, h: r.height,
                        seen: top === e || (top && !top.closest('.leaflet-control') && !top.closest('.leaflet-popup')
                                            && !top.closest('#mapper-list'))}; })"""
        )  # type: ignore[return-value]

    def close(self) -> None:
        self.page.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """A map built by the real pipeline from the sample, a hostile article and the development articles."""
    from mapper.pipeline import build

    base = tmp_path_factory.mktemp("browser")
    seeds = base / "seeds"
    seeds.mkdir()
    shutil.copy(SAMPLE, seeds / SAMPLE.name)
    for article in sorted(DEV.glob("*.txt")) if DEV.is_dir() else ():
        shutil.copy(article, seeds / article.name)
    (seeds / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    out = base / "out"
    build(seeds, out)
    fc = json.loads((out / "incidents.geojson").read_text(encoding="utf-8"))
    return out / "map.html", fc


@pytest.fixture(scope="module")
def page(browser: object, built: tuple[Path, dict]) -> Iterator[Page]:
    p = Page(browser, built[0])
    yield p
    p.close()


def synthetic_features() -> list[dict]:
    from test_render import feature

    return [
        feature(),  # Tartar, shelling, claimed by Azerbaijan, 2020-10-04
        feature(
            claim_id="c3",
            status="denied",
            denies_claim_id="c1",
            side="armenia",
            claimant="the Armenian MoD",
            side_label="Armenian and Nagorno-Karabakh sources",
            perpetrator_side="azerbaijan",
            evidence="The Armenian MoD denied it.",
        ),
        feature(
            claim_id="c5",
            incident_id="inc-5",
            event_type="missile strike",
            event_date="2020-10-25",
            evidence="A missile hit Tartar on 25 October.",
        ),
        feature(
            claim_id="c6",
            incident_id="inc-6",
            event_type="drone strike",
            event_date="2020-11-02",
            lon=46.75,
            lat=39.82,
            place="Nagorno-Karabakh",
            place_id="region:nk",
            side="armenia",
            geo_precision=3,
        ),
        feature(
            claim_id="c7",
            incident_id="inc-7",
            event_type="capture",
            event_date="",
            lon=47.0,
            lat=39.5,
            place="Fuzuli",
            place_id="geonames:148106",
        ),
        feature(
            claim_id="c8",
            incident_id="inc-8",
            event_type="shelling",
            event_date="2020-10-20",
            lon=46.7528,
            lat=39.8177,
            place="Khankendi",
            place_id="geonames:146970",
            side="third_party",
            claimant="a Reuters reporter",
            count=3,
            aggregated=True,
        ),
    ]


@pytest.fixture(scope="module")
def synthetic(browser: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    """A hand-made map: dates, a contested incident, a region-level claim, an aggregated feature."""
    from test_render import fc_of

    from mapper.render import render_map
    from mapper.sides import load_profile

    out = tmp_path_factory.mktemp("synthetic")
    (out / "map.html").write_bytes(render_map(fc_of(*synthetic_features()), load_profile(), n_articles=1, out=out))
    p = Page(browser, out / "map.html")
    yield p
    p.close()


def incident_places(fc: dict) -> dict[tuple[float, float], dict]:
    """Town- and district-level places of the claims: (lat, lon) -> place, place_id, sides."""
    places: dict[tuple[float, float], dict] = {}
    for f in fc["features"]:
        p = f["properties"]
        if p["geo_precision"] not in (1, 2):
            continue
        lon, lat = f["geometry"]["coordinates"]
        entry = places.setdefault((lat, lon), {"place": p["place"], "place_id": p["place_id"], "sides": set()})
        entry["sides"].add(p["side"])
    return places


def expected_shown(fc: dict, keep=lambda p: True) -> dict[str, int]:
    from mapper.sides import load_profile

    counts = {s.id: 0 for s in load_profile().sides}
    for f in fc["features"]:
        if keep(f["properties"]):
            counts[f["properties"]["side"]] += 1
    return counts


def test_opens_offline_without_errors(page: Page) -> None:
    assert page.errors == []
    # The only remote requests are map tiles (refused here), never a script or stylesheet.
    assert all("tile.openstreetmap.org" in url for url in page.remote), page.remote
    page.page.wait_for_function("document.querySelector('.folium-map').classList.contains('mapper-offline')")
    assert page.page.locator("path.mapper-country").count() > 5  # the Natural Earth background


def test_claims_per_side_match_the_geojson(page: Page, built: tuple[Path, dict]) -> None:
    fc = built[1]
    assert page.shown() == expected_shown(fc)
    assert page.summary_count() == len(fc["features"])
    assert sum(p["n"] for p in page.js("incidentMap.places()")) + sum(  # type: ignore[union-attr]
        1 for f in fc["features"] if f["properties"]["geo_precision"] == 3
    ) == len(fc["features"])


def test_every_incident_place_is_named_at_zoom_11(page: Page, built: tuple[Path, dict]) -> None:
    from mapper.map.names import label_of, load_map_names
    from mapper.sides import load_profile

    names = load_map_names(load_profile())
    places = incident_places(built[1])
    assert len(places) >= 5
    try:
        for (lat, lon), place in places.items():
            page.view(lat, lon, 11)
            name, other = label_of(place["place_id"], place["place"], names)
            text = f"{name} / {other}" if other else name
            centre = page.js("([la, lo]) => incidentMap.map.latLngToContainerPoint([la, lo])", [lat, lon])
            origin = page.js(
                "(() => { const r = incidentMap.map.getContainer().getBoundingClientRect(); "
                "return {x: r.left, y: r.top}; })()"
            )
            labels = [lb for lb in page.visible_labels() if lb["text"] == text and "mapper-label-place" in lb["kind"]]
            assert labels, f"no label {text!r} at zoom 11"
            lb = labels[0]
            assert lb["seen"], f"the label {text!r} is covered"
            # Beside its own place: the nearest edge of the label within 60 px of the place (past its marks).
            cx, cy = centre["x"] + origin["x"], centre["y"] + origin["y"]  # type: ignore[index]
            dx = max(lb["x"] - cx, 0, cx - (lb["x"] + lb["w"]))
            dy = max(lb["y"] - cy, 0, cy - (lb["y"] + lb["h"]))
            assert math.hypot(dx, dy) <= 60, (text, dx, dy)
    finally:
        page.js("incidentMap.home()")


@pytest.mark.parametrize("zoom", [None, 9, 11])
def test_labels_never_overlap(page: Page, zoom: int | None) -> None:
    page.js("incidentMap.home()") if zoom is None else page.view(40.2, 46.9, zoom)
    page.settle()
    labels = page.visible_labels()
    assert any("mapper-label-town" in lb["kind"] for lb in labels)  # context towns, offline
    boxes = [(lb["x"], lb["y"], lb["x"] + lb["w"], lb["y"] + lb["h"], lb["text"]) for lb in labels]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a[4], b[4])
    page.js("incidentMap.home()")


def test_every_side_is_visible_where_several_claim_even_after_unticking_one(
    page: Page, built: tuple[Path, dict]
) -> None:
    from mapper.sides import load_profile

    prof = load_profile()
    colour = {s.id: s.colour.lower() for s in prof.sides}
    shared = {k: v for k, v in incident_places(built[1]).items() if len(v["sides"]) >= 2}
    assert shared, "the sample and development articles have places where two sides claim"
    try:
        for (lat, lon), place in shared.items():
            page.view(lat, lon, 11)
            seen = page.colours_near(lat, lon)
            for side in place["sides"]:
                assert colour[side] in seen, (place["place"], side)
            for side in place["sides"]:  # untick one side: the others stay, it goes
                box = page.side_box(prof.side(side).label)
                box.click()
                page.settle()
                try:
                    seen = page.colours_near(lat, lon)
                    assert colour[side] not in seen, (place["place"], side)
                    for other in place["sides"] - {side}:
                        assert colour[other] in seen, (place["place"], side, other)
                finally:
                    box.click()
                    page.settle()
    finally:
        page.js("incidentMap.home()")


def test_unticking_a_side_changes_marks_list_and_counts_together(page: Page, built: tuple[Path, dict]) -> None:
    from mapper.sides import load_profile

    fc = built[1]
    page.js("incidentMap.home()")
    page.settle()
    before_list = page.list_count()
    box = page.side_box(load_profile().side("azerbaijan").label)
    box.click()
    try:
        want = expected_shown(fc, lambda p: p["side"] != "azerbaijan")
        page.wait_shown(want)
        page.settle()
        assert page.summary_count() == sum(want.values())
        assert page.list_count() == before_list - expected_shown(fc)["azerbaijan"]
        marks = [m["side"] for p in page.js("incidentMap.places()") for m in p["marks"]]  # type: ignore[union-attr]
        assert "azerbaijan" not in marks and marks
        assert all(page.js("Object.values(incidentMap.layers).map(l => incidentMap.map.hasLayer(l))")[1:])  # type: ignore[index]
    finally:
        box.click()
    page.wait_shown(expected_shown(fc))


def test_a_contested_incident_reads_as_a_pair(page: Page, built: tuple[Path, dict]) -> None:
    contested = [p for p in page.js("incidentMap.places()") if p["contested"]]  # type: ignore[union-attr]
    assert contested, "the sample has a claim and its denial (Shusha)"
    for p in contested:
        assert p["links"] >= 1
        assert {m["denied"] for m in p["marks"]} == {True, False}


def test_every_popup_opens_and_no_article_script_runs(page: Page, built: tuple[Path, dict]) -> None:
    hostile = [f for f in built[1]["features"] if f["properties"]["article"] == "hostile.txt"]
    assert hostile, "the hostile article gave no claim to show"
    texts = page.js("""() => { const out = [];
        for (const i of incidentMap.popupPlaces()) { incidentMap.openPlace(i);
          out.push(document.querySelector('.leaflet-popup-content').innerText); }
        incidentMap.map.closePopup(); return out; }""")
    marks = page.js("incidentMap.places()")
    regions = {f["properties"]["place_id"] for f in built[1]["features"] if f["properties"]["geo_precision"] == 3}
    assert len(texts) == len(marks) + len(regions) > 0  # type: ignore[arg-type]  # marks and region areas
    for p in marks:  # type: ignore[union-attr]
        assert any(t.startswith(p["name"]) for t in texts), p["name"]  # type: ignore[union-attr]
    assert sum("(region)" in t for t in texts) == len(regions)  # type: ignore[union-attr]
    evidences = {f["properties"]["evidence"] for f in built[1]["features"]}
    joined = "\n".join(texts)  # type: ignore[arg-type]
    assert all(e in joined for e in evidences)
    assert page.js("window.__pwned") is None
    assert "pwned" not in page.js("document.title")  # type: ignore[operator]
    assert page.js("document.querySelectorAll('img[src=\"x\"], [onerror]').length") == 0
    # Article text sits only in the JSON blob, never in a script that runs.
    assert (
        page.js(
            "[...document.scripts].filter(s => s.type !== 'application/json' && s.textContent.includes('pwned')).length"
        )
        == 0
    )
    assert page.errors == []


def test_hostile_title_shows_as_text(page: Page, built: tuple[Path, dict]) -> None:
    hostile = next(f for f in built[1]["features"] if f["properties"]["article"] == "hostile.txt")
    lon, lat = hostile["geometry"]["coordinates"]
    index = next(p["index"] for p in page.js("incidentMap.places()") if (p["lat"], p["lng"]) == (lat, lon))  # type: ignore[union-attr]
    page.js("(i) => incidentMap.openPlace(i)", index)
    assert "<script>window.__pwned=1</script>" in page.page.locator(".leaflet-popup-content").inner_text()
    page.js("incidentMap.map.closePopup()")
    assert page.js("window.__pwned") is None


def test_popups_name_the_accused_by_their_forces(synthetic: Page) -> None:
    synthetic.js("incidentMap.openPlace(incidentMap.places().find(p => p.name === 'Tartar').index)")
    text = synthetic.page.locator(".leaflet-popup-content").inner_text()
    assert "Accused\tArmenian forces" in text or "Accused\nArmenian forces" in text
    assert "Accused\tAzerbaijani forces" in text or "Accused\nAzerbaijani forces" in text  # the denial's
    assert "Blamed on" not in text and "Armenian and Nagorno-Karabakh sources" in text  # the claimant side stays
    synthetic.js("incidentMap.map.closePopup()")


def test_event_type_filter_moves_marks_list_and_counts(synthetic: Page) -> None:
    before = synthetic.shown()
    synthetic.js("incidentMap.home()")
    synthetic.settle()
    listed = synthetic.list_count()
    box = synthetic.page.locator("#mapper-filters label", has_text="missile strike").locator("input")
    box.click()
    try:
        synthetic.wait_shown({**before, "azerbaijan": before["azerbaijan"] - 1})
        synthetic.settle()
        assert synthetic.list_count() == listed - 1
        assert synthetic.summary_count() == sum(before.values()) - 1
        assert "1 of 2" not in synthetic.page.locator("#mapper-filters").inner_text()  # missile strike: 0 of 1
        assert "0 of 1" in synthetic.page.locator("#mapper-filters").inner_text()
    finally:
        box.click()
    synthetic.wait_shown(before)


def test_timeline_brush_filters_marks_list_and_counts(synthetic: Page) -> None:
    before = synthetic.shown()
    assert before == {"azerbaijan": 3, "armenia": 2, "third_party": 3}  # the aggregated feature counts 3
    synthetic.js("incidentMap.home()")
    chart = synthetic.page.locator(".mapper-tl-chart").bounding_box()
    days = synthetic.js("[incidentMap.state.from, incidentMap.state.to]")
    n = days[1] - days[0] + 1  # type: ignore[index]
    # Drag from the first day (2020-10-04) to 2020-10-20.
    x0 = chart["x"] + chart["width"] * 0.5 / n  # type: ignore[index]
    x1 = chart["x"] + chart["width"] * (16.5) / n  # type: ignore[index]
    y = chart["y"] + chart["height"] / 2  # type: ignore[index]
    synthetic.page.mouse.move(x0, y)
    synthetic.page.mouse.down()
    synthetic.page.mouse.move(x1, y, steps=4)
    synthetic.page.mouse.up()
    try:
        # Left: 2020-10-04 (the claim and its denial), 2020-10-20 (3 aggregated) and the undated capture.
        synthetic.wait_shown({"azerbaijan": 2, "armenia": 1, "third_party": 3})
        synthetic.settle()
        assert synthetic.page.locator(".mapper-tl-range").inner_text().startswith("2020-10-04 to 2020-10-20")
        assert synthetic.summary_count() == 6
        assert synthetic.list_count() == 6
        assert synthetic.js("incidentMap.regions()") == 0  # the region claim of 2020-11-02 is gone too
        synthetic.page.locator("#mapper-timeline input[name=undated]").click()
        synthetic.wait_shown({"azerbaijan": 1, "armenia": 1, "third_party": 3})
        synthetic.page.locator("#mapper-timeline input[name=undated]").click()
    finally:
        synthetic.page.locator(".mapper-all").click()
    synthetic.wait_shown(before)
    assert synthetic.summary_count() == 8


def test_the_timeline_answers_the_keyboard(synthetic: Page) -> None:
    chart = synthetic.page.locator(".mapper-tl-chart")
    chart.focus()
    first = synthetic.js("incidentMap.state.from")
    chart.press("ArrowRight")  # all dates -> the first day alone
    synthetic.page.wait_for_function("(d) => incidentMap.state.to === d", arg=first)
    chart.press("Shift+ArrowRight")
    synthetic.page.wait_for_function("(d) => incidentMap.state.to === d + 1", arg=first)
    chart.press("ArrowRight")
    synthetic.page.wait_for_function("(d) => incidentMap.state.from === d + 1", arg=first)
    chart.press("Escape")
    synthetic.wait_shown({"azerbaijan": 3, "armenia": 2, "third_party": 3})


def test_undated_claims_are_counted_apart(synthetic: Page) -> None:
    assert synthetic.page.locator(".mapper-undated-count").inner_text() == "1"


def test_play_steps_through_the_days(synthetic: Page) -> None:
    synthetic.page.locator(".mapper-play").click()
    try:
        synthetic.page.wait_for_function("incidentMap.state.from === incidentMap.state.to")
        first = synthetic.js("incidentMap.state.from")
        synthetic.page.wait_for_function("(d) => incidentMap.state.from > d", arg=first, timeout=3_000)
        assert synthetic.js("incidentMap.state.from === incidentMap.state.to")
    finally:
        synthetic.page.locator(".mapper-play").click()  # pause
        synthetic.page.locator(".mapper-all").click()
    synthetic.wait_shown({"azerbaijan": 3, "armenia": 2, "third_party": 3})


def test_the_list_sorts_and_its_rows_open_popups(synthetic: Page) -> None:
    synthetic.js("incidentMap.home()")
    synthetic.settle()
    rows = synthetic.page.locator("#mapper-list tbody tr")
    assert rows.count() == 6 and synthetic.list_count() == 8  # six rows, one of them 3 aggregated claims
    dates = [rows.nth(i).locator("td").first.inner_text() for i in range(rows.count())]
    assert dates == sorted(dates)
    synthetic.page.locator("#mapper-list th button[data-sort=place]").click()
    places = [rows.nth(i).locator("td").nth(1).inner_text() for i in range(rows.count())]
    assert places == sorted(places, key=str.lower)
    synthetic.page.locator("#mapper-list th button[data-sort=place]").click()
    assert [rows.nth(i).locator("td").nth(1).inner_text() for i in range(rows.count())] == sorted(
        places, key=str.lower, reverse=True
    )
    row = rows.filter(has_text="Fuzuli")
    row.click()
    popup = synthetic.page.locator(".leaflet-popup-content")
    assert "Fuzuli / Varanda" in popup.inner_text() and "capture" in popup.inner_text().lower()
    synthetic.js("incidentMap.map.closePopup()")
    toggle = synthetic.page.locator(".mapper-list-toggle")
    toggle.click()
    assert not synthetic.page.locator("#mapper-list-body").is_visible()
    toggle.click()
    assert synthetic.page.locator("#mapper-list-body").is_visible()


def test_the_list_holds_only_the_claims_in_view(synthetic: Page) -> None:
    synthetic.view(39.5, 47.0, 12)  # Fuzuli only
    synthetic.page.wait_for_function("document.querySelector('.mapper-list-count').textContent === '(1)'")
    synthetic.js("incidentMap.home()")


def test_a_region_level_claim_is_a_muted_area_not_a_town_mark(synthetic: Page) -> None:
    assert synthetic.js("incidentMap.regions()") == 1
    marks = synthetic.js("incidentMap.places()")
    # No mark stands for the region: the only mark near Stepanakert is the town's own (third party).
    near = [p for p in marks if abs(p["lat"] - 39.82) < 0.01 and abs(p["lng"] - 46.75) < 0.01]  # type: ignore[index,union-attr]
    assert [m["side"] for p in near for m in p["marks"]] == ["third_party"]
    synthetic.view(39.82, 46.75, 9)
    labels = {lb["text"]: lb for lb in synthetic.visible_labels()}
    region = labels["Nagorno-Karabakh (region, 1 claim)"]
    town = labels["Stepanakert / Khankendi"]
    assert "mapper-label-region" in region["kind"]
    assert abs(region["y"] - town["y"]) > 20  # the region's name is not pinned to the town
    synthetic.js("incidentMap.home()")


def test_aggregated_features_say_so(synthetic: Page) -> None:
    assert "Aggregated" in synthetic.page.locator("#mapper-title").inner_text()
    synthetic.js("incidentMap.openPlace(incidentMap.places().find(p => p.name.startsWith('Stepanakert')).index)")
    assert "3 (aggregated" in synthetic.page.locator(".leaflet-popup-content").inner_text()
    synthetic.js("incidentMap.map.closePopup()")
    assert synthetic.errors == []


def test_no_page_error_after_every_interaction(page: Page, synthetic: Page) -> None:
    """Runs last in this module: zooming through every level and all the filters above left no error."""
    for z in range(5, 14):
        page.view(40.0, 46.9, z)
    page.js("incidentMap.home()")
    assert page.errors == [] and synthetic.errors == []
