"""A small web site on 127.0.0.1 for the fetching tests: articles, feeds, and every way a fetch fails.

All page text is invented for these tests.  The server records every request (path and
headers), so tests can check what the client sent.
"""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler


def page(title: str, date: str, paragraphs: list[str], *, canonical: str = "", extra_head: str = "") -> bytes:
    """An article page wrapped in the clutter of a real news site: navigation, scripts, sidebar, footer."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | Example Wire</title>{link}
<meta property="og:site_name" content="Example Wire">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{date}T09:30:00+04:00">
<script>window.trackingScript = "SCRIPT-TEXT-NEVER-IN-ARTICLES";</script>
{extra_head}
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">NAVIGATION-MENU World</a> <a href="/sport">Sport</a></nav></header>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/x">SIDEBAR-TEXT football results</a></li></ul></aside>
<main><article>
<h1>{title}</h1>
{body}
</article></main>
<footer><p>FOOTER-TEXT Copyright Example Wire. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>
""".encode()


ARTICLE = page(
    "Shelling reported near Tartar overnight",
    "2020-10-14",
    [
        "Azerbaijan's Defence Ministry said on Wednesday that Armenian forces shelled the city of Tartar "
        "overnight, damaging several houses.",
        "The ministry said two civilians were wounded in the shelling and taken to hospital.",
        "Officials in Yerevan did not comment on the report when asked on Wednesday morning.",
        "International observers called on both sides to respect the ceasefire agreed last week.",
    ],
    canonical="/article.html",
)
SECOND = page(
    "Drone strike reported in Aghdam district",
    "2020-10-15",
    [
        "Armenia's Defence Ministry said on Thursday that an Azerbaijani drone struck a village in the "
        "Aghdam district, destroying a supply truck.",
        "The ministry said the strike caused no casualties among its servicemen.",
        "Observers said they could not confirm the account independently on Thursday afternoon.",
    ],
)
THIRD = page(
    "Artillery fire reported near Fuzuli",
    "2020-10-16",
    [
        "Azerbaijan's Defence Ministry said on Friday that Armenian artillery shelled positions near Fuzuli "
        "during the night.",
        "The ministry said its units returned fire and that the situation along the front remained tense.",
        "No independent confirmation of the report was available on Friday.",
    ],
)
AMP_ARTICLE = ARTICLE.replace(b'<html lang="en">', b'<html amp lang="en">')  # an AMP copy: same text
INDEX = b"""<!DOCTYPE html><html><head><title>Example Wire: front page</title>
<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head>
<body><nav><a href="/article.html">Shelling reported</a> <a href="/second.html">Drone strike</a></nav></body></html>"""


def rss(items: list[tuple[str, str, str, str]]) -> bytes:
    """An RSS 2.0 feed of (title, link, guid, RFC 822 date) items; an empty link leaves <link> out."""
    parts = []
    for title, link, guid, date in items:
        parts.append(
            "<item>"
            + f"<title>{title}</title>"
            + (f"<link>{link}</link>" if link else "")
            + (f'<guid isPermaLink="false">{guid}</guid>' if guid else "")
            + (f"<pubDate>{date}</pubDate>" if date else "")
            + "<description>An invented summary.</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Example Wire</title>'
        "<link>/</link><description>Invented news for tests</description>" + "".join(parts) + "</channel></rss>"
    ).encode()


FEED_ITEMS = [
    ("Drone strike reported in Aghdam district", "/second.html", "ew-2", "Thu, 15 Oct 2020 09:30:00 +0000"),
    ("Shelling reported near Tartar overnight", "/article.html?utm_source=rss", "ew-1",
     "Wed, 14 Oct 2020 09:30:00 +0000"),
]  # fmt: skip


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0  # seconds before answering
    trickle: float = 0.0  # seconds between bytes of the body (a slow-loris server)
    then: Route | None = None  # the answer from the second request on
    handler: Callable[[BaseHTTPRequestHandler], None] | None = None


@dataclass
class Site:
    """The running server: ``url(path)``, its ``routes`` (change them freely) and ``requests`` seen."""

    port: int
    routes: dict[str, Route]
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    hits: dict[str, int] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests]


class Handler(BaseHTTPRequestHandler):
    server_version = "TestSite/1.0"
    site: Site

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 - the http.server interface
        site = self.server.site  # type: ignore[attr-defined]
        site.requests.append((self.path, dict(self.headers.items())))
        path = self.path
        route = site.routes.get(path) or site.routes.get(path.split("?")[0])
        n = site.hits[path] = site.hits.get(path, 0) + 1
        if route is None:
            route = Route(404, b"<html><body>Not found</body></html>")
        elif n > 1 and route.then is not None:
            route = route.then
        try:
            if route.handler:
                route.handler(self)
                return
            if route.delay:
                time.sleep(route.delay)
            self.send_response(route.status)
            headers = dict(route.headers)
            headers.setdefault("Content-Length", str(len(route.body)))
            for k, v in headers.items():
                self.send_header(k, v)
            self.end_headers()
            if route.trickle:
                for i in range(len(route.body)):
                    self.wfile.write(route.body[i : i + 1])
                    self.wfile.flush()
                    time.sleep(route.trickle)
            else:
                self.wfile.write(route.body)
        except (BrokenPipeError, ConnectionResetError):
            pass


def default_routes() -> dict[str, Route]:
    feed_headers = {"Content-Type": "application/rss+xml; charset=utf-8"}
    return {
        "/robots.txt": Route(body=b"User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"}),
        "/article.html": Route(body=ARTICLE),
        "/amp/article.html": Route(body=AMP_ARTICLE),
        "/story": Route(body=ARTICLE),  # /story?id=7: another address whose canonical link is /article.html
        "/copy.html": Route(body=ARTICLE.replace(b'<link rel="canonical" href="/article.html">', b"")),
        "/second.html": Route(body=SECOND),
        "/third.html": Route(body=THIRD),
        "/index.html": Route(body=INDEX),
        "/private/secret.html": Route(body=THIRD),
        "/photo.png": Route(body=b"\x89PNG\r\n\x1a\n" + bytes(2000), headers={"Content-Type": "image/png"}),
        "/feed.xml": Route(body=rss(FEED_ITEMS), headers=feed_headers),
        "/slow.html": Route(body=ARTICLE, delay=3.0),
        "/trickle.html": Route(body=ARTICLE, trickle=0.05),
        "/loop-a": Route(302, headers={"Location": "/loop-b"}),
        "/loop-b": Route(302, headers={"Location": "/loop-a"}),
        "/moved": Route(301, headers={"Location": "/article.html"}),
        "/to-ftp": Route(302, headers={"Location": "ftp://127.0.0.1/article.txt"}),
        "/gzip-bomb.html": Route(
            body=gzip.compress(b"<html><body><p>" + b"a" * (3 * 2**20) + b"</p></body></html>"),
            headers={"Content-Type": "text/html", "Content-Encoding": "gzip"},
        ),
    }
