"""Turn war reporting into a map of who claims what happened where."""

from __future__ import annotations

__version__ = "0.1.0"
