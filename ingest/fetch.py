"""Fetch feeds (HTTP or file://) into :class:`~claimwatch.records.FeedResult` objects.

One broken feed never stops the others: every failure becomes
``FeedResult(ok=False, status="error", error="<one line>")``. Conditional GET uses the
ETag / Last-Modified remembered in :class:`~claimwatch.records.FeedState`; a 304 gives
``status="not_modified"`` with no articles.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx

from claimwatch.config import FeedConfig, FetchConfig
from claimwatch.errors import FeedError
from claimwatch.ingest.http import FetchError, HostLimiter, get, make_client
from claimwatch.records import FeedResult, FeedState
from claimwatch.ingest.parse import parse_feed

__all__ = ["fetch_feed", "fetch_feeds"]

_ACCEPT = ("application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
           "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5")
_MAX_WORKERS = 8


def _conditional_headers(feed: FeedConfig, state: FeedState | None) -> dict[str, str]:
    headers = {"Accept": _ACCEPT}
    if state is not None and state.url == feed.url:  # a changed URL makes old validators meaningless
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
    return headers


def fetch_feed(feed: FeedConfig, state: FeedState | None, fetch: FetchConfig, client: httpx.Client | None = None,
               *, limiter: HostLimiter | None = None) -> FeedResult:
    """Download and parse one feed; never raises for a bad feed."""
    own_client = client is None
    if own_client:
        client = make_client(fetch)
    old_etag = state.etag if state is not None and state.url == feed.url else None
    old_modified = state.last_modified if state is not None and state.url == feed.url else None
    try:
        response = get(feed.url, fetch, client, max_bytes=fetch.max_feed_bytes,
                       headers=_conditional_headers(feed, state), limiter=limiter, what="feed")
        etag = response.headers.get("etag") or None
        modified = response.headers.get("last-modified") or None
        if response.status == 304:
            return FeedResult(name=feed.name, url=feed.url, ok=True, status="not_modified", http_status=304,
                              etag=etag or old_etag, last_modified=modified or old_modified)
        articles, warnings = parse_feed(response.content, feed_name=feed.name, base_url=response.url,
                                        declared_language=feed.language, content_type=response.content_type,
                                        summary_max_words=fetch.summary_max_words)
        http_status = response.status if response.headers else None
        return FeedResult(name=feed.name, url=feed.url, ok=True, status="ok", http_status=http_status,
                          etag=etag, last_modified=modified, articles=articles, warnings=warnings)
    except FetchError as exc:
        return FeedResult(name=feed.name, url=feed.url, ok=False, status="error", error=exc.message,
                          http_status=exc.http_status, etag=old_etag, last_modified=old_modified)
    except FeedError as exc:
        return FeedResult(name=feed.name, url=feed.url, ok=False, status="error", error=exc.message,
                          etag=old_etag, last_modified=old_modified)
    except Exception as exc:  # a bug must not stop the other feeds; say what happened
        message = " ".join(f"unexpected error: {type(exc).__name__}: {exc}".split())
        return FeedResult(name=feed.name, url=feed.url, ok=False, status="error", error=message,
                          etag=old_etag, last_modified=old_modified)
    finally:
        if own_client:
            client.close()


def fetch_feeds(feeds: list[FeedConfig], states: dict[str, FeedState], fetch: FetchConfig, *,
                client: httpx.Client | None = None) -> list[FeedResult]:
    """Fetch every feed (concurrently, at most ``fetch.per_host_concurrency`` per host);
    results come back in the order of ``feeds``. ``states`` is keyed by feed name."""
    if not feeds:
        return []
    own_client = client is None
    if own_client:
        client = make_client(fetch)
    limiter = HostLimiter.from_config(fetch)
    try:
        workers = min(_MAX_WORKERS, len(feeds))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="claimwatch-feed") as pool:
            futures = [pool.submit(fetch_feed, feed, states.get(feed.name), fetch, client, limiter=limiter)
                       for feed in feeds]
            return [future.result() for future in futures]
    finally:
        if own_client:
            client.close()
