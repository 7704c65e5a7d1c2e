"""Claims: who says that what happened where.

Claim extraction is a pipeline of small stages over one article; each stage is a
module with its own tests:

=================  ==============================================  =========================================
stage              reads                                           gives
=================  ==============================================  =========================================
``doc``            the article, the gazetteer, the profile         sentences, resolved place mentions
``frames``         a sentence's text                               speech frames: speaker span, verb, the
                                                                   span reported, denial
``speakers``       frames, the discourse so far, the profile       who each speaker is, and the side
``events``         a sentence's text                               event types, casualties, dates
``places``         mentions, frames, events, the profile           incident places (and why others are not)
``linking``        incident places, frames, forces named           the frame of each place; the accused side
``denials``        frames, the claims so far                       denied claims and what they deny
``assemble``       all of the above                                ``Claim`` records
=================  ==============================================  =========================================

``extract_claims`` runs them; ``explain_article`` runs the same and keeps every
stage's decision for each sentence (``mapper explain``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from geopy.distance import great_circle

from gazetteer import Gazetteer, Place, fold

from .. import lexicon_ru_uk
from ..articles import Article
from ..lexicon_en import LOCAL_OFFICIAL
from ..mentions import NAME_LINE, Mention
from ..sides import Profile
from ..text import Sentence
from .assemble import PlaceRef, build_claim, stable_id
from .denials import (
    answers_an_accusation,
    denied_target,
    denies_clause_before,
    denies_each_other,
    denies_previous,
    is_false,
    reported_by,
)
from .doc import HEADLINE, ArticleDoc, is_heading, names_a_source, read_doc
from .events import EVENT_TYPES, event_date, event_words, is_background
from .frames import (
    PERSON_CONTINUES,
    Frame,
    FrameKind,
    clean_speaker,
    find_frames,
    is_quotation,
    quote_spans,
    reports_nothing,
)
from .linking import enclosing, forces_outside_speakers, frame_for, innermost, own_success, perpetrator
from .places import THIS_AREA, IncidentPlace, Rejected, incident_places, outside_region, the_town_before
from .records import ArticleClaims, Claim, Status
from .speakers import NO_SIDE_NAMED, Entity, Speaker, SpeakerTracker

__all__ = [
    "Claim",
    "ArticleClaims",
    "Status",
    "extract_claims",
    "explain_article",
    "SentenceTrace",
    "EVENT_TYPES",
    "event_date",
]


# "Read also: ..." lines link other articles; their headlines are no claims of this one.
_LINK_LINE = re.compile(r"^\s*(?:read also|read more|see also|also read|related|more on this)\b\s*:?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SentenceTrace:
    """Every stage's decision for one sentence (what ``mapper explain`` prints)."""

    index: int
    text: str
    note: str = ""  # why the sentence was passed over, if it was
    frames: tuple[Frame, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    kept: tuple[IncidentPlace, ...] = ()
    rejected: tuple[Rejected, ...] = ()
    links: tuple[str, ...] = ()  # one line per claim: which frame and rule gave its claimant
    claims: tuple[Claim, ...] = ()


@dataclass
class _State:
    """What the sentences of one article pass on to the next."""

    claims: list[Claim] = field(default_factory=list)
    last_claims: list[Claim] = field(default_factory=list)
    last_claim_sentence: int = -10
    last_quoted_speaker: tuple[int, Speaker] | None = None
    #: The places the sentence before left out, and why.
    last_rejected: list[Rejected] = field(default_factory=list)
    #: The sentence and speaker of the last report with a speaker of its own ('X said the town was under attack.').
    last_reported: tuple[int, Speaker] | None = None
    section: Speaker | None = None  # a heading that names the source of the items below it
    # (sentence, speaker, regions) of a named speaker's report about regions only ("the ministry announced
    # hostilities in the Kursk region"), whose places the next sentence may give
    region_report: tuple[int, Speaker, tuple[Place, ...]] | None = None
    list_intro: Speaker | None = None  # "According to him, Russian forces shelled four towns:" before its items
    list_event: str | None = None  # "Shelling hit more than 20 settlements, including:": the items' event
    list_of_places: bool = False  # ... and its introduction names the kind of place its items are
    after_bullet: bool = False  # the last line was a bullet alone ("-"): this one is its item
    last_event: tuple[int, str] | None = None  # (sentence, type) of the last sentence that told an event
    #: The speaker whose report told the event a sentence of bare places goes on with ("Among them X and Y").
    ellipsis_speaker: tuple[int, Speaker] | None = None
    traces: list[SentenceTrace] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # side id -> label, once per article


def extract_claims(article: Article, gazetteer: Gazetteer, profile: Profile) -> ArticleClaims:
    """Every claim of *article*: one per (sentence, place, claimant, status)."""
    doc = read_doc(article, gazetteer, profile)
    traces = _run(doc, gazetteer, profile)
    return ArticleClaims(tuple(c for t in traces for c in t.claims), doc.unresolved)


def explain_article(article: Article, gazetteer: Gazetteer, profile: Profile) -> list[SentenceTrace]:
    """Every sentence of *article* with each stage's decision."""
    return _run(read_doc(article, gazetteer, profile), gazetteer, profile)


def _run(doc: ArticleDoc, gazetteer: Gazetteer, profile: Profile) -> list[SentenceTrace]:
    names = _country_names(gazetteer)
    tracker = SpeakerTracker(
        profile,
        outlet_side=doc.outlet_side,
        day=doc.article.published,
        country_of_capital=lambda who: _capital_country(doc, names, who, gazetteer),
    )
    state = _State(labels={x.id: x.label for x in profile.sides})
    for s in doc.sentences:
        state.traces.append(_sentence(doc, s, tracker, state, profile, gazetteer))
    return _retold_by_own_media(doc, _headline_where_body_is_silent(doc, _leads_told_again(state.traces)))


def _retold_by_own_media(doc: ArticleDoc, traces: list[SentenceTrace]) -> list[SentenceTrace]:
    """A side's own media (Ukrinform, UNN, TASS) telling in their own voice of an event at a place that a speaker
    of the same side reports in the article retell that report: one claim, the speaker's, not a second one of the
    outlet's ("Sumy: hit by a Lancet drone" under "This was reported by the Sumy Regional Military Administration").
    A wire's or any other outlet's own account stays a claim of its own."""
    side = doc.outlet_side
    if side is None:
        return traces
    reported = {
        c.place_id
        for t in traces
        for c in t.claims
        if c.status == Status.CLAIMED and c.side == side and not c.claimant.endswith(OWN_REPORTING)
    }
    out = []
    for t in traces:
        drop = [
            c
            for c in t.claims
            if c.claimant.endswith(OWN_REPORTING) and c.status == Status.CLAIMED and c.place_id in reported
        ]
        out.append(_without(t, drop, "the outlet retelling its side's report"))
    return out


def _without(t: SentenceTrace, drop: list[Claim], why: str) -> SentenceTrace:
    """*t* without the claims *drop*, each dropped with the reason *why* in its links."""
    if not drop:
        return t
    return replace(
        t,
        claims=tuple(c for c in t.claims if c not in drop),
        links=(*t.links, *(f"{c.place} <- {c.claimant!r}: dropped, {why}" for c in drop)),
    )


#: A headline's place this near a place the body claims is the same event told again ("Nikopol district" in the
#: headline, Nikopol in the body).
HEADLINE_SAME_KM = 15.0


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return float(great_circle(a, b).km)


def _headline_where_body_is_silent(doc: ArticleDoc, traces: list[SentenceTrace]) -> list[SentenceTrace]:
    """A headline the body does not attribute keeps only its claims of places the body names nowhere: elsewhere
    the body's sentences tell the event, with their claimants."""
    heads = {s.index for s in doc.sentences if s.paragraph == HEADLINE}
    if not heads:
        return traces
    told = [(c.lat, c.lon) for t in traces if t.index not in heads for c in t.claims if c.place_kind != "region"]
    out = []
    for t in traces:
        drop = [
            c
            for c in t.claims
            if t.index in heads
            and (c.place_kind == "region" or any(_km((c.lat, c.lon), p) <= HEADLINE_SAME_KM for p in told))
        ]
        out.append(_without(t, drop, "a headline the body tells"))
    return out


#: What an outlet's own account is marked with, after the outlet's name.
OWN_REPORTING = "(own reporting)"
#: Pronouns that stand for no one when nobody has been named before them.
_NO_ONE_YET = frozenset({"he", "she", "him", "her", "they", "them"})
#: How many sentences after an unattributed report its attribution may come.
LEAD_REACH = 2


def _leads_told_again(traces: list[SentenceTrace]) -> list[SentenceTrace]:
    """ "Shelling of Shebekino wounded 11 people. The AFU shelled the centre of Shebekino, Governor Gladkov said.":
    the outlet's own account of an event at a place whose report by a named speaker follows within LEAD_REACH
    sentences is that report told ahead (a news lead), not a claim of the outlet's own."""
    told = [
        (t.index, c.place_id)
        for t in traces
        for c in t.claims
        if not c.claimant.endswith(OWN_REPORTING) and c.status == Status.CLAIMED  # (a denial answers the lead)
    ]
    denied = {c.denies_claim_id for t in traces for c in t.claims if c.denies_claim_id}
    named = [
        (t.index, c.place_id, c.claimant.lower())
        for t in traces
        for c in t.claims
        if c.status == Status.CLAIMED and any(w[:1].isupper() for w in c.claimant.split()[1:])
    ]
    out = []
    for t in traces:
        drop = [
            c
            for c in t.claims
            # (or a teaser's "According to him, ..." before anyone is named)
            if (c.claimant.endswith(OWN_REPORTING) or c.claimant.lower() in _NO_ONE_YET)
            and c.claim_id not in denied
            and any(p == c.place_id and t.index < i <= t.index + LEAD_REACH for i, p in told)
        ]
        if traces and t.index == traces[0].index:
            # A headline's "..., сообщил губернатор региона" is the governor the article names further on ("Об этом
            # сообщил губернатор Запорожской области Евгений Балицкий"), who tells the same of the place.
            drop += [c for c in t.claims if c not in drop and _role_named_later(c, t.index, named)]
        out.append(_without(t, drop, "a lead whose report a sentence after attributes"))
    return out


def _role_named_later(c: Claim, index: int, named: list[tuple[int, str, str]]) -> bool:
    """Whether *c*'s claimant is a bare role ("губернатор региона", "the regional governor") that a claimant named
    later in the article holds, claiming the same place."""
    words = c.claimant.split()
    if not words or any(w[:1].isupper() for w in words[1:]) or c.claimant.endswith(OWN_REPORTING):
        return False
    if not (LOCAL_OFFICIAL.search(c.claimant) or lexicon_ru_uk.LOCAL_OFFICIAL.search(c.claimant)):
        return False
    role = next((w.lower() for w in words if w.lower() not in ("the", "a", "an", "regional", "local")), "")
    return any(p == c.place_id and i > index and role in who.split() for i, p, who in named)


_COUNTRY_NAMES: dict[int, dict[str, str]] = {}


def _country_names(gazetteer: Gazetteer) -> dict[str, str]:
    """ISO code -> the country's longest name (computed once per gazetteer)."""
    keys = gazetteer.country_keys()
    names = _COUNTRY_NAMES.get(id(keys))
    if names is None:
        names = {}
        for key, code in keys.items():
            if len(key) > len(names.get(code, "")):
                names[code] = key
        _COUNTRY_NAMES.clear()
        _COUNTRY_NAMES[id(keys)] = names
    return names


def _capital_country(doc: ArticleDoc, names: dict[str, str], who: str, gazetteer: Gazetteer) -> str | None:
    place = doc.capitals.get(fold(who))
    if place is None and len(who.split()) == 1 and lexicon_ru_uk.CYRILLIC.search(who):
        # "Москва заявила", "Київ заперечує": a capital in the nominative before its verb reads as a surname, so no
        # place mention holds it; the name alone, exactly as its capital's own, is the capital
        found = gazetteer.resolve(who)
        if found is not None and found.match.is_exact and gazetteer.is_capital(found.place):
            place = found.place
    return names.get(place.country_code) if place is not None else None


def _sentence(
    doc: ArticleDoc, sent: Sentence, tracker: SpeakerTracker, state: _State, profile: Profile, gazetteer: Gazetteer
) -> SentenceTrace:
    text = sent.text
    mentions = doc.mentions.get(sent.index, ())
    _observe(doc, sent, mentions, tracker)
    # (a bullet may stand on a line of its own, as a copied web page leaves it, the item on the next line)
    lone_bullet = text.strip() in _BULLETS
    # (or a line of only a name, the list's items standing one to a line with no bullet: "таких громад:" /
    # "Степанівська" / "Хотінська")
    bare = bool(mentions) and sent.index in doc.single_line and NAME_LINE.fullmatch(text.strip()) is not None
    item = state.list_event is not None and (
        bool(_LIST_ITEM.match(text)) or state.after_bullet or lone_bullet or (bare and state.list_of_places)
    )
    state.after_bullet = lone_bullet
    subheading = text.rstrip().endswith(":") and not event_words(text)  # "Куп’янський район:" inside the list
    if not item and not text.rstrip().endswith(";") and not subheading:
        state.list_event = None  # the list has ended
    source = _SOURCE_LINE.match(text)
    first_source = source["who"].split(";")[0] if source is not None else ""
    if first_source and (side := profile.side_of_claimant(first_source)):
        # "Source: Oleh Syniehubov, Head of Kharkiv Oblast Military Administration, on Telegram Quote: ...": the
        # item retells the source it names; what it tells without another speaker is that source's (the first
        # one's, when it names several: "Source: DeepState analysts; ...; Russian sources").
        state.section = Speaker(first_source.split(",")[0].strip(), side, "the item's 'Source:' line")
        tracker.observe(state.section)  # ("Details: Fedorov reiterated ...": the source named again)
    if _IN_PARTICULAR.match(text) and (last := tracker.last_reporting) is not None and last.side:
        # "X, the head of the Sumy OVA, reported this. In particular: • ...": the items are X's report.
        state.list_intro = last
        return SentenceTrace(sent.index, text, note=f"a list of {last.claimant!r}'s report")
    if sent.index in doc.single_line and is_heading(text) and not item and not event_words(text):
        # Reviews and live pages group reports under headings that name their source
        # ("Information from Baku"): unattributed items below are that source's claims.
        # A heading that reports an event is a claim itself, and a dateline ("BAKU") is no source.
        side = profile.side_of_claimant(text) if not text.isupper() and names_a_source(text) else None
        name = text.rstrip(":").strip()
        state.section = Speaker(name, side, "section heading") if side else None
        return SentenceTrace(sent.index, text, note="a heading" + (f" naming {side} as source" if side else ""))
    if _LINK_LINE.match(text):
        return SentenceTrace(sent.index, text, note="a link to another article")
    frames = find_frames(text)
    forces = profile.forces_in(text) if (frames or mentions) else []
    forces = forces_outside_speakers(forces, frames)
    accused = perpetrator(forces, len(text))
    speakers = _speakers(text, frames, mentions, tracker, accused, sent.index, forces, outlet=doc.outlet)
    if frames and not frames[-1].continues and speakers[-1].side is not None:
        state.last_reported = (sent.index, speakers[-1])
    if not frames or all(f.kind in (FrameKind.ACCORDING, FrameKind.CITING) and f.start > 0 for f in frames):
        # (also "A Ukrainian military source identified the city ..., according to the outlet's reporting": the
        # subject is someone a later "the same source" may mean)
        tracker.observe_subject(text)
    if frames and (is_quotation(text) or any(f.content[0] == 0 for f in frames)):
        # (a relaying outlet, "Kyiv, as Ukrinform reports.", quotes the body it relays: the quotation that goes on
        # is that body's)
        state.last_quoted_speaker = (sent.index, tracker.person_before(speakers[-1], list(speakers[:-1])))
    if state.list_intro is not None and not _LIST_ITEM.match(text) and not text.rstrip().endswith(";"):
        state.list_intro = None  # the list has ended
    if frames and text.rstrip().endswith(_INTRODUCES) and speakers[-1].side is not None:
        state.list_intro = speakers[-1]
    if text.rstrip().endswith(":") or (text.rstrip().endswith(",") and not item):
        # "Artillery shelling hit more than 20 settlements of the region, including:": the items are its places
        # (a sentence that breaks off with a comma, "the enemy shelled 20 settlements of the region," goes on in them).
        words = event_words(text)
        if words:
            state.list_event = min(words, key=lambda w: (w[2], w[0]))[3]  # the most specific
            state.list_of_places = _PLACES_NOUN.search(text) is not None
        elif not (subheading and state.list_event):
            state.list_event = None
    if is_background(text, doc.article.published, profile.began):
        return SentenceTrace(sent.index, text, "history, not a claim about this war", frames, speakers)
    carried = state.list_event if item else None
    words = event_words(text)
    if (
        carried is None
        and not words
        and state.last_event is not None
        and sent.index - state.last_event[0] <= ELLIPSIS_REACH
        and _ELLIPSIS.match(text)
    ):
        # "Houses are being destroyed ... In Zolotoye - six, in Vrubovka - three": the counts go on with the event
        # told just before
        carried = state.last_event[1]
        reported = state.last_reported
        if not frames and reported is not None and reported[0] == state.last_event[0]:
            # ... and are the report of whoever told it ("the General Staff said Russian forces launched 14 assaults
            # in the Kupiansk direction. Among the settlements named are X and Y.")
            state.ellipsis_speaker = (sent.index, reported[1])
    if words:
        state.last_event = (sent.index, min(words, key=lambda w: (w[2], w[0]))[3])
    kept, rejected = incident_places(
        text,
        mentions,
        frames,
        profile,
        gazetteer.is_capital,
        carried=carried,
        is_region_centre=gazetteer.is_region_centre,
    )
    if (
        not kept
        # someone's report: a narrator's "the town" describes more than it claims, but not "this area"
        and (frames or is_quotation(text) or THIS_AREA.search(text))
        and not any(m.candidate.place.kind in ("town", "village") for m in mentions)
    ):
        earlier = doc.mentions.get(sent.index - 1, ()) or doc.mentions.get(sent.index - 2, ())
        kept = the_town_before(text, sent.index, earlier, gazetteer.is_capital, profile.theatre_countries)
    if not kept and doc.english and not mentions and words and (there := _THERE.match(text)) is not None:
        # "... in the areas of Dvorichna, Kamyanka and Kindrashivka, north of Kupiansk. There, Russians are actively
        # storming Ukrainian positions": the places the sentence before named, less the one it measures them from
        before = [
            m
            for m in doc.mentions.get(sent.index - 1, ())
            if m.candidate.place.kind in ("town", "village") and not m.org and not m.from_place
        ]
        told = [r.mention for r in state.last_rejected if r.reason.startswith("where fire was launched from")]
        kind = min(words, key=lambda w: (w[2], w[0]))[3]
        kept = [
            IncidentPlace(replace(m, sentence=sent.index, start=there.start(1), end=there.end(1)), kind)
            for m in before
            if m not in told and not gazetteer.is_capital(m.candidate.place)
        ]
    state.last_rejected = rejected
    claims, links = _claims(doc, sent, frames, speakers, kept, forces, tracker, state)
    if (
        not kept
        and not claims
        and state.last_claim_sentence == sent.index - 1
        and (reports_nothing(text, frames) or _names_the_event_before(text, frames))
    ):
        links = _attribute_back(doc, sent, frames, speakers, tracker, state)
    if frames and state.traces and state.traces[-1].index == sent.index - 1 and is_quotation(text):
        links = (*links, *_quotation_closed_here(doc, frames, speakers, tracker, state))
    gap = sent.index - state.last_claim_sentence
    if not kept and not claims and denies_each_other(text, frames, [s.side for s in speakers], gap):
        claims, links = _mutual_denials(doc, sent, tracker, state)
    if claims:
        speakers_of = {(c.claimant, c.side) for c in claims}
        regions = tuple(k.mention.candidate.place for k in kept if k.mention.candidate.place.kind == "region")
        one = next(iter(speakers_of))
        named = len(speakers_of) == 1 and one[1] != profile.default_side and not one[0].endswith(OWN_REPORTING)
        state.region_report = (
            (sent.index, Speaker(one[0], one[1], "reported on the region"), regions)
            if named and kept and len(regions) == len(kept)
            else None
        )
        state.claims.extend(claims)
        state.last_claims = [c for c in claims if c.status == Status.CLAIMED] or claims
        state.last_claim_sentence = sent.index
    return SentenceTrace(sent.index, text, "", frames, speakers, tuple(kept), tuple(rejected), links, tuple(claims))


# "Five people were killed by shelling in X. The attack struck a high-rise, said the governor.": a report whose
# subject is the event just told, with no place of its own, is its speaker's account of that event.
_THE_EVENT = re.compile(
    # (after the verb too: "governor X said the attack sparked a fire", "X wrote, saying that the enemy attack ...")
    r"\s*(?:that\s+)?(?:[Tt]he|[Tt]hat|[Tt]his)\s+(?:\w+\s+)?"
    r"(?:attack|strike|shelling|bombardment|blast|explosion|assault|raid|incident)s?\b"
    # ... or tells what it did not do: "The villages of A and B were shelled. There were no casualties, X said."
    r"|\s*(?:There\s+(?:were|was)\s+no\s+(?:casualties|injuries|victims|deaths|damage|destruction)|"
    r"No\s+(?:one|casualties|injuries|victims)\s+(?:was|were)\b|Nobody\s+was\b)"
)


def _names_the_event_before(text: str, frames: tuple[Frame, ...]) -> bool:
    return any(
        # ("The incident was confirmed by X, the regional head": a passive frame's report is the whole sentence)
        f.kind in (FrameKind.BACKWARD, FrameKind.ACCORDING, FrameKind.PASSIVE, FrameKind.FORWARD)
        and _THE_EVENT.match(text, f.content[0])
        for f in frames
    )


#: A list's opening that names no one: its items go on with the report before it.
_IN_PARTICULAR = re.compile(
    r"^\W*(?:in\s+particular|namely|specifically|including|зокрема|в\s+частности|а\s+именно|а\s+саме)\s*:\s*$",
    re.IGNORECASE,
)
#: The line on which a news item names whom it retells (Ukrainska Pravda's "Source: ...", "Джерело: ..."), up to
#: its "Quote:" or "Details:".
_SOURCE_LINE = re.compile(
    r"^(?:Source|Джерело|Источник)\s*:\s*(?P<who>.+?)(?=\s+(?:Quote|Details|Цитата|Деталі|Подробности)\s*:|$)"
)
#: How a sentence that a list goes on ends.
_INTRODUCES = (":", ",")
_BULLET_CHARS = "→•▪●◦*–—-"
_BULLETS = frozenset(_BULLET_CHARS)
#: An item of a list: a bullet or arrow, or a number, opens it ("→ in Pokrovsk, ...", "2) ...").
#: The kind of place a list's introduction says its items are ("населені пункти таких громад:", "villages:"),
#: not other things at places ("flights were suspended at 3 airports:").
_PLACES_NOUN = re.compile(
    r"\b(?:settlements?|villages?|towns?|cities|communit(?:y|ies)|hromadas?|districts?|localities)\b|"
    r"(?<!\w)(?:населен\w*|населён\w*|сел[аоі]\w*|громад\w*|общин\w*|район\w*|міст\w*|город\w*)",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(rf"^\s*(?:[{re.escape(_BULLET_CHARS)}]|\d{{1,2}}[.)])\s")
#: A sentence of counts by place without a verb ("In Zolotoye - six, in Vrubovka - three, three more - in Rubizhne.")
_ELLIPSIS = re.compile(
    r"^\W*(?:in|at|в|у|на)\s+(?-i:[A-ZА-ЯЁІЇЄҐ])[\w’'-]*\s*[-–—]\s*\w+|"
    # "... attacked facilities in three districts. According to him, we are talking about facilities in the
    # Sudzhansky, Korenevsky and Glushkovsky districts": which places the event just told was at (machine
    # translation's "речь идёт о", "йдеться про")
    r"^(?:[^.;:]{0,40},\s*)?(?:we\s+are\s+talking\s+about|(?:this|it)\s+(?:is|was)\s+about|"
    r"речь\s+ид[её]т\s+о|йдеться\s+про)\b|"
    # "Explosions were also reported in other cities. Among them Kyiv, Zhytomyr and Lviv."
    r"^\W*(?:among\s+them|among\s+those|среди\s+них|серед\s+них)\b|"
    # "Among the settlements named are Kucherivka, Kurylivka and Petropavlivka": the places of the report just told
    r"^\W*among\s+the\s+(?:settlements|villages|towns|places|localities|communities)\s+(?:named|listed|mentioned|"
    r"attacked|shelled|hit|struck)\b|"
    # "Russian attacks struck 19 settlements of the region. The affected areas include Antonivka and ..."
    r"^\W*(?:the\s+)?(?:affected|targeted|attacked|shelled|damaged)\s+(?:areas|settlements|communities|towns|villages|"
    r"places|localities)\s+(?:include|included|are|were)\b|"
    # "... были отражены в районах населенных пунктов ДНР. Этими пунктами были Первомайское, Веселое, ...", "These
    # settlements were X and Y": which places the event just told was at
    r"^\W*(?:этими|цими)\s+(?:населенными\s+|населёнными\s+|населеними\s+)?(?:пунктами|селами|сёлами|поселками|"
    r"посёлками|селищами)\s+(?:были|стали|були|стали)\b|"
    r"^\W*these\s+(?:settlements|villages|towns|places|localities|communities)\s+(?:were|are|include|included)\b|"
    # "..., the governor said the incident occurred in the town of Trubchevsk": the event told before
    r"^[^.;]*?\b(?:the|this)\s+incident\s+(?:occurred|happened|took\s+place)\b",
    re.IGNORECASE,
)
#: How many sentences back the event such counts go on with may be told.
ELLIPSIS_REACH = 2


def _attribute_back(
    doc: ArticleDoc,
    sent: Sentence,
    frames: tuple[Frame, ...],
    speakers: tuple[Speaker, ...],
    tracker: SpeakerTracker,
    state: _State,
) -> tuple[str, ...]:
    """ "Azerbaijani troops attacked Stepanakert. A representative of the Armenian ministry said this
    on Friday.": a sentence that is only an attribution gives the claims the sentence before it made
    in the outlet's own voice to its speaker."""
    if state.last_claim_sentence != sent.index - 1 or not state.traces:
        return ()
    # "Kharkiv Mayor Ihor Terekhov reported this in Telegram, Ukrinform reports": the outlet relays the mayor
    # (a frame whose report holds another frame's speaker relays it).
    relays = {
        i
        for i, f in enumerate(frames)
        if f.kind is FrameKind.BACKWARD and any(g is not f and f.content[0] <= g.start < f.content[1] for g in frames)
    }
    inner = [i for i in range(len(frames)) if i not in relays] or [len(frames) - 1]
    pick = next((i for i, f in enumerate(frames) if f.kind is FrameKind.CITING), inner[-1])
    s = speakers[pick]
    if s.side is None:
        return ()
    return _give_claims(doc, [len(state.traces) - 1], s, tracker, state, own_only=True)


def _give_claims(
    doc: ArticleDoc, at: list[int], s: Speaker, tracker: SpeakerTracker, state: _State, *, own_only: bool
) -> tuple[str, ...]:
    """Give the claims of the earlier sentences traced at *at* (all, or only those in the outlet's own voice) to
    the speaker *s*; the lines that say so."""
    labels = state.labels
    moved: dict[str, Claim] = {}
    for k in at:
        for c in state.traces[k].claims:
            if own_only and not c.claimant.endswith(OWN_REPORTING):
                continue
            # An official by role speaks for whoever held the place claimed.
            who = tracker.for_place(s, PlaceRef.from_claim(c).as_place(), doc.article.published)
            if who.side is None or (who.claimant, who.side) == (c.claimant, c.side):
                continue
            cid = stable_id(doc.article.content_hash, c.sentence_index, c.place_id, who.claimant, c.status)
            moved[c.claim_id] = replace(
                c, claim_id=cid, claimant=who.claimant, side=who.side, side_label=labels.get(who.side, who.side)
            )
    if not moved:
        return ()
    for k in at:
        claims = tuple(moved.get(c.claim_id, c) for c in state.traces[k].claims)
        state.traces[k] = replace(state.traces[k], claims=claims)
    state.claims = [moved.get(c.claim_id, c) for c in state.claims]
    state.last_claims = [moved.get(c.claim_id, c) for c in state.last_claims]
    return tuple(
        f"{c.place} (sentence {c.sentence_index}) <- {c.claimant!r} [{c.side}]: said of it here" for c in moved.values()
    )


#: How many sentences back a quotation closed with its speaker ('..." he said') may have opened.
QUOTE_REACH = 3


def _quotation_closed_here(
    doc: ArticleDoc, frames: tuple[Frame, ...], speakers: tuple[Speaker, ...], tracker: SpeakerTracker, state: _State
) -> tuple[str, ...]:
    """'"... our troops seized the settlements of A and B."' then '"They also closed the ring around C," he said.':
    a quotation with no speaker of its own, right before one whose speaker is named where it closes, is that
    speaker's too (not whoever was quoted before it)."""
    i = next((k for k, f in enumerate(frames) if f.kind is FrameKind.BACKWARD and f.content[0] == 0), None)
    if i is None or speakers[i].side is None or not state.traces:
        return ()
    at: list[int] = []
    for k in range(len(state.traces) - 1, max(-1, len(state.traces) - 1 - QUOTE_REACH), -1):
        t = state.traces[k]
        if t.frames or (at and state.traces[at[-1]].index != t.index + 1):
            return ()
        at.append(k)
        spans = quote_spans(t.text)
        if spans and spans[0][0] == 0:
            # the sentence that opened it (perhaps a paragraph of its own: a speaker's quotations follow each other)
            return _give_claims(doc, at, speakers[i], tracker, state, own_only=False) if is_quotation(t.text) else ()
        if spans:
            return ()
    return ()


def _mutual_denials(
    doc: ArticleDoc, sent: Sentence, tracker: SpeakerTracker, state: _State
) -> tuple[list[Claim], tuple[str, ...]]:
    """ "Both sides denied each other's claims": each claim just made is denied by its side's opponent."""
    profile = tracker.profile
    labels = state.labels
    out: list[Claim] = []
    for c in state.last_claims:
        other = profile.opponent_of(c.side)
        if c.status != Status.CLAIMED or other is None:
            continue
        claimant = f"{labels.get(other, other)} (each side denied the other's claims)"
        cid = stable_id(doc.article.content_hash, sent.index, c.place_id, claimant, Status.DENIED.value)
        out.append(
            replace(
                c,
                claim_id=cid,
                sentence_index=sent.index,
                evidence=sent.text,
                claimant=claimant,
                side=other,
                side_label=labels.get(other, other),
                status=Status.DENIED.value,
                denies_claim_id=c.claim_id,
            )
        )
    return out, tuple(f"{c.place} <- {c.claimant!r} [{c.side}]: denies {c.denies_claim_id}" for c in out)


def _observe(doc: ArticleDoc, sent: Sentence, mentions: tuple[Mention, ...], tracker: SpeakerTracker) -> None:
    """What a later description ("the republic's", "the city's") may stand for."""
    tracker.observe_text(sent.text)
    for name in doc.countries.get(sent.index, ()):
        tracker.observe_entity(Entity("country", name, sent.index))
    for m in mentions:
        kind = {"region": "region", "district": "region", "country": "country"}.get(m.candidate.place.kind, "town")
        tracker.observe_entity(Entity(kind, m.text, sent.index, m.candidate.place))


#: "accused Ukraine of a deadly attack", "blames Kyiv for": the side an accusation names right after its verb.
_ACCUSED_NAMED = re.compile(r"\s*(?:the\s+)?(?P<who>[\w’'-]+(?:\s+[\w’'-]+){0,2}?)\s+(?:of|for)\b")


def _accused_by_name(text: str, f: Frame, tracker: SpeakerTracker) -> str:
    """The side an accusing frame names as its object ("accused Ukraine of ..."), or ""."""
    if not f.verb.lower().startswith(("accus", "blam")):
        return ""
    m = _ACCUSED_NAMED.match(text, f.content[0])
    return (tracker.profile.side_of_claimant(m.group("who")) or "") if m else ""


def _speakers(
    text: str,
    frames: tuple[Frame, ...],
    mentions: tuple[Mention, ...],
    tracker: SpeakerTracker,
    accused: str,
    index: int,
    forces: list[tuple[int, int, str]],
    *,
    outlet: str = "",
) -> tuple[Speaker, ...]:
    """Each frame's speaker, resolved in text order (so that "he" may refer to one just named)."""
    out: list[Speaker] = []
    for f in frames:
        if f.continues and not out and tracker.last is None and outlet:
            # "Earlier, it was reported that ..." before anyone spoke: the outlet's own account
            side = tracker.outlet_side or tracker.profile.default_side
            out.append(Speaker(f"{outlet} {OWN_REPORTING}", side, "no one spoke before: the outlet's own account"))
            continue
        if f.continues and (out or tracker.last):
            s = out[-1] if out else tracker.last_reporting
            assert s is not None
            if f.verb == PERSON_CONTINUES:
                # (a relaying outlet reports no one's words: "..., said governor X, UNN writes. From his words, ...")
                s = tracker.person_before(s, out)
            out.append(Speaker(s.claimant, s.side, f"continues {s.claimant!r}", s.by_place))
            continue
        if f.speaker.lower() in ("it", "they") and f.start > 0 and not out:
            # "Ukraine continues its counteroffensive as it reports gains in X": the pronoun is the subject the
            # sentence opened with, not the last speaker before it
            tracker.observe_subject(text[: f.start])
        inside = tuple(m.candidate.place for m in mentions if f.start <= m.start < f.end)
        boasts = own_success(text, forces, f.content, tracker.profile.side_of_claimant)
        # The side the frame's own report accuses ('"... the Russian invaders made 32 attempts ...," the command
        # noted and added that the Ukrainian military ...': the Russians), else the sentence's.
        reported = [x for x in forces if f.content[0] <= x[0] < f.content[1]]
        blamed = perpetrator(reported, f.content[1]) if reported else (_accused_by_name(text, f, tracker) or accused)
        s = tracker.resolve(f.speaker, accused=blamed, sentence=index, places=inside, denies=f.deny, boasts=boasts)
        if s.rule != "profile pattern" and s.side is not None:
            # A backward speaker grows over its appositions until it names a side
            # ("Anar Eyvazov, the ministry spokesman, said").
            for start, end in f.longer:
                if tracker.profile.forces_in(text[start : f.start]):
                    break  # "... cut off supplies to Ukrainian troops, lawmaker X told TASS": the report, no apposition
                wider = tracker.resolve(clean_speaker(text[start:end]), accused=blamed, sentence=index)
                if wider.rule == "profile pattern":
                    s = wider
                    break
        tracker.observe(s)
        out.append(s)
    relays = [
        k
        for k, f in enumerate(frames)
        if f.kind is FrameKind.BACKWARD and any(g is not f and f.content[0] <= g.start < f.content[1] for g in frames)
    ]
    inner = [k for k in range(len(out)) if k not in relays]
    if relays and inner and relays[-1] > inner[-1] and not frames[inner[-1]].continues:
        # "Об этом сообщил начальник ОВА Олег Кипер, передает RegioNews. ... говорится в сообщении": the relaying
        # outlet reports no words of its own; what is said next goes on with the speaker it relays
        tracker.observe(out[inner[-1]])
    return tuple(out)


def _targets(
    doc: ArticleDoc,
    sent: Sentence,
    frames: tuple[Frame, ...],
    speakers: tuple[Speaker, ...],
    kept: list[IncidentPlace],
    state: _State,
) -> list[tuple[PlaceRef, str, int]]:
    """(place, event type, position, gazetteer place) of every claim the sentence makes."""
    if kept:
        return [(PlaceRef.from_mention(p.mention), p.event_type, p.mention.start) for p in kept]
    gap = sent.index - state.last_claim_sentence
    if state.last_claims and denies_previous(sent.text, frames, [s.side for s in speakers], gap):
        # "The army denied bombing the site": the denial is about the places just named.
        pos = next(f.content[0] for f in frames if f.deny)
        return [(PlaceRef.from_claim(c), c.event_type, pos) for c in state.last_claims]
    return []


def _claimants(
    doc: ArticleDoc,
    sent: Sentence,
    frames: tuple[Frame, ...],
    speakers: tuple[Speaker, ...],
    pos: int,
    place: PlaceRef,
    tracker: SpeakerTracker,
    state: _State,
) -> list[tuple[Speaker, Status, str]]:
    """Who claims the place at *pos*, whether each is a denial, and how that was decided."""
    text = sent.text
    f = frame_for(pos, frames, text)
    if f is not None:
        s = tracker.for_place(speakers[frames.index(f)], place.as_place(), doc.article.published)
        if f.kind is FrameKind.NOMINAL:
            return _nominal_claimants(doc, sent, frames, speakers, f, s, place, tracker)
        status = Status.DENIED if f.deny or is_false(text) else Status.CLAIMED
        if s.rule == NO_SIDE_NAMED and (outer := innermost(pos, frames, besides=f)) is not None:
            # '"According to the report of the MDNP in the region, the occupiers fired at X," the OVA reported': a
            # source no side is known for, whose report a speaker of a side relays, is that speaker's claim.
            o = tracker.for_place(speakers[frames.index(outer)], place.as_place(), doc.article.published)
            if o.side and o.rule != NO_SIDE_NAMED:
                return [
                    (o, status, f"{outer.kind} frame '{outer.verb}' relays the report of {s.claimant!r} ({o.rule})")
                ]
        return [(s, status, f"{f.kind} frame '{f.verb}' ({s.rule})")]
    if state.list_intro is not None:
        return [(state.list_intro, Status.CLAIMED, f"an item of a list {state.list_intro.claimant!r} introduced")]
    if state.section is not None:
        return [(state.section, Status.CLAIMED, f"under a heading or line naming its source ({state.section.rule})")]
    ellipsis = state.ellipsis_speaker
    if not frames and ellipsis is not None and ellipsis[0] == sent.index:
        who = tracker.for_place(ellipsis[1], place.as_place(), doc.article.published)
        return [(who, Status.CLAIMED, f"goes on with the event {ellipsis[1].claimant!r} reported")]
    quoted = state.last_quoted_speaker
    if not frames and is_quotation(text) and quoted is not None and sent.index - quoted[0] <= 2:
        who = tracker.for_place(quoted[1], place.as_place(), doc.article.published)
        return [(who, Status.CLAIMED, f"the quotation of {quoted[1].claimant!r} goes on")]
    told = state.last_reported
    if (
        doc.english
        and not frames
        and is_quotation(text)
        and text.lstrip()[:1] in _OPENING_QUOTES
        and told is not None
        and told[0] == sent.index - 1
    ):
        # 'X, the head of the town's administration, said the town was under attack. "It was a very hot night in
        # Avdiivka."': a quotation set right after a report without one is that speaker's own words
        who = tracker.for_place(told[1], place.as_place(), doc.article.published)
        return [(who, Status.CLAIMED, f"a quotation after the report of {told[1].claimant!r}")]
    report = state.region_report
    if doc.english and not frames and report is not None and report[0] == sent.index - 1:
        # "The Russian Ministry of Defense announced hostilities in the Kursk region. During the day there were
        # attacks in the areas of Martynovka and Korenevo.": the places of the region that speaker reported on are
        # its report's detail.
        # (two places of the region at least, a detail's list: "This announcement follows an incursion, when the
        # Ukrainian military began operations in Kursk" is narration about the region's city)
        inside = {
            m.candidate.place.id: m.candidate.place
            for m in doc.mentions.get(sent.index, ())
            if m.candidate.place.kind in ("town", "village")
            and any(not outside_region(m.candidate.place, r) for r in report[2])
        }
        here = next((m.candidate.place for m in doc.mentions.get(sent.index, ()) if m.start == pos), None)
        if here is not None and here.id in inside and len(inside) >= 2:
            who = tracker.for_place(report[1], place.as_place(), doc.article.published)
            return [(who, Status.CLAIMED, f"details the report of {report[1].claimant!r} on the region before")]
    if doc.english and not frames and _ELABORATES.match(text) and state.last_claim_sentence == sent.index - 1:
        # "According to the spokesman, the army will go on to Svatove. In particular, to retake Sievierodonetsk
        # and Lysychansk.": a sentence that details the one before is the same speaker's report.
        before = {(c.claimant, c.side) for c in state.last_claims}
        if len(before) == 1 and not (prev := next(iter(before)))[0].endswith(OWN_REPORTING):
            who = Speaker(prev[0], prev[1], "details the sentence before")
            return [(who, Status.CLAIMED, f"details the report of {prev[0]!r} in the sentence before")]
    if not doc.english and not frames and (one := _only_reporter(tracker)) is not None:
        # A Russian or Ukrainian news item retells one official's report sentence by sentence ("Губернатор
        # сообщил, что ... обстреляны четыре населенных пункта. ... Два села обстреляны в Суджанском районе"):
        # with no other speaker in the article so far, its unattributed sentences are that report.
        who = tracker.for_place(one, place.as_place(), doc.article.published)
        return [(who, Status.CLAIMED, f"the report of {one.claimant!r} retold (the article's only speaker)")]
    side = doc.outlet_side or tracker.profile.default_side
    own = Speaker(f"{doc.outlet} {OWN_REPORTING}", side, "the outlet's own account")
    return [(own, Status.CLAIMED, "no speaker: the outlet's own account")]


_OPENING_QUOTES = ('"', "“", "«", "„")
#: "There, Russians are actively storming ...": a sentence set at the places of the one before.
_THERE = re.compile(r"^\W*(There)\s*,", re.IGNORECASE)
#: Openings of a sentence that details the one before ("In particular, ...", "Specifically, ...").
_ELABORATES = re.compile(r"\s*(?:In particular|Specifically|Namely|More specifically)\b\s*,?", re.IGNORECASE)


def _only_reporter(tracker: SpeakerTracker) -> Speaker | None:
    """The one speaker with a side (not the profile's default) the article has named so far, if only one."""
    named = {s.claimant: s for s in tracker.speakers if s.side and s.side != tracker.profile.default_side}
    sides = {s.side for s in tracker.speakers if s.side}
    return next(iter(named.values())) if len(named) == 1 and len(sides) == 1 else None


def _nominal_claimants(
    doc: ArticleDoc,
    sent: Sentence,
    frames: tuple[Frame, ...],
    speakers: tuple[Speaker, ...],
    f: Frame,
    s: Speaker,
    place: PlaceRef,
    tracker: SpeakerTracker,
) -> list[tuple[Speaker, Status, str]]:
    """A report named as a noun ("Baku's allegations regarding X") is its author's claim; the frame
    that reports it denies it when it is a denial, or calls it untrue ("... were false")."""
    if not event_words(sent.text[f.content[0] : f.content[1]]):
        # "The strikes on Odessa follow Russia's announcement that it will suspend the deal to export grain from
        # Odessa": a report that tells no event claims none at the place it names
        return []
    out = [(s, Status.CLAIMED, f"a report named as a noun ({s.rule})")]
    outer = enclosing(f, frames, sent.text)
    if outer is not None and (outer.deny or f.false_report or is_false(sent.text)):
        o = tracker.for_place(speakers[frames.index(outer)], place.as_place(), doc.article.published)
        if o.side is not None and o.side != s.side:
            out.append((o, Status.DENIED, f"{outer.kind} frame '{outer.verb}' denies it ({o.rule})"))
    return out


def _claims(
    doc: ArticleDoc,
    sent: Sentence,
    frames: tuple[Frame, ...],
    speakers: tuple[Speaker, ...],
    kept: list[IncidentPlace],
    forces: list[tuple[int, int, str]],
    tracker: SpeakerTracker,
    state: _State,
) -> tuple[list[Claim], tuple[str, ...]]:
    """The claims of one sentence, and for each, how its claimant was found."""
    out: list[Claim] = []
    links: list[str] = []
    seen: set[tuple[str, str, str]] = set()
    labels = state.labels
    for place, etype, pos in _targets(doc, sent, frames, speakers, kept, state):
        for s, status, how in _claimants(doc, sent, frames, speakers, pos, place, tracker, state):
            if s.side is None or (place.place_id, s.claimant, status) in seen:
                links.append(f"{place.name}: {how}: no claim")
                continue
            seen.add((place.place_id, s.claimant, status))
            denies = denied_target(state.claims + out, place.place_id, s.side) if status is Status.DENIED else ""
            claim = build_claim(
                doc.article,
                sent.index,
                sent.text,
                place,
                event_type=etype,
                claimant=s.claimant,
                side=s.side,
                side_label=labels.get(s.side, s.side),
                perpetrator=perpetrator(forces, pos),
                status=status,
                denies=denies,
            )
            out.append(claim)
            links.append(f"{place.name} <- {s.claimant!r} [{s.side}]: {how}")
            if status is Status.DENIED and not claim.denies_claim_id:
                pair = _reported_claim(doc, sent, claim, tracker, labels)
                if pair is not None:
                    out[-1:] = pair
    out += _clause_denials(doc, sent, frames, speakers, out, labels)
    return out, tuple(links)


def _reported_claim(
    doc: ArticleDoc, sent: Sentence, denial: Claim, tracker: SpeakerTracker, labels: dict[str, str]
) -> tuple[Claim, Claim] | None:
    """Only the denial reports the other side's claim ("the information spread by Armenia ... is
    false"): that claim is on the map too, and the denial answers it."""
    who = reported_by(sent.text)
    if who is not None:
        s = tracker.resolve(who, sentence=sent.index)
    elif answers_an_accusation(sent.text) and tracker.profile.opponent_of(denial.side):
        # A side denies "all allegations that ..." without saying whose: the other side's.
        other = tracker.profile.opponent_of(denial.side) or ""
        s = Speaker(f"{labels.get(other, other)} (as the denial reports it)", other, "the accusation a denial answers")
    else:
        return None
    if s.side is None:
        return None
    cid = stable_id(doc.article.content_hash, sent.index, denial.place_id, s.claimant, Status.CLAIMED.value)
    reported = replace(
        denial,
        claim_id=cid,
        claimant=s.claimant,
        side=s.side,
        side_label=labels.get(s.side, s.side),
        status=Status.CLAIMED.value,
        denies_claim_id="",
    )
    return replace(denial, denies_claim_id=cid), reported


def _clause_denials(
    doc: ArticleDoc,
    sent: Sentence,
    frames: tuple[Frame, ...],
    speakers: tuple[Speaker, ...],
    claims: list[Claim],
    labels: dict[str, str],
) -> list[Claim]:
    """ "...fired at Aghjabadi; Armenia denies this": a later clause denies the claims just made."""
    out: list[Claim] = []
    for f, s in zip(frames, speakers, strict=True):
        if s.side is None or not denies_clause_before(sent.text, f, claims):
            continue
        for c in claims:
            if c.status != Status.CLAIMED or c.side == s.side:
                continue
            cid = stable_id(doc.article.content_hash, sent.index, c.place_id, s.claimant, Status.DENIED.value)
            out.append(
                replace(
                    c,
                    claim_id=cid,
                    claimant=s.claimant,
                    side=s.side,
                    side_label=labels.get(s.side, s.side),
                    status=Status.DENIED.value,
                    denies_claim_id=c.claim_id,
                )
            )
    return out
