"""``python -m benchmarks [--quick] [--only NAME]... [--json FILE]``: run every benchmark, print one table.

Each benchmark module is imported lazily; one that is missing or fails becomes a row
``not available: <reason>`` and the others still run. See ``benchmarks/README.md`` for the
row contract.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import os
import platform
import sys
import time
import traceback
from datetime import datetime, timezone

# One BLAS/OpenMP thread per process, so "one core" means one core (set before numpy loads).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

__all__ = ["BENCHMARKS", "COLUMNS", "machine_info", "main", "normalise_rows", "render_table", "run_all"]

BENCHMARKS = ("quantities", "extraction", "throughput", "loading", "contradictions", "realstories",
              "detection_scale", "whole_run", "startup")
COLUMNS = ("benchmark", "measure", "claimwatch", "baseline", "ratio", "target", "met")


def machine_info() -> dict:
    """CPU model, cores, RAM, load, and the versions that matter."""
    info = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "python": platform.python_version(), "platform": platform.platform()}
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            models = [line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")]
        info["cpu"] = models[0] if models else platform.processor()
    except OSError:
        info["cpu"] = platform.processor() or "unknown"
    info["cores"] = os.cpu_count()
    try:
        info["cores_usable"] = len(os.sched_getaffinity(0))
    except AttributeError:
        pass
    try:
        with open("/proc/meminfo", encoding="utf-8") as handle:
            total_kb = int(next(line for line in handle if line.startswith("MemTotal")).split()[1])
        info["ram"] = f"{total_kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        info["ram"] = "unknown"
    try:
        info["load_average"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        pass
    for package in ("duckdb", "spacy", "prefect"):
        try:
            info[package] = importlib.import_module(package).__version__
        except Exception as exc:  # noqa: BLE001 - a version line must never stop the run
            info[package] = f"unavailable ({type(exc).__name__})"
    return info


def _short(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "NO"
    if isinstance(value, float):
        return f"{value:,.3g}" if abs(value) < 10 else f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.1f}"
    return str(value)


def _pivot(name: str, rows: list[dict]) -> list[dict]:
    """Rows shaped ``{system, <labels>, <numbers>}``: claimwatch's numbers beside the other system's."""
    labels = [k for k in rows[0] if k != "system" and all(isinstance(r.get(k), str) for r in rows)]
    numbers = [k for k in rows[0] if k != "system" and k not in labels]
    groups: dict[tuple, dict[str, dict]] = {}
    for row in rows:
        groups.setdefault(tuple(row.get(k) for k in labels), {})[str(row.get("system"))] = row
    out = []
    for key, by_system in groups.items():
        ours = by_system.get("claimwatch", {})
        others = {s: r for s, r in by_system.items() if s != "claimwatch"}
        other_name, theirs = next(iter(others.items()), ("", {}))
        for field in numbers:
            if ours.get(field) is None and theirs.get(field) is None:
                continue
            ratio = None
            if isinstance(ours.get(field), (int, float)) and isinstance(theirs.get(field), (int, float)) \
                    and theirs.get(field):
                ratio = ours[field] / theirs[field]
            out.append({"benchmark": name, "measure": " ".join(str(k) for k in key) + f" {field}",
                        "claimwatch": ours.get(field), "baseline": theirs.get(field), "ratio": ratio,
                        "note": f"baseline: {other_name}" if other_name else ""})
    return out


def normalise_rows(name: str, rows) -> list[dict]:
    """Rows in the contract's shape, whatever shape the module returned."""
    rows = [dict(r) for r in (rows or [])]
    if rows and all("system" in r for r in rows) and not any("measure" in r for r in rows):
        return _pivot(name, rows)
    out = []
    for row in rows:
        if "measure" not in row and "claimwatch" not in row:
            row = {"measure": ", ".join(f"{k}={_short(v)}" for k, v in row.items())}
        row.setdefault("benchmark", name)
        out.append(row)
    return out


def _run_one(name: str, quick: bool) -> list[dict]:
    started = time.perf_counter()
    try:
        module = importlib.import_module(f"benchmarks.{name}")
        run = getattr(module, "run", None)
        if run is None:
            raise AttributeError(f"benchmarks.{name} has no run()")
        kwargs = {"quick": quick} if "quick" in inspect.signature(run).parameters else {}
        rows = normalise_rows(name, run(**kwargs))
    except ModuleNotFoundError as exc:
        reason = "module not written yet" if exc.name == f"benchmarks.{name}" else f"import failed: {exc}"
        return [{"benchmark": name, "measure": f"not available: {reason}"}]
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - one broken benchmark must not stop the rest
        last = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        where = f" ({os.path.basename(last.filename)}:{last.lineno})" if last else ""
        message = " ".join(str(exc).split())[:160] or type(exc).__name__
        return [{"benchmark": name, "measure": f"not available: {type(exc).__name__}: {message}{where}"}]
    print(f"# {name}: {len(rows)} rows in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return rows or [{"benchmark": name, "measure": "not available: run() returned no rows"}]


def run_all(names=BENCHMARKS, quick: bool = False) -> list[dict]:
    """Every named benchmark's rows, in order; failures become 'not available' rows."""
    rows = []
    for name in names:
        print(f"# running {name}{' (quick)' if quick else ''} ...", file=sys.stderr, flush=True)
        rows += _run_one(name, quick)
    return rows


def render_table(rows: list[dict], markdown: bool = False) -> str:
    """The rows as a fixed-width text table, or a Markdown table (notes in a last column)."""
    columns = COLUMNS + ("note",)
    cells = [[_short(row.get(c)) if c != "ratio" or row.get(c) is None else f"{row[c]:.2f}x"
              for c in columns] for row in rows]
    if markdown:
        lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        lines += ["| " + " | ".join(c.replace("|", "\\|") for c in line) + " |" for line in cells]
        return "\n".join(lines)
    widths = [min(60, max(len(c), *(len(line[i]) for line in cells))) if cells else len(c)
              for i, c in enumerate(columns)]
    def fmt(line):
        return "  ".join(cell[:60].ljust(widths[i]) for i, cell in enumerate(line)).rstrip()
    return "\n".join([fmt(columns), fmt(["-" * w for w in widths])] + [fmt(line) for line in cells])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run")
    parser.add_argument("--only", action="append", choices=BENCHMARKS, metavar="NAME",
                        help=f"run only this benchmark (repeatable): {', '.join(BENCHMARKS)}")
    parser.add_argument("--json", metavar="FILE", help="also write the rows and machine info as JSON")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args(argv)
    info = machine_info()
    started = time.perf_counter()
    rows = run_all(args.only or BENCHMARKS, quick=args.quick)
    info["total_seconds"] = round(time.perf_counter() - started, 1)
    print(render_table(rows, markdown=args.markdown))
    print()
    for key, value in info.items():
        print(f"{key}: {value}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump({"machine": info, "rows": rows}, handle, indent=1, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main())
