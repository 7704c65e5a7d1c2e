"""map.html in a real browser (headless Debian Chromium through playwright), with the network refused.

Skipped when /usr/bin/chromium or playwright is missing.  Markers are drawn on a canvas, so they are
counted through Leaflet's own layers (``window.incidentMap``), not through DOM nodes.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
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

    def counts(self) -> dict[str, int]:
        return self.js(
            "Object.fromEntries(Object.entries(incidentMap.layers).map(([k, l]) => [k, l.getLayers().length]))"
        )  # type: ignore[return-value]

    def wait_counts(self, expected: dict[str, int]) -> None:
        """Filters apply on the next animation frame: wait for the counts to become *expected*."""
        self.page.wait_for_function(
            "(want) => Object.entries(want).every(([k, n]) => incidentMap.layers[k].getLayers().length === n)",
            arg=expected,
            timeout=5_000,
        )

    def on_map(self) -> dict[str, bool]:
        return self.js(
            "Object.fromEntries(Object.entries(incidentMap.layers).map(([k, l]) => [k, incidentMap.map.hasLayer(l)]))"
        )  # type: ignore[return-value]

    def popup_text(self, side: str, index: int) -> str:
        self.js("([s, i]) => incidentMap.openPopup(incidentMap.markers[s][i])", [side, index])
        return self.page.locator(".leaflet-popup-content").inner_text()

    def close(self) -> None:
        self.page.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """A map built by the real pipeline from the sample article and a hostile one."""
    from mapper.pipeline import build

    base = tmp_path_factory.mktemp("browser")
    seeds = base / "seeds"
    seeds.mkdir()
    shutil.copy(SAMPLE, seeds / SAMPLE.name)
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


@pytest.fixture(scope="module")
def synthetic(browser: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    """A hand-made map with dates, a contested incident and several claims at one place."""
    from test_render import fc_of, feature

    from mapper.render import render_map
    from mapper.sides import load_profile

    out = tmp_path_factory.mktemp("synthetic")
    feats = [
        feature(),  # Tartar, shelling, claimed by Azerbaijan, 2020-10-04
        feature(
            claim_id="c3",
            status="denied",
            denies_claim_id="c1",
            side="armenia",
            claimant="the Armenian MoD",
            side_label="Armenian and Nagorno-Karabakh sources",
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
            place="Stepanakert",
            side="armenia",
            geo_precision=3,
        ),
        feature(
            claim_id="c7", incident_id="inc-7", event_type="capture", event_date="", lon=47.0, lat=39.5, place="Fuzuli"
        ),
    ]
    (out / "map.html").write_bytes(render_map(fc_of(*feats), load_profile(), n_articles=1, out=out))
    p = Page(browser, out / "map.html")
    yield p
    p.close()


def test_opens_offline_without_errors(page: Page) -> None:
    assert page.errors == []
    # The only remote requests are map tiles (refused here), never a script or stylesheet.
    assert all("tile.openstreetmap.org" in url for url in page.remote), page.remote
    page.page.wait_for_function("document.querySelector('.folium-map').classList.contains('mapper-offline')")
    assert page.page.locator("path.mapper-country").count() > 5  # the Natural Earth background


def test_markers_per_side_match_the_geojson(page: Page, built: tuple[Path, dict]) -> None:
    expected = Counter(f["properties"]["side"] for f in built[1]["features"])
    counts = page.counts()
    assert {k: v for k, v in counts.items() if v} == dict(expected)
    assert sum(counts.values()) == len(built[1]["features"])


def test_unticking_a_side_hides_exactly_its_markers(page: Page, built: tuple[Path, dict]) -> None:
    from mapper.sides import load_profile

    label = load_profile().side("azerbaijan").label
    box = page.page.locator(".leaflet-control-layers-overlays label", has_text=label).locator("input")
    box.click()
    try:
        shown = page.on_map()
        assert shown.pop("azerbaijan") is False
        assert all(shown.values())
        assert page.js("incidentMap.map.hasLayer(incidentMap.zoneLayers.azerbaijan)") is False
    finally:
        box.click()
    assert all(page.on_map().values())


def test_a_popup_shows_the_evidence(page: Page, built: tuple[Path, dict]) -> None:
    evidences = {f["properties"]["evidence"] for f in built[1]["features"]}
    claim = page.js("incidentMap.claimOf(incidentMap.markers.azerbaijan[0])")
    assert claim["evidence"] in evidences  # type: ignore[index]
    text = page.popup_text("azerbaijan", 0)
    assert claim["evidence"] in text  # type: ignore[index]
    assert "Azerbaijani sources" in text and "claimed" in text.lower()


def test_hostile_article_leaves_no_trace_of_execution(page: Page, built: tuple[Path, dict]) -> None:
    hostile = [f for f in built[1]["features"] if f["properties"]["article"] == "hostile.txt"]
    assert hostile, "the hostile article gave no claim to show"
    # Open every popup: none may run a script.
    opened = page.js("""() => { let n = 0;
        for (const ms of Object.values(incidentMap.markers)) {
          for (const m of ms) { incidentMap.openPopup(m); n += 1; } }
        return n; }""")
    assert opened == len(built[1]["features"])
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
    sides = [
        (f["properties"]["side"], f["properties"]["claim_id"])
        for f in built[1]["features"]
        if f["properties"]["article"] == "hostile.txt"
    ]
    side = sides[0][0]
    for i in range(page.counts()[side]):
        claim = page.js("([s, i]) => incidentMap.claimOf(incidentMap.markers[s][i])", [side, i])
        if "pwned" in claim["title"]:  # type: ignore[index]
            text = page.popup_text(side, i)
            assert "<script>window.__pwned=1</script>" in text  # shown, not run
            break
    else:
        pytest.fail("no marker of the hostile article")
    assert page.js("window.__pwned") is None


def test_event_type_filter(synthetic: Page) -> None:
    before = synthetic.counts()
    box = synthetic.page.locator("#mapper-filters label", has_text="missile strike").locator("input")
    box.click()
    try:
        synthetic.wait_counts({**before, "azerbaijan": before["azerbaijan"] - 1})
    finally:
        box.click()
    synthetic.wait_counts(before)


def test_time_slider_filters_by_event_date(synthetic: Page) -> None:
    before = synthetic.counts()
    assert before == {"azerbaijan": 3, "armenia": 2, "third_party": 0}
    slider = synthetic.page.locator("#mapper-filters input[name=to]")
    lo = slider.get_attribute("min")
    synthetic.js(
        "(v) => { const s = document.querySelector('#mapper-filters input[name=to]');"
        " s.value = v; s.dispatchEvent(new Event('change')); }",
        lo,
    )
    # Left: 2020-10-04 (the claim and its denial) and the undated capture.
    synthetic.wait_counts({"azerbaijan": 2, "armenia": 1, "third_party": 0})
    assert synthetic.page.locator("#mapper-filters output[name=to]").inner_text() == "2020-10-04"
    synthetic.page.locator("#mapper-filters input[name=undated]").click()
    synthetic.wait_counts({"azerbaijan": 1, "armenia": 1, "third_party": 0})
    synthetic.page.locator("#mapper-filters input[name=undated]").click()
    synthetic.js(
        "(v) => { const s = document.querySelector('#mapper-filters input[name=to]');"
        " s.value = v; s.dispatchEvent(new Event('change')); }",
        slider.get_attribute("max"),
    )
    synthetic.wait_counts(before)
    assert "Showing 5 of 5 claims" in synthetic.page.locator("#mapper-filters").inner_text()


def test_claims_at_one_place_share_a_popup_and_contested_sits_side_by_side(synthetic: Page) -> None:
    text = synthetic.popup_text("azerbaijan", 0)  # Tartar: a contested shelling and a missile strike
    assert "3 claims at this place (2 incidents)" in text
    assert "A missile hit Tartar on 25 October." in text
    assert "The Armenian MoD denied it." in text
    cols = synthetic.page.locator(".leaflet-popup-content .mapper-contested .mapper-col")
    assert cols.count() == 2
    assert cols.nth(0).inner_text().startswith("CLAIMED") or "Claimed" in cols.nth(0).inner_text()
    boxes = [cols.nth(i).bounding_box() for i in range(2)]
    assert boxes[0]["x"] < boxes[1]["x"] and abs(boxes[0]["y"] - boxes[1]["y"]) < 2  # type: ignore[index]


def test_vague_places_get_an_uncertainty_circle(synthetic: Page) -> None:
    assert synthetic.js("incidentMap.zones('armenia')") == [40]
    assert synthetic.js("incidentMap.zones('azerbaijan')") == []
    # Drawn: a 40 km circle is about 190 px across at zoom 8.
    size = synthetic.js("""() => { const z = incidentMap.zoneLayers.armenia.getLayers()[0];
        incidentMap.map.setView(z.getLatLng(), 8, {animate: false}); return z._zonePx; }""")
    assert 80 < size < 110
