"""Fixtures of the fetching tests: the local web site (see webpages.py), a refused port, a fast client."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer

import pytest
from webpages import Handler, Site, default_routes


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.block_on_close = False
    s = Site(port=server.server_address[1], routes=default_routes())
    server.site = s  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield s
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (connections are refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def fast_client():
    """A WebClient without waiting: no per-host delay, short timeouts, sleeps recorded instead of slept."""
    from mapper.web import WebClient

    slept: list[float] = []
    client = WebClient(delay=0, timeout=1.0, total_timeout=2.0, backoff=0.01, sleep=slept.append)
    client.slept = slept  # type: ignore[attr-defined]
    yield client
    client.close()
