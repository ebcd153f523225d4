"""Bad feeds end to end: `claimwatch run` (a subprocess) over good and broken feeds on 127.0.0.1.

Each broken feed (404, an HTML page, a server that never answers within the fetch
timeout, a redirect loop, a garbage body) is named with its reason in the printed
summary, in ``runs.failed_feeds`` and in ``feeds.last_error``; the good feeds' articles
are stored and the run exits 0. When every feed is bad the run exits non-zero and
prints every reason.
"""

from __future__ import annotations

import http.server
import re
import threading
import time
from importlib import resources
from pathlib import Path

import duckdb
import pytest

from tests.support.cli_process import run_cli

pytestmark = pytest.mark.slow

FETCH_TIMEOUT = 2  # seconds, [fetch] timeout_seconds; the silent route waits much longer

GOOD = {"TechWire": "/techwire.xml", "FrenchTech Info": "/frenchtech_info.xml"}
# name -> (path, a pattern the one-line reason must match)
BAD = {
    "Missing page": ("/missing.xml", r"HTTP 404"),
    "Home page": ("/index.html", r"HTML page"),
    "Never answers": ("/silent.xml", r"timed out"),
    "Loop": ("/loop-a", r"redirect loop|too many redirects"),
    "Garbage": ("/garbage.xml", r"not a feed|could not be parsed"),
}


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # the silent route's thread is still asleep at shutdown


@pytest.fixture(scope="module")
def feed_host():
    """Good and broken feeds from one real HTTP server on 127.0.0.1."""
    samples = {entry.name: entry.read_bytes()
               for entry in (resources.files("claimwatch") / "samples").iterdir() if entry.name.endswith(".xml")}
    garbage = bytes(range(256)) * 8 + b"<rss><channel><item>\x00\xff"

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _send(self, status: int, body: bytes, content_type: str, **headers):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            path = self.path.split("?")[0]
            if path.lstrip("/") in samples:
                self._send(200, samples[path.lstrip("/")], "application/rss+xml")
            elif path == "/index.html":
                self._send(200, b"<!doctype html><html><head><title>Home</title></head>"
                                b"<body><h1>Welcome</h1><p>No feed here.</p></body></html>",
                           "text/html; charset=utf-8")
            elif path == "/silent.xml":
                time.sleep(FETCH_TIMEOUT * 8)  # says nothing at all, well past the fetch timeout
                self._send(200, samples["techwire.xml"], "application/rss+xml")
            elif path == "/loop-a":
                self._send(302, b"", "text/plain", Location="/loop-b")
            elif path == "/loop-b":
                self._send(302, b"", "text/plain", Location="/loop-a")
            elif path == "/garbage.xml":
                self._send(200, garbage, "application/rss+xml")
            else:
                self._send(404, b"not found", "text/plain")

    server = _Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def write_config(folder: Path, base: str, feeds: dict[str, str]) -> Path:
    blocks = "".join(f'\n[[feeds]]\nname = "{name}"\nurl = "{base}{path}"\n' for name, path in feeds.items())
    text = f"""
[warehouse]
path = "{(folder / 'cw.duckdb').as_posix()}"
{blocks}
[fetch]
timeout_seconds = {FETCH_TIMEOUT}
retries = 0
retry_delay_seconds = 0
per_host_concurrency = 8
per_host_delay_seconds = 0
full_text = false

[digest]
to = ["analyst@example.com"]
out_dir = "{(folder / 'digests').as_posix()}"
"""
    path = folder / "claimwatch.toml"
    path.write_text(text, encoding="utf-8")
    return path


def query(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def failed_lines(stdout: str) -> dict[str, str]:
    """``failed: NAME: reason`` lines of the printed summary, by feed name."""
    lines = {}
    for line in stdout.splitlines():
        match = re.match(r"\s*failed: (.+?): (.+)$", line)
        if match:
            lines[match.group(1)] = match.group(2)
    return lines


def test_faults_bad_feeds_are_named_and_good_feeds_stored(tmp_path, feed_host):
    feeds = {**GOOD, **{name: path for name, (path, _) in BAD.items()}}
    config = write_config(tmp_path, feed_host, feeds)

    done = run_cli(["run", "--config", str(config)], cwd=tmp_path)

    assert done.returncode == 0, (done.stdout, done.stderr[-3000:])
    assert "Traceback" not in done.stdout + done.stderr
    assert f"feeds: {len(GOOD)} ok, {len(BAD)} failed" in done.stdout
    printed = failed_lines(done.stdout)
    assert set(printed) == set(BAD), done.stdout
    for name, (_, reason) in BAD.items():
        assert re.search(reason, printed[name]), (name, printed[name])

    db = tmp_path / "cw.duckdb"
    ((status, failed_feeds),) = query(db, "SELECT status, failed_feeds FROM runs")
    assert status == "partial"
    recorded = dict(line.split(": ", 1) for line in failed_feeds.splitlines())
    assert recorded == printed
    states = {name: (s, e) for name, s, e in query(db, "SELECT name, last_status, last_error FROM feeds")}
    assert set(states) == set(GOOD) | set(BAD)
    for name in GOOD:
        assert states[name] == ("ok", None)
    for name, (_, reason) in BAD.items():
        assert states[name][0] == "error" and re.search(reason, states[name][1]), (name, states[name])

    per_source = dict(query(db, "SELECT source, count(*) FROM articles GROUP BY source"))
    assert set(per_source) == set(GOOD)
    assert sum(per_source.values()) >= 10
    (claims,) = query(db, "SELECT count(*) FROM claims")[0]
    assert claims > 0


def test_faults_every_feed_bad_exits_non_zero_with_every_reason(tmp_path, feed_host):
    config = write_config(tmp_path, feed_host, {name: path for name, (path, _) in BAD.items()})

    done = run_cli(["run", "--config", str(config)], cwd=tmp_path)

    assert done.returncode == 1, (done.stdout, done.stderr[-3000:])
    assert "Traceback" not in done.stdout + done.stderr
    assert f"feeds: 0 ok, {len(BAD)} failed" in done.stdout
    printed = failed_lines(done.stdout)
    assert set(printed) == set(BAD), done.stdout
    for name, (_, reason) in BAD.items():
        assert re.search(reason, printed[name]), (name, printed[name])
    db = tmp_path / "cw.duckdb"
    assert query(db, "SELECT status FROM runs") == [("failed",)]
    assert query(db, "SELECT count(*) FROM articles") == [(0,)]
