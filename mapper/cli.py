"""The command line: a thin skin over mapper.pipeline and the gazetteer.

Exit status: 0 success; 1 the build finished but skipped some input; 2 usage
or configuration error (bad profile, alias file, missing folder); 3 another
build holds the output folder.
"""

from __future__ import annotations

import argparse
import os
import re
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
    print(safe_text(line), file=file or sys.stdout)


def _err(msg: str) -> None:
    _say(f"mapper: error: {msg}", file=sys.stderr)


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


def _progress_factory(quiet: bool):
    if quiet or not sys.stderr.isatty():
        return None, None
    from tqdm import tqdm

    bar: dict[str, tqdm] = {}

    def progress(done: int, total: int) -> None:
        if total < 5:
            return
        if "b" not in bar:
            bar["b"] = tqdm(total=total, unit="article", file=sys.stderr, leave=False)
        bar["b"].n = done
        bar["b"].refresh()
        if done == total:
            bar["b"].close()

    return progress, bar


def _run_build(args) -> int:
    from .pipeline import build

    progress, _ = _progress_factory(args.quiet)
    report = build(
        args.seeds,
        args.out,
        profile=args.profile,
        full=args.full,
        jobs=max(1, args.jobs),
        progress=progress,
        on_wait=lambda m: _say(f"mapper: {m}", file=sys.stderr),
        render=not args.no_map,
        geocode_online=args.geocode_online,
    )
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
    sides = ", ".join(f"{k} {v}" for k, v in sorted(r.per_side.items())) or "none"
    _say(f"{r.claims} claim(s) in {r.incidents} incident(s); by side: {sides}.")
    if r.unresolved:
        _say("Names that looked like places but did not resolve (add them to seeds/aliases.toml if they are):")
        for name, arts in sorted(r.unresolved.items())[:40]:
            _say(f"  {name!r} in {', '.join(arts[:3])}{' ...' if len(arts) > 3 else ''}")
            if r.suggestions.get(name):
                _say(f"      looks like: {'; '.join(r.suggestions[name])}")
    for p in r.wrote:
        _say(f"Wrote {p}")


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
    from ._fs import atomic_write
    from .articles import read_bytes
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
        atomic_write(dest, data)
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
        time.sleep(args.interval)


def _cmd_resolve(args) -> int:
    from gazetteer import Context, Gazetteer
    from gazetteer.resolve import resolve_jointly

    from .sides import load_profile

    prof = load_profile(args.profile)
    gaz = Gazetteer.open()
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
    import json

    from .export import acled_csv_bytes, csv_bytes
    from .pipeline import load_incidents

    df = load_incidents(args.out)
    if args.side:
        df = df[df["side"].isin(args.side)]
    if args.event_type:
        df = df[df["event_type"].isin(args.event_type)]
    if args.since:
        df = df[df["event_date"] >= args.since]
    if args.until:
        df = df[(df["event_date"] <= args.until) & (df["event_date"] != "")]
    if args.format == "csv":
        data = csv_bytes(df)
    elif args.format == "acled":
        data = acled_csv_bytes(df)
    else:
        gj = json.loads((args.out / "incidents.geojson").read_text(encoding="utf-8"))
        keep = set(df["claim_id"])
        gj["features"] = [f for f in gj["features"] if f["properties"]["claim_id"] in keep]
        data = (json.dumps(gj, ensure_ascii=False, indent=1) + "\n").encode()
    if args.output:
        from .export import write_atomic

        write_atomic(args.output, data)
        _say(f"Wrote {len(df)} claim(s) to {args.output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
    return EXIT_OK


def _cmd_import(args) -> int:
    from gazetteer.index import import_geonames_dump

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
    "export": _cmd_export,
    "import-geonames": _cmd_import,
}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
