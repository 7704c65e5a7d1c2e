"""Stage `frames`: one grammar of reported speech, on sentences written for these tests."""

from __future__ import annotations

import pytest

from mapper.claims.frames import FrameKind, clean_speaker, find_frames, is_quotation, quote_spans, reports_nothing


def frame_at(text: str, word: str):
    """The frame whose content holds *word*: (kind, speaker, deny)."""
    pos = text.index(word)
    holding = [f for f in find_frames(text) if f.content[0] <= pos < f.content[1] and not f.start <= pos < f.end]
    assert holding, f"no frame reports {word!r} in {text!r}: {find_frames(text)}"
    f = min(holding, key=lambda f: f.content[1] - f.content[0])
    return f.kind, f.speaker, f.deny


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # speaker, verb, content
        (
            "The Ruritanian ministry said that enemy guns shelled Oldtown.",
            "Oldtown",
            (FrameKind.FORWARD, "The Ruritanian ministry", False),
        ),
        # verbs outside a short list, any tense
        ("Capitalia maintains that rockets hit Oldtown.", "Oldtown", (FrameKind.FORWARD, "Capitalia", False)),
        ("Borderburg insists its drones never struck Oldtown.", "Oldtown", (FrameKind.FORWARD, "Borderburg", False)),
        ("Northland has confirmed that a shell landed in Oldtown.", "Oldtown", (FrameKind.FORWARD, "Northland", False)),
        # content, speaker, verb (with adjuncts after the verb)
        (
            "Rockets hit Oldtown overnight, the Ruritanian ministry said in a statement on Sunday.",
            "Oldtown",
            (FrameKind.BACKWARD, "the Ruritanian ministry", False),
        ),
        # quote first, speaker after, with an apposition, and a listener after "told"
        (
            '"Enemy shells hit Oldtown," Jane Roe, a spokeswoman for the Ruritanian ministry, told reporters.',
            "Oldtown",
            (FrameKind.BACKWARD, "Jane Roe, a spokeswoman for the Ruritanian ministry", False),
        ),
        # quote first, verb, then the speaker
        (
            '"Enemy shells hit Oldtown," said the ministry\'s spokesman.',
            "Oldtown",
            (FrameKind.BACKWARD, "the ministry's spokesman", False),
        ),
        # a parenthetical attribution
        ("Enemy forces, the ministry said, shelled Oldtown.", "Oldtown", (FrameKind.BACKWARD, "the ministry", False)),
        # an attribution in the middle of a quotation covers both parts
        (
            '"A shell hit the school," the mayor said, "and Oldtown burned."',
            "Oldtown",
            (FrameKind.BACKWARD, "the mayor", False),
        ),
        (
            "According to Jane Roe, a spokeswoman for the Ruritanian army, drones struck Oldtown.",
            "Oldtown",
            (FrameKind.ACCORDING, "Jane Roe, a spokeswoman for the Ruritanian army", False),
        ),
        # a title's abbreviation does not end the speaker
        ("Rockets hit Oldtown, according to Gov. Jane Roe.", "Oldtown", (FrameKind.ACCORDING, "Gov. Jane Roe", False)),
        # ... and after the quotation it reports
        (
            '"Rockets hit Oldtown," a wire agency quoted Ruritanian officials as saying.',
            "Oldtown",
            (FrameKind.QUOTED, "Ruritanian officials", False),
        ),
        (
            "A wire agency quoted Ruritanian officials as saying that rockets hit Oldtown.",
            "Oldtown",
            (FrameKind.QUOTED, "Ruritanian officials", False),
        ),
        (
            "Guns pounded Oldtown, it was reported by the Ruritanian army.",
            "Oldtown",
            (FrameKind.PASSIVE, "the Ruritanian army", False),
        ),
        ("Capitalia denied shelling Oldtown.", "Oldtown", (FrameKind.FORWARD, "Capitalia", True)),
        # "reports" after an adjective or a verb of denial is the noun denied, no verb of its own
        (
            "Capitalia dismissed as fake reports that its guns hit Oldtown.",
            "Oldtown",
            (FrameKind.FORWARD, "Capitalia", True),
        ),
        ("Capitalia dismissed reports that its guns hit Oldtown.", "Oldtown", (FrameKind.FORWARD, "Capitalia", True)),
        # a report named as a noun, with its author
        (
            "The ministry dismissed Capitalia's claims that its guns hit Oldtown.",
            "Oldtown",
            (FrameKind.NOMINAL, "Capitalia", False),
        ),
        (
            "Northland has not commented on Capitalia's claim to have captured Oldtown.",
            "Oldtown",
            (FrameKind.NOMINAL, "Capitalia", False),
        ),
        (
            "The ministry denied the Northern reports about shelling in Oldtown.",
            "Oldtown",
            (FrameKind.NOMINAL, "Northern", False),
        ),
        (
            "The Northern side spreads fake news about the shelling of Oldtown.",
            "Oldtown",
            (FrameKind.NOMINAL, "The Northern side", False),
        ),
        # a headline's speaker before a colon: an office, or a person's names (not a label: see below)
        (
            "Ministry of Defense: Northern troops have taken control of Oldtown",
            "Oldtown",
            (FrameKind.QUOTED, "Ministry of Defense", False),
        ),
        ("Jane Roe: Northern shells hit Oldtown overnight", "Oldtown", (FrameKind.QUOTED, "Jane Roe", False)),
        # ... or after a comma and a dash closing it, as Ukrainian headlines set their source
        ("Northern guns shelled Oldtown, – Roe", "Oldtown", (FrameKind.BACKWARD, "Roe", False)),
        # a dateline before the speaker is no part of it
        (
            "OLDTOWN, RURITANIA (9:15 A.M.) – The minister said missiles hit Newtown.",
            "Newtown",
            (FrameKind.FORWARD, "The minister", False),
        ),
        # adverbials around the speaker are no part of it
        ("Northland, in turn, said enemy drones struck Oldtown.", "Oldtown", (FrameKind.FORWARD, "Northland", False)),
        (
            "The Northern ministry, on the other hand, announced that Oldtown was shelled.",
            "Oldtown",
            (FrameKind.FORWARD, "The Northern ministry", False),
        ),
        (
            "Northland's ministry, for its part, has denied shelling Oldtown.",
            "Oldtown",
            (FrameKind.FORWARD, "Northland's ministry", True),
        ),
        # an absolute clause with a speaker of its own
        (
            "Capitalia said guns hit Oldtown, with the Northern ministry rejecting the claim as false.",
            "Oldtown",
            (FrameKind.FORWARD, "Capitalia", False),
        ),
        # "the Emergency and Rescue Service" is one name
        (
            "The Oldtown Emergency and Rescue Service said that shells hit the market.",
            "market",
            (FrameKind.FORWARD, "The Oldtown Emergency and Rescue Service", False),
        ),
    ],
)
def test_the_frame_that_reports_a_place(text: str, word: str, expected) -> None:
    assert frame_at(text, word) == expected


def test_two_speakers_each_report_their_own_clause() -> None:
    text = "Capitalia maintains that its enemy shelled Oldtown, while Borderburg insists drones hit Newtown."
    assert frame_at(text, "Oldtown")[1] == "Capitalia"
    assert frame_at(text, "Newtown")[1] == "Borderburg"


def test_citing_names_the_source_behind_the_relay() -> None:
    text = "Rockets hit Oldtown, a wire agency reported, citing the Ruritanian ministry."
    kinds = {f.kind: f.speaker for f in find_frames(text)}
    assert kinds[FrameKind.CITING] == "the Ruritanian ministry" and kinds[FrameKind.BACKWARD] == "a wire agency"


def test_a_relay_at_the_end_reports_the_nearer_speaker() -> None:
    text = "Missiles hit Oldtown, ministry spokesman John Doe said on Oct. 26, a news agency reports."
    assert frame_at(text, "Oldtown")[1] == "ministry spokesman John Doe"


@pytest.mark.parametrize(
    "text",
    [
        "The ministry denied the claim and accused Northland of shelling Oldtown.",
        "Oldtown was shelled again, the ombudsman wrote on Facebook, adding that two were wounded in Newtown.",
    ],
)
def test_continuations_take_the_speaker_before(text: str) -> None:
    frames = find_frames(text)
    assert frames[-1].continues and not frames[0].continues


def test_it_was_noted_continues_the_speaker_before() -> None:
    (f,) = find_frames("It was also noted that enemy troops occupied the heights around Oldtown.")
    assert f.continues and f.kind is FrameKind.PASSIVE


@pytest.mark.parametrize(
    "text",
    [
        "Shelling reported near Oldtown overnight",  # a headline: an event is no speaker
        "The United States of Ruritania is a republic.",  # "States" is no verb of speech
        "The war has already claimed more than 1,000 lives.",  # "has already" is no speaker
        "On Sunday, October 11, reports came in.",  # a date is no speaker
        "Update: shells hit Oldtown overnight",  # a label before a colon
        "Oldtown: shells hit the city overnight",  # a place before a colon
    ],
)
def test_no_speaker_where_there_is_none(text: str) -> None:
    assert [f.speaker for f in find_frames(text) if not f.continues] == []


def test_generic_subjects_are_still_frames_the_speaker_stage_rejects() -> None:
    (f,) = find_frames("Each side denies targeting civilians.")
    assert f.speaker == "Each side" and f.deny


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A ministry representative said this on Friday, on his page on Facebook.", True),
        ("On Sunday, reports a news agency with reference to the emergency ministry.", True),
        ("The ministry said two civilians were wounded.", False),
    ],
)
def test_a_sentence_that_only_attributes(text: str, expected: bool) -> None:
    assert reports_nothing(text, find_frames(text)) is expected


def test_quotations() -> None:
    text = 'He said: "Rockets hit Oldtown." Then he left.'
    assert [text[s:e] for s, e in quote_spans(text)] == ['"Rockets hit Oldtown."']
    assert is_quotation("“The town was shelled all night,” she said.")
    assert not is_quotation("She said the town was shelled.")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Meanwhile, the ministry", "the ministry"),
        ("the ministry also", "the ministry"),
        ("which it", "it"),
        ("— the message", "the message"),
        ("The Northern ministry on Tuesday", "The Northern ministry"),
        ("Moscow [Ruritania], October 4 (ANI): The ministry", "The ministry"),
    ],
)
def test_clean_speaker(raw: str, clean: str) -> None:
    assert clean_speaker(raw) == clean
