"""Regenerate the README's screenshots.

    python docs/screenshots.py [--seeds seeds] [--out output] [--to docs]

Builds ``seeds/`` into ``output/`` exactly as ``mapper build`` does, opens the map in headless Debian
Chromium with the network refused (what a reader sees without internet) and writes ``docs/map-initial.png``
(the first view) and ``docs/map-contested-popup.png`` (the popup of a contested incident).  The sample
article states no event dates, so ``docs/map-timeline.png`` (a range of days brushed on the timeline) comes
from a second build, in a temporary folder, of ``seeds/`` plus the two invented example articles in
``docs/examples/``.  Needs playwright and /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-sync"]


def _open(browser, map_html: Path):  # noqa: ANN001, ANN202 (playwright objects)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.route("**/*", lambda r: r.abort() if r.request.url.startswith(("http:", "https:")) else r.continue_())
    page.goto(map_html.as_uri())
    page.wait_for_function("window.incidentMapReady === true")
    page.wait_for_timeout(600)
    return page


def _brush_middle_third(page) -> bool:  # noqa: ANN001
    days = page.evaluate("JSON.parse(document.getElementById('mapper-data').textContent).days")
    if not days:
        return False
    box = page.locator(".mapper-tl-chart").bounding_box()
    n = days[1] - days[0] + 1
    x0 = box["x"] + box["width"] * (n // 3 + 0.5) / n
    x1 = box["x"] + box["width"] * (2 * n // 3 + 0.5) / n
    y = box["y"] + box["height"] / 2
    page.mouse.move(x0, y)
    page.mouse.down()
    page.mouse.move(x1, y, steps=5)
    page.mouse.up()
    page.wait_for_timeout(600)
    return True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    ap.add_argument("--out", type=Path, default=ROOT / "output")
    ap.add_argument("--to", type=Path, default=ROOT / "docs")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright

    from mapper.pipeline import build

    build(args.seeds, args.out)
    args.to.mkdir(parents=True, exist_ok=True)
    wrote = []
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        page = _open(browser, args.out / "map.html")
        page.screenshot(path=str(args.to / "map-initial.png"))
        wrote.append("map-initial.png")
        contested = page.evaluate("incidentMap.places().filter(p => p.contested).map(p => p.index)")
        if contested:
            # Close enough to see the claim and its denial joined on the map under the popup.
            page.evaluate(
                """(i) => { const p = incidentMap.places().find(q => q.index === i);
                  incidentMap.map.setView([p.lat, p.lng], 11, {animate: false}); incidentMap.openPlace(i); }""",
                contested[0],
            )
            page.wait_for_timeout(600)
            page.screenshot(path=str(args.to / "map-contested-popup.png"))
            wrote.append("map-contested-popup.png")
        else:
            print("no contested incident in these seeds: map-contested-popup.png not written", file=sys.stderr)
        page.close()

        seeds = Path(tmp) / "seeds"
        shutil.copytree(args.seeds, seeds)
        for example in sorted((ROOT / "docs" / "examples").glob("*.txt")):
            shutil.copy(example, seeds / example.name)
        build(seeds, Path(tmp) / "out")
        page = _open(browser, Path(tmp) / "out" / "map.html")
        if _brush_middle_third(page):
            page.screenshot(path=str(args.to / "map-timeline.png"))
            wrote.append("map-timeline.png")
        browser.close()
    for name in wrote:
        print(f"wrote {args.to / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
