"""Delivery over a real aiosmtpd server on 127.0.0.1: once, retried after refusals, with AUTH."""

from __future__ import annotations

import email
import email.policy
import logging
from datetime import datetime, timedelta, timezone

import pytest

from claimwatch.errors import DeliveryError
from claimwatch.digest import send_digests
from claimwatch.digest.deliver import send_message
from claimwatch.digest.message import build_message
from claimwatch.digest.render import render_digest
from claimwatch.warehouse import outbox

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")

NOW = datetime(2026, 11, 29, 7, 0, tzinfo=timezone.utc)


def _parse(received):
    return email.message_from_bytes(received.content, policy=email.policy.default)


def _statuses(con):
    return sorted((r["item_kind"], r["status"]) for r in outbox.outbox_rows(con))


def test_deliver_multipart_to_the_right_recipient_and_once(con, rows, cfg, smtp_server):
    rows.contradiction("11x")
    report = send_digests(con, cfg(smtp_server.port), now=NOW)
    assert report.summary == "mailed 1 digest to 1 recipient"
    assert [r.status for r in report.results] == ["sent"]
    [received] = smtp_server.messages
    assert received.rcpt_tos == ["analyst@example.com"]
    assert received.mail_from == "claimwatch@example.org"
    msg = _parse(received)
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert "11x" in msg.get_body(("plain",)).get_content()
    assert "$10M" in msg.get_body(("html",)).get_content()
    assert msg["Subject"].startswith("claimwatch: 1 new contradiction (11x)")
    assert msg["Message-ID"] == report.results[0].message_id
    assert {r["status"] for r in outbox.outbox_rows(con)} == {"sent"}

    # a second run has nothing old to send; a new item goes alone
    assert send_digests(con, cfg(smtp_server.port), now=NOW).results[0].status == "nothing_new"
    assert len(smtp_server.messages) == 1
    art = rows.article("New funding", url="https://example.com/new")
    rows.claim(art, "Mistral AI", "funding", 6e8, "EUR")
    send_digests(con, cfg(smtp_server.port), now=NOW + timedelta(days=1))
    assert len(smtp_server.messages) == 2
    second = _parse(smtp_server.messages[1]).get_body(("plain",)).get_content()
    assert "Mistral AI" in second and "11x" not in second


def test_deliver_stopped_server_then_up_gives_exactly_one_delivery(con, rows, cfg, smtp_server):
    rows.contradiction("11x")
    rows.contradiction("Builder.ai", "revenue", 220e6, 55e6)
    smtp_server.stop()
    report = send_digests(con, cfg(smtp_server.port), now=NOW)
    [result] = report.results
    assert result.status == "pending" and "connection refused" in result.error
    assert report.summary.startswith("smtp refused: cannot connect to 127.0.0.1:")
    assert report.summary.endswith("; 6 items pending")  # 2 contradictions + 4 claims
    rows_after = outbox.outbox_rows(con)
    assert {(r["status"], r["attempts"]) for r in rows_after} == {("pending", 1)}
    assert all("connection refused" in r["last_error"] for r in rows_after)
    smtp_server.start()
    report = send_digests(con, cfg(smtp_server.port), now=NOW + timedelta(hours=1))
    assert report.results[0].status == "sent"
    send_digests(con, cfg(smtp_server.port), now=NOW + timedelta(hours=2))
    assert len(smtp_server.messages) == 1
    text = _parse(smtp_server.messages[0]).get_body(("plain",)).get_content()
    assert "11x" in text and "Builder.ai" in text
    assert {r["status"] for r in outbox.outbox_rows(con)} == {"sent"}


@pytest.mark.parametrize("stage", ["rcpt", "data"])
def test_deliver_554_refusal_then_accept(con, rows, cfg, smtp_server, stage):
    rows.contradiction("11x")
    setattr(smtp_server.handler, f"refuse_{stage}", 1)
    report = send_digests(con, cfg(smtp_server.port), now=NOW)
    assert report.results[0].status == "pending"
    assert "554" in report.results[0].error and not report.ok
    assert smtp_server.messages == []
    assert {r["status"] for r in outbox.outbox_rows(con)} == {"pending"}
    report = send_digests(con, cfg(smtp_server.port), now=NOW + timedelta(hours=1))
    assert report.results[0].status == "sent"
    assert send_digests(con, cfg(smtp_server.port), now=NOW + timedelta(hours=2)).results[0].status == \
        "nothing_new"
    assert len(smtp_server.messages) == 1


def test_deliver_auth_with_credentials_from_environment(con, rows, cfg, auth_smtp_server, monkeypatch, caplog):
    rows.contradiction("11x")
    config = cfg(auth_smtp_server.port)
    monkeypatch.setenv("CLAIMWATCH_SMTP_USERNAME", "alice")
    monkeypatch.setenv("CLAIMWATCH_SMTP_PASSWORD", "wrong-pass")
    caplog.set_level(logging.DEBUG)
    report = send_digests(con, config, now=NOW)
    assert report.results[0].status == "pending"
    assert "smtp refused login at 127.0.0.1" in report.summary and "535" in report.summary
    for secret in ("wrong-pass", "alice"):
        assert secret not in report.summary and secret not in caplog.text
    assert auth_smtp_server.messages == []
    assert {r["status"] for r in outbox.outbox_rows(con)} == {"pending"}

    monkeypatch.setenv("CLAIMWATCH_SMTP_PASSWORD", "s3cret-pass")
    report = send_digests(con, config, now=NOW + timedelta(hours=1))
    assert report.results[0].status == "sent"
    assert len(auth_smtp_server.messages) == 1
    assert "s3cret-pass" not in caplog.text


def test_deliver_auth_required_without_credentials_stays_pending(con, rows, cfg, auth_smtp_server, monkeypatch):
    monkeypatch.delenv("CLAIMWATCH_SMTP_USERNAME", raising=False)
    monkeypatch.delenv("CLAIMWATCH_SMTP_PASSWORD", raising=False)
    rows.contradiction("11x")
    report = send_digests(con, cfg(auth_smtp_server.port), now=NOW)
    assert report.results[0].status == "pending" and "530" in report.results[0].error


def test_deliver_hostile_text_arrives_inert(con, rows, cfg, smtp_server):
    evil = "Evil\r\nBcc: evil@x"
    art = rows.article("<script>alert(1)</script>", url="javascript:alert(document.cookie)")
    rows.contradiction(evil, "revenue", 5e6, 1e6, explanation="<script>x()</script>", report_article=art)
    send_digests(con, cfg(smtp_server.port), now=NOW)
    [received] = smtp_server.messages
    assert received.rcpt_tos == ["analyst@example.com"]
    msg = _parse(received)
    assert msg["Bcc"] is None and "evil@x" not in (msg["To"] or "")
    assert "\n" not in msg["Subject"] and "Evil Bcc: evil@x" in msg["Subject"]
    html = msg.get_body(("html",)).get_content()
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "javascript:" not in html


def test_deliver_watchlist_recipients_get_their_own_mail(con, rows, cfg, smtp_server):
    rows.contradiction("11x")
    rows.contradiction("Builder.ai", "revenue", 220e6, 55e6)
    config = cfg(smtp_server.port, to=("all@example.com",),
                 recipients=[{"email": "w@example.com", "companies": ["builder.AI"]}])
    report = send_digests(con, config, now=NOW)
    assert report.summary == "mailed 2 digests to 2 recipients"
    by = {m.rcpt_tos[0]: _parse(m).get_body(("plain",)).get_content() for m in smtp_server.messages}
    assert set(by) == {"all@example.com", "w@example.com"}
    assert "11x" not in by["w@example.com"] and "Builder.ai" in by["w@example.com"]
    assert "11x" in by["all@example.com"]


def test_deliver_interrupted_send_is_not_repeated_but_reported(con, rows, cfg, smtp_server):
    """A run killed between the SMTP call and recording 'sent' leaves rows 'sending'."""
    rows.contradiction("11x")
    recipient = "analyst@example.com"
    # what a run does right before the SMTP call, then it dies
    items = outbox.candidate_items(con, recipient)
    outbox.enqueue_new_items(con, recipient, items, now=NOW)
    outbox.mark_sending(con, recipient, [i.key for i in items], "<old@example.org>", now=NOW)
    art = rows.article("Later", url="https://example.com/later")
    rows.claim(art, "Mistral AI", "funding", 6e8, "EUR")
    report = send_digests(con, cfg(smtp_server.port), now=NOW + timedelta(hours=1))
    assert report.results[0].counts["unconfirmed"] == 3 and report.results[0].counts["contradictions"] == 0
    text = _parse(smtp_server.messages[0]).get_body(("plain",)).get_content()
    assert "3 alerts from the previous run may not have arrived" in text
    assert "contradiction: 11x, ARR" in text and "Mistral AI" in text
    assert "NEW CONTRADICTIONS" not in text
    noted = [r for r in outbox.outbox_rows(con) if r["message_id"] == "<old@example.org>"]
    assert len(noted) == 3 and all(r["status"] == "sent" and "unconfirmed" in r["last_error"] for r in noted)
    assert send_digests(con, cfg(smtp_server.port), now=NOW + timedelta(hours=2)).results[0].status == \
        "nothing_new"
    assert len(smtp_server.messages) == 1


def test_deliver_resend_date_sends_that_days_items_again(con, rows, cfg, smtp_server):
    rows.contradiction("11x")
    send_digests(con, cfg(smtp_server.port), now=NOW)
    report = send_digests(con, cfg(smtp_server.port), now=NOW + timedelta(days=2))
    assert report.results[0].status == "nothing_new"
    sent_day = outbox.outbox_rows(con)[0]["sent_at"].astimezone(timezone.utc).date()
    report = send_digests(con, cfg(smtp_server.port), now=NOW + timedelta(days=2), resend_date=sent_day)
    assert report.results[0].status == "sent"
    assert len(smtp_server.messages) == 2
    assert _parse(smtp_server.messages[1])["Subject"].startswith("claimwatch (resent): 1 new contradiction")
    other = send_digests(con, cfg(smtp_server.port), now=NOW, resend_date=sent_day - timedelta(days=5))
    assert other.results[0].status == "nothing_new" and len(smtp_server.messages) == 2


def test_deliver_send_message_names_the_server_on_refusal(con, rows, cfg, smtp_server):
    rows.contradiction("11x")
    digest = render_digest(outbox.candidate_items(con, "a@example.com"), recipient="a@example.com",
                           day=NOW.date())
    msg = build_message(digest, sender="claimwatch@example.org", recipient="a@example.com", now=NOW)
    smtp_server.stop()
    with pytest.raises(DeliveryError, match=rf"127\.0\.0\.1:{smtp_server.port}"):
        send_message(msg, cfg(smtp_server.port).smtp, sender="claimwatch@example.org", recipient="a@example.com")


def test_deliver_starttls_required_but_not_offered(con, rows, cfg, smtp_server):
    rows.contradiction("11x")
    config = cfg(smtp_server.port)
    config = config.model_copy(update={"smtp": config.smtp.model_copy(update={"starttls": True})})
    report = send_digests(con, config, now=NOW)
    assert report.results[0].status == "pending" and "does not offer STARTTLS" in report.results[0].error
    assert smtp_server.messages == []
