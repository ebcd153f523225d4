"""Run the ``claimwatch`` command in a subprocess the way a user would, for end-to-end tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

RUN_TIMEOUT = 600  # seconds; a run takes 30-90 s on a loaded two-core machine


def run_cli(args: list[str], *, cwd: Path, prefect_home: Path | None = None, fault: str | None = None,
            timeout: float = RUN_TIMEOUT) -> subprocess.CompletedProcess:
    """``claimwatch ARGS`` in a session of its own, with its own Prefect home; orphans reaped after.

    ``fault`` sets ``CLAIMWATCH_FAULT_AT`` so the run kills itself at that point.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "CLAIMWATCH_"))}
    env.update(DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="90",
               PREFECT_HOME=str(prefect_home or cwd / "prefect"))
    if fault:
        env["CLAIMWATCH_FAULT_AT"] = fault
    # Output goes to files, not pipes: a killed run's orphaned Prefect server would hold
    # the pipes open; waiting on the process itself always ends.
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen([sys.executable, "-m", "claimwatch.cli", *args], cwd=cwd, env=env,
                                stdout=out, stderr=err, text=True, start_new_session=True)
        try:
            proc.wait(timeout=timeout)
        finally:
            try:  # reap what the run left in its process group (a killed run's Prefect server)
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            proc.wait()
        out.seek(0)
        err.seek(0)
        return subprocess.CompletedProcess(proc.args, proc.returncode, out.read(), err.read())
