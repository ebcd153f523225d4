"""Contradiction detection: SQL pulls candidate pairs inside (company, metric, unit), Python explains.

Four kinds, never across metrics, units (currencies are never converted) or incompatible periods:

* ``numeric``: a company-claimed figure vs a reporter figure of the same day or later that is
  less flattering by more than the tolerance: lower, or higher for churn, loss, error_rate,
  bot_share and human_involvement. The two may sit in *one* article (an investigation states
  the claim and its own finding: claim_article_id = contradicting_article_id) or in two, in any
  languages. A figure that disagrees in the flattering direction (usually: higher, i.e. growth)
  is flagged only when both name the same explicit period.
* ``dispute``: one per (disputing article, company), linked to the company's latest earlier claim
  of the disputed metric, else its latest earlier claim of any metric, else the company figure
  quoted in the disputing article itself, else none. A dispute with no figure in an article that
  already has a numeric row for that metric is left out (the numeric row says more).
* ``revision``: the company later states a lower figure for the same metric and period.
* ``projection``: a company forecast for a period, later met by an actual for that period
  below the forecast by more than the tolerance (not for the AI rates: a target is not a claim).

AI claims (issue 14): a percentage of tasks a person handled is 100 minus the automation rate, an
error/miss rate 100 minus accuracy; pairs are made on the flattering scale and shown on the
claim's own ("95% without a person" vs "30%", with "(70% needed a human)" in the explanation).
The company's own admission of human work (a filing) contradicts its automation claim too. A rate
must also differ by more than ``RATE_POINTS`` points, its gap measured on both scales (2% vs 15%
errors is far although 98% vs 85% accuracy is 13%). ``other`` figures pair only with the same
``other_kind`` descriptor (migration m004), when the warehouse has that column.

Companies are compared under one name per group (:func:`company_groups`: "Acme", "Acme AI",
"acme.ai", "Acme Motors"), so a French article's claim meets an English finding. An undated
article (no publication date) counts as seen at import: its figures fit any date when no period
says otherwise, and its finding may follow any claim, but its claim never precedes a dated finding. Figures given as an
order of magnitude ("des millions") are never compared.

Per finding, the claim preferred is the one of the same period, made by the company outside a
report (a quote of the claim inside another report comes after), the latest, the nearest
sentence; another claim is kept only when its figure differs from a preferred one by more than
``SAME_FIGURE`` (the company said 5M here and 4.2M there: two rows). A report that quotes the
claim beside its own finding is complete: quotes from other reports are not paired with it.

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

from datetime import datetime, timezone

import duckdb
import pyarrow as pa

from claimwatch.config import DetectConfig
from claimwatch.errors import WarehouseError
from claimwatch.records import HIGHER_IS_WORSE
from claimwatch.warehouse.companies import company_groups
from claimwatch.warehouse.db import transaction
from claimwatch.warehouse.explain import explain
from claimwatch.warehouse.periods import normalize_period

__all__ = ["detect_contradictions",
           "AI_METRICS", "COMPLEMENTS",
           "CLAIM_WINDOW_DAYS", "REVISION_WINDOW_DAYS"]

# How long a company's figure (with no explicit period) stays comparable with later reporting
# that contradicts it. The 11x story is five months from claim to report, so 120 days is too short.
CLAIM_WINDOW_DAYS = 365
# Two company figures with no period closer than this are taken to describe the same moment.
REVISION_WINDOW_DAYS = 120
# A forecast's actual must be published no earlier than this before the period ends.
ACTUAL_LEAD_DAYS = 45
# A rate (automation, accuracy, errors, bots, AI-built share) must differ by more points than this.
RATE_POINTS = 5.0
# Two claimed figures closer than this are one figure re-reported (20M and 21M), not two claims.
SAME_FIGURE = 0.05
DISPUTE_SEVERITY = 0.5  # when the disputing article gives no figure of its own

# metrics where a higher figure is the unflattering one
_INVERTED = HIGHER_IS_WORSE
# AI claims (issue 14): percentages of tasks, checks or users, and people doing the work
AI_METRICS = ("automation_rate", "human_involvement", "accuracy", "error_rate", "bot_share",
              "ai_built_share")
# a percentage of one metric that is 100 minus another's: compared on the second's scale
COMPLEMENTS = {"human_involvement": "automation_rate", "error_rate": "accuracy"}
_COMPLEMENT_KEYS = "(" + ", ".join(f"'{k}'" for k in COMPLEMENTS) + ")"
_COMPLEMENT_CASE = ("CASE metric " + " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in COMPLEMENTS.items())
                    + " END")

# ---------------------------------------------------------------------------------------------
# SQL

_TOTAL_RE = (r"\b(in total|total|to date|so far|cumulative|cumulatively|altogether|overall|"
             r"au total|en tout|à ce jour|jusqu.ici|depuis sa (création|fondation)|au cumul)")
# a sentence that compares a figure with an earlier one ("$80M, up from $38M a year earlier",
# "en hausse par rapport à") states a change over time, not a claim and its refutation
_CHANGE_RE = (r"\b(up|down|rose|grew|growing|increased|decreased|declined|fell|climbed|jumped|dropped) "
              r"(from|on|over)\b|\bcompared (with|to)\b|\b(a|one) year (earlier|ago|before)\b|"
              r"\b(previous|prior|preceding|last|same) (quarter|year|month|period)\b|\byear[- ]over[- ]year\b|"
              r"\ben (hausse|baisse|progression|recul|croissance)\b|\bpar rapport (à|au|aux)\b|"
              r"\bun an (plus tôt|auparavant)\b|\bl.an dernier\b|\bl.année (dernière|précédente)\b|"
              r"\b(trimestre|exercice) précédent\b|\bcontre [^.;]* (il y a|un an|en 20\d\d)")
_ROUND_RE = r"(pre-seed|seed|series [a-h]\b|série [a-h]\b|amorçage|pré-amorçage)"
# revenue from one customer, partner or source ("$60M in revenue from a distributor", "sales
# from its largest client", "le chiffre d'affaires réalisé avec ce partenaire") is a part of the
# total, not the total a company claims (read on reporters' figures; a cheap test first)
_PARTIAL_RE = (r"\b(?:revenues?|sales|billings|chiffre d.affaires|revenus|ventes|recettes)\s+"
               r"(?:\S+\s+){0,2}?(?:from|provenant d[eu]?|issus? d[eu]?|réalisée?s? (?:avec|auprès d[eu]?)|"
               r"générée?s? (?:par|avec))\s*(?:the |a |an |one |its |their |son |sa |ses |un |une |"
               r"le |la |les |l.)?(?:single |largest |biggest |top |main |key |major |seul |"
               r"principal |plus gros )?([a-z][a-z0-9.&-]*)")
# ... unless what it comes from is the whole ("revenue from customers", "from operations")
_WHOLE = ("customers", "clients", "operations", "users", "subscribers", "activities", "activités",
          "all", "tous", "toutes", "sales", "ventes", "continuing", "utilisateurs", "abonnés")
# metrics whose figures are for a period (a quoted figure takes the period given elsewhere)
_PERIODIC = "('revenue', 'arr', 'profit', 'loss', 'bookings', 'gmv', 'growth')"

_CLAIMS_SQL = f"""
CREATE OR REPLACE TEMP TABLE _cw_claims AS
WITH prepared AS MATERIALIZED (
WITH base AS (
    SELECT c.* REPLACE (coalesce(n.canon, c.company) AS company), {{other_kind}} AS okind, a.source, a.published_precision,
           coalesce(c.published_at, a.published_at) IS NULL AS undated,
           coalesce(c.published_at, a.published_at, a.first_seen_at) AS pub_ts
    FROM claims c LEFT JOIN articles a USING (article_id)
    LEFT JOIN _cw_names n ON n.company = c.company
    WHERE {{scope}}
), known AS (
    -- a figure quoted with no period takes the period that the same company gives the same
    -- figure elsewhere ("the $220M pitched to investors" is the "$220M forecast for 2025")
    SELECT company, metric, unit, value, min(period) AS kperiod
    FROM base WHERE period IS NOT NULL AND metric IN {_PERIODIC}
    GROUP BY ALL HAVING count(DISTINCT period) = 1
), periodic AS (
    SELECT b.* REPLACE (coalesce(b.period, k.kperiod) AS period)
    FROM base b LEFT JOIN known k
      ON b.period IS NULL AND k.company = b.company AND k.metric = b.metric AND k.unit = b.unit
     AND k.value = b.value
), flipped AS (
    -- a share of tasks a person handled is the complement of the automation rate, an error
    -- rate the complement of accuracy: both are compared on the flattering scale (100 - x)
    SELECT *, unit = 'percent' AND metric IN {_COMPLEMENT_KEYS} AS flip,
           CASE WHEN unit = 'percent' AND metric IN {_COMPLEMENT_KEYS}
                THEN {_COMPLEMENT_CASE}
                WHEN metric = 'other' THEN 'other:' || lower(trim(okind))
                ELSE metric END AS cmetric
    FROM periodic
    WHERE (metric <> 'other' OR nullif(trim(okind), '') IS NOT NULL)
      -- "millions of dollars", "des milliers": an order of magnitude, not a figure to hold
      AND hedge IS DISTINCT FROM 'vague'
)
SELECT b.claim_id, b.article_id, b.company, b.metric, b.cmetric, b.flip, b.okind, b.unit,
       b.value, b.value_low, b.value_high,
       b.hedge, b.claimed_by, b.is_forecast, b.period, b.sentence, b.sentence_index, b.source,
       b.pub_ts, b.undated, p.pkey, p.pstart, p.pend,
       CAST(b.pub_ts AT TIME ZONE 'UTC' AS DATE) AS pub_date,
       _cw_last_day(CAST(b.pub_ts AT TIME ZONE 'UTC' AS DATE), b.published_precision) AS pub_last,
       CASE WHEN b.undated AND b.as_of IS NULL AND p.pend IS NULL THEN NULL
            ELSE coalesce(b.as_of, p.pend, CAST(b.pub_ts AT TIME ZONE 'UTC' AS DATE)) END AS eff_date,
       CASE WHEN b.value_low IS NULL AND b.hedge IN ('up_to', 'less_than')
            THEN -'inf'::DOUBLE ELSE coalesce(b.value_low, b.value) END AS raw_lo,
       CASE WHEN b.value_high IS NULL AND b.hedge IN ('more_than', 'at_least')
            THEN 'inf'::DOUBLE ELSE coalesce(b.value_high, b.value) END AS raw_hi,
       CASE WHEN b.flip THEN 100 - raw_hi ELSE raw_lo END AS lo,
       CASE WHEN b.flip THEN 100 - raw_lo ELSE raw_hi END AS hi,
       CASE WHEN b.flip THEN 100 - b.value ELSE b.value END AS cvalue,
       b.claimed_by = 'company' AND regexp_matches(lower(b.sentence), '{_CHANGE_RE}') AS changes,
       CASE WHEN b.metric IN ('revenue', 'arr', 'bookings', 'gmv')
            THEN CASE WHEN b.claimed_by = 'reporter' AND regexp_matches(b.sentence, '(?i)from|avec|provenant|issu|auprès|généré')
                       AND regexp_extract(lower(b.sentence), '{_PARTIAL_RE.replace("{", "{{").replace("}", "}}")}', 1)
                           NOT IN ('', {", ".join(repr(w) for w in _WHOLE)}) THEN 'partial' END
            WHEN b.metric <> 'funding' THEN NULL
            WHEN regexp_matches(lower(b.sentence), '{_TOTAL_RE}') THEN 'total'
            ELSE nullif(replace(replace(replace(regexp_extract(lower(b.sentence), '{_ROUND_RE}', 1),
                 'série', 'series'), 'pré-amorçage', 'pre-seed'), 'amorçage', 'seed'), '')
       END AS mq
FROM flipped b LEFT JOIN _cw_periods p ON p.period = b.period
WHERE b.pub_ts IS NOT NULL
), marked AS (
    -- A company figure quoted inside an article that reports its own figure for the same
    -- measure is a quote: it is paired with that finding (inside the article) and with later
    -- reports, but a claim the company made elsewhere is preferred when one is on record.
    SELECT p.*, p.claimed_by = 'company' AND r.article_id IS NOT NULL AS quoted
    FROM prepared p LEFT JOIN (SELECT DISTINCT article_id, company, cmetric FROM prepared
                               WHERE claimed_by = 'reporter') r
      ON r.article_id = p.article_id AND r.company = p.company AND r.cmetric = p.cmetric
)
SELECT * FROM marked
"""

# relative gap when interval [.., low_end] lies below [high_start, ..]; 0 when they overlap.
# For a rate (an AI metric in percent) the gap is also measured on the complement's scale and
# the larger counts: 98% vs 85% accuracy is 2% vs 15% errors; a rate must then differ by more
# than RATE_POINTS points (95% vs 93% automation is rounding), any other percentage by 1.
_MACROS = f"""
CREATE OR REPLACE TEMP MACRO _cw_rgap(high_start, low_end, rate) AS
    CASE WHEN low_end < high_start
         THEN least(1.0, (high_start - low_end) /
                    CASE WHEN rate THEN least(greatest(abs(high_start), abs(low_end)),
                                             greatest(100 - high_start, 100 - low_end, 1e-9))
                         ELSE greatest(abs(high_start), abs(low_end)) END)
         ELSE 0.0 END;
CREATE OR REPLACE TEMP MACRO _cw_gap(high_start, low_end) AS _cw_rgap(high_start, low_end, false);
CREATE OR REPLACE TEMP MACRO _cw_far(gap, high_start, low_end, unit, tol, rate) AS
    gap > tol AND (unit <> 'percent' OR high_start - low_end > CASE WHEN rate THEN {RATE_POINTS} ELSE 1.0 END);
CREATE OR REPLACE TEMP MACRO _cw_same_measure(q1, q2) AS
    q1 IS NOT DISTINCT FROM q2 OR (q1 IS NULL AND q2 NOT IN ('total', 'partial'))
    OR (q2 IS NULL AND q1 NOT IN ('total', 'partial'));
CREATE OR REPLACE TEMP MACRO _cw_last_day(day, precision) AS  -- "2021-06" runs to 2021-06-30
    CASE precision WHEN 'month' THEN last_day(day) WHEN 'year' THEN make_date(year(day), 12, 31) ELSE day END;
-- a figure of an undated article with no period of its own (date NULL) fits any date
CREATE OR REPLACE TEMP MACRO _cw_compatible(k1, s1, e1, d1, k2, s2, e2, d2, window_days) AS
    (k1 IS NOT NULL AND k1 = k2)
    OR (k1 IS NULL AND k2 IS NULL
        AND (d1 IS NULL OR d2 IS NULL OR abs(datediff('day', d1, d2)) <= window_days))
    OR (k1 IS NULL AND s2 IS NOT NULL AND (d1 IS NULL OR d1 BETWEEN s2 AND e2))
    OR (k2 IS NULL AND s1 IS NOT NULL AND (d2 IS NULL OR d2 BETWEEN s1 AND e1));
"""


_FLIP_HEDGE = ("CASE b.hedge WHEN 'up_to' THEN 'at_least' WHEN 'at_least' THEN 'up_to' "
               "WHEN 'less_than' THEN 'more_than' WHEN 'more_than' THEN 'less_than' ELSE b.hedge END")
# the reported figure on the claim's own scale (100 - x when one side is the complement)
_PAIR_COLS = f"""
    a.company, a.metric, a.claim_id, b.claim_id AS contradicting_claim_id,
    NULL::VARCHAR AS dispute_id, a.article_id AS claim_article_id,
    b.article_id AS contradicting_article_id, a.value AS claimed_value,
    CASE WHEN a.flip = b.flip THEN b.value ELSE 100 - b.value END AS reported_value, a.unit,
    a.value_low AS c_low, a.value_high AS c_high, a.hedge AS c_hedge, a.period AS c_period,
    a.source AS c_source, CASE WHEN NOT a.undated THEN a.pub_date END AS c_date,
    CASE WHEN a.flip = b.flip THEN b.value_low ELSE 100 - b.value_high END AS r_low,
    CASE WHEN a.flip = b.flip THEN b.value_high ELSE 100 - b.value_low END AS r_high,
    CASE WHEN a.flip = b.flip THEN b.hedge ELSE {_FLIP_HEDGE} END AS r_hedge, b.period AS r_period,
    b.source AS r_source, CASE WHEN NOT b.undated THEN b.pub_date END AS r_date,
    NULL::VARCHAR AS cue, NULL::VARCHAR AS d_sentence,
    a.pub_ts AS c_ts, a.lo AS a_lo, a.hi AS a_hi, b.lo AS b_lo, b.hi AS b_hi,
    a.pkey AS a_pkey, b.pkey AS b_pkey, a.metric AS claim_metric, a.cmetric AS cmetric,
    b.metric AS r_metric, b.value AS r_orig, b.unit AS r_unit, a.okind AS c_kind,
    a.sentence AS c_sentence, b.sentence AS r_sentence, a.quoted AS c_quoted,
    CASE WHEN a.article_id = b.article_id THEN abs(a.sentence_index - b.sentence_index) ELSE 0 END
        AS distance, a.flip <> b.flip AS complement,
    a.unit = 'percent' AND a.cmetric IN {AI_METRICS} AS rate,
    _cw_rgap(a.lo, b.hi, rate) AS down, _cw_rgap(b.lo, a.hi, rate) AS up"""
_HELPERS = "a_lo, a_hi, b_lo, b_hi, down, up, rate"


_ACROSS = "a.article_id <> b.article_id"
# a company's claim and a reporter's finding may sit in the same article (an investigation
# states both); two company figures (revision) or a forecast (projection) may not
_WITHIN_OR_ACROSS = "a.claim_id <> b.claim_id"
# an undated article counts as seen when imported: its finding may follow any claim, but its
# claim never precedes a dated finding (nothing says the company said it first)
_ORDERED = "(b.undated OR b.pub_last >= a.pub_date)"


def _pairs(where: str, scope: str = _ACROSS) -> str:
    return f"""SELECT {_PAIR_COLS}
    FROM _cw_claims a JOIN _cw_claims b
      ON a.company = b.company AND a.cmetric = b.cmetric AND a.unit = b.unit
    WHERE {scope} AND _cw_same_measure(a.mq, b.mq) AND {where}"""


_DOWN_FAR = "_cw_far(down, a_lo, b_hi, unit, $tol, rate)"
_UP_FAR = "_cw_far(up, b_lo, a_hi, unit, $tol, rate)"

_NUMERIC_WHERE = f'''NOT a.is_forecast AND NOT b.is_forecast AND {_ORDERED}
      AND NOT (a.changes AND a.article_id = b.article_id AND a.sentence_index = b.sentence_index)
      AND _cw_compatible(a.pkey, a.pstart, a.pend, a.eff_date,
                         b.pkey, b.pstart, b.pend, b.eff_date, {CLAIM_WINDOW_DAYS})'''
# two joins, so that each side's filter is pushed into its scan: the company's claim against a
# reporter's figure; the company's automation claim against its own admission of human work
_BY_REPORTER = f"a.claimed_by = 'company' AND b.claimed_by = 'reporter' AND {_NUMERIC_WHERE}"
_BY_ITSELF = (f"a.claimed_by = 'company' AND b.claimed_by = 'company' AND a.flip <> b.flip "
              f"AND a.cmetric = 'automation_rate' AND {_NUMERIC_WHERE}")
_NUMERIC_SQL = f"""
SELECT 'numeric' AS kind, * EXCLUDE ({_HELPERS}), greatest(down, up) AS severity
FROM ({_pairs(_BY_REPORTER, _WITHIN_OR_ACROSS)}
      UNION ALL
      {_pairs(_BY_ITSELF, _WITHIN_OR_ACROSS)})
WHERE CASE WHEN complement THEN {_DOWN_FAR}
           WHEN cmetric IN {_INVERTED} THEN {_UP_FAR} OR (a_pkey = b_pkey AND {_DOWN_FAR})
           ELSE {_DOWN_FAR} OR (a_pkey = b_pkey AND {_UP_FAR}) END
"""

_REVISION_SQL = f"""
SELECT 'revision' AS kind, * EXCLUDE ({_HELPERS}), down AS severity
FROM ({_pairs(f'''a.claimed_by = 'company' AND b.claimed_by = 'company'
      AND NOT a.is_forecast AND NOT b.is_forecast AND a.cmetric NOT IN {_INVERTED}
      AND a.metric NOT IN {AI_METRICS} AND NOT a.undated AND NOT b.undated
      AND b.pub_last > a.pub_date AND b.eff_date >= a.eff_date
      AND (a.pkey IS NOT NULL OR b.pkey IS NOT NULL OR a.metric NOT IN ('employees', 'funding'))
      AND _cw_compatible(a.pkey, a.pstart, a.pend, a.eff_date,
                         b.pkey, b.pstart, b.pend, b.eff_date, {REVISION_WINDOW_DAYS})''')})
WHERE {_DOWN_FAR}
"""

_PROJECTION_SQL = f"""
SELECT 'projection' AS kind, * EXCLUDE ({_HELPERS}), down AS severity
FROM ({_pairs(f'''a.claimed_by = 'company' AND a.is_forecast AND NOT b.is_forecast
      AND a.cmetric NOT IN {_INVERTED} AND a.metric NOT IN {AI_METRICS}
      AND a.pkey IS NOT NULL AND a.pkey = b.pkey
      AND b.pub_last >= a.pub_date
      AND (a.pend IS NULL OR b.pub_last >= a.pend - INTERVAL {ACTUAL_LEAD_DAYS} DAY)''')})
WHERE {_DOWN_FAR}
"""

# a claim made within this many days of a dispute is the one it most likely disputes: a report
# of today on misleading investors is about the figures of the last years, not a round of long ago
DISPUTE_RECENT_DAYS = 2 * CLAIM_WINDOW_DAYS
_RECENT = (f"(c.undated OR d.undated OR datediff('day', c.pub_date, "
           f"CAST(d.pub_ts AT TIME ZONE 'UTC' AS DATE)) <= {DISPUTE_RECENT_DAYS})")
_DISPUTE_SQL = f"""
WITH d AS (
    SELECT d.dispute_id, d.article_id, coalesce(n.canon, d.company) AS company, d.metric, d.cue,
           d.sentence, a.source, a.published_precision,
           coalesce(d.published_at, a.published_at) IS NULL AS undated,
           coalesce(d.published_at, a.published_at, a.first_seen_at) AS pub_ts
    FROM disputes d LEFT JOIN articles a USING (article_id)
    LEFT JOIN _cw_names n ON n.company = d.company
    WHERE {{scope}}
    QUALIFY row_number() OVER (PARTITION BY d.article_id, coalesce(n.canon, d.company)
                               ORDER BY d.metric IS NULL, d.sentence_index, d.dispute_id) = 1
), linked AS (
    SELECT d.*, c.claim_id, c.article_id AS c_article, c.metric AS c_metric, c.unit AS c_unit,
           c.cmetric AS c_cmetric, c.flip AS c_flip, c.okind AS c_kind, c.sentence AS c_sentence,
           c.value AS c_value, c.value_low AS c_low, c.value_high AS c_high, c.hedge AS c_hedge,
           c.period AS c_period, c.source AS c_source,
           CASE WHEN NOT c.undated THEN c.pub_date END AS c_date, c.pub_ts AS c_ts,
           c.lo AS c_lo, c.hi AS c_hi, c.mq AS c_mq, c.pkey AS c_pkey, c.pstart AS c_pstart,
           c.pend AS c_pend, c.eff_date AS c_eff
    FROM d LEFT JOIN _cw_claims c
      ON c.company = d.company AND c.claimed_by = 'company'
     AND (c.article_id = d.article_id OR d.undated
          OR c.pub_date <= _cw_last_day(CAST(d.pub_ts AT TIME ZONE 'UTC' AS DATE), d.published_precision))
    QUALIFY row_number() OVER (
        PARTITION BY d.dispute_id
        ORDER BY c.claim_id IS NULL, c.article_id = d.article_id,
                 (c.metric IS NOT DISTINCT FROM d.metric AND {_RECENT}) DESC, {_RECENT} DESC,
                 c.metric = 'other', c.quoted,
                 c.is_forecast, c.pub_ts DESC, c.claim_id) = 1
), figured AS (
    SELECT l.*, r.claim_id AS r_claim, r.metric AS r_metric, r.value AS r_orig, r.unit AS r_unit,
           r.sentence AS r_sentence,
           CASE WHEN r.flip = l.c_flip THEN r.value ELSE 100 - r.value END AS r_value,
           CASE WHEN r.flip = l.c_flip THEN r.value_low ELSE 100 - r.value_high END AS r_low,
           CASE WHEN r.flip = l.c_flip THEN r.value_high ELSE 100 - r.value_low END AS r_high,
           CASE WHEN r.flip = l.c_flip THEN r.hedge ELSE {_FLIP_HEDGE.replace('b.', 'r.')} END AS r_hedge,
           r.period AS r_period,
           CASE WHEN l.c_cmetric IN {_INVERTED}
                THEN _cw_rgap(r.lo, l.c_hi, l.c_unit = 'percent' AND l.c_cmetric IN {AI_METRICS})
                ELSE _cw_rgap(l.c_lo, r.hi, l.c_unit = 'percent' AND l.c_cmetric IN {AI_METRICS})
           END AS gap
    FROM linked l LEFT JOIN _cw_claims r
      ON r.article_id = l.article_id AND r.company = l.company AND r.claimed_by = 'reporter'
     AND NOT r.is_forecast AND r.cmetric = l.c_cmetric AND r.unit = l.c_unit
     AND _cw_same_measure(r.mq, l.c_mq) AND l.c_article <> l.article_id
     AND _cw_compatible(l.c_pkey, l.c_pstart, l.c_pend, l.c_eff,
                        r.pkey, r.pstart, r.pend, r.eff_date, {CLAIM_WINDOW_DAYS})
    QUALIFY row_number() OVER (PARTITION BY l.dispute_id
                               ORDER BY gap DESC NULLS LAST, r.claim_id) = 1
)
SELECT 'dispute' AS kind, company, coalesce(metric, c_metric) AS metric, c_metric AS claim_metric,
       claim_id,
       CASE WHEN gap > 0 THEN r_claim END AS contradicting_claim_id, dispute_id,
       c_article AS claim_article_id, article_id AS contradicting_article_id,
       c_value AS claimed_value, CASE WHEN gap > 0 THEN r_value END AS reported_value,
       c_unit AS unit, c_low, c_high, c_hedge, c_period, c_source, c_date, c_cmetric AS cmetric,
       c_kind, c_sentence, CASE WHEN gap > 0 THEN r_metric END AS r_metric,
       CASE WHEN gap > 0 THEN r_orig END AS r_orig, r_unit, r_sentence,
       CASE WHEN gap > 0 THEN r_low END AS r_low, CASE WHEN gap > 0 THEN r_high END AS r_high,
       CASE WHEN gap > 0 THEN r_hedge END AS r_hedge, r_period, source AS r_source,
       CASE WHEN NOT undated THEN CAST(pub_ts AT TIME ZONE 'UTC' AS DATE) END AS r_date, cue, sentence AS d_sentence, c_ts,
       CASE WHEN gap > 0 THEN gap ELSE {DISPUTE_SEVERITY} END AS severity
FROM figured
"""

# the company's claim that its AI does the work (an automation rate, a share built by AI)
# against a report of how many people do that work ("700 engineers wrote the code by hand"):
# a dispute of the claim, with no figure on its scale; one per report and company, preferring
# the claim the report itself quotes, then the latest
_PEOPLE_WHERE = f"""a.claimed_by = 'company' AND b.claimed_by = 'reporter' AND a.unit = 'percent'
      AND a.cmetric IN ('automation_rate', 'ai_built_share') AND b.metric = 'human_involvement'
      AND b.unit = 'count' AND NOT a.is_forecast AND NOT b.is_forecast AND {_ORDERED}
      AND _cw_compatible(a.pkey, a.pstart, a.pend, a.eff_date,
                         b.pkey, b.pstart, b.pend, b.eff_date, {CLAIM_WINDOW_DAYS})"""
_PEOPLE_SQL = f"""
SELECT 'dispute' AS kind, * EXCLUDE ({_HELPERS}) REPLACE (
           NULL::DOUBLE AS reported_value, NULL::DOUBLE AS r_low, NULL::DOUBLE AS r_high,
           NULL::VARCHAR AS r_hedge, 'people|' || contradicting_claim_id AS dispute_id,
           r_orig::BIGINT || ' people' AS cue, r_sentence AS d_sentence),
       {DISPUTE_SEVERITY} AS severity
FROM (SELECT {_PAIR_COLS} FROM _cw_claims a JOIN _cw_claims b ON a.company = b.company
      WHERE {_PEOPLE_WHERE})
QUALIFY row_number() OVER (PARTITION BY company, contradicting_article_id
                           ORDER BY claim_article_id = contradicting_article_id DESC, c_quoted,
                                    c_ts DESC, distance, claim_id, contradicting_claim_id) = 1
"""

_CANDIDATES_SQL = f"""
CREATE OR REPLACE TEMP TABLE _cw_cand AS
WITH pairs AS MATERIALIZED (
    SELECT * FROM ({_NUMERIC_SQL})
    UNION ALL BY NAME SELECT * FROM ({_REVISION_SQL})
    UNION ALL BY NAME SELECT * FROM ({_PROJECTION_SQL})
), ranked AS MATERIALIZED (
    SELECT *, row_number() OVER (
        PARTITION BY kind, company, metric, contradicting_article_id, b_pkey,
                     claim_article_id = contradicting_article_id
        ORDER BY a_pkey IS NOT DISTINCT FROM b_pkey DESC, c_quoted, c_ts DESC, distance,
                 severity DESC, claim_id, contradicting_claim_id) AS rn
    FROM pairs
), best AS MATERIALIZED (
    -- per (kind, company, metric, contradicting article, period of the finding, inside the
    -- article or not): the claim it contradicts, preferring the same period, a claim the company
    -- made outside a report, the latest, the nearest sentence; another claim of that group is
    -- kept only when its figure is not within the tolerance of a preferred one (the company
    -- said 5M somewhere and 4.2M elsewhere: two contradictions; 20M and 21M: one figure)
    SELECT * EXCLUDE (rn) FROM ranked r
    WHERE NOT EXISTS (
        SELECT 1 FROM ranked q
        WHERE q.kind = r.kind AND q.company = r.company AND q.metric = r.metric
          AND q.contradicting_article_id = r.contradicting_article_id
          AND q.b_pkey IS NOT DISTINCT FROM r.b_pkey
          AND (q.claim_article_id = q.contradicting_article_id)
              = (r.claim_article_id = r.contradicting_article_id)
          AND q.rn < r.rn
          AND abs(q.claimed_value - r.claimed_value)
              <= {SAME_FIGURE} * greatest(abs(q.claimed_value), abs(r.claimed_value)))
), kept AS (
    -- a report that quotes the claim and states its own finding is complete in itself: a quote
    -- of the claim found in another report adds nothing to it, nor does the company's own
    -- statement elsewhere of the figure the report quotes; a report with a finding only is
    -- paired with the quote elsewhere
    SELECT * FROM best x
    WHERE NOT (x.claim_article_id <> x.contradicting_article_id AND EXISTS (
        SELECT 1 FROM best i
        WHERE i.kind = 'numeric' AND i.claim_article_id = i.contradicting_article_id
          AND i.contradicting_article_id = x.contradicting_article_id
          AND i.company = x.company AND i.cmetric = x.cmetric
          AND i.b_pkey IS NOT DISTINCT FROM x.b_pkey
          AND (x.c_quoted OR abs(i.claimed_value - x.claimed_value)
                             <= {SAME_FIGURE} * greatest(abs(i.claimed_value), abs(x.claimed_value)))))
), disputes AS (
    -- a dispute with no figure of its own, in an article that already states a figure against
    -- the company's claim of that metric, adds nothing: the numeric row says it with both
    -- (with a figure or not) when that article states the company's claim too
    SELECT * FROM ({_DISPUTE_SQL}) x
    WHERE NOT EXISTS (SELECT 1 FROM best n
                      WHERE n.kind = 'numeric' AND n.company = x.company
                        AND n.contradicting_article_id = x.contradicting_article_id
                        AND (x.reported_value IS NULL OR n.claim_article_id = n.contradicting_article_id)
                        AND (x.metric IS NULL OR n.cmetric = x.cmetric OR n.metric = x.metric))
), people AS (
    -- unless a figure of the same measure in that report already says it
    SELECT * FROM ({_PEOPLE_SQL}) x
    WHERE NOT EXISTS (SELECT 1 FROM best n
                      WHERE n.kind = 'numeric' AND n.company = x.company
                        AND n.contradicting_article_id = x.contradicting_article_id
                        AND n.cmetric = x.cmetric)
), all_rows AS (
    SELECT * FROM kept UNION ALL BY NAME SELECT * FROM disputes
    UNION ALL BY NAME SELECT * FROM people
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
        for table in ("_cw_cand", "_cw_claims", "_cw_periods", "_cw_scope", "_cw_names"):
            try:
                con.execute(f"DROP TABLE IF EXISTS {table}")
            except duckdb.Error:
                pass


def _detect(con: duckdb.DuckDBPyConnection, tol: float, run_id: str | None,
            companies: list[str] | None) -> int:
    params = {"tol": tol}
    now = datetime.now(timezone.utc)
    with transaction(con):
        names = _load_names(con)
        if companies is not None:
            # a company in scope brings every name of its group (the French article's "Acme",
            # the English one's "Acme AI")
            wanted = {names.get(c, c) for c in companies}
            expanded = set(companies) | {n for n, canon in names.items() if canon in wanted}
            con.execute("CREATE OR REPLACE TEMP TABLE _cw_scope (company VARCHAR)")
            if expanded:
                con.executemany("INSERT INTO _cw_scope VALUES (?)", [[c] for c in expanded])
        scope = "TRUE" if companies is None else "{t}.company IN (SELECT company FROM _cw_scope)"
        _load_periods(con, scope.format(t="claims"))
        con.execute(_MACROS)
        con.execute(_CLAIMS_SQL.format(scope=scope.format(t="c"), other_kind=_other_kind(con)))
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


# words that name a company's form or trade, not the company: "Acme Motors", "Acme AI" and
# "Acme Motor Company" are Acme (a product, "Acme One", keeps its own name)
def _load_names(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    counts = dict(con.execute("""SELECT company, count(*) FROM (
        SELECT company FROM claims UNION ALL SELECT company FROM disputes) GROUP BY company""").fetchall())
    mapping = company_groups(counts)
    renamed = {k: v for k, v in mapping.items() if k != v}
    con.register("_cw_names_in", pa.table({"company": pa.array(list(renamed), pa.string()),
                                           "canon": pa.array(list(renamed.values()), pa.string())}))
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE _cw_names AS SELECT * FROM _cw_names_in")
    finally:
        con.unregister("_cw_names_in")
    return mapping


def _other_kind(con: duckdb.DuckDBPyConnection) -> str:
    """The claims' ``other_kind`` column (migration m004) when the warehouse has it, else NULL."""
    found = con.execute("SELECT count(*) FROM information_schema.columns "
                        "WHERE table_name = 'claims' AND column_name = 'other_kind'").fetchone()[0]
    return "c.other_kind" if found else "NULL::VARCHAR"


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
