"""The warehouse: the only package that speaks SQL (DuckDB schema, loading, queries, export).

Contradiction detection lives in ``warehouse.detect`` and the digest outbox in
``warehouse.outbox``; import those modules directly.
"""

from claimwatch.warehouse.db import connect, transaction
from claimwatch.warehouse.export import export_parquet
from claimwatch.warehouse.feeds import feed_states, save_feed_results
from claimwatch.warehouse.load import (
    articles_to_extract, claim_id_for, count_articles_to_extract, dispute_id_for, known_companies,
    save_aliases, save_articles, save_extractions, unseen_articles,
)
from claimwatch.warehouse.migrations import MIGRATIONS, migrate
from claimwatch.warehouse.queries import (
    FORMATS, company_timeline, counts, format_rows, open_contradictions, resolve_company, run_sql,
)
from claimwatch.warehouse.runs import RUN_STATUSES, finish_run, last_runs, start_run

__all__ = [
    "connect", "transaction", "migrate", "MIGRATIONS",
    "save_articles", "save_feed_results", "feed_states", "save_extractions",
    "articles_to_extract", "count_articles_to_extract", "unseen_articles", "known_companies",
    "save_aliases", "claim_id_for", "dispute_id_for",
    "start_run", "finish_run", "last_runs", "RUN_STATUSES",
    "run_sql", "format_rows", "company_timeline", "open_contradictions", "counts",
    "resolve_company", "FORMATS",
    "export_parquet",
]
