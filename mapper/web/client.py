"""The transport: a polite HTTP client, and the only module of the mapper that talks to the network.

It knows nothing of articles or feeds (geopy's ``adapters.py`` idea): it fetches bytes and
says why it could not.  Polite by default:

- every request carries a User-Agent naming the product and its version
  (``incident-mapper/0.1.0 (...)``, the version read from the installed package metadata);
- timeouts on connecting and on every read, and a deadline for the whole download, so a
  server that trickles one byte a second cannot hold a run forever;
- a delay between two requests to the same host (1 s by default, more if the site's
  robots.txt asks for a ``Crawl-delay``);
- retries with exponential back-off on 429 and 5xx answers, honouring ``Retry-After``;
- redirects followed by hand, only to http(s), with loops and long chains refused;
- a size limit on every download, checked on the declared length and while reading
  (after decompression, so a small gzip bomb is caught too);
- robots.txt fetched once per site and respected (RFC 9309), unless told otherwise.

Failures raise the :mod:`mapper.web.errors` leaves, each naming the URL and the reason.
"""

from __future__ import annotations

import contextlib
import email.utils
import socket
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import requests
import urllib3.exceptions
from requests.structures import CaseInsensitiveDict

from .errors import (
    BadURLError,
    FetchError,
    FetchTimeoutError,
    HostNotFoundError,
    HostUnreachableError,
    HTTPStatusError,
    RedirectError,
    RobotsDisallowedError,
    TooLargeError,
)
from .urls import WEB_SCHEMES, check_url, join_url

__all__ = ["WebClient", "Response", "default_user_agent", "PRODUCT", "MAX_DOWNLOAD_BYTES", "RETRY_STATUSES"]

PRODUCT = "incident-mapper"  # the distribution name, and the token robots.txt rules address
#: News pages run from 100 KB to 3 MB of HTML; a download over 10 MiB is not an article page.
MAX_DOWNLOAD_BYTES = 10 * 1024 * 1024
#: RFC 9309 asks crawlers to read at least the first 500 KiB of a robots.txt.
MAX_ROBOTS_BYTES = 500 * 1024
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024


def default_user_agent() -> str:
    """``incident-mapper/<version> (...)``, the version read from the installed package's metadata."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        ver = version(PRODUCT)
    except PackageNotFoundError:  # running from a source tree that is not installed
        from .. import __version__ as ver
    return f"{PRODUCT}/{ver} (news article fetcher for a claims map; python-requests/{requests.__version__})"


@dataclass(frozen=True, slots=True)
class Response:
    """A successful (2xx, or 304 when asked for) answer, with its body read in full."""

    url: str  # the final address, after redirects
    requested: str  # the address asked for
    status: int
    content_type: str  # media type, lower case, without parameters ("" when not given)
    charset: str | None  # from the Content-Type header, if any
    body: bytes
    headers: Mapping[str, str] = field(default_factory=CaseInsensitiveDict)  # names in any case
    redirects: tuple[str, ...] = ()  # the addresses passed through, in order


@dataclass(slots=True)
class _Robots:
    parser: RobotFileParser | None  # None: everything allowed
    disallow_all: str = ""  # a reason when the site cannot be crawled at all


class WebClient:
    """Fetches URLs politely (see the module docstring); a context manager.

    *session* is a ``requests.Session`` (tests may pass their own); *sleep* and *clock*
    are injectable so that waiting can be observed without waiting.  *on_wait* is told
    about every wait longer than a second (for a progress message).
    """

    def __init__(
        self,
        *,
        user_agent: str | None = None,
        timeout: float = 20.0,
        total_timeout: float = 120.0,
        delay: float = 1.0,
        retries: int = 3,
        backoff: float = 2.0,
        max_retry_after: float = 300.0,
        max_bytes: int = MAX_DOWNLOAD_BYTES,
        max_redirects: int = 10,
        respect_robots: bool = True,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        on_wait: Callable[[str], None] | None = None,
    ) -> None:
        self.user_agent = user_agent or default_user_agent()
        self.timeout = timeout
        self.total_timeout = total_timeout
        self.delay = delay
        self.retries = retries
        self.backoff = backoff
        self.max_retry_after = max_retry_after
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.respect_robots = respect_robots
        self._session = session or requests.Session()
        self._session.headers["User-Agent"] = self.user_agent
        self._sleep = sleep
        self._clock = clock
        self._on_wait = on_wait
        self._last: dict[str, float] = {}  # host -> when its last request ended
        self._host_delay: dict[str, float] = {}  # host -> its robots.txt Crawl-delay, if larger
        self._robots: dict[str, _Robots] = {}  # scheme://host:port -> rules
        self.requests = 0  # requests sent, retries and robots.txt included

    # -- public API -----------------------------------------------------------------

    def get(
        self,
        url: str,
        *,
        accept: str = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
        headers: Mapping[str, str] | None = None,
        max_bytes: int | None = None,
    ) -> Response:
        """GET *url*, following redirects; a 2xx (or 304) :class:`Response`, or a FetchError."""
        start = check_url(url)
        hops: list[str] = []
        current = start
        while True:
            if self.respect_robots:
                self._check_robots(current, requested=start)
            resp, body = self._request(current, accept=accept, headers=headers, max_bytes=max_bytes, requested=start)
            if resp.status_code in _REDIRECT_STATUSES and resp.headers.get("Location"):
                target = join_url(current, self._session.get_redirect_target(resp) or "")
                hops.append(current)
                scheme = urlsplit(target).scheme.lower()
                if scheme not in WEB_SCHEMES:
                    raise RedirectError(start, f"redirects to {target!r}, which is not an http(s) address")
                if target in hops:
                    chain = " -> ".join([*hops[hops.index(target) :], target])
                    raise RedirectError(start, f"redirect loop ({chain})")
                if len(hops) > self.max_redirects:
                    raise RedirectError(start, f"more than {self.max_redirects} redirects")
                current = target
                continue
            ctype = resp.headers.get("Content-Type", "")
            media, _, params = ctype.partition(";")
            charset = None
            for p in params.split(";"):
                k, _, v = p.partition("=")
                if k.strip().lower() == "charset" and v.strip():
                    charset = v.strip().strip("\"'")
            return Response(
                url=current,
                requested=start,
                status=resp.status_code,
                content_type=media.strip().lower(),
                charset=charset,
                body=body,
                headers=CaseInsensitiveDict(resp.headers),
                redirects=tuple(hops),
            )

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> WebClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- politeness -----------------------------------------------------------------

    def _wait_for_host(self, url: str) -> None:
        host = (urlsplit(url).hostname or "").lower()
        delay = max(self.delay, self._host_delay.get(host, 0.0))
        last = self._last.get(host)
        if last is not None and delay > 0:
            wait = last + delay - self._clock()
            if wait > 0:
                self._pause(wait, f"waiting {wait:.1f} s before the next request to {host}")

    def _pause(self, seconds: float, why: str) -> None:
        if self._on_wait and seconds >= 1:
            self._on_wait(why)
        self._sleep(seconds)

    def _check_robots(self, url: str, *, requested: str) -> None:
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        rules = self._robots.get(origin)
        if rules is None:
            rules = self._robots[origin] = self._load_robots(origin, requested=requested)
            if rules.parser is not None:
                delay = rules.parser.crawl_delay(PRODUCT)
                if delay:
                    # A Crawl-delay is honoured up to a minute; beyond that it is not meant for a few pages.
                    host = (parts.hostname or "").lower()
                    self._host_delay[host] = min(float(delay), 60.0)
        if rules.disallow_all:
            raise RobotsDisallowedError(requested, rules.disallow_all)
        if rules.parser is not None and not rules.parser.can_fetch(PRODUCT, url):
            raise RobotsDisallowedError(
                requested,
                f"the site's robots.txt ({origin}/robots.txt) asks crawlers not to fetch {url}; "
                "respect it, or pass --ignore-robots if you have the right to fetch it",
            )

    def _load_robots(self, origin: str, *, requested: str) -> _Robots:
        """The rules of *origin*'s robots.txt, by RFC 9309: a 4xx means no rules, a 5xx means keep out."""
        robots_url = origin + "/robots.txt"
        current, seen = robots_url, [robots_url]
        for _ in range(6):  # RFC 9309: follow at least five redirects
            try:
                resp, body = self._request(current, accept="text/plain,*/*;q=0.5", requested=requested, robots=True)
            except HTTPStatusError as err:
                if 400 <= err.status < 500:
                    return _Robots(None)
                return _Robots(
                    None,
                    disallow_all=f"the site's robots.txt cannot be read (HTTP {err.status}), which by the "
                    "robots.txt standard means keep out; try again later, or pass --ignore-robots",
                )
            except (RedirectError, TooLargeError, BadURLError):
                return _Robots(None)
            if resp.status_code in _REDIRECT_STATUSES and resp.headers.get("Location"):
                target = join_url(current, self._session.get_redirect_target(resp) or "")
                if urlsplit(target).scheme.lower() not in WEB_SCHEMES or target in seen:
                    return _Robots(None)
                current = target
                seen.append(target)
                continue
            parser = RobotFileParser(robots_url)
            parser.parse(body.decode("utf-8", errors="replace").splitlines())
            return _Robots(parser)
        return _Robots(None)  # too many redirects: treated as unavailable (4xx)

    # -- one request, with retries --------------------------------------------------

    def _request(
        self,
        url: str,
        *,
        accept: str,
        requested: str,
        headers: Mapping[str, str] | None = None,
        max_bytes: int | None = None,
        robots: bool = False,
    ) -> tuple[requests.Response, bytes]:
        """One address, retried on 429/5xx; *robots*: a robots.txt (read up to its limit, never refused)."""
        limit = MAX_ROBOTS_BYTES if robots else self.max_bytes if max_bytes is None else max_bytes
        send = {"Accept": accept, "Accept-Encoding": "gzip, deflate"}
        if headers:
            send.update(headers)
        attempt = 0
        while True:
            self._wait_for_host(url)
            try:
                resp, body = self._send(url, send, limit=limit, requested=requested, robots=robots)
            finally:
                self._last[(urlsplit(url).hostname or "").lower()] = self._clock()
            status = resp.status_code
            if status in RETRY_STATUSES and attempt < self.retries:
                wait = self.backoff * 2**attempt
                after = _retry_after(resp.headers.get("Retry-After"))
                if after is not None:
                    if after > self.max_retry_after:
                        raise HTTPStatusError(
                            requested,
                            f"HTTP {status} {resp.reason or ''}".rstrip()
                            + f"; the server asks to wait {after:.0f} s before retrying; try again later",
                            status=status,
                        )
                    wait = max(wait, after)
                attempt += 1
                self._pause(wait, f"{url}: HTTP {status}; retrying in {wait:.0f} s ({attempt}/{self.retries})")
                continue
            if 200 <= status < 300 or status == 304 or status in _REDIRECT_STATUSES:
                if status in _REDIRECT_STATUSES and not resp.headers.get("Location"):
                    raise HTTPStatusError(requested, f"HTTP {status} redirect without a Location header", status=status)
                return resp, body
            reason = f"HTTP {status} {resp.reason or ''}".rstrip()
            if url != requested:
                reason += f" (at {url})"
            if status in RETRY_STATUSES and self.retries:
                reason += f" after {self.retries} retries"
            raise HTTPStatusError(requested, reason, status=status)

    def _send(
        self, url: str, headers: Mapping[str, str], *, limit: int, requested: str, robots: bool
    ) -> tuple[requests.Response, bytes]:
        truncate = robots  # RFC 9309: parse the first 500 KiB of a longer robots.txt
        deadline = self._clock() + self.total_timeout
        self.requests += 1
        try:
            resp = self._session.get(
                url, headers=dict(headers), stream=True, allow_redirects=False, timeout=(self.timeout, self.timeout)
            )
        except requests.exceptions.RequestException as err:
            raise _transport_error(err, requested, url, self.timeout, show_where=not robots) from err
        with contextlib.closing(resp):
            if resp.status_code not in range(200, 300):
                # Error and redirect bodies are not needed: read at most a little, for a clean connection.
                return resp, b""
            declared = resp.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > limit and not truncate:
                raise TooLargeError(requested, _too_large(int(declared), limit, declared=True))
            chunks: list[bytes] = []
            size = 0
            try:
                # read1 returns what one socket read brings (decompressed), so the deadline is
                # checked at least once per read timeout even when a server trickles its bytes.
                while chunk := resp.raw.read1(_CHUNK, decode_content=True):
                    size += len(chunk)
                    if size > limit:
                        if truncate:
                            chunks.append(chunk[: len(chunk) - (size - limit)])
                            break
                        raise TooLargeError(requested, _too_large(size, limit, declared=False))
                    chunks.append(chunk)
                    if self._clock() > deadline:
                        raise FetchTimeoutError(
                            requested, f"the download did not finish within {self.total_timeout:g} s"
                        )
            except (requests.exceptions.RequestException, urllib3.exceptions.HTTPError, OSError) as err:
                if isinstance(err, FetchError):
                    raise
                raise _transport_error(err, requested, url, self.timeout, show_where=not robots) from err
            return resp, b"".join(chunks)


def _too_large(size: int, limit: int, *, declared: bool) -> str:
    what = f"{size / 2**20:.1f} MiB" if declared else f"more than {limit / 2**20:.1f} MiB"
    return f"over the size limit ({what}; the limit is {limit / 2**20:.0f} MiB)"


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (a number of seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _causes(err: BaseException) -> list[Any]:
    """The exception, its causes and contexts, and the exceptions in their args (requests wraps urllib3)."""
    out: list[Any] = []
    todo: list[Any] = [err]
    while todo:
        e = todo.pop()
        if e is None or any(e is o for o in out) or not isinstance(e, BaseException):
            continue
        out.append(e)
        todo.extend([e.__cause__, e.__context__, getattr(e, "reason", None), *e.args])
    return out


def _transport_error(
    err: BaseException, requested: str, url: str, timeout: float, *, show_where: bool = True
) -> FetchError:
    u3 = urllib3.exceptions

    where = "" if url == requested or not show_where else f" (at {url})"
    host = urlsplit(url).hostname or url
    chain = _causes(err)
    # Checked before timeouts: urllib3's NewConnectionError (refused, DNS) subclasses ConnectTimeoutError.
    if any(isinstance(e, (socket.gaierror, u3.NameResolutionError)) for e in chain):
        return HostNotFoundError(requested, f"cannot resolve the host name {host!r} (DNS){where}")
    if any(isinstance(e, ConnectionRefusedError) for e in chain):
        return HostUnreachableError(requested, f"connection refused by {host} (nothing listening?){where}")
    if isinstance(err, requests.exceptions.ConnectTimeout) or any(
        isinstance(e, u3.ConnectTimeoutError) and not isinstance(e, u3.NewConnectionError) for e in chain
    ):
        return FetchTimeoutError(requested, f"timed out connecting to {host} (after {timeout:g} s){where}")
    if isinstance(err, requests.exceptions.ReadTimeout) or any(
        isinstance(e, (u3.ReadTimeoutError, socket.timeout, TimeoutError)) for e in chain
    ):
        return FetchTimeoutError(requested, f"the server did not answer within {timeout:g} s{where}")
    if isinstance(err, requests.exceptions.SSLError):
        return HostUnreachableError(requested, f"TLS error talking to {host}: {_short(err)}{where}")
    if isinstance(err, (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema)):
        return BadURLError(requested, f"not a usable web address ({_short(err)})")
    if isinstance(
        err, (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError, u3.HTTPError)
    ) and not isinstance(err, u3.NewConnectionError):
        return HostUnreachableError(requested, f"the server sent a broken response ({_short(err)}){where}")
    if isinstance(err, requests.exceptions.ConnectionError):
        return HostUnreachableError(requested, f"cannot connect to {host} ({_short(err)}){where}")
    return FetchError(requested, f"request failed ({_short(err)}){where}")


def _short(err: BaseException) -> str:
    text = str(err)
    return text if len(text) <= 200 else text[:197] + "..."
