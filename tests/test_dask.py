"""Extraction on a Dask cluster: a scheduler and two worker processes on 127.0.0.1 (the `dask` extra)."""

from __future__ import annotations

import os
import shutil
import signal
import time
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import SAMPLE
from distributed import Client, LocalCluster

from mapper.cluster import ClusterError, extract_on_cluster
from mapper.pipeline import BuildOptions, build, open_index

OUTPUTS = ("incidents.geojson", "incidents.csv", "incidents.parquet", "build-report.json", "map.html")


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None) as c:
        yield c


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    for i in range(n):
        (folder / f"a{i:03d}.txt").write_text(text + f"\n\nCopy {i} of the sample.\n", encoding="utf-8")
    return folder


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def test_dask_build_is_byte_identical_to_a_local_build(cluster, tmp_path: Path) -> None:
    seeds = _corpus(tmp_path / "seeds", 12)
    local = build(seeds, tmp_path / "local")
    dask = build(seeds, tmp_path / "dask", dask_scheduler=cluster.scheduler_address)
    assert dask.extracted == local.extracted == 12 and dask.claims == local.claims > 0
    assert _outputs(tmp_path / "dask") == _outputs(tmp_path / "local")
    # Incremental on the cluster: only the new article travels, the outputs match a full local build.
    shutil.copy(SAMPLE, seeds / "zz-new.txt")
    (seeds / "zz-new.txt").write_text(SAMPLE.read_text(encoding="utf-8") + "\nOne more.\n", encoding="utf-8")
    inc = build(seeds, tmp_path / "dask", dask_scheduler=cluster.scheduler_address)
    assert inc.extracted == 1 and inc.reused == 12
    build(seeds, tmp_path / "full", full=True)
    assert _outputs(tmp_path / "dask") == _outputs(tmp_path / "full")


def test_unreachable_scheduler_fails_quickly_naming_it(sample_seeds: Path, tmp_path: Path) -> None:
    address = "tcp://127.0.0.1:9"  # the discard port: nothing listens there
    (tmp_path / "out").mkdir()
    t0 = time.monotonic()
    with pytest.raises(ClusterError, match="tcp://127.0.0.1:9"):
        build(sample_seeds, tmp_path / "out", dask_scheduler=address)
    assert time.monotonic() - t0 < 30
    assert not (tmp_path / "out" / "incidents.geojson").exists()


def test_cli_names_a_bad_scheduler_address(sample_seeds: Path, tmp_path: Path, capsys) -> None:
    from mapper.cli import main

    rc = main(["build", "--seeds", str(sample_seeds), "--out", str(tmp_path / "o"), "--dask-scheduler", "nonsense"])
    assert rc == 2
    assert "nonsense" in capsys.readouterr().err


def test_the_scheduler_comes_from_the_environment_too(sample_seeds: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    from mapper.cli import main

    monkeypatch.setenv("MAPPER_DASK_SCHEDULER", "not-an-address")
    assert main(["build", "--seeds", str(sample_seeds), "--out", str(tmp_path / "o")]) == 2
    assert "not-an-address" in capsys.readouterr().err


def test_a_worker_with_another_gazetteer_refuses(cluster, sample_seeds: Path) -> None:
    setup, _gaz = open_index(__import__("mapper.sides").sides.load_profile(), sample_seeds, BuildOptions())
    other = replace(setup, index_name="gazetteer-0000000000000000.sqlite")
    with pytest.raises(Exception, match="gazetteer-0000000000000000"):
        list(extract_on_cluster(cluster.scheduler_address, [(SAMPLE.name, SAMPLE)], other))


class _KillAWorker:
    """A progress display that kills one worker process when the first extraction comes back."""

    def __init__(self, address: str) -> None:
        with Client(address) as client:
            self.pids = sorted(client.run(os.getpid).values())
        self.step = ""
        self.killed: list[int] = []

    def start(self, step: str, total: int | None, unit: str) -> None:
        self.step = step

    def advance(self, done: int) -> None:
        if self.step == "extract" and not self.killed:
            os.kill(self.pids[0], signal.SIGKILL)
            self.killed.append(self.pids[0])

    def finish(self) -> None:
        pass


def test_a_worker_killed_mid_build_is_retried_or_fails_cleanly(cluster, tmp_path: Path) -> None:
    seeds = _corpus(tmp_path / "seeds", 6)
    out = tmp_path / "out"
    build(seeds, out)
    before = _outputs(out)
    for i in range(6, 60):  # new articles for the cluster
        (seeds / f"b{i:03d}.txt").write_text(SAMPLE.read_text(encoding="utf-8") + f"\nNew {i}.\n", encoding="utf-8")
    killer = _KillAWorker(cluster.scheduler_address)
    try:
        report = build(seeds, out, dask_scheduler=cluster.scheduler_address, display=killer)
    except ClusterError as err:
        assert cluster.scheduler_address in str(err)
        assert _outputs(out) == before  # nothing was written
    else:
        assert report.extracted == 54 and report.articles == 60
    assert killer.killed
    # Either way the store is consistent: the next (local) build equals a build from scratch.
    build(seeds, out)
    build(seeds, tmp_path / "fresh")
    assert _outputs(out) == _outputs(tmp_path / "fresh")
