"""The pure parts of mapper.web: addresses, pages -> articles, feeds -> items (no server needed)."""

from __future__ import annotations

import pytest
from webpages import ARTICLE, INDEX, SECOND, rss

from mapper.articles import parse_article
from mapper.web import BadURLError, FeedError, NotAnArticleError, NotHTMLError
from mapper.web.extract import (
    WebArticle,
    article_file_name,
    article_text,
    canonical_url,
    check_html,
    decode_html,
    extract_article,
    slugify,
    text_digest,
)
from mapper.web.feeds import feed_links, parse_feed
from mapper.web.urls import clean_url, page_key

# -- addresses ------------------------------------------------------------------------

CANONICAL = "https://example.com/news/2020/10/shelling-tartar"


@pytest.mark.parametrize(
    "copy",
    [
        CANONICAL,
        "http://example.com/news/2020/10/shelling-tartar",
        "https://www.example.com/news/2020/10/shelling-tartar/",
        "https://m.example.com/news/2020/10/shelling-tartar",
        "https://amp.example.com/news/2020/10/shelling-tartar",
        "https://example.com/news/2020/10/shelling-tartar?utm_source=twitter&utm_medium=social",
        "https://example.com/news/2020/10/shelling-tartar?fbclid=IwAR0abc#comments",
        "https://example.com/news/2020/10/shelling-tartar/amp",
        "https://example.com/amp/news/2020/10/shelling-tartar",
        "https://example.com/news/2020/10/shelling-tartar.amp",
        "https://example.com/news/2020/10/shelling-tartar?amp=1",
        "https://example.com/news/2020/10/shelling-tartar?outputType=amp",
        "https://www-example-com.cdn.ampproject.org/c/s/www.example.com/news/2020/10/shelling-tartar",
        "HTTPS://EXAMPLE.COM:443/news/2020/10/shelling-tartar",
    ],
)
def test_copies_of_one_page_share_a_key(copy: str) -> None:
    assert page_key(copy) == page_key(CANONICAL)


@pytest.mark.parametrize(
    "other",
    [
        "https://example.com/news/2020/10/shelling-barda",
        "https://example.org/news/2020/10/shelling-tartar",
        "https://example.com:8443/news/2020/10/shelling-tartar",
        "https://example.com/news/2020/10/shelling-tartar?page=2",
    ],
)
def test_different_pages_have_different_keys(other: str) -> None:
    assert page_key(other) != page_key(CANONICAL)


def test_article_selecting_parameters_are_kept_in_any_order() -> None:
    assert page_key("http://x.org/view?id=7&lang=en") == page_key("http://x.org/view?lang=en&id=7&utm_campaign=a")
    assert page_key("http://x.org/view?id=7") != page_key("http://x.org/view?id=8")


def test_clean_url_drops_only_tracking_and_fragment() -> None:
    assert clean_url("HTTP://Example.com:80/a/b?id=3&utm_source=x&gclid=9#top") == "http://example.com/a/b?id=3"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://example.com/a.txt", "not a web address (a ftp: address)"),
        ("javascript:alert(1)", "not a web address"),
        ("example.com/a.html", "no scheme"),
        ("http:///nohost", "no host name"),
        ("http://exa mple.com/", "contains spaces"),
        ("http://example.com:99999/", "not a well-formed web address"),
    ],
)
def test_bad_urls_say_what_is_wrong(url: str, reason: str) -> None:
    with pytest.raises(BadURLError) as info:
        clean_url(url)
    assert reason in info.value.reason and info.value.url == url


# -- web pages -> articles -----------------------------------------------------------


def test_extraction_keeps_the_article_and_drops_the_clutter() -> None:
    a = extract_article(ARTICLE, "http://127.0.0.1:8000/article.html?utm_source=x", charset="utf-8")
    assert a.title == "Shelling reported near Tartar overnight"
    assert a.url == "http://127.0.0.1:8000/article.html"  # the canonical link, made absolute
    assert a.published == "2020-10-14" and a.outlet == "Example Wire"
    assert "Armenian forces shelled the city of Tartar" in a.text
    for clutter in ("NAVIGATION-MENU", "SIDEBAR-TEXT", "FOOTER-TEXT", "SCRIPT-TEXT", "trackingScript"):
        assert clutter not in a.text


def test_a_page_of_links_is_not_an_article() -> None:
    with pytest.raises(NotAnArticleError) as info:
        extract_article(INDEX, "http://127.0.0.1:8000/index.html")
    assert info.value.url == "http://127.0.0.1:8000/index.html" and "not an article" in info.value.reason


def test_the_date_comes_from_the_feed_when_the_page_has_none() -> None:
    undated = SECOND.replace(b'<meta property="article:published_time" content="2020-10-15T09:30:00+04:00">', b"")
    a = extract_article(undated, "http://127.0.0.1:8000/second.html", fallback_date="2020-10-15")
    assert a.published == "2020-10-15"


@pytest.mark.parametrize(
    ("html", "base", "expected"),
    [
        ('<link rel="canonical" href="/news/a">', "http://x.org/amp/news/a", "http://x.org/news/a"),
        ('<link rel="canonical" href="https://y.org/a">', "http://x.org/a", "https://y.org/a"),
        ('<meta property="og:url" content="http://x.org/b">', "http://x.org/b?x=1", "http://x.org/b"),
        ('<link rel="canonical" href="/">', "http://x.org/news/a", None),  # a template's home-page link
        ('<link rel="canonical" href="javascript:void(0)">', "http://x.org/a", None),
        ("", "http://x.org/a", None),
    ],
)
def test_canonical_links(html: str, base: str, expected: str | None) -> None:
    assert canonical_url(f"<html><head>{html}</head><body><p>x</p></body></html>", base) == expected


@pytest.mark.parametrize(
    ("ctype", "body", "ok"),
    [
        ("text/html", b"<html>", True),
        ("application/xhtml+xml", b"<?xml version='1.0'?><html>", True),
        ("", b"<!DOCTYPE html><html><body>", True),
        ("application/octet-stream", b"  <html lang='en'>", True),
        ("application/pdf", b"%PDF-1.4", False),
        ("image/png", b"\x89PNG", False),
        ("application/rss+xml", b"<?xml version='1.0'?><rss>", False),
        ("", b"plain words", False),
    ],
)
def test_only_web_pages_are_articles(ctype: str, body: bytes, ok: bool) -> None:
    if ok:
        check_html("http://x.org/a", ctype, body)
    else:
        with pytest.raises(NotHTMLError) as info:
            check_html("http://x.org/a", ctype, body)
        assert "not HTML" in info.value.reason


def test_a_feed_given_as_a_page_says_to_use_feed() -> None:
    with pytest.raises(NotHTMLError, match="mapper add --feed"):
        check_html("http://x.org/rss", "application/rss+xml", b"<rss>")


@pytest.mark.parametrize(
    ("body", "charset"),
    [
        ("<html><body>Тертер обстрел</body></html>".encode("cp1251"), "windows-1251"),
        ('<html><head><meta charset="windows-1251"></head><body>Тертер обстрел</body></html>'.encode("cp1251"), None),
        ("<html><body>Tərtər atəşə tutulub</body></html>".encode(), None),
    ],
)
def test_decoding_follows_the_header_then_the_page(body: bytes, charset: str | None) -> None:
    text = decode_html(body, charset)
    assert "Тертер" in text or "Tərtər" in text


WEB_ARTICLES = [
    WebArticle("http://x.org/a", "http://x.org/a", "Shelling near Tartar: two wounded", "Body text.\n\nMore.",
               "2020-10-14", "Example Wire", "A. Writer"),
    WebArticle("http://x.org/b", "http://x.org/b", "Обстрел Тертера", "Текст статьи.", "2020-10-15", "Пример"),
    WebArticle("http://x.org/c", "http://x.org/c", "Title: with a colon\nand a newline", "Date: not a header\n\nText."),
    WebArticle("http://x.org/d", "http://x.org/d", "x" * 500, "Text.", "2020-10-16"),
]  # fmt: skip


@pytest.mark.parametrize("art", WEB_ARTICLES)
def test_saved_articles_read_back_as_they_were_meant(art: WebArticle) -> None:
    name = article_file_name(art)
    back = parse_article(name, article_text(art).encode("utf-8"))
    assert back.title == " ".join(art.title.split())[:300]
    assert back.source_url == art.url and back.published == art.published
    assert back.text.strip() == art.text.strip()
    if art.outlet:
        assert back.outlet == art.outlet


def test_file_names_come_from_the_date_and_a_slug() -> None:
    assert [article_file_name(a) for a in WEB_ARTICLES] == [
        "2020-10-14_shelling-near-tartar-two-wounded.txt",
        "2020-10-15_obstrel-tertera.txt",
        "undated_title-with-a-colon-and-a-newline.txt",
        "2020-10-16_" + "x" * 60 + ".txt",
    ]


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Tərtər rayonu atəşə tutulub", "terter-rayonu-atese-tutulub"),
        ("Ջրական", "jrakan"),
        ("  ---  ", ""),
        ("Azerbaijan’s army: shelling", "azerbaijans-army-shelling"),
        ("One two three four five six seven eight nine ten eleven twelve",
         "one-two-three-four-five-six-seven-eight-nine-ten-eleven"),
    ],
)  # fmt: skip
def test_slugs(title: str, slug: str) -> None:
    assert slugify(title) == slug and len(slug) <= 60


def test_text_digest_ignores_spacing_and_case() -> None:
    assert text_digest("Tartar was  shelled.\n\nTwo hurt.") == text_digest("tartar was shelled. two hurt")
    assert text_digest("Tartar was shelled.") != text_digest("Barda was shelled.")


# -- feeds ----------------------------------------------------------------------------


def test_rss_items_with_relative_links_and_dates() -> None:
    feed = parse_feed(
        rss(
            [
                ("One", "/one.html", "g1", "Wed, 14 Oct 2020 23:30:00 -0200"),
                ("Two", "http://other.org/two", "", ""),
            ]
        ),
        "http://x.org/news/feed.xml",
    )
    assert feed.title == "Example Wire"
    assert [(i.link, i.guid, i.published) for i in feed.items] == [
        ("http://x.org/one.html", "g1", "2020-10-15"),  # dates in UTC
        ("http://other.org/two", "http://other.org/two", ""),
    ]


def test_atom_entries() -> None:
    atom = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
    <entry><title>E</title><link href="e.html"/><id>urn:uuid:1</id><updated>2020-10-15T08:00:00Z</updated></entry>
    </feed>"""
    (item,) = parse_feed(atom, "http://x.org/news/atom.xml").items
    assert (item.link, item.guid, item.published) == ("http://x.org/news/e.html", "urn:uuid:1", "2020-10-15")


def test_broken_items_are_reported_and_the_rest_kept() -> None:
    body = rss([("Good", "/good.html", "g", ""), ("No link", "", "not-a-url", ""), ("Mail", "mailto:a@b.c", "", "")])
    body = body.replace(b"<title>Good</title>", b"<title>Good & unescaped</title>")  # malformed XML too
    feed = parse_feed(body, "http://x.org/feed.xml")
    assert [i.link for i in feed.items] == ["http://x.org/good.html"]
    assert feed.broken == (
        ("item 2 'No link'", "has no link"),
        ("item 3 'Mail'", "its link 'mailto:a@b.c' is not an http(s) address"),
    )


def test_a_permalink_guid_stands_for_a_missing_link() -> None:
    body = b'<rss version="2.0"><channel><title>T</title><item><guid>http://x.org/p/1</guid></item></channel></rss>'
    assert [i.link for i in parse_feed(body, "http://x.org/rss").items] == ["http://x.org/p/1"]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "not an RSS or Atom feed"),
        (b"\x00\x01binary", "not an RSS or Atom feed"),
        (INDEX, "not a feed but a web page; it links to the feed http://x.org/feed.xml"),
    ],
)
def test_not_a_feed(body: bytes, reason: str) -> None:
    with pytest.raises(FeedError) as info:
        parse_feed(body, "http://x.org/news")
    assert reason in info.value.reason


def test_feed_links_of_a_page() -> None:
    assert feed_links(INDEX.decode(), "http://x.org/") == ["http://x.org/feed.xml"]
