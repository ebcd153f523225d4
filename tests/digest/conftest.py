"""Fixtures for digest tests: a real DuckDB warehouse, row builders, a real aiosmtpd server."""

from __future__ import annotations

import hashlib
import socket
import warnings
from dataclasses import dataclass, field
from datetime import datetime, timezone

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from claimwatch.config import parse_config
from claimwatch.warehouse.db import connect

T0 = datetime(2026, 11, 28, 9, 0, tzinfo=timezone.utc)


def _id(*parts) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


class Rows:
    """Insert warehouse rows directly (articles, claims, contradictions, companies)."""

    def __init__(self, con):
        self.con = con

    def company(self, name, is_ai=True, aliases=()):
        self.con.execute("INSERT INTO companies VALUES (?, ?, ?) ON CONFLICT DO NOTHING", [name, is_ai, T0])
        for alias in aliases:
            self.con.execute("INSERT INTO company_aliases VALUES (?, ?)", [alias, name])

    def article(self, title="A story", source="TechCrunch", url="https://techcrunch.com/a", published=T0,
                text="Body."):
        article_id = _id("article", title, url, published)
        self.con.execute(
            "INSERT INTO articles (article_id, url, title, source, published_at, language, text, "
            "content_hash, first_seen_at) VALUES (?, ?, ?, ?, ?, 'en', ?, ?, ?) ON CONFLICT DO NOTHING",
            [article_id, url, title, source, published, text, _id(text), published])
        return article_id

    def claim(self, article_id, company, metric="arr", value=10e6, unit="USD", claimed_by="company",
              sentence=None, published=T0):
        claim_id = _id("claim", article_id, company, metric, value, claimed_by)
        self.company(company)
        self.con.execute(
            "INSERT INTO claims (claim_id, article_id, company, metric, value, value_low, value_high, unit, "
            "claimed_by, sentence, quantity_text, sentence_index, char_start, extractor_version, "
            "published_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 'test', ?, ?)",
            [claim_id, article_id, company, metric, value, value, value, unit, claimed_by,
             sentence or f"{company} says its {metric} is {value}.", str(value), published, published])
        return claim_id

    def contradiction(self, company, metric="arr", claimed=10e6, reported=3e6, unit="USD", kind="numeric",
                      explanation=None, claim_article=None, report_article=None, cue=None):
        claim_article = claim_article or self.article(f"{company} claims", url="https://example.com/claim",
                                                      published=T0)
        report_article = report_article or self.article(f"{company} report", source="Reuters",
                                                        url="https://example.com/report", published=T0)
        self.company(company)
        claim_id = self.claim(claim_article, company, metric, claimed, unit) if claimed is not None else None
        other_id = dispute_id = None
        if kind == "dispute":
            dispute_id = _id("dispute", report_article, company)
            self.con.execute(
                "INSERT INTO disputes VALUES (?, ?, ?, ?, ?, ?, 0, 'en', 'test', ?, ?)",
                [dispute_id, report_article, company, metric, cue or "inflated",
                 f"Staff said {company}'s figures were {cue or 'inflated'}.", T0, T0])
        elif reported is not None:
            other_id = self.claim(report_article, company, metric, reported, unit, claimed_by="reporter")
        contradiction_id = _id("k", kind, claim_id, other_id, dispute_id)
        self.con.execute(
            "INSERT INTO contradictions (contradiction_id, company, metric, kind, claim_id, "
            "contradicting_claim_id, dispute_id, claim_article_id, contradicting_article_id, claimed_value, "
            "reported_value, unit, severity, explanation, detected_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0.7, ?, ?)",
            [contradiction_id, company, metric, kind, claim_id, other_id, dispute_id, claim_article,
             report_article, claimed, reported if kind != "dispute" else None, unit,
             explanation or f"{company} claimed one figure, reporting found another.", T0])
        return contradiction_id


@pytest.fixture
def con(tmp_path):
    connection = connect(tmp_path / "wh.duckdb")
    yield connection
    connection.close()


@pytest.fixture
def rows(con):
    return Rows(con)


def make_config(tmp_path, port=None, *, to=("analyst@example.com",), recipients=(), **digest):
    data = {"feeds": [{"name": "x", "url": "https://example.com/feed"}],
            "digest": {"to": list(to), "recipients": list(recipients), "from": "claimwatch@example.org",
                       "out_dir": str(tmp_path / "digests"), **digest},
            "schedule": {"timezone": "UTC"}}
    if port is not None:
        data["smtp"] = {"host": "127.0.0.1", "port": port, "starttls": False, "timeout_seconds": 5}
    return parse_config(data)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes


@dataclass
class Recorder:
    """An aiosmtpd handler that keeps what it accepts and refuses on request."""

    refuse_rcpt: int = 0
    refuse_data: int = 0
    messages: list[Received] = field(default_factory=list)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse_rcpt > 0:
            self.refuse_rcpt -= 1
            return "554 5.7.1 recipient rejected by policy"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.refuse_data > 0:
            self.refuse_data -= 1
            return "554 5.6.0 message refused"
        self.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"


class SmtpServer:
    """A real aiosmtpd server on 127.0.0.1 that can be stopped and started again on the same port."""

    def __init__(self, auth: tuple[str, str] | None = None):
        self.port = free_port()
        self.handler = Recorder()
        self.auth = auth
        self.controller: Controller | None = None

    def _authenticate(self, server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and self.auth is not None
              and auth_data.login.decode() == self.auth[0] and auth_data.password.decode() == self.auth[1])
        return AuthResult(success=ok, handled=False)  # let aiosmtpd answer 535

    def start(self):
        kwargs = {}
        if self.auth:
            kwargs = {"authenticator": self._authenticate, "auth_required": True, "auth_require_tls": False}
        with warnings.catch_warnings():  # AUTH without TLS is deliberate here: 127.0.0.1 only
            warnings.simplefilter("ignore", UserWarning)
            self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port, **kwargs)
        self.controller.start()
        return self

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def messages(self) -> list[Received]:
        return self.handler.messages


@pytest.fixture
def smtp_server():
    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture
def auth_smtp_server():
    server = SmtpServer(auth=("alice", "s3cret-pass")).start()
    yield server
    server.stop()


@pytest.fixture
def cfg(tmp_path):
    """cfg(port=None, to=(...), recipients=(...), **digest_keys) -> Config."""
    return lambda port=None, **kwargs: make_config(tmp_path, port, **kwargs)
