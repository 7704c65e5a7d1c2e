"""Turn war reporting into a map of who claims what happened where.

The Python API for notebooks::

    import mapper
    report = mapper.build("seeds", "output")   # a BuildReport
    df = mapper.load_incidents("output")       # a pandas DataFrame, one row per claim
    ex = mapper.extract_article("a.txt", data, gazetteer=gaz, profile=profile)  # one article, pure
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["build", "BuildOptions", "load_incidents", "extract_article", "__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from .extract import extract_article
    from .pipeline import BuildOptions, build, load_incidents


def __getattr__(name: str) -> Any:
    # Imported on first use: `import mapper` stays cheap for the CLI's start-up.
    if name in ("build", "BuildOptions", "load_incidents"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "extract_article":
        from .extract import extract_article

        return extract_article
    raise AttributeError(f"module 'mapper' has no attribute {name!r}")
