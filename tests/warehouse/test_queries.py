"""Read-side queries: the read-only SQL gate, output formats, timelines, contradictions."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone

import pytest

from claimwatch.errors import ReadOnlyQueryError, WarehouseError
from claimwatch.records import Claim, CompanyMention, Extraction
from claimwatch.records import Article
from claimwatch.warehouse import (
    company_timeline, connect, counts, format_rows, open_contradictions, resolve_company, run_sql,
    save_aliases, save_articles, save_extractions,
)

T0 = datetime(2025, 3, 1, tzinfo=timezone.utc)
T1 = datetime(2025, 3, 24, tzinfo=timezone.utc)


def _claim(article_id, company, metric, value, char_start, claimed_by="company"):
    return Claim(article_id=article_id, company=company, metric=metric, value=value,
                 value_low=value, value_high=value, unit="USD", claimed_by=claimed_by,
                 sentence=f"{company} {metric} is {value}.", quantity_text=str(value),
                 sentence_index=0, char_start=char_start)


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "w.duckdb"
    con = connect(path)
    save_articles(con, [
        Article("a1", "https://tc.example/11x", "11x raises", "techcrunch", T0, "en", "t1"),
        Article("a2", "https://tc.example/11x-2", "11x inflated", "techcrunch", T1, "en", "t2"),
    ])
    save_extractions(con, [
        Extraction("a1", "en", [CompanyMention("11x", "11x Inc.", True)],
                   [_claim("a1", "11x", "arr", 10e6, 5)]),
        Extraction("a2", "en", [CompanyMention("11x", "11x")],
                   [_claim("a2", "11x", "arr", 3e6, 9, "reporter"),
                    _claim("a2", "Other Co", "revenue", 1e6, 40)]),
    ], "v1")
    save_aliases(con, {"Eleven X": "11x"})
    con.execute("""INSERT INTO contradictions (contradiction_id, company, metric, kind, claim_id,
                       claim_article_id, contradicting_article_id, claimed_value, reported_value,
                       unit, severity, explanation, status, detected_at)
                   VALUES ('k1', '11x', 'arr', 'numeric', NULL, 'a1', 'a2', 10e6, 3e6, 'USD', 0.7,
                           'claimed $10M ARR, reported $3M', 'open', now()),
                          ('k2', 'Other Co', 'revenue', 'numeric', NULL, 'a2', 'a2', 1, 2, 'USD',
                           0.9, 'x', 'dismissed', now())""")
    con.close()
    return path


@pytest.fixture
def ro(path):
    con = connect(path, read_only=True)
    yield con
    con.close()


@pytest.mark.parametrize("query", [
    "DELETE FROM claims", "DROP TABLE claims", "UPDATE runs SET status = 'ok'",
    "INSERT INTO feeds VALUES ('a','b',NULL,NULL,NULL,NULL,NULL,NULL,NULL)",
    "WITH x AS (SELECT 1) DELETE FROM claims", "SELECT 1; DROP TABLE claims",
    "COPY claims TO '/tmp/x.csv'", "ATTACH 'other.duckdb'", "SET threads = 1", "CHECKPOINT",
    "EXPLAIN ANALYZE DELETE FROM claims", "PRAGMA enable_profiling", "CREATE TABLE t (a INT)",
])
def test_queries_run_sql_refuses_writes(path, query):
    with pytest.raises(ReadOnlyQueryError):
        run_sql(path, query)
    con = connect(path, read_only=True)
    assert con.execute("SELECT count(*) FROM claims").fetchall() == [(3,)]
    con.close()


def test_queries_run_sql_refuses_writes_even_on_a_writable_connection(path):
    con = connect(path)
    with pytest.raises(ReadOnlyQueryError, match="DELETE"):
        run_sql(con, "delete from claims")
    assert con.execute("SELECT count(*) FROM claims").fetchall() == [(3,)]
    con.close()


@pytest.mark.parametrize("query", [
    "SELECT count(*) FROM claims", "WITH c AS (SELECT * FROM claims) SELECT count(*) FROM c",
    "SHOW TABLES", "DESCRIBE claims", "SUMMARIZE claims", "FROM claims SELECT count(*)",
    "EXPLAIN SELECT 1", "PRAGMA table_info('claims')",
])
def test_queries_run_sql_accepts_reads(ro, query):
    columns, rows = run_sql(ro, query)
    assert columns and rows


def test_queries_run_sql_params_and_errors(path):
    columns, rows = run_sql(path, "SELECT company, value FROM claims WHERE value > ? ORDER BY value",
                            [2e6])
    assert columns == ["company", "value"] and rows == [("11x", 3e6), ("11x", 10e6)]
    with pytest.raises(WarehouseError, match="query failed: .*no_such_table"):
        run_sql(path, "SELECT * FROM no_such_table")
    with pytest.raises(ReadOnlyQueryError, match="cannot parse"):
        run_sql(path, "SELEC 1")
    with pytest.raises(WarehouseError, match="no warehouse"):
        run_sql(path.parent / "missing.duckdb", "SELECT 1")


def test_queries_format_table_aligned_and_truncated():
    text = format_rows(["name", "value"], [("a" * 100, 1500000.0), ("b", None), ("line\nbreak", 2)],
                       "table")
    lines = text.splitlines()
    assert lines[0].startswith("name") and lines[-1] == "(3 rows)"
    assert "a" * 59 + "…" in lines[2] and "a" * 61 not in text
    assert lines[2].endswith("1,500,000") and lines[4].endswith("2")
    assert len({len(line) for line in lines[2:5:2]}) == 1  # right-aligned numbers line up
    assert "line break" in text


def test_queries_format_csv_and_json_round_trip():
    when = datetime(2025, 3, 1, 12, tzinfo=timezone.utc)
    columns, rows = ["company", "at", "note"], [("11x, Inc.", when, 'say "hi"'), ("b", None, None)]
    parsed = list(csv.reader(io.StringIO(format_rows(columns, rows, "csv"))))
    assert parsed == [columns, ["11x, Inc.", "2025-03-01T12:00:00+00:00", 'say "hi"'], ["b", "", ""]]
    data = json.loads(format_rows(columns, rows, "json"))
    assert data == [{"company": "11x, Inc.", "at": "2025-03-01T12:00:00+00:00", "note": 'say "hi"'},
                    {"company": "b", "at": None, "note": None}]
    with pytest.raises(WarehouseError, match="unknown output format 'xml'"):
        format_rows(columns, rows, "xml")


def test_queries_company_timeline_case_and_alias_insensitive(ro):
    for name in ("11x", "11X", "11x Inc.", "eleven x"):
        columns, rows = company_timeline(ro, name)
        assert [r[columns.index("value")] for r in rows] == [10e6, 3e6], name
    assert company_timeline(ro, "Nobody")[1] == []
    assert resolve_company(ro, "ELEVEN X") == "11x"
    assert resolve_company(ro, "other co") == "Other Co"
    assert resolve_company(ro, "Robert'); DROP TABLE claims;--") is None


def test_queries_open_contradictions_and_counts(ro):
    columns, rows = open_contradictions(ro)
    assert [r[columns.index("contradiction_id")] for r in rows] == ["k1"]
    assert rows[0][columns.index("report_url")] == "https://tc.example/11x-2"
    assert open_contradictions(ro, "11X INC")[1] == rows
    assert open_contradictions(ro, "Other Co")[1] == []
    n = counts(ro)
    assert (n["articles"], n["claims"], n["companies"], n["contradictions"],
            n["open_contradictions"]) == (2, 3, 2, 2, 1)
