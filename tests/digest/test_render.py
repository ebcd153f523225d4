"""Rendering: subject, sections, bars, escaping, file output, dry runs."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

from claimwatch.digest import send_digests
from claimwatch.digest.message import build_message, header_safe
from claimwatch.digest.render import build_subject, format_value, render_digest, safe_url
from claimwatch.warehouse import outbox

NOW = datetime(2026, 11, 29, 7, 0, tzinfo=timezone.utc)


def test_render_subject_counts_and_plurals():
    day = date(2026, 11, 29)
    assert build_subject({"contradictions": 2, "claims": 14}, day) == \
        "claimwatch: 2 new contradictions, 14 new claims, 29 Nov"
    assert build_subject({"contradictions": 1, "disputes": 1, "claims": 1}, day,
                         {"contradictions": ["11x"], "disputes": ["A", "B", "C"]}) == \
        "claimwatch: 1 new contradiction (11x), 1 new dispute (A, B, +1), 1 new claim, 29 Nov"
    assert build_subject({}, day) == "claimwatch: all quiet, 29 Nov"


def test_render_format_value_and_safe_url():
    assert format_value(10e6, "USD") == "$10M"
    assert format_value(2.5e9, "EUR") == "€2.5B"
    assert format_value(75, "percent", 70, 80, "range") == "70–80%"
    assert format_value(1200, "count", hedge="more_than") == "more than 1,200"
    assert format_value(3e6, "USD", hedge="about") == "about $3M"
    assert format_value(3e6, "CHF") == "CHF 3M"
    assert safe_url("https://techcrunch.com/x?a=1") == "https://techcrunch.com/x?a=1"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "//evil.com/x",
                "https://a.com/\nx", "http://a.com/\"onmouseover=x", "ftp://a.com/f", None, ""):
        assert safe_url(bad) is None, bad


def test_render_figures_read_the_same_in_explanations_and_the_digest():
    from claimwatch.figures import format_figure

    for args in ((10e6, "USD", None, None, None), (3e6, "USD", None, None, "about"),
                 (75, "percent", 70, 80, "range"), (4e9, "EUR", 4e9, None, "more_than")):
        value, unit, low, high, hedge = args
        assert format_value(value, unit, low, high, hedge) == format_figure(value, low, high, hedge, unit)


def test_render_sections_in_order_with_both_figures_and_sources(con, rows):
    rows.contradiction("11x", "arr", 10e6, 3e6, explanation="11x advertised $10M ARR; reporting found ~$3M.")
    rows.contradiction("Builder.ai", "customers", kind="dispute", claimed=None, reported=None, cue="fabricated")
    art = rows.article("Mistral raises", url="https://lemonde.fr/mistral")
    rows.claim(art, "Mistral AI", "valuation", 6e9, "EUR")
    rows.claim(art, "Mistral AI", "employees", 600, "count", claimed_by="reporter")  # not notable
    items = outbox.candidate_items(con, "a@example.com")
    digest = render_digest(items, recipient="a@example.com", day=date(2026, 11, 29))
    assert digest.counts == {"contradictions": 1, "disputes": 1, "claims": 3, "unconfirmed": 0}
    # 3 claims: 11x's own $10M, the reporter's $3M ARR, Mistral's valuation; not the employee count
    html, text = digest.html, digest.text
    positions = [html.index(h) for h in ("New contradictions", "New disputes", "Notable new claims")]
    assert positions == sorted(positions)
    assert text.index("NEW CONTRADICTIONS") < text.index("NEW DISPUTES") < text.index("NOTABLE NEW CLAIMS")
    for out in (html, text):
        assert "$10M" in out and "$3M" in out and "€6B" in out
        assert "https://example.com/claim" in out and "https://example.com/report" in out
        assert "28 Nov 2026" in out and "fabricated" in out
        assert "employees" not in out.lower()
    bars = re.findall(r"width:(\d+)%", html)
    assert "100" in bars and "30" in bars  # $10M full width, $3M at 30%
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "max-width:640px" in html


def test_render_claims_capped_and_counted(con, rows):
    art = rows.article()
    for i in range(5):
        rows.claim(art, f"Company{i}", "funding", (i + 1) * 1e6)
    items = outbox.candidate_items(con, "a@example.com")
    digest = render_digest(items, recipient="a@example.com", day=date(2026, 11, 29), max_claims=2)
    assert digest.counts["claims"] == 5
    assert "and 3 more notable claims not shown" in digest.text
    assert digest.html.count("Funding: $") == 2


def test_render_hostile_text_is_inert(con, rows):
    evil = "Evil\r\nBcc: evil@x"
    art = rows.article("<script>alert('t')</script>", source="<b>Feed</b>", url="javascript:alert(1)")
    rows.claim(art, evil, "revenue", 1e6, sentence="<script>steal()</script> <a href='javascript:x'>click</a>")
    rows.contradiction(evil, "revenue", 5e6, 1e6, explanation="<img src=x onerror=alert(1)>",
                       report_article=art)
    items = outbox.candidate_items(con, "a@example.com")
    digest = render_digest(items, recipient="a@example.com", day=date(2026, 11, 29))
    html = digest.html
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "<img" not in html and "&lt;img" in html
    assert "javascript:" not in html.replace("&#39;javascript:x&#39;", "")  # only inside escaped quote text
    assert 'href="javascript' not in html and "href='javascript" not in html
    assert "<b>Feed</b>" not in html
    assert "\r" not in digest.subject and "\n" not in digest.subject
    message = build_message(digest, sender="claimwatch@example.org", recipient="a@example.com", now=NOW)
    raw = bytes(message)
    assert b"\nBcc:" not in raw and b"\r\nBcc:" not in raw
    assert message["Bcc"] is None
    assert "Evil Bcc: evil@x" in message["Subject"]
    assert header_safe("a\r\nb\x00c\u2028d") == "a b c d"


def test_render_message_is_multipart_alternative_text_first(con, rows):
    rows.contradiction("11x")
    digest = render_digest(outbox.candidate_items(con, "a@example.com"), recipient="a@example.com",
                           day=date(2026, 11, 29))
    message = build_message(digest, sender="claimwatch@example.org", recipient="a@example.com", now=NOW)
    assert message.get_content_type() == "multipart/alternative"
    parts = [p.get_content_type() for p in message.iter_parts()]
    assert parts == ["text/plain", "text/html"]
    assert message["Message-ID"].startswith("<") and message["Message-ID"].endswith("@example.org>")
    assert message["Date"] == "Sun, 29 Nov 2026 07:00:00 +0000"
    assert message["To"] == "a@example.com"


def test_render_writes_files_without_smtp_and_marks_sent(con, rows, cfg, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rows.contradiction("11x")
    report = send_digests(con, cfg(), now=NOW)
    [result] = report.results
    assert result.status == "written"
    assert result.path.name == "2026-11-29-analyst_example.com.html"
    assert result.path.with_suffix(".txt").read_text(encoding="utf-8").startswith("claimwatch: 1 new contradiction")
    assert report.summary == "written to digests/2026-11-29-analyst_example.com.html"
    states = {(r["status"], r["message_id"]) for r in outbox.outbox_rows(con)}
    assert states == {("sent", f"file:{result.path}")}
    again = send_digests(con, cfg(), now=NOW)
    assert [r.status for r in again.results] == ["nothing_new"]
    assert len(list((tmp_path / "digests").glob("*.html"))) == 1


def test_render_dry_run_leaves_outbox_untouched(con, rows, cfg, tmp_path):
    rows.contradiction("11x")
    out = tmp_path / "preview.html"
    report = send_digests(con, cfg(), now=NOW, dry_run_out=out)
    assert report.results[0].status == "written" and out.exists()
    assert "11x" in out.read_text(encoding="utf-8")
    assert outbox.outbox_rows(con) == []
    assert not (tmp_path / "digests").exists()


def test_render_quiet_mail_only_when_asked(con, cfg, tmp_path):
    assert send_digests(con, cfg(), now=NOW).results[0].status == "nothing_new"
    assert not (tmp_path / "digests").exists()
    report = send_digests(con, cfg(send_when_quiet=True), now=NOW)
    assert report.results[0].status == "written"
    assert "All quiet" in report.results[0].path.read_text(encoding="utf-8")
    # once per day
    assert send_digests(con, cfg(send_when_quiet=True), now=NOW).results[0].status == "nothing_new"


def test_render_watchlist_recipient_gets_only_their_companies(con, rows, cfg):
    rows.company("Builder.ai", aliases=["engineer.ai"])
    rows.company("Notion", is_ai=False)
    rows.contradiction("11x")
    rows.contradiction("Builder.ai", "revenue", 220e6, 55e6)
    art = rows.article("Notion story")
    rows.claim(art, "Notion", "revenue", 1e8)
    config = cfg(to=(), recipients=[{"email": "w@example.com", "companies": ["ENGINEER.AI"]},
                                    {"email": "ai@example.com", "ai_only": True},
                                    {"email": "all@example.com"}])
    report = send_digests(con, config, now=NOW)
    by = {r.recipient: r for r in report.results}
    watch_html = by["w@example.com"].path.read_text(encoding="utf-8")
    assert "Builder.ai" in watch_html and "11x" not in watch_html and "Notion" not in watch_html
    ai_html = by["ai@example.com"].path.read_text(encoding="utf-8")
    assert "Builder.ai" in ai_html and "11x" in ai_html and "Notion" not in ai_html
    assert "Notion" in by["all@example.com"].path.read_text(encoding="utf-8")
    assert by["w@example.com"].counts["contradictions"] == 1


def test_render_unwritable_out_dir_leaves_items_pending(con, rows, cfg, tmp_path):
    rows.contradiction("11x")
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the folder should be")
    report = send_digests(con, cfg(out_dir=str(blocker / "digests")), now=NOW)
    assert report.results[0].status == "pending"
    assert "cannot write the digest to" in report.summary and "items pending" in report.summary
    assert {r["status"] for r in outbox.outbox_rows(con)} == {"pending"}
    assert send_digests(con, cfg(), now=NOW).results[0].status == "written"


def test_render_dismissed_before_sending_is_skipped(con, rows, cfg):
    kid = rows.contradiction("11x")
    cfg_bad = cfg(**{"from": "not an address"})
    assert send_digests(con, cfg_bad, now=NOW).results[0].status == "pending"  # queued, not delivered
    con.execute("UPDATE contradictions SET status = 'dismissed' WHERE contradiction_id = ?", [kid])
    report = send_digests(con, cfg(), now=NOW)
    assert report.results[0].counts["contradictions"] == 0 and report.results[0].counts["claims"] == 2
    [row] = [r for r in outbox.outbox_rows(con) if r["item_id"] == kid]
    assert row["status"] == "sent" and row["message_id"] == "skipped"


def test_render_one_card_per_claim_lists_every_report(con, rows):
    claim = rows.article("Vellichor claims", source="Wire", url="https://wire.example/vellichor",
                         published=datetime(2025, 2, 3, 9, tzinfo=timezone.utc))
    english = rows.article("Vellichor's real numbers", source="Ledger", url="https://ledger.example/vellichor",
                           published=datetime(2025, 5, 6, 9, tzinfo=timezone.utc))
    french = rows.article("Les vrais chiffres de Vellichor", source="Le Registre",
                          url="https://registre.example/vellichor",
                          published=datetime(2025, 5, 9, 9, tzinfo=timezone.utc))
    rows.contradiction("Vellichor", "arr", 12e6, 4e6, claim_article=claim, report_article=english,
                       explanation="Vellichor claimed $12M; Ledger found $4M.")
    rows.contradiction("Vellichor", "arr", 12e6, 3e6, claim_article=claim, report_article=french,
                       explanation="Vellichor claimed $12M; Le Registre found $3M.")
    rows.contradiction("Quillet", "revenue", 8e6, 2e6, explanation="Quillet claimed $8M; reporting found $2M.")
    # the row builder stores the shared claim once per contradiction: keep one copy, as the warehouse does
    con.execute("DELETE FROM claims WHERE rowid NOT IN (SELECT min(rowid) FROM claims GROUP BY claim_id)")
    items = outbox.candidate_items(con, "a@example.com")
    digest = render_digest(items, recipient="a@example.com", day=date(2026, 11, 29))
    assert digest.counts["contradictions"] == 3
    html, text = digest.html, digest.text
    section = text[text.index("NEW CONTRADICTIONS"):text.index("NOTABLE NEW CLAIMS")]
    assert section.count("* Vellichor") == 1 and section.count("* Quillet") == 1
    card = section[section.index("* Vellichor"):section.index("* Quillet")] \
        if section.index("* Vellichor") < section.index("* Quillet") else section[section.index("* Vellichor"):]
    assert card.count("https://wire.example/vellichor") == 1  # the claim once
    assert "Report 1 ($4M): Ledger, 6 May 2025 <https://ledger.example/vellichor>" in card
    assert "Report 2 ($3M): Le Registre, 9 May 2025 <https://registre.example/vellichor>" in card
    assert html.count("Vellichor <span") == 1 and html.count("Quillet <span") == 1
    for url in ("https://ledger.example/vellichor", "https://registre.example/vellichor"):
        assert f'href="{url}"' in html
    assert "Report 1 · $4M" in html and "Report 2 · $3M" in html
    bars = re.findall(r"width:(\d+)%", html)
    assert {"100", "33", "25"} <= set(bars)  # $12M, $4M, $3M on one scale
    assert "Quillet claimed $8M; reporting found $2M." in text  # a single report keeps its explanation


def test_render_partial_dates_shown_as_written(con, rows):
    claim = rows.article("Dornveil claims", source="Wire", url="https://wire.example/dornveil",
                         published=datetime(2025, 2, 3, 9, tzinfo=timezone.utc))
    report = rows.article("Dornveil in review", source="Quarterly", url="https://quarterly.example/dornveil",
                          published=datetime(2025, 6, 1, tzinfo=timezone.utc))
    yearly = rows.article("Dornveil, the year", source="Annual", url="https://annual.example/dornveil",
                          published=datetime(2025, 1, 1, tzinfo=timezone.utc))
    con.execute("UPDATE articles SET published_precision = 'month' WHERE article_id = ?", [report])
    con.execute("UPDATE articles SET published_precision = 'year' WHERE article_id = ?", [yearly])
    rows.contradiction("Dornveil", "arr", 9e6, 2e6, claim_article=claim, report_article=report)
    rows.claim(yearly, "Dornveil", "funding", 5e6, published=datetime(2025, 1, 1, tzinfo=timezone.utc))
    items = outbox.candidate_items(con, "a@example.com")
    digest = render_digest(items, recipient="a@example.com", day=date(2026, 11, 29))
    for out in (digest.text, digest.html):
        assert "Jun 2025" in out
        assert "1 Jun 2025" not in out and "1 Jan 2025" not in out
    assert "Quarterly, Jun 2025" in digest.text and "Annual, 2025" in digest.text
    assert ", 2025</span>" in digest.html
