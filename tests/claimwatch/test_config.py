from pathlib import Path

import pytest

from claimwatch.config import PRODUCTION_TEMPLATE, load_config, parse_config
from claimwatch.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "claimwatch.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_config_defaults_use_bundled_sample_feeds(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLAIMWATCH_CONFIG", raising=False)
    config = load_config()
    assert config.source == "defaults"
    assert len(config.feeds) >= 2
    for feed in config.feeds:
        assert feed.url.startswith("file://")
        assert Path(feed.url.removeprefix("file://")).is_file()


def test_config_order_explicit_then_env_then_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, '[warehouse]\npath = "cwd.duckdb"\n')
    env_file = tmp_path / "env.toml"
    env_file.write_text('[warehouse]\npath = "env.duckdb"\n')
    explicit = tmp_path / "explicit.toml"
    explicit.write_text('[warehouse]\npath = "explicit.duckdb"\n')
    monkeypatch.delenv("CLAIMWATCH_CONFIG", raising=False)
    assert load_config().warehouse.path == "cwd.duckdb"
    monkeypatch.setenv("CLAIMWATCH_CONFIG", str(env_file))
    assert load_config().warehouse.path == "env.duckdb"
    assert load_config(explicit).warehouse.path == "explicit.duckdb"


def test_config_unknown_key_is_named(tmp_path):
    path = write(tmp_path, '[warehouse]\npaht = "x.duckdb"\n')
    with pytest.raises(ConfigError, match=r"unknown key 'warehouse.paht'"):
        load_config(path)


def test_config_bad_url_names_the_feed_key(tmp_path):
    path = write(tmp_path, '[[feeds]]\nname = "x"\nurl = "ftp//nowhere"\n')
    with pytest.raises(ConfigError, match=r"feeds.0.url"):
        load_config(path)


def test_config_missing_file_names_the_path(tmp_path):
    with pytest.raises(ConfigError, match="nope.toml"):
        load_config(tmp_path / "nope.toml")


def test_config_invalid_toml_is_a_config_error(tmp_path):
    path = write(tmp_path, "[warehouse\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(path)


def test_config_smtp_credentials_come_from_environment(monkeypatch):
    config = parse_config({"smtp": {"host": "127.0.0.1", "port": 2525, "starttls": False}})
    monkeypatch.setenv("CLAIMWATCH_SMTP_USERNAME", "alice")
    monkeypatch.setenv("CLAIMWATCH_SMTP_PASSWORD", "s3cret")
    assert (config.smtp.username, config.smtp.password) == ("alice", "s3cret")
    with pytest.raises(ConfigError, match="smtp.password"):
        parse_config({"smtp": {"host": "h", "password": "in-the-file"}})


def test_config_production_template_is_valid(tmp_path):
    config = load_config(write(tmp_path, PRODUCTION_TEMPLATE))
    urls = [f.url for f in config.feeds]
    assert urls == ["https://techcrunch.com/feed/", "https://futurism.com/feed"]
    assert config.companies.aliases["Engineer.ai"] == "Builder.ai"


def test_config_recipients_merge_plain_to_addresses():
    config = parse_config({"digest": {"to": ["a@x.org"],
                                      "recipients": [{"email": "b@x.org", "companies": ["11x"]}]}})
    emails = [r.email for r in config.digest.all_recipients()]
    assert emails == ["b@x.org", "a@x.org"]
    with pytest.raises(ConfigError, match="digest.recipients.0.email"):
        parse_config({"digest": {"recipients": [{"email": "x@y.org\r\nBcc: z@w"}]}})
