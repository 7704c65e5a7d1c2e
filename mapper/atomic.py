"""Outputs that are never half written: one file at a time, or all the outputs of a build together.

A reader of ``output/`` sees the old files or the new ones.  Every file is written to a temporary
file in the same folder, flushed to disk, and renamed over the old one (``os.replace`` is atomic on
POSIX).  :class:`OutputSet` stages several files while a build streams into them and puts them in
place together:

1. every staged file is written in full and flushed to disk (a full disk fails here, before
   anything is replaced: the staged files are deleted and the previous outputs stay);
2. a small journal naming the staged files is written (atomically): from here on the set is
   committed;
3. the files are renamed into place, and the journal is deleted.

A build killed during step 3 leaves the journal: the next build (:func:`recover`, called with the
build lock held) completes the renames before doing anything else.  Failures raise
:class:`~mapper._fs.FileSystemError` naming the file and the cause ("No space left on device").
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from ._fs import FileSystemError, os_error_message

__all__ = ["write_atomic", "OutputSet", "recover", "JOURNAL_PREFIX"]

#: Journals of a commit in progress: ``.mapper-replace.XXXX.json`` in the output folder.
JOURNAL_PREFIX = ".mapper-replace."


def _staged(path: Path) -> tuple[int, str]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise FileSystemError(os_error_message(err, path)) from err
    # mkstemp makes private files; outputs get the usual permissions (0644 under umask 022).
    umask = os.umask(0)
    os.umask(umask)
    os.fchmod(fd, 0o666 & ~umask)
    return fd, tmp


def write_atomic(path: Path | str, data: bytes) -> None:
    """Write *data* to *path* so that a reader sees the old file or the new one, never half.

    A failure raises FileSystemError naming *path* and the cause; the old file is then untouched.
    """
    path = Path(path)
    fd, tmp = _staged(path)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(err, OSError) and not isinstance(err, FileSystemError):
            raise FileSystemError(os_error_message(err, path)) from err
        raise


class _Staged:
    """A staged output file: writes that fail (a full disk) name the output they were for."""

    def __init__(self, fh: IO[bytes], target: Path) -> None:
        self._fh = fh
        self.target = target

    def write(self, data: Any) -> int:
        try:
            return self._fh.write(data)
        except OSError as err:
            raise FileSystemError(os_error_message(err, self.target)) from err

    def flush(self) -> None:
        try:
            self._fh.flush()
        except OSError as err:
            raise FileSystemError(os_error_message(err, self.target)) from err

    def fileno(self) -> int:
        return self._fh.fileno()

    @property
    def closed(self) -> bool:
        return self._fh.closed

    def close(self) -> None:
        try:
            self._fh.close()
        except OSError as err:
            raise FileSystemError(os_error_message(err, self.target)) from err

    def __getattr__(self, name: str) -> Any:
        return getattr(self._fh, name)


class OutputSet:
    """Files of one build, staged beside their targets and put in place together.

    ::

        with OutputSet(out) as outs:
            fh = outs.open("incidents.geojson")   # a binary file to stream into
            outs.put("build-report.json", data)   # or whole bytes
        # here every file is in place; after an exception none was touched

    A file whose new bytes equal the old ones is left alone (its modification time stays),
    unless *force* (``mapper build --full``): then every file is replaced.
    """

    def __init__(self, folder: Path | str, *, force: bool = False) -> None:
        self.folder = Path(folder)
        self.force = force
        self._staged: dict[str, tuple[str, _Staged]] = {}
        self.replaced: list[Path] = []

    def open(self, name: str) -> IO[bytes]:
        if name in self._staged:
            raise ValueError(f"{name} is already staged")
        fd, tmp = _staged(self.folder / name)
        fh = _Staged(os.fdopen(fd, "wb"), self.folder / name)
        self._staged[name] = (tmp, fh)
        return fh  # type: ignore[return-value]  # a file-like object: write, flush, close

    def put(self, name: str, data: bytes) -> None:
        self.open(name).write(data)

    def sha256(self, name: str) -> str:
        """The SHA-256 of what is staged for *name* so far (flushed first)."""
        import hashlib

        tmp, fh = self._staged[name]
        if not fh.closed:
            fh.flush()
        h = hashlib.sha256()
        with open(tmp, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()

    def staged_path(self, name: str) -> Path:
        """Where *name* is being written (for writers that need a path, such as Parquet)."""
        return Path(self._staged[name][0])

    def commit(self) -> list[Path]:
        """Flush every staged file to disk, then rename them all into place; returns the files that changed."""
        for name, (_tmp, fh) in self._staged.items():
            if not fh.closed:
                try:
                    fh.flush()
                    os.fsync(fh.fileno())
                    fh.close()
                except OSError as err:
                    if isinstance(err, FileSystemError):
                        raise
                    raise FileSystemError(os_error_message(err, self.folder / name)) from err
        moves: list[tuple[str, str]] = []
        for name, (tmp, _fh) in sorted(self._staged.items()):
            target = self.folder / name
            if not self.force and _same_bytes(Path(tmp), target):
                os.unlink(tmp)
                continue
            moves.append((Path(tmp).name, name))
        self._staged.clear()
        if moves:
            journal = self._journal(moves)
            _apply(self.folder, moves)
            _fsync_dir(self.folder)
            with contextlib.suppress(OSError):
                journal.unlink()
            self.replaced.extend(self.folder / name for _tmp, name in moves)
        return self.replaced

    def _journal(self, moves: list[tuple[str, str]]) -> Path:
        """Write the journal that commits *moves*; on failure delete the staged files and raise."""
        data = json.dumps([list(m) for m in moves]).encode()
        try:
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=JOURNAL_PREFIX, suffix=".json.tmp")
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            journal = Path(tmp[: -len(".tmp")])
            os.replace(tmp, journal)
            _fsync_dir(self.folder)
            return journal
        except OSError as err:
            for staged, _name in moves:
                with contextlib.suppress(OSError):
                    (self.folder / staged).unlink()
            with contextlib.suppress(OSError, UnboundLocalError):
                os.unlink(tmp)
            raise FileSystemError(
                os_error_message(err, self.folder) + " (the earlier outputs were left as they were)"
            ) from err

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
            try:
                self.commit()
            except BaseException:
                self.abort()
                raise
        else:
            self.abort()
            if isinstance(exc, OSError) and not isinstance(exc, FileSystemError):
                # A writer that wrote to a staged path itself (Parquet): name the folder at least.
                raise FileSystemError(
                    os_error_message(exc, self.folder) + " (the earlier outputs were left as they were)"
                ) from exc


def _apply(folder: Path, moves: Iterable[tuple[str, str]]) -> None:
    for staged, name in moves:
        src, dest = folder / Path(staged).name, folder / Path(name).name  # names only: never outside the folder
        if not src.name.startswith(f".{dest.name}."):
            continue
        try:
            os.replace(src, dest)
        except FileNotFoundError:
            continue  # already moved (by a concurrent recovery)
        except OSError as err:
            raise FileSystemError(os_error_message(err, dest, "cannot put the new file in place")) from err


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def recover(folder: Path | str, *, stale: Iterable[str] = ()) -> None:
    """Complete the commits that a killed build left half done, then remove its leftovers.

    Call it with the folder's build lock held.  *stale* names outputs whose temporary files
    (``.NAME.*.tmp``) a killed build may have left: no other build can be writing them now.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return
    for journal in sorted(folder.glob(f"{JOURNAL_PREFIX}*.json")):
        try:
            moves = json.loads(journal.read_bytes())
        except (OSError, ValueError):
            moves = []
        good = [
            (m[0], m[1])
            for m in (moves if isinstance(moves, list) else [])
            if isinstance(m, list) and len(m) == 2 and all(isinstance(x, str) for x in m)
        ]
        _apply(folder, good)
        _fsync_dir(folder)
        with contextlib.suppress(OSError):
            journal.unlink()
    for pattern in (*(f".{name}.*.tmp" for name in stale), f"{JOURNAL_PREFIX}*.json.tmp"):
        for tmp in folder.glob(pattern):
            with contextlib.suppress(OSError):
                tmp.unlink()


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
