"""Feeds and archives in, :class:`~claimwatch.records.Article` objects out (no SQL here)."""

from claimwatch.ingest.archive import read_jsonl, validate_jsonl
from claimwatch.ingest.fetch import fetch_feed, fetch_feeds
from claimwatch.ingest.fulltext import extract_main_text, fill_full_text
from claimwatch.ingest.http import FetchError
from claimwatch.records import Article, FeedResult, FeedState, article_id_for, content_hash
from claimwatch.ingest.parse import parse_feed
from claimwatch.ingest.urls import canonical_url

__all__ = [
    "Article", "FeedResult", "FeedState", "FetchError", "article_id_for", "canonical_url", "content_hash",
    "extract_main_text", "fetch_feed", "fetch_feeds", "fill_full_text", "parse_feed", "read_jsonl",
    "validate_jsonl",
]
