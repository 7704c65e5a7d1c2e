"""Claim extraction on single sentences written for these tests."""

from __future__ import annotations

import pytest

from mapper.articles import parse_article
from mapper.claims import event_date, extract_claims


def claims_of(text: str, gazetteer, profile, *, date: str = "2020-10-10"):
    art = parse_article("t.txt", f"Title: test\nDate: {date}\n\n{text}\n".encode())
    return extract_claims(art, gazetteer, profile).claims


def summary(claims):
    return sorted((c.place, c.side, c.status) for c in claims)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Armenian forces shelled Tartar overnight, the Azerbaijani Defence Ministry said.",
            [("Tartar", "azerbaijan", "claimed")],
        ),
        (
            "The Armenian Defence Ministry said that Azerbaijani drones struck Martakert.",
            [("Martakert", "armenia", "claimed")],
        ),
        (
            "According to the Artsakh Defence Army, Azerbaijani troops shelled Shushi on Monday.",
            [("Shusha", "armenia", "claimed")],
        ),
        (
            "A Reuters reporter quoted Azerbaijani officials as saying that rockets hit Barda.",
            [("Barda", "azerbaijan", "claimed")],
        ),
        (
            "Russia's foreign ministry said fighting continued near Fuzuli on Tuesday.",
            [("Fuzuli", "third_party", "claimed")],
        ),
        (
            "Human Rights Watch said cluster munitions were used in Stepanakert.",
            [("Khankendi", "third_party", "claimed")],
        ),
        ("Rockets hit a residential block in Ganja, killing five people.", [("Ganja", "third_party", "claimed")]),
        ("Baku denied shelling Stepanakert.", [("Khankendi", "azerbaijan", "denied")]),
    ],
)
def test_claimant_side_status_and_place(text: str, expected, gazetteer, profile) -> None:
    assert summary(claims_of(text, gazetteer, profile)) == expected


def test_a_list_of_towns_gives_one_claim_per_town(gazetteer, profile) -> None:
    text = (
        "Azerbaijan's defence ministry said Armenian artillery pounded the districts of "
        "Terter, Agdam, Barda and Agjabedi."
    )
    assert [c.place for c in claims_of(text, gazetteer, profile)] == ["Tartar", "Aghdam", "Barda", "Aghjabadi"]


def test_pronoun_continues_the_last_named_speaker(gazetteer, profile) -> None:
    text = (
        "Fighting went on across Nagorno-Karabakh on Sunday. "
        "Shushan Stepanyan, the spokeswoman of the Armenian Defence Ministry, spoke to reporters. "
        "She said that the Azerbaijani army shelled Martuni."
    )
    (c,) = [c for c in claims_of(text, gazetteer, profile) if c.place_kind != "region"]
    assert c.side == "armenia" and "Stepanyan" in c.claimant
    assert c.place_id == "geonames:146969"  # Martuni in Karabakh, the article's area, not Martuni in Armenia


def test_talks_venue_and_launch_site_are_not_incidents(gazetteer, profile) -> None:
    text = (
        "The foreign ministers met in Moscow for talks as fighting went on. "
        "Missiles fired from Yerevan struck Ganja, Azerbaijani officials said."
    )
    assert summary(claims_of(text, gazetteer, profile)) == [("Ganja", "azerbaijan", "claimed")]


def test_capital_standing_for_its_government_is_not_an_incident(gazetteer, profile) -> None:
    text = "Baku claimed that Armenian forces shelled Tartar, while Yerevan denied it."
    places = {c.place for c in claims_of(text, gazetteer, profile)}
    assert places == {"Tartar"}


def test_organisation_named_after_a_city_is_not_a_place(gazetteer, profile) -> None:
    text = "The OSCE Minsk Group condemned the shelling of Barda."
    assert {c.place for c in claims_of(text, gazetteer, profile)} == {"Barda"}


def test_denial_without_a_place_refers_to_the_previous_claim(gazetteer, profile) -> None:
    text = (
        "Armenian officials said Azerbaijani artillery hit the cathedral in Shusha. "
        "The Azerbaijani army denied striking the church."
    )
    claims = claims_of(text, gazetteer, profile)
    claimed = [c for c in claims if c.status == "claimed"]
    denied = [c for c in claims if c.status == "denied"]
    assert [c.place for c in denied] == ["Shusha"] and denied[0].side == "azerbaijan"
    assert denied[0].denies_claim_id == claimed[0].claim_id


def test_denial_that_reports_the_other_sides_claim_gives_both(gazetteer, profile) -> None:
    text = "The information spread by Armenia about the shelling of Barda is false, Azerbaijan's ministry said."
    claims = claims_of(text, gazetteer, profile)
    assert summary(claims) == [("Barda", "armenia", "claimed"), ("Barda", "azerbaijan", "denied")]


def test_fatalities_and_wounded_are_read(gazetteer, profile) -> None:
    (c,) = claims_of(
        "A missile strike on Ganja killed 12 people and injured more than 40, witnesses said.", gazetteer, profile
    )
    assert (c.fatalities, c.wounded, c.event_type) == (12, 40, "missile strike")


def test_perpetrator_side(gazetteer, profile) -> None:
    (c,) = claims_of("Azerbaijani forces shelled Hadrut, the Artsakh ombudsman said.", gazetteer, profile)
    assert (c.side, c.perpetrator_side) == ("armenia", "azerbaijan")


def test_district_claims_are_district_precision(gazetteer, profile) -> None:
    (c,) = claims_of("Armenian troops shelled the Tartar district, the Azerbaijani ministry said.", gazetteer, profile)
    assert c.geo_precision == 2


def test_historical_background_is_not_a_claim(gazetteer, profile) -> None:
    text = "Baku and Yerevan fought a war over the region between 1992 and 1994 in which Shusha was captured."
    assert claims_of(text, gazetteer, profile) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rockets hit Barda yesterday.", ("2020-10-09", 1)),
        ("Rockets hit Barda on Saturday morning.", ("2020-10-10", 1)),
        ("Rockets hit Barda on Wednesday.", ("2020-10-07", 1)),
        ("Rockets hit Barda on October 4.", ("2020-10-04", 1)),
        ("Rockets hit Barda on Oct. 4.", ("2020-10-04", 1)),
        ("Rockets hit Barda.", ("2020-10-10", 2)),
    ],
)
def test_event_date_from_the_text_and_the_article_date(text: str, expected) -> None:
    assert event_date(text, "2020-10-10") == expected  # 2020-10-10 was a Saturday


def test_equipment_destroyed_is_counted(gazetteer, profile) -> None:
    text = (
        "Azerbaijan's defence ministry said its forces destroyed 10 tanks, 6 D-20 howitzers and "
        "30 military vehicles near Fuzuli."
    )
    (c,) = claims_of(text, gazetteer, profile)
    assert c.equipment_destroyed == 46


def test_according_to_keeps_the_apposition_that_names_the_side(gazetteer, profile) -> None:
    text = (
        "According to Ruben Gasparian, a spokesman for the Armenian Defense Ministry, "
        "Azerbaijani drones struck the village of Shatvan."
    )
    (c,) = claims_of(text, gazetteer, profile)
    assert c.side == "armenia" and "Defense Ministry" in c.claimant


@pytest.mark.parametrize(
    "text",
    [
        "The report about the shelling of Tartar by Armenian forces is not true, the Armenian ministry said.",
        "Reports that Armenian troops shelled Tartar isn’t true, the Armenian ministry said.",
        "Armenian forces shelled Tartar, the Azerbaijani side claims; Armenia denies this.",
    ],
)
def test_denial_forms(text: str, gazetteer, profile) -> None:
    claims = claims_of(text, gazetteer, profile)
    assert ("Tartar", "armenia", "denied") in summary(claims)


def test_villages_of_a_district_after_a_town_keep_the_district(gazetteer, profile) -> None:
    text = (
        "The Azerbaijani Ministry of Defense announced that Armenian forces bombed the city of Tartar "
        "and the villages of the Aghdam region."
    )
    assert {c.place for c in claims_of(text, gazetteer, profile)} == {"Tartar", "Aghdam"}


def test_citing_gives_the_claim_to_the_cited_source(gazetteer, profile) -> None:
    text = "Armenian forces shelled Tartar overnight, AFP reported, citing the Azerbaijani Defence Ministry."
    (c,) = claims_of(text, gazetteer, profile)
    assert c.side == "azerbaijan" and c.claimant == "the Azerbaijani Defence Ministry"


def test_section_heading_names_the_source_of_its_items(gazetteer, profile) -> None:
    text = "Information from Yerevan\n• Azerbaijani artillery shelled Martuni all day.\n"
    (c,) = claims_of(text, gazetteer, profile)
    assert c.side == "armenia" and c.claimant == "Information from Yerevan"


@pytest.mark.parametrize(
    ("source", "side"),
    [
        ("https://en.trend.az/azerbaijan/1", "azerbaijan"),
        ("https://armenpress.am/eng/news/1", "armenia"),
        ("https://www.reuters.com/world/1", "third_party"),
    ],
)
def test_an_outlets_own_account_takes_its_side(source: str, side: str, gazetteer, profile) -> None:
    art = parse_article(
        "t.txt", f"Title: t\nSource: {source}\nDate: 2020-10-10\n\nRockets hit Barda overnight.\n".encode()
    )
    (c,) = extract_claims(art, gazetteer, profile).claims
    assert c.side == side and "own reporting" in c.claimant


def test_a_village_must_lie_in_the_district_the_text_names(gazetteer, profile) -> None:
    # The gazetteer knows a Yenikand only in Khojavend, 80 km away: the Goranboy village is another one.
    text = "Armenian forces shelled Yenikand village of the Goranboy region, the Azerbaijani ministry said."
    assert {c.place for c in claims_of(text, gazetteer, profile)} == {"Goranboy"}


def test_a_headline_that_reports_an_event_is_a_claim(gazetteer, profile) -> None:
    text = "Stepanakert comes under artillery attack\nThe city was quiet later in the day.\n"
    assert [c.place for c in claims_of(text, gazetteer, profile)] == ["Khankendi"]


def test_according_to_her_continues_the_speaker(gazetteer, profile) -> None:
    text = (
        "Shushan Stepanyan, the spokeswoman of the Armenian Defence Ministry, spoke to reporters. "
        "According to her, Azerbaijani drones struck Martakert overnight."
    )
    (c,) = claims_of(text, gazetteer, profile)
    assert c.side == "armenia" and "Stepanyan" in c.claimant


def test_people_named_like_villages_are_people(gazetteer, profile) -> None:
    text = "Lala Ismayilova, a teacher in Barda, said her house was destroyed by a rocket."
    assert {c.place for c in claims_of(text, gazetteer, profile)} == {"Barda"}


def test_weekday_abbreviations_are_not_places(gazetteer, profile) -> None:
    text = "Rockets hit Tartar on Thurs, killing two, the Azerbaijani ministry said."
    assert {c.place for c in claims_of(text, gazetteer, profile)} == {"Tartar"}
