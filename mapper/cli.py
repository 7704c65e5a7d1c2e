"""The command line: a thin skin over mapper.pipeline and the gazetteer.

Exit status: 0 success; 1 the build finished but skipped some input; 2 usage
or configuration error (bad profile, alias file, missing folder); 3 another
build holds the output folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

from . import __version__

__all__ = ["main", "build_parser"]

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, EXIT_LOCKED = 0, 1, 2, 3


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
        help="copy articles (files or folders) into seeds/ and rebuild",
        description="Copy article files (or every article in a folder) into SEEDS, never "
        "overwriting a different file of the same name, then rebuild.",
    )
    a.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    _build_args(a)

    w = sub.add_parser(
        "watch",
        help="rebuild whenever seeds/ changes (Ctrl-C to stop)",
        description="Poll SEEDS and rebuild after every change.",
    )
    _build_args(w)
    w.add_argument("--interval", type=float, default=2.0, help="seconds between checks (default 2)")

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
        help="a country the text is about, ISO code (repeatable)",
    )
    r.add_argument("--cue", help="a kind word next to the name: village, city, district, region, height")
    r.add_argument("--profile", help="conflict profile (name or .toml path); its theatre is the prior")
    r.add_argument("--limit", type=int, default=5, help="how many candidates to show (default 5)")

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
    p.add_argument("--profile", help="conflict profile: a shipped name (karabakh-2020) or a .toml file")
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


def _err(msg: str) -> None:
    print(f"mapper: error: {msg}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
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
        on_wait=lambda m: print(f"mapper: {m}", file=sys.stderr),
    )
    report = build(args.seeds, args.out, options)
    if not args.quiet:
        _print_report(report)
    return EXIT_OK if report.ok else EXIT_SKIPPED


def _print_report(r) -> None:
    print(
        f"Read {r.articles} article(s) from {r.seeds} ({r.extracted} processed, {r.reused} unchanged) "
        f"in {r.seconds:.2f} s."
    )
    for name, same in r.duplicates:
        print(f"  duplicate: {name} has the same content as {same}; counted once")
    for name, reason in r.skipped:
        print(f"  skipped: {name}: {reason}")
    sides = ", ".join(f"{k} {v}" for k, v in sorted(r.per_side.items())) or "none"
    print(f"{r.claims} claim(s) in {r.incidents} incident(s); by side: {sides}.")
    if r.unresolved:
        print("Names that looked like places but did not resolve (add them to seeds/aliases.toml if they are):")
        for name, arts in sorted(r.unresolved.items())[:40]:
            print(f"  {name!r} in {', '.join(arts[:3])}{' ...' if len(arts) > 3 else ''}")
            if r.suggestions.get(name):
                print(f"      looks like: {'; '.join(r.suggestions[name])}")
    if r.map and r.map.get("aggregated"):
        print(
            f"The map shows {r.map['features']} place x side x day markers for {r.claims} claims "
            f"(more than {r.map['threshold']}; --map-limit changes it)."
        )
    for p in r.wrote:
        print(f"Wrote {p}")
    print("Steps: " + ", ".join(f"{k} {v:.2f} s" for k, v in r.steps.items()))


def _cmd_add(args) -> int:
    from .articles import ARTICLE_SUFFIXES

    args.seeds.mkdir(parents=True, exist_ok=True)
    sources: list[Path] = []
    for p in args.paths:
        if p.is_dir():
            sources.extend(sorted(q for q in p.iterdir() if q.is_file() and q.suffix.lower() in ARTICLE_SUFFIXES))
        elif p.is_file():
            sources.append(p)
        else:
            _err(f"{str(p)!r} does not exist")
            return EXIT_USAGE
    refused = False
    for src in sources:
        dest = args.seeds / src.name
        if dest.exists():
            if dest.read_bytes() == src.read_bytes():
                continue
            _err(f"{dest} exists and differs from {src}; rename one of them (nothing was overwritten)")
            refused = True
            continue
        shutil.copy2(src, dest)
        if not args.quiet:
            print(f"Added {dest}")
    rc = _run_build(args)
    return EXIT_SKIPPED if refused and rc == EXIT_OK else rc


def _cmd_watch(args) -> int:
    def snapshot() -> tuple:
        try:
            return tuple(sorted((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in args.seeds.iterdir()))
        except OSError:
            return ()

    last = None
    print(f"Watching {args.seeds} (Ctrl-C to stop)")
    while True:
        snap = snapshot()
        if snap != last:
            _run_build(args)
            last = snap
        time.sleep(args.interval)


def _cmd_resolve(args) -> int:
    from gazetteer import Context, Gazetteer
    from gazetteer.resolve import resolve_jointly

    from .sides import load_profile

    prof = load_profile(args.profile)
    gaz = Gazetteer.open(tables=prof.gazetteer_tables, area=prof.theatre_bbox)
    theatre = prof.theatre_countries
    focus = frozenset(c.upper() for c in args.country) | theatre
    res = gaz.candidates(
        args.name, Context(focus_countries=focus, theatre_countries=theatre, cue=args.cue), limit=max(args.limit, 3)
    )
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
    print(res.explain())
    best = res.best
    if best is None:
        return EXIT_SKIPPED
    print(f"\nChosen: {best.place.name} ({best.place.id}), because it scores highest: " + "; ".join(best.reasons))
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
    print(f"Wrote {n} claim(s) to {args.output}", file=sys.stderr)
    return EXIT_OK


def _cmd_import(args) -> int:
    from gazetteer.index import import_geonames_dump

    for f in args.files:
        if not f.is_file():
            _err(f"{str(f)!r} is not a file")
            return EXIT_USAGE
        dest, rows = import_geonames_dump(f)
        print(f"Imported {rows} rows from {f} (stored as {dest}); the next build re-compiles the gazetteer.")
    return EXIT_OK


_COMMANDS = {
    "build": _run_build,
    "add": _cmd_add,
    "watch": _cmd_watch,
    "resolve": _cmd_resolve,
    "export": _cmd_export,
    "import-geonames": _cmd_import,
}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
