"""Shared plumbing for bulk writes: registered Arrow tables, one-line failures, the clock."""

from __future__ import annotations

from datetime import datetime, timezone

import duckdb
import pyarrow as pa

from claimwatch.errors import WarehouseError

__all__ = ["Registered", "batch_error", "utc_now"]  # internal to the warehouse package


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def batch_error(what: str, exc: Exception) -> WarehouseError:
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return WarehouseError(f"could not save {what}; nothing of this batch was stored: {first}")


class Registered:
    """Register Arrow tables on a connection for the duration of a ``with`` block."""

    def __init__(self, con: duckdb.DuckDBPyConnection, **tables: pa.Table):
        self.con, self.tables = con, tables

    def __enter__(self):
        # DuckDB 2 refuses register() while a caller's execute() result is unread
        # (e.g. after fetchone()); run that result to its end first.
        self.con.complete()
        for name, table in self.tables.items():
            self.con.register(name, table)
        return self

    def add(self, name: str, table: pa.Table) -> None:
        self.con.register(name, table)
        self.tables[name] = table

    def __exit__(self, *exc):
        for name in self.tables:
            try:
                self.con.unregister(name)
            except duckdb.Error:
                pass
        return False
