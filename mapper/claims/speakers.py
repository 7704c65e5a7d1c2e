"""Stages: speaker resolution and side mapping.  Who a frame's speaker is, and for which side.

A speaker as written is often not a name: "she", "the ministry", "the republic's
defence ministry", "the city's mayor", "Baku", "ANAMA".  The tracker follows the
article's discourse (the speakers named so far, the places and countries it
mentions, the acronyms it defines) and resolves each speaker, most specific rule
first:

1. a generic subject ("each side", "both sides") is no one claimant;
2. a pronoun or a definite description ("she", "the ministry", "the agency")
   continues the last speaker it fits;
3. a surname or an acronym continues the speaker it was defined with;
4. "the X's ..." (the republic's, the enclave's, the city's) takes the side of the
   country, region or town last named of that kind;
5. the profile's claimant patterns;
6. a capital or country as speaker is its government;
7. officials named only by role (mayor, governor, local administration) speak for
   whoever held their place then (the profile's control table);
8. an unqualified official body ("the Defence Ministry") belongs to the outlet's
   side, or else to the opponent of the side it accuses, or else to the holder of
   the place it reports on;
9. anyone else: the profile's default side.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from gazetteer import Place

from .. import lexicon_ru_uk
from ..lexicon_en import (
    GENERIC_SUBJECTS,
    LOCAL_OFFICIAL,
    OFFICIAL_WORDS,
    OWNER_NOUNS,
    REGIONAL_OFFICIAL,
    TITLE_WORDS,
)
from ..sides import Profile

__all__ = ["Speaker", "SpeakerTracker", "Entity", "NO_SIDE_NAMED"]


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker: the claimant as the output names it, its side, and the rule that decided."""

    claimant: str
    side: str | None  # None: no one claimant ("each side")
    rule: str
    by_place: str = ""  # "holder": the side that held the place claimed; "country": the side of its country


@dataclass(frozen=True, slots=True)
class Entity:
    """Something the article named that a later description may stand for."""

    kind: str  # country | region | town
    name: str
    sentence: int
    place: Place | None = None


# "he", "they", "the ministry", "this agency", "the spokeswoman" (no proper name inside).
_ANAPHOR = re.compile(
    # (after a conjunction that opens the speaker's clause: "..., when it announced the recapture of X")
    r"^(?:and\s+|but\s+|also\s+|(?:when|while|as|after|since|because|before|though|although)\s+)?"
    r"(?:he|she|it|they|him|her|them|his office|her office|"
    # ("according to her information": the one who spoke last)
    r"(?:the|this|that|his|her|its|their)\s+(?:\w+\s+)?(?:ministry(?:\s+of\s+defen[cs]e)?|spokes(?:man|woman|person)|"
    r"statement|"
    r"officials?|agency|report|army|military|source|cent(?:er|re)|office|service|department|committee|"
    r"ombuds(?:man|woman|person)|prosecutor|command|authorities|president|minister|organi[sz]ation|body|group|"
    r"watchdog|monitor|ngo|mission|press service|headquarters|administration|message|post|release|"
    r"communiqu[eé]|bulletin|information cent(?:er|re)|channel|speaker|entity|information|data|"
    # "the rescuers said" after "Ukraine's emergency service said"
    r"rescuers|rescue\s+(?:teams?|workers|service)|police|emergency\s+service|border\s+guards?|"
    # "the governor said" after "Governor Alexander Bogomaz said": the one named before (else a place's official)
    r"governor|mayor|commander|chief))"
    # ("The same source, who the outlet did not identify": a relative clause after it)
    r"(?:,\s+(?:who|which|whom)\b.*)?$",
    re.IGNORECASE,
)
# "the governor of the region", "the head of the city": an official of the area the article is about.
_UNNAMED_AREA_ROLE = re.compile(
    r"^(?:the\s+)?(?:governor|head|chief|mayor|leader)\s+of\s+the\s+(?P<area>region|oblast|province|city|town|"
    r"village|district|community)$",
    re.IGNORECASE,
)
#: ... in Russian and Ukrainian: "руководитель региона", "глава республики", "начальник ОВА" unnamed.
_UNNAMED_AREA_ROLE_CYRILLIC = re.compile(
    rf"^(?:{lexicon_ru_uk.OFFICIAL_TITLE_STEMS})\w*\s+(?:региона|регіону|области|області|"
    r"республики|республіки|города|міста|района|району|громади|общины|ОВА|ОДА|МВА)$",
    re.IGNORECASE,
)
#: A speaker named with a title: "Глава ЛНР Леонид Пасечник", "губернатор Вячеслав Гладков", "врио главы ...".
_CYRILLIC_TITLE = re.compile(
    r"^(?:врио\s+|и\.\s?о\.\s+|в\.\s?о\.\s+|т\.\s?в\.\s?о\.\s+)?"
    rf"(?:{lexicon_ru_uk.OFFICIAL_TITLE_STEMS})\w*\s",
    re.IGNORECASE,
)
# "According to the speaker" (machine-translated "за словами спікера"): whoever spoke last, like "he".
_BARE_PRONOUN = frozenset(
    {"he", "she", "it", "they", "him", "her", "them", "statement", "report", "source", "speaker", "information", "data"}
)
#: A person, or a document whose author spoke ("the statement said", "according to the information").
_PERSON_OR_DOCUMENT = frozenset(
    {"he", "she", "him", "her", "statement", "report", "message", "post", "release", "information", "data"}
)
_OWNER = re.compile(r"^(?:the\s+)?(" + "|".join(OWNER_NOUNS) + r")['’]s?\s+\S", re.IGNORECASE)
# "its mayor", "its governor": the place last named.
_ITS_OFFICIAL = re.compile(r"^its\s+(?:\w+\s+)?(?:mayor|governor|administrator|head|chief|authorities)\b", re.I)
# A Russian or Ukrainian official with his title and names: "губернатор региона Вячеслав Гладков".
_CYRILLIC_TITLED = re.compile(
    r"(?<!\w)(?:губернатор\w*|глав[аеуы]|мэр\w*|мер\w*|голов[аиуою]|начальник\w*|руководител\w*|керівник\w*)"
    r"(?:\s+[а-яёіїєґ\w-]+){0,3}?\s+[А-ЯЁІЇЄҐ][а-яёіїєґ’']+\s+[А-ЯЁІЇЄҐ][а-яёіїєґ’'-]+"
)
# "мэр города Иван Приходько", "міський голова", "глава администрации города": the town last named.
_CITY_OFFICIAL = re.compile(
    r"^(?:(?:мэр\w*|мер\w*|глав\w+|голов\w+|начальник\w*)\s+(?:администрации\s+|адміністрації\s+)?"
    r"(?:города|міста)|міськ\w+\s+голов\w*)(?!\s+(?-i:[А-ЯЁІЇЄҐ])[а-яёіїєґ’']+[аиы]\b)",
    re.IGNORECASE,
)
# "the Ministry of Foreign Affairs (MFA) of Nagorno-Karabakh", "Mine Action Agency (ANAMA)".
_ACRONYM_DEF = re.compile(
    r"([A-Z][\w’'-]+(?:\s+(?:of|for|and|the|on|[A-Z][\w’'-]+))+)\s*\(([A-Z]{2,8})\)"
    r"((?:\s+of\s+(?:the\s+)?[A-Z][\w’'-]+(?:[\s-][A-Z][\w’'-]+)*)?)"
)
_ACRONYM = re.compile(r"\b[A-Z]{2,8}\b")
# "the MFA's post", "the ministry's statement": the body, not its document.
_DOCUMENT = re.compile(
    r"^(?P<owner>.+?)['’]s?\s+(?:official\s+)?(?:post|statement|report|message|tweet|press release|release|"
    r"website|page|channel|telegram channel|account|communiqu[eé]|bulletin|briefing|update|note)$",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(r"[A-ZА-ЯЁІЇЄҐ][\w’'-]+")  # Latin and Cyrillic ("Губернатор Херсонской области")
_FORCE_SUBJECT = re.compile(
    r"\b(forces|army|troops|artillery|units|military|soldiers|drones?|missiles?|militants|formations|fighters|"
    r"servicemen|occupiers|invaders|gunners|saboteurs)\b",
    re.I,
)
# A sentence's subject before its verb: "Shushan Stepanyan, the ministry's spokeswoman, spoke to reporters."
_SUBJECT = re.compile(r"^([A-Z][^,.;:“”\"]{2,80}?)(?:,\s*([^,.;“”\"]{3,80}),)?\s+[a-z]")
# ... or a role, then the name: "The speaker of the General Staff, Andriy Kovalyov, speaking on television, ..."
_SUBJECT_TITLED = re.compile(
    r"^((?:The|A|An)\s+[^,.;:“”\"]{2,100}?),\s*([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2}),\s+[a-z]"
)
# ... or a role with its side's adjective: "A Ukrainian military source identified the city to CNN ..."
_SUBJECT_ROLE = re.compile(
    r"^((?:A|An|The)\s+[A-Z][\w-]+\s+(?:[a-z-]+\s+){0,3}?"
    r"(?:source|official|spokes(?:man|woman|person)|commander|officer|soldier|serviceman|analyst|adviser)s?)\s+[a-z]"
)
_SUBJECT_RULE = "subject of a sentence"
#: A speaker that is a news outlet, which "he" or "she" does not stand for (the war's own outlets: its profile).
_OUTLET_LIKE = re.compile(
    r"^(?:the\s+)?(?:[\w.-]+\s+)?(?:news\s+agency|agency|news|tv|radio|times|post|reuters|afp|ap|"
    r"[\w.-]+\.(?:com|net|org|[a-z]{2}))$|\(own reporting\)$",
    re.IGNORECASE,
)
#: How many sentences back a description ("the republic's") looks for what it stands for.
ENTITY_WINDOW = 12


@dataclass
class SpeakerTracker:
    """The speakers and entities of one article, in order, and the rules that resolve a speaker."""

    profile: Profile
    outlet_side: str | None = None
    day: str = ""  # the article's date, for who held a place then
    country_of_capital: Callable[[str], str | None] = field(default=lambda name: None)
    speakers: list[Speaker] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    acronyms: dict[str, str] = field(default_factory=dict)

    # -- what the article says, as it goes ---------------------------------------------------
    def observe_text(self, text: str) -> None:
        """Acronyms defined in a sentence ("the Mine Action Agency (ANAMA)")."""
        if "(" in text:
            for m in _ACRONYM_DEF.finditer(text):
                self.acronyms.setdefault(m.group(2), m.group(1) + m.group(3))

    def observe_entity(self, entity: Entity) -> None:
        self.entities.append(entity)

    def observe(self, speaker: Speaker) -> None:
        if speaker.side is not None and speaker.claimant:
            self.speakers.append(speaker)

    def observe_subject(self, text: str) -> None:
        """A named subject of a side ("Shushan Stepanyan, the ministry's spokeswoman, spoke ...") is
        whom a following "she said" refers to."""
        m = _SUBJECT_TITLED.match(text) or _SUBJECT_ROLE.match(text) or _SUBJECT.match(text)
        if m is None and lexicon_ru_uk.CYRILLIC.search(text):
            # "Об этом в телеграм-канале губернатор региона Вячеслав Гладков." (its verb lost): an official named
            # with his title is whom a following "написал он" refers to
            for t in _CYRILLIC_TITLED.finditer(text):
                side = self.profile.side_of_claimant(t.group())
                if side:
                    self.speakers.append(Speaker(t.group(), side, _SUBJECT_RULE))
            return
        if m:
            phrase = ", ".join(g for g in m.groups() if g)
            side = self.profile.side_of_claimant(phrase)
            # "Ukrainian militants fired ...": the subject's head noun, after the adjective, says it is a force
            head = text[m.end(1) : m.end(1) + 30]
            # ("The speaker of the General Staff of the Ukrainian Armed Forces, Andriy Kovalyov, ...": the forces
            # after "of" are whose speaker he is; only the head of the phrase says it is a force)
            own = re.split(r"\s+of\s+", phrase, maxsplit=1)[0]
            role = m.re is _SUBJECT_ROLE  # ("A Ukrainian military source": a person, whatever the adjective)
            if side and (role or (not _FORCE_SUBJECT.search(own) and not _FORCE_SUBJECT.match(head.lstrip()))):
                self.speakers.append(Speaker(phrase, side, _SUBJECT_RULE))

    @property
    def last(self) -> Speaker | None:
        return self.speakers[-1] if self.speakers else None

    @property
    def last_reporting(self) -> Speaker | None:
        """The last speaker that reported something: "It was also reported that ..." goes on with it, not
        with the subject of a sentence in between ("The Ukrainian government has reacted negatively")."""
        for s in reversed(self.speakers):
            if s.rule != _SUBJECT_RULE:
                return s
        return self.last

    # -- resolution ----------------------------------------------------------------------------
    def resolve(
        self,
        who: str,
        *,
        accused: str = "",
        sentence: int = 0,
        places: tuple[Place, ...] = (),
        denies: bool = False,
        boasts: str = "",
    ) -> Speaker:
        """The speaker *who* (as written) stands for.  *accused*: the side whose forces the sentence
        names as acting; *places*: places named inside the speaker phrase ("the mayor of Tartar");
        *boasts*: the side whose forces the report tells of succeeding (linking.own_success)."""
        if GENERIC_SUBJECTS.match(who):
            return Speaker(who, None, "generic subject: no one claimant")
        doc = _DOCUMENT.match(who)
        if doc is not None:
            found = self.resolve(
                doc.group("owner"), accused=accused, sentence=sentence, places=places, denies=denies, boasts=boasts
            )
            return Speaker(
                found.claimant if found.rule != "profile pattern" else who, found.side, found.rule, found.by_place
            )
        # The side a report like this comes from: the one whose forces it tells of succeeding, else the
        # opponent of the side it accuses.
        reporting = boasts or (self.profile.opponent_of(accused) if accused else "") or ""
        for rule in (self._anaphor, self._area_official, self._surname, self._acronym):
            continued = rule(who, reporting)
            if continued is not None:
                return continued
        owner = self._owner(who, sentence)
        if owner is not None:
            if accused and owner.side == accused and not denies and not boasts and reporting:
                # "according to the region's information center on Ukrainian attacks", in occupied Donetsk: the
                # place's officials who accuse a side's forces are not that side's (its other side holds it)
                return Speaker(owner.claimant, reporting, f"{owner.rule}, accusing {accused}: {reporting}")
            return owner
        side = self.profile.side_of_claimant(who)
        if side is not None:
            return Speaker(who, side, "profile pattern")
        return self._unnamed(who, accused, places, denies, boasts)

    def for_place(self, speaker: Speaker, place: Place, day: str) -> Speaker:
        """A speaker whose side follows the place claimed, resolved for that place: a local official
        speaks for whoever held the place then, a national body for the side of its country."""
        if not speaker.by_place:
            return speaker
        if speaker.by_place == "country":
            holder = self.profile.control_default.get(place.country_code)
        else:
            holder = self.profile.holder_of(place, day or self.day or None)
        if holder is None:
            return Speaker(speaker.claimant, self.profile.default_side, speaker.rule + "; no holder known")
        return Speaker(speaker.claimant, holder, f"{speaker.rule}: held by {holder} then")

    def _anaphor(self, who: str, reporting: str) -> Speaker | None:
        if self.speakers and lexicon_ru_uk.ANAPHOR.match(who):
            return _continued(self.last_reporting or self.speakers[-1], who)  # "по информации военного ведомства"
        if (
            not self.speakers
            or not _ANAPHOR.match(who)
            # (a name is no anaphor, but "The Defense Ministry" after "Ministry of Defense" is: title words only)
            or (re.search(r"\s[A-Z]", who) and not all(w.lower() in TITLE_WORDS for w in _CAPITALISED.findall(who)))
        ):
            return None
        # ("The same source, who the outlet did not identify": the head noun before the relative clause)
        head = re.split(r",\s+(?:who|which|whom)\b", who)[0].lower().split()[-1]
        if head not in _BARE_PRONOUN:
            # "the ministry added": the last speaker that was a ministry -- or, when both sides' ministries
            # have spoken, the one of the side *reporting* (each side reports the other's attacks and its
            # own forces' successes).
            matching = [s for s in reversed(self.speakers) if head in s.claimant.lower()]
            for s in matching:
                if reporting and s.side == reporting:
                    return _continued(s, who)
            if matching:
                return _continued(matching[0], who)
            if LOCAL_OFFICIAL.search(who):
                # "according to the regional administration" after the air force spoke: no earlier speaker
                # was one, and a place's officials speak for whoever holds it.
                return None
        if head in _PERSON_OR_DOCUMENT:
            # A person, or a document's author: not the news outlet that relayed the last report ("..., Ukrinform
            # reports. ... he wrote", "... the statement said").
            person = self._last_person(reversed(self.speakers))
            if person is not None:
                return _continued(person, who)
        if head not in _BARE_PRONOUN:
            # "according to the administration" after a headline's "Russian attacks on Sumy Oblast": a body goes on
            # with one that reported, not with the subject of a sentence ("he" may go on with a subject)
            reported = next((s for s in reversed(self.speakers) if s.rule != _SUBJECT_RULE), None)
            return _continued(reported, who) if reported is not None else None
        return _continued(self.speakers[-1], who)

    def _area_official(self, who: str, reporting: str) -> Speaker | None:
        """ "The governor of the region noted": the region's or town's official named before ("the head of the
        region Vyacheslav Gladkov"), when one was."""
        m = _UNNAMED_AREA_ROLE.match(who.strip())
        if m is None:
            if _UNNAMED_AREA_ROLE_CYRILLIC.match(who.strip()):
                # "руководитель региона написал" after "Глава ЛНР Леонид Пасечник": the titled official named last
                return next(
                    (
                        _continued(s, who)
                        for s in reversed(self.speakers)
                        if s.side is not None and s.claimant != who and _CYRILLIC_TITLE.match(s.claimant)
                    ),
                    None,
                )
            return None
        regional = m["area"].lower() in ("region", "oblast", "province")
        for s in reversed(self.speakers):
            if s.side is None or s.side == self.profile.default_side or s.claimant == who:
                continue
            if bool(REGIONAL_OFFICIAL.search(s.claimant)) == regional and LOCAL_OFFICIAL.search(s.claimant):
                return _continued(s, who)
        return None

    def person_before(self, speaker: Speaker, same_sentence: list[Speaker]) -> Speaker:
        """*speaker*, or when it is a news outlet relaying someone, the speaker it relayed (the last other one of
        the sentence, else of the article)."""
        if not self._outlet(speaker.claimant):
            return speaker
        found = self._last_person((*reversed(same_sentence), *reversed(self.speakers)), skip=speaker, subjects=False)
        return found or speaker

    def _last_person(
        self, speakers: Iterable[Speaker], *, skip: Speaker | None = None, subjects: bool = True
    ) -> Speaker | None:
        """The first of *speakers* (latest first) that is no news outlet and has a side; with *subjects* false, not
        the subject of a sentence either ("Russians shelled X" names no speaker)."""
        for s in speakers:
            if s is skip or s.side is None or (not subjects and s.rule == _SUBJECT_RULE):
                continue
            if not self._outlet(s.claimant):
                return s
        return None

    def _outlet(self, claimant: str) -> bool:
        return bool(_OUTLET_LIKE.search(claimant)) or self.profile.side_of_outlet(claimant) is not None

    def _surname(self, who: str, reporting: str) -> Speaker | None:
        # A surname alone ("Iwazov indicated") continues the speaker named in full earlier.
        if len(who.split()) <= 2:
            for s in reversed(self.speakers):
                if s.claimant != who and s.claimant.endswith(who):
                    return _continued(s, who)
            words = who.split()
            if len(words) == 2 and len(words[1]) >= 4 and words[1][0].isupper():
                # "Maksim Marchenko said" after "Maxim Marchenko, the governor of the Odessa region": the surname
                # and the given name's initial, however the given name is transliterated
                for s in reversed(self.speakers):
                    named = s.claimant.replace(",", " ").split()
                    if any(named[k] == words[1] and named[k - 1][:1] == words[0][:1] for k in range(1, len(named))):
                        return _continued(s, who)
            last = who.split()[-1] if who.strip() else ""
            if len(last) >= 5 and lexicon_ru_uk.CYRILLIC.match(last):
                # ... also where it was named in another case: "Бєльський зазначив" after "з посиланням на речника
                # Олексія Бєльського" (the same stem, a case ending of at most three letters)
                stem = last[:-2]
                for s in reversed(self.speakers):
                    if any(w != last and w.startswith(stem) and len(w) - len(stem) <= 3 for w in s.claimant.split()):
                        return _continued(s, who)
        return None

    def _acronym(self, who: str, reporting: str) -> Speaker | None:
        """An acronym the article defined ("ANAMA", "the MFA of Nagorno-Karabakh") reads as its expansion,
        unless the profile names the speaker as written (its own knowledge of "the JCCC" comes first)."""
        if not self.acronyms or not _ACRONYM.search(who) or self.profile.side_of_claimant(who) is not None:
            return None
        full = _ACRONYM.sub(lambda m: self.acronyms.get(m.group(), m.group()), who)
        if full == who:
            return None
        side = self.profile.side_of_claimant(full)
        if side is None:
            return None
        return Speaker(who, side, f"acronym: {full!r}")

    def _owner(self, who: str, sentence: int) -> Speaker | None:
        """ "the republic's defence ministry", "the city's mayor": the side of what the noun stands for."""
        m = _OWNER.match(who)
        if m is not None:
            noun = m.group(1).lower()
            kind = OWNER_NOUNS[noun]
            kinds = {"republic": ("country", "region"), "country": ("country",)}.get(kind, (kind,))
        elif _ITS_OFFICIAL.match(who):
            noun, kinds = "its", ("town", "region")
        elif _CITY_OFFICIAL.match(who):
            noun, kinds = "city", ("town",)
        else:
            return None
        if self.profile.side_of_claimant(who) is not None:
            return None  # "the town's exiled mayor", "the city's Russian-installed mayor": the phrase names the side
        for e in reversed(self.entities):
            if e.kind in kinds and sentence - e.sentence <= ENTITY_WINDOW:
                side = self.profile.side_of_claimant(e.name)
                if side is None and e.place is not None:
                    side = self.profile.holder_of(e.place, self.day or None)
                if side is not None:
                    return Speaker(f"{who} ({e.name})", side, f"'{noun}' = {e.name}")
        return None

    def _unnamed(self, who: str, accused: str, places: tuple[Place, ...], denies: bool, boasts: str = "") -> Speaker:
        """A speaker no pattern names: earlier speakers, capitals, officials of a place, official bodies."""
        words = [
            w
            for w in (x.removesuffix("’s").removesuffix("'s") for x in _CAPITALISED.findall(who))
            if w.lower() not in TITLE_WORDS
        ]
        # "Eyvazov, the spokesman" continues "Anar Eyvazov"; "Jane Roe" does not continue "John Roe".
        for s in reversed(self.speakers):
            if words and all(re.search(rf"\b{re.escape(w)}\b", s.claimant) for w in words):
                return _continued(s, who)
        country = self.country_of_capital(who.strip().removeprefix("the ").strip())
        if country is not None:
            side = self.profile.side_of_claimant(country)
            if side is not None:
                return Speaker(who, side, f"capital of {country}")
        if LOCAL_OFFICIAL.search(who) or lexicon_ru_uk.LOCAL_OFFICIAL.search(who):
            # A town's officials speak for whoever held the town; a region's (a governor, a regional
            # administration) are their country's administration unless named as installed by the other side.
            regional = bool(REGIONAL_OFFICIAL.search(who) or lexicon_ru_uk.REGIONAL.search(who))
            for p in places:
                holder = (
                    self.profile.control_default.get(p.country_code)
                    if regional
                    else self.profile.holder_of(p, self.day or None)
                )
                if holder is not None:
                    how = f"{'regional ' if regional else ''}official of {p.name}: {holder}"
                    return Speaker(who, holder, how)
            kind = "country" if regional else "holder"
            return Speaker(who, self.profile.default_side, f"official of the place claimed ({kind})", by_place=kind)
        if OFFICIAL_WORDS.search(who) or lexicon_ru_uk.OFFICIAL_BODY.search(who):
            # An unqualified official body: "the Prosecutor General's Office said" in an Azerbaijani
            # outlet is Azerbaijan's; one that accuses a side's forces belongs to that side's opponent,
            # one that denies what a side's forces are accused of belongs to that side, and so does one
            # that tells of that side's forces succeeding against military targets.
            if self.outlet_side and self.outlet_side != self.profile.default_side:
                # (a wire's or a foreign broadcaster's unnamed "ministry" is no one's in particular: read on)
                return Speaker(who, self.outlet_side, "official body in a side's own outlet")
            if boasts:
                return Speaker(who, boasts, f"official body telling of {boasts}'s forces succeeding")
            if accused and denies:
                return Speaker(who, accused, f"official body denying what {accused} is accused of")
            opp = self.profile.opponent_of(accused) if accused else None
            if opp:
                return Speaker(who, opp, f"official body accusing {accused}")
            return Speaker(who, self.profile.default_side, "official body of the country claimed", by_place="country")
        if (
            self.outlet_side
            and self.outlet_side != self.profile.default_side
            and accused
            and self.profile.opponent_of(accused) == self.outlet_side
            and _PERSON_NAME.match(who)
        ):
            # "Volodymyr Tymoshko says the Russian shelling in Vovchansk killed a woman", in a Ukrainian outlet: a
            # person a side's own media quote accusing the other side speaks for that side (an official, most often).
            return Speaker(who, self.outlet_side, "a person a side's own outlet quotes, accusing the other side")
        if (
            self.outlet_side
            and self.outlet_side != self.profile.default_side
            and who.strip().lower() in _LONE_PRONOUNS
            and not self.speakers
        ):
            # '"Російські війська атакували Херсон ...", – написав він.' where a copy begins: no one named before,
            # so the pronoun is whoever the outlet quotes, told in its own voice
            return Speaker(who, self.outlet_side, "a pronoun no one was named for, in a side's own outlet")
        if self.outlet_side and self.outlet_side != self.profile.default_side and _UNNAMED_SOURCE.search(who):
            # "defense circles told TASS", "a source in the security services told RIA": a side's own media's
            # unnamed sources are that side's
            return Speaker(who, self.outlet_side, "an unnamed source of a side's own outlet")
        return Speaker(who, self.profile.default_side, NO_SIDE_NAMED)


#: Personal pronouns as speakers ("he wrote", "написав він").
_LONE_PRONOUNS = frozenset({"he", "she", "він", "вона", "он", "она"})
#: A source a report does not name ("defense circles", "a military source", "informed sources", "источник").
_UNNAMED_SOURCE = re.compile(
    r"\b(?:sources?|circles|insiders?)\b|(?<!\w)(?:источник\w*|джерел\w*|собеседник\w*|співрозмовник\w*)",
    re.IGNORECASE,
)


#: The rule of a speaker whose words name no side (it takes the profile's default).
NO_SIDE_NAMED = "no side named: the profile's default"
#: A person's name: two or three capitalised words ("Volodymyr Tymoshko", "Олег Синєгубов").
_PERSON_NAME = re.compile(r"^(?:[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ’'-]+\s+){1,2}[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ’'-]+$")


def _continued(s: Speaker, who: str) -> Speaker:
    return Speaker(s.claimant, s.side, f"{who!r} continues {s.claimant!r}", s.by_place)
