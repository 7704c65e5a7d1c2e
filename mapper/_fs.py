"""File-system edges shared by the build, the store and the exports.

- :func:`atomic_write`: one file, replaced whole (a reader sees the old file or the new one).
- :func:`replace_together`: the outputs of one build, replaced together or not at all: every new
  file is written and flushed first, beside its target; only then is a small journal written,
  and only then are the files renamed into place.  A build killed before the journal leaves
  every old output; one killed after it is completed by the next build (:func:`recover`).
  A full disk fails while writing, before anything is replaced.
- :func:`read_regular_file`: read an input file only if it is a regular file of bounded size,
  without ever blocking on a FIFO or reading a device.
- :class:`FileSystemError`: what an operating-system failure becomes, naming the path, the cause
  and what to do.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from .errors import MapperError

__all__ = [
    "FileSystemError",
    "atomic_write",
    "replace_together",
    "recover",
    "read_regular_file",
    "NotRegularFileError",
    "TooLargeError",
    "os_error_message",
    "describe_kind",
    "JOURNAL_NAME",
]

#: The journal of an interrupted replacement, in the output folder (see :func:`recover`).
JOURNAL_NAME = ".mapper-replace.json"


class FileSystemError(MapperError, OSError):
    """A file or folder cannot be read or written; the message names the path, the cause and the fix."""


class NotRegularFileError(MapperError, ValueError):
    """An input path is a FIFO, a device, a socket or a folder, not a regular file (``kind`` says which)."""

    def __init__(self, path: Path | str, kind: str) -> None:
        super().__init__(f"{path}: {kind}, not a regular file")
        self.path = Path(path)
        self.kind = kind


class TooLargeError(MapperError, ValueError):
    """An input file is larger than the caller allows (``size`` holds its size in bytes)."""

    def __init__(self, message: str, size: int) -> None:
        super().__init__(message)
        self.size = size


_FIXES = {
    errno.ENOSPC: "free some disk space (or choose another --out) and run again",
    errno.EDQUOT: "free some space within your disk quota and run again",
    errno.EROFS: "the file system is read-only; choose another --out",
    errno.EACCES: "check the permissions of the folder, or choose another --out",
    errno.EPERM: "check the permissions of the folder, or choose another --out",
    errno.ENOTDIR: "a path component is a file, not a folder; choose another --out",
    errno.EEXIST: "a file of that name is in the way; move it or choose another --out",
    errno.EISDIR: "a folder of that name is in the way; move it or choose another path",
    errno.ENAMETOOLONG: "use a shorter path",
}


def os_error_message(err: OSError, path: Path | str, action: str = "cannot write") -> str:
    """``path: action (cause); fix`` for an operating-system error."""
    cause = err.strerror or str(err) or type(err).__name__
    fix = _FIXES.get(err.errno or 0, "")
    return f"{path}: {action} ({cause})" + (f"; {fix}" if fix else "")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _stage(path: Path, data: bytes, mode: int | None) -> Path:
    """Write *data* to a new temporary file beside *path*, flushed to disk; return its path."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes private files; outputs get the usual permissions (0644 under umask 022).
        os.fchmod(fd, mode if mode is not None else 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return Path(tmp)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def atomic_write(path: Path | str, data: bytes, *, mode: int | None = None) -> None:
    """Write *data* to *path* so that a reader sees the old file or the new one, never half.

    Failures raise :class:`FileSystemError` naming *path* and the cause (a full disk, a
    read-only folder, a file where a folder should be); the old file is then untouched.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = _stage(path, data, mode)
        try:
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except FileSystemError:
        raise
    except OSError as err:
        raise FileSystemError(os_error_message(err, path)) from err


def replace_together(folder: Path | str, files: Mapping[str, bytes], *, mode: int | None = None) -> list[Path]:
    """Replace the files *files* (name -> bytes) in *folder* together, or none of them.

    The caller holds the folder's build lock.  Returns the paths written.  On failure
    (a full disk, a read-only folder) nothing has been replaced and the
    :class:`FileSystemError` names the file being written and the cause.
    """
    folder = Path(folder)
    recover(folder)
    staged: list[tuple[Path, Path]] = []
    target = folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            target = folder / name
            staged.append((_stage(target, data, mode), target))
        target = folder / JOURNAL_NAME
        # The journal commits the replacement: from here on it is completed, now or by the next build.
        journal = json.dumps([[tmp.name, dest.name] for tmp, dest in staged]).encode()
        os.replace(_stage(target, journal, 0o644), target)
        _fsync_dir(folder)
    except BaseException as err:
        for tmp, _ in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if isinstance(err, OSError) and not isinstance(err, FileSystemError):
            raise FileSystemError(os_error_message(err, target) + " (earlier outputs were left as they were)") from err
        raise
    recover(folder)
    return [dest for _, dest in staged]


def recover(folder: Path | str, *, stale: Iterable[str] = ()) -> None:
    """Complete a replacement that a killed build left half done, and remove its leftovers.

    Called with the build lock held.  *stale* names output files whose temporary files
    (``.NAME.*.tmp``) may be deleted: no other build can be writing them.
    """
    folder = Path(folder)
    journal = folder / JOURNAL_NAME
    try:
        pairs = json.loads(journal.read_bytes())
    except FileNotFoundError:
        pairs = None
    except (OSError, ValueError):
        pairs = []
    if pairs is not None:
        for pair in pairs if isinstance(pairs, list) else []:
            if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)):
                continue
            tmp, dest = (folder / Path(p).name for p in pair)  # names only: never outside the folder
            if tmp.name.startswith(f".{dest.name}.") and tmp.exists():
                try:
                    os.replace(tmp, dest)
                except OSError as err:
                    message = os_error_message(err, dest, "cannot complete the last build's update")
                    raise FileSystemError(message) from err
        _fsync_dir(folder)
        with contextlib.suppress(FileNotFoundError):
            journal.unlink()
    for name in stale:
        for tmp in folder.glob(f".{name}.*.tmp"):
            with contextlib.suppress(OSError):
                tmp.unlink()


def read_regular_file(path: Path | str, *, max_bytes: int) -> bytes:
    """The bytes of *path*, if it is a regular file of at most *max_bytes*.

    A FIFO, a device (``/dev/zero``), a socket or a folder raises :class:`NotRegularFileError`
    without blocking or reading; a larger file raises :class:`TooLargeError` without being
    read.  The type and size are checked on the open file itself, so a file swapped for
    something else between a listing and the read is caught too.  Other failures raise
    :class:`OSError` as usual.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFileError(path, describe_kind(st.st_mode))
        if st.st_size > max_bytes:
            raise TooLargeError(f"{path}: {st.st_size} bytes", st.st_size)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:  # it grew while we read it
                raise TooLargeError(f"{path}: over {max_bytes} bytes", total)
        return b"".join(chunks)
    finally:
        os.close(fd)


def describe_kind(mode: int) -> str:
    """Say what kind of file a stat mode is: "a FIFO", "a character device", ..."""
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISREG(mode):
        return "a regular file"
    return "a special file"
