from __future__ import annotations

import csv
from pathlib import Path

import pytest

from gazetteer import Candidate, Context, GazetteerDataError, MatchKind, Place, Resolution, UserAliases, resolve_jointly
from gazetteer.index import import_geonames_dump, iter_geonames_dump

PROFILE_DIR = Path(__file__).resolve().parents[1] / "mapper" / "profiles" / "karabakh-2020"

THEATRE = frozenset({"AZ", "AM"})
KARABAKH = Context(focus_countries=THEATRE, theatre_countries=THEATRE)

# Spellings of one place that must all resolve to it (GeoNames ids).
SPELLINGS = [
    (584871, ["Tartar", "Terter", "Tərtər"]),
    (148619, ["Aghdam", "Agdam", "Ağdam"]),
    (146970, ["Khankendi", "Stepanakert", "Xankəndi", "Степанакерт"]),
    (147105, ["Shusha", "Shushi", "Şuşa", "Shoushi"]),
    (586523, ["Ganja", "Ganca", "Gəncə"]),
    (148106, ["Fuzuli", "Fizuli", "Füzuli"]),
    (587384, ["Aghjabadi", "Agjabedi", "Ağcabədi", "Agdzhabedi"]),
    (587057, ["Barda", "Bərdə", "Berde"]),
    (586430, ["Goranboy", "Goran Boy"]),
    (148141, ["Jabrayil", "Jabrail", "Cəbrayıl", "Dzhebrail"]),
    (585514, ["Mingachevir", "Mingəçevir", "Mingecevir"]),
]


@pytest.mark.parametrize(("gid", "names"), SPELLINGS, ids=[str(s[0]) for s in SPELLINGS])
def test_spellings_resolve_to_the_same_place(gazetteer, gid: int, names: list[str]) -> None:
    for name in names:
        best = gazetteer.resolve(name, KARABAKH)
        assert best is not None, name
        assert best.place.geonameid == gid, (name, best.place)


def test_candidates_carry_reasons_and_scores(gazetteer) -> None:
    res = gazetteer.candidates("Terter", KARABAKH)
    assert res.best.place.name == "Tartar"
    assert res.best.reasons and res.best.score > 0
    assert "Tartar" in res.explain()


def test_bardi_is_barda_in_karabakh_but_bardi_in_italy(gazetteer) -> None:
    assert gazetteer.resolve("Bardi", KARABAKH).place.name == "Barda"
    italy = Context(focus_countries=frozenset({"IT"}), theatre_countries=THEATRE)
    assert gazetteer.resolve("Bardi", italy).place.country_code == "IT"


def test_machine_translated_split_name_reaches_aghjabadi(gazetteer) -> None:
    ctx = Context(focus_countries=THEATRE, theatre_countries=THEATRE, place_context=True)
    assert gazetteer.resolve("Iggha Badi", ctx).place.name == "Aghjabadi"


def test_gabriel_is_jabrayil_only_in_place_context(gazetteer) -> None:
    assert gazetteer.resolve("Gabriel", KARABAKH).place.name == "Jabrayil"
    person = Context(focus_countries=THEATRE, theatre_countries=THEATRE, place_context=False)
    best = gazetteer.resolve("Gabriel", person)
    assert best is None or best.place.name != "Jabrayil"


def test_famous_city_is_taken_as_written(gazetteer) -> None:
    for name, cc in [("Moscow", "RU"), ("Paris", "FR"), ("Minsk", "BY")]:
        assert gazetteer.resolve(name, KARABAKH).place.country_code == cc


def test_list_context_pulls_tatar_to_tartar(gazetteer) -> None:
    names = ["Goran Boy", "Tatar", "Aghdam", "Bardi"]
    ctx = Context(focus_countries=THEATRE, theatre_countries=THEATRE, cue="district")
    chosen = resolve_jointly([gazetteer.candidates(n, ctx) for n in names])
    assert [c.place.name for c in chosen] == ["Goranboy", "Tartar", "Aghdam", "Barda"]


def test_martuni_in_karabakh_is_khojavend_not_armenian_martuni(gazetteer) -> None:
    res = [gazetteer.candidates(n, KARABAKH) for n in ("Martuni", "Karabakh")]
    chosen = resolve_jointly(res)
    assert chosen[0].place.geonameid == 146969  # Khojavend (Martuni), Karabakh


def test_villages_from_the_regional_supplement(gazetteer) -> None:
    for name in ("Talish", "Sugovushan", "Madagiz", "Hadrut", "Murovdag"):
        best = gazetteer.resolve(name, KARABAKH)
        assert best is not None, name
        assert best.place.country_code == "AZ"


def test_user_alias_pins_and_not_a_place(gazetteer) -> None:
    tartar = gazetteer.place("584871")
    g = gazetteer.with_aliases(UserAliases({"Tarter-town": tartar}, ["Aghdam"]))
    assert g.resolve("Tarter-town", KARABAKH).place == tartar
    assert g.resolve("Aghdam", KARABAKH) is None


@pytest.mark.parametrize(("profile", "at_least"), [("karabakh-2020", 150), ("russia-ukraine-2022", 25)])
def test_supplement_rows_have_sources_and_lie_in_the_theatre(profile: str, at_least: int) -> None:
    from mapper.sides import load_profile

    prof = load_profile(profile)
    west, south, east, north = prof.theatre_bbox or prof.map_bbox
    with open(PROFILE_DIR.parent / profile / "supplement.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) >= at_least
    for r in rows:
        assert r["source"].startswith(("http://", "https://")), r["name"]
        assert south <= float(r["lat"]) <= north and west <= float(r["lon"]) <= east, r["name"]
        assert r["kind"] in ("town", "village", "height", "site", "district", "region"), r["name"]


def test_variant_rows_each_give_a_reason() -> None:
    with open(PROFILE_DIR / "variants.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            assert len(r["reason"]) > 20, r


GEONAMES_ROW = "\t".join(
    [
        "9999001",
        "Testkend",
        "Testkend",
        "Testkənd,Тесткенд",
        "40.1",
        "46.9",
        "P",
        "PPL",
        "AZ",
        "",
        "61",
        "",
        "",
        "",
        "250",
        "",
        "900",
        "Asia/Baku",
        "2020-10-01",
    ]
)


def test_geonames_dump_is_parsed_and_imported(tmp_path: Path) -> None:
    dump = tmp_path / "AZ.txt"
    dump.write_text(GEONAMES_ROW + "\n", encoding="utf-8")
    rows = list(iter_geonames_dump(dump))
    assert rows[0][:2] == (9999001, "Testkend") and "Testkənd" in rows[0][2]
    dest, n = import_geonames_dump(dump, cache_dir=tmp_path / "cache")
    assert n == 1 and dest.exists()


def test_geonames_import_refuses_a_malformed_dump_naming_the_line(tmp_path: Path) -> None:
    dump = tmp_path / "AM.txt"
    dump.write_text(GEONAMES_ROW + "\nnot\ta\tdump\n", encoding="utf-8")
    with pytest.raises(GazetteerDataError, match=r"AM.txt:2"):
        import_geonames_dump(dump, cache_dir=tmp_path / "cache")
    assert not (tmp_path / "cache" / "imports" / "AM.txt").exists()


@pytest.mark.slow
def test_imported_dump_places_resolve(tmp_path: Path) -> None:
    from gazetteer import Gazetteer

    dump = tmp_path / "AZ.txt"
    dump.write_text(GEONAMES_ROW + "\n", encoding="utf-8")
    cache = tmp_path / "cache"
    import_geonames_dump(dump, cache_dir=cache)
    g = Gazetteer.open(cache)
    best = g.resolve("Testkənd", KARABAKH)
    assert best is not None and best.place.geonameid == 9999001


def _cand(pid: str, cc: str, lat: float, lon: float, score: float, kind: str = "village") -> Candidate:
    return Candidate(Place(pid, pid, lat, lon, cc, 500, kind), score, MatchKind.EXACT_NAME, pid)


def test_a_name_written_with_a_region_lies_in_the_regions_country() -> None:
    # Invented places: a village named in the same sentence as a region of country BB is BB's, even when a
    # namesake across the border scores higher on its own and lies nearer the region's centre.
    village = Resolution("Lypky", (_cand("lypky-aa", "AA", 50.55, 36.5, 1.8), _cand("lypky-bb", "BB", 50.3, 36.0, 1.7)))
    region = Resolution("Ostrova", (_cand("ostrova-oblast", "BB", 50.6, 36.6, 1.9, kind="region"),))
    chosen = resolve_jointly([village, region])
    assert chosen[0] is not None and chosen[0].place.id == "lypky-bb"
    # A town of BB at the same point is no region: score and closeness decide.
    town = Resolution("Ostrova", (_cand("ostrova", "BB", 50.6, 36.6, 1.9, kind="town"),))
    chosen = resolve_jointly([village, town])
    assert chosen[0] is not None and chosen[0].place.id == "lypky-aa"


def test_a_name_dozens_of_villages_bear_is_not_a_citys_alternate_name(ukraine) -> None:
    # GeoNames lists "Oleksandrivka" among Donetsk's alternate names; it is the own name of many villages.
    prof, gaz = ukraine
    best = gaz.resolve("Oleksandrivka", Context(theatre_countries=prof.theatre_countries))
    assert best is not None and best.place.name == "Oleksandrivka" and best.place.country_code == "UA"


def test_an_area_spelled_exactly_beats_a_town_only_alike(ukraine) -> None:
    prof, gaz = ukraine
    ctx = Context(theatre_countries=prof.theatre_countries, cue="district")
    chosen = resolve_jointly([gaz.candidates("Pokrovsk district", ctx), gaz.candidates("Donetsk region", ctx)])
    assert chosen[0] is not None and chosen[0].place.name == "Pokrovsk Raion"


def test_a_province_in_context_leaves_out_the_namesakes_of_other_provinces(tmp_path) -> None:
    from gazetteer import Context, Gazetteer, Tables

    regions = tmp_path / "regions.csv"
    regions.write_text(
        "name,alternate_names,country_code,centre_geonameid,kind,admin,admin1,reason\n"
        "Kherson Oblast,Kherson Region,UA,706448,region,,08,invented for the test (GeoNames codes it UA.08)\n"
        "Beryslav Raion,,UA,712427,district,Kherson Oblast,,invented for the test\n",
        encoding="utf-8",
    )
    supplement = tmp_path / "supplement.csv"
    supplement.write_text(
        "name,alternate_names,lat,lon,country_code,kind,admin_district,source\n"
        "Zmyivka Test,,46.85,33.6,UA,village,Beryslav Raion,invented for the test\n",
        encoding="utf-8",
    )
    gaz = Gazetteer.open(tables=Tables.of(supplements=[supplement], regions=[regions]))
    oblast = gaz.resolve("Kherson Region").place
    assert oblast.province == "UA.08"
    assert gaz.resolve("Beryslav Raion").place.province == "UA.08"  # a district's is its region's
    assert gaz.resolve("Zmyivka Test").place.province == "UA.08"  # a village's is its district's
    anywhere = gaz.candidates("Ivanivka", Context(theatre_countries=frozenset({"UA"})), limit=100).candidates
    assert len({c.place.province for c in anywhere}) > 3  # dozens of Ivanivkas in many oblasts
    there = gaz.candidates("Ivanivka", Context(theatre_countries=frozenset({"UA"}), province="UA.08")).candidates
    assert there and all(c.place.province == "UA.08" for c in there)
    # A name only spelled like a place of the province is none of it: "Белогорка" is spelled like Bilozerka.
    theatre = frozenset({"UA"})
    loose = [
        c
        for c in gaz.candidates("Белогорка", Context(theatre_countries=theatre)).candidates
        if c.match is MatchKind.FUZZY and c.place.province == "UA.08"
    ]
    assert loose
    placed = gaz.candidates("Белогорка", Context(theatre_countries=theatre, province="UA.08")).candidates
    assert not [c for c in placed if c.match is MatchKind.FUZZY]


def test_a_region_row_with_a_bad_admin1_code_is_refused(tmp_path) -> None:
    from gazetteer import Gazetteer, GazetteerDataError, Tables

    regions = tmp_path / "regions.csv"
    regions.write_text(
        "name,alternate_names,country_code,centre_geonameid,kind,admin1,reason\n"
        "Kherson Oblast,,UA,706448,region,Kherson!,invented\n",
        encoding="utf-8",
    )
    with pytest.raises(GazetteerDataError, match=r"regions.csv:2: admin1 'Kherson!'"):
        Gazetteer.open(tables=Tables.of(regions=[regions]))


def test_a_loose_match_keeps_the_names_beginning(ukraine) -> None:
    # A slip leaves a name's beginning alone: "Orlivka" (a village) is no Horlivka, one letter longer.
    from gazetteer import Context, MatchKind

    ctx = Context(theatre_countries=frozenset({"UA", "RU"}), place_context=True)
    loose = [c for c in ukraine[1].candidates("Orlivka", ctx, limit=50).candidates if c.match is MatchKind.FUZZY]
    assert "Horlivka" not in {c.place.name for c in loose}


def test_the_profiles_own_village_keeps_its_name_among_many_namesakes(ukraine) -> None:
    from gazetteer import Context

    ctx = Context(theatre_countries=frozenset({"UA", "RU"}), place_context=True)
    cands = ukraine[1].candidates("Андріївка", ctx, limit=50).candidates
    own = [c for c in cands if c.place.id.startswith("supplement:andriivka")]
    assert own and own[0].match.is_exact


def test_a_village_of_a_common_name_far_from_every_place_written_with_it_is_another_village() -> None:
    # Invented places (GeoNames ids: places of the caller's own tables never stray): "Dobre" names three villages;
    # the one nearest the list lies 45 km from its nearest member, in a list whose members stand within 35 km of
    # each other: the Dobre meant is one the tables lack.
    dobre = Resolution(
        "Dobre",
        (
            _cand("geonames:1", "AA", 48.0, 37.6, 1.8),
            _cand("geonames:2", "AA", 46.0, 33.0, 1.8),
            _cand("geonames:3", "AA", 50.5, 30.0, 1.8),
        ),
    )
    members = [
        Resolution(n, (_cand(f"geonames:{n}", "AA", lat, lon, 1.8),))
        for n, lat, lon in (("Alfa", 48.0, 37.0), ("Beta", 48.05, 36.95), ("Gamma", 47.95, 36.9), ("Delta", 48.0, 36.6))
    ]
    chosen = resolve_jointly([*members, dobre])
    ids = [c.place.id if c else None for c in chosen]
    assert ids == ["geonames:Alfa", "geonames:Beta", "geonames:Gamma", "geonames:Delta", None]
    # ... but one 15 km from a member is the one meant
    near = Resolution("Dobre", (_cand("geonames:4", "AA", 48.0, 37.2, 1.8), *dobre.candidates))
    assert resolve_jointly([*members, near])[-1].place.id == "geonames:4"


def test_a_city_spelled_as_written_is_no_hamlet_of_its_name_near_the_places_around(ukraine) -> None:
    _prof, gaz = ukraine
    near_melitopol = ((46.84735, 35.38196),)  # GeoNames 701404
    ua = frozenset({"UA", "RU"})
    ctx = Context(focus_countries=ua, theatre_countries=ua, near=near_melitopol)
    assert gaz.resolve("Zaporizhzhia", ctx).place.population > 500_000
    # ... unless the text calls it a village
    assert (
        gaz.resolve("Zaporizhzhia", Context(focus_countries=ua, cue="village", near=near_melitopol)).place.population
        < 1000
    )
    # a city known by another name keeps the villages of its old name
    near_kherson = ((46.63695, 32.61458),)  # GeoNames 706448
    stanislav = gaz.resolve("Stanislav", Context(focus_countries=ua, theatre_countries=ua, near=near_kherson))
    assert stanislav.place.name != "Ivano-Frankivsk"


def test_a_sound_alike_keeps_its_first_letter_apart_from_k(ukraine) -> None:
    # the phonetic key merges Г (h/g) and К: "Горіхове" (Horikhove) is no Kurakhove
    prof, gaz = ukraine
    best = gaz.resolve("Горіхове", Context(theatre_countries=prof.theatre_countries))
    assert best is None or best.place.name != "Kurakhove"
    # ... while the usual spellings of one name still meet: Gorlovka, Horlivka
    assert gaz.resolve("Gorlovka", Context(theatre_countries=prof.theatre_countries)).place.name == "Horlivka"


def test_a_place_the_supplement_lists_outranks_a_hamlet_of_its_name_but_no_city(tmp_path) -> None:
    # A conflict's supplement lists the front-line places its reporting names: one of them outranks a GeoNames
    # hamlet spelled the same far away (so does a GeoNames village the supplement lends its spellings to), but
    # not a city of that name.
    from gazetteer import Gazetteer, Tables

    supplement = tmp_path / "supplement.csv"
    supplement.write_text(
        "name,alternate_names,lat,lon,country_code,kind,admin_district,source\n"
        "Makarivka,,47.70,36.70,UA,village,Test Raion,invented for the test\n"
        "Ivanivske,,48.572,37.917,UA,village,Test Raion,invented for the test (beside GeoNames 704285)\n"
        "Sloviansk,,47.60,36.60,UA,village,Test Raion,invented for the test\n",
        encoding="utf-8",
    )
    gaz = Gazetteer.open(tables=Tables.of(supplements=[supplement]))
    theatre = Context(theatre_countries=frozenset({"UA"}))
    assert gaz.resolve("Makarivka", theatre).place.id == "supplement:makarivka-testraion"
    assert gaz.resolve("Ivanivske", theatre).place.id == "geonames:704285"  # not 702801, of 3,096 people
    assert gaz.resolve("Sloviansk", theatre).place.population > 100_000


@pytest.mark.parametrize(
    ("name", "near", "country"),
    [
        # a world city's name, alone, is that city, not a small place of the theatre that bears it as an old or
        # foreign name (Niu-York, Donetsk oblast; Veselyy Kut, once Paris)
        ("New York", (), "US"),
        ("Paris", (), "FR"),
        # ... unless the places around lie in the theatre
        ("New York", ((48.39477, 37.8478),), "UA"),  # Toretsk, GeoNames 709354
        # a world city's name in another script is no reason: "Триполье" is Trypillia near Kyiv, not Tripoli
        ("Триполье", (), "UA"),
    ],
)
def test_a_world_citys_name_is_that_city_unless_the_places_around_say_otherwise(ukraine, name, near, country) -> None:
    _prof, gaz = ukraine
    ua = frozenset({"UA", "RU"})
    assert gaz.resolve(name, Context(focus_countries=ua, theatre_countries=ua, near=near)).place.country_code == country
