"""Place names on the map: one convention for every label, with the other side's name where it differs.

The table is data with a source per row, in the profile's folder (``map_names.csv`` beside
``profile.toml``).  The claimant's own spelling stays in the popup ("in the article: ...").
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from unidecode import unidecode

from ..errors import ProfileError
from ..sides import Profile

__all__ = ["MapName", "load_map_names", "parse_map_names", "label_of"]

#: Azerbaijani schwa, which English renders "a" (Əhmədbəyli: Ahmadbayli) and unidecode as "@".
_SCHWA = str.maketrans({"Ə": "A", "ə": "a"})

_COLUMNS = ("place_id", "name", "other_name", "source")


@dataclass(frozen=True, slots=True)
class MapName:
    name: str  # the profile's convention
    other_name: str = ""  # the other side's name, where it differs
    other_side: str = ""
    source: str = ""


def parse_map_names(text: str, *, source: str = "<map names>") -> dict[str, MapName]:
    """Rows of a map-names CSV (lines starting with '#' are comments) by place id."""
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    missing = [c for c in _COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise ProfileError(f"{source}: missing column(s) {missing!r}; expected {list(_COLUMNS)!r}")
    names: dict[str, MapName] = {}
    for n, row in enumerate(reader, start=2):
        pid, name = (row.get("place_id") or "").strip(), (row.get("name") or "").strip()
        if not pid or not name:
            raise ProfileError(f"{source}: row {n}: place_id and name are required")
        if not (row.get("source") or "").strip():
            raise ProfileError(f"{source}: row {n} ({name!r}): say where the names come from in 'source'")
        names[pid] = MapName(
            name=name,
            other_name=(row.get("other_name") or "").strip(),
            other_side=(row.get("other_side") or "").strip(),
            source=row["source"].strip(),
        )
    return names


#: The table's file name in a profile folder.
MAP_NAMES_FILE = "map_names.csv"


def load_map_names(profile: Profile) -> dict[str, MapName]:
    """The profile's map-name table (empty when its folder has none); a merged profile's, of all its parts."""
    if profile.parts:
        names: dict[str, MapName] = {}
        for part in profile.parts:
            for place_id, entry in load_map_names(part).items():
                names.setdefault(place_id, entry)
        return names
    if profile.folder is None:
        return {}
    path = Path(profile.folder) / MAP_NAMES_FILE
    try:
        if not path.is_file():
            return {}
        return parse_map_names(path.read_text(encoding="utf-8"), source=str(path))
    except (OSError, UnicodeDecodeError) as err:
        raise ProfileError(f"{path}: cannot read the map names: {err}") from err


def label_of(place_id: str, place: str, names: dict[str, MapName]) -> tuple[str, str]:
    """(name, other side's name or "") of a place in the map's naming convention.

    Places with no row keep their gazetteer name in Latin letters (GeoNames mixes "Naxçıvan" with
    "Imishli"; unidecode gives "Naxcivan"), so that every label reads in one script.
    """
    entry = names.get(place_id)
    if entry is None:
        return unidecode(place.translate(_SCHWA)), ""
    other = entry.other_name if entry.other_name and entry.other_name != entry.name else ""
    return entry.name, other
