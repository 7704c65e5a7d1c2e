"""Stage: events.  What happened (event type), how many were hurt, what was destroyed, and when.

Pure functions of a sentence's text (and the article's date); memoised, since
reporting repeats sentences from article to article.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from .. import lexicon_ru_uk
from ..lexicon_en import MONTH_ABBR, MONTHS, NUMBER_WORDS, WEEKDAYS

__all__ = [
    "EVENT_TYPES",
    "event_words",
    "event_near",
    "has_event",
    "fatalities",
    "wounded",
    "equipment",
    "event_date",
    "is_background",
]

# Event words, most specific type first.  A place takes the most specific
# type among the event words near it.
#: The Russian Defence Ministry's English for fighters killed: "the liquidation of more than 50 militants in X",
#: "eliminated up to 300 Ukrainian servicemen near Y".
_ELIMINATED = (
    r"(?:eliminat|liquidat)(?:e|es|ed|ing|ion)\s+(?:of\s+)?(?:[\w-]+\s+){0,4}?"
    r"(?:militants|fighters|soldiers|servicemen|service\s+members|troops|saboteurs|terrorists|personnel|nationalists|"
    r"mercenaries|enemy)"
)
_ELIMINATED_START = r"\b" + _ELIMINATED + r"\b"
#: Killings of captives or civilians: "executing Ukrainian prisoners near X", "the execution of POWs".
_EXECUTED = (
    r"execut(?:e|es|ed|ing|ion|ions)\s+(?:of\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:prisoners|POWs|captives|civilians|soldiers|servicemen|residents|people|men)"
)
#: "More than 40 arrivals in the X community": machine-translated "прильоти", incoming hits, counted.
_ARRIVALS = (
    r"(?:\d+|several|dozens?\s+of|many|two|three|four|five|six|seven|eight|nine|ten)\s+(?:\w+\s+)?arrivals|"
    r"arrivals?\s+of\s+(?:shells|mines|missiles|rockets|drones|projectiles|munitions)"
)
#: What a strike sets alight: "the fire at the depot burned for six hours", "a blaze broke out".
_ALIGHT = (
    r"burn(?:ed|t|ing)\s+(?:for|down|out)|caught\s+fire|set\s+(?:\w+\s+)?(?:on\s+fire|ablaze)|set\s+fire\s+to|blazes?|"
    r"fires?\s+(?:broke\s+out|erupted|raged|started)"
)
#: Ground won or a place cut off: "Russian forces made gains near X", "pushed into the town of Y", "are closing in on
#: Z", "the garrison is now surrounded" (a place "surrounded by forests" is a description).
_ADVANCE = (
    r"(?:made|make|making|makes)\s+(?:\w+\s+)?gains|push(?:ed|ing|es)?\s+into|clos(?:e|es|ed|ing)\s+in\s+on|"
    r"(?:(?:is|are|was|were|been|being|nearly|almost|now|fully|completely)\s+surrounded|"
    r"(?:forces|troops|units|army)\s+(?:\w+\s+){0,2}?surrounded)"
    r"(?!\s+by\s+(?:\w+\s+)?(?:forests?|fields|hills|woods|water|mountains|trees|lakes?|rivers?|swamps?))|"
    r"surrounding\s+(?:the\s+)?(?:\w+\s+)?(?:town|city|village|garrison|troops|forces|group(?:ing)?)\b"
)
#: A named place taken: "Moscow says its forces have taken Krasnohorivka", "Russian troops took Avdiivka in
#: February" (a capitalised name must follow: "had been taken to hospital", "it took Russia months" are none).
_TAKEN_NAMED = (
    r"(?:(?:forces|troops|army|units|soldiers|fighters|military|they|we)\s+(?:(?:have|has|had)\s+)?(?:\w+\s+)?took|"
    r"(?:have|has|had|having)\s+(?:\w+\s+)?taken)\s+(?:(?:the\s+)?(?:town|city|village)\s+of\s+)?"
    r"(?=(?-i:[A-ZА-ЯІЇЄ]))"
)
EVENT_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pat, re.IGNORECASE))
    for name, pat in (
        (
            "missile strike",
            r"\b(missiles?|rockets?|smerch|tochka|iskander|ballistic|grad|"
            r"multiple[- ]rocket|MLRS|cluster (munitions?|bombs?|weapons?))\b",
        ),
        ("drone strike", r"\b(drones?|UAVs?|bayraktar|harop|kamikaze|loitering munitions?)\b"),
        (
            "air strike",
            r"\b(air ?strikes?|air raids?|airstrikes?|warplanes?|aircraft|fighter jets?|bombers?|aviation)\b",
        ),
        (
            "shelling",
            r"\b(shell(s|ed|ing)?|artillery|mortars?|howitzers?|bombard\w*|bomb(s|ed|ing)?|gunfire|"
            # ("came under repeated Russian fire": two words between)
            r"(?:open(?:s|ed|ing)?|c[ao]me under|coming under|under|heavy|intense|sniper) (?:\w+ ){0,2}fire|"
            r"fired|firing|fire (on|at|upon|towards?)|"
            # "Russian troops covered Stepanovka in the Kherson community with fire" (a translation of "накрили вогнем")
            r"cover(?:ed|s|ing)?\s+(?:[\w’'-]+\s+){0,6}?with\s+(?:\w+\s+)?fire)\b",
        ),
        (
            "ground attack",
            r"\b(attack(s|ed|ing)?|offensives?|assaults?|raids?|repel(s|led|ling)?|repulsed|"
            r"counter-?attacks?|counter-?offensives?|storm(ed|ing)|to\s+storm|incursions?|sabotage|"
            r"push(?:ed|ing)?\s+(?:\w+\s+){0,3}back|"
            # "Ukrainian units had advanced south of X", "gained ground near Y", "reached the outskirts of Z"
            r"(?:had|have|has)\s+advanced|advanc(?:ed|ing)\s+(?:towards?|on|into|near|south|north|east|west)|"
            # "focusing their main efforts around the cities of X and Y", "has concentrated its efforts on Z": where
            # an offensive presses
            r"(?:focus|concentrat)(?:e|es|ed|ing)\s+(?:(?:their|its|his|the|main|offensive|primary)\s+){0,3}"
            r"(?:efforts|forces|attacks|strikes|assaults)\s+(?:on|around|against|near|at|in)\b|"
            r"gain(?:ed|ing|s)?\s+ground|reach(?:ed|ing|es)?\s+the\s+(?:[\w-]+\s+)?outskirts|foil(?:ed|ing|s)?|thwart(?:ed|ing|s)?|"
            + _ADVANCE
            + r"|"
            # "the Russian Armed Forces are approaching Vuhledar from three directions"
            r"(?:forces|troops|units|army|soldiers)\s+(?:\w+\s+){0,2}?approach(?:ing|ed|es)?|"
            # "the occupiers tried to advance in the areas of X and Y" (the General Staff's daily formula); "attempts by
            # Ukrainian forces to break through"
            # "Ukrainian troops have broken through Russian defenses at multiple points", "the territory of the X
            # district has been breached by a sabotage group"
            r"(?:broke|broken|breaking)\s+through|breakthroughs?|breach(?:ed|es|ing)|"
            r"(?:tri(?:ed|es)|try(?:ing)?|attempt(?:ed|ing|s)?|sought|seeking)\s+"
            r"(?:by\s+[\w’' -]{1,60}?\s+)?to\s+(?:advance|break\s+through|"
            r"push\s+forward|infiltrate|seize|capture|storm|encircle|surround)|infiltrat(?:ed|ing|ion|ions)|"
            # an assault from the air or sea: "carried out a successful landing near the X airfield"
            r"(?:airborne|air|helicopter|amphibious|assault|successful|tactical)\s+(?:assault\s+)?landings?|"
            r"landing\s+(?:operation|force|party)|paratroop(?:er)?s?|"
            r"(?:landed|dropped)\s+(?:\w+\s+){0,2}(?:troops|paratroopers|forces|saboteurs))\b",
        ),
        (
            "capture",
            r"\b(captur(?:e|ed|es|ing)|liberat(e|ed|ion)|(?:took|taken|taking) (?:full |complete |total )?control|"
            r"seized|recaptur(?:e|ed|es|ing)|retak(?:e|en|es|ing)|reclaim(?:ed|ing|s)?|" + _TAKEN_NAMED + r"|"
            # "Soledar taken by the Russian military", "heights almost completely controlled by units of Wagner",
            # "cleared Martynovka of Ukrainian troops"
            r"(?:taken|controlled|held)\s+by\s+(?:the\s+)?(?:units\s+of\s+(?:the\s+)?)?(?:[\w-]+\s+){0,2}"
            r"(?:military|troops|forces|army|units|group)|"
            r"cleared\s+(?:[\w-]+\s+){0,4}of\s+(?:[\w-]+\s+){0,2}(?:troops|forces|militants|enemy|units)|"
            # the Russian Defence Ministry's English: "freed the settlements of X"
            r"freed\s+(?=(?:the\s+)?(?:settlements?|villages?|towns?|city|hamlets?|localit(?:y|ies))\b|(?-i:[A-Z]))|"
            # "troops entered the city of X", "retreated from the town of Y": a place changing hands
            r"entered\s+(?=(?:the\s+)?(?:border\s+|frontier\s+)?(?:settlements?|villages?|towns?|city|hamlets?|outskirts|districts?|territory)\b|(?-i:[A-Z]))|"
            r"retreat(?:ed|ing|s)?\s+(?:from|under\s+(?:the\s+)?pressure)|withdr(?:ew|awn|awing)\s+from|withdrawal\s+(?:of\s+(?:[\w-]+\s+){0,3})?from|pulled\s+out\s+of|"
            r"(?:pull(?:ed|ing|s)?|fell|fall(?:en|ing|s)?)\s+back\s+from|"
            r"retook|surrender(?:ed|s)?|"
            # "hoisting a Ukrainian flag above X", "the Ukrainian flag is flying over the village of Y"
            r"(?:rais|hoist|plant|wav|install|erect)(?:e|es|ed|ing|s)?\s+(?:[\w-]+\s+){0,3}flags?\s+(?:over|above|in|on)|"
            r"flags?\s+(?:(?:is|was|are|were|has been|had been)\s+)?"
            r"(?:fly(?:ing)?|flies|flew|flown|raised|hoisted|planted|installed|erected|hung)\s+(?:once\s+(?:more|again)\s+|again\s+)?(?:over|above|in|on)|"
            r"(?:loss|lost control) of (?:(?:part of )?(?:the )?(?:positions?|control|territory|villages?|town|city))|"
            r"taken over|fell to|(?:take|took|taken|taking)\s+(?:\w+\s+){0,3}under\s+(?:\w+\s+)?control|"
            # "the villages of X and Y came under Russian control"
            r"(?:c[ao]me|fell|passed|went)\s+under\s+(?:(?:the|full|complete)\s+)?(?:[\w-]+\s+){0,2}control|"
            # "the village of Krynky was “completely” under Russian control", "four settlements were now under its
            # control": a side's word that a place has passed to it ("is under Ukrainian control" alone is a state)
            r"(?:was|were|(?:is|are)\s+now)\s+(?:[“\"']?(?:completely|fully|entirely|now|already|firmly|totally)"
            r"[”\"']?\s+)?under\s+(?:(?:the|full|complete)\s+)?(?:[\w’'-]+\s+)?control|"
            # "settlements on the outskirts ... are fully or almost completely in Russian hands", "is now in Ukrainian
            # hands": the same, said of hands (not "were in Russian hands until 2022", a state told)
            r"(?:(?:is|are|was|were)\s+now|(?:is|are|was|were)\s+(?:now\s+)?[“\"']?(?:completely|fully|entirely|firmly|"
            r"totally)(?:\s+or\s+(?:almost|nearly|partly|partially)\s+(?:completely|fully|entirely))?[”\"']?)\s+"
            r"in\s+(?:[\w’'-]+\s+)?hands|"
            r"(?:take|takes|took|taken|taking)\s+(?:(?!(?:in|at|to|from|near|on|part|place|shelter|refuge|cover)\b)[\w-]+\s+){0,4}?"
            r"(?:villages?|towns?|settlements?|hamlets?|localit(?:y|ies))\b|"
            r"(?:take|takes|took|taken|taking)\s+(?:the\s+)?city\s+of|"
            r"regain(?:ed)? control|gained control|occupied|occupation of|seizure|"
            # "Russian forces were now in control of Kherson": control just gained (a state alone is none)
            r"(?:now|already)\s+in\s+(?:full\s+|complete\s+)?control\s+of|"
            # "the Russians are trying to establish control over the towns of X, Y and Z"
            r"establish(?:ed|es|ing)?\s+(?:full\s+)?control\s+over|"
            r"(?:out of|lost) (?:our |their |its )?control)\b",
        ),
        (
            "clashes",
            r"\b(fighting|clashes|clashed|battles?|combat|skirmish(es)?|hostilities|firefights?|"
            r"(?:under\s+)?sieges?|besieged|encircle(?:d|ment)|blockad(?:e|ed|es|ing)|"
            # the Russian Defence Ministry's daily formulae: "inflicted losses on the manpower and hardware
            # of ... near X", "improved their tactical positions near X"
            r"inflict(?:ed|ing|s)?\s+(?:\w+\s+){0,2}(?:losses|casualties|damage|defeat)|"
            # ("нанесли поражение" translated word for word: "delivered a defeat to the Ukrainian forces")
            r"deliver(?:ed|ing|s)?\s+(?:a\s+)?(?:[“\"]\s*)?(?:crushing\s+)?defeat|"
            r"(?:suffer|sustain)(?:ed|ing|s)?\s+(?:\w+\s+){0,2}losses|"
            r"improv(?:ed|ing|es)\s+(?:their|its|the)\s+(?:\w+\s+)?(?:positions?|situation)|"
            r"mop(?:ped|ping)?[- ]up)\b",
        ),
        (
            "strike",
            r"\b(strikes?|striking|struck|hit|hits|hitting|target(s|ed|ing)?|explosions?|exploded|destroy(ed|ing|s)?|"
            r"destruction|detonat(?:e|es|ed|ing|ions?)|(?<=(?:been|were)\s)impacted|"
            r"pummel+(?:ed|ing|s)?|pound(?:ed|ing|s)?|batter(?:ed|ing|s)?|hammer(?:ed|ing|s)|rocked|"
            r"damag(e|es|ed|ing)|mutilated|killed|killing|kills|wounded|wounding|injured|injuring|casualties|dead|"
            r"died|deaths?|shot down|shoots? down|downed|heavy losses|(?:fell|landed|exploded) (?:on|in|near|at)|"
            r"blasts?|bodies|bl(?:ew|own|owing) up|explosive\s+(?:devices?|charges?)|explosives|"
            # What a strike leaves: "the charred ruins of buildings in X", "pulled from the rubble in Y".
            r"charred|rubble|wreckage|debris|craters?|ruins|burn[te]d?-out|"
            # "a drone crashed into an apartment building"
            # ... "the drone crashed in a forest belt in the Shchekino district"
            r"crash(?:ed|es|ing)?\s+into|(?:drones?|UAVs?)\s+crashed\s+(?:in|near|on)|"
            + _ALIGHT
            + "|"
            + _EXECUTED
            + "|"
            + _ARRIVALS
            + "|"
            + _ELIMINATED
            + r")\b",
        ),
    )
)


@lru_cache(maxsize=1)
def _cyrillic_types() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The same types in Russian and Ukrainian (compiled when a sentence with Cyrillic letters is first read)."""
    return tuple(
        (name, re.compile(rf"\b(?:{lexicon_ru_uk.EVENT_STEMS[name]})\b", re.IGNORECASE))
        for name, _ in EVENT_TYPES
        if name in lexicon_ru_uk.EVENT_STEMS
    )


_ORDER = {name: k for k, (name, _) in enumerate(EVENT_TYPES)}
# Weapon nouns only say *how*; an event needs an action ("a drone was spotted"
# is no strike, "drones struck Martakert" is one).
_ACTION = re.compile(
    _ELIMINATED_START
    + r"|\b(shell(s|ed|ing)?|bomb(s|ed|ing)|bombard\w*|fire[ds]?|firing|attack(s|ed|ing)?|strikes?|struck|striking|"
    r"freed\s+(?=(?:the\s+)?(?:settlements?|villages?|towns?|city|hamlets?|localit(?:y|ies))\b|(?-i:[A-Z]))|"
    r"entered\s+(?=(?:the\s+)?(?:border\s+|frontier\s+)?(?:settlements?|villages?|towns?|city|hamlets?|outskirts|districts?|territory)\b|(?-i:[A-Z]))|"
    + _TAKEN_NAMED
    + r"|"
    r"retreat(?:ed|ing|s)?\s+(?:from|under\s+(?:the\s+)?pressure)|withdr(?:ew|awn|awing)\s+from|withdrawal\s+(?:of\s+(?:[\w-]+\s+){0,3})?from|pulled\s+out\s+of|"
    r"(?:pull(?:ed|ing|s)?|fell|fall(?:en|ing|s)?)\s+back\s+from|"
    r"hit|hits|hitting|target(s|ed|ing)|kill(s|ed|ing)|wound(s|ed|ing)?|injur(ed|ing|ies|y)|destroy(s|ed|ing)?|"
    r"destruction|detonat(?:e|es|ed|ing|ions?)|(?<=(?:been|were)\s)impacted|"
    r"pummel+(?:ed|ing|s)?|pound(?:ed|ing|s)?|batter(?:ed|ing|s)?|hammer(?:ed|ing|s)|rocked|firefights?|"
    r"damag(e|ed|ing|es)|dead|died|deaths?|casualties|captur(?:e|ed|es|ing)|liberat(e|ed|ion|ing)|"
    r"charred|rubble|wreckage|debris|craters?|ruins|burn[te]d?-out|crash(?:ed|es|ing)?\s+into|"
    r"(?:drones?|UAVs?)\s+crashed\s+(?:in|near|on)|"
    r"(?:took|taken|taking) (?:full |complete |total )?control|bl(?:ew|own|owing) up|surrender(?:ed|s)?|"
    r"(?:rais|hoist|plant|wav|install|erect)(?:e|es|ed|ing|s)?\s+(?:[\w-]+\s+){0,3}flags?\s+(?:over|above|in|on)|"
    r"flags?\s+(?:(?:is|was|are|were|has been|had been)\s+)?"
    r"(?:fly(?:ing)?|flies|flew|flown|raised|hoisted|planted|installed|erected|hung)\s+(?:once\s+(?:more|again)\s+|again\s+)?(?:over|above|in|on)|"
    r"push(?:ed|ing)?\s+(?:\w+\s+){0,3}back|(?:had|have|has)\s+advanced|gain(?:ed|ing|s)?\s+ground|"
    r"advanc(?:ed|ing)\s+(?:towards?|on|into|near|south|north|east|west)|reach(?:ed|ing|es)?\s+the\s+(?:[\w-]+\s+)?outskirts|"
    + _ADVANCE
    + r"|"
    + _ALIGHT
    + r"|"
    + _EXECUTED
    + r"|"
    + _ARRIVALS
    + r"|"
    r"(?:forces|troops|units|army|soldiers)\s+(?:\w+\s+){0,2}?approach(?:ing|ed|es)?|"
    r"foil(?:ed|ing|s)?|thwart(?:ed|ing|s)?|mop(?:ped|ping)?[- ]up|(?:taken|controlled|held)\s+by|cleared|"
    # "The Russians sent MLRS Grad and heavy artillery to four communities" (machine-translated "направили"): a weapon
    # sent at places
    r"(?:sent|directed)\s+(?:[\w-]+\s+){0,5}?(?:to|at|against)\b|"
    # "buildings were mutilated" (machine-translated "понівечено"): damaged
    r"mutilat(?:ed|ing)|"
    # "a drone placed explosives in a shop", "saboteurs planted an explosive device"
    r"(?:plant|plac|lay|laid|left)(?:ed|ing|s)?\s+(?:an?\s+)?(?:explosives|explosive\s+(?:devices?|charges?)|bombs?)|"
    r"(?:tri(?:ed|es)|try(?:ing)?|attempt(?:ed|ing|s)?|sought|seeking)\s+"
    r"(?:by\s+[\w’' -]{1,60}?\s+)?to\s+(?:advance|break\s+through|"
    r"push\s+forward|infiltrate|storm|seize|capture|encircle|surround)|storm(?:ed|ing)|infiltrat(?:ed|ing|ion|ions)|"
    r"(?:airborne|air|helicopter|amphibious|assault|successful|tactical)\s+(?:assault\s+)?landings?|"
    r"landing\s+(?:operation|force|party)|paratroop(?:er)?s?|"
    r"(?:landed|dropped)\s+(?:\w+\s+){0,2}(?:troops|paratroopers|forces|saboteurs)|"
    r"seized|recaptur(?:e|ed|es|ing)|retak(?:e|en|es|ing)|reclaim(?:ed|ing|s)?|retook|fighting|fights?|clashes|clashed|"
    r"battles?|(?:broke|broken|breaking)\s+through|breakthroughs?|breach(?:ed|es|ing)|"
    r"combat|hostilities|skirmish(es)?|"
    r"sieges?|besieged|encircle(?:d|ment)|blockad(?:e|ed|es|ing)|"
    r"repel(s|led|ling)?|repulsed|assaults?|offensives?|raids?|storm(ed|ing)|explosions?|exploded|"
    r"(?:focus|concentrat)(?:e|es|ed|ing)\s+(?:(?:their|its|his|the|main|offensive|primary)\s+){0,3}"
    r"(?:efforts|forces|attacks|strikes|assaults)\s+(?:on|around|against|near|at|in)|"
    r"airstrikes?|perished|victims?|ruined|burn(ed|t)|used|using|launched|dropped|"
    # "Russia also sent more than 10 drones toward Kyiv": weapons sent at a place are an attack on it
    r"sent\s+(?:[\w-]+\s+){0,4}?(?:drones?|missiles?|UAVs?|rockets?|shaheds?)|"
    r"loss of (?:(?:part of )?(?:the )?(?:positions?|control|territory))|"
    r"counter-?attacks?|counter-?offensives?|incursions?|gunfire|taken over|fell to|shot down|shoots? down|downed|"
    r"(?:take|takes|took|taken|taking)\s+(?:(?!(?:in|at|to|from|near|on|part|place|shelter|refuge|cover)\b)[\w-]+\s+){0,4}?"
    r"(?:villages?|towns?|settlements?|hamlets?|localit(?:y|ies))\b|"
    r"(?:take|takes|took|taken|taking)\s+(?:the\s+)?city\s+of|"
    r"inflict(?:ed|ing|s)?|deliver(?:ed|ing|s)?\s+(?:a\s+)?(?:[“\"]\s*)?(?:crushing\s+)?defeat|"
    r"improv(?:ed|ing|es)\s+(?:their|its|the)\s+(?:\w+\s+)?(?:positions?|situation)|"
    r"losses|under (?:[\w-]+ ){0,2}control|in (?:[\w’'-]+ )?hands|gained control|regain(?:ed)? control|occupied|"
    r"occupation of|"
    r"(?:now|already)\s+in\s+(?:full\s+|complete\s+)?control\s+of|"
    r"establish(?:ed|es|ing)?\s+(?:full\s+)?control\s+over|"
    # ("Russian artillery landing in Pokrovsk's southern district")
    r"(?:fell|falling|landed|landing|lands) (?:on|in|near|at)|blasts?|bodies|seizure|"
    r"out of (?:our |their |its )?control)\b",
    re.IGNORECASE,
)
# "the occupied city of Melitopol", "Russian-occupied Enerhodar": a description, not a seizure.
_DESCRIBING = r"(?:\b(?:the|an?|temporarily|partially|partly|now|still|newly|recently|illegally|in|of)\s+|-)"
_DESCRIBED = re.compile(_DESCRIBING + "$", re.IGNORECASE)
_NOT_ACTION = re.compile(
    r"\b(air[- ]raid sirens?|sirens?|ceasefire|cease-fire|fire ?fighters?|fire ?brigade)\b|"
    # "If Moscow captures the town, it would threaten ...", "Tokmak's capture would be a milestone": a capture
    # supposed, not reported
    r"\bif\s+(?:[\w’'-]+\s+){1,4}?(?:captures?|takes?|seizes?|falls?|attacks?|strikes?|shells?|hits?|"
    r"were\s+to\s+(?:capture|take|fall|attack|strike|hit))\b|"
    r"\bcapture\s+(?:of\s+(?:[\w’'-]+\s+){1,3})?(?:would|could|might)\b|"
    # "Recapturing cities like Tokmak, and an advance on Melitopol, would mark major wins": a gain supposed
    r"\b(?:recaptur|captur|retak|tak|seiz|liberat)ing\s+(?:[\w’'-]+,?\s+){1,12}?(?:would|could|might)\s+"
    r"(?:mark|be|give|open|allow|mean|signal|cut|put|bring|deal)\b|"
    # "the city of Kherson is held by Ukrainian troops", "75 percent of the region is under Russian control": who
    # holds a place now, a description, not its capture
    # (and "Donetsk has been controlled by Russian forces since 2014")
    r"\b(?:is|are|remains?|(?:has|have|had)\s+been)\s+(?:still\s+|now\s+|currently\s+)?(?:held|controlled)\s+by\b|"
    # "in Kupyansk which is occupied by Russian troops people protested": a description in a relative clause
    r"\bwhich\s+(?:is|are)\s+(?:still\s+|now\s+|currently\s+|temporarily\s+)?occupied\s+by\b|"
    r"\b(?:is|are|remains?)\s+(?:still\s+|currently\s+)?under\s+(?:[\w-]+\s+){0,2}control\b|"
    # "forced to abandon their assault operations", "has abandoned the offensive": an attack given up
    r"\babandon(?:s|ed|ing)?\s+(?:(?:the|their|its|his|any)\s+)?(?:\w+\s+)?(?:offensives?|assaults?|attacks?)\b|"
    # "residents captured footage of soldiers": a recording, not a seizure
    r"\bcaptur(?:e|ed|es|ing)\s+(?:(?:on\s+)?(?:the|a|an|this|that|their|its)\s+)?(?:\w+\s+)?"
    r"(?:footage|videos?|images?|photos?|photographs?|pictures?|moment|camera|film)\b|" + _DESCRIBING + r"occupied\b",
    re.IGNORECASE,
)


def without_non_events(text: str) -> str:
    """*text* with the words that look like events and are none blanked out: sirens, a ceasefire, fire fighters,
    "the occupied parts of" (a description)."""
    return _NOT_ACTION.sub(" ", text)


#: An event only spoken of as possible or planned: "the possibility of Russia's repeated attack on X",
#: "may be preparing an offensive against X", "the threat of strikes on X".  Nothing happened there yet.
_HYPOTHETICAL = re.compile(
    r"\b(?:possib(?:le|ility\s+of)|potential|threat\s+of|risks?\s+of|danger\s+of|vulnerab(?:le|ility)\s+to|"
    r"prepar(?:e|es|ing)(?:\s+for|\s+to)?|plann?(?:ed|ing|s)?(?:\s+to)?|"
    # "detained a man suspected of plotting an attack on an airfield in Kursk": a plot, not an attack
    r"plot(?:s|ted|ting)?(?:\s+to)?|conspir(?:ed|ing|acy)\s+to|"
    # "a counteroffensive that is supposed to end with the recapture of X", "the goal of retaking X": an aim
    r"supposed\s+to|(?:goal|objective)s?\s+(?:of|to|is\s+to|was\s+to)|"
    # "Makariv might be next in line to be targeted": a fear; "power was cut in Kiev due to fears of a missile attack"
    r"next\s+in\s+line\s+to\s+be|fears?\s+(?:of|that)|"
    # "has prevented Russia taking full control of the region": what was kept from happening did not happen
    r"prevent(?:s|ed|ing)?|"
    # "Putin signed a decree Wednesday, ostensibly taking over the plant": a legal act, not a seizure
    r"(?:decree|law|legislation)\b[^.;:]{0,30}?|"
    # "authorities routinely accuse Ukraine of deadly attacks on the city": a standing charge, no one event
    r"(?:routinely|regularly|often|frequently|constantly|habitually)\s+(?:accus|blam)\w*\s+(?:[\w’'-]+\s+){1,2}?"
    r"(?:of|for))\s+"
    r"(?:[\w’'-]+\s+){0,3}$",
    re.IGNORECASE,
)
#: "The attack comes after Putin signed a decree ...": the event told before, named again as the subject of a
#: sentence that dates it by something else; no place of the clause after it takes that event.
_TOLD_BEFORE = re.compile(
    r"^\W*(?:the|this|that|these|those|its|their)\s+(?:[\w-]+\s+){0,2}?(?P<word>[\w-]+)\s+"
    r"(?:comes?|came|follows?|followed)\s+(?:\w+\s+){0,3}?(?:after|amid|as)\b",
    re.IGNORECASE,
)
#: "No attacks on the city of Kharkiv were recorded": an event said not to have happened.
_NEGATED = re.compile(
    r"\b(?:no|not\s+any|zero)\s+(?:(?:new|further|other|enemy|russian|ukrainian)\s+)?$", re.IGNORECASE
)
#: How far (in characters) an event word may lie from a place and still be its event.
EVENT_WINDOW = 90


@lru_cache(maxsize=4096)
def event_words(text: str) -> tuple[tuple[int, int, int, str], ...]:
    """(start, end, specificity, type) of every event word of a sentence; empty without an action."""
    if lexicon_ru_uk.CYRILLIC.search(text) and _cyrillic_action(text):
        cyrillic = [
            (m.start(), m.end(), _ORDER[n], n)
            for n, rx in _cyrillic_types()
            for m in rx.finditer(text)
            if not lexicon_ru_uk.HYPOTHETICAL.search(text, max(0, m.start() - 60), m.start())
        ]
    else:
        cyrillic = []
    told = _TOLD_BEFORE.match(text)
    if told is not None:
        # Only the words after the subject that names the event told before can be events here.
        text = " " * told.end("word") + text[told.end("word") :]
    if not _ACTION.search(_NOT_ACTION.sub(" ", text)):
        return tuple(sorted(cyrillic))
    # (The words that look like events and are none, blanked where they stand: "abandoned the offensive".)
    text = _NOT_ACTION.sub(lambda m: " " * len(m.group()), text)
    return tuple(
        [
            (m.start(), m.end(), order, name)
            for order, (name, rx) in enumerate(EVENT_TYPES)
            for m in rx.finditer(text)
            if not _HYPOTHETICAL.search(text, max(0, m.start() - 60), m.start())
            and not _NEGATED.search(text, max(0, m.start() - 24), m.start())
            and not (m.group().lower() == "occupied" and _DESCRIBED.search(text, max(0, m.start() - 16), m.start()))
        ]
        + sorted(cyrillic)
    )


def _cyrillic_action(text: str) -> bool:
    """Whether a Russian or Ukrainian sentence has an action word not only spoken of as possible ("на фоне
    опасности атаки беспилотников": no attack)."""
    return any(
        not lexicon_ru_uk.HYPOTHETICAL.search(text, max(0, m.start() - 60), m.start())
        for m in lexicon_ru_uk.ACTION.finditer(text)
    )


def has_event(text: str) -> bool:
    return bool(event_words(text))


def event_near(text: str, start: int, end: int) -> tuple[str, int] | None:
    """(event type, distance in characters) of the most specific event word near a place.

    Within EVENT_WINDOW characters the most specific type wins; beyond it, the nearest.
    """
    best: tuple[int, int, str] | None = None
    nearest: tuple[int, str] | None = None
    for ws, we, order, name in event_words(text):
        d = _gap(start, end, ws, we)
        if nearest is None or d < nearest[0]:
            nearest = (d, name)
        if d <= EVENT_WINDOW and (best is None or (order, d) < best[:2]):
            best = (order, d, name)
    if best:
        return best[2], best[1]
    if nearest:
        return nearest[1], nearest[0]
    return None


def event_after(text: str, end: int) -> int | None:
    """Characters from a place to the first event word of any type after it in the same clause ("The Kurakhove area
    saw the most intense fighting, with Defense Forces repelling 52 attacks": the fighting, however specific the
    repelling further on)."""
    return min(
        (ws - end for ws, _, _, _ in event_words(text) if ws >= end and not _CLAUSE_BREAK.search(text, end, ws)),
        default=None,
    )


_CLAUSE_BREAK = re.compile(r"[,;:.!?()]")


def _gap(start: int, end: int, ws: int, we: int) -> int:
    return max(start - we if we <= start else ws - end if ws >= end else 0, 0)


_NUM = (
    r"(?:more than |at least |over |some |about |nearly |almost |up to )?(\d[\d,]*|"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r")"
)
_KILLED = [
    re.compile(rf"\b(?:killed|killing|kills|claimed the lives of|left)\s+{_NUM}\b", re.IGNORECASE),
    re.compile(
        rf"\b{_NUM}\s+(?:\w+\s+){{0,2}}(?:were |was |have been |had been )?(?:killed|dead|died)\b", re.IGNORECASE
    ),
    re.compile(rf"\bdeath toll (?:rose|rises|climbed|reached|stands|stood) (?:to|at) {_NUM}\b", re.IGNORECASE),
]
_WOUNDED = [
    re.compile(rf"\b(?:wounded|wounding|injured|injuring)\s+{_NUM}\b", re.IGNORECASE),
    re.compile(
        rf"\b{_NUM}\s+(?:\w+\s+){{0,2}}(?:were |was |have been |had been )?(?:wounded|injured)\b", re.IGNORECASE
    ),
]
_COUNT_HINT = re.compile(r"kill|dead|died|death|wound|injur|lives|left", re.IGNORECASE)
_EQUIPMENT = re.compile(
    rf"\b{_NUM}\s+(?:[\w“”\"-]+\s+){{0,2}}(?:tanks?|armou?red vehicles?|(?:military )?vehicles?|trucks?|"
    r"artillery(?: pieces| guns| systems)?|howitzers?|guns?|mortars?|drones?|UAVs?|helicopters?|aircraft|"
    r"(?:multiple rocket launchers?|MLRS|air defen[cs]e systems?|radars?|launchers?|ammunition depots?))\b",
    re.IGNORECASE,
)
#: No single event of a war claims more: a larger figure is a misread (a year, a phone number).
MAX_COUNT = 1_000_000


def _number(raw: str) -> int | None:
    raw = raw.lower().replace(",", "")
    value = int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw)
    return value if value is not None and value <= MAX_COUNT else None


def _count(patterns: list[re.Pattern[str]], text: str) -> int | None:
    if not _COUNT_HINT.search(text):
        return None
    for rx in patterns:
        m = rx.search(text)
        if m:
            value = _number(m.group(1))
            if value is not None:
                return value
    return None


@lru_cache(maxsize=4096)
def fatalities(text: str) -> int | None:
    """People a sentence says were killed ("killed 12 people", "five were killed")."""
    return _count(_KILLED, text)


@lru_cache(maxsize=4096)
def wounded(text: str) -> int | None:
    """People a sentence says were wounded."""
    return _count(_WOUNDED, text)


@lru_cache(maxsize=4096)
def equipment(text: str) -> int | None:
    """Pieces of equipment a sentence says were destroyed ("destroyed 10 tanks and 30 vehicles")."""
    if not re.search(r"\bdestroy(ed|ing|s)?\b|\bdisabled\b|\bneutrali[sz]ed\b", text, re.IGNORECASE):
        return None
    total = sum(_number(m.group(1)) or 0 for m in _EQUIPMENT.finditer(text))
    return total or None


_MONTH_NAMES = "|".join([*MONTHS, *MONTH_ABBR])
_MONTH_DAY = re.compile(r"\b(" + _MONTH_NAMES + r")\.?\s+(\d{1,2})\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})\s+(" + _MONTH_NAMES + r")\b")
_WEEKDAY = re.compile(r"\b(?:on|last|this)\s+(" + "|".join(WEEKDAYS) + r")\b")
_WEEKDAY_PART = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\s+(?:morning|night|evening|afternoon)\b")


@lru_cache(maxsize=8192)
def event_date(text: str, published: str) -> tuple[str, int]:
    """The event date a sentence states, relative to the article date, and ACLED's precision code.

    Without an article date there is nothing to anchor "yesterday" or "on Monday" to:
    the date stays empty (never the day of the build).
    """
    if not published:
        return "", 3
    try:
        pub = date.fromisoformat(published)
    except ValueError:
        return "", 3
    low = text.lower()
    m = _MONTH_DAY.search(low) or _DAY_MONTH.search(low)
    if m:
        a, b = m.group(1), m.group(2)
        month, day = (a, b) if not a.isdigit() else (b, a)
        month_no = MONTHS.index(month) if month in MONTHS else MONTH_ABBR[month]
        try:
            d = date(pub.year, month_no + 1, int(day))
            if d > pub + timedelta(days=2):
                d = date(pub.year - 1, d.month, d.day)
            return d.isoformat(), 1
        except (ValueError, OverflowError):
            pass
    try:
        if re.search(r"\byesterday\b|\blast night\b", low):
            return (pub - timedelta(days=1)).isoformat(), 1
        if re.search(r"\btoday\b|\bthis (morning|afternoon|evening)\b|\btonight\b", low):
            return pub.isoformat(), 1
        m = _WEEKDAY.search(low) or _WEEKDAY_PART.search(low)
        if m:
            back = (pub.weekday() - WEEKDAYS.index(m.group(1))) % 7
            return (pub - timedelta(days=back)).isoformat(), 1
    except OverflowError:  # the first days of year 1
        pass
    return pub.isoformat(), 2


_CURRENT_CUE = re.compile(
    r"\b(today|yesterday|tonight|this (morning|afternoon|evening|week)|last night|overnight|"
    r"(?:on|late|early|last)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"(on|at)\s+(about|around|nearly)?\s*\d{1,2}[:.]\d\d)\b",
    re.IGNORECASE,
)
_BIRTH_YEAR = re.compile(
    r"\b(born|b\.)\s+(in\s+)?(19|20)\d\d\b|"
    # "женщина 1949-го и мужчины 1969 и 1970 г.р.", "чоловік 1985 року народження": years of birth, as in Russian
    # and Ukrainian reports of the wounded
    r"(?<!\d)(?:19|20)\d\d(?=(?:-?[а-яіїє]{1,3})?[^.;:]{0,40}?(?:г\.\s?р\.|гг\.\s?р\.|р\.\s?н\.|"
    r"(?:года|годов|року|років)\s+(?:рождения|народження)))",
    re.IGNORECASE,
)
_SINCE_YEAR = re.compile(
    rf"\b(?:since|from)\s+(?:early\s+|late\s+|mid-?)?(?:\d{{1,2}}\s+)?(?:(?:{_MONTH_NAMES})\.?\s+)?(?:\d{{1,2}},?\s+)?(19|20)\d\d\b",
    re.IGNORECASE,
)
# A non-restrictive relative clause tells the background of a name ("Nova Kakhovka, which Russia has held
# since March 2022", "Kherson, which it left in November 2022"): its years date that, not the sentence.
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whom|whose)\b[^,;]*(?=[,;]|$)", re.IGNORECASE)
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")


def is_background(text: str, published: str, began: str = "") -> bool:
    """A sentence about earlier years ("the 1992-1994 war") is history, not a claim about this war.

    With the date the war *began* (the profile's), earlier years of the same war are not history: a
    2025 article's "Russian forces seized Bakhmut in May 2023" is a claim like any other."""
    # Birth years ("Shamama Guliyeva (born 1955)") say nothing about when the event was.
    # Nor do states that began then and go on ("under separatist control since 2014").
    years = [int(y) for y in _YEAR.findall(_SINCE_YEAR.sub(" ", _BIRTH_YEAR.sub(" ", _RELATIVE_CLAUSE.sub(" ", text))))]
    if not years or not published[:4].isdigit():
        return False
    if _CURRENT_CUE.search(text):
        return False  # "at 15:00 today", "on October 27": the sentence reports a current event
    this = int(published[:4])
    if began[:4].isdigit():
        this = min(this, int(began[:4]))
    return all(y < this for y in years)
