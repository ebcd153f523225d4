"""Bulk, idempotent writes: articles, feed state, extractions (claims, disputes, companies).

Every function turns its Python objects into one pyarrow Table per target table,
registers it on the connection and writes it with ``INSERT ... SELECT`` (anti-joins
or ``ON CONFLICT``) inside a single transaction: a crash or an error leaves whole
batches only, never part of one. Nothing here writes row by row.

Decisions:

* An article already stored (same ``article_id``, or same ``url`` under another id)
  is never stored twice. When its ``content_hash`` changed (the full page was fetched
  later, the article was corrected) its title, text, summary, text origin, fetch
  error and hash are replaced, **unless** the new version is only a summary while the
  stored one is not (a later failed page fetch must not erase the full text). The
  changed hash makes :func:`articles_to_extract` hand the article out again.
* Re-extracting an article replaces its claims and disputes (delete then insert, in
  one transaction). A claim that survives (same ``claim_id``) keeps its original
  ``created_at``, so "new claims" means new to the warehouse, not re-extracted.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
from collections.abc import Iterable, Iterator
from datetime import datetime
from operator import attrgetter

import duckdb
import pyarrow as pa

from claimwatch.errors import WarehouseError
from claimwatch.names import company_key
from claimwatch.records import Extraction
from claimwatch.records import Article
from claimwatch.warehouse._batch import Registered, batch_error, utc_now
from claimwatch.warehouse.db import transaction
from claimwatch.warehouse.companies import canonical_companies

__all__ = [
    "save_articles", "save_extractions",
    "articles_to_extract", "count_articles_to_extract", "unseen_articles", "known_companies",
    "save_aliases", "claim_id_for",
    "dispute_id_for",
]

_SEP = "\x1f"  # unit separator between hashed fields

# The SQL twin of claim_id_for/dispute_id_for (ids are computed in DuckDB, vectorised).
_CLAIM_ID_SQL = ("sha1(article_id || chr(31) || CAST(char_start AS VARCHAR) || chr(31) "
                 "|| company || chr(31) || metric)")
_DISPUTE_ID_SQL = ("sha1(article_id || chr(31) || CAST(sentence_index AS VARCHAR) || chr(31) "
                   "|| company || chr(31) || coalesce(metric, '') || chr(31) || cue)")


def claim_id_for(article_id: str, char_start: int, company: str, metric: str) -> str:
    """The stable id of a claim: sha1 of its article, offset, company and metric."""
    key = _SEP.join((article_id, str(char_start), company, metric))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def dispute_id_for(article_id: str, sentence_index: int, company: str, metric: str | None,
                   cue: str) -> str:
    """The stable id of a dispute: sha1 of its article, sentence, company, metric and cue."""
    key = _SEP.join((article_id, str(sentence_index), company, metric or "", cue))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- articles

_ARTICLE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("url", pa.string()), ("title", pa.string()),
    ("source", pa.string()), ("published_at", pa.timestamp("us", tz="UTC")),
    ("language", pa.string()), ("text", pa.string()), ("summary", pa.string()),
    ("guid", pa.string()), ("text_origin", pa.string()), ("fetch_error", pa.string()),
    ("content_hash", pa.string()), ("published_precision", pa.string()), ("ord", pa.int64()),
])


def _dedupe_articles(articles: Iterable[Article]) -> list[Article]:
    """First occurrence wins, by article_id and by url."""
    seen_ids: set[str] = set()
    seen_urls: set[str] = set()
    out = []
    for article in articles:
        if article.article_id in seen_ids or (article.url and article.url in seen_urls):
            continue
        seen_ids.add(article.article_id)
        if article.url:
            seen_urls.add(article.url)
        out.append(article)
    return out


def save_articles(con: duckdb.DuckDBPyConnection, articles: list[Article],
                  run_id: str | None = None) -> list[str]:
    """Store articles not seen before; return the ids of those that were new (input order).

    An article matching a stored one by id or url is not duplicated; its text is
    refreshed when its content hash changed (see the module docstring).
    """
    batch = _dedupe_articles(articles)
    if not batch:
        return []
    table = pa.Table.from_pydict({
        "article_id": [a.article_id for a in batch],
        "url": [a.url or None for a in batch],
        "title": [a.title for a in batch],
        "source": [a.source for a in batch],
        "published_at": [a.published_at for a in batch],
        "language": [a.language for a in batch],
        "text": [a.text for a in batch],
        "summary": [a.summary for a in batch],
        "guid": [a.guid for a in batch],
        "text_origin": [a.text_origin for a in batch],
        "fetch_error": [a.fetch_error for a in batch],
        "content_hash": [a.content_hash for a in batch],
        "published_precision": [a.published_precision if a.published_at else None for a in batch],
        "ord": list(range(len(batch))),
    }, schema=_ARTICLE_SCHEMA)
    now = utc_now()
    resolve = """
        SELECT b.*, coalesce(by_id.article_id, by_url.article_id) AS target
        FROM batch_articles b
        LEFT JOIN articles by_id ON by_id.article_id = b.article_id
        LEFT JOIN (SELECT url, min(article_id) AS article_id FROM articles
                   WHERE url IS NOT NULL GROUP BY url) by_url ON by_url.url = b.url
        QUALIFY row_number() OVER (PARTITION BY coalesce(target, b.article_id) ORDER BY b.ord) = 1"""
    try:
        with Registered(con, batch_articles=table) as reg, transaction(con):
            resolved = con.sql(resolve).to_arrow_table()
            reg.add("batch_resolved", resolved)
            new_ids = [row[0] for row in con.execute(
                "SELECT article_id FROM batch_resolved WHERE target IS NULL ORDER BY ord").fetchall()]
            con.execute("""
                INSERT INTO articles (article_id, url, title, source, published_at, language,
                    declared_language, text, summary, guid, text_origin, fetch_error,
                    content_hash, first_seen_at, run_id, published_precision)
                SELECT article_id, url, title, source, published_at, language, language, text,
                       summary, guid, text_origin, fetch_error, content_hash, $now, $run_id,
                       published_precision
                FROM batch_resolved WHERE target IS NULL
                ON CONFLICT DO NOTHING""", {"now": now, "run_id": run_id})
            con.execute("""
                UPDATE articles SET title = r.title, text = r.text, summary = r.summary,
                       text_origin = r.text_origin, fetch_error = r.fetch_error,
                       content_hash = r.content_hash,
                       published_at = coalesce(articles.published_at, r.published_at),
                       published_precision = CASE WHEN articles.published_at IS NULL
                                                  THEN r.published_precision
                                                  ELSE articles.published_precision END
                FROM batch_resolved r
                WHERE articles.article_id = r.target
                  AND articles.content_hash <> r.content_hash
                  AND NOT (r.text_origin = 'summary'
                           AND coalesce(articles.text_origin, '') <> 'summary')""")
    except duckdb.Error as exc:
        raise batch_error(f"{len(batch)} articles", exc) from None
    return new_ids


# --------------------------------------------------------------------------- extractions

_TS = pa.timestamp("us", tz="UTC")
_CLAIM_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("company", pa.string()), ("company_mention", pa.string()),
    ("metric", pa.string()), ("value", pa.float64()), ("value_low", pa.float64()),
    ("value_high", pa.float64()), ("unit", pa.string()), ("claimed_by", pa.string()),
    ("is_forecast", pa.bool_()), ("hedge", pa.string()), ("period", pa.string()),
    ("as_of", pa.date32()), ("sentence", pa.string()), ("quantity_text", pa.string()),
    ("sentence_index", pa.int32()), ("char_start", pa.int32()), ("language", pa.string()),
    ("other_kind", pa.string()), ("alt_value", pa.float64()), ("alt_unit", pa.string()),
    ("published_at", _TS), ("ord", pa.int64()),
])
_DISPUTE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("company", pa.string()), ("metric", pa.string()),
    ("cue", pa.string()), ("sentence", pa.string()), ("sentence_index", pa.int32()),
    ("language", pa.string()), ("published_at", _TS), ("ord", pa.int64()),
])
_ALIAS_SCHEMA = pa.schema([("alias", pa.string()), ("company", pa.string())])


def _column_table(rows: list, schema: pa.Schema, published: dict) -> tuple[pa.Table, list[list]]:
    """Arrow table of ``rows`` (dataclasses), built column by column; also the plain columns.

    The schema's last two fields, published_at (looked up per article) and ord, are computed.
    """
    names = schema.names[:-2]
    collecting = gc.isenabled()
    gc.disable()  # these lists hold no cycles; sweeping the caller's objects per list is waste
    try:
        cols = [list(map(attrgetter(name), rows)) for name in names]  # one C loop per column
    finally:
        if collecting:
            gc.enable()
    arrays = [pa.array(col, schema.field(name).type) for name, col in zip(names, cols)]
    arrays.append(pa.array([published[a] for a in cols[0]], _TS) if any(published.values())
                  else pa.nulls(len(rows), _TS))
    arrays.append(pa.array(range(len(rows)), pa.int64()))
    return pa.Table.from_arrays(arrays, schema=schema), cols


def _claims_table(claims: list, published: dict) -> tuple[pa.Table, set, bool]:
    """The claims as Arrow, the articles they name, and whether two share a claim id."""
    table, cols = _column_table(claims, _CLAIM_SCHEMA, published)
    names = _CLAIM_SCHEMA.names
    article, start = cols[0], cols[names.index("char_start")]
    unique = len(set(zip(article, start))) == len(claims)  # cheap: implies unique claim ids
    if not unique:  # same offset twice (two companies or metrics): compare the whole key
        key = (article, start, cols[names.index("company")], cols[names.index("metric")])
        unique = len(set(zip(*key))) == len(claims)
    return table, set(article), not unique


def _disputes_table(disputes: list, published: dict) -> tuple[pa.Table, set, bool]:
    """The disputes as Arrow, the articles they name, and whether two share a dispute id."""
    table, cols = _column_table(disputes, _DISPUTE_SCHEMA, published)
    keys = {(d.article_id, d.sentence_index, d.company, d.metric or "", d.cue) for d in disputes}
    return table, set(cols[0]), len(keys) != len(disputes)


def _companies(extractions: list[Extraction], claim_companies: Iterable[str]
               ) -> tuple[dict[str, bool], dict[str, str]]:
    """Canonical companies (name -> is_ai) and aliases (normalised form -> name) of a batch."""
    is_ai: dict[str, bool] = {}
    aliases: dict[str, str] = {}
    for extraction in extractions:
        for mention in extraction.companies:
            is_ai[mention.name] = is_ai.get(mention.name, False) or bool(mention.is_ai)
            for form in (mention.name, mention.surface):
                if form:
                    aliases.setdefault(company_key(form), mention.name)
        for dispute in extraction.disputes:
            is_ai.setdefault(dispute.company, False)
    for company in claim_companies:
        is_ai.setdefault(company, False)
    for company in is_ai:
        aliases.setdefault(company_key(company), company)
    return is_ai, aliases


def _upsert_companies(con: duckdb.DuckDBPyConnection, now: datetime, is_ai: dict[str, bool],
                      aliases: dict[str, str]) -> None:
    if is_ai:
        con.execute("""
            INSERT INTO companies (company, is_ai, first_seen_at)
            SELECT unnest($names::VARCHAR[]), unnest($ai::BOOLEAN[]), $now
            ON CONFLICT (company) DO UPDATE SET is_ai = companies.is_ai OR excluded.is_ai""",
                    {"names": list(is_ai), "ai": list(is_ai.values()), "now": now})
    if aliases:
        con.execute("""
            INSERT INTO company_aliases
            SELECT unnest($aliases::VARCHAR[]), unnest($names::VARCHAR[])
            ON CONFLICT (alias) DO NOTHING""", {"aliases": list(aliases), "names": list(aliases.values())})


def save_extractions(con: duckdb.DuckDBPyConnection, extractions: list[Extraction],
                     extractor_version: str,
                     articles_published: dict[str, datetime | None] | None = None
                     ) -> tuple[int, int]:
    """Replace each article's claims and disputes with these; return (claims_new, disputes_new).

    Records (article_id, content_hash, extractor_version) in ``extractions`` (the cache
    :func:`articles_to_extract` reads), upserts companies (``is_ai`` OR-ed) and their
    aliases, and sets the article's detected language. ``published_at`` comes from
    ``articles_published`` when given, else from the stored article. The counts are of
    claims/disputes whose id was not stored before. Raises WarehouseError (nothing
    stored) when an article is unknown or a value is invalid.

    One transaction; the stored articles are read once. Articles never extracted before
    (the daily case) have no rows to replace, so nothing is deleted or looked up for them.
    """
    by_article = {e.article_id: e for e in extractions}  # the last extraction of an article wins
    if not by_article:
        return 0, 0
    by_article = _with_canonical_companies(con, by_article)
    batch = list(by_article.values())
    ids = list(by_article)
    params = {"now": utc_now(), "version": extractor_version}
    try:
        with Registered(con) as reg, transaction(con):
            stored = con.execute("""
                SELECT b.article_id, a.article_id IS NOT NULL, x.article_id IS NOT NULL,
                       a.published_at, a.content_hash, a.language
                FROM (SELECT unnest($ids::VARCHAR[]) AS article_id) b
                LEFT JOIN articles a USING (article_id) LEFT JOIN extractions x USING (article_id)""",
                                 {"ids": ids}).fetchall()
            known = {row[0]: row for row in stored if row[1]}
            published = {a: (articles_published or {}).get(a) or known[a][3] for a in known}
            claims = [c for e in batch for c in e.claims]
            disputes = [d for e in batch for d in e.disputes]
            claim_table, claim_articles, claim_dups = _claims_table(claims, published)
            dispute_table, dispute_articles, dispute_dups = _disputes_table(disputes, published)
            missing = (set(ids) | claim_articles | dispute_articles) - known.keys()
            if missing:
                raise WarehouseError(
                    "could not save extractions; nothing of this batch was stored: article "
                    + ", ".join(sorted(missing)[:3])
                    + " is not in the warehouse (or a claim/dispute names another article than its "
                      "extraction); save the article first")
            redo = [row[0] for row in stored if row[2]]
            reg.add("batch_claims", claim_table)
            reg.add("batch_disputes", dispute_table)
            claims_new = _replace_rows(con, reg, _CLAIM_INSERT, "claim", _CLAIM_ID_SQL,
                                       claim_table.num_rows, claim_dups, redo, params)
            disputes_new = _replace_rows(con, reg, _DISPUTE_INSERT, "dispute", _DISPUTE_ID_SQL,
                                         dispute_table.num_rows, dispute_dups, redo, params)
            is_ai, aliases = _companies(batch, set(claim_table.column("company").unique().to_pylist()))
            _upsert_companies(con, params["now"], is_ai, aliases)
            con.execute("""
                INSERT INTO extractions (article_id, content_hash, extractor_version, extracted_at)
                SELECT unnest($ids::VARCHAR[]), unnest($hashes::VARCHAR[]), $version, $now
                ON CONFLICT (article_id) DO UPDATE SET content_hash = excluded.content_hash,
                    extractor_version = excluded.extractor_version,
                    extracted_at = excluded.extracted_at""",
                        {**params, "ids": ids, "hashes": [known[a][4] for a in ids]})
            relabel = [(a, e.language) for a, e in by_article.items()
                       if e.language is not None and e.language != known[a][5]]
            if relabel:
                con.execute("""
                    UPDATE articles SET language = u.language
                    FROM (SELECT unnest($ids::VARCHAR[]) AS article_id,
                                 unnest($langs::VARCHAR[]) AS language) u
                    WHERE articles.article_id = u.article_id""",
                            {"ids": [a for a, _ in relabel], "langs": [lang for _, lang in relabel]})
    except duckdb.Error as exc:
        raise batch_error(f"extractions of {len(batch)} articles", exc) from None
    return claims_new, disputes_new


_CLAIM_INSERT = """
    INSERT INTO claims (claim_id, article_id, company, company_mention, metric, value,
        value_low, value_high, unit, claimed_by, is_forecast, hedge, period, as_of,
        sentence, quantity_text, sentence_index, char_start, language, other_kind, alt_value, alt_unit,
        extractor_version, published_at, created_at)
    SELECT n.claim_id, n.article_id, n.company, n.company_mention, n.metric, n.value, n.value_low,
           n.value_high, n.unit, n.claimed_by, n.is_forecast, n.hedge, n.period, n.as_of,
           n.sentence, n.quantity_text, n.sentence_index, n.char_start, n.language, n.other_kind,
           n.alt_value, n.alt_unit, $version,
           n.published_at, {created_at}
    FROM ({rows}) n{old_join}"""
_DISPUTE_INSERT = """
    INSERT INTO disputes (dispute_id, article_id, company, metric, cue, sentence,
        sentence_index, language, extractor_version, published_at, created_at)
    SELECT n.dispute_id, n.article_id, n.company, n.metric, n.cue, n.sentence, n.sentence_index,
           n.language, $version, n.published_at, {created_at}
    FROM ({rows}) n{old_join}"""


def _replace_rows(con: duckdb.DuckDBPyConnection, reg: Registered, insert: str, kind: str,
                  id_sql: str, n_rows: int, duplicates: bool, redo: list[str], params: dict) -> int:
    """Delete the redone articles' ``kind`` rows, insert the batch's; return how many are new.

    Ids are hashed in DuckDB. Duplicates (same id twice in the batch: first one wins) are
    removed only when Python saw some. A row surviving a re-extraction keeps its created_at.
    """
    table, source, id_col = kind + "s", "batch_" + kind + "s", kind + "_id"
    if redo:  # old ids and times, for created_at and the count of new rows
        old = con.sql(f"""DELETE FROM {table} WHERE article_id IN (SELECT unnest($redo::VARCHAR[]))
                          RETURNING {id_col}, created_at""", params={"redo": redo}).to_arrow_table()
        reg.add("old_" + table, old)
    if not n_rows:
        return 0
    rows = f"SELECT {id_sql} AS {id_col}, * FROM {source}"
    if duplicates:
        rows = f"SELECT * FROM ({rows}) QUALIFY row_number() OVER (PARTITION BY {id_col} ORDER BY ord) = 1"
    if not redo or not old.num_rows:
        return con.execute(insert.format(rows=rows, created_at="$now", old_join=""),
                           params).fetchall()[0][0]
    old_join = (f" LEFT JOIN (SELECT {id_col}, min(created_at) AS created_at FROM old_{table} "
                f"GROUP BY {id_col}) o USING ({id_col})")
    inserted = con.execute(insert.format(rows=rows, created_at="coalesce(o.created_at, $now)",
                                         old_join=old_join), params).fetchall()[0][0]
    survivors = con.execute(f"""
        SELECT count(*) FROM {table} WHERE article_id IN (SELECT unnest($redo::VARCHAR[]))
          AND {id_col} IN (SELECT {id_col} FROM old_{table})""", {"redo": redo}).fetchall()[0][0]
    return inserted - survivors


def _with_canonical_companies(con: duckdb.DuckDBPyConnection,
                              by_article: dict[str, Extraction]) -> dict[str, Extraction]:
    """Extractions whose company names are replaced by the known companies they match."""

    names = {c.company for e in by_article.values() for c in e.claims}
    names |= {d.company for e in by_article.values() for d in e.disputes}
    names |= {m.name for e in by_article.values() for m in e.companies}
    mapping = {k: v for k, v in canonical_companies(con, names).items() if k != v}
    if not mapping:
        return by_article
    out = {}
    for article_id, e in by_article.items():
        out[article_id] = dataclasses.replace(
            e,
            claims=[dataclasses.replace(c, company=mapping.get(c.company, c.company)) for c in e.claims],
            disputes=[dataclasses.replace(d, company=mapping.get(d.company, d.company)) for d in e.disputes],
            companies=[dataclasses.replace(m, name=mapping.get(m.name, m.name)) for m in e.companies])
    return out


def save_aliases(con: duckdb.DuckDBPyConnection, aliases: dict[str, str]) -> None:
    """Record configured aliases (alias -> canonical company); configuration wins over extraction."""
    if not aliases:
        return
    table = pa.Table.from_pydict({"alias": [company_key(a) for a in aliases],
                                  "company": list(aliases.values())}, schema=_ALIAS_SCHEMA)
    canon = pa.Table.from_pydict({"alias": [company_key(c) for c in set(aliases.values())],
                                  "company": list(set(aliases.values()))}, schema=_ALIAS_SCHEMA)
    try:
        with Registered(con, batch_cfg_aliases=pa.concat_tables([canon, table])), transaction(con):
            con.execute("""
                INSERT INTO company_aliases
                SELECT alias, last(company) FROM batch_cfg_aliases GROUP BY alias
                ON CONFLICT (alias) DO UPDATE SET company = excluded.company""")
    except duckdb.Error as exc:
        raise batch_error(f"{len(aliases)} company aliases", exc) from None


_ARTICLE_FIELDS = ("article_id", "url", "title", "source", "published_at", "declared_language",
                   "text", "summary", "guid", "text_origin", "fetch_error", "content_hash",
                   "published_precision")


def articles_to_extract(con: duckdb.DuckDBPyConnection, extractor_version: str,
                        limit: int | None = None, batch_size: int = 500) -> Iterator[Article]:
    """Articles never extracted, or extracted from other text or by another extractor version.

    Streams in batches of ``batch_size`` using keyset pagination on ``article_id``, so
    the caller may save extractions on the same connection while iterating.
    """
    last = ""
    remaining = limit
    while remaining is None or remaining > 0:
        size = batch_size if remaining is None else min(batch_size, remaining)
        rows = con.execute(f"""
            SELECT {', '.join('a.' + f for f in _ARTICLE_FIELDS)}
            FROM articles a LEFT JOIN extractions e USING (article_id)
            WHERE a.article_id > $last
              AND (e.article_id IS NULL OR e.content_hash <> a.content_hash
                   OR e.extractor_version <> $version)
            ORDER BY a.article_id LIMIT $size""",
                           {"last": last, "version": extractor_version, "size": size}).fetchall()
        for row in rows:
            values = dict(zip(_ARTICLE_FIELDS, row))
            values["language"] = values.pop("declared_language")
            values["summary"] = values["summary"] or ""
            values["text_origin"] = values["text_origin"] or "feed"
            yield Article(**values)
        if len(rows) < size:
            return
        last = rows[-1][0]
        if remaining is not None:
            remaining -= len(rows)


def known_companies(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every canonical company name stored, sorted."""
    return [row[0] for row in con.execute("SELECT company FROM companies ORDER BY company").fetchall()]


def count_articles_to_extract(con: duckdb.DuckDBPyConnection, extractor_version: str) -> int:
    """How many articles :func:`articles_to_extract` would yield (for progress bars)."""
    return con.execute("""
        SELECT count(*) FROM articles a LEFT JOIN extractions e USING (article_id)
        WHERE e.article_id IS NULL OR e.content_hash <> a.content_hash
              OR e.extractor_version <> $version""", {"version": extractor_version}).fetchall()[0][0]


def unseen_articles(con: duckdb.DuckDBPyConnection, articles: list[Article]) -> list[Article]:
    """The articles whose id and url are both unknown to the warehouse (input order kept).

    Lets the flow fetch full text only for new articles, before storing them.
    """
    if not articles:
        return []
    keys = pa.Table.from_pydict({"article_id": [a.article_id for a in articles],
                                 "url": [a.url for a in articles]},
                                schema=pa.schema([("article_id", pa.string()), ("url", pa.string())]))
    with Registered(con, candidate_keys=keys):
        seen = {row[0] for row in con.execute("""
            SELECT k.article_id FROM candidate_keys k
            WHERE EXISTS (SELECT 1 FROM articles a
                          WHERE a.article_id = k.article_id OR (k.url IS NOT NULL AND a.url = k.url))
        """).fetchall()}
    return [a for a in articles if a.article_id not in seen]
