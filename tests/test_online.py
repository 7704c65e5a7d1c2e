"""The opt-in online geocoder, tested with a fake geopy geocoder: never the network."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from gazetteer import Context
from gazetteer.online import OnlineGeocoder


class FakeNominatim:
    def __init__(self, answers: dict[str, tuple[float, float]]) -> None:
        self.answers = answers
        self.calls: list[tuple[str, list[str]]] = []

    def geocode(self, query: str, *, exactly_one: bool = True, country_codes=None, language=None):
        self.calls.append((query, list(country_codes or [])))
        if query not in self.answers:
            return None
        lat, lon = self.answers[query]
        raw = {"osm_type": "node", "osm_id": 42, "type": "village", "address": {"country_code": "am"}}
        return SimpleNamespace(latitude=lat, longitude=lon, address=f"{query}, Gegharkunik, Armenia", raw=raw)


@pytest.fixture
def fake() -> FakeNominatim:
    return FakeNominatim({"Verin Zorakhach": (40.2197, 45.7647)})


def test_online_lookup_is_restricted_and_cached(tmp_path: Path, fake: FakeNominatim) -> None:
    geo = OnlineGeocoder({"AZ", "AM"}, geocoder=fake, cache_dir=tmp_path, min_delay_seconds=0)
    place = geo.lookup("Verin Zorakhach")
    assert place is not None and place.kind == "village" and place.country_code == "AM"
    assert fake.calls == [("Verin Zorakhach", ["am", "az"])]
    assert geo.lookup("Nowhere Town") is None
    again = OnlineGeocoder({"AZ", "AM"}, geocoder=fake, cache_dir=tmp_path, min_delay_seconds=0)
    assert again.lookup("Verin Zorakhach") == place and again.lookup("Nowhere Town") is None
    assert len(fake.calls) == 2  # answers and misses both came from the cache


def test_gazetteer_asks_online_only_when_nothing_offline_matches(gazetteer, tmp_path: Path, fake) -> None:
    g = gazetteer.with_aliases(gazetteer.aliases)
    g.online = OnlineGeocoder({"AZ", "AM"}, geocoder=fake, cache_dir=tmp_path, min_delay_seconds=0)
    ctx = Context(focus_countries=frozenset({"AZ", "AM"}), theatre_countries=frozenset({"AZ", "AM"}))
    assert g.resolve("Barda", ctx).place.name == "Barda"
    assert fake.calls == []
    best = g.resolve("Verin Zorakhach", ctx)
    assert best is not None and best.match == "online" and best.place.source.startswith("OpenStreetMap")


def test_build_is_offline_by_default(sample_seeds: Path, tmp_path: Path, monkeypatch) -> None:
    import gazetteer.online as online

    def refuse(*a, **k):
        raise AssertionError("the online geocoder was used without --geocode-online")

    monkeypatch.setattr(online.OnlineGeocoder, "lookup", refuse)
    from mapper.pipeline import build

    assert build(sample_seeds, tmp_path / "out").ok
