"""Feed bytes to :class:`~claimwatch.records.Article` objects, with feedparser.

Decisions:

* **Article id**: ``article_id_for(canonical_url)`` when the item has a link (so the same
  story reached through two feeds, or a feed and an archive, gets one id); else
  ``article_id_for(guid)``; else a hash of feed name + title. A link equal to the feed's own
  home page or to the feed itself (an empty ``href`` resolves to it) is no link: ``url`` is
  None (NULL in the warehouse, never ''), and such items stay apart by GUID.
* **Dates**: a feed date is a full timestamp, ``published_precision`` "time".
* **Dedupe** within one feed: an item whose GUID or canonical URL was already seen is dropped
  (with a warning).
* **text_origin**: "feed" when the item carries content (``content:encoded`` or Atom
  ``<content>``) longer than ``summary_max_words`` words, else "summary" (full text may
  then be fetched from the page, see :mod:`ingest.fulltext`).
* **Entity expansion**: a document whose DOCTYPE declares entities is refused before
  parsing (``FeedError``); feedparser itself also drops unsafe declarations and the bundled
  expat (>= 2.4) caps amplification, but we do not rely on either.
* **Errors**: unusable input raises :class:`~claimwatch.errors.FeedError` (one line); no
  other exception escapes, whatever the bytes.
"""

from __future__ import annotations

import calendar
import re
import time
from datetime import datetime, timezone

import feedparser

from claimwatch.errors import FeedError
from claimwatch.records import Article, article_id_for
from claimwatch.ingest.text import html_to_text, plain_title, word_count
from claimwatch.ingest.urls import canonical_url, resolve_url

__all__ = ["parse_feed", "check_entity_declarations"]

_DOCTYPE_WITH_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.IGNORECASE)
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)
_SUMMARY_PREVIEW_WORDS = 60


def check_entity_declarations(data: bytes) -> None:
    """Raise FeedError when the document's DOCTYPE declares entities (billion laughs,
    quadratic blow-up, external entities). UTF-16/32 documents are checked too."""
    ascii_view = data.replace(b"\x00", b"")
    doctype = _DOCTYPE_WITH_SUBSET.search(ascii_view)
    if doctype and _ENTITY_DECL.search(ascii_view, doctype.start()):
        raise FeedError("refused: the feed's DOCTYPE declares XML entities "
                        "(entity expansion could exhaust memory)")


def _one_line(value: object, limit: int = 200) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _looks_like_html(data: bytes, content_type: str | None) -> bool:
    if content_type and content_type.split(";")[0].strip().lower() in ("text/html", "application/xhtml+xml"):
        return True
    head = data[:4096].replace(b"\x00", b"").lstrip(b"\xef\xbb\xbf\xff\xfe")
    return bool(_HTML_START.match(head))


def _to_utc(parsed: time.struct_time | None) -> datetime | None:
    if not parsed:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc)
    except (OverflowError, ValueError, OSError, TypeError):
        return None


def _language(declared: str | None, feed: dict) -> str | None:
    if declared:
        return declared
    value = feed.get("language") or ""
    primary = value.strip().split("-")[0].split("_")[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None


def _entry_content(entry: dict) -> str | None:
    """The longest HTML/text content block of an entry, or None."""
    blocks = [c.get("value") or "" for c in entry.get("content") or []
              if (c.get("type") or "text/html") in ("text/html", "text/plain", "application/xhtml+xml", "html",
                                                    "text", "xhtml")]
    blocks = [b for b in blocks if b.strip()]
    return max(blocks, key=len) if blocks else None


def _preview(text: str) -> str:
    words = text.split()
    if len(words) <= _SUMMARY_PREVIEW_WORDS:
        return text
    return " ".join(words[:_SUMMARY_PREVIEW_WORDS]) + " …"


def _build_article(entry: dict, *, feed_name: str, base_url: str, language: str | None,
                   home: str | None, summary_max_words: int) -> Article | None:
    title_detail = entry.get("title_detail") or {}
    title = plain_title(entry.get("title"), is_html=title_detail.get("type") == "text/html")
    content_html = _entry_content(entry)
    summary_html = entry.get("summary") or ""
    content_text = html_to_text(content_html) if content_html else ""
    summary_text = html_to_text(summary_html)
    if content_text:
        text = content_text
        summary = summary_text if summary_text and summary_text != content_text else _preview(content_text)
        origin = "feed" if word_count(content_text) > summary_max_words else "summary"
    else:
        text = summary_text
        summary = summary_text
        origin = "summary"
    link = resolve_url(base_url, entry.get("link"))
    guid = (entry.get("id") or "").strip() or None
    canon = canonical_url(link) if link else None
    if canon and canon in (home, canonical_url(base_url)):
        # no link of its own: feedparser resolves an empty href to the feed's URL, and some
        # feeds link every item to their home page. The item is then kept apart by its GUID.
        link = canon = None
    if canon:
        key = canon
    elif guid:
        key = guid
    elif title or text:
        key = f"{feed_name}\n{title or text[:500]}"
    else:
        return None
    published = _to_utc(entry.get("published_parsed") or entry.get("updated_parsed")
                        or entry.get("created_parsed"))
    return Article(
        article_id=article_id_for(key), url=link or None, title=title, source=feed_name,
        published_at=published, published_precision="time" if published else None,
        language=language, text=text, summary=summary, guid=guid, text_origin=origin,
    )


def _parse_with_feedparser(data: bytes, base_url: str, content_type: str | None):
    # No Content-Type (file:// feeds, careless servers): let the XML declaration decide.
    headers = {"content-location": base_url, "content-type": content_type or "application/xml"}
    try:
        return feedparser.parse(data, response_headers=headers)
    except Exception as exc:  # feedparser is robust, but never let a bad feed crash a run
        raise FeedError(f"feed could not be parsed: {_one_line(exc)}") from None


def parse_feed(data: bytes, *, feed_name: str, base_url: str, declared_language: str | None,
               content_type: str | None = None, summary_max_words: int = 120) -> tuple[list[Article], list[str]]:
    """Articles and warnings from raw feed bytes (any encoding feedparser can detect).

    ``base_url`` resolves relative links (give the feed's final URL after redirects);
    ``declared_language`` (from the config) wins over the feed's own ``<language>``.
    A bozo (ill-formed) feed that still yields entries is accepted with a warning.
    Raises FeedError when nothing usable comes out: an HTML page, an unparseable
    document, a non-feed XML document, or entity declarations.
    """
    if not data or not data.strip(b" \t\r\n\x00"):
        raise FeedError("empty response: no feed content (0 bytes)")
    check_entity_declarations(data)
    parsed = _parse_with_feedparser(data, base_url, content_type)
    warnings: list[str] = []
    entries = list(parsed.get("entries") or [])
    bozo = bool(parsed.get("bozo"))
    problem = _one_line(parsed.get("bozo_exception") or "ill-formed document")
    if not entries:
        if _looks_like_html(data, content_type):
            kind = (content_type or "text/html").split(";")[0].strip()
            raise FeedError(f"not a feed: got an HTML page ({kind})")
        if bozo:
            raise FeedError(f"not a feed: {problem}")
        if not parsed.get("version"):
            raise FeedError("not a feed: no RSS, Atom or RDF root element")
        warnings.append("the feed has no entries")
        return [], warnings
    if bozo:
        warnings.append(f"ill-formed feed, parsed leniently: {problem}")

    feed = parsed.get("feed") or {}
    language = _language(declared_language, feed)
    home_link = resolve_url(base_url, feed.get("link"))
    home = canonical_url(home_link) if home_link else None
    articles: list[Article] = []
    seen_guids: set[str] = set()
    seen_urls: set[str] = set()
    for position, entry in enumerate(entries, start=1):
        try:
            article = _build_article(entry, feed_name=feed_name, base_url=base_url, language=language,
                                     home=home, summary_max_words=summary_max_words)
        except Exception as exc:  # one odd item never loses the others
            warnings.append(f"item {position} skipped: {_one_line(exc)}")
            continue
        if article is None:
            warnings.append(f"item {position} skipped: no link, id, title or text")
            continue
        canon = canonical_url(article.url) if article.url else None
        if (article.guid and article.guid in seen_guids) or (canon and canon in seen_urls):
            warnings.append(f"item {position} skipped: duplicate of an earlier item "
                            f"({article.guid or article.url})")
            continue
        if article.guid:
            seen_guids.add(article.guid)
        if canon:
            seen_urls.add(canon)
        articles.append(article)
    if not articles and bozo:
        raise FeedError(f"not a feed: no usable items ({problem})")
    return articles, warnings
