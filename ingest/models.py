"""Articles and feed results as ingest hands them to the warehouse."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime


def article_id_for(key: str) -> str:
    """A stable article id from its GUID or canonical URL."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def content_hash(title: str, text: str) -> str:
    return hashlib.sha1(f"{title}\n{text}".encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Article:
    article_id: str
    url: str | None
    title: str
    source: str  # the feed's name, or the archive's "source" field
    published_at: datetime | None  # timezone-aware, UTC
    language: str | None  # the declared language; extraction detects the real one
    text: str  # plain text, the fullest we have
    summary: str = ""
    guid: str | None = None
    text_origin: str = "feed"  # "feed" (full content in the feed), "page" (fetched), "summary", "archive"
    fetch_error: str | None = None  # why the full text could not be fetched, if it could not
    content_hash: str = ""

    def __post_init__(self) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.title, self.text)


@dataclass(slots=True)
class FeedState:
    """What is remembered about a feed between runs (conditional GET)."""

    name: str
    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(slots=True)
class FeedResult:
    """The outcome of fetching one feed."""

    name: str
    url: str
    ok: bool
    status: str  # "ok", "not_modified", "error"
    error: str | None = None
    http_status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    articles: list[Article] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
