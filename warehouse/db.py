"""Opening the warehouse: one DuckDB file, migrated on open, with clear lock errors."""

from __future__ import annotations

import re
import time
from contextlib import contextmanager
from pathlib import Path

import duckdb

from claimwatch.errors import WarehouseError, WarehouseLockedError
from claimwatch.warehouse.migrations import migrate

_LOCK_HINT = re.compile(r"Conflicting lock is held in (?P<holder>.+?)(?: \(PID (?P<pid>\d+)\))?\.?(?: See also|$)",
                        re.S)


def _lock_message(path: str, exc: Exception) -> str:
    text = str(exc)
    match = _LOCK_HINT.search(text)
    if match:
        pid = match.group("pid")
        holder = match.group("holder").strip()
        who = f"process {pid} ({holder})" if pid else holder
    else:
        who = "another process"
    return (f"the warehouse {path} is locked by {who}; wait for it to finish "
            f"or stop it, then try again")


def connect(path: str | Path, *, read_only: bool = False,
            lock_timeout_seconds: float = 0.0) -> duckdb.DuckDBPyConnection:
    """Open (and migrate, unless read-only) the warehouse at ``path``.

    A file locked by another process is retried for ``lock_timeout_seconds``, then
    raises :class:`WarehouseLockedError` naming the holder.
    """
    path = str(path)
    if read_only and not Path(path).exists():
        raise WarehouseError(f"no warehouse at {path}; run 'claimwatch run' first")
    if not read_only:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + lock_timeout_seconds
    while True:
        try:
            con = duckdb.connect(path, read_only=read_only)
            break
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise WarehouseError(f"cannot open the warehouse {path}: {exc}") from None
            if time.monotonic() >= deadline:
                raise WarehouseLockedError(_lock_message(path, exc)) from None
            time.sleep(0.2)
        except duckdb.Error as exc:
            raise WarehouseError(f"cannot open the warehouse {path}: {exc}") from None
    if not read_only:
        migrate(con)
    return con


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection):
    """BEGIN ... COMMIT, rolled back on any exception."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    else:
        con.execute("COMMIT")
