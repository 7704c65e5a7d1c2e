"""The incident store: what has been processed, in SQLite next to the outputs.

Articles are remembered by name, size, modification time and content hash;
claims by content hash, so an unchanged article is never read twice and two
files with identical content are processed once.  A fingerprint of the
gazetteer data, the conflict profile, the user aliases and the extraction code
is stored too: when it changes, every article is extracted again.

The store keeps claims only.  How they are written out (GeoJSON, CSV, Parquet,
the map) is the exporter's business, with its own cache (see :mod:`mapper.export`).

The store is a cache of the articles: a damaged one (a truncated file, garbage, a disk
error that tore a page) is set aside under another name and built again from the
articles (:func:`open_store`); any other failure names the file and the fix.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields
from pathlib import Path
from typing import Any, TypeVar

import orjson

from .claims import Claim
from .errors import StoreDamagedError, StoreError

__all__ = ["Store", "STORE_NAME", "StoredArticle", "open_store", "set_aside"]

STORE_NAME = ".mapper-store.sqlite"
STORE_VERSION = "8"  # 6: matched profiles (issue 12); 7: notes per article (issue 11); 8: claims last (see _SCHEMA)
#: SQLite's own files beside a database: they belong to it and go with it.
_SIDECARS = ("-journal", "-wal", "-shm")
_DAMAGE_CODES = {getattr(sqlite3, "SQLITE_CORRUPT", 11), getattr(sqlite3, "SQLITE_NOTADB", 26)}

_F = TypeVar("_F", bound=Callable[..., Any])


def _is_damage(err: sqlite3.Error) -> bool:
    code = getattr(err, "sqlite_errorcode", None)
    if code is not None and (code & 0xFF) in _DAMAGE_CODES:
        return True
    text = str(err)
    return "malformed" in text or "not a database" in text


def _guarded(method: _F) -> _F:
    """SQLite errors of a Store method become StoreError / StoreDamagedError naming the file."""

    @functools.wraps(method)
    def wrapper(self: Store, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as err:
            raise self._error(err) from err

    return wrapper  # type: ignore[return-value]


def _guarded_iter(method: _F) -> _F:
    """The same for a generator method: errors raised while it is iterated."""

    @functools.wraps(method)
    def wrapper(self: Store, *args: Any, **kwargs: Any) -> Any:
        try:
            yield from method(self, *args, **kwargs)
        except sqlite3.Error as err:
            raise self._error(err) from err

    return wrapper  # type: ignore[return-value]


def set_aside(path: Path) -> Path:
    """Move a damaged store (and SQLite's journal files beside it) out of the way; return its new path.

    The journal goes too: left beside a new store of the same name, SQLite would roll it into it.
    """
    aside = path.with_name(path.name + ".damaged")
    for suffix in ("", *_SIDECARS):
        src = path.with_name(path.name + suffix)
        if src.exists():
            os.replace(src, aside.with_name(aside.name + suffix))
        else:
            with contextlib.suppress(FileNotFoundError):
                aside.with_name(aside.name + suffix).unlink()  # an older copy's journal is not this one's
    return aside


def open_store(path: Path) -> tuple[Store, str]:
    """Open the store at *path*; a damaged one is set aside and a new one made.

    Returns the store and a note for the build report ("" when nothing was wrong).
    """
    try:
        return Store(path), ""
    except StoreDamagedError as err:
        aside = set_aside(Path(path))
        return Store(path), f"the incident store was damaged ({err.cause}); set aside as {aside.name} and rebuilt"


_FIELDS = tuple(f.name for f in fields(Claim))
# The claims of an article are its one large column, and they come last: SQLite reads a row's columns
# in order, so a small column after a large text would cost a walk through its overflow pages (the
# profile, notes and counts of 1,000 articles took longer to read than the map took to draw).
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE IF NOT EXISTS suggestions (name TEXT PRIMARY KEY, places TEXT);
CREATE TABLE IF NOT EXISTS files (name TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, content_hash TEXT);
CREATE TABLE IF NOT EXISTS extractions (content_hash TEXT PRIMARY KEY, unresolved TEXT, title TEXT,
    published TEXT, n_claims INTEGER, profile TEXT, detection TEXT, notes TEXT DEFAULT '[]', claims TEXT);
"""
#: Rows fetched per query when streaming: large enough to be quick, small enough to keep memory flat.
BATCH = 256

StoredArticle = tuple[str, list[Claim], list[str]]  # (content hash, claims, unresolved names)


class Store:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a folder, not the incident store; move it away (the store is a cache)")
        try:
            self.con = sqlite3.connect(self.path, timeout=30)
        except sqlite3.Error as err:
            raise self._error(err) from err
        try:
            self._open()
        except BaseException:
            self.con.close()
            raise

    @_guarded
    def _open(self) -> None:
        fresh = self.con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
        if fresh:
            # A new store: its tables and version in one transaction (one write to disk, not three).
            self.con.execute("BEGIN")  # explicitly: the sqlite3 module would run each CREATE on its own
            for statement in filter(str.strip, _SCHEMA.split(";")):
                self.con.execute(statement)
            self.con.execute("INSERT INTO meta VALUES ('store_version', ?)", (STORE_VERSION,))
            self.con.commit()
        else:
            self.con.executescript(_SCHEMA)
        if self.get_meta("store_version") != STORE_VERSION:
            # An older layout: start afresh (the store is a cache of the articles).
            self.con.executescript(
                "DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS extractions; DROP TABLE IF EXISTS suggestions;"
                "DELETE FROM meta;" + _SCHEMA
            )
            self.set_meta("store_version", STORE_VERSION)
            self.con.commit()
        # A truncated copy shows here, at no cost (PRAGMA quick_check takes 0.3 s on a store of 20,000
        # articles); damage found later in the build is set aside the same way (see pipeline.build).
        pages = self.con.execute("PRAGMA page_count").fetchone()[0]
        page_size = self.con.execute("PRAGMA page_size").fetchone()[0]
        if os.path.getsize(self.path) < pages * page_size:
            raise sqlite3.DatabaseError("database disk image is malformed: the file is truncated")

    def _error(self, err: sqlite3.Error) -> StoreError:
        if _is_damage(err):
            return StoreDamagedError(
                f"{self.path}: the incident store is damaged ({err}); it is a cache: delete it and build again",
                cause=str(err),
            )
        return StoreError(
            f"{self.path}: the incident store cannot be used ({err}); check that the output folder is "
            "writable, or choose another --out"
        )

    def close(self) -> None:
        self.con.close()

    @_guarded
    def get_meta(self, key: str) -> str | None:
        row = self.con.execute("SELECT v FROM meta WHERE k = ?", (key,)).fetchone()
        return row[0] if row else None

    @_guarded
    def set_meta(self, key: str, value: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    @_guarded
    def files(self) -> dict[str, tuple[int, int, str]]:
        return {r[0]: (r[1], r[2], r[3]) for r in self.con.execute("SELECT * FROM files")}

    @_guarded
    def set_files(self, rows: dict[str, tuple[int, int, str]]) -> None:
        self.con.execute("DELETE FROM files")
        self.con.executemany("INSERT INTO files VALUES (?,?,?,?)", [(k, *v) for k, v in sorted(rows.items())])

    @_guarded
    def known_hashes(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT content_hash FROM extractions")}

    @_guarded
    def put_extraction(
        self,
        content_hash: str,
        claims: Iterable[Claim],
        unresolved: Iterable[str],
        title: str,
        published: str,
        *,
        profile: str = "",
        detection: str = "",
        notes: Iterable[str] = (),
    ) -> None:
        """Keep one article's claims; *profile* and *detection*: the profile it was matched to, and why."""
        rows = [{f: getattr(c, f) for f in _FIELDS} for c in claims]
        self.con.execute(
            "INSERT OR REPLACE INTO extractions VALUES (?,?,?,?,?,?,?,?,?)",
            (
                content_hash,
                json.dumps(sorted(unresolved)),
                title,
                published,
                len(rows),
                profile,
                detection,
                json.dumps(list(notes), ensure_ascii=False),
                orjson.dumps(rows).decode("utf-8"),
            ),
        )

    @_guarded
    def notes(self, hashes: Iterable[str]) -> dict[str, list[str]]:
        """content hash -> what was odd in that article but not fatal (a value left out, a header ignored)."""
        out: dict[str, list[str]] = {}
        hashes = list(hashes)
        for i in range(0, len(hashes), 500):
            chunk = hashes[i : i + 500]
            q = ",".join("?" * len(chunk))
            for h, n in self.con.execute(
                f"SELECT content_hash, notes FROM extractions WHERE content_hash IN ({q}) AND notes != '[]'", chunk
            ):
                out[h] = json.loads(n)
        return out

    @_guarded
    def profiles(self, hashes: Iterable[str]) -> dict[str, tuple[str, str]]:
        """content hash -> (profile id, why) as each article was matched ("" when it was not)."""
        out: dict[str, tuple[str, str]] = {}
        hashes = list(hashes)
        for i in range(0, len(hashes), 500):
            chunk = hashes[i : i + 500]
            q = ",".join("?" * len(chunk))
            for h, p, d in self.con.execute(
                f"SELECT content_hash, profile, detection FROM extractions WHERE content_hash IN ({q})", chunk
            ):
                out[h] = (p or "", d or "")
        return out

    @_guarded
    def extraction(self, content_hash: str) -> tuple[list[Claim], list[str]]:
        row = self.con.execute(
            "SELECT claims, unresolved FROM extractions WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        if row is None:
            raise KeyError(content_hash)
        return [Claim(**d) for d in orjson.loads(row[0])], json.loads(row[1])

    def iter_extractions(self, hashes: Iterable[str], *, claims: bool = True) -> Iterator[StoredArticle]:
        """(hash, claims, unresolved) for each of *hashes*, in the order given, read in batches.

        With ``claims=False`` the claims list is left empty (a quick pass for the names only).
        """
        col = "claims" if claims else "'[]'"
        batch: list[str] = []
        for h in hashes:
            batch.append(h)
            if len(batch) >= BATCH:
                yield from self._batch(batch, col)
                batch = []
        if batch:
            yield from self._batch(batch, col)

    @_guarded_iter
    def _batch(self, hashes: list[str], col: str) -> Iterator[StoredArticle]:
        q = ",".join("?" * len(hashes))
        got = {
            h: (c, u)
            for h, c, u in self.con.execute(
                f"SELECT content_hash, {col}, unresolved FROM extractions WHERE content_hash IN ({q})", hashes
            )
        }
        for h in hashes:
            c, u = got[h]
            yield h, [Claim(**d) for d in orjson.loads(c)], json.loads(u)

    @_guarded
    def count_claims(self, hashes: Iterable[str]) -> int:
        """How many claims the extractions of *hashes* hold (without reading them)."""
        total = 0
        hashes = list(hashes)
        for i in range(0, len(hashes), 500):
            chunk = hashes[i : i + 500]
            q = ",".join("?" * len(chunk))
            total += self.con.execute(
                f"SELECT coalesce(sum(n_claims), 0) FROM extractions WHERE content_hash IN ({q})", chunk
            ).fetchone()[0]
        return total

    @_guarded
    def suggestions(self, names: list[str]) -> dict[str, list[str]]:
        """Look-alike suggestions already computed for these unresolved names."""
        out: dict[str, list[str]] = {}
        for i in range(0, len(names), 500):
            chunk = names[i : i + 500]
            q = ",".join("?" * len(chunk))
            for name, places in self.con.execute(f"SELECT name, places FROM suggestions WHERE name IN ({q})", chunk):
                out[name] = json.loads(places)
        return out

    @_guarded
    def put_suggestions(self, found: dict[str, list[str]]) -> None:
        self.con.executemany(
            "INSERT OR REPLACE INTO suggestions VALUES (?, ?)", [(k, json.dumps(v)) for k, v in found.items()]
        )

    @_guarded
    def drop_extractions(self, keep: set[str] | None = None) -> int:
        if keep is None:
            self.con.execute("DELETE FROM suggestions")
            n = self.con.execute("DELETE FROM extractions").rowcount
        else:
            gone = self.known_hashes() - keep
            self.con.executemany("DELETE FROM extractions WHERE content_hash = ?", [(h,) for h in gone])
            n = len(gone)
        return n

    @_guarded
    def commit(self) -> None:
        self.con.commit()
