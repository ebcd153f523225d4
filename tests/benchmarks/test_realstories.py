"""The development-set benchmark: a clear row when the set is absent; URL mapping of article ids."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from benchmarks import realstories
from claimwatch.warehouse.db import connect


def test_realstories_absent_folder_gives_one_clear_row(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMWATCH_SHARED_BENCHMARKS", str(tmp_path))
    rows = realstories.run()
    assert len(rows) == 1
    assert rows[0]["measure"].startswith("not available")
    assert "stories.jsonl" in rows[0]["note"]


def test_realstories_export_maps_article_ids_back_through_urls(tmp_path):
    db = tmp_path / "w.duckdb"
    con = connect(db)
    now = datetime(2025, 3, 1, tzinfo=timezone.utc)
    for aid, url in (("a1", "https://news.example/one?utm_source=x"), ("a2", "https://news.example/two")):
        con.execute("INSERT INTO articles (article_id, url, title, source, published_at, language, text, "
                    "content_hash, first_seen_at) VALUES (?, ?, 't', 's', ?, 'en', 'x', ?, ?)",
                    [aid, url, now, aid, now])
    con.execute("INSERT INTO contradictions (contradiction_id, company, metric, kind, claim_article_id, "
                "contradicting_article_id, claimed_value, reported_value, unit, severity, explanation, "
                "detected_at) VALUES ('k1', 'Quillon', 'arr', 'numeric', 'a1', 'a2', 10, 3, 'USD', 0.7, "
                "'e', ?)", [now])
    con.close()
    stories = [{"id": "story-one", "url": "https://news.example/one?utm_source=x"},
               {"id": "story-two", "url": "https://news.example/two"}]
    rows = realstories.export_contradictions(db, stories)
    assert [(r["claim_article_id"], r["contradicting_article_id"]) for r in rows] == [("story-one", "story-two")]
    assert json.loads(json.dumps(rows[0], default=str))["claimed_value"] == 10
