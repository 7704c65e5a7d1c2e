"""Stage: incident places.  Which of a sentence's places are where something happened.

Each rule is a named predicate with its reason, so that ``mapper explain`` can say
why a place was left out: where fire came *from*, a talks venue, a capital that
speaks for its government, a speaker, a district named only to locate a village,
a region named only to locate a town.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from gazetteer import Place, distance_km

from ..lexicon_en import REGIONAL_OFFICIAL, speech_lemma
from ..lexicon_ru_uk import REGIONAL as CYRILLIC_REGIONAL_OFFICIAL
from ..mentions import ADMIN_CUES, CITY_DISTRICT_KM, COMMUNITY_AFTER, OF_AREA, Mention
from ..sides import Profile
from .events import event_after, event_near, event_words
from .frames import Frame

__all__ = ["IncidentPlace", "Rejected", "incident_places", "outside_region", "ADMIN_CUES"]


@dataclass(frozen=True, slots=True)
class IncidentPlace:
    mention: Mention
    event_type: str


@dataclass(frozen=True, slots=True)
class Rejected:
    mention: Mention
    reason: str


# "a resident of Beylagan said", "a teacher in Barda said": a witness speaking of the town
# (unlike "Baku said", or "the head of the Barda district administration said").
_WITNESS_OF = re.compile(
    r"(?:\b(?:residents?|inhabitants?|witness(?:es)?|people|villagers)\s+(?:of|in|from)|"
    r"\b(?:a|an)\s+(?:[\w-]+\s+){0,3}(?:in|from))\s+(?:the\s+)?(?:(?:city|town|village|settlement)\s+of\s+)?$",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"\s*([a-z]+)\b")
_VENUE = re.compile(r"^\s*(?:(?:and|but|meanwhile|later)\s*,?\s+)?in\s+$", re.IGNORECASE)
#: "the second city after the capital Baku", "flew to the capital Yerevan": the capital as a reference
#: or a destination; "the capital Kiev ... was targeted" is an incident like any town.
#: "Kyiv's allies", "Moscow's claim": the capital's own is its government's; not "Kyiv's Darnytskyi district".
_GOVERNMENTS_OWN = re.compile(
    r"['’]s?\s+(?!(?:[A-Z]\w*\s+)?(?:districts?|neighbou?rhoods?|outskirts|suburbs?|cent(?:re|er)|streets?|"
    r"residents?|mayor|airports?|region|oblast|skies|sky|metro|railway|outskirt)\b)"
)
_NAMED_CAPITAL = re.compile(
    r"\b(?:after|than|like|unlike|besides|from|to|towards?|visit(?:ed|ing|s)?|reach(?:ed)?)\s+"
    r"(?:the\s+|its\s+|their\s+)?(?:\w+\s+)?capital,?\s+$",
    re.IGNORECASE,
)
#: A name governed by a preposition is no subject: "an attack on Odesa claimed ..." is the attack's.
_AFTER_PREPOSITION = re.compile(
    r"\b(?:on|at|against|near|over|into|onto|towards?|outside)\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$",
    re.IGNORECASE,
)
#: "claimed the lives of four", "claimed two lives": a toll, not a statement.
_CLAIMED_LIVES = re.compile(r"\s+(?:the\s+)?(?:[\w-]+\s+){0,2}li(?:ves|fe)\b", re.IGNORECASE)
#: A region-level claim needs its event word this close ("fighting in Karabakh").
REGION_EVENT_CHARS = 40


def incident_places(
    text: str,
    mentions: Sequence[Mention],
    frames: Sequence[Frame],
    profile: Profile,
    is_capital: Callable[[Place], bool],
    *,
    carried: str | None = None,
    is_region_centre: Callable[[Place], bool] = lambda place: False,
) -> tuple[list[IncidentPlace], list[Rejected]]:
    """The incident places of one sentence, and the places left out with the reason.

    *carried*: the event of the sentence that introduced this one as an item of a list (its places
    need no event word of their own).  *is_region_centre*: whether a town is the centre of a region, whose
    name may stand for the region in an official's title.
    """
    kept: list[IncidentPlace] = []
    rejected: list[Rejected] = []
    for m in mentions:
        reason = _not_incident(text, m, frames, profile, is_capital)
        if reason is None:
            ev = event_near(text, m.start, m.end) or ((carried, 0) if carried else None)
            if ev is None:
                reason = "no event word in the sentence"
            elif _talks_venue(text, m, profile):
                reason = "where talks, visits or meetings happen; the violence is elsewhere"
            else:
                kept.append(IncidentPlace(m, ev[0]))
                continue
        rejected.append(Rejected(m, reason))
    if not kept:
        kept = _the_speakers_town(text, frames, rejected, is_region_centre)
    references = [r.mention for r in rejected] + [p.mention for p in kept]
    far = [
        p
        for p in kept
        if _far_from_its_reference(text, p.mention, references, profile)
        or _outside_its_region(text, p.mention, references)
    ]
    rejected += [Rejected(p.mention, "far from the place the text measures it from: another of the name") for p in far]
    kept = [p for p in kept if p not in far]
    own, located = [], []
    for p in kept:
        town = _town_of_district(text, p.mention, references)
        if town is None:
            continue
        if _inside_the_city(p.mention.candidate.place, town.candidate.place):
            # "the Petrovsky district of Donetsk", which GeoNames knows (as Voznesenskyi, 17 km from the centre):
            # the claim is at the district, and the city only says where it is
            located.append(town)
        else:
            own.append(p)
    rejected += [Rejected(p.mention, "a district of the town written right after it") for p in own]
    kept = [p for p in kept if p not in own]
    towns = [p for p in kept if any(p.mention is t for t in located)]
    rejected += [Rejected(p.mention, "the city whose district is named") for p in towns]
    kept = [p for p in kept if p not in towns]
    own = [p for p in kept if _district_of_the_city(text, p.mention)]
    rejected += [Rejected(p.mention, "a district of the city the text is about, not a place of its name") for p in own]
    kept = [p for p in kept if p not in own]
    # "мэр Донецка сообщил об обстреле Куйбышевского района": a district of the city whose official speaks, which
    # the gazetteer knows only as a far town's name, is the city's (the claim sits at the city, where the district is
    # written)
    speakers = [r for r in rejected if r.reason == "part of a speaker"]
    for p in list(kept):
        city = next((r for r in speakers if _speakers_city_district(text, p, r.mention)), None)
        if city is not None:
            kept.remove(p)
            rejected.append(
                Rejected(p.mention, f"a district of {city.mention.candidate.place.name}, whose official speaks")
            )
            if city in rejected and not any(
                k.mention.candidate.place.id == city.mention.candidate.place.id for k in kept
            ):
                rejected.remove(city)
                at = replace(city.mention, start=p.mention.start, end=p.mention.end)
                kept.append(IncidentPlace(at, p.event_type))
    for rule, reason in (
        (_outside_named_district, f"not in the district the text names (over {profile.locator_km:.0f} km away)"),
        (_locating_district, "a district named only to locate the villages written with it"),
        (_city_district, "a district of the town it is written with, which the gazetteer lacks"),
        (_district_in_brackets, "a district of the town written before it, in brackets"),
        (_region_as_its_centre, "a region or district named to locate a town in it"),
        (_centre_after_village, "a regional centre written after a village of its region, to say the region"),
        (_centre_owning_a_town, "a regional centre's possessive before a town of its region, to say the region"),
    ):
        drop = [p for p in kept if rule(text, p, kept, profile)]
        rejected += [Rejected(p.mention, reason) for p in drop]
        kept = [p for p in kept if p not in drop]
    return _regions(text, kept, rejected)


def _not_incident(
    text: str, m: Mention, frames: Sequence[Frame], profile: Profile, is_capital: Callable[[Place], bool]
) -> str | None:
    p = m.candidate.place
    if m.org:
        return "part of an organisation's name"
    if m.from_place:
        return "where fire was launched from, a reference point, or where forces head"
    if p.kind == "country":
        return "a country"
    if p.country_code not in profile.theatre_countries:
        return f"outside the theatre ({p.country_code})"
    capital = is_capital(p)
    if capital and (
        not m.place_context or _NAMED_CAPITAL.search(text, 0, m.start) or _GOVERNMENTS_OWN.match(text, m.end)
    ):
        # "Baku and Yerevan waged war", "the second city after the capital Baku"
        return "a capital standing for its government"
    if any(f.start <= m.start < f.end for f in frames) and not _WITNESS_OF.search(text, 0, m.start):
        # "Baku claimed": the capital speaks for its government; but "a resident of
        # Beylagan said" is a witness speaking of the town.
        return "part of a speaker"
    nxt = _NEXT_WORD.match(text, m.end)
    if (
        nxt
        and speech_lemma(nxt.group(1))
        and not _AFTER_PREPOSITION.search(text, 0, m.start)
        and not _CLAIMED_LIVES.match(text, nxt.end())
    ):
        # "Stepanakert said ...", but not "the attack on Odesa claimed the lives of four".
        return "a place that speaks for its government"
    if (
        capital
        and _VENUE.match(text[: m.start])
        and text[m.end : m.end + 2].startswith(",")
        and _speaks(text, frames)
        and not _happened_there_first(
            text[m.end : min((f.start for f in frames if f.start > m.end), default=len(text))]
        )
    ):
        return "where a statement was made"  # "In Baku, the report was rejected"
    if _NO_EVENT_AT.search(text, max(0, m.start - 60), m.start):
        return "the text says nothing happened there"  # "... but no attacks on Kharkiv were recorded"
    if "evacuat" in text and _EVACUATION_OF.search(text, max(0, m.start - 60), m.start):
        return "a place evacuated: no violence there told"  # "ordered the evacuation of the Glushkovo region"
    if _SPEAKER_IS_IN.search(text, max(0, m.start - 40), m.start):
        return "where someone is, no event there told"  # "Нахожусь в Москве на заседании": the governor's whereabouts
    if _LEFT_OUT_OF_COUNT.search(text, max(0, m.start - 100), m.start):
        return "left out of a count: no event there told"  # "These numbers don't include casualties in Mariupol"
    if (
        _AIRPORT_CLOSED.match(text, m.end) or _RESTRICTIONS_AT.search(text, max(0, m.start - 60), m.start)
    ) and not _THE_TOWN.search(text):  # ("... after drones attacked the city": the city is the place)
        return "an airport closed or restricted: no violence there told"  # "X and Y airports have been closed"
    if _STILL_HELD.match(text, m.end):
        # "..., Kramatorsk — still under Ukrainian control."
        return "a place the text says is still held, no event there told"
    if _POSSIBLE_AT.search(text, max(0, m.start - 60), m.start):
        return "an event only spoken of as possible there"  # "чи є нині загроза наступу на Херсон"
    if _PUT_AT_RISK.search(text, max(0, m.start - 60), m.start):
        return "a place the text says is put at risk, not where it happened"  # "..., jeopardizing the town of X"
    if _SINCE_CLAUSE.search(text, max(0, m.start - 100), m.start) or _WEEKS_AFTER.search(
        text, max(0, m.start - 100), m.start
    ):
        return "an earlier event the text dates by"  # "... more common since Moscow's forces withdrew from Kyiv"
    return None


#: "ordered the evacuation of the Glushkovo region", "evacuating residents from X".
_EVACUATION_OF = re.compile(
    r"\bevacuat\w*\s+(?:of\s+|from\s+)?(?:(?:residents|civilians|children|people|families)\s+(?:of|from)\s+)?"
    r"(?:the\s+)?(?:(?:city|town|village|district|region)\s+of\s+)?$",
    re.IGNORECASE,
)
#: "Нахожусь в Москве", "перебуваючи у Києві": where a speaker is.
_SPEAKER_IS_IN = re.compile(
    r"(?<!\w)(?:нахожусь|находясь|находился|находилась|перебуваю|перебуваючи|перебував|перебувала)\s+(?:в|во|у|на)\s+$",
    re.IGNORECASE,
)
#: "These numbers don't include casualties in occupied Mariupol", "excluding Mariupol", "без урахування
#: Маріуполя": a place a count leaves out.
_LEFT_OUT_OF_COUNT = re.compile(
    r"\b(?:(?:do|does|did)(?:\s+not|n['’]t)\s+include|not\s+including|excluding|without\s+counting)\b[^.;:!?]{0,80}$|"
    r"(?<!\w)(?:без\s+(?:урахування|учета|учёта)|не\s+враховуючи|не\s+включа\w*|за\s+винятком|"
    r"за\s+исключением)(?!\w)[^.;:!?]{0,80}$",
    re.IGNORECASE,
)
#: "since Moscow's forces withdrew from Kyiv", "since Ukraine's incursion into Kursk": an earlier event the
#: sentence measures time from, not a claim of it (but "Since March 3, Russia has shelled X": a date, then a comma).
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?!\d)[^,;:()“”\"]{3,90}$", re.IGNORECASE)
#: "Moscow's Domodedovo and Zhukovsky airports have been closed", "flights at Kazan airport were suspended".
_AIRPORT_CLOSED = re.compile(
    r"(?:\s*(?:,|and)\s*(?-i:[A-Z])[\w’'-]+)*\s+(?:international\s+)?airports?\b[^.;]{0,40}?\b"
    r"(?:clos(?:ed|ing|ure)|shut|suspend\w*|restrict\w*|halt\w*|stopp?ed|cancell?ed|delay\w*)",
    re.IGNORECASE,
)
#: "restrictions were imposed at the airports of Kaluga and", "flights were suspended at X".
_RESTRICTIONS_AT = re.compile(
    r"\b(?i:restrictions?|closures?|suspensions?|flights?)\b[^.;]{0,40}\b(?:at|on|in)\s+(?:the\s+)?"
    r"(?:(?:airports?|airfields?)\s+(?:of|in)\s+)?(?:[A-Z][\w’'-]+\s+(?:and|,)\s+)*$"
)
#: "загроза наступу на Херсон", "угроза ударов по Киеву", "возможный штурм X": an event word right before a place
#: after a word of threat or possibility (the event itself is no event; an actual one earlier in the sentence is not
#: this place's).
_POSSIBLE_AT = re.compile(
    r"(?<!\w)(?:загроз|угроз|можлив|возможн|потенційн|потенциальн|ризик|риск|небезпек|опасност)\w*\s+"
    r"(?:[\w’'-]+\s+){1,3}$",
    re.IGNORECASE,
)
#: "with key cities -- Sloviansk, Kramatorsk and Druzhkivka -- still under Ukrainian control.", "X remains in
#: Ukrainian hands.", "остаются под контролем ВСУ.": who holds a place, said as the end of the sentence (not "X,
#: still under Ukrainian control, was shelled", where the clause goes on to an event).
_STILL_HELD = re.compile(
    r"(?:\s*(?:,|and|і|и|та)\s*(?-i:[A-ZА-ЯІЇЄҐ])[\w’'-]+)*\s*[—–-]?\s*"
    r"(?:(?:is|are|was|were|remains?|remained|stays?|stayed)\s+)?(?:still|firmly|yet)\s+"
    r"(?:(?:remains?|remained|stays?|stayed)\s+)?"
    r"(?:under\s+(?:[\w’'-]+\s+){1,2}?control|in\s+(?:[\w’'-]+\s+){1,2}?hands|held\s+by\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+)"
    r"\s*[.;!]?\s*$|"
    r"(?:\s*(?:,|and|і|и|та)\s*(?-i:[A-ZА-ЯІЇЄҐ])[\w’'-]+)*\s*[—–-]?\s*"
    r"(?:[\w’'-]+\s+){0,2}?(?:remains?|remained|stays?|stayed)\s+(?:under\s+(?:[\w’'-]+\s+){1,2}?control|"
    r"in\s+(?:[\w’'-]+\s+){1,2}?hands)\s*[.;!]?\s*$|"
    r"(?:\s*(?:,|и|і|та)\s*(?-i:[А-ЯІЇЄҐ])[\w’'-]+)*\s*[—–-]?\s*"
    r"(?:по-прежнему\s+|все\s+ещ[её]\s+|досі\s+|і\s+досі\s+)?(?:оста[её]тся|остаются|оставался|оставались|"
    r"залишається|залишаються|залишався|залишалися|перебуває|перебувають)\s+(?:под|під)\s+контрол\w*"
    r"(?:\s+[\w’'-]+){0,3}\s*[.;!]?\s*$",
    re.IGNORECASE,
)
#: "the capture of X, jeopardizing the town of Huliaipole", "threatening Kramatorsk": a place put at risk next.
_PUT_AT_RISK = re.compile(
    r"\b(?:threaten(?:s|ed|ing)?|jeopardi[sz](?:e|es|ed|ing)|endanger(?:s|ed|ing)?|imperil(?:s|led|ling)?)\s+"
    r"(?:the\s+)?(?:(?:[\w-]+\s+){0,3}?(?:city|town|village|hub|stronghold)\s+of\s+)?$",
    re.IGNORECASE,
)
#: "less than a week after the fall of the bastion town of X", "days after the capture of Y": the same, measured
#: from a change of hands the text has told or will tell in its own words.
_WEEKS_AFTER = re.compile(
    r"\b(?:days?|weeks?|months?|years?|hours?|shortly|soon)\s+(?:after|before)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:[\w’'-]+\s+){0,2}?(?:fall|capture|loss|seizure|liberation|recapture|withdrawal|retreat|surrender)\s+"
    r"(?:of|from)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}$",
    re.IGNORECASE,
)


#: "no attacks on Kharkiv were recorded", "there was no shelling of the city of X": an event said not to have
#: happened at the place, whatever happened elsewhere in the sentence.
_NO_EVENT_AT = re.compile(
    r"\b(?:no|not\s+any)\s+(?:(?:new|further|other|enemy|russian|ukrainian|reported)\s+)?"
    r"(?:attacks?|strikes?|shelling|shells|explosions?|casualties|damage|hits?)\s+(?:on|at|in|of|against)\s+"
    r"(?:the\s+)?(?:(?:city|town|village|settlement)\s+of\s+)?$",
    re.IGNORECASE,
)


#: "the city", "the town's market": the place a speaker of that place speaks of.
_THE_TOWN = re.compile(
    r"\b(?:the|this)\s+(?:city|town|village)(?:['’]s)?\b(?!\s+of\b)|"
    # "an attack in his region's administrative center": the regional centre, the governor's own town
    r"\b(?:the|his|her|its)\s+(?:region['’]s\s+)?(?:administrative|regional)\s+(?:cent(?:er|re)|capital)\b(?!\s+of\b)|"
    # ... in Russian and Ukrainian, any case, no name after it: "при обстреле города", "по місту"
    r"(?<!\w)(?:город|города|городу|городе|городом|місто|міста|місту|місті|містом)(?!\w)(?!\s+(?-i:[А-ЯЁІЇЄҐ]))",
    re.IGNORECASE,
)
#: "in this area", "в этом районе", "у цьому районі": the place the sentence before named, in a narrator's words too.
THIS_AREA = re.compile(
    r"\b(?:in|near|around)\s+this\s+(?:area|town|city|village|locality)\b|"
    r"(?<!\w)(?:в|у|на|во|під|под|около|біля|возле)\s+(?:этом|этого|этой|цьому|цього|цій)\s+"
    r"(?:район\w*|город\w*|міст\w*|сел\w*|населенн\w*|населен\w*|направлени\w*|напрямк\w*)",
    re.IGNORECASE,
)
#: How near "the city" its event word must be.
THE_TOWN_EVENT_CHARS = 60


def _the_speakers_town(
    text: str, frames: Sequence[Frame], rejected: list[Rejected], is_region_centre: Callable[[Place], bool]
) -> list[IncidentPlace]:
    """ "The mayor of Kherson said the city was shelled", "the head of Melitopol's administration reported a
    blast at the city market": a sentence that names no place of its own but "the city" speaks of the town
    in its speaker.  The claim sits at the town, its position that of "the city" (inside the report)."""
    for f in frames:
        m = _THE_TOWN.search(text, f.content[0], f.content[1])
        if m is None:
            continue
        ev = event_near(text, m.start(), m.end())
        if ev is None or ev[1] > THE_TOWN_EVENT_CHARS:
            continue
        towns = [
            r
            for r in rejected
            if r.reason == "part of a speaker"
            and f.start <= r.mention.start < f.end
            and r.mention.candidate.place.kind in ("town", "village")
        ]
        if len(towns) == 1:
            rejected.remove(towns[0])
            return [IncidentPlace(replace(towns[0].mention, start=m.start(), end=m.end()), ev[0])]
    for f in frames:
        # "The authorities in Horlivka said several civilians were wounded by shelling": a place's own officials
        # reporting an event that names no place: it happened in their town.
        if not _AUTHORITIES_IN.search(text, f.start, f.end) or _GOVERNOR.search(text, f.start, f.end):
            continue  # (a governor's place is his region, not its capital: "The governor of Volgograd said ...")
        words = [w for w in event_words(text) if f.content[0] <= w[0] < f.content[1]]
        # (the town the officials' words point at, not another name of the speaker: "the head of the Sumy City
        # Military Administration, Artem Kobzar" has no town Artem)
        # (every word may open a match: "The mayor of Donetsk" holds "The mayor" and "mayor of D")
        matches = (_AUTHORITIES_IN.match(text, w.start(), f.end) for w in _WORD_START.finditer(text, f.start, f.end))
        served = {p for a in matches if a is not None for p in (a.start(), a.end() - 1, a.end() + 1)}
        towns = [
            r
            for r in rejected
            if r.reason == "part of a speaker"
            and f.start <= r.mention.start < f.end
            and r.mention.start in served
            and r.mention.candidate.place.kind in ("town", "village")
            and not _OF_THE_REGION.match(text, r.mention.end)  # "the head of the Donetsk regional administration"
            # "the head of the Sumy Military Administration": a regional centre's name before an administration
            # that is not the city's names the region's (as English reporting shortens "Sumy Oblast Military
            # Administration"); a town's own is "Kryvyi Rih Military Administration" or "Sumy City ..."
            and not (_ADMINISTRATION_AFTER.match(text, r.mention.end) and is_region_centre(r.mention.candidate.place))
        ]
        if words and len(towns) == 1:
            rejected.remove(towns[0])
            ws, we, _, kind = min(words, key=lambda w: w[2])
            return [IncidentPlace(replace(towns[0].mention, start=ws, end=we), kind)]
    return []


def the_town_before(
    text: str,
    sentence: int,
    earlier: Sequence[Mention],
    is_capital: Callable[[Place], bool],
    theatre: frozenset[str] = frozenset(),
) -> list[IncidentPlace]:
    """ "Vovchansk is now the hottest area. ... The enemy continues to attack the city there": a sentence that
    names no place of its own, with "the city" (or town, village) right by an event word, speaks of the one town
    the sentence before named (*earlier*: its mentions).  The claim sits at that town, its position that of "the
    city" in this sentence.  Nothing when the sentence before named several towns, or a capital (which stands
    for its government as often as for a city)."""
    m = _THE_TOWN.search(text) or THIS_AREA.search(text)
    if m is None:
        return []
    ev = event_near(text, m.start(), m.end())
    if ev is None or ev[1] > THE_TOWN_EVENT_CHARS:
        return []
    towns = {
        e.candidate.place.id: e
        for e in earlier
        if e.candidate.place.kind in ("town", "village")
        and not e.org
        and not e.from_place
        and (not theatre or e.candidate.place.country_code in theatre)  # ("One block was disconnected": no Onè)
    }
    if len(towns) != 1:
        return []
    town = next(iter(towns.values()))
    if is_capital(town.candidate.place):
        return []
    if "villag" in m.group().lower() and town.candidate.place.population >= VILLAGE_AT_MOST:
        # "... 30 km southeast of the regional hub of Kupiansk. ... the capture of the village had no importance":
        # the village is another place than a town of 27,000
        return []
    return [IncidentPlace(replace(town, sentence=sentence, start=m.start(), end=m.end()), ev[0])]


#: "The village" is no town of this many people.
VILLAGE_AT_MOST = 10_000


_GOVERNOR = re.compile(r"\bgovernor\b", re.IGNORECASE)
#: A town's name standing for its region: "the Donetsk regional administration", "the Kharkiv oblast governor".
_OF_THE_REGION = re.compile(
    # ("the head of the Kherson RMA": its regional military administration)
    r"(?:['’]s)?\s+(?:regional|region['’]s|oblast|provincial|province['’]s|RMA|OVA|ODA|RSA)\b",
    re.IGNORECASE,
)  # ("head of Donetsk's regional administration" too)
_WORD_START = re.compile(r"\b\w")
#: An administration written right after a town's name, not the city's: "Sumy Military Administration".
_ADMINISTRATION_AFTER = re.compile(r"\s+(?:(?:Civil|Civil-Military|Military)\s+)+Administration\b", re.IGNORECASE)
#: Officials named by the place they serve: "the authorities in Horlivka", "the mayor of Sumy".
_AUTHORITIES_IN = re.compile(
    r"\b(?i:authorities|officials?|administration|mayor|head|governor|council)\s+(?:in|of)\s+(?:the\s+)?"
    r"(?:(?:Ukrainian|Russian|occupied|\w+-held|\w+-controlled|\w+-occupied)\s+)?(?:city\s+of\s+|town\s+of\s+)?[A-Z]|"
    # "Voronezh Mayor Sergei Petrin said a kindergarten had been damaged"
    r"\b[A-Z][\w’'-]+\s+(?:[Mm]ayor|[Cc]ity\s+(?:[Hh]ead|[Cc]ouncil|(?:[Mm]ilitary\s+)?[Aa]dministration))\b|"
    # ... and in Russian and Ukrainian: "мэр Энергодара Максим Пухов сообщил", "міський голова Сум повідомив"
    r"(?<!\w)(?i:мэр\w*|мер(?:а|ом|у)?|міськ\w+\s+голов\w*|глав\w+\s+(?:города|администрации\s+города)|"
    r"голов\w+\s+(?:міста|МВА|міської))(?!\w)",
)


#: A report named as a noun ("In Baku, the report of Armenian shelling of Tartar was rejected"): the event it tells
#: is elsewhere.
_REPORT_NOUN = re.compile(r"\b(?:reports?|claims?|allegations?|statements?|accusations?|news|information)\b", re.I)


def _happened_there_first(clause: str) -> bool:
    """ "In Kyiv, debris from drones fell in several districts, said the mayor": the clause after the capital, before
    its speaker, tells an event there (not a report of one elsewhere)."""
    return bool(event_words(clause)) and not _REPORT_NOUN.search(clause)


def _speaks(text: str, frames: Sequence[Frame]) -> bool:
    """Whether the sentence reports speech, with a speaker or without ("the report was rejected")."""
    return bool(frames) or any(w.islower() and speech_lemma(w) for w in re.findall(r"[A-Za-z]+", text))


def _talks_venue(text: str, m: Mention, profile: Profile) -> bool:
    """ "Ministers met in X for talks while fighting went on elsewhere": a word of talks, visits or
    meetings governs the place, and the violence is in another clause.  ("During the visit to X, the
    army fired at the area" is violence at X.)"""
    before = text[max(0, m.start - 30) : m.start]
    after = text[m.end : m.end + 20]
    if not (profile.non_violent.search(before) or profile.non_violent.match(after.lstrip(" ,"))):
        return False
    for ws, we, _order, _name in event_words(text):
        lo, hi = (we, m.start) if we <= m.start else (m.end, ws)
        if not _CLAUSE_BREAK.search(text, lo, hi):
            return False
    return True


_CLAUSE_BREAK = re.compile(r";|\b(?:as|while|whereas|but|although|though|even as)\b")


def _outside_named_district(text: str, item: IncidentPlace, kept: list[IncidentPlace], profile: Profile) -> bool:
    """'Yenikand village of Goranboy region': a village named with its district must lie in it;
    a namesake 80 km away is another village, one the gazetteer does not know."""
    m = item.mention
    if m.candidate.place.kind not in ("village", "town") or m.cue in ADMIN_CUES:
        return False
    return any(
        (o.mention.cue in ADMIN_CUES or o.mention.names_area)  # "of Goranboy region", "of Synelnykove district"
        and o.mention.candidate.place.kind != "region"  # an oblast or province: too wide for a distance
        and (
            (o.mention.start > m.start and OF_AREA.match(text[m.end : o.mention.start]))
            # "in the Shebekinsky urban district, near the village of Korovino": the district first
            or (o.mention.end <= m.start and _DISTRICT_THEN_VILLAGE.match(text[o.mention.end : m.start]))
        )
        and distance_km(m.candidate.place, o.mention.candidate.place) > profile.locator_km
        for o in kept
    )


_DISTRICT_THEN_VILLAGE = re.compile(
    r"^\s*(?:(?:urban|municipal|rural)\s+)?(?:district|region|raion|rayon|okrug|area)?\s*,?\s*"
    r"(?:(?:near|in|outside|at)\s+)?(?:the\s+)?(?:villages?|settlements?|hamlets?)\s+of\s+$",
    re.IGNORECASE,
)


#: A town this big has districts of its own that a text may name ("the Kyivskyi district" of Kharkiv).
CITY_WITH_DISTRICTS = 100_000
#: A district a city's own official names lies within his city: beyond this, a namesake is another place.
SPEAKERS_CITY_KM = 25.0


def _speakers_city_district(text: str, item: IncidentPlace, city: Mention) -> bool:
    """ "The mayor of Donetsk said the Kuibyshevsky district was shelled": a district a city's official names is
    his city's, whatever town 110 km away bears its name (a regional governor's districts are his region's)."""
    m = item.mention
    around = text[max(0, city.start - 40) : city.end + 40]
    return (
        not (REGIONAL_OFFICIAL.search(around) or CYRILLIC_REGIONAL_OFFICIAL.search(around))
        and (m.names_area or m.cue == "district")
        and m.candidate.place.kind in ("village", "town")
        and city.candidate.place.kind == "town"
        and city.candidate.place.population >= CITY_WITH_DISTRICTS
        and distance_km(m.candidate.place, city.candidate.place) > SPEAKERS_CITY_KM
    )


def _city_district(text: str, item: IncidentPlace, kept: list[IncidentPlace], profile: Profile) -> bool:
    """ "In Kharkiv, a drone hit a building in the Kyivskyi district": a district the text names whose
    name the gazetteer knows only as a town or village far from the town it is written with."""
    m = item.mention
    if not (m.names_area or m.cue == "district") or m.candidate.place.kind not in ("village", "town"):
        return False
    if COMMUNITY_AFTER.match(text, m.end):
        return False  # a community (a hromada) is no city's district: "Сумська громада" beside Mykolaiv's
    # "the Troitsky district of Moscow", "the Krasnoarmeiskyi district, home to the Volgograd refinery": with the
    # kind word outside the name, only a town far beyond any district's reach is surely another place.
    reach = profile.locator_km if m.names_area else 3 * profile.locator_km
    return any(
        o is not item
        and o.mention.candidate.place.kind == "town"
        and o.mention.candidate.place.population >= CITY_WITH_DISTRICTS
        and distance_km(m.candidate.place, o.mention.candidate.place) > reach
        for o in kept
    )


#: "the Troitsky district of Moscow", "Дніпровський район Херсона" (the town in the genitive, right after).
# (the district word may stand outside the name: "the Dniprovsky district of Kherson", where "Dniprovsky" alone
# is also a village near the city)
_OF_TOWN = re.compile(
    r"^\s*(?:(?:(?:city|urban)\s+)?(?:district|raion)\s+)?(?:of\s+(?:the\s+(?:city|town)\s+of\s+)?|\(\s*)?$",
    re.IGNORECASE,
)


#: ... or the city named before: "the occupants struck the Dniprovsky district of the city".
_OF_THE_CITY = re.compile(r"\s*(?:(?:city|urban)\s+)?(?:district|raion)\s+of\s+the\s+(?:city|town)\b(?!\s+of\b)", re.I)


def _district_of_the_city(text: str, m: Mention) -> bool:
    """ "the occupants struck the Dniprovsky district of the city": a district of the city named before, whose
    name the gazetteer knows only as some village's."""
    return (
        (m.names_area or m.cue == "district")
        and _OF_THE_CITY.match(text, m.end) is not None
        and m.candidate.place.kind in ("town", "village")
    )


def _town_of_district(text: str, m: Mention, references: list[Mention]) -> Mention | None:
    """The town whose own district *m* is, written with it ("Дніпровський район Херсона", "the Obolonskyi
    district (Kyiv)"): the claim is the town's, unless the data knows the district inside it; the district's name
    is often another town's ("Dniprovskyi" is also a district of Kyiv).  The town counts even when it is no claim
    itself (a capital)."""
    if not (m.names_area or m.cue == "district"):
        return None
    return next(
        (
            o
            for o in references
            if o is not m
            and o.start >= m.end
            and o.candidate.place.kind == "town"
            and o.cue in (None, "city")  # (a named district before it makes it a city: mentions._NAMED_DISTRICT_OF)
            and _OF_TOWN.match(text[m.end : o.start])
        ),
        None,
    )


def _inside_the_city(district: Place, city: Place) -> bool:
    """Whether the place found for a city's named district is one of the city (GeoNames draws some city districts,
    renamed ones under their new names) rather than a namesake elsewhere."""
    return (
        district.kind in ("town", "village")
        and district.id != city.id
        and city.population >= CITY_WITH_DISTRICTS
        and distance_km(district, city) <= CITY_DISTRICT_KM
    )


#: "Makeyevka (the Kirov and Chervonogvardeisky districts)": inside a bracket opened right after a town.
_OPEN_BRACKET = re.compile(r"^\s*\((?:the\s+)?[^()]*$")


def _district_in_brackets(text: str, item: IncidentPlace, kept: list[IncidentPlace], profile: Profile) -> bool:
    """A town's own districts named in brackets after it: the claim is the town's, and the district's
    name is often a far-away town's too ("Kirov")."""
    m = item.mention
    if not (m.names_area or m.cue == "district"):
        return False
    return any(
        o.mention.end <= m.start
        and o.mention.candidate.place.kind == "town"
        and _OPEN_BRACKET.match(text[o.mention.end : m.start])
        for o in kept
        if o is not item
    )


#: "the village of Zaporizhzhia, southwest of Pokrovsk", "Nizhyn, 20 km from the border town of X".
_MEASURED_FROM = re.compile(
    r"^\s*,?\s*(?:(?:about|some|around|just)\s+)?(?:\d[\d.,]*\s*(?:km|kilomet(?:er|re)s?|miles?)\s+)?"
    r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of|from|outside)\s+"
    r"(?:the\s+)?(?:(?:\w+\s+)?(?:city|town|village)\s+of\s+)?$",
    re.IGNORECASE,
)


def _far_from_its_reference(text: str, m: Mention, references: list[Mention], profile: Profile) -> bool:
    """A place located by its bearing from another lies near it; a namesake hundreds of kilometres away is
    another place of the name (the one meant is missing from the gazetteer)."""
    return any(
        r.start >= m.end
        and _MEASURED_FROM.match(text[m.end : r.start])
        and r.candidate.place.kind in ("town", "village")
        and distance_km(m.candidate.place, r.candidate.place) > _bearing_reach(r.candidate.place, profile)
        for r in references
    )


#: A city this big locates places by their bearing from further away ("Yaroslavl, northeast of Moscow": 250 km) ...
METROPOLIS = 1_000_000
#: ... up to this far.
METROPOLIS_REACH_KM = 400.0


def _bearing_reach(reference: Place, profile: Profile) -> float:
    """How far a place written with its bearing from *reference* ("X, west of Y") may lie from it."""
    return METROPOLIS_REACH_KM if reference.population >= METROPOLIS else 2 * profile.locator_km


#: How far a town may lie from the centre of the first-level region it is written with ("Konstantinovka,
#: Mykolaiv region"): oblasts are 150-300 km across.
REGION_REACH_KM = 250.0
_COMMA_REGION = re.compile(r"^\s*,\s*(?:the\s+)?$")
#: The end of a clause right after a district's name ("..., Chuhuiv district."), its kind word perhaps between.
_CLAUSE_END = re.compile(r"(?:\s+(?:district|raion|region|oblast|community|hromada))?\s*(?:[.;]|$)", re.IGNORECASE)
#: One community's kind word after its name (not a list's plural: "Stanislav, Bilozerka communities").
_ONE_COMMUNITY_AFTER = re.compile(
    r"\s+(?:(?:urban|rural|village|settlement|territorial)\s+)?(?:community|hromada)\b(?!s)", re.IGNORECASE
)


def _outside_its_region(text: str, m: Mention, references: list[Mention]) -> bool:
    """ "fuel depots in Konstantinovka, Mykolaiv region": the town lies in the region written right after it;
    a namesake in another oblast is another place (the one meant may be a village the gazetteer lacks)."""
    if m.candidate.place.kind not in ("town", "village"):
        return False
    return any(
        r.start >= m.end
        and r.candidate.place.kind == "region"
        and (
            _COMMA_REGION.match(text[m.end : r.start])
            # "в населенные пункты Лиман и Вильча Харьковской области": the region in the genitive after a list
            or (not r.text.isascii() and not m.text.isascii() and _CYRILLIC_LIST_REST.match(text[m.end : r.start]))
        )
        and outside_region(m.candidate.place, r.candidate.place)
        for r in references
    )


def outside_region(place: Place, region: Place) -> bool:
    """Whether *place* lies outside *region*: in another first-level division when both are known, else farther
    than REGION_REACH_KM from its centre."""
    if place.province and region.province:
        return place.province != region.province
    return distance_km(place, region) > REGION_REACH_KM


#: The rest of a Russian or Ukrainian list of names up to the region written after it in the genitive (no
#: conjunction right before the region: "обстрелы Белгорода и Курской области" names two places).
_CYRILLIC_LIST_REST = re.compile(r"(?:\s*(?:,|и|і|та|й)\s+[А-ЯЁІЇЄҐ][\w’'-]*)*\s*$")


#: A region that opens the sentence as its scene ("In the Kostroma region, ...").
_SCENE = re.compile(r"^\W*(?:(?:according\s+to\s+\w+,\s+)?in|across)\s+(?:the\s+)?$", re.IGNORECASE)


def _region_as_its_centre(text: str, item: IncidentPlace, kept: list[IncidentPlace], profile: Profile) -> bool:
    """ "In the Kostroma region, ... drone strikes in the town of Volgorechensk": a region the gazetteer knows
    only by its centre, written with a town of its own, locates the town and is no claim at the centre (nor is a
    district the tables know: "in Yakovlevsky district, drones dropped explosives on the village of Tomarovka")."""
    m = item.mention
    kind = m.candidate.place.kind
    if not (
        (m.cue in ("region", "province", "district") and kind in ("town", "village"))
        or (kind == "district" and (m.cue == "district" or m.names_area))
    ):
        return False
    if not _SCENE.match(text[: m.start]):
        return False  # "bombed Tartar and the villages of the Aghdam region": the region is a place of its own
    return any(
        o is not item
        and o.mention.candidate.place.kind in ("town", "village")
        and o.mention.cue not in ADMIN_CUES
        and o.mention.candidate.place.id != m.candidate.place.id
        and distance_km(m.candidate.place, o.mention.candidate.place) <= 2 * profile.locator_km
        for o in kept
    )


def _centre_after_village(text: str, item: IncidentPlace, kept: list[IncidentPlace], profile: Profile) -> bool:
    """ "attacks on the village of Ocheretyne, Donetsk, some nine miles northwest of Avdiivka": a city written
    right after a village of its region, between commas, says the village's region (wire shorthand for
    "Donetsk region"); it is no claim at the city."""
    m = item.mention
    city = m.candidate.place
    if city.kind != "town" or city.population < CITY_WITH_DISTRICTS or not city.province:
        return False
    if not _BETWEEN_COMMAS_END.match(text, m.end) or _LIST_GOES_ON.match(text, m.end):
        return False  # ("shelled Ocheretyne, Donetsk, and Makiivka": a list)
    return any(
        o is not item
        and o.mention.end <= m.start
        and not re.search(r"(?:,|\band)\s*$", text[: o.mention.start])
        and re.fullmatch(r",\s*", text[o.mention.end : m.start]) is not None
        and o.mention.candidate.place.kind in ("town", "village")
        and o.mention.candidate.place.population < VILLAGE_AT_MOST
        and o.mention.candidate.place.province == city.province
        for o in kept
    )


def _centre_owning_a_town(text: str, item: IncidentPlace, kept: list[IncidentPlace], profile: Profile) -> bool:
    """ "Russian shelling of Donetsk's Kostiantynivka": a city's possessive right before a town of its region says
    the region the town is in (headline shorthand for "Donetsk Oblast's"); it is no claim at the city."""
    m = item.mention
    city = m.candidate.place
    if city.kind != "town" or city.population < CITY_WITH_DISTRICTS or not city.province:
        return False
    owns = _OWNS.match(text, m.end)
    if owns is None:
        return False
    return any(
        o.mention.start == owns.end()
        and o.mention.candidate.place.kind in ("town", "village")
        and o.mention.candidate.place.province == city.province
        # (not the city's own district: "Kharkiv's Saltivka")
        and distance_km(o.mention.candidate.place, city) > CITY_DISTRICT_KM
        for o in kept
    )


#: A possessive ending and the space after it.
_OWNS = re.compile(r"['’]s\s+")


_LIST_GOES_ON = re.compile(r"\s*,?\s*(?:and|or|та|і|и)\s", re.IGNORECASE)
#: What closes a place written as a region's name after a village: a comma, a bracket or the sentence's end.
_BETWEEN_COMMAS_END = re.compile(r"\s*(?:,|\)|;|\.?\s*$)")


#: The rest of a district's clause up to a village named in brackets with its kind ("... (с. Прудянка").
#: (an earlier bracket may come between: "будинок (с. Рубіжне), 3 автомобілі (м. Слобожанське)"; a town too)
_VILLAGE_IN_BRACKETS = re.compile(
    r"(?:[^().;]|\([^()]{0,40}\)){0,120}\((?:с|сел|смт|пгт|пос|селище|село|м)\.?\s*$", re.IGNORECASE
)


#: An area's possessive before a capitalised name: "the Izium district's Bohuslavka".
_POSSESSIVE_BEFORE_NAME = re.compile(
    r"(?:\s+(?:district|raion|community|hromada))?['’]s\s+(?:(?:village|town|settlement)\s+of\s+)?(?-i:[A-Z])",
    re.IGNORECASE,
)
#: A village named right before a district, with a comma: "the village of Lokot, " (the gazetteer may lack it).
_VILLAGE_BEFORE = re.compile(
    # ("the village of Pidserednie of the Velykyi Burluk community": "of" for the comma)
    r"\b(?:village|settlement|hamlet)\s+of\s+[A-Z][\w’'-]+(?:[\s-][A-Z][\w’'-]+)?(?:\s*,|\s+of)\s*(?:in\s+)?"
    r"(?:the\s+)?$"
)


#: A community's kind word between its name and the district written after it, in Ukrainian or Russian.
_CYRILLIC_AREA_NOUN = re.compile(
    r"(?:(?:сільськ|селищн|міськ|сельск|поселков)\w*\s+)?(?:громад|сільрад|сельсовет)\w*", re.IGNORECASE
)


#: Between a district and the village after it that it locates: " муниципальном округе, в селе ", " district, in
#: the village of ".
_THEN_VILLAGE = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:округ\w*|район\w*|громад\w*|district|raion|okrug|community|hromada)?\s*,\s*"
    r"(?:в|во|у|in)\s+(?:the\s+)?(?:сел[еоа]\w*|посёлк\w*|поселк\w*|селищ\w*|деревн\w*|хутор\w*|"
    r"village|settlement|hamlet)(?:\s+of)?\s*$",
    re.IGNORECASE,
)


#: ... and its name: "..., in the village of Saltykovo".
_THEN_VILLAGE_NAMED = re.compile(_THEN_VILLAGE.pattern.removesuffix(r"\s*$") + r"\s+(?-i:[A-ZА-ЯЁІЇЄҐ])", re.I)
_IN_BEFORE = re.compile(r"(?:^|[\s“\"«„(])(?:в|во|у|in)\s+(?:the\s+)?$", re.IGNORECASE)


def _locating_district(text: str, item: IncidentPlace, kept: list[IncidentPlace], profile: Profile) -> bool:
    """'the villages of Alkhanli and Shukurbayli of the Fuzuli district': the district only
    locates the villages (it follows them directly) and is no claim of its own."""
    m = item.mention
    if (
        _IN_BEFORE.search(text, max(0, m.start - 12), m.start)
        and (
            any(
                o.mention.start > m.end
                and o.mention.candidate.place.kind in ("village", "town")
                and _THEN_VILLAGE.match(text[m.end : o.mention.start])
                for o in kept
            )
            # (a village the tables lack: "In the Belgorod district, in the village of Saltykovo, ...")
            or (m.cue in ADMIN_CUES or m.names_area)
            and _THEN_VILLAGE_NAMED.match(text[m.end :]) is not None
        )
    ):
        # "В Стародубском муниципальном округе, в селе Курковичи, ...", "in the Starodub district, in the village of
        # Kurkovichi": the district first (where things happened), then its village
        return True
    # (a community too: "the village of Kizomys of the Bilozerska community" is no claim at Bilozerka)
    if m.cue not in ADMIN_CUES and not m.names_area and not COMMUNITY_AFTER.match(text, m.end):
        return False
    if _POSSESSIVE_BEFORE_NAME.match(text, m.end):
        # "the Kharkiv district's Kozacha Lopan", "the Bohodukhiv district's Chervona Zoria": the district's own
        # village, known or not
        return True
    if any(
        o.mention.start > m.end
        and o.mention.candidate.place.kind in ("village", "town")
        and _VILLAGE_IN_BRACKETS.match(text[m.end : o.mention.start])
        for o in kept
    ):
        # "у Харківському районі пошкоджено будинок (с. Прудянка)": the village is named after, in brackets
        return True
    if not m.text.isascii() and any(
        o.mention.start < m.start and _CYRILLIC_AREA_NOUN.fullmatch(text[o.mention.end : m.start].strip()) for o in kept
    ):
        # "по Маломихайлівській та Покровській громадах Синельниківського району": the district of the communities
        # named right before it
        return True
    if m.candidate.place.kind in ("town", "village") and _VILLAGE_BEFORE.search(text, max(0, m.start - 80), m.start):
        # "the village of Lokot, Rylsky district": the village named right before locates it, known or not; a
        # district the tables hold stays, as the district-level place of a village they lack
        return True
    return any(
        o.mention.start < m.start
        and o.mention.candidate.place.kind in ("village", "town")
        and o.mention.cue not in ADMIN_CUES
        # "damage in the city of Belgorod, in Borisovka district": a city is no village a district locates
        and o.mention.cue != "city"
        and o.mention.candidate.place.population < CITY_WITH_DISTRICTS
        and (
            OF_AREA.match(text[o.mention.end : m.start])
            # "struck at the village of Vilshana, Kupyansk district": after a village, a comma is enough; so it is
            # where the district closes the clause ("A store was damaged in Staryi Saltiv, Chuhuiv district.")
            or (
                (o.mention.cue == "village" or _CLAUSE_END.match(text, m.end))
                and _COMMA_REGION.match(text[o.mention.end : m.start])
            )
            # "dropped explosives on Stanislav, Bilozerka community": a community after a comma locates the place
            or (_ONE_COMMUNITY_AFTER.match(text, m.end) and _COMMA_REGION.match(text[o.mention.end : m.start]))
            # "в станице Гривенской Калининского района": a district in the genitive right after the village
            or (m.names_area and not text[o.mention.end : m.start].strip() and not m.text.isascii())
        )
        for o in kept
    )


def _regions(
    text: str, kept: list[IncidentPlace], rejected: list[Rejected]
) -> tuple[list[IncidentPlace], list[Rejected]]:
    """A region named only to locate a town ("Shushi in Nagorno-Karabakh") is no claim of its own;
    alone, it is one only where the text puts violence right at it ("fighting in Karabakh")."""
    if any(p.mention.candidate.place.kind != "region" for p in kept):
        regions = [p for p in kept if p.mention.candidate.place.kind == "region"]
        return [p for p in kept if p not in regions], rejected + [
            Rejected(p.mention, "a region named only to locate a town") for p in regions
        ]
    out = []
    for p in kept:
        ev = event_near(text, p.mention.start, p.mention.end)
        # (a front sector -- a region of no province -- as the clause's subject: "The Kurakhove area saw the most
        # intense fighting, with ... repelling 52 attacks")
        sector = not p.mention.candidate.place.province
        after = event_after(text, p.mention.end) if sector else None
        if p.mention.place_context and (
            (ev is not None and ev[1] <= REGION_EVENT_CHARS) or (after is not None and after <= REGION_EVENT_CHARS)
        ):
            out.append(p)
        else:
            rejected.append(Rejected(p.mention, "a region without violence right at it"))
    return out, rejected
