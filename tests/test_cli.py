from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mapper.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[1]


def commands() -> list[str]:
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    return sorted(sub.choices)


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for cmd in commands():
        assert re.search(rf"mapper {re.escape(cmd)}\b", readme), f"`mapper {cmd}` is not in README.md"


@pytest.mark.parametrize("cmd", commands())
def test_every_command_has_help(cmd: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([cmd, "--help"])
    assert info.value.code == 0
    assert "usage: mapper " + cmd in capsys.readouterr().out


def test_build_exit_codes(sample_seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["build", "--seeds", str(sample_seeds), "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert "Read 1 article" in text and "claim(s)" in text
    (sample_seeds / "empty.txt").write_bytes(b"")
    assert main(["build", "--seeds", str(sample_seeds), "--out", str(out)]) == 1
    assert "skipped: empty.txt: empty file" in capsys.readouterr().out
    assert main(["build", "--seeds", str(tmp_path / "missing"), "--out", str(out)]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_bad_profile_is_a_clear_error(sample_seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "x"\ntheatre_countries = ["AZ"]\n[[sides]]\nid = "a"\nclaimants = ["("]\n', encoding="utf-8")
    assert main(["build", "--seeds", str(sample_seeds), "--out", str(tmp_path / "o"), "--profile", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.toml" in err and "bad pattern" in err and "Traceback" not in err


def test_bad_alias_file_names_the_line(sample_seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (sample_seeds / "aliases.toml").write_text('[pin]\n"Madagiz" = \n', encoding="utf-8")
    assert main(["build", "--seeds", str(sample_seeds), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "aliases.toml" in err and "line 2" in err


def test_resolve_prints_candidates_and_why(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resolve", "Tatar", "--near", "Goranboy", "--near", "Aghdam", "--near", "Barda"]) == 0
    out = capsys.readouterr().out
    assert "Chosen: Tartar" in out and "km on average" in out


@pytest.mark.parametrize("area", ["Kherson region", "Херсонської області"])
def test_resolve_in_an_area_shows_only_that_regions_namesakes(area: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resolve", "Ivanivka", "--in", area, "--profile", "russia-ukraine-2022", "--limit", "50"]) == 0
    out = capsys.readouterr().out
    assert "In: Kherson Oblast (UA.08)" in out
    lats = [float(line.split(", ")[2]) for line in out.splitlines() if line.lstrip()[:2].rstrip(".").isdigit()]
    # Kherson Oblast lies between 45.9 and 47.6 degrees north; Ukraine's other Ivanivkas reach 52.
    assert lats and all(45.9 < lat < 47.6 for lat in lats)


def test_resolve_in_an_unknown_area_says_what_to_give(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resolve", "Ivanivka", "--in", "Narnia", "--profile", "russia-ukraine-2022"]) == 2
    assert "--in 'Narnia'" in capsys.readouterr().err


def test_add_copies_and_never_overwrites(
    sample_seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "new"
    new.mkdir()
    (new / "b.txt").write_text("Title: b\n\nRockets hit Barda, the Azerbaijani ministry said.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["add", str(new), "--seeds", str(sample_seeds), "--out", str(out)]) == 0
    assert (sample_seeds / "b.txt").exists()
    (new / "b.txt").write_text("different", encoding="utf-8")
    assert main(["add", str(new / "b.txt"), "--seeds", str(sample_seeds), "--out", str(out)]) == 1
    assert "nothing was overwritten" in capsys.readouterr().err
    assert "Rockets hit Barda" in (sample_seeds / "b.txt").read_text(encoding="utf-8")


def test_export_filters(sample_seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    main(["build", "--seeds", str(sample_seeds), "--out", str(out), "-q"])
    target = tmp_path / "az.geojson"
    assert main(["export", "--out", str(out), "--side", "azerbaijan", "-o", str(target)]) == 0
    feats = json.loads(target.read_text(encoding="utf-8"))["features"]
    assert feats and {f["properties"]["side"] for f in feats} == {"azerbaijan"}
    acled = tmp_path / "a.csv"
    assert (
        main(["export", "--out", str(out), "--format", "acled", "--event-type", "missile strike", "-o", str(acled)])
        == 0
    )
    header = acled.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("event_id_cnty,event_date,time_precision,event_type")


def test_python_m_mapper_runs() -> None:
    proc = subprocess.run([sys.executable, "-m", "mapper", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0 and "build" in proc.stdout


def test_the_command_exits_with_the_build_status_and_complete_outputs(sample_seeds: Path, tmp_path: Path) -> None:
    # The command freezes its objects before it exits (no last collection): every file is still complete.
    (sample_seeds / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "mapper", "build", "--seeds", str(sample_seeds), "--out", str(out), "-q"]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1  # an article was skipped
    assert json.loads((out / "incidents.geojson").read_bytes())["features"]
    assert (out / "map.html").read_bytes().rstrip().endswith(b"</html>")
    bad = subprocess.run([*cmd[:4], str(tmp_path / "nowhere"), *cmd[5:]], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and "nowhere" in bad.stderr


def test_a_reader_that_closes_the_pipe_gets_no_error(gazetteer, tmp_path: Path, monkeypatch, capsys) -> None:
    # "mapper resolve X | head -1": the command stops quietly, with the shell's status for a closed pipe.
    sink = open(tmp_path / "sink", "w")  # noqa: SIM115 -- its descriptor stands for the closed pipe

    class ClosedPipe(io.StringIO):
        def write(self, s: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def fileno(self) -> int:
            return sink.fileno()

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    try:
        assert main(["resolve", "Kherson"]) == 141
    finally:
        sink.close()
    assert "error" not in capsys.readouterr().err.lower()


def test_the_readme_alias_example_works(tmp_path: Path, gazetteer) -> None:
    from mapper.aliases import load_aliases

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(\[pin\].*?)```", readme, re.S).group(1)
    path = tmp_path / "aliases.toml"
    path.write_text(block, encoding="utf-8")
    aliases = load_aliases(path, gazetteer)
    g = gazetteer.with_aliases(aliases)
    assert g.resolve("Madaghis").place.name == "Sugovushan"
    assert g.resolve("Height 1024").place.kind == "height"
    assert g.resolve("Vardan") is None


def test_build_lists_unresolved_names_with_suggestions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(
        "Title: t\n\nArmenian forces shelled the village of Talishh, the Azerbaijani ministry said.\n", encoding="utf-8"
    )
    assert main(["build", "--seeds", str(seeds), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "'Talishh' in a.txt" in out and "looks like: Talish" in out
    report = json.loads((tmp_path / "out" / "build-report.json").read_text(encoding="utf-8"))
    assert "Talishh" in report["unresolved"] and report["suggestions"]["Talishh"][0].startswith("Talish")


def test_explain_prints_each_stages_decision(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    art = tmp_path / "a.txt"
    art.write_text(
        "Title: t\nDate: 2020-10-10\n\nTalks were held in Geneva on Monday.\n"
        "Armenian forces shelled Tartar overnight, the Azerbaijani Defence Ministry said.\n",
        encoding="utf-8",
    )
    assert main(["explain", str(art)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Profile: karabakh-2020 (evidence: ")  # detected, as a build without --profile does
    assert "frame     backward 'the Azerbaijani Defence Ministry' 'said'" in out
    assert "speaker 'the Azerbaijani Defence Ministry' [azerbaijan] by profile pattern" in out
    assert "place     'Tartar' = Tartar (geonames:584871): incident, shelling" in out
    assert "claim     Tartar <- 'the Azerbaijani Defence Ministry' [azerbaijan]" in out
    assert "'Geneva' = Geneva" in out and "left out, outside the theatre (CH)" in out
    assert main(["explain", str(art), "--sentence", "0"]) == 0
    only = capsys.readouterr().out
    assert only.startswith("Profile: karabakh-2020") and "[0] 'Talks were held in Geneva" in only and "[1]" not in only


def test_explain_and_build_say_an_article_is_not_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    # Invented, in Italian: places are found in any language, claims only in English.
    (seeds / "it.txt").write_text(
        "Title: t\nDate: 2020-10-10\n\nNella notte le forze armene hanno bombardato la città di Tartar, secondo il "
        "ministero della difesa. Due persone sono rimaste ferite e sono state danneggiate alcune case.\n",
        encoding="utf-8",
    )
    assert main(["explain", str(seeds / "it.txt"), "--profile", "karabakh-2020"]) == 0
    assert "Note: written in Italian, not English" in capsys.readouterr().out
    assert main(["build", "--seeds", str(seeds), "--out", str(tmp_path / "out")]) == 0
    assert "it.txt: written in Italian, not English" in capsys.readouterr().out


def test_main_gives_the_callers_gc_settings_back(sample_seeds: Path, tmp_path: Path) -> None:
    # The CLI collects garbage less often while it runs (start-up speed); a notebook or a test calling
    # main() in its own process keeps its own settings afterwards, also when the command fails.
    import gc

    before = gc.get_threshold()
    gc.set_threshold(321, 9, 8)
    try:
        assert main(["build", "--seeds", str(sample_seeds), "--out", str(tmp_path / "out"), "-q"]) == 0
        assert gc.get_threshold() == (321, 9, 8)
        assert main(["build", "--seeds", str(tmp_path / "missing"), "--out", str(tmp_path / "o2"), "-q"]) != 0
        assert gc.get_threshold() == (321, 9, 8)
    finally:
        gc.set_threshold(*before)
