"""Turn war reporting into a map of who claims what happened where.

The Python API for notebooks::

    import mapper
    report = mapper.build("seeds", "output")   # a BuildReport
    df = mapper.load_incidents("output")       # a pandas DataFrame, one row per claim
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["build", "load_incidents", "__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from .pipeline import build, load_incidents


def __getattr__(name: str) -> Any:
    # Imported on first use: `import mapper` stays cheap for the CLI's start-up.
    if name in ("build", "load_incidents"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'mapper' has no attribute {name!r}")
