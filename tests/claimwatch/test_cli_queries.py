"""The read commands (sql, timeline, contradictions, export) over a real warehouse file."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from claimwatch.cli import main
from claimwatch.records import Claim, CompanyMention, Extraction
from claimwatch.records import Article
from claimwatch.warehouse import connect, save_articles, save_extractions
from claimwatch.warehouse.detect import detect_contradictions


def _claim(article_id: str, value: float, by: str, sentence: str) -> Claim:
    return Claim(article_id=article_id, company="11x", metric="arr", value=value, value_low=value,
                 value_high=value, unit="USD", claimed_by=by, sentence=sentence, quantity_text="$",
                 sentence_index=1, char_start=10)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "w.duckdb"
    con = connect(path)
    stories = [("a1", "2024-10-15", 10e6, "company", "11x says it has $10M in ARR."),
               ("a2", "2025-03-24", 3e6, "reporter", "Documents put 11x's ARR at $3M.")]
    for article_id, day, value, by, sentence in stories:
        save_articles(con, [Article(article_id=article_id, url=f"https://news.example/{article_id}",
                                    title=sentence, source="Example News",
                                    published_at=datetime.fromisoformat(day).replace(tzinfo=timezone.utc),
                                    language="en", text=sentence)])
        save_extractions(con, [Extraction(article_id=article_id, language="en",
                                          companies=[CompanyMention("11x", "11x", True)],
                                          claims=[_claim(article_id, value, by, sentence)])], "test")
    assert detect_contradictions(con) == 1
    con.close()
    return path


def test_cli_timeline_lists_claims_in_date_order(db, capsys):
    assert main(["timeline", "11X", "--db", str(db), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["value"], r["claimed_by"]) for r in rows] == [(10e6, "company"), (3e6, "reporter")]
    assert main(["timeline", "Nobody", "--db", str(db)]) == 1


def test_cli_contradictions_shows_explanation_naming_both_sources(db, capsys):
    assert main(["contradictions", "--db", str(db), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "11x" in out and "$10M" in out and "$3M" in out and "2024-10-15" in out and "2025-03-24" in out
    assert main(["contradictions", "--company", "Acme", "--db", str(db)]) == 0
    assert "no open contradictions for Acme" in capsys.readouterr().out


def test_cli_sql_is_read_only(db, capsys):
    assert main(["sql", "select count(*) as n from claims", "--db", str(db), "--format", "csv"]) == 0
    assert capsys.readouterr().out.split() == ["n", "2"]
    assert main(["sql", "delete from claims", "--db", str(db)]) == 1
    assert "E009" in capsys.readouterr().err
    assert main(["sql", "select count(*) from claims", "--db", str(db), "--format", "csv"]) == 0
    assert capsys.readouterr().out.split()[-1] == "2"


def test_cli_export_writes_parquet_partitions(db, tmp_path, capsys):
    out = tmp_path / "export"
    assert main(["export", "--db", str(db), "--out", str(out)]) == 0
    assert "Parquet files" in capsys.readouterr().out
    import duckdb
    n = duckdb.connect().execute(f"select count(*) from read_parquet('{out.as_posix()}/claims/**/*.parquet', "
                                 "hive_partitioning = true)").fetchall()[0][0]
    assert n == 2
