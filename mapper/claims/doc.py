"""Stages 1-2: an article as sentences and resolved place mentions, with what every later stage reads."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gazetteer import Gazetteer, Place, fold

from ..articles import Article
from ..language import SAMPLE_CHARS, Language, language_of
from ..lexicon_en import OFFICIAL_WORDS, ROLE_WORDS
from ..mentions import DATELINE, Mention, NameHabits, find_mentions
from ..sides import Profile
from ..text import Sentence, split_sentences
from .frames import quote_spans

__all__ = ["ArticleDoc", "read_doc", "is_heading", "names_a_source"]


@dataclass(frozen=True, slots=True)
class ArticleDoc:
    """An article ready for the claims stages."""

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: dict[int, tuple[Mention, ...]]  # sentence index -> its resolved place mentions
    unresolved: tuple[str, ...]
    outlet: str  # the outlet's name, for its own reporting
    outlet_side: str | None  # the side whose own media the outlet is (profile `outlets`)
    single_line: frozenset[int]  # sentences that are a paragraph of their own (headings)
    countries: dict[int, tuple[str, ...]]  # sentence index -> country names written in it
    capitals: dict[str, Place]  # fold(name) -> the capital the article names so
    english: bool = True  # written in English (claims of other languages are read from fewer shapes)


_CAPITALISED_RUN = re.compile(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}")


def read_doc(article: Article, gazetteer: Gazetteer, profile: Profile) -> ArticleDoc:
    """Split *article* into sentences and resolve its place mentions in context."""
    sentences = _with_title(article, split_sentences(article.text))
    mentions, unresolved, _focus = find_mentions(
        sentences,
        gazetteer,
        theatre=profile.theatre_countries,
        dateline_sentences=frozenset(s.index for s in sentences[:4] if DATELINE.match(s.text) and len(s.text) < 80),
        habits=NameHabits(
            tuple(profile.person_suffixes), tuple(sorted(profile.admin_words.items())), tuple(profile.name_adjectives)
        ),
    )
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    # (the body's first words, where a byline stands: "(MENAFN- UkrinForm) ...", not a headline read before them)
    # (nor a time stamp before them: "10/2/2024 1:06:11 AM")
    opening = next(
        (s.text for s in sentences[:4] if s.paragraph != HEADLINE and not _TIME_STAMP.fullmatch(s.text.strip())), ""
    )
    language = language_of(f"{article.title}\n{article.text[:SAMPLE_CHARS]}")
    sizes: dict[int, int] = {}
    for s in sentences:
        sizes[s.paragraph] = sizes.get(s.paragraph, 0) + 1
    return ArticleDoc(
        article=article,
        sentences=tuple(sentences),
        mentions={k: tuple(v) for k, v in by_sentence.items()},
        unresolved=tuple(unresolved),
        outlet=article.outlet or "the article",
        outlet_side=_outlet_side(article, sentences, opening, language, profile),
        single_line=frozenset(s.index for s in sentences if sizes[s.paragraph] == 1),
        countries=_countries(sentences, gazetteer),
        capitals={fold(m.text): m.candidate.place for m in mentions if gazetteer.is_capital(m.candidate.place)},
        english=language.english,
    )


#: A body that opens by attributing "this", which only the headline has told: "Про це повідомляє голова ОВА",
#: "Об этом сообщил губернатор", "This was reported by the regional governor".
_THIS_FIRST = re.compile(r"^\W*(?:про\s+це|об\s+этом|this\s+was|it\s+was)\b", re.IGNORECASE)


_TIME_STAMP = re.compile(r"[\d\s/:.,-]*(?:[AaPp]\.?[Mm]\.?)?")
_CAPITALISED_WORD = re.compile(r"(?<![\w’'-])[A-ZА-ЯЁІЇЄҐ][\w’'-]{3,}")
#: The paragraph number of a headline read before a body that does not attribute it: its claims count only for the
#: places the body does not name (claims.__init__).
HEADLINE = -2


def _with_title(article: Article, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences of *article*, after its headline: the report told when the body's first sentence attributes
    it ("Росіяни атакували Дружківку" / "Про це повідомляє голова ОВА"), else a sentence of the outlet's own
    (marked :data:`HEADLINE`) whose claims stand only where the body does not name the place ("Governor: a
    resident of Repyakhovka wounded", the body telling of "the village" only)."""
    first = next((s for s in sentences if s.text.strip()), None)
    title = " ".join(article.title.split())
    if first is None or not title or title in article.text:
        return sentences
    paragraph = -1 if _THIS_FIRST.match(first.text) else HEADLINE
    if paragraph == HEADLINE and not any(w not in article.text for w in _CAPITALISED_WORD.findall(title)):
        return sentences  # (a headline naming nothing the body does not name adds nothing)
    return [Sentence(0, 0, title, paragraph), *(Sentence(s.index + 1, s.start, s.text, s.paragraph) for s in sentences)]


def _outlet_side(
    article: Article, sentences: list[Sentence], opening: str, language: Language, profile: Profile
) -> str | None:
    """The side whose own media the article comes from: by its address or byline (the profile's `outlets`),
    by its language (`outlet_languages`), or, for an article not in English, by the words it uses in its own
    voice, outside quotations (`outlet_words`: "оккупанты" is Ukraine's media, "киевский режим" Russia's)."""
    side = profile.side_of_outlet(article.source_url or article.outlet) or profile.side_of_outlet(opening)
    if side is not None:
        return side
    side = profile.side_of_language(language.code)
    if side is not None or language.english:
        return side
    own_voice = []
    for s in sentences:
        text, last = [], 0
        for a, b in quote_spans(s.text):
            text.append(s.text[last:a])
            last = b
        own_voice.append("".join(text) + s.text[last:])
    return profile.side_of_voice(own_voice)


def _countries(sentences: list[Sentence], gazetteer: Gazetteer) -> dict[int, tuple[str, ...]]:
    keys = gazetteer.country_keys()
    out: dict[int, tuple[str, ...]] = {}
    for s in sentences:
        found = tuple(m.group() for m in _CAPITALISED_RUN.finditer(s.text) if fold(m.group()) in keys)
        if found:
            out[s.index] = found
    return out


def is_heading(text: str) -> bool:
    """A short line without a full stop ("Information from Baku", "Armenian MoD:")."""
    words = text.split()
    if text.endswith(":"):
        return len(words) <= 12
    return len(words) <= 8 and not re.search(r"[.!?\"”,;]$", text)  # (a list item ends in a comma)


_SOURCE_WORDS = re.compile(
    r"\b(?:from|information|report(?:s|ed)?|says?|said|statement|data|sources?|news|update|according)\b|:$",
    re.IGNORECASE,
)
_NOT_SOURCE = re.compile(r"^(?:photo|image|video|picture|caption|credit|read more|related|see also)\b", re.IGNORECASE)


def names_a_source(heading: str) -> bool:
    """A heading that names where the items below it come from ("Information from Baku",
    "Armenian MoD:", "The Azerbaijani Defence Ministry"), not a topic ("1 Nagorno-Karabakh") or a
    photo credit ("Photo: ..., Reuters")."""
    if _NOT_SOURCE.match(heading):
        return False
    return bool(_SOURCE_WORDS.search(heading) or OFFICIAL_WORDS.search(heading) or ROLE_WORDS.search(heading))
