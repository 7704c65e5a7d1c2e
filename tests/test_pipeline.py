"""End to end: the sample article and folders of articles become the map and exports."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from shapely.geometry import shape

from mapper.pipeline import build, load_incidents

ROOT = Path(__file__).resolve().parents[1]

SAMPLE_EXPECTED = {
    ("Goranboy", "azerbaijan"),
    ("Tartar", "azerbaijan"),
    ("Aghdam", "azerbaijan"),
    ("Aghjabadi", "azerbaijan"),
    ("Barda", "azerbaijan"),
    ("Khankendi", "armenia"),
    ("Jabrayil", "armenia"),
}
NOT_INCIDENTS = {"Moscow", "Geneva", "Baku", "Yerevan", "Paris", "Minsk"}

ARTICLE_B = """Title: Rockets on Ganja
Source: https://example.org/ganja
Date: 2020-10-11

Armenian forces fired rockets at Ganja overnight, killing nine civilians,\
the Azerbaijani Prosecutor General's Office said.
"""


def features(out: Path) -> list[dict]:
    return json.loads((out / "incidents.geojson").read_text(encoding="utf-8"))["features"]


def test_sample_article_end_to_end(sample_seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = build(sample_seeds, out)
    assert report.ok and report.articles == 1
    feats = features(out)
    got = {(f["properties"]["place"], f["properties"]["side"]) for f in feats if f["properties"]["geo_precision"] < 3}
    assert got >= SAMPLE_EXPECTED
    shusha = {
        (f["properties"]["side"], f["properties"]["status"]) for f in feats if f["properties"]["place"] == "Shusha"
    }
    assert ("azerbaijan", "denied") in shusha and any(s == "claimed" for _, s in shusha)
    assert not NOT_INCIDENTS & {f["properties"]["place"] for f in feats}
    jab = next(f for f in feats if f["properties"]["place"] == "Jabrayil")["properties"]
    assert jab["fatalities"] == 20 and jab["place_as_written"] == "Gabriel" and jab["event_type"] == "ground attack"
    assert (out / "map.html").exists() and (out / "incidents.csv").exists()


def test_geojson_is_valid_rfc7946(sample_seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(sample_seeds, out)
    fc = json.loads((out / "incidents.geojson").read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection" and fc["features"]
    required = {
        "article",
        "article_title",
        "published",
        "claim_id",
        "place",
        "place_as_written",
        "geonameid",
        "country_code",
        "geo_precision",
        "event_type",
        "claimant",
        "side",
        "side_label",
        "perpetrator_side",
        "status",
        "evidence",
        "fatalities",
        "incident_id",
        "denies_claim_id",
        "event_date",
        "time_precision",
    }
    for f in fc["features"]:
        geom = shape(f["geometry"])
        assert geom.geom_type == "Point" and geom.is_valid
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        # [lon, lat] order: the Caucasus is at about 46-47 E, 39-41 N.
        assert 44 < lon < 50 and 38 < lat < 42
        assert required <= set(f["properties"])
        assert f["properties"]["status"] in ("claimed", "denied")


def test_csv_has_the_same_rows_plus_lat_lon(sample_seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(sample_seeds, out)
    df = load_incidents(out)
    assert len(df) == len(features(out))
    assert {"lat", "lon", "claim_id", "side", "evidence"} <= set(df.columns)


def test_outputs_are_deterministic_full_and_incremental(sample_seeds: Path, tmp_path: Path) -> None:
    (sample_seeds / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    a, b = tmp_path / "a", tmp_path / "b"
    build(sample_seeds, a)
    # b: first the sample alone, then the second article added incrementally
    moved = tmp_path / "b.txt"
    shutil.move(sample_seeds / "b.txt", moved)
    build(sample_seeds, b)
    shutil.move(moved, sample_seeds / "b.txt")
    report = build(sample_seeds, b)
    assert report.extracted == 1 and report.reused == 1
    for name in ("incidents.geojson", "incidents.csv"):
        assert (a / name).read_bytes() == (b / name).read_bytes()
    build(sample_seeds, b, full=True)
    for name in ("incidents.geojson", "incidents.csv"):
        assert (a / name).read_bytes() == (b / name).read_bytes()


def test_removing_an_article_removes_its_claims(sample_seeds: Path, tmp_path: Path) -> None:
    (sample_seeds / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    out = tmp_path / "out"
    build(sample_seeds, out)
    assert any(f["properties"]["place"] == "Ganja" for f in features(out))
    (sample_seeds / "b.txt").unlink()
    build(sample_seeds, out)
    assert not any(f["properties"]["place"] == "Ganja" for f in features(out))


def test_identical_articles_count_once(sample_seeds: Path, tmp_path: Path) -> None:
    (sample_seeds / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (sample_seeds / "b-copy.txt").write_text(ARTICLE_B, encoding="utf-8")
    report = build(sample_seeds, tmp_path / "out")
    assert report.articles == 2 and report.duplicates == [("b.txt", "b-copy.txt")]


def test_bad_inputs_are_reported_and_the_build_goes_on(sample_seeds: Path, tmp_path: Path) -> None:
    (sample_seeds / "empty.txt").write_bytes(b"")
    (sample_seeds / "nul.txt").write_bytes(b"\x00" * 100 + b"text")
    (sample_seeds / "latin.txt").write_bytes(b"\xff\xfe\x00")
    (sample_seeds / "folder.txt").mkdir()
    (sample_seeds / "huge.txt").write_bytes(b"x" * (21 * 1024 * 1024))
    (sample_seeds / "hostile.txt").write_text(
        "Title: <script>alert(1)</script>\n\nArmenian forces shelled Barda <img src=x onerror=alert(2)>, "
        "the Azerbaijani Defence Ministry said.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    report = build(sample_seeds, out)
    skipped = dict(report.skipped)
    assert set(skipped) == {"empty.txt", "nul.txt", "latin.txt", "folder.txt", "huge.txt"}
    assert "empty" in skipped["empty.txt"] and "too large" in skipped["huge.txt"]
    assert not report.ok
    assert report.articles == 2
    html = (out / "map.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html and "<img src=x onerror=alert(2)>" not in html


def test_a_killed_build_leaves_previous_outputs_intact(sample_seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(sample_seeds, out)
    for i in range(40):
        (sample_seeds / f"extra{i}.txt").write_text(ARTICLE_B.replace("nine", str(i + 10)), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "mapper", "build", "--seeds", str(sample_seeds), "--out", str(out), "-q"], cwd=ROOT
    )
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    # Each output is the old file or a complete new one, never a torn write.
    assert json.loads((out / "incidents.geojson").read_bytes())["type"] == "FeatureCollection"
    assert (out / "incidents.csv").read_bytes().endswith(b"\n")
    assert (out / "map.html").read_bytes().rstrip().endswith(b"</html>")
    report = build(sample_seeds, out)
    assert report.ok and report.articles == 41
    assert not list(out.glob(".*.tmp"))  # the next build completes or removes what the killed one left


def test_a_second_build_waits_for_the_first(sample_seeds: Path, tmp_path: Path) -> None:
    import fcntl

    from mapper.errors import BuildLockedError

    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".mapper.lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        messages: list[str] = []
        with pytest.raises(BuildLockedError, match="another build is running"):
            build(sample_seeds, out, lock_wait=0.5, on_wait=messages.append)
        assert messages and "waiting" in messages[0]


def test_changed_profile_re_extracts(sample_seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(sample_seeds, out)
    custom = tmp_path / "custom"
    shutil.copytree(ROOT / "mapper" / "profiles" / "karabakh-2020", custom)
    text = (custom / "profile.toml").read_text(encoding="utf-8")
    (custom / "profile.toml").write_text(
        text.replace('label = "Azerbaijani sources"', 'label = "Baku government"'), encoding="utf-8"
    )
    report = build(sample_seeds, out, profile=custom)
    assert report.extracted == 1
    assert {f["properties"]["side_label"] for f in features(out) if f["properties"]["side"] == "azerbaijan"} == {
        "Baku government"
    }


def test_user_alias_file_pins_and_blocks_names(sample_seeds: Path, tmp_path: Path) -> None:
    (sample_seeds / "aliases.toml").write_text('[not_a_place]\nnames = ["Goran Boy"]\n', encoding="utf-8")
    out = tmp_path / "out"
    build(sample_seeds, out)
    assert "Goranboy" not in {f["properties"]["place"] for f in features(out)}


def test_jobs_give_the_same_output(sample_seeds: Path, tmp_path: Path) -> None:
    for i in range(4):
        (sample_seeds / f"b{i}.txt").write_text(ARTICLE_B.replace("nine", str(i + 2)), encoding="utf-8")
    build(sample_seeds, tmp_path / "one")
    build(sample_seeds, tmp_path / "two", jobs=2)
    assert (tmp_path / "one" / "incidents.geojson").read_bytes() == (
        tmp_path / "two" / "incidents.geojson"
    ).read_bytes()


def test_inputs_are_never_modified(sample_seeds: Path, tmp_path: Path) -> None:
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sample_seeds.iterdir()}
    build(sample_seeds, tmp_path / "out")
    assert before == {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sample_seeds.iterdir()}
    assert os.listdir(sample_seeds) == list(before)


def test_notebook_api(sample_seeds: Path, tmp_path: Path) -> None:
    import mapper

    report = mapper.build(sample_seeds, tmp_path / "out")
    df = mapper.load_incidents(tmp_path / "out")
    assert len(df) == report.claims
    assert str(df["fatalities"].dtype) == "Int64"
    assert df.loc[df["place"] == "Jabrayil", "fatalities"].iloc[0] == 20


def test_the_extraction_digest_covers_the_language_data(monkeypatch: pytest.MonkeyPatch) -> None:
    # mapper/data/common_words.csv changes what is a place: a changed table must re-extract stored articles.
    from mapper.extract import code_digest

    code_digest.cache_clear()
    before = code_digest()
    real = Path.read_bytes

    def edited(self: Path) -> bytes:
        data = real(self)
        return data + b"Kherson,never,an edit\n" if self.name == "common_words.csv" else data

    monkeypatch.setattr(Path, "read_bytes", edited)
    code_digest.cache_clear()
    try:
        assert code_digest() != before
    finally:
        monkeypatch.undo()
        code_digest.cache_clear()
