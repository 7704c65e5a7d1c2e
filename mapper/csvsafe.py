"""CSV cells that a spreadsheet shows as text, whatever an article put in them.

Evidence sentences, places, claimants, titles and URLs come from articles, and an article
may start any of them with ``=``, ``+``, ``-`` or ``@``: Excel, LibreOffice and Google Sheets
would read such a cell as a formula (``=HYPERLINK(...)``).  Following OWASP's CSV-injection
guidance, a text cell that starts with a formula character gets a leading apostrophe, which
spreadsheets take as "this is text", and every text cell is quoted, so that a spreadsheet that
splits on ``;`` or tabs cannot start a new cell inside one.  Numbers are written as numbers
(a longitude of -0.5 stays a number).

The escape can be undone exactly (:func:`unescape_cell`, used by ``load_incidents``): a cell
that, past its leading spaces and apostrophes, starts with a formula character always gets one
more apostrophe, so no text is changed on the round trip, with one exception: a tab inside a
text cell is written as a space (a spreadsheet that splits on tabs would start a cell there).
The GeoJSON keeps every character.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

__all__ = [
    "FORMULA_START",
    "escape_cell",
    "unescape_cell",
    "csv_line",
    "escape_frame",
    "unescape_frame",
    "to_csv_bytes",
    "header_line",
]

#: First characters that make a spreadsheet evaluate a cell (OWASP, ASVS 1.2.10), with the
#: full-width forms that some spreadsheets fold onto them, and line breaks.
FORMULA_START = frozenset("=+-@\t\r\n\0\uff1d\uff0b\uff0d\uff20")


def _needs_escape(text: str) -> bool:
    rest = text.lstrip("' ")
    return bool(rest) and rest[0] in FORMULA_START


def escape_cell(value: Any) -> Any:
    """*value* as a spreadsheet-safe cell: text starting like a formula gets a leading apostrophe.

    >>> escape_cell("=HYPERLINK(\\"http://x\\")"), escape_cell("Barda"), escape_cell(-0.5)
    ('\\'=HYPERLINK("http://x")', 'Barda', -0.5)
    """
    if isinstance(value, str):
        value = value.replace("\t", " ")
        if _needs_escape(value):
            return "'" + value
    return value


def unescape_cell(value: Any) -> Any:
    """The text :func:`escape_cell` was given.

    >>> unescape_cell(escape_cell("'=1+1")) == "'=1+1" and unescape_cell("'quoted'") == "'quoted'"
    True
    """
    if isinstance(value, str) and value.startswith("'") and _needs_escape(value[1:]):
        return value[1:]
    return value


def csv_line(values: Iterable[Any]) -> str:
    """One CSV line: text cells escaped and quoted, numbers bare, None empty."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC).writerow(
        ["" if v is None else escape_cell(v) for v in values]
    )
    return buf.getvalue()


def header_line(names: Iterable[str]) -> str:
    """The header line: our own column names, plain (they are identifiers, never article text)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(list(names))
    return buf.getvalue()


def _text_columns(df: Any) -> list[str]:
    from pandas.api.types import is_object_dtype, is_string_dtype

    return [c for c in df.columns if is_string_dtype(df[c]) or is_object_dtype(df[c])]


def escape_frame(df: Any) -> Any:
    """A copy of DataFrame *df* with every text cell escaped (numbers untouched)."""
    df = df.copy()
    for col in _text_columns(df):
        df[col] = df[col].map(escape_cell)
    return df


def unescape_frame(df: Any) -> Any:
    """*df* (read from one of our CSV files) with every text cell as the article wrote it."""
    for col in _text_columns(df):
        df[col] = df[col].map(unescape_cell)
    return df


def to_csv_bytes(df: Any) -> bytes:
    """A DataFrame as CSV bytes: text cells escaped and quoted, numbers bare."""
    body = escape_frame(df).to_csv(index=False, header=False, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    return (header_line(str(c) for c in df.columns) + body).encode("utf-8")
