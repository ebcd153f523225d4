"""Parquet export: every table, date partitions, re-export replaces."""

from __future__ import annotations

from datetime import datetime, timezone

import duckdb
import pytest

from claimwatch.records import Claim, Extraction
from claimwatch.records import Article
from claimwatch.warehouse import connect, export_parquet, save_articles, save_extractions, start_run


def _article(n, published):
    return Article(f"a{n}", f"https://x.example/{n}", f"t{n}", "src", published, "en", f"text {n}")


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "w.duckdb"
    con = connect(path)
    save_articles(con, [_article(1, datetime(2025, 3, 1, 23, 30, tzinfo=timezone.utc)),
                        _article(2, datetime(2025, 3, 2, 8, tzinfo=timezone.utc)),
                        _article(3, None)])
    claim = Claim("a1", "11x", "arr", 1e7, 1e7, 1e7, "USD", "company", "s", "$10M", 0, 3)
    save_extractions(con, [Extraction("a1", "en", claims=[claim])], "v1")
    start_run(con, "run")
    con.close()
    return path


def test_export_writes_every_table_partitioned_by_date(path, tmp_path):
    out = tmp_path / "out"
    con = connect(path, read_only=True)
    files = export_parquet(con, out)
    assert all(f.is_file() and f.suffix == ".parquet" for f in files)
    assert {p.name for p in (out / "articles").iterdir()} == {
        "published_date=2025-03-01", "published_date=2025-03-02",
        "published_date=__HIVE_DEFAULT_PARTITION__"}
    assert (out / "feeds.parquet").is_file() and (out / "companies.parquet").is_file()
    assert (out / "claims").is_dir() and (out / "runs").is_dir()
    tables = [r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'").fetchall()]
    for table in tables:
        assert (out / table).is_dir() or (out / f"{table}.parquet").is_file(), table
    con.close()
    check = duckdb.connect()
    rows = check.execute(f"""SELECT article_id, published_date FROM read_parquet(
        '{out}/articles/*/*.parquet', hive_partitioning = true) ORDER BY article_id""").fetchall()
    assert [(a, str(d)) for a, d in rows] == [("a1", "2025-03-01"), ("a2", "2025-03-02"), ("a3", "None")]
    claims = check.execute(f"SELECT company, value FROM read_parquet('{out}/claims/*/*.parquet')").fetchall()
    assert claims == [("11x", 1e7)]


def test_export_again_replaces_previous_files(path, tmp_path):
    out = tmp_path / "out"
    con = connect(path)
    first = export_parquet(con, out)
    save_articles(con, [_article(4, datetime(2025, 3, 2, tzinfo=timezone.utc))])
    second = export_parquet(con, out)
    con.close()
    assert len(second) == len(first)
    n = duckdb.connect().execute(
        f"SELECT count(*) FROM read_parquet('{out}/articles/*/*.parquet')").fetchall()[0][0]
    assert n == 4
