"""The command line under faults, run as a subprocess: a locked warehouse, a mail server
that refuses, a bad configuration. Each ends with one clear line and nothing lost.
"""

from __future__ import annotations

import email
import email.policy
import socket
import subprocess
import sys
from importlib import resources
from pathlib import Path

import duckdb
import pytest

from tests.support.cli_process import run_cli
from tests.support.configs import RECIPIENT, write_sample_config
from tests.support.servers import serve_sample_feeds



def one_error_line(result: subprocess.CompletedProcess) -> str:
    """The single line a failing command prints on stderr (no traceback, no Prefect noise)."""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr[-3000:]
    assert lines[0].startswith("claimwatch: error: ["), lines[0]
    return lines[0]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def feeds_url(tmp_path):
    with serve_sample_feeds(tmp_path / "www") as url:
        yield url


def write_config(folder: Path, feeds_url: str, smtp_port: int | None = None) -> Path:
    # a short lock timeout: a locked warehouse must be reported within seconds
    return write_sample_config(folder, feeds_url, smtp_port=smtp_port, lock_timeout_seconds=2)


# --- a locked warehouse -------------------------------------------------------------------

def _stored(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {"articles": sorted(r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()),
                "runs": con.execute("SELECT run_id, status FROM runs ORDER BY run_id").fetchall()}
    finally:
        con.close()


def _fill_warehouse(db: Path) -> None:
    """A warehouse holding the sample articles and one finished run, written with the library."""
    from claimwatch import warehouse
    from claimwatch.ingest.parse import parse_feed

    con = warehouse.connect(db)
    try:
        run_id = warehouse.start_run(con, "import")
        for entry in (resources.files("claimwatch") / "samples").iterdir():
            if entry.name.endswith(".xml"):
                articles, _ = parse_feed(entry.read_bytes(), feed_name=entry.name, base_url="http://example.com/",
                                         declared_language=None)
                warehouse.save_articles(con, articles, run_id=run_id)
        warehouse.finish_run(con, run_id, status="ok")
    finally:
        con.close()


@pytest.mark.slow
def test_cli_faults_locked_warehouse_names_the_holder_and_loses_nothing(tmp_path, feeds_url):
    db = tmp_path / "cw.duckdb"
    _fill_warehouse(db)
    before = _stored(db)
    assert before["articles"] and before["runs"]
    config = write_config(tmp_path, feeds_url)
    holder = subprocess.Popen(  # another process holds the file open for writing
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('ready', flush=True); time.sleep(300)", str(db)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        for args in (["run", "--config", str(config), "--db", str(db)],
                     ["sql", "SELECT count(*) FROM articles", "--config", str(config), "--db", str(db)]):
            done = run_cli(args, cwd=tmp_path, timeout=120)
            assert done.returncode == 1, (args[0], done.stdout, done.stderr[-3000:])
            line = one_error_line(done)
            assert "[E002]" in line and "locked" in line and f"process {holder.pid}" in line, line
            assert str(db) in line
            assert done.stdout == ""
    finally:
        holder.kill()
        holder.wait()
    assert _stored(db) == before  # nothing written, nothing lost


# --- a mail server that refuses -------------------------------------------------------------

@pytest.mark.slow
def test_cli_faults_refused_mail_stays_pending_then_goes_out_exactly_once(tmp_path, feeds_url):
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message

    port = free_port()  # nothing listens here during the first run
    config = write_config(tmp_path, feeds_url, smtp_port=port)
    db = tmp_path / "cw.duckdb"

    first = run_cli(["run", "--config", str(config)], cwd=tmp_path)
    assert first.returncode == 0, (first.stdout, first.stderr[-3000:])
    digest_line = next(line for line in first.stdout.splitlines() if line.startswith("digest:"))
    assert "smtp refused" in digest_line and f"127.0.0.1:{port}" in digest_line, digest_line
    assert "pending" in digest_line, digest_line
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT status, attempts, last_error FROM outbox").fetchall()
    (run_digest,) = con.execute("SELECT digest_status FROM runs").fetchone()
    con.close()
    assert rows and all(s == "pending" and a == 1 and "smtp refused" in e for s, a, e in rows), rows
    assert "pending" in run_digest
    queued = len(rows)

    received = []

    class Keep(Message):
        def handle_message(self, message):
            received.append(message)

    controller = Controller(Keep(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        second = run_cli(["run", "--config", str(config)], cwd=tmp_path)
    finally:
        controller.stop()
    assert second.returncode == 0, (second.stdout, second.stderr[-3000:])
    assert "digest: mailed 1 digest to 1 recipient" in second.stdout
    assert len(received) == 1
    message = email.message_from_bytes(received[0].as_bytes(), policy=email.policy.default)
    assert message["To"] == RECIPIENT and "11x" in message.get_body(("plain",)).get_content()
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT status, attempts, last_error, message_id FROM outbox").fetchall()
    con.close()
    assert len(rows) == queued
    assert all(s == "sent" and a == 2 and e is None and m == message["Message-ID"] for s, a, e, m in rows), rows


# --- a bad configuration --------------------------------------------------------------------

@pytest.mark.parametrize("toml, named", [
    ('[fetch]\ntimeout = 3\n', "unknown key 'fetch.timeout'"),
    ('[[feeds]]\nname = "Old"\nurl = "ftp://example.com/feed.xml"\n', "'feeds.0.url'"),
    ('[warehouse\npath = "x.duckdb"\n', "not valid TOML"),
])
def test_cli_faults_bad_config_is_one_line_naming_the_key(tmp_path, toml, named):
    config = tmp_path / "claimwatch.toml"
    config.write_text(toml, encoding="utf-8")
    for args in (["run", "--config", str(config)], ["sql", "SELECT 1", "--config", str(config)]):
        done = run_cli(args, cwd=tmp_path, timeout=120)
        assert done.returncode == 1, (done.stdout, done.stderr[-3000:])
        line = one_error_line(done)
        assert "[E001]" in line and named in line and str(config) in line, line
    assert not (tmp_path / "claimwatch.duckdb").exists()


def test_cli_faults_missing_config_file_is_named(tmp_path):
    missing = tmp_path / "nowhere" / "claimwatch.toml"
    done = run_cli(["run", "--config", str(missing)], cwd=tmp_path, timeout=120)
    assert done.returncode == 1
    line = one_error_line(done)
    assert "[E001]" in line and str(missing) in line and "not found" in line, line
    assert not list(tmp_path.glob("*.duckdb"))
