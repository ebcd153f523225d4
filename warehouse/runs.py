"""The run log: one row per pipeline run, written when it starts and when it ends.

A run whose process was killed stays ``running`` in the table. Since a writable
warehouse connection holds DuckDB's file lock, no other process can be running
while :func:`start_run` executes, so ``start_run`` marks every older ``running``
row ``interrupted`` (with ``finished_at`` left empty). Runs sharing one process
must therefore be sequential, which the flows are.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import datetime, timezone

import duckdb

from claimwatch.errors import WarehouseError

__all__ = ["start_run", "finish_run", "last_runs", "RUN_STATUSES"]

# Final statuses finish_run accepts; "running" and "interrupted" are set here only.
RUN_STATUSES = ("ok", "partial", "failed")


def start_run(con: duckdb.DuckDBPyConnection, trigger: str) -> str:
    """Record a new ``running`` run; mark older unfinished runs ``interrupted``; return its id.

    Run ids sort by start time: ``20250301T060000Z-1a2b3c``.
    """
    now = datetime.now(timezone.utc)
    run_id = f"{now:%Y%m%dT%H%M%S}Z-{secrets.token_hex(3)}"
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("""
            UPDATE runs SET status = 'interrupted',
                   error = coalesce(error, 'the process stopped before the run finished')
            WHERE status = 'running'""")
        con.execute("INSERT INTO runs (run_id, started_at, status, trigger) VALUES (?, ?, 'running', ?)",
                    [run_id, now, trigger])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return run_id


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, *, status: str, feeds_ok: int = 0,
               feeds_failed: int = 0, failed_feeds: Iterable[str] | str | None = None,
               articles_new: int = 0, claims_new: int = 0, contradictions_new: int = 0,
               digest_status: str | None = None, error: str | None = None) -> None:
    """Close a run with its outcome. ``failed_feeds`` is a list of "name: reason" lines."""
    if status not in RUN_STATUSES:
        raise WarehouseError(f"unknown run status {status!r}; expected one of {', '.join(RUN_STATUSES)}")
    if failed_feeds is not None and not isinstance(failed_feeds, str):
        failed_feeds = "\n".join(failed_feeds) or None
    found = con.execute("""
        UPDATE runs SET finished_at = ?, status = ?, feeds_ok = ?, feeds_failed = ?,
               failed_feeds = ?, articles_new = ?, claims_new = ?, contradictions_new = ?,
               digest_status = ?, error = ?
        WHERE run_id = ?""",
                        [datetime.now(timezone.utc), status, feeds_ok, feeds_failed, failed_feeds,
                         articles_new, claims_new, contradictions_new, digest_status, error,
                         run_id]).fetchall()
    if not found or not found[0][0]:
        raise WarehouseError(f"no run {run_id!r} in the warehouse; start it with start_run first")


def last_runs(con: duckdb.DuckDBPyConnection, n: int = 10) -> list[dict]:
    """The ``n`` most recent runs, newest first, as dicts keyed by column name."""
    cur = con.execute("SELECT * FROM runs ORDER BY started_at DESC, run_id DESC LIMIT ?", [int(n)])
    columns = [d[0] for d in cur.description]
    return [dict(zip(columns, row)) for row in cur.fetchall()]
