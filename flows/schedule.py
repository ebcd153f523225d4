"""Serve the daily flow on a Prefect server: register the deployment, run it when due.

``claimwatch serve`` is a long-running process next to ``prefect server start``. It
needs a real server (``PREFECT_API_URL``): schedules never fire on Prefect's temporary
in-process server, so we refuse to start without one instead of silently falling back.

Runs execute in a child process of ``serve`` with the task runner named in
``[runner]`` (the flow object itself is handed to Prefect's runner, so the
``with_options(task_runner=...)`` choice survives).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from claimwatch.config import Config, load_config, parse_config
from claimwatch.errors import ScheduleError

__all__ = [
    "FLOW_NAME",
    "HEALTH_TIMEOUT_SECONDS",
    "START_HINT",
    "check_server",
    "deployment_exists",
    "deployment_full_name",
    "deployment_parameters",
    "make_schedule",
    "prefect_api_url",
    "serve",
]

FLOW_NAME = "claimwatch-daily"  # the name given to daily_flow's @flow
HEALTH_TIMEOUT_SECONDS = 5.0
START_HINT = ("start one with 'prefect server start', then "
              "'export PREFECT_API_URL=http://127.0.0.1:4200/api'")


def prefect_api_url() -> str | None:
    """The Prefect API URL from the environment, else from the active Prefect profile."""
    url = os.environ.get("PREFECT_API_URL", "").strip()
    if url:
        return url.rstrip("/")
    try:
        from prefect.settings import get_current_settings
        url = get_current_settings().api.url
    except Exception:  # a broken profile is the same as no URL here
        url = None
    return url.rstrip("/") if url else None


def check_server(api_url: str | None = None, timeout: float = HEALTH_TIMEOUT_SECONDS) -> str:
    """Return the API URL if ``GET {url}/health`` answers, else raise ScheduleError."""
    import httpx

    url = api_url.rstrip("/") if api_url else prefect_api_url()
    if not url:
        raise ScheduleError(f"PREFECT_API_URL is not set, so there is no Prefect server to schedule on; "
                            f"{START_HINT}")
    try:
        response = httpx.get(f"{url}/health", timeout=timeout)
        response.raise_for_status()
    except httpx.HTTPStatusError as exc:
        raise ScheduleError(f"the Prefect server at {url} answered /health with HTTP "
                            f"{exc.response.status_code}; check PREFECT_API_URL (it ends in /api) or "
                            f"{START_HINT}") from None
    except httpx.HTTPError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ScheduleError(f"no Prefect server answers at {url} ({reason}); {START_HINT}") from None
    return url


def make_schedule(config: Config):
    """The ``prefect.schedules.Cron`` for ``[schedule]``; bad cron or timezone -> ScheduleError."""
    from prefect.schedules import Cron

    cron, tz = config.schedule.cron, config.schedule.timezone
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(f"schedule.timezone {tz!r} is not a known time zone "
                            "(use an IANA name such as 'Europe/Paris' or 'UTC')") from None
    try:
        return Cron(cron, timezone=tz)
    except ValueError:
        raise ScheduleError(f"schedule.cron {cron!r} is not a valid cron expression "
                            "(five fields, e.g. '0 7 * * *')") from None


def deployment_parameters(config: Config, config_path: str | None) -> dict[str, Any]:
    """Default parameters of the deployment's runs.

    ``config_path`` is made absolute (runs must not depend on the cwd or on
    ``CLAIMWATCH_CONFIG`` at run time); runs are recorded with trigger ``schedule``;
    ``db`` is added only when the warehouse
    path was overridden (``--db``) and so differs from what the file says.
    """
    source = config_path or (config.source if config.source != "defaults" else None)
    path = str(Path(source).resolve()) if source else None
    params: dict[str, Any] = {"config_path": path, "trigger": "schedule"}
    as_written = load_config(path) if path else parse_config({})
    if as_written.warehouse.path != config.warehouse.path:
        params["db"] = str(Path(config.warehouse.path).resolve())
    return params


def deployment_full_name(config: Config) -> str:
    """``<flow>/<deployment>``, as ``prefect deployment run`` and ``run_deployment`` want it."""
    return f"{FLOW_NAME}/{config.schedule.deployment_name}"


def deployment_exists(full_name: str, api_url: str | None = None) -> bool:
    """Whether the server knows the deployment ``<flow>/<deployment>``."""
    from prefect.client.orchestration import get_client
    from prefect.exceptions import ObjectNotFound
    from prefect.settings import PREFECT_API_URL, temporary_settings

    url = api_url or prefect_api_url()
    if not url:
        raise ScheduleError(f"PREFECT_API_URL is not set; {START_HINT}")
    with temporary_settings({PREFECT_API_URL: url}), get_client(sync_client=True) as client:
        try:
            client.read_deployment_by_name(full_name)
        except ObjectNotFound:
            return False
    return True


def serve(config: Config, config_path: str | None) -> None:
    """Register the daily deployment and run it on schedule until interrupted.

    Raises ScheduleError, before touching Prefect, when no server is reachable or
    ``[schedule]`` is invalid. Runs one at a time (the warehouse has a single writer). Blocks while serving; Ctrl-C / SIGTERM stops it (Prefect
    pauses the schedule on shutdown and resumes it on the next ``serve``).
    """
    url = check_server()
    os.environ["PREFECT_API_URL"] = url  # the runner and the runs it spawns use this server
    schedule = make_schedule(config)
    parameters = deployment_parameters(config, config_path)

    from claimwatch.flows.daily import daily_flow, with_runner

    flow_obj = with_runner(daily_flow, config)
    print(f"claimwatch: serving {deployment_full_name(config)} on {url} "
          f"(cron '{config.schedule.cron}', {config.schedule.timezone}, runner {config.runner.kind}); "
          "Ctrl-C stops", flush=True)
    flow_obj.serve(
        name=config.schedule.deployment_name,
        schedules=[schedule],
        parameters=parameters,
        description="claimwatch daily: fetch feeds, extract claims, detect contradictions, send the digest",
        tags=["claimwatch"],
        print_starting_message=False,
        limit=1,  # DuckDB has one writer: never two runs of this process at once
    )
