"""Loading throughput: claims through ``save_extractions`` vs row-by-row ``executemany``.

    python -m benchmarks.loading [--claims 1000000] [--rowwise 5000] [--batch 100000]

Both write the same synthetic claims into the same schema (a fresh warehouse each, on
disk in a temporary folder). The bulk figure is wall time of ``save_extractions``
calls, Python objects to committed rows (Arrow conversion, id hashing, dedupe,
company upserts, extraction cache); article rows are stored beforehand, untimed.
Target for claimwatch: 500k claims/s.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from extractors.models import Claim, CompanyMention, Extraction
from ingest.models import Article
from warehouse import claim_id_for, connect, save_articles, save_extractions

__all__ = ["run", "main", "TARGET_ROWS_PER_SECOND"]

TARGET_ROWS_PER_SECOND = 500_000
CLAIMS_PER_ARTICLE = 10
COMPANIES = [f"Startup {i}" for i in range(500)]
METRICS = ("revenue", "arr", "valuation", "funding", "customers", "users", "employees")
T0 = datetime(2025, 1, 1, tzinfo=timezone.utc)


def _articles(first: int, count: int) -> list[Article]:
    return [Article(f"b{n:015d}", f"https://bench.example/{n}", f"Story {n}", "bench",
                    T0 + timedelta(minutes=n), "en", f"Body of story {n}.", content_hash=f"h{n}")
            for n in range(first, first + count)]


def _extractions(first_article: int, articles: int) -> list[Extraction]:
    out = []
    for n in range(first_article, first_article + articles):
        article_id = f"b{n:015d}"
        claims = []
        for k in range(CLAIMS_PER_ARTICLE):
            company = COMPANIES[(n + k) % len(COMPANIES)]
            value = float((n % 97 + 1) * 1_000_000 + k)
            claims.append(Claim(article_id, company, METRICS[k % len(METRICS)], value, value, value,
                                "USD", "company", f"{company} reported ${value:,.0f} in sentence {k}.",
                                f"${value:,.0f}", k, 40 * k, period="2024"))
        mentions = [CompanyMention(c.company, c.company) for c in claims[:2]]
        out.append(Extraction(article_id, "en", mentions, claims))
    return out


def _bulk(folder: Path, n_claims: int, batch: int) -> dict:
    con = connect(folder / "bulk.duckdb")
    n_articles = n_claims // CLAIMS_PER_ARTICLE
    per_batch = max(1, batch // CLAIMS_PER_ARTICLE)
    for start in range(0, n_articles, 50_000):
        save_articles(con, _articles(start, min(50_000, n_articles - start)))
    elapsed = 0.0
    stored = 0
    for start in range(0, n_articles, per_batch):
        extractions = _extractions(start, min(per_batch, n_articles - start))
        t = time.perf_counter()
        new, _ = save_extractions(con, extractions, "bench")
        elapsed += time.perf_counter() - t
        stored += new
    assert con.execute("SELECT count(*) FROM claims").fetchall()[0][0] == stored
    con.close()
    return {"method": "save_extractions (arrow, bulk)", "rows": stored, "seconds": round(elapsed, 3),
            "rows_per_second": round(stored / elapsed)}


def _rowwise(folder: Path, n_claims: int) -> dict:
    con = connect(folder / "rowwise.duckdb")
    n_articles = max(1, n_claims // CLAIMS_PER_ARTICLE)
    now = datetime.now(timezone.utc)
    rows = [(claim_id_for(c.article_id, c.char_start, c.company, c.metric), c.article_id, c.company,
             c.company_mention, c.metric, c.value, c.value_low, c.value_high, c.unit, c.claimed_by,
             c.is_forecast, c.hedge, c.period, c.as_of, c.sentence, c.quantity_text,
             c.sentence_index, c.char_start, c.language, "bench", None, now)
            for e in _extractions(0, n_articles) for c in e.claims]
    t = time.perf_counter()
    con.execute("BEGIN TRANSACTION")
    con.executemany(f"INSERT INTO claims VALUES ({', '.join(['?'] * 22)})", rows)
    con.execute("COMMIT")
    elapsed = time.perf_counter() - t
    con.close()
    return {"method": "executemany (row by row)", "rows": len(rows), "seconds": round(elapsed, 3),
            "rows_per_second": round(len(rows) / elapsed)}


def run(n_claims: int = 1_000_000, n_rowwise: int = 5_000, batch: int = 100_000) -> list[dict]:
    """Measure both paths; return one dict per method (rows, seconds, rows_per_second)."""
    with tempfile.TemporaryDirectory(prefix="claimwatch-bench-") as tmp:
        folder = Path(tmp)
        results = [_bulk(folder, n_claims, batch), _rowwise(folder, n_rowwise)]
    ratio = results[0]["rows_per_second"] / max(1, results[1]["rows_per_second"])
    results[0]["speedup_vs_executemany"] = round(ratio, 1)
    results[0]["meets_target"] = results[0]["rows_per_second"] >= TARGET_ROWS_PER_SECOND
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--rowwise", type=int, default=5_000)
    parser.add_argument("--batch", type=int, default=100_000)
    args = parser.parse_args(argv)
    results = run(args.claims, args.rowwise, args.batch)
    for r in results:
        print(f"{r['method']:<32} {r['rows']:>9,} rows {r['seconds']:>8.2f} s "
              f"{r['rows_per_second']:>10,} rows/s")
    bulk = results[0]
    print(f"ratio: {bulk['speedup_vs_executemany']}x; target {TARGET_ROWS_PER_SECOND:,} rows/s "
          f"{'met' if bulk['meets_target'] else 'NOT met'}")


if __name__ == "__main__":
    main()
