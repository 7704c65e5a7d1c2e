"""The incident store: what has been processed, in SQLite next to the outputs.

Articles are remembered by name, size, modification time and content hash;
claims by content hash, so an unchanged article is never read twice and two
files with identical content are processed once.  A fingerprint of the
gazetteer data, the conflict profile, the user aliases and the extraction code
is stored too: when it changes, every article is extracted again.

The store keeps claims only.  How they are written out (GeoJSON, CSV, Parquet,
the map) is the exporter's business, with its own cache (see :mod:`mapper.export`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import fields
from pathlib import Path

import orjson

from .claims import Claim
from .errors import StoreError

__all__ = ["Store", "STORE_NAME", "StoredArticle"]

STORE_NAME = ".mapper-store.sqlite"
STORE_VERSION = "6"
_FIELDS = tuple(f.name for f in fields(Claim))
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE IF NOT EXISTS suggestions (name TEXT PRIMARY KEY, places TEXT);
CREATE TABLE IF NOT EXISTS files (name TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, content_hash TEXT);
CREATE TABLE IF NOT EXISTS extractions (content_hash TEXT PRIMARY KEY, claims TEXT, unresolved TEXT,
    title TEXT, published TEXT, n_claims INTEGER, profile TEXT, detection TEXT);
"""
#: Rows fetched per query when streaming: large enough to be quick, small enough to keep memory flat.
BATCH = 256

StoredArticle = tuple[str, list[Claim], list[str]]  # (content hash, claims, unresolved names)


class Store:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self.con = sqlite3.connect(self.path, timeout=30)
            self.con.executescript(_SCHEMA)
            if self.get_meta("store_version") != STORE_VERSION:
                # An older layout: start afresh (the store is a cache of the articles).
                self.con.executescript(
                    "DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS extractions; DELETE FROM meta;" + _SCHEMA
                )
                self.set_meta("store_version", STORE_VERSION)
                self.con.commit()
        except sqlite3.DatabaseError as err:
            raise StoreError(
                f"{self.path}: the incident store is damaged ({err}); run 'mapper build --full' to rebuild it"
            ) from err

    def close(self) -> None:
        self.con.close()

    def get_meta(self, key: str) -> str | None:
        row = self.con.execute("SELECT v FROM meta WHERE k = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def files(self) -> dict[str, tuple[int, int, str]]:
        return {r[0]: (r[1], r[2], r[3]) for r in self.con.execute("SELECT * FROM files")}

    def set_files(self, rows: dict[str, tuple[int, int, str]]) -> None:
        self.con.execute("DELETE FROM files")
        self.con.executemany("INSERT INTO files VALUES (?,?,?,?)", [(k, *v) for k, v in sorted(rows.items())])

    def known_hashes(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT content_hash FROM extractions")}

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
    ) -> None:
        """Keep one article's claims; *profile* and *detection*: the profile it was matched to, and why."""
        rows = [{f: getattr(c, f) for f in _FIELDS} for c in claims]
        self.con.execute(
            "INSERT OR REPLACE INTO extractions VALUES (?,?,?,?,?,?,?,?)",
            (
                content_hash,
                orjson.dumps(rows).decode("utf-8"),
                json.dumps(sorted(unresolved)),
                title,
                published,
                len(rows),
                profile,
                detection,
            ),
        )

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

    def suggestions(self, names: list[str]) -> dict[str, list[str]]:
        """Look-alike suggestions already computed for these unresolved names."""
        out: dict[str, list[str]] = {}
        for i in range(0, len(names), 500):
            chunk = names[i : i + 500]
            q = ",".join("?" * len(chunk))
            for name, places in self.con.execute(f"SELECT name, places FROM suggestions WHERE name IN ({q})", chunk):
                out[name] = json.loads(places)
        return out

    def put_suggestions(self, found: dict[str, list[str]]) -> None:
        self.con.executemany(
            "INSERT OR REPLACE INTO suggestions VALUES (?, ?)", [(k, json.dumps(v)) for k, v in found.items()]
        )

    def drop_extractions(self, keep: set[str] | None = None) -> int:
        if keep is None:
            self.con.execute("DELETE FROM suggestions")
            n = self.con.execute("DELETE FROM extractions").rowcount
        else:
            gone = self.known_hashes() - keep
            self.con.executemany("DELETE FROM extractions WHERE content_hash = ?", [(h,) for h in gone])
            n = len(gone)
        return n

    def commit(self) -> None:
        self.con.commit()
