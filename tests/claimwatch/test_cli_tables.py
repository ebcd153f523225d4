"""The read commands as a terminal shows them: compact views fitted to the width, --wide,
CSV without a trailing blank line, JSON as one array, dates as written. Real DuckDB files."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone

import pytest

from claimwatch.cli import build_parser, main
from claimwatch.records import Article, Claim, CompanyMention, Extraction
from claimwatch.warehouse import connect, save_articles, save_extractions
from claimwatch.warehouse.detect import detect_contradictions

LONG_SOURCE = "The Extraordinarily Long-Named Quarterly Business Review of Northern Europe"


def _claim(article_id: str, value: float, by: str, sentence: str) -> Claim:
    return Claim(article_id=article_id, company="Quorvane Analytics", metric="arr", value=value, value_low=value,
                 value_high=value, unit="USD", claimed_by=by, sentence=sentence, quantity_text="$",
                 sentence_index=1, char_start=10)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "w.duckdb"
    con = connect(path)
    stories = [("q1", "2024-11-04T08:00:00+00:00", "time", "Wire", 20e6, "company",
                "Quorvane Analytics says its ARR passed $20M."),
               ("q2", "2025-05-01T00:00:00+00:00", "month", LONG_SOURCE, 6e6, "reporter",
                "Filings put Quorvane Analytics' ARR near $6M."),
               ("q3", "2025-01-01T00:00:00+00:00", "year", "Revue annuelle", 5e6, "reporter",
                "Selon des documents, l'ARR de Quorvane Analytics avoisine 5 M$.")]
    for article_id, when, precision, source, value, by, sentence in stories:
        save_articles(con, [Article(article_id=article_id, url=f"https://news.example/{article_id}",
                                    title=sentence, source=source, published_at=datetime.fromisoformat(when),
                                    published_precision=precision, language="en", text=sentence)])
        save_extractions(con, [Extraction(article_id=article_id, language="en",
                                          companies=[CompanyMention("Quorvane Analytics", "Quorvane Analytics")],
                                          claims=[_claim(article_id, value, by, sentence)])], "test")
    assert detect_contradictions(con) == 2
    con.close()
    return path


def test_cli_tables_contradictions_compact_view_fits_the_terminal(db, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["contradictions", "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["company", "metric", "claimed", "reported", "kind", "claimed", "on", "reported",
                                "on", "source"]
    assert all(len(line) <= 80 for line in lines[:-1]), [len(line) for line in lines]
    body = "\n".join(lines[2:-1])
    assert "$20M" in body and "$6M" in body and "$5M" in body and "numeric" in body
    assert "2025-05" in body and "2024-11-04" in body and "2025 " in body + " "  # dates as written
    assert "2025-05-01" not in body and "2025-01-01" not in body
    assert "…" in body  # the long source name was cut to fit
    assert lines[-1].startswith("(2 rows")


def test_cli_tables_contradictions_wide_csv_and_json_have_every_column(db, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["contradictions", "--db", str(db), "--wide"]) == 0
    wide = capsys.readouterr().out
    assert "contradiction_id" in wide and "explanation" in wide and max(len(x) for x in wide.splitlines()) > 80
    assert main(["contradictions", "--db", str(db), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert isinstance(rows, list) and len(rows) == 2
    by_source = {r["report_source"]: r for r in rows}
    assert by_source[LONG_SOURCE]["report_published"] == "2025-05"
    assert by_source[LONG_SOURCE]["report_published_precision"] == "month"
    assert by_source["Revue annuelle"]["report_published"] == "2025"
    assert by_source["Revue annuelle"]["claim_published"] == "2024-11-04"
    assert main(["contradictions", "--db", str(db), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    table = list(csv.DictReader(io.StringIO(out)))
    assert len(table) == 2 and set(table[0]) == set(rows[0])


def test_cli_tables_timeline_compact_shows_dates_as_written(db, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    assert main(["timeline", "quorvane analytics", "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["metric", "figure", "period"]
    assert all(len(line) <= 100 for line in lines)
    month_row = next(line for line in lines if "$6M" in line)
    assert " 2025-05 " in f"{month_row} " and "2025-05-01" not in month_row
    year_row = next(line for line in lines if "$5M" in line)
    assert year_row.rstrip().endswith("2025") and "2025-01-01" not in year_row
    assert main(["timeline", "quorvane analytics", "--db", str(db), "--wide"]) == 0
    assert "claim_id" in capsys.readouterr().out


def test_cli_tables_sql_csv_is_header_and_rows_only(db, capsys):
    assert main(["sql", "select article_id, source from articles order by article_id", "--db", str(db),
                 "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.endswith("\n") and not out.endswith("\n\n")
    assert out.splitlines() == ["article_id,source", "q1,Wire", f"q2,{LONG_SOURCE}", "q3,Revue annuelle"]
    assert out.splitlines()[-1] == "q3,Revue annuelle"  # what `| tail -n 1` gets


def test_cli_tables_help_says_json_is_one_array(capsys):
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name in ("sql", "contradictions", "timeline"):
        text = " ".join(sub.choices[name].format_help().split())
        assert "one array of objects" in text, name
    assert "--wide" in sub.choices["timeline"].format_help()
