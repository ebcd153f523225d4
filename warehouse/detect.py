"""Contradiction detection: SQL pulls candidate pairs inside (company, metric, unit), Python explains.

Four kinds, each compared only across *different* articles and never across metrics, units
(currencies are never converted) or incompatible periods:

* ``numeric``: a company-claimed figure vs a later (same day or after) reporter figure that is
  less flattering by more than the tolerance: lower, or higher for ``churn``/``loss``. A figure
  that disagrees in the flattering direction (usually: higher, i.e. growth) is flagged only when
  both name the same explicit period.
* ``dispute``: one per (disputing article, company), linked to the company's latest earlier claim
  of the disputed metric, else its latest earlier claim of any metric, else the company figure
  quoted in the disputing article itself, else none.
* ``revision``: the company later states a lower figure for the same metric and period.
* ``projection``: a company forecast for a period, later met by an actual for that period
  below the forecast by more than the tolerance.

Periods are compatible when they are the same explicit period, when one side has no period and
its date falls inside the other's period, or when neither has one and their dates are close
(``CLAIM_WINDOW_DAYS`` for numeric, ``REVISION_WINDOW_DAYS`` for revisions). For funding, a
"total raised to date" sentence and a single round are different measures, as are two named
rounds (seed vs Series A). Intervals come from value_low/value_high ("more than X" is open);
the gap is the distance between the intervals relative to the larger end, and it is both the
test (gap > tolerance) and the ``severity``. Percentages also need a gap over 1 point.

The result is recomputed for the companies in scope and reconciled in one transaction: rows
whose id is still produced keep their detected_at/status/run_id (their figures and explanation
are refreshed), rows no longer produced are deleted, new rows are inserted.
"""

from __future__ import annotations

import hashlib
import math
import re
from datetime import date, datetime, timedelta, timezone

import duckdb
import pyarrow as pa

from claimwatch.config import DetectConfig
from claimwatch.errors import WarehouseError
from claimwatch.warehouse.db import transaction

__all__ = ["detect_contradictions", "explain", "format_figure", "normalize_period",
           "CLAIM_WINDOW_DAYS", "REVISION_WINDOW_DAYS"]

# How long a company's figure (with no explicit period) stays comparable with later reporting
# that contradicts it. The 11x story is five months from claim to report, so 120 days is too short.
CLAIM_WINDOW_DAYS = 365
# Two company figures with no period closer than this are taken to describe the same moment.
REVISION_WINDOW_DAYS = 120
# A forecast's actual must be published no earlier than this before the period ends.
ACTUAL_LEAD_DAYS = 45
DISPUTE_SEVERITY = 0.5  # when the disputing article gives no figure of its own

_INVERTED = ("churn", "loss")  # metrics where a higher figure is the unflattering one

# ---------------------------------------------------------------------------------------------
# periods

_Q = re.compile(r"^(?:q|t)([1-4])\s*'?((?:19|20)?\d\d)$")
_H = re.compile(r"^(?:h|s)([12])\s*'?((?:19|20)?\d\d)$")
_Y = re.compile(r"^(?:cy)?((?:19|20)\d\d)$")
_FY = re.compile(r"^(?:fy|fiscal(?: year)?|exercice)\s*'?((?:19|20)?\d\d)$")
_NO_PERIOD = {"annual", "annually", "annualized", "annuel", "per year", "a year"}


def _year(text: str) -> int:
    return int(text) + 2000 if len(text) == 2 else int(text)


def normalize_period(period: str | None) -> tuple[str | None, date | None, date | None]:
    """(key, start, end) for a period string; equal keys mean the same period.

    "Q3 2024" -> ("2024Q3", 2024-07-01, 2024-09-30); "2024" -> ("2024", Jan 1, Dec 31);
    "annual" means no period (None, None, None); unknown text is its own key, with no range.
    """
    if period is None:
        return None, None, None
    text = re.sub(r"\s+", " ", period.strip().lower())
    if not text or text in _NO_PERIOD:
        return None, None, None
    if m := _Q.match(text):
        q, y = int(m.group(1)), _year(m.group(2))
        end = date(y, 12, 31) if q == 4 else date(y, 3 * q + 1, 1) - timedelta(days=1)
        return f"{y}Q{q}", date(y, 3 * q - 2, 1), end
    if m := _H.match(text):
        h, y = int(m.group(1)), _year(m.group(2))
        return (f"{y}H{h}", date(y, 1, 1), date(y, 6, 30)) if h == 1 else \
            (f"{y}H2", date(y, 7, 1), date(y, 12, 31))
    if m := _Y.match(text):
        y = int(m.group(1))
        return str(y), date(y, 1, 1), date(y, 12, 31)
    if m := _FY.match(text):
        y = _year(m.group(1))
        return f"FY{y}", date(y, 1, 1), date(y, 12, 31)
    return text, None, None


# ---------------------------------------------------------------------------------------------
# SQL

_TOTAL_RE = (r"\b(in total|total|to date|so far|cumulative|cumulatively|altogether|overall|"
             r"au total|en tout|à ce jour|jusqu.ici|depuis sa (création|fondation)|au cumul)")
_ROUND_RE = r"(pre-seed|seed|series [a-h]\b|série [a-h]\b|amorçage|pré-amorçage)"

_CLAIMS_SQL = f"""
CREATE OR REPLACE TEMP TABLE _cw_claims AS
WITH prepared AS (
WITH base AS (
    SELECT c.*, a.source, a.published_precision,
           coalesce(c.published_at, a.published_at, a.first_seen_at) AS pub_ts
    FROM claims c LEFT JOIN articles a USING (article_id)
    WHERE c.metric <> 'other' AND {{scope}}
)
SELECT b.claim_id, b.article_id, b.company, b.metric, b.unit, b.value, b.value_low, b.value_high,
       b.hedge, b.claimed_by, b.is_forecast, b.period, b.sentence, b.source, b.pub_ts,
       p.pkey, p.pstart, p.pend,
       CAST(b.pub_ts AT TIME ZONE 'UTC' AS DATE) AS pub_date,
       _cw_last_day(CAST(b.pub_ts AT TIME ZONE 'UTC' AS DATE), b.published_precision) AS pub_last,
       coalesce(b.as_of, p.pend, CAST(b.pub_ts AT TIME ZONE 'UTC' AS DATE)) AS eff_date,
       CASE WHEN b.value_low IS NULL AND b.hedge IN ('up_to', 'less_than')
            THEN -'inf'::DOUBLE ELSE coalesce(b.value_low, b.value) END AS lo,
       CASE WHEN b.value_high IS NULL AND b.hedge IN ('more_than', 'at_least')
            THEN 'inf'::DOUBLE ELSE coalesce(b.value_high, b.value) END AS hi,
       CASE WHEN b.metric <> 'funding' THEN NULL
            WHEN regexp_matches(lower(b.sentence), '{_TOTAL_RE}') THEN 'total'
            ELSE nullif(replace(replace(replace(regexp_extract(lower(b.sentence), '{_ROUND_RE}', 1),
                 'série', 'series'), 'pré-amorçage', 'pre-seed'), 'amorçage', 'seed'), '')
       END AS mq
FROM base b LEFT JOIN _cw_periods p ON p.period = b.period
WHERE b.pub_ts IS NOT NULL
), marked AS (
    -- A company figure quoted inside an article that reports its own figure for the same
    -- metric is a quote, not a new claim by the company: it is never paired with other
    -- articles (a dispute in that article may still cite it when nothing earlier exists).
    SELECT *, claimed_by = 'company' AND bool_or(claimed_by = 'reporter')
              OVER (PARTITION BY article_id, company, metric) AS quoted
    FROM prepared
)
SELECT * FROM marked
"""

# relative gap when interval [.., low_end] lies below [high_start, ..]; 0 when they overlap
_MACROS = """
CREATE OR REPLACE TEMP MACRO _cw_gap(high_start, low_end) AS
    CASE WHEN low_end < high_start
         THEN least(1.0, (high_start - low_end) / greatest(abs(high_start), abs(low_end)))
         ELSE 0.0 END;
CREATE OR REPLACE TEMP MACRO _cw_far(gap, high_start, low_end, unit, tol) AS
    gap > tol AND (unit <> 'percent' OR high_start - low_end > 1.0);
CREATE OR REPLACE TEMP MACRO _cw_same_measure(q1, q2) AS
    q1 IS NOT DISTINCT FROM q2 OR (q1 IS NULL AND q2 <> 'total') OR (q2 IS NULL AND q1 <> 'total');
CREATE OR REPLACE TEMP MACRO _cw_compatible(k1, s1, e1, d1, k2, s2, e2, d2, window_days) AS
    (k1 IS NOT NULL AND k1 = k2)
    OR (k1 IS NULL AND k2 IS NULL AND abs(datediff('day', d1, d2)) <= window_days)
    OR (k1 IS NULL AND s2 IS NOT NULL AND d1 BETWEEN s2 AND e2)
    OR (k2 IS NULL AND s1 IS NOT NULL AND d2 BETWEEN s1 AND e1);
CREATE OR REPLACE TEMP MACRO _cw_last_day(day, precision) AS  -- "2021-06" runs to 2021-06-30
    CASE precision WHEN 'month' THEN last_day(day) WHEN 'year' THEN make_date(year(day), 12, 31) ELSE day END;
"""


_PAIR_COLS = """
    a.company, a.metric, a.claim_id, b.claim_id AS contradicting_claim_id,
    NULL::VARCHAR AS dispute_id, a.article_id AS claim_article_id,
    b.article_id AS contradicting_article_id, a.value AS claimed_value,
    b.value AS reported_value, a.unit,
    a.value_low AS c_low, a.value_high AS c_high, a.hedge AS c_hedge, a.period AS c_period,
    a.source AS c_source, a.pub_date AS c_date,
    b.value_low AS r_low, b.value_high AS r_high, b.hedge AS r_hedge, b.period AS r_period,
    b.source AS r_source, b.pub_date AS r_date, NULL::VARCHAR AS cue, NULL::VARCHAR AS d_sentence,
    a.pub_ts AS c_ts, a.lo AS a_lo, a.hi AS a_hi, b.lo AS b_lo, b.hi AS b_hi,
    a.pkey AS a_pkey, b.pkey AS b_pkey, a.metric AS claim_metric,
    _cw_gap(a.lo, b.hi) AS down, _cw_gap(b.lo, a.hi) AS up"""
_HELPERS = "a_lo, a_hi, b_lo, b_hi, a_pkey, b_pkey, down, up"


_ACROSS = "a.article_id <> b.article_id AND NOT a.quoted AND NOT b.quoted"

def _pairs(where: str, scope: str = _ACROSS) -> str:
    return f"""SELECT {_PAIR_COLS}
    FROM _cw_claims a JOIN _cw_claims b
      ON a.company = b.company AND a.metric = b.metric AND a.unit = b.unit
    WHERE {scope} AND _cw_same_measure(a.mq, b.mq) AND {where}"""


_DOWN_FAR = "_cw_far(down, a_lo, b_hi, unit, $tol)"
_UP_FAR = "_cw_far(up, b_lo, a_hi, unit, $tol)"

_NUMERIC_SQL = f"""
SELECT 'numeric' AS kind, * EXCLUDE ({_HELPERS}), greatest(down, up) AS severity
FROM ({_pairs(f'''a.claimed_by = 'company' AND b.claimed_by = 'reporter'
      AND NOT a.is_forecast AND NOT b.is_forecast AND b.pub_last >= a.pub_date
      AND _cw_compatible(a.pkey, a.pstart, a.pend, a.eff_date,
                         b.pkey, b.pstart, b.pend, b.eff_date, {CLAIM_WINDOW_DAYS})''')})
WHERE CASE WHEN metric IN {_INVERTED} THEN {_UP_FAR} OR (a_pkey = b_pkey AND {_DOWN_FAR})
           ELSE {_DOWN_FAR} OR (a_pkey = b_pkey AND {_UP_FAR}) END
"""

_REVISION_SQL = f"""
SELECT 'revision' AS kind, * EXCLUDE ({_HELPERS}), down AS severity
FROM ({_pairs(f'''a.claimed_by = 'company' AND b.claimed_by = 'company'
      AND NOT a.is_forecast AND NOT b.is_forecast AND a.metric NOT IN {_INVERTED}
      AND b.pub_last > a.pub_date AND b.eff_date >= a.eff_date
      AND (a.pkey IS NOT NULL OR b.pkey IS NOT NULL OR a.metric NOT IN ('employees', 'funding'))
      AND _cw_compatible(a.pkey, a.pstart, a.pend, a.eff_date,
                         b.pkey, b.pstart, b.pend, b.eff_date, {REVISION_WINDOW_DAYS})''')})
WHERE {_DOWN_FAR}
"""

_PROJECTION_SQL = f"""
SELECT 'projection' AS kind, * EXCLUDE ({_HELPERS}), down AS severity
FROM ({_pairs(f'''a.claimed_by = 'company' AND a.is_forecast AND NOT b.is_forecast
      AND a.metric NOT IN {_INVERTED} AND a.pkey IS NOT NULL AND a.pkey = b.pkey
      AND b.pub_last >= a.pub_date
      AND (a.pend IS NULL OR b.pub_last >= a.pend - INTERVAL {ACTUAL_LEAD_DAYS} DAY)''')})
WHERE {_DOWN_FAR}
"""

_DISPUTE_SQL = f"""
WITH d AS (
    SELECT d.dispute_id, d.article_id, d.company, d.metric, d.cue, d.sentence, a.source, a.published_precision,
           coalesce(d.published_at, a.published_at, a.first_seen_at) AS pub_ts
    FROM disputes d LEFT JOIN articles a USING (article_id)
    WHERE {{scope}}
    QUALIFY row_number() OVER (PARTITION BY d.article_id, d.company
                               ORDER BY d.metric IS NULL, d.sentence_index, d.dispute_id) = 1
), linked AS (
    SELECT d.*, c.claim_id, c.article_id AS c_article, c.metric AS c_metric, c.unit AS c_unit,
           c.value AS c_value, c.value_low AS c_low, c.value_high AS c_high, c.hedge AS c_hedge,
           c.period AS c_period, c.source AS c_source, c.pub_date AS c_date, c.pub_ts AS c_ts,
           c.lo AS c_lo, c.hi AS c_hi, c.mq AS c_mq
    FROM d LEFT JOIN _cw_claims c
      ON c.company = d.company AND c.claimed_by = 'company'
     AND (c.article_id = d.article_id
          OR c.pub_date <= _cw_last_day(CAST(d.pub_ts AT TIME ZONE 'UTC' AS DATE), d.published_precision))
    QUALIFY row_number() OVER (
        PARTITION BY d.dispute_id
        ORDER BY c.claim_id IS NULL, c.article_id = d.article_id,
                 c.metric IS NOT DISTINCT FROM d.metric DESC, c.quoted, c.is_forecast, c.pub_ts DESC,
                 c.claim_id) = 1
), figured AS (
    SELECT l.*, r.claim_id AS r_claim, r.value AS r_value, r.value_low AS r_low,
           r.value_high AS r_high, r.hedge AS r_hedge, r.period AS r_period,
           CASE WHEN l.c_metric IN {_INVERTED} THEN _cw_gap(r.lo, l.c_hi)
                ELSE _cw_gap(l.c_lo, r.hi) END AS gap
    FROM linked l LEFT JOIN _cw_claims r
      ON r.article_id = l.article_id AND r.company = l.company AND r.claimed_by = 'reporter'
     AND NOT r.is_forecast AND r.metric = l.c_metric AND r.unit = l.c_unit
     AND _cw_same_measure(r.mq, l.c_mq) AND l.c_article <> l.article_id
    QUALIFY row_number() OVER (PARTITION BY l.dispute_id
                               ORDER BY gap DESC NULLS LAST, r.claim_id) = 1
)
SELECT 'dispute' AS kind, company, coalesce(metric, c_metric) AS metric, c_metric AS claim_metric,
       claim_id,
       CASE WHEN gap > 0 THEN r_claim END AS contradicting_claim_id, dispute_id,
       c_article AS claim_article_id, article_id AS contradicting_article_id,
       c_value AS claimed_value, CASE WHEN gap > 0 THEN r_value END AS reported_value,
       c_unit AS unit, c_low, c_high, c_hedge, c_period, c_source, c_date,
       CASE WHEN gap > 0 THEN r_low END AS r_low, CASE WHEN gap > 0 THEN r_high END AS r_high,
       CASE WHEN gap > 0 THEN r_hedge END AS r_hedge, r_period, source AS r_source,
       CAST(pub_ts AT TIME ZONE 'UTC' AS DATE) AS r_date, cue, sentence AS d_sentence, c_ts,
       CASE WHEN gap > 0 THEN gap ELSE {DISPUTE_SEVERITY} END AS severity
FROM figured
"""

_CANDIDATES_SQL = f"""
CREATE OR REPLACE TEMP TABLE _cw_cand AS
WITH pairs AS (
    SELECT * FROM ({_NUMERIC_SQL})
    UNION ALL BY NAME SELECT * FROM ({_REVISION_SQL})
    UNION ALL BY NAME SELECT * FROM ({_PROJECTION_SQL})
), best AS (
    -- one row per (kind, company, metric, contradicting article): the latest claim it contradicts
    SELECT * FROM pairs
    QUALIFY row_number() OVER (
        PARTITION BY kind, company, metric, contradicting_article_id
        ORDER BY c_ts DESC, severity DESC, claim_id, contradicting_claim_id) = 1
), all_rows AS (
    SELECT * FROM best UNION ALL BY NAME SELECT * FROM ({_DISPUTE_SQL})
)
SELECT substr(sha1(CASE WHEN kind = 'dispute' THEN 'dispute|' || dispute_id
                        ELSE kind || '|' || claim_id || '|' || contradicting_claim_id END),
              1, 16) AS contradiction_id, *
FROM all_rows
"""

_FIELDS = ("company", "metric", "kind", "claim_id", "contradicting_claim_id", "dispute_id",
           "claim_article_id", "contradicting_article_id", "claimed_value", "reported_value",
           "unit", "severity")
_CHANGED = " OR ".join(f"k.{f} IS DISTINCT FROM c.{f}" for f in _FIELDS)


# ---------------------------------------------------------------------------------------------
# entry point

def detect_contradictions(con: duckdb.DuckDBPyConnection, config: DetectConfig = DetectConfig(),
                          *, run_id: str | None = None,
                          companies: list[str] | None = None) -> int:
    """Recompute contradictions for ``companies`` (all when None); return how many are new.

    Idempotent: ids are stable hashes of the kind and the claim (or dispute) ids, so a second
    run inserts nothing. Rows no longer supported by the claims are deleted, rows still
    supported keep their detected_at, status and run_id. One transaction: a DuckDB failure
    raises WarehouseError and leaves the stored contradictions as they were.
    """
    try:
        return _detect(con, float(config.tolerance), run_id, companies)
    except duckdb.Error as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise WarehouseError(f"contradiction detection failed, nothing was changed: {first}") from None
    finally:
        for table in ("_cw_cand", "_cw_claims", "_cw_periods", "_cw_scope"):
            try:
                con.execute(f"DROP TABLE IF EXISTS {table}")
            except duckdb.Error:
                pass


def _detect(con: duckdb.DuckDBPyConnection, tol: float, run_id: str | None,
            companies: list[str] | None) -> int:
    params = {"tol": tol}
    now = datetime.now(timezone.utc)
    with transaction(con):
        if companies is not None:
            con.execute("CREATE OR REPLACE TEMP TABLE _cw_scope (company VARCHAR)")
            if companies:
                con.executemany("INSERT INTO _cw_scope VALUES (?)", [[c] for c in set(companies)])
        scope = "TRUE" if companies is None else "{t}.company IN (SELECT company FROM _cw_scope)"
        _load_periods(con, scope.format(t="claims"))
        con.execute(_MACROS)
        con.execute(_CLAIMS_SQL.format(scope=scope.format(t="c")))
        con.execute(_CANDIDATES_SQL.format(scope=scope.format(t="d")), params)
        con.execute(f"""DELETE FROM contradictions WHERE {scope.format(t='contradictions')}
                        AND contradiction_id NOT IN (SELECT contradiction_id FROM _cw_cand)""")
        cur = con.execute(f"""
            SELECT c.*, k.contradiction_id IS NULL AS is_new FROM _cw_cand c
            LEFT JOIN contradictions k USING (contradiction_id)
            WHERE k.contradiction_id IS NULL OR {_CHANGED}""")
        cols = [d[0] for d in cur.description]
        rows = [dict(zip(cols, r)) for r in cur.fetchall()]
        new = sum(1 for r in rows if r["is_new"])
        if rows:
            texts = pa.table({"contradiction_id": [r["contradiction_id"] for r in rows],
                              "explanation": [explain(r) for r in rows],
                              "is_new": [r["is_new"] for r in rows]})
            con.register("_cw_expl", texts)
            try:
                sets = ", ".join(f"{f} = c.{f}" for f in _FIELDS) + ", explanation = e.explanation"
                con.execute(f"""UPDATE contradictions SET {sets}
                    FROM _cw_cand c JOIN _cw_expl e USING (contradiction_id)
                    WHERE NOT e.is_new AND contradictions.contradiction_id = c.contradiction_id""")
                con.execute(f"""
                    INSERT INTO contradictions (contradiction_id, {', '.join(_FIELDS)},
                                                explanation, status, detected_at, run_id)
                    SELECT c.contradiction_id, {', '.join('c.' + f for f in _FIELDS)},
                           e.explanation, 'open', $now, $run_id
                    FROM _cw_cand c JOIN _cw_expl e USING (contradiction_id) WHERE e.is_new""",
                            {"now": now, "run_id": run_id})
            finally:
                con.unregister("_cw_expl")
    return new


def _load_periods(con: duckdb.DuckDBPyConnection, scope: str) -> None:
    periods = [r[0] for r in con.execute(
        f"SELECT DISTINCT period FROM claims WHERE period IS NOT NULL AND {scope}").fetchall()]
    keyed = [normalize_period(p) for p in periods]
    con.register("_cw_periods_in", pa.table({
        "period": pa.array(periods, pa.string()),
        "pkey": pa.array([k[0] for k in keyed], pa.string()),
        "pstart": pa.array([k[1] for k in keyed], pa.date32()),
        "pend": pa.array([k[2] for k in keyed], pa.date32())}))
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE _cw_periods AS SELECT * FROM _cw_periods_in")
    finally:
        con.unregister("_cw_periods_in")


# ---------------------------------------------------------------------------------------------
# explanations

_SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "CAD": "C$", "AUD": "A$"}
_NOUN = {"customers": "customers", "users": "users", "employees": "employees"}
_LABEL = {"arr": "ARR", "gmv": "GMV", "employees": "headcount", "customers": "customer count",
          "users": "user count"}
_OPEN_LOW = {"more_than": "more than", "at_least": "at least"}
_OPEN_HIGH = {"up_to": "up to", "less_than": "less than"}


def _trim(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _scaled(x: float) -> str:
    for div, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(x) >= div:
            return _trim(x / div) + suffix
    return _trim(x)


def _one(x: float, unit: str) -> str:
    if unit == "percent":
        return f"{_trim(x)}%"
    if unit == "count":
        return _scaled(x) if abs(x) >= 1e6 else (f"{x:,.0f}" if x == int(x) else _trim(x))
    sign = "-" if x < 0 else ""
    if unit in _SYMBOL:
        return f"{sign}{_SYMBOL[unit]}{_scaled(abs(x))}"
    return f"{sign}{_scaled(abs(x))} {unit}"


def format_figure(value: float, low: float | None = None, high: float | None = None,
                  hedge: str | None = None, unit: str = "count", metric: str | None = None) -> str:
    """A figure as people write it: "$10M", "€1.5B", "70–80%", "about $3M", "3,000 customers"."""
    noun = f" {_NOUN[metric]}" if unit == "count" and metric in _NOUN else ""
    open_high = high is None or math.isinf(high)
    open_low = low is None or math.isinf(low)
    if hedge in _OPEN_LOW and open_high:
        return f"{_OPEN_LOW[hedge]} {_one(value if open_low else low, unit)}{noun}"
    if hedge in _OPEN_HIGH and open_low:
        return f"{_OPEN_HIGH[hedge]} {_one(value if open_high else high, unit)}{noun}"
    lo = value if open_low else low
    hi = value if open_high else high
    if hedge == "about" or lo == hi:
        return f"{'about ' if hedge == 'about' else ''}{_one(value, unit)}{noun}"
    if unit == "percent":
        return f"{_trim(lo)}–{_trim(hi)}%"
    return f"{_one(lo, unit)}–{_one(hi, unit)}{noun}"


def _when(day) -> str:
    return day.isoformat() if isinstance(day, (date, datetime)) else "undated"


def explain(row: dict) -> str:
    """One or two sentences naming both sources, their dates and both figures."""
    company, metric, unit = row["company"], row.get("metric"), row.get("unit")
    label = _LABEL.get(metric or "", metric or "figures")
    pct = f"{round(100 * (row.get('severity') or 0))}%"

    def fig(side: str) -> str:
        value = row["claimed_value"] if side == "c" else row["reported_value"]
        return format_figure(value, row.get(f"{side}_low"), row.get(f"{side}_high"),
                             row.get(f"{side}_hedge"), unit, metric)

    def period(side: str) -> str:
        text = row.get(f"{side}_period")
        return f" for {text}" if text and normalize_period(text)[0] else ""

    report = f"{row.get('r_source')} ({_when(row.get('r_date'))})"
    has_claim = row.get("claimed_value") is not None
    claim = (f"{fig('c')}{period('c')} ({row.get('c_source')}, {_when(row.get('c_date'))})"
             if has_claim else "")
    kind = row["kind"]
    if kind == "numeric":
        lower = row["reported_value"] < row["claimed_value"]
        how = f"{pct} lower" if lower else f"well above it (gap {pct})"
        return (f"{company} {label}: the company claimed {claim}; {report} reported "
                f"{fig('r')}{period('r')}, {how}.")
    if kind == "revision":
        return (f"{company} restated its {label}: {fig('r')}{period('r')} in {report}, "
                f"after claiming {claim}; {pct} lower.")
    if kind == "projection":
        return (f"{company} forecast {label} of {claim}; {report} reported an actual of "
                f"{fig('r')}{period('r')}, {pct} below the forecast.")
    sentence = " ".join((row.get("d_sentence") or "").split())
    if len(sentence) > 240:
        sentence = sentence[:237].rstrip() + "..."
    text = f"{report} disputes {company}'s {label}: “{row.get('cue')}” — “{sentence}”"
    if not has_claim:
        return text + " No figure from the company is on record."
    if row.get("claim_article_id") == row.get("contradicting_article_id"):
        text += f" The article quotes the company's figure of {fig('c')}{period('c')}."
    else:
        other = row.get("claim_metric")
        what = f" {_LABEL.get(other, other)}" if other and other != metric else ""
        text += f" The company had claimed {fig('c')}{what}{claim[len(fig('c')):]}."
    if row.get("reported_value") is not None:
        way = "higher" if metric in _INVERTED else "lower"
        text += f" The article reports {fig('r')}{period('r')} ({pct} {way})."
    return text
