"""Real servers on 127.0.0.1 for end-to-end tests."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path


@contextmanager
def serve_sample_feeds(root: Path) -> Iterator[str]:
    """Copy the bundled sample feeds into ``root`` and serve that folder over HTTP; yield its URL."""
    root.mkdir(parents=True, exist_ok=True)
    for entry in (resources.files("claimwatch") / "samples").iterdir():
        if entry.name.endswith(".xml"):
            (root / entry.name).write_bytes(entry.read_bytes())
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a, **k: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
