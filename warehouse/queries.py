"""Read-side queries: ad-hoc SQL (read-only), company timelines, open contradictions, counts."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from claimwatch.errors import ReadOnlyQueryError, WarehouseError
from claimwatch.names import company_key

__all__ = ["run_sql", "format_rows", "company_timeline", "open_contradictions", "counts",
           "resolve_company", "FORMATS"]

FORMATS = ("table", "csv", "json")
_ALLOWED = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN, duckdb.StatementType.PRAGMA}
# PRAGMAs that only read (the rest can change settings or write files).
_READ_PRAGMAS = {"table_info", "show_tables", "show_tables_expanded", "database_size", "show",
                 "version", "storage_info", "metadata_info", "database_list", "functions",
                 "platform", "user_agent", "collations"}
_MAX_CELL = 60

Rows = list[tuple]


def _check_read_only(query: str) -> None:
    try:
        statements = duckdb.extract_statements(query)
    except duckdb.Error as exc:
        raise ReadOnlyQueryError(f"cannot parse the query: {_first_line(exc)}") from None
    if len(statements) != 1:
        raise ReadOnlyQueryError(f"give exactly one SQL statement (got {len(statements)})")
    kind = statements[0].type
    text = statements[0].query.strip()
    if kind not in _ALLOWED:
        raise ReadOnlyQueryError(f"only read-only queries are allowed (SELECT, WITH, SHOW, DESCRIBE, "
                                 f"SUMMARIZE, EXPLAIN); this is a {kind.name} statement")
    if kind == duckdb.StatementType.EXPLAIN and re.match(r"(?is)explain\s+analy[sz]e\b", text):
        raise ReadOnlyQueryError("EXPLAIN ANALYZE runs the statement; use plain EXPLAIN")
    if kind == duckdb.StatementType.PRAGMA:
        name = re.match(r"(?is)pragma\s+(\w+)", text)
        if not name or name.group(1).lower() not in _READ_PRAGMAS:
            raise ReadOnlyQueryError("only informational PRAGMAs are allowed "
                                     f"({', '.join(sorted(_READ_PRAGMAS))})")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def run_sql(con: duckdb.DuckDBPyConnection | str | Path, query: str,
            params: list | dict | None = None) -> tuple[list[str], Rows]:
    """Run one read-only statement; return (column names, rows).

    ``con`` may be a path: the warehouse is then opened read-only for this query, so
    even a statement that slipped past the check could not write. Anything but a
    single SELECT/WITH/SHOW/DESCRIBE/SUMMARIZE/EXPLAIN or informational PRAGMA raises
    :class:`ReadOnlyQueryError`; SQL errors raise :class:`WarehouseError`.
    """
    _check_read_only(query)
    if isinstance(con, (str, Path)):
        from claimwatch.warehouse.db import connect
        own = connect(con, read_only=True)
        try:
            return run_sql(own, query, params)
        finally:
            own.close()
    try:
        cur = con.execute(query, params) if params is not None else con.execute(query)
        columns = [d[0] for d in cur.description] if cur.description else []
        rows = cur.fetchall() if cur.description else []
    except duckdb.Error as exc:
        raise WarehouseError(f"query failed: {_first_line(exc)}") from None
    return columns, rows


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (bytes, bytearray)):
        return value.hex()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:,.0f}" if value.is_integer() and abs(value) >= 1000 else f"{value:g}"
    elif isinstance(value, datetime):
        text = value.isoformat(sep=" ", timespec="seconds")
    else:
        text = str(_plain(value))
    text = " ".join(text.split())  # one line per row
    return text if len(text) <= _MAX_CELL else text[:_MAX_CELL - 1] + "…"


def format_rows(columns: list[str], rows: Rows, fmt: str = "table") -> str:
    """Render rows as an aligned text table, CSV, or a JSON array of objects (ISO dates)."""
    if fmt == "json":
        return json.dumps([{c: _plain(v) for c, v in zip(columns, row)} for row in rows],
                          ensure_ascii=False, indent=2)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if v is None else _plain(v) for v in row])
        return out.getvalue()
    if fmt != "table":
        raise WarehouseError(f"unknown output format {fmt!r}; expected one of {', '.join(FORMATS)}")
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    numeric = [bool(rows) and all(isinstance(r[i], (int, float, Decimal)) and not isinstance(r[i], bool)
                                  for r in rows if r[i] is not None) for i in range(len(columns))]

    def line(values: list[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w)
                         for v, w, num in zip(values, widths, numeric)).rstrip()

    out = [line(list(columns)), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def resolve_company(con: duckdb.DuckDBPyConnection, name: str) -> str | None:
    """The canonical name for ``name``: case-insensitive, then by alias; None if unknown."""
    if not name or not name.strip():
        return None
    row = con.execute("""
        SELECT company FROM (
            SELECT company, 1 AS rank FROM companies WHERE lower(company) = lower($name)
            UNION ALL SELECT company, 2 FROM company_aliases WHERE alias = $alias
            UNION ALL SELECT company, 3 FROM claims WHERE lower(company) = lower($name)
            UNION ALL SELECT company, 4 FROM disputes WHERE lower(company) = lower($name))
        ORDER BY rank, company LIMIT 1""", {"name": name.strip(), "alias": company_key(name)}).fetchall()
    return row[0][0] if row else None


def _with_written_dates(columns: list[str], rows: Rows, dates: dict[str, str]) -> tuple[list[str], Rows]:
    """Each timestamp column of ``dates`` ({timestamp column: precision column}) followed by a text
    column with the date as written ("2021-06" for a month): ``published_at`` -> ``published``."""
    from claimwatch.ingest.dates import written_date
    out_columns: list[str] = []
    picks: list[tuple[int, int | None]] = []  # (column index, precision index for a written date)
    for i, name in enumerate(columns):
        out_columns.append(name)
        picks.append((i, None))
        if name in dates:
            out_columns.append(name.removesuffix("_at"))
            picks.append((i, columns.index(dates[name])))
    out_rows = [tuple(written_date(row[i], row[p]) if p is not None else row[i] for i, p in picks)
                for row in rows]
    return out_columns, out_rows


def company_timeline(con: duckdb.DuckDBPyConnection, company: str) -> tuple[list[str], Rows]:
    """Every claim about a company (name or alias, any case), oldest first; ``published`` is the
    article's date as written ("2021-06" when the source gave a month), ``published_precision`` says
    how much of ``published_at`` the source gave, ``hedge`` the word that bounds the figure."""
    canonical = resolve_company(con, company) or company
    cur = con.execute("""SELECT t.*, a.published_precision, c.hedge FROM company_timeline t
                         LEFT JOIN articles a ON a.article_id = t.article_id
                         LEFT JOIN claims c ON c.claim_id = t.claim_id
                         WHERE lower(t.company) = lower(?)
                         ORDER BY t.metric, t.published_at NULLS LAST, t.claim_id""", [canonical])
    return _with_written_dates([d[0] for d in cur.description], cur.fetchall(),
                               {"published_at": "published_precision"})


def open_contradictions(con: duckdb.DuckDBPyConnection, company: str | None = None
                        ) -> tuple[list[str], Rows]:
    """Open contradictions, most severe first; only one company's when ``company`` is given.
    ``claim_published``/``report_published`` are the articles' dates as written."""
    where, params = "", []
    if company is not None:
        where, params = "WHERE lower(o.company) = lower(?)", [resolve_company(con, company) or company]
    cur = con.execute(f"""
        SELECT o.*, a1.published_precision AS claim_published_precision,
               a2.published_precision AS report_published_precision
        FROM open_contradictions o JOIN contradictions k USING (contradiction_id)
        LEFT JOIN articles a1 ON a1.article_id = k.claim_article_id
        LEFT JOIN articles a2 ON a2.article_id = k.contradicting_article_id
        {where}
        ORDER BY o.severity DESC, o.report_published_at DESC, o.contradiction_id""", params)
    return _with_written_dates([d[0] for d in cur.description], cur.fetchall(),
                               {"claim_published_at": "claim_published_precision",
                                "report_published_at": "report_published_precision"})


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row count of every table (plus ``open_contradictions``), by name."""
    tables = [row[0] for row in con.execute("""
        SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'main' AND table_type = 'BASE TABLE'
          AND table_catalog = current_database()
        ORDER BY table_name""").fetchall()]
    if not tables:
        return {}
    union = " UNION ALL ".join(f"SELECT '{t}', count(*) FROM \"{t}\"" for t in tables)
    result = {name: int(n) for name, n in con.execute(union).fetchall()}
    if "contradictions" in result:
        result["open_contradictions"] = int(con.execute(
            "SELECT count(*) FROM contradictions WHERE status = 'open'").fetchall()[0][0])
    return result
