"""The map's view and precision radii, from the profile (``[map]`` and ``[geometry]`` of profile.toml)."""

from __future__ import annotations

from dataclasses import dataclass

from ..sides import Profile

__all__ = ["MapView", "map_view", "precision_km", "PRECISION_KM", "PRECISION_TEXT"]

#: Radius of the uncertainty area by geo_precision (1 town, 2 district or "near", 3 region) when a
#: profile states none.
PRECISION_KM: dict[int, int] = {1: 0, 2: 10, 3: 40}
PRECISION_TEXT: dict[int, str] = {
    1: "town or village: the place itself",
    2: "district or 'near' a town: about 10 km",
    3: "region only: the claim names no town",
}


@dataclass(frozen=True, slots=True)
class MapView:
    centre: tuple[float, float]  # (lat, lon)
    zoom: int


def map_view(profile: Profile) -> MapView:
    """The first view of a map with no claims (a map with claims fits them)."""
    return MapView(centre=(float(profile.map_centre[0]), float(profile.map_centre[1])), zoom=int(profile.map_zoom))


def precision_km(profile: Profile) -> dict[int, int]:
    """Uncertainty radius (km) by geo_precision, from the profile when it states them."""
    radii = {**PRECISION_KM, **(profile.precision_km or {})}
    return {int(k): int(v) for k, v in radii.items()}
