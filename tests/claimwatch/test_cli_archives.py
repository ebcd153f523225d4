"""Archives as users bring them: bad lines skipped and named (or --strict), partial dates,
extract's tolerance, and the counted noun of --quantities. Real processes, real DuckDB files."""

from __future__ import annotations

import json

import duckdb
import pytest

from claimwatch.cli import main
from tests.support.cli_process import run_cli

GOOD = [
    {"id": "g1", "url": "https://wire.example/tallowby-arr", "title": "Tallowby passes a milestone",
     "published": "2025-01-14T09:00:00Z", "source": "Wire",
     "text": "Tallowby, a Porto startup that automates invoices, said its annual recurring revenue reached $8 million."},
    {"id": "g2", "url": "https://review.example/tallowby-docs", "title": "Inside Tallowby",
     "published": "2025-06", "source": "Monthly Review",
     "text": "Documents seen by Monthly Review put Tallowby's annual recurring revenue at $2 million."},
    {"id": "g3", "url": "https://hebdo.example/tallowby", "title": "Tallowby recrute",
     "published": "juin 2025", "source": "Hebdo", "language": "fr",
     "text": "Tallowby emploie désormais 45 salariés à Porto."},
]


def _archive(path, bad: bool = True):
    lines = [json.dumps(GOOD[0]), "{oops", json.dumps(GOOD[1]), json.dumps({"title": "no text"}),
             json.dumps(GOOD[2])] if bad else [json.dumps(g) for g in GOOD]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _count(db, table: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def test_cli_archives_strict_import_stops_at_the_first_bad_line_storing_nothing(tmp_path):
    archive = _archive(tmp_path / "news.jsonl")
    db = tmp_path / "w.duckdb"
    done = run_cli(["import", str(archive), "--strict", "--db", str(db)], cwd=tmp_path, timeout=300)
    assert done.returncode == 1, done.stderr[-2000:]
    assert f"[E005] {archive}, line 2: invalid JSON" in done.stderr
    assert "line 4" not in done.stderr  # the first bad line stops it
    assert not db.exists() or _count(db, "articles") == 0


@pytest.mark.slow
def test_cli_archives_import_keeps_good_lines_names_bad_ones_and_exits_3(tmp_path):
    archive = _archive(tmp_path / "news.jsonl")
    db = tmp_path / "w.duckdb"
    first = run_cli(["import", str(archive), "--db", str(db)], cwd=tmp_path)
    assert first.returncode == 3, (first.stdout, first.stderr[-3000:])
    assert f"skipped {archive}, line 2: invalid JSON" in first.stderr
    assert f"skipped {archive}, line 4: 'text' is missing or empty" in first.stderr
    assert "lines skipped: 2" in first.stdout and "articles: 3 new" in first.stdout
    assert _count(db, "articles") == 3
    con = duckdb.connect(str(db), read_only=True)
    precisions = dict(con.execute("SELECT url, published_precision FROM articles").fetchall())
    con.close()
    assert precisions == {GOOD[0]["url"]: "time", GOOD[1]["url"]: "month", GOOD[2]["url"]: "month"}
    again = run_cli(["import", str(archive), "--db", str(db)], cwd=tmp_path)
    assert again.returncode == 3 and "articles: 0 new" in again.stdout
    assert _count(db, "articles") == 3
    timeline = run_cli(["timeline", "Tallowby", "--db", str(db), "--format", "json"], cwd=tmp_path, timeout=120)
    rows = json.loads(timeline.stdout)
    assert {r["published"] for r in rows} >= {"2025-01-14", "2025-06"}


def test_cli_archives_extract_skips_bad_lines_on_stderr_and_exits_3(tmp_path):
    archive = _archive(tmp_path / "news.jsonl")
    done = run_cli(["extract", str(archive)], cwd=tmp_path, timeout=300)
    assert done.returncode == 3, done.stderr[-2000:]
    claims = [json.loads(line) for line in done.stdout.splitlines()]
    ids = {c["article_id"] for c in claims}
    assert "g1" in ids and len(ids) >= 2 and ids <= {"g1", "g2", "g3"}  # lines after the bad ones too
    assert f"skipped {archive}, line 2: invalid JSON" in done.stderr
    assert f"skipped {archive}, line 4: 'text' is missing or empty" in done.stderr
    assert "2 bad lines skipped" in done.stderr
    clean = run_cli(["extract", str(_archive(tmp_path / "clean.jsonl", bad=False))], cwd=tmp_path, timeout=300)
    assert clean.returncode == 0 and clean.stderr == ""


def test_cli_archives_quantities_name_the_counted_noun_in_the_singular(tmp_path, capsys):
    archive = tmp_path / "counts.jsonl"
    archive.write_text("\n".join(json.dumps(line) for line in [
        {"id": "e", "title": "Hollin grows",
         "text": "Hollin now has 3 employees, sells 12 solutions and serves 140 companies in 2 countries."},
        {"id": "f", "title": "Brisquet s'agrandit", "language": "fr",
         "text": "Brisquet compte 80 salariés répartis dans 6 bureaux et sert 1 200 clients."},
    ]) + "\n", encoding="utf-8")
    assert main(["extract", "--quantities", str(archive)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    nouns = {(r["article_id"], r["value"]): r["noun"] for r in rows if r["unit"] == "count"}
    assert nouns == {("e", 3): "employee", ("e", 12): "solution", ("e", 140): "company", ("e", 2): "country",
                     ("f", 80): "salarié", ("f", 6): "bureau", ("f", 1200): "client"}
    assert all(r["noun"] is None for r in rows if r["unit"] != "count")
