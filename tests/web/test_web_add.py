"""`mapper add URL`, `mapper add --feed URL` and `mapper watch --feed URL` against a site on 127.0.0.1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from webpages import FEED_ITEMS, Route, rss

from mapper.cli import main
from mapper.web import add_feeds, add_urls, default_user_agent

ARTICLE_FILE = "2020-10-14_shelling-reported-near-tartar-overnight.txt"
SECOND_FILE = "2020-10-15_drone-strike-reported-in-aghdam-district.txt"
THIRD_FILE = "2020-10-16_artillery-fire-reported-near-fuzuli.txt"


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    seeds, out = tmp_path / "seeds", tmp_path / "output"
    seeds.mkdir()
    return seeds, out


def mapper(*args: str, folders: tuple[Path, Path]) -> int:
    seeds, out = folders
    return main([*args, "--seeds", str(seeds), "--out", str(out), "--delay", "0", "--timeout", "2"])


def snapshot(*dirs: Path) -> dict[str, bytes]:
    """Every file under *dirs* with its bytes: what "nothing changed" is checked against."""
    return {str(p): p.read_bytes() for d in dirs if d.exists() for p in sorted(d.rglob("*")) if p.is_file()}


def geojson_articles(out: Path) -> dict[str, list[dict]]:
    fc = json.loads((out / "incidents.geojson").read_text(encoding="utf-8"))
    by: dict[str, list[dict]] = {}
    for f in fc["features"]:
        by.setdefault(f["properties"]["article"], []).append(f["properties"])
    return by


# -- mapper add URL -------------------------------------------------------------------


def test_add_url_saves_the_article_and_the_map_shows_its_claims(site, folders, capsys) -> None:
    seeds, out = folders
    assert mapper("add", site.url("/article.html"), folders=folders) == 0
    saved = seeds / ARTICLE_FILE
    assert sorted(p.name for p in seeds.iterdir()) == [ARTICLE_FILE]
    text = saved.read_text(encoding="utf-8")
    assert text.startswith(
        "Title: Shelling reported near Tartar overnight\n"
        f"Source: {site.url('/article.html')}\n"
        "Date: 2020-10-14\n"
        "Outlet: Example Wire\n\n"
    )
    assert "Armenian forces shelled the city of Tartar overnight" in text
    for clutter in ("NAVIGATION-MENU", "SIDEBAR-TEXT", "FOOTER-TEXT", "SCRIPT-TEXT"):
        assert clutter not in text
    claims = geojson_articles(out)[ARTICLE_FILE]
    tartar = [c for c in claims if c["place"] == "Tartar" and c["side"] == "azerbaijan"]
    assert tartar and tartar[0]["event_type"] == "shelling" and tartar[0]["source_url"] == site.url("/article.html")
    assert tartar[0]["published"] == "2020-10-14"
    assert ARTICLE_FILE in (out / "map.html").read_text(encoding="utf-8")
    assert f"Added {saved}" in capsys.readouterr().out
    assert site.paths() == ["/robots.txt", "/article.html"]
    assert all(h["User-Agent"] == default_user_agent() for _, h in site.requests)


@pytest.mark.parametrize(
    "copy",
    [
        "/article.html?utm_source=newsletter&utm_medium=email",  # tracking parameters: not even fetched
        "/amp/article.html",  # the AMP copy: not even fetched
        "/story?id=7",  # another address; its canonical link names the same page
        "/copy.html",  # no canonical link, the same text
    ],
)
def test_the_same_page_under_another_address_counts_once(site, folders, fast_client, copy: str) -> None:
    seeds, out = folders
    first = add_urls([site.url("/article.html")], seeds, out, client=fast_client)
    assert [o.path.name for o in first.added] == [ARTICLE_FILE]
    again = add_urls([site.url(copy)], seeds, out, client=fast_client)
    assert not again.added and not again.failed
    assert [(o.url, o.detail) for o in again.duplicates] == [(site.url(copy), ARTICLE_FILE)]
    assert sorted(p.name for p in seeds.iterdir()) == [ARTICLE_FILE]


def test_copies_in_one_command_count_once(site, folders, capsys) -> None:
    seeds, _ = folders
    urls = [site.url("/article.html"), site.url("/amp/article.html"), site.url("/article.html?fbclid=x")]
    assert mapper("add", *urls, folders=folders) == 0
    assert sorted(p.name for p in seeds.iterdir()) == [ARTICLE_FILE]
    assert "1 added, 2 already added, 0 skipped." in capsys.readouterr().out


def test_an_article_already_in_seeds_by_hand_is_recognised_by_its_source_line(site, folders, fast_client) -> None:
    seeds, out = folders
    (seeds / "my-copy.txt").write_text(
        f"Title: Saved by hand\nSource: {site.url('/article.html')}\n\nArmenian forces shelled Tartar.\n", "utf-8"
    )
    report = add_urls([site.url("/article.html?utm_campaign=x")], seeds, out, client=fast_client)
    assert [o.detail for o in report.duplicates] == ["my-copy.txt"] and not report.added
    assert site.paths() == []  # known before any request


@pytest.mark.parametrize(
    ("where", "reason"),
    [
        ("/missing.html", "HTTP 404 Not Found"),
        ("unreachable", "connection refused by 127.0.0.1"),
        ("/index.html", "not an article"),
        ("/photo.png", "not HTML (image/png)"),
        ("/loop-a", "redirect loop"),
    ],
)
def test_a_failed_url_names_itself_exits_1_and_changes_nothing(
    site, folders, closed_port, capsys, where: str, reason: str
) -> None:
    seeds, out = folders
    assert mapper("add", site.url("/article.html"), folders=folders) == 0
    before = snapshot(seeds, out)
    capsys.readouterr()
    url = f"http://127.0.0.1:{closed_port}/article.html" if where == "unreachable" else site.url(where)
    assert mapper("add", url, folders=folders) == 1
    err = capsys.readouterr().err
    assert f"mapper: error: skipped {url}: {reason}" in err and "Traceback" not in err
    assert snapshot(seeds, out) == before


def test_the_other_urls_still_go_in(site, folders, capsys) -> None:
    seeds, out = folders
    assert mapper("add", site.url("/missing.html"), site.url("/second.html"), folders=folders) == 1
    assert sorted(p.name for p in seeds.iterdir()) == [SECOND_FILE]
    assert SECOND_FILE in geojson_articles(out)
    captured = capsys.readouterr()
    assert "1 added, 0 already added, 1 skipped." in captured.out and site.url("/missing.html") in captured.err


def test_a_url_and_a_file_in_one_command(site, folders, tmp_path) -> None:
    seeds, _ = folders
    mine = tmp_path / "2020-10-20_my-notes.txt"
    mine.write_text("Title: Notes\n\nArmenian forces shelled Tartar on Tuesday, the ministry said.\n", "utf-8")
    assert mapper("add", str(mine), site.url("/article.html"), folders=folders) == 0
    assert sorted(p.name for p in seeds.iterdir()) == [ARTICLE_FILE, mine.name]


def test_a_page_removed_from_seeds_can_be_added_again_by_hand(site, folders, fast_client) -> None:
    seeds, out = folders
    add_urls([site.url("/article.html")], seeds, out, client=fast_client)
    (seeds / ARTICLE_FILE).unlink()
    report = add_urls([site.url("/article.html")], seeds, out, client=fast_client)
    assert [o.path.name for o in report.added] == [ARTICLE_FILE]


def test_a_different_article_with_the_same_date_and_title_gets_its_own_name(site, folders, fast_client) -> None:
    seeds, out = folders
    (seeds / ARTICLE_FILE).write_text("Title: Something else\n\nAnother text altogether.\n", "utf-8")
    report = add_urls([site.url("/article.html")], seeds, out, client=fast_client)
    assert [o.path.name for o in report.added] == [ARTICLE_FILE.replace(".txt", "-2.txt")]
    assert (seeds / ARTICLE_FILE).read_text("utf-8").startswith("Title: Something else")


def test_no_partial_files_are_left_in_seeds(site, folders, fast_client) -> None:
    seeds, out = folders
    add_urls([site.url("/article.html"), site.url("/second.html")], seeds, out, client=fast_client)
    assert not [p for p in seeds.iterdir() if p.name.startswith(".")]


# -- mapper add --feed -----------------------------------------------------------------


def test_feed_adds_only_what_is_new_and_a_second_run_adds_nothing(site, folders, capsys) -> None:
    seeds, out = folders
    assert mapper("add", "--feed", site.url("/feed.xml"), folders=folders) == 0
    assert sorted(p.name for p in seeds.iterdir()) == [ARTICLE_FILE, SECOND_FILE]
    assert set(geojson_articles(out)) == {ARTICLE_FILE, SECOND_FILE}
    assert "2 added, 0 already added, 0 skipped." in capsys.readouterr().out

    before, seen = snapshot(seeds, out), len(site.requests)
    assert mapper("add", "--feed", site.url("/feed.xml"), folders=folders) == 0
    assert snapshot(seeds, out) == before
    assert site.paths()[seen:] == ["/robots.txt", "/feed.xml"]  # no article fetched again
    printed = capsys.readouterr().out
    assert "0 added, 2 already added, 0 skipped." in printed and "the map is unchanged" in printed

    site.routes["/feed.xml"].body = rss(
        [("Artillery fire reported near Fuzuli", "/third.html", "ew-3", "Fri, 16 Oct 2020 09:30:00 +0000")] + FEED_ITEMS
    )
    assert mapper("add", "--feed", site.url("/feed.xml"), folders=folders) == 0
    assert sorted(p.name for p in seeds.iterdir()) == [ARTICLE_FILE, SECOND_FILE, THIRD_FILE]
    assert "/article.html" not in site.paths()[seen + 2 :]


def test_a_feed_item_removed_from_seeds_stays_out(site, folders, fast_client) -> None:
    seeds, out = folders
    add_feeds([site.url("/feed.xml")], seeds, out, client=fast_client)
    (seeds / SECOND_FILE).unlink()  # the analyst does not want this one
    report = add_feeds([site.url("/feed.xml")], seeds, out, client=fast_client)
    assert not report.added and len(report.duplicates) == 2
    assert not (seeds / SECOND_FILE).exists()


def test_a_feed_with_broken_items_adds_the_rest_and_says_which(site, folders, capsys) -> None:
    seeds, out = folders
    site.routes["/feed.xml"].body = rss(
        [
            ("Item without a link", "", "no-link", ""),
            ("A story that is gone", "/gone.html", "gone", "Tue, 13 Oct 2020 08:00:00 +0000"),
        ]
        + FEED_ITEMS
    )
    assert mapper("add", "--feed", site.url("/feed.xml"), folders=folders) == 1
    assert sorted(p.name for p in seeds.iterdir()) == [ARTICLE_FILE, SECOND_FILE]
    err = capsys.readouterr().err
    assert f"skipped {site.url('/feed.xml')}: item 1 'Item without a link' has no link" in err
    assert f"skipped {site.url('/gone.html')} (an item of {site.url('/feed.xml')}): HTTP 404 Not Found" in err
    # The item that failed is tried again next time; the others are not fetched again.
    seen = len(site.requests)
    assert mapper("add", "--feed", site.url("/feed.xml"), folders=folders) == 1
    assert site.paths()[seen:] == ["/robots.txt", "/feed.xml", "/gone.html"]


@pytest.mark.parametrize(
    ("where", "reason"),
    [
        ("/missing.xml", "HTTP 404 Not Found"),
        ("/article.html", "not a feed but a web page"),
        ("unreachable", "connection refused"),
    ],
)
def test_a_feed_that_fails_changes_nothing(site, folders, closed_port, capsys, where: str, reason: str) -> None:
    seeds, out = folders
    url = f"http://127.0.0.1:{closed_port}/feed.xml" if where == "unreachable" else site.url(where)
    assert mapper("add", "--feed", url, folders=folders) == 1
    assert f"skipped {url}: {reason}" in capsys.readouterr().err
    assert snapshot(seeds, out) == {}


def test_since_keeps_only_newer_items(site, folders, capsys) -> None:
    seeds, _ = folders
    assert mapper("add", "--feed", site.url("/feed.xml"), "--since", "2020-10-15", folders=folders) == 0
    assert sorted(p.name for p in seeds.iterdir()) == [SECOND_FILE]
    assert "/article.html" not in " ".join(site.paths())  # not fetched at all
    assert "1 older than --since" in capsys.readouterr().out


def test_since_uses_the_page_date_when_the_feed_has_none(site, folders, fast_client) -> None:
    seeds, out = folders
    site.routes["/feed.xml"].body = rss([(t, link, g, "") for t, link, g, _ in FEED_ITEMS])
    report = add_feeds([site.url("/feed.xml")], seeds, out, since="2020-10-15", client=fast_client)
    assert [o.path.name for o in report.added] == [SECOND_FILE]
    assert [o.detail for o in report.older] == ["2020-10-14"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--feed", "--since", "15 October"], "is not a date; write it as YYYY-MM-DD"),
        (["--since", "2020-10-15"], "--since goes with --feed"),
    ],
)
def test_bad_since_is_a_usage_error(site, folders, capsys, args: list[str], message: str) -> None:
    assert mapper("add", *args, site.url("/feed.xml"), folders=folders) == 2
    assert message in capsys.readouterr().err
    assert site.requests == []


def test_an_unchanged_feed_costs_one_conditional_request(site, folders, fast_client) -> None:
    seeds, out = folders
    body = rss(FEED_ITEMS)

    def etagged(handler) -> None:
        if handler.headers.get("If-None-Match") == '"feed-v1"':
            handler.send_response(304)
            handler.end_headers()
            return
        handler.send_response(200)
        for k, v in (("Content-Type", "application/rss+xml"), ("ETag", '"feed-v1"'), ("Content-Length", len(body))):
            handler.send_header(k, str(v))
        handler.end_headers()
        handler.wfile.write(body)

    site.routes["/feed.xml"] = Route(handler=etagged)
    assert len(add_feeds([site.url("/feed.xml")], seeds, out, client=fast_client).added) == 2
    report = add_feeds([site.url("/feed.xml")], seeds, out, client=fast_client)
    assert [o.kind for o in report.unchanged] == ["unchanged"] and not report.added and not report.duplicates


def test_the_ledger_lives_in_the_builds_store_file() -> None:
    from mapper.store import STORE_NAME
    from mapper.web.ledger import LEDGER_FILE

    assert LEDGER_FILE == STORE_NAME


def test_a_build_keeps_what_the_ledger_remembers(site, folders, fast_client) -> None:
    seeds, out = folders
    add_feeds([site.url("/feed.xml")], seeds, out, client=fast_client)
    assert main(["build", "--seeds", str(seeds), "--out", str(out), "--full", "-q"]) == 0
    (seeds / SECOND_FILE).unlink()
    assert not add_feeds([site.url("/feed.xml")], seeds, out, client=fast_client).added


# -- mapper watch --feed ---------------------------------------------------------------


def test_watch_polls_the_feed_and_rebuilds(site, folders) -> None:
    seeds, out = folders
    site.routes["/feed.xml"].body = rss(FEED_ITEMS[1:])
    proc = subprocess.Popen(
        [sys.executable, "-m", "mapper", "watch", "--feed", site.url("/feed.xml"), "--interval", "0.5s"]
        + ["--seeds", str(seeds), "--out", str(out), "--delay", "0", "-q"],
        env={**os.environ, "NO_PROXY": "127.0.0.1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )

    def wait_for(check, seconds: float = 120.0) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and proc.poll() is None:
            if check():
                return True
            time.sleep(0.2)
        return False

    try:
        assert wait_for(
            lambda: ARTICLE_FILE in geojson_articles(out) if (out / "incidents.geojson").exists() else False
        )
        site.routes["/feed.xml"].body = rss(FEED_ITEMS)
        assert wait_for(lambda: SECOND_FILE in geojson_articles(out))
        assert sorted(p.name for p in seeds.iterdir()) == [ARTICLE_FILE, SECOND_FILE]
        assert all(h["User-Agent"] == default_user_agent() for _, h in site.requests)
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert b"Traceback" not in err or b"KeyboardInterrupt" in err
