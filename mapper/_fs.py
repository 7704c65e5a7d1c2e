"""File-system edges: reading inputs safely, and errors that name the file, the cause and the fix.

- :func:`read_regular_file`: read an input file only if it is a regular file of bounded size,
  without ever blocking on a FIFO or reading a device.
- :class:`FileSystemError`: what an operating-system failure becomes, naming the path, the cause
  and what to do (:func:`os_error_message`).

Writing outputs (one file, or all the outputs of a build together) is :mod:`mapper.atomic`.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .errors import MapperError

__all__ = [
    "FileSystemError",
    "read_regular_file",
    "NotRegularFileError",
    "TooLargeError",
    "os_error_message",
    "describe_kind",
]


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
