"""Adding articles from the web into seeds/: by URL, and by RSS/Atom feed.

The orchestrator of :mod:`mapper.web`: the client fetches, :mod:`.extract` and
:mod:`.feeds` parse, the :class:`~.ledger.Ledger` remembers, and this module decides
what is new and writes it.  A URL that fails changes nothing; the others go on.  The
same page under several addresses (tracking parameters, mobile or AMP copies, a
canonical link elsewhere, identical text) is added once.

Building the map is not done here: the caller (the CLI) rebuilds when something was added.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..articles import ARTICLE_SUFFIXES, parse_article
from ..errors import ArticleError
from .client import WebClient
from .errors import FetchError
from .extract import WebArticle, article_file_name, article_text, check_html, extract_article, text_digest
from .feeds import FeedItem, parse_feed
from .ledger import Ledger
from .urls import clean_url, page_key

__all__ = ["Outcome", "IngestReport", "Ingester", "add_urls", "add_feeds", "FEED_ACCEPT"]

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
_SOURCE_LINE = re.compile(r"^(?:Source|URL)\s*:\s*(\S+)", re.IGNORECASE)
_HEADER_LINE = re.compile(r"^[A-Za-z]+\s*:")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one URL (a page, a feed, or a feed's item)."""

    kind: str  # "added", "duplicate", "failed", "older", "unchanged"
    url: str  # as given (for a feed's broken item: the feed's URL)
    detail: str = ""  # the reason of a failure, the article a duplicate repeats, a date
    path: Path | None = None  # the file written, for "added"
    title: str = ""
    feed: str = ""  # the feed an item came from


@dataclass
class IngestReport:
    added: list[Outcome] = field(default_factory=list)
    duplicates: list[Outcome] = field(default_factory=list)
    failed: list[Outcome] = field(default_factory=list)
    older: list[Outcome] = field(default_factory=list)  # feed items before --since
    unchanged: list[Outcome] = field(default_factory=list)  # feeds that said 304 Not Modified

    @property
    def ok(self) -> bool:
        """True when nothing was skipped for a failure."""
        return not self.failed

    def record(self, o: Outcome) -> None:
        {
            "added": self.added,
            "duplicate": self.duplicates,
            "failed": self.failed,
            "older": self.older,
            "unchanged": self.unchanged,
        }[o.kind].append(o)


class Ingester:
    """Adds web articles into *seeds*, remembering them in the store of *out*; a context manager.

    *client* is a :class:`~.client.WebClient` (one is made, politely configured, if not
    given); *on_outcome* hears about every URL as soon as it is decided.
    """

    def __init__(
        self,
        seeds: Path | str = "seeds",
        out: Path | str = "output",
        *,
        client: WebClient | None = None,
        on_outcome: Callable[[Outcome], None] | None = None,
    ) -> None:
        self.seeds = Path(seeds)
        self.out = Path(out)
        self.client = client or WebClient()
        self._own_client = client is None
        self.ledger = Ledger(self.out)
        self.report = IngestReport()
        self._on_outcome = on_outcome
        self._seen: dict[str, str] = {}  # keys -> file name, for this run
        self._sources: dict[str, str] | None = None  # page keys of the Source: lines in seeds/

    def close(self) -> None:
        self.ledger.close()
        if self._own_client:
            self.client.close()

    def __enter__(self) -> Ingester:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _emit(self, o: Outcome) -> Outcome:
        self.report.record(o)
        if self._on_outcome:
            self._on_outcome(o)
        return o

    # -- what we have already -------------------------------------------------------

    def _seed_sources(self) -> dict[str, str]:
        """Page keys of the articles already in seeds/ (their Source: header lines) -> file name."""
        if self._sources is None:
            self._sources = {}
            with contextlib.suppress(OSError):
                for entry in sorted(os.scandir(self.seeds), key=lambda e: e.name):
                    if entry.name.startswith(".") or Path(entry.name).suffix.lower() not in ARTICLE_SUFFIXES:
                        continue
                    if Path(entry.name).suffix.lower() in (".html", ".htm"):
                        continue
                    if not entry.is_file():  # a FIFO would block here, a device never end (issue 11)
                        continue
                    try:
                        with open(entry.path, "rb") as fh:
                            head = fh.read(4096).decode("utf-8", errors="replace").lstrip("\ufeff")
                    except OSError:
                        continue
                    for line in head.splitlines():
                        if not line.strip() or not _HEADER_LINE.match(line):
                            break  # the header block ends at the first blank or non-header line
                        m = _SOURCE_LINE.match(line.strip())
                        if m:
                            with contextlib.suppress(FetchError):
                                self._sources.setdefault("url:" + page_key(m.group(1)), entry.name)
        return self._sources

    def _known(self, keys: set[str], *, from_feed: bool) -> str | None:
        for k in sorted(keys):
            if k in self._seen:
                return self._seen[k]
        sources = self._seed_sources()
        for k in sorted(keys):
            if k in sources:
                return sources[k]
        name = self.ledger.find(keys)
        # A feed item added once is never added again, even if its file was since removed from
        # seeds/ (removing it is how one says "not this one").  A URL given by hand is the user
        # asking again: it only counts as known while its file is still there.
        if name and (from_feed or (self.seeds / name).exists()):
            return name
        return None

    # -- one page -------------------------------------------------------------------

    def add_url(
        self, url: str, *, guid: str = "", item_date: str = "", since: str = "", from_feed: str = ""
    ) -> Outcome:
        """Fetch one page and save its article into seeds/; the Outcome says what happened."""

        def outcome(kind: str, detail: str = "", path: Path | None = None, title: str = "") -> Outcome:
            return self._emit(Outcome(kind, url, detail, path=path, title=title, feed=from_feed))

        try:
            clean = clean_url(url)
        except FetchError as err:
            return outcome("failed", err.reason)
        keys = {"url:" + page_key(clean)}
        if guid:
            keys.add("guid:" + guid)
        name = self._known(keys, from_feed=bool(from_feed))
        if name:
            self._remember(keys, name)
            return outcome("duplicate", name)
        if since and item_date and item_date < since:
            return outcome("older", item_date)
        try:
            resp = self.client.get(clean)
            check_html(clean, resp.content_type, resp.body)
            art = extract_article(resp.body, resp.url, charset=resp.charset, fallback_date=item_date)
        except FetchError as err:
            reason = err.reason if err.url in (clean, url) else f"{err.reason} (at {err.url})"
            return outcome("failed", reason)
        if since and art.published and art.published < since:
            return outcome("older", art.published)
        keys |= {"url:" + page_key(resp.url), "url:" + page_key(art.url), "text:" + text_digest(art.text)}
        name = self._known(keys, from_feed=bool(from_feed))
        if name:
            self._remember(keys, name)
            return outcome("duplicate", name)
        try:
            path = self._save(art)
        except ArticleError as err:
            return outcome("failed", err.reason)
        except OSError as err:
            return outcome("failed", f"cannot write into {self.seeds} ({err.strerror or err})")
        if path is None:  # the very same file is there already
            name = article_file_name(art)
            self._remember(keys, name)
            return outcome("duplicate", name)
        self._remember(keys, path.name)
        return outcome("added", art.url, path=path, title=art.title)

    def _remember(self, keys: set[str], name: str) -> None:
        for k in keys:
            self._seen[k] = name
        self.ledger.remember(keys, name)

    def _save(self, art: WebArticle) -> Path | None:
        """Write the article into seeds/ under a new name (never over another file); None if already there."""
        data = article_text(art).encode("utf-8")
        base = article_file_name(art)
        parse_article(base, data)  # what the build will read: refuse here what it would refuse there
        self.seeds.mkdir(parents=True, exist_ok=True)
        stem = base.removesuffix(".txt")
        for n in range(1, 100):
            dest = self.seeds / (base if n == 1 else f"{stem}-{n}.txt")
            if dest.exists():
                with contextlib.suppress(OSError):
                    if dest.read_bytes() == data:
                        return None
                continue
            if _write_new(dest, data):
                return dest
        raise ArticleError(self.seeds / base, "too many articles of this date and title in seeds/")

    # -- feeds ----------------------------------------------------------------------

    def add_feed(self, url: str, *, since: str = "") -> list[Outcome]:
        """Add every item of a feed not added before (only those on or after *since*, an ISO date)."""
        try:
            clean = clean_url(url)
        except FetchError as err:
            return [self._emit(Outcome("failed", url, err.reason))]
        feed_key = "feed:" + page_key(clean)
        etag, modified = self.ledger.feed_validators(feed_key)
        conditional = {}
        if etag:
            conditional["If-None-Match"] = etag
        if modified:
            conditional["If-Modified-Since"] = modified
        try:
            resp = self.client.get(clean, accept=FEED_ACCEPT, headers=conditional)
            if resp.status == 304:
                return [self._emit(Outcome("unchanged", url, "the feed has not changed since the last run"))]
            feed = parse_feed(resp.body, resp.url, content_type=resp.content_type)
        except FetchError as err:
            reason = err.reason if err.url in (clean, url) else f"{err.reason} (at {err.url})"
            return [self._emit(Outcome("failed", url, reason))]
        outcomes = [self._emit(Outcome("failed", url, f"{which} {why}")) for which, why in feed.broken]
        for item in _oldest_first(feed.items):
            outcomes.append(
                self.add_url(item.link, guid=item.guid, item_date=item.published, since=since, from_feed=url)
            )
        if all(o.kind in ("added", "duplicate") for o in outcomes):
            # Only a feed read in full may answer "not modified" next time: an item that failed
            # (or was left out by --since) must be tried again.
            self.ledger.set_feed_validators(feed_key, resp.headers.get("ETag"), resp.headers.get("Last-Modified"))
        return outcomes


def _oldest_first(items: Iterable[FeedItem]) -> list[FeedItem]:
    """Feeds list the newest first; add the oldest first, undated items last, in the feed's order reversed."""
    indexed = list(enumerate(items))
    return [it for _, it in sorted(indexed, key=lambda p: (not p[1].published, p[1].published, -p[0]))]


def _write_new(dest: Path, data: bytes) -> bool:
    """Write *data* to *dest* only if no file is there: False if one appeared meanwhile.

    The file appears whole (written under a hidden temporary name, then hard-linked into
    place, which fails if the name is taken), so a build never reads half an article.
    """
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.part")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, dest)
        except FileExistsError:
            return False
        except OSError:  # a file system without hard links: exclusive create instead
            try:
                with open(dest, "xb") as fh:
                    fh.write(data)
            except FileExistsError:
                return False
        return True
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def add_urls(
    urls: Iterable[str],
    seeds: Path | str = "seeds",
    out: Path | str = "output",
    *,
    client: WebClient | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> IngestReport:
    """Fetch each URL and save its article into *seeds*; failures are reported, never raised."""
    with Ingester(seeds, out, client=client, on_outcome=on_outcome) as ing:
        for url in urls:
            ing.add_url(url)
        return ing.report


def add_feeds(
    feeds: Iterable[str],
    seeds: Path | str = "seeds",
    out: Path | str = "output",
    *,
    since: str = "",
    client: WebClient | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> IngestReport:
    """Add the items of each feed not added before (on or after *since*, an ISO date, if given)."""
    with Ingester(seeds, out, client=client, on_outcome=on_outcome) as ing:
        for feed in feeds:
            ing.add_feed(feed, since=since)
        return ing.report
