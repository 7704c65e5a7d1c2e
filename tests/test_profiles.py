"""Conflict profiles as folders: loading, control of areas, a second war, a war written from scratch."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from gazetteer import Context, Gazetteer, GazetteerDataError, MatchKind, Place, Tables, resolve_jointly
from gazetteer.index import build_index, fingerprint
from mapper.detect import detect_profile
from mapper.errors import ProfileError
from mapper.pipeline import build
from mapper.sides import load_profile, merge_profiles, shipped_profiles

ROOT = Path(__file__).resolve().parents[1]
PROFILES = ROOT / "mapper" / "profiles"
UA = "russia-ukraine-2022"


def ctx(prof, **kw) -> Context:
    return Context(focus_countries=prof.theatre_countries, theatre_countries=prof.theatre_countries, **kw)


# -- the folder format ------------------------------------------------------------------------------
def test_shipped_profiles_are_folders_with_their_tables() -> None:
    assert {"karabakh-2020", UA} <= set(shipped_profiles())
    for name in shipped_profiles():
        prof = load_profile(name)
        assert prof.gazetteer_tables.supplements and prof.gazetteer_tables.regions, name
        assert all(p.parent == PROFILES / name for p in prof.gazetteer_tables.supplements)
        assert prof.map_centre != (0.0, 0.0) and prof.officials_rule


def test_karabakh_profile_keeps_the_constants_that_left_the_code() -> None:
    prof = load_profile("karabakh-2020")
    assert prof.map_centre == (40.0, 46.8) and prof.map_zoom == 7
    assert prof.locator_km == 50.0 and prof.precision_km == {1: 0, 2: 10, 3: 40}
    assert {"rayon", "marz", "oblast"} <= set(prof.admin_words) and "yan" in prof.person_suffixes


def test_a_profile_folder_loads_by_path_and_a_bad_table_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "copy"
    shutil.copytree(PROFILES / "karabakh-2020", folder)
    assert load_profile(folder).digest == load_profile("karabakh-2020").digest
    with open(folder / "control.csv", "a", encoding="utf-8") as fh:
        fh.write("Nowhere,40,46,5,azerbaijan,2020-13-45,,https://example.org\n")
    with pytest.raises(ProfileError, match=r"control.csv:\d+: date '2020-13-45'"):
        load_profile(folder)
    (folder / "control.csv").unlink()
    with pytest.raises(ProfileError, match="control.csv"):
        load_profile(folder)


def test_unknown_profile_names_the_shipped_ones() -> None:
    with pytest.raises(ProfileError, match="karabakh-2020"):
        load_profile("no-such-war")


# -- officials by role: who held a place when -------------------------------------------------------
@pytest.mark.parametrize(
    ("latlon", "day", "side"),
    [
        ((46.63695, 32.61458), "2022-06-01", "russia"),  # Kherson under occupation
        ((46.63695, 32.61458), "2022-12-01", None),  # liberated: bare coordinates name no country
        ((49.98177, 36.25475), "2023-03-01", None),  # Kharkiv as bare coordinates: no country known
        ((46.84735, 35.38196), "2023-03-01", "russia"),  # Melitopol
        ((48.59419, 37.99886), "2023-01-10", None),  # Bakhmut before its fall, as coordinates
        ((48.59419, 37.99886), "2023-06-01", "russia"),
    ],
)
def test_holder_of_ukraine(latlon, day, side) -> None:
    assert load_profile(UA).holder_of(latlon, day) == side


def test_holder_of_a_place_falls_back_to_its_country() -> None:
    prof = load_profile(UA)
    kharkiv = Place("geonames:706483", "Kharkiv", 49.98177, 36.25475, "UA")
    belgorod = Place("geonames:578072", "Belgorod", 50.60343, 36.58091, "RU")
    assert prof.holder_of(kharkiv, "2023-03-01") == "ukraine"
    kherson = Place("geonames:706448", "Kherson", 46.63695, 32.61458, "UA")
    assert prof.holder_of(kherson, "2022-06-01") == "russia" and prof.holder_of(kherson, "2022-12-01") == "ukraine"
    assert prof.holder_of(belgorod, "2023-03-01") == "russia"
    shusha = (39.76006, 46.74989)
    kar = load_profile("karabakh-2020")
    assert kar.holder_of(shusha, "2020-10-20") == "armenia" and kar.holder_of(shusha, "2020-11-09") == "azerbaijan"


# -- the Ukraine gazetteer ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "place_id"),
    [
        ("Bakhmut", "geonames:713174"),
        ("Artyomovsk", "geonames:713174"),
        ("Kleshcheyevka", "supplement:klishchiivka-bakhmutraion"),
        ("Kharkov", "geonames:706483"),
        ("Zaporozhye", "geonames:687700"),
        ("Zaporizhzhia", "geonames:687700"),  # the city of 710,000, not a village of 656
        ("Donetsk", "geonames:709717"),  # not Donetsk in Rostov Oblast
        ("Vinnytsia", "geonames:689558"),  # not Vinnitsy in Leningrad Oblast
        ("Mykolaiv", "geonames:700569"),
        ("Rabotino", "supplement:robotyne-polohyraion"),
        ("Sloviansk", "geonames:693468"),  # also a GeoNames alternate name of Nikopol
        ("Konstantinovka", "geonames:705104"),  # the main name of a Crimean village in GeoNames
        ("Krasnyi Lyman", "geonames:704204"),  # Lyman's Soviet name, not the village of 592 so named
        ("Gulyaypole", "geonames:707898"),  # the front-line town, not a village whose alternate name it is
        ("Gorlovka", "geonames:707753"),  # Russian g for Ukrainian h (the phonetic key)
    ],
)
def test_ukrainian_and_russian_spellings(ukraine, name: str, place_id: str) -> None:
    prof, gaz = ukraine
    best = gaz.resolve(name, ctx(prof))
    assert best is not None and best.place.id == place_id, (name, best)


def test_an_exact_spelling_is_not_lost_to_a_sound_alike_near_the_other_names(ukraine) -> None:
    # "near Klishchiivka and Andriivka": Kliusivka (570 people, 94% alike) lies next to one of the many
    # Andriivkas, but a hamlet reached by likeness cannot outbid the exact spelling through closeness.
    prof, gaz = ukraine
    chosen = resolve_jointly([gaz.candidates(n, ctx(prof, place_context=True)) for n in ("Klishchiivka", "Andriivka")])
    assert chosen[0] is not None and chosen[0].place.id == "supplement:klishchiivka-bakhmutraion"


def test_a_town_spelled_as_written_is_that_town(ukraine) -> None:
    # Lysychansk (93,000) named with "the Luhansk region": Luhansk is 88% alike and nearer the region.
    prof, gaz = ukraine
    res = gaz.candidates("Lysychansk", ctx(prof, place_context=True))
    assert all(c.match.is_exact for c in res.candidates)
    region = gaz.candidates("Luhansk", ctx(prof, cue="region"))
    chosen = resolve_jointly([res, region])
    assert chosen[0] is not None and chosen[0].place.name == "Lysychansk"


def test_a_small_exact_match_leaves_room_for_a_sound_alike(gazetteer, profile) -> None:
    # Machine-translated "Tatar" next to Barda is Tartar, not the village Tatar in Qubadli.
    c = Context(focus_countries=profile.theatre_countries, theatre_countries=profile.theatre_countries)
    cc = Context(focus_countries=c.focus_countries, theatre_countries=c.theatre_countries, place_context=True)
    chosen = resolve_jointly([gazetteer.candidates("Tatar", cc), gazetteer.candidates("Barda", c)])
    assert chosen[0] is not None and chosen[0].place.name == "Tartar"


def test_region_words_make_the_bare_name_a_region(ukraine) -> None:
    prof, gaz = ukraine
    assert gaz.resolve("Donetsk", ctx(prof, cue="region")).place.kind == "region"
    assert gaz.resolve("Donetsk", ctx(prof)).place.kind == "town"
    assert gaz.resolve("Bakhmut", ctx(prof, cue="district")).place.kind in ("district", "town")


def test_loose_spellings_stay_in_the_theatre(ukraine) -> None:
    prof, gaz = ukraine
    w, s, e, n = prof.theatre_bbox
    for name in ("Kleshcheyevkka", "Novomikhailovkaa", "Robotinne"):
        for c in gaz.candidates(name, ctx(prof)).candidates:
            if c.match in (MatchKind.PHONETIC, MatchKind.FUZZY):
                assert s <= c.place.lat <= n and w <= c.place.lon <= e, (name, c.place)


def test_the_gazetteer_takes_its_tables_from_the_caller(ukraine) -> None:
    bare = Gazetteer.open()
    kar = load_profile("karabakh-2020")
    assert not any(c.place.id.startswith("supplement:") for c in bare.candidates("Talish").candidates)
    assert Gazetteer.open(tables=kar.gazetteer_tables).resolve("Talish").place.id.startswith("supplement:")
    # Karabakh knowledge does not leak into another war.
    prof, gaz = ukraine
    best = gaz.resolve("Gabriel", ctx(prof))
    assert best is None or best.place.country_code != "AZ"


def test_tables_are_fingerprinted_by_content(tmp_path: Path) -> None:
    kar = load_profile("karabakh-2020").gazetteer_tables
    copies = []
    for p in (*kar.supplements, *kar.variants, *kar.regions):
        copies.append(tmp_path / p.name)
        shutil.copy(p, copies[-1])
    same = Tables.of([copies[0]], [copies[1]], [copies[2]])
    assert fingerprint(None, same) == fingerprint(None, kar)
    copies[1].write_text(copies[1].read_text(encoding="utf-8") + "Tartarr,584871,AZ,no,a typo seen in a test\n")
    assert fingerprint(None, same) != fingerprint(None, kar)


def test_a_bad_table_row_names_file_and_line(tmp_path: Path) -> None:
    variants = tmp_path / "variants.csv"
    variants.write_text(
        "variant,geonameid,place_context_only,reason\nNowhere,999999999,no,a reason\n", encoding="utf-8"
    )
    with pytest.raises(GazetteerDataError, match=r"variants.csv:2: unknown place '999999999'"):
        build_index(
            tmp_path / "idx.sqlite", cache_dir=Gazetteer.open()._path.parent, tables=Tables.of(variants=[variants])
        )
    assert not list(tmp_path.glob("*.tmp"))


def test_ukraine_tables_carry_sources_and_reasons() -> None:
    prof = load_profile(UA)
    w, s, e, n = prof.theatre_bbox
    with open(PROFILES / UA / "supplement.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            assert r["source"].startswith("http"), r["name"]
            assert s <= float(r["lat"]) <= n and w <= float(r["lon"]) <= e, r["name"]
    with open(PROFILES / UA / "variants.csv", encoding="utf-8", newline="") as fh:
        assert all(len(r["reason"]) > 30 for r in csv.DictReader(fh))
    assert all("wikipedia.org" in a.source for a in prof.control_areas)


# -- which war an article is about -------------------------------------------------------------------
@pytest.fixture(scope="module")
def candidates():
    out = []
    for name in shipped_profiles():
        p = load_profile(name)
        out.append((p, Gazetteer.open(tables=p.gazetteer_tables, area=p.theatre_bbox)))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian forces shelled Kherson and Mykolaiv overnight, Ukraine's military said; Bakhmut held.", UA),
        (
            "Armenian forces shelled Tartar and Barda, the Azerbaijani Defence Ministry said; Ganja was hit.",
            "karabakh-2020",
        ),
        ("The bakery in Lyon won a prize for its bread on Monday, the mayor said.", None),
        # in Russian, its names inflected, its official named in Cyrillic
        ("В районе Джанкоя и Феодосии средства ПВО сбили беспилотники, сообщил глава РК Сергей Аксёнов.", UA),
        ("Беспилотники атаковали Таганрог и Новороссийск ночью, сообщил губернатор Юрий Слюсарь.", UA),
        # a short report naming two towns of one theatre, and nothing of any other war
        ("Обстрел Каменки-Днепровской и Энергодара: ранены двое.", UA),
        # ... but one town is no war, nor are two of two wars
        ("Visitors from Kherson and Lyon met at a fair.", None),
        ("Visitors from Kherson and Barda met at a fair.", None),
    ],
)
def test_articles_are_matched_to_the_war_they_are_about(candidates, text: str, expected) -> None:
    assert detect_profile(text, candidates).profile == expected


def test_merged_profile_has_the_sides_of_both_wars() -> None:
    merged = merge_profiles(["karabakh-2020", UA])
    assert {s.id for s in merged.sides} == {"azerbaijan", "armenia", "ukraine", "russia", "third_party"}
    assert {"AZ", "AM", "UA", "RU"} <= merged.theatre_countries and len(merged.parts) == 2


def test_a_mixed_corpus_builds_one_map_and_reports_each_articles_war(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(
        "Date: 2023-03-02\n\nRussian forces shelled Kherson on Thursday, killing two people, the Ukrainian "
        "military said. Russian troops also attacked Bakhmut and Soledar, Ukraine's General Staff said.\n",
        encoding="utf-8",
    )
    (seeds / "b.txt").write_text(
        "Date: 2020-10-11\n\nArmenian forces fired rockets at Ganja overnight, killing nine civilians, the "
        "Azerbaijani Prosecutor General's Office said.\n",
        encoding="utf-8",
    )
    (seeds / "c.txt").write_text(
        "Date: 2023-03-02\n\nThe bakery in Lyon won a prize for its bread.\n", encoding="utf-8"
    )
    report = build(seeds, tmp_path / "out")
    assert report.profiles["a.txt"][0] == UA and report.profiles["b.txt"][0] == "karabakh-2020"
    assert report.profiles["c.txt"][0] == ""
    feats = json.loads((tmp_path / "out" / "incidents.geojson").read_text(encoding="utf-8"))["features"]
    got = {(f["properties"]["place"], f["properties"]["side"]) for f in feats}
    assert ("Kherson", "ukraine") in got and ("Ganja", "azerbaijan") in got
    assert (
        json.loads((tmp_path / "out" / "build-report.json").read_text(encoding="utf-8"))["profiles"]["c.txt"][0] == ""
    )


# -- a war written from scratch, with no code change ----------------------------------------------------
INVENTED_PROFILE = """
id = "tessaly-2031"
title = "An invented war between Norland and Sudland"
default_side = "third_party"

[theatre]
countries = ["ZZ"]

[map]
centre = [-40.0, -140.0]
zoom = 8

[gazetteer]
supplement = ["places.csv"]

[control]
officials_rule = "A town's officials speak for whoever holds the town."
default = { ZZ = "sudland" }

[[sides]]
id = "norland"
label = "Norland sources"
colour = "#1565c0"
opponent = "sudland"
claimants = ['\\bNorland']
forces = ['\\bNorland(ic)?\\s+(forces|army|troops)\\b']

[[sides]]
id = "sudland"
label = "Sudland sources"
colour = "#c62828"
opponent = "norland"
claimants = ['\\bSudland']
forces = ['\\bSudland(ic)?\\s+(forces|army|troops)\\b']

[[sides]]
id = "third_party"
label = "Everyone else"
colour = "#6a1b9a"
claimants = ['\\bcorrespondent\\b']
"""
INVENTED_PLACES = """name,alternate_names,lat,lon,country_code,kind,admin_district,source
Veltrava,Weltrawa,-40.12,-140.31,ZZ,town,,invented for this test
Osmundy,Osmundi,-40.35,-139.88,ZZ,village,North Vale,invented for this test
"""
INVENTED_ARTICLE = """Title: Shelling in the south
Date: 2031-05-02

Norland forces shelled Veltrava on Tuesday, killing two civilians, the Sudland Defence Ministry said.
Sudland troops attacked the village of Weltrawa's neighbour Osmundi, the Norland army said.
"""


def test_a_profile_written_from_scratch_maps_its_claims(tmp_path: Path) -> None:
    folder = tmp_path / "tessaly"
    folder.mkdir()
    (folder / "profile.toml").write_text(INVENTED_PROFILE, encoding="utf-8")
    (folder / "places.csv").write_text(INVENTED_PLACES, encoding="utf-8")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "report.txt").write_text(INVENTED_ARTICLE, encoding="utf-8")
    report = build(seeds, tmp_path / "out", profile=folder)
    assert report.ok
    feats = json.loads((tmp_path / "out" / "incidents.geojson").read_text(encoding="utf-8"))["features"]
    got = {(f["properties"]["place"], f["properties"]["side"]) for f in feats}
    assert ("Veltrava", "sudland") in got and ("Osmundy", "norland") in got
    veltrava = next(f for f in feats if f["properties"]["place"] == "Veltrava")
    assert veltrava["geometry"]["coordinates"] == [-140.31, -40.12]
    assert load_profile(folder).holder_of((-40.12, -140.31)) is None  # no country from bare coordinates


def test_a_stray_namesake_far_from_the_article_is_left_out(ukraine) -> None:
    from mapper.mentions import find_mentions
    from mapper.text import split_sentences

    prof, gaz = ukraine
    text = (
        "Ukrainian forces shelled Klimovo and Novozybkov in the Bryansk region on Monday, the governor said. "
        "A resident of the village of Zernovo was wounded, he added. Drones also hit Bryansk and Suzemka."
    )
    mentions, _, _ = find_mentions(split_sentences(text), gaz, theatre=prof.theatre_countries)
    names = {m.text: m.candidate.place for m in mentions}
    # not Zernograd, 800 km away: the Zernovo of the Bryansk region (in the profile's supplement) or none
    assert names["Klimovo"].country_code == "RU"
    assert "Zernovo" not in names or names["Zernovo"].province == names["Klimovo"].province


def test_a_regions_officials_speak_for_its_country_not_its_centres_holder() -> None:
    prof = load_profile(UA)
    luhansk_oblast = Place("region:luhanskoblast", "Luhansk Oblast", 48.56814, 39.30553, "UA", kind="region")
    assert prof.holder_of(luhansk_oblast, "2022-06-01") == "ukraine"
    luhansk_city = Place("geonames:702658", "Luhansk", 48.56814, 39.30553, "UA")
    assert prof.holder_of(luhansk_city, "2022-06-01") == "russia"


def test_a_region_named_after_a_city_is_not_a_hamlet_of_that_name(ukraine) -> None:
    # "over the Kaluga region": GeoNames also gives "Kaluga" to a Ukrainian village of 949 inside the theatre;
    # areas are named after their centres, and no hamlet is one: the profile's region (or else the centre) wins.
    prof, gaz = ukraine
    best = gaz.resolve("Kaluga", ctx(prof, cue="region"))
    assert best is not None and best.place.country_code == "RU"
    assert best.place.kind == "region" or best.place.population > 100_000


def test_outlet_languages_must_be_iso_codes(tmp_path) -> None:
    from mapper.errors import ProfileError
    from mapper.sides import parse_profile

    text = (
        'id = "x"\ntitle = "x"\n[theatre]\ncountries = ["UA"]\n'
        '[[sides]]\nid = "a"\noutlet_languages = ["Ukrainian"]\n[[sides]]\nid = "b"\n'
    )
    with pytest.raises(ProfileError, match=r"outlet_languages \['Ukrainian'\] is not a list of two-letter"):
        parse_profile(text, source="x.toml")
    ok = parse_profile(text.replace('"Ukrainian"', '"uk"'), source="x.toml")
    assert ok.side_of_language("uk") == "a" and ok.side_of_language("ru") is None
