"""The digest outbox: once per recipient, state transitions, crash recovery, item queries."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from claimwatch.warehouse import outbox
from claimwatch.warehouse.db import connect

T0 = datetime(2026, 11, 28, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def con(tmp_path):
    connection = connect(tmp_path / "wh.duckdb")
    yield connection
    connection.close()


def _article(con, article_id, source="TechCrunch", url="https://example.com/a"):
    con.execute("INSERT INTO articles (article_id, url, title, source, published_at, text, content_hash, "
                "first_seen_at) VALUES (?, ?, 'T', ?, ?, 'x', 'h', ?)", [article_id, url, source, T0, T0])


def _claim(con, claim_id, article_id, company, metric, value, claimed_by="company", published=T0):
    con.execute("INSERT INTO claims (claim_id, article_id, company, metric, value, unit, claimed_by, sentence, "
                "quantity_text, sentence_index, char_start, extractor_version, published_at, created_at) "
                "VALUES (?, ?, ?, ?, ?, 'USD', ?, 's', 'q', 0, 0, 't', ?, ?)",
                [claim_id, article_id, company, metric, value, claimed_by, published, published])


def _contradiction(con, kid, company, claim_article, report_article, kind="numeric", status="open", severity=0.5):
    con.execute("INSERT INTO contradictions (contradiction_id, company, metric, kind, claim_article_id, "
                "contradicting_article_id, claimed_value, reported_value, unit, severity, explanation, status, "
                "detected_at) VALUES (?, ?, 'arr', ?, ?, ?, 10, 3, 'USD', ?, 'e', ?, ?)",
                [kid, company, kind, claim_article, report_article, severity, status, T0])


@pytest.fixture
def filled(con):
    _article(con, "a1")
    _article(con, "a2", source="Reuters")
    for name, is_ai in (("11x", True), ("Builder.ai", True), ("Notion", False)):
        con.execute("INSERT INTO companies VALUES (?, ?, ?)", [name, is_ai, T0])
    con.execute("INSERT INTO company_aliases VALUES ('engineer.ai', 'Builder.ai')")
    _claim(con, "c1", "a1", "11x", "arr", 10e6)
    _claim(con, "c2", "a2", "11x", "employees", 300, claimed_by="reporter")  # not notable
    _claim(con, "c3", "a2", "Notion", "revenue", 1e8, claimed_by="reporter", published=T0 + timedelta(hours=1))
    _claim(con, "c4", "a2", "Builder.ai", "users", 5, claimed_by="company")  # notable: the company says it
    _contradiction(con, "k1", "11x", "a1", "a2", severity=0.9)
    _contradiction(con, "k2", "Builder.ai", None, "a2", kind="dispute")
    _contradiction(con, "k3", "11x", "a1", "a2", status="dismissed")
    return con


def _keys(items):
    return [i.key for i in items]


def test_outbox_candidates_notable_open_and_ordered(filled):
    keys = _keys(outbox.candidate_items(filled, "r@x"))
    # most severe contradiction first, dismissed k3 and the employee count left out, newest claim first
    assert keys == [("contradiction", "k1"), ("dispute", "k2"), ("claim", "c3"), ("claim", "c1"), ("claim", "c4")]
    [k2] = [i for i in outbox.candidate_items(filled, "r@x") if i.key == ("dispute", "k2")]
    assert k2.claim_source is None and k2.report_source == "Reuters"


def test_outbox_candidates_filtered_by_watchlist_alias_and_ai(filled):
    wanted = outbox.resolve_companies(filled, ["ENGINEER.AI", "11X Inc"])
    assert {"builder.ai", "11x"} <= wanted
    keys = set(_keys(outbox.candidate_items(filled, "r@x", companies=wanted)))
    assert keys == {("contradiction", "k1"), ("dispute", "k2"), ("claim", "c1"), ("claim", "c4")}
    ai = set(_keys(outbox.candidate_items(filled, "r@x", ai_only=True)))
    assert ("claim", "c3") not in ai and ("claim", "c1") in ai
    config_alias = outbox.resolve_companies(filled, ["Lonely"], {"lonely": "Notion"})
    assert _keys(outbox.candidate_items(filled, "r@x", companies=config_alias)) == [("claim", "c3")]


def test_outbox_enqueue_once_per_recipient_ever(filled):
    items = outbox.candidate_items(filled, "r@x")
    assert outbox.enqueue_new_items(filled, "r@x", items, now=T0) == 5
    assert outbox.enqueue_new_items(filled, "r@x", items, now=T0) == 0
    assert outbox.candidate_items(filled, "r@x") == []
    assert len(outbox.candidate_items(filled, "other@x")) == 5
    keys = outbox.pending_items(filled, "r@x")
    outbox.mark_sending(filled, "r@x", keys, "<m1@x>", now=T0)
    outbox.mark_sent(filled, "r@x", keys, T0)
    assert outbox.enqueue_new_items(filled, "r@x", items, now=T0) == 0
    assert outbox.pending_items(filled, "r@x") == []


def test_outbox_state_transitions(filled):
    outbox.enqueue_new_items(filled, "r@x", outbox.candidate_items(filled, "r@x"), now=T0)
    keys = outbox.pending_items(filled, "r@x")
    outbox.mark_sending(filled, "r@x", keys[:2], "<m1@x>", now=T0)
    rows = {(r["item_kind"], r["item_id"]): r for r in outbox.outbox_rows(filled, "r@x")}
    assert {rows[k]["status"] for k in keys[:2]} == {"sending"} and rows[keys[0]]["message_id"] == "<m1@x>"
    assert outbox.pending_items(filled, "r@x") == keys[2:]
    outbox.mark_failed(filled, "r@x", keys[:2], "smtp refused: 554")
    rows = {(r["item_kind"], r["item_id"]): r for r in outbox.outbox_rows(filled, "r@x")}
    assert rows[keys[0]]["status"] == "pending" and rows[keys[0]]["attempts"] == 1
    assert rows[keys[0]]["last_error"] == "smtp refused: 554" and rows[keys[0]]["message_id"] is None
    outbox.mark_sending(filled, "r@x", keys, "<m2@x>", now=T0)
    outbox.mark_sent(filled, "r@x", keys, T0 + timedelta(minutes=1))
    rows = outbox.outbox_rows(filled, "r@x")
    assert {r["status"] for r in rows} == {"sent"} and {r["message_id"] for r in rows} == {"<m2@x>"}
    assert max(r["attempts"] for r in rows) == 2 and all(r["last_error"] is None for r in rows)


def test_outbox_interrupted_sending_becomes_unconfirmed_then_noted(filled):
    outbox.enqueue_new_items(filled, "r@x", outbox.candidate_items(filled, "r@x"), now=T0)
    keys = outbox.pending_items(filled, "r@x")
    outbox.mark_sending(filled, "r@x", keys[:1], "<m1@x>", now=T0)
    assert outbox.resolve_interrupted(filled, started_before=T0 - timedelta(hours=1)) == 0  # not older
    assert outbox.resolve_interrupted(filled, started_before=T0 + timedelta(hours=1)) == 1
    assert outbox.unconfirmed_items(filled, "r@x") == keys[:1]
    assert keys[0] not in outbox.pending_items(filled, "r@x")  # never resent automatically
    outbox.mark_noted(filled, "r@x", keys[:1], "<m2@x>")
    [row] = [r for r in outbox.outbox_rows(filled, "r@x") if (r["item_kind"], r["item_id"]) == keys[0]]
    assert row["status"] == "sent" and row["message_id"] == "<m1@x>"
    assert row["last_error"] == "unconfirmed; listed in the footer of <m2@x>"
    assert outbox.unconfirmed_items(filled, "r@x") == []


def test_outbox_sent_items_on_a_day_and_load_items(filled):
    outbox.enqueue_new_items(filled, "r@x", outbox.candidate_items(filled, "r@x"), now=T0)
    keys = outbox.pending_items(filled, "r@x")
    outbox.mark_sent(filled, "r@x", keys[:2], datetime(2026, 11, 29, 23, 30, tzinfo=timezone.utc))
    assert outbox.sent_items_on(filled, "r@x", date(2026, 11, 29)) == keys[:2]
    assert outbox.sent_items_on(filled, "r@x", date(2026, 11, 30), "Europe/Paris") == keys[:2]
    assert outbox.sent_items_on(filled, "r@x", date(2026, 11, 28)) == []
    loaded = outbox.load_items(filled, keys + [("claim", "missing"), ("quiet", "2026-11-29")])
    assert sorted(_keys(loaded)) == sorted(keys)
