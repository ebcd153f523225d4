"""How contradiction detection scales: synthetic claims bulk-loaded through Arrow.

``python -m benchmarks.detection_scale``. Sizes: 1k, 10k and 100k articles' worth (5 claims an
article, one company per 10 articles) and 1M claims. Each size is timed twice: the first
detection (everything new) and a second one (idempotent, nothing new). The growth ratio is
(time ratio) / (size ratio) between consecutive sizes: about 1 means linear.
"""

from __future__ import annotations

import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pyarrow as pa

from claimwatch.warehouse.db import connect
from claimwatch.warehouse.detect import detect_contradictions

__all__ = ["run", "synthetic_tables"]

CLAIMS_PER_ARTICLE = 5
ARTICLES_PER_COMPANY = 10
_METRICS = [("arr", "USD"), ("revenue", "USD"), ("valuation", "USD"), ("funding", "USD"),
            ("customers", "count"), ("employees", "count"), ("churn", "percent"),
            ("revenue", "EUR")]
_START = datetime(2023, 1, 1, tzinfo=timezone.utc)


def synthetic_tables(n_claims: int, seed: int = 7) -> tuple[pa.Table, pa.Table]:
    """(articles, claims) Arrow tables: noisy, growing figures, 30% company-claimed."""
    rng = np.random.default_rng(seed)
    n_articles = max(1, n_claims // CLAIMS_PER_ARTICLE)
    n_companies = max(1, n_articles // ARTICLES_PER_COMPANY)
    days = rng.integers(0, 730, n_articles)
    published = [_START + timedelta(days=int(d), hours=9) for d in days]
    art_ids = [f"a{i:09d}" for i in range(n_articles)]
    articles = pa.table({
        "article_id": art_ids, "url": [f"https://news.example/{a}" for a in art_ids],
        "title": ["synthetic"] * n_articles,
        "source": [f"Outlet {i}" for i in rng.integers(0, 40, n_articles)],
        "published_at": pa.array(published, pa.timestamp("us", tz="UTC")),
        "language": ["en"] * n_articles, "text": ["synthetic"] * n_articles,
        "content_hash": art_ids, "first_seen_at": pa.array(published, pa.timestamp("us", tz="UTC")),
    })
    article_of = np.repeat(np.arange(n_articles), CLAIMS_PER_ARTICLE)[:n_claims]
    company_of_article = rng.integers(0, n_companies, n_articles)
    company = company_of_article[article_of]
    metric_idx = rng.integers(0, len(_METRICS), n_claims)
    base = rng.lognormal(15, 1.5, (n_companies, len(_METRICS)))
    age_years = days[article_of] / 365.0
    value = base[company, metric_idx] * (1.6 ** age_years) * rng.lognormal(0, 0.25, n_claims)
    is_pct = np.array([_METRICS[m][1] == "percent" for m in metric_idx])
    value = np.where(is_pct, np.clip(value / base[company, metric_idx] * 10, 0, 100), value)
    value = np.round(value, 2)
    by = np.where(rng.random(n_claims) < 0.3, "company", "reporter")
    year = np.array([p.year for p in published])[article_of]
    period = [str(y) if r < 0.2 else None for y, r in zip(year, rng.random(n_claims))]
    pub = pa.array([published[a] for a in article_of], pa.timestamp("us", tz="UTC"))
    claims = pa.table({
        "claim_id": [f"c{i:010d}" for i in range(n_claims)],
        "article_id": [art_ids[a] for a in article_of],
        "company": [f"Company {c}" for c in company],
        "metric": [_METRICS[m][0] for m in metric_idx],
        "value": value, "value_low": value, "value_high": value,
        "unit": [_METRICS[m][1] for m in metric_idx],
        "claimed_by": by, "is_forecast": rng.random(n_claims) < 0.05,
        "period": pa.array(period, pa.string()),
        "sentence": ["Synthetic sentence."] * n_claims, "quantity_text": ["x"] * n_claims,
        "sentence_index": np.zeros(n_claims, dtype=np.int32),
        "char_start": np.arange(n_claims, dtype=np.int32) % 1000,
        "extractor_version": ["synthetic"] * n_claims,
        "published_at": pub, "created_at": pub,
    })
    return articles, claims


def _load(con, articles: pa.Table, claims: pa.Table) -> None:
    con.register("_bench_articles", articles)
    con.register("_bench_claims", claims)
    cols_a = ", ".join(articles.column_names)
    cols_c = ", ".join(claims.column_names)
    con.execute(f"INSERT INTO articles ({cols_a}) SELECT {cols_a} FROM _bench_articles")
    con.execute(f"INSERT INTO claims ({cols_c}) SELECT {cols_c} FROM _bench_claims")
    con.unregister("_bench_articles")
    con.unregister("_bench_claims")


def _time_one(n_claims: int, folder: Path) -> dict:
    articles, claims = synthetic_tables(n_claims)
    con = connect(folder / f"scale_{n_claims}.duckdb")
    try:
        _load(con, articles, claims)
        start = time.perf_counter()
        found = detect_contradictions(con, run_id="bench")
        first = time.perf_counter() - start
        start = time.perf_counter()
        again = detect_contradictions(con, run_id="bench")
        second = time.perf_counter() - start
    finally:
        con.close()
    return {"claims": n_claims, "articles": articles.num_rows, "first_s": first,
            "second_s": second, "contradictions": found, "new_on_rerun": again}


FULL_SIZES = [5_000, 50_000, 500_000, 1_000_000, 10_000_000]


def run(quick: bool = False, sizes: list[int] | None = None) -> list[dict]:
    sizes = sizes or ([5_000, 50_000] if quick else FULL_SIZES)
    rows, previous = [], None
    with tempfile.TemporaryDirectory(prefix="claimwatch-scale-") as tmp:
        for n in sizes:
            r = _time_one(n, Path(tmp))
            growth = None
            if previous:
                growth = (r["first_s"] / previous["first_s"]) / (n / previous["claims"])
            rows.append({
                "benchmark": "detection_scale",
                "measure": f"detect seconds, {n:,} claims ({r['articles']:,} articles)",
                "claimwatch": round(r["first_s"], 2),
                "ratio": round(growth, 2) if growth else None,
                "target": "growth ratio <= 1.5 (near linear)" if growth else None,
                "met": (growth <= 1.5) if growth else None,
                "note": (f"{r['contradictions']:,} contradictions; re-run {r['second_s']:.2f} s, "
                         f"{r['new_on_rerun']} new"),
            })
            previous = r
    return rows


if __name__ == "__main__":
    import sys
    chosen = [int(a.replace("_", "")) for a in sys.argv[1:]] or None
    for row in run(sizes=chosen):
        print(f"{row['measure']:<45} {row['claimwatch']:>8} s  growth={row['ratio']}  "
              f"{row['note']}")
