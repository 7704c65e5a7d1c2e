"""Reading articles (.txt, .md, .html) and their metadata, with clear refusals for bad input."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ._fs import NotRegularFileError, TooLargeError, read_regular_file
from .errors import ArticleError
from .language import SAMPLE_CHARS, language_of

__all__ = [
    "Article",
    "read_article",
    "parse_article",
    "ARTICLE_SUFFIXES",
    "MAX_BYTES",
    "MAX_TEXT_CHARS",
    "content_hash",
    "normalize_text",
    "MIN_YEAR",
    "MAX_YEAR",
]

ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm")
#: Larger files are refused: no news article is this long, and a 20 MB log
#: dropped into seeds/ by mistake must not stall the build.
MAX_BYTES = 5 * 1024 * 1024
#: And no article's text is this long (a long feature story is 50,000 characters): beyond it
#: the file is a book, a log or a paste, and working through it would stall the build.
MAX_TEXT_CHARS = 400_000

#: Article dates outside these years are errors in the file ("Date: 9999-12-31"), not news.
MIN_YEAR, MAX_YEAR = 1900, 2100

_HEADER = re.compile(r"^(Title|Source|URL|Date|Published|Author|Outlet|Excerpt)\s*:\s*(.*)$", re.IGNORECASE)
_BREADCRUMB = re.compile(r"^(home|news)\s*/\s*(\w+\s*/\s*)*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Article:
    """One article: its file name, metadata and plain text."""

    name: str  # file name, as written into every claim
    title: str
    text: str
    content_hash: str  # sha256 of the raw bytes: identical files count once
    published: str = ""  # ISO date or ""
    source_url: str = ""  # an http(s) address or ""
    outlet: str = ""
    #: What was wrong with the file but not fatal, for the build report ("Date: ... is no date").
    notes: tuple[str, ...] = ()


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _decode(data: bytes, path: Path) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise ArticleError(path, f"starts with a UTF-16 mark but does not decode: {err}") from err
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise ArticleError(path, "binary file (contains NUL bytes); save the article as text or HTML")
    from charset_normalizer import from_bytes

    best = from_bytes(
        data, cp_isolation=["cp1252", "cp1251", "latin_1", "utf_16", "koi8_r", "cp1254", "iso8859_9"]
    ).best()
    if best is None:
        raise ArticleError(path, "cannot tell its text encoding; save it as UTF-8")
    return str(best)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:4096]
    controls = len(_CONTROL.findall(sample))
    return controls > max(8, len(sample) // 50)


#: Line breaks other than "\n": CR alone (old Mac files), NEL, and Unicode's line and paragraph separators.
_LINE_BREAKS = re.compile("\r\n?|[\x85\u2028\u2029]")
#: Invisible format characters that split a word without showing: soft hyphens, zero-width spaces
#: and joiners, direction marks and embeddings, word joiners, BOMs inside the text.  "Tar\u00adtar"
#: must read as "Tartar".
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


def normalize_text(text: str) -> str:
    r"""One form for every text read: "\n" line ends, no invisible format characters, Unicode NFC.

    >>> normalize_text("Tar\u00adtar\rand Bar\u200dda\u2028")
    'Tartar\nand Barda\n'
    """
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text)


def _show(value: str, limit: int = 60) -> str:
    return repr(value if len(value) <= limit else value[:limit] + "...")


def _iso_date(value: str) -> tuple[str, str]:
    """(ISO date, "") for a calendar date within MIN_YEAR..MAX_YEAR, else ("", why not).

    Only a full date counts: "Updated 3 hours ago", "Wednesday" or "28 October" (no year) have
    no anchor in the file, and taking them relative to the day of the build would make the
    outputs change from day to day.
    """
    value = value.strip()
    if not value:
        return "", ""
    m = re.search(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if m:
        try:
            d = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return "", f"{_show(value)} is not a valid date"
    else:
        try:
            from datetime import datetime

            from dateutil import parser as dparser  # pandas depends on python-dateutil

            # Parsed against two different defaults: a part missing from the text shows as a difference.
            a, b = (
                dparser.parse(value, fuzzy=True, default=datetime(y, mo, dd)).date()
                for y, mo, dd in ((1901, 1, 1), (1902, 2, 2))
            )
        except (ValueError, OverflowError, TypeError, ImportError):
            return "", f"{_show(value)} holds no date"
        if a != b:
            return "", f"{_show(value)} is not a full calendar date (day, month and year)"
        d = a
    if not MIN_YEAR <= d.year <= MAX_YEAR:
        return "", f"{_show(value)} is out of range ({MIN_YEAR}-{MAX_YEAR})"
    return d.isoformat(), ""


def _web_url(value: str) -> str:
    """The http(s) address *value* gives (no javascript:, data:, file: links): its first word, or the first address
    written after the outlet's name ("Reuters (https://...)", "UNN, https://...")."""
    for word in value.split():
        word = word.strip("()[]<>,;")
        if re.match(r"https?://[^\s/]", word, re.IGNORECASE):
            return word
    return ""


def _outlet(url: str) -> str:
    m = re.match(r"https?://(?:www\.|en\.)?([^/\s]+)", url.strip())
    return m.group(1) if m else ""


def parse_article(name: str, data: bytes, *, path: Path | None = None) -> Article:
    """Turn the bytes of an article file into an :class:`Article` (pure; raises ArticleError)."""
    path = path or Path(name)
    if not data.strip():
        raise ArticleError(path, "empty file")
    if len(data) > MAX_BYTES:
        raise ArticleError(path, too_large(len(data)))
    text = _decode(data, path)
    if _looks_binary(text):
        raise ArticleError(path, "binary file (control characters); save the article as text or HTML")
    text = normalize_text(text)
    suffix = Path(name).suffix.lower()
    meta: dict[str, str] = {}
    if suffix in (".html", ".htm") or re.match(r"\s*(<!doctype html|<html)", text[:200], re.IGNORECASE):
        text, meta = _from_html(text, path)
        text = normalize_text(text)
        meta = {k: normalize_text(v) for k, v in meta.items()}
    else:
        text, meta = _from_text(text)
    if not text.strip():
        raise ArticleError(path, "no article text found")
    if len(text) > MAX_TEXT_CHARS:
        raise ArticleError(
            path, f"too long for a news article ({len(text):,} characters of text; the limit is {MAX_TEXT_CHARS:,})"
        )
    title = meta.get("title") or next((ln.strip() for ln in text.splitlines() if ln.strip()), name)
    title = _BREADCRUMB.sub("", title).strip()[:300]
    notes: list[str] = []
    raw_url = meta.get("source") or meta.get("url") or ""
    url = _web_url(raw_url)
    if raw_url.strip() and not url:
        notes.append(f"source {_show(raw_url)} is not an http(s) address; left out of the exports")
    raw_date = meta.get("date") or meta.get("published") or ""
    published, why = _iso_date(raw_date)
    if why:
        notes.append(f"date {why}; ignored")
    if not published:
        # A leading ISO date in the file name ("2020-10-09_barda.txt") is the article date.
        m = re.match(r"(\d{4}-\d{2}-\d{2})", name)
        if m:
            published, why = _iso_date(m.group(1))
            if why:
                notes.append(f"file-name date {why}; ignored")
    lang = language_of(f"{title}\n{text[:SAMPLE_CHARS]}")
    if lang.name in ("Russian", "Ukrainian"):
        notes.append(
            f"written in {lang.name}: its claims are read from event words, case endings and a few fixed "
            "shapes of reported speech, less fully than English (an English translation in seeds/ would be "
            "read in full)"
        )
    elif not lang.english:
        notes.append(
            f"written in {lang.name}, not English: places are found in any language, but claims are read "
            "from English, Russian and Ukrainian text only, so few or none of its claims are mapped (an "
            "English translation in seeds/ would be read)"
        )
    return Article(
        name=name,
        title=title,
        text=text,
        content_hash=content_hash(data),
        published=published,
        source_url=url,
        outlet=meta.get("outlet") or _outlet(url),
        notes=tuple(notes),
    )


def _from_text(text: str) -> tuple[str, dict[str, str]]:
    """Header lines (Title:, Source:, Date:) up to the first blank line are metadata."""
    lines = text.lstrip("\ufeff").split("\n")
    meta: dict[str, str] = {}
    i = 0
    while i < len(lines) and (m := _HEADER.match(lines[i].strip())):
        meta[m.group(1).lower()] = m.group(2).strip()
        i += 1
    if meta and (i == len(lines) or not lines[i].strip()):
        return "\n".join(lines[i:]).strip("\n"), meta
    return text, {}


def _from_html(html: str, path: Path) -> tuple[str, dict[str, str]]:
    try:
        import trafilatura
    except ImportError as err:  # pragma: no cover - trafilatura is a dependency
        raise ArticleError(path, "reading HTML needs trafilatura (pip install trafilatura)") from err
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True) or ""
    meta: dict[str, str] = {}
    doc = trafilatura.extract_metadata(html)
    if doc is not None:
        for key, attr in (("title", "title"), ("source", "url"), ("date", "date"), ("outlet", "sitename")):
            value = getattr(doc, attr, None)
            if value:
                meta[key] = str(value)
    return text, meta


def too_large(size: int) -> str:
    """The reason given for a file over MAX_BYTES."""
    return f"too large ({size / 1e6:.1f} MB; articles over {MAX_BYTES // 2**20} MB are skipped)"


def read_bytes(path: Path) -> bytes:
    """The bytes of an article file; a folder, FIFO, device, oversized or unreadable file is an ArticleError.

    Nothing but a regular file is ever opened for reading: a FIFO would block the build and
    ``/dev/zero`` would fill the memory.
    """
    try:
        return read_regular_file(path, max_bytes=MAX_BYTES)
    except NotRegularFileError as err:
        if err.kind == "a folder":
            raise ArticleError(path, "is a directory, not an article file") from err
        raise ArticleError(path, f"not a regular file ({err.kind}); only article files are read") from err
    except TooLargeError as err:
        raise ArticleError(path, too_large(err.size)) from err
    except PermissionError as err:
        raise ArticleError(path, "cannot be read (permission denied)") from err
    except OSError as err:
        raise ArticleError(path, f"cannot be read ({err.strerror or err})") from err


def read_article(path: Path) -> Article:
    """Read one article file; every failure is an ArticleError naming the file and the reason."""
    path = Path(path)
    return parse_article(path.name, read_bytes(path), path=path)
