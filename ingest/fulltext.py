"""Full article text for summary-only items: fetch the page, extract it with trafilatura.

Pages are fetched with the same timeouts, redirect and retry rules as feeds, capped at
``fetch.max_page_bytes``, at most ``fetch.per_host_concurrency`` at once per host and
with ``fetch.per_host_delay_seconds`` between request starts on one host.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx
import trafilatura

from claimwatch.config import FetchConfig
from claimwatch.ingest.http import FetchError, HostLimiter, get, make_client
from claimwatch.records import Article, content_hash
from claimwatch.ingest.urls import is_http_url

__all__ = ["fill_full_text", "extract_main_text"]

_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
_MAX_WORKERS = 8
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")


def extract_main_text(html: bytes | str, url: str | None = None) -> str | None:
    """The main text of an HTML page, paragraphs separated by a blank line; None if none."""
    try:
        text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False,
                                   include_images=False, favor_precision=True, deduplicate=False)
    except Exception:  # trafilatura/lxml on hostile markup: treat as "nothing found"
        return None
    if not text:
        return None
    paragraphs = [" ".join(line.split()) for line in text.splitlines()]
    joined = "\n\n".join(p for p in paragraphs if p)
    return joined or None


def _fill_one(article: Article, fetch: FetchConfig, client: httpx.Client, limiter: HostLimiter) -> None:
    try:
        page = get(article.url, fetch, client, max_bytes=fetch.max_page_bytes, headers={"Accept": _ACCEPT},
                   limiter=limiter, what="page")
    except FetchError as exc:
        article.fetch_error = exc.message
        return
    media_type = (page.content_type or "").split(";")[0].strip().lower()
    if media_type not in _HTML_TYPES:
        article.fetch_error = f"page is {media_type}, not HTML: {page.url}"
        return
    text = extract_main_text(page.content, url=page.url)
    if not text:
        article.fetch_error = f"no main text found on the page: {page.url}"
        return
    if len(text) < len(article.text):
        article.fetch_error = f"page text shorter than the feed summary (paywall?): {page.url}"
        return
    if not article.summary:
        article.summary = article.text
    article.text = text
    article.text_origin = "page"
    article.fetch_error = None
    article.content_hash = content_hash(article.title, article.text)


def fill_full_text(articles: list[Article], fetch: FetchConfig, client: httpx.Client | None = None) -> None:
    """Replace the text of every summary-only article by its page's main text, in place.

    Success: ``text_origin = "page"``. Failure: the summary stays and ``fetch_error``
    says why. Does nothing when ``fetch.full_text`` is false. Never raises for a bad page.
    """
    if not fetch.full_text:
        return
    todo = [a for a in articles if a.text_origin == "summary" and is_http_url(a.url)]
    if not todo:
        return
    own_client = client is None
    if own_client:
        client = make_client(fetch)
    limiter = HostLimiter.from_config(fetch)

    def work(article: Article) -> None:
        try:
            _fill_one(article, fetch, client, limiter)
        except Exception as exc:  # a bug on one page must not lose the others
            article.fetch_error = " ".join(f"unexpected error: {type(exc).__name__}: {exc}".split())

    try:
        with ThreadPoolExecutor(max_workers=min(_MAX_WORKERS, len(todo)),
                                thread_name_prefix="claimwatch-page") as pool:
            list(pool.map(work, todo))
    finally:
        if own_client:
            client.close()
