"""The gazetteer's exception hierarchy: one root, leaves that also inherit a builtin."""

from __future__ import annotations

__all__ = ["GazetteerError", "GazetteerDataError", "UnknownPlaceError"]


class GazetteerError(Exception):
    """Root of every error the gazetteer raises."""


class GazetteerDataError(GazetteerError, ValueError):
    """A shipped or imported data file is malformed (the message names file and line)."""


class UnknownPlaceError(GazetteerError, LookupError):
    """A name or id that the gazetteer cannot resolve."""
