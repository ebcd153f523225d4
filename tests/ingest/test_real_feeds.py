"""Real saved feeds from ../shared/benchmarks/feeds/, served over HTTP and parsed.

feedparser's fixtures open with an XML comment whose ``Expect:`` line is feedparser's own
assertion; we check the parts that map onto our articles. The other files (real TechCrunch,
The Verge, Futurism and 01net feeds) are well-formed and must yield entries.
"""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

import pytest

from claimwatch.config import FeedConfig
from claimwatch.ingest import fetch_feed
from claimwatch.ingest.text import html_to_text


def _feeds_dir() -> Path:
    root = os.environ.get("CLAIMWATCH_SHARED_BENCHMARKS")
    base = Path(root) if root else Path(__file__).resolve().parents[2] / ".." / "shared" / "benchmarks"
    return (base / "feeds").resolve()


FEEDS = _feeds_dir()
if not FEEDS.is_dir():
    pytest.skip(f"shared benchmark feeds not found at {FEEDS} (set CLAIMWATCH_SHARED_BENCHMARKS)",
                allow_module_level=True)
FILES = sorted(p for p in FEEDS.iterdir() if p.suffix == ".xml")
_EXPECT = re.compile(r"Expect:\s*(.+)")
_FIELD_EQUALS = re.compile(r"entries\[0\](?:\['(?:description|summary)'\]|\.(?:description|summary)|\.(?P<link>link)"
                           r"|\['content'\]\[0\]\['value'\])\s*==\s*(?P<value>'(?:[^'\\]|\\.)*')")


def _expectation(path: Path) -> str | None:
    """feedparser's Expect: line from the opening comment, decoded whatever the encoding."""
    raw = path.read_bytes()[:2000]
    text = raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("utf-8", "replace")
    match = _EXPECT.search(text)
    return match.group(1).strip() if match else None


def _serve(server, path: Path):
    data = path.read_bytes()
    url = server.route(f"/{path.name}", body=data, headers={"Content-Type": "application/xml"})
    config = FeedConfig(name=path.stem, url=url, language="en" if "01net" in path.name else None)
    return config


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_real_feeds_parse_as_expected(server, fetch_config, path):
    result = fetch_feed(_serve(server, path), None, fetch_config, None)
    expect = _expectation(path)
    assert result.status in ("ok", "error")
    if result.status == "error":
        assert result.error and "\n" not in result.error
    if expect is None:  # a real news feed: well-formed, with entries
        assert result.ok and len(result.articles) >= 10 and result.warnings == []
        assert all(a.title and a.url and a.url.startswith("https://") for a in result.articles)
        assert all(a.published_at is not None and a.published_at.utcoffset().total_seconds() == 0
                   for a in result.articles)
        return
    expects_bozo = re.search(r"(?<!not )\bbozo\b", expect) is not None
    if expects_bozo:  # ill-formed: accepted with a warning, or a clean one-line error
        assert (result.ok and any(w.startswith("ill-formed") for w in result.warnings)) or result.status == "error"
    elif "not bozo" in expect:
        assert result.ok and not any(w.startswith("ill-formed") for w in result.warnings)
    else:  # no word on well-formedness (the file may be ill-formed): the expected entry must come out
        assert result.ok
    field = _FIELD_EQUALS.search(expect)
    if field:
        expected = ast.literal_eval(field.group("value"))
        article = result.articles[0]
        if field.group("link"):
            assert article.url == expected
        else:
            assert article.text == html_to_text(expected)
    if "ord(entries[0]['description']) == 8230" in expect:
        assert result.articles[0].text == "\u2026"


def test_real_feeds_01net_is_french_though_declared_english(server, fetch_config):
    path = FEEDS / "prospect-rss-feeds__01net_fr_2026-02-15.xml"
    if not path.is_file():
        pytest.skip(f"{path.name} not in {FEEDS}")
    result = fetch_feed(_serve(server, path), None, fetch_config, None)
    assert result.ok and result.articles
    words = " ".join(f"{a.title} {a.text}" for a in result.articles).lower().split()
    french = sum(w in {"le", "la", "les", "des", "une", "est", "pour", "avec", "dans"} for w in words)
    english = sum(w in {"the", "and", "is", "with", "for", "this", "that", "of"} for w in words)
    assert all(a.language == "en" for a in result.articles)  # the declared language is kept
    assert french > 5 * max(english, 1)
    assert any("«" in a.text or "»" in a.text or "€" in a.text for a in result.articles)


def test_real_feeds_techcrunch_full_content_is_plain_text(server, fetch_config):
    path = FEEDS / "RSSvelte__techcrunch_2023-08-16.xml"
    if not path.is_file():
        pytest.skip(f"{path.name} not in {FEEDS}")
    config = fetch_config.model_copy(update={"summary_max_words": 120})
    result = fetch_feed(_serve(server, path), None, config, None)
    assert result.ok and len(result.articles) >= 10
    assert all(a.text_origin == "feed" for a in result.articles)
    for article in result.articles:
        assert "<script" not in article.text and "<p>" not in article.text and "&amp;" not in article.text
        assert "\n\n" in article.text and "\r" not in article.text
