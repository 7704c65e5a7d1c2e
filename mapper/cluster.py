"""Extraction on a Dask distributed cluster (``mapper build --dask-scheduler tcp://HOST:PORT``).

Only the extraction of new and changed articles leaves this machine: the client reads each
article's bytes and sends them, in small batches, with a :class:`~mapper.extract.WorkerSetup`
(the profile, the user's aliases, the name of the gazetteer index and a digest of the
extraction code).  Each worker opens its own gazetteer index once, from its ``MAPPER_CACHE_DIR``
(a shared folder, a copy of the file, or compiled on first use from the same installed data),
and refuses to work if its index or its code differ from the client's.  The store, incident
grouping and every output stay here.

Dask re-runs the tasks of a worker that dies; if it gives up (``KilledWorker``) or the scheduler
goes away, the build stops with :class:`ClusterError` before anything is written, and the
articles already extracted stay in the store for the next build.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from .articles import read_bytes
from .errors import ArticleError, MapperError
from .extract import Extraction, WorkerSetup, worker_extract

__all__ = ["ClusterError", "extract_on_cluster", "CONNECT_TIMEOUT"]

#: Seconds to reach the scheduler (and to wait for a first worker) before giving up.
CONNECT_TIMEOUT = 10
#: Articles per task: large enough to amortise a round trip, small enough to spread the work.
BATCH = 8


class ClusterError(MapperError, RuntimeError):
    """The Dask cluster cannot be reached or failed during the build; the message names the scheduler."""


_ADDRESS = re.compile(r"^(?:(?:tcp|tls|ws|wss|ucx)://)?(?:[\w.-]+|\[[0-9a-fA-F:]+\]):\d{1,5}$")


def _client(address: str):
    if not _ADDRESS.match(address):
        raise ClusterError(f"{address!r} is not a Dask scheduler address; give tcp://HOST:PORT")
    try:
        from distributed import Client
    except ImportError as err:
        raise ClusterError(
            f"--dask-scheduler {address}: Dask is not installed; pip install 'incident-mapper[dask]'"
        ) from err
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError, TypeError) as err:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address} within {CONNECT_TIMEOUT} s ({type(err).__name__}: {err}); "
            "check the address (tcp://HOST:PORT) and that 'dask scheduler' runs there"
        ) from err
    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as err:
        client.close()
        raise ClusterError(
            f"the Dask scheduler at {address} has no workers (waited {CONNECT_TIMEOUT} s); "
            f"start 'dask worker {address}'"
        ) from err
    return client


def extract_on_cluster(address: str, todo: list[tuple[str, Path]], setup: WorkerSetup) -> Iterator[Extraction]:
    """Extract *todo* ((name, path) pairs) on the cluster at *address*; yields as batches finish."""
    from distributed import as_completed

    client = _client(address)
    try:
        workers = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))
        setup_f = client.scatter(setup, broadcast=True, hash=False)
        batches = (todo[i : i + BATCH] for i in range(0, len(todo), BATCH))
        pending = as_completed(loop=client.loop)
        unreadable: list[Extraction] = []

        def submit_next() -> bool:
            batch = next(batches, None)
            if batch is None:
                return False
            items = []
            for name, path in batch:
                try:
                    items.append((name, read_bytes(path)))  # regular files of bounded size only
                except ArticleError as err:
                    unreadable.append(Extraction(name, "", error=err.reason))
            pending.add(client.submit(worker_extract, setup_f, items, pure=False, retries=1))
            return True

        for _ in range(workers * 3):  # a few batches in flight per worker thread: memory stays flat
            if not submit_next():
                break
        for fut in pending:
            try:
                results = fut.result()
            except MapperError:
                raise
            except Exception as err:  # KilledWorker, CommClosedError, CancelledError...
                raise ClusterError(
                    f"the Dask cluster at {address} failed during the build ({type(err).__name__}: {err}); "
                    "nothing was written; run the build again"
                ) from err
            submit_next()
            yield from results
            yield from unreadable
            unreadable.clear()
    finally:
        client.close()
