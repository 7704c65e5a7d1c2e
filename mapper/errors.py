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
]


class MapperError(Exception):
    """Root of every error the mapper raises."""


class ArticleError(MapperError, ValueError):
    """An article file cannot be read; ``path`` names it and ``reason`` says why."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class ProfileError(MapperError, ValueError):
    """A conflict profile is malformed (the message names the file and, where known, the line)."""


class AliasError(MapperError, ValueError):
    """A user alias file is malformed (the message names the file and line)."""


class BuildLockedError(MapperError, RuntimeError):
    """Another build is running on the same output folder."""


class StoreError(MapperError, RuntimeError):
    """The incident store cannot be opened or is damaged."""
