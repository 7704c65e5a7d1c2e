"""Stages `places`, `linking`, `denials` and `assemble`, on hand-built mentions (no gazetteer)."""

from __future__ import annotations

import pytest

from gazetteer import Candidate, MatchKind, Place
from mapper.articles import parse_article
from mapper.claims.assemble import PlaceRef, build_claim
from mapper.claims.denials import denied_target, denies_clause_before, denies_previous, reported_by
from mapper.claims.frames import find_frames
from mapper.claims.linking import frame_for, perpetrator
from mapper.claims.places import incident_places
from mapper.claims.records import Status
from mapper.mentions import Mention
from mapper.sides import load_profile

PLACES = {
    "Oldtown": Place("t:oldtown", "Oldtown", 40.30, 46.90, "AZ", 20000, "town"),
    "Capitalia": Place("t:capitalia", "Capitalia", 40.40, 49.90, "AZ", 2_000_000, "town"),
    "Newtown": Place("t:newtown", "Newtown", 40.36, 47.10, "AZ", 30000, "town"),
    "Far Village": Place("t:far", "Far Village", 39.50, 46.00, "AZ", 0, "village"),
    "Near Village": Place("t:near", "Near Village", 40.32, 46.93, "AZ", 0, "village"),
    "Oldtown District": Place("t:oldtown-d", "Oldtown District", 40.30, 46.90, "AZ", 0, "district"),
    "Foreignburg": Place("t:foreign", "Foreignburg", 55.0, 37.0, "ZZ", 1_000_000, "town"),
    "Karabakh": Place("t:region", "Karabakh", 39.9, 46.8, "AZ", 0, "region"),
}


@pytest.fixture(scope="module")
def profile():
    return load_profile()  # its theatre is AZ and AM


def mention(text: str, name: str, *, place: str | None = None, cue: str | None = None, **flags) -> Mention:
    start = text.index(name)
    cand = Candidate(PLACES[place or name], 2.0, MatchKind.EXACT_NAME, name)
    return Mention(
        0,
        start,
        start + len(name),
        name,
        cand,
        cue,
        flags.get("place_context", True),
        flags.get("from_place", False),
        flags.get("org", False),
    )


def kept_names(text: str, mentions: list[Mention], profile) -> list[str]:
    kept, _ = incident_places(text, mentions, find_frames(text), profile, lambda p: p.name == "Capitalia")
    return [p.mention.text for p in kept]


def test_places_with_violence_are_incident_places(profile) -> None:
    text = "Rockets hit Oldtown and Newtown overnight."
    assert kept_names(text, [mention(text, "Oldtown"), mention(text, "Newtown")], profile) == ["Oldtown", "Newtown"]


@pytest.mark.parametrize(
    ("text", "name", "flags"),
    [
        ("Missiles fired from Oldtown hit the border.", "Oldtown", {"from_place": True}),
        ("The Oldtown Group condemned the shelling.", "Oldtown", {"org": True}),
        ("Talks were held in Foreignburg as fighting went on.", "Foreignburg", {}),
        ("Capitalia and its enemy waged war.", "Capitalia", {"place_context": False}),
        ("Capitalia claimed that rockets hit the border.", "Capitalia", {}),
        ("In Capitalia, the report of shelling was rejected.", "Capitalia", {}),
        ("Rockets hit the second city after the capital Capitalia.", "Capitalia", {}),
        ("Ministers met in Oldtown for talks while fighting went on elsewhere.", "Oldtown", {}),
        ("The road to Oldtown was quiet.", "Oldtown", {}),
    ],
)
def test_places_that_are_no_incident(text: str, name: str, flags: dict, profile) -> None:
    assert kept_names(text, [mention(text, name, **flags)], profile) == []


def test_a_village_must_lie_in_the_district_the_text_names(profile) -> None:
    near = "Guns shelled Near Village of the Oldtown district."
    assert kept_names(
        near,
        [mention(near, "Near Village"), mention(near, "Oldtown", place="Oldtown District", cue="district")],
        profile,
    ) == ["Near Village"]
    far = "Guns shelled Far Village of the Oldtown district."
    assert kept_names(
        far, [mention(far, "Far Village"), mention(far, "Oldtown", place="Oldtown District", cue="district")], profile
    ) == ["Oldtown"]


def test_a_region_only_locates_a_town(profile) -> None:
    text = "Rockets hit Oldtown in Karabakh."
    assert kept_names(text, [mention(text, "Oldtown"), mention(text, "Karabakh")], profile) == ["Oldtown"]


def test_the_innermost_frame_reports_a_place() -> None:
    text = "The ministry said rockets hit Oldtown, a news agency reported."
    assert frame_for(text.index("Oldtown"), find_frames(text), text).speaker == "The ministry"
    text = "Rockets hit Oldtown, a news agency reported, citing the ministry."
    assert frame_for(text.index("Oldtown"), find_frames(text), text).speaker == "the ministry"
    text = "The army denied Capitalia's claims that its guns hit Oldtown."
    assert frame_for(text.index("Oldtown"), find_frames(text), text).speaker == "Capitalia"


def test_the_perpetrator_is_the_force_acting_nearest_the_place(profile) -> None:
    text = "Armenian forces shelled Oldtown, while Azerbaijani troops attacked Newtown."
    forces = profile.forces_in(text)
    assert perpetrator(forces, text.index("Oldtown")) == "armenia"
    assert perpetrator(forces, text.index("Newtown")) == "azerbaijan"
    text = "Oldtown was shelled by Armenian forces."
    assert perpetrator(profile.forces_in(text), text.index("Oldtown")) == "armenia"


@pytest.mark.parametrize(
    ("text", "sides", "expected"),
    [
        ("The army denied striking the church.", ["azerbaijan"], True),
        ("The ministry rejected these claims.", ["azerbaijan"], True),
        ("Each side denies targeting civilians.", [None], False),
        ("The ministry rejected calls for a truce.", ["azerbaijan"], False),
    ],
)
def test_a_denial_of_the_claims_just_made(text: str, sides, expected: bool) -> None:
    assert denies_previous(text, find_frames(text), sides, gap=1) is expected


def test_a_denial_too_far_from_the_claims_denies_nothing() -> None:
    text = "The army denied striking the church."
    assert not denies_previous(text, find_frames(text), ["azerbaijan"], gap=5)


def test_a_clause_that_denies_the_claims_before_it(profile) -> None:
    art = parse_article("t.txt", b"Title: t\nDate: 2020-10-10\n\nx\n")
    text = "Guns shelled Oldtown, the Azerbaijani side claims; Armenia denies this."
    claim = build_claim(
        art,
        0,
        text,
        PlaceRef.from_mention(mention(text, "Oldtown")),
        event_type="shelling",
        claimant="the Azerbaijani side",
        side="azerbaijan",
        side_label="",
        perpetrator="",
        status=Status.CLAIMED,
    )
    deny = [f for f in find_frames(text) if f.deny][0]
    assert denies_clause_before(text, deny, [claim])
    assert denied_target([claim], "t:oldtown", "armenia") == claim.claim_id


def test_who_made_the_claim_a_denial_reports() -> None:
    assert reported_by("The information spread by Armenia about the shelling of Oldtown is false.") == "Armenia"


def test_claims_have_stable_ids_and_precision() -> None:
    art = parse_article("t.txt", b"Title: t\nDate: 2020-10-10\n\nx\n")
    text = "Guns shelled the Oldtown district."
    ref = PlaceRef.from_mention(mention(text, "Oldtown", place="Oldtown District", cue="district"))
    kw = dict(
        event_type="shelling", claimant="X", side="azerbaijan", side_label="", perpetrator="", status=Status.CLAIMED
    )
    a, b = build_claim(art, 0, text, ref, **kw), build_claim(art, 0, text, ref, **kw)
    assert a.claim_id == b.claim_id and a.geo_precision == 2
    assert build_claim(art, 1, text, ref, **kw).claim_id != a.claim_id
