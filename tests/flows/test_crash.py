"""Crash safety end to end: `claimwatch run` killed with SIGKILL at each stage, then run again.

Real parts only: the CLI in a subprocess (its own Prefect home), feeds over HTTP from
127.0.0.1, mail to a real aiosmtpd server, DuckDB files. The kill comes from the
``claimwatch.faults.fault_point`` test hook (``$CLAIMWATCH_FAULT_AT``), which sends the
process SIGKILL at a named point: no cleanup runs, as after a power cut.

One chain of runs on one warehouse, each killed at the next stage (after ingest, after
the first extraction batch, after detection, after the SMTP server accepted the digest
but before the outbox recorded it), then one run to completion, must leave the same
warehouse as one clean run: same articles, claims, disputes, contradictions, outbox
items, and no alert mailed twice (a kill between "accepted" and "recorded" is resolved
at-most-once: the items become unconfirmed, are listed in the next digest's footer and
closed as sent, never resent automatically).
"""

from __future__ import annotations

import email
import email.policy
import signal
import socket
import subprocess
from pathlib import Path

import duckdb
import pytest

from tests.support.cli_process import run_cli
from tests.support.configs import write_sample_config
from tests.support.servers import serve_sample_feeds

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]


# --- real parts -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def feeds_url(tmp_path_factory):
    """The sample feeds over HTTP; shared, since article ids come from the URLs."""
    with serve_sample_feeds(tmp_path_factory.mktemp("www")) as url:
        yield url


class Mailbox:
    """A real SMTP server (aiosmtpd) on 127.0.0.1 keeping every message it accepts."""

    def __init__(self):
        from aiosmtpd.controller import Controller
        from aiosmtpd.handlers import Message

        received = self.received = []

        class Keep(Message):
            def handle_message(self, message):
                received.append(message)

        with socket.socket() as probe:  # aiosmtpd needs a concrete port (port=0 fails its check)
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.controller = Controller(Keep(), hostname="127.0.0.1", port=port)
        self.controller.start()
        self.port = port

    def messages(self) -> list[email.message.EmailMessage]:
        return [email.message_from_bytes(m.as_bytes(), policy=email.policy.default) for m in self.received]

    def close(self):
        self.controller.stop()


def write_config(folder: Path, feeds_url: str, smtp_port: int) -> Path:
    # batch_size 1 -> extraction batches of 4 articles, so a kill can land between batches.
    return write_sample_config(folder, feeds_url, smtp_port=smtp_port, extra="[extract]\nbatch_size = 1\n")


# --- reading the warehouse ----------------------------------------------------------------

def snapshot(db: Path) -> dict:
    """What a run must leave behind, as sets of stable ids (and the outbox states)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        def ids(sql: str) -> set:
            return {row if len(row) > 1 else row[0] for row in con.execute(sql).fetchall()}
        return {
            "articles": ids("SELECT article_id FROM articles"),
            "urls": ids("SELECT url FROM articles"),
            "extracted": ids("SELECT article_id FROM extractions"),
            "claims": ids("SELECT claim_id FROM claims"),
            "disputes": ids("SELECT dispute_id FROM disputes"),
            "contradictions": ids("SELECT contradiction_id FROM contradictions"),
            "companies": ids("SELECT company FROM companies"),
            "outbox": ids("SELECT recipient, item_kind, item_id FROM outbox"),
            "outbox_status": ids("SELECT status, count(*) FROM outbox GROUP BY status"),
            "runs": con.execute("SELECT status FROM runs ORDER BY started_at").fetchall(),
            "duplicates": con.execute("""
                SELECT (SELECT count(*) - count(DISTINCT article_id) FROM articles)
                     + (SELECT count(*) - count(DISTINCT url) FROM articles)
                     + (SELECT count(*) - count(DISTINCT claim_id) FROM claims)
                     + (SELECT count(*) - count(DISTINCT contradiction_id) FROM contradictions)
                     + (SELECT count(*) - count(DISTINCT (recipient, item_kind, item_id)) FROM outbox)
            """).fetchone()[0],
        }
    finally:
        con.close()


def unconfirmed_notes(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT item_kind, item_id, status, last_error FROM outbox "
                           "WHERE last_error LIKE 'unconfirmed%'").fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory, feeds_url):
    """One uninterrupted run: the reference every crashed-and-resumed warehouse must equal."""
    folder = tmp_path_factory.mktemp("clean")
    mailbox = Mailbox()
    try:
        config = write_config(folder, feeds_url, mailbox.port)
        done = run_cli(["run", "--config", str(config)], cwd=folder, prefect_home=folder / "prefect")
        assert done.returncode == 0, done.stderr[-3000:]
        state = snapshot(folder / "cw.duckdb")
        state["mails"] = mailbox.messages()
    finally:
        mailbox.close()
    assert state["articles"] and state["claims"] and state["contradictions"], state
    assert len(state["mails"]) == 1
    return state


def killed(result: subprocess.CompletedProcess, point: str) -> bool:
    return result.returncode == -signal.SIGKILL and f"fault injected at {point}" in result.stderr


# --- the test -------------------------------------------------------------------------------

def test_crash_killed_at_every_stage_then_rerun_equals_one_clean_run(tmp_path, feeds_url, clean_run):
    mailbox = Mailbox()
    try:
        config = write_config(tmp_path, feeds_url, mailbox.port)
        db = tmp_path / "cw.duckdb"
        home = tmp_path / "prefect"
        args = ["run", "--config", str(config)]

        # 1. Killed right after the new articles were saved (feed state not yet recorded).
        first = run_cli(args, cwd=tmp_path, prefect_home=home, fault="after-ingest")
        assert killed(first, "after-ingest"), (first.returncode, first.stderr[-3000:])
        state = snapshot(db)
        assert state["articles"] == clean_run["articles"]
        assert not state["extracted"] and not state["claims"]

        # 2. The rerun refetches (no feed state), stores nothing twice, and is killed after
        #    the first extraction batch was saved.
        second = run_cli(args, cwd=tmp_path, prefect_home=home, fault="mid-extract")
        assert killed(second, "mid-extract"), (second.returncode, second.stderr[-3000:])
        state = snapshot(db)
        assert state["articles"] == clean_run["articles"]
        assert 0 < len(state["extracted"]) < len(clean_run["articles"])
        assert state["claims"] and state["claims"] <= clean_run["claims"]
        assert not state["contradictions"]

        # 3. Extraction resumes where it stopped; killed once contradictions are detected.
        third = run_cli(args, cwd=tmp_path, prefect_home=home, fault="after-detect")
        assert killed(third, "after-detect"), (third.returncode, third.stderr[-3000:])
        state = snapshot(db)
        assert state["extracted"] == clean_run["articles"]
        assert state["claims"] == clean_run["claims"]
        assert state["contradictions"] == clean_run["contradictions"]
        assert not state["outbox"] and not mailbox.received

        # 4. Killed after the SMTP server accepted the digest, before the outbox recorded it.
        fourth = run_cli(args, cwd=tmp_path, prefect_home=home, fault="digest-after-send")
        assert killed(fourth, "digest-after-send"), (fourth.returncode, fourth.stderr[-3000:])
        assert len(mailbox.received) == 1
        state = snapshot(db)
        assert state["outbox"] == clean_run["outbox"]
        assert state["outbox_status"] == {("sending", len(clean_run["outbox"]))}

        # 5. A run to completion.
        last = run_cli(args, cwd=tmp_path, prefect_home=home)
        assert last.returncode == 0, last.stderr[-3000:]
    finally:
        mailbox.close()

    state = snapshot(db)
    for key in ("articles", "urls", "extracted", "claims", "disputes", "contradictions", "companies",
                "outbox"):
        assert state[key] == clean_run[key], key
    assert state["duplicates"] == 0
    assert state["outbox_status"] == clean_run["outbox_status"] == {("sent", len(clean_run["outbox"]))}
    assert [s for (s,) in state["runs"]] == ["interrupted"] * 4 + ["ok"]
    assert "contradictions: 0 new" in last.stdout and "articles: 0 new" in last.stdout

    # At most once: the alerts went out in the first mail only; the second mail sends no
    # alert again but says, in its footer, that they may not have arrived.
    mails = mailbox.messages()
    assert len(mails) == 2
    first_mail, notice = mails
    assert first_mail["Subject"] == clean_run["mails"][0]["Subject"]
    assert "new contradiction" in first_mail["Subject"]
    assert "new" not in notice["Subject"] and "all quiet" in notice["Subject"]
    text = notice.get_body(("plain",)).get_content()
    n = len(clean_run["outbox"])
    assert f"{n} alert{'s' if n > 1 else ''} from the previous run may not have arrived" in text
    notes = unconfirmed_notes(db)
    assert len(notes) == n
    assert all(status == "sent" and notice["Message-ID"] in error for _, _, status, error in notes)
