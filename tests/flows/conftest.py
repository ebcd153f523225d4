"""Real parts for flow tests: a Prefect test server, feeds over HTTP, an SMTP server."""

from __future__ import annotations

import socket

import pytest

from tests.support.configs import write_sample_config
from tests.support.servers import serve_sample_feeds


@pytest.fixture(scope="session")
def prefect_harness():
    from prefect.testing.utilities import prefect_test_harness
    with prefect_test_harness(server_startup_timeout=90):
        yield


@pytest.fixture
def feed_server(tmp_path):
    """Serve the bundled sample feeds (and nothing else) from a real HTTP server on 127.0.0.1."""
    root = tmp_path / "www"
    with serve_sample_feeds(root) as url:
        yield url, root


@pytest.fixture
def smtp_server():
    """A real SMTP server (aiosmtpd) on 127.0.0.1 that keeps what it receives."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message

    received = []

    class Keep(Message):
        def handle_message(self, message):
            received.append(message)

    with socket.socket() as probe:  # aiosmtpd needs a concrete port to check it started
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Keep(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield controller.port, received
    finally:
        controller.stop()


@pytest.fixture
def write_config():
    """A function writing a claimwatch.toml for the served feeds (and SMTP, when a port is given)."""
    return lambda folder, base_url, smtp_port, extra_feeds="": write_sample_config(
        folder, base_url, smtp_port=smtp_port, extra_feeds=extra_feeds)
