"""The benchmark runner: one table whatever shape the rows come in; failures do not stop it."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # benchmarks/ is not installed

from benchmarks.__main__ import _run_one, normalise_rows, render_table  # noqa: E402


def test_main_pivots_rows_keyed_by_system():
    rows = normalise_rows("quantities", [
        {"system": "claimwatch", "dataset": "NewsQuant", "metric": "value", "F1": 0.9},
        {"system": "quantulum3", "dataset": "NewsQuant", "metric": "value", "F1": 0.6},
    ])
    assert rows == [{"benchmark": "quantities", "measure": "NewsQuant value F1", "claimwatch": 0.9,
                     "baseline": 0.6, "ratio": 0.9 / 0.6, "note": "baseline: quantulum3"}]


def test_main_missing_module_is_reported_not_raised():
    rows = _run_one("no_such_benchmark", quick=True)
    assert len(rows) == 1 and rows[0]["measure"].startswith("not available: module not written yet")
    table = render_table(rows + [{"benchmark": "x", "measure": "m", "claimwatch": 3.0, "baseline": 1.0,
                                  "ratio": 3.0, "target": ">= 3x", "met": True}])
    assert "not available" in table and "3.00x" in table and "yes" in table
