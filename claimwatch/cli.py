"""The ``claimwatch`` command line. Each command is a thin wrapper over the library.

Exit codes: 0 success, 1 a user-facing error (one line, with its code), 2 bad usage,
3 done, but some input lines were skipped (each one named on stderr).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from contextlib import contextmanager
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date
from pathlib import Path

from claimwatch import __version__
from claimwatch.config import PRODUCTION_TEMPLATE, Config, load_config
from claimwatch.errors import ClaimwatchError, ImportFileError

# Prefect's defaults that suit a command line tool: no telemetry, a patient start of the
# temporary server on a busy two-core machine, quiet logs. The user's own environment wins.
_PREFECT_DEFAULTS = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    # ... but the flow's own log line per stage ("ingest: 2 feeds ok, 13 new articles") shows
    "PREFECT_LOGGING_LOGGERS_PREFECT_FLOW_RUNS_LEVEL": "INFO",
}


def _prefect_env() -> None:
    for key, value in _PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)


def _config(args) -> Config:
    config = load_config(getattr(args, "config", None))
    db = getattr(args, "db", None)
    if db:
        config = config.model_copy(update={"warehouse": config.warehouse.model_copy(update={"path": db})})
    return config


def _check_warehouse(config: Config) -> None:
    """Open and close the warehouse before Prefect starts: a locked or unreadable file is
    reported in one line at once, not seconds later wrapped in Prefect's flow-run logs."""
    with _warehouse(config, read_only=False):
        pass


@contextmanager
def _warehouse(config: Config, read_only: bool = True):
    """The warehouse connection for one command, closed afterwards."""
    from claimwatch import warehouse
    con = warehouse.connect(config.warehouse.path, read_only=read_only,
                            lock_timeout_seconds=config.warehouse.lock_timeout_seconds)
    try:
        yield con
    finally:
        con.close()


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ClaimwatchError(f"--resend takes a date as YYYY-MM-DD, not {text!r}") from None


def _print_summary(summary: dict) -> None:
    from claimwatch.flows.daily import RunSummary
    for line in RunSummary(**summary).lines():
        print(line)


# --- commands ---------------------------------------------------------------------------

def cmd_run(args) -> int:
    """Run the daily job once: fetch feeds, extract, detect contradictions, send the digest."""
    _prefect_env()
    config = _config(args)
    _check_warehouse(config)
    from claimwatch.flows.daily import daily_flow, with_runner
    summary = with_runner(daily_flow, config)(config_path=args.config, db=args.db, trigger="run")
    _print_summary(summary)
    return 0 if summary["status"] in ("ok", "partial") else 1


EXIT_SKIPPED = 3  # the command did its work but skipped some input lines


def _report_bad_line(problem) -> None:
    print(f"claimwatch: skipped {problem}", file=sys.stderr)


def cmd_import(args) -> int:
    """Import a JSONL archive of articles, then extract and detect.

    A bad line (invalid JSON, no text, an unreadable date...) is named on stderr with its line
    number and skipped; every good line is stored, the summary counts the lines skipped and
    the exit code is 3. With --strict the first bad line stops the import and nothing is
    stored (exit code 1). Importing the same file again adds no duplicates.
    """
    _prefect_env()
    if not Path(args.file).is_file():
        raise ImportFileError(f"no such file: {args.file}")
    config = _config(args)
    if args.strict:  # before Prefect starts: one clean line, nothing written
        from claimwatch.ingest.archive import validate_jsonl
        validate_jsonl(args.file)
    _check_warehouse(config)
    from claimwatch.flows.daily import import_flow, with_runner
    summary = with_runner(import_flow, config)(path=args.file, config_path=args.config, db=args.db,
                                               strict=args.strict)
    for line in summary.get("bad_lines", []):
        _report_bad_line(line)
    if summary.get("lines_skipped", 0) > len(summary.get("bad_lines", [])):
        print(f"claimwatch: ... and {summary['lines_skipped'] - len(summary['bad_lines'])} more bad lines",
              file=sys.stderr)
    _print_summary(summary)
    return EXIT_SKIPPED if summary.get("lines_skipped") else 0


def cmd_reprocess(args) -> int:
    """Re-extract stored articles after an extractor change and re-detect (no fetching)."""
    _prefect_env()
    config = _config(args)
    _check_warehouse(config)
    from claimwatch.flows.daily import reprocess_flow, with_runner
    summary = with_runner(reprocess_flow, config)(config_path=args.config, db=args.db)
    _print_summary(summary)
    return 0


def cmd_extract(args) -> int:
    """Extract claims (or, with --quantities, every quantity) from a JSONL file; no database.

    A bad line is named on stderr and skipped; the exit code is then 3.
    """
    from claimwatch.ingest.archive import read_jsonl
    from claimwatch.extractors import Extractor, quantities_for
    config = _config(args)
    out = sys.stdout
    input_ids: dict[str, str] = {}
    skipped = 0

    def bad_line(problem) -> None:
        nonlocal skipped
        skipped += 1
        _report_bad_line(problem)

    def articles():
        # The contract: article_id in the output is the input's own "id" when it has one.
        for article in read_jsonl(args.file, on_bad_line=bad_line):
            input_ids[article.article_id] = article.guid or article.article_id
            yield article

    if args.quantities:
        from claimwatch.extractors.language import detect_language
        from claimwatch.extractors.nouns import singular
        for article in articles():
            language = detect_language(f"{article.title}\n{article.text}", article.language)
            for q in quantities_for(article):
                noun = singular(q.noun, language) if q.unit == "count" else None
                out.write(json.dumps({"article_id": input_ids[article.article_id], "value": q.value,
                                      "value_low": q.value_low, "value_high": q.value_high,
                                      "unit": q.unit, "noun": noun, "text": q.text},
                                     ensure_ascii=False) + "\n")
        return _skipped_exit(skipped)
    extractor = Extractor(config.extract, config.companies)
    for extraction in extractor.extract_many(articles()):
        for claim in extraction.claims:
            row = asdict(claim)
            row["article_id"] = input_ids.get(claim.article_id, claim.article_id)
            row["as_of"] = claim.as_of.isoformat() if claim.as_of else None
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return _skipped_exit(skipped)


def _skipped_exit(skipped: int) -> int:
    if skipped:
        print(f"claimwatch: {skipped} bad line{'s' if skipped != 1 else ''} skipped", file=sys.stderr)
        return EXIT_SKIPPED
    return 0


def _write_rows(columns: list[str], rows: list, fmt: str, compact=None) -> None:
    """Rows to stdout: the compact view fitted to the terminal for a table (unless --wide),
    else every column. CSV is the header and the rows, nothing after the last row's newline."""
    from claimwatch import warehouse
    if fmt == "table" and compact is not None:
        from claimwatch.tables import fit_table, terminal_width
        text = fit_table(*compact(columns, rows), terminal_width())
    else:
        text = warehouse.format_rows(columns, rows, fmt)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def cmd_sql(args) -> int:
    """Run a read-only SQL query against the warehouse."""
    from claimwatch import warehouse
    with _warehouse(_config(args)) as con:
        columns, rows = warehouse.run_sql(con, args.query)
    _write_rows(columns, rows, args.format)
    return 0


def cmd_contradictions(args) -> int:
    """List open contradictions, optionally for one company.

    The table fits the terminal: company, metric, claimed and reported figures, kind, both
    dates as written, the reporting source. --wide, csv and json give every column.
    """
    from claimwatch import warehouse
    from claimwatch.tables import compact_contradictions
    with _warehouse(_config(args)) as con:
        columns, rows = warehouse.open_contradictions(con, args.company)
    if not rows and args.format == "table":
        print("no open contradictions" + (f" for {args.company}" if args.company else ""))
        return 0
    _write_rows(columns, rows, args.format, None if args.wide else compact_contradictions)
    return 0


def cmd_timeline(args) -> int:
    """Show every claim of a company by metric and date, with its source.

    The table fits the terminal: metric, figure, period, date, who claims it, source, and the
    article's date as written ("2021-06" for a month). --wide, csv and json give every column.
    """
    from claimwatch import warehouse
    from claimwatch.tables import compact_timeline
    with _warehouse(_config(args)) as con:
        columns, rows = warehouse.company_timeline(con, args.company)
    if not rows:
        print(f"no claims for {args.company}", file=sys.stderr if args.format != "table" else sys.stdout)
        return 1
    _write_rows(columns, rows, args.format, None if args.wide else compact_timeline)
    return 0


def cmd_digest(args) -> int:
    """Send the digest of what is new now (or render it with --dry-run, or resend a day's)."""
    from claimwatch import digest
    config = _config(args)
    with _warehouse(config, read_only=False) as con:
        report = digest.send_digests(
            con, config,
            dry_run_out=Path(args.out) if args.dry_run else None,
            resend_date=_date(args.resend) if args.resend else None)
    print(report.summary)
    return 0


def cmd_export(args) -> int:
    """Write every table to Parquet files partitioned by date."""
    from claimwatch import warehouse
    with _warehouse(_config(args)) as con:
        paths = warehouse.export_parquet(con, Path(args.out))
    print(f"wrote {len(paths)} Parquet files under {args.out}")
    return 0


def cmd_serve(args) -> int:
    """Register the daily deployment on the Prefect server and run it on schedule."""
    _prefect_env()
    config = _config(args)
    from claimwatch.flows.schedule import serve
    serve(config, config_path=args.config)
    return 0


def cmd_init(args) -> int:
    """Write a claimwatch.toml for production (TechCrunch and Futurism feeds)."""
    path = Path(args.path)
    if path.exists() and not args.force:
        raise ClaimwatchError(f"{path} already exists; use --force to overwrite it")
    path.write_text(PRODUCTION_TEMPLATE, encoding="utf-8")
    print(f"wrote {path}; edit [digest] and [smtp], then run: claimwatch run --config {path}")
    return 0


# --- parser -----------------------------------------------------------------------------

def _common(p: argparse.ArgumentParser, db: bool = True) -> None:
    p.add_argument("--config", metavar="PATH",
                   help="config file (default: $CLAIMWATCH_CONFIG, then ./claimwatch.toml, then the samples)")
    if db:
        p.add_argument("--db", metavar="PATH", help="warehouse file (overrides [warehouse] path)")


def _format(p: argparse.ArgumentParser, wide: bool = False) -> None:
    p.add_argument("--format", choices=("table", "csv", "json"), default="table",
                   help="output format: an aligned table; CSV (a header line, then one line a row); "
                        "or JSON (one array of objects, dates in ISO 8601)")
    if wide:
        p.add_argument("--wide", action="store_true",
                       help="table: every column, not the compact view fitted to the terminal")


COMMANDS: dict[str, Callable] = {}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimwatch",
        description="Track AI startups' quantitative claims in tech news and flag contradictions.")
    parser.add_argument("--version", action="version", version=f"claimwatch {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, func: Callable, **kw) -> argparse.ArgumentParser:
        COMMANDS[name] = func
        return sub.add_parser(name, help=func.__doc__.splitlines()[0], description=func.__doc__, **kw)

    _common(add("run", cmd_run))
    p = add("import", cmd_import)
    p.add_argument("file", help="JSONL file: one article per line (url, title, published, text, source)")
    p.add_argument("--strict", action="store_true",
                   help="stop at the first bad line and store nothing (default: skip bad lines, exit 3)")
    _common(p)
    _common(add("reprocess", cmd_reprocess))
    p = add("extract", cmd_extract)
    p.add_argument("file", help="JSONL file of articles")
    p.add_argument("--quantities", action="store_true",
                   help="print every quantity instead of claims (a count has its noun, singular: "
                        "\"noun\": \"employee\")")
    _common(p, db=False)
    p = add("sql", cmd_sql)
    p.add_argument("query", help="a read-only SQL query")
    _common(p)
    _format(p)
    p = add("contradictions", cmd_contradictions)
    p.add_argument("--company", help="only this company (name or alias)")
    _common(p)
    _format(p, wide=True)
    p = add("timeline", cmd_timeline)
    p.add_argument("company", help="company name or alias")
    _common(p)
    _format(p, wide=True)
    p = add("digest", cmd_digest)
    p.add_argument("--dry-run", action="store_true", help="render without sending or marking anything")
    p.add_argument("--out", default="digest-preview.html", help="with --dry-run: the HTML file to write")
    p.add_argument("--resend", metavar="DATE", help="send again what was sent on DATE (YYYY-MM-DD)")
    _common(p)
    p = add("export", cmd_export)
    p.add_argument("--out", default="export", help="folder for the Parquet files")
    _common(p)
    _common(add("serve", cmd_serve))
    p = add("init", cmd_init)
    p.add_argument("--path", default="claimwatch.toml", help="where to write the config")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    try:
        return COMMANDS[args.command](args)
    except ClaimwatchError as exc:
        print(f"claimwatch: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("claimwatch: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
