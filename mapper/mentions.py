"""Place mentions in an article: candidate spans, place context, and resolution in context.

A mention is a run of capitalised words (or a part of one) that the gazetteer
knows, or that sits where English puts a place ("the city of X", "in X", a
list of places).  Mentions are resolved with the article's context: the
countries it names, the conflict theatre, and the other places of the same
sentence (a second pass, so that a list of towns pulls its members together).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from gazetteer import TOWN_POPULATION as CITY_AT_LEAST  # (a town of this size may be a text's "city")
from gazetteer import (
    Candidate,
    Context,
    Gazetteer,
    MatchKind,
    Place,
    Resolution,
    distance_km,
    fold,
    phonetic,
    resolve_jointly,
    ukrainian_key,
)

from .lexicon_en import NUMBER_WORDS, speech_lemma
from .lexicon_ru_uk import ACTION as _CYRILLIC_ACTION
from .lexicon_ru_uk import (
    COMMON_CAPITALISED,
    NATIONALITY_ADJECTIVE,
    SENTENCE_OPENING_NOUNS,
    SETTLEMENT_BEFORE,
    SPEECH_VERBS,
    adjective_centres,
    admin_nominative,
    admin_nominatives,
    nominatives,
    phrase_nominatives,
    republic_nominative,
    short_republic_nominative,
)
from .lexicon_ru_uk import CYRILLIC as _CYRILLIC
from .text import Sentence, Token, word_tokens

DATA_DIR = Path(__file__).parent / "data"  # Token = (start, end, text)

__all__ = ["Mention", "NameHabits", "find_mentions", "common_words", "DATELINE", "OF_AREA", "ADMIN_CUES"]

# Prepositions and nouns after which English names a place.
#: Cue words that make a name an administrative area rather than a town.
ADMIN_CUES = frozenset({"district", "region", "province"})
_PLACE_PREP = {
    # "northern Kyiv", "central Kharkiv": a direction before a name puts a place there
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "downtown",
    "in",
    "on",
    "at",
    "near",
    "into",
    "towards",
    "toward",
    "around",
    "outside",
    "from",
    "across",
    "over",
    "against",
    "hit",
    "struck",
    "shook",
    "rocked",
    "pounded",
    "hammered",
    "pummeled",
    "pummelled",
    "battered",
    "shelled",
    "attacked",
    "targeted",
    "bombed",
    "shelling",
    "bombing",
    "targeting",
    "striking",
    "hitting",
    "liberated",
    "captured",
    # "failed to capture Bogorodychne", "trying to encircle Avdiivka", "stormed Marinka": what forces take or attack
    "capture",
    "capturing",
    "seize",
    "seized",
    "seizing",
    "storm",
    "stormed",
    "storming",
    "retake",
    "retook",
    "retaken",
    "recapture",
    "recaptured",
    "liberate",
    "liberating",
    "encircle",
    "encircled",
    "encircling",
    "besieged",
    "shell",
    "attack",
    "bomb",
    # Russian and Ukrainian: "в Москве", "над Киевом", "по Харькову" (in, over, at), "у Києві", "атаку на Київ",
    # "під Харковом", "біля Бахмута", "около Суджи"
    "в",
    "во",
    "у",
    "на",
    "над",
    "по",
    "під",
    "под",
    "біля",
    "около",
    "возле",
    "поблизу",
}
# Kind words of English that put a place next to them ("the city of X", "X village"); a profile adds
# its theatre's administrative words ("rayon", "marz", "oblast", "hromada": NameHabits.admin_words).
_CUE_WORDS_BEFORE = (
    "city|cities|town|towns|village|villages|settlement|settlements|district|districts|region|regions|"
    "province|provinces|governorate|governorates|height|heights|hill|mount|outskirts|vicinity|"
    "territory|territories|direction|areas?|capital|county|municipality|community|posts?|positions?"
)
_CUE_WORDS_AFTER = (
    "city|cities|town|towns|village|villages|settlement|settlements|district|districts|region|regions|province|"
    "provinces|governorate|governorates|height|heights|direction|area|sector|county|municipality|community|"
    # "Ukraine's Kursk incursion", "the Kharkiv counteroffensive", "on the Donetsk front": a campaign or a front
    # named after its area
    "incursion|counteroffensive|counter-offensive|salient|front|"
    "republics"  # "the Donetsk and Luhansk republics": regions (a single "X Republic" is a name of its own)
)
_CUE_NORMAL = {
    "cities": "city",
    "towns": "town",
    "villages": "village",
    "settlements": "settlement",
    "districts": "district",
    "regions": "region",
    "republics": "region",
    "provinces": "province",
    "governorate": "district",
    "governorates": "district",
    "heights": "height",
    "hill": "height",
    "mount": "height",
    "territory": "district",
    "territories": "district",
    "direction": "region",
    "sector": "region",
    "incursion": "region",
    "counteroffensive": "region",
    "counter-offensive": "region",
    "salient": "region",
    "front": "region",
    "county": "district",
    "municipality": "district",
    "community": "village",
    "posts": "near",
    "post": "near",
    "positions": "near",
    "position": "near",
    "areas": "region",
    "area": "region",
    "outskirts": "town",
    "vicinity": "town",
    "capital": "city",
}


@dataclass(frozen=True, slots=True)
class NameHabits:
    """A theatre's naming habits, from its profile: the endings of its people's surnames ("-yan",
    "-enko") and its administrative words with the kind of area each names ("rayon" -> district)."""

    person_suffixes: tuple[str, ...] = ()
    admin_words: tuple[tuple[str, str], ...] = ()
    #: Words that open a place's name ("Velyka", "Nova", "Boyuk"): "Mala Oleksandrivka" is one place, not
    #: "Mala" and Oleksandrivka.
    name_adjectives: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Patterns:
    cue_before: re.Pattern[str]
    cue_after: re.Pattern[str]
    cue_normal: dict[str, str]
    surname: re.Pattern[str] | None
    adjectives: frozenset[str] = frozenset()  # folded name adjectives


@lru_cache(maxsize=16)
def _patterns(habits: NameHabits) -> _Patterns:
    admin = "".join(f"|{re.escape(w)}s?" for w, _ in habits.admin_words)
    # In Russian and Ukrainian the kind word before a name governs a genitive ("район Херсона" is a district of
    # the city of Kherson): it is a cue only after an adjective name ("Дніпровський район").
    admin_before = "".join(f"|{re.escape(w)}s?" for w, _ in habits.admin_words if not _CYRILLIC.search(w))
    surname = "|".join(re.escape(x) for x in sorted(habits.person_suffixes, key=len, reverse=True))
    return _Patterns(
        cue_before=re.compile(
            # ("Ukraine's capital, Kyiv, came under attack": a comma after "capital" too)
            rf"(?<!\w)({_CUE_WORDS_BEFORE}{admin_before}|{SETTLEMENT_BEFORE})(?:\s+|(?<=capital),\s+)"
            rf"(of\s+|such\s+as\s+|like\s+|including\s+|namely\s+)?(the\s+)?$",
            re.IGNORECASE,
        ),
        # "the Valuysky urban district", "the Kirovsky city district": a qualifier before the kind word
        # "the Zaporozhye (Zaporizhzhia) region": the kind word after a name in brackets is the name's kind too
        cue_after=re.compile(
            # ("the Kursk border region", "the Belgorod frontier region": the region, not its capital)
            rf"^\s*(?:\([^()]{{1,40}}\)\s*|\)\s*)?(?:(?:urban|municipal|rural|administrative|city|border|frontier)\s+)?"
            rf"({_CUE_WORDS_AFTER}{admin})\b",
            re.IGNORECASE,
        ),
        cue_normal={
            **_CUE_NORMAL,
            **{w.lower(): kind for w, kind in habits.admin_words},
            **{w.lower() + "s": kind for w, kind in habits.admin_words},
        },
        surname=re.compile(rf"(?:{surname})$", re.IGNORECASE) if surname else None,
        adjectives=frozenset(fold(w) for w in habits.name_adjectives),
    )


_LIST_INTRO = re.compile(
    r"\b(?:territories|villages|settlements|towns|cities|districts|regions|positions|heights|places|areas|fronts|"
    r"directions|sectors|axes)\b"
    r"[^.:;“”\"]{0,60}(?::|\s[–—]|,?\s+(?:including|such\s+as|among\s+them))\s*$|"
    # "Two Ukrainian regions, Sumy and Chernihiv, were hit": a counted plural in apposition
    r"\b(?:two|three|four|five|six|several|both|\d+)\s+(?:[\w-]+\s+){0,2}?(?:regions|oblasts|provinces|cities|towns|"
    r"villages|districts)\s*,\s*$|"
    # "... удары получили более 18 населенных пунктов области: A, B, C"
    r"(?<!\w)(?:населенн|населённ|населен|сел|посел|громад|міст|город)\w*(?:\s+пункт\w*)?[^.:;“”\"«»]{0,60}:\s*$",
    re.IGNORECASE,
)
#: The first plural of a list's introduction ("several frontline regions, including", "two cities,"): when it is
#: an area or a front, the members are areas, not towns ("settlements in the Kharkiv and Sumy regions, including"
#: lists settlements).
_LIST_NOUN = re.compile(
    r"\b(?:territories|villages|settlements|towns|cities|districts|regions|oblasts|provinces|positions|heights|"
    r"places|areas|fronts|directions|sectors|axes)\b",
    re.IGNORECASE,
)
_AREA_NOUNS = frozenset({"regions", "oblasts", "provinces", "fronts", "directions", "sectors", "axes"})
#: A street's kind words in Russian and Ukrainian.
_STREET_WORDS = (
    r"улиц\w*|вулиц\w*|проспект\w*|переул\w*|провулк\w*|провул\w*|бульвар\w*|площад\w*|шоссе|шосе|набережн\w*"
)
#: "посёлок шахты им. Гагарина", "парк імені Шевченка": a mine, a park, a street named after a person.
_NAMED_AFTER = re.compile(r"(?<!\w)(?:им\.|имени|ім\.|імені)\s*$", re.IGNORECASE)
#: ... before its name ("по улице Абакумова", "на просп. Миру").
_STREET_BEFORE = re.compile(rf"(?<!\w)(?:{_STREET_WORDS}|ул\.|вул\.|просп\.|пер\.|пл\.)\s*$", re.IGNORECASE)
#: A channel's name after its word: "the Russian channel Belgorod No. 1", "Telegram channel Kherson Today".
_CHANNEL_BEFORE = re.compile(r"(?<!\w)channel\s+[«\"“]?$", re.IGNORECASE)
#: A nuclear power plant named after a city or region: "Kursk NPP", "Курская АЭС" (adjective: no span anyway).
_NPP_AFTER = re.compile(r"^\s+(?:nuclear\s+(?:power\s+)?(?:plant|station)|NPP|N\.P\.P\.|АЭС|АЕС)\b", re.IGNORECASE)
#: ... and a street, square, market, park or cemetery named after it ("Центрального рынка", "Гвардейской улицы"), or
#: a unit ("Слов’янського гарнізону").
_SITE_AFTER = re.compile(
    rf"^\s+(?:{_STREET_WORDS}|площ[аіу]|рын(?:ок|к\w*)|рин(?:ок|к\w*)|парк\w*|сквер\w*|кладбищ\w*|цвинтар\w*|"
    # ... or a unit: "рятувальники Слов’янського гарнізону", "бойцы Харьковского батальона"
    r"гарнізон\w*|гарнизон\w*|бригад\w*|полк(?:а|у|ом|е|и|ів|ов)?|батальйон\w*|батальон\w*|загон\w*|отряд\w*|"
    # ... or a fish farm or a road named by its town's adjective: "біля Ізюмського рибгоспу", "Барвінківської траси"
    # (a works named so is in its town: "удар по Харківському тракторному заводу" stays Kharkiv)
    r"рибгосп\w*|рыбхоз\w*|трас[аиіуе]|траси|трасс[аыеу])(?!\w)",
    re.IGNORECASE,
)
#: "... and the neighbouring Kursk region" after a name: the name is a region too.
_AND_NEIGHBOURING_REGION = re.compile(
    r"\s+and\s+(?:the\s+)?(?:neighbou?ring|nearby|adjacent|adjoining|other)\s+(?:border\s+)?"
    r"(?:[A-Z][\w’'-]+\s+)?(?:regions?|oblasts?|provinces?)\b|"
    # ("in Luhansk and Donetsk region": the kind word, written once in the singular, is both names')
    r"\s+and\s+(?P<other>[A-Z][\w’'-]+)\s+(?:region|oblast|province)\b(?!\s+of\b)"
)
# "in cities from Kharkiv and Sumy to Kherson": a range of places, not where fire came from.
_RANGE_TO = re.compile(r"^[^.;:]{0,80}?\bto\s+(?:the\s+)?(?:\w+\s+){0,3}[A-Z]")
_STRUCK_AFTER = re.compile(
    r"^\s+(?:was|were|is|are|has\s+been|had\s+been|is\s+being|came|comes|became|becomes)\s+"
    r"(?:(?:again|also|repeatedly|once\s+again|once\s+more|yet\s+again|reportedly|allegedly|reported\s+to\s+have\s+been)\s+)*"
    r"(?:shelled|attacked|hit|struck|targeted|bombed|pounded|rocked|shaken|under\s+(?:\w+\s+)?(?:fire|attack)|"
    # "Moscow was also once again the target of drone attacks"
    r"(?:the|a)\s+(?:\w+\s+)?target\s+of)\b|"
    # "Київ атакували російські безпілотники", "Москву снова атаковали": the name before a verb in the plural, whose
    # subject follows, is its object (Kyiv is one city: "Київ атакував" would be Kyiv attacking)
    r"^\s+(?:(?:знову|снова|вкотре|опять|вночі|ночью|вдень|днем|днём|зранку|утром|ввечері|вечером)\s+)*"
    r"(?:атаку|атаков|обстрі?л|обстрел|вдари|удари|удар|били|бомбардува|бомбил|уразил|уразили)\w*?(?:ли|ють|ют|уть|ут)\b",
    re.IGNORECASE,
)
#: Names listed before one kind word in the plural: "Chernihiv and Sumy regions", "Kharkiv, Sumy and Poltava
#: oblasts".
_LISTED_BEFORE_REGIONS = re.compile(
    r"^(?:\s*,\s*(?-i:[A-Z])[\w’'-]+)*\s*,?\s+and\s+(?-i:[A-Z])[\w’'-]+\s+(?:regions|oblasts|provinces)\b",
    re.IGNORECASE,
)
#: A people in the plural ("Россияне обстреляли Торецк", "Росіяни", "Украинцы"): the subject, no place.
_PEOPLE_PLURAL = re.compile(r"(?:[ая]не|[ая]ни|цы|ці)$")
_FACILITY_AFTER = re.compile(
    r"^\s*(?:international\s+)?(?:airport|airfield|air\s*base|sea\s*port|port|nuclear\s+(?:power\s+)?plant|"
    r"(?:thermal\s+|hydroelectric\s+)?power\s+(?:plant|station)|NPP|TPP|HPP|dam|bridge|refinery|oil\s+depot|"
    r"railway\s+(?:station|junction|hub|depot|yard|bridge))\b",
    re.IGNORECASE,
)
# A name followed by one of these is an organisation or event, not a place
# ("the OSCE Minsk Group", "the Moscow format", "the Madrid Principles").
_OPEN_QUOTES = frozenset("'\"‘“«„")
_CLOSE_QUOTES = frozenset("'\"’”»“")  # (“ closes in Russian, Ukrainian and German: „Азов“)
_CYRILLIC_PERSON_VERB = re.compile(
    rf"(?:{SPEECH_VERBS})|(?:призвал|предупредил|поручил|посетил|закликав|попередив|доручив|відвідав)(?:а|и)?",
    re.IGNORECASE,
)
_AIRSPACE = re.compile(r"\bairspace\s+(?:of|over)\s+(?:the\s+)?$", re.IGNORECASE)
_AND_OTHER = re.compile(
    r",?\s+and\s+(?:many\s+|several\s+|some\s+)?other\s+(regions|oblasts|provinces|districts|cities|towns|villages)\b",
    re.IGNORECASE,
)
_HOME_TO = re.compile(r",\s*(?:which\s+is\s+)?home\s+to\b[^.;:]{0,80}$", re.IGNORECASE)
_ORG_AFTER = re.compile(
    # "the Aidar 24th Separate Assault Battalion", "the Azov brigade": a unit named after a place
    r"^\s*(?:\d+(?:st|nd|rd|th)?\s+)?(?:(?:[Ss]eparate|[Ss]pecial|[Aa]ssault|[Mm]echani[sz]ed|[Mm]otori[sz]ed|"
    r"[Tt]erritorial|[Dd]efen[cs]e|[Mm]arine|[Aa]irborne|[Rr]ifle|[Tt]ank|[Aa]rtillery|[Vv]olunteer)\s+){0,3}"
    r"(?:[Bb]attalion|[Bb]rigade|[Rr]egiment|[Dd]ivision|[Cc]orps|[Ss]quadron|[Dd]etachment)\b|"
    # "Azov nationalists", "Azov (battalion) nationalists offered resistance": the unit's men, not the town; and so
    # are "Lugansk militias", "Donetsk separatists"
    r"^\s*(?:\([a-z ]{1,20}\)\s*)?(?:nationalists|militants|fighters|militias?|militiamen|separatists|rebels)\b|"
    # "the Kalanchak central regional hospital", "the Izium city clinical hospital": an institution named after
    # its town
    r"^\s*(?:(?:[Cc]entral|[Rr]egional|[Dd]istrict|[Cc]ity|[Mm]unicipal|[Cc]linical|[Mm]aternity|[Cc]hildren['’]s)\s+){1,3}"
    r"(?:[Hh]ospital|[Cc]linic|[Pp]olyclinic)\b|"
    r"^\s*(Group|group|[Bb]attle\s*group|[Gg]rouping|format|Format|process|Process|Principles|principles|Declaration|declaration|"
    r"Agreement|agreement|Statement|statement|University|Times|Post|News|Radio|TV|"
    r"Institute|Center|Centre|Council|Club|Protocol|protocol|talks|Talks|summit|Summit|meeting|"
    # "two civilians at Yglegorskoye avenue": a street named after a town
    r"avenue|boulevard|prospekt|prospect|"
    # "..., according to Oleksandr Prokudin, head of the Kherson Regional Military Administration": an authority
    # named after its region or town, in a speaker's title
    r"(?:[Rr]egional|Oblast|City|[Dd]istrict|Raion|Municipal)\s+(?:(?:State|Military|Civil-Military|Civil)\s+){0,2}"
    r"(?:Administration|Council|Prosecutor['’]s\s+Office)|"
    # "a vehicle of the Kramatorsk Volunteers Association": an organisation named after its town
    r"Volunteers?|Association|Foundation|Fund|Society|Union|"
    r"pipeline|Pipeline|(?:railway|Railway)(?!\s+(?:station|junction|hub|depot|yard|bridge))|highway|Highway|"
    # "fighting on the Zhytomyr road": the road named after the city, not the city
    r"road|Road|"
    r"corridor|Corridor|"
    # "the Dnipro River", "the Donetsk People's Republic": a river, a proclaimed state, not the town
    r"River|river|People['’]?s\s+Republic|"
    # a named building or street is no town: "the Kalinin Hospital", "Shevchenko Street"
    r"Hospital|hospital|School|Theat(?:re|er)|Stadium|Square|Street|Avenue|Boulevard|Prospekt|Park|Market|"
    r"[Mm]ine|[Cc]olliery|"
    r"Cathedral|Church|Monastery|Museum|Library|Palace|Hotel|Mall|"
    # "the Kiev regime", "the Kyiv government": a capital standing for the state, in no place's list
    r"regime|government)\b"
)
#: A place's official after a name and a comma: "Pavlo Kyrylenko, Donetsk's regional governor" (a title, no place).
_TITLE_OF_PLACE_AFTER = re.compile(
    r"^['’]s\s+(?:(?:regional|military|city|oblast|acting|deputy|former|occupation|Russian-installed|"
    r"Moscow-installed|Kremlin-installed)\s+){0,3}(?:governor|mayor|head|chief|administrator)\b",
    re.IGNORECASE,
)
_APPOSITION_BEFORE = re.compile(r"[A-Z][\w’'-]+\s*,\s*$")
_TITLE_WORD = re.compile(r"Mayor|Governor|Gov|President|Minister|Commander|Chief|Spokes(?:man|woman|person)")
_TITLE_BEFORE = re.compile(
    r"\b(President|Minister|Prime|spokesman|spokeswoman|spokesperson|aide|Assistant|Head|Mr|Mrs|Ms|Dr|"
    r"General|Gen|Colonel|Commander|ombudsman|Ombudsman|correspondent|reporter|named|"
    # lower-case titles before a name: "the regional governor Serhii Lysak", "city mayor Ihor Terekhov"
    r"governor|mayor|head|chief|leader|administrator|commander|chairman|secretary|adviser|advisor)\.?\s+$"
)
_POSSESSIVE = re.compile(r"['’]s\b")
# Verbs after a name that make it a person's ("Hovhannisyan vowed"); with every verb of speech.
_PERSON_VERBS = frozenset({"vowed", "urged", "called", "pledged", "promised", "threatened"})
_ORG_NOUNS = {
    "regime",
    "government",
    "group",
    "format",
    "process",
    "principles",
    "declaration",
    "agreement",
    "statement",
    "university",
    "times",
    "post",
    "news",
    "radio",
    "tv",
    "institute",
    "center",
    "centre",
    "council",
    "club",
    "protocol",
    "talks",
    "summit",
    "meeting",
    "ministry",
    "department",
    "administration",
    "army",
    "forces",
    "force",
    "office",
    "committee",
    "service",
    "agency",
    "press",
    "channel",
}
#: "Kherson-area settlements", "Bakhmut-area fighting": a town naming the area around it.
_AREA_COMPOUND = re.compile(r"-(?:area|region|district)\b", re.IGNORECASE)
#: A dateline opening a report: "BAKU, Azerbaijan, Oct. 28", "YEREVAN (Sputnik)".
DATELINE = re.compile(r"^[A-Z][A-Z' .-]{2,}(,|\s*\()")
_FROM = re.compile(
    # "pushed ... back from X", "driven out from X": the fighting was at X, nothing was launched from it (but
    # "the shelling was carried out from X" was)
    r"(?<!\bback\s)(?<!(?<!\bcarried\s)\bout\s)(?<!\baway\s)\bfrom\s+(?:the\s+)?(?:(?-i:[A-Z])[\w’'-]*['’]s\s+)?(?:(?:[\w’'-]+\s+){0,2}(?:city|town|village|territory|direction|side|area|region|"
    r"district|positions?|vicinity|outskirts|environs|suburbs?|lands?)\s+(?:of\s+)?(?:the\s+)?){0,2}"
    # ("firing from the territory of temporarily occupied Enerhodar")
    r"(?:(?:temporarily\s+)?[\w-]*(?:occupied|held|controlled)\s+)?$",
    re.IGNORECASE,
)
#: "a 41-year-old man from Belovsky District was injured": where a person lives, in a report of who was hit there
_PERSON_FROM = re.compile(
    r"\b(?:man|woman|men|women|boy|girl|child|children|resident|residents|civilian|civilians|pensioner|driver|"
    r"teenager|family|couple|person|people|\d+-year-old)\s+from\s+(?:the\s+)?(?:(?:city|town|village|settlement)\s+of\s+)?$",
    re.IGNORECASE,
)
#: ... in Russian and Ukrainian: "обстріл був з боку тимчасово окупованої Козачої Лопані", "удары со стороны
#: Харькова", "с территории Сумской области" (a word between may describe the place, not take another: "з боку
#: окупантів по селу X" is fire *at* X).
_CYRILLIC_FROM = re.compile(
    r"(?<!\w)(?:[Зз]\s+(?:[а-яіїєґ’']+\s+)?боку|[Сс]о?\s+(?:[а-яё]+\s+)?стороны|[Зз]і?\s+(?:[а-яіїєґ’']+\s+)?сторони|"
    r"[Сс]\s+территории|[Зз]\s+території|"
    # "переселенці з Бахмута", "беженцы из Мариуполя": where people fled from, not where they were hit
    r"(?:[Пп]ереселен|[Бб]іженц|[Бб]еженц|[Вв]ихідц|[Уу]роженц|[Уу]родженц|[Ээ]вакуирован|[Ее]вакуйован)\w*\s+"
    r"(?:з|із|зі|из|с)|"
    r"[Зз]\s+напрямку|[Сс]\s+направления|"
    # "с противоположной стороны Днепра", "на левом берегу Днепра", "вдоль русла реки": a river, not its town
    r"[Бб]ерег\w*|[Бб]ерез\w*|[Рр]усл\w*|[Рр]еки|[Рр]ічки|"
    # "села Степовое и Северное, расположенные под Авдеевкой": the town locates the villages
    r"(?:[Рр]асположенн|[Рр]озташован)\w*\s+(?:под|возле|около|рядом\s+с|недалеко\s+от|біля|поблизу|під|неподалік\s+від))\s+"
    # (lower-case words only: "обстрел со стороны ВСУ города Васильевка" is fire by the army at the town)
    r"(?:(?!(?:по|на|в|у|во|біля|возле|около|над|під|под|до|к|із|из|з|с|со)\s)[а-яёіїєґ’'-]+\s+){0,3}$"
)
#: ... "к северу от Суджи", "на південний захід від Бахмута", "отодвинуть артиллерию от Донецка": a reference point
_AWAY_FROM = re.compile(r"(?<!\w)(?:[Оо]т|[Вв]ід)\s+$")
#: ... unless the enemy is pushed back from it, or its attacks repelled there ("отбросили ВСУ от Х", "відбивати атаки
#: від Золотого"): the fighting was at it.
_PUSHED_FROM = re.compile(
    r"(?:отброс|отогна|оттесн|выбит|відкин|відтісн|відігна|вибит|атак)\w*\s+(?:[\w’'-]+\s+){0,4}?(?:от|від)\s+$",
    re.IGNORECASE,
)
#: "push the Russians further away from Kharkiv", "to keep the artillery away from the city of X": the place is
#: what the fighting is kept from, a reference point.
_PUSHED_AWAY_FROM = re.compile(
    r"\b(?:push|pushed|pushing|pushes|drive|drove|driven|driving|move|moved|moving|keep|kept|keeping)\s+"
    r"(?:[\w’'-]+\s+){0,4}?(?:further\s+|farther\s+)?away\s+from\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?$",
    re.IGNORECASE,
)
#: "a plane flying from Moscow to Saint Petersburg crashed": the ends of a journey are no places of the event.
_ROUTE = re.compile(
    r"\b(?:fl(?:y|ies|ying|ew|own|ights?)|travel\w*|sail\w*|journey\w*|commut\w*|en\s+route|bound)\s+"
    r"(?:[\w’'-]+\s+){0,2}?from\s+(?:the\s+)?(?:(?-i:[A-Z])[\w’'-]*(?:[\s-](?-i:[A-Z])[\w’'-]*)*\s+to\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
# "trying to advance from the occupied town of Horlivka to the villages of Shumy": from a place to another is a
# movement, not a range of places.
_ADVANCE_FROM = re.compile(
    # ("moving in a convoy from Donetsk to attack X": a few words between)
    r"\b(?:advanc|mov|push|break|attack|launch|fir)\w*\s+(?:[\w’'-]+\s+){0,3}?from\s+(?:[\w’'-]+\s+){0,4}$",
    re.IGNORECASE,
)
# "troops have retreated from the nearby town of Izyum", "withdrew from Kherson": the place changed hands.
#: "getting information from the Sudzha and Korenevo districts about attempts to break through": where the
#: reports come from is where the events are, no launch point.
_NEWS_FROM = re.compile(
    r"\b(?:information|reports?|news|messages?|data|updates?|footage|videos?)\s+(?:\w+\s+){0,2}?from\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: ... when areas are named ("from the Sudzha and Korenevo districts"; "reports from Kyiv and Moscow" name
#: governments)
_AREAS_AFTER = re.compile(
    r"(?:\s*(?:,|and)\s*[A-Z][\w’'-]*)*\s+(?:districts?|regions?|areas?|villages?|settlements?|raions?|oblasts?)\b"
)
_LEFT_FROM = re.compile(
    # ("the withdrawal of Ukrainian units from Avdiivka": the units between the verb and "from")
    r"\b(?:retreat(?:ed|ing|s)?|withdr(?:ew|awn|awing|aws)|withdrawal|pull(?:ed|ing|s)?\s+out|fled|evacuated)\s+"
    r"(?:(?:of\s+)?(?:[\w’'-]+\s+){0,3}?)?from\s+(?:[\w’'-]+\s+){0,4}$|"
    # "ousted the Russian forces from the villages of X", "drove the enemy out of Y": fighting at X and Y
    r"\b(?:ousted|ousting|drove|driven|driving|expelled|expelling|kicked|cleared|knocked|dislodged)\s+"
    r"(?:[\w’'-]+\s+){0,4}?(?:out\s+)?from\s+(?:[\w’'-]+\s+){0,4}$",
    re.IGNORECASE,
)
# "the village of Pisky, near Donetsk": a town after a comma and "near" locates the name before it.
_NEAR_PLACE = re.compile(
    r"\b[A-Z][\w’'-]+,\s+(?:near|outside|close to|not far from)\s+(?:the\s+(?:city|town)\s+of\s+)?$|"
    # "the village of Lozove near Debaltseve", "в селе Лозовое возле Дебальцево": the town only locates the village
    # (its region between: "the village of Orlovka in the eastern Donetsk region, near the city of Pokrovsk")
    r"\b(?:village|settlement|hamlet)\s+of\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?,?\s+"
    r"(?:in\s+the\s+(?:[\w-]+\s+){1,3}(?:region|oblast|province)\s*,?\s+)?(?:near|outside|close\s+to)\s+"
    # ("..., near the strategic military hub of Chasiv Yar")
    r"(?:the\s+(?:[\w-]+\s+){0,3}(?:hub|city|town|stronghold)\s+of\s+)?$|"
    # "its forces took Vesele village near eastern Ukraine's Pokrovsk"
    r"\b[A-Z][\w’'-]+\s+(?:village|settlement|hamlet)\s+(?:near|outside|close\s+to)\s+"
    r"(?:(?:eastern|western|northern|southern|central|north-?eastern|south-?eastern|north-?western|south-?western)\s+)?"
    r"(?:(?:Ukraine|Russia)['’]s\s+)?(?:the\s+(?:[\w-]+\s+){0,3}(?:hub|city|town|stronghold)\s+of\s+)?$|"
    # "struck ... a small coastal town near Odesa": the event is in another, unnamed place
    r"\b(?:a|an)\s+(?:[a-z-]+\s+){0,3}(?:town|village|settlement|city)\s+(?:near|outside|close\s+to|in)\s+$|"
    # "The town near Belgorod was attacked twice": the town told of before, which the city only locates
    r"\b(?i:the|this|that)\s+(?:town|village|settlement)\s+(?:near|outside|close\s+to)\s+$|"
    # "the village of Zhelanne, which lies between the cities of Donetsk and Pokrovsk": two reference points
    r"\b(?:lies|lying|located|situated|sits)\s+(?:midway\s+|halfway\s+)?between\s+(?:the\s+)?"
    r"(?:(?:cities|towns|villages)\s+of\s+)?(?:[A-Z][\w’'-]+\s+and\s+)?$|"
    # a gloss in brackets: "In Bashtanka and Snihurivka [towns near Mykolaiv] ...": the town only locates them
    r"[\[(]\s*(?:[a-z-]+\s+){0,2}(?:towns?|villages?|settlements?|cities)\s+(?:near|outside|close\s+to)\s+$|"
    r"\b(?:сел[аеоу]|селищ[аеі]|поселк[еау]|населенн\w+\s+пункт\w*)\s+[А-ЯЁІЇЄҐ][\w’'-]+,?\s+"
    r"(?:возле|около|под|вблизи|рядом\s+с|неподалеку\s+от|біля|поблизу|неподалік\s+від|під)\s+$"
)
# "an offensive aimed at Kramatorsk", "supply routes toward Sloviansk": where forces head, not where
# anything happened; but fire, missiles or drones sent towards a place reach it.  ("Attacks in the direction
# of X", the defence ministries' formula, is fighting at X's approaches: not a heading.)
_TOWARD = re.compile(
    r"(?<!\w)(?:towards?|(?<=\baimed\s)at|"
    # "captured another village in its advance on the eastern Ukrainian city of Pokrovsk"
    r"\b(?:advance|push|drive|march|offensive)\s+on(?:\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:city|town|hub)\s+of)?|"
    # "will create a direct path to the city of Zaporozhye", "the approaches to Kramatorsk": a heading
    r"\b(?:path|road|route|gateway|approaches)\s+to)\s+(?:the\s+)?"
    # ("towards the logistics hub of Pokrovsk", "towards the eastern city of Kostiantynivka")
    r"(?:(?:[\w-]+\s+){0,3}?(?:city|town|village|hub|stronghold)\s+of\s+)?$|"
    # "having liberated it, the army will go to Svatove and Rubizhne": where forces will head
    r"\b(?:will|would|could|can|to)\s+(?:then\s+)?(?:go|move|advance|push|head|march|proceed)\s+(?:on\s+)?"
    r"(?:to|towards?|on)\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$|"
    # "back to a new defensive line between X, Y and Z": the ends of a line locate it
    r"\b(?:defen[cs]ive\s+line|line\s+of\s+defen[cs]e|front\s+line|frontline|new\s+line)\s+between\s+$|"
    # "two roads leading to a major Ukrainian hub, Krasnoarmeisk": where roads lead, described first
    r"\b(?:roads?|routes?|highways?|railways?|supply\s+lines?)\s+(?:leading|running|going)\s+(?:in)?to\s+"
    r"(?:(?:an?|the)\s+)?(?:[\w’'-]+\s+){0,3}[\w’'-]+,\s*$",
    re.IGNORECASE,
)
#: Where the wounded were taken ("was taken to a hospital in Belgorod", "доставляется в городскую больницу №2 г.
#: Белгорода"): a hospital's town, not where anything happened.
_TAKEN_TO_HOSPITAL = re.compile(
    r"\b(?:taken|brought|transferred|transported|delivered|evacuated|rushed|airlifted|hospitali[sz]ed|treated)\s+"
    r"(?:[\w-]+\s+){0,4}?"
    r"(?:to\s+|in\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:hospitals?|clinic)\s+in\s+(?:the\s+)?(?:city\s+of\s+)?$|"
    r"(?<!\w)(?:доставл|доставил|госпитализ|переведен|переве[дз]|госпіталіз|доправл|шпиталіз|поступил|потрапи|надійш)"
    r"\w*\s+(?:[\w№-]+\s+){0,6}?(?:больниц|госпитал|лікарн|шпитал)\w*\s+"
    # (the hospital's number or town: "№2 г.", "города"; not "после обстрела X", where the event was)
    r"(?:(?!(?:после|після|из-за|через|внаслідок|вследствие)\b)[\w№-]+\s+){0,2}?"
    r"(?:г\.\s*|м\.\s*|города\s+|міста\s+|в\s+|у\s+)?$",
    re.IGNORECASE,
)
_CYRILLIC_HOSPITAL_WORD = re.compile(r"больниц|госпитал|лікарн|шпитал")
#: ... or straight to a town ("его госпитализировали в Херсон", "was hospitalized in Dnipro", "evacuated to
#: Zaporizhzhia").
_TAKEN_TO_TOWN = re.compile(
    r"\b(?:hospitali[sz]ed|airlifted|rushed|(?:taken|brought|evacuated|transported)(?:\s+for\s+treatment)?)\s+"
    r"(?:to|in)\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?$|"
    r"(?<!\w)(?:доставл|доставил|госпитализ|госпіталіз|доправл|шпиталіз|евакуй|евакую|евакуа|эвакуир|эвакуи)\w*\s+"
    r"(?:в|у|до)\s+(?:г\.\s*|м\.\s*)?$",
    re.IGNORECASE,
)
# ... and one named by its town's adjective: "доставили в Курскую областную больницу", "в Скадовскую ЦРБ"
_TAKEN_INTO = re.compile(
    r"(?<!\w)(?:доставл|доставил|госпитализ|переведен|переве[дз]|госпіталіз|доправл|шпиталіз|поступил|потрапи|надійш)\w*\s+(?:в|у|до)\s+$"
)
_HOSPITAL_AFTER = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:больниц|госпитал|лікарн|шпитал|ЦРБ|ЦРЛ)", re.IGNORECASE)
#: "Ukrainian officials said in Kyiv on Monday", "told reporters in Moscow": where it was said, not where it happened.
_SAID_IN = re.compile(
    r"\b(?:said|says|stated|announced|declared|told\s+(?:reporters|journalists|a\s+briefing|a\s+news\s+conference)|"
    r"speaking|briefed\s+reporters)\s+(?:on\s+\w+\s+|late\s+|earlier\s+)?in\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_HEADING_WORDS = re.compile(
    r"toward|aimed|path|road|route|gateway|approaches|highway|railway|supply line|between|advance|push|drive|march|"
    r"offensive|go |move|head|proceed"
)
_SENT_TOWARD = re.compile(
    r"\b(?:fir(?:e|ed|es|ing)|shell\w*|launch\w*|flew|fly(?:ing)?|head(?:ed|ing)?|missiles?|rockets?|drones?|"
    r"UAVs?|strikes?|attacks?)\s+(?:[\w’'-]+\s+){0,3}(?:towards?|aimed\s+at)\s+"
    r"(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$",
    re.IGNORECASE,
)
# "..., governor of Kherson region, where Beryslav is located": where something lies, not where it happened.
_IS_LOCATED_AFTER = re.compile(
    r"\s+(?:(?:is|are|was|were|lies|lay)\s+(?:located|situated)\b|"
    # "Sumy lies across the border from the Kursk region": where it is, not what happened there
    r"(?:lies|lie|lay)\s+(?:just\s+|some\s+|about\s+|only\s+)?(?:across|along|on|near|north|south|east|west|\d))",
    re.IGNORECASE,
)
# "the Azov Sea", "the Kakhovka reservoir": a body of water named after a town.
_WATER_AFTER = re.compile(
    r"\s+(?:Sea|Gulf|Bay|Strait|Lake|[Rr]eservoir|[Rr]iver|Lagoon)\b|"
    # "the village of Bilozerka on the Dnipro's west bank": the river
    r"['’]s\s+(?:west|east|left|right|western|eastern|southern|northern)\s+bank\b|"
    # "в Черном море", "на Каховському водосховищі", "у Дніпровсько-Бузькому лимані"
    r"\s+(?:мор[еяюі]|морем|озер\w*|водохранилищ\w*|водосховищ\w*|лиман[аеуі]?|залив\w*|затоц\w*|затока)(?!\w)"
)
#: "In X, the village of Y ...": X at the sentence's start only says where Y is.
_IN_AT_START = re.compile(r"^\W*(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
_VILLAGE_OF_AFTER = re.compile(r"^\s*,\s+(?:the\s+)?(?:settlement|village|hamlet)\s+of\s+(?-i:[A-Z])", re.IGNORECASE)
#: ... and a river named after its word: "уздовж ріки Дніпро", "вдоль реки Днепр", "the river Dnipro".
_RIVER_BEFORE = re.compile(r"(?<!\w)(?:рік[аиуі]|рікою|річк\w*|рек[аиеуо]й?|рекою|river)\s+$", re.IGNORECASE)
#: Numbers written in words ("five kilometers west of", "six over Kursk").
_NUMBERS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_REFERENCE = re.compile(
    # ("just kilometers from the Russian-occupied part of Donetsk": a distance without its number too)
    rf"\b(\d+|a few|several|some|{_NUMBERS}|a dozen|dozens of|just|only|mere|within)\s*"
    r"(km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?)"
    r"(\s*\([^)]*\))?\s+"
    r"((north|south|east|west)(-?(east|west))?(ward)?\s+of|from|away from|outside)\s+(the\s+)?([\w’'-]+\s+){0,6}$|"
    # "near the border with Azerbaijan's Nakhchivan region": the neighbour locates the place.
    r"\b(?:border|frontier|boundary)\s+with\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}$|"
    # "over the Istra district on the outskirts of Moscow": a place named on a city's outskirts is located by it
    # (not "fighting on the outskirts of Bakhmut")
    r"(?-i:[A-Z])[\w’'-]+(?:\s+(?:district|region|village|town|settlement))?\s+(?:on|at)\s+the\s+outskirts\s+of\s+"
    r"(?:the\s+)?(?:(?:city|capital)\s+of\s+)?$|"
    # "Kupiansk, east of Ukraine's second largest city of Kharkiv", "the villages -- X and Y -- south of the town of Z",
    # "the town of Vilniansk, outside the city of Zaporizhzhia": a bearing from a city locates the place
    # ("Avdiivka, a town just north of Russian-occupied Donetsk": the apposition and the holder's adjective too)
    # ("Mykhailivka, a village at the gates of the town of Selydove, and south of Pokrovsk": the gates, the outskirts,
    # and a second bearing after "and")
    r"(?:,|[—–]|\b(?:located|situated|lying|lies|is))\s+(?:and\s+)?"
    r"(?:an?\s+(?:[\w’'-]+\s+){0,2}?(?:town|city|village|settlement|hub)\s+)?(?:just\s+|some\s+)?(?:(?:to\s+the\s+)?"
    # ("which lies to the north and west of Belgorod city": two bearings)
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:\s+and\s+(?:north|south|east|west))?\s+of|outside|"
    r"(?:at|on)\s+the\s+(?:gates|outskirts|edge|doorstep)\s+of)\s+(?:the\s+)?"
    r"(?:[\w’'-]+-(?:occupied|held|controlled)\s+)?(?:(?:[\w’'-]+\s+){0,5}(?:city|town|capital)\s+(?:of\s+)?)?$|"
    # "Stari Terny and Trudove, both located near the industrial town of Kurakhove": the town locates them
    # (not "The village lies near the town of X, which Russia said it captured": a scene)
    r"\b(?:located|situated)\s+(?:just\s+|very\s+)?(?:near|close\s+to|next\s+to|outside)\s+(?:the\s+)?"
    r"(?:(?:[\w’'-]+\s+){0,4}?(?:city|town|village|settlement|hub)\s+(?:of\s+)?)?$|"
    # "the west bank of the Dnipro": a river, not the city of its name; "over the Sea of Azov": a sea.
    r"\bbanks?\s+of\s+(?:the\s+)?$|\b(?:sea|gulf|bay|strait|lake)\s+of\s+(?:the\s+)?$|"
    # "captured the village of Berdychi south of Ocheretyne": the second town only locates the first
    r"\b(?:village|town|city|settlement|hamlet)s?\s+of\s+(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?\s+(?:just\s+)?"
    r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?$|"
    # "crossed the vast River Dnipro", "across the Dnipro": a river is crossed, and a town takes no "the"
    r"\briver\s+$|\b(?:across|crossed|crossing|cross(?:es)?)\s+the\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
# "..., southwest of Pokrovsk, where Ukrainian forces have been holding back attacks": the reference is a scene.
_WHERE_AFTER = re.compile(
    r",\s+(?:where\s|"
    # "10 km southwest of Kurakhove, which Russian troops have stormed": the reference point is attacked too
    r"which\s+(?:[\w-]+\s+){0,3}?(?:have|has|had|were|was|are|is)\s+(?:been\s+)?(?:\w+\s+){0,2}?"
    r"(?:stormed|attacked|shelled|struck|hit|captured|seized|besieged|encircled|bombed|surrounded|entered)\b|"
    # "Chasiv Yar is located near Bakhmut, which fell to Russian forces in May 2023": its fall is an event there
    r"which\s+(?:\w+\s+){0,2}?fell\s+(?:to|into)\b)",
    re.IGNORECASE,
)
#: A plural kind of settlement right before a name opens a list of them.
_PLURAL_KIND_BEFORE = re.compile(
    r"(?<!\w)(?:villages|towns|cities|settlements|города|села|сёла|поселки|посёлки|міста|селища)\s+"
    r"(?:of\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
# (and the same in Russian and Ukrainian: "Каховка, Таврийск и Новая Каховка", "Херсон та Берислав")
# (a short gloss in brackets may follow a member: "the regions of Odesa (south) and Sumy (northeast)")
_LIST_SEP = re.compile(
    r"^\s*(?:\([^()]{1,25}\)\s*)?(,|and|or|, and|, or|as well as|&|,?\s*(?:и|і|та|й|или|або))\s*(the\s+)?$",
    re.IGNORECASE,
)
#: The nouns of an area that follow its name in English ("Donetsk region", "Kharkiv oblast").
_REGION_NOUNS = frozenset({"region", "oblast", "province"})
_LOWER_CONNECTORS = {"de", "del", "la", "le", "al", "el", "ul", "i"}
# Words that open a sentence or a name without being part of it.
_LEADING = {
    # Russian and Ukrainian prepositions and conjunctions that open a sentence ("В Горловке", "Під Бахмутом")
    *("в", "во", "у", "на", "из", "с", "со", "под", "над", "за", "по", "до", "от", "к", "и", "а", "но"),
    *("із", "зі", "з", "від", "під", "біля", "та", "й", "і"),
    "the",
    "a",
    "an",
    "and",
    "but",
    "in",
    "on",
    "at",
    "of",
    "by",
    "for",
    "from",
    "to",
    "with",
    "as",
    "it",
    "he",
    "she",
    "they",
    "we",
    "this",
    "that",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "after",
    "before",
    "while",
    "when",
    "if",
    "since",
    "during",
    "near",
    "into",
    "over",
    "under",
}


@lru_cache(maxsize=1)
def common_words() -> dict[str, str]:
    """fold(word) -> rule ("never" or "context") from mapper/data/common_words.csv (English words that
    are also place names somewhere: a language's data, not a conflict's)."""
    with open(DATA_DIR / "common_words.csv", encoding="utf-8", newline="") as fh:
        return {fold(r["word"]): r["rule"].strip() for r in csv.DictReader(fh)}


@dataclass(frozen=True, slots=True)
class Mention:
    sentence: int
    start: int  # offset in the sentence text
    end: int
    text: str
    candidate: Candidate
    cue: str | None
    place_context: bool
    from_place: bool  # "fired from X": where fire was launched, not where it fell
    org: bool  # part of an organisation's name
    names_area: bool = False  # its own last word is an administrative kind ("Pokrovsk district")


@dataclass
class _Span:
    sentence: Sentence
    start: int
    end: int
    text: str
    tokens: tuple[int, int]  # token index range [i, j)
    cue: str | None = None
    place_context: bool = False
    from_place: bool = False
    org: bool = False
    person: bool = False
    names_area: bool = False  # its own last word is an administrative kind ("Donetsk region")
    group: int = -1
    lookup: str = ""  # the name to look up when it is not the text: "Горловки" is looked up as "Горловка"
    centres: tuple[str, ...] = ()  # an area named by its centre's adjective: the names the centre may have
    in_district: str = ""  # the area it is written with ("X community of Y district"): its sense there
    adjective: str = ""  # the phonetic key of the name adjective it opens with ("Mala Oleksandrivka": "mala")
    locator: tuple[str, ...] = ()  # the names of the centre of the area written after it, which it lies near
    locator_km: float = 0.0  # ... how near (0: a district's reach)
    in_district_list: bool = False  # a member of a list of districts ("in the Kupiansk, Chuhuiv and Izium districts")
    forms: tuple[str, ...] = ()  # every known form an inflected word may come from ("Покровську": Покровськ, ...)
    placed: bool = False  # written in a region or district ("Ivanivka, Kherson region"): sought there only
    placed_unknown: bool = False  # ... where the gazetteer has no place of its name
    known: bool = False  # its words are a name the gazetteer knows as written
    title_case: bool = False  # written in a headline in title case (every word capitalised)

    @property
    def name(self) -> str:
        return self.lookup or self.text


#: An area noun right after a name: "the Marhanetska community", "Dymerska hromada", "Nikopolskyi district".
# A district too ("the Ramensky district"), but not one "of" a town: "the Petrovsky district of Donetsk" is a
# city's own, named like a far town.
_AREA_NOUN_AFTER = re.compile(
    r"\s+(?:(?:urban|rural|village|settlement|territorial|municipal)\s+)?"
    # (not "the Dniprovsky district of Kherson", a city's; "the Klimovsky district of the Bryansk region" is one)
    r"(?:community|communities|hromadas?|(?:districts?|raions?)(?!\s+of\s+(?-i:[A-Z])))\b",
    re.IGNORECASE,
)
#: A Ukrainian or Russian adjective in Latin letters ("Nikopolska", "Marhanetske", "Ramensky")...
_LATIN_ADJECTIVE = re.compile(r"sk(?:a|e|yi|yy|y|iy|ii|aya|oye|oy)$")
#: ... after a list's introduction that names communities ("15 communities of Sumy region: A, B and C").
_COMMUNITIES_LISTED_BEFORE = re.compile(
    r"\b(?:communities|hromadas)\b[^.;:]{0,60}:\s*(?:[A-Z][\w’'-]*(?:\s*,\s*|\s+and\s+))*$|"
    # "four regions have been liberated in the Kharkov province, namely Volchansky, Izyumsky and Kharkovsky" (a
    # translation's "regions" for raions)
    r"\b(?:districts|raions|regions)\b[^.;:]{0,80}?(?::|,?\s+namely|,?\s+including)\s*"
    r"(?:[A-Z][\w’'-]*(?:\s*,\s*|\s+and\s+))*$"
)
#: ... before a list of such adjectives and their area noun.
_LISTED_AREA_NOUN_AFTER = re.compile(
    r"(?:(?:\s*,\s*|\s*,?\s+(?:and|or)\s+)(?-i:[A-Z])[\w’'-]*){0,16}" + _AREA_NOUN_AFTER.pattern, re.IGNORECASE
)
#: ... a community (a hromada), which lies in the region its report is about.
COMMUNITY_AFTER = re.compile(
    r"\s+(?:(?:urban|rural|village|settlement|territorial)\s+)?(?:community|communities|hromadas?)\b|"
    # ("the Myropil, Mykolaiv, Esman, Svesa, and Berezivka communities": each name of the list)
    r"(?:\s*,\s*(?-i:[A-Z])[\w’'-]+)*\s*,?\s+and\s+(?-i:[A-Z])[\w’'-]+\s+(?:communities|hromadas)\b|"
    r"\s+(?:(?:сільськ|селищн|міськ)\w*\s+)?(?:територіальн\w*\s+)?громад\w*|"
    # Russian-language Ukrainian outlets call a hromada an "община" ("по Марганецкой и Покровской общинам")
    r"\s+(?:(?:сельск|поселков|городск)\w*\s+)?(?:территориальн\w*\s+)?(?:общин|громад)\w*",
    re.IGNORECASE,
)
# The same in Ukrainian and Russian, perhaps after a list: "у Межівській, Покровській і Великомихайлівській громадах",
# "Синельниківський та Нікопольський райони"; or a "-щина" land ("на Нікопольщину").
# (Each separator matches one way only, and the list is bounded: no backtracking over long runs of names.)
_CYRILLIC_AREA_AFTER = re.compile(
    r"(?:(?:\s*,\s*|\s+(?:і|и|та|й)\s+|\s+)[А-ЯЁІЇЄҐ][\w’'-]*){0,16}\s+"
    # ("Грайворонского городского округа", "Шебекинского муниципального округа": an urban or municipal district)
    # (or a rural one: "Миколаївська сільська громада", "Глушковский поселковый")
    r"(?:(?:городск|муниципальн|міськ|муніципальн|сільськ|селищн|сельск|поселков)\w+\s+)?"
    r"(?:громад|общин|район|округ|територіальн|территориальн|обласн|областн|областя|областе)\w*|"
    # "в «Горском котле»": a pocket named by the adjective of its town
    r"[»\"”]?\s+(?:котл[еаоу]\w*|котел|котёл|котлі)"
)
_CYRILLIC_AREA_BEFORE = re.compile(
    r"(?:громад|общин|район|округ)\w*(?:\s*,\s*[А-ЯЁІЇЄҐ][\w’'-]*)*(?:\s*,\s*|\s+(?:і|и|та|й)\s+)$|"
    # ... or after the noun and a colon: "Під вогонь потрапили населені пункти громад: Сумська, Степанівська та ..."
    r"(?:громад|общин|район|округ)\w*\s*:\s*(?:[А-ЯЁІЇЄҐ][\w’'-]*(?:\s*,\s*|\s+(?:і|и|та|й)\s+))*$"
)
_LAND = re.compile(r"\w+щин[аиуіе]$|\w+щин(?:ою|ой)$")
_LAST_WORD = re.compile(r"\w+$")


#: A feminine adjective of a name, in an oblique case ("Курской", "Сумської"), and an oblast's noun anywhere.
_FEMININE_ADJECTIVE = re.compile(r"(?:ск|цк)(?:ой|ую)$|(?:ськ|цьк)(?:ої|ій|у|ою)$")
_OBLAST_WORD = re.compile(r"(?<!\w)(?:област|обл\b)", re.IGNORECASE)


def _elided_oblast(text: str, word: str) -> str:
    """The oblast a lone feminine adjective names in a sentence that writes the noun elsewhere ("над Брянской
    областью и 5 над Курской"): "Курская область"; "" otherwise."""
    if not _FEMININE_ADJECTIVE.search(word) or not _OBLAST_WORD.search(text):
        return ""
    return admin_nominative(word, "области")


def _listed_area(text: str, tok: Token) -> str:
    """The area an adjective names when a list of such adjectives and their kind word follow it: "Белгородской" in
    "над Белгородской и Курской областями" is "Белгородская область" (not the city of Belgorod); "" otherwise."""
    m = _CYRILLIC_AREA_AFTER.match(text, tok[1])
    last = _LAST_WORD.search(m.group()) if m is not None else None
    return admin_nominative(tok[2], last.group()) if last is not None else ""


#: "U.K.", "U.S.", "U.N.": an abbreviation written with full stops is no place name ("Uk" is a village).
_INITIALISM = re.compile(r"(?:[A-Z]\.)+[A-Z]$")
#: An acronym joined to a common word: "FPV-дроном", "US-made", "HIMARS-ами" -- no name's first word.
_ACRONYM_COMPOUND = re.compile(r"[A-ZА-ЯЁІЇЄҐ]{2,}-[a-zа-яёіїєґ’'-]+$")


def _runs(tokens: list[Token], text: str) -> list[tuple[int, int]]:
    """Index ranges of runs of capitalised tokens (joined by a space or hyphen only)."""
    runs = []
    i = 0
    while i < len(tokens):
        word = tokens[i][2]
        if word[0].isupper() and not _INITIALISM.match(word) and not _ACRONYM_COMPOUND.match(word):
            j = i + 1
            while j < len(tokens):
                gap = text[tokens[j - 1][1] : tokens[j][0]]
                if gap not in (" ", "-"):
                    break
                if tokens[j][2][0].isupper() or (
                    tokens[j][2].lower() in _LOWER_CONNECTORS and j + 1 < len(tokens) and tokens[j + 1][2][0].isupper()
                ):
                    j += 1
                else:
                    break
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _spans_for_sentence(sent: Sentence, demonyms: frozenset[str]) -> tuple[list[Token], list[tuple[int, int]]]:
    toks = word_tokens(sent.text)
    runs = []
    for i, j in _split_at_acronyms(toks, _runs(toks, sent.text)):
        while i < j and (toks[i][2].lower() in _LEADING or (j - i >= 2 and _is_demonym(toks[i][2], demonyms))):
            i += 1  # "the", "in"; "Armenian Martuni town": the demonym is no part of the name
        if i == 0 and j - i >= 2 and toks[0][2].lower() in SENTENCE_OPENING_NOUNS:
            i += 1  # "Мэр Горловки сообщил": the title opens the sentence, the place is the run
        if i < j:
            runs.append((i, j))
    return toks, runs


#: Power plants' kind words: nuclear, thermal, hydroelectric.
_PLANT_ACRONYMS = frozenset({"АЭС", "АЕС", "ТЭС", "ТЕС", "ГЭС", "ГЕС", "ТЭЦ", "ТЕЦ"})


def _split_at_acronyms(toks: list[Token], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "в Горловке ДНР": a Cyrillic acronym (ДНР, ВСУ, МЧС) is a name of its own, never part of a place's."""
    out = []
    for i, j in runs:
        start = i
        for k in range(i, j):
            word = toks[k][2]
            if k > start and word in _PLANT_ACRONYMS:
                continue  # "Запорожской АЭС": a power plant's kind word closes the name before it
            if len(word) > 1 and word.isupper() and _CYRILLIC.search(word):
                if start < k:
                    out.append((start, k))
                out.append((k, k + 1))
                start = k + 1
        if start < j:
            out.append((start, j))
    return out


#: Endings that make a country's name its people's adjective (Armenia-n, Azerbaijan-i, Ukrain-ian, Turk-ish).
_DEMONYM_ENDINGS = ("ian", "ish", "ese", "an", "n", "i")
_DEMONYM_STEMS: dict[int, frozenset[str]] = {}


def _demonym_stems(countries: dict[str, str]) -> frozenset[str]:
    """Country names and their stems without a final vowel or two ("ukraine" -> "ukrain", "turkey" -> "turk")."""
    key = id(countries)
    if key not in _DEMONYM_STEMS:
        stems = set()
        for name in countries:
            if " " not in name and len(name) >= 4:
                stems.update({name, name[:-1], name[:-2]} if len(name) >= 6 else {name})
        _DEMONYM_STEMS[key] = frozenset(s for s in stems if len(s) >= 4)
    return _DEMONYM_STEMS[key]


def _is_demonym(word: str, stems: frozenset[str]) -> bool:
    """Whether *word* is a nationality adjective: a country's name with a demonym ending ("Armenian"),
    or a compound of one ("Russian-held", "Ukrainian-controlled", "Moscow-based")."""
    if "-" in word:
        head, _, tail = word.partition("-")
        return tail.lower() in _COMPOUND_TAILS or _is_demonym(head, stems)
    if _CYRILLIC.search(word):
        return False  # (English endings on a transliteration: "Малій" is no Malian, but Мала Токмачка's "Little")
    k = fold(word)
    return any(k.endswith(e) and k[: -len(e)] in stems for e in _DEMONYM_ENDINGS)


#: "Russian-held Nova Kakhovka", "the Armenian-populated village": the compound describes the place.
_COMPOUND_TAILS = frozenset(
    {"held", "controlled", "occupied", "backed", "based", "installed", "populated", "led", "annexed", "run"}
)


def find_mentions(
    sentences: list[Sentence],
    gazetteer: Gazetteer,
    *,
    theatre: frozenset[str],
    dateline_sentences: frozenset[int] = frozenset(),
    habits: NameHabits = NameHabits(),
) -> tuple[list[Mention], list[str], frozenset[str]]:
    """Find and resolve the place mentions of an article.

    Four steps: candidate spans of every sentence (``_spans``), a lookup of each in context
    (``_lookups``), the places of one sentence chosen together (``_choose_jointly``), and one sense per
    name in the article (``_one_sense``).  Returns the mentions, the names that looked like places but
    did not resolve, and the article's focus countries.
    """
    pats = _patterns(habits)
    spans, known, focus = _spans(sentences, gazetteer, theatre, dateline_sentences, pats)
    first, unresolved = _lookups(spans, known, focus, theatre, gazetteer)
    resolved = _choose_jointly(spans, first, theatre, unresolved)
    resolved = _one_sense(resolved, {id(sp): first[i] for i, sp in enumerate(spans) if i in first})
    resolved = _lacking_where_placed(spans, resolved, unresolved)
    mentions = [
        Mention(
            sp.sentence.index,
            sp.start,
            sp.end,
            sp.text,
            cand,
            sp.cue or _raion_by_its_centre(sp, cand),
            sp.place_context,
            sp.from_place,
            sp.org,
            sp.names_area,
        )
        for sp, cand in resolved
    ]
    return mentions, sorted(set(unresolved)), focus


def _raion_by_its_centre(sp: _Span, cand: Candidate) -> str | None:
    """ "над Белгородским районом", "the Klintsovsky district": a raion the tables lack, named by its centre's
    adjective and drawn at that town, is a district-level place (geo precision 2), not the town."""
    if sp.centres and cand.place.kind in ("town", "village") and _DISTRICT_WORD_AFTER.match(sp.sentence.text, sp.end):
        return "district"
    return None


def _spans(
    sentences: list[Sentence],
    gazetteer: Gazetteer,
    theatre: frozenset[str],
    dateline_sentences: frozenset[int],
    pats: _Patterns,
) -> tuple[list[_Span], set[str], frozenset[str]]:
    """Candidate name spans of every sentence, annotated with their context; the folded keys the
    gazetteer knows; and the article's focus countries (the theatre plus the countries it names)."""
    countries = gazetteer.country_keys()
    demonyms = _demonym_stems(countries)
    per_sentence: list[tuple[Sentence, list[Token], list[tuple[int, int]]]] = []
    keys: set[str] = set()
    items = _area_list_items(sentences)
    for sent in sentences:
        toks, runs = _spans_for_sentence(sent, demonyms)
        per_sentence.append((sent, toks, runs))
        for i, j in runs:
            for a in range(i, j):
                for b in range(a + 1, min(j, a + 4) + 1):
                    keys.add(fold(sent.text[toks[a][0] : toks[b - 1][1]]))
                keys.update(fold(v) for v in nominatives(toks[a][2]))
                if j - i == 1 and _names_an_area(sent.text, toks[a], sent.index in items):
                    keys.update(fold(v) for v in adjective_centres(toks[a][2]))
                    if area := _listed_area(sent.text, toks[a]):
                        keys.add(fold(area))
                if j - i == 1 and (area := _elided_oblast(sent.text, toks[a][2])):
                    keys.add(fold(area))
            if j + 1 < len(toks) and (republic := republic_nominative(*(t[2] for t in toks[j - 1 : j + 2]))):
                keys.add(fold(republic))
            if j - i >= 4 and (republic := republic_nominative(*(t[2] for t in toks[j - 3 : j]))):
                keys.add(fold(republic))  # (capitalised, closing the run: "Дзержинска Донецкой Народной Республики")
            if j - i >= 2 and j < len(toks) and (republic := republic_nominative(*(t[2] for t in toks[j - 2 : j + 1]))):
                keys.add(fold(republic))  # ("Донецкой Народной республике": its last word in lower case)
            if j < len(toks) and (republic := short_republic_nominative(toks[j - 1][2], toks[j][2])):
                keys.add(fold(republic))
            if j < len(toks) and (areas := admin_nominatives(toks[j - 1][2], toks[j][2])):
                keys.update(fold(a) for a in areas)
                # ("Куп’янському району": the tables know the raion by its Ukrainian romanisation, Kupianskyi raion)
                keys.update(k for a in areas if (k := ukrainian_key(a)))
                keys.update(fold(v) for v in adjective_centres(toks[j - 1][2]))  # (its centre locates the name)
                # ("в Старом Осколе Белгородской области": the name of two words before the area's adjective)
                keys.update(fold(v) for v in phrase_nominatives([t[2] for t in toks[i : j - 1]]))
            keys.update(fold(v) for v in phrase_nominatives([t[2] for t in toks[i:j]]))
            keys.update(k for k, _ in _lowercase_extensions(sent, toks, i, j))
    known = gazetteer.known_keys(keys)
    focus = frozenset(theatre) | {countries[k] for k in keys if k in countries}
    spans: list[_Span] = []
    for sent, toks, runs in per_sentence:
        if sent.index in dateline_sentences:
            continue
        item = sent.index in items
        sent_spans = [sp for i, j in runs for sp in _run_spans(sent, toks, i, j, known, countries, pats, item)]
        _annotate(sent, toks, sent_spans, pats, known, countries)
        spans.extend(sent_spans)
    return spans, known, focus


#: Between the words of a name and the lowercase words that extend it: a space, or an editor's bracket
#: ("the [Zaporozhye] nuclear [power] plant").
_EXTENSION_GAP = re.compile(r"\]? \[?")


def _lowercase_extensions(sent: Sentence, toks: list[Token], i: int, j: int) -> list[tuple[str, int]]:
    """Keys of a run with the lowercase words after it ("Zaporizhzhia nuclear power plant"), longest first."""
    out = []
    end = j
    while (
        end < len(toks)
        and end - j < 3
        and toks[end][2].islower()
        and toks[end][2] not in _LEADING  # "Not a day": an article or a preposition extends no name
        and _EXTENSION_GAP.fullmatch(sent.text, toks[end - 1][1], toks[end][0]) is not None
    ):
        end += 1
        out.append((fold(" ".join(t[2] for t in toks[i:end])), end))
    return out[::-1]


def _area_list_items(sentences: list[Sentence]) -> frozenset[int]:
    """The sentences that are items of a list of areas, one to a line, after the line introducing them ("Під
    ударами були населені пункти таких громад:" / "Степанівська" / "Хотінська"): each names an area by its
    centre's adjective, the noun written once before the list."""
    out: set[int] = set()
    listing = False
    for sent in sentences:
        if listing and len(sent.text) <= _AREA_ITEM_CHARS and NAME_LINE.fullmatch(sent.text.strip()):
            out.add(sent.index)
            continue
        listing = _AREA_LIST_INTRO.search(sent.text) is not None
    return frozenset(out)


#: The line introducing a list of areas: its noun, then a colon closing the line.
_AREA_LIST_INTRO = re.compile(
    r"(?:громад|общин|район|округ|communit|hromad|district|raion)\w*[^.:;]{0,40}:\s*$", re.IGNORECASE
)
#: An item of such a list, a line that is only a name: one or two words, the first capitalised, perhaps after a
#: bullet and closed by a comma, semicolon or full stop (the claims read such lines as items of any list of places).
NAME_LINE = re.compile(r"[-–•*]?\s*[A-ZА-ЯЁІЇЄҐ][\w’'-]+(?:\s+[A-ZА-ЯЁІЇЄҐa-zа-яёіїєґ][\w’'-]+)?\s*[,;.]?")
_AREA_ITEM_CHARS = 40


def _names_an_area(text: str, tok: Token, listed: bool = False) -> bool:
    """Whether a word is the adjective of an area's centre: an area noun follows it (perhaps after a list of
    such words), or it is a "-щина" land; or it is an item of a list of areas (*listed*) and an adjective."""
    if listed and adjective_centres(tok[2]):
        return True
    if _CYRILLIC.search(tok[2]):
        return bool(
            _LAND.match(tok[2])
            or _CYRILLIC_AREA_AFTER.match(text, tok[1])
            # "у Голосіївському районі, Дарницькому та Печерському": more of them after the noun
            or (_CYRILLIC_AREA_BEFORE.search(text, 0, tok[0]) and adjective_centres(tok[2]))
        )
    if _LATIN_ADJECTIVE.search(tok[2]) and (
        _LISTED_AREA_NOUN_AFTER.match(text, tok[1]) or _COMMUNITIES_LISTED_BEFORE.search(text, 0, tok[0])
    ):
        # "shelled Nikopolska, Marhanetska and Chervonohryhorivska communities", "shelled 15 communities of Sumy
        # region: Krasnopilska, Bilopilska, ...": a list of communities named by their centres' adjectives
        return True
    if _LATIN_FEMININE_ADJECTIVE.search(tok[2]) and _COMMUNITY_EARLIER.search(text, 0, tok[0]):
        # "In the Verkhnyosyrovatsk community, they damaged a school, and in Richkivska, a house": the noun left out
        return True
    return bool(_AREA_NOUN_AFTER.match(text, tok[1]))


#: A community's adjective in Latin letters (a hromada's, feminine: "Richkivska")...
_LATIN_FEMININE_ADJECTIVE = re.compile(r"[^\W\d_]{3,}s[’']?ka$")
#: ... after "in" or "and in", with a community named earlier in its sentence.
_COMMUNITY_EARLIER = re.compile(r"\b(?:community|hromada)\b[^.;:]{0,120}\b(?:and\s+)?in\s+$", re.IGNORECASE)


def _area_known(area: str, known: set[str]) -> bool:
    """Whether the tables know an area name as folded or as romanised the Ukrainian way."""
    return fold(area) in known or (ukrainian_key(area) or "") in known


def _run_spans(
    sent: Sentence,
    toks: list[Token],
    i: int,
    j: int,
    known: set[str],
    countries: dict[str, str],
    pats: _Patterns,
    area_item: bool = False,
) -> list[_Span]:
    """The spans of one run of capitalised words: the longest known names in it, left to right (*area_item*: the
    sentence is an item of a list of areas)."""
    common = common_words()
    whole = sent.text[toks[i][0] : toks[j - 1][1]]
    # A run of two or more names after a title ("spokeswoman Shushan Stepanian"), before a
    # speech verb or ending in a surname is a person, even where one word is also a place.
    run_span = _Span(sent, toks[i][0], toks[j - 1][1], whole, (i, j))
    # "Voronezh Mayor Sergei Petrin said": the words before a title inside the run are his town, not him.
    title_at = next((k for k in range(i + 1, j) if _TITLE_WORD.fullmatch(toks[k][2])), None)
    # (One Cyrillic word before a verb of speech is a surname too: "Смирнов призвал", "Сальдо добавил".)
    run_person = ((j - i) >= 2 or _CYRILLIC.search(whole) is not None) and _looks_person(sent, run_span, pats)
    if (
        run_person
        and j - i == 1
        and _CYRILLIC.search(whole) is not None
        and fold(whole) not in known
        and any(fold(v) in known and fold(v) != fold(whole) for v in nominatives(whole))
    ):
        # "Глава Горловки сообщил", "Об обстреле Горловки сообщил мэр": a place in an oblique case before a verb of
        # speech is no surname (a surname before its verb is its subject, in its own form: "Гладков сообщил")
        run_person = False
    if (
        not run_person
        and j - i >= 2
        and _POSSESSIVE.match(sent.text, toks[j - 1][1])
        and fold(whole) not in known
        and fold(toks[j - 1][2]) not in known
        and toks[j - 1][2].lower() not in pats.cue_normal
    ):
        # "on Serhii Lysak's Telegram channel": names before a possessive, the last neither a place nor a kind
        # of place ("Kharkiv Oblast's"), are a person's
        run_person = True
    if (
        j - i >= 3
        and pats.surname is not None
        and _CYRILLIC.match(whole)
        and pats.surname.search(toks[j - 1][2])
        and any(fold(v) in known for v in (toks[j - 3][2], *nominatives(toks[j - 3][2])))
        and (
            not any(fold(v) in known for v in (toks[j - 2][2], *nominatives(toks[j - 2][2])))
            # (a first name some village bears too, after a town in the genitive: "Мэр Горловки Иван Приходько")
            or any(fold(v) in known and fold(v) != fold(toks[j - 3][2]) for v in nominatives(toks[j - 3][2]))
        )
    ):
        # "мэр Энергодара Максим Пухов": the town whose official he is, then his first name and surname
        before = _run_spans(sent, toks, i, j - 2, known, countries, pats)
        return [*before, *_run_spans(sent, toks, j - 2, j, known, countries, pats)]
    rep = republic_nominative(toks[j - 3][2], toks[j - 2][2], toks[j - 1][2]) if j - i >= 4 else ""
    rep2 = republic_nominative(toks[j - 2][2], toks[j - 1][2], toks[j][2]) if j - i >= 2 and j < len(toks) else ""
    if rep2 and fold(rep2) in known:
        # "в Донецкой Народной республике": the republic's last word in lower case, after the run
        before = _run_spans(sent, toks, i, j - 2, known, countries, pats) if j - 2 > i else []
        start = toks[j - 2][0]
        text = sent.text[start : toks[j][1]]
        return [*before, _Span(sent, start, toks[j][1], text, (j - 2, j + 1), lookup=rep2)]
    if rep and fold(rep) in known:
        # "Дзержинска Донецкой Народной Республики": the republic, capitalised, closes the run of the town before it
        before = _run_spans(sent, toks, i, j - 3, known, countries, pats)
        start = toks[j - 3][0]
        return [*before, _Span(sent, start, toks[j - 1][1], sent.text[start : toks[j - 1][1]], (j - 3, j), lookup=rep)]
    areas = admin_nominatives(toks[j - 1][2], toks[j][2]) if j < len(toks) else []
    area = next((a for a in areas if _area_known(a, known)), areas[0] if areas else None)
    end = j
    if not area and j + 1 < len(toks):
        # "в Донецкой народной республике": the proclaimed republic, not the city of Donetsk.
        area = republic_nominative(toks[j - 1][2], toks[j][2], toks[j + 1][2])
        end = j + 1
    if not area and j < len(toks) and (area := short_republic_nominative(toks[j - 1][2], toks[j][2])):
        end = j  # "в Донецкой республике": the same, without "народной"
    if area and _area_known(area, known):
        # "Суджи Курской области": an inflected area name with its kind word, looked up as "Курская область".
        start = toks[j - 1][0]
        before = _run_spans(sent, toks, i, j - 1, known, countries, pats) if j - 1 > i else []
        text = sent.text[start : toks[end][1]]
        return [*before, _Span(sent, start, toks[end][1], text, (j - 1, end + 1), lookup=area)]
    if area and j - 1 > i:
        # "Козачья Лопань Харьковского района": an area the gazetteer lacks is no part of the name before it; the
        # name is sought near the area's centre ("Рівному Мирноградської громади" is no Rivne 700 km away).
        locator = tuple(v for v in adjective_centres(toks[j - 1][2]) if fold(v) in known)
        inner = _run_spans(sent, toks, i, j - 1, known, countries, pats)
        for sp in inner:
            sp.locator = locator
        return inner
    if 2 <= j - i <= 3 and fold(whole) not in known:
        # "обстреляли Великую Лепетиху, Голую Пристань": a name of two or three words, all inflected.
        phrase = next((v for v in phrase_nominatives([t[2] for t in toks[i:j]]) if fold(v) in known), "")
        if phrase:
            return [_Span(sent, toks[i][0], toks[j - 1][1], whole, (i, j), lookup=phrase)]
    if 2 <= j - i <= 4 and fold(whole) not in known and pats.cue_after.match(sent.text[toks[j - 1][1] :]):
        # "Azad Garagoyunlu village": one unknown name, not two known ones that happen
        # to be villages elsewhere.
        return [_Span(sent, toks[i][0], toks[j - 1][1], whole, (i, j))]
    for key, end in _lowercase_extensions(sent, toks, i, j):
        if key in known:
            # "the Zaporizhzhia nuclear power plant": a site the gazetteer knows by the longer phrase.
            return [_Span(sent, toks[i][0], toks[end - 1][1], sent.text[toks[i][0] : toks[end - 1][1]], (i, end))]
    if (
        j - i == 1
        and j < len(toks)
        and fold(whole) not in known
        and toks[j][2] in _REGION_NOUNS
        and sent.text[toks[i][1] : toks[j][0]] == " "
    ):
        # "Kramatorsk, Dontesk region": a misspelt name before "region" is sought whole, among areas and names
        # alike, so that a region does not become the town it is named after
        return [_Span(sent, toks[i][0], toks[j][1], sent.text[toks[i][0] : toks[j][1]], (i, j + 1))]
    out: list[_Span] = []
    title_case = _in_title_case(toks)
    a = i
    while a < j:
        kind, b = "unknown", min(j, a + 3)  # an unknown run is offered whole (up to 3 words) for a weak match
        # "Mala Oleksandrivka", "Старая Збурьевка": a name that opens with an adjective of size, age or height is
        # one place even when the gazetteer lacks it; its adjective alone, or the rest, would be other places.
        opens = a + 1 < j and fold(toks[a][2]) in pats.adjectives
        # "освободили Лоскутовку, Мирную Долину": inside a sentence a word that is no name on its own ("мирная",
        # peaceful) opens one when a capitalised word follows it; the rest alone would be another place.
        opens = opens or (a > 0 and a + 1 < j and toks[a][2].lower() in COMMON_CAPITALISED)
        for end in range(min(j, a + 4), a + 1 if opens else a, -1):
            k = fold(sent.text[toks[a][0] : toks[end - 1][1]])
            no_name = end == a + 1 and (
                toks[a][2].lower() in COMMON_CAPITALISED
                or NATIONALITY_ADJECTIVE.match(toks[a][2]) is not None
                # "Обстріли Сумщини тривають": a sentence opening with its event word ("shelling") before a name
                or (a == 0 and a + 1 < j and _CYRILLIC_ACTION.fullmatch(toks[a][2]) is not None)
            )
            if k in countries or common.get(k) == "never" or no_name:
                kind, b = "skip", end
                break
            if k in known or common.get(k) == "context":
                kind, b = "known", end
                break
        lookup, centres, inflected = "", tuple[str, ...](), tuple[str, ...]()
        listed = _listed_area(sent.text, toks[a]) if kind != "skip" and j - i == 1 else ""
        if listed and fold(listed) in known:
            lookup, b, kind = listed, a + 1, "area"  # "над Белгородской и Курской областями": the oblast
        elif kind != "skip" and b == a + 1 and j - i == 1 and _names_an_area(sent.text, toks[a], area_item):
            # "у Межівській, Покровській громадах", "the Marhanetska community", "the Ramensky district": an area
            # named by the adjective of its centre; every form the centre's name may take is looked up, and the
            # context chooses (the adjective as some other place's name -- Ramenki, a district of Moscow -- is not
            # the area the text names).
            forms = adjective_centres(toks[a][2])
            centres = tuple(v for v in forms if fold(v) in known and fold(v) not in countries)
        if centres:
            kind = "centre"
        elided = _elided_oblast(sent.text, toks[a][2]) if kind == "unknown" and j - i == 1 and not centres else ""
        if elided and fold(elided) in known:
            # "12 беспилотников над Брянской областью и 5 над Курской": the oblast, its noun left out
            lookup, b, kind = elided, a + 1, "area"
        if kind == "unknown" and j - i == 1 and not centres:
            # "обстрел Горловки": an inflected Russian or Ukrainian name, looked up in the form it comes from
            # (a name of one word: "Донецкой Народной Республике" is no town).
            inflected = tuple(v for v in nominatives(toks[a][2]) if fold(v) in known)
            lookup = inflected[0] if inflected else ""
            if lookup:
                b = a + 1
        if centres:
            lookup, b = centres[0], a + 1
        if opens and kind == "unknown":
            b = a + 2
        elif kind == "unknown" and not lookup:
            # "Russian Forces Liberate Novaya Poltavka Settlement": an unknown stretch ends before an adjective that
            # opens the next name (else the adjective is swallowed and the rest read as another place)
            b = next((k for k in range(a + 1, b) if fold(toks[k][2]) in pats.adjectives and k + 1 < j), b)
            if title_case:
                # "Occupants Shell Chernihiv with Grads": in a headline in title case, common words run into the
                # name; the unknown stretch ends before a word that is a known name on its own
                b = next((k for k in range(a + 1, b) if fold(toks[k][2]) in known and toks[k][2].isalpha()), b)
        if kind != "skip":
            text = sent.text[toks[a][0] : toks[b - 1][1]]
            sp = _Span(sent, toks[a][0], toks[b - 1][1], text, (a, b), lookup=lookup, centres=centres)
            if lookup and not centres:
                sp.forms = inflected
            elif kind == "known" and b == a + 1 and _CYRILLIC.match(toks[a][2]):
                # "в районе Покровска": a form some far place is also called ("Pokrovska") competes with the
                # nominative it is a case of (Покровск)
                others = tuple(v for v in nominatives(toks[a][2]) if fold(v) in known and fold(v) != fold(toks[a][2]))
                if others:
                    sp.forms = (toks[a][2], *others)
            if fold(toks[a][2]) in pats.adjectives:
                sp.adjective = phonetic(toks[a][2])
            sp.person = run_person and (title_at is None or b > title_at)
            sp.names_area = sp.place_context = kind == "area"
            sp.known = kind == "known"
            sp.title_case = title_case
            out.append(sp)
        a = b
    if not run_person and not title_case and len(out) >= 2:
        out = _one_unknown_name(sent, out, pats)
    return out


#: A list goes on before a name: "A, B, " or "A and ".
_LIST_BEFORE = re.compile(r"(?:,|\band|\bи|\bі|\bта)\s*$")


def _one_unknown_name(sent: Sentence, out: list[_Span], pats: _Patterns) -> list[_Span]:
    """ "explodes in Babyn Yar", "the Babyn Yar Holocaust Memorial": two or three capitalised words in a row, each a
    name the gazetteer knows and none a kind of place, with no comma or "and" between them, are one name it lacks,
    not places that each word happens to name (a village Babyn, a town Yar).  The name is offered whole, for a
    close match only."""
    merged: list[_Span] = []
    k = 0
    while k < len(out):
        e = k
        while (
            e + 1 < len(out)
            and out[e + 1].tokens[0] == out[e].tokens[1]
            and all(x.known and not x.lookup and x.tokens[1] - x.tokens[0] == 1 for x in (out[e], out[e + 1]))
        ):
            e += 1
        if (
            2 <= e - k + 1 <= 3
            and not any(pats.cue_normal.get(x.text.lower()) for x in out[k : e + 1])
            # (an item of a list whose comma the copy lost is two places: "Ivanivka, Petropavlivka Kurylivka and")
            and not _LIST_BEFORE.search(sent.text, 0, out[k].start)
        ):
            a, b = out[k], out[e]
            merged.append(_Span(sent, a.start, b.end, sent.text[a.start : b.end], (a.tokens[0], b.tokens[1])))
        else:
            merged.extend(out[k : e + 1])
        k = e + 1
    return merged


def _in_title_case(toks: list[Token]) -> bool:
    """Whether a sentence is written in title case (a headline): four words or more, most of them capitalised."""
    words = [t[2] for t in toks if t[2].isalpha() and len(t[2]) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _lookups(
    spans: list[_Span], known: set[str], focus: frozenset[str], theatre: frozenset[str], gazetteer: Gazetteer
) -> tuple[dict[int, Resolution], list[str]]:
    """Each span's acceptable candidates in its context (by span index), and the names that looked
    like places but found none.

    Each span goes through the same passes in order: its candidates (of its name, or of the centres its adjective
    may stand for), then the article's home regions, a front sector named after a town, and a locator ("5 km
    from X"); what is left and fits the span's cue is its resolution.
    """
    common = common_words()
    # Weak (phonetic) knowledge of the theatre, for names no exact key reaches.
    unknown = {s.name for s in spans if fold(s.name) not in known}
    phon_known = gazetteer.phonetic_known(unknown, theatre or focus)
    first: dict[int, Resolution] = {}
    unresolved: list[str] = []
    article_homes = _home_regions(spans, focus, theatre, gazetteer)
    located = _located_in(spans, focus, theatre, gazetteer, article_homes)
    # A sentence that names its own regions ("the head of Russia's Bryansk region reported shelling in the village
    # of Zernovo") places its villages there, whatever the rest of the article is about.
    by_sentence: dict[int, list[_Span]] = {}
    for sp in spans:
        by_sentence.setdefault(sp.sentence.index, []).append(sp)
    sentence_homes = {
        i: _home_regions(members, focus, theatre, gazetteer)
        for i, members in by_sentence.items()
        if any(m.names_area or m.cue in ADMIN_CUES for m in members)
    }
    # The towns each sentence spells exactly: a small place listed with one of them lies near it, whatever region
    # the rest of the article is about ("explosions in Hvardiiske, Dzhankoi and Nyzhniohirskyi" in a report that
    # also names the Odesa and Zaporizhzhia regions).
    anchors: dict[int, list[Place]] = {}
    for sp in spans:
        if sp.person or sp.org or _called_village(sp):
            continue
        # (the context _home_regions asks in, so that the lookup is made once)
        ctx = Context(focus_countries=focus, theatre_countries=theatre, cue=sp.cue, place_context=sp.place_context)
        best = gazetteer.resolve(sp.name, ctx)
        if (
            best is not None
            and best.match.is_exact
            and best.place.kind == "town"
            and best.place.population >= HOME_KNOWN_TOWN
        ):
            anchors.setdefault(sp.sentence.index, []).append(best.place)
    _same_name_inflected(spans, known)
    _carry_locators(spans)
    for idx, sp in enumerate(spans):
        k = fold(sp.name)
        is_known = k in known or sp.name in phon_known
        if sp.person or sp.org or (not is_known and not sp.place_context):
            continue
        if common.get(k) == "context" and not sp.place_context:
            continue
        province = ""
        if idx in located:
            province, sp.in_district = located[idx]
        sp.placed = bool(province)
        ctx = Context(
            focus_countries=focus,
            theatre_countries=theatre,
            cue=sp.cue,
            place_context=sp.place_context,
            province=province,
        )
        res = _span_candidates(sp, ctx, gazetteer)
        if sp.title_case and sp.tokens[1] - sp.tokens[0] == 1 and not sp.lookup:
            # "Settlements Come Under Fire": a headline capitalises common words, which a loose match (Come: Sumy)
            # would make places; there a word is a place only as spelled
            res = Resolution(res.query, tuple(c for c in res.candidates if c.match.is_exact))
        homes = sentence_homes.get(sp.sentence.index) or article_homes
        if homes and not province:
            res = _at_home(
                sp, res, ctx, homes, sp.sentence.index in sentence_homes, gazetteer, anchors.get(sp.sentence.index, [])
            )
        res = _front_sector(sp, res, ctx, gazetteer)
        if sp.locator:
            res = _near_locator(sp, res, ctx, gazetteer)
        ok = tuple(c for c in res.candidates if _acceptable(c, sp))
        if ok and res.best is not None and (_acceptable(res.best, sp) or _too_big_for_a_village(res.best, sp)):
            first[idx] = Resolution(res.query, ok)
        elif sp.place_context and not sp.org and len(k) >= 4:
            unresolved.append(sp.text)
        # ("captured the village of Zhuravka in the Sumy region", where the gazetteer's Zhuravkas lie in others)
        sp.placed_unknown = sp.placed and idx not in first
    _near_namesakes(spans, first, gazetteer)
    _districts_of_a_city_named(spans, first)
    _capitals_for_their_regions(spans, first, focus, theatre, gazetteer)
    _lists_of_regions(spans, first, focus, theatre, gazetteer)
    _counts_in_regions(spans, first, focus, theatre, gazetteer)
    return first, unresolved


#: A city this big has districts of its own, named by adjectives like far towns.
CITY_OF_DISTRICTS = 500_000
#: "в Індустріальному районі", "у Шевченківському районі", "the Kievsky and Voroshilovsky districts": a district's
#: kind word after its adjective.
_DISTRICT_WORD_AFTER = re.compile(
    # (after the rest of a list: "Donetsk’s Kirovsky, Kuybyshevsky and Kievsky Districts")
    r"(?:(?:\s*,\s*|\s+(?:and|і|и|та)\s+)(?-i:[A-ZА-ЯЁІЇЄҐ])[\w’'-]*){0,6}"
    r"\s+(?:район(?:і|е|у|а|ом|ы|и|ах|ами)?|districts?)(?!\w)",
    re.IGNORECASE,
)


def _districts_of_a_city_named(spans: list[_Span], first: dict[int, Resolution]) -> None:
    """ "Чотири вибухи пролунали у Харкові. Попередньо, знову в Індустріальному районі.": a district named by its
    adjective right after a big city (in its sentence or the one before) is that city's district; a town the adjective
    also names far from the city (Bratske, once Industrialne, 500 km away) is not meant, nor is any place the tables
    lack (the city itself is claimed where it is named)."""
    cities: dict[int, list[Place]] = {}
    for i, r in first.items():
        best = r.best
        if (
            best is not None
            and best.match.is_exact
            and best.place.kind == "town"
            and best.place.population >= CITY_OF_DISTRICTS
        ):
            cities.setdefault(spans[i].sentence.index, []).append(best.place)
    # (the provinces of the regions the article names: "in Russia's Rostov region ... Both Moscow and Kyiv have used
    # drones ... a refinery in the Tsimlyansky district" is the raion of Tsimlyansk, Rostov oblast, no district of
    # Moscow)
    named_regions = {
        r.best.place.province for r in first.values() if r.best is not None and r.best.place.kind == "region"
    }
    for i in list(first):
        sp, best = spans[i], first[i].best
        if best is not None and best.place.province and best.place.province in named_regions:
            continue
        one_word = bool(sp.centres) or (bool(_CYRILLIC.match(sp.text)) and " " not in sp.text.strip())
        if not one_word or best is None or best.place.kind not in ("town", "village"):
            continue
        if not _DISTRICT_WORD_AFTER.match(sp.sentence.text, sp.end):
            continue
        near = [c for s in (sp.sentence.index - 1, sp.sentence.index) for c in cities.get(s, ())]
        if near and all(distance_km(best.place, c) > CITY_DISTRICT_KM for c in near):
            del first[i]
    _districts_of_a_city_possessing(spans, first)


#: "Kherson’s Dniprovskyi district": a town's own district, after its possessive.
_POSSESSIVE_BETWEEN = re.compile(r"^['’]s\s+(?:(?:central|northern|southern|eastern|western|[\w-]+ern)\s+)?$")
#: ... and after the city and a comma: "У Херсоні, в Дніпровському районі" (in Kherson, in the Dniprovskyi district).
_CITY_THEN_DISTRICT_BETWEEN = re.compile(r"^\s*,\s*(?:в|у|во)\s+$", re.IGNORECASE)
_DISTRICT_WORD_END = re.compile(r"\s(?:district|raion|rayon|район\w*)s?$", re.IGNORECASE)


def _districts_of_a_city_possessing(spans: list[_Span], first: dict[int, Resolution]) -> None:
    """ "a drone attack on Kherson’s Dniprovskyi district": a district after a town's possessive is that town's; a
    place of the name far from the town (Kyiv's Dniprovskyi district) is not meant."""
    for i in list(first):
        sp, best = spans[i], first[i].best
        if best is None or i == 0 or spans[i - 1].sentence is not sp.sentence:
            continue
        if not (_DISTRICT_WORD_END.search(sp.text) or _DISTRICT_WORD_AFTER.match(sp.sentence.text, sp.end)):
            continue
        owner = first.get(i - 1)
        between = sp.sentence.text[spans[i - 1].end : sp.start]
        if owner is None or owner.best is None:
            continue
        if not _POSSESSIVE_BETWEEN.match(between) and not (
            _CITY_THEN_DISTRICT_BETWEEN.match(between) and best.place.kind in ("town", "village")
        ):
            continue
        if owner.best.place.kind == "town" and distance_km(best.place, owner.best.place) > CITY_DISTRICT_KM:
            del first[i]


#: A name this many towns or villages bear exactly may have more namesakes than a lookup keeps ...
MANY_NAMESAKES = 3
#: ... so the one this close to a place of its sentence (or of the two before) is kept among them ...
NAMESAKE_NEAR_KM = 30.0
#: ... among the first few, which the places of a sentence choose from (resolve_jointly's *top* in _choose_jointly).
JOINT_TOP = 3


def _near_namesakes(spans: list[_Span], first: dict[int, Resolution], gazetteer: Gazetteer) -> None:
    """ "два человека ранены в Петровском районе, столько же в пгт. Александровка": of the dozens of Oleksandrivkas
    a lookup keeps the best-spelled few, perhaps none near the places written with it; the namesake next to them
    joins its candidates, for the places of the sentence to choose."""
    points: dict[int, list[Place]] = {}
    for i, r in first.items():
        best = r.best
        if best is not None and best.match.is_exact and best.place.kind in ("town", "village"):
            points.setdefault(spans[i].sentence.index, []).append(best.place)
    for i, r in first.items():
        sp = spans[i]
        exact = [c for c in r.candidates if c.match.is_exact and c.place.kind in ("town", "village")]
        if len(exact) < MANY_NAMESAKES or sp.placed or sp.locator:
            continue
        mine = {c.place.id for c in r.candidates[:JOINT_TOP]}
        around = [
            p
            for s in range(sp.sentence.index - 2, sp.sentence.index + 1)
            for p in points.get(s, ())
            if p.id not in mine
        ]
        if not around:
            continue
        ctx = Context(
            focus_countries=frozenset(c.place.country_code for c in exact),
            theatre_countries=frozenset(c.place.country_code for c in exact),
            cue=sp.cue,
            place_context=sp.place_context,
        )
        extra = [
            c
            for c in gazetteer.candidates(sp.name, ctx, limit=200).candidates
            # (by sound too: "Александровка" is Oleksandrivka's Russian name, which GeoNames may not list)
            if (c.match.is_exact or c.match is MatchKind.PHONETIC)
            and c.place.id not in mine
            and c.place.kind in ("town", "village")
            and min(distance_km(c.place, p) for p in around) <= NAMESAKE_NEAR_KM
        ]
        if extra:
            # (the near one among the first few, which the sentence's places choose from)
            rest = tuple(c for c in r.candidates[1:] if c.place.id != extra[0].place.id)
            first[i] = Resolution(r.query, (r.candidates[0], extra[0], *rest))


def _lists_of_regions(
    spans: list[_Span],
    first: dict[int, Resolution],
    focus: frozenset[str],
    theatre: frozenset[str],
    gazetteer: Gazetteer,
) -> None:
    """ "the heavy fighting seen in Donetsk, Kherson, Luhansk, Zaporizhzhia and Crimea": a list with a region in it
    whose other members are all cities named after their regions is a list of regions."""
    groups: dict[tuple[int, int], list[int]] = {}
    for i, sp in enumerate(spans):
        if sp.group >= 0:
            groups.setdefault((sp.sentence.index, sp.group), []).append(i)
    for members in groups.values():
        if len(members) < 3 or any(i not in first for i in members):
            continue
        best = {i: c for i in members if (c := first[i].best) is not None}
        if len(best) < len(members):
            continue
        regions = [i for i in members if best[i].place.kind == "region" and best[i].match.is_exact]
        towns = [i for i in members if i not in regions]
        if not regions or not towns:
            continue
        named: dict[int, Candidate] = {}
        for i in towns:
            region = _region_named_after(spans[i].name, focus, theatre, gazetteer)
            if region is None or region.place.kind != "region":
                break
            named[i] = region
        else:
            for i, region in named.items():
                first[i] = Resolution(first[i].query, (region,))
                spans[i].names_area = True


#: A count of places in an area: "shelled 23 settlements in Zaporizhzhia", "attacked 12 villages across Kharkiv",
#: "обстреляли 15 населенных пунктов в Херсонской": places are counted in a region, not in a city.
_COUNTED_IN = re.compile(
    # ("the village of Biryukovka, located in the Big Soldier district of Kursk": a village's district, in a region)
    r"\b(?:village|settlement|hamlet)s?\b[^.;:]{0,80}\b(?:district|raion|rayon)\s+of\s+(?:the\s+)?$|"
    # ("in the Sudzhansky and Korenevsky districts in Kursk": districts, of a region)
    # (not "the Kyivskyi and Shevchenkivskyi districts of Kharkiv": a city's own)
    r"\b(?:districts|raions|rayons)\s+in\s+(?:the\s+)?$|"
    # ("Russian Forces Capture Ukrainian Village in Eastern Donetsk": one village, in a region)
    r"\b(?:(?:a|one|another)\s+)?(?:[\w-]+\s+){0,2}?(?:village|settlement|hamlet)\s+in\s+(?:the\s+)?"
    r"(?:(?:eastern|western|northern|southern|central)\s+)?$|"
    rf"\b(?:\d+|several|many|dozens\s+of|a\s+dozen|{_NUMBERS})\s+(?:[\w-]+\s+)?"
    r"(?:settlements|villages|towns|communities|hromadas|localities|населенных\s+пунктов|населених\s+пунктів|"
    r"сел|громад)\s+(?:in|of|across|throughout|в|во|у|на)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


#: A city named like its region, used as the region's adjective: "the Zaporizhzhia and Donetsk areas", "the
#: long-contested Donetsk city of Bakhmut".
_REGION_AS_ADJECTIVE = re.compile(
    r"(?:\s*(?:,|and)\s*(?-i:[A-Z])[\w’'-]*)*\s+areas\b|\s+(?:city|town|village|port)\s+of\s+(?-i:[A-Z])"
)


def _counts_in_regions(
    spans: list[_Span],
    first: dict[int, Resolution],
    focus: frozenset[str],
    theatre: frozenset[str],
    gazetteer: Gazetteer,
) -> None:
    """ "Russian forces shelled 23 settlements in Zaporizhzhia": a city named after its region, after a count of
    places, is the region they lie in (a city holds no settlements), not a place of the event."""
    for i, sp in enumerate(spans):
        if i not in first or sp.names_area or sp.cue in ADMIN_CUES or (city := first[i].best) is None:
            continue
        if city.place.kind not in _SETTLED:
            continue
        if not (
            _COUNTED_IN.search(sp.sentence.text[max(0, sp.start - 80) : sp.start])
            or _REGION_AS_ADJECTIVE.match(sp.sentence.text, sp.end)
        ):
            continue
        region = _region_named_after(sp.name, focus, theatre, gazetteer)
        if region is not None and region.place.kind == "region":
            first[i] = Resolution(first[i].query, (region,))
            sp.names_area = True
            for j, other in enumerate(spans):
                if (
                    j in first
                    and other.sentence is sp.sentence
                    and other.end <= sp.start
                    and _called_village(other)
                    and (best := first[j].best) is not None
                    and best.place.province != region.place.province
                ):
                    # ("the village of Biryukovka, located in the Big Soldier district of Kursk": no Biryukovka of
                    # another region; the gazetteer lacks this one)
                    del first[j]


#: Between a place and the city whose region locates it: "Velyka Novosilka in Donetsk", "по Оріхову на Запоріжжі".
_IN_ONLY = re.compile(r"^\s+(?:in|на)\s+$")
#: ... or the city, then its place: "in Donetsk, where fighting has intensified around Pokrovsk".
_WHERE_AROUND = re.compile(r"^\s*,\s+where\b[^,.;:]*$")
#: ... or the place, then "in the region" of the city named just before it.
_IN_THE_REGION = re.compile(r"\s+in\s+the\s+(?:province|region|oblast)\b(?!\s+of\b)", re.IGNORECASE)
#: A place this far from the city it is written "in" is not in the city but in its region.
CITY_REACH_KM = 15.0


def _region_named_after(
    name: str, focus: frozenset[str], theatre: frozenset[str], gazetteer: Gazetteer
) -> Candidate | None:
    """The region or district the tables know as "*name* region", spelled so or only by another transliteration
    ("Zaporizhia region", by its sound), if any."""
    ctx = Context(focus_countries=focus, theatre_countries=theatre, cue="region", place_context=True)
    region = gazetteer.candidates(f"{name} region", ctx).best
    if region is None or region.place.kind not in ("region", "district"):
        return None
    return region if region.match.is_exact or region.match is MatchKind.PHONETIC else None


def _capitals_for_their_regions(
    spans: list[_Span],
    first: dict[int, Resolution],
    focus: frozenset[str],
    theatre: frozenset[str],
    gazetteer: Gazetteer,
) -> None:
    """ "Russia claimed to have seized Velyka Novosilka in Donetsk": a city named after its region, written after
    a place of that region far from the city (or before it, with "where", or before one written "in the
    province"), is the region that locates the place (wire copy drops the word "region"), not a second place of
    the event."""
    for i, j in zip(range(len(spans)), range(1, len(spans)), strict=False):
        a, b = spans[i], spans[j]
        if (
            i not in first
            and j in first
            and b.sentence is a.sentence
            and not (a.person or a.org or b.names_area or b.cue in ADMIN_CUES)
            and _called_village(a)
            and _IN_ONLY.match(a.sentence.text[a.end : b.start])
            and (city := first[j].best) is not None
            and city.place.kind in _SETTLED
            and (region := _region_named_after(b.name, focus, theatre, gazetteer)) is not None
        ):
            # "the village of Lebedevka in Kursk": a village the tables lack, in the region named like its capital
            first[j] = Resolution(first[j].query, (region,))
            b.names_area = True
            continue
        if i not in first or j not in first or b.sentence is not a.sentence:
            continue
        if b.names_area or b.cue in ADMIN_CUES or a.names_area or a.cue in ADMIN_CUES:
            continue
        between = a.sentence.text[a.end : b.start]
        if _IN_ONLY.match(between):
            at, named = i, j
        elif _WHERE_AROUND.match(between) or _IN_THE_REGION.match(b.sentence.text, b.end):
            # "particularly in Donetsk, where fighting has intensified around Pokrovsk"; "the advance of its troops
            # in Zaporizhzhia and the recapture of the town of Robotyne in the province"
            at, named = j, i
        else:
            continue
        place, city = first[at].best, first[named].best
        if place is None or city is None or place.place.kind not in _SETTLED or city.place.kind not in _SETTLED:
            continue
        if distance_km(place.place, city.place) <= CITY_REACH_KM:
            continue  # "a district in Donetsk", a suburb
        region = _region_named_after(spans[named].name, focus, theatre, gazetteer)
        if region is not None and region.place.province and region.place.province == place.place.province:
            first[named] = Resolution(first[named].query, (region,))
            spans[named].names_area = True


def _carry_locators(spans: list[_Span]) -> None:
    """A name located once ("Pobeda, a village five kilometers west of Donetsk") is that place wherever the article
    names it again."""
    by_distance = {fold(sp.name): sp for sp in spans if sp.locator_km}
    for sp in spans:
        once = by_distance.get(fold(sp.name))
        if once is not None and not sp.locator:
            sp.locator, sp.locator_km = once.locator, once.locator_km


def _best_of(resolutions: Sequence[Resolution]) -> tuple[Candidate, ...]:
    """The candidates of several lookups of one name (its forms, its centre's names, its home regions): each place
    once, at its best score, the best first."""
    best: dict[str, Candidate] = {}
    for r in resolutions:
        for c in r.candidates:
            if c.place.id not in best or c.score > best[c.place.id].score:
                best[c.place.id] = c
    return tuple(sorted(best.values(), key=lambda c: (-c.score, -c.place.population, c.place.id)))


#: A rural or village community after its centre's adjective: "сільська громада", "rural community".
_RURAL_AFTER = re.compile(
    r"\s+(?:сільськ\w*|сельск\w*|rural|village)\s+(?:громад|общин|communit|hromad)", re.IGNORECASE
)


def _span_candidates(sp: _Span, ctx: Context, gazetteer: Gazetteer) -> Resolution:
    """The candidates of a span's name, or of all the centres its adjective may stand for."""
    res = gazetteer.candidates(sp.name, ctx)
    if len(sp.forms) > 1:
        # "у Покровську": Покровськ in the locative, or Покровська in the accusative; the tables hold one of them
        # (a form may also be some far place's Latin name, "Pokrovska"): each form's candidates, the best first
        res = Resolution(res.query, _best_of([res, *(gazetteer.candidates(n, ctx) for n in sp.forms[1:])]))
    if sp.cue == "city":
        # "у м. Слобожанське", "the city of X": of namesakes as well spelled, a town of 10,000 or more is the city
        # meant rather than a village of 500 (six Slobozhanskes in one oblast, one a town of 16,000)
        best = res.candidates[0].match if res.candidates else None
        cities = [c for c in res.candidates if c.match is best and c.place.population >= CITY_AT_LEAST]
        if cities:
            res = Resolution(
                res.query,
                tuple(c for c in res.candidates if not _small_settlement(c) or c.match is not best),
            )
    if sp.in_district_list:
        # "in the Bohodukhiv, Kharkiv and Chuhuiv districts": the districts the tables know by these names, not the
        # towns they are named after
        districts = tuple(c for c in res.candidates if c.match.is_exact and c.place.kind == "district")
        if districts:
            res = Resolution(res.query, districts)
    if len(sp.centres) > 1 or (sp.centres and sp.centres[0] != sp.name):
        # The centre's possible names, all: "Мирівська" may be Мирове or Мирівка; the places around decide.
        ranked = _best_of([gazetteer.candidates(n, ctx) for n in sp.centres])
        land = [
            c
            for c in gazetteer.candidates(sp.centres[0], ctx).candidates
            if c.match.is_exact and c.place.kind in ("region", "district")
        ]
        if not land and _LAND.match(sp.text):
            # "на Мелітопольщині": a land the tables do not know by that name is its town's district, not the town
            land = [
                c
                for n in sp.centres[1:]
                for c in gazetteer.candidates(n, replace(ctx, cue="district")).candidates
                if c.match.is_exact and c.place.kind == "district"
            ][:1]
        # "на Київщині": the land is the oblast the tables know by that name, not its capital
        # ... and so is "в Чугуевском районе" with its kind word: the raion, not its centre
        if sp.cue == "district":
            # "в Кіровоградському районі": a district, not the oblast named like it (its centre, if the tables
            # hold no district of the name)
            land = [c for c in land if c.place.kind == "district"]
        area = land and (_LAND.match(sp.text) or sp.cue in ADMIN_CUES)
        # (else the centre is a town: "Kubansky", a district's adjective, is no Kuban, the krai by its other name)
        # (and only one spelled as a form of it, in the theatre if one is: "Беловском" in Kursk oblast is no
        # Bolkhov, however alike "Белово" sounds; the Tsimlyansky district's Tsimlyansk lies east of the theatre box)
        spelled = [c for c in ranked if c.place.kind != "region" and c.match.is_exact]
        inside = [c for c in spelled if gazetteer.in_area(c.place)]
        towns = tuple(inside or spelled)
        res = Resolution(sp.name, tuple(land) if area else towns)
        if _CITY_DISTRICT_AFTER.match(sp.sentence.text, sp.end):
            # "Ворошиловский, Киевский и Петровский районы Донецка", "в Петровском районе столицы региона": a
            # city's own districts, named like far towns; the city is named on its own
            res = Resolution(sp.name, ())
    if _DISTRICTS_OF_THE_CITY.match(sp.sentence.text, sp.end):
        # "the Kievsky and central Voroshilovsky districts of the city": a city's own districts, named like far
        # towns (Voroshilovsk was Alchevsk's name); the city is named on its own
        res = Resolution(sp.name, ())
    if (m := _NEIGHBOURHOOD_OF.match(sp.sentence.text, sp.end)) and m.group("city"):
        # "the Solnechny housing estate of Gorlovka": a part of the city, drawn by the tables only where one of the
        # name lies inside it (Sonyachnyi in Kramatorsk is no estate of Horlivka)
        city = gazetteer.resolve(m.group("city"), ctx)
        if city is not None and city.place.kind == "town":
            res = Resolution(
                sp.name,
                tuple(
                    c
                    for c in res.candidates
                    if c.place.id != city.place.id and distance_km(c.place, city.place) <= CITY_DISTRICT_KM
                ),
            )
    if (
        _CYRILLIC.match(sp.text)
        and _DISTRICT_WORD_END.search(sp.text)
        and _CITY_NOUN_RIGHT_AFTER.match(sp.sentence.text, sp.end)
    ):
        # "у Дніпровському районі міста": a district of the city the text names on its own, no far town
        res = Resolution(sp.name, ())
    if _CYRILLIC.match(sp.text) and (m := _CITY_DISTRICT_AFTER.match(sp.sentence.text, sp.end)):
        # ... and so is the district, where the tables draw it inside the city named after it ("Киевского района
        # Донецка": Kyivskyi, 3 km from the centre); none where they do not
        drawn = _district_of_city(sp, m, ctx, gazetteer)
        if drawn is None and m.group("noun"):
            drawn = ()  # (the same, its kind word after the span: "у Дніпровському районі міста")
        if drawn is not None:
            res = Resolution(sp.name, drawn)
            sp.place_context = sp.place_context or bool(drawn)  # (a likeness in sound is enough there)
    if sp.centres and _RURAL_AFTER.match(sp.sentence.text, sp.end):
        # "Миколаївська сільська громада": a rural community's centre is a village, not the city of Mykolaiv
        rural = tuple(c for c in res.candidates if c.place.population < HOME_KNOWN_TOWN)
        if rural:
            res = Resolution(res.query, rural)
    return res


#: Districts of a city the text does not name again: "the Kievsky and central Voroshilovsky districts of the city".
_DISTRICTS_OF_THE_CITY = re.compile(
    r"(?:(?:\s*,\s*|\s+and\s+)(?:[a-z]+\s+)?(?-i:[A-Z])[\w’'-]*)*\s+(?:city\s+)?districts?\s+of\s+(?:the|this|that)\s+"
    r"(?:city|capital|town)\b",
    re.IGNORECASE,
)
#: A part of a town after its name, and the town: "the Solnechny housing estate (of Gorlovka)", "the Saltivka
#: neighbourhood of Kharkiv", "the Pivnichnyi microdistrict".
_NEIGHBOURHOOD_OF = re.compile(
    r"\s+(?:housing\s+estate|micro-?district|neighbou?rhood|residential\s+(?:area|district|quarter|complex))\b"
    r"(?:\s+(?:of|in)\s+(?:the\s+(?:city|town)\s+of\s+)?(?P<city>(?-i:[A-Z])[\w’'-]+))?",
    re.IGNORECASE,
)
#: A city's district drawn by the data as a place of its own lies this close to the city's point.
CITY_DISTRICT_KM = 25.0
#: ... or only a noun for it, after a district's kind word: "у Дніпровському районі міста".
_CITY_NOUN_RIGHT_AFTER = re.compile(r"\s+(?:столиц|город|міст)\w*+(?!\s+(?-i:[А-ЯЁІЇЄҐ]))", re.IGNORECASE)
#: The city named after a district's kind word: "района Донецка", "районы Горловки".
_CITY_WORD = re.compile(r"[А-ЯЁІЇЄҐ][\w’'-]+")


def _district_of_city(sp: _Span, m: re.Match[str], ctx: Context, gazetteer: Gazetteer) -> tuple[Candidate, ...] | None:
    """The city district a district adjective before "района <city>" names, where the tables draw one inside that
    city (GeoNames holds many under their Ukrainian names: "Киевский район" is Kyivskyi, by its sound); () where
    they draw none; None when no city of 10,000 follows ("Городнянському районі Чернігівщини": a land's district)."""
    after = _CITY_WORD.match(sp.sentence.text, m.end() - 1)
    if after is None:
        return None
    word = after.group()
    city = next(
        (
            c
            for n in (*nominatives(word), word)
            if (c := gazetteer.resolve(n, ctx)) is not None
            and c.match.is_exact
            and c.place.kind == "town"
            and c.place.population >= CITY_AT_LEAST
        ),
        None,
    )
    if city is None:
        return None
    district = admin_nominative(sp.text, "района") if " " not in sp.text else ""
    if not district.endswith(" район"):
        return None
    inside = [
        c
        for c in gazetteer.candidates(district, replace(ctx, cue="district")).candidates
        if c.place.kind in ("town", "village")
        and c.place.id != city.place.id
        and distance_km(c.place, city.place) <= CITY_DISTRICT_KM
    ]
    return tuple(inside[:1])


def _small_settlement(c: Candidate) -> bool:
    """A town or village of known size under CITY_AT_LEAST: no city (м., г., "the city of") of its name."""
    return c.place.kind in ("town", "village") and 0 < c.place.population < CITY_AT_LEAST


def _at_home(
    sp: _Span,
    res: Resolution,
    ctx: Context,
    homes: list[Place],
    own_sentence: bool,
    gazetteer: Gazetteer,
    anchors: Sequence[Place] = (),
) -> Resolution:
    """A small place read in the article's (or its sentence's) home regions *homes*: the namesake there, or none
    when the only one found lies far from them -- and from the towns its sentence spells (*anchors*)."""
    community = bool(COMMUNITY_AFTER.match(sp.sentence.text, sp.end))
    if sp.centres and not community and res.candidates:
        # "в Курском и Октябрьском районах" in a Kursk report: a district named by its centre's adjective is the
        # one whose centre lies in the report's regions when one does (no Kurskoye and Oktyabrske in Crimea, close
        # to each other)
        home = tuple(c for c in res.candidates if any(c.place.province == h.province for h in homes))
        if home:
            return Resolution(res.query, home)
    if (
        # (an area named by its centre's adjective has its own reading, unless it is a community: "Есманська
        # громада" in a Sumy report is Esman's, no Novaya Usman' in Voronezh oblast)
        (sp.centres and not community)
        or not (community or not (sp.names_area or sp.cue in ADMIN_CUES))
        or res.best is None
        # (a sentence naming its region keeps its places there even when the first choice lies there already:
        # the places of other sentences must not pull the name to a namesake outside)
        or not (
            all(res.best.place.province != h.province for h in homes)
            or (own_sentence and any(c.place.province != res.best.place.province for c in res.candidates))
        )
        # (a city spelled as written stays, unless the text calls it a village: "the village of Oktyabrsky" in a
        # Belgorod report is no city of 100,000 in Bashkortostan)
        # (but a community lies in the report's region, whatever city bears its centre's name: "Миколаївська
        # громада" in a Sumy report is no Mykolaiv)
        or (res.best.place.population >= TOWN_POPULATION and not _called_village(sp) and not community)
    ):
        return res
    # An article about one region ("... in Chernihiv region"): a village name many places share is the one
    # in that region when the region has one ("Mykolaivka village" under "Semenivka community:"), or one
    # in the regions it names.
    # (a community: every name its centre may have, "Покровській громаді" being Покровське's or Покров's)
    names = sp.centres or (sp.name,)
    if community and not sp.centres and fold(sp.name).endswith("sk"):
        # "the Pokrovsk community" (machine-translated "Покровська громада"): its centre's name may keep the
        # adjective's ending, Pokrovske or Pokrovska, as well as be Pokrovsk
        names = (sp.name, sp.name + "e", sp.name + "a")
    inside = [gazetteer.candidates(n, replace(ctx, province=h.province)) for h in homes for n in names]
    there = _best_of(inside)
    outside, spelled = res.best.place, res.best.match.is_exact
    # (a town the text calls a town, of HOME_KNOWN_TOWN people, is not a village of its name in them: "in the
    # east, ... in the town of Kostyantynivka" in a Kherson report)
    known_town = sp.cue in ("city", "town") and spelled and outside.population >= HOME_KNOWN_TOWN
    keep_town = known_town and all(c.place.population < HOME_TOWN_POPULATION for c in there)
    if not keep_town and any(c.match.is_exact for c in there):
        return Resolution(res.query, there)  # (ranked, best first)
    # (nor is a town of that size spelled as written, unless the text calls it a village: "repelled attacks near
    # Kupiansk", in a round-up whose other paragraph names the Kursk region)
    sizeable = (
        spelled
        and outside.population >= HOME_KNOWN_TOWN
        and not _called_village(sp)
        # ("liberated the settlements of Melovoy, Podol and Sudzha": Podol is no district of Kyiv)
        and not _LISTED_SETTLEMENT.search(sp.sentence.text, max(0, sp.start - 200), sp.start)
    )
    listed_near = any(a.id != outside.id and distance_km(outside, a) <= LIST_LIKENESS_KM for a in anchors)
    if all(outside.province != h.province for h in homes) and (
        community
        or (
            not known_town
            and not sizeable
            and not listed_near
            and all(_far_from_home(gazetteer, outside, h) for h in homes)
        )
    ):
        # ... and a small place far from it (from each, when the article names a few) is more likely a
        # village of the regions the gazetteer lacks ("Kliusy" in a Chernihiv border report is no Klesiv
        # 400 km west; "Краснооктябрьский" in a Kursk and Bryansk report is no district of Moscow).  A
        # community lies in them, near or far: "Pokrovsk hromada" in a Nikopol report is no Pokrovsk of
        # Donetsk region.
        return Resolution(res.query, ())
    return res


def _front_sector(sp: _Span, res: Resolution, ctx: Context, gazetteer: Gazetteer) -> Resolution:
    """ "the Pokrovsky direction", "на Покровському напрямку": the front named by its town's adjective, as the
    tables know it; a front they do not know, in a list of fronts, is no town."""
    front = _FRONT_AFTER.match(sp.sentence.text, sp.end)
    # (the last of a list: "the Kramatorsk and Prydniprovsk directions")
    fronts = front is None and (
        _FRONTS_AFTER.match(sp.sentence.text, sp.end) is not None
        or _FRONTS_WORD_AFTER.match(sp.sentence.text, sp.end) is not None
    )
    if (front is None and not fronts) or (res.best is not None and res.best.place.kind == "region"):
        return res
    for n in (sp.name, *adjective_centres(sp.text)):
        named = gazetteer.candidates(f"{n} direction", ctx)
        if named.best is not None and named.best.match.is_exact and named.best.place.kind == "region":
            return named
    if fronts or sp.centres or _LATIN_ADJECTIVE.search(sp.text) or _CYRILLIC.search(sp.text):
        # "Бої тривали на Куп’янському, Лиманському, Краматорському ... напрямках"; "in the Dobropilsky direction":
        # a front named by its town's adjective, tens of kilometres wide, is not the town
        return Resolution(res.query, ())
    return res


def _near_locator(sp: _Span, res: Resolution, ctx: Context, gazetteer: Gazetteer) -> Resolution:
    """Only the candidates within the span's locator distance ("5 km from X", or a district's reach) of X."""
    centres = [best for n in sp.locator if (best := gazetteer.resolve(n, ctx)) is not None]
    if not centres:
        return res
    # (each reading of a district's adjective is a possible centre: "Селидового Покровського району" lies near
    # Pokrovsk, not near Pokrov, the first reading of "Покровського")
    hubs = [c.place for c in centres]
    reach = sp.locator_km or DISTRICT_REACH_KM
    return Resolution(
        res.query, tuple(c for c in res.candidates if min(distance_km(c.place, h) for h in hubs) <= reach)
    )


#: The plural district word after a list of names: "the Kupiansk, Chuhuiv and Izium districts".
_DISTRICTS_AFTER = re.compile(r"\s+(?:districts|raions|rayons)\b", re.IGNORECASE)
#: A named district of a town before it: "the Petrovsky district of Donetsk", "the Kyivskyi city district of Kharkiv".
_NAMED_DISTRICT_OF = re.compile(
    r"\b(?!(?:The|This|That|Each|Every|One|Its|Their|Whole|Another)\b)[A-Z][\w’'-]+\s+(?:(?:city|urban)\s+)?"
    r"(?:districts?|raions?)\s+of\s+(?:the\s+)?(?:city\s+of\s+)?$"
)
#: Between a place and the region or district written after it to locate it, besides ``OF_AREA``:
#: "Ivanivka, Kherson region", "Ivanivka (Kherson region)", "село Іванівка Херсонської області",
#: "в Ивановке в Херсонской области".
LOCATED_BY = re.compile(r"^\s*(?:,\s*(?:the\s+)?|\(\s*(?:the\s+)?|(?:(?:в|во|у)\s+)?)$", re.IGNORECASE)
#: An area word in the plural: "Kharkiv, Sumy regions" is a list of regions, not Kharkiv in Sumy's.
_PLURAL_AREA = re.compile(
    r"\b(?:regions|oblasts|provinces|districts|raions|hromadas|communities)\b|"
    r"(?<!\w)(?:област(?:ях|ей|ям)|район(?:ах|ов|ів)|громад(?:ах)?|общин(?:ах|ам)?)(?!\w)",
    re.IGNORECASE,
)


#: The districts of a city, after a list of their adjectives: "..., Кировский и Петровский районы Донецка", "в
#: Петровском районе столицы региона" (but "в Харьковском районе Харьковской области" is the oblast's).
_CITY_DISTRICT_AFTER = re.compile(
    r"(?:(?:\s*,\s*|\s+(?:і|и|та|й)\s+)[А-ЯЁІЇЄҐ][\w’'-]*){0,8}\s+район\w*\s+"
    r"(?![А-ЯЁІЇЄҐ]\w*\s+(?:област|обл\b|краю|края|республік|республик))"
    r"(?:[А-ЯЁІЇЄҐ]|(?P<noun>(?:столиц|город|міст)\w*))"
)
#: ... after a list of them: "на Лиманському, Сіверському, Краматорському і Торецькому напрямках".
_FRONTS_AFTER = re.compile(
    r"(?:(?:\s*,\s*|\s+(?:і|и|та|й|and)\s+)(?-i:[А-ЯЁІЇЄҐA-Z])[\w’'-]*){1,12}\s+(?:напрямк\w+|направлени(?:ях|ям)|directions|axes)\b",
    re.IGNORECASE,
)
#: A front sector's own last word: "the Lyman direction", "Kupiansk axis", "на Покровському напрямку".
_SECTOR_WORD = re.compile(r"(?:direction|axis|sector|front|напрям\w*|направлени\w*)$", re.IGNORECASE)
#: The word for a front sector after its name: "the Pokrovsk direction", "на Покровському напрямку".
_FRONT_AFTER = re.compile(r"\s+(?:direction|axis|sector|front|напрям\w*|направлени\w*)\b", re.IGNORECASE)
_FRONTS_WORD_AFTER = re.compile(r"\s+(?:directions|axes|sectors)\b", re.IGNORECASE)
#: A city of more people than this, spelled as written, is not moved into the article's region.
TOWN_POPULATION = 100_000


#: How far from the centre of the article's one region (of each of its regions) a small place outside may lie ...
HOME_REACH_KM = 200.0
#: ... and, past this distance, how far beyond the region itself (from its nearest town or village): a village just
#: across its border stays, one deep inside the next region does not, unless the profile's own supplement holds it.
HOME_NEAR_KM = 100.0
HOME_BORDER_KM = 40.0
#: ... unless the text calls it a city or town and it is one of this size ("Vovchansk in Kharkiv region ... and 70% of
#: the city of Pokrovsk": the town of Donetsk region, not a village the gazetteer lacks).
HOME_KNOWN_TOWN = 20_000
#: An article naming more regions than this is about none of them.
HOME_REGIONS = 3
#: The towns (spelled as written) that tell where an article is not: an article's one region holds at least as many
#: of its places as there are towns of this size outside it.
HOME_TOWN_POPULATION = 10_000
#: A name this many places of one country bear exactly says nothing of where an article's villages lie.
COMMON_NAME_BEARERS = 3


def _far_from_home(gazetteer: Gazetteer, place: Place, region: Place) -> bool:
    """Whether *place* lies too far from the article's *region* to be the place it names (see HOME_REACH_KM)."""
    km = distance_km(place, region)
    if km > HOME_REACH_KM:
        return True
    if km <= HOME_NEAR_KM or place.id.startswith("supplement:"):
        return False
    beyond = gazetteer.km_to_province(place, region.province)
    return beyond is not None and beyond > HOME_BORDER_KM


def _same_name_inflected(spans: list[_Span], known: set[str]) -> None:
    """ "жителей Львова ... во Львове": an inflected form that is also some village's own name ("Львове", Lvove)
    is the place the article names in another case, when it does."""
    names = {fold(sp.name) for sp in spans if not (sp.person or sp.org)}
    for sp in spans:
        if sp.lookup or sp.centres or " " in sp.text or not _CYRILLIC.search(sp.text):
            continue
        for v in nominatives(sp.text):
            if fold(v) in known and fold(v) in names:
                sp.lookup = v
                break


def _home_regions(
    spans: list[_Span], focus: frozenset[str], theatre: frozenset[str], gazetteer: Gazetteer
) -> list[Place]:
    """The first-level divisions an article names as regions or districts ("in Chernihiv region", "the Snovsk
    community of Koriukivka district"), each as the first area naming it, when its places lie in them; at most
    HOME_REGIONS of them (a round-up of the whole front is about no region), else none."""
    found: dict[str, Place] = {}
    # ... and whether the text calls it a village, or a dozen villages bear its name (neither says where the article
    # is when found outside its regions)
    towns: list[tuple[Place, bool]] = []
    sectors: list[Place] = []  # the front sectors it names ("the Lyman direction"), drawn at their towns
    for sp in spans:
        if sp.person or sp.org:
            continue
        # (the context _lookups asks in, so that the lookup is made once)
        ctx = Context(focus_countries=focus, theatre_countries=theatre, cue=sp.cue, place_context=sp.place_context)
        best = gazetteer.resolve(sp.name, ctx)
        if best is None:
            continue
        if best.place.kind == "region" and not best.place.province and _SECTOR_WORD.search(sp.text):
            sectors.append(best.place)
        elif sp.names_area or sp.cue in ADMIN_CUES or (_LAND.match(sp.text) and best.place.kind == "region"):
            # (a region read as its capital, "Cherson and Mykolayiv regions", still names another region; a land,
            # "на Херсонщині", names its oblast)
            if best.place.province and (
                best.place.kind in ("region", "district")
                or (sp.cue in ("region", "province") and best.place.population >= TOWN_POPULATION)
            ):
                found.setdefault(best.place.province, best.place)
        elif best.match.is_exact and best.place.kind in ("town", "village") and not gazetteer.is_capital(best.place):
            # (a capital is mostly its government: "Moscow claims ..., while Kiev warns ..." says nothing of where
            # the article's villages lie; nor does a name a dozen villages bear, "Миколаївка", read as one of them)
            bearers = sum(
                1
                for c in gazetteer.candidates(sp.name, ctx).candidates
                if c.match.is_exact and c.place.country_code == best.place.country_code
            )
            towns.append((best.place, _called_village(sp) or bearers >= COMMON_NAME_BEARERS))
    if not found or len(found) > HOME_REGIONS:
        return []
    # ... and ones the article's towns lie in: a report from Sloviansk that names "the Zaporizhzhia region" once is
    # not about that region.  Inside them any place counts (a namesake that happens to lie in the very region named
    # is rare); outside only towns (a village elsewhere may be a namesake of one the gazetteer lacks).
    # (nor does a name the text calls a village: "посёлок Краснооктябрьский" in a Kursk report is no district of
    # Moscow of that name telling that the report is about Moscow)
    inside = sum(1 for t, _ in towns if t.province in found)
    outside = sum(
        1 for t, village in towns if t.province not in found and t.population >= HOME_TOWN_POPULATION and not village
    )
    # (a General Staff round-up names "the Kharkiv region" once and the Lyman, Pokrovsk and Kurakhove directions:
    # the sectors far from the region say it is about the whole front)
    outside += sum(1 for s in sectors if all(_far_from_home(gazetteer, s, r) for r in found.values()))
    return list(found.values()) if inside >= outside else []


_ONE_DISTRICT_AFTER = re.compile(r"\s+(?:(?:urban|municipal|city)\s+)?(?:district|raion|rayon|okrug)\b", re.I)


def _located_in(
    spans: list[_Span],
    focus: frozenset[str],
    theatre: frozenset[str],
    gazetteer: Gazetteer,
    homes: Sequence[Place] = (),
) -> dict[int, tuple[str, str]]:
    """The spans the text places in a region or district written after them, by span index: the region's
    first-level division and the area's place id.  "Ivanivka, Kherson region" is none of the two dozen
    other Ivanivkas; so are the members of a list before the area ("Mykolaivka and Ivanivka in the Sumy
    region")."""
    out: dict[int, tuple[str, str]] = {}
    for i, j in zip(range(len(spans)), range(1, len(spans)), strict=False):
        a, b = spans[i], spans[j]
        if b.sentence is not a.sentence or not (b.names_area or b.cue in ADMIN_CUES or _REPUBLIC_NAME.search(b.text)):
            continue
        if a.names_area or a.cue in ADMIN_CUES or a.person or a.org:
            continue
        sep = a.sentence.text[a.end : b.start]
        if not (OF_AREA.match(sep) or LOCATED_BY.match(sep)):
            continue
        if _PLURAL_AREA.search(b.text) or _PLURAL_AREA.match(b.sentence.text[b.end : b.end + 14].lstrip()):
            continue
        # (the context _lookups asks in, so that the lookup is made once)
        ctx = Context(focus_countries=focus, theatre_countries=theatre, cue=b.cue, place_context=b.place_context)
        area = gazetteer.resolve(b.name, ctx)
        members = [i]
        if a.group >= 0 and a.group != b.group:  # the list ended before the area: all its members lie there
            members += [k for k, s in enumerate(spans) if k != i and s.group == a.group and s.sentence is a.sentence]
        if (
            area is not None
            and area.place.kind == "town"
            and b.cue == "district"
            and _ONE_DISTRICT_AFTER.match(b.sentence.text, b.end) is not None  # (not "the Kirov and X districts")
            # (in the regions the article is about: "Grafovka in the Krasnoyarsk district", machine translation's
            # Krasnoyaruzhsky, in a Belgorod report is no district of Krasnoyarsk in Siberia)
            and (not homes or any(area.place.province == h.province for h in homes))
        ):
            # "the village of Krasnoye, Shebekinsky urban district": a district the tables know only by its centre
            # (Russia's districts): the places written with it lie within a district's reach of that town, not
            # anywhere in the region the article is about.
            for k in members:
                if not spans[k].locator:
                    spans[k].locator = (area.place.name,)  # (the town as the tables name it: "Valuysky" is Valuyki)
            continue
        if area is None or area.place.kind not in ("region", "district") or not area.place.province:
            continue
        for k in members:
            if not (spans[k].names_area or spans[k].cue in ADMIN_CUES):
                out[k] = (area.place.province, area.place.id)
    return out


#: A region named as a republic: "Kotlyarovka in the Donetsk People's Republic", "в ДНР", "LPR".
_REPUBLIC_NAME = re.compile(r"(?:\bRepublic|Республик\w*|Республік\w*|\b(?:DPR|LPR|DNR|LNR|ДНР|ЛНР))$")


#: Between a place and the area after it that locates it: "the Pokrovske community of Synelnykove district",
#: "Yenikand village of Goranboy region", "the villages of A and B of the Fuzuli district".
#: ... with a community between them: "the village of Havrylivka in the Novooleksandrivka hromada, in the Beryslav
#: district".
OF_AREA = re.compile(
    r"^\s*(?:villages?|settlements?|city|cities|towns?|communit(?:y|ies)|hromadas?|municipalit(?:y|ies))?\s*,?\s*"
    r"(?:(?:of|in)\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]+\s+(?:(?:territorial|village|rural|settlement|urban)\s+)?"
    r"(?:community|hromada|municipality)\s*,?\s*)?(?:of|in)\s+(?:the\s+)?"
    # "in Ukraine's Dnipropetrovsk region", "in Russia's Belgorod region": a country named to locate the region;
    # "in the northern Ukrainian Sumy region", "in Russia's western Kursk region": a bearing too
    r"(?:(?-i:[A-Z])[\w-]+['’]s\s+)?(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)ern\s+)?"
    r"(?:(?:Ukrainian|Russian)\s+)?$",
    re.IGNORECASE,
)
#: How far from a district's centre a place written with it may lie.
DISTRICT_REACH_KM = 80.0
#: A place written as lying N km from another lies within this many times N of it, and at least this far.
LOCATED_REACH = 3.0
LOCATED_MIN_KM = 30.0
MILE_KM = 1.609344
#: A place written as near another lies within this distance of it.
NEAR_REACH_KM = 60.0
#: Between a place and the one it is written near.
_NEAR_SEP = re.compile(
    r",?\s+(?:near|outside|close\s+to|not\s+far\s+from|возле|около|вблизи|рядом\s+с|неподалеку\s+от|біля|поблизу|"
    r"неподалік\s+від)\s+(?:the\s+(?:city|town|village)\s+of\s+)?",
    re.IGNORECASE,
)
#: Between a place and another it is located from: ", a small village about five kilometers (three miles) west of
#: (the city of) ", ", 20 km south of ", " (10 km from ", " is a village 20 km from ".
_LIES_FROM = re.compile(
    r"(?:\s*[,(]\s*|\s+(?:is|lies)\s+)(?:(?:a|an|the)\s+)?(?:(?:small|tiny|large|frontline|front-line|key|strategic|industrial|coal-mining|"
    r"mining|border|former)\s+)*(?:village|town|settlement|city|hamlet|urban-type\s+settlement)?,?\s*"
    r"(?:(?:that\s+|which\s+)?(?:is|lies|lay|was)\s+)?(?:(?:located|situated|lying|some|about|around|roughly|nearly|almost|"
    r"just|only|approximately|less\s+than|under)\s+)*"
    rf"(?P<n>\d+|{_NUMBERS})"
    r"[\s-]*(?P<unit>km|kilomet(?:er|re)s?|miles?)(?:\s*\([^)]{0,30}\))?\s+"
    r"(?:(?:to\s+the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ward)?\s+of|from|away\s+from|outside)\s+"
    r"(?:the\s+)?(?:(?:city|town|village|regional\s+capital|capital)\s+of\s+)?",
    re.IGNORECASE,
)


def _within_their_districts(spans: list[_Span], first: dict[int, Resolution], idxs: list[int]) -> None:
    """A name written with its district keeps only its candidates near the district's centre:
    of two dozen Pokrovskes, "the Pokrovske community of Synelnykove district" is the one there; so do
    the members of a list before it ("the villages of Poltavka and Malynivka of Huliaipole district").
    A village with no candidate there is one the gazetteer lacks: it stays unresolved, and the district
    carries the claim (at district level) rather than a namesake 130 km away."""
    for i, j in zip(idxs, idxs[1:], strict=False):
        area = first[j].best
        if (
            area is None
            or area.place.kind != "district"  # (a region is drawn at its centre, often on its edge: too coarse)
            or not (spans[j].names_area or spans[j].cue in ADMIN_CUES)
            or not OF_AREA.match(spans[i].sentence.text[spans[i].end : spans[j].start])
        ):
            continue
        members = [k for k in idxs if spans[i].group >= 0 and spans[k].group == spans[i].group and k != i]
        for k in (i, *members):
            if spans[k].names_area or spans[k].cue in ADMIN_CUES:
                continue  # an area of the list is no place in the district
            inside = tuple(c for c in first[k].candidates if distance_km(c.place, area.place) <= DISTRICT_REACH_KM)
            if inside != first[k].candidates:
                first[k] = Resolution(first[k].query, inside)
                spans[k].in_district = area.place.id


#: A city this big named with "district", far from every other place of the article, is a city district
#: named after it ("the Kyivsky district" of Kharkiv).
CITY_DISTRICT_NAMESAKE = 100_000
FAR_CITY_KM = 150.0
_DISTRICT_WORD_LAST = re.compile(r"\s(?:district|raion|rayon)$", re.IGNORECASE)
#: ... and a district of another city, named like an adjective as its districts are ("the Kyivskyi district" in a
#: report on Kharkiv is no Kyivskyi district of Poltava), this far from the places the article is about.
OTHER_CITYS_DISTRICT_KM = 30.0


def _km_to(place: Place, point: tuple[float, float]) -> float:
    from geopy.distance import great_circle

    return float(great_circle((place.lat, place.lon), point).km)


#: How far from the middle of a list a member found only by its sound or likeness may lie.
LIST_LIKENESS_KM = 120.0
_SETTLED = ("town", "village")


def _medoid(places: list[Place]) -> Place | None:
    """The place with the least total distance to the others (None for fewer than two)."""
    if len(places) < 2:
        return None
    return min(places, key=lambda p: sum(distance_km(p, q) for q in places))


#: A list whose members lie this close to its middle, at least LIST_CLUSTER of them and half of those found, is
#: about one stretch of the front ...
LIST_CLUSTER_KM = 40.0
LIST_CLUSTER = 3
#: ... and its members of fewer people than this, farther than this from every other member, are namesakes of the
#: villages meant (a town this big, spelled as written, is the town; a list may span two stretches of the front).
LIST_STRAY_POPULATION = 20_000
LIST_STRAY_KM = 150.0
#: ... and so is a place of any size in a long list (this many members within LIST_REGION_KM of its middle, half of
#: those found) that lies LIST_FAR_KM from every other member: "Chervonyi Mayak, Osokorivka, Lvov, Dudchany, ..." of
#: a Kherson report is the village of Lvove, no Lviv (but "Kyiv, Lviv, Odesa, Kharkiv and Dnipro" make no cluster).
LONG_LIST = 5
LIST_REGION_KM = 150.0
LIST_FAR_KM = 400.0


def _list_strays(spans: list[_Span], chosen: dict[int, Candidate | None]) -> set[int]:
    """The members of a list of places (mostly one stretch of the front) that lie far from all the others."""
    groups: dict[int, list[int]] = {}
    for i, cand in chosen.items():
        if cand is not None and spans[i].group >= 0 and cand.place.kind in _SETTLED:
            groups.setdefault(spans[i].group, []).append(i)
    strays: set[int] = set()
    for members in groups.values():
        places = {i: c.place for i in members if (c := chosen[i]) is not None}
        middle = _medoid(list(places.values()))
        if middle is None:
            continue
        regional = [i for i, p in places.items() if distance_km(p, middle) <= LIST_REGION_KM]
        if len(regional) >= LONG_LIST and 2 * len(regional) >= len(places):
            strays |= {
                i for i, p in places.items() if _farthest_apart(i, p, places) > LIST_FAR_KM and i not in regional
            }
        close = [i for i, p in places.items() if distance_km(p, middle) <= LIST_CLUSTER_KM]
        if len(close) < LIST_CLUSTER or 2 * len(close) < len(places):
            continue
        strays |= {
            i
            for i, p in places.items()
            if p.population < LIST_STRAY_POPULATION
            and not p.id.startswith("supplement:")
            and _farthest_apart(i, p, places) > LIST_STRAY_KM
        }
    return strays


def _farthest_apart(i: int, p: Place, places: dict[int, Place]) -> float:
    """How far *p* lies from the nearest other member of its list."""
    return min(distance_km(p, q) for j, q in places.items() if j != i)


def _keep_listed_communities(
    spans: list[_Span], first: dict[int, Resolution], near: list[int], chosen: list[Candidate | None]
) -> None:
    """Communities listed by their centres' adjectives ("the Krasnopilska, Novoslobidska and Velykopysarivska
    communities") lie anywhere along an oblast's border, 150 km apart: a centre spelled exactly in the oblast of
    the list's other places is no stray namesake, however far from them (*chosen* is completed in place)."""
    provinces = {c.place.province for c in chosen if c is not None and c.place.province}
    for k, i in enumerate(near):
        if chosen[k] is not None or not spans[i].centres or spans[i].group < 0:
            continue
        chosen[k] = next((c for c in first[i].candidates if c.match.is_exact and c.place.province in provinces), None)


def _choose_jointly(
    spans: list[_Span], first: dict[int, Resolution], theatre: frozenset[str], unresolved: list[str]
) -> list[tuple[_Span, Candidate]]:
    """The places of one sentence chosen together, so that they fit (a list of towns pulls its members
    into one area), with the places of the sentences just before (or of the article) as anchors."""
    by_sentence: dict[int, list[int]] = {}
    for idx in first:
        by_sentence.setdefault(spans[idx].sentence.index, []).append(idx)
    for idxs in by_sentence.values():
        _within_their_districts(spans, first, sorted(idxs, key=lambda i: spans[i].start))
    unresolved.extend(spans[i].text for i, r in first.items() if not r.candidates)  # not in the district written
    strong = {
        i: r.best
        for i, r in first.items()
        if r.best is not None
        and r.best.match.is_exact
        and r.best.place.country_code in theatre
        and r.best.place.kind != "country"
        # "Дніпровський район" found only as a town of that name (a district of Kyiv): the area the text
        # names is not that town, so it anchors nothing.
        and not (spans[i].names_area and r.best.place.kind in ("town", "village"))
    }
    resolved: list[tuple[_Span, Candidate]] = []
    for sno, idxs in by_sentence.items():
        # Context from outside the sentence: the places of the two sentences before it ("Karabakh
        # towns ... They said that in one of those towns, Martuni, ..."), or else of the whole article.
        recent = {(c.place.lat, c.place.lon) for i, c in strong.items() if sno - 2 <= spans[i].sentence.index < sno}
        anywhere = {(c.place.lat, c.place.lon) for i, c in strong.items() if spans[i].sentence.index != sno}
        anchors = tuple(sorted(recent or anywhere))
        # (the towns among them: a district named after a far city is far from the article's *city*, not from the
        # centre of a region it is about -- "in Klymov district" of Bryansk oblast lies 170 km from Bryansk)
        towns = [
            (c.place.lat, c.place.lon)
            for i, c in strong.items()
            if spans[i].sentence.index != sno and c.place.kind in _SETTLED
        ]
        # (and their provinces: "Брянск атакуют дроны ... на территории Клинцовского района" is the raion of a town
        # of the city's own oblast, 170 km away, not a district of Bryansk named after it)
        # (and the regions the article names: "in Russia's Rostov region ... Both Moscow and Kyiv have used drones
        # ... a refinery in the Tsimlyansky district")
        home_provinces = {
            c.place.province
            for i, c in strong.items()
            if c.place.province
            and (c.place.kind == "region" or (spans[i].sentence.index != sno and c.place.kind in _SETTLED))
        }
        # A name with no candidate in the theatre ("За", a preposition that is also a town in Côte d'Ivoire)
        # is chosen on its own: its far places must not pull the theatre's names apart.
        far = [i for i in idxs if theatre and not any(c.place.country_code in theatre for c in first[i].candidates)]
        # "in Mykolaiv and Donetsk regions": a region written with its kind word is that region; no village of
        # the name near the other places takes its place.
        far += [
            i
            for i in idxs
            if i not in far
            and spans[i].cue in ("region", "province")
            and (best := first[i].best) is not None
            and best.place.kind == "region"
        ]
        near = [i for i in idxs if i not in far]
        # "у Костянтинівці на Донеччині": a first-level region written with places of its own is their area, not
        # a point that pulls them to the namesake nearest the regional capital; it is chosen on its own, and
        # keeps the others' candidates to those inside it (_in_the_regions_named)
        regions = [
            i
            for i in near
            if (b := first[i].best) is not None and b.place.kind == "region" and b.match.is_exact and b.place.province
        ]
        provinces = {first[i].best.place.province for i in regions}  # type: ignore[union-attr]
        placed = regions and any(
            any(c.place.province in provinces for c in first[j].candidates) for j in near if j not in regions
        )
        if placed:
            far += regions
            near = [i for i in near if i not in regions]
        in_regions = [_in_the_regions_named(first[i], provinces) for i in near]
        # The sentences just before weigh more than the article at large.
        chosen = resolve_jointly(in_regions, anchors=anchors, anchor_weight=0.4 if recent else 0.25, top=JOINT_TOP)
        if placed:
            # (a name the region places is no stray of the article's other places: "Шевченко в ДНР" in a report
            # that also names Moscow)
            chosen = [
                r.best
                if c is None and r.best is not None and r.best.match.is_exact and r.best.place.province in provinces
                else c
                for c, r in zip(chosen, in_regions, strict=True)
            ]
        _keep_listed_communities(spans, first, near, chosen)
        chosen += [first[i].best for i in far]
        loose = any(c is not None and not c.match.is_exact for c in chosen)
        exact = [c.place for c in chosen if c is not None and c.match.is_exact and c.place.kind in _SETTLED]
        medoid = _medoid(exact) if loose else None
        strays = _list_strays(spans, dict(zip(near + far, chosen, strict=True)))
        for i, cand in sorted(zip(near + far, chosen, strict=True), key=lambda pair: idxs.index(pair[0])):
            if cand is None:
                continue
            if i in strays:
                # "near Popiv Yar, Maiak, Rubizhne, Promin and Pokrovsk": a small namesake far from the cluster the
                # rest of the list makes is another village of the name, one the gazetteer lacks.
                unresolved.append(spans[i].text)
                continue
            if (
                medoid is not None
                and spans[i].group >= 0
                and not cand.match.is_exact
                and distance_km(cand.place, medoid) > LIST_LIKENESS_KM
            ):
                # A name of a list reached only by its sound, far from the places the list spells exactly, is a
                # village the gazetteer lacks ("Zmiivka" among Kherson villages is no Zmiyovka in Russia).
                unresolved.append(spans[i].text)
                continue
            if (
                (spans[i].cue == "district" or (spans[i].names_area and _DISTRICT_WORD_LAST.search(spans[i].text)))
                and not COMMUNITY_AFTER.match(spans[i].sentence.text, spans[i].end)  # "Сумської громади": Sumy's
                and cand.place.kind in ("town", "village")
                and (cand.place.population >= CITY_DISTRICT_NAMESAKE or not cand.match.is_exact or spans[i].centres)
                and anchors
                and (
                    (
                        min(_km_to(cand.place, a) for a in towns) > OTHER_CITYS_DISTRICT_KM
                        if _LATIN_ADJECTIVE.search(fold(cand.place.name))
                        else min(_km_to(cand.place, a) for a in towns) > FAR_CITY_KM
                        and cand.place.province not in home_provinces
                    )
                    if towns
                    # (only regions around: farther than a region reaches from its centre -- "Grafovka in the
                    # Krasnoyarsk district" of a Belgorod report is no district of Krasnoyarsk in Siberia)
                    else min(_km_to(cand.place, a) for a in anchors) > HOME_REACH_KM
                )
            ):
                # "the Kyivsky district" in a report on Kharkiv: a district of the city the article is about, named
                # after a far city, not that city (nor a raion: a raion the tables know is found as a district);
                # "the central Petrovsky district" of Donetsk is no Petrovskaya 300 km away reached by its sound.
                unresolved.append(spans[i].text)
                continue
            if (
                cand.match is MatchKind.FUZZY
                and not (spans[i].placed and _ending(spans[i].name) == _ending(cand.place.name))
                and not _supported(cand, [c for c in chosen if c is not cand])
            ):
                # A loose spelling with nothing around it is more likely another name (but one the text places in
                # a region was sought there only, and spelled nearly alike: "liberated Arkhangelsk and Myrolyubovka
                # in the Kherson region" is Arkhanhelske).
                unresolved.append(spans[i].text)
                continue
            if cand.match is MatchKind.FUZZY and _ending(spans[i].name) == "ka" != _ending(cand.place.name):
                # A noun in -ka reached by its sound is no name of another ending: "Shevchenkivka" is no Shevchenkove
                # near the list's other villages (the gazetteer lacks the village).
                unresolved.append(spans[i].text)
                continue
            resolved.append((spans[i], cand))
    return resolved


def _in_the_regions_named(own: Resolution, provinces: set[str]) -> Resolution:
    """ "Mykolaivka in Donetsk region", "у Костянтинівці на Донеччині": a sentence that names a first-level region
    keeps its other names' candidates to those in it (*provinces*), when they have any there -- by membership, not
    by nearness to the region's centre, which would pull a name to the namesake closest to the regional capital."""
    if own.best is None or not provinces:
        return own
    # (a place whose province the tables do not give may lie inside; a likeness in sound alone inside does not
    # outweigh an exact spelling elsewhere)
    inside = tuple(c for c in own.candidates if c.place.province in provinces or not c.place.province)
    if not any(c.match.is_exact for c in inside) or len(inside) == len(own.candidates):
        return own
    return Resolution(own.query, inside)


#: The kind of ending of a Slavic place name, which a slip of spelling keeps: the adjective in -sk(e), -skoe, -skyi
#: ("Arkhangelsk" for Arkhanhelske), the noun in -ka ("Hryhorivske" is no Hryhorivka), the adjective in -ne/-noe.
_ENDINGS = (("sk", re.compile(r"sk(?:e|oe|oye|aya|a|yi|iy|yy|ij|ii)?$")), ("ka", re.compile(r"k[ai]$")),
            ("ne", re.compile(r"n(?:e|oe|oye|aya|a|yi|iy|yy|ii)$")))  # fmt: skip


def _ending(name: str) -> str:
    key = fold(name)
    return next((kind for kind, rx in _ENDINGS if rx.search(key)), "")


def _lacking_where_placed(
    spans: list[_Span], resolved: list[tuple[_Span, Candidate]], unresolved: list[str]
) -> list[tuple[_Span, Candidate]]:
    """One sense per article for a village the gazetteer lacks: a name the text places in a region where no place
    of the name lies ("captured the village of Zhuravka in the Sumy region") is that unknown village wherever the
    article writes it alone, not a namesake elsewhere."""
    kept = {id(sp) for sp, _ in resolved}
    # (or found nothing there that fits: a placed name left unresolved)
    # (by its sound: "Myrolyubovka in the Kherson region" is the "Mirolyubovka" written further on)
    lacking = {phonetic(sp.name) for sp in spans if sp.placed_unknown or (sp.placed and id(sp) not in kept)}
    if not lacking:
        return resolved
    out = []
    for sp, cand in resolved:
        if not sp.in_district and phonetic(sp.name) in lacking and cand.place.kind in _SETTLED:
            unresolved.append(sp.text)
            continue
        out.append((sp, cand))
    return out


def _same_kind(a: Place, b: Place) -> bool:
    """Whether two places are the same kind of place for one name's sense (a town and a village are)."""
    return a.kind == b.kind or (a.kind in _SETTLED and b.kind in _SETTLED)


def _one_sense(resolved: list[tuple[_Span, Candidate]], own: dict[int, Resolution]) -> list[tuple[_Span, Candidate]]:
    """One sense per article: a name written twice is the same place, the one chosen with the most
    support -- of the same kind: "the Kherson region" and "the city of Kherson" are two places (issue 12);
    and a mention with no administrative cue reads a region's name as its town."""
    by_name: dict[tuple[str, str], Candidate] = {}
    for sp, cand in resolved:
        # A name written with its area has the sense it has there ("the Pokrovske community of Synelnykove
        # district" is not the article's other Pokrovske, "in the Nikopol district").
        k = (fold(sp.name), sp.in_district)
        if k not in by_name or cand.score > by_name[k].score:
            by_name[k] = cand
    # A name written once with its area, and elsewhere alone, is the place in that area (unless the article
    # locates it in two areas: then the plain mentions keep the article's sense).
    located: dict[str, set[str]] = {}
    for (name, area), cand in by_name.items():
        if area:
            located.setdefault(name, set()).add(cand.place.id)
    for (name, area), cand in list(by_name.items()):
        if not area and len(located.get(name, ())) == 1:
            only = next(by_name[(n, a)] for (n, a) in by_name if n == name and a)
            if _same_kind(only.place, cand.place):
                by_name[(name, area)] = only
    # A place written two ways (the Ukrainian "Pavlivka" and the Russian "Pavlovka" in one report) is one place,
    # when the two sound alike and the better sense is among the other spelling's own candidates.
    by_sound: dict[str, Candidate] = {}
    for (name, area), cand in by_name.items():
        if not area and cand.place.kind in _SETTLED:
            key = phonetic(name)
            if key not in by_sound or cand.score > by_sound[key].score:
                by_sound[key] = cand
    out = []
    for sp, c in resolved:
        b = by_name[(fold(sp.name), sp.in_district)]
        sense = b if _same_kind(b.place, c.place) else c
        heard = by_sound.get(phonetic(sp.name)) if not sp.in_district else None
        res = own.get(id(sp))
        if (
            heard is not None
            and heard.place.id != sense.place.id
            and _same_kind(heard.place, sense.place)
            and res is not None
            and any(o.place.id == heard.place.id for o in res.candidates)
        ):
            sense = next(o for o in res.candidates if o.place.id == heard.place.id)
        out.append((sp, sense if sp.in_district else _sense_for(sp, sense, res)))
    return out


#: A fuzzy match counts only near the other places of its sentence, or near the places
#: around it in the article (mean distances; districts of a theatre are 30-60 km across).
SUPPORT_SENTENCE_KM = 100.0
SUPPORT_CONTEXT_KM = 60.0


#: How far a region's centre town may lie from the point the region is drawn at.
REGION_TOWN_KM = 120.0


def _sense_for(sp: _Span, sense: Candidate, res: Resolution | None) -> Candidate:
    """The article's sense of a name, for one mention of it: where the sense is a region but this mention
    names no administrative area ("Kharkiv region ... the city of Kharkiv"), the town of that name in it."""
    if sense.place.kind not in ("region", "district") or sp.cue in ADMIN_CUES or sp.names_area or res is None:
        return sense
    towns = [
        c
        for c in res.candidates
        if c.place.kind in ("town", "village") and distance_km(c.place, sense.place) <= REGION_TOWN_KM
    ]
    return max(towns, key=lambda c: c.place.population) if towns else sense


def _supported(cand: Candidate, others: Sequence[Candidate | None]) -> bool:
    """Whether a fuzzy match lies among the places of its sentence spelled as the data holds them
    (mean < 100 km) or near the places around it in the article (< 60 km).  Two loose spellings
    never vouch for each other ("Gruzskoye in the Borisovsky district": two villages near each
    other far from the Belgorod region the article is about)."""
    exact = [c.place for c in others if c is not None and c.match.is_exact]
    if exact and sum(distance_km(cand.place, p) for p in exact) / len(exact) <= SUPPORT_SENTENCE_KM:
        return True
    return cand.context_km is not None and cand.context_km <= SUPPORT_CONTEXT_KM


#: No place this big is a village: a text that calls a name a village means another place of the name.
VILLAGE_AT_MOST = 100_000
#: ... and, reached only by sound or likeness, of 8,000: "в селе Лозовое" is no Lozova (54,000), "села
#: Гуляйпільське" no Huliaipole (13,000).
LOOSE_VILLAGE_AT_MOST = 8_000
#: A name in a list the text calls villages or settlements: "the settlements of Melovoy, Podol and".
_LISTED_SETTLEMENT = re.compile(
    r"\b(?:villages?|hamlets?|settlements?|localities)\s+(?:of\s+)?(?:[\w’'-]+(?:\s+[\w’'-]+)?(?:,\s+|\s+and\s+))*$",
    re.IGNORECASE,
)
#: A village by legal status in Russian and Ukrainian (село, деревня, хутор; "с." written short), unlike a
#: посёлок or селище, which may be an urban settlement of 30,000.
_SELO = r"сел[аеоіу]|деревн[яиеюі]|хутор[аеіу]?"
_STRICT_VILLAGE_WORD = re.compile(rf"(?<!\w)(?:{_SELO})\s+$|(?<!\w)с\.\s*$", re.IGNORECASE)
#: ... so a town above this size is not the one such a word names.
SELO_AT_MOST = 20_000
_VILLAGE_WORD = re.compile(
    r"\b(?:village|hamlet)s?\s+(?:of\s+)?(?:the\s+)?$|"
    rf"(?<!\w)(?:{_SELO}|селищ[аеіу]?|поселк[аеу]|посёлк[аеу]|пос[её]лок)\s+$|(?<!\w)с\.\s*$",
    re.IGNORECASE,
)


#: How alike (rapidfuzz ratio of phonetic keys) the last words of a two-word name and its loose match must be.
LAST_LIKENESS = 70
_NAME_WORDS = re.compile(r"[\s-]+")


def _too_big_for_a_village(cand: Candidate, sp: _Span) -> bool:
    """ "the village of Zaporizhzhia, southwest of Pokrovsk": not the city of 700,000 of that name."""
    if sp.centres and COMMUNITY_AFTER.match(sp.sentence.text, sp.end):
        return False  # "села Костянтинівської громади": the villages of a town's community, no village of its name
    limit = VILLAGE_AT_MOST if cand.match.is_exact else LOOSE_VILLAGE_AT_MOST
    if _STRICT_VILLAGE_WORD.search(sp.sentence.text, 0, sp.start):
        # "(с. Рубіжне)" in a report on the Chuhuiv district: a село is a legal status no town of 55,000 has
        limit = min(limit, SELO_AT_MOST)
    if not _called_village(sp) and _LISTED_VILLAGE.search(sp.sentence.text, 0, sp.start):
        # a later name of a list called villages: no city ("the villages of Sinetsky and Pavlograd"), but a town of
        # 10,000 spelled loosely may be one of them (AFP's "the villages of Bogoyavlenka, Girnyk and Katerynivka")
        return cand.place.population >= VILLAGE_AT_MOST
    big = cand.place.population >= limit
    village = sp.cue == "village" or _CYRILLIC.search(sp.text) is not None
    # ("Drone strikes shatter peace in Kursk village", "two Belgorod villages": a village of the city's region)
    return big and village and (_called_village(sp) or _VILLAGE_AFTER.match(sp.sentence.text, sp.end) is not None)


#: A town, then "in" a possessive: "Siversk in Ukraine's " (when the owner is a country, the name after it is the
#: town's region).
_IN_POSSESSIVE_AFTER_PLACE = re.compile(r"(?-i:[A-Z])[\w’'-]+\s+in\s+(?P<owner>(?-i:[A-Z])[\w’'-]+)['’]s\s+$")
#: A name said to be one of some regions: "Kharkiv is not among the five regions of Ukraine", "Kherson, one of the
#: four regions".
_REGION_PREDICATE = re.compile(
    r"\s*(?:,\s*|\s+(?:is|was)\s+(?:not\s+)?)(?:among|one\s+of)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:regions|oblasts|provinces)\b",
    re.IGNORECASE,
)
_VILLAGE_AFTER = re.compile(r"\s+villages?\b", re.IGNORECASE)
#: An incursion into a name: the region across the border ("the incursion into Kursk").
_INCURSION_INTO = re.compile(r"\b(?:incursions?|raids?|invasion)\s+into\s+(?:the\s+)?(?:Russian\s+)?$", re.IGNORECASE)
#: A count of drones downed over a name ("six over Kursk") ...
_COUNT_OVER = re.compile(
    rf"(?:^|[,;:]\s*|\band\s+)(?:\d+|{_NUMBERS}|another)\s+"
    r"(?:(?:more|drones?|UAVs?)\s+)?(?:were\s+|was\s+)?(?:(?:destroyed|downed|intercepted|shot\s+down)\s+)?(?:over|in)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
#: ... in a sentence that counts over (or in) a region by its kind word ("two in Rostov, one in the Belgorod region
#: and another in Kursk").
_OVER_A_REGION = re.compile(
    r"\b(?:over|in)\s+(?:the\s+)?(?:territory\s+of\s+(?:the\s+)?)?(?-i:[A-Z])[\w’'-]+\s+(?:region|oblast)s?\b",
    re.IGNORECASE,
)


#: ... or a later name of a list it calls villages ("opened fire on the villages of Sinetsky and Pavlograd").
_LISTED_VILLAGE = re.compile(
    r"\b(?:villages|hamlets)\s+(?:of\s+)?(?:the\s+)?(?:[\w’'-]+(?:\s+[\w’'-]+)?(?:,\s+|\s+and\s+|,\s+and\s+))+$",
    re.IGNORECASE,
)


def _called_village(sp: _Span) -> bool:
    """Whether the text calls the span a village right before it ("the village of", "в селе", "посёлок")."""
    return bool(_VILLAGE_WORD.search(sp.sentence.text, 0, sp.start))


def _acceptable(cand: Candidate, sp: _Span) -> bool:
    """Whether a best candidate is good enough to call the span a place."""
    if _too_big_for_a_village(cand, sp):
        return False
    if sp.adjective and sp.tokens[1] - sp.tokens[0] == 1 and cand.match is not MatchKind.EXACT_NAME:
        # "Novyi" alone ("the Novyi and Kanal neighbourhoods") is a place's name only as some place's own:
        # as an alternate name or a likeness it reaches a dozen villages.
        return False
    if cand.match.is_exact:
        return True
    if not sp.place_context and not sp.placed:
        # A loose spelling counts only where the text puts a place (or writes its region: "Новопавловки в
        # Днепропетровской области"): capitalised words of English ("Senior", "Analyst") sound like some village
        # somewhere.
        return False
    if sp.adjective and phonetic(cand.place.name.replace("-", " ").split()[0]) != sp.adjective:
        # A loose likeness keeps the name's adjective as a word of its own: "Mala Oleksandrivka" is no
        # Mykhailo-Oleksandrivka, "Bila Hora" no Bilohirya; "Старая Збурьевка" is Stara Zburivka.
        return False
    if cand.match is MatchKind.PHONETIC:
        return True
    written, named = _NAME_WORDS.split(sp.name), _NAME_WORDS.split(cand.place.name)
    if len(written) > 1 and len(named) > 1 and fuzz.ratio(phonetic(written[-1]), phonetic(named[-1])) < LAST_LIKENESS:
        # A name of two words is like another only if its last words are alike: "Велико-Анадоль" is no Velyka
        # Novosilka, however alike the two are as wholes.
        return False
    # Fuzzy: a close spelling, or support from the places around it.
    return (cand.similarity or 0.0) >= 85


def _looks_person(sent: Sentence, sp: _Span, pats: _Patterns) -> bool:
    before = sent.text[max(0, sp.start - 60) : sp.start]
    after = sent.text[sp.end : sp.end + 40]
    # Surnames of the theatre end so ("Lala Ismayilova", "Shushan Stepanyan"): a run of names is a person
    # even if its first word is also a village.
    if pats.surname is not None and len(sp.text.split()) >= 2 and pats.surname.search(sp.text):
        return True
    if len(sp.text.split()) >= 2 and _TITLE_BEFORE.search(sp.text.split()[0] + " "):
        return True  # "President Volodymyr Zelenskyy": a title opens the run
    if _TITLE_BEFORE.search(before):
        return True
    nxt = after.split(None, 1)[0].strip(",.;:") if after.strip() else ""
    if nxt and _CYRILLIC.search(nxt):
        # "Смирнов призвал жителей ...", "Сальдо добавил": a surname before a verb of speech or address
        return nxt.islower() and _CYRILLIC_PERSON_VERB.fullmatch(nxt) is not None
    return nxt.islower() and (speech_lemma(nxt) is not None or nxt in _PERSON_VERBS)


#: A cue before a name ("the villages such as the ") lies within this many characters of it.
CUE_BEFORE_CHARS = 48
#: Words one of which every reference-point phrase holds (a cheap test before the pattern).
_REFERENCE_WORDS = (
    "outside",
    "outskirts",
    "gates",
    "edge",
    "doorstep",
    "located",
    "situated",
    "km",
    "kilomet",
    "mile",
    "met",
    "border",
    "frontier",
    "boundar",
    "bank",
    "sea",
    "gulf",
    "bay",
    "strait",
    "lake",
    "river",
    "cross",
    "north",
    "south",
    "east",
    "west",
)
_TRAILING_WORD = re.compile(r"(?:[^\W\d_]|[’'])+$")


def _word_before(before: str) -> str:
    """The word right before a name, skipping a lowercase "the" ("fighting near the " -> "near");
    "" when punctuation comes first."""
    if not before or not before[-1].isspace():
        return ""
    parts = before.rsplit(None, 2)
    if len(parts) >= 2 and parts[-1] == "the":
        m = _TRAILING_WORD.search(parts[-2])
        if m:
            return m.group(0)
    m = _TRAILING_WORD.search(parts[-1]) if parts else None
    return m.group(0) if m else ""


def _annotate(
    sent: Sentence,
    toks: list[Token],
    spans: list[_Span],
    pats: _Patterns,
    known: set[str] | frozenset[str] = frozenset(),
    countries: dict[str, str] | None = None,
) -> None:
    countries = countries or {}
    text = sent.text
    for sp in spans:
        # Only the words next to the name matter; anchored patterns on the whole
        # prefix would rescan it for every name.
        before = text[max(0, sp.start - 80) : sp.start]
        after = text[sp.end : sp.end + 80]
        low = before.lower()  # for cheap word checks before the costlier patterns
        m = pats.cue_before.search(before, max(0, len(before) - CUE_BEFORE_CHARS))
        if m:
            word = m.group(1).lower()
            # "a residential area of Kharkiv" is in the town; "the Zaporozhye area" (below) a sector of the front.
            if word in ("area", "areas"):
                sp.cue = "near"
            elif _CYRILLIC.match(word):
                # "города Авдеевка", "у м. Слобожанське": a city; "села X", "с. X", "смт X": a village
                sp.cue = "city" if word.startswith(("город", "міст")) or word in ("м.", "г.") else "village"
            elif _NAMED_DISTRICT_OF.search(before, max(0, len(before) - CUE_BEFORE_CHARS - 30)) and not (
                len(words := sp.text.split()) > 1 and pats.cue_normal.get(w := words[-1].lower(), w) in ADMIN_CUES
            ):
                sp.cue = "city"  # "the Petrovsky district of Donetsk": the city whose district it is, no district
            else:
                sp.cue = pats.cue_normal.get(word, word)
            sp.place_context = True
        m2 = pats.cue_after.match(after)
        if m2:
            word = m2.group(1).lower()
            sp.cue = pats.cue_normal.get(word, word)
            sp.place_context = True
        elif "into" in low and _INCURSION_INTO.search(before):
            # "the incursion into Kursk", "a raid into Belgorod": across a border into a region
            sp.cue = "region"
            sp.place_context = True
        elif _COUNT_OVER.search(before) and _OVER_A_REGION.search(text):
            # "eight were destroyed over the Ryazan region, six over Kursk, and one over Belgorod": the defence
            # ministry's count by region, the kind word written once
            sp.cue = "region"
            sp.place_context = True
        elif (owner := _IN_POSSESSIVE_AFTER_PLACE.search(before)) and fold(owner.group("owner")) in countries:
            # "entered Siversk in Ukraine's Donetsk": after a town, the country's Donetsk is the region it lies in
            sp.cue = "region"
            sp.place_context = True
        elif _REGION_PREDICATE.match(after):
            sp.cue = "region"  # "Kharkiv is not among the five regions that Russia claims": the region
            sp.place_context = True
        elif (
            " and " in after[:6]
            and (m3 := _AND_NEIGHBOURING_REGION.match(after))
            # (but "over Bryansk and Bryansk region": the city, then its region)
            and fold(m3.group("other") or "") != fold(sp.text)
        ):
            # "drones shot down over Belgorod and the neighbouring Kursk region", "Belgorod and nearby regions": a
            # region, as the one written with it
            sp.cue = "region"
            sp.place_context = True
        elif _LISTED_BEFORE_REGIONS.match(after):
            # "the border areas of Chernihiv and Sumy regions": the kind word in the plural is each name's
            sp.cue = "region"
            sp.place_context = True
        elif (
            ":" in before
            or "–" in before
            or "—" in before
            or "includ" in low
            or "such" in low
            or "among" in low
            or before.rstrip().endswith(",")
        ) and (intro := _LIST_INTRO.search(before)):
            # "liberated the territories previously occupied by Armenia: A, B, C", "drones attacked cities
            # across the country, including X": a list of places; "several frontline regions, including Chernihiv,
            # Sumy and Donetsk": of regions.
            sp.place_context = True
            if (noun := _LIST_NOUN.search(intro.group())) is not None and noun.group().lower() in _AREA_NOUNS:
                sp.cue = sp.cue or "region"  # ("other fronts, including Luhansk": the front, no city)
        elif _STRUCK_AFTER.match(after) and not _PEOPLE_PLURAL.search(sp.text):
            # "Kyiv was shelled overnight": the name is what was hit (a capital too, not its government).
            sp.place_context = True
        elif _FACILITY_AFTER.match(after):
            # "the Odesa airport", "the Zaporizhzhia nuclear power plant": a site near the town, not its centre.
            sp.cue = "near"
            sp.place_context = True
            if "home to" in low and _HOME_TO.search(before):
                # "the town of Volgorechensk, home to ... the Kostroma Power Station": the site is in the town
                # just named; its name's place is only a name.
                sp.from_place = True
        if len(words := sp.text.split()) > 1 and pats.cue_normal.get(w := words[-1].lower(), w) in ADMIN_CUES:
            # The name carries its own kind word ("Dnipropetrovsk Oblast", "Pokrovsk district"): it names
            # the area, not the town the area is named after (not a cue for the names listed with it).
            sp.names_area = True
            sp.place_context = True
        if "airspace" in low and _AIRSPACE.search(before):
            sp.place_context = True  # "shot down in the airspace of Kyiv": the city, not its government
        prev = _word_before(before).lower()
        if prev in _PLACE_PREP:
            sp.place_context = True
            if prev in ("near", "around", "outside") and sp.cue is None:
                sp.cue = "near"  # "fighting near Fuzuli": near the town, not in it
        if (
            (
                "from" in low
                and _FROM.search(before)
                and (not _RANGE_TO.match(after) or _ADVANCE_FROM.search(before))
                and not _LEFT_FROM.search(before)
                and not (_NEWS_FROM.search(before) and _AREAS_AFTER.match(after))
                and not _PERSON_FROM.search(before)
            )
            or (any(w in low for w in _REFERENCE_WORDS) and _REFERENCE.search(before) and not _WHERE_AFTER.match(after))
            or _WATER_AFTER.match(after)
            or _RIVER_BEFORE.search(before)
            # "In Bryansk, the settlement of Mirskiye became the site of a drone attack": the area the village is in
            or (_IN_AT_START.match(before) is not None and _VILLAGE_OF_AFTER.match(after) is not None)
            or ("from" in low and _ROUTE.search(before))
            or _IS_LOCATED_AFTER.match(after)
            or (" in" in low and _SAID_IN.search(before))
            or (("," in before or " " in before) and _NEAR_PLACE.search(before))
            or (_HEADING_WORDS.search(low) and _TOWARD.search(before) and not _SENT_TOWARD.search(before))
            or (("hospital" in low or _CYRILLIC_HOSPITAL_WORD.search(low)) and _TAKEN_TO_HOSPITAL.search(before))
            or (_HOSPITAL_AFTER.match(after) and _TAKEN_INTO.search(before))
            or _TAKEN_TO_TOWN.search(before)
            or (_CYRILLIC.search(sp.text) is not None and _CYRILLIC_FROM.search(before) is not None)
            or (_AWAY_FROM.search(before) is not None and _PUSHED_FROM.search(before) is None)
            or ("away" in low and _PUSHED_AWAY_FROM.search(before) is not None)
        ):
            # Fire launched *from* a place, or a place named only as a reference point or a heading
            # ("16 km north of Yerevan", "15 kilometers from Karabakh's main city Stepanakert").
            sp.from_place = True
        if _AREA_COMPOUND.match(after) or _AREA_COMPOUND.search(sp.text):
            sp.from_place = True  # "Kherson-area settlements including X": the town names the area the places lie in
        if (m := _NEIGHBOURHOOD_OF.match(after)) and not m.group("city"):
            # "shelled the Solnechny housing estate": a part of a town the text names elsewhere, no settlement
            sp.org = True
        if _ORG_AFTER.match(after) or sp.text.split()[-1].lower() in _ORG_NOUNS or _NPP_AFTER.match(after):
            # ("the Kursk nuclear power plant", 40 km from Kursk: a plant the tables lack is named after a city or
            # region it is not in; one they hold is read whole, "Zaporizhzhia nuclear power plant")
            sp.org = True
        elif _CYRILLIC.search(sp.text) and (
            _STREET_BEFORE.search(before) or _SITE_AFTER.match(after) or _NAMED_AFTER.search(before)
        ):
            # "по улице Абакумова", "на вулиці Харківській": a street, named after a person or a town; "районы
            # Гвардейской улицы и Центрального рынка": a street, a market, a park named by an adjective
            sp.org = True
        elif _TITLE_OF_PLACE_AFTER.match(after) and _APPOSITION_BEFORE.search(before):
            sp.org = True  # "..., said Pavlo Kyrylenko, Donetsk's regional governor": the speaker's title
        elif "channel" in low and _CHANNEL_BEFORE.search(before):
            sp.org = True  # "the Russian channel Belgorod No. 1 on Telegram": a channel named after a town
        if before[-1:] in _OPEN_QUOTES and after.lstrip(",.")[:1] in _CLOSE_QUOTES and not sp.centres:
            # "the 'Novocherkassk' large landing ship", "the «Azovstal» plant": a name in quotation marks names a
            # ship, a plant or an operation after a town, not the town.
            sp.org = True
        if sp.start == 0 and sp.text.isupper() and DATELINE.match(text):
            sp.org = True  # a dateline ("BAKU, Azerbaijan, Oct. 28"): where the report was filed
    # "Pobeda, a small village about five kilometers west of Donetsk city": the first lies that far from the
    # second (journalists' distances are rough: within LOCATED_REACH times it, and no less than LOCATED_MIN_KM).
    for a, b in zip(spans, spans[1:], strict=False):
        m = _LIES_FROM.match(text, a.end, b.start)
        if m is not None and m.end() == b.start:
            n = m.group("n").lower()
            km = float(n) if n.isdigit() else float(NUMBER_WORDS.get(n, 1))
            if m.group("unit").lower().startswith("mile"):
                km *= MILE_KM
            a.locator, a.locator_km = (b.name,), max(LOCATED_MIN_KM, LOCATED_REACH * km)
        elif a.cue not in ADMIN_CUES and _NEAR_SEP.fullmatch(text, a.end, b.start):
            # "the village of Lozove near Debaltseve", "в селе Лозовое возле Дебальцево"
            a.locator, a.locator_km = (b.name,), NEAR_REACH_KM
    # "Krasnoarmeisk (Pokrovsk)": a name in brackets after a name is the same place, read in the same way.
    for a, b in zip(spans, spans[1:], strict=False):
        if text[a.end : b.start].strip() == "(" and text[b.end : b.end + 1] == ")":
            b.from_place = b.from_place or a.from_place
            b.cue = b.cue or a.cue
            b.place_context = b.place_context or a.place_context
    # Lists: runs separated only by commas and "and" share context and cue.
    group = 0
    for a, b in zip(spans, spans[1:], strict=False):
        sep = text[a.end : b.start]
        if _LIST_SEP.match(sep):
            if a.group < 0:
                a.group = group
                group += 1
            b.group = a.group
    groups: dict[int, list[_Span]] = {}
    for sp in spans:
        if sp.group >= 0:
            groups.setdefault(sp.group, []).append(sp)
    for members in groups.values():
        # "A, B and C" or "A, B, C" is a list; "Tartar, Armed Forces" is not.
        seps = [text[x.end : y.start] for x, y in zip(members, members[1:], strict=False)]
        # ... and so is "поселки Очеретино, Великая Новоселка", "the villages of A, B" (a plural kind before).
        if (
            len(members) < 3
            and not re.search(r"\b(and|or)\b|&", seps[-1])
            and not _PLURAL_KIND_BEFORE.search(text, max(0, members[0].start - 40), members[0].start)
        ):
            continue
        other = _AND_OTHER.match(text, members[-1].end)
        if other is not None:
            # "Explosions were heard in Kyiv, Dnipropetrovsk, Cherkasy and other regions": all are of that kind.
            kind = pats.cue_normal.get(other.group(1).lower(), other.group(1).lower().rstrip("s"))
            for x in members:
                x.cue, x.place_context = kind, True
        # A list of three or more in which two are names of places is a list of places: its other names are
        # places the gazetteer may know by a looser spelling ("Новая Каховка, Голая Пристань, Старая Збурьевка").
        named = sum(fold(x.name) in known and not x.person for x in members) >= 2 and len(members) >= 3
        if _DISTRICTS_AFTER.match(text, members[-1].end):
            for x in members:
                x.in_district_list = True
        if named or any(x.place_context for x in members):
            cue = next((x.cue for x in reversed(members) if x.cue), None)
            from_place = members[0].from_place
            for x in members:
                x.place_context = True
                x.cue = x.cue or cue
                x.from_place = x.from_place or from_place
