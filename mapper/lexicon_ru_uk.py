"""The event words of war reporting in Russian and Ukrainian, as data (stems with any ending).

Reporting from both sides of the Russia-Ukraine war is often read in the original: "Украинские
войска начали обстрел города Энергодар", "Росіяни обстріляли Нікополь".  English grammar cannot
find a speaker there, but the event words and the places can be found, and the claim then belongs
to the outlet's own account (its side from the profile's outlet patterns).  Words are matched as
stems, since both languages inflect them ("обстрел", "обстрела", "обстрелами"); each type lists
Russian first, then Ukrainian.  Nothing here knows a conflict.
"""

from __future__ import annotations

import itertools
import re

__all__ = [
    "CYRILLIC_ADVERBIALS",
    "EVENT_STEMS",
    "ACTION",
    "CYRILLIC",
    "nominatives",
    "admin_nominative",
    "admin_nominatives",
    "short_republic_nominative",
    "ADMIN_NOUNS",
    "SPEECH_VERBS",
    "DENY_VERBS",
    "SOURCE_MARKERS",
    "NOTHING_WORDS",
    "OFFICIAL_TITLE_STEMS",
    "LOCAL_OFFICIAL",
    "OFFICIAL_BODY",
    "REGIONAL",
    "IMPERSONAL",
    "DOCUMENT",
    "ANAPHOR",
    "adjective_centres",
    "COMMON_CAPITALISED",
    "NATIONALITY_ADJECTIVE",
    "phrase_nominatives",
]

#: A place lost: "потерю микрорайона", "потерю контроля над селом", "втрату позицій біля села".
_LOSS_OF_PLACE = (
    r"(?:потер[яюие]\w*|втрат[аиуо]\w*)\s+(?:\w+\s+){0,2}?"
    r"(?:контрол\w*|микрорайон\w*|мікрорайон\w*|позици\w*|позиці\w*|сел[аоу]\w*|город\w*|міст[аоу]\w*|"
    r"территори\w*|територі\w*|населенн\w*|населен\w*)"
)
#: Killing and losses: "розстріляли полонених", "расстреляли мирных жителей" (killed by shooting); the Defence
#: Ministry's "в районах населенных пунктов X, Y нанесены потери живой силе" ("завдано втрат" in Ukrainian).
_SHOT_OR_LOSSES = (
    r"розстрі?л\w*|расстрел\w*|(?:нанес|нанёс)\w*\s+(?:\w+\s+){0,2}?потер\w*|завда\w*\s+(?:\w+\s+){0,2}?втрат\w*"
)
#: Event type (as in :data:`mapper.claims.events.EVENT_TYPES`) -> pattern, most specific type first.
#: The General Staff's word for fighting at places: "найбільша активність ворога спостерігається в районах X",
#: "наибольшую активность противник проявляет в районах Y".
_ENEMY_ACTIVITY = (
    r"активн\w+\s+(?:\w+\s+)?(?:ворог\w*|противник\w*|окупант\w*|оккупант\w*|росіян\w*|россиян\w*|агрессор\w*|агресор\w*)|"
    r"(?:ворог\w*|противник\w*|окупант\w*|оккупант\w*)\s+(?:\w+\s+){0,2}активн\w+"
)
#: "Инцидент произошел около села X", "інцидент стався у Y": in a war report, an event at the place.
_INCIDENT_HAPPENED = (
    r"(?:инцидент|происшествие|ЧП|інцидент|НП)\s+(?:произош(?:[её]л|ло)|случил(?:ся|ось)|стал(?:ся|ося|ася)|стався|"
    r"відбув(?:ся|ося|ася)|трапив(?:ся|ося))"
)
#: "оставили села Степовое и Северное", "залишили село", "отступлении из сел": a place given up.
_GIVEN_UP = (
    r"(?:оставил|залишил)[аио]?\s+(?:[\w-]+\s+){0,2}?(?:сел\w*|сёл\w*|город\w*|міст\w*|населенн\w*|населен\w*|"
    r"позици\w*|позиці\w*)|(?:отступ|відступ)\w*\s+(?:[\w-]+\s+){0,2}?(?:из|с|з|від)(?!\w)"
)
#: "Снаряды разорвались в X", "снаряд розірвався": a shell burst there.
_BURST = (
    r"разорвал(?:ся|ась|ось|ись)|розірвав(?:ся)|розірвал(?:ася|ося|ися)|"
    # "росіяни вдарили по Оріхову": the Ukrainian verb of striking
    r"вдари(?:ли|ла|в|ть|ло)|вдаря(?:ть|ють)|"
    # "Вторая ракета попала в частный сектор": a weapon that hit (not "попал в больницу")
    r"(?:ракет|снаряд|дрон|беспилотн|БПЛА|бомб|мин)\w*\s+(?:\w+\s+)?попал[аио]?"
)
EVENT_STEMS: dict[str, str] = {
    "missile strike": r"ракет\w*|РСЗО|Искандер\w*|Іскандер\w*|ХИМАРС|ХАЙМАРС",
    "drone strike": r"беспилотн\w*|безпілотн\w*|БПЛА|БпЛА|дрон\w*|шахед\w*|Шахед\w*|Герань\w*|Ланцет\w*",
    "air strike": (
        r"авиаудар\w*|авиабомб\w*|авиаци\w*|авіаудар\w*|авіабомб\w*|авіаці\w*|"
        r"бомб(?:ил|ит|ят|ард|ув|ов|еж|ёж)\w*"  # "авіація бомбила Гуляйполе", "бомбардування", "бомбежка"
    ),
    "shelling": (
        r"обстрел\w*|обстреля\w*|артиллери\w*|минометн\w*|миномет\w*|снаряд\w*|"
        r"обстріл\w*|обстріля\w*|артилері\w*|мінометн\w*|міномет\w*|"
        # "прийшлося 106 артударів", "артобстріл": artillery strikes in one word
        r"артудар\w*|артобстр\w*|"
        # "Тероризував Нікополь і Покровську громаду", "враг терроризирует Херсон": shelling, in officials' words
        r"тероризу\w*|тероризув\w*|терроризир\w*|"
        # "По Зноб-Новгородской громаде россияне стреляли из артиллерии", "стріляли по селу"
        r"стреля(?:ли|ют|л[аи]?)\b|стріля(?:ли|ють|в|ла)\b|"
        r"(?:открыл|открыва|відкри)\w*\s+(?:\w+\s+)?(?:огонь|вогонь)|"
        # "під ворожим вогнем опинилися X, Y", "оказались под огнем": under fire
        r"(?:під|под)\s+(?:\w+\s+)?(?:вогн\w*|вогонь|огн\w*|огонь)|"
        # "Противник начал огонь по селам ...", "ворог веде вогонь по ..."
        r"(?:начал|вел|вед)\w*\s+(?:\w+\s+)?огонь|(?:почав|почал|вів|вел|вед)\w*\s+(?:\w+\s+)?вогонь|"
        # "По Новой Каховке, Алешкам ... враг выпустил 115 боеприпасов": the occupation officials' daily count
        r"(?:выпуст|выпущ|випуст|випущ)\w*\s+(?:[\w-]+\s+){0,4}?(?:боеприпас|боєприпас|мин)\w*"
    ),
    "ground attack": (
        r"атак\w*|атаку\w*|штурм\w*|наступлени\w*|наступа\w*|наступ|наступу|наступом|"
        # "окупанти намагалися просунутися в районах X", "пытались продвинуться у Y": attempts to advance, infiltration
        r"просун\w*|просува\w*|продвин\w*|продвига\w*|продвижени\w*|інфільтрац\w*|инфильтрац\w*|"
        # "высадка десанта у аэродрома Гостомель": an assault from the air
        r"(?:высадк|висадк)\w*\s+(?:\w+\s+)?десант\w*|десантирова\w*|"
        r"диверсионно-\w+|диверсійно-\w+|ДРГ|диверсант\w*"
    ),
    "capture": (
        r"освобо(?:ж|д(?!ят\b|ит\b|им\b))\w*|под\s+(?:полный\s+|свой\s+)?контрол\w*|захват(?!чик)\w*|занял[иа]?|оккупир\w*|"
        r"звільн(?!ять\b|ить\b|имо\b)\w*|під\s+(?:повний\s+|свій\s+)?контрол\w*|захопи\w*|захопл\w*|окупува\w*|окупован\w*|"
        # "территория Мариуполя зачищена от украинских войск": cleared of the enemy, as in English
        r"зачищ\w*|зачист\w*|"
        # "овладели населенными пунктами", "опанували Андріївку", "о взятии города", "вывести войска из Авдеевки"
        r"овладе\w*|опанува\w*|взяти[еяюи]|взятт\w*|"
        # "зашли в населенные пункты Лиман и Вильча", "увійшли до села" (but "вошли в состав": joined, no entry)
        r"(?:за|во)шл\w*\s+в\s+(?!состав)|(?:зай|увій|вві)шл\w*\s+(?:в|у|до)\s+(?!склад)|"
        r"(?:вывод|вывел|вывести|выведен|вивед|вивел|вивести|відвед|отвод|отвел)\w*\s+(?:\w+\s+){0,2}?(?:войск|військ|подразделени|підрозділ)\w*|"
        # "подтвердили потерю микрорайона «Канал»", "втрату контролю над селом": a place lost
        + _LOSS_OF_PLACE
        + r"|"
        + _GIVEN_UP
    ),
    "clashes": (
        r"бо(?:и|ев|ях|ями|й|ю)|боестолкновени\w*|столкновени\w*|окружени\w*|окружен\w*|"
        # "боевые действия развернулись", "ВСУ прорвали границу", "попытки прорыва": fighting, a breakthrough
        r"боев\w+\s+действи\w*|бойов\w+\s+ді\w*|прорв\w*|прорыв\w*|прорив\w*|"
        r"бо(?:ї|їв|ях|ями|й|ю)|боєзіткнен\w*|зіткнен\w*|оточен\w*|блокад\w*|(?:за)?блокир\w*|(?:за)?блоков\w*|(?:за)?блокув\w*|"
        # "Сили оборони змогли покращити позиції в Ірпені": the daily formula, as in English ("improved their
        # positions near X")
        r"улучш\w*\s+(?:\w+\s+)?(?:положени\w*|позици\w*)|покращ\w*\s+(?:\w+\s+)?(?:позиці\w*|становищ\w*)|"
        # "найбільша активність ворога спостерігається в районах X, Y": the General Staff's word for fighting
        + _ENEMY_ACTIVITY
    ),
    "strike": (
        r"удар\w*|поражен\w*|попадани\w*|взрыв\w*|разруш\w*|поврежд\w*|уничтож\w*|погиб\w*|ранен\w*|"
        # munitions dropped from a drone: "были сброшены боеприпасы с БПЛА", "скинули вибухівку"
        r"сбросил[аио]?|сброшен\w*|сброс\w*\s+(?:\w+\s+)?(?:боеприпас|взрывчат|ВОГ|бомб|снаряд)\w*|"
        r"скинул[аио]?|скинув|скинут\w*|скид\w*\s+(?:\w+\s+)?(?:боєприпас|вибухівк|ВОГ|бомб|снаряд)\w*|"
        r"убит\w*|жертв\w*|сбит\w*|сбил[иа]?|прилет\w*|" + _SHOT_OR_LOSSES + r"|"
        r"ураж\w*|влучан\w*|вибух\w*|зруйн\w*|руйнуван\w*|пошкодж\w*|знищ\w*|загину\w*|загибл\w*|поранен\w*|"
        # a drone "сдетонировал при посадке"; "Инцидент произошел около села X", "інцидент стався у Y": what happened
        r"сдетонир\w*|детонац\w*|здетонув\w*|детонув\w*|" + _INCIDENT_HAPPENED + r"|" + _BURST + r"|"
        # "дрон поцілив у автомобіль", "ракета влучила в будинок"
        r"поціли\w*|поцілю\w*|влучи\w*|влучил\w*|"
        r"вбит\w*|вбив\w*|збит\w*|збил[иа]?|приліт\w*|"
        # "росіяни били безпілотниками", "гучно було у ... громадах" (explosions heard: the regional heads' word)
        r"били|бил[аи]|б[’']ють|бьют|гучно|"
        # debris of a downed drone, the fires it starts, air defence at work ("работу ПВО зафиксировали")
        r"повред\w*|обломк\w*|осколк\w*|уламк\w*|возгоран\w*|загорел\w*|пожар\w*|пожеж\w*|ПВО|ППО|"
        # "Пострадали восемь населенных пунктов": places harmed
        r"пострадал[аио]?|постраждал[аио]?|постраждав|пострадавш\w*|постраждал\w*|"
        # "вывели из строя аэродромы в X": put out of action
        r"(?:вывел|вывод|выведен|вивел|вивод|виведен)\w*\s+из\s+стро[яю]|(?:вивел|вивод|виведен)\w*\s+з\s+ладу"
    ),
}

#: Words that say something happened (a weapon noun alone says only how).
ACTION = re.compile(
    r"\b(?:обстрел\w*|обстреля\w*|обстріл\w*|обстріля\w*|атак\w*|штурм\w*|наступлени\w*|наступ\w*|удар\w*|"
    r"стреля(?:ли|ют|л[аи]?)\b|стріля(?:ли|ють|в|ла)\b|"
    r"авиаудар\w*|авіаудар\w*|артудар\w*|артобстр\w*|бомб(?:ил|ит|ят|ард|ув|ов|еж|ёж)\w*|"
    r"тероризу\w*|тероризув\w*|терроризир\w*|"
    r"поражен\w*|попадани\w*|взрыв\w*|вибух\w*|разруш\w*|зруйн\w*|поврежд\w*|пошкодж\w*|уничтож\w*|знищ\w*|"
    r"погиб\w*|загину\w*|загибл\w*|ранен\w*|поранен\w*|убит\w*|вбит\w*|вбив\w*|жертв\w*|сбит\w*|сбил[иа]?|"
    r"збит\w*|збил[иа]?|прилет\w*|приліт\w*|поціли\w*|влучи\w*|влучил\w*|освобо(?:ж|д(?!ят\b|ит\b|им\b))\w*|звільн(?!ять\b|ить\b|имо\b)\w*|захват(?!чик)\w*|захопи\w*|захопл\w*|занял[иа]?|"
    r"под\s+контроль|під\s+контроль|бо(?:и|ев|ях|ями|ї|їв)|боестолкновени\w*|боєзіткнен\w*|зіткнен\w*|"
    r"боев\w+\s+действи\w*|бойов\w+\s+ді\w*|прорв\w*|прорыв\w*|прорив\w*|" + _LOSS_OF_PLACE + r"|" + _GIVEN_UP + r"|"
    r"столкновени\w*|" + _SHOT_OR_LOSSES + r"|" + _ENEMY_ACTIVITY + r"|"
    # "Целился из тяжелой артиллерии по самому Никополю": fire aimed at a place
    r"целил\w*|целя(?:сь|тся|лись)|цілив\w*|цілил\w*|цілячи|"
    r"(?:открыл|открыва|відкри)\w*\s+(?:\w+\s+)?(?:огонь|вогонь)|ураж\w*|влучан\w*|"
    r"(?:начал|вел|вед)\w*\s+(?:\w+\s+)?огонь|(?:почав|вів|вед)\w*\s+(?:\w+\s+)?вогонь|"
    r"руйнуван\w*|разрушени\w*|"
    r"били|бил[аи]|б[’']ють|бьют|гучно|повред\w*|обломк\w*|осколк\w*|уламк\w*|возгоран\w*|загорел\w*|"
    r"сдетонир\w*|детонац\w*|здетонув\w*|детонув\w*|" + _INCIDENT_HAPPENED + r"|" + _BURST + r"|"
    r"пострадал[аио]?|постраждал[аио]?|постраждав|пострадавш\w*|постраждал\w*|"
    # a sabotage group ("зашла диверсионно-разведывательная группа", "ДРГ")
    r"диверсионно-\w+|диверсійно-\w+|ДРГ|диверсант\w*|"
    # "по населенным пунктам ... выпустили более 40 снарядов": shells fired at the places listed
    r"сбросил[аио]?|сброшен\w*|скинул[аио]?|скинув|скинут\w*|"
    r"выпустил[аио]?|випустил[аио]?|випустив|улучш\w*\s+(?:\w+\s+)?(?:положени\w*|позици\w*)|"
    r"покращ\w*\s+(?:\w+\s+)?(?:позиці\w*|становищ\w*)|зачищ\w*|зачист\w*|(?:за)?блокир\w*|(?:за)?блоков\w*|(?:за)?блокув\w*|блокад\w*|"
    r"овладе\w*|опанува\w*|взяти[еяюи]|взятт\w*|"
    r"(?:за|во)шл\w*\s+в\s+(?!состав)|(?:зай|увій|вві)шл\w*\s+(?:в|у|до)\s+(?!склад)|"
    r"(?:вывод|вывел|вывести|выведен|вивед|вивел|вивести|відвед|отвод|отвел)\w*\s+(?:\w+\s+){0,2}?(?:войск|військ|подразделени|підрозділ)\w*|"
    r"просун\w*|просува\w*|продвин\w*|продвига\w*|продвижени\w*|інфільтрац\w*|инфильтрац\w*|"
    r"(?:під|под)\s+(?:\w+\s+)?(?:вогн\w*|вогонь|огн\w*|огонь)|"
    r"(?:высадк|висадк)\w*\s+(?:\w+\s+)?десант\w*|десантирова\w*|окружени\w*|окружен\w*|оточен\w*|"
    r"(?:вывел|вывод|выведен|вивел|вивод|виведен)\w*\s+из\s+стро[яю]|(?:вивел|вивод|виведен)\w*\s+з\s+ладу|"
    r"ПВО|ППО)\b",
    re.IGNORECASE,
)

#: Any Cyrillic letter: only such sentences are searched for these words.
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


# Case endings of Russian and Ukrainian nouns and adjectives -> the nominative endings they may come from,
# longest first: "обстрел Горловки" (Горловка), "в Курске" (Курск), "жители Нікополя" (Нікополь).
_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ами", ("ы", "и", "а")),
    ("ого", ("ий", "ый", "ое", "ой", "е")),  # Ukrainian neuter names too: "обстріл Гірського" (Гірське)
    ("ому", ("ий", "ый", "ое", "е")),
    ("ові", ("ів", "", "а")),  # "у Макарові", "у Харкові": Макарів, Харків (Ukrainian і of a closed syllable)
    ("ова", ("ів",)),  # "біля Макарова": Макарів
    ("ову", ("ів",)),  # "по Оріхову": Оріхів
    ("еві", ("ь",)),
    ("ой", ("а", "ая", "ий", "ый")),
    # Ukrainian feminine adjectives: "у Козачій Лопані" (Козача Лопань), "біля Нової Каховки" (Нова Каховка)
    ("ій", ("а", "я")),
    ("ої", ("а",)),
    ("ей", ("ь", "я")),
    # names that are adjectives, in the locative: "на Афипском заводе" (Афипский), "в Горском" (Горское)
    ("ском", ("ский", "ское", "ск")),
    ("цком", ("цкий", "цкое", "цк")),
    # ... and in the instrumental: "між Покровськом і Родинським" (Родинське), "под Горским" (Горское)
    ("ським", ("ське", "ський", "ськ")),
    ("цьким", ("цьке", "цький")),
    ("ским", ("ское", "ский", "ск")),
    ("цким", ("цкое", "цкий")),
    ("ом", ("", "о", "ый")),  # (an adjective in the locative: "в Старом Осколе", Старый Оскол)
    ("ем", ("ь", "е")),
    ("ою", ("а",)),
    ("ую", ("ая",)),
    ("ах", ("ы", "и", "а")),
    ("ях", ("и",)),
    ("ам", ("и", "ы", "а")),  # "удар по Алешкам": Алешки
    ("ям", ("и",)),
    # Ukrainian -ка, -га, -ха before -і: "у Врубівці" (Врубівка), "в Ользі", "на Вільсі"
    ("ці", ("ка", "ець")),  # ... and -ець: "у Марганці" (Марганець), "у Кременці"
    ("зі", ("га",)),
    ("сі", ("ха",)),
    ("ця", ("ець",)),  # "біля Марганця", "з Кременця"
    ("цю", ("ець",)),  # "по Марганцю"
    ("цем", ("ець",)),
    ("ья", ("ье",)),  # neuter names in -ье: "у Высокополья", "по Высокополью" (Высокополье)
    ("ью", ("ье",)),
    ("и", ("а", "я", "ь", "и")),
    ("ы", ("а",)),
    ("е", ("а", "", "ь", "о")),
    ("у", ("а", "")),
    ("ю", ("я", "ь", "е")),
    ("а", ("", "о")),
    # (neuter names in -е after a soft consonant: "окраин Гуляйполя", "у Гуляйполі" (Гуляйполе))
    ("я", ("ь", "й", "е")),
    ("і", ("а", "я", "ь", "е")),
)
#: Shorter words are left as written: too many short words would become names by chance.
MIN_INFLECTED = 5
#: ... and the first word of a name of two or three ("Малу", "Нову").
SHORT_ADJECTIVE = 4


def nominatives(word: str, shortest: int = MIN_INFLECTED) -> list[str]:
    """The forms a Cyrillic *word* may be an inflection of, most likely first (none for other words, nor for words
    shorter than *shortest*)."""
    if "-" in word:
        # "в Славянске-на-Кубани": the first part carries the case; "в Ивано-Франковске", "у Новоград-Волинському":
        # the last
        first, rest = word.split("-", 1)
        head, last = word.rsplit("-", 1)
        # ... or both: "Каменки-Днепровской" (Каменка-Днепровская)
        both = [f"{a}-{b}" for a in nominatives(first) for b in nominatives(last)] if "-" not in rest else []
        return [f"{v}-{rest}" for v in nominatives(first)] + [f"{head}-{v}" for v in nominatives(last)] + both[:16]
    if len(word) < shortest or not CYRILLIC.search(word):
        return []
    low = word.lower()
    out: list[str] = []
    for ending, bases in _ENDINGS:
        if low.endswith(ending):
            stem = word[: -len(ending)]
            out.extend(stem + b for b in bases if stem + b != word)
    return out


#: Administrative nouns after an adjective name, inflected -> nominative ("Курской области" = Курская область).
ADMIN_NOUNS: dict[str, str] = {
    "области": "область",
    "областью": "область",
    "області": "область",
    "область": "область",
    "обл": "область",  # the abbreviation, "Луганська обл."
    # the oblast's own bodies: "голова Донецької обласної військової адміністрації", "главы Курской областной думы"
    # (a feminine noun follows: адміністрація, администрация, дума, рада)
    "ова": "область",  # "начальник Харківської ОВА" (its military administration), "голова Сумської ОДА"
    "ода": "область",
    "обласної": "область",
    "обласна": "область",
    "обласній": "область",
    "обласну": "область",
    "областной": "область",
    "областная": "область",
    "областную": "область",
    "района": "район",
    "району": "район",
    "районе": "район",
    "районі": "район",
    "округа": "округ",
    "округе": "округ",
    "окрузі": "округ",
    "громади": "громада",
    "громаді": "громада",
    # "для всего Запорожского края": the land, an oblast (Krasnodar Krai is one by its name)
    "края": "край",
    "краю": "край",
    "крае": "край",
    "краї": "край",
    # the plural after a list of adjectives, each naming one area: "над Белгородской и Курской областями", "в
    # Суджанском и Кореневском районах", "у Сумській та Харківській областях"
    "областях": "область",
    "областей": "область",
    "областям": "область",
    "областями": "область",
    "районах": "район",
    "районов": "район",
    "районами": "район",
    "районів": "район",
}
#: Adjective endings -> nominative endings by the noun's gender (feminine область, громада; masculine район, округ).
_ADJECTIVE = {
    "f": (
        *(("ской", "ская"), ("цкой", "цкая"), ("ой", "ая")),  # Russian genitive, dative, locative, instrumental
        *(("ської", "ська"), ("цької", "цька"), ("ській", "ська"), ("цькій", "цька"), ("ською", "ська")),
        *(("ої", "а"), ("ій", "а")),  # Ukrainian
        *(("ская", "ская"), ("цкая", "цкая"), ("ська", "ська"), ("цька", "цька")),  # nominative, before "обл."
        # accusative ("атаковали Курскую область", "атакували Курську область")
        *(("скую", "ская"), ("цкую", "цкая"), ("ую", "ая"), ("ську", "ська"), ("цьку", "цька")),
        # a masculine adjective before the feminine noun, a slip reporting makes ("У Херсонський області")
        *(("ський", "ська"), ("цький", "цька"), ("ский", "ская"), ("цкий", "цкая")),
    ),
    "m": (
        *(("ского", "ский"), ("ском", "ский"), ("ському", "ський"), ("ського", "ський"), ("ого", "ий"), ("ом", "ий")),
        # nominative ("Ворошиловский и Куйбышевский районы")
        *(("ский", "ский"), ("цкий", "цкий"), ("ський", "ський"), ("цький", "цький")),
    ),
}
_GENDER = {"область": "f", "громада": "f", "район": "m", "округ": "m", "край": "m"}


def admin_nominative(adjective: str, noun: str) -> str:
    """ "Курской", "области" -> "Курская область"; "" when the two words are no inflected area name."""
    base = ADMIN_NOUNS.get(noun.lower())
    if base is None:
        return ""
    for ending, nominative in _ADJECTIVE[_GENDER[base]]:
        if adjective.lower().endswith(ending):
            return f"{adjective[: -len(ending)]}{nominative} {base}"
    return ""


def admin_nominatives(adjective: str, noun: str) -> list[str]:
    """The names an inflected area name with its kind word may stand for, most likely first: "Курской", "области"
    -> ["Курская область"]; "Запорожского", "края" -> ["Запорожский край", "Запорожская область"] (a land written
    as a krai is its oblast, unless the tables know a krai of the name)."""
    area = admin_nominative(adjective, noun)
    if not area.endswith(" край"):
        return [area] if area else []
    stem = area[: -len(" край")]
    for masculine, feminine in (("ский", "ская"), ("цкий", "цкая"), ("ський", "ська"), ("цький", "цька")):
        if stem.endswith(masculine):
            return [area, f"{stem[: -len(masculine)]}{feminine} область"]
    return [area]


_PEOPLES = re.compile(r"^народн(?:ой|ая|ую|ої|ій|а|у)$", re.IGNORECASE)
_REPUBLIC = re.compile(r"^республ[иі]к\w*$", re.IGNORECASE)


def short_republic_nominative(adjective: str, republic: str) -> str:
    """ "Донецкой", "республике" -> "Донецкая народная республика": a proclaimed people's republic written without
    "народная" ("в Донецкой республике"); "" otherwise.  (The caller keeps it only where the tables know the
    republic: "в Чеченской республике" names none.)"""
    ukrainian = "і" in republic.lower()
    return republic_nominative(adjective, "народної" if ukrainian else "народной", republic)


def republic_nominative(adjective: str, peoples: str, republic: str) -> str:
    """ "Донецкой", "народной", "республике" -> "Донецкая народная республика" (Ukrainian: "Донецька народна
    республіка"); "" when the three words are no inflected name of a proclaimed people's republic."""
    if not (_PEOPLES.match(peoples) and _REPUBLIC.match(republic)):
        return ""
    ukrainian = "і" in republic.lower() or peoples.lower().endswith(("ої", "ій"))
    for ending, nominative in _ADJECTIVE["f"]:
        if adjective.lower().endswith(ending):
            tail = "народна республіка" if ukrainian else "народная республика"
            return f"{adjective[: -len(ending)]}{nominative} {tail}"
    return ""


#: An event only spoken of as possible, feared or guarded against: "угроза ударов по X", "защиту Донецка от атак",
#: "можливий наступ на X" (the words before the event word).
HYPOTHETICAL = re.compile(
    r"(?<!\w)(?:возможн\w*|потенциальн\w*|угроз\w*|риск\w*|опасност\w*|защит(?!ник)\w*|планиру\w*|готов\w*|"
    r"можлив\w*|потенційн\w*|загроз\w*|ризик\w*|небезпек\w*|захист(?!ник)\w*|планує\w*|готу\w*|"
    # "попереджав про ймовірні обстріли": a warning of likely attacks
    r"ймовірн\w*|вероятн\w*|попереджа\w*|попередив\w*|предупрежда\w*|предупредил\w*|"
    # "ожидается, когда армия сможет заблокировать ...": what may yet be done
    r"смож\w*|зможе\w*|зможу\w*)\s+"
    r"(?:[\w’'-]+\s+){0,3}$",
    re.IGNORECASE,
)
#: Speech without a subject ("говорится в сообщении", "йдеться у заяві", "сообщается"): the document or the
#: speaker before says it.
IMPERSONAL = r"говорится|сообщается|отмечается|указывается|йдеться|повідомляється|зазначається"
#: "в сообщении (администрации города)", "у заяві (Генштабу)": a document, and perhaps its author.
DOCUMENT = re.compile(
    r"^(?:(?:в|у|во)\s+(?:(?:своем|своём|своєму|официальном|офіційному)\s+)?(?:сообщени\w*|заявлени\w*|публикаци\w*|"
    r"материал\w*|релиз\w*|сводк\w*|повідомленн\w*|заяв[іи]|публікаці\w*|звед\w*|"
    r"(?:telegram|телеграм)[- ]?канал\w*)|"
    # "на сторінці Бучанської міської ради в Facebook", "на сайте администрации": a page and its owner
    r"на\s+(?:(?:своей|своїй|официальной|офіційній|офіційному|официальном)\s+)?(?:сторінц\w*|страниц\w*|сайт\w*))"
    # ("у зведенні станом на 16:00", "в сводке по состоянию на утро": a time, not the document's owner)
    r"(?:\s+(?!станом\b|по\s+состоянию\b|за\s+(?:добу|сутки)\b|на\s+\d)(?P<owner>\S.*))?$",
    re.IGNORECASE,
)
#: A body named again by a description ("военного ведомства", "пресс-службы"): the speaker before.
#: ("отметили в ведомстве", "в міністерстві додали": "in the ministry"; "Там также рассказали": "there", the body
#: just quoted.)
ANAPHOR = re.compile(
    r"^(?:(?:в|во|у)\s+)?(?:(?:военн|оборонн|військов)\w*\s+)?(?:ведомств\w*|министерств\w*|пресс-служб\w*|"
    r"відомств\w*|міністерств\w*|пресслужб\w*|прес-служб\w*)$|"
    r"^(?:там|тут)(?:\s+(?:же|также|тоже|також|теж))?$|"
    # (a rank or role alone: "Ранее генерал-майор сообщил", "представитель ведомства добавил")
    r"^(?:(?:ранее|раніше|также|також|кроме\s+того|крім\s+того|позже|позднее|затем|потом|згодом|пізніше|потім)\s+)?"
    # (in any case: "По словам губернатора", "за словами голови")
    r"(?:он|она|они|він|вона|вони|глав[аыеуо]й?|голов[аиуіо]ю?|губернатор(?:а|у|ом)?|мэр(?:а|у|ом)?|мер(?:а|у|ом)?|"
    r"генерал(?:-\w+)?|представител\w*|"
    # ("написав чиновник у телеграмі": "the official", the one just quoted)
    r"речни\w*|спикер\w*|министр\w*|міністр\w*|чиновни\w*|посадов\w*|очільни\w*)"
    # ... of the place just named: "глава региона", "голова області", "мэр города"
    r"(?:\s+(?:региона|регіону|области|області|города|міста|района|району|громады|громади|округа))?"
    r"(?:\s+(?:также|тоже|же|також|теж))?$|"
    # "По его словам", "за її словами": his or her words, the speaker before
    r"^(?:его|её|ее|их|його|її|їх)$",
    re.IGNORECASE,
)
#: Verbs of speech, past and present, in Russian then Ukrainian ("сообщил", "повідомили", "пишет").
SPEECH_VERBS = (
    r"(?:сообщил|заявил|написал|рассказал|уточнил|отметил|подчеркнул|добавил|передал|пояснил|объявил|доложил|"
    r"подтвердил|констатировал|информировал|сообщал|заявлял|рассказывал|отмечал|озвучил)(?:а|и|о)?|"
    r"сообща(?:ет|ют)|заявля(?:ет|ют)|переда[её]т|пишет|информиру(?:ет|ют)|інформу(?:є|ють)|"
    r"(?:повідоми|заяви|написа|розпові|зазначи|дода|уточни|підтверди|наголоси|поясни|оголоси|повідомля|заявля|допові|озвучи|"
    r"інформува)"
    r"(?:в|ла|ли|ло)|повідомля(?:є|ють)|пише|" + IMPERSONAL
)
#: Verbs of denial ("опроверг", "спростували").
DENY_VERBS = (
    r"опроверг(?:ла|ли|ло)?|опроверга(?:ет|ют)|отрица(?:ет|ют|л|ла|ли)|"
    r"спростува(?:в|ла|ли)|заперечи(?:в|ла|ли)|заперечу(?:є|ють)"
)
#: Source markers, like "according to" ("по данным Минобороны", "за словами голови ОВА").
SOURCE_MARKERS = (
    # ("Со слов Гладкова", "Зі слів Прокудіна": from his words)
    r"(?:со|зі|із)\s+(?:слов|слів)|"
    r"по\s+(?:данным|словам|информации|сведениям)|согласно\s+(?:данным|информации)|как\s+(?:сообщает|сообщают|"
    r"сообщил[аи]?|заявил[аи]?|пишет|передает|передаёт)|"
    r"за\s+(?:даними|словами|інформацією)|згідно\s+з\s+(?:даними|інформацією)|як\s+(?:повідомляє|повідомляють|"
    r"повідоми(?:в|ла|ли)|заяви(?:в|ла|ли)|пише)"
)
#: Words of a sentence that only attributes the one before it ("Об этом сообщили в ...", "Про це повідомив ...").
NOTHING_WORDS = frozenset(
    {
        *("об", "о", "обо", "этом", "это", "том", "также", "ранее", "сегодня", "вчера"),  # Russian
        *("про", "це", "цьому", "також", "раніше", "сьогодні", "вчора"),  # Ukrainian
        *("в", "у", "во", "на"),
        # "Такую информацию сообщили в Минобороны страны", "Цю інформацію підтвердили в ОВА": the report as an object
        *("такую", "эту", "данную", "информацию", "эти", "данные", "сведения"),
        *("таку", "цю", "дану", "інформацію", "ці", "дані"),
        # "Трагічну новину повідомив голова ОВА", "Печальную новость сообщил губернатор": the news as an object
        *(
            "новину",
            "звістку",
            "новость",
            "весть",
            "трагічну",
            "сумну",
            "трагическую",
            "печальную",
            "страшну",
            "страшную",
        ),
    }
)
#: Kinds of settlement written before a name in Russian and Ukrainian ("города Авдеевка", "в селе Лозовое",
#: "поселки Очеретино", "смт Велика Новосілка"): the name is a town or a village.
SETTLEMENT_BEFORE = (
    r"город\w*|сел[оаеуі]|сёла|поселк\w*|посёлк\w*|поселок|посёлок|деревн\w*|станиц\w*|"
    r"міст[оаі]|селищ\w*|смт\.?|пгт\.?|населенн\w+\s+пункт\w*|населен\w+\s+пункт\w*|"
    # written short: "у м. Слобожанське" (місто), "в г. Шебекино" (город), "у с. Рубіжне" (село)
    r"[мгс]\."
)
#: Stems of the titles an official is named with ("глава", "губернатор", "начальник ОВА", "голова", "мэр").
OFFICIAL_TITLE_STEMS = r"руководител|глав|губернатор|начальник|голов|мэр|мер"
#: Officials of a place named by role only: they speak for whoever held the place (the profile's control table).
LOCAL_OFFICIAL = re.compile(
    r"(?<!\w)(?:мэр\w*|глав\w+\s+(?:(?:городск|муниципальн)\w*\s+)?(?:города|администрац|район|округ|поселк|сел)\w*|"
    # "Глава Горловки": the head of a place named right after
    r"глав[аеуы]\s+(?-i:[А-ЯЁ])[а-яё]+(?:а|и|ы|я|о)|"
    # "Глава Брянской области", "глава региона": a region's head, named by the region
    r"глав[аеуыо]\w*\s+(?:[\w’'-]+\s+)?(?:област|регион|кра[яюе]\b)\w*|"
    r"администраци\w*|губернатор\w*|"
    r"оперштаб\w*|оперативн\w+\s+штаб\w*|"
    r"власт\w*\s+(?:города|региона)|местн\w+\s+власт\w*|"
    # "Власти Энергодара", "Влада Нікополя": the authorities of a place named after them
    r"(?-i:[Вв])(?:ласт\w*|лад[аиі])\s+(?-i:[А-ЯЁІЇЄ])[а-яёіїєґ’'-]+|місцев\w+\s+влад\w*|міськ\w+\s+голов\w*|мер(?:а|ом|у)?|"
    # ("городской голова": the Ukrainian title in a Russian text)
    r"городск\w+\s+голов\w*|"
    # a town's council: "Бучанська міська рада", "сельсовет", "городская дума"
    r"(?:міськ|сільськ|селищн)\w*\s+рад\w*|міськрад\w*|(?:городск|сельск|поселков)\w*\s+(?:совет|дум)\w*|"
    r"горсовет\w*|сельсовет\w*|"
    # (with the region's adjective between: "голова Дніпропетровської обласної ради")
    r"голов\w+\s+(?:[\w’'-]+\s+)?(?:ОВА|ОДА|МВА|РВА|громад|адміністрац|обласн|міськ|районн)|"
    r"(?:обласн|районн|облас)\w*\s+рад\w*|(?:областн|районн)\w*\s+(?:совет|дум)\w*|начальник\w*\s+(?:ОВА|МВА|РВА|ГВА)|адміністрац\w*|ОВА|ОДА|МВА|РВА|ГВА|"
    # ... its police and prosecutors ("в обласній прокуратурі уточнили", "прокуратура области")
    r"полици\w*|поліці\w*|прокуратур\w*)(?!\w)",
    re.IGNORECASE,
)
#: An official body named by its kind alone ("сообщило министерство", "в ведомстве", "штаб", "командование"):
#: whose it is follows from what it tells, as for the English words of :data:`mapper.lexicon_en.OFFICIAL_WORDS`.
OFFICIAL_BODY = re.compile(
    r"(?<!\w)(?:министерств|міністерств|ведомств|відомств|штаб|командовани|командуванн|пресс-служб|прес-служб|"
    r"пресслужб|минобороны|міноборони|генштаб)\w*",
    re.IGNORECASE,
)
#: A region's officials rather than a town's ("губернатор", "глава региона", "голова ОВА").
REGIONAL = re.compile(
    r"(?<!\w)(?:губернатор\w*|регион\w*|област\w*|обласн\w*|ОВА|ОДА|оперштаб\w*|оперативн\w+\s+штаб\w*)(?!\w)",
    re.IGNORECASE,
)


# An area named by the adjective of its centre: "Межівська громада" (Межова), "Нікопольський район" (Нікополь),
# "Marhanetska community" (Marhanets), "Нікопольщина" (the Nikopol land).  The adjective ending comes off, and the
# centre's name is one of a few forms of the stem: as it is, with -е/-а/-ка, or with the і of the adjective as
# the о of the name (Мирівська: Мирове) or -цьк- as -ць (Марганецька: Марганець).
_ADJECTIVE_AREA = re.compile(
    # (a hyphenated name too: "Середино-Будскую", "Зноб-Новгородської"; the accusative "Глуховскую")
    r"^(?P<stem>\w[\w-]{2,}?)(?P<c>[сц])ь?к(?:а|ий|ій|ої|ому|ого|ої|ою|у|ую|их|им|ими|ая|ой|ое|ого|ие|ом|ое|ый|ые)$|"
    r"^(?P<stem2>\w{3,}?)щин(?:а|и|у|і|е|ою|ой)$|"
    r"^(?P<lstem>[A-Za-z’'-]{3,}?)(?P<lc>[st])s?ka$|^(?P<lstem2>[A-Za-z’'-]{3,}?)(?P<lc2>[st])s?ky[iy]?$",
    re.IGNORECASE,
)


# A centre's name opening with an adjective of size or age is written as one word in the area's adjective:
# "Великописарівська громада" (Велика Писарівка), "Novoslobidska community" (Nova Sloboda).  Each such opening,
# with the adjective's feminine, neuter and masculine forms (the rest of the name's ending picks one).
_COMPOUND_OPENINGS = (
    ("Velyko", ("Velyka", "Velyke", "Velykyi")),
    # (a machine translation's "Velykypysarivska": the adjective's own vowel kept)
    ("Velyky", ("Velyka", "Velyke", "Velykyi")),
    ("Novo", ("Nova", "Nove", "Novyi")),
    ("Malo", ("Mala", "Male", "Malyi")),
    ("Staro", ("Stara", "Stare", "Staryi")),
    ("Verkhnio", ("Verkhnia", "Verkhnie", "Verkhnii")),
    ("Nyzhnio", ("Nyzhnia", "Nyzhnie", "Nyzhnii")),
    ("Велико", ("Велика", "Велике", "Великий")),
    ("Ново", ("Нова", "Нове", "Новий")),
    ("Мало", ("Мала", "Мале", "Малий")),
    ("Старо", ("Стара", "Старе", "Старий")),
    ("Верхньо", ("Верхня", "Верхнє", "Верхній")),
    ("Нижньо", ("Нижня", "Нижнє", "Нижній")),
    # ... and the Russian adjectives ("Великописаревская община": Великая Писаревка)
    ("Велико", ("Великая", "Великое", "Великий")),
    ("Ново", ("Новая", "Новое", "Новый")),
    ("Мало", ("Малая", "Малое", "Малый")),
    ("Старо", ("Старая", "Старое", "Старый")),
)


# The endings of the one-word forms worth a two-word reading ("Pysarivka", "Sloboda", "Vorontsovka"), not the
# adjective's own endings ("Pysarivske", "Pysarivskaya"), which no such name keeps.
_NAME_ENDINGS = ("ka", "da", "ia", "ya", "ole", "ка", "да", "ля", "ле")
#: An adjective's own suffix, which no such name keeps ("-sk", "-ськ", "-цьк").
_ADJECTIVE_REST = re.compile(r"sk|ск|цьк|цк|tsk", re.IGNORECASE)
#: ... and a masculine name ending in a consonant ("Бурлук", "Салтів": Великий Бурлук, Старий Салтів).
_MASCULINE_ENDING = re.compile(r"[бвгґджзклмнпрстфхцчшщbcdfghjklmnpqrstvwxz]$", re.IGNORECASE)


def _compound_centres(stem: str, forms: list[str]) -> list[str]:
    """The two-word names of a stem opening with an adjective of size or age ("Velykopysariv-": Velyka
    Pysarivka), from the one-word *forms* of the stem: each form's rest after the opening, the adjective agreeing
    with the rest's ending."""
    out: list[str] = []
    for opening, (fem, neut, masc) in _COMPOUND_OPENINGS:
        if not stem.lower().startswith(opening.lower()) or len(stem) - len(opening) < 4:
            continue
        for form in forms:
            rest = form[len(opening) :]
            masculine = _MASCULINE_ENDING.search(rest) is not None
            if len(rest) < 4 or not (rest.endswith(_NAME_ENDINGS) or masculine) or _ADJECTIVE_REST.search(rest):
                continue
            adjective = masc if masculine else fem if rest[-1] in "aаяі" else neut if rest[-1] in "eеєo" else masc
            out.append(f"{adjective} {rest[0].upper()}{rest[1:]}")
    return out


def adjective_centres(word: str) -> list[str]:
    """The names an area's adjective may come from, most likely first ("" for no such adjective)."""
    forms = _adjective_centres(word)
    m = _ADJECTIVE_AREA.match(word)
    if m is not None and not m.group("stem2"):
        stem = m.group("stem") or m.group("lstem") or m.group("lstem2") or ""
        forms += _compound_centres(stem, forms)
        forms += _hyphenated_centres(forms)
        if "-" in stem:
            # a centre whose own name is a hyphenated adjective: "Новгород-Сіверська громада", Новгород-Сіверський
            c = (m.group("c") or m.group("lc") or m.group("lc2") or "").lower()
            if CYRILLIC.search(stem):
                forms += [f"{stem}{c}ький", f"{stem}{c}кий"] if c in "сц" else []
            else:
                forms += [f"{stem}{c}kyi", f"{stem}{c}ky", f"{stem}{c}kiy"] if c in "st" else []
    return list(dict.fromkeys(forms))  # each once, in order


def _hyphenated_centres(forms: list[str]) -> list[str]:
    """A hyphenated adjective joins its first word with -о- ("Середино-Будська": Середина-Буда; "Матвеево-
    Курганский": Матвеев Курган; "Seredyno-Budska": Seredyna-Buda): that word as a noun, or as a possessive
    written apart."""
    out: list[str] = []
    for form in forms:
        first, hyphen, rest = form.partition("-")
        if not hyphen or len(first) < 4 or first[-1] not in "оo" or len(rest) < 3:
            continue
        noun = first[:-1] + ("а" if _CYRILLIC_LETTER.search(first) else "a")
        out += [f"{noun}-{rest}", f"{first[:-1]} {rest}"]
    return out


_CYRILLIC_LETTER = re.compile(r"[а-яёіїєґ]", re.IGNORECASE)


def _adjective_centres(word: str) -> list[str]:
    m = _ADJECTIVE_AREA.match(word)
    if m is None:
        return []
    if m.group("stem2"):
        stem = m.group("stem2")
        # the land itself first ("Київщині": Київщина, the oblast, when the tables know it), then its centre
        return [stem + "щина", stem, stem + "ь", stem + "е", stem + "а"]
    if m.group("stem") is not None:
        stem, ts = m.group("stem"), m.group("c").lower() == "ц"
        if ts:
            # (and a name in -ця: Дарницький район, Дарниця)
            # (and a name in -к: Великобурлуцька громада, Великий Бурлук)
            return [stem + "ць", stem + "ец", stem + "цьк", stem + "цк", stem + "ця", stem + "ца", stem + "к"]
        out = [stem, stem + "е", stem + "а", stem + "ка", stem + "о", stem + "ь", stem + "ське", stem + "ськ"]
        out += [stem + "ское", stem + "ская", stem + "ск"]  # Russian: Раменский район, Раменское
        out += [stem + "и", stem + "ы"]  # a plural name: Сумська громада, Сумская область (Суми, Сумы)
        if len(stem) > 3 and stem[-2] in "іi":
            swapped = stem[:-2] + "о" + stem[-1]  # Мирів- : Миров-, Межів- : Межов-
            out += [swapped + "е", swapped + "а", swapped]
        if len(stem) > 4 and stem[-2:].lower() in ("ан", "ян"):
            out += [stem[:-2] + "а", stem[:-2] + "я"]  # Бучан- : Буча (Бучанська громада)
            out.append(stem[:-2] + "ка")  # Малотокмачан- : Малотокмачка (Мала Токмачка)
        if len(stem) > 4 and stem[-2:].lower() == "ів":
            out.append(stem[:-2] + "и")  # Пологів- : Пологи (Пологівський район)
            out.append(stem[:-2] + "а")  # Дружбів- : Дружба (Дружбівська громада)
        if len(stem) > 4 and stem[-2:].lower() in ("ин", "ын"):
            out.append(stem[:-2] + "а")  # Шосткин- : Шостка (Шосткинський район)
        if len(stem) > 4 and stem[-2:].lower() == "ов":
            out.append(stem[:-2] + "ы")  # Клинцов- : Клинцы (Клинцовский район)
            out.append(stem[:-2])  # Днепров- : Днепр (Днепровский район)
            out.append(stem[:-1])  # Дніпров- : Дніпро (Дніпровський район)
        if len(stem) > 4 and stem[-2:].lower() == "ль":
            out.append(stem[:-1] + "ля")  # Краснопіль- : Краснопілля, Білопіль- : Білопілля
            if stem[-3].lower() == "і":
                out.append(stem[:-3] + "оле")  # Гуляйпіль- : Гуляйполе
        return out
    stem = m.group("lstem") or m.group("lstem2")
    ts = (m.group("lc") or m.group("lc2")).lower() == "t"
    if ts:
        # Darnytskyi: Darnytsia; Velykoburlutska: Velykyi Burluk
        return [stem + "ts", stem + "tsk", stem + "tsia", stem + "tsya", stem + "k"]
    out = [stem, stem + "e", stem + "a", stem + "ka", stem + "o", stem + "ske", stem + "sk"]
    out += [stem + "skoye", stem + "skoe", stem + "skaya"]  # "the Ramensky district": Ramenskoye
    out += [stem + "y"]  # a plural name: Sumska community (Sumy)
    if len(stem) > 3 and stem[-2].lower() == "i":
        swapped = stem[:-2] + "o" + stem[-1]  # as in Cyrillic: Myriv- : Myrov- (Myrove), Slobid- : Slobod- (Sloboda)
        out += [swapped + "e", swapped + "a", swapped]
    if len(stem) > 3 and stem[-2:].lower() == "iv":
        out += [stem[:-2] + "ove", stem[:-2] + "ova", stem[:-2] + "ov", stem[:-2] + "y"]  # Polohivskyi: Polohy
        out.append(stem[:-2] + "a")  # as in Cyrillic: Druzhbiv- : Druzhba
    if len(stem) > 4 and stem[-2:].lower() in ("yn", "in"):
        out.append(stem[:-2] + "a")  # as in Cyrillic: Shostkyn- : Shostka (Shostkynskyi raion)
    if len(stem) > 4 and stem[-2:].lower() == "ov":
        out.append(stem[:-2] + "y")  # as in Cyrillic: Klintsov- : Klintsy (the Klintsovsky district)
    if len(stem) > 4 and stem[-2:].lower() == "il":
        # as in Cyrillic: Krasnopil- : Krasnopillia (or -llya), Huliaipil- : Huliaipole
        out += [stem + "lia", stem + "lya", stem[:-2] + "ole"]
    if len(stem) > 4 and stem[-2:].lower() == "an":
        out += [stem[:-2] + "a", stem[:-2] + "ya"]  # as in Cyrillic: Sudzhan- : Sudzha (Sudzhansky), Buchan- : Bucha
    return out


#: Russian and Ukrainian adverbials around a speaker: "До этого Приходько также сообщал", "Раніше Лисак також".
CYRILLIC_ADVERBIALS = re.compile(
    r"^(?:(?:до\s+этого|до\s+цього|перед\s+цим|ранее|раніше|позднее|позже|згодом|кроме\s+того|крім\s+того|также|"
    r"також|тем\s+временем|тим\s+часом|водночас|между\s+тем|між\s+тим|в\s+свою\s+очередь|своєю\s+чергою|"
    r"напомним|нагадаємо)\s*,?\s+)+|"
    r"(?:\s+(?:также|також|ранее|раніше|еще|ещё|ще|уже|вже))+$",
    re.IGNORECASE,
)
#: Nouns that open a sentence before the genitive of a place, capitalised only by their position: "Мэр Горловки
#: сообщил", "Глава Донецка заявил", "Жители Шебекино", "Окраины Курахово" (the run is the place, not both words).
SENTENCE_OPENING_NOUNS = frozenset(
    {
        *("мэр", "мер", "глава", "голова", "губернатор", "начальник", "руководитель", "керівник", "врио", "вріо"),
        *("жители", "житель", "жительница", "жителей", "мешканці", "мешканець", "мешканка", "мешканців"),
        *("власти", "влада", "администрация", "адміністрація", "администрации", "адміністрації"),
        *("окраины", "окраина", "окраїни", "околиці", "окрестности", "центр", "пригород", "пригороди"),
        *("район", "районы", "райони", "улицы", "вулиці", "село", "поселок", "посёлок", "селище", "город", "місто"),
    }
)
#: Capitalised words that are no place, though GeoNames has places so named: "жители Республики" (the DPR or
#: LPR), "Мирный житель погиб" (a civilian: "мирный" is also a village), numbers opening a sentence.
COMMON_CAPITALISED = frozenset(
    {
        *("республика", "республики", "республике", "республику", "республикой"),
        *("республіка", "республіки", "республіці", "республіку", "республікою"),
        *("мирный", "мирная", "мирное", "мирные", "мирных", "мирного", "мирному", "мирным"),
        *("мирний", "мирна", "мирне", "мирні", "мирних", "мирного", "мирному", "мирним"),
        *("один", "одна", "одно", "два", "две", "три", "четыре", "пять", "шесть", "семь", "десять"),
        *("одна", "одне", "дві", "чотири", "п'ять", "п’ять", "шість", "сім", "десять"),
        # "Об этом сообщил ...": the preposition opening a sentence, not the town of Ob' on the river Ob
        *("об", "обо"),
        # "для Сил обороны", "Сили оборони": the Defence Forces, not the hamlet Sil'
        *("силы", "сил", "силам", "силами", "силах", "сили"),
        # "Крім того, ...", "Кроме того, ...": besides, not Crimea (Крим)
        *("крім", "кроме"),
        # "Енергетики працюють над відновленням": power engineers, not the town of Energetik
        *("енергетики", "енергетик", "энергетики", "энергетик"),
        # possessives opening a sentence ("Нашу область знову вразила атака"): no village Nyzy
        *("наш", "наша", "наше", "наши", "наші", "нашу", "нашей", "нашої", "нашего", "нашого", "наших"),
        *("ваш", "ваша", "ваше", "ваши", "ваші", "вашу", "их", "їх", "їхній", "їхня", "їхні"),
    }
)


#: A nationality's adjective ("Українська армія", "Российские войска"): no town, though "Українськ" is one.
NATIONALITY_ADJECTIVE = re.compile(
    r"^(?:україн|украин|російськ|российск|русск)(?:ськ|ск)?"
    r"(?:а|ий|ої|ій|ою|у|е|ого|ому|им|их|і|ими|ие|ая|ое|ой|ую|ые|ых|ым|ыми|ом)$",
    re.IGNORECASE,
)


_POSSESSIVE = re.compile(r"^(\w+(?:ов|ев|ин))(?:ого|ому|ым|ом)$", re.IGNORECASE)
_SHORT_NOUN = re.compile(r"^(\w{2})(?:а|у|е|ом)$", re.IGNORECASE)


def phrase_nominatives(words: list[str]) -> list[str]:
    """The forms a name of two or three inflected Cyrillic words may come from ("Великую Лепетиху": Великая
    Лепетиха), every word in the same case; none for other words."""
    if not 2 <= len(words) <= 3 or not all(CYRILLIC.search(w) for w in words):
        return []
    # (a possessive adjective in -ов/-ин declined like any adjective: "Часового Яра" is Часов Яр)
    # and a short noun after it in any case ("Яра", "Яру": Яр)
    # (a short adjective opening the name is inflected too: "Малу Токмачку", "Нову Каховку")
    options = [
        [w, *nominatives(w, MIN_INFLECTED if k else SHORT_ADJECTIVE), *_POSSESSIVE.findall(w), *_SHORT_NOUN.findall(w)]
        for k, w in enumerate(words)
    ]
    out: list[str] = []
    for combo in itertools.product(*options):
        phrase = " ".join(combo)
        if phrase != " ".join(words):
            out.append(phrase)
    return out[:64]
