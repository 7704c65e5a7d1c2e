"""The mapper's exception hierarchy: one root; leaves also inherit the matching builtin."""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "MapperError",
    "ArticleError",
    "ProfileError",
    "AliasError",
    "BuildLockedError",
    "StoreError",
    "StoreDamagedError",
    "SeedsNotFoundError",
    "OutputFolderError",
]


class MapperError(Exception):
    """Root of every error the mapper raises."""


class ArticleError(MapperError, ValueError):
    """An article file cannot be read; ``path`` names it and ``reason`` says why."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self) -> tuple[type[ArticleError], tuple[Path, str]]:
        # Rebuilt from (path, reason): the error crosses from --jobs worker processes to the build.
        return type(self), (self.path, self.reason)


class ProfileError(MapperError, ValueError):
    """A conflict profile is malformed (the message names the file and, where known, the line)."""


class AliasError(MapperError, ValueError):
    """A user alias file is malformed (the message names the file and line)."""


class BuildLockedError(MapperError, RuntimeError):
    """Another build is running on the same output folder."""


class StoreError(MapperError, RuntimeError):
    """The incident store cannot be opened or is damaged."""


class StoreDamagedError(StoreError):
    """The incident store's file is damaged (``cause`` says how); the build sets it aside and rebuilds."""

    def __init__(self, message: str, cause: str = "") -> None:
        super().__init__(message)
        self.cause = cause or message

    def __reduce__(self) -> tuple[type[StoreDamagedError], tuple[str, str]]:
        return type(self), (str(self), self.cause)


class SeedsNotFoundError(MapperError, FileNotFoundError):
    """The seeds folder does not exist."""


class OutputFolderError(MapperError, ValueError):
    """The output folder cannot be used as given (it is the seeds folder, or a file)."""
