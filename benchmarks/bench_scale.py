"""How `mapper build` grows with the corpus: time, peak memory and output sizes, as ratios against 1,000 articles.

    python benchmarks/bench_scale.py [--sizes 1000 2000 20000] [--no-dask] [--keep DIR]

For each size N it makes a corpus of N unique articles (the development articles and the sample,
each copy with its own closing line, as benchmarks/bench_build.py does), runs
`mapper build` into a new output folder as a child process, and prints the wall time, the peak
resident size (from /usr/bin/time, else getrusage), the throughput, and the sizes of every
output, each also as a ratio against the first size.  Then, on the second size (2,000 by default):

- an incremental build (one article added) and a full build, compared byte for byte;
- with the `dask` extra, a build on a local Dask cluster (a scheduler and two single-threaded worker
  processes on 127.0.0.1), timed and compared byte for byte.

The machine's load average is printed before and after: on a shared machine, read ratios, not seconds.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PY = sys.executable
OUTPUTS = ("incidents.geojson", "incidents.csv", "incidents.parquet", "map.html", "build-report.json")
STORES = (".mapper-store.sqlite", ".mapper-export-cache.sqlite")


def make_corpus(dest: Path, n: int) -> None:
    sources = sorted((SHARED / "eval" / "dev").glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))
    if not sources:
        sources = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    dest.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (dest / f"a{i:05d}.txt").write_text(texts[i % len(texts)] + f"\n\nCorpus copy {i}.\n", encoding="utf-8")


CPU: dict[str, float] = {}


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process; its CPU seconds go into CPU["last"]."""
    t = time.perf_counter()
    if Path("/usr/bin/time").exists():
        proc = subprocess.run(
            ["/usr/bin/time", "-f", "%M %U %S", *cmd],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            check=True,
        )
        rss, user, sys_ = proc.stderr.strip().splitlines()[-1].split()
        CPU["last"] = float(user) + float(sys_)
        return time.perf_counter() - t, int(rss) / 1024
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU["last"] = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return time.perf_counter() - t, after.ru_maxrss / 1024


def mapper(*args: str) -> list[str]:
    return [PY, "-m", "mapper", *args, "-q"]


def sizes(out: Path) -> dict[str, float]:
    found = {name: (out / name).stat().st_size / 1e6 for name in (*OUTPUTS, *STORES) if (out / name).exists()}
    found["map_files/"] = sum(p.stat().st_size for p in (out / "map_files").rglob("*") if p.is_file()) / 1e6
    return found


def same(a: Path, b: Path) -> bool:
    return all((a / n).read_bytes() == (b / n).read_bytes() for n in OUTPUTS)


def load() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 20000])
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask build")
    ap.add_argument("--keep", type=Path, help="keep the corpora and outputs in this folder")
    a = ap.parse_args()
    tmp = a.keep or Path(tempfile.mkdtemp(prefix="mapper-scale-"))
    tmp.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores, {load()}")
    try:
        sample = tmp / "sample"
        make_corpus(sample, 1)
        subprocess.run(mapper("build", "--seeds", str(sample), "--out", str(tmp / "warm")), check=True)  # index
        t1, _ = timed(mapper("build", "--seeds", str(sample), "--out", str(tmp / "out-sample")))
        cpu1 = CPU["last"]
        rows = []
        for n in a.sizes:
            corpus = tmp / f"corpus-{n}"
            make_corpus(corpus, n)
            out = tmp / f"out-{n}"
            shutil.rmtree(out, ignore_errors=True)
            secs, rss = timed(mapper("build", "--seeds", str(corpus), "--out", str(out)))
            cpu = CPU["last"]
            rows.append((n, secs, rss, sizes(out)))
            base = rows[0]
            rate = (n - 1) / max(cpu - cpu1, 1e-9)
            print(
                f"\n{n:,} articles: build {secs:7.2f} s ({secs / base[1]:5.2f}x)   peak RSS {rss:6.0f} MB "
                f"({rss / base[2]:4.2f}x)   CPU {cpu:.2f} s: {rate:4.0f} articles per CPU-second beyond the "
                f"one-article build ({t1:.2f} s, CPU {cpu1:.2f} s)"
            )
            for name, mb in rows[-1][3].items():
                ref = base[3].get(name) or float("nan")
                print(f"    {name:30s} {mb:9.2f} MB  ({mb / ref:6.2f}x)")
            if len(rows) > 1:
                prev = rows[-2]
                print(
                    f"    against {prev[0]:,}: time {secs / prev[1]:.2f}x, peak RSS {rss / prev[2]:.2f}x, "
                    f"marginal {(n - prev[0]) / max(secs - prev[1], 1e-9):.0f} articles/s"
                )
        check = a.sizes[1] if len(a.sizes) > 1 else a.sizes[0]
        compare(tmp, check, rows[0][1], a.no_dask)
    finally:
        print(f"\nmachine: {load()}")
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


def compare(tmp: Path, n: int, t_base: float, no_dask: bool) -> None:
    corpus, out = tmp / f"corpus-{n}", tmp / f"out-{n}"
    extra = corpus / "zz-added.txt"
    extra.write_text((corpus / "a00000.txt").read_text(encoding="utf-8") + "\nAdded.\n", encoding="utf-8")
    inc, _ = timed(mapper("build", "--seeds", str(corpus), "--out", str(out)))
    full_out = tmp / f"out-{n}-full"
    shutil.rmtree(full_out, ignore_errors=True)
    full, _ = timed(mapper("build", "--seeds", str(corpus), "--out", str(full_out), "--full"))
    print(
        f"\n{n + 1:,} articles: incremental (+1) {inc:.2f} s, full {full:.2f} s; "
        f"byte-identical outputs: {same(out, full_out)}"
    )
    if no_dask:
        return
    try:
        from distributed import LocalCluster
    except ImportError:
        print("dask: not installed (pip install -e '.[dask]')")
        return
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        dask_out = tmp / f"out-{n}-dask"
        shutil.rmtree(dask_out, ignore_errors=True)
        # Warm the workers (each opens its gazetteer once), as a long-running cluster would be.
        warm = tmp / "out-dask-warm"
        subprocess.run(
            mapper(
                "build",
                "--seeds",
                str(tmp / "sample"),
                "--out",
                str(warm),
                "--dask-scheduler",
                cluster.scheduler_address,
            ),
            check=True,
        )
        secs, rss = timed(
            mapper(
                "build", "--seeds", str(corpus), "--out", str(dask_out), "--dask-scheduler", cluster.scheduler_address
            )
        )
    print(
        f"{n + 1:,} articles on Dask (2 worker processes on this machine): {secs:.2f} s "
        f"({secs / t_base:.2f}x the first size's local build), client peak RSS {rss:.0f} MB; "
        f"byte-identical to the local build: {same(dask_out, full_out)}"
    )


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
