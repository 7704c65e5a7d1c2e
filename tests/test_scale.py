"""The one-way, streaming build: GeoParquet, the export line cache, the map feed, progress, extract_article."""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pyarrow.parquet as pq
import pytest
import shapely
from conftest import ROOT, SAMPLE

from mapper import export, extract_article
from mapper.cli import main
from mapper.export import PROPERTIES, LineCache
from mapper.mapfeed import FIELDS, MapFeed, record, records_json
from mapper.pipeline import build
from mapper.progress import Steps, TerminalProgress


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    for i in range(n):
        (folder / f"a{i:03d}.txt").write_text(text + f"\n\nCopy {i}.\n", encoding="utf-8")
    return folder


def test_geoparquet_has_the_claims_of_the_geojson(sample_seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(sample_seeds, out)
    feats = json.loads((out / "incidents.geojson").read_text(encoding="utf-8"))["features"]
    pf = pq.ParquetFile(out / "incidents.parquet")
    geo = json.loads(pf.schema_arrow.metadata[b"geo"])
    assert geo["version"] == "1.1.0" and geo["primary_column"] == "geometry"
    assert geo["columns"]["geometry"] == {"encoding": "WKB", "geometry_types": ["Point"]}  # no crs: OGC:CRS84
    table = pf.read()
    assert table.column_names == [*PROPERTIES, "geometry"]
    assert str(table.schema.field("fatalities").type) == "int64" and str(table.schema.field("place").type) == "string"
    points = shapely.from_wkb(table["geometry"].to_pylist())
    assert [[p.x, p.y] for p in points] == [f["geometry"]["coordinates"] for f in feats]
    assert table.to_pylist()[0] | {"geometry": None} == feats[0]["properties"] | {"geometry": None}


def test_row_groups_encoded_in_the_background_keep_their_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(tmp_path / "corpus", 6)
    build(corpus, tmp_path / "one")
    monkeypatch.setattr(export._ParquetSink, "ROWS", 4)  # a row group every article or so
    build(corpus, tmp_path / "many")
    one = pq.ParquetFile(tmp_path / "one" / "incidents.parquet")
    many = pq.ParquetFile(tmp_path / "many" / "incidents.parquet")
    assert many.num_row_groups > 3 and one.num_row_groups == 1
    assert many.read().to_pylist() == one.read().to_pylist()


def test_a_failure_while_encoding_parquet_replaces_no_output(
    sample_seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    build(sample_seeds, out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and not p.name.startswith(".")}
    (sample_seeds / "copy.txt").write_text(SAMPLE.read_text(encoding="utf-8") + "\nA copy.\n", encoding="utf-8")

    def full_disk(blob: bytes):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(export, "_features_to_table", full_disk)  # runs in the encoding thread
    assert main(["build", "--seeds", str(sample_seeds), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "No space left on device" in err and "Traceback" not in err
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and not p.name.startswith(".")}
    assert after == before
    monkeypatch.undo()
    assert build(sample_seeds, out).articles == 2


def test_export_command_streams_the_same_lines(sample_seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(sample_seeds, out)
    for fmt, name in (("geojson", "incidents.geojson"), ("csv", "incidents.csv")):
        target = tmp_path / f"all.{fmt}"
        assert main(["export", "--out", str(out), "--format", fmt, "-o", str(target)]) == 0
        assert target.read_bytes() == (out / name).read_bytes()
    target = tmp_path / "none.geojson"
    assert main(["export", "--out", str(out), "--side", "nobody", "-o", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8")) == {"type": "FeatureCollection", "features": []}


def test_full_incremental_and_jobs_builds_agree_on_every_output(tmp_path: Path) -> None:
    seeds = _corpus(tmp_path / "seeds", 6)
    names = ("incidents.geojson", "incidents.csv", "incidents.parquet", "build-report.json", "map.html")
    build(seeds, tmp_path / "inc")
    (seeds / "a002.txt").unlink()
    (seeds / "renamed.txt").write_text(SAMPLE.read_text(encoding="utf-8") + "\n\nCopy 3.\n", encoding="utf-8")
    (seeds / "a003.txt").unlink()  # same content under a new name
    (seeds / "new.txt").write_text(SAMPLE.read_text(encoding="utf-8") + "\n\nNew.\n", encoding="utf-8")
    build(seeds, tmp_path / "inc")
    build(seeds, tmp_path / "full", full=True)
    build(seeds, tmp_path / "jobs", jobs=2)
    for name in names:
        ref = (tmp_path / "full" / name).read_bytes()
        assert (tmp_path / "inc" / name).read_bytes() == ref, name
        assert (tmp_path / "jobs" / name).read_bytes() == ref, name
    feats = json.loads((tmp_path / "full" / "incidents.geojson").read_text(encoding="utf-8"))["features"]
    assert "renamed.txt" in {f["properties"]["article"] for f in feats}


def test_a_stale_export_version_empties_the_line_cache(tmp_path: Path) -> None:
    from mapper.export import ArticleLines

    cache = LineCache(tmp_path, "v1|fp")
    cache.put(ArticleLines("a.txt", "h", b"{}", b"x\n", {"azerbaijan": 1}, ("inc-000000000001",)))
    cache.close()
    assert LineCache(tmp_path, "v1|fp").get_many([("h", "a.txt")])
    assert not LineCache(tmp_path, "v2|fp").get_many([("h", "a.txt")])
    (tmp_path / LineCache.NAME).write_bytes(b"not a database" * 100)  # damaged: started afresh
    assert not LineCache(tmp_path, "v2|fp").get_many([("h", "a.txt")])


def test_the_store_never_imports_the_exporter() -> None:
    code = "import sys, mapper.store; print('mapper.export' in sys.modules)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert proc.stdout.strip() == "False"


def _claim_feature(i: int, place: str, side: str, day: str, status: str = "claimed", **kw) -> dict:
    props = dict.fromkeys(PROPERTIES, "")
    props.update(
        article=f"a{i // 3}.txt",
        claim_id=f"c{i}",
        incident_id=f"inc-{i:012x}",
        place=place,
        place_id=place,
        side=side,
        event_date=day,
        status=status,
        event_type=kw.get("etype", "shelling"),
        geo_precision=kw.get("prec", 1),
        fatalities=kw.get("fatalities"),
        wounded=None,
        equipment_destroyed=None,
    )
    return {
        "type": "Feature",
        "id": f"c{i}",
        "geometry": {"type": "Point", "coordinates": [46.0, 40.0]},
        "properties": props,
    }


def test_map_feed_aggregates_place_side_day_above_the_limit() -> None:
    feats = [
        _claim_feature(0, "geonames:1", "azerbaijan", "2020-10-01", fatalities=2),
        _claim_feature(1, "geonames:1", "azerbaijan", "2020-10-01", etype="drone strike", fatalities=5, prec=2),
        _claim_feature(2, "geonames:1", "azerbaijan", "2020-10-02"),
        _claim_feature(3, "geonames:1", "armenia", "2020-10-01", status="denied"),
        _claim_feature(4, "geonames:2", "azerbaijan", ""),
    ]
    recs = [record(f) for f in feats]
    below = MapFeed(aggregate=False, limit=10, claims=5)
    below.add_all(recs)
    assert below.records() == recs and below.info() is None
    feed = MapFeed(aggregate=True, limit=4, claims=5)
    feed.add_all(recs)
    cells = [dict(zip(("lon", "lat", *FIELDS), r, strict=True)) for r in feed.records()]
    assert len(cells) == 4 and feed.info() == {"threshold": 4, "claims": 5, "features": 4}
    first = cells[0]
    assert first["aggregated"] is True and first["count"] == 2 and first["claimed"] == 2 and first["denied"] == 0
    assert first["event_type"] == "shelling"  # the first claim's
    assert first["fatalities"] == 5  # the highest figure, never a sum
    assert first["geo_precision"] == 1 and first["incident_id"].startswith("agg-")
    assert cells[2]["status"] == "denied"
    assert cells[3]["event_date"] == ""


def test_a_record_keeps_what_the_page_shows_of_a_feature() -> None:
    f = _claim_feature(0, "geonames:1", "azerbaijan", "2020-10-01", fatalities=2)
    rec = record(f)
    assert rec[:2] == [46.0, 40.0]
    assert dict(zip(FIELDS, rec[2:], strict=True))["fatalities"] == 2
    assert record({"geometry": None, "properties": None})[:3] == [None, None, None]  # malformed: skipped later
    lines = (json.dumps(f) + ",\n" + json.dumps(f)).encode()
    assert orjson.loads(records_json(lines)) == [rec, rec]


def test_a_big_build_aggregates_its_map_and_says_so(tmp_path: Path, capsys) -> None:
    seeds = _corpus(tmp_path / "seeds", 3)
    rc = main(["build", "--seeds", str(seeds), "--out", str(tmp_path / "out"), "--map-limit", "5"])
    assert rc == 0
    captured = capsys.readouterr()
    printed = captured.out
    report = json.loads((tmp_path / "out" / "build-report.json").read_text(encoding="utf-8"))
    assert report["claims"] > 5 and report["map"]["aggregated"] is True and report["map"]["threshold"] == 5
    assert report["map"]["features"] < report["claims"]
    assert "place x side x day" in printed and "Steps: scan" in printed
    assert "\r" not in captured.err and "article/s" not in captured.err  # not a terminal: no progress bar


def test_progress_shows_only_for_steps_longer_than_a_second() -> None:
    stream = io.StringIO()
    steps = Steps(TerminalProgress(stream))
    with steps.step("quick", total=3) as tick:
        tick()
    assert stream.getvalue() == ""
    with steps.step("compiling the gazetteer index"):
        time.sleep(1.8)
    assert "compiling the gazetteer index" in stream.getvalue()
    assert list(steps.seconds) == ["quick", "compiling the gazetteer index"]
    assert steps.seconds["compiling the gazetteer index"] >= 1.8


def test_extract_article_is_a_pure_function(gazetteer, profile) -> None:
    data = SAMPLE.read_bytes()
    one = extract_article(SAMPLE.name, data, gazetteer=gazetteer, profile=profile)
    two = extract_article(SAMPLE.name, data, gazetteer=gazetteer, profile=profile)
    assert one == two and one.claims and one.error is None
    bad = extract_article("empty.txt", b"", gazetteer=gazetteer, profile=profile)
    assert bad.error and not bad.claims


def test_an_empty_corpus_writes_empty_outputs(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    build(tmp_path / "seeds", tmp_path / "out", map_claim_limit=0)
    assert pq.read_table(tmp_path / "out" / "incidents.parquet").num_rows == 0
    gj = json.loads((tmp_path / "out" / "incidents.geojson").read_text(encoding="utf-8"))
    assert gj == {"type": "FeatureCollection", "features": []}


def test_nothing_changed_writes_nothing_and_a_deleted_output_comes_back(sample_seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build(sample_seeds, out)
    csv = (out / "incidents.csv").read_bytes()
    again = build(sample_seeds, out)
    assert again.wrote == [] and "exports" not in again.steps
    assert (again.claims, again.incidents, again.per_side) == (first.claims, first.incidents, first.per_side)
    (out / "incidents.csv").unlink()
    third = build(sample_seeds, out)
    assert out / "incidents.csv" in third.wrote and (out / "incidents.csv").read_bytes() == csv


def test_full_recomputes_every_output(sample_seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(sample_seeds, out)
    before = {n: (out / n).read_bytes() for n in ("incidents.geojson", "incidents.parquet", "map.html")}
    full = build(sample_seeds, out, full=True)
    assert full.extracted == 1 and {"exports", "map"} <= set(full.steps)
    assert {n: (out / n).read_bytes() for n in before} == before
