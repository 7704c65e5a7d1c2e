"""The one orchestrator: articles in seeds/ -> claims -> incidents -> map and exports."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from . import __version__
from .aliases import ALIAS_FILE, aliases_digest, load_aliases
from .articles import ARTICLE_SUFFIXES, MAX_BYTES, content_hash, parse_article
from .claims import Claim, extract_claims
from .errors import ArticleError, BuildLockedError, MapperError
from .export import assemble_text, feature_rows, write_atomic
from .sides import Profile, load_profile
from .store import STORE_NAME, Store

__all__ = ["BuildReport", "build", "load_incidents", "EXTRACTOR_VERSION"]

#: Bumped whenever extraction rules change, so stored claims are re-extracted.
EXTRACTOR_VERSION = "1"
LOCK_NAME = ".mapper.lock"


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
    wrote: list[Path] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.skipped


class _Lock:
    """An exclusive lock on the output folder; a second build waits for the first."""

    def __init__(self, out: Path, *, wait: float, on_wait: Callable[[str], None] | None) -> None:
        out.mkdir(parents=True, exist_ok=True)
        self.fh = open(out / LOCK_NAME, "a+")  # noqa: SIM115 - held for the build
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


def _list_inputs(seeds: Path) -> tuple[list[tuple[Path, os.stat_result]], list[tuple[str, str]]]:
    """The article files of *seeds* with their stat results, and what is skipped (with reasons)."""
    files, skipped = [], []
    if not seeds.is_dir():
        raise MapperError(f"seeds folder {str(seeds)!r} does not exist; create it and put articles in it")
    with os.scandir(seeds) as it:
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        name = e.name
        if name.startswith(".") or name == ALIAS_FILE or name.lower() in ("readme.md", "readme.txt"):
            continue
        suffix = Path(name).suffix.lower()
        try:
            if e.is_dir():
                skipped.append((name, "is a directory, not an article file"))
            elif suffix in ARTICLE_SUFFIXES:
                files.append((Path(e.path), e.stat()))
            else:
                kinds = ", ".join(ARTICLE_SUFFIXES)
                skipped.append((name, f"not an article type ({suffix or 'no extension'}); use one of {kinds}"))
        except OSError as err:
            skipped.append((name, f"cannot be read ({err.strerror or err})"))
    return files, skipped


def _fingerprint(profile: Profile, seeds: Path, cache_dir: Path | None) -> str:
    from gazetteer import fingerprint

    parts = [
        EXTRACTOR_VERSION,
        __version__,
        fingerprint(cache_dir, profile.gazetteer_tables),
        profile.digest,
        aliases_digest(seeds / ALIAS_FILE),
        _code_digest(),
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


_EXTRACTION_MODULES = (
    "mapper/articles.py",
    "mapper/claims.py",
    "mapper/mentions.py",
    "mapper/text.py",
    "gazetteer/normalize.py",
    "gazetteer/resolve.py",
    "gazetteer/index.py",
)


def _render_digest() -> str:
    """A hash of the map code: a new renderer redraws maps that are otherwise up to date."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    paths = [root / "render.py"]
    for folder in ("map", "static", "templates"):  # the map's Python, JS, CSS and HTML
        paths += sorted((root / folder).glob("*.*"))
    for path in paths:
        with contextlib.suppress(OSError):
            h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()[:16]


def _code_digest() -> str:
    """A hash of the extraction code itself: a changed rule re-extracts stored articles."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for rel in _EXTRACTION_MODULES:
        try:
            h.update((root / rel).read_bytes())
        except OSError:
            h.update(rel.encode())
    return h.hexdigest()[:16]


# Per-process state for --jobs workers.
_WORKER: dict[str, object] = {}


def _worker_init(profile_src: str, seeds: str, cache_dir: str | None, online: bool = False) -> None:
    from gazetteer import Gazetteer

    profile = load_profile(profile_src)
    gaz = Gazetteer.open(
        Path(cache_dir) if cache_dir else None, tables=profile.gazetteer_tables, area=profile.theatre_bbox
    )
    gaz = gaz.with_aliases(load_aliases(Path(seeds) / ALIAS_FILE, gaz))
    if online:
        from gazetteer.online import OnlineGeocoder

        gaz.online = OnlineGeocoder(profile.theatre_countries, cache_dir=Path(cache_dir) if cache_dir else None)
    _WORKER.update(profile=profile, gazetteer=gaz)


def _extract_one(args: tuple[str, bytes]) -> tuple[str, object]:
    name, data = args
    try:
        article = parse_article(name, data)
    except ArticleError as err:
        return name, err
    result = extract_claims(article, _WORKER["gazetteer"], _WORKER["profile"])  # type: ignore[arg-type]
    return name, (article, result)


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
    prof = load_profile(profile)
    report = BuildReport(seeds=seeds, out=out)
    lock = _Lock(out, wait=lock_wait, on_wait=on_wait)
    try:
        store = Store(out / STORE_NAME)
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
        finally:
            store.close()
    finally:
        lock.release()
    report.seconds = time.perf_counter() - t0
    return report


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
    files, skipped = _list_inputs(seeds)
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
                raise ArticleError(
                    p, f"too large ({st.st_size / 1e6:.1f} MB; articles over {MAX_BYTES // 2**20} MB are skipped)"
                )
            prev = known_files.get(p.name)
            if prev and prev[0] == st.st_size and prev[1] == st.st_mtime_ns and prev[2] in known_hashes:
                h, data = prev[2], None
            else:
                data = p.read_bytes()
                h = content_hash(data)
        except ArticleError as err:
            report.skipped.append((p.name, err.reason))
            continue
        except OSError as err:
            report.skipped.append((p.name, f"cannot be read ({err.strerror or err})"))
            continue
        if h in hash_owner:
            report.duplicates.append((p.name, hash_owner[h]))
            continue
        hash_owner[h] = p.name
        current[p.name] = (st.st_size, st.st_mtime_ns, h)
        if h not in known_hashes:
            todo.append((p.name, data if data is not None else p.read_bytes()))
    # Extract what is new, in worker processes when asked.
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
        article, ac = res  # type: ignore[misc]
        store.put_extraction(h, list(ac.claims), list(ac.unresolved), article.title, article.published, article=name)
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
    fresh = store.get_meta("map_digest") == digest and map_path.exists() and (out / "map_files").is_dir()
    if render and not fresh:
        from .render import render_map

        outputs["map.html"] = render_map(fc, prof, n_articles=len(current), out=out)
    for fname, data in outputs.items():
        path = out / fname
        if fname != "map.html" and path.exists() and path.read_bytes() == data:
            continue
        write_atomic(path, data)
        report.wrote.append(path)
    if "map.html" in outputs:
        store.set_meta("map_digest", digest)
    if report.unresolved:
        # Suggestions are kept in the store: an incremental build computes only the new names'.
        names = sorted(report.unresolved)[:50]
        report.suggestions = store.suggestions(names)
        missing = [n for n in names if n not in report.suggestions]
        if missing:
            from gazetteer import Gazetteer

            gaz = Gazetteer.open(cache_dir, tables=prof.gazetteer_tables, area=prof.theatre_bbox)
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
        "unresolved": dict(sorted(report.unresolved.items())),
        "suggestions": report.suggestions,
    }
    write_atomic(out / "build-report.json", (json.dumps(summary, indent=1, ensure_ascii=False) + "\n").encode())
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
    df = pd.read_csv(
        path,
        dtype={"claim_id": str, "incident_id": str, "denies_claim_id": str, "published": str, "event_date": str},
        keep_default_na=False,
        na_values={"fatalities": [""], "wounded": [""], "equipment_destroyed": [""], "geonameid": [""]},
    )
    for col in ("fatalities", "wounded", "equipment_destroyed", "geonameid"):
        df[col] = df[col].astype("Int64")  # whole numbers, missing where not stated
    return df
