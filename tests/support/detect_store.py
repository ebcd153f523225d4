"""Helpers for the detection tests: a real warehouse file and direct inserts (no test here)."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timezone

from claimwatch.warehouse.db import connect
from claimwatch.warehouse.detect import detect_contradictions


def _id(*parts) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


class Store:
    """A warehouse in a temp file with helpers that insert articles, claims and disputes."""

    def __init__(self, path):
        self.con = connect(path)
        self._n = 0

    def article(self, source: str, day: str, language: str = "en") -> str:
        self._n += 1
        aid = _id("article", self._n, source, day)
        published = datetime.fromisoformat(day).replace(hour=12, tzinfo=timezone.utc)
        self.con.execute(
            "INSERT INTO articles (article_id, url, title, source, published_at, language, text, "
            "content_hash, first_seen_at) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?)",
            [aid, f"https://example.com/{aid}", f"story {self._n}", source, published, language,
             aid, published])
        return aid

    def claim(self, article: str, company: str, metric: str, value: float, unit: str = "USD", *,
              by: str = "company", low: float | None = None, high: float | None = None,
              hedge: str | None = None, period: str | None = None, as_of: date | None = None,
              forecast: bool = False, sentence: str | None = None, pos: int = 0,
              language: str = "en", other_kind: str | None = None) -> str:
        published = self.con.execute("SELECT published_at FROM articles WHERE article_id = ?",
                                     [article]).fetchone()[0]
        cid = _id("claim", article, pos, company, metric, value)
        low = value if low is None and hedge not in ("up_to", "less_than") else low
        high = value if high is None and hedge not in ("more_than", "at_least") else high
        self.con.execute(
            "INSERT INTO claims (claim_id, article_id, company, metric, value, value_low, "
            "value_high, unit, claimed_by, is_forecast, hedge, period, as_of, sentence, "
            "quantity_text, sentence_index, char_start, language, extractor_version, "
            "published_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, 'test', ?, now())",
            [cid, article, company, metric, value, low, high, unit, by, forecast, hedge, period,
             as_of, sentence or f"{company} {metric} {value}", str(value), pos, pos, language,
             published])
        if other_kind is not None:  # the descriptor column of migration m004, when present
            self.ensure_other_kind()
            self.con.execute("UPDATE claims SET other_kind = ? WHERE claim_id = ?", [other_kind, cid])
        return cid

    def ensure_other_kind(self) -> None:
        columns = {r[0] for r in self.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'claims'").fetchall()}
        if "other_kind" not in columns:
            self.con.execute("ALTER TABLE claims ADD COLUMN other_kind VARCHAR")

    def dispute(self, article: str, company: str, cue: str, sentence: str,
                metric: str | None = None, index: int = 0) -> str:
        published = self.con.execute("SELECT published_at FROM articles WHERE article_id = ?",
                                     [article]).fetchone()[0]
        did = _id("dispute", article, company, index)
        self.con.execute(
            "INSERT INTO disputes VALUES (?, ?, ?, ?, ?, ?, ?, 'en', 'test', ?, now())",
            [did, article, company, metric, cue, sentence, index, published])
        return did

    def detect(self, **kwargs) -> int:
        return detect_contradictions(self.con, **kwargs)

    def rows(self, kind: str | None = None) -> list[dict]:
        cur = self.con.execute("SELECT * FROM contradictions WHERE ? IS NULL OR kind = ? "
                               "ORDER BY company, kind, detected_at", [kind, kind])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]
