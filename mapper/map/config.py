"""The map's view and precision radii: read from the profile when it has them, else these defaults.

Issue 12 moves the initial view and the precision radii into the profile; until a profile carries
them, the values below (the 2020 Karabakh theatre) apply.  This module is the one place to switch.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..sides import Profile

__all__ = ["MapView", "map_view", "precision_km", "PRECISION_KM", "PRECISION_TEXT"]

#: Radius of the uncertainty area by geo_precision (1 town, 2 district or "near", 3 region).
PRECISION_KM: dict[int, int] = {1: 0, 2: 10, 3: 40}
PRECISION_TEXT: dict[int, str] = {
    1: "town or village: the place itself",
    2: "district or 'near' a town: about 10 km",
    3: "region only: the claim names no town",
}
_DEFAULT_CENTRE = (40.0, 46.8)
_DEFAULT_ZOOM = 7


@dataclass(frozen=True, slots=True)
class MapView:
    centre: tuple[float, float]  # (lat, lon)
    zoom: int


def map_view(profile: Profile) -> MapView:
    """The first view of a map with no claims (a map with claims fits them)."""
    centre = getattr(profile, "map_centre", None) or _DEFAULT_CENTRE
    zoom = getattr(profile, "map_zoom", None) or _DEFAULT_ZOOM
    return MapView(centre=(float(centre[0]), float(centre[1])), zoom=int(zoom))


def precision_km(profile: Profile) -> dict[int, int]:
    """Uncertainty radius (km) by geo_precision, from the profile when it states them."""
    radii = getattr(profile, "precision_km", None) or PRECISION_KM
    return {int(k): int(v) for k, v in radii.items()}
