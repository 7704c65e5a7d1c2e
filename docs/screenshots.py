"""Regenerate the README's screenshots from what ``mapper build`` makes of ``seeds/``.

    python docs/screenshots.py [--seeds seeds] [--out output] [--to docs]

Builds the map (as ``mapper build`` does), opens it in headless Debian Chromium with the network
refused (the offline view a reader gets without internet), and writes three pictures into ``docs/``:
``map-initial.png`` (the first view), ``map-contested-popup.png`` (the popup of a contested incident)
and ``map-timeline.png`` (a range of days brushed on the timeline).  Needs playwright and /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-sync"]


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
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.route("**/*", lambda r: r.abort() if r.request.url.startswith(("http:", "https:")) else r.continue_())
        page.goto((args.out / "map.html").as_uri())
        page.wait_for_function("window.incidentMapReady === true")
        page.wait_for_timeout(600)
        page.screenshot(path=str(args.to / "map-initial.png"))
        contested = page.evaluate("incidentMap.places().filter(p => p.contested).map(p => p.index)")
        if contested:
            page.evaluate("(i) => incidentMap.openPlace(i)", contested[0])
            page.wait_for_timeout(600)
            page.screenshot(path=str(args.to / "map-contested-popup.png"))
            page.evaluate("incidentMap.map.closePopup(); incidentMap.home()")
        else:
            print("no contested incident in these seeds: map-contested-popup.png not written", file=sys.stderr)
        days = page.evaluate("JSON.parse(document.getElementById('mapper-data').textContent).days")
        if days:
            box = page.locator(".mapper-tl-chart").bounding_box()
            n = days[1] - days[0] + 1
            x0 = box["x"] + box["width"] * (n // 3) / n + 2
            x1 = box["x"] + box["width"] * (2 * n // 3 + 1) / n - 2
            y = box["y"] + box["height"] / 2
            page.mouse.move(x0, y)
            page.mouse.down()
            page.mouse.move(x1, y, steps=5)
            page.mouse.up()
            page.wait_for_timeout(600)
            page.screenshot(path=str(args.to / "map-timeline.png"))
        browser.close()
    for name in ("map-initial.png", "map-contested-popup.png", "map-timeline.png"):
        if (args.to / name).exists():
            print(f"wrote {args.to / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
