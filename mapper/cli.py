"""The command line: a thin skin over mapper.pipeline and the gazetteer.

Exit status: 0 success; 1 the build finished but skipped some input; 2 usage
or configuration error (bad profile, alias file, missing folder); 3 another
build holds the output folder.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import re
import sys
import time
from pathlib import Path

from . import __version__

__all__ = ["main", "build_parser"]

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, EXIT_LOCKED = 0, 1, 2, 3
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a command whose reader closed the pipe


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="mapper",
        description="Map who claims what happened where, from war reporting in seeds/.",
    )
    p.add_argument("--version", action="version", version=f"mapper {__version__}")
    p.add_argument("-v", "--verbose", action="store_true", help="show details (tracebacks) of errors")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    b = sub.add_parser(
        "build",
        help="build output/map.html, incidents.geojson and incidents.csv from seeds/",
        description="Read the articles in SEEDS (only new or changed ones) and write map.html, "
        "incidents.geojson, incidents.csv and build-report.json into OUT.",
    )
    _build_args(b)

    a = sub.add_parser(
        "add",
        help="add articles (files, folders, web pages or feeds) to seeds/ and rebuild",
        description="Copy article files (or every article in a folder) into SEEDS, never "
        "overwriting a different file of the same name, then rebuild. A URL is fetched, its "
        "article text and metadata are saved into SEEDS as a text file; with --feed, the URLs are "
        "RSS/Atom feeds and every item not added before is fetched. Exit status 1 if anything was skipped.",
    )
    a.add_argument("paths", nargs="+", type=_path_or_url, metavar="PATH|URL")
    a.add_argument("--feed", action="store_true", help="the URLs are RSS or Atom feeds: add their new items")
    a.add_argument("--since", metavar="DATE", help="with --feed: only items published on or after DATE (YYYY-MM-DD)")
    _web_args(a)
    _build_args(a)

    w = sub.add_parser(
        "watch",
        help="rebuild whenever seeds/ changes, or poll feeds and rebuild (Ctrl-C to stop)",
        description="Poll SEEDS and rebuild after every change. With --feed, poll the feeds instead, "
        "add their new items and rebuild when something was added.",
    )
    _build_args(w)
    w.add_argument(
        "--interval",
        help="time between checks: a number with an optional unit s, m or h; a bare number is seconds "
        "for seeds/ (default 2) and minutes with --feed (default 30)",
    )
    w.add_argument(
        "--feed", action="append", default=[], metavar="URL", help="an RSS or Atom feed to poll (repeatable)"
    )
    _web_args(w)

    r = sub.add_parser(
        "resolve",
        help="show how a place name resolves, with scores and reasons",
        description="Print the candidates for NAME with their scores, and why the first won.",
    )
    r.add_argument("name")
    r.add_argument(
        "--near",
        action="append",
        default=[],
        metavar="PLACE",
        help="another place named in the same context (repeatable)",
    )
    r.add_argument(
        "--country",
        action="append",
        default=[],
        metavar="CC",
        help="only candidates in this country, ISO code (repeatable)",
    )
    r.add_argument("--cue", help="a kind word next to the name: village, city, district, region, height")
    r.add_argument(
        "--in",
        dest="within",
        metavar="AREA",
        help='the region or district the text places NAME in, as written ("Kherson region", '
        '"Херсонської області"): candidates of other first-level divisions are left out',
    )
    r.add_argument(
        "--profile",
        help="conflict profile (shipped name, folder or .toml); default: the one whose theatre has these names",
    )
    r.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder whose aliases.toml applies, as in a build")
    r.add_argument("--limit", type=int, default=5, help="how many candidates to show (default 5)")

    x = sub.add_parser(
        "explain",
        help="show how claims were found in one article, stage by stage",
        description="Run the claim stages on ARTICLE and print, for each sentence, the speech frames, "
        "who each speaker is and why, which places are incident places (and why others are not), "
        "and which frame gave each claim its claimant.",
    )
    x.add_argument("article", type=Path, metavar="ARTICLE")
    x.add_argument(
        "--sentence",
        type=int,
        action="append",
        default=[],
        metavar="N",
        help="only sentence N (as numbered in the output; repeatable)",
    )
    x.add_argument("--all", action="store_true", help="also sentences no stage had anything to say about")
    x.add_argument(
        "--profile",
        help="conflict profile (shipped name, folder or .toml); default: the one the article is about, as in a build",
    )
    x.add_argument("--seeds", type=Path, help="read aliases.toml from this seeds folder")

    e = sub.add_parser(
        "export",
        help="write a filtered GeoJSON or CSV export of a built output folder",
        description="Filter the claims of OUT and write them as GeoJSON or CSV.",
    )
    e.add_argument("--out", type=Path, default=Path("output"), help="built output folder (default output/)")
    e.add_argument(
        "--format",
        choices=("geojson", "csv", "acled"),
        default="geojson",
        help="geojson, csv (our columns), or acled (ACLED's column habits)",
    )
    e.add_argument("--side", action="append", default=[], help="keep only this claimant side (repeatable)")
    e.add_argument("--event-type", action="append", default=[], help="keep only this event type (repeatable)")
    e.add_argument("--since", help="keep events on or after this date (YYYY-MM-DD)")
    e.add_argument("--until", help="keep events on or before this date (YYYY-MM-DD)")
    e.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")

    g = sub.add_parser(
        "import-geonames",
        help="add a GeoNames country dump (AZ.txt, AM.txt) to the gazetteer",
        description="Check and store a GeoNames dump file; the next build includes its places.",
    )
    g.add_argument("files", nargs="+", type=Path, metavar="FILE")
    return p


def _build_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of articles (default seeds/)")
    p.add_argument("--out", type=Path, default=Path("output"), help="output folder (default output/)")
    p.add_argument(
        "--profile",
        help="conflict profile for every article: a shipped name (karabakh-2020, russia-ukraine-2022), a profile "
        "folder or a .toml file; default: each article's own, detected from its places and words",
    )
    p.add_argument("--full", action="store_true", help="rebuild from scratch, ignoring the store")
    p.add_argument("--jobs", type=int, default=1, help="worker processes for article processing (default 1)")
    p.add_argument("--no-map", action="store_true", help="write the exports only, not map.html")
    p.add_argument(
        "--geocode-online",
        action="store_true",
        help="ask OpenStreetMap Nominatim (through geopy) for names no offline source resolves; "
        "answers are cached, one request a second; off by default",
    )
    p.add_argument(
        "--dask-scheduler",
        default=os.environ.get("MAPPER_DASK_SCHEDULER") or None,
        metavar="tcp://HOST:PORT",
        help="extract new and changed articles on this Dask cluster (pip install 'incident-mapper[dask]'); "
        "default $MAPPER_DASK_SCHEDULER",
    )
    p.add_argument(
        "--map-limit",
        type=int,
        default=None,
        metavar="N",
        help="above N claims the map shows one marker per place, side and day (default 50000)",
    )
    p.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")


#: Characters that a terminal acts on instead of showing (ESC sequences clear the screen or
#: retitle the window, BEL rings, CR and BS overwrite, bidi controls reorder): file names and
#: article text may hold any of them, so they are printed escaped ("\x1b").
_TERMINAL_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def safe_text(text: object) -> str:
    r"""*text* with every character a terminal would act on written as an escape.

    >>> print(safe_text("a\x1b]0;owned\x07.txt"))
    a\x1b]0;owned\x07.txt
    """
    return _TERMINAL_UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))


def _say(line: str, *, file=None) -> None:
    print(safe_text(line), file=file or sys.stdout, flush=True)


def _web_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--ignore-robots", action="store_true", help="fetch even what a site's robots.txt asks crawlers to leave alone"
    )
    p.add_argument(
        "--delay", type=float, default=1.0, metavar="SECONDS", help="pause between requests to one host (default 1)"
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=20.0,
        metavar="SECONDS",
        help="network timeout for connecting and for each read (default 20); a whole download may take 6 times that",
    )


def _path_or_url(value: str) -> Path | str:
    """A URL (anything with a scheme, checked later) stays a string; the rest is a path."""
    return value if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", value) else Path(value)


def _err(msg: str) -> None:
    _say(f"mapper: error: {msg}", file=sys.stderr)


#: The garbage collector's thresholds while a command runs.  Start-up allocates about a million objects
#: that live as long as the process (modules, patterns, the gazetteer's tables) and Python's default
#: (a young-generation pass every 700 allocations) spends a tenth of a small build re-examining them;
#: mypy raises its thresholds for the same reason.  Cycles are still collected, only less often.
GC_THRESHOLDS = (10_000, 50, 100)


def main(argv: list[str] | None = None) -> int:
    """Run one command in this process and return its exit status (the collector's settings are restored)."""
    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        return _main(argv)
    finally:
        gc.set_threshold(*before)  # a caller running main() in its own process gets its settings back


def run() -> None:
    """The ``mapper`` command: like :func:`main`, but the process ends with the command.

    The process's objects are frozen before it exits (the command is over, they are all but garbage):
    the last passes of the collector over them took 30-40 ms, a twentieth of a small build.
    """
    gc.set_threshold(*GC_THRESHOLDS)
    status = _main(None)
    gc.freeze()
    sys.exit(status)


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    from gazetteer import GazetteerError

    from .errors import BuildLockedError, MapperError

    try:
        return _COMMANDS[args.command](args)
    except BuildLockedError as err:
        _err(str(err))
        return EXIT_LOCKED
    except (MapperError, GazetteerError) as err:
        if args.verbose:
            raise
        _err(str(err))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away ("mapper resolve X | head -1"): nothing to say to it, and Python must
        # not try again to flush into the closed pipe at exit.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except OSError as err:  # a file-system failure outside our own checks: name the file at least
        if args.verbose:
            raise
        from ._fs import os_error_message

        where = err.filename or "a file"
        _err(os_error_message(err, where, "cannot be used") + " (run with -v for details)")
        return EXIT_USAGE
    except Exception as err:  # never a traceback for the user, unless -v
        if args.verbose:
            raise
        _err(f"unexpected {type(err).__name__}: {err} (run with -v for details)")
        return EXIT_USAGE


def _run_build(args) -> int:
    from .mapfeed import DEFAULT_LIMIT
    from .pipeline import BuildOptions, build

    display = None
    if not args.quiet and sys.stderr.isatty():
        from .progress import TerminalProgress

        display = TerminalProgress(sys.stderr)
    options = BuildOptions(
        profile=args.profile,
        full=args.full,
        jobs=max(1, args.jobs),
        dask_scheduler=args.dask_scheduler,
        render=not args.no_map,
        geocode_online=args.geocode_online,
        map_claim_limit=DEFAULT_LIMIT if args.map_limit is None else max(0, args.map_limit),
        display=display,
        on_wait=lambda m: _say(f"mapper: {m}", file=sys.stderr),
    )
    report = build(args.seeds, args.out, options)
    if not args.quiet:
        _print_report(report)
    return EXIT_OK if report.ok else EXIT_SKIPPED


def _print_report(r) -> None:
    _say(
        f"Read {r.articles} article(s) from {r.seeds} ({r.extracted} processed, {r.reused} unchanged) "
        f"in {r.seconds:.2f} s."
    )
    for name, same in r.duplicates:
        _say(f"  duplicate: {name} has the same content as {same}; counted once")
    for name, reason in r.skipped:
        _say(f"  skipped: {name}: {reason}")
    for name, note in getattr(r, "notes", ()):
        _say(f"  note: {name}: {note}")
    if r.profiles:
        by: dict[str, int] = {}
        for pid, _why in r.profiles.values():
            by[pid] = by.get(pid, 0) + 1
        _say(
            "Profiles (no --profile: each article is matched to the war it is about): "
            + ", ".join(f"{k} {v}" for k, v in sorted(by.items()) if k)
        )
        for name, (pid, why) in r.profiles.items():
            if not pid:
                _say(f"  not about any profile's war: {name}: {why}; pass --profile NAME to force one")
    sides = ", ".join(f"{k} {v}" for k, v in sorted(r.per_side.items())) or "none"
    _say(f"{r.claims} claim(s) in {r.incidents} incident(s); by side: {sides}.")
    if r.unresolved:
        _say("Names that looked like places but did not resolve (add them to seeds/aliases.toml if they are):")
        for name, arts in sorted(r.unresolved.items())[:40]:
            _say(f"  {name!r} in {', '.join(arts[:3])}{' ...' if len(arts) > 3 else ''}")
            if r.suggestions.get(name):
                _say(f"      looks like: {'; '.join(r.suggestions[name])}")
    if r.map and r.map.get("aggregated"):
        _say(
            f"The map shows {r.map['features']} place x side x day markers for {r.claims} claims "
            f"(more than {r.map['threshold']}; --map-limit changes it)."
        )
    for p in r.wrote:
        _say(f"Wrote {p}")
    _say("Steps: " + ", ".join(f"{k} {v:.2f} s" for k, v in r.steps.items()))


def _folder_articles(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The article files of *folder* to copy, and those passed over (links leaving it, FIFOs, devices)."""
    import stat

    from ._fs import describe_kind
    from .articles import ARTICLE_SUFFIXES

    root = folder.resolve()
    take: list[Path] = []
    passed: list[tuple[Path, str]] = []
    for q in sorted(folder.iterdir()):
        if q.suffix.lower() not in ARTICLE_SUFFIXES or q.name.startswith("."):
            continue
        target = q.resolve()
        if q.is_symlink() and not target.is_relative_to(root):
            passed.append((q, f"a link to {target}, outside {folder}; links are not followed"))
            continue
        try:
            mode = q.stat().st_mode
        except OSError as err:
            passed.append((q, f"cannot be read ({err.strerror or err})"))
            continue
        if stat.S_ISREG(mode):
            take.append(q)
        elif not stat.S_ISDIR(mode):
            passed.append((q, f"not a regular file ({describe_kind(mode)}); only article files are copied"))
    return take, passed


def _cmd_add(args) -> int:
    if args.feed or any(isinstance(p, str) for p in args.paths):
        return _cmd_add_web(args)
    from .articles import read_bytes
    from .atomic import write_atomic
    from .errors import ArticleError

    sources: list[Path] = []
    refused = False
    for p in args.paths:
        if p.is_dir():
            take, passed = _folder_articles(p)
            sources.extend(take)
            for q, why in passed:
                _say(f"mapper: skipped {q}: {why}", file=sys.stderr)
                refused = True
        elif p.exists():
            sources.append(p)  # named by the user: a link is followed, but only to a regular file
        else:
            _err(f"{str(p)!r} does not exist")
            return EXIT_USAGE
    try:
        args.seeds.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        from ._fs import os_error_message

        _err(os_error_message(err, args.seeds, "cannot create the seeds folder"))
        return EXIT_USAGE
    for src in sources:
        dest = args.seeds / src.name
        try:
            data = read_bytes(src)
        except ArticleError as err:
            _say(f"mapper: skipped {src}: {err.reason}", file=sys.stderr)
            refused = True
            continue
        if dest.exists() or dest.is_symlink():
            try:
                same = read_bytes(dest) == data
            except ArticleError:
                same = False
            if same:
                continue
            _err(f"{dest} exists and differs from {src}; rename one of them (nothing was overwritten)")
            refused = True
            continue
        write_atomic(dest, data)
        try:
            st = os.stat(src)
            os.utime(dest, ns=(st.st_atime_ns, st.st_mtime_ns))  # as cp -p: the article's own date
        except OSError:
            pass
        if not args.quiet:
            _say(f"Added {dest}")
    rc = _run_build(args)
    return EXIT_SKIPPED if refused and rc == EXIT_OK else rc


def _cmd_watch(args) -> int:
    if args.feed:
        return _watch_feeds(args)
    try:
        interval = _interval(args.interval, unit="s", default=2.0)
    except ValueError as err:
        _err(str(err))
        return EXIT_USAGE

    def snapshot() -> tuple:
        try:
            return tuple(sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in args.seeds.iterdir()))
        except OSError:
            return ()

    last = None
    _say(f"Watching {args.seeds} (Ctrl-C to stop)")
    while True:
        snap = snapshot()
        if snap != last:
            _run_build(args)
            last = snap
        time.sleep(interval)


# -- adding from the web (mapper.web): `add URL`, `add --feed URL`, `watch --feed URL` --------


def _web_client(args):
    from .web import WebClient

    def told(msg: str) -> None:
        if not args.quiet:
            _say(f"mapper: {msg}", file=sys.stderr)

    return WebClient(
        delay=max(0.0, args.delay),
        timeout=max(0.1, args.timeout),
        total_timeout=6 * max(0.1, args.timeout),
        respect_robots=not args.ignore_robots,
        on_wait=told,
    )


def _print_outcome(args):
    def show(o) -> None:
        via = f" (an item of {o.feed})" if o.feed else ""
        if o.kind == "failed":
            _err(f"skipped {o.url}{via}: {o.detail}")
        elif args.quiet:
            return
        elif o.kind == "added":
            _say(f"Added {o.path}: {o.title!r} from {o.url}")
        elif o.kind == "duplicate" and (args.verbose or not o.feed):  # a feed's old items: counted below
            _say(f"Already added: {o.url} (as {args.seeds / o.detail})")
        elif o.kind == "older":
            _say(f"Older than --since ({o.detail}): {o.url}")
        elif o.kind == "unchanged":
            _say(f"Unchanged since the last run: {o.url}")

    return show


def _since(value: str | None) -> str:
    if not value:
        return ""
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"--since {value!r} is not a date; write it as YYYY-MM-DD") from None


def _cmd_add_web(args) -> int:
    from .web import add_feeds, add_urls

    urls = [p for p in args.paths if isinstance(p, str)]
    paths = [p for p in args.paths if isinstance(p, Path)]
    if args.feed and paths:
        _err(f"--feed takes feed URLs (http:// or https://), not files: {str(paths[0])!r}")
        return EXIT_USAGE
    try:
        since = _since(args.since)
    except ValueError as err:
        _err(str(err))
        return EXIT_USAGE
    if since and not args.feed:
        _err("--since goes with --feed (it selects feed items by date)")
        return EXIT_USAGE
    show = _print_outcome(args)
    with _web_client(args) as client:
        if args.feed:
            report = add_feeds(urls, args.seeds, args.out, since=since, client=client, on_outcome=show)
        else:
            report = add_urls(urls, args.seeds, args.out, client=client, on_outcome=show)
    if not args.quiet and (args.feed or len(urls) > 1):
        _say(_web_summary(report))
    if paths:  # files too: copy them, and rebuild once for everything
        args.paths = paths
        rc = _cmd_add(args)
    elif report.added:
        rc = _run_build(args)
    else:
        if not args.quiet:
            print("Nothing new was added; the map is unchanged.")
        rc = EXIT_OK
    if report.failed and rc == EXIT_OK:
        return EXIT_SKIPPED
    return rc


def _web_summary(report) -> str:
    counts = [f"{len(report.added)} added", f"{len(report.duplicates)} already added", f"{len(report.failed)} skipped"]
    if report.older:
        counts.append(f"{len(report.older)} older than --since")
    if report.unchanged:
        counts.append(f"{len(report.unchanged)} feed(s) unchanged")
    return ", ".join(counts) + "."


def _interval(value: str | None, *, unit: str, default: float) -> float:
    """Seconds from "90", "90s", "30m" or "2h"; a bare number is in *unit*."""
    if value is None:
        return default
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", value)
    if not m or float(m.group(1)) <= 0:
        raise ValueError(f"--interval {value!r} is not a positive duration (e.g. 90s, 30m, 2h)")
    return float(m.group(1)) * {"s": 1, "m": 60, "h": 3600}[m.group(2) or unit]


def _watch_feeds(args) -> int:
    from .web import add_feeds

    try:
        interval = _interval(args.interval, unit="m", default=30 * 60.0)
    except ValueError as err:
        _err(str(err))
        return EXIT_USAGE
    show = _print_outcome(args)
    print(f"Watching {len(args.feed)} feed(s) every {interval / 60:g} minute(s) (Ctrl-C to stop)")
    first = True
    while True:
        # A new client each poll: robots.txt is read afresh, as a long-running crawler should.
        with _web_client(args) as client:
            report = add_feeds(args.feed, args.seeds, args.out, client=client, on_outcome=show)
        if not args.quiet:
            _say(f"{time.strftime('%H:%M:%S')} feeds polled: {_web_summary(report)}")
        if report.added or first:
            _run_build(args)
            first = False
        time.sleep(interval)


def _cmd_resolve(args) -> int:
    from gazetteer import Context, Gazetteer, fold, resolve_jointly

    from .aliases import ALIAS_FILE, load_aliases
    from .sides import load_profile, shipped_profiles

    if args.profile:
        prof = load_profile(args.profile)
        gaz = Gazetteer.open(tables=prof.gazetteer_tables, area=prof.theatre_bbox)
    else:
        # Like a build without --profile: the profile whose theatre has these names.
        keys = {fold(n) for n in (args.name, *args.near)}
        best = None
        for name in shipped_profiles():
            p = load_profile(name)
            g = Gazetteer.open(tables=p.gazetteer_tables, area=p.theatre_bbox)
            hits = len(g.theatre_keys(keys, p.theatre_countries))
            if best is None or hits > best[0]:
                best = (hits, p, g)
        assert best is not None
        _, prof, gaz = best
        print(f"Profile: {prof.id} (the theatre that has these names; --profile NAME to choose)")
    gaz = gaz.with_aliases(load_aliases(args.seeds / ALIAS_FILE, gaz))
    theatre = prof.theatre_countries
    only = frozenset(c.upper() for c in args.country)
    focus = only or theatre
    province = ""
    if args.within:
        area = gaz.resolve(args.within, Context(focus_countries=focus, theatre_countries=theatre, cue="region"))
        if area is None or area.place.kind not in ("region", "district") or not area.place.province:
            print(
                f"mapper resolve: --in {args.within!r} is no region or district of the profile's tables with a "
                'known first-level division; give it as `mapper resolve AREA` finds it (e.g. "Kherson Oblast")',
                file=sys.stderr,
            )
            return EXIT_USAGE
        province = area.place.province
        print(f"In: {area.place.name} ({province})")
    ctx = Context(focus_countries=focus, theatre_countries=theatre, cue=args.cue, province=province)
    res = gaz.candidates(args.name, ctx, limit=max(args.limit, 3) if not only else 50)
    if only:
        # --country filters: candidates elsewhere are not shown (nor chosen).
        res = type(res)(res.query, tuple(c for c in res.candidates if c.place.country_code in only), res.not_a_place)
    if args.near:
        near = [gaz.candidates(n, Context(focus_countries=focus, theatre_countries=theatre)) for n in args.near]
        chosen = resolve_jointly([res, *near])
        if chosen[0] is not None:
            others = [c for c in res.candidates if c.place.id != chosen[0].place.id]
            res = type(res)(res.query, (chosen[0], *others))
        print(
            "Context: "
            + ", ".join(
                f"{n} = {c.place.name} ({c.place.country_code})"
                for n, c in zip(args.near, chosen[1:], strict=True)
                if c
            )
        )
    res = type(res)(res.query, res.candidates[: args.limit], res.not_a_place)
    print(res.explain() if res.candidates or not only else f"{args.name!r}: no candidate in {', '.join(sorted(only))}.")
    top = res.best
    if top is None:
        return EXIT_SKIPPED
    print(f"\nChosen: {top.place.name} ({top.place.id}), because it scores highest: " + "; ".join(top.reasons))
    return EXIT_OK


def _cmd_explain(args) -> int:
    from gazetteer import Gazetteer

    from .aliases import load_aliases
    from .articles import read_article
    from .claims import explain_article
    from .claims.explain import format_traces
    from .detect import detect_profile
    from .sides import load_profile, shipped_profiles

    article = read_article(args.article)
    if args.profile:
        prof = load_profile(args.profile)
        gaz = Gazetteer.open(tables=prof.gazetteer_tables, area=prof.theatre_bbox)
    else:
        # Like a build without --profile: the profile the article is about.
        choices = []
        for name in shipped_profiles():
            p = load_profile(name)
            choices.append((p, Gazetteer.open(tables=p.gazetteer_tables, area=p.theatre_bbox)))
        found = detect_profile(f"{article.title}\n{article.text}", choices)
        print(f"Profile: {found.explain()}")
        prof, gaz = next(((p, g) for p, g in choices if p.id == found.profile), choices[0])
    if args.seeds is not None and (args.seeds / "aliases.toml").is_file():
        gaz = gaz.with_aliases(load_aliases(args.seeds / "aliases.toml", gaz))
    for note in article.notes:
        print(f"Note: {note}")  # a date ignored, an article not in English
    traces = explain_article(article, gaz, prof)
    if args.sentence:
        traces = [t for t in traces if t.index in args.sentence]
    print(format_traces(traces, everything=args.all or bool(args.sentence)))
    return EXIT_OK


def _cmd_export(args) -> int:
    from .atomic import OutputSet
    from .export import ExportFilter, export_filtered

    flt = ExportFilter(tuple(args.side), tuple(args.event_type), args.since, args.until)
    if args.output is None:
        n = export_filtered(args.out, args.format, flt, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return EXIT_OK
    with OutputSet(args.output.parent) as outs:
        n = export_filtered(args.out, args.format, flt, outs.open(args.output.name))
    _say(f"Wrote {n} claim(s) to {args.output}", file=sys.stderr)
    return EXIT_OK


def _cmd_import(args) -> int:
    from gazetteer import import_geonames_dump

    for f in args.files:
        if not f.is_file():
            _err(f"{str(f)!r} is not a file")
            return EXIT_USAGE
        dest, rows = import_geonames_dump(f)
        _say(f"Imported {rows} rows from {f} (stored as {dest}); the next build re-compiles the gazetteer.")
    return EXIT_OK


_COMMANDS = {
    "build": _run_build,
    "add": _cmd_add,
    "watch": _cmd_watch,
    "resolve": _cmd_resolve,
    "explain": _cmd_explain,
    "export": _cmd_export,
    "import-geonames": _cmd_import,
}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
