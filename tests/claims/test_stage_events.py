"""Stage `events`: what happened, how many were hurt, what was destroyed, and when."""

from __future__ import annotations

import pytest

from mapper.claims.events import equipment, event_date, event_near, fatalities, has_event, is_background, wounded


@pytest.mark.parametrize(
    ("text", "place", "expected"),
    [
        ("Rockets hit Oldtown overnight.", "Oldtown", "missile strike"),
        ("Drones struck Oldtown.", "Oldtown", "drone strike"),
        ("Artillery shelled Oldtown.", "Oldtown", "shelling"),
        ("The army opened intense gunfire at Oldtown.", "Oldtown", "shelling"),
        ("They accused the enemy of opening fire in the direction of Oldtown.", "Oldtown", "shelling"),
        ("Troops repelled an attack on Oldtown.", "Oldtown", "ground attack"),
        ("Counterattacks continued in the direction of Oldtown.", "Oldtown", "ground attack"),
        ("The villages around Oldtown have been taken over by the army.", "Oldtown", "capture"),
        ("Troops occupied the heights around Oldtown.", "Oldtown", "capture"),
        ("They wanted to take Oldtown under control again.", "Oldtown", "capture"),
        ("Newland says its forces have taken Oldtown.", "Oldtown", "capture"),
        ("Newland's troops took Oldtown in May.", "Oldtown", "capture"),
        ("Our forces have pulled back from the village of Oldtown.", "Oldtown", "capture"),
        ("Enemy forces made gains near Oldtown.", "Oldtown", "ground attack"),
        ("The fire in Oldtown burned for six hours.", "Oldtown", "strike"),
        ("A blaze broke out at a depot in Oldtown.", "Oldtown", "strike"),
        ("Saboteurs set fire to a depot in Oldtown.", "Oldtown", "strike"),
        ("Enemy troops are trying to seize Oldtown.", "Oldtown", "ground attack"),
        ("More than 40 arrivals in the Oldtown community.", "Oldtown", "strike"),
        ("Northern forces reclaimed Oldtown.", "Oldtown", "capture"),
        ("Troops have broken through enemy defences near Oldtown.", "Oldtown", "ground attack"),
        ("The Northern flag was installed on the administration building of Oldtown.", "Oldtown", "capture"),
        ("A soldier was filmed executing prisoners near Oldtown.", "Oldtown", "strike"),
        ("Footage showed troops had reached the northern outskirts of Oldtown.", "Oldtown", "ground attack"),
        ("Enemy forces are closing in on Oldtown.", "Oldtown", "ground attack"),
        ("The garrison in Oldtown is now surrounded.", "Oldtown", "ground attack"),
        ("Heavy fighting raged near Oldtown.", "Oldtown", "clashes"),
        ("A helicopter was shot down near Oldtown.", "Oldtown", "strike"),
    ],
)
def test_event_types(text: str, place: str, expected: str) -> None:
    start = text.index(place)
    assert event_near(text, start, start + len(place))[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "A drone was spotted over Oldtown.",  # a weapon is no event without an action
        "Air raid sirens sounded in Oldtown.",
        "The ceasefire in Oldtown held.",
        "Two men had been taken to hospital in Oldtown.",
        "It took Newland months to reach Oldtown.",
        "Oldtown is surrounded by forests and fields.",
        "Soldiers entered residents' homes in Oldtown.",  # 'entered' wants a place, not any word
    ],
)
def test_no_event_without_an_action(text: str) -> None:
    assert not has_event(text)


def test_casualties_and_equipment() -> None:
    assert fatalities("A strike killed 12 people and wounded more than 40.") == 12
    assert wounded("A strike killed 12 people and wounded more than 40.") == 40
    assert fatalities("Five civilians were killed.") == 5
    assert equipment("The army destroyed 10 tanks, 6 howitzers and 30 military vehicles.") == 46
    assert fatalities("It killed 99999999999999999999999 people.") is None  # a misread, not a figure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rockets hit Oldtown yesterday.", ("2030-05-09", 1)),
        ("Rockets hit Oldtown on Monday.", ("2030-05-06", 1)),  # 2030-05-10 is a Friday
        ("Rockets hit Oldtown on May 4.", ("2030-05-04", 1)),
        ("Rockets hit Oldtown on 4 May.", ("2030-05-04", 1)),
        ("Rockets hit Oldtown.", ("2030-05-10", 2)),
    ],
)
def test_event_date(text: str, expected) -> None:
    assert event_date(text, "2030-05-10") == expected


def test_no_date_without_an_anchor() -> None:
    assert event_date("Rockets hit Oldtown yesterday.", "") == ("", 3)
    assert event_date("Rockets hit Oldtown yesterday.", "Updated 3 hours ago") == ("", 3)


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("Oldtown was captured in the war of 1992-1994.", True),
        ("Oldtown, captured in 1993, was shelled today.", False),
        ("Jane Roe (born 1955) was wounded in Oldtown.", False),
    ],
)
def test_history_is_background(text: str, background: bool) -> None:
    assert is_background(text, "2030-05-10") is background


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("Hostilities began in April 2024 after Russian forces seized Bakhmut.", False),  # this war's earlier year
        ("Russia annexed Crimea in 2014 and shelled Donetsk in 2015.", True),  # before the war began
    ],
)
def test_earlier_years_of_the_same_war_are_no_history(text: str, background: bool) -> None:
    assert is_background(text, "2025-07-31", began="2022-02-24") is background
    assert is_background(text, "2025-07-31")  # without the war's start, any earlier year is history
