"""Schema migrations: small numbered functions, applied once each, tracked in a table.

Each migration runs in its own transaction together with the row that records it,
so a crash leaves the schema either before or after a migration, never half way.
Add a migration by writing ``m00N_description(con)`` and appending it to MIGRATIONS;
never edit or rename one that has shipped: a migration is recorded by its function name.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

import duckdb

from claimwatch.names import company_key


def m001_initial(con: duckdb.DuckDBPyConnection) -> None:
    """The base schema: feeds (conditional-GET state), articles, the extraction cache,
    companies and aliases, claims, disputes, contradictions, the digest outbox, runs."""
    con.execute("""
        CREATE TABLE feeds (
            name            VARCHAR PRIMARY KEY,
            url             VARCHAR NOT NULL,
            etag            VARCHAR,
            last_modified   VARCHAR,
            last_status     VARCHAR,          -- ok | not_modified | error
            last_error      VARCHAR,
            last_http_status INTEGER,
            last_fetched_at TIMESTAMPTZ,
            last_ok_at      TIMESTAMPTZ
        )""")
    con.execute("""
        CREATE TABLE articles (
            article_id    VARCHAR PRIMARY KEY,  -- sha1 of GUID or canonical URL, 16 hex
            url           VARCHAR,
            title         VARCHAR NOT NULL,
            source        VARCHAR NOT NULL,     -- feed name or archive source
            published_at  TIMESTAMPTZ,
            language      VARCHAR,              -- detected: en | fr (declared when undetectable)
            declared_language VARCHAR,
            text          VARCHAR NOT NULL,
            summary       VARCHAR,
            guid          VARCHAR,
            text_origin   VARCHAR,              -- feed | page | summary | archive
            fetch_error   VARCHAR,
            content_hash  VARCHAR NOT NULL,
            first_seen_at TIMESTAMPTZ NOT NULL,
            run_id        VARCHAR
        )""")
    con.execute("""
        CREATE TABLE extractions (
            article_id        VARCHAR PRIMARY KEY,
            content_hash      VARCHAR NOT NULL,
            extractor_version VARCHAR NOT NULL,
            extracted_at      TIMESTAMPTZ NOT NULL
        )""")
    con.execute("""
        CREATE TABLE companies (
            company    VARCHAR PRIMARY KEY,     -- canonical name
            is_ai      BOOLEAN NOT NULL DEFAULT false,
            first_seen_at TIMESTAMPTZ NOT NULL
        )""")
    con.execute("""
        CREATE TABLE company_aliases (
            alias   VARCHAR PRIMARY KEY,        -- normalised alias (lower case, no legal suffix)
            company VARCHAR NOT NULL
        )""")
    con.execute("""
        CREATE TABLE claims (
            claim_id          VARCHAR NOT NULL,     -- sha1(article_id, char_start, company, metric)
            article_id        VARCHAR NOT NULL,
            company           VARCHAR NOT NULL,
            company_mention   VARCHAR,
            metric            VARCHAR NOT NULL,
            value             DOUBLE NOT NULL,
            value_low         DOUBLE,
            value_high        DOUBLE,
            unit              VARCHAR NOT NULL,     -- ISO 4217 | percent | count | other
            claimed_by        VARCHAR NOT NULL,     -- company | reporter
            is_forecast       BOOLEAN NOT NULL DEFAULT false,
            hedge             VARCHAR,
            period            VARCHAR,
            as_of             DATE,
            sentence          VARCHAR NOT NULL,
            quantity_text     VARCHAR NOT NULL,
            sentence_index    INTEGER NOT NULL,
            char_start        INTEGER NOT NULL,
            language          VARCHAR,
            extractor_version VARCHAR NOT NULL,
            published_at      TIMESTAMPTZ,          -- copied from the article, for time ordering
            created_at        TIMESTAMPTZ NOT NULL
        )""")
    # No index on claims or disputes, not even a primary key: an ART index roughly doubled
    # bulk-load time (insert and checkpoint, benchmarks/loading.py) and DuckDB scans with
    # zone maps are fast here. Ids stay unique by construction: they embed the article, and
    # save_extractions replaces an article's rows (delete, then insert the batch deduplicated)
    # in one transaction; the extractions primary key serialises writers of one article.
    con.execute("""
        CREATE TABLE disputes (
            dispute_id        VARCHAR NOT NULL,  -- unique by construction, see claims
            article_id        VARCHAR NOT NULL,
            company           VARCHAR NOT NULL,
            metric            VARCHAR,
            cue               VARCHAR NOT NULL,
            sentence          VARCHAR NOT NULL,
            sentence_index    INTEGER NOT NULL,
            language          VARCHAR,
            extractor_version VARCHAR NOT NULL,
            published_at      TIMESTAMPTZ,
            created_at        TIMESTAMPTZ NOT NULL
        )""")
    con.execute("""
        CREATE TABLE contradictions (
            contradiction_id        VARCHAR PRIMARY KEY,  -- sha1(kind, claim_id, contradicting id)
            company                 VARCHAR NOT NULL,
            metric                  VARCHAR,
            kind                    VARCHAR NOT NULL,     -- numeric | dispute | revision | projection
            claim_id                VARCHAR,              -- the earlier claim (the company's)
            contradicting_claim_id  VARCHAR,              -- the later claim, NULL for a dispute
            dispute_id              VARCHAR,              -- for kind = dispute
            claim_article_id        VARCHAR,
            contradicting_article_id VARCHAR NOT NULL,
            claimed_value           DOUBLE,
            reported_value          DOUBLE,
            unit                    VARCHAR,
            severity                DOUBLE NOT NULL,      -- 0..1, how far apart
            explanation             VARCHAR NOT NULL,
            status                  VARCHAR NOT NULL DEFAULT 'open',  -- open | dismissed
            detected_at             TIMESTAMPTZ NOT NULL,
            run_id                  VARCHAR
        )""")
    con.execute("""
        CREATE TABLE outbox (
            recipient     VARCHAR NOT NULL,
            item_kind     VARCHAR NOT NULL,     -- contradiction | dispute | claim | quiet
            item_id       VARCHAR NOT NULL,
            status        VARCHAR NOT NULL,     -- pending | sending | sent
            attempts      INTEGER NOT NULL DEFAULT 0,
            last_error    VARCHAR,
            message_id    VARCHAR,
            queued_at     TIMESTAMPTZ NOT NULL,
            sent_at       TIMESTAMPTZ,
            PRIMARY KEY (recipient, item_kind, item_id)
        )""")
    con.execute("""
        CREATE TABLE runs (
            run_id          VARCHAR PRIMARY KEY,
            started_at      TIMESTAMPTZ NOT NULL,
            finished_at     TIMESTAMPTZ,
            status          VARCHAR NOT NULL,   -- running | ok | partial | failed | interrupted
            trigger         VARCHAR,            -- run | import | reprocess | schedule
            feeds_ok        INTEGER DEFAULT 0,
            feeds_failed    INTEGER DEFAULT 0,
            failed_feeds    VARCHAR,            -- "name: reason" lines
            articles_new    INTEGER DEFAULT 0,
            claims_new      INTEGER DEFAULT 0,
            contradictions_new INTEGER DEFAULT 0,
            digest_status   VARCHAR,
            error           VARCHAR
        )""")


def m002_views(con: duckdb.DuckDBPyConnection) -> None:
    """Read views: every claim of a company with its article; open contradictions with
    both articles' source, date and URL."""
    con.execute("""
        CREATE VIEW company_timeline AS
        SELECT c.company, c.metric, coalesce(c.as_of, CAST(a.published_at AS DATE)) AS as_of,
               c.period, c.value, c.value_low, c.value_high, c.unit, c.claimed_by,
               c.is_forecast, a.source, a.title, a.url, a.published_at, c.sentence,
               c.claim_id, c.article_id
        FROM claims c JOIN articles a USING (article_id)
        ORDER BY c.company, c.metric, a.published_at""")
    con.execute("""
        CREATE VIEW open_contradictions AS
        SELECT k.contradiction_id, k.company, k.metric, k.kind, k.severity,
               k.claimed_value, k.reported_value, k.unit, k.explanation,
               a1.source AS claim_source, a1.published_at AS claim_published_at, a1.url AS claim_url,
               a2.source AS report_source, a2.published_at AS report_published_at, a2.url AS report_url,
               k.detected_at
        FROM contradictions k
        LEFT JOIN articles a1 ON a1.article_id = k.claim_article_id
        JOIN articles a2 ON a2.article_id = k.contradicting_article_id
        WHERE k.status = 'open'
        ORDER BY k.severity DESC, a2.published_at DESC""")


def m006_company_alias_keys(con: duckdb.DuckDBPyConnection) -> None:
    """Re-key ``company_aliases`` with the one company-name key (:func:`claimwatch.names.company_key`),
    which extraction and the outbox share: "builder.ai" becomes "builder ai". Where two old keys
    meet on one new key, the alphabetically first company wins (it was ambiguous before)."""
    rows = con.execute("SELECT alias, company FROM company_aliases ORDER BY company, alias").fetchall()
    rekeyed: dict[str, str] = {}
    for alias, company in rows:
        rekeyed.setdefault(company_key(alias), company)
    con.execute("DELETE FROM company_aliases")
    if rekeyed:
        con.executemany("INSERT INTO company_aliases (alias, company) VALUES (?, ?)", list(rekeyed.items()))
def m005_article_published_precision(con: duckdb.DuckDBPyConnection) -> None:
    """How much of ``published_at`` the source gave: 'time', 'day', 'month' or 'year'
    ("2021-06" is stored as 2021-06-01 00:00 UTC with 'month'); NULL when there is no date or
    it was stored before this column existed (then read as a full date)."""
    con.execute("ALTER TABLE articles ADD COLUMN published_precision VARCHAR")
def m004_claim_other_kind(con: duckdb.DuckDBPyConnection) -> None:
    """claims.other_kind: what an "other" (or AI-metric) figure counts ("orders",
    "reservations"); the company_timeline view shows it after the metric."""
    con.execute("ALTER TABLE claims ADD COLUMN other_kind VARCHAR")
    con.execute("""
        CREATE OR REPLACE VIEW company_timeline AS
        SELECT c.company, c.metric, c.other_kind,
               coalesce(c.as_of, CAST(a.published_at AS DATE)) AS as_of,
               c.period, c.value, c.value_low, c.value_high, c.unit, c.claimed_by,
               c.is_forecast, a.source, a.title, a.url, a.published_at, c.sentence,
               c.claim_id, c.article_id
        FROM claims c JOIN articles a USING (article_id)
        ORDER BY c.company, c.metric, a.published_at""")
def m003_claim_alt_value(con: duckdb.DuckDBPyConnection) -> None:
    """A claim's figure in another unit, given in brackets ("$450m (£334m)")."""
    con.execute("ALTER TABLE claims ADD COLUMN alt_value DOUBLE")
    con.execute("ALTER TABLE claims ADD COLUMN alt_unit VARCHAR")


MIGRATIONS: list[Callable[[duckdb.DuckDBPyConnection], None]] = [
    m001_initial,
    m002_views,
    m003_claim_alt_value,
    m004_claim_other_kind,
    m005_article_published_precision,
    m006_company_alias_keys,
]


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply every migration whose name is not yet recorded; return the names applied.

    Migrations are tracked by name, not by position: inserting, reordering or removing an entry of
    MIGRATIONS can never make one run twice or be skipped. Names must be unique (checked here).
    """
    names = [migration.__name__ for migration in MIGRATIONS]
    if len(set(names)) != len(names):
        raise ValueError(f"duplicate migration names in MIGRATIONS: {names}")
    con.execute("""
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER PRIMARY KEY,   -- order of application, for reading only
            name       VARCHAR NOT NULL,      -- the migration's function name: what is tracked
            applied_at TIMESTAMPTZ NOT NULL
        )""")
    rows = con.execute("SELECT version, name FROM schema_migrations").fetchall()
    done = {name for _, name in rows}
    next_version = max((version for version, _ in rows), default=0) + 1
    applied = []
    for migration in MIGRATIONS:
        if migration.__name__ in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            migration(con)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                        [next_version, migration.__name__, datetime.now(timezone.utc)])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        next_version += 1
        applied.append(migration.__name__)
    return applied
