"""The daily flow end to end: real HTTP feeds, a real DuckDB file, a real Prefect run, real SMTP."""

from __future__ import annotations

import email
import email.policy

import duckdb
import pytest

from claimwatch.flows.daily import daily_flow


def table_counts(path) -> dict[str, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0]
                for t in ("articles", "claims", "contradictions", "outbox", "runs")}
    finally:
        con.close()


def test_daily_flow_fills_warehouse_mails_once_and_is_idempotent(prefect_harness, tmp_path, feed_server,
                                                                  smtp_server, write_config):
    base_url, _ = feed_server
    port, received = smtp_server
    config_path = write_config(tmp_path, base_url, port, extra_feeds="""
[[feeds]]
name = "Dead feed"
url = "{base}/missing.xml"
""".replace("{base}", base_url))

    first = daily_flow(config_path=str(config_path))
    assert first["feeds_ok"] == 2 and first["feeds_failed"] == 1
    assert "Dead feed" in first["failed_feeds"][0]
    assert first["status"] == "partial"
    assert first["articles_new"] >= 10
    assert first["claims_new"] > 0
    assert first["contradictions_new"] >= 1

    counts = table_counts(tmp_path / "cw.duckdb")
    con = duckdb.connect(str(tmp_path / "cw.duckdb"), read_only=True)
    companies = {r[0] for r in con.execute(
        "select company from contradictions").fetchall()}
    con.close()
    assert "11x" in companies

    assert len(received) == 1
    message = email.message_from_bytes(received[0].as_bytes(), policy=email.policy.default)
    assert message.get_content_type() == "multipart/alternative"
    assert message["To"] == "analyst@example.com"
    kinds = [part.get_content_type() for part in message.iter_parts()]
    assert kinds == ["text/plain", "text/html"]
    assert "11x" in message.get_body(("plain",)).get_content()

    second = daily_flow(config_path=str(config_path))
    assert second["articles_new"] == 0
    assert second["claims_new"] == 0
    assert second["contradictions_new"] == 0
    after = table_counts(tmp_path / "cw.duckdb")
    assert {k: v for k, v in after.items() if k != "runs"} == {k: v for k, v in counts.items() if k != "runs"}
    assert after["runs"] == counts["runs"] + 1
    assert len(received) == 1, "the second run must not mail anything old"


def test_daily_flow_without_smtp_writes_the_digest_file(prefect_harness, tmp_path, feed_server, write_config):
    base_url, _ = feed_server
    config_path = write_config(tmp_path, base_url, None)
    summary = daily_flow(config_path=str(config_path))
    files = sorted((tmp_path / "digests").glob("*.html"))
    assert files, summary["digest"]
    assert str(files[0].name) in summary["digest"] or str(tmp_path / "digests") in summary["digest"]
    con = duckdb.connect(str(tmp_path / "cw.duckdb"), read_only=True)
    run = con.execute("select status, feeds_ok, articles_new, digest_status from runs").fetchall()
    con.close()
    assert run[0][0] == "ok" and run[0][1] == 2 and run[0][2] == summary["articles_new"]
