"""The run log: start, finish, interrupted runs, newest first."""

from __future__ import annotations

import pytest

from claimwatch.errors import WarehouseError
from claimwatch.warehouse import connect, finish_run, last_runs, start_run


@pytest.fixture
def con(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    yield con
    con.close()


def test_runs_start_then_finish_records_outcome(con):
    run_id = start_run(con, "run")
    assert last_runs(con, 1)[0]["status"] == "running"
    finish_run(con, run_id, status="partial", feeds_ok=3, feeds_failed=1,
               failed_feeds=["lemonde: HTTP 503"], articles_new=12, claims_new=30,
               contradictions_new=2, digest_status="sent")
    run = last_runs(con, 1)[0]
    assert run["run_id"] == run_id
    assert (run["status"], run["feeds_ok"], run["feeds_failed"], run["failed_feeds"]) == (
        "partial", 3, 1, "lemonde: HTTP 503")
    assert (run["articles_new"], run["claims_new"], run["contradictions_new"]) == (12, 30, 2)
    assert run["digest_status"] == "sent" and run["error"] is None
    assert run["finished_at"] >= run["started_at"]


def test_runs_killed_run_marked_interrupted_by_next_start(tmp_path):
    path = tmp_path / "w.duckdb"
    con = connect(path)
    killed = start_run(con, "schedule")
    con.close()  # the process died: finish_run never ran
    con = connect(path)
    assert last_runs(con, 1)[0]["status"] == "running"
    fresh = start_run(con, "run")
    runs = {r["run_id"]: r for r in last_runs(con, 10)}
    assert runs[killed]["status"] == "interrupted" and runs[killed]["finished_at"] is None
    assert "stopped" in runs[killed]["error"]
    assert runs[fresh]["status"] == "running"
    con.close()


def test_runs_last_runs_newest_first_and_limited(con):
    ids = []
    for trigger in ("run", "import", "reprocess"):
        ids.append(start_run(con, trigger))
        finish_run(con, ids[-1], status="ok")
    assert [r["run_id"] for r in last_runs(con, 2)] == ids[::-1][:2]
    assert [r["trigger"] for r in last_runs(con, 10)] == ["reprocess", "import", "run"]


def test_runs_unknown_run_or_status_is_a_clear_error(con):
    with pytest.raises(WarehouseError, match="no run 'nope'"):
        finish_run(con, "nope", status="ok")
    run_id = start_run(con, "run")
    with pytest.raises(WarehouseError, match="unknown run status 'done'"):
        finish_run(con, run_id, status="done")
    assert last_runs(con, 1)[0]["status"] == "running"
