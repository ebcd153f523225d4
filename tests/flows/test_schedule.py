"""``claimwatch serve`` against a real Prefect server: refusal without one, registration, a run.

The slow test starts ``prefect server start`` and ``claimwatch serve`` as real
subprocesses (each in its own process group and PREFECT_HOME), checks the deployment
through the Prefect client, triggers a run and reads the warehouse it wrote.
"""

from __future__ import annotations

import http.server
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from claimwatch.config import load_config, parse_config, sample_feeds
from claimwatch.errors import ScheduleError
from claimwatch.flows.schedule import (
    check_server,
    deployment_exists,
    deployment_full_name,
    deployment_parameters,
    make_schedule,
)

SERVER_STARTUP_SECONDS = 120
REGISTER_SECONDS = 120
RUN_SECONDS = 300


# --- helpers ------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _clean_env(prefect_home: Path, api_url: str | None) -> dict[str, str]:
    """The test's environment without any PREFECT_* setting, plus a private PREFECT_HOME."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update({
        "PREFECT_HOME": str(prefect_home),
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    })
    env.pop("CLAIMWATCH_CONFIG", None)
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return env


def _start(cmd: list[str], env: dict[str, str], cwd: Path, log: Path) -> subprocess.Popen:
    out = open(log, "wb")  # noqa: SIM115 - closed by _stop
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                            start_new_session=True)
    proc._log_file = out  # type: ignore[attr-defined]
    return proc


def _stop(proc: subprocess.Popen) -> None:
    """Terminate the process group, then kill it if it lingers."""
    for sig, wait in ((signal.SIGTERM, 30), (signal.SIGKILL, 10)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue
        # the leader is gone; make sure no child of the group survives it
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        break
    proc._log_file.close()  # type: ignore[attr-defined]


def _tail(log: Path, lines: int = 40) -> str:
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    return "\n".join(text.splitlines()[-lines:])


def _wait_healthy(url: str, proc: subprocess.Popen, log: Path) -> None:
    import httpx
    deadline = time.monotonic() + SERVER_STARTUP_SECONDS
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"prefect server exited early:\n{_tail(log)}"
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    pytest.fail(f"prefect server not healthy after {SERVER_STARTUP_SECONDS}s:\n{_tail(log)}")


def _serve_cmd(config: Path) -> list[str]:
    return [sys.executable, "-m", "claimwatch.cli", "serve", "--config", str(config)]


def _write_config(tmp_path: Path, deployment: str) -> Path:
    """No [[feeds]] (so the bundled samples), no [smtp] (so the digest goes to a file)."""
    path = tmp_path / "claimwatch.toml"
    path.write_text(f"""
[warehouse]
path = "{(tmp_path / 'served.duckdb').as_posix()}"

[fetch]
full_text = false
retries = 0

[digest]
to = ["analyst@example.com"]
out_dir = "{(tmp_path / 'digests').as_posix()}"

[schedule]
cron = "15 6 * * 1-5"
timezone = "America/New_York"
deployment_name = "{deployment}"
""", encoding="utf-8")
    return path


# --- fast tests ---------------------------------------------------------------------------

def test_schedule_serve_refuses_dead_server(tmp_path):
    port = _free_port()  # bound then released: nothing listens there
    env = _clean_env(tmp_path / "home", f"http://127.0.0.1:{port}/api")
    proc = subprocess.run(_serve_cmd(_write_config(tmp_path, "dead")), env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "E008" in proc.stderr and "prefect server start" in proc.stderr
    assert f"127.0.0.1:{port}" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_schedule_serve_refuses_without_api_url(tmp_path):
    env = _clean_env(tmp_path / "home", None)
    proc = subprocess.run(_serve_cmd(_write_config(tmp_path, "unset")), env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "PREFECT_API_URL is not set" in proc.stderr
    assert "export PREFECT_API_URL=http://127.0.0.1:4200/api" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_schedule_check_server_reports_http_error():
    class Unhealthy(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(503)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Unhealthy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/api"
        with pytest.raises(ScheduleError, match="HTTP 503") as info:
            check_server(url)
        assert "prefect server start" in str(info.value)
    finally:
        server.shutdown()
        server.server_close()


def test_schedule_make_schedule_keeps_cron_and_timezone():
    config = parse_config({"schedule": {"cron": "0 9 * * 1", "timezone": "Asia/Tokyo"}})
    schedule = make_schedule(config)
    assert schedule.cron == "0 9 * * 1"
    assert schedule.timezone == "Asia/Tokyo"


@pytest.mark.parametrize(("key", "value", "named"), [
    ("timezone", "Mars/Olympus_Mons", "schedule.timezone"),
    ("cron", "every morning", "schedule.cron"),
])
def test_schedule_make_schedule_rejects_bad_settings(key, value, named):
    config = parse_config({"schedule": {key: value}})
    with pytest.raises(ScheduleError, match=named) as info:
        make_schedule(config)
    assert value in str(info.value)


def test_schedule_deployment_parameters_absolute_config_and_db_override(tmp_path, monkeypatch):
    config_file = _write_config(tmp_path, "params")
    monkeypatch.chdir(tmp_path)
    config = load_config("claimwatch.toml")  # relative on purpose
    params = deployment_parameters(config, "claimwatch.toml")
    assert params == {"config_path": str(config_file.resolve()), "trigger": "schedule"}

    overridden = config.model_copy(update={"warehouse": config.warehouse.model_copy(
        update={"path": "other.duckdb"})})
    params = deployment_parameters(overridden, "claimwatch.toml")
    assert params["db"] == str((tmp_path / "other.duckdb").resolve())

    defaults = parse_config({})
    assert deployment_parameters(defaults, None) == {"config_path": None, "trigger": "schedule"}
    assert deployment_full_name(defaults) == "claimwatch-daily/claimwatch-daily"


# --- the real thing -----------------------------------------------------------------------

@pytest.fixture
def prefect_server(tmp_path):
    """``prefect server start`` on a free port with its own PREFECT_HOME; yields the API URL."""
    port = _free_port()
    home = tmp_path / "server-home"
    home.mkdir()
    env = _clean_env(home, None)
    log = tmp_path / "server.log"
    proc = _start([sys.executable, "-m", "prefect", "server", "start",
                   "--host", "127.0.0.1", "--port", str(port)], env, tmp_path, log)
    url = f"http://127.0.0.1:{port}/api"
    try:
        _wait_healthy(url, proc, log)
        yield url
    finally:
        _stop(proc)


def _wait_for_deployment(full_name: str, url: str, serve: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + REGISTER_SECONDS
    while time.monotonic() < deadline:
        assert serve.poll() is None, f"claimwatch serve exited early:\n{_tail(log)}"
        if deployment_exists(full_name, url):
            return
        time.sleep(1)
    pytest.fail(f"{full_name} not registered after {REGISTER_SECONDS}s:\n{_tail(log)}")


@pytest.mark.slow
def test_schedule_serve_registers_deployment_and_runs_it(tmp_path, prefect_server):
    import duckdb
    from prefect.client.orchestration import get_client
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL, temporary_settings

    url = prefect_server
    config_path = _write_config(tmp_path, "ci-daily")
    full_name = "claimwatch-daily/ci-daily"
    log = tmp_path / "serve.log"
    serve = _start(_serve_cmd(config_path), _clean_env(tmp_path / "serve-home", url), tmp_path, log)
    try:
        _wait_for_deployment(full_name, url, serve, log)
        with temporary_settings({PREFECT_API_URL: url}):
            with get_client(sync_client=True) as client:
                deployment = client.read_deployment_by_name(full_name)
            assert [s.schedule.cron for s in deployment.schedules] == ["15 6 * * 1-5"]
            assert [s.schedule.timezone for s in deployment.schedules] == ["America/New_York"]
            assert all(s.active for s in deployment.schedules)
            assert deployment.parameters == {"config_path": str(config_path.resolve()),
                                             "trigger": "schedule"}

            flow_run = run_deployment(name=full_name, timeout=RUN_SECONDS, poll_interval=2)
        assert flow_run.state is not None
        assert flow_run.state.is_completed(), (
            f"run ended {flow_run.state.type.value}: {flow_run.state.message}\n{_tail(log, 80)}")
        assert serve.poll() is None, "serve must keep running after a run"
        _stop(serve)  # SIGTERM: Prefect pauses the schedule, the next serve resumes it
        with temporary_settings({PREFECT_API_URL: url}), get_client(sync_client=True) as client:
            assert client.read_deployment_by_name(full_name).paused is True
    finally:
        _stop(serve)

    con = duckdb.connect(str(tmp_path / "served.duckdb"), read_only=True)
    try:
        rows = con.execute("SELECT status, trigger, feeds_ok, finished_at IS NOT NULL FROM runs").fetchall()
        claims = con.execute("SELECT count(*) FROM claims").fetchone()[0]
    finally:
        con.close()
    assert rows == [("ok", "schedule", len(sample_feeds()), True)]
    assert claims > 0
