"""Opt-in online geocoding through geopy, for names the offline gazetteer cannot reach.

Off by default (`mapper build --geocode-online` turns it on).  Every answer, found or
not, is kept in an SQLite cache next to the compiled index, so a name is asked once
and later builds are offline again; requests are spaced by geopy's RateLimiter
(Nominatim's usage policy asks for at most one per second).  A failure (timeout, no
network, quota) is not an answer: it is counted in ``failures``, never cached, and the
name is asked again next time.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .index import default_cache_dir
from .normalize import fold
from .place import Place

__all__ = ["OnlineGeocoder", "CACHE_NAME"]

CACHE_NAME = "online-geocoder.sqlite"
USER_AGENT = "incident-mapper/0.1 (offline-first conflict incident mapper; opt-in --geocode-online)"


class OnlineGeocoder:
    """Looks names up with a geopy geocoder, restricted to some countries, with a cache.

    *geocoder* is any geopy geocoder (default: Nominatim); tests pass a fake with the
    same ``geocode(query, exactly_one=True, country_codes=[...])`` method.
    """

    def __init__(
        self,
        countries: Iterable[str],
        *,
        geocoder: Any = None,
        cache_dir: Path | None = None,
        min_delay_seconds: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.countries = sorted(c.lower() for c in countries)
        if geocoder is None:
            from geopy.geocoders import Nominatim

            geocoder = Nominatim(user_agent=USER_AGENT, timeout=10)
        from geopy.extra.rate_limiter import RateLimiter

        # Errors are not swallowed: a swallowed timeout comes back as None, which would be
        # cached as "no such place" for good.
        self._geocode = RateLimiter(
            geocoder.geocode, min_delay_seconds=min_delay_seconds, max_retries=1, swallow_exceptions=False
        )
        self._geocode._sleep = sleep  # type: ignore[attr-defined]  # geopy calls it between requests
        path = (cache_dir or default_cache_dir()) / CACHE_NAME
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, timeout=30, check_same_thread=False)
        self._db.execute("CREATE TABLE IF NOT EXISTS answers (query TEXT PRIMARY KEY, answer TEXT)")
        self.requests = 0
        #: Lookups that failed (network, timeout, quota) in this session; not cached, asked again next time.
        self.failures = 0

    def lookup(self, name: str) -> Place | None:
        """The place Nominatim gives for *name* inside the countries, or None (cached either way)."""
        key = f"{','.join(self.countries)}|{fold(name)}"
        row = self._db.execute("SELECT answer FROM answers WHERE query = ?", (key,)).fetchone()
        if row is not None:
            data = json.loads(row[0])
        else:
            from geopy.exc import GeocoderServiceError

            self.requests += 1
            try:
                loc = self._geocode(name, exactly_one=True, country_codes=self.countries, language="en")
            except GeocoderServiceError:  # timeouts, unavailability, quotas: geopy's root for failures
                self.failures += 1
                return None
            data = None
            if loc is not None:
                raw = getattr(loc, "raw", {}) or {}
                data = {
                    "lat": float(loc.latitude),
                    "lon": float(loc.longitude),
                    "name": str(getattr(loc, "address", name)).split(",")[0].strip() or name,
                    "country_code": str((raw.get("address") or {}).get("country_code", "")).upper(),
                    "osm": f"{raw.get('osm_type', '')}/{raw.get('osm_id', '')}",
                    "kind": "village" if raw.get("type") in ("village", "hamlet", "locality") else "town",
                }
            self._db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?)", (key, json.dumps(data)))
            self._db.commit()
        if data is None:
            return None
        return Place(
            id=f"online:{data['osm'] or fold(name)}",
            name=data["name"],
            lat=data["lat"],
            lon=data["lon"],
            country_code=data["country_code"] or (self.countries[0].upper() if len(self.countries) == 1 else ""),
            kind=data["kind"],
            source="OpenStreetMap Nominatim (online fallback)",
        )
