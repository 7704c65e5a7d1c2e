"""Outputs that are never half written: one file at a time, or all the outputs of a build together.

A reader of ``output/`` sees the old files or the new ones.  Every file is written to a temporary
file in the same folder, flushed to disk, and renamed over the old one (``os.replace`` is atomic on
POSIX).  :class:`OutputSet` stages several files while a build streams into them and renames them
one after the other only once every one is complete; on any error the staged files are deleted and
the previous outputs stay as they were.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import IO

__all__ = ["write_atomic", "OutputSet"]


def _staged(path: Path) -> tuple[int, str]:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    # mkstemp makes private files; outputs get the usual permissions (0644 under umask 022).
    umask = os.umask(0)
    os.umask(umask)
    os.fchmod(fd, 0o666 & ~umask)
    return fd, tmp


def write_atomic(path: Path | str, data: bytes) -> None:
    """Write *data* to *path* so that a reader sees the old file or the new one, never half."""
    path = Path(path)
    fd, tmp = _staged(path)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class OutputSet:
    """Files of one build, staged beside their targets and put in place together.

    ::

        with OutputSet(out) as outs:
            fh = outs.open("incidents.geojson")   # a binary file to stream into
            outs.put("build-report.json", data)   # or whole bytes
        # here every file is in place; after an exception none was touched

    A file whose new bytes equal the old ones is left alone (its modification time stays).
    """

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)
        self._staged: dict[str, tuple[str, IO[bytes]]] = {}
        self.replaced: list[Path] = []

    def open(self, name: str) -> IO[bytes]:
        if name in self._staged:
            raise ValueError(f"{name} is already staged")
        fd, tmp = _staged(self.folder / name)
        fh = os.fdopen(fd, "wb")
        self._staged[name] = (tmp, fh)
        return fh

    def put(self, name: str, data: bytes) -> None:
        self.open(name).write(data)

    def staged_path(self, name: str) -> Path:
        """Where *name* is being written (for writers that need a path, such as Parquet)."""
        return Path(self._staged[name][0])

    def commit(self) -> list[Path]:
        """Flush every staged file to disk, then rename them all into place; returns the files that changed."""
        for _tmp, fh in self._staged.values():
            if not fh.closed:
                fh.flush()
                os.fsync(fh.fileno())
                fh.close()
        for name, (tmp, _fh) in sorted(self._staged.items()):
            target = self.folder / name
            if _same_bytes(Path(tmp), target):
                os.unlink(tmp)
                continue
            os.replace(tmp, target)
            self.replaced.append(target)
        self._staged.clear()
        return self.replaced

    def abort(self) -> None:
        for tmp, fh in self._staged.values():
            with contextlib.suppress(OSError):
                fh.close()
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        self._staged.clear()

    def __enter__(self) -> OutputSet:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


def _same_bytes(a: Path, b: Path, chunk: int = 1 << 20) -> bool:
    try:
        if a.stat().st_size != b.stat().st_size:
            return False
        with open(a, "rb") as fa, open(b, "rb") as fb:
            while True:
                x, y = fa.read(chunk), fb.read(chunk)
                if x != y:
                    return False
                if not x:
                    return True
    except OSError:
        return False
