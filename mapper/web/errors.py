"""Why a web page or feed could not be added: one branch of the mapper's hierarchy.

Every error names the URL (``url``) and the reason (``reason``), and its message is
``"<url>: <reason>"``.  Leaves also inherit the matching builtin, so callers can catch
``TimeoutError`` or ``ConnectionError`` without knowing this module (as geopy does).
"""

from __future__ import annotations

from ..errors import MapperError

__all__ = [
    "FetchError",
    "BadURLError",
    "HostNotFoundError",
    "HostUnreachableError",
    "FetchTimeoutError",
    "HTTPStatusError",
    "RedirectError",
    "TooLargeError",
    "RobotsDisallowedError",
    "NotHTMLError",
    "NotAnArticleError",
    "FeedError",
]


class FetchError(MapperError):
    """A URL could not be fetched or added; ``url`` names it and ``reason`` says why."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(f"{url}: {reason}")

    def __reduce__(self):  # keep url and reason through pickling (OSError leaves change the default)
        return (type(self), (self.url, self.reason))

    def __str__(self) -> str:
        return f"{self.url}: {self.reason}"


class BadURLError(FetchError, ValueError):
    """Not an http(s) address, or not a well-formed one."""


class HostUnreachableError(FetchError, ConnectionError):
    """The host refused or dropped the connection, or the network is unreachable."""


class HostNotFoundError(HostUnreachableError):
    """The host name does not resolve (DNS)."""


class FetchTimeoutError(FetchError, TimeoutError):
    """The server did not answer, or did not finish sending, in time."""


class HTTPStatusError(FetchError, OSError):
    """The server answered with an error status (after retries where they make sense)."""

    def __init__(self, url: str, reason: str, *, status: int) -> None:
        super().__init__(url, reason)
        self.status = status

    def __reduce__(self):
        return (_status_error, (type(self), self.url, self.reason, self.status))


def _status_error(cls: type[HTTPStatusError], url: str, reason: str, status: int) -> HTTPStatusError:
    return cls(url, reason, status=status)


class RedirectError(FetchError, ValueError):
    """A redirect loop, too many redirects, or a redirect to something other than http(s)."""


class TooLargeError(FetchError, ValueError):
    """The download is over the size limit."""


class RobotsDisallowedError(FetchError, PermissionError):
    """The site's robots.txt asks crawlers like ours not to fetch this URL."""


class NotHTMLError(FetchError, ValueError):
    """The URL serves something other than a web page (a PDF, an image, a feed...)."""


class NotAnArticleError(FetchError, ValueError):
    """A web page, but no article text could be found in it (an index page, a video, a paywall)."""


class FeedError(FetchError, ValueError):
    """Not an RSS or Atom feed, or one that cannot be read."""
