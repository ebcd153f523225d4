"""Full text of summary-only articles, fetched from pages on a local server."""

from __future__ import annotations

import socket
import threading
import time

from claimwatch.config import FeedConfig
from claimwatch.ingest import Article, article_id_for, content_hash, fetch_feed, fill_full_text

PARAGRAPHS = [
    "Acme, the AI sales startup, said on Monday that its annual recurring revenue reached $10 million, "
    "up from $4 million a year earlier, and that it now serves more than 300 customers worldwide.",
    "Several former employees disputed those figures. They said the company had lost 70 to 80 percent "
    "of its customers within months, and that some logos shown on its website were never customers.",
    "The company declined to comment further on the dispute but said it stood by its numbers and "
    "would publish audited results later this year, according to a spokesperson.",
]
PAGE = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Acme story</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/tech'>Tech</a></nav>"
        "<article><h1>Acme says ARR hit $10M</h1>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "</article><footer>Copyright News Example</footer></body></html>").encode()
HTML = {"Content-Type": "text/html; charset=utf-8"}


def summary_article(url: str, text: str = "Acme says its ARR hit $10M.") -> Article:
    return Article(article_id=article_id_for(url), url=url, title="Acme says ARR hit $10M", source="test",
                   published_at=None, language="en", text=text, summary=text, text_origin="summary")


def test_fulltext_page_text_replaces_the_summary(server, fetch_config):
    article = summary_article(server.route("/story", body=PAGE, headers=HTML))
    fill_full_text([article], fetch_config)
    assert article.text_origin == "page" and article.fetch_error is None
    assert article.text.split("\n\n")[-3:] == PARAGRAPHS
    assert "Copyright" not in article.text and "Home" not in article.text
    assert article.summary == "Acme says its ARR hit $10M."
    assert article.content_hash == content_hash(article.title, article.text)


def test_fulltext_page_404_keeps_the_summary(server, fetch_config):
    url = server.url("/gone")
    article = summary_article(url)
    fill_full_text([article], fetch_config)
    assert article.text == "Acme says its ARR hit $10M." and article.text_origin == "summary"
    assert article.fetch_error == f"HTTP 404 Not Found from {url}"


def test_fulltext_non_html_and_empty_pages_keep_the_summary(server, fetch_config):
    pdf = summary_article(server.route("/doc", body=b"%PDF-1.4 ...", headers={"Content-Type": "application/pdf"}))
    empty = summary_article(server.route("/empty", body=b"<html><body></body></html>", headers=HTML))
    fill_full_text([pdf, empty], fetch_config)
    assert pdf.text_origin == "summary" and pdf.fetch_error.startswith("page is application/pdf, not HTML")
    assert empty.text_origin == "summary" and empty.fetch_error.startswith("no main text found on the page")


def test_fulltext_oversized_page_keeps_the_summary(server, fetch_config):
    big = b"<html><body><p>" + b"word " * 300_000 + b"</p></body></html>"
    article = summary_article(server.route("/huge", body=big, headers=HTML))
    fill_full_text([article], fetch_config)
    assert article.fetch_error == f"page larger than {fetch_config.max_page_bytes} bytes"


def test_fulltext_skips_full_feed_items_and_disabled_config(server, fetch_config):
    url = server.route("/story", body=PAGE, headers=HTML)
    full = summary_article(url)
    full.text_origin = "feed"
    fill_full_text([full], fetch_config)
    summary = summary_article(url)
    fill_full_text([summary], fetch_config.model_copy(update={"full_text": False}))
    assert server.hits("/story") == []
    assert full.text_origin == "feed" and summary.text_origin == "summary" and summary.fetch_error is None


def test_fulltext_after_fetching_a_summary_feed(server, fetch_config):
    story = server.route("/2025/acme", body=PAGE, headers=HTML)
    feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>{server.base}/</link>'
            f"<item><title>Acme says ARR hit $10M</title><link>/2025/acme</link>"
            f"<description>Acme says its ARR hit $10M.</description></item>"
            f"<item><title>Gone</title><link>/2025/gone</link><description>Lost.</description></item>"
            "</channel></rss>").encode()
    url = server.route("/feed.xml", body=feed, headers={"Content-Type": "application/rss+xml"})
    result = fetch_feed(FeedConfig(name="t", url=url), None, fetch_config, None)
    fill_full_text(result.articles, fetch_config)
    found, gone = result.articles
    assert found.url == story and found.text_origin == "page" and PARAGRAPHS[1] in found.text
    assert gone.text == "Lost." and gone.fetch_error == f"HTTP 404 Not Found from {server.url('/2025/gone')}"


def test_fulltext_respects_per_host_concurrency(server, fetch_config):
    lock = threading.Lock()
    state = {"now": 0, "max": 0}

    def slow(request):
        with lock:
            state["now"] += 1
            state["max"] = max(state["max"], state["now"])
        time.sleep(0.05)
        with lock:
            state["now"] -= 1
        return server.Reply(200, PAGE, HTML)

    articles = [summary_article(server.route(f"/p{i}", slow)) for i in range(5)]
    fill_full_text(articles, fetch_config.model_copy(update={"per_host_concurrency": 1}))
    assert all(a.text_origin == "page" for a in articles)
    assert state["max"] == 1


def test_fulltext_unreachable_host_is_tried_once_per_run(fetch_config):
    with socket.socket() as probe:  # a port nobody listens on: connections are refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    articles = [summary_article(f"http://127.0.0.1:{port}/story-{i}") for i in range(4)]
    fill_full_text(articles, fetch_config.model_copy(update={"per_host_concurrency": 1}))
    errors = [a.fetch_error for a in articles]
    assert all(a.text_origin == "summary" for a in articles)
    assert sum(e.startswith(f"cannot connect to 127.0.0.1:{port}") for e in errors) == 1
    assert sum(e.startswith("skipped, host unreachable earlier in this run") for e in errors) == 3
