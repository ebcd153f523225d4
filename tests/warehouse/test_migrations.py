"""Migrations: each applied once, in its own transaction, recorded with it."""

from __future__ import annotations

import duckdb
import pytest

import claimwatch.warehouse.migrations as migrations
from claimwatch.warehouse import connect


def _recorded(con):
    return con.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()


def test_migrations_each_applied_once_and_reopen_applies_nothing(tmp_path, monkeypatch):
    calls = []
    wrapped = []
    for fn in migrations.MIGRATIONS:
        def run(con, fn=fn):
            calls.append(fn.__name__)
            fn(con)
        run.__name__ = fn.__name__
        wrapped.append(run)
    monkeypatch.setattr(migrations, "MIGRATIONS", wrapped)
    path = tmp_path / "w.duckdb"
    con = connect(path)
    names = [fn.__name__ for fn in wrapped]
    assert calls == names
    assert _recorded(con) == list(enumerate(names, start=1))
    con.close()
    con = connect(path)
    assert calls == names  # nothing ran again
    assert migrations.migrate(con) == []
    assert _recorded(con) == list(enumerate(names, start=1))
    con.close()


def test_migrations_failing_migration_rolls_back_and_is_not_recorded(tmp_path, monkeypatch):
    path = tmp_path / "w.duckdb"
    connect(path).close()
    shipped = list(migrations.MIGRATIONS)

    def m900_broken(con):
        con.execute("CREATE TABLE half_done (a INTEGER)")
        con.execute("ALTER TABLE claims ADD COLUMN half_column VARCHAR")
        raise RuntimeError("bug in migration")

    monkeypatch.setattr(migrations, "MIGRATIONS", shipped + [m900_broken])
    with pytest.raises(RuntimeError, match="bug in migration"):
        connect(path)
    con = duckdb.connect(str(path))
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert "half_done" not in tables and "claims" in tables
    columns = {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'claims'").fetchall()}
    assert "half_column" not in columns
    assert [v for v, _ in _recorded(con)] == list(range(1, len(shipped) + 1))
    con.close()

    def m900_fixed(con):
        con.execute("CREATE TABLE half_done (a INTEGER)")

    monkeypatch.setattr(migrations, "MIGRATIONS", shipped + [m900_fixed])
    con = connect(path)
    assert _recorded(con)[-1] == (len(shipped) + 1, "m900_fixed")
    con.close()


def test_migrations_schema_has_core_tables_and_views(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"feeds", "articles", "extractions", "companies", "company_aliases", "claims", "disputes",
            "contradictions", "outbox", "runs", "company_timeline", "open_contradictions"} <= tables
    con.close()


def test_migrations_tracked_by_name_so_an_inserted_one_runs_and_none_repeats(tmp_path, monkeypatch):
    path = tmp_path / "w.duckdb"
    connect(path).close()
    shipped = list(migrations.MIGRATIONS)
    calls = []

    def m050_inserted_early(con):
        calls.append("m050")
        con.execute("CREATE TABLE inserted_early (a INTEGER)")

    # Someone inserts a migration before the shipped ones: the shipped ones must not run again.
    monkeypatch.setattr(migrations, "MIGRATIONS", [m050_inserted_early] + shipped)
    con = connect(path)
    assert calls == ["m050"]
    assert _recorded(con)[-1] == (len(shipped) + 1, "m050_inserted_early")
    assert migrations.migrate(con) == []
    con.close()


def test_migrations_duplicate_names_refused(tmp_path, monkeypatch):
    shipped = list(migrations.MIGRATIONS)
    monkeypatch.setattr(migrations, "MIGRATIONS", shipped + [shipped[0]])
    with pytest.raises(ValueError, match="duplicate migration names"):
        connect(tmp_path / "w.duckdb")


def test_migrations_company_alias_keys_rekeyed_with_the_shared_key(tmp_path, monkeypatch):
    path = tmp_path / "w.duckdb"
    shipped = list(migrations.MIGRATIONS)
    monkeypatch.setattr(migrations, "MIGRATIONS", [m for m in shipped if m.__name__ < "m006"])
    con = connect(path)
    con.execute("INSERT INTO company_aliases VALUES ('voxly.ai', 'Voxly.ai'), ('voxly ltd', 'Voxly.ai'), "
                "('brightpath, inc.', 'Brightpath')")
    con.close()
    monkeypatch.setattr(migrations, "MIGRATIONS", shipped)
    con = connect(path)
    assert dict(con.execute("SELECT alias, company FROM company_aliases").fetchall()) == {
        "voxly ai": "Voxly.ai", "voxly": "Voxly.ai", "brightpath": "Brightpath"}
def test_migrations_m005_adds_published_precision_to_an_older_warehouse(tmp_path, monkeypatch):
    path = tmp_path / "w.duckdb"
    before = [m for m in migrations.MIGRATIONS if m.__name__ != "m005_article_published_precision"]
    monkeypatch.setattr(migrations, "MIGRATIONS", before)
    con = connect(path)
    con.execute("INSERT INTO articles (article_id, title, source, published_at, text, content_hash, "
                "first_seen_at) VALUES ('old', 't', 's', TIMESTAMPTZ '2024-05-01 10:00:00+00', 'x', 'h', now())")
    con.close()
    monkeypatch.undo()
    con = connect(path)
    names = [name for _, name in _recorded(con)]
    assert names.count("m005_article_published_precision") == 1
    assert con.execute("SELECT published_precision FROM articles WHERE article_id = 'old'").fetchall() == [(None,)]
    con.execute("UPDATE articles SET published_precision = 'month' WHERE article_id = 'old'")
    con.close()
