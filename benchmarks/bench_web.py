"""How long adding articles from a feed takes, apart from the network: a feed of N invented articles
served on 127.0.0.1, added with no per-host delay (the polite default of 1 s would dominate: N pages
from one host take at least N seconds), then added again (nothing new).

    python benchmarks/bench_web.py [--items 50]

Prints seconds per article (fetch + extraction + saving), the cost of the second run, and the
requests each run made.  The map build that `mapper add` runs afterwards is measured by bench_build.py.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "web"))

from webpages import Handler, Route, Site, default_routes, page, rss  # noqa: E402

from mapper.web import WebClient, add_feeds  # noqa: E402

PLACES = ["Tartar", "Barda", "Aghdam", "Fuzuli", "Goranboy", "Jabrayil", "Martuni", "Hadrut"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=50)
    n = ap.parse_args().items

    routes = default_routes()
    items = []
    for i in range(n):
        place = PLACES[i % len(PLACES)]
        day = 1 + i % 28
        title = f"Shelling reported near {place}, report {i}"
        paragraphs = [
            f"Azerbaijan's Defence Ministry said on report day {i} that Armenian forces shelled {place} overnight.",
            f"The ministry said several houses were damaged in {place} and that {i % 5} civilians were wounded.",
            "Officials on the other side denied the account and said their units had not opened fire.",
        ] * 3
        routes[f"/news/{i}.html"] = Route(body=page(title, f"2020-10-{day:02d}", paragraphs))
        items.append((title, f"/news/{i}.html", f"bench-{i}", f"Thu, {day:02d} Oct 2020 09:30:00 +0000"))
    routes["/feed.xml"] = Route(body=rss(items), headers={"Content-Type": "application/rss+xml"})

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site = Site(port=server.server_address[1], routes=routes)
    server.site = site  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            seeds, out = Path(tmp) / "seeds", Path(tmp) / "output"
            with WebClient(delay=0) as client:
                t0 = time.perf_counter()
                first = add_feeds([site.url("/feed.xml")], seeds, out, client=client)
                t1 = time.perf_counter()
            requests_first = len(site.requests)
            with WebClient(delay=0) as client:
                t2 = time.perf_counter()
                second = add_feeds([site.url("/feed.xml")], seeds, out, client=client)
                t3 = time.perf_counter()
            print(f"feed of {n} items on 127.0.0.1, no per-host delay")
            print(
                f"  first run:  {len(first.added)} added, {len(first.failed)} failed in {t1 - t0:.2f} s "
                f"({(t1 - t0) / max(1, len(first.added)) * 1000:.0f} ms per article), "
                f"{requests_first} requests"
            )
            print(
                f"  second run: {len(second.added)} added, {len(second.duplicates)} already added in "
                f"{(t3 - t2) * 1000:.0f} ms, {len(site.requests) - requests_first} requests"
            )
            print(f"  with the default 1 s per-host delay the first run would take at least {n + 1} s")
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    main()
