"""The build, one way: articles -> claims (store) -> incidents -> exports and map.

:func:`build` runs named steps, each a small function that returns a value:

1. :func:`scan_inputs` lists the article files of the seeds folder;
2. :func:`open_index` opens (once: compiles) the gazetteer and reads the user's aliases;
3. :func:`plan_work` decides which articles are new or changed, against the store;
4. :func:`extract` runs :func:`mapper.extract_article` on them (here, in ``--jobs`` processes or on a
   Dask cluster) and saves each result in the store as it arrives;
5. :func:`write_outputs` streams over the store, article by article in name order: groups each
   article's claims into incidents, writes GeoJSON, CSV and GeoParquet through the exporter's line
   cache, and feeds the map (the last Parquet row group is encoded in a thread, beside the map);
6. :func:`render` draws map.html from that feed;
7. :func:`finish` adds suggestions for unresolved names and writes build-report.json.

Memory stays flat: no step holds every article or every claim (the map holds at most
``map_claim_limit`` claims, or one feature per place x side x day above it).  All outputs of a
build are put in place together (:class:`mapper.atomic.OutputSet`), or none is.

Hostile input and careless use (see README, "Safety"): only regular files inside the seeds folder
are read (FIFOs, devices and links leaving the folder are skipped with a reason); the output
folder may not be the seeds folder; a damaged store is set aside and rebuilt; a map that is not
the file the last build wrote is drawn again; a build killed while replacing its outputs is
completed by the next one.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import orjson

from . import __version__
from ._fs import FileSystemError, describe_kind, os_error_message
from .aliases import ALIAS_FILE, aliases_digest, load_aliases
from .articles import ARTICLE_SUFFIXES, MAX_BYTES, content_hash, read_bytes, too_large
from .atomic import OutputSet, recover
from .errors import ArticleError, BuildLockedError, OutputFolderError, SeedsNotFoundError, StoreDamagedError
from .export import (
    EXPORT_VERSION,
    OUTPUT_FILES,
    ArticleLines,
    ExportWriter,
    LineCache,
    article_lines,
    load_incidents,
)
from .extract import Extraction, WorkerSetup, code_digest, extract_local, prepare
from .mapfeed import DEFAULT_LIMIT, MapFeed, records_json
from .progress import Display, Steps
from .sides import Profile, load_profile, merge_profiles, shipped_profiles
from .store import STORE_NAME, Store, open_store, set_aside

__all__ = ["BuildOptions", "BuildReport", "build", "load_incidents"]

LOCK_NAME = ".mapper.lock"
REPORT_NAME = "build-report.json"
#: Articles per batch when streaming over the store.
BATCH = 256


@dataclass(frozen=True)
class BuildOptions:
    """How to build; every field has the default `mapper build` uses."""

    profile: str | Path | None = None  # a shipped profile name or a .toml path
    full: bool = False  # ignore the store, extract everything again
    jobs: int = 1  # worker processes for extraction on this machine
    dask_scheduler: str | None = None  # tcp://HOST:PORT: extract on a Dask cluster instead
    render: bool = True  # write map.html
    geocode_online: bool = False  # ask Nominatim for names nothing offline resolves
    map_claim_limit: int = DEFAULT_LIMIT  # above it the map shows place x side x day aggregates
    cache_dir: Path | None = None  # gazetteer cache (default: $MAPPER_CACHE_DIR or ~/.cache/incident-mapper)
    lock_wait: float = 600.0  # seconds to wait for another build on the same output folder
    display: Display | None = None  # progress display (the CLI gives one on a terminal)
    on_wait: Callable[[str], None] | None = None  # told when the build waits for another


@dataclass
class BuildReport:
    seeds: Path
    out: Path
    articles: int = 0  # distinct articles on the map
    files: int = 0
    extracted: int = 0  # articles (re)processed in this build
    reused: int = 0
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (file, same content as)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    claims: int = 0
    incidents: int = 0
    per_side: dict[str, int] = field(default_factory=dict)
    unresolved: dict[str, list[str]] = field(default_factory=dict)  # name -> articles
    suggestions: dict[str, list[str]] = field(default_factory=dict)  # name -> "Place (id)" look-alikes
    map: dict | None = None  # {"threshold", "aggregated", "features"}; None without a map
    #: (file, what was odd but not fatal): a value left out, a header ignored, a damaged store set aside.
    notes: list[tuple[str, str]] = field(default_factory=list)
    #: Without --profile: file name -> [profile id ("" when about none), evidence]
    profiles: dict[str, list[str]] = field(default_factory=dict)
    wrote: list[Path] = field(default_factory=list)
    steps: dict[str, float] = field(default_factory=dict)  # step name -> seconds, in order
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.skipped

    def summary(self) -> dict:
        """The content of build-report.json (deterministic: no times, no paths)."""
        return {
            "articles": self.articles,
            "claims": self.claims,
            "incidents": self.incidents,
            "per_side": dict(sorted(self.per_side.items())),
            "skipped": sorted(self.skipped),
            "duplicates": sorted(self.duplicates),
            "notes": sorted(self.notes),
            "unresolved": dict(sorted(self.unresolved.items())),
            "suggestions": self.suggestions,
            "map": self.map,
            **({"profiles": self.profiles} if self.profiles else {}),
        }


@dataclass(frozen=True)
class Inputs:
    files: list[tuple[Path, os.stat_result]]
    skipped: list[tuple[str, str]]


@dataclass
class Plan:
    fingerprint: str
    current: dict[str, tuple[int, int, str]]  # file name -> (size, mtime_ns, content hash)
    todo: list[tuple[str, Path]]  # new or changed articles
    skipped: list[tuple[str, str]]
    duplicates: list[tuple[str, str]]


@dataclass
class Tally:
    """What the output pass counted, for the report."""

    claims: int = 0
    per_side: dict[str, int] = field(default_factory=dict)
    incidents: set[int] = field(default_factory=set)  # incident ids as integers: 48 bytes each, not 100
    unresolved: dict[str, list[str]] = field(default_factory=dict)

    def add(self, lines: ArticleLines, unresolved: Iterable[str]) -> None:
        self.claims += len(lines.incidents)
        for side, n in lines.sides.items():
            self.per_side[side] = self.per_side.get(side, 0) + n
        self.incidents.update(int(i.rsplit("-", 1)[-1], 16) for i in lines.incidents)
        for u in unresolved:
            self.unresolved.setdefault(u, []).append(lines.name)


class _Lock:
    """An exclusive lock on the output folder; a second build waits for the first."""

    def __init__(self, out: Path, *, wait: float, on_wait: Callable[[str], None] | None) -> None:
        if out.exists() and not out.is_dir():
            raise OutputFolderError(f"{out} is a file, not a folder; give --out a folder (it is created if missing)")
        try:
            out.mkdir(parents=True, exist_ok=True)
            self.fh = open(out / LOCK_NAME, "a+")  # noqa: SIM115 - held for the build
        except OSError as err:
            raise FileSystemError(os_error_message(err, out, "cannot write into the output folder")) from err
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if not told and on_wait:
                    on_wait(f"another build is running on {out}; waiting for it to finish")
                    told = True
                if time.monotonic() >= deadline:
                    self.fh.close()
                    raise BuildLockedError(
                        f"another build is running on {out}; try again when it has finished"
                    ) from None
                time.sleep(0.2)

    def release(self) -> None:
        fcntl.flock(self.fh, fcntl.LOCK_UN)
        self.fh.close()


# -- the build ------------------------------------------------------------------------------------
def build(
    seeds: Path | str = "seeds", out: Path | str = "output", options: BuildOptions | None = None, **kwargs
) -> BuildReport:
    """Build (or update) the map and exports in *out* from the articles in *seeds*.

    Only new or changed articles are read; removed articles drop out.  Options come as a
    :class:`BuildOptions` or as its fields by keyword (``build("seeds", "output", full=True)``).
    Bad articles are skipped and reported, never fatal; earlier outputs are replaced together
    or left alone.
    """
    options = replace(options, **kwargs) if options else BuildOptions(**kwargs)
    t0 = time.perf_counter()
    seeds, out = Path(seeds), Path(out)
    check_folders(seeds, out)
    prof = load_profile(options.profile) if options.profile else merge_profiles(shipped_profiles())
    steps = Steps(options.display)
    lock = _Lock(out, wait=options.lock_wait, on_wait=options.on_wait)
    try:
        # A build killed while putting its outputs in place is completed now; its temporary files go.
        recover(out, stale=(*OUTPUT_FILES, "map.html", REPORT_NAME))
        notes: list[tuple[str, str]] = []
        for attempt in (1, 2):
            store, note = open_store(out / STORE_NAME)
            if note:
                notes.append((STORE_NAME, note))
            try:
                report = _run(seeds, out, prof, options, store, steps, notes)
                break
            except StoreDamagedError as err:
                # Damage found in the middle of the build: the store is a cache, so build it again.
                if attempt == 2:
                    raise
                store.close()
                aside = set_aside(out / STORE_NAME)
                notes.append(
                    (STORE_NAME, f"the incident store was damaged ({err.cause}); set aside as {aside.name} and rebuilt")
                )
            finally:
                store.close()
    finally:
        lock.release()
    report.steps = steps.seconds
    report.seconds = time.perf_counter() - t0
    return report


def _run(
    seeds: Path,
    out: Path,
    prof: Profile,
    options: BuildOptions,
    store: Store,
    steps: Steps,
    notes: list[tuple[str, str]] | None = None,
) -> BuildReport:
    with steps.step("scan"):
        inputs = scan_inputs(seeds, exclude=(out,))
    with steps.step("gazetteer index"):
        setup, gaz = open_index(prof, seeds, options)
    with steps.step("plan"):
        plan = plan_work(inputs, store, fingerprint(prof, seeds, options, setup), full=options.full)
    with steps.step("extract", total=len(plan.todo)) as tick:
        extracted, failed, retry = extract(plan, setup, options, store, tick)
    gone = {name for name, _ in failed}
    current = {k: v for k, v in plan.current.items() if k not in gone}
    matched = _profiles_of(store, current) if setup.choices else {}
    prof = _map_profile(prof, matched) if setup.choices else prof
    store.drop_extractions(keep={v[2] for v in current.values()})
    store.set_files(current)
    store.commit()
    report = BuildReport(seeds, out, articles=len(current), files=len(inputs.files), extracted=extracted)
    report.reused = len(current) - extracted
    report.skipped = [*inputs.skipped, *plan.skipped, *failed]
    report.duplicates = plan.duplicates
    report.profiles = matched
    report.notes = list(notes or [])
    by_hash = {h: name for name, (_s, _m, h) in current.items()}
    for h, found in sorted(store.notes(by_hash).items(), key=lambda kv: by_hash[kv[0]]):
        report.notes.extend((by_hash[h], n) for n in found)
    with OutputSet(out, force=options.full) as outs:
        key = write_all(report, store, gaz, prof, options, plan.fingerprint, current, outs, steps)
    report.wrote = outs.replaced
    _remember_outputs(store, out, key, report)
    if retry:  # read again next build: the online geocoder failed while they were extracted
        store.drop_extractions(keep=store.known_hashes() - retry)
    store.commit()
    return report


def write_all(
    report: BuildReport,
    store: Store,
    gaz,
    prof: Profile,
    options: BuildOptions,
    fp: str,
    current: dict[str, tuple[int, int, str]],
    outs: OutputSet,
    steps: Steps,
) -> str:
    """Exports, map and build report into *outs*; the exports are skipped when nothing they show changed."""
    key = _map_key(prof, options, fp, current)
    feed = None
    if options.full or not _fresh_outputs(store, report.out, key, report, options):
        feed = _map_feed(store, report.out, key, options, current)
        # The writer is closed after the map: its last Parquet row group is encoded beside it.
        with contextlib.closing(ExportWriter(outs)) as writer:
            with steps.step("exports", total=len(current)) as tick:
                tally = write_outputs(store, report.out, fp, current, writer, feed, tick, full=options.full)
            _tally_into(report, tally)
            if feed is not None:
                with steps.step("map", total=None):
                    report.map = render(feed, prof, report.out, outs, n_articles=len(current))
                    store.set_meta("map_key", key)
                    store.set_meta("map_info", json.dumps(report.map))
                    store.set_meta("map_sha256", outs.sha256("map.html"))  # the file this build puts in place
            else:
                report.map = _stored_map_info(store, options)
    if options.render and feed is None:
        # map.html is up to date: put back any file of map_files/ that is missing or was changed.
        from .map.files import install_assets

        install_assets(report.out, countries=prof.theatre_countries, bbox=prof.map_bbox)  # as render_map does
    with steps.step("report"):
        finish(report, store, gaz, prof, outs)
    return key


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return ""
    return h.hexdigest()


# -- 1. inputs ------------------------------------------------------------------------------------
def check_folders(seeds: Path, out: Path) -> None:
    """Refuse an output folder that is the seeds folder (its map.html would be read back as an article)."""
    if not seeds.is_dir():
        raise SeedsNotFoundError(f"seeds folder {str(seeds)!r} does not exist; create it and put articles in it")
    try:
        same = out.exists() and os.path.samefile(seeds, out)
    except OSError:
        same = False
    if same:
        raise OutputFolderError(
            f"the output folder {str(out)!r} is the seeds folder; give --out another folder (e.g. 'output')"
        )


def scan_inputs(seeds: Path, *, exclude: Iterable[Path] = ()) -> Inputs:
    """The article files of *seeds* with their stat results, and what is skipped (with reasons).

    Only regular files are articles: a FIFO or a device is skipped by its type, before anything
    opens it.  A link is followed only when it stays inside *seeds*.  Folders in *exclude* (the
    output folder, when it lies inside the seeds folder) are passed over in silence.
    """
    files, skipped = [], []
    if not seeds.is_dir():
        raise SeedsNotFoundError(f"seeds folder {str(seeds)!r} does not exist; create it and put articles in it")
    root = seeds.resolve()
    excluded = {p.resolve() for p in exclude}
    with os.scandir(seeds) as it:
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        name = e.name
        if name.startswith(".") or name == ALIAS_FILE or name.lower() in ("readme.md", "readme.txt"):
            continue
        suffix = Path(name).suffix.lower()
        try:
            # Only a link needs resolving (a syscall per path part): any other entry is root / name.
            link = e.is_symlink()
            target = Path(e.path).resolve() if link else root / name
            if link and not target.is_relative_to(root):
                skipped.append((name, f"a link to {target}, outside the seeds folder; links are not followed"))
                continue
            if target in excluded:
                continue
            st = e.stat()
            if stat.S_ISDIR(st.st_mode):
                skipped.append((name, "is a directory, not an article file"))
            elif not stat.S_ISREG(st.st_mode):
                skipped.append((name, f"not a regular file ({describe_kind(st.st_mode)}); only article files are read"))
            elif suffix in ARTICLE_SUFFIXES:
                files.append((Path(e.path), st))
            else:
                kinds = ", ".join(ARTICLE_SUFFIXES)
                skipped.append((name, f"not an article type ({suffix or 'no extension'}); use one of {kinds}"))
        except FileNotFoundError:
            skipped.append((name, "a link to nothing (its target does not exist)"))
        except OSError as err:
            skipped.append((name, f"cannot be read ({err.strerror or err})"))
    return Inputs(files, skipped)


# -- 2. gazetteer ---------------------------------------------------------------------------------
def open_index(prof: Profile, seeds: Path, options: BuildOptions):
    """The gazetteer (compiled on first use), the user's aliases, and what a worker needs to match them.

    Without --profile (*prof* merges the shipped profiles), one setup per profile: each article is
    matched to the profile it is about (mapper.detect).
    """
    from gazetteer import Gazetteer, index_path

    if prof.parts:
        subs = tuple(open_index(p, seeds, options)[0] for p in prof.parts)
        names = "+".join(s.index_name for s in subs)
        setup = replace(subs[0], profile=prof, index_name=names, choices=subs)
        return setup, prepare(setup, options.cache_dir)
    base = Gazetteer.open(options.cache_dir, tables=prof.gazetteer_tables, area=prof.theatre_bbox)
    aliases = load_aliases(seeds / ALIAS_FILE, base, unknown_places="skip" if options.profile is None else "error")
    setup = WorkerSetup(
        profile=prof,
        aliases=aliases,
        index_name=index_path(options.cache_dir, prof.gazetteer_tables).name,
        aliases_digest=aliases_digest(seeds / ALIAS_FILE),
        code=code_digest(),
        online=options.geocode_online,
    )
    return setup, prepare(setup, options.cache_dir)


def _profiles_of(store: Store, current: dict[str, tuple[int, int, str]]) -> dict[str, list[str]]:
    """File name -> [profile id ("" for none), why], as each article was matched (kept in the store)."""
    found = store.profiles(v[2] for v in current.values())
    return {name: list(found.get(h, ("", ""))) for name, (_s, _m, h) in sorted(current.items())}


def _map_profile(merged: Profile, matched: dict[str, list[str]]) -> Profile:
    """The profile the map and report use: the one the articles are about, or those merged."""
    used = sorted({pid for pid, _ in matched.values() if pid})
    parts = [p for p in merged.parts if p.id in used] or list(merged.parts[:1])
    return parts[0] if len(parts) == 1 else merge_profiles([p.id for p in parts])


def fingerprint(prof: Profile, seeds: Path, options: BuildOptions, setup: WorkerSetup) -> str:
    """What the stored claims depend on: data, profile, aliases, extraction code (and online answers)."""
    parts = [__version__, setup.index_name, prof.digest, setup.aliases_digest, setup.code]
    # Online answers change what resolves: a build with them is a different build.
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16] + ("+online" if options.geocode_online else "")


# -- 3. plan --------------------------------------------------------------------------------------
def plan_work(inputs: Inputs, store: Store, fp: str, *, full: bool) -> Plan:
    """Which articles are new or changed (by content hash), which are duplicates or unreadable."""
    if full or store.get_meta("fingerprint") != fp:
        store.drop_extractions()
        store.set_meta("fingerprint", fp)
        store.commit()
    known_files, known = store.files(), store.known_hashes()
    plan = Plan(fp, {}, [], [], [])
    owner: dict[str, str] = {}
    for p, st in inputs.files:
        try:
            if st.st_size > MAX_BYTES:
                plan.skipped.append((p.name, too_large(st.st_size)))
                continue
            prev = known_files.get(p.name)
            if prev and prev[:2] == (st.st_size, st.st_mtime_ns) and prev[2] in known:
                h = prev[2]
            else:
                h = content_hash(read_bytes(p))  # a regular file of bounded size, checked on the open file
        except ArticleError as err:
            plan.skipped.append((p.name, err.reason))
            continue
        if h in owner:
            plan.duplicates.append((p.name, owner[h]))
            continue
        owner[h] = p.name
        plan.current[p.name] = (st.st_size, st.st_mtime_ns, h)
        if h not in known:
            plan.todo.append((p.name, p))
    return plan


# -- 4. extract -----------------------------------------------------------------------------------
def extract(
    plan: Plan, setup: WorkerSetup, options: BuildOptions, store: Store, tick: Callable[[], None]
) -> tuple[int, list[tuple[str, str]], set[str]]:
    """Extract the plan's articles and save each in the store.

    Returns (saved, [(file, why it failed)], content hashes to extract again next build).
    """
    source: Iterator[Extraction]
    if options.dask_scheduler and plan.todo:
        from .cluster import extract_on_cluster

        source = extract_on_cluster(options.dask_scheduler, plan.todo, setup)
    else:
        source = extract_local(plan.todo, setup, jobs=options.jobs, cache_dir=options.cache_dir)
    saved, failed, retry = 0, [], set()
    for ex in source:
        tick()
        if ex.error is None and ex.content_hash != plan.current[ex.name][2]:
            ex = replace(ex, error="changed while the build was reading it; run the build again")
        if ex.error is not None:
            failed.append((ex.name, ex.error))
            continue
        meta = {"profile": ex.profile, "detection": ex.detection}
        store.put_extraction(ex.content_hash, ex.claims, ex.unresolved, ex.title, ex.published, notes=ex.notes, **meta)
        if ex.retry:
            retry.add(ex.content_hash)
        saved += 1
        if saved % BATCH == 0:
            store.commit()  # a build stopped half-way keeps what it extracted
    store.commit()
    return saved, sorted(failed), retry


# -- 5. incidents, exports and the map feed, streaming over the store --------------------------------------
def write_outputs(
    store: Store,
    out: Path,
    fp: str,
    current: dict[str, tuple[int, int, str]],
    writer: ExportWriter,
    feed: MapFeed | None,
    tick: Callable[[], None],
    *,
    full: bool = False,
) -> Tally:
    """Write the exports with *writer*, article by article in name order, and feed the map.

    The GeoJSON and CSV are complete on return; the caller closes *writer* to complete the Parquet file.
    """
    cache = LineCache(out, f"{EXPORT_VERSION}|{fp}", reset=full)
    tally = Tally()
    order = sorted(current.items())
    for i in range(0, len(order), BATCH):
        keys = [(h, name) for name, (_s, _m, h) in order[i : i + BATCH]]
        for lines, unresolved in _article_lines(store, cache, keys):
            writer.add(lines)
            tally.add(lines, unresolved)
            if feed is not None and lines.incidents:
                feed.add_all(orjson.loads(lines.feed))
            tick()
    writer.end()
    cache.keep_only({(h, name) for name, (_s, _m, h) in order})
    cache.close()
    return tally


def _article_lines(
    store: Store, cache: LineCache, keys: list[tuple[str, str]]
) -> Iterator[tuple[ArticleLines, list[str]]]:
    """Each article's export lines (from the cache, or its stored claims grouped into incidents)."""
    from .incidents import assign

    hashes = [h for h, _ in keys]
    unresolved = {h: u for h, _c, u in store.iter_extractions(hashes, claims=False)}
    found = cache.get_many(keys)
    missing = [k for k in keys if k not in found]
    names: dict[str, list[str]] = {}
    for h, name in missing:
        names.setdefault(h, []).append(name)
    for h, claims, _u in store.iter_extractions(list(names)):
        ids = assign(claims)
        for name in names[h]:  # the same content may be there under another file name
            lines = article_lines(name, h, claims, ids)
            lines = found[(h, name)] = replace(lines, feed=records_json(lines.features))
            cache.put(lines)
    for key in keys:
        yield found[key], unresolved[key[0]]


def _tally_into(report: BuildReport, tally: Tally) -> None:
    report.claims = tally.claims
    report.per_side = tally.per_side
    report.incidents = len(tally.incidents)
    report.unresolved = tally.unresolved


# -- 6. the map -----------------------------------------------------------------------------------
def _render_digest() -> str:
    """A hash of the map code: a new renderer redraws maps that are otherwise up to date."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    paths = [root / "render.py", root / "mapfeed.py"]
    for folder in ("map", "static", "templates"):  # the map's Python, JS, CSS and HTML
        paths += sorted((root / folder).glob("*.*"))
    for path in paths:
        if path.is_file():
            h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()[:16]


def _map_key(prof: Profile, options: BuildOptions, fp: str, current: dict[str, tuple[int, int, str]]) -> str:
    """Names everything the outputs and map.html depend on, known before the output pass."""
    h = hashlib.sha256(f"{EXPORT_VERSION}|{fp}|{prof.digest}|{_render_digest()}|{options.map_claim_limit}".encode())
    for name, (_s, _m, ch) in sorted(current.items()):
        h.update(f"\n{name}\t{ch}".encode())
    return h.hexdigest()


def _map_feed(
    store: Store, out: Path, key: str, options: BuildOptions, current: dict[str, tuple[int, int, str]]
) -> MapFeed | None:
    """A feed for the map, or None when no map is wanted or map.html is already up to date.

    Up to date means: the same claims and code as the last map, and map.html still the very file
    the last build wrote (not deleted, truncated or edited); --full always draws it again.  Then
    the files it loads (``map_files/``) are checked and any missing or changed one put back.
    """
    if not options.render:
        return None
    fresh = (
        not options.full
        and store.get_meta("map_key") == key
        and store.get_meta("map_sha256") == _sha256(out / "map.html")
    )
    if fresh:
        return None
    claims = store.count_claims(v[2] for v in current.values())
    limit = options.map_claim_limit
    return MapFeed(aggregate=claims > limit, limit=limit, claims=claims)


def _output_stats(out: Path, names: Iterable[str]) -> dict[str, list[int]] | None:
    try:
        return {n: [(st := (out / n).stat()).st_size, st.st_mtime_ns] for n in names}
    except OSError:
        return None


def _fresh_outputs(store: Store, out: Path, key: str, report: BuildReport, options: BuildOptions) -> bool:
    """True (and the report filled from the last build) when the outputs are those of the same claims."""
    last = json.loads(store.get_meta("outputs") or "{}")
    names = sorted(last.get("files", {}))
    if last.get("key") != key or (options.render and "map.html" not in names):
        return False
    if _output_stats(out, names) != last["files"]:
        return False  # deleted or touched by hand: written again
    s = last["summary"]
    report.claims, report.incidents, report.per_side = s["claims"], s["incidents"], s["per_side"]
    report.unresolved, report.map = s["unresolved"], (s["map"] if options.render else None)
    return True


def _remember_outputs(store: Store, out: Path, key: str, report: BuildReport) -> None:
    names = [*OUTPUT_FILES, *(["map.html"] if report.map else [])]
    files = _output_stats(out, names)
    summary = report.summary()
    store.set_meta("outputs", json.dumps({"key": key, "files": files, "summary": summary}) if files else "{}")


def _stored_map_info(store: Store, options: BuildOptions) -> dict | None:
    info = store.get_meta("map_info") if options.render else None
    return json.loads(info) if info else None


def render(feed: MapFeed, prof: Profile, out: Path, outs: OutputSet, *, n_articles: int) -> dict:
    """Draw map.html from the feed into *outs*; returns the map's entry of the report."""
    from .render import render_map

    records = feed.records()
    html = render_map((), prof, n_articles=n_articles, out=out, aggregation=feed.info(), records=records)
    outs.put("map.html", html)
    return {"threshold": feed.limit, "aggregated": feed.aggregate, "features": len(records)}


# -- 7. the report --------------------------------------------------------------------------------
def finish(report: BuildReport, store: Store, gaz, prof: Profile, outs: OutputSet) -> None:
    """Suggestions for unresolved names (kept in the store), then build-report.json."""
    if report.unresolved:
        names = sorted(report.unresolved)[:50]
        report.suggestions = store.suggestions(names)
        missing = [n for n in names if n not in report.suggestions]
        found = {
            name: [
                f"{p.name} ({p.id}, {p.kind}, {p.country_code})"
                for p, score in gaz.suggest(name, prof.theatre_countries)
                if score >= 75
            ]
            for name in missing
        }
        store.put_suggestions(found)
        report.suggestions = dict(sorted({**report.suggestions, **found}.items()))
    outs.put(REPORT_NAME, (json.dumps(report.summary(), indent=1, ensure_ascii=False) + "\n").encode())
