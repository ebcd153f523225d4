"""Whole runs of the ``claimwatch`` command, each in its own process: wall time and peak RSS.

(a) first import: 1,000 generated articles (30% French; 200 with ``quick``) written as JSONL and
    brought in with ``claimwatch import FILE --db TMP`` into a new warehouse;
(b) a daily run with nothing new: ``claimwatch run --config`` on a config whose feeds are
    ``file://`` copies of the bundled samples, run twice; the second run is the one timed.

Baseline: Prefect's own start, a trivial empty ``@flow`` run in a fresh interpreter (Prefect
starts its temporary server either way). Peak RSS is the largest sum of the resident memory
of the command's whole process tree (the temporary Prefect server included), sampled every
50 ms with psutil. Every command runs with the same environment and Prefect home.

Run alone: ``python -m benchmarks.whole_run [--quick]``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

from benchmarks.corpus import generate_articles, write_jsonl

__all__ = ["Measured", "measure_command", "run"]

_EMPTY_FLOW = """
from prefect import flow

@flow
def empty():
    return 1

empty()
"""
_MIB = 1024 * 1024


class Measured:
    """A finished command: wall seconds, peak tree RSS in bytes, exit code, last stderr lines."""

    def __init__(self, seconds: float, peak_rss: int, returncode: int, output: str):
        self.seconds, self.peak_rss, self.returncode, self.output = seconds, peak_rss, returncode, output

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def failure(self) -> str:
        tail = [line for line in self.output.strip().splitlines() if line.strip()][-1:] or ["no output"]
        return f"exit {self.returncode}: {tail[0][:150]}"


def _tree_rss(proc) -> int:
    import psutil
    total = 0
    try:
        members = [proc] + proc.children(recursive=True)
    except psutil.Error:
        return 0
    for member in members:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            pass
    return total


def measure_command(argv: list[str], cwd: Path, env: dict[str, str], timeout: float = 600) -> Measured:
    """Run ``argv``; return its wall time and the peak RSS of its process tree."""
    import psutil
    log = cwd / f".bench-{int(time.time() * 1000)}.log"
    with log.open("w+", encoding="utf-8") as output:
        started = time.perf_counter()
        child = subprocess.Popen(argv, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT)
        proc, peak = psutil.Process(child.pid), 0
        while child.poll() is None:
            peak = max(peak, _tree_rss(proc))
            if time.perf_counter() - started > timeout:
                child.kill()
                child.wait()
                break
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        output.seek(0)
        text = output.read()
    return Measured(seconds, peak, child.returncode, text)


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env.update({"DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
                "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
                "PREFECT_LOGGING_LEVEL": "WARNING", "PYTHONUNBUFFERED": "1"})
    env.pop("CLAIMWATCH_CONFIG", None)
    return env


def _claimwatch_bin() -> str:
    candidate = Path(sys.executable).with_name("claimwatch")
    return str(candidate) if candidate.exists() else shutil.which("claimwatch") or "claimwatch"


def _daily_config(folder: Path) -> Path:
    feeds = folder / "feeds"
    feeds.mkdir()
    blocks = []
    for entry in sorted((resources.files("claimwatch") / "samples").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".xml"):
            target = feeds / entry.name
            target.write_bytes(entry.read_bytes())
            blocks.append(f'[[feeds]]\nname = "{entry.name[:-4]}"\nurl = "{target.resolve().as_uri()}"\n')
    config = folder / "claimwatch.toml"
    config.write_text(
        f'[warehouse]\npath = "{(folder / "daily.duckdb").as_posix()}"\n\n' + "\n".join(blocks)
        + f'\n[fetch]\nfull_text = false\nretries = 0\n\n[digest]\nto = ["bench@example.com"]\n'
        f'out_dir = "{(folder / "digests").as_posix()}"\n', encoding="utf-8")
    return config


def _summary_line(output: str, prefix: str) -> str:
    return next((line.strip() for line in output.splitlines() if line.startswith(prefix)), "")


def _row(measure, ours, theirs=None, ratio=None, target=None, met=None, note="") -> dict:
    return {"benchmark": "whole_run", "measure": measure, "claimwatch": ours, "baseline": theirs,
            "ratio": ratio, "target": target, "met": met, "note": note}


def run(quick: bool = False) -> list[dict]:
    """Rows for the empty-flow baseline, the first import and the quiet daily run."""
    n = 200 if quick else 1000
    env, claimwatch, rows = _environment(), _claimwatch_bin(), []
    with tempfile.TemporaryDirectory(prefix="claimwatch-bench-run-") as tmp:
        folder = Path(tmp)
        base = measure_command([sys.executable, "-c", _EMPTY_FLOW], folder, env)
        if not base.ok:
            rows.append(_row(f"not available: empty Prefect flow failed ({base.failure()})"))
            return rows
        rows.append(_row("empty Prefect flow (baseline), s / MiB", None, round(base.seconds, 1),
                         note=f"peak RSS {base.peak_rss / _MIB:.0f} MiB"))

        archive = write_jsonl(generate_articles(n, seed=2025, french_share=0.3), folder / "archive.jsonl")
        first = measure_command([claimwatch, "import", str(archive), "--db", str(folder / "import.duckdb")],
                                folder, env)
        if first.ok:
            rows.append(_row(f"first import of {n} articles, wall s", round(first.seconds, 1),
                             round(base.seconds, 1), first.seconds / base.seconds,
                             note=f"{n / first.seconds:.1f} articles/s including Prefect's start; "
                                  + _summary_line(first.output, "claims:")))
            rows.append(_row(f"first import of {n} articles, peak RSS MiB", round(first.peak_rss / _MIB),
                             round(base.peak_rss / _MIB), first.peak_rss / base.peak_rss,
                             "<= 1536 MiB", first.peak_rss <= 1536 * _MIB, "whole process tree"))
        else:
            rows.append(_row(f"not available: claimwatch import failed ({first.failure()})"))

        config = _daily_config(folder)
        command = [claimwatch, "run", "--config", str(config)]
        warm = measure_command(command, folder, env)
        quiet = measure_command(command, folder, env) if warm.ok else warm
        if not quiet.ok:
            rows.append(_row(f"not available: claimwatch run failed ({quiet.failure()})"))
            return rows
        rows.append(_row("daily run, nothing new, wall s", round(quiet.seconds, 1), round(base.seconds, 1),
                         quiet.seconds / base.seconds, "<= 2x", quiet.seconds <= 2 * base.seconds,
                         f"second of two runs on the bundled samples (first: {warm.seconds:.1f} s); "
                         + _summary_line(quiet.output, "articles:")))
        rows.append(_row("daily run, nothing new, peak RSS MiB", round(quiet.peak_rss / _MIB),
                         round(base.peak_rss / _MIB), quiet.peak_rss / base.peak_rss, "<= 2x",
                         quiet.peak_rss <= 2 * base.peak_rss, "whole process tree"))
    return rows


def main(argv: list[str] | None = None) -> int:
    from benchmarks.__main__ import render_table
    argv = sys.argv[1:] if argv is None else argv
    print(render_table(run(quick="--quick" in argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
