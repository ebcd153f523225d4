"""Fault injection for crash tests: kill this process at a named point of a run.

A test hook only. When the environment variable ``CLAIMWATCH_FAULT_AT`` equals the
name given to :func:`fault_point`, the process sends itself SIGKILL there, exactly
as a power cut or the OOM killer would: no cleanup, no ``finally``. Unset (always,
outside tests), it does nothing. Points used: ``after-ingest``, ``mid-extract``,
``after-detect`` (flows/daily.py) and ``digest-after-send`` (digest/send.py).
"""

from __future__ import annotations

import os
import signal
import sys

__all__ = ["ENV_FAULT_AT", "fault_point"]

ENV_FAULT_AT = "CLAIMWATCH_FAULT_AT"


def fault_point(name: str) -> None:
    """SIGKILL this process if ``$CLAIMWATCH_FAULT_AT == name`` (crash tests only)."""
    if os.environ.get(ENV_FAULT_AT) != name:
        return
    # os.write, not print: Prefect turns a flow's prints into log records.
    os.write(sys.stderr.fileno(), f"claimwatch: fault injected at {name}\n".encode())
    os.kill(os.getpid(), signal.SIGKILL)
