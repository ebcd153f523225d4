"""The task runner named in the config: threads (default), processes, or Dask."""

from __future__ import annotations

from claimwatch.config import RunnerConfig
from claimwatch.errors import ConfigError


def make_task_runner(runner: RunnerConfig):
    """Build the Prefect task runner for ``[runner]``."""
    if runner.kind == "threads":
        from prefect.task_runners import ThreadPoolTaskRunner
        return ThreadPoolTaskRunner(max_workers=runner.workers)
    if runner.kind == "processes":
        from prefect.task_runners import ProcessPoolTaskRunner
        return ProcessPoolTaskRunner(max_workers=runner.workers)
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError:
        raise ConfigError("runner.kind = 'dask' needs prefect-dask: "
                          "pip install 'claimwatch[dask]'") from None
    if runner.address:
        return DaskTaskRunner(address=runner.address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": runner.workers, "threads_per_worker": 1,
                                          "processes": True, "dashboard_address": None})
