"""Derived caches beside the compiled index, in a format that cannot run code when read.

A cache folder may be shared, or written by someone else: nothing in it is ever unpickled.
The theatre's phonetic keys are kept as JSON, checked for shape when read, and named after
the index they were derived from (a stale or foreign file is recomputed, never trusted).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import orjson

__all__ = ["Region", "read_region", "write_region"]

#: phonetic key -> place pids; the keys sorted; pid -> folded spellings.
Region = tuple[dict[str, list[int]], list[str], dict[int, list[str]]]


def read_region(path: Path, *, index_name: str) -> Region | None:
    """The region cache at *path*, or None when it is missing, damaged or not *index_name*'s."""
    try:
        data = orjson.loads(path.read_bytes())
        if not isinstance(data, dict) or data.get("index") != index_name:
            return None
        by_phon, pids = data["phon"], data["pids"]
        if not isinstance(by_phon, dict) or not isinstance(pids, list):
            return None
        region_phon: dict[str, list[int]] = {}
        for key, ids in by_phon.items():
            if not (isinstance(ids, list) and all(type(i) is int for i in ids)):
                return None
            region_phon[key] = ids
        keys_by_pid: dict[int, list[str]] = {}
        for item in pids:
            pid, keys = item
            if type(pid) is not int or not (isinstance(keys, list) and all(isinstance(k, str) for k in keys)):
                return None
            keys_by_pid[pid] = keys
    except (OSError, ValueError, TypeError, KeyError):
        return None
    return region_phon, sorted(region_phon), keys_by_pid


def write_region(path: Path, region: Region, *, index_name: str) -> None:
    """Keep *region* at *path* (atomically; a read-only cache folder only costs time)."""
    by_phon, _, keys_by_pid = region
    blob = orjson.dumps({"index": index_name, "phon": by_phon, "pids": [[p, k] for p, k in keys_by_pid.items()]})
    with contextlib.suppress(OSError):
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
