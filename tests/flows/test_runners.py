"""Task runners: the kinds ``[runner]`` names, and Dask giving the same warehouse as threads."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from claimwatch.config import RunnerConfig, parse_config
from claimwatch.errors import ConfigError
from claimwatch.flows.runners import make_task_runner

# Columns that differ between two otherwise identical runs: when, and by which run.
VOLATILE = {"created_at", "detected_at", "first_seen_at", "run_id"}


def test_runners_threads_is_default():
    runner = make_task_runner(RunnerConfig())
    assert isinstance(runner, ThreadPoolTaskRunner)
    assert runner._max_workers == 2


def test_runners_processes_uses_workers():
    runner = make_task_runner(RunnerConfig(kind="processes", workers=3))
    assert isinstance(runner, ProcessPoolTaskRunner)
    assert runner._max_workers == 3


def test_runners_dask_local_cluster_and_address():
    from prefect_dask import DaskTaskRunner

    local = make_task_runner(RunnerConfig(kind="dask", workers=2))
    assert isinstance(local, DaskTaskRunner)
    assert local.address is None
    assert local.cluster_kwargs["n_workers"] == 2
    assert local.cluster_kwargs["threads_per_worker"] == 1

    remote = make_task_runner(RunnerConfig(kind="dask", workers=2, address="tcp://127.0.0.1:8786"))
    assert remote.address == "tcp://127.0.0.1:8786"
    assert remote.cluster_kwargs == {}


def test_runners_dask_missing_package_is_config_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "prefect_dask", None)  # makes the import fail
    with pytest.raises(ConfigError, match="prefect-dask"):
        make_task_runner(RunnerConfig(kind="dask"))


def test_runners_with_runner_keeps_the_flow():
    from prefect_dask import DaskTaskRunner

    from claimwatch.flows.daily import daily_flow, with_runner

    config = parse_config({"runner": {"kind": "dask", "workers": 2}})
    flow_obj = with_runner(daily_flow, config)
    assert isinstance(flow_obj.task_runner, DaskTaskRunner)
    assert flow_obj.name == daily_flow.name
    assert flow_obj.fn is daily_flow.fn


# --- Dask vs threads on the bundled samples -----------------------------------------------

def _config_file(tmp_path: Path, name: str, runner: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    path = folder / "claimwatch.toml"
    # No [[feeds]]: the bundled sample feeds. batch_size 1 -> batches of 4 articles, so
    # several batches spread over the two Dask workers.
    path.write_text(f"""
[warehouse]
path = "{(folder / 'cw.duckdb').as_posix()}"

[fetch]
full_text = false
retries = 0

[extract]
batch_size = 1

[digest]
out_dir = "{(folder / 'digests').as_posix()}"

[runner]
kind = "{runner}"
workers = 2
""", encoding="utf-8")
    return path


def _stable_rows(db: Path, table: str) -> list[tuple]:
    import duckdb
    con = duckdb.connect(str(db), read_only=True)
    try:
        columns = [row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()]
        keep = [c for c in columns if c not in VOLATILE]
        rows = con.execute(f"SELECT {', '.join(keep)} FROM {table}").fetchall()
    finally:
        con.close()
    return sorted(rows, key=repr)


@pytest.mark.slow
def test_runners_dask_matches_threads(tmp_path, prefect_harness):
    from claimwatch.config import load_config
    from claimwatch.flows.daily import daily_flow, with_runner

    results = {}
    for kind in ("threads", "dask"):
        path = _config_file(tmp_path, kind, kind)
        config = load_config(path)
        summary = with_runner(daily_flow, config)(config_path=str(path), trigger="run")
        assert summary["status"] == "ok", summary
        results[kind] = (summary, Path(config.warehouse.path))

    threads_summary, threads_db = results["threads"]
    dask_summary, dask_db = results["dask"]
    assert threads_summary["articles_extracted"] == dask_summary["articles_extracted"] > 4
    assert threads_summary["claims_new"] == dask_summary["claims_new"]

    threads_claims = _stable_rows(threads_db, "claims")
    assert threads_claims, "the samples should yield claims"
    assert _stable_rows(dask_db, "claims") == threads_claims
    assert _stable_rows(dask_db, "disputes") == _stable_rows(threads_db, "disputes")
    threads_contradictions = _stable_rows(threads_db, "contradictions")
    assert threads_contradictions, "the samples should yield contradictions"
    assert _stable_rows(dask_db, "contradictions") == threads_contradictions
