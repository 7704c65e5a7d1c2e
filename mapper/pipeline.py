"""The one orchestrator: articles in seeds/ -> claims -> incidents -> map and exports."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import orjson

from . import __version__
from ._fs import FileSystemError, describe_kind, os_error_message, recover, replace_together
from .aliases import ALIAS_FILE, aliases_digest, load_aliases
from .articles import ARTICLE_SUFFIXES, MAX_BYTES, Article, content_hash, parse_article, read_bytes, too_large
from .claims import Claim, extract_claims
from .errors import (
    ArticleError,
    BuildLockedError,
    MapperError,
    OutputFolderError,
    SeedsNotFoundError,
    StoreDamagedError,
)
from .export import EXPORT_VERSION, assemble_text, checked_claims, feature_rows
from .sides import Profile, load_profile
from .store import STORE_NAME, Store, open_store, set_aside

if TYPE_CHECKING:
    from gazetteer import Gazetteer

__all__ = ["BuildReport", "build", "load_incidents", "process_article", "list_inputs", "EXTRACTOR_VERSION"]

#: Bumped whenever extraction rules change, so stored claims are re-extracted.
EXTRACTOR_VERSION = "1"
LOCK_NAME = ".mapper.lock"
#: What a build writes into the output folder, replaced together (map.html only when it is drawn).
OUTPUT_NAMES = ("incidents.geojson", "incidents.csv", "map.html", "build-report.json")


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
    #: (file, what was odd but not fatal): a value left out, a header ignored, a damaged store set aside.
    notes: list[tuple[str, str]] = field(default_factory=list)
    wrote: list[Path] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.skipped


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


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False


def list_inputs(
    seeds: Path, *, exclude: tuple[Path, ...] = ()
) -> tuple[list[tuple[Path, os.stat_result]], list[tuple[str, str]]]:
    """The article files of *seeds* with their stat results, and what is skipped (with reasons).

    Only regular files are articles: a FIFO or device is skipped by its type, before anything
    opens it.  A link is followed only when it stays inside *seeds*.  Folders in *exclude*
    (the output folder, when it lies inside the seeds folder) are passed over in silence.
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
            if e.is_symlink():
                target = Path(e.path).resolve()
                if not _inside(target, root):
                    skipped.append((name, f"a link to {target}, outside the seeds folder; links are not followed"))
                    continue
            if Path(e.path).resolve() in excluded:
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
    return files, skipped


_list_inputs = list_inputs  # the old private name


def _fingerprint(profile: Profile, seeds: Path, cache_dir: Path | None) -> str:
    from gazetteer.index import fingerprint

    parts = [
        EXTRACTOR_VERSION,
        EXPORT_VERSION,
        __version__,
        fingerprint(cache_dir),
        profile.digest,
        aliases_digest(seeds / ALIAS_FILE),
        _code_digest(),
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


#: Modules that cannot change what is stored per article (they draw or drive); every other
#: module of both packages is part of the code digest, so a new module is never missed.
_PRESENTATION_MODULES = ("mapper/render.py", "mapper/assets.py", "mapper/cli.py", "mapper/__main__.py")


def _render_digest() -> str:
    """A hash of the map code: a new renderer redraws maps that are otherwise up to date."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for rel in ("render.py", "assets.py"):
        with contextlib.suppress(OSError):
            h.update((root / rel).read_bytes())
    return h.hexdigest()[:16]


def _code_digest() -> str:
    """A hash of the code that makes the stored rows: a changed rule or column re-extracts stored articles."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for package in ("mapper", "gazetteer"):
        for path in sorted((root / package).rglob("*.py")):
            rel = path.relative_to(root).as_posix()
            if rel in _PRESENTATION_MODULES:
                continue
            h.update(rel.encode())
            with contextlib.suppress(OSError):
                h.update(path.read_bytes())
    return h.hexdigest()[:16]


# Per-process state for --jobs workers.
_WORKER: dict[str, object] = {}


def _worker_init(profile_src: str, seeds: str, cache_dir: str | None, online: bool = False) -> None:
    from gazetteer import Gazetteer

    profile = load_profile(profile_src)
    gaz = Gazetteer.open(Path(cache_dir) if cache_dir else None)
    gaz = gaz.with_aliases(load_aliases(Path(seeds) / ALIAS_FILE, gaz))
    if online:
        from gazetteer.online import OnlineGeocoder

        gaz.online = OnlineGeocoder(profile.theatre_countries, cache_dir=Path(cache_dir) if cache_dir else None)
    _WORKER.update(profile=profile, gazetteer=gaz)


class Processed(NamedTuple):
    """What one article gave: its claims, the names that did not resolve, and notes for the report."""

    article: Article
    claims: list[Claim]
    unresolved: list[str]
    notes: list[str]
    #: True when the online geocoder failed during this article: it is processed again next build.
    retry: bool = False


def process_article(name: str, data: bytes, gazetteer: Gazetteer, profile: Profile) -> Processed | ArticleError:
    """One article's bytes -> its claims, unresolved names and notes, or the ArticleError that skips it.

    Nothing raised while reading or extracting one article escapes: an unexpected error skips
    that article with a message naming it, and the build goes on.  Configuration errors (a
    profile pattern that runs away) are not the article's fault and still stop the build.
    """
    from .errors import ProfileError

    online = getattr(gazetteer, "online", None)
    failures = getattr(online, "failures", 0)
    try:
        article = parse_article(name, data)
        result = extract_claims(article, gazetteer, profile)
        claims, value_notes = checked_claims(result.claims)
        notes = [*article.notes, *value_notes]
        retry = getattr(online, "failures", 0) > failures
        if retry:
            notes.append("the online geocoder failed (network or service error); the article is read again next build")
        return Processed(article, claims, list(result.unresolved), notes, retry)
    except ArticleError as err:
        return err
    except (ProfileError, KeyboardInterrupt, MemoryError):
        raise
    except Exception as err:  # one article's bug never stops the build
        detail = str(err)[:200]
        return ArticleError(
            name, f"could not be processed ({type(err).__name__}: {detail}); please report this with the file"
        )


def _extract_one(args: tuple[str, bytes]) -> tuple[str, object]:
    name, data = args
    return name, process_article(name, data, _WORKER["gazetteer"], _WORKER["profile"])  # type: ignore[arg-type]


def build(
    seeds: Path | str = "seeds",
    out: Path | str = "output",
    *,
    profile: str | Path | None = None,
    full: bool = False,
    jobs: int = 1,
    cache_dir: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    on_wait: Callable[[str], None] | None = None,
    lock_wait: float = 600.0,
    render: bool = True,
    geocode_online: bool = False,
) -> BuildReport:
    """Build (or update) the map and exports in *out* from the articles in *seeds*.

    Only new or changed articles are read; removed articles drop out.  With
    *geocode_online*, names no offline source resolves are asked of Nominatim (through
    geopy, cached, one request a second); off by default.  Returns a
    report of what was read, skipped and written.  Bad articles are skipped and
    reported, never fatal; earlier outputs are replaced atomically or left alone.
    """
    t0 = time.perf_counter()
    seeds, out = Path(seeds), Path(out)
    check_folders(seeds, out)
    prof = load_profile(profile)
    lock = _Lock(out, wait=lock_wait, on_wait=on_wait)
    try:
        # A build killed while replacing its outputs is completed now; its temporary files go.
        recover(out, stale=(*OUTPUT_NAMES, STORE_NAME))
        notes: list[tuple[str, str]] = []
        for attempt in (1, 2):
            report = BuildReport(seeds=seeds, out=out)
            store, note = open_store(out / STORE_NAME)
            if note:
                notes.append((STORE_NAME, note))
            report.notes.extend(notes)
            try:
                _build_locked(
                    store,
                    seeds,
                    out,
                    prof,
                    report,
                    full=full,
                    jobs=jobs,
                    cache_dir=cache_dir,
                    progress=progress,
                    render=render,
                    profile_src=str(profile or prof.source),
                    online=geocode_online,
                )
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
    report.seconds = time.perf_counter() - t0
    return report


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _current(path: Path, data: bytes) -> bool:
    """Whether *path* holds exactly *data* already."""
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _build_locked(
    store: Store,
    seeds: Path,
    out: Path,
    prof: Profile,
    report: BuildReport,
    *,
    full: bool,
    jobs: int,
    cache_dir: Path | None,
    progress,
    render: bool,
    profile_src: str,
    online: bool = False,
) -> None:
    files, skipped = list_inputs(seeds, exclude=(out,))
    report.skipped.extend(skipped)
    report.files = len(files)
    # Online answers change what resolves: a build with them is a different build.
    fp = _fingerprint(prof, seeds, cache_dir) + ("+online" if online else "")
    if full or store.get_meta("fingerprint") != fp:
        store.drop_extractions()
    known_files = store.files()
    known_hashes = store.known_hashes()
    current: dict[str, tuple[int, int, str]] = {}
    todo: list[tuple[str, bytes]] = []
    hash_owner: dict[str, str] = {}
    for p, st in files:
        try:
            if st.st_size > MAX_BYTES:
                raise ArticleError(p, too_large(st.st_size))
            prev = known_files.get(p.name)
            data: bytes | None
            if prev and prev[0] == st.st_size and prev[1] == st.st_mtime_ns and prev[2] in known_hashes:
                h, data = prev[2], None
            else:
                data = read_bytes(p)
                h = content_hash(data)
        except ArticleError as err:
            report.skipped.append((p.name, err.reason))
            continue
        if h in hash_owner:
            report.duplicates.append((p.name, hash_owner[h]))
            continue
        hash_owner[h] = p.name
        current[p.name] = (st.st_size, st.st_mtime_ns, h)
        if h not in known_hashes:
            try:
                todo.append((p.name, data if data is not None else read_bytes(p)))
            except ArticleError as err:
                report.skipped.append((p.name, err.reason))
                del current[p.name]
    # Extract what is new, in worker processes when asked.
    retry: set[str] = set()  # articles to read again next build (the online geocoder failed)
    done = 0
    results: list[tuple[str, object]] = []
    if todo:
        if jobs > 1 and len(todo) > 1:
            from concurrent.futures import ProcessPoolExecutor

            with ProcessPoolExecutor(
                max_workers=jobs,
                initializer=_worker_init,
                initargs=(profile_src, str(seeds), str(cache_dir) if cache_dir else None, online),
            ) as ex:
                for r in ex.map(_extract_one, todo, chunksize=max(1, len(todo) // (jobs * 8))):
                    results.append(r)
                    done += 1
                    if progress:
                        progress(done, len(todo))
        else:
            _worker_init(profile_src, str(seeds), str(cache_dir) if cache_dir else None, online)
            for item in todo:
                results.append(_extract_one(item))
                done += 1
                if progress:
                    progress(done, len(todo))
    for name, res in results:
        h = current[name][2]
        if isinstance(res, ArticleError):
            report.skipped.append((name, res.reason))
            del current[name]
            continue
        assert isinstance(res, Processed)
        store.put_extraction(
            h, res.claims, res.unresolved, res.article.title, res.article.published, article=name, notes=res.notes
        )
        if res.retry:
            retry.add(h)
        report.extracted += 1
    report.reused = len(current) - report.extracted
    store.drop_extractions(keep={v[2] for v in current.values()})
    store.set_files(current)
    store.set_meta("fingerprint", fp)
    store.commit()

    # Assemble every article's output lines, under the file name that now holds them.
    # Articles go in name order and each article's lines are sorted, so the whole is sorted.
    feature_parts: list[str] = []
    csv_parts: list[str] = []
    stored_outputs = store.outputs()
    stored_notes = store.notes()
    for name, (_s, _m, h) in sorted(current.items()):
        stored_name, features, csv_lines, raw_unresolved = stored_outputs[h]
        if stored_name != name:
            # The same content under a new file name: serialise its claims again.
            stored, _ = store.extraction(h)
            rows = feature_rows([_rename(c, name) for c in stored])
            features, csv_lines = ",\n".join(r[1] for r in rows), "".join(r[2] for r in rows)
        if features:
            feature_parts.append(features)
        csv_parts.append(csv_lines)
        for u in json.loads(raw_unresolved):
            report.unresolved.setdefault(u, []).append(name)
        report.notes.extend((name, n) for n in stored_notes.get(h, ()))
    report.articles = len(current)
    gj, csv = assemble_text(feature_parts, csv_parts)
    fc = orjson.loads(gj)  # the C parser: the map needs every claim of every article back
    report.claims = len(fc["features"])
    report.incidents = len({f["properties"]["incident_id"] for f in fc["features"]})
    for f in fc["features"]:
        s = f["properties"]["side"]
        report.per_side[s] = report.per_side.get(s, 0) + 1
    outputs = {"incidents.geojson": gj, "incidents.csv": csv}
    digest = hashlib.sha256(gj + prof.digest.encode() + _render_digest().encode()).hexdigest()
    map_path = out / "map.html"
    if render:
        # The map is redrawn when its claims or code changed, and whenever map.html is not the
        # file the last build wrote (deleted, truncated, edited); --full always redraws it.
        fresh = (
            not full and store.get_meta("map_digest") == digest and store.get_meta("map_sha256") == _sha256(map_path)
        )
        if fresh:
            from .assets import install_assets

            install_assets(out, countries=prof.theatre_countries)  # puts back any file of map_files/ gone or changed
        else:
            from .render import render_map

            outputs["map.html"] = render_map(fc, prof, n_articles=len(current), out=out)
    if report.unresolved:
        # Suggestions are kept in the store: an incremental build computes only the new names'.
        names = sorted(report.unresolved)[:50]
        report.suggestions = store.suggestions(names)
        missing = [n for n in names if n not in report.suggestions]
        if missing:
            from gazetteer import Gazetteer

            gaz = Gazetteer.open(cache_dir)
            found = {
                name: [
                    f"{p.name} ({p.id}, {p.kind}, {p.country_code})"
                    for p, score in gaz.suggest(name, prof.theatre_countries)
                    if score >= 75
                ]
                for name in missing
            }
            store.put_suggestions(found)
            report.suggestions.update(found)
        report.suggestions = dict(sorted(report.suggestions.items()))
    summary = {
        "articles": report.articles,
        "claims": report.claims,
        "incidents": report.incidents,
        "per_side": dict(sorted(report.per_side.items())),
        "skipped": sorted(report.skipped),
        "duplicates": sorted(report.duplicates),
        "notes": sorted(report.notes),
        "unresolved": dict(sorted(report.unresolved.items())),
        "suggestions": report.suggestions,
    }
    outputs["build-report.json"] = (json.dumps(summary, indent=1, ensure_ascii=False) + "\n").encode()
    # Every output of this build is replaced together, or none is (a full disk fails before any rename).
    changed = {n: d for n, d in outputs.items() if full or n == "map.html" or not _current(out / n, d)}
    written = replace_together(out, changed)
    report.wrote.extend(p for p in written if p.name != "build-report.json")
    if "map.html" in outputs:
        store.set_meta("map_digest", digest)
        store.set_meta("map_sha256", hashlib.sha256(outputs["map.html"]).hexdigest())
    if retry:
        store.drop_extractions(keep=store.known_hashes() - retry)
    store.commit()


def _rename(c: Claim, name: str) -> Claim:
    from dataclasses import replace

    return replace(c, article=name)


def load_incidents(out: Path | str = "output"):
    """The claims of a built output folder as a pandas DataFrame (one row per claim)."""
    import pandas as pd

    path = Path(out) / "incidents.csv"
    if not path.exists():
        raise MapperError(f"{path} does not exist; run 'mapper build' first")
    from .csvsafe import unescape_frame

    df = pd.read_csv(
        path,
        dtype={"claim_id": str, "incident_id": str, "denies_claim_id": str, "published": str, "event_date": str},
        keep_default_na=False,
        na_values={"fatalities": [""], "wounded": [""], "equipment_destroyed": [""], "geonameid": [""]},
    )
    for col in ("fatalities", "wounded", "equipment_destroyed", "geonameid"):
        df[col] = df[col].astype("Int64")  # whole numbers, missing where not stated
    return unescape_frame(df)  # text as the articles wrote it (the CSV guards it for spreadsheets)
