"""Stage `speakers`: who a speaker as written is, and for which side (a made-up conflict, no gazetteer)."""

from __future__ import annotations

import pytest

from gazetteer import Place
from mapper.claims.speakers import Entity, Speaker, SpeakerTracker
from mapper.sides import parse_profile

PROFILE = """
id = "ruritania-test"
title = "A made-up war between Ruritania and Borduria"
theatre_countries = ["RU", "BD"]
default_side = "third_party"

[[sides]]
id = "ruritania"
label = "Ruritanian sources"
colour = "#1565c0"
opponent = "borduria"
claimants = ['\\bRuritania', '\\bStrelsau\\b', '\\bElphberg\\b']
forces = ['\\bRuritanian\\s+(forces|army|troops)\\b']

[[sides]]
id = "borduria"
label = "Bordurian sources"
colour = "#c62828"
opponent = "ruritania"
claimants = ['\\bBorduria', '\\bSzohod\\b', '\\bZapfel\\b', '\\bFlorinia\\b']
forces = ['\\bBordurian\\s+(forces|army|troops)\\b']

[[sides]]
id = "third_party"
label = "Third parties"
colour = "#6a1b9a"
claimants = ['\\bSyldavia', '\\bAFP\\b', '\\bwitness']

[control]
default = { RU = "ruritania", BD = "borduria" }

non_violent = ['talks']
"""

ZENDA = Place("test:zenda", "Zenda", 50.0, 15.0, "RU", kind="town")
OLDTOWN = Place("test:oldtown", "Oldtown", 50.5, 16.0, "BD", kind="town")


@pytest.fixture
def profile():
    return parse_profile(PROFILE, source="<test profile>")


@pytest.fixture
def tracker(profile) -> SpeakerTracker:
    return SpeakerTracker(
        profile, day="2030-05-01", country_of_capital=lambda w: "ruritania" if w == "Strelsau" else None
    )


def test_profile_pattern(tracker: SpeakerTracker) -> None:
    s = tracker.resolve("the Ruritanian defence ministry")
    assert (s.side, s.rule) == ("ruritania", "profile pattern")


@pytest.mark.parametrize("who", ["Each side", "both sides", "the two sides", "Neither side"])
def test_generic_subjects_are_no_claimant(tracker: SpeakerTracker, who: str) -> None:
    assert tracker.resolve(who).side is None


@pytest.mark.parametrize("who", ["she", "He", "the ministry", "The spokeswoman", "the agency", "They"])
def test_pronouns_and_descriptions_continue_the_last_speaker(tracker: SpeakerTracker, who: str) -> None:
    tracker.observe(tracker.resolve("Flavia Zapfel, a spokeswoman for the Bordurian ministry and agency"))
    s = tracker.resolve(who)
    assert s.side == "borduria" and "Zapfel" in s.claimant


def test_the_ministry_prefers_the_accusing_sides_ministry(tracker: SpeakerTracker) -> None:
    tracker.observe(tracker.resolve("the Ruritanian ministry"))
    tracker.observe(tracker.resolve("the Bordurian ministry"))
    # The sentence accuses Bordurian forces: the ministry that accuses them is Ruritania's.
    assert tracker.resolve("the ministry", accused="borduria").side == "ruritania"


def test_a_surname_continues_the_full_name(tracker: SpeakerTracker) -> None:
    tracker.observe(Speaker("Colonel Sapt, a spokesman for the Ruritanian army", "ruritania", "profile pattern"))
    s = tracker.resolve("Sapt")
    assert s.side == "ruritania" and s.claimant.startswith("Colonel Sapt")


def test_an_acronym_reads_as_its_definition(tracker: SpeakerTracker) -> None:
    tracker.observe_text("The Mine Action Agency (MAA) of Borduria cleared the road.")
    assert tracker.resolve("MAA").side == "borduria"
    assert tracker.resolve("the MAA's press service").side == "borduria"


@pytest.mark.parametrize(
    ("who", "kind", "name", "side"),
    [
        ("the republic's defence ministry", "country", "Borduria", "borduria"),
        ("the country's foreign ministry", "country", "Ruritania", "ruritania"),
        ("the enclave's authorities", "region", "Florinia", "borduria"),
    ],
)
def test_a_description_takes_the_side_of_what_it_stands_for(
    tracker: SpeakerTracker, who: str, kind: str, name: str, side: str
) -> None:
    tracker.observe_entity(Entity(kind, name, 3))
    s = tracker.resolve(who, sentence=4)
    assert s.side == side and name in s.claimant


def test_the_citys_mayor_speaks_for_whoever_holds_the_city(tracker: SpeakerTracker) -> None:
    tracker.observe_entity(Entity("town", "Oldtown", 1, OLDTOWN))
    assert tracker.resolve("the city's mayor", sentence=2).side == "borduria"


def test_a_local_official_of_a_named_place(tracker: SpeakerTracker) -> None:
    s = tracker.resolve("the mayor of Zenda", places=(ZENDA,))
    assert s.side == "ruritania"


def test_a_local_official_of_no_named_place_follows_the_place_claimed(tracker: SpeakerTracker) -> None:
    s = tracker.resolve("the head of the local administration")
    assert s.by_place == "holder"
    assert tracker.for_place(s, OLDTOWN, "2030-05-01").side == "borduria"


def test_a_capital_speaks_for_its_country(tracker: SpeakerTracker) -> None:
    s = tracker.resolve("Strelsau")
    assert s.side == "ruritania"


@pytest.mark.parametrize(
    ("outlet", "accused", "denies", "side"),
    [
        ("ruritania", "", False, "ruritania"),  # in a side's own outlet
        (None, "borduria", False, "ruritania"),  # accusing one side's forces: the other side
        (None, "borduria", True, "borduria"),  # denying what one side is accused of: that side
    ],
)
def test_an_unqualified_official_body(profile, outlet, accused: str, denies: bool, side: str) -> None:
    t = SpeakerTracker(profile, outlet_side=outlet)
    assert t.resolve("the Defence Ministry", accused=accused, denies=denies).side == side


def test_an_unqualified_national_body_with_nothing_else_takes_the_country_claimed(tracker: SpeakerTracker) -> None:
    s = tracker.resolve("the Emergency Ministry")
    assert tracker.for_place(s, ZENDA, "2030-05-01").side == "ruritania"


def test_a_speaker_no_rule_names_is_the_default_side(tracker: SpeakerTracker) -> None:
    assert tracker.resolve("a local farmer").side == "third_party"


def test_a_named_subject_is_whom_she_refers_to(tracker: SpeakerTracker) -> None:
    tracker.observe_subject("Flavia Zapfel, the Bordurian spokeswoman, spoke to reporters.")
    assert tracker.resolve("she").side == "borduria"


def test_a_regional_governor_speaks_for_the_country_a_mayor_for_the_holder(tmp_path) -> None:
    # Oldtown (in Borduria) is held by Ruritania: its mayor speaks for Ruritania, but the governor of its
    # region is Borduria's administration unless named as installed by the other side.
    (tmp_path / "control.csv").write_text(
        "area,lat,lon,radius_km,side,from,until,source\n"
        "Oldtown,50.5,16.0,5,ruritania,2030-01-01,,invented for this test\n",
        encoding="utf-8",
    )
    text = PROFILE.replace(
        'default = { RU = "ruritania", BD = "borduria" }',
        'default = { RU = "ruritania", BD = "borduria" }\nareas = ["control.csv"]',
    )
    t = SpeakerTracker(parse_profile(text, source="<test>", folder=tmp_path), day="2030-05-01")
    assert t.resolve("the mayor of Oldtown", places=(OLDTOWN,)).side == "ruritania"
    assert t.resolve("the regional governor", places=(OLDTOWN,)).side == "borduria"
    assert t.resolve("the Oldtown regional administration", places=(OLDTOWN,)).side == "borduria"
