"""Articles from where they are published: fetching pages and feeds into seeds/.

The only part of the mapper that uses the network, and only when asked (``mapper add URL``,
``mapper add --feed URL``, ``mapper watch --feed URL``); builds and tests never do.  Laid
out by stage, transport apart from parsing:

- :mod:`.client`   the transport: a polite HTTP client (User-Agent, timeouts, per-host delay,
  retries with back-off, redirects, size limit, robots.txt);
- :mod:`.urls`     addresses: checking, cleaning, and the key that folds copies of one page;
- :mod:`.extract`  a web page -> a plain-text article (trafilatura), and its file name;
- :mod:`.feeds`    an RSS/Atom feed -> its items (feedparser);
- :mod:`.ledger`   what has been added, in the output folder's store;
- :mod:`.ingest`   the orchestration: :func:`add_urls`, :func:`add_feeds`.

In Python::

    from mapper.web import add_feeds
    report = add_feeds(["https://example.com/rss"], "seeds", "output")
    if report.added:
        mapper.build("seeds", "output")
"""

from __future__ import annotations

from .client import WebClient, default_user_agent
from .errors import (
    BadURLError,
    FeedError,
    FetchError,
    FetchTimeoutError,
    HostNotFoundError,
    HostUnreachableError,
    HTTPStatusError,
    NotAnArticleError,
    NotHTMLError,
    RedirectError,
    RobotsDisallowedError,
    TooLargeError,
)
from .ingest import Ingester, IngestReport, Outcome, add_feeds, add_urls

__all__ = [
    "add_urls",
    "add_feeds",
    "Ingester",
    "IngestReport",
    "Outcome",
    "WebClient",
    "default_user_agent",
    "FetchError",
    "BadURLError",
    "FeedError",
    "FetchTimeoutError",
    "HostNotFoundError",
    "HostUnreachableError",
    "HTTPStatusError",
    "NotAnArticleError",
    "NotHTMLError",
    "RedirectError",
    "RobotsDisallowedError",
    "TooLargeError",
]
