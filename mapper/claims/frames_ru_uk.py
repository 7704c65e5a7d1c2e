"""Stage: speech frames of sentences in Russian and Ukrainian.

Reporting from both sides of the Russia-Ukraine war is read in the original as well as in translation.
Its reported speech has a few fixed shapes, each found here as a :class:`~mapper.claims.frames.Frame`
like the English ones, so that the speaker stages resolve it in the same way:

=================================================  ==========================================
"..., сообщил мэр города Иван Приходько."           the verb after the report, then the speaker
"«...», — написал Приходько в Telegram-канале."     (the same, after a quotation and a dash)
"Об этом сообщили в Минобороны России."             an attribution of the sentence before it
"Губернатор Вячеслав Гладков сообщил, что ..."      the speaker, the verb, then the report
"По данным Минобороны, ...", "За словами X, ..."    a source marker, like "according to"
"За його даними, ...", "По его словам, ..."         the speaker before goes on
"... з посиланням на голову ОВА", "со ссылкой на"   the source cited, like "citing"
"говорится в сообщении администрации города"        a document: its author, or the speaker before
=================================================  ==========================================

The words are data in :mod:`mapper.lexicon_ru_uk`; nothing here knows a conflict.
"""

from __future__ import annotations

import re

from ..lexicon_ru_uk import (
    CYRILLIC,
    CYRILLIC_ADVERBIALS,
    DENY_VERBS,
    DOCUMENT,
    IMPERSONAL,
    NOTHING_WORDS,
    OFFICIAL_TITLE_STEMS,
    SOURCE_MARKERS,
    SPEECH_VERBS,
)
from .frames import CHANNEL_AFTER, PERSON_CONTINUES, Frame, FrameKind

__all__ = ["cyrillic_frames", "reports_nothing_cyrillic"]

_VERB = re.compile(rf"(?<!\w)(?P<verb>{SPEECH_VERBS}|{DENY_VERBS})(?!\w)", re.IGNORECASE)
_DENY = re.compile(rf"^(?:{DENY_VERBS})$", re.IGNORECASE)
_IMPERSONAL = re.compile(rf"^(?:{IMPERSONAL})$", re.IGNORECASE)
#: Where a speaker after its verb ends: punctuation, or the medium it spoke in ("в Telegram-канале").
_SPEAKER_END = re.compile(
    r"\s*(?:$|[,.;:!?«»\"„“”()—–]|\s(?:в|во|у|на)\s+(?:сво(?:е|ё|ем|ём|їй|єму|ему)\b|telegram|телеграм|соцсет|соцмереж|"
    r"эфир|ефір|интервью|інтерв|беседе|розмов|комментари|коментар|обращени|зверненн|видео|відео|брифинг|брифінг)|"
    r"\s(?:в|у)\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|понеділок|вівторок|середу|"
    r"четвер|п'ятницю|суботу|неділю)\b|"
    # "..., повідомила ОВА після обстрілу Білопілля": when, not who (see _WHEN_AFTER_SPEAKER)
    r"\s(?:після|после|внаслідок|вследствие)\s)",
    re.IGNORECASE,
)
#: Where something was said, before or after the verb: "в своем телеграм-канале", "в інтерв'ю", "на брифинге".
_MEDIUM = re.compile(
    r"(?<!\w)(?:в|во|у|на|во\s+время|в\s+ходе|під\s+час|в\s+ході)\s+(?:сво\w*\s+|своё\s+)?(?:(?:официальн|офіційн|личн|особист)\w*\s+)?"
    r"(?:telegram|телеграм|соцсет|соцмереж|эфир|ефір|интервью|інтерв|"
    r"беседе|розмов|комментари|коментар|обращени|зверненн|видео|відео|брифинг|брифінг|facebook|фейсбу)[\w'’-]*",
    re.IGNORECASE,
)
_MEDIUM_AFTER = re.compile(r"\s+" + _MEDIUM.pattern, re.IGNORECASE)
#: A speaker's phrase opening right after the medium: a word, not punctuation (", сообщил в Telegram." ends).
_SPEAKER_START = re.compile(r"\s+[\w«\"„]")


#: A source named after its marker, up to the punctuation that ends the phrase.
def _source(longest: int) -> str:
    return rf"(?P<who>[^,.;:«»\"„“”()]{{2,{longest}}}?)(?=\s*(?:[,.;:«»\"„“”()]|$))"


_ACCORDING = re.compile(rf"(?<!\w)(?:{SOURCE_MARKERS})\s+{_source(120)}", re.IGNORECASE)
#: "РИА Новости со ссылкой на мэра", "з посиланням на голову ОВА": the source cited, like "citing".
_CITING = re.compile(
    rf"(?<!\w)(?:со\s+ссылкой\s+на|з\s+посиланням\s+на|посилаючись\s+на|ссылаясь\s+на)\s+{_source(150)}", re.IGNORECASE
)
#: "По его словам, ...", "За його даними, ...": the speaker before goes on.
_ACCORDING_PRONOUN = re.compile(
    r"(?<!\w)(?:(?:по|за)\s+(?:его|ее|её|их|його|її|їх)\s+(?:данным|словам|информации|даними|словами|інформацією)|"
    # "З його слів, ...", "С его слов, ...": from his words
    r"(?:з|із|зі|с|со)\s+(?:его|ее|её|их|його|її|їх)\s+(?:слов|слів))(?!\w)",
    re.IGNORECASE,
)
#: A time right after the verb, before its speaker: "повідомив у понеділок голова ОВА", "сообщил накануне губернатор".
#: A day of the month ("11 марта", "16 квітня 2023 року"): when it was said, no part of who said it.
_DATE = (
    r"\d{1,2}\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|січня|"
    r"лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня)"
    r"(?:\s+\d{4}(?:\s+(?:года|году|року))?)?"
)
_DATE_IN = re.compile(rf"(?<!\w){_DATE}(?!\w)", re.IGNORECASE)
#: When, in words: a weekday ("в пятницу") or a day or time of day ("вчера", "вночі").
_WHEN_WORDS = (
    r"(?:в|у|во)\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|понеділок|вівторок|"
    r"середу|четвер|п['’]ятницю|суботу|неділю)|вчера|вчора|сегодня|сьогодні|накануне|напередодні|утром|вранці|"
    r"ввечері|вечером|ночью|вночі"
)
_WHEN_AFTER = re.compile(rf"\s+(?:{_DATE}|{_WHEN_WORDS})(?=\s+\w)", re.IGNORECASE)
#: A subject-less stretch that is only a date ("5 августа"), before the verb.
_DATE_ONLY = re.compile(rf"\s*{_DATE}\s*$", re.IGNORECASE)
#: When, at the end of a subject ("Власти Энергодара в пятницу"): no part of the speaker.
_WHEN_AT_END = re.compile(rf"\s+(?:{_WHEN_WORDS})\s*$", re.IGNORECASE)


#: A unit's name in quotation marks after its acronym or kind ("ОСУВ «Хортиця»", "угруповання "Дніпро"",
#: "группировки «Север»"): part of a speaker's phrase, not the end of it.
_UNIT_NAME = re.compile(
    r"(?:(?<=\b[А-ЯЁІЇЄҐA-Z]{2})|(?<=\b[А-ЯЁІЇЄҐA-Z]{3})|(?<=\b[А-ЯЁІЇЄҐA-Z]{4})|"
    r"(?<=угруповання)|(?<=угрупування)|(?<=группировки)|(?<=группировка)|(?<=військ)|(?<=войск))"
    r"(\s+)[«\"„“]([А-ЯЁІЇЄҐA-Z][^«»\"„“”,.;:]{0,30})[»\"“”]"
)
#: A forward frame: the verb, then its report ("сообщил, что ...", "заявив: ...").
_REPORT_FOLLOWS = re.compile(r"\s*(?:,\s*(?:что|що|будто|нібито)\b|:)", re.IGNORECASE)
_OPENERS = re.compile(r"^(?:в|у|во)\s+(?=[А-ЯЁІЇЄҐA-Z])")


def cyrillic_frames(text: str) -> list[Frame]:
    """The speech frames of a sentence with Cyrillic words (none for one without)."""
    if not CYRILLIC.search(text):
        return []
    # (quotation marks around a unit's name read as spaces, so that its speaker's phrase goes on over it: the
    # same length, so that every position stays that of the sentence)
    text = _UNIT_NAME.sub(lambda m: m.group(1) + " " + m.group(2) + " ", text)
    out: list[Frame] = []
    for m in _ACCORDING.finditer(text):
        who = _clean(m.group("who"))
        if who:
            out.append(Frame(FrameKind.ACCORDING, who, m.start("who"), m.end("who"), "according to", (0, len(text))))
    for m in _CITING.finditer(text):
        who = _clean(m.group("who"))
        if who:
            out.append(Frame(FrameKind.CITING, who, m.start("who"), m.end("who"), "citing", (0, len(text))))
    for m in _ACCORDING_PRONOUN.finditer(text):
        out.append(Frame(FrameKind.ACCORDING, "", m.start(), m.end(), PERSON_CONTINUES, (0, len(text)), continues=True))
    taken = [(f.start, f.end) for f in out]
    for m in _VERB.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        frame = _verb_frame(text, m.group("verb"), m.start(), m.end(), out)
        if frame is not None:
            out.append(frame)
    return out


#: Relative words that open a clause with a verb of speech and stand for the subject before them.
_RELATIVE_WORDS = frozenset({"де", "где", "який", "яка", "які", "который", "которая", "которые", "котрий"})


def _verb_frame(text: str, verb: str, vs: int, ve: int, earlier: list[Frame]) -> Frame | None:
    deny = bool(_DENY.match(verb))
    impersonal = bool(_IMPERSONAL.match(verb))
    before = text[:vs].rstrip()
    cut = max(before.rfind(ch) for ch in ',.;:«»"„“”—–')
    prev = max(before.rfind(ch, 0, cut) for ch in ',.;:«»"„“”—–') if cut > 0 else -1
    if before.endswith(",") and prev >= 0 and before[prev] == "," and _DATE_ONLY.match(before[prev + 1 : cut]):
        # "Власти Энергодара в пятницу, 5 августа, сообщили": a date set off by commas is no subject; the subject
        # stands before it (the date, its commas and a weekday blanked)
        cut = max(before.rfind(ch, 0, prev) for ch in ',.;:«»"„“”—–')
        head = before[cut + 1 : prev]
        if (when := _WHEN_AT_END.search(head)) is not None:
            head = head[: when.start()]
        before = before[: cut + 1] + head.ljust(len(before) - cut - 1)
    subject = before[cut + 1 :]
    # "Об этом в своем телеграм-канале написал X": where it was said is no part of a subject; nor is "как" in
    # "В Северодонецке, как подчеркнул Гайдай, продолжаются бои" (the speaker follows, and speaks the sentence)
    # (a hyphen typed for a dash, '"...", - написал он', opens no subject)
    core = _DATE_IN.sub(" ", _MEDIUM.sub(" ", subject)).strip(" -")
    parenthetical = core.strip().lower() in ("как", "як")
    if core.strip().lower() in _RELATIVE_WORDS:
        # "Сирський дав інтерв'ю, де розповів про ...": the relative word stands for the subject before it
        return Frame(FrameKind.FORWARD, "", vs, ve, verb, (ve, len(text)), deny, continues=True)
    if (
        core.strip()
        and not all(w.lower() in NOTHING_WORDS for w in core.split())
        # ("Об этом и других преступлениях ВСУ сообщил губернатор": a phrase after a preposition is no subject)
        and not _PREPOSITION_FIRST.match(core.strip())
        and not impersonal
        and not parenthetical
    ):
        # "Губернатор Вячеслав Гладков сообщил, что ...", "Власти города подтвердили информацию": the subject
        # before the verb speaks, and reports what follows ("Об этом он написал": what it is about goes).
        about = _ABOUT_THIS.match(subject.lstrip())
        if about is not None:
            subject = " " * (len(subject) - len(subject.lstrip()) + about.end()) + subject.lstrip()[about.end() :]
        who = _clean(subject)
        if not who:
            return None
        after = _REPORT_FOLLOWS.match(text, ve)
        start = cut + 1 + len(subject) - len(subject.lstrip())
        return Frame(FrameKind.FORWARD, who, start, vs, verb, (after.end() if after else ve, len(text)), deny)
    # "..., сообщил мэр города X", "«...», — написал X", "Об этом сообщили в Минобороны": the speaker follows,
    # perhaps after where it was said ("сообщил в своем официальном Telegram-канале губернатор региона").
    when = _WHEN_AFTER.match(text, ve)
    if when is not None:
        ve = when.end()
    medium = _MEDIUM_AFTER.match(text, ve)
    if medium is not None and _SPEAKER_START.match(text, medium.end()):
        ve = medium.end()
        owner_of = _MEDIUMS_OWNER.match(text, ve) if impersonal else None
        if owner_of is not None and (who := _clean(owner_of["who"])):
            # "Об этом сообщается в Facebook областной государственной (военной) администрации (ОВА)": the owner of
            # the page it is said on speaks (its name may hold parentheses)
            return Frame(FrameKind.BACKWARD, who, owner_of.start("who"), owner_of.end("who"), verb, (0, vs), deny)
    end = _SPEAKER_END.search(text, ve)
    stop = end.start() if end is not None else len(text)
    raw = text[ve:stop]
    start = ve + len(raw) - len(raw.lstrip())
    doc = DOCUMENT.match(raw.strip())
    if doc is not None and not doc.group("owner"):
        # "говорится в сообщении на Telegram-канале мэра X": the channel's owner, after the medium, wrote it
        medium = _MEDIUM_AFTER.match(text, stop)
        if medium is not None and _SPEAKER_START.match(text, medium.end()):
            end = _SPEAKER_END.search(text, medium.end())
            stop = end.start() if end is not None else len(text)
            raw = f"{raw} {text[medium.end() : stop]}"
            doc = DOCUMENT.match(raw.strip())
    if doc is not None or impersonal:
        owner = doc.group("owner") if doc is not None else None
        if owner:
            # "говорится в сообщении администрации города": the document's author speaks.
            return Frame(FrameKind.BACKWARD, _clean(owner), stop - len(owner), stop, verb, (0, vs), deny)
        if not text[:vs].strip(' ,—–-«»"„“”'):
            after = _REPORT_FOLLOWS.match(text, ve)
            if after is not None:
                # "Повідомляється, що ...", "Сообщается, что ...": reported by the speaker before, of what follows.
                return Frame(FrameKind.FORWARD, "", vs, ve, verb, (after.end(), len(text)), deny, continues=True)
            if not earlier:
                return None
        # "говорится в сообщении", "сообщается": the speaker before goes on.
        return Frame(FrameKind.BACKWARD, "", vs, vs, verb, (0, vs), deny, continues=True)
    cite = _CITING.search(raw)
    if cite is not None:
        # "повідомляє РБК-Україна з посиланням на голову ОВА": the relaying outlet; the cited source has its frame.
        stop = ve + cite.start()
        raw = raw[: cite.start()]
    who = _clean(raw)
    if not who:
        return None
    if _OPENERS.match(text, start):
        start = _OPENERS.match(text, start).end()  # type: ignore[union-attr]
    # ("озвучив Андрій Райкович, голова Кіровоградської ОВА": his title after a comma may name his side)
    title = _TITLE_AFTER.match(text, stop)
    longer = ((start, title.end()),) if title is not None else ()
    # ("..., сообщил Гладков после обстрела Шебекино": the report goes on after its speaker)
    goes_on = parenthetical or (end is not None and _WHEN_AFTER_SPEAKER.match(text, end.start()) is not None)
    return Frame(FrameKind.BACKWARD, who, start, stop, verb, (0, len(text) if goes_on else vs), deny, longer=longer)


#: Where a speaker after its verb ends in a clause of time that is part of the report.
_WHEN_AFTER_SPEAKER = re.compile(r"\s(?:після|после|внаслідок|вследствие)\s", re.IGNORECASE)


#: The owner of the page something is said on, after the page ("сообщается в Telegram-канале | мэра города"), up to
#: the end of its clause.
_MEDIUMS_OWNER = re.compile(r"\s+(?P<who>[^\W\d][^,.;:«»\"„“”]{2,150}?)\s*(?=[,.;:«»\"„“”]|$)")


#: A title after a comma that follows a speaker's name: "..., голова Кіровоградської ОВА", "..., глава ДНР".
_TITLE_AFTER = re.compile(
    rf",\s*(?:(?:врио|в\.о\.|и\.о\.)\s+)?(?:{OFFICIAL_TITLE_STEMS}|керівник|речник|"
    r"спикер|представител|представник|командувач|командующ)\w*\s[^,.;:!?«»\"„“”()—–]{3,100}",
    re.IGNORECASE,
)


#: "Об этом" before a subject ("Об этом он написал в телеграм-канале", "Про це повідомив голова ОВА").
_ABOUT_THIS = re.compile(r"(?:об|о|про)\s+(?:этом|том|это|це|цьому)\s+(?!(?:и|і|та|й|или|або)\s)", re.IGNORECASE)
#: What a report is about, which is no subject: "Об этом и других преступлениях ВСУ сообщил ...", "Про інші
#: обстріли повідомив ..." (but "Об этом начальник Генштаба сообщил" has its subject after "об этом"; and "В полиции
#: сообщили" is the police speaking).
_PREPOSITION_FIRST = re.compile(
    r"^(?:о|об|обо|про)\s+(?!(?:этом|том|це|цьому|это)\s+(?!(?:и|і|та|й|или|або)\s))", re.IGNORECASE
)

#: "(со ссылкой на) сообщение губернатора": the document stands for its author.
_DOCUMENT_OF = re.compile(
    r"^(?:повідомлення|сообщени[еяи]|заяв[уиі]|заявлени[еяи]|данные|дані|слова|публикаци[юи]|публікаці[юї]|"
    r"(?:telegram|телеграм)[- ]?канал\w*)\s+",
    re.IGNORECASE,
)


#: When it was said, before the speaker ("повідомив зранку 7 серпня голова ОВА"): no part of the speaker.
_LEADING_WHEN = re.compile(
    rf"^(?:(?:зранку|вранці|утром|ввечері|вечером|вночі|ночью|днем|вдень|сьогодні|сегодня|вчера|вчора|{_DATE}|"
    # ("Также 17 февраля ведомство заявило ...": the adverbs that open a sentence before its speaker)
    r"также|також|кроме\s+того|крім\s+того|при\s+этом|при\s+цьому|в\s+свою\s+очередь|у\s+свою\s+чергу|ранее|"
    r"раніше|позже|позднее|затем|потом|згодом|пізніше|потім|"
    r"(?:в|во|у)\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|понеділок|вівторок|середу|"
    r"четвер|п['’]ятницю|суботу|неділю)),?\s+)+",
    re.IGNORECASE,
)


def _clean(who: str) -> str:
    who = _LEADING_WHEN.sub("", who.strip(' ,.—–-«»"„“”'))
    who = _DOCUMENT_OF.sub("", _OPENERS.sub("", who))
    who = CYRILLIC_ADVERBIALS.sub("", who).strip(" ,")  # "До этого Приходько также сообщал"
    who = CHANNEL_AFTER.sub("", who)  # "Приходько в своем Telegram-канале заявил"
    words = who.split()
    if not words or len(words) > 12 or not CYRILLIC.search(who) and not re.search(r"[A-Z]", who):
        return ""
    return " ".join(words)


def reports_nothing_cyrillic(rest_words: list[str]) -> list[str]:
    """The words of a sentence's remainder that say more than an attribution ("Об этом", "Про це")."""
    return [w for w in rest_words if w not in NOTHING_WORDS and not _VERB.fullmatch(w)]
