"""A claimwatch.toml for end-to-end tests: the two sample feeds served at a URL, mail to one reader."""

from __future__ import annotations

from pathlib import Path

RECIPIENT = "analyst@example.com"


def write_sample_config(folder: Path, feeds_url: str, *, smtp_port: int | None = None,
                        lock_timeout_seconds: float = 5.0, extra_feeds: str = "", extra: str = "") -> Path:
    """Write ``folder/claimwatch.toml`` (warehouse ``folder/cw.duckdb``, digests in ``folder/digests``).

    ``extra_feeds`` adds [[feeds]] tables; ``extra`` adds whole sections (``[extract]`` ...).
    """
    smtp = (f'\n[smtp]\nhost = "127.0.0.1"\nport = {smtp_port}\nstarttls = false\ntimeout_seconds = 10\n'
            if smtp_port else "")
    text = f"""
[warehouse]
path = "{(folder / 'cw.duckdb').as_posix()}"
lock_timeout_seconds = {lock_timeout_seconds}

[[feeds]]
name = "TechWire"
url = "{feeds_url}/techwire.xml"

[[feeds]]
name = "FrenchTech Info"
url = "{feeds_url}/frenchtech_info.xml"
{extra_feeds}
[fetch]
timeout_seconds = 5
retries = 0
retry_delay_seconds = 0
full_text = false

[digest]
to = ["{RECIPIENT}"]
from = "claimwatch@example.com"
out_dir = "{(folder / 'digests').as_posix()}"
{extra}
{smtp}"""
    path = folder / "claimwatch.toml"
    path.write_text(text, encoding="utf-8")
    return path
