"""Conflict profiles: which claimant belongs to which side (data, not code)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import ProfileError
from .patterns import BoundedPattern, PatternError, compile_pattern, union

__all__ = ["Side", "Profile", "load_profile", "DEFAULT_PROFILE"]

DEFAULT_PROFILE = "karabakh-2020"
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True, slots=True)
class Side:
    id: str
    label: str
    colour: str
    # Patterns from the profile, matched with a time bound (see mapper.patterns).
    claimants: tuple[BoundedPattern, ...]
    forces: tuple[BoundedPattern, ...]
    outlets: tuple[BoundedPattern, ...] = ()
    opponent: str = ""

    @property
    def claimant_rx(self) -> BoundedPattern | None:
        return _union(self.claimants)

    @property
    def forces_rx(self) -> BoundedPattern | None:
        return _union(self.forces)


@dataclass(frozen=True, slots=True)
class Profile:
    id: str
    title: str
    sides: tuple[Side, ...]
    theatre_countries: frozenset[str]
    default_side: str
    non_violent: BoundedPattern
    source: str  # the file it came from
    digest: str  # content hash: a changed profile re-extracts claims

    def side(self, side_id: str) -> Side:
        for s in self.sides:
            if s.id == side_id:
                return s
        raise KeyError(side_id)

    def side_of_claimant(self, claimant: str) -> str | None:
        """The side whose claimant pattern matches earliest in *claimant*, or None."""
        return _side_of_claimant(self.sides, claimant)

    def opponent_of(self, side_id: str) -> str | None:
        """The side that *side_id* fights, if the profile names one."""
        for s in self.sides:
            if s.id == side_id and s.opponent:
                return s.opponent
        return None

    def side_of_outlet(self, url_or_domain: str) -> str | None:
        """The side whose domestic outlets include this one (for unqualified "the ministry said")."""
        if not url_or_domain:
            return None
        for side in self.sides:
            rx = _union(side.outlets)
            if rx is not None and rx.search(url_or_domain):
                return side.id
        return None

    def forces_in(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, side) of every mention of a side's forces in *text*."""
        found: list[tuple[int, int, str]] = []
        for side in self.sides:
            rx = side.forces_rx
            if rx is not None:
                found.extend((m.start(), m.end(), side.id) for m in rx.finditer(text))
        return sorted(found)


@lru_cache(maxsize=64)
def _union(patterns: tuple[BoundedPattern, ...]) -> BoundedPattern | None:
    """One regular expression for a list of patterns: one scan of the text instead of dozens."""
    if not patterns:
        return None
    return union(patterns, origin=patterns[0].origin)


@lru_cache(maxsize=65536)
def _side_of_claimant(sides: tuple[Side, ...], claimant: str) -> str | None:
    best: tuple[int, int, str] | None = None
    for order, side in enumerate(sides):
        rx = side.claimant_rx
        m = rx.search(claimant) if rx is not None else None
        if m and (best is None or (m.start(), order) < best[:2]):
            best = (m.start(), order, side.id)
    return best[2] if best else None


def _line_of(text: str, needle: str) -> str:
    """ ", line N" for the first line of *text* holding *needle* as written, else ""."""
    at = text.find(needle) if needle else -1
    return f", line {text.count(chr(10), 0, at) + 1}" if at >= 0 else ""


def _compile(path: str, side_id: str, field: str, patterns: object, text: str = "") -> tuple[BoundedPattern, ...]:
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        raise ProfileError(f"{path}: side {side_id!r}: {field!r} must be a list of strings (regular expressions)")
    out = []
    for p in patterns:
        try:
            out.append(compile_pattern(p, origin=f"{path}: side {side_id!r} {field}"))
        except PatternError as err:
            where = _line_of(text, p)
            raise ProfileError(f"{path}{where}: side {side_id!r}: {field!r}: {err}") from err
    return tuple(out)


def parse_profile(text: str, *, source: str = "<profile>") -> Profile:
    """Parse a profile from TOML text; errors name the file and line."""
    import hashlib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ProfileError(f"{source}: not valid TOML: {err}") from err
    for key in ("id", "sides", "theatre_countries"):
        if key not in data:
            raise ProfileError(f"{source}: missing {key!r}; see mapper/profiles/karabakh-2020.toml")
    sides = []
    for i, raw in enumerate(data["sides"]):
        if not isinstance(raw, dict) or "id" not in raw:
            raise ProfileError(f"{source}: side number {i + 1} has no 'id'")
        colour = str(raw.get("colour", "#555555"))
        if not _COLOUR.match(colour):
            raise ProfileError(f"{source}: side {raw['id']!r}: colour {colour!r} is not like '#1565c0'")
        sides.append(
            Side(
                id=str(raw["id"]),
                label=str(raw.get("label", raw["id"])),
                colour=colour,
                claimants=_compile(source, raw["id"], "claimants", raw.get("claimants", []), text),
                forces=_compile(source, raw["id"], "forces", raw.get("forces", []), text),
                outlets=_compile(source, raw["id"], "outlets", raw.get("outlets", []), text),
                opponent=str(raw.get("opponent", "")),
            )
        )
    ids = [s.id for s in sides]
    if len(set(ids)) != len(ids):
        raise ProfileError(f"{source}: side ids repeat: {ids!r}")
    for side in sides:
        if side.opponent and side.opponent not in ids:
            raise ProfileError(f"{source}: side {side.id!r}: opponent {side.opponent!r} is not one of {ids!r}")
    default = str(data.get("default_side", ids[-1] if ids else ""))
    if default not in ids:
        raise ProfileError(f"{source}: default_side {default!r} is not one of the sides {ids!r}")
    words = data.get("non_violent", [])
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise ProfileError(f"{source}: 'non_violent' must be a list of strings (words or regular expressions)")
    try:
        for w in words:
            compile_pattern(w, origin=f"{source}: non_violent")
        non_violent = compile_pattern(
            r"\b(?:" + "|".join(words or ["(?!x)x"]) + r")\b", origin=f"{source}: non_violent", probe=False
        )
    except PatternError as err:
        raise ProfileError(f"{source}: bad pattern in 'non_violent': {err}") from err
    return Profile(
        id=str(data["id"]),
        title=str(data.get("title", data["id"])),
        sides=tuple(sides),
        theatre_countries=frozenset(str(c).upper() for c in data["theatre_countries"]),
        default_side=default,
        non_violent=non_violent,
        source=source,
        digest=hashlib.sha256(text.encode()).hexdigest()[:16],
    )


def load_profile(name_or_path: str | Path | None = None) -> Profile:
    """Load a shipped profile by name ("karabakh-2020") or a profile file by path."""
    name_or_path = name_or_path or DEFAULT_PROFILE
    path = Path(name_or_path)
    if path.suffix == ".toml" or path.exists():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise ProfileError(f"{path}: cannot read the profile: {err}") from err
        return parse_profile(text, source=str(path))
    try:
        text = resources.files("mapper.profiles").joinpath(f"{name_or_path}.toml").read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise ProfileError(
            f"no profile named {str(name_or_path)!r}; give a shipped name ({DEFAULT_PROFILE!r}) or a .toml path"
        ) from err
    return parse_profile(text, source=str(name_or_path))
