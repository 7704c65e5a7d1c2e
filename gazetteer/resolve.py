"""Candidates, scoring and disambiguation in context; every choice is explained.

A name is looked up four ways, strongest first: its strict folded key (GeoNames
names and alternate names, the regional supplement), the shipped variant table,
its coarse phonetic key, and fuzzy similarity of phonetic keys.  The last two
only search the places of the countries in context (the article's focus and the
conflict theatre), because they merge names that are distinct elsewhere.  Each
candidate is then scored:

========================  =====================================================
match                     exact main name 1.00 (a supplement row's or
                          region row's own names too), exact alternate 0.95,
                          user alias 1.20, variant table 0.90, phonetic 0.85,
                          fuzzy 0.85 x similarity (>= 0.80)
focus country             +0.50 if the article is about the place's country
theatre                   +0.30 if the place lies in the conflict theatre
proximity                 up to +0.50 for places within 150 km of the other
                          places of the same sentence or list (geodesic, geopy)
population                up to +0.10 (log scale), so a city beats a hamlet
cue                       +0.15 when a word next to the name ("village",
                          "district", "height") fits the kind of place
own tables                +0.06 for a village or town the caller's supplement
                          lists, unless a town of 10,000 bears the name too
========================  =====================================================

The weights were set so that context beats spelling: an exact spelling in a
country the article never mentions (Bardi, Italy) loses to a phonetic match
next to the article's other places (Barda, Azerbaijan), while an exact match in
the focus country always beats a fuzzy one.
"""

from __future__ import annotations

import math
import re
import sqlite3
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import UnknownPlaceError
from .index import CONTEXT_ADMIN_CUE, CONTEXT_PLACE, NO_TABLES, Tables, index_path, iter_names, open_index
from .normalize import fold, phonetic, ukrainian_key
from .place import Candidate, Context, MatchKind, Place, Resolution

if TYPE_CHECKING:
    from .online import OnlineGeocoder

__all__ = ["Gazetteer", "UserAliases", "resolve_jointly", "distance_km", "Area"]

#: [west, south, east, north] in degrees (GeoJSON bbox order).
Area = tuple[float, float, float, float]

W_MATCH = {
    MatchKind.EXACT_NAME: 1.0,
    MatchKind.EXACT_ALT: 0.95,
    MatchKind.ALIAS: 1.2,
    MatchKind.VARIANT: 0.9,
    MatchKind.PHONETIC: 0.85,
    MatchKind.ONLINE: 0.9,
}
W_FUZZY = 0.85
W_FOCUS = 0.5
W_THEATRE = 0.3
W_PROXIMITY = 0.5
PROXIMITY_KM = 150.0
#: Places this close count as equally near: closeness picks the area, not one of two neighbours
#: (the town of Druzhkivka, not the village next to it that GeoNames also spells "Druzhkovka").
NEIGHBOUR_KM = 20.0
W_POPULATION = 0.1
W_CUE = 0.15
#: A village or town of the caller's own tables (a conflict's supplement: the front-line places its reporting
#: names) outranks a GeoNames namesake of the same spelling elsewhere: "Makarivka" in war reporting is the
#: front-line village, not a hamlet of 525 in Kherson oblast.  Not where a town of TOWN_POPULATION bears the
#: name (Kostiantynivka, a city of 67,000, and a front-line village of the name: the places around decide).
W_OWN = 0.06
FUZZY_CUTOFF = 85.0
# ... and the folded spelling must be this close to one of the place's names
# ("Iggha Badi" ~ "Aghjabadi" 78, "Tatar" ~ "Tartar" 91; "Qarayusifli" ~ "Arjhovit" 42).
FUZZY_SPELLING_CUTOFF = 70.0
FAMOUS_POPULATION = 100_000
# A city of FAMOUS_POPULATION spelled as the data spells it is what the name usually means: it
# outweighs the main-versus-alternate-name difference against a hamlet of the same spelling
# ("Zaporizhzhia": the city of 710,000, an alternate name, over a village of 656 whose main name it is).
# Not where the text names a region or district (then the region, if the data has it, is meant).
W_CITY = 0.1
# A town of this size in the theatre spelled exactly as the text spells it is the town meant: no
# sound-alike is looked for ("Lysychansk", a city of 93,000, is not Luhansk 88% alike, even when the
# same sentence names the Luhansk region).  A smaller exact match leaves room for sound-alikes:
# machine-translated "Tatar" is Tartar (20,400 in GeoNames), not the village Tatar in Qubadli.
TOWN_POPULATION = 10_000
#: A city of this size outside the theatre is what its name means, unless the text's places say otherwise.
WORLD_CITY_POPULATION = 1_000_000
#: Taken from a small place of the theatre whose old or foreign name a world city bears: more than the focus and
#: theatre weights together give it over the far city (Niu-York 1.81 against New York City 1.15), less than that
#: plus the pull of the article's other places nearby (the village in a report from the Toretsk front).
W_WORLD_NAME = 0.7
REGION_POPULATION = 100_000
# Fuzzy matching of very short keys produces noise ("Ani" ~ "Ana").
FUZZY_MIN_LEN = 4
#: A fuzzy match is a slip of spelling: once the sounds both keys begin and end with are set aside, what differs
#: is one letter added, dropped or changed (indel distance 2), not a syllable ("Novo-pro-kopivka" and
#: "Novo-py-lypivka" are two villages).
FUZZY_CORE_EDITS = 2
#: A name the text places in a region reaches a place there by likeness only when spelled this much alike.
PLACED_SPELLING = 85.0

_CUE_KINDS = {
    "village": ("village",),
    "settlement": ("village", "town"),
    "town": ("town", "village"),
    "city": ("town",),
    "district": ("district",),
    "region": ("district", "region"),
    "province": ("district", "region"),
    "height": ("height",),
    "hill": ("height",),
    "mount": ("height",),
}


#: Cues that make a region's or district's bare name ("Donetsk" in "the Donetsk region") name it.
_ADMIN_CUES = {"region": ("region", "province"), "district": ("district",)}


#: Words a user may have written after a name in an alias ("Donetsk region"), by the cue the text gives.
_CUE_WORDS = {
    "region": ("region", "oblast", "province", "area", "direction"),
    "province": ("province", "oblast", "region", "marz"),
    "district": ("district", "raion", "rayon", "county", "municipality"),
}


class UserAliases:
    """A user's corrections: spellings pinned to places, and names that are not places."""

    def __init__(self, pins: Mapping[str, Place] | None = None, not_places: Iterable[str] = ()) -> None:
        self.pins = {fold(k): v for k, v in (pins or {}).items()}
        self.not_places = frozenset(fold(n) for n in not_places)

    def __bool__(self) -> bool:
        return bool(self.pins or self.not_places)


def _great_circle_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    # geopy's great-circle distance: within 0.5% of the ellipsoidal geodesic and
    # twenty times faster, which matters with thousands of candidate pairs.
    from geopy.distance import great_circle

    return great_circle(a, b).km


class Gazetteer:
    """Resolves names as written to places.  Open with :meth:`open`."""

    def __init__(
        self,
        con: sqlite3.Connection,
        *,
        aliases: UserAliases | None = None,
        path: Path | None = None,
        tables: Tables = NO_TABLES,
        area: Area | None = None,
    ) -> None:
        self._con = con
        self._path = path
        #: The caller's tables compiled into this index (a conflict's supplement, variants, regions).
        self.tables = tables
        #: The conflict's area, [west, south, east, north]: loose spellings (phonetic, fuzzy) are
        #: searched only inside it, and only places inside it count as in the theatre.  None: the
        #: theatre countries whole.
        self.area = area
        #: An opt-in OnlineGeocoder (gazetteer.online), asked only when nothing offline matches.
        self.online: OnlineGeocoder | None = None
        self.aliases = aliases or UserAliases()
        self._region_cache: dict[
            tuple[frozenset[str], Area | None], tuple[dict[str, list[int]], list[str], dict[int, list[str]]]
        ] = {}
        self._place_cache: dict[int, Place] = {}
        self._countries: dict[str, str] | None = None
        self._suggest_cache: dict[frozenset[str], tuple[list[str], list[int]]] = {}
        # Memos: reporting repeats the same names from article to article, so a
        # build of a thousand articles resolves each (name, context) once.
        self._known: dict[str, bool] = {}
        self._theatre_known: dict[tuple[str, ...], dict[str, bool]] = {}
        self._memo: dict[tuple[str, Context, int], Resolution] = {}
        self._province_points: dict[str, list[tuple[float, float]]] = {}
        self._listed: frozenset[str] | None = None

    @classmethod
    def open(
        cls,
        cache_dir: Path | None = None,
        *,
        tables: Tables = NO_TABLES,
        area: Area | None = None,
        aliases: UserAliases | None = None,
    ) -> Gazetteer:
        """Open the compiled index of GeoNames plus the caller's *tables* (compiling it once if needed).

        *tables* are a conflict's own data (its profile's supplement of places,
        variant spellings and regions); without them the index is GeoNames alone.
        *area* ([west, south, east, north]) is where the conflict is fought.
        """
        return cls(
            open_index(cache_dir, tables=tables),
            aliases=aliases,
            path=index_path(cache_dir, tables),
            tables=tables,
            area=area,
        )

    @property
    def fingerprint(self) -> str:
        """What the index was compiled from (a hash); a changed table gives another."""
        return self._path.stem.removeprefix("gazetteer-") if self._path is not None else ""

    def with_aliases(self, aliases: UserAliases) -> Gazetteer:
        g = Gazetteer(self._con, aliases=aliases, path=self._path, tables=self.tables, area=self.area)
        g._region_cache = self._region_cache
        g._place_cache = self._place_cache
        g._countries = self._countries
        g._province_points = self._province_points
        g._listed = self._listed
        g._theatre_known = self._theatre_known  # the names table, not the aliases
        g.online = self.online
        return g

    # -- lookups -----------------------------------------------------------
    def _places(self, pids: Iterable[int]) -> dict[int, Place]:
        pids = list(pids)
        need = [p for p in set(pids) if p not in self._place_cache]
        for i in range(0, len(need), 500):
            chunk = need[i : i + 500]
            q = ",".join("?" * len(chunk))
            for row in self._con.execute(
                "SELECT pid, id, name, lat, lon, country_code, population, kind, admin, source, geonameid, "
                f"radius_km, province FROM places WHERE pid IN ({q})",
                chunk,
            ):
                self._place_cache[row[0]] = Place(*row[1:])
        return {p: self._place_cache[p] for p in pids if p in self._place_cache}

    def place(self, place_id: str) -> Place:
        """The place with id *place_id* ("geonames:146970", or a bare GeoNames id)."""
        if place_id.isdigit():
            place_id = f"geonames:{place_id}"
        row = self._con.execute("SELECT pid FROM places WHERE id = ?", (place_id,)).fetchone()
        if row is None:
            raise UnknownPlaceError(f"no place with id {place_id!r}; ids look like 'geonames:146970'")
        return self._places([row[0]])[row[0]]

    def km_to_province(self, place: Place, province: str) -> float | None:
        """How far *place* lies from the first-level division *province* ("UA.08"): from its nearest town or
        village, as the gazetteer's places trace the division's extent (0 inside it); None for a division with
        no places."""
        if place.province == province:
            return 0.0
        points = self._province_points.get(province)
        if points is None:
            rows = self._con.execute(
                "SELECT lat, lon FROM places WHERE province = ? AND kind IN ('town', 'village') ORDER BY pid",
                (province,),
            )
            points = self._province_points[province] = [(r[0], r[1]) for r in rows]
        if not points:
            return None
        # A degree of latitude is 111 km; the nearest by a flat measure first, then its great-circle distance.
        scale = math.cos(math.radians(place.lat)) ** 2
        near = min(points, key=lambda q: (q[0] - place.lat) ** 2 + scale * (q[1] - place.lon) ** 2)
        return _cached_km((place.lat, place.lon), near)

    def known_keys(self, keys: Iterable[str]) -> set[str]:
        """Which of these folded keys name some place, a user alias, or a name the user marked not a place.

        Marked names count as known so that a span finder takes the whole marked phrase
        ("Kyiv Independent"), which then resolves to nothing, rather than the place inside it.
        """
        keys = {k for k in keys if k}
        found: set[str] = {k for k in keys if k in self.aliases.pins or k in self.aliases.not_places}
        todo = sorted(k for k in keys if k not in self._known)
        for i in range(0, len(todo), 500):
            chunk = todo[i : i + 500]
            q = ",".join("?" * len(chunk))
            hits = {r[0] for r in self._con.execute(f"SELECT DISTINCT key FROM names WHERE key IN ({q})", chunk)}
            for k in chunk:
                self._known[k] = k in hits
        found.update(k for k in keys if self._known.get(k))
        return found

    def theatre_keys(self, keys: Iterable[str], countries: Iterable[str]) -> set[str]:
        """Which of these folded keys name a place of *countries* (inside the area, if the gazetteer has one)."""
        keys, codes = sorted({k for k in keys if k}), sorted(set(countries))
        if not keys or not codes:
            return set()
        memo = self._theatre_known.setdefault(tuple(codes), {})
        todo = [k for k in keys if k not in memo]
        cq = ",".join("?" * len(codes))
        where, extra = "", []
        if self.area is not None:
            w, s, e, n = self.area
            where, extra = " AND p.lat BETWEEN ? AND ? AND p.lon BETWEEN ? AND ?", [s, n, w, e]
        for i in range(0, len(todo), 500):
            chunk = todo[i : i + 500]
            kq = ",".join("?" * len(chunk))
            hits = {
                r[0]
                for r in self._con.execute(
                    f"SELECT DISTINCT n.key FROM names n JOIN places p ON p.pid = n.pid "
                    f"WHERE n.key IN ({kq}) AND n.context_only = 0 AND p.country_code IN ({cq}){where}",
                    [*chunk, *codes, *extra],
                )
            }
            for k in chunk:
                memo[k] = k in hits
        return {k for k in keys if memo[k]}

    def country(self, name: str) -> str | None:
        """The ISO code if *name* is a country name, else None."""
        row = self._con.execute("SELECT code FROM countries WHERE key = ?", (fold(name),)).fetchone()
        return row[0] if row else None

    def is_capital(self, place: Place) -> bool:
        """Whether *place* is its country's capital (a name that often stands for a government)."""
        if not hasattr(self, "_capitals"):
            self._capitals = set(self._con.execute("SELECT key, code FROM capitals"))
        return (fold(place.name), place.country_code) in self._capitals

    def is_region_centre(self, place: Place) -> bool:
        """Whether *place* is the centre a first-level region of the tables is drawn at (Sumy for Sumy Oblast): a
        town whose name may stand for its region ("the Sumy Military Administration")."""
        if not hasattr(self, "_region_centres"):
            self._region_centres = set(
                self._con.execute("SELECT lat, lon, country_code FROM places WHERE kind = 'region'")
            )
        return place.kind in ("town", "village") and (place.lat, place.lon, place.country_code) in self._region_centres

    def country_keys(self) -> dict[str, str]:
        """fold(country name) -> ISO code."""
        if self._countries is None:
            self._countries = dict(self._con.execute("SELECT key, code FROM countries"))
        return self._countries

    def _region(self, countries: frozenset[str]) -> tuple[dict[str, list[int]], list[str], dict[int, list[str]]]:
        """Phonetic keys of the places of *countries* (in the area), and each place's folded spellings (cached)."""
        ckey = (countries, self.area)
        if ckey not in self._region_cache and self._path is not None:
            # The theatre's keys are read from SQLite once and kept beside the index as JSON
            # (a tenth of the time on every later start; never a pickle, which would run code).
            from ._cache import read_region, write_region

            where = "-".join(sorted(countries)) + ("" if self.area is None else "-" + "_".join(map(str, self.area)))
            cached = self._path.with_name(f"{self._path.stem}.region-{where}.json")
            region = read_region(cached, index_name=self._path.name)
            if region is None:
                region = self._load_region(countries)
                write_region(cached, region, index_name=self._path.name)
            self._region_cache[ckey] = region
        if ckey not in self._region_cache:
            self._region_cache[ckey] = self._load_region(countries)
        return self._region_cache[ckey]

    def _load_region(self, countries: frozenset[str]) -> tuple[dict[str, list[int]], list[str], dict[int, list[str]]]:
        by_phon: dict[str, list[int]] = {}
        keys_by_pid: dict[int, list[str]] = {}
        for key, phon, pid, _form, _origin, context_only in iter_names(self._con, countries, self.area):
            keys_by_pid.setdefault(pid, []).append(key)
            if not context_only:
                lst = by_phon.setdefault(phon, [])
                if pid not in lst:
                    lst.append(pid)
        return (by_phon, sorted(by_phon), keys_by_pid)

    def phonetic_known(self, names: Iterable[str], countries: Iterable[str]) -> set[str]:
        """Which of *names* have a phonetic match among the places of *countries*."""
        by_phon, _, _ = self._region(frozenset(countries))
        return {n for n in names if len(phonetic(n)) >= 3 and phonetic(n) in by_phon}

    def suggest(self, name: str, countries: Iterable[str], *, limit: int = 3) -> list[tuple[Place, float]]:
        """Places of *countries* whose spellings look most like *name* (for "did you mean ...?")."""
        from rapidfuzz import fuzz, process

        region = frozenset(countries)
        _, _, keys_by_pid = self._region(region)
        if region not in self._suggest_cache:
            pairs = [(k, pid) for pid, keys in sorted(keys_by_pid.items()) for k in keys]
            self._suggest_cache[region] = ([k for k, _ in pairs], [pid for _, pid in pairs])
        keys, pids = self._suggest_cache[region]
        best: dict[int, float] = {}
        for _key, score, i in process.extract(fold(name), keys, scorer=fuzz.ratio, limit=limit * 4):
            pid = pids[i]
            best[pid] = max(best.get(pid, 0.0), score)
        places = self._places(best)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        return [(places[pid], score) for pid, score in ranked if pid in places]

    # -- resolution --------------------------------------------------------
    def candidates(self, name: str, context: Context | None = None, *, limit: int = 8) -> Resolution:
        """Every candidate for *name*, scored in *context*, best first."""
        ctx = context or Context()
        memo_key = (name, ctx, limit)
        hit = self._memo.get(memo_key)
        if hit is None:
            if len(self._memo) > 200_000:
                self._memo.clear()
            hit = self._memo[memo_key] = self._candidates(name, ctx, limit)
        return hit

    def _candidates(self, name: str, ctx: Context, limit: int) -> Resolution:
        key = fold(name)
        if not key:
            return Resolution(name)
        if key in self.aliases.not_places:
            return Resolution(name, not_a_place=True)
        # place id -> (place, match, form, fuzzy similarity)
        raw: dict[str, tuple[Place, MatchKind, str, float | None]] = {}
        order = list(MatchKind)

        def offer(place: Place, match: MatchKind, form: str, similarity: float | None = None) -> None:
            old = raw.get(place.id)
            if old is None or order.index(match) < order.index(old[1]):
                raw[place.id] = (place, match, form, similarity)

        spelled_as: dict[str, float] = {}  # a fuzzy candidate's likeness in spelling (folded keys, 0-100)
        pin = self.aliases.pins.get(key)
        if pin is not None:
            offer(pin, MatchKind.ALIAS, name)
        for word in _CUE_WORDS.get(ctx.cue or "", ()):
            # A user's [place."Donetsk region"] answers "the Donetsk region", where the text's name is "Donetsk".
            pin = self.aliases.pins.get(key + word)
            if pin is not None:
                offer(pin, MatchKind.ALIAS, f"{name} {word}")
        rows = self._con.execute("SELECT pid, form, origin, context_only FROM names WHERE key = ?", (key,)).fetchall()
        uk_key = ukrainian_key(name)
        if uk_key is not None:
            # "Уди" is Udy in GeoNames, romanized the Ukrainian way, where unidecode reads "Udi"
            # (a spelling reached through a transliteration counts as an alternate name: the name as written wins)
            rows += [
                (pid, form, "alt" if origin == "name" else origin, context_only)
                for pid, form, origin, context_only in self._con.execute(
                    "SELECT pid, form, origin, context_only FROM names WHERE key = ?", (uk_key,)
                )
            ]
        places = self._places(r[0] for r in rows)
        # A variant-table row says what this spelling means in this war: other GeoNames places that carry
        # it ("Slov'iansk", an alternate name of Nikopol too; "Konstantinovka", a Crimean village) give way.
        meant = {p for p, _f, origin, c in rows if origin == "variant" and (c != CONTEXT_PLACE or ctx.place_context)}
        for pid, form, origin, context_only in rows:
            if context_only == CONTEXT_PLACE and not ctx.place_context:
                continue
            if context_only == CONTEXT_ADMIN_CUE and ctx.cue not in _ADMIN_CUES.get(places[pid].kind, ()):
                continue
            if meant and pid not in meant and origin in ("alt", "name"):
                continue
            # A region's bare name next to "region"/"oblast" is its name as much as "Donetsk Oblast" is.
            kind = {"name": MatchKind.EXACT_NAME, "variant": MatchKind.VARIANT, "region-cue": MatchKind.EXACT_NAME}.get(
                origin, MatchKind.EXACT_ALT
            )
            offer(places[pid], kind, form)
        # A name that two or more places of a country bear as their own is theirs: a town of that country that
        # has it only among its alternate names ("Oleksandrivka" is one of Donetsk's in GeoNames, and the name of
        # dozens of Ukrainian villages) is not the place meant.
        bearers = Counter(p.country_code for p, m, _f, _s in raw.values() if m is MatchKind.EXACT_NAME)
        # (the caller's own rows keep their names: a front-line Andriivka written "Андріївка", and a GeoNames town
        # whose alternate name the caller's supplement gives it: Druzhba, Khutir-Mykhaylivskyi in GeoNames)
        lent = {places[pid].id for pid, _f, origin, _c in rows if origin == "supplement"}
        for pid, (p, m, _f, _s) in list(raw.items()):
            lone_alt = m is MatchKind.EXACT_ALT and bearers[p.country_code] >= 2
            if lone_alt and p.id.startswith("geonames:") and pid not in lent:
                del raw[pid]
        # Weak (phonetic, fuzzy) matching searches the theatre only, or the
        # article's countries when there is no theatre: elsewhere it merges
        # names that are distinct.
        region = ctx.theatre_countries or ctx.focus_countries
        # A well-known city spelled exactly is taken as written: "Moscow" must
        # not become a village of the theatre that merely sounds alike.
        # (a name placed in a region counts only the places of that region: "Oktyabrsky in the Belgorod region" is
        # sought by its sound there, whatever town of 100,000 bears the name in Bashkortostan)
        placed = [v for v in raw.values() if not ctx.province or v[0].province in ("", ctx.province)]
        famous = any(p.population >= FAMOUS_POPULATION for p, m, _, _ in placed if m is MatchKind.EXACT_NAME)
        town = any(
            p.population >= TOWN_POPULATION and p.country_code in region and self.in_area(p)
            for p, m, _, _ in placed
            if m.is_exact
        )
        # (nor one a variant row says the meaning of: "Dnipropetrovsk" is the oblast, not Dnipro by its old sound)
        if region and not famous and not town and not meant:
            phon = phonetic(name)
            by_phon, choices, keys_by_pid = self._region(frozenset(region))
            pl = self._places(by_phon.get(phon, ()))
            # As for exact spellings: a sound that two or more places of a country bear as their own name is
            # theirs, not that of a town that has it among its alternate names ("Ивановка": the Ivanivkas of
            # Ukraine, not Bilozerka, once called Ivanivka).
            own_sound = {pid: phonetic(p.name) == phon for pid, p in pl.items()}
            sound_bearers = Counter(p.country_code for pid, p in pl.items() if own_sound[pid])
            for pid, p in pl.items():
                if len(phon) < FUZZY_MIN_LEN and not self._spelled_alike(key, keys_by_pid.get(pid, ())):
                    continue  # a key of three letters sounds like too much: "Alley" is not Auly
                if sound_bearers[p.country_code] >= 2 and not own_sound[pid]:
                    continue
                if _initials_clash(name, fold(p.name)):
                    continue  # "Горіхове" (Horikhove) sounds like Kurakhove to the key, but Г is never a К
                offer(p, MatchKind.PHONETIC, phon)
            if len(phon) >= FUZZY_MIN_LEN and ctx.place_context:
                from rapidfuzz import fuzz, process

                for choice, sim, _ in process.extract(
                    phon, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=10
                ):
                    if choice == phon:
                        continue  # the sound itself: offered above
                    if _core_edits(phon, choice) > FUZZY_CORE_EDITS or phon[:2] != choice[:2]:
                        # "Novoprokopivka" is no Novopylypivka: they share "Novo-" and "-pivka", not a core; and
                        # a slip leaves a name's beginning alone ("Orlivka" is no Horlivka)
                        continue
                    for pid, p in self._places(by_phon[choice]).items():
                        # The phonetic key drops vowels' identity, so a fuzzy
                        # match must also look like one of the place's spellings.
                        spelled = max((fuzz.ratio(key, f) for f in keys_by_pid.get(pid, ())), default=0.0)
                        if spelled >= FUZZY_SPELLING_CUTOFF and not _initials_clash(name, fold(p.name)):
                            offer(p, MatchKind.FUZZY, choice, round(sim))
                            spelled_as[p.id] = spelled
        if not raw and self.online is not None and ctx.place_context and len(key) >= 4:
            found = self.online.lookup(name)
            if found is not None:
                offer(found, MatchKind.ONLINE, name)
        if ctx.province:
            # "Ivanivka, Kherson region": of the two dozen Ivanivkas, those of another region are not meant.  A
            # name placed in a region that is only spelled like one of its places is a village the gazetteer
            # lacks ("Белогорка Херсонской области" is no Bilozerka).
            # (A letter added or dropped, spelled nearly alike, is still a slip: "Novhorod-Siversk" is
            # Novhorod-Siverskyi; "Heorhiyivka" is no Horlivka.)
            sound = phonetic(name)
            raw = {
                k: v
                for k, v in raw.items()
                if v[0].province in ("", ctx.province)
                and (
                    v[1] is not MatchKind.FUZZY
                    or (_core_edits(sound, v[2]) <= 1 and spelled_as.get(k, 0.0) >= PLACED_SPELLING)
                )
            }
        # (the caller's own village outranks a hamlet of its name, but no town: see W_OWN)
        listed = self._listed_places()
        town = any(
            m.is_exact and p.population >= TOWN_POPULATION and p.id not in listed for p, m, _f, _s in raw.values()
        )
        cands = [self._score(p, match, form, sim, ctx, own=not town) for p, match, form, sim in raw.values()]
        famous_here = {
            c.place.country_code
            for c in cands
            if c.match.is_exact
            and c.place.kind == "town"
            and c.place.population >= FAMOUS_POPULATION
            and self.in_area(c.place)
            and self._spelled_alike(key, (fold(c.place.name),))
        }
        if ctx.cue not in _SMALL_CUES and famous_here:
            # A city of 100,000 spelled as written (or nearly: "Zaporizhzhia" for Zaporizhzhya) is not a hamlet of
            # its name in the same country that the places around happen to be near ("Russia's governor of
            # Zaporizhzhia said the attack on Melitopol ...": no village of 656 people 30 km from Melitopol), unless
            # the text calls it a village.  (A city known by another name is not: "Stanislav" of a Kherson report is
            # a village, not Ivano-Frankivsk by its old name; nor one across a border: "Voronizh" in Sumy oblast.)
            # The caller's own rows stay.
            cands = [
                c
                for c in cands
                if _from_tables(c)
                or c.place.country_code not in famous_here
                or not (c.place.kind in ("town", "village") and c.place.population < TOWN_POPULATION)
            ]
        world = next(
            (
                c.place.name
                for c in sorted(cands, key=lambda c: -c.place.population)
                if c.match.is_exact
                and _script(c.matched_form) == _script(name)
                and c.place.population >= WORLD_CITY_POPULATION
                and c.place.country_code not in ctx.theatre_countries
            ),
            None,
        )
        if world is not None:
            # "the 9/11 New York attack", "talks in Paris": a world city's name, as the city's data spells it, is that
            # city, not a village of the theatre that GeoNames also files under it as an old or foreign name
            # (Niu-York, Donetsk oblast, alias "New York"; Veselyy Kut, alias "Paris"), unless the places around put
            # it there (see W_WORLD_NAME).  The city's name must be written in the text's script: "Триполье" is
            # Trypillia, near Kyiv, though it folds like "Tripole", a Latin spelling of Tripoli.
            cands = [
                replace(
                    c,
                    score=round(c.score - W_WORLD_NAME, 4),
                    reasons=(*c.reasons, f"{world}, a world city, bears this name: -{W_WORLD_NAME:.2f}"),
                )
                if c.match is MatchKind.EXACT_ALT
                and c.place.kind in ("town", "village")
                and c.place.population < TOWN_POPULATION
                and c.place.country_code in ctx.theatre_countries
                and not _from_tables(c)
                and ctx.cue not in _SMALL_CUES
                and not ctx.province
                else c
                for c in cands
            ]
        cands.sort(key=lambda c: (-c.score, -c.place.population, c.place.id))
        out = cands[:limit]
        # The caller's own row for this name (a front-line Andriivka among a dozen in GeoNames) stays in view
        # even below the limit: next to the places written with it, it is the one meant.
        own = next((c for c in cands[limit:] if _from_tables(c)), None)
        return Resolution(name, tuple(out + [own] if own is not None else out))

    @staticmethod
    def _spelled_alike(key: str, spellings: Iterable[str]) -> bool:
        from rapidfuzz import fuzz

        return max((fuzz.ratio(key, f) for f in spellings), default=0.0) >= FUZZY_SPELLING_CUTOFF

    def resolve(self, name: str, context: Context | None = None) -> Candidate | None:
        """The best candidate for *name* in *context*, or None."""
        return self.candidates(name, context).best

    def _listed_places(self) -> frozenset[str]:
        """The ids of the places the caller's supplement lists (its own, and GeoNames towns it names)."""
        if self._listed is None:
            rows = self._con.execute("SELECT p.id FROM listed l JOIN places p ON p.pid = l.pid").fetchall()
            self._listed = frozenset(r[0] for r in rows)
        return self._listed

    def in_area(self, place: Place) -> bool:
        """Whether *place* lies in the conflict's area (anywhere when none is given)."""
        if self.area is None:
            return True
        w, s, e, n = self.area
        return s <= place.lat <= n and w <= place.lon <= e

    def _score(
        self, place: Place, match: MatchKind, form: str, sim: float | None, ctx: Context, *, own: bool = True
    ) -> Candidate:
        reasons = []
        sentence_km = None
        if match is MatchKind.FUZZY:
            assert sim is not None
            # Linear from 0 at 50% similarity to W_FUZZY at 100%: a loose
            # likeness must not outweigh an exact spelling plus context.
            score = W_FUZZY * (sim - 50) / 50
            reasons.append(f"fuzzy phonetic match {sim:.0f}% with {form!r}: +{score:.2f}")
        else:
            score = W_MATCH[match]
            reasons.append(f"{match} match on {form!r}: +{score:.2f}")
        if place.country_code in ctx.focus_countries:
            score += W_FOCUS
            reasons.append(f"in a country the article is about ({place.country_code}): +{W_FOCUS:.2f}")
        # A city or region of a theatre country, written by its own name, is a target from anywhere in it ("drone
        # strikes in Kostroma", far from the front the area draws); smaller places, and a city reached by an old
        # name ("Pokrovsk" was Engels on the Volga until 1931), only inside the area.
        if place.country_code in ctx.theatre_countries and (
            self.in_area(place)
            or place.kind == "region"
            or (place.population >= FAMOUS_POPULATION and match is MatchKind.EXACT_NAME)
        ):
            score += W_THEATRE
            reasons.append(f"in the conflict theatre ({place.country_code}): +{W_THEATRE:.2f}")
        if ctx.near:
            # The mean distance, not the nearest: a list of towns is about one
            # area, and one outlier near a wrong candidate must not carry it.
            d = sentence_km = sum(_cached_km((place.lat, place.lon), n) for n in ctx.near) / len(ctx.near)
            bonus = W_PROXIMITY * _closeness(d)
            if bonus > 0:
                score += bonus
                reasons.append(f"{d:.0f} km on average from the other places in context: +{bonus:.2f}")
        population = place.population
        if not population and place.kind == "region":
            # Regions and districts carry no population in our data; they are
            # better known than the hamlets that share their names.
            population = REGION_POPULATION
        if population > 0:
            weight = W_POPULATION
            if ctx.cue in ("district", "region", "province"):
                # Districts are named after their centre, the largest town of the name.
                weight *= 3
            bonus = weight * min(1.0, math.log10(population + 1) / 7)
            score += bonus
            reasons.append(f"population {population:,}: +{bonus:.2f}")
        admin_cue = ctx.cue in ("district", "region", "province")
        if place.population >= FAMOUS_POPULATION and match.is_exact and not admin_cue:
            score += W_CITY
            reasons.append(f"a city of over {FAMOUS_POPULATION:,} spelled as written: +{W_CITY:.2f}")
        if admin_cue and place.kind in ("town", "village") and 0 < place.population < HAMLET_POPULATION:
            # "the Kaluga region": areas are named after their centres, and no hamlet is one.
            score -= W_THEATRE
            reasons.append(
                f"the text names a {ctx.cue}, and a hamlet of {place.population:,} is no centre of one: "
                f"-{W_THEATRE:.2f}"
            )
        if own and place.kind in ("town", "village") and place.id in self._listed_places():
            score += W_OWN
            reasons.append(f"a place of the conflict's own tables: +{W_OWN:.2f}")
        if ctx.cue and place.kind in _CUE_KINDS.get(ctx.cue, ()):
            score += W_CUE
            reasons.append(f"the text calls it a {ctx.cue}, and it is a {place.kind}: +{W_CUE:.2f}")
        return Candidate(place, round(score, 4), match, form, tuple(reasons), similarity=sim, sentence_km=sentence_km)


W_ANCHOR = 0.25


def resolve_jointly(
    resolutions: list[Resolution],
    *,
    anchors: tuple[tuple[float, float], ...] = (),
    anchor_weight: float = W_ANCHOR,
    top: int = 3,
    max_combinations: int = 2000,
) -> list[Candidate | None]:
    """Choose one candidate per name so that the names of one sentence or list fit together.

    Each name keeps its own score (spelling, country, population, cue) and
    gains up to W_PROXIMITY for lying near the places chosen for the others
    (mean geodesic distance).  Every combination of each name's best *top*
    candidates is tried; the best total wins.  "Martuni ... in Karabakh"
    thereby picks Khojavend (Martuni in Karabakh), not Martuni in Armenia.

    *anchors* are the places of the rest of the article: each candidate gains
    up to W_ANCHOR for lying near them, a weaker pull than its own sentence.
    """
    # Each name's best *top* candidates, and its best one from the caller's own tables (a conflict's
    # supplement, variants, regions) even when GeoNames namesakes elsewhere outscore it on their own:
    # "Severnoye" next to Kurdyumovka is the front-line village, not one of three in Russia.
    options = []
    firsts = [(r.candidates[0].place.lat, r.candidates[0].place.lon) for r in resolutions if r.candidates]
    for r in resolutions:
        o = list(r.candidates[:top])
        # A hamlet reached only by sound or likeness cannot beat an exact spelling that outscores it on its
        # own by lying near the other names: "Klishchiivka" (exact, a front-line village) next to Andriivka
        # is not Kliusivka (570 people, 94% alike) next to another of the many Andriivkas.
        # Nor can a town so reached beat an area spelled exactly: "Pokrovsk district" is the raion, not a
        # district of Donetsk city 94% alike ("Petrovsky district").
        exact = max((c.score for c in r.candidates if c.match.is_exact), default=None)
        if exact is not None:
            sure = any(c.match.is_exact and c.place.kind in ("region", "district") for c in r.candidates)
            o = [
                c
                for c in o
                if c.match.is_exact or c.score > exact or (c.place.population >= HAMLET_POPULATION and not sure)
            ]
            if not any(c.match.is_exact for c in o):
                o.append(next(c for c in r.candidates if c.match.is_exact))
        # A city of 100,000 spelled exactly is that city: a namesake of its country under a tenth its
        # size does not take the name by lying near the other places ("the southern city of Mykolaiv"
        # in a report that also names Lysychansk is not Mykolaivka near Sloviansk).
        big = [c for c in r.candidates if c.match.is_exact and c.place.population >= FAMOUS_POPULATION]
        if big:
            o = [c for c in o if not _overshadowed(c, big)]
            if big[0] not in o:
                o.append(big[0])
        o = [c for c in o if not _beside_a_bigger(c, r.candidates)]
        own = next((c for c in r.candidates if _from_tables(c) and c not in o), None)
        if own is not None:
            o.append(own)
        # ... and the one nearest the others' first choices, spelled as well as the first: among a hundred
        # villages called Pervomaiske, the one next to Avdiivka may rank fifth on its own.
        pool = [c for c in r.candidates[top:] if c.match.is_exact or not r.candidates[0].match.is_exact]
        if pool and len(firsts) > 1:
            others = [f for f in firsts if f != (r.candidates[0].place.lat, r.candidates[0].place.lon)] or firsts
            near = min(pool, key=lambda c: sum(_cached_km((c.place.lat, c.place.lon), f) for f in others))
            if near not in o:
                o.append(near)
        options.append(o)
    options = _in_the_regions_country(options)
    if anchors:
        options = [[_anchored(c, anchors, anchor_weight) for c in o] for o in options]
        options = [sorted(o, key=lambda c: -c.score) for o in options]
    if len(resolutions) < 2 or any(not o for o in options):
        first = [o[0] if o and not r.not_a_place else None for r, o in zip(resolutions, options, strict=True)]
        if len(anchors) >= 2:
            # A name alone in its sentence, far from every place of a tight article: another place.
            first = [
                None
                if c is not None and _stray(c, list(anchors), STRAY_ANCHOR_KM, _common_name(r, c), _native(r))
                else c
                for c, r in zip(first, resolutions, strict=True)
            ]
        return first
    if len(options) > 8:
        return _without_strays(_resolve_by_centroid(options), resolutions)
    n = 1
    for o in options:
        n *= len(o)
    if n > max_combinations:
        options = [o[:1] if i >= 4 else o for i, o in enumerate(options)]
    best_combo = _best_combination(options)
    out: list[Candidate | None] = []
    for i, c in enumerate(best_combo):
        rest = [o for j, o in enumerate(best_combo) if j != i]
        d = sum(_cached_km((c.place.lat, c.place.lon), (o.place.lat, o.place.lon)) for o in rest) / len(rest)
        bonus = W_PROXIMITY * _closeness(d)
        reasons = (
            c.reasons
            + (
                (
                    f"{d:.0f} km on average from the other places in context "
                    f"({', '.join(o.place.name for o in rest)}): +{bonus:.2f}"
                ),
            )
            if bonus > 0
            else c.reasons
        )
        out.append(replace(c, score=round(c.score + bonus, 4), reasons=reasons, sentence_km=d))
    return _without_strays(out, resolutions)


def _without_strays(chosen: list[Candidate | None], resolutions: list[Resolution]) -> list[Candidate | None]:
    """*chosen* without the names far from the others, the farthest first and the rest measured again
    without it: one namesake 700 km away must not widen the group so that another one fits."""
    out = list(chosen)
    while True:
        kept = [c for c in out if c is not None]
        excess = [
            _stray_excess(c, _group_of(c, kept), STRAY_KM, _common_name(r, c), _native(r)) if c is not None else 0.0
            for c, r in zip(out, resolutions, strict=True)
        ]
        worst = max(range(len(out)), key=lambda i: excess[i], default=None)
        if worst is None or excess[worst] <= 1.0:
            return out
        out[worst] = None


def _group_of(c: Candidate, chosen: Sequence[Candidate | None]) -> list[tuple[float, float]]:
    """The points that measure how far *c* strays from its group: the other places chosen (not regions,
    drawn at their centres) of its own country -- a namesake abroad says nothing about the group -- or,
    when every other place is abroad, all of them: a list of Kherson villages does not hold one 700 km
    away in Russia (the village meant is one the gazetteer lacks)."""
    areas = ("region", "district", "country")
    places = [o for o in chosen if o is not None and o is not c and o.place.kind not in areas]
    same = [(o.place.lat, o.place.lon) for o in places if o.place.country_code == c.place.country_code]
    return same if same or len(places) < 2 else [(o.place.lat, o.place.lon) for o in places]


def _overshadowed(c: Candidate, big: list[Candidate]) -> bool:
    """Whether *c* is a namesake under a tenth the size of a city of its country spelled as well or
    better: "Mykolaiv" (an alternate name of both) is the city of 470,000, not Mykolaivka of 14,000;
    "Stanislav" (a village's own name, an old name of Ivano-Frankivsk) stays the village."""
    if _from_tables(c):
        return False
    return any(
        b is not c
        and b.place.country_code == c.place.country_code
        and c.place.population * 10 < b.place.population
        and (b.match is MatchKind.EXACT_NAME or c.match is not MatchKind.EXACT_NAME)
        for b in big
    )


#: A namesake this many times bigger within NEIGHBOUR_KM is the place meant.
NEIGHBOUR_SIZE_RATIO = 5


def _beside_a_bigger(c: Candidate, candidates: Sequence[Candidate]) -> bool:
    """Whether *c* lies beside a namesake spelled as well and five times its size: GeoNames gives the
    village next to Druzhkivka the town's Russian name too, and closeness cannot tell them apart."""
    if _from_tables(c) or c.place.kind not in ("town", "village"):
        return False
    return any(
        b is not c
        and b.place.kind in ("town", "village")
        and b.place.population >= NEIGHBOUR_SIZE_RATIO * max(c.place.population, 1)
        and (b.match is c.match or b.match is MatchKind.EXACT_NAME)
        and _cached_km((b.place.lat, b.place.lon), (c.place.lat, c.place.lon)) <= NEIGHBOUR_KM
        for b in candidates
    )


def _in_the_regions_country(options: list[list[Candidate]]) -> list[list[Candidate]]:
    """Names written with a region ("the village of Zhuravlyovka in the Belgorod region") lie in its country:
    where a name has candidates there, its namesakes across the border are no options.  Only when the
    sentence's regions (their first readings, spelled exactly) are all of one country."""
    countries = {
        o[0].place.country_code
        for o in options
        if o and o[0].place.kind in ("region", "district") and o[0].match.is_exact
    }
    if len(countries) != 1:
        return options
    (cc,) = countries
    out = []
    for o in options:
        same = [c for c in o if c.place.country_code == cc]
        out.append(same if same and len(same) < len(o) else o)
    return out


def _closeness(km: float) -> float:
    """1 for places within NEIGHBOUR_KM of each other, falling to 0 at PROXIMITY_KM beyond that."""
    return max(0.0, 1 - max(0.0, km - NEIGHBOUR_KM) / PROXIMITY_KM)


def _best_combination(options: list[list[Candidate]]) -> tuple[Candidate, ...]:
    """The combination (one candidate per name) with the best total of scores and closeness.

    Distances between candidates of different names are computed once, not once per combination:
    a list of five names with five candidates each is 3,125 combinations but 250 distances.
    """
    import itertools

    n = len(options)
    pts = [[(c.place.lat, c.place.lon) for c in o] for o in options]
    # dist[i][j][a][b]: km from name i's candidate a to name j's candidate b (nested lists: this
    # loop runs thousands of times an article, and a list index is cheaper than a tuple key).
    dist = [
        [[[_cached_km(pa, pb) for pb in pts[j]] for pa in pts[i]] if i != j else [] for j in range(n)] for i in range(n)
    ]
    scores = [[c.score for c in o] for o in options]
    best_total, best = None, None
    for combo in itertools.product(*(range(len(o)) for o in options)):
        total = 0.0
        for i, a in enumerate(combo):
            row = dist[i]
            d = 0.0
            for j, b in enumerate(combo):
                if j != i:
                    d += row[j][a][b]
            d /= n - 1
            total += scores[i][a] + W_PROXIMITY * _closeness(d)
        if best_total is None or total > best_total + 1e-9:
            best_total, best = total, combo
    assert best is not None
    return tuple(options[i][a] for i, a in enumerate(best))


#: A village this small, or a name reached only by sound or likeness, far from a tight group of the
#: places it is written among, is another place the gazetteer lacks: "Bohdanivka" among Bakhmut's
#: villages is not the one near Melitopol, "Zernovo" in a Bryansk governor's report is not Zernograd.
HAMLET_POPULATION = 2000
STRAY_KM = 100.0
STRAY_ANCHOR_KM = 200.0
#: ... or a town under this size reached only by one of its alternate names.
ALT_NAME_TOWN = 10_000


#: A name this many places share exactly (Ivanivka, Pervomaiske, Andriivka: dozens in Ukraine) says
#: nothing by itself: far from the places written with it, a namesake of any size is not the one meant.
COMMON_NAME_PLACES = 3
#: ... unless the one chosen is this many times bigger than every other.
DOMINANT_RATIO = 10
#: ... or is a city of this size, half as many times bigger (Kostiantynivka, 67,000, and a town of 11,500 of its
#: name far away: the city 47 km from Siversk is the one meant).
DOMINANT_CITY = 50_000
#: ... and must lie within this share of the usual reach of the places around it (40 km in a sentence's list).
COMMON_NAME_REACH = 0.4
#: ... and within this many kilometres of one of them.
COMMON_NAME_NEAREST_KM = 30.0


def _common_name(r: Resolution, chosen: Candidate | None = None) -> bool:
    """Whether the name reaches many towns or villages as well as it reaches its first one (and *chosen*,
    when given, is not by far the biggest of them: three Avdiivkas, but one a town of 35,000 and the others
    villages, is one well-known town)."""
    if not r.candidates:
        return False
    kind = r.candidates[0].match
    same = [c for c in r.candidates if c.match is kind and c.place.kind in ("town", "village")]
    if len(same) < COMMON_NAME_PLACES:
        return False
    if chosen is not None and chosen.place.population >= HAMLET_POPULATION:
        others = [c.place.population for c in same if c.place.id != chosen.place.id]
        biggest = max(others, default=0)
        if chosen.place.population >= DOMINANT_RATIO * biggest:
            return False
        if chosen.place.population >= DOMINANT_CITY and chosen.place.population >= DOMINANT_RATIO / 2 * biggest:
            return False
    return True


_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def _native(r: Resolution) -> bool:
    """Whether the name is written in Cyrillic: then a place's alternate names are its names in the article's
    own language, as good as the name GeoNames writes in Latin letters."""
    return bool(_CYRILLIC.search(r.query))


def _stray(c: Candidate, pts: list[tuple[float, float]], km: float, common: bool = False, native: bool = False) -> bool:
    return _stray_excess(c, pts, km, common, native) > 1.0


def _stray_excess(
    c: Candidate, pts: list[tuple[float, float]], km: float, common: bool = False, native: bool = False
) -> float:
    """How far *c* lies from *pts*, as a multiple of the distance that makes it another place (0: it cannot
    stray: a place of the caller's tables, an area, or a town named well enough)."""
    if len(pts) < (1 if common else 2) or _from_tables(c) or c.place.kind not in ("town", "village"):
        return 0.0
    # An alternate name of a small town (a Russian spelling of a Ukrainian one) is weaker evidence than
    # its own name: "Kirillovka" in a report on Novorossiysk is not Kyrylivka 400 km away in Ukraine.
    weak = not c.match.is_exact or (
        c.match is MatchKind.EXACT_ALT and c.place.population < ALT_NAME_TOWN and not native
    )
    if not weak and c.place.population >= HAMLET_POPULATION and not (common and c.place.population < FAMOUS_POPULATION):
        return 0.0
    # How far is too far grows with how spread out the others are (a list across two oblasts); a name
    # shared by many places must lie closer (the one meant is among the villages written with it).
    spread = max((_cached_km(a, b) for i, a in enumerate(pts) for b in pts[i + 1 :]), default=0.0)
    d = sum(_cached_km((c.place.lat, c.place.lon), p) for p in pts) / len(pts)
    excess = d / max(km * COMMON_NAME_REACH if common else km, 2 * spread, 1e-9)
    if common and len(pts) >= 2 and c.place.population < HAMLET_POPULATION:
        # ... and a village must lie near one of them: "Blahodatne, Makarivka and Neskuchne" is not the Blahodatne
        # 50 km from the other two, in a list that reaches 35 km the other way
        # (a list that spans a border region of 100 km holds villages 40 km from their nearest neighbour; a capital
        # written far from the rest does not widen it)
        core = [p for i, p in enumerate(pts) if any(_cached_km(p, q) <= km for j, q in enumerate(pts) if j != i)]
        reach = max((_cached_km(a, b) for i, a in enumerate(core) for b in core[i + 1 :]), default=0.0)
        near = min(_cached_km((c.place.lat, c.place.lon), p) for p in pts)
        excess = max(excess, near / max(COMMON_NAME_NEAREST_KM, reach / 2))
    return excess


def _initials_clash(written: str, place_key: str) -> bool:
    """Whether a name as *written* and a place's folded name open with letters no transliteration confuses:
    Cyrillic Г or Latin H (a Slavic h/g) against a k that is no kh, or Cyrillic К against h or g.  The phonetic key
    merges them.  (A Latin G is left alone: Azerbaijani Q is written G or K, "Garakhanbeyli" = Karakhanbeyli.)"""
    first = written.lstrip()[:1]
    k_sound = place_key[:1] == "k" and not place_key.startswith("kh")
    if first in ("Г", "г", "Ґ", "ґ", "H", "h"):
        return k_sound
    if first in ("К", "к"):
        return place_key[:1] in ("h", "g")
    return False


#: The text's words for a small place: with them a village may bear a city's name ("the village of Zaporizhzhia").
_SMALL_CUES = frozenset({"village", "settlement", "hamlet"})


def _script(text: str) -> str:
    """The script of the first letter of *text* ("LATIN", "CYRILLIC", ...), or "" when it has none."""
    letter = next((ch for ch in text if ch.isalpha()), "")
    return unicodedata.name(letter, "").split(" ", 1)[0] if letter else ""


def _from_tables(c: Candidate) -> bool:
    """Whether *c* comes from the caller's tables or aliases rather than from GeoNames alone."""
    return c.match is MatchKind.VARIANT or not c.place.id.startswith("geonames:")


def _resolve_by_centroid(options: list[list[Candidate]]) -> list[Candidate | None]:
    """Long lists: each name takes the candidate nearest the centre of the others' first choices
    (quadratic in the number of names at most, where trying every combination is exponential).  The
    centre is the median point, not the mean: a first choice 700 km away (a namesake of a village the
    gazetteer lacks) must not drag the centre off the list's area."""
    import statistics

    firsts = [(o[0].place.lat, o[0].place.lon) for o in options]
    out: list[Candidate | None] = []
    for i, opts in enumerate(options):
        rest = firsts[:i] + firsts[i + 1 :]
        centre = (statistics.median(p[0] for p in rest), statistics.median(p[1] for p in rest))
        scored = []
        for c in opts:
            d = _cached_km((c.place.lat, c.place.lon), centre)
            bonus = W_PROXIMITY * _closeness(d)
            reason = f"{d:.0f} km on average from the other places in context (list centre): +{bonus:.2f}"
            scored.append(replace(c, score=round(c.score + bonus, 4), reasons=(*c.reasons, reason), sentence_km=d))
        out.append(max(scored, key=lambda c: c.score))
    return out


def _anchored(c: Candidate, anchors: tuple[tuple[float, float], ...], weight: float) -> Candidate:
    d = sum(_cached_km((c.place.lat, c.place.lon), a) for a in anchors) / len(anchors)
    bonus = weight * _closeness(d)
    if bonus <= 0:
        return replace(c, context_km=d)
    reason = f"{d:.0f} km on average from the places around it in the article: +{bonus:.2f}"
    return replace(c, score=round(c.score + bonus, 4), reasons=(*c.reasons, reason), context_km=d)


def _core_edits(a: str, b: str) -> int:
    """Indel distance between *a* and *b* once their common beginning and end are set aside."""
    from rapidfuzz.distance import Indel

    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    a, b = a[p:], b[p:]
    q = 0
    while q < min(len(a), len(b)) and a[-1 - q] == b[-1 - q]:
        q += 1
    return int(Indel.distance(a[: len(a) - q], b[: len(b) - q]))


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places in kilometres (geopy)."""
    return _cached_km((a.lat, a.lon), (b.lat, b.lon))


@lru_cache(maxsize=65536)
def _cached_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return _great_circle_km(a, b)
