"""What has been added from the web: two small tables of their own in the output folder's store.

``web_items`` maps keys (``guid:<feed item id>``, ``url:<page key>``, ``text:<digest>``) to
the seeds/ file that holds the article, so a feed item is fetched once, and the same page
under another address counts once.  ``web_feeds`` keeps each feed's ``ETag`` and
``Last-Modified``, so an unchanged feed costs one short conditional request.

The tables live in ``.mapper-store.sqlite`` beside the build's own tables and are never
touched by the build (see /work/notes/interfaces.md).  Reading never creates or changes
the file: a run in which every URL fails leaves the output folder as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from ..errors import StoreError

__all__ = ["Ledger", "LEDGER_FILE"]

#: The build's store file (mapper.store.STORE_NAME); named here so that this module does not
#: import the build's store and its dependencies.
LEDGER_FILE = ".mapper-store.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS web_items (key TEXT PRIMARY KEY, article TEXT NOT NULL, added TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS web_feeds (feed TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, checked TEXT NOT NULL);
"""


class Ledger:
    """The web tables of the store in *out* (opened lazily; read-only until something is remembered)."""

    def __init__(self, out: Path | str) -> None:
        self.path = Path(out) / LEDGER_FILE
        self._con: sqlite3.Connection | None = None
        self._writable = False

    def _connect(self, *, write: bool) -> sqlite3.Connection | None:
        if self._con is not None and (self._writable or not write):
            return self._con
        try:
            if write:
                if self._con is not None:
                    self._con.close()
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._con = sqlite3.connect(self.path, timeout=30)
                self._con.executescript(_SCHEMA)
                self._writable = True
            elif self.path.exists():
                self._con = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True, timeout=30)
            return self._con
        except sqlite3.DatabaseError as err:
            raise StoreError(
                f"{self.path}: the store cannot be opened ({err}); remove it and run 'mapper build' to rebuild it"
            ) from err

    def _query(self, sql: str, args: tuple | list) -> list[tuple]:
        con = self._connect(write=False)
        if con is None:
            return []
        try:
            return con.execute(sql, args).fetchall()
        except sqlite3.OperationalError as err:
            if "no such table" in str(err):
                return []
            raise StoreError(f"{self.path}: {err}") from err
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path}: the store is damaged ({err})") from err

    def find(self, keys: Iterable[str]) -> str | None:
        """The article file remembered under any of *keys*, or None."""
        keys = sorted(set(keys))
        if not keys:
            return None
        rows = self._query(f"SELECT key, article FROM web_items WHERE key IN ({','.join('?' * len(keys))})", keys)
        return min(rows)[1] if rows else None

    def remember(self, keys: Iterable[str], article: str) -> None:
        """Remember that *article* (a file name in seeds/) holds the page known by *keys*.

        Writes only what is new, so a run that finds nothing new leaves the store file as it was.
        """
        keys = sorted(set(keys))
        if not keys:
            return
        known = dict(
            self._query(f"SELECT key, article FROM web_items WHERE key IN ({','.join('?' * len(keys))})", keys)
        )
        fresh = [k for k in keys if known.get(k) != article]
        if not fresh:
            return
        con = self._connect(write=True)
        assert con is not None
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with con:
            con.executemany("INSERT OR REPLACE INTO web_items VALUES (?, ?, ?)", [(k, article, now) for k in fresh])

    def feed_validators(self, feed: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified the feed sent last time, for a conditional request."""
        rows = self._query("SELECT etag, last_modified FROM web_feeds WHERE feed = ?", (feed,))
        return (rows[0][0], rows[0][1]) if rows else (None, None)

    def set_feed_validators(self, feed: str, etag: str | None, last_modified: str | None) -> None:
        if self.feed_validators(feed) == (etag, last_modified):
            return  # unchanged, or a feed that sends neither (nothing to remember)
        con = self._connect(write=True)
        assert con is not None
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with con:
            con.execute("INSERT OR REPLACE INTO web_feeds VALUES (?, ?, ?, ?)", (feed, etag, last_modified, now))

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
