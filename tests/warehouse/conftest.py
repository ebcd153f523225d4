"""Fixtures shared by the warehouse tests."""

import pytest

from tests.support.detect_store import Store


@pytest.fixture()
def store(tmp_path):
    """A real DuckDB warehouse with helpers to insert articles, claims and disputes."""
    s = Store(tmp_path / "w.duckdb")
    yield s
    s.con.close()
