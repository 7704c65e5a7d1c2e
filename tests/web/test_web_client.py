"""The polite client against a real HTTP server on 127.0.0.1: what it sends, and how each failure reads."""

from __future__ import annotations

import socket
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from webpages import ARTICLE, Route

from mapper.web import (
    FetchError,
    FetchTimeoutError,
    HostNotFoundError,
    HostUnreachableError,
    HTTPStatusError,
    RedirectError,
    RobotsDisallowedError,
    TooLargeError,
    WebClient,
    default_user_agent,
)
from mapper.web.client import _retry_after


def test_user_agent_names_the_product_and_its_installed_version() -> None:
    from importlib.metadata import version

    assert default_user_agent().startswith(f"incident-mapper/{version('incident-mapper')} (")


def test_every_request_carries_the_user_agent_and_robots_is_read_once(site, fast_client) -> None:
    fast_client.get(site.url("/article.html"))
    fast_client.get(site.url("/moved"))
    assert site.paths() == ["/robots.txt", "/article.html", "/moved", "/article.html"]
    assert {h["User-Agent"] for _, h in site.requests} == {default_user_agent()}


def test_redirects_are_followed_and_recorded(site, fast_client) -> None:
    r = fast_client.get(site.url("/moved"))
    assert r.url == site.url("/article.html") and r.redirects == (site.url("/moved"),)
    assert r.status == 200 and r.content_type == "text/html" and r.charset == "utf-8" and r.body == ARTICLE


@pytest.mark.parametrize(
    ("path", "error", "reason"),
    [
        ("/missing.html", HTTPStatusError, "HTTP 404 Not Found"),
        ("/loop-a", RedirectError, "redirect loop"),
        ("/to-ftp", RedirectError, "not an http(s) address"),
        ("/private/secret.html", RobotsDisallowedError, "robots.txt"),
    ],
)
def test_failures_name_the_url_and_the_reason(site, fast_client, path, error, reason) -> None:
    with pytest.raises(error) as info:
        fast_client.get(site.url(path))
    assert info.value.url == site.url(path)
    assert reason in info.value.reason
    assert str(info.value).startswith(site.url(path) + ": ")


def test_a_404_is_also_an_oserror_and_keeps_its_status(site, fast_client) -> None:
    with pytest.raises(OSError) as info:
        fast_client.get(site.url("/missing.html"))
    assert isinstance(info.value, HTTPStatusError) and info.value.status == 404


def test_unreachable_host(closed_port: int, fast_client) -> None:
    url = f"http://127.0.0.1:{closed_port}/article.html"
    with pytest.raises(HostUnreachableError) as info:
        fast_client.get(url)
    assert isinstance(info.value, ConnectionError)
    assert info.value.url == url and "connection refused" in info.value.reason


def test_unknown_host_is_a_dns_failure(monkeypatch: pytest.MonkeyPatch, fast_client) -> None:
    def no_dns(host, *args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)  # the resolver is never asked
    with pytest.raises(HostNotFoundError) as info:
        fast_client.get("http://no-such-outlet.invalid/news/1.html")
    assert "cannot resolve the host name 'no-such-outlet.invalid' (DNS)" in info.value.reason


def test_a_server_that_does_not_answer_times_out(site) -> None:
    with WebClient(delay=0, timeout=0.5) as client:
        t0 = time.monotonic()
        with pytest.raises(FetchTimeoutError) as info:
            client.get(site.url("/slow.html"))
    assert time.monotonic() - t0 < 2.9  # it did not wait for the server (3 s)
    assert isinstance(info.value, TimeoutError) and "did not answer within 0.5 s" in info.value.reason


def test_a_server_that_trickles_hits_the_download_deadline(site) -> None:
    with WebClient(delay=0, timeout=1.0, total_timeout=1.0) as client:
        t0 = time.monotonic()
        with pytest.raises(FetchTimeoutError) as info:
            client.get(site.url("/trickle.html"))
    assert time.monotonic() - t0 < 10  # the whole page would take 100 s
    assert "did not finish within 1 s" in info.value.reason


def test_declared_size_over_the_limit_is_refused_without_reading(site) -> None:
    site.routes["/huge.html"] = Route(body=b"<html><body>" + b"x" * 300_000 + b"</body></html>")
    with WebClient(delay=0, max_bytes=100_000) as client, pytest.raises(TooLargeError) as info:
        client.get(site.url("/huge.html"))
    assert "over the size limit" in info.value.reason


def test_undeclared_size_over_the_limit_is_cut_off_while_reading(site) -> None:
    def endless(handler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()  # no Content-Length: the body runs until the server closes
        for _ in range(400):
            handler.wfile.write(b"<p>" + b"y" * 4096 + b"</p>")

    site.routes["/endless.html"] = Route(handler=endless)
    with WebClient(delay=0, max_bytes=200_000) as client, pytest.raises(TooLargeError):
        client.get(site.url("/endless.html"))


def test_the_limit_applies_to_the_decompressed_size(site) -> None:
    with WebClient(delay=0, max_bytes=2**20) as client, pytest.raises(TooLargeError):
        client.get(site.url("/gzip-bomb.html"))  # 3 KB on the wire, 3 MB unpacked


def test_the_default_limit_refuses_a_page_over_ten_mib(site, fast_client) -> None:
    site.routes["/huge.html"] = Route(body=b"<html><body><p>" + b"z" * (11 * 2**20) + b"</p></body></html>")
    with pytest.raises(TooLargeError) as info:
        fast_client.get(site.url("/huge.html"))
    assert "the limit is 10 MiB" in info.value.reason


def test_503_is_retried_after_the_time_the_server_asks(site, fast_client) -> None:
    site.routes["/busy.html"] = Route(503, headers={"Retry-After": "2"}, then=Route(body=ARTICLE))
    r = fast_client.get(site.url("/busy.html"))
    assert r.status == 200 and r.body == ARTICLE
    assert fast_client.slept == [2.0]  # Retry-After, not the (shorter) back-off


def test_retries_back_off_exponentially_then_give_up(site) -> None:
    site.routes["/down.html"] = Route(502)
    slept: list[float] = []
    with (
        WebClient(delay=0, retries=3, backoff=1.0, sleep=slept.append) as client,
        pytest.raises(HTTPStatusError) as info,
    ):
        client.get(site.url("/down.html"))
    assert slept == [1.0, 2.0, 4.0]
    assert info.value.status == 502 and "after 3 retries" in info.value.reason
    assert site.paths().count("/down.html") == 4


def test_a_retry_after_beyond_patience_fails_at_once(site, fast_client) -> None:
    site.routes["/limited.html"] = Route(429, headers={"Retry-After": "86400"})
    with pytest.raises(HTTPStatusError) as info:
        fast_client.get(site.url("/limited.html"))
    assert info.value.status == 429 and "asks to wait 86400 s" in info.value.reason
    assert fast_client.slept == []


def test_retry_after_as_an_http_date() -> None:
    when = datetime.now(UTC) + timedelta(seconds=30)
    assert 25 <= _retry_after(format_datetime(when, usegmt=True)) <= 30
    assert _retry_after("soon") is None and _retry_after("7") == 7.0


def test_404_is_not_retried(site, fast_client) -> None:
    with pytest.raises(HTTPStatusError):
        fast_client.get(site.url("/missing.html"))
    assert site.paths().count("/missing.html") == 1


def test_requests_to_one_host_are_spaced(site) -> None:
    slept: list[float] = []
    with WebClient(delay=0.5, sleep=slept.append) as client:
        client.get(site.url("/article.html"))  # robots.txt, then the page
        client.get(site.url("/second.html"))
    assert len(slept) == 2 and all(0 < s <= 0.5 for s in slept)  # the rest of the 0.5 s since the last one


def test_crawl_delay_in_robots_is_honoured(site) -> None:
    site.routes["/robots.txt"] = Route(body=b"User-agent: *\nCrawl-delay: 5\n", headers={"Content-Type": "text/plain"})
    slept: list[float] = []
    with WebClient(delay=1.0, sleep=slept.append) as client:
        client.get(site.url("/article.html"))
        client.get(site.url("/second.html"))
    assert slept and all(3 < s <= 5 for s in slept)


def test_robots_rules_addressed_to_us(site, fast_client) -> None:
    site.routes["/robots.txt"] = Route(
        body=b"User-agent: incident-mapper\nDisallow: /\n\nUser-agent: *\nAllow: /\n",
        headers={"Content-Type": "text/plain"},
    )
    with pytest.raises(RobotsDisallowedError) as info:
        fast_client.get(site.url("/article.html"))
    assert isinstance(info.value, PermissionError) and "--ignore-robots" in info.value.reason


def test_ignoring_robots_is_possible(site) -> None:
    with WebClient(delay=0, respect_robots=False) as client:
        assert client.get(site.url("/private/secret.html")).status == 200
    assert "/robots.txt" not in site.paths()


@pytest.mark.parametrize(("status", "allowed"), [(404, True), (410, True), (403, True), (500, False), (503, False)])
def test_robots_txt_status_by_rfc_9309(site, fast_client, status: int, allowed: bool) -> None:
    site.routes["/robots.txt"] = Route(status)
    if allowed:
        assert fast_client.get(site.url("/article.html")).status == 200
    else:
        with pytest.raises(RobotsDisallowedError) as info:
            fast_client.get(site.url("/article.html"))
        assert f"HTTP {status}" in info.value.reason


def test_every_failure_is_a_fetch_error_and_a_mapper_error(site, fast_client) -> None:
    from mapper.errors import MapperError

    with pytest.raises(FetchError) as info:
        fast_client.get(site.url("/missing.html"))
    assert isinstance(info.value, MapperError)


def test_conditional_requests_pass_their_headers_and_get_304(site, fast_client) -> None:
    def etagged(handler) -> None:
        if handler.headers.get("If-None-Match") == '"v1"':
            handler.send_response(304)
            handler.end_headers()
            return
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml")
        handler.send_header("ETag", '"v1"')
        handler.send_header("Content-Length", "5")
        handler.end_headers()
        handler.wfile.write(b"<rss>")

    site.routes["/etag.xml"] = Route(handler=etagged)
    first = fast_client.get(site.url("/etag.xml"))
    assert first.status == 200 and first.headers["etag"] == '"v1"'  # header names in any case
    again = fast_client.get(site.url("/etag.xml"), headers={"If-None-Match": '"v1"'})
    assert again.status == 304 and again.body == b""
