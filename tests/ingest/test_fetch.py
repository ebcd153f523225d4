"""Fetching feeds from a real HTTP server on 127.0.0.1 and from file:// URLs."""

from __future__ import annotations

import gzip
import threading
import time
import tracemalloc
import zlib

import pytest

from claimwatch.config import FeedConfig
from claimwatch.ingest import FeedState, fetch_feed, fetch_feeds
from claimwatch.ingest.http import HostLimiter

FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Test feed</title><link>https://news.example/</link>
<item><title>Acme raises $10M</title><link>https://news.example/acme</link><guid>acme-1</guid>
<description>Acme raised money.</description><pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate></item>
</channel></rss>"""
RSS_TYPE = {"Content-Type": "application/rss+xml; charset=utf-8"}


def feed_at(url: str, name: str = "test") -> FeedConfig:
    return FeedConfig(name=name, url=url)


def test_fetch_ok_returns_articles_and_validators(server, fetch_config):
    url = server.route("/feed.xml", body=FEED, headers={**RSS_TYPE, "ETag": '"v1"',
                                                        "Last-Modified": "Mon, 03 Mar 2025 10:00:00 GMT"})
    result = fetch_feed(feed_at(url), None, fetch_config, None)
    assert result.ok and result.status == "ok" and result.http_status == 200
    assert [a.title for a in result.articles] == ["Acme raises $10M"]
    assert result.etag == '"v1"'
    assert result.last_modified == "Mon, 03 Mar 2025 10:00:00 GMT"
    assert server.hits("/feed.xml")[0].headers["user-agent"] == fetch_config.user_agent


def test_fetch_conditional_get_etag_gives_not_modified(server, fetch_config):
    def handler(request):
        if request.headers.get("If-None-Match") == '"v1"':
            return server.Reply(304, b"", {"ETag": '"v1"'})
        return server.Reply(200, FEED, {**RSS_TYPE, "ETag": '"v1"'})

    url = server.route("/feed.xml", handler)
    first = fetch_feed(feed_at(url), None, fetch_config, None)
    assert first.status == "ok" and first.etag == '"v1"'
    state = FeedState(name="test", url=url, etag=first.etag)
    second = fetch_feed(feed_at(url), state, fetch_config, None)
    assert second.ok and second.status == "not_modified" and second.http_status == 304
    assert second.articles == [] and second.etag == '"v1"'
    assert server.hits("/feed.xml")[1].headers["if-none-match"] == '"v1"'


def test_fetch_conditional_get_last_modified_gives_not_modified(server, fetch_config):
    stamp = "Tue, 04 Mar 2025 08:00:00 GMT"

    def handler(request):
        if request.headers.get("If-Modified-Since") == stamp:
            return server.Reply(304, b"")  # no validators repeated: the old ones are kept
        return server.Reply(200, FEED, {**RSS_TYPE, "Last-Modified": stamp})

    url = server.route("/feed.xml", handler)
    state = FeedState(name="test", url=url, last_modified=stamp)
    result = fetch_feed(feed_at(url), state, fetch_config, None)
    assert result.status == "not_modified" and result.ok
    assert result.last_modified == stamp


def test_fetch_state_for_another_url_sends_no_validators(server, fetch_config):
    url = server.route("/feed.xml", body=FEED, headers=RSS_TYPE)
    state = FeedState(name="test", url=server.url("/old.xml"), etag='"old"', last_modified="x")
    result = fetch_feed(feed_at(url), state, fetch_config, None)
    assert result.status == "ok"
    headers = server.hits("/feed.xml")[0].headers
    assert "if-none-match" not in headers and "if-modified-since" not in headers


def test_fetch_404_is_a_one_line_error_without_retry(server, fetch_config):
    url = server.url("/missing.xml")
    result = fetch_feed(feed_at(url), None, fetch_config, None)
    assert not result.ok and result.status == "error" and result.http_status == 404
    assert result.error == f"HTTP 404 Not Found from {url}"
    assert len(server.hits("/missing.xml")) == 1


def test_fetch_500_then_success_on_retry(server, fetch_config):
    calls = []

    def handler(request):
        calls.append(1)
        return server.Reply(500, b"oops") if len(calls) == 1 else server.Reply(200, FEED, RSS_TYPE)

    url = server.route("/flaky.xml", handler)
    result = fetch_feed(feed_at(url), None, fetch_config, None)
    assert result.ok and len(result.articles) == 1
    assert len(calls) == 2


def test_fetch_500_every_time_reports_attempts(server, fetch_config):
    url = server.route("/down.xml", status=503, body=b"busy")
    result = fetch_feed(feed_at(url), None, fetch_config, None)
    assert result.status == "error" and result.http_status == 503
    assert "HTTP 503 Service Unavailable" in result.error and "after 2 attempts" in result.error
    assert len(server.hits("/down.xml")) == fetch_config.retries + 1


def test_fetch_html_page_instead_of_feed(server, fetch_config):
    page = b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>"
    url = server.route("/", body=page, headers={"Content-Type": "text/html; charset=utf-8"})
    result = fetch_feed(feed_at(url), None, fetch_config, None)
    assert result.status == "error"
    assert result.error == "not a feed: got an HTML page (text/html)"


def test_fetch_unparseable_body(server, fetch_config):
    url = server.route("/junk.xml", body=b"\x00\xff garbage <<< not xml", headers={"Content-Type": "text/xml"})
    result = fetch_feed(feed_at(url), None, fetch_config, None)
    assert result.status == "error" and result.error.startswith("not a feed")
    assert "\n" not in result.error


def test_fetch_server_that_never_answers_times_out(server, fetch_config):
    def hang(request):
        server.stopping.wait(10)
        return None

    url = server.route("/hang.xml", hang)
    config = fetch_config.model_copy(update={"retries": 0})
    result = fetch_feed(feed_at(url), None, config, None)
    assert result.status == "error"
    assert result.error == f"timed out after 1s waiting for {url}"


def test_fetch_redirect_is_followed_and_links_resolve_against_final_url(server, fetch_config, make_rss):
    server.route("/old", status=301, headers={"Location": "/new/feed.xml"})
    body = make_rss("<item><title>Rel</title><link>story.html</link></item>")
    server.route("/new/feed.xml", body=body, headers=RSS_TYPE)
    result = fetch_feed(feed_at(server.url("/old")), None, fetch_config, None)
    assert result.ok
    assert result.articles[0].url == server.url("/new/story.html")


def test_fetch_redirect_loop_is_a_clear_error(server, fetch_config):
    server.route("/a", status=302, headers={"Location": "/b"})
    server.route("/b", status=302, headers={"Location": "/a"})
    result = fetch_feed(feed_at(server.url("/a")), None, fetch_config, None)
    assert result.status == "error" and result.http_status == 302
    assert result.error == f"redirect loop: {server.url('/b')} redirects back to {server.url('/a')}"


def test_fetch_too_many_redirects(server, fetch_config):
    for i in range(10):
        server.route(f"/r{i}", status=307, headers={"Location": f"/r{i + 1}"})
    result = fetch_feed(feed_at(server.url("/r0")), None, fetch_config, None)
    assert result.error == f"too many redirects (more than 3) starting at {server.url('/r0')}"


def _fifty_megabytes():
    chunk = b"<!-- " + b"x" * (65_536 - 9) + b" -->"
    yield b'<?xml version="1.0"?><rss version="2.0"><channel><title>big</title>'
    for _ in range(800):  # 800 x 64 KiB = 50 MiB, one chunk object reused
        yield chunk


@pytest.mark.parametrize("declare_length", [True, False])
def test_fetch_50mb_feed_hits_the_size_cap(server, fetch_config, declare_length):
    headers = dict(RSS_TYPE)
    if declare_length:
        headers["Content-Length"] = str(800 * 65_536 + 80)
    url = server.route("/big.xml", lambda request: server.Reply(200, _fifty_megabytes(), headers))
    result = fetch_feed(feed_at(url), None, fetch_config, None)
    assert result.status == "error"
    assert result.error == "feed larger than 1000000 bytes"


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    """~64 KB of gzip that inflates to 64 MiB of zeros (built chunk by chunk)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(1 << 20)
    parts = [compressor.compress(zeros) for _ in range(64)]
    parts.append(compressor.flush())
    return b"".join(parts)


def test_fetch_gzip_bomb_is_capped_with_bounded_memory(server, fetch_config, gzip_bomb):
    assert len(gzip_bomb) < 1_000_000
    headers = {**RSS_TYPE, "Content-Encoding": "gzip", "Content-Length": str(len(gzip_bomb))}
    url = server.route("/bomb.xml", body=gzip_bomb, headers=headers)
    tracemalloc.start()
    try:
        result = fetch_feed(feed_at(url), None, fetch_config, None)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.status == "error" and result.error == "feed larger than 1000000 bytes"
    assert peak < 12_000_000  # the cap is 1 MB; 64 MiB would be inflated without it


def test_fetch_gzip_encoded_feed_is_decoded(server, fetch_config):
    url = server.route("/gz.xml", body=gzip.compress(FEED), headers={**RSS_TYPE, "Content-Encoding": "gzip"})
    result = fetch_feed(feed_at(url), None, fetch_config, None)
    assert result.ok and result.articles[0].title == "Acme raises $10M"


def test_fetch_billion_laughs_is_refused(server, fetch_config, make_rss):
    entities = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">\n' for i in range(1, 10))
    doc = ('<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol0 "lol">\n' + entities + "]>\n"
           + make_rss("<item><title>&lol9;</title><link>https://x.example/1</link></item>").decode().split("?>", 1)[1])
    url = server.route("/lol.xml", body=doc.encode(), headers=RSS_TYPE)
    result = fetch_feed(feed_at(url), None, fetch_config, None)
    assert result.status == "error"
    assert "declares XML entities" in result.error


def test_fetch_file_url_reads_from_disk(tmp_path, fetch_config):
    path = tmp_path / "feed.xml"
    path.write_bytes(FEED)
    result = fetch_feed(feed_at(path.as_uri()), None, fetch_config, None)
    assert result.ok and result.http_status is None and len(result.articles) == 1


def test_fetch_file_url_missing_and_too_large(tmp_path, fetch_config):
    missing = fetch_feed(feed_at((tmp_path / "nope.xml").as_uri()), None, fetch_config, None)
    assert missing.error == f"file not found: {tmp_path / 'nope.xml'}"
    big = tmp_path / "big.xml"
    big.write_bytes(b" " * (fetch_config.max_feed_bytes + 1))
    result = fetch_feed(feed_at(big.as_uri()), None, fetch_config, None)
    assert result.error == f"feed larger than {fetch_config.max_feed_bytes} bytes: {big}"


def test_fetch_feeds_one_broken_feed_does_not_stop_the_others(server, fetch_config):
    good = server.route("/good.xml", body=FEED, headers=RSS_TYPE)
    feeds = [feed_at(server.url("/gone.xml"), "gone"), feed_at(good, "good"),
             feed_at("file:///nonexistent/claimwatch.xml", "file")]
    results = fetch_feeds(feeds, {}, fetch_config)
    assert [r.name for r in results] == ["gone", "good", "file"]
    assert [r.status for r in results] == ["error", "ok", "error"]
    assert len(results[1].articles) == 1


@pytest.mark.parametrize("limit", [1, 2])
def test_fetch_feeds_respects_per_host_concurrency(server, fetch_config, limit):
    lock = threading.Lock()
    state = {"now": 0, "max": 0}

    def slow(request):
        with lock:
            state["now"] += 1
            state["max"] = max(state["max"], state["now"])
        time.sleep(0.05)
        with lock:
            state["now"] -= 1
        return server.Reply(200, FEED, RSS_TYPE)

    feeds = [feed_at(server.route(f"/f{i}.xml", slow), f"f{i}") for i in range(6)]
    config = fetch_config.model_copy(update={"per_host_concurrency": limit})
    results = fetch_feeds(feeds, {}, config)
    assert all(r.ok for r in results)
    assert 1 <= state["max"] <= limit


def test_fetch_host_limiter_spaces_request_starts():
    limiter = HostLimiter(concurrency=4, delay=0.05)
    starts = []
    for _ in range(3):
        with limiter.slot("http://example.test/a"):
            starts.append(time.monotonic())
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    # each start waits for the previous start + delay; allow for the time between taking
    # the slot and recording it under a loaded machine
    assert all(gap >= 0.04 for gap in gaps)


def test_fetch_redirect_to_a_file_url_is_refused(server, fetch_config):
    server.route("/sneaky", status=302, headers={"Location": "file:///etc/passwd"})
    result = fetch_feed(feed_at(server.url("/sneaky")), None, fetch_config, None)
    assert result.error == f"refusing redirect from {server.url('/sneaky')} to non-HTTP URL file:///etc/passwd"


def test_fetch_slow_drip_body_hits_the_overall_deadline(server, fetch_config):
    def drip():
        yield b'<?xml version="1.0"?><rss version="2.0"><channel>'
        for _ in range(100):  # each byte well within the read timeout, the whole far beyond it
            if server.stopping.wait(0.1):
                return
            yield b" "

    url = server.route("/drip.xml", lambda request: server.Reply(200, drip(), RSS_TYPE))
    config = fetch_config.model_copy(update={"timeout_seconds": 0.3, "retries": 0})
    result = fetch_feed(feed_at(url), None, config, None)
    assert result.status == "error"
    assert result.error == "feed took too long to download (more than 5 x the read timeout)"


def test_fetch_unsupported_content_encoding(server, fetch_config):
    url = server.route("/br.xml", body=b"\x0b\x02\x80", headers={**RSS_TYPE, "Content-Encoding": "br"})
    result = fetch_feed(feed_at(url), None, fetch_config, None)
    assert result.error == "unsupported Content-Encoding 'br'"


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS], ids=["zlib", "raw"])
def test_fetch_deflate_encoded_feed_is_decoded(server, fetch_config, wbits):
    compressor = zlib.compressobj(6, zlib.DEFLATED, wbits)
    body = compressor.compress(FEED) + compressor.flush()
    url = server.route("/deflate.xml", body=body, headers={**RSS_TYPE, "Content-Encoding": "deflate"})
    result = fetch_feed(feed_at(url), None, fetch_config, None)
    assert result.ok and result.articles[0].title == "Acme raises $10M"
