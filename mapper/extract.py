"""Per-article extraction: a pure function of (article bytes, gazetteer, profile, aliases).

:func:`extract_article` reads nothing but its arguments and writes nothing, so it can run in
this process, in ``--jobs`` worker processes, or on the workers of a Dask cluster
(:mod:`mapper.cluster`), and give the same claims everywhere.  :class:`WorkerSetup` is what a
worker needs to rebuild the same gazetteer and profile on its own: the profile itself, the
user aliases, and the name of the compiled gazetteer index (see :func:`open_gazetteer`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from .articles import Article, content_hash, parse_article, read_bytes
from .claims import Claim, extract_claims
from .errors import ArticleError, MapperError, ProfileError
from .sides import Profile

__all__ = ["Extraction", "WorkerSetup", "extract_article", "extract_detected", "open_gazetteer", "extract_local"]


@dataclass(frozen=True, slots=True)
class Extraction:
    """What one article gave: its claims and unresolved names, or why it was skipped (``error``)."""

    name: str
    content_hash: str
    title: str = ""
    published: str = ""
    claims: tuple[Claim, ...] = ()
    unresolved: tuple[str, ...] = ()
    error: str | None = None
    #: Without --profile: the profile the article was matched to ("" when it is about none).
    profile: str = ""
    detection: str = ""  # why (evidence per profile), for the build report
    #: What was odd in the article but not fatal (a value left out, a header ignored), for the report.
    notes: tuple[str, ...] = ()
    #: The online geocoder failed during this article: it is extracted again by the next build.
    retry: bool = False


def extract_article(name: str, data: bytes, *, gazetteer, profile: Profile) -> Extraction:
    """The claims of one article file (*name* is its file name, *data* its bytes).

    *gazetteer* carries the user's aliases (``Gazetteer.with_aliases``).  An unreadable article
    gives an :class:`Extraction` whose ``error`` says why, never an exception: nothing raised
    while reading or extracting one article escapes (an unexpected error names its type, so it
    can be reported).  Configuration errors (a profile pattern that runs away) are not the
    article's fault and still stop the build.  Values no article can mean (a 25-digit casualty
    figure) are left out with a note (:func:`mapper.export.checked_claims`).
    """
    h = content_hash(data)
    return _safely(name, h, lambda: _extract(name, h, parse_article(name, data), gazetteer, profile))


def _safely(name: str, h: str, work: Callable[[], Extraction]) -> Extraction:
    """*work*'s Extraction; any error of the article becomes an Extraction that says why it was skipped."""
    try:
        return work()
    except ArticleError as err:
        return Extraction(name, h, error=err.reason)
    except (ProfileError, KeyboardInterrupt, MemoryError):
        raise
    except Exception as err:  # one article's bug never stops the build
        detail = str(err)[:200]
        return Extraction(
            name, h, error=f"could not be processed ({type(err).__name__}: {detail}); please report this with the file"
        )


def _extract(name: str, h: str, article: Article, gazetteer, profile: Profile) -> Extraction:
    from .export import checked_claims

    online = getattr(gazetteer, "online", None)
    failures = getattr(online, "failures", 0)
    result = extract_claims(article, gazetteer, profile)
    claims, value_notes = checked_claims(result.claims)
    notes = [*article.notes, *value_notes]
    retry = getattr(online, "failures", 0) > failures
    if retry:
        notes.append("the online geocoder failed (network or service error); the article is read again next build")
    return Extraction(
        name,
        h,
        article.title,
        article.published,
        tuple(claims),
        _unresolved(result.unresolved, gazetteer),
        notes=tuple(notes),
        retry=retry,
    )


def _unresolved(names: Iterable[str], gazetteer) -> tuple[str, ...]:
    """Unresolved names, less those the user marked [not_a_place] (they are settled, not unresolved)."""
    from gazetteer import fold

    marked = gazetteer.aliases.not_places
    return tuple(sorted(n for n in names if fold(n) not in marked))


@dataclass(frozen=True)
class WorkerSetup:
    """Everything a worker needs to extract like this machine does (pickled to workers)."""

    profile: Profile
    aliases: object  # gazetteer.UserAliases
    index_name: str  # file name of the compiled gazetteer index, e.g. gazetteer-0123abcd.sqlite
    aliases_digest: str  # of the alias file the aliases come from
    code: str  # digest of the extraction code: a worker with other code must not take part
    online: bool = False
    #: Without --profile: one setup per candidate profile; each article is matched to one (mapper.detect).
    choices: tuple[WorkerSetup, ...] = ()

    def key(self, cache_dir: Path | None) -> tuple:
        return (self.profile.digest, self.index_name, self.aliases_digest, self.online, str(cache_dir))


def open_gazetteer(profile: Profile, aliases, cache_dir: Path | None = None, *, online: bool = False):
    """The gazetteer every extraction uses: the compiled index, the user's aliases, the online fallback if asked."""
    from gazetteer import Gazetteer

    gaz = Gazetteer.open(cache_dir, tables=profile.gazetteer_tables, area=profile.theatre_bbox).with_aliases(aliases)
    if online:
        from gazetteer.online import OnlineGeocoder

        gaz.online = OnlineGeocoder(profile.theatre_countries, cache_dir=cache_dir)
    return gaz


def gazetteer_for(setup: WorkerSetup, cache_dir: Path | None = None):
    """Open, on a worker, the gazetteer index *setup* names; refuse one compiled from other data.

    The index file is named by a digest of what it was compiled from.  When the worker's cache
    folder holds that file (a shared folder, or a copy), it is opened as it is; otherwise the worker
    compiles its own from its installed data, which must give the same name.
    """
    import sqlite3

    from gazetteer import Gazetteer, default_cache_dir, index_path

    if setup.code != code_digest():
        raise MapperError(
            "this worker runs other extraction code than the machine that started the build; "
            "install the same incident-mapper version on every machine"
        )
    tables = setup.profile.gazetteer_tables
    shared = (cache_dir or default_cache_dir()) / setup.index_name
    if shared.is_file():
        con = sqlite3.connect(f"file:{shared}?mode=ro", uri=True, check_same_thread=False)
        gaz = Gazetteer(con, path=shared, tables=tables, area=setup.profile.theatre_bbox).with_aliases(
            setup.aliases  # type: ignore[arg-type]
        )
    else:
        gaz = open_gazetteer(setup.profile, setup.aliases, cache_dir)
        mine = index_path(cache_dir, tables)
        if mine.name != setup.index_name:
            raise MapperError(
                f"this worker's gazetteer index is {mine.name}, the build's is {setup.index_name}: "
                f"copy {setup.index_name} from the machine that runs the build into {mine.parent}, or share one "
                "MAPPER_CACHE_DIR (see README, 'Large corpora and more than one machine')"
            )
    if setup.online:
        from gazetteer.online import OnlineGeocoder

        gaz.online = OnlineGeocoder(setup.profile.theatre_countries, cache_dir=cache_dir)
    return gaz


#: Modules of the output side: changing them never re-extracts (the exporter keys its own cache).
OUTPUT_MODULES = frozenset(
    {
        "export.py",
        "incidents.py",
        "render.py",
        "mapfeed.py",
        "cli.py",
        "pipeline.py",
        "progress.py",
        "cluster.py",
        "atomic.py",
        "csvsafe.py",
        "__main__.py",
    }
)
#: Sub-packages that never change what an article's claims are: the map's code, web ingestion.
OUTPUT_PACKAGES = frozenset({"map", "web"})


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """A hash of the extraction code: every ``*.py`` of mapper/ and gazetteer/ but the output side,
    and the language data it reads (``mapper/data/``).

    A new module counts as extraction code unless it is listed in OUTPUT_MODULES, so the digest
    cannot miss one.  A changed digest re-extracts stored articles.  Computed once per process (the
    code a process runs does not change under it).  (Profiles are hashed with the profile.)
    """
    import hashlib

    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for pkg in ("gazetteer", "mapper"):
        paths = sorted((root / pkg).rglob("*.py"))
        if pkg == "mapper":
            paths += sorted(p for p in (root / pkg / "data").glob("*") if p.is_file())
        for path in paths:
            rel = path.relative_to(root / pkg).parts
            if pkg == "mapper" and (rel[0] in OUTPUT_PACKAGES or (len(rel) == 1 and rel[0] in OUTPUT_MODULES)):
                continue
            h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


# Per-process state: a worker process keeps its gazetteer between tasks.
_STATE: dict[str, object] = {}


def prepare(setup: WorkerSetup, cache_dir: Path | None = None):
    """This process's gazetteer for *setup*, opened once and kept for the following tasks."""
    key = setup.key(cache_dir)
    if _STATE.get("key") != key:
        _STATE.clear()
        if setup.choices:
            choices = [(c.profile, gazetteer_for(c, cache_dir)) for c in setup.choices]
            _STATE.update(key=key, gazetteer=choices[0][1], choices=choices)
        else:
            _STATE.update(key=key, gazetteer=gazetteer_for(setup, cache_dir))
    return _STATE["gazetteer"]


def worker_extract(setup: WorkerSetup, items: Iterable[tuple[str, bytes]], cache_dir: Path | None = None) -> list:
    """Extract *items* ((name, bytes) pairs) on a worker, opening its gazetteer once per setup."""
    gaz = prepare(setup, cache_dir)
    if setup.choices:
        return [extract_detected(name, data, _STATE["choices"]) for name, data in items]  # type: ignore[arg-type]
    return [extract_article(name, data, gazetteer=gaz, profile=setup.profile) for name, data in items]


def extract_detected(name: str, data: bytes, choices: list[tuple[Profile, object]]) -> Extraction:
    """The claims of one article under the profile it is about (mapper.detect); none if it is about none."""
    from .detect import detect_profile

    h = content_hash(data)

    def work() -> Extraction:
        article = parse_article(name, data)
        found = detect_profile(f"{article.title}\n{article.text}", choices)
        chosen = next(((p, g) for p, g in choices if p.id == found.profile), None)
        if chosen is None:
            return Extraction(name, h, article.title, article.published, detection=found.explain(), notes=article.notes)
        ex = _extract(name, h, article, chosen[1], chosen[0])
        return replace(ex, profile=chosen[0].id, detection=found.explain())

    return _safely(name, h, work)


def extract_local(
    todo: Iterable[tuple[str, Path]], setup: WorkerSetup, *, jobs: int, cache_dir: Path | None
) -> Iterator[Extraction]:
    """Extract in this process, or in *jobs* worker processes; yields as articles finish (any order)."""
    todo = list(todo)
    if jobs <= 1 or len(todo) < 2:
        for name, path in todo:
            yield _one(setup, name, path, cache_dir)
        return
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, min(64, len(todo) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs) as ex:
        yield from ex.map(_one_remote, ((setup, n, p, cache_dir) for n, p in todo), chunksize=chunk)


def _one(setup: WorkerSetup, name: str, path: Path, cache_dir: Path | None) -> Extraction:
    try:
        data = read_bytes(path)  # a regular file of bounded size, or an ArticleError saying why not
    except ArticleError as err:
        return Extraction(name, "", error=err.reason)
    return worker_extract(setup, [(name, data)], cache_dir)[0]


def _one_remote(args: tuple[WorkerSetup, str, Path, Path | None]) -> Extraction:
    return _one(*args)
