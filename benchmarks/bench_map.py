"""How fast map.html is built and opened at 1,000, 10,000 and 50,000 synthetic claims.

    .venv/bin/python benchmarks/bench_map.py [--sizes 1000 10000 50000] [--keep DIR]

Claims are random but seeded, inside the South Caucasus: several per place, several per article and
per sentence, every side and event type, some denied, some undated, some district- or region-level,
as the pipeline would export them.  Prints the build time of ``render_map`` (cold: a new output
folder; warm: assets already there), the size of map.html and of map_files/, and, when Debian
chromium and playwright are installed, the time from navigation start until the page sets
``window.incidentMapReady`` (marks, clusters, labels, timeline and list drawn) and until two frames later
(the first paint done), with the network refused; and how long one filter change takes (a side unticked:
marks, clusters, labels, timeline, list and counts recomputed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mapper.render import EVENT_SHAPES, render_map  # noqa: E402
from mapper.sides import Profile, load_profile  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
BBOX = (44.0, 38.4, 49.5, 41.5)  # lon/lat of the war's theatre and its rear
WORDS = ["forces", "shelled", "near", "the", "village", "said", "ministry", "civilians", "killed", "drones"]
WORDS += ["wounded", "artillery", "destroyed", "struck", "convoy", "road", "overnight", "positions", "and", "a"]


def synthetic_fc(n: int, profile: Profile, *, seed: int = 6) -> dict:
    rnd = random.Random(seed)
    sides = profile.sides
    types = list(EVENT_SHAPES)
    n_places = max(10, n // 8)
    places = [
        (round(rnd.uniform(BBOX[0], BBOX[2]), 5), round(rnd.uniform(BBOX[1], BBOX[3]), 5), f"Place {i}")
        for i in range(n_places)
    ]
    start = dt.date(2020, 9, 27)
    feats = []
    sentence = ""
    for i in range(n):
        art = i // 10
        if i % 2 == 0:
            sentence = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(18, 30))).capitalize() + "."
        lon, lat, place = rnd.choice(places)
        side = sides[rnd.randrange(len(sides))]
        denied = rnd.random() < 0.08
        date = "" if rnd.random() < 0.1 else (start + dt.timedelta(days=rnd.randrange(45))).isoformat()
        feats.append(
            {
                "type": "Feature",
                "id": f"c{i}",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "article": f"{art:06d}_article.txt",
                    "article_title": f"War report number {art}",
                    "published": (start + dt.timedelta(days=art % 45)).isoformat(),
                    "source_url": f"https://news.example.org/{art}",
                    "claim_id": f"c{i}",
                    "incident_id": f"inc-{i - 1 if denied and i else i}",
                    "place": place,
                    "place_as_written": place.upper(),
                    "place_id": f"p{place}",
                    "geonameid": None,
                    "country_code": "AZ",
                    "geo_precision": rnd.choices((1, 2, 3), (75, 18, 7))[0],
                    "place_kind": "town",
                    "event_type": rnd.choice(types),
                    "event_date": date,
                    "time_precision": 1,
                    "claimant": f"the {side.label} spokesperson",
                    "side": side.id,
                    "side_label": side.label,
                    "perpetrator_side": rnd.choice(sides).id,
                    "status": "denied" if denied else "claimed",
                    "denies_claim_id": f"c{i - 1}" if denied else "",
                    "fatalities": rnd.choice((None, None, None, 1, 2, 5)),
                    "wounded": None,
                    "evidence": sentence,
                    "sentence_index": i % 30,
                    "resolution": "synthetic",
                },
            }
        )
    return {"type": "FeatureCollection", "features": feats}


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


FILTER_JS = """() => { const t = performance.now(); incidentMap.state.sides[0] = false; incidentMap.apply();
  const d = performance.now() - t; incidentMap.state.sides[0] = true; incidentMap.apply(); return d; }"""


def time_to_interactive(page_path: Path, runs: int = 3) -> tuple[float, float, float] | None:
    """Seconds to window.incidentMapReady, to two frames later, and for one filter change (best of *runs*)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not CHROMIUM.exists():
        return None
    best = None
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.route("**/*", lambda r: r.abort() if r.request.url.startswith(("http:", "https:")) else r.continue_())
            errors: list[str] = []
            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
            page.goto(page_path.as_uri())
            page.wait_for_function("window.incidentMapReady === true", timeout=60_000)
            if errors:
                raise RuntimeError(f"page errors: {errors}")
            settled = page.evaluate(
                "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))"
            )
            seconds = (
                page.evaluate("window.incidentMapReadyAt") / 1000,
                settled / 1000,
                page.evaluate(FILTER_JS) / 1000,
            )
            best = seconds if best is None else tuple(min(a, b) for a, b in zip(best, seconds, strict=True))
            page.close()
        browser.close()
    return best


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    ap.add_argument("--keep", type=Path, help="keep the maps in this folder (one subfolder per size)")
    args = ap.parse_args(argv)
    profile = load_profile()
    print(
        f"{'claims':>8} {'cold s':>7} {'warm s':>7} {'map.html MB':>12} {'map_files MB':>13} "
        f"{'ready s':>8} {'settled s':>10} {'filter s':>9}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        for n in args.sizes:
            fc = synthetic_fc(n, profile)
            out = base / f"map-{n}"
            out.mkdir(parents=True, exist_ok=True)
            t0 = time.perf_counter()
            render_map(fc, profile, n_articles=n // 10, out=out)
            cold = time.perf_counter() - t0
            t0 = time.perf_counter()
            page = render_map(fc, profile, n_articles=n // 10, out=out)
            warm = time.perf_counter() - t0
            (out / "map.html").write_bytes(page)
            tti = time_to_interactive(out / "map.html")
            tti_text = f"{tti[0]:8.2f} {tti[1]:10.2f} {tti[2]:9.2f}" if tti is not None else f"{'(no chromium)':>29}"
            print(
                f"{n:>8} {cold:7.2f} {warm:7.2f} {len(page) / 1e6:12.2f} "
                f"{folder_size(out / 'map_files') / 1e6:13.2f} {tti_text}",
                flush=True,
            )


if __name__ == "__main__":
    main()
