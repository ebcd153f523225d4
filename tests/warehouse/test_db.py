"""Opening the warehouse: a lock held by another process, and what a killed writer leaves."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from claimwatch.errors import WarehouseError, WarehouseLockedError
from claimwatch.warehouse import connect, transaction
from claimwatch.warehouse.db import _lock_message

REPO = Path(__file__).resolve().parents[2]

# The holder saves one article (committed), then writes a second batch inside an open
# transaction and waits there: killing it must leave the first batch only.
HOLDER = textwrap.dedent("""
    import sys, time
    from datetime import datetime, timezone
    from claimwatch.records import Article
    from claimwatch.warehouse import connect, save_articles, transaction
    con = connect(sys.argv[1])
    def art(n):
        return Article(f"a{n}", f"https://x.example/{n}", "t", "src",
                       datetime(2025, 3, 1, tzinfo=timezone.utc), "en", "text")
    save_articles(con, [art(1)])
    con.execute("BEGIN TRANSACTION")
    con.execute("INSERT INTO runs (run_id, started_at, status) VALUES ('half', now(), 'running')")
    con.execute("INSERT INTO articles SELECT * REPLACE ('a2' AS article_id, 'u2' AS url) FROM articles")
    print("holding", flush=True)
    time.sleep(60)
""")


@pytest.fixture
def holder(tmp_path):
    path = tmp_path / "w.duckdb"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
    line = proc.stdout.readline()
    if line.strip() != "holding":
        proc.kill()
        pytest.fail(f"holder did not start: {proc.stderr.read()}")
    yield path, proc
    if proc.poll() is None:
        proc.kill()
    proc.wait()


@pytest.mark.slow
def test_db_second_process_gets_locked_error_naming_holder_then_nothing_half_written(holder):
    path, proc = holder
    for read_only in (False, True):
        with pytest.raises(WarehouseLockedError) as info:
            connect(path, read_only=read_only, lock_timeout_seconds=0.5)
        message = str(info.value)
        assert message.startswith("[E002]") and "\n" not in message
        assert f"process {proc.pid}" in message and str(path) in message
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    con = connect(path, lock_timeout_seconds=5)
    assert con.execute("SELECT article_id FROM articles").fetchall() == [("a1",)]
    assert con.execute("SELECT count(*) FROM runs").fetchall() == [(0,)]
    assert con.execute("SELECT count(*) FROM schema_migrations").fetchall()[0][0] >= 2
    con.close()


def test_db_lock_message_parses_duckdb_2_text():
    text = ('IO Error: Could not set lock on file "/data/w.duckdb": Conflicting lock is held in '
            '/usr/bin/python3.11 (PID 4242). See also https://duckdb.org/docs/current/connect/concurrency')
    assert _lock_message("/data/w.duckdb", Exception(text)) == (
        "the warehouse /data/w.duckdb is locked by process 4242 (/usr/bin/python3.11); "
        "wait for it to finish or stop it, then try again")
    assert "locked by another process" in _lock_message("w", Exception("IO Error: lock"))


def test_db_read_only_missing_file_is_clear_error(tmp_path):
    with pytest.raises(WarehouseError, match="no warehouse at .*missing.duckdb"):
        connect(tmp_path / "missing.duckdb", read_only=True)
    assert not (tmp_path / "missing.duckdb").exists()


def test_db_not_a_database_is_clear_error(tmp_path):
    bad = tmp_path / "notes.duckdb"
    bad.write_text("this is not a database\n" * 100)
    with pytest.raises(WarehouseError, match="cannot open the warehouse"):
        connect(bad)
    assert bad.read_text().startswith("this is not a database")


def test_db_transaction_rolls_back_on_error(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    with pytest.raises(ZeroDivisionError):
        with transaction(con):
            con.execute("INSERT INTO runs (run_id, started_at, status) VALUES ('r', now(), 'running')")
            1 / 0
    assert con.execute("SELECT count(*) FROM runs").fetchall() == [(0,)]
    con.close()
