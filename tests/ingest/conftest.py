"""A real HTTP server on 127.0.0.1 whose routes each test registers."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from claimwatch.config import FetchConfig


@dataclass
class Reply:
    status: int = 200
    body: bytes | Iterable[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)


Handler = Callable[[BaseHTTPRequestHandler], Reply]


@dataclass
class Seen:
    path: str
    headers: dict[str, str]


class LocalServer:
    Reply = Reply  # tests build replies as server.Reply(...)

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.requests: list[Seen] = []
        self.stopping = threading.Event()
        server = self

        class RequestHandler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"  # the body ends when the connection closes

            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def do_GET(self) -> None:
                server.requests.append(Seen(self.path, {k.lower(): v for k, v in self.headers.items()}))
                handler = server.routes.get(self.path.split("?")[0])
                reply = handler(self) if handler else Reply(404, b"not found", {"Content-Type": "text/plain"})
                if reply is None:  # the handler answered (or hung) by itself
                    return
                try:
                    self.send_response(reply.status)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    if isinstance(reply.body, bytes) and "Content-Length" not in reply.headers:
                        self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    chunks = [reply.body] if isinstance(reply.body, bytes) else reply.body
                    for chunk in chunks:
                        self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading (size caps): expected

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), RequestHandler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, handler: Handler | None = None, **reply) -> str:
        """Register ``path``: a handler(request) -> Reply, or a fixed Reply(**reply). Returns its URL."""
        fixed = Reply(**reply)
        self.routes[path] = handler or (lambda request: fixed)
        return self.url(path)

    def hits(self, path: str) -> list[Seen]:
        return [r for r in self.requests if r.path.split("?")[0] == path]


@pytest.fixture
def server():
    srv = LocalServer()
    srv.thread.start()
    try:
        yield srv
    finally:
        srv.stopping.set()
        srv.httpd.shutdown()
        srv.httpd.server_close()


@pytest.fixture
def fetch_config() -> FetchConfig:
    """Fast settings for tests: short timeout, no retry delay, no politeness delay."""
    return FetchConfig(timeout_seconds=1.0, retries=1, retry_delay_seconds=0.01, per_host_delay_seconds=0.0,
                       max_feed_bytes=1_000_000, max_page_bytes=1_000_000, max_redirects=3, summary_max_words=30)


def shared_feeds_dir() -> Path:
    root = os.environ.get("CLAIMWATCH_SHARED_BENCHMARKS")
    base = Path(root) if root else Path(__file__).resolve().parents[2] / ".." / "shared" / "benchmarks"
    return base / "feeds"


def rss(items: str, *, channel_extra: str = "") -> bytes:
    """A small RSS 2.0 document around ``items``."""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">\n'
        f"<channel><title>Test feed</title><link>https://news.example/</link>{channel_extra}\n"
        f"{items}\n</channel></rss>\n"
    ).encode("utf-8")


@pytest.fixture
def make_rss():
    return rss
