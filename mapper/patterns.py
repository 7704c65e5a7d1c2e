"""Regular expressions that come from configuration (profile claimant, forces and outlet patterns).

A profile is data that anyone may write, and a pattern such as ``(a|aa)+$`` backtracks
catastrophically: with Python's ``re`` one article could hold the build for minutes.  These
patterns are therefore compiled with the ``regex`` module, which avoids most catastrophic
backtracking by itself and matches with a time bound:

- when the profile loads, each pattern is tried on probe texts made to trigger runaway
  backtracking; one that takes longer than ``PROBE_SECONDS`` is refused, with the file,
  the pattern and the fix (:class:`PatternError`);
- every later match is bounded by ``MATCH_SECONDS``; a pattern that still runs away on some
  article raises :class:`PatternTimeoutError` (a :class:`~mapper.errors.ProfileError`), which
  stops the build with a message naming the pattern, instead of hanging it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import regex

from .errors import ProfileError

__all__ = [
    "BoundedPattern",
    "PatternError",
    "PatternTimeoutError",
    "compile_pattern",
    "union",
    "MATCH_SECONDS",
    "PROBE_SECONDS",
]

#: The longest one search may take.  Real patterns take microseconds on a sentence.
MATCH_SECONDS = 1.0
#: The longest a pattern may take on a probe text when the profile loads.
PROBE_SECONDS = 0.05


class PatternError(ValueError):
    """A pattern does not compile, or backtracks catastrophically (the message says which and how to fix it)."""


class PatternTimeoutError(ProfileError):
    """A profile pattern took longer than MATCH_SECONDS on some text: it must be rewritten."""


def _probes(pattern: str) -> Iterator[str]:
    """Texts on which a catastrophically backtracking pattern takes long: runs that fail at the end.

    Runs of a letter the pattern names, of "a", of digits and of spaces: a repeat inside a repeat
    over any of them is tried an exponential number of ways before the final "!" fails it.
    """
    letters = [c for c in dict.fromkeys(re.sub(r"\\.", "", pattern)) if c.isalnum()][:4]
    for c in dict.fromkeys([*letters, "a", "1", " "]):
        yield c * 30 + "!\n"
        yield (c + " ") * 15 + "!\n"
        yield c * 1000 + "!\n"


#: Patterns already probed in this process (a build loads a profile more than once).
_SAFE: set[tuple[str, int]] = set()
#: ... and in earlier processes: hashes of probed patterns, kept in the cache folder.  A pattern probed once
#: is not compiled again until it is used (compiling a profile's hundreds of patterns with ``regex`` is a
#: tenth of a build's start-up); every match stays bounded by MATCH_SECONDS whatever this file says.
_PROBED_FILE = "probed-patterns-v1.json"
_probed: set[str] | None = None


class BoundedPattern:
    """A pattern whose every match is bounded in time (the ``re.Pattern`` methods the mapper uses), compiled
    when first used."""

    __slots__ = ("_compiled", "_source", "_flags", "origin")

    def __init__(self, rx: Any, origin: str, *, source: str | None = None, flags: int | None = None) -> None:
        self._compiled = rx
        self._source = str(rx.pattern) if rx is not None else str(source)
        self._flags = int(rx.flags) if rx is not None else int(flags or 0)
        self.origin = origin  # "profile.toml: side 'x' claimants", for messages

    @property
    def _rx(self) -> Any:
        if self._compiled is None:
            self._compiled = regex.compile(self._source, self._flags)
        return self._compiled

    @property
    def pattern(self) -> str:
        return self._source

    @property
    def flags(self) -> int:
        return self._flags

    def __repr__(self) -> str:
        return f"BoundedPattern({self.pattern!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, BoundedPattern) and (self.pattern, self.flags) == (other.pattern, other.flags)

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild, (self.pattern, self.flags, self.origin)

    def _timeout(self, text: str) -> PatternTimeoutError:
        return PatternTimeoutError(
            f"{self.origin}: the pattern {self.pattern[:200]!r} took over {MATCH_SECONDS:g} s on a text of "
            f"{len(text):,} characters: it backtracks catastrophically (nested repeats such as (a+)+ or "
            "(a|aa)*); rewrite it without repeats inside repeats"
        )

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        try:
            return self._rx.search(string, pos, endpos if endpos is not None else len(string), timeout=MATCH_SECONDS)
        except TimeoutError:
            raise self._timeout(string) from None

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        try:
            return self._rx.match(string, pos, endpos if endpos is not None else len(string), timeout=MATCH_SECONDS)
        except TimeoutError:
            raise self._timeout(string) from None

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        try:
            end = endpos if endpos is not None else len(string)
            return self._rx.fullmatch(string, pos, end, timeout=MATCH_SECONDS)
        except TimeoutError:
            raise self._timeout(string) from None

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        """Every match, each search bounded on its own (the caller's work between matches does not count)."""
        end = len(string) if endpos is None else endpos
        while pos <= end:
            m = self.search(string, pos, end)
            if m is None:
                return
            yield m
            pos = m.end() if m.end() > m.start() else m.end() + 1

    def findall(self, string: str, pos: int = 0, endpos: int | None = None) -> list[Any]:
        out = []
        for m in self.finditer(string, pos, endpos):
            groups = m.groups()
            out.append(m.group(0) if not groups else groups[0] if len(groups) == 1 else groups)
        return out

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        try:
            return str(self._rx.sub(repl, string, count, timeout=MATCH_SECONDS))
        except TimeoutError:
            raise self._timeout(string) from None


def _rebuild(pattern: str, flags: int, origin: str) -> BoundedPattern:
    return BoundedPattern(None, origin, source=pattern, flags=flags)


def _probed_key(pattern: str, rflags: int) -> str:
    import hashlib

    return hashlib.sha256(f"{rflags}\0{pattern}".encode()).hexdigest()[:24]


def _probed_path() -> Any:
    from gazetteer import default_cache_dir

    return default_cache_dir() / _PROBED_FILE


def _load_probed() -> set[str]:
    global _probed
    if _probed is None:
        import json

        try:
            data = json.loads(_probed_path().read_text(encoding="utf-8"))
            _probed = {k for k in data if isinstance(k, str)} if isinstance(data, list) else set()
        except (OSError, ValueError):
            _probed = set()
    return _probed


def _remember_probed(key: str) -> None:
    """Add a probed pattern to the cache folder's list (best effort: a read-only cache only costs time)."""
    import json
    import os
    import tempfile

    known = _load_probed()
    known.add(key)
    path = _probed_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(sorted(known), fh)
        os.replace(tmp, path)
    except OSError:
        pass


def compile_pattern(pattern: str, *, origin: str, flags: int = re.IGNORECASE, probe: bool = True) -> BoundedPattern:
    """Compile a configuration pattern (``re`` syntax), refusing one that backtracks catastrophically.

    Raises :class:`PatternError` with the reason and the fix.
    """
    rflags = regex.VERSION0 | (regex.IGNORECASE if flags & re.IGNORECASE else 0)
    rflags |= regex.MULTILINE if flags & re.MULTILINE else 0
    rflags |= regex.DOTALL if flags & re.DOTALL else 0
    rflags |= regex.VERBOSE if flags & re.VERBOSE else 0
    if probe and ((pattern, rflags) in _SAFE or _probed_key(pattern, rflags) in _load_probed()):
        # Compiled (its syntax checked) and probed before: compile it when it is first used.
        return BoundedPattern(None, origin, source=pattern, flags=rflags)
    try:
        rx = regex.compile(pattern, rflags)
    except (regex.error, ValueError, TypeError, OverflowError, RecursionError) as err:
        raise PatternError(f"bad pattern {pattern!r}: {err}") from err
    if probe and (pattern, rflags) not in _SAFE:
        for text in _probes(pattern):
            try:
                rx.search(text, timeout=PROBE_SECONDS)
            except TimeoutError:
                raise PatternError(
                    f"the pattern {pattern!r} backtracks catastrophically (it took over {PROBE_SECONDS:g} s on "
                    f"{text[:12]!r}... of {len(text)} characters); rewrite it without repeats inside repeats, "
                    "e.g. (a+)+ as a+"
                ) from None
        _SAFE.add((pattern, rflags))
        _remember_probed(_probed_key(pattern, rflags))
    return BoundedPattern(rx, origin)


def union(patterns: Iterable[BoundedPattern], *, origin: str) -> BoundedPattern | None:
    """One pattern for several (one scan of the text instead of dozens), bounded like its parts."""
    parts = [p.pattern for p in patterns]
    if not parts:
        return None
    # Each part was probed on its own, and an alternation of parts is no slower than its slowest part.
    return compile_pattern("|".join(f"(?:{p})" for p in parts), origin=origin, probe=False)
