"""Feeds and archives in, :class:`~claimwatch.records.Article` objects out (no SQL here).

The names below are loaded on first use: reading an archive (``claimwatch extract``) must not
pay for httpx and trafilatura, which only fetching needs.
"""

from __future__ import annotations

import importlib

_HOMES = {
    "read_jsonl": "archive", "validate_jsonl": "archive", "BadLine": "archive",
    "fetch_feed": "fetch", "fetch_feeds": "fetch",
    "extract_main_text": "fulltext", "fill_full_text": "fulltext",
    "FetchError": "http",
    "parse_feed": "parse",
    "canonical_url": "urls",
}
_RECORDS = ("Article", "FeedResult", "FeedState", "article_id_for", "content_hash")

__all__ = sorted([*_HOMES, *_RECORDS])


def __getattr__(name: str):
    if name in _RECORDS:
        value = getattr(importlib.import_module("claimwatch.records"), name)
    elif name in _HOMES:
        value = getattr(importlib.import_module(f"claimwatch.ingest.{_HOMES[name]}"), name)
    else:
        raise AttributeError(f"module 'claimwatch.ingest' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
