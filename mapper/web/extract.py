"""From a fetched web page to a plain-text article for seeds/ (pure: no network, no files).

trafilatura finds the main text (navigation, scripts, sidebars and footers dropped) and
the metadata (title, publication date, outlet, author); we add the canonical link, and
write the article in the plain-text format that :mod:`mapper.articles` reads back::

    Title: Shelling reported near Tartar overnight
    Source: https://example.com/news/shelling-tartar
    Date: 2020-10-14
    Outlet: Example Wire

    Azerbaijan's Defence Ministry said on Wednesday that ...
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .errors import NotAnArticleError, NotHTMLError
from .urls import is_web_url, join_url

__all__ = [
    "WebArticle",
    "HTML_TYPES",
    "MIN_ARTICLE_CHARS",
    "check_html",
    "decode_html",
    "extract_article",
    "canonical_url",
    "article_text",
    "article_file_name",
    "text_digest",
    "slugify",
]

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_UNTYPED = frozenset({"", "application/octet-stream", "binary/octet-stream", "text/plain"})
_FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
)
#: Less main text than this is not an article: an index page, a video or gallery page, a paywall
#: teaser, a cookie wall.  The shortest news briefs we have seen run to about 300 characters (two
#: sentences and a dateline), so 200 keeps them.
MIN_ARTICLE_CHARS = 200
_SLUG_CHARS = 60
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class WebArticle:
    """An article found in a web page, ready to be written into seeds/."""

    url: str  # the address to cite: the page's canonical link, else where it was fetched from
    fetched_url: str  # where it was fetched from, after redirects
    title: str
    text: str  # paragraphs separated by blank lines
    published: str = ""  # ISO date, or "" when the page does not say
    outlet: str = ""
    author: str = ""


def check_html(url: str, content_type: str, body: bytes) -> None:
    """Raise NotHTMLError unless the answer is a web page (by its type, or by its first bytes if untyped)."""
    if content_type in HTML_TYPES:
        return
    head = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    looks_html = head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]
    if content_type in _UNTYPED and looks_html:
        return
    if content_type in _FEED_TYPES or head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head):
        raise NotHTMLError(url, f"not HTML but a feed ({content_type or 'XML'}); add it with 'mapper add --feed'")
    raise NotHTMLError(url, f"not HTML ({content_type or 'no content type'}); only web pages can be added")


def decode_html(body: bytes, charset: str | None = None) -> str:
    """The text of an HTML page: the header's charset, else its <meta charset>, else UTF-8, else a guess."""
    for candidate in (charset, *(m.decode("ascii", "ignore") for m in _META_CHARSET.findall(body[:4096])[:1])):
        if not candidate:
            continue
        try:
            return body.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(body).best()
        return str(best) if best is not None else body.decode("utf-8", errors="replace")


def canonical_url(html: str, base: str) -> str | None:
    """The page's ``<link rel="canonical">`` (else ``og:url``), made absolute, or None."""
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.document_fromstring(html[:2_000_000])
    except (ValueError, etree.ParserError):
        return None
    found = None
    for link in tree.iterfind(".//link[@rel][@href]"):
        if "canonical" in link.get("rel", "").lower().split():
            found = link.get("href")
            break
    if not found:
        for meta in tree.iterfind(".//meta[@property][@content]"):
            if meta.get("property", "").lower() == "og:url":
                found = meta.get("content")
                break
    if not found or not found.strip():
        return None
    url = join_url(base, found)
    if not is_web_url(url):
        return None
    # Some sites' templates point every page's canonical link at the home page; believing it
    # would make all their articles one.
    if urlsplit(url).path.strip("/") == "" and urlsplit(base).path.strip("/") != "":
        return None
    return url


def extract_article(body: bytes | str, url: str, *, charset: str | None = None, fallback_date: str = "") -> WebArticle:
    """The article in a web page (main text and metadata), or NotAnArticleError naming *url*."""
    import trafilatura

    html = body if isinstance(body, str) else decode_html(body, charset)
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    raw = (getattr(doc, "text", None) or "") if doc is not None else ""
    paragraphs = [" ".join(p.split()) for p in _CONTROL.sub("", raw).split("\n")]
    text = "\n\n".join(p for p in paragraphs if p)
    if len(text) < MIN_ARTICLE_CHARS:
        what = "no main text" if not text else f"only {len(text)} characters of main text"
        raise NotAnArticleError(
            url, f"not an article ({what}: an index, video or gallery page, or a paywall or consent page?)"
        )
    title = _one_line(getattr(doc, "title", None) or "") or _one_line(paragraphs[0])[:200]
    published = _iso(getattr(doc, "date", None) or "") or _iso(fallback_date)
    outlet = _one_line(getattr(doc, "sitename", None) or "") or _host(url)
    return WebArticle(
        url=canonical_url(html, url) or url,
        fetched_url=url,
        title=title,
        text=text,
        published=published,
        outlet=outlet,
        author=_one_line(getattr(doc, "author", None) or "")[:200],
    )


def article_text(a: WebArticle) -> str:
    """The file for seeds/: header lines (Title, Source, Date, Outlet, Author), a blank line, the text."""
    lines = [f"Title: {_one_line(a.title)}", f"Source: {a.url}"]
    if a.published:
        lines.append(f"Date: {a.published}")
    if a.outlet:
        lines.append(f"Outlet: {_one_line(a.outlet)}")
    if a.author:
        lines.append(f"Author: {_one_line(a.author)}")
    return "\n".join(lines) + "\n\n" + a.text.strip("\n") + "\n"


def slugify(text: str, *, limit: int = _SLUG_CHARS) -> str:
    """``"Shelling near Tərtər: 2 hurt"`` -> ``"shelling-near-terter-2-hurt"`` (any script, via unidecode)."""
    from unidecode import unidecode

    # unidecode writes the Azerbaijani schwa as "@"; apostrophes would split "Azerbaijan's".
    text = re.sub(r"['’ʼ`]", "", text.replace("ə", "e").replace("Ə", "E"))
    slug = re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-")
    if len(slug) > limit:
        cut = slug.rfind("-", 0, limit + 1)
        slug = slug[: cut if cut >= limit // 2 else limit].strip("-")
    return slug


def article_file_name(a: WebArticle) -> str:
    """``2020-10-14_shelling-reported-near-tartar-overnight.txt`` (``undated_...`` without a date)."""
    slug = slugify(a.title) or slugify(urlsplit(a.url).path.rsplit("/", 1)[-1].rsplit(".", 1)[0]) or "article"
    return f"{a.published or 'undated'}_{slug}.txt"


def text_digest(text: str) -> str:
    """A hash of the words of a text: the same article behind two addresses has the same digest."""
    words = re.findall(r"\w+", text.casefold())
    return hashlib.sha256(" ".join(words).encode()).hexdigest()


def _one_line(value: str) -> str:
    return " ".join(_CONTROL.sub("", str(value)).split())


def _iso(value: str) -> str:
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value or "")
    if not m:
        return ""
    from datetime import date

    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return ""


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return re.sub(r"^(?:www\d?|m|amp)\.", "", host)
