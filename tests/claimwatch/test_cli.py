import subprocess
import sys

import pytest

from claimwatch.cli import COMMANDS, build_parser, main


def test_cli_every_command_has_help_text():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert set(sub.choices) == set(COMMANDS)
    for name, command_parser in sub.choices.items():
        assert COMMANDS[name].__doc__, name
        assert command_parser.format_help().count("\n") > 3, name
        assert command_parser.description, name


@pytest.mark.parametrize("command", ["run", "import", "extract", "sql", "timeline", "digest", "serve", "init"])
def test_cli_help_exits_zero(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: claimwatch" in capsys.readouterr().out


def test_cli_init_writes_production_config_and_refuses_to_overwrite(tmp_path, capsys):
    target = tmp_path / "claimwatch.toml"
    assert main(["init", "--path", str(target)]) == 0
    assert "techcrunch.com/feed" in target.read_text()
    assert main(["init", "--path", str(target)]) == 1
    assert "already exists" in capsys.readouterr().err


def test_cli_bad_config_is_one_line_error(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text("[warehous]\n")
    assert main(["sql", "select 1", "--config", str(bad)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert "E001" in err and "warehous" in err


def test_cli_sql_without_warehouse_says_how_to_make_one(tmp_path, capsys):
    assert main(["sql", "select 1", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert "claimwatch run" in capsys.readouterr().err


def test_cli_console_script_runs(tmp_path):
    result = subprocess.run([sys.executable, "-m", "claimwatch.cli", "--version"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout.startswith("claimwatch ")
