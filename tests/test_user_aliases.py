"""User aliases as a user expects them: whole phrases, regions, the same file for resolve and build."""

from __future__ import annotations

from pathlib import Path

import pytest

from mapper.aliases import load_aliases
from mapper.cli import main
from mapper.errors import AliasError
from mapper.pipeline import build

ARTICLE = """Title: Shelling near Barda
Date: 2020-10-28

Armenian forces shelled Barda and the village of Zorvinakend on Wednesday, the Azerbaijani Defence Ministry said.
The Barda Star newspaper said its offices were damaged.
"""


def test_not_a_place_names_are_settled_not_unresolved(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(ARTICLE, encoding="utf-8")
    report = build(seeds, tmp_path / "o1", profile="karabakh-2020")
    assert "Zorvinakend" in report.unresolved
    (seeds / "aliases.toml").write_text('[not_a_place]\nnames = ["Zorvinakend"]\n', encoding="utf-8")
    report = build(seeds, tmp_path / "o2", profile="karabakh-2020")
    assert "Zorvinakend" not in report.unresolved


def test_a_not_a_place_phrase_covers_the_place_inside_it(gazetteer, tmp_path: Path) -> None:
    from mapper.mentions import find_mentions
    from mapper.text import split_sentences

    aliases = tmp_path / "aliases.toml"
    aliases.write_text('[not_a_place]\nnames = ["Barda Star"]\n', encoding="utf-8")
    gaz = gazetteer.with_aliases(load_aliases(aliases, gazetteer))
    sentences = split_sentences("Reporters of the Barda Star newspaper said shells fell on Tartar.")
    mentions, unresolved, _ = find_mentions(sentences, gaz, theatre=frozenset({"AZ", "AM"}))
    assert [m.candidate.place.name for m in mentions] == ["Tartar"]
    assert "Barda Star" not in unresolved


def test_a_place_of_ones_own_may_be_a_region_with_a_radius(gazetteer, tmp_path: Path) -> None:
    aliases = tmp_path / "aliases.toml"
    aliases.write_text(
        '[place."Left Bank"]\nlat = 46.7\nlon = 33.2\nkind = "region"\nradius_km = 40\ncountry_code = "UA"\n'
        'source = "https://example.org"\n',
        encoding="utf-8",
    )
    place = load_aliases(aliases, gazetteer).pins["leftbank"]
    assert (place.kind, place.radius_km) == ("region", 40.0)
    aliases.write_text('[place."X"]\nlat = 1\nlon = 1\nkind = "planet"\n', encoding="utf-8")
    with pytest.raises(AliasError, match="kind 'planet'"):
        load_aliases(aliases, gazetteer)


def test_resolve_reads_the_seeds_alias_file_like_a_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "aliases.toml").write_text(
        '[place."Hill 1024"]\nlat = 39.71\nlon = 46.62\ncountry_code = "AZ"\nkind = "height"\n'
        'source = "https://example.org"\n',
        encoding="utf-8",
    )
    assert main(["resolve", "Hill 1024", "--profile", "karabakh-2020", "--seeds", str(seeds)]) == 0
    assert "user:Hill 1024" in capsys.readouterr().out


def test_resolve_country_filters_candidates(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resolve", "Donetsk", "--country", "RU", "--profile", "russia-ukraine-2022"]) == 0
    out = capsys.readouterr().out
    listed = [line for line in out.splitlines() if line.lstrip()[:2].rstrip(".").isdigit()]
    assert listed and all("(RU," in line for line in listed)


def test_resolve_without_profile_picks_the_theatre_of_the_names(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resolve", "Artyomovsk", "--seeds", "/nonexistent"]) == 0
    out = capsys.readouterr().out
    assert "russia-ukraine-2022" in out and "Chosen: Bakhmut" in out


def test_a_user_region_answers_the_name_with_its_region_word(tmp_path: Path) -> None:
    from gazetteer import Context, Gazetteer
    from mapper.sides import load_profile

    prof = load_profile("russia-ukraine-2022")
    gaz = Gazetteer.open(tables=prof.gazetteer_tables, area=prof.theatre_bbox)
    aliases = tmp_path / "aliases.toml"
    aliases.write_text(
        '[place."Donetsk region"]\nlat = 48.0\nlon = 37.8\nkind = "region"\nradius_km = 100\ncountry_code = "UA"\n'
        'source = "https://example.org"\n',
        encoding="utf-8",
    )
    gaz = gaz.with_aliases(load_aliases(aliases, gaz))
    ctx = Context(focus_countries=prof.theatre_countries, theatre_countries=prof.theatre_countries, cue="region")
    assert gaz.resolve("Donetsk", ctx).place.id == "user:Donetsk region"
    plain = Context(focus_countries=prof.theatre_countries, theatre_countries=prof.theatre_countries)
    assert gaz.resolve("Donetsk", plain).place.kind == "town"
