"""Shared fixtures: no network, the real gazetteer (compiled once), the default profile."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "seeds" / "000_a783795e3209deaa.txt"


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    """Tests never reach the network: any connection to a non-local address fails loudly."""
    if request.node.get_closest_marker("browser"):
        return  # the browser tests refuse http(s) themselves and talk to Chromium locally

    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else str(address)
        if isinstance(host, str) and (host.startswith("127.") or host in ("localhost", "::1") or host.startswith("/")):
            return real_connect(self, address)
        raise RuntimeError(f"network access in a test: {address!r}")

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(scope="session")
def gazetteer(profile):
    """The gazetteer as a build with the default profile opens it: GeoNames plus the profile's tables."""
    from gazetteer import Gazetteer

    return Gazetteer.open(tables=profile.gazetteer_tables)


@pytest.fixture(scope="session")
def profile():
    from mapper.sides import load_profile

    return load_profile()


@pytest.fixture(scope="session")
def ukraine():
    """The Russia-Ukraine profile and the gazetteer a build with it opens."""
    from gazetteer import Gazetteer
    from mapper.sides import load_profile

    prof = load_profile("russia-ukraine-2022")
    return prof, Gazetteer.open(tables=prof.gazetteer_tables, area=prof.theatre_bbox)


@pytest.fixture
def sample_seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SAMPLE, seeds / SAMPLE.name)
    return seeds
