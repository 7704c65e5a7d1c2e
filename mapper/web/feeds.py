"""Reading RSS and Atom feeds with feedparser (pure: bytes in, items out, no network).

feedparser reads every RSS and Atom version, recovers from the malformed XML that real
feeds are full of, resolves relative links and parses the dozen date formats feeds use.
An item we cannot use (no link, a link that is not a web address) is reported as broken;
the other items go on.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date

from .errors import FeedError
from .urls import is_web_url, join_url

__all__ = ["Feed", "FeedItem", "parse_feed", "feed_links"]


@dataclass(frozen=True, slots=True)
class FeedItem:
    link: str  # absolute http(s) address of the article
    guid: str  # the item's id (GUID), or its link when it has none
    title: str = ""
    published: str = ""  # ISO date (UTC) from the item, or ""


@dataclass(frozen=True, slots=True)
class Feed:
    url: str
    title: str
    items: tuple[FeedItem, ...]  # in the feed's order
    broken: tuple[tuple[str, str], ...] = ()  # (which item, why it cannot be used)


def _iso(parsed: time.struct_time | None) -> str:
    if not parsed:
        return ""
    try:
        return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    except ValueError:
        return ""


def parse_feed(body: bytes, url: str, *, content_type: str = "") -> Feed:
    """The items of an RSS or Atom feed; FeedError (naming *url*) when it is not a feed at all."""
    import feedparser

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    d = feedparser.parse(body, response_headers=headers, sanitize_html=False)
    if not d.get("version") and not d.entries:
        head = body[:2048].lstrip().lower()
        if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
            links = feed_links(body.decode("utf-8", errors="replace"), url)
            hint = f"; it links to the feed {links[0]}" if links else ""
            raise FeedError(url, f"not a feed but a web page{hint}; add a page with 'mapper add URL'")
        problem = d.get("bozo_exception")
        why = f" ({str(problem)[:160]})" if problem else ""
        raise FeedError(url, f"not an RSS or Atom feed{why}")
    items: list[FeedItem] = []
    broken: list[tuple[str, str]] = []
    for n, e in enumerate(d.entries, 1):
        title = " ".join(str(e.get("title", "")).split())
        label = f"item {n}" + (f" {title[:80]!r}" if title else "")
        link = str(e.get("link") or "").strip()
        guid = str(e.get("id") or "").strip()
        if not link and is_web_url(guid):
            link = guid  # RSS: <guid isPermaLink="true"> is the link
        if not link:
            broken.append((label, "has no link"))
            continue
        link = join_url(url, link)
        if not is_web_url(link):
            broken.append((label, f"its link {link!r} is not an http(s) address"))
            continue
        published = _iso(e.get("published_parsed") or e.get("updated_parsed"))
        items.append(FeedItem(link=link, guid=guid or link, title=title, published=published))
    return Feed(url=url, title=" ".join(str(d.feed.get("title", "")).split()), items=tuple(items), broken=tuple(broken))


def feed_links(html: str, base: str) -> list[str]:
    """The feeds a web page announces (``<link rel="alternate" type="application/rss+xml">``)."""
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.document_fromstring(html[:2_000_000])
    except (ValueError, etree.ParserError):
        return []
    out = []
    for link in tree.iterfind(".//link[@rel][@href]"):
        kind = (link.get("type") or "").lower()
        if "alternate" in link.get("rel", "").lower().split() and kind in (
            "application/rss+xml",
            "application/atom+xml",
            "application/rdf+xml",
        ):
            url = join_url(base, link.get("href", ""))
            if is_web_url(url) and url not in out:
                out.append(url)
    return out
