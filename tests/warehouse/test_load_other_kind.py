"""claims.other_kind: stored by save_extractions, added by m004 to an older schema, shown by timelines."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import duckdb

from claimwatch.cli import main
from claimwatch.records import Article, Claim, CompanyMention, Extraction
from claimwatch.warehouse import company_timeline, connect, save_articles, save_extractions
from claimwatch.warehouse.migrations import m001_initial, m002_views, m004_claim_other_kind

T0 = datetime(2025, 5, 2, tzinfo=timezone.utc)


def _claim(metric, value, unit, char_start, other_kind):
    return Claim(article_id="o1", company="Orderly", metric=metric, value=value, value_low=value,
                 value_high=value, unit=unit, claimed_by="company",
                 sentence="Orderly says its assistant takes 91% of orders with no person.",
                 quantity_text=str(value), sentence_index=1, char_start=char_start,
                 other_kind=other_kind)


def _store(path):
    con = connect(path)
    save_articles(con, [Article("o1", "https://news.example/orderly", "Orderly's drive-in AI",
                                "newswire", T0, "en", "text")])
    save_extractions(con, [Extraction("o1", "en", [CompanyMention("Orderly", "Orderly", True)], [
        _claim("automation_rate", 91.0, "percent", 10, "orders"),
        _claim("other", 4200.0, "count", 50, "reservations"),
        _claim("revenue", 2e6, "USD", 90, None),
    ])], "v-test")
    return con


def test_load_other_kind_stored_and_in_timeline(tmp_path):
    con = _store(tmp_path / "w.duckdb")
    stored = con.execute("SELECT metric, other_kind FROM claims ORDER BY char_start").fetchall()
    assert stored == [("automation_rate", "orders"), ("other", "reservations"), ("revenue", None)]
    columns, rows = company_timeline(con, "orderly")
    assert columns.index("other_kind") == columns.index("metric") + 1
    kinds = {r[columns.index("metric")]: r[columns.index("other_kind")] for r in rows}
    assert kinds == {"automation_rate": "orders", "other": "reservations", "revenue": None}
    con.close()


def test_load_other_kind_shown_by_cli_timeline(tmp_path, capsys):
    _store(tmp_path / "w.duckdb").close()
    assert main(["timeline", "Orderly", "--db", str(tmp_path / "w.duckdb"), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {(r["metric"], r["other_kind"]) for r in rows} == {
        ("automation_rate", "orders"), ("other", "reservations"), ("revenue", None)}
    assert main(["timeline", "Orderly", "--db", str(tmp_path / "w.duckdb")]) == 0
    assert "reservations" in capsys.readouterr().out


def test_load_other_kind_migration_adds_column_to_older_schema():
    con = duckdb.connect()
    m001_initial(con)
    m002_views(con)
    assert "other_kind" not in [r[0] for r in con.execute("DESCRIBE claims").fetchall()]
    m004_claim_other_kind(con)
    assert "other_kind" in [r[0] for r in con.execute("DESCRIBE claims").fetchall()]
    assert "other_kind" in [r[0] for r in con.execute("DESCRIBE company_timeline").fetchall()]
    con.close()
