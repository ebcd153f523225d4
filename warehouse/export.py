"""Export the warehouse to Parquet, one folder or file per table.

Tables with a natural date are written as Hive partitions by that date (UTC), e.g.
``out/claims/created_date=2025-03-04/data_0.parquet``; rows without a date land in
``<column>=__HIVE_DEFAULT_PARTITION__``. The partition column is an extra derived
column; every stored column is kept as is. Other tables become ``out/<table>.parquet``.
Each export replaces the previous one in ``out_dir``.

Loading the export elsewhere:

* MotherDuck (or any DuckDB)::

      ATTACH 'md:claimwatch';  -- or: duckdb other.duckdb
      CREATE OR REPLACE TABLE claimwatch.claims AS
          FROM read_parquet('out/claims/*/*.parquet', hive_partitioning = true);
      CREATE OR REPLACE TABLE claimwatch.feeds AS FROM 'out/feeds.parquet';

* Object storage: copy the folder as is (``aws s3 sync out/ s3://bucket/claimwatch/``,
  ``gsutil -m rsync -r out gs://bucket/claimwatch``); query it in place with
  ``read_parquet('s3://bucket/claimwatch/claims/*/*.parquet', hive_partitioning = true)``
  after ``INSTALL httpfs; LOAD httpfs;`` and a ``CREATE SECRET`` for the bucket.
  Partition folders let engines skip days a query's date filter excludes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from claimwatch.errors import WarehouseError

__all__ = ["export_parquet", "PARTITIONS"]

# table -> (timestamp column, partition column name)
PARTITIONS: dict[str, tuple[str, str]] = {
    "articles": ("published_at", "published_date"),
    "claims": ("created_at", "created_date"),
    "disputes": ("created_at", "created_date"),
    "contradictions": ("detected_at", "detected_date"),
    "runs": ("started_at", "started_date"),
    "outbox": ("queued_at", "queued_date"),
}


def _sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def export_parquet(con: duckdb.DuckDBPyConnection, out_dir: str | Path) -> list[Path]:
    """Write every table to Parquet under ``out_dir``; return the files written, sorted.

    Works on a read-only connection. Partitioned tables are exported by UTC date.
    """
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WarehouseError(f"cannot create the export folder {out}: {exc.strerror}") from None
    tables = [row[0] for row in con.execute("""
        SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'main' AND table_type = 'BASE TABLE'
          AND table_catalog = current_database()
        ORDER BY table_name""").fetchall()]
    columns = {(t, c) for t, c in con.execute("""
        SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'main' AND table_catalog = current_database()""").fetchall()}
    written: list[Path] = []
    try:
        for table in tables:
            part = PARTITIONS.get(table)
            if part and (table, part[0]) in columns:
                ts_col, part_col = part
                target = out / table
                if target.is_file():
                    target.unlink()
                con.execute(f"""
                    COPY (SELECT *, CAST(timezone('UTC', {_ident(ts_col)}) AS DATE) AS {_ident(part_col)}
                          FROM {_ident(table)})
                    TO {_sql_path(target)} (FORMAT parquet, PARTITION_BY ({_ident(part_col)}),
                                           OVERWRITE)""")
                written += sorted(target.rglob("*.parquet"))
            else:
                target = out / f"{table}.parquet"
                if target.is_dir():
                    shutil.rmtree(target)
                con.execute(f"COPY {_ident(table)} TO {_sql_path(target)} (FORMAT parquet)")
                written.append(target)
    except duckdb.Error as exc:
        text = str(exc).strip().splitlines()[0]
        raise WarehouseError(f"export to {out} failed at table {table}: {text}") from None
    return sorted(written)
