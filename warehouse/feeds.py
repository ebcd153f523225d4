"""Per-feed state between runs (conditional GET validators, last outcome), written in bulk."""

from __future__ import annotations

import duckdb
import pyarrow as pa

from claimwatch.records import FeedResult, FeedState
from claimwatch.warehouse._batch import Registered, batch_error, utc_now
from claimwatch.warehouse.db import transaction

__all__ = ["save_feed_results", "feed_states"]


_FEED_SCHEMA = pa.schema([
    ("name", pa.string()), ("url", pa.string()), ("etag", pa.string()),
    ("last_modified", pa.string()), ("last_status", pa.string()), ("last_error", pa.string()),
    ("last_http_status", pa.int32()), ("last_fetched_at", pa.timestamp("us", tz="UTC")),
    ("last_ok_at", pa.timestamp("us", tz="UTC")),
])


def save_feed_results(con: duckdb.DuckDBPyConnection, results: list[FeedResult]) -> None:
    """Upsert each feed's state after a fetch.

    A successful fetch ("ok") records the validators it got (even none); a
    "not_modified" or failed fetch keeps the stored ETag/Last-Modified unless it
    brought new ones, so the next conditional GET still works. ``last_ok_at`` moves
    only on "ok" and "not_modified".
    """
    by_name = {r.name: r for r in results}  # last result per feed wins
    if not by_name:
        return
    now = utc_now()
    rows = list(by_name.values())
    table = pa.Table.from_pydict({
        "name": [r.name for r in rows],
        "url": [r.url for r in rows],
        "etag": [r.etag for r in rows],
        "last_modified": [r.last_modified for r in rows],
        "last_status": [r.status for r in rows],
        "last_error": [r.error for r in rows],
        "last_http_status": [r.http_status for r in rows],
        "last_fetched_at": [now] * len(rows),
        "last_ok_at": [now if r.ok or r.status in ("ok", "not_modified") else None for r in rows],
    }, schema=_FEED_SCHEMA)
    try:
        with Registered(con, batch_feeds=table), transaction(con):
            con.execute("""
                INSERT INTO feeds SELECT * FROM batch_feeds
                ON CONFLICT (name) DO UPDATE SET
                    url = excluded.url,
                    etag = CASE WHEN excluded.last_status = 'ok' THEN excluded.etag
                                ELSE coalesce(excluded.etag, feeds.etag) END,
                    last_modified = CASE WHEN excluded.last_status = 'ok' THEN excluded.last_modified
                                ELSE coalesce(excluded.last_modified, feeds.last_modified) END,
                    last_status = excluded.last_status,
                    last_error = excluded.last_error,
                    last_http_status = excluded.last_http_status,
                    last_fetched_at = excluded.last_fetched_at,
                    last_ok_at = coalesce(excluded.last_ok_at, feeds.last_ok_at)""")
    except duckdb.Error as exc:
        raise batch_error(f"the state of {len(rows)} feeds", exc) from None


def feed_states(con: duckdb.DuckDBPyConnection) -> dict[str, FeedState]:
    """What is remembered about each feed, by feed name."""
    rows = con.execute("SELECT name, url, etag, last_modified FROM feeds ORDER BY name").fetchall()
    return {name: FeedState(name=name, url=url, etag=etag, last_modified=lm)
            for name, url, etag, lm in rows}
