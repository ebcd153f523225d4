"""The digest outbox: which item went to which recipient, and the items themselves.

Every alert (a contradiction, a dispute, a notable claim) is queued once per
recipient, ever: ``(recipient, item_kind, item_id)`` is the outbox's primary key.
A row moves ``pending -> sending -> sent``; a refused delivery moves it back to
``pending`` with ``attempts + 1`` and the error.

Crash policy (at-most-once): ``sending`` is written and committed *before* the
SMTP call. A row still ``sending`` when the next run starts belongs to a run that
died between handing the message to the server and recording the answer; nobody
knows whether it arrived. :func:`resolve_interrupted` marks such rows
``unconfirmed`` (never resent automatically, so nothing goes twice); the next
digest lists them in its footer and :func:`mark_noted` then closes them as
``sent`` with a note, so nothing is dropped silently either.
``claimwatch digest --resend DATE`` re-sends explicitly.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

import duckdb

from claimwatch.names import company_key

__all__ = [
    "ClaimItem", "ContradictionItem", "Item", "OutboxKey", "NOTABLE_METRICS",
    "candidate_items", "enqueue_new_items", "pending_items", "mark_sending", "mark_sent",
    "mark_failed", "resolve_interrupted", "unconfirmed_items", "mark_noted", "sent_items_on",
    "load_items", "resolve_companies", "outbox_rows",
]

NOTABLE_METRICS = ("revenue", "arr", "valuation", "funding", "customers", "churn")

# (item_kind, item_id); item_kind is contradiction | dispute | claim | quiet
OutboxKey = tuple[str, str]


@dataclass(frozen=True, slots=True)
class ContradictionItem:
    """A contradiction (kind numeric/revision/projection) or a dispute (kind dispute)."""

    contradiction_id: str
    kind: str
    company: str
    metric: str | None
    claimed_value: float | None
    reported_value: float | None
    unit: str | None
    severity: float
    explanation: str
    claim_title: str | None
    claim_source: str | None
    claim_url: str | None
    claim_published_at: datetime | None
    claim_sentence: str | None
    report_title: str
    report_source: str
    report_url: str | None
    report_published_at: datetime | None
    report_sentence: str | None  # the later claim's sentence, or the dispute's
    cue: str | None  # for disputes: the word that marks it
    detected_at: datetime
    claim_published_precision: str | None = None  # "month": the claim's date is "2021-06", see articles
    report_published_precision: str | None = None

    @property
    def key(self) -> OutboxKey:
        return ("dispute" if self.kind == "dispute" else "contradiction", self.contradiction_id)


@dataclass(frozen=True, slots=True)
class ClaimItem:
    """A notable claim about a company, with its article."""

    claim_id: str
    company: str
    metric: str
    value: float
    value_low: float | None
    value_high: float | None
    unit: str
    claimed_by: str
    is_forecast: bool
    hedge: str | None
    period: str | None
    sentence: str
    quantity_text: str
    title: str
    source: str
    url: str | None
    published_at: datetime | None
    published_precision: str | None = None  # how much of published_at the source gave

    @property
    def key(self) -> OutboxKey:
        return ("claim", self.claim_id)


Item = ContradictionItem | ClaimItem

_CONTRADICTION_SELECT = """
    SELECT k.contradiction_id, k.kind, k.company, k.metric, k.claimed_value, k.reported_value,
           k.unit, k.severity, k.explanation,
           a1.title, a1.source, a1.url, coalesce(c1.published_at, a1.published_at), c1.sentence,
           a2.title, a2.source, a2.url, a2.published_at, coalesce(c2.sentence, d.sentence),
           d.cue, k.detected_at, a1.published_precision, a2.published_precision
    FROM contradictions k
    LEFT JOIN articles a1 ON a1.article_id = k.claim_article_id
    JOIN articles a2 ON a2.article_id = k.contradicting_article_id
    LEFT JOIN claims c1 ON c1.claim_id = k.claim_id
    LEFT JOIN claims c2 ON c2.claim_id = k.contradicting_claim_id
    LEFT JOIN disputes d ON d.dispute_id = k.dispute_id
    LEFT JOIN companies co ON co.company = k.company
"""

_CLAIM_SELECT = """
    SELECT c.claim_id, c.company, c.metric, c.value, c.value_low, c.value_high, c.unit,
           c.claimed_by, c.is_forecast, c.hedge, c.period, c.sentence, c.quantity_text,
           a.title, a.source, a.url, coalesce(c.published_at, a.published_at), a.published_precision
    FROM claims c
    JOIN articles a USING (article_id)
    LEFT JOIN companies co ON co.company = c.company
"""


def resolve_companies(con: duckdb.DuckDBPyConnection, names: Iterable[str],
                      aliases: dict[str, str] | None = None) -> set[str]:
    """Lower-cased canonical company names for watchlist ``names``.

    Case-insensitive; an alias (from ``company_aliases`` or the config's
    ``aliases``) stands for its company, and a company's aliases need no listing.
    """
    config_aliases = {company_key(k): v for k, v in (aliases or {}).items()}
    rows = con.execute("SELECT alias, company FROM company_aliases").fetchall()
    db_aliases = {company_key(alias): company for alias, company in rows}
    wanted: set[str] = set()
    for name in names:
        low = name.strip().lower()
        if not low:
            continue
        wanted.update({low, company_key(name)})
        for table in (config_aliases, db_aliases):
            if company_key(name) in table:
                wanted.add(table[company_key(name)].lower())
    return wanted


def _filter_sql(column: str, companies: set[str] | None, ai_only: bool) -> tuple[str, list]:
    clauses, params = [], []
    if companies is not None:
        clauses.append(f"lower({column}) IN (SELECT unnest(?::VARCHAR[]))")
        params.append(sorted(companies))
    if ai_only:
        clauses.append("coalesce(co.is_ai, false)")
    return "".join(f" AND {c}" for c in clauses), params


def candidate_items(con: duckdb.DuckDBPyConnection, recipient: str, *,
                    companies: set[str] | None = None, ai_only: bool = False) -> list[Item]:
    """Open contradictions, disputes and notable claims not yet in ``recipient``'s outbox.

    ``companies`` (lower-case canonical names, see :func:`resolve_companies`)
    limits them to those companies; ``ai_only`` to companies marked AI.
    Contradictions come most severe first, claims newest first.
    """
    where_k, params_k = _filter_sql("k.company", companies, ai_only)
    rows = con.execute(
        _CONTRADICTION_SELECT + """
        WHERE k.status = 'open'
          AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.recipient = ? AND o.item_id = k.contradiction_id
                          AND o.item_kind IN ('contradiction', 'dispute'))""" + where_k + """
        ORDER BY k.severity DESC, a2.published_at DESC NULLS LAST, k.contradiction_id""",
        [recipient, *params_k]).fetchall()
    items: list[Item] = [ContradictionItem(*row) for row in rows]
    where_c, params_c = _filter_sql("c.company", companies, ai_only)
    rows = con.execute(
        _CLAIM_SELECT + """
        WHERE (c.claimed_by = 'company' OR c.metric IN (SELECT unnest(?::VARCHAR[])))
          AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.recipient = ? AND o.item_kind = 'claim'
                          AND o.item_id = c.claim_id)""" + where_c + """
        ORDER BY coalesce(c.published_at, a.published_at) DESC NULLS LAST, c.claim_id""",
        [list(NOTABLE_METRICS), recipient, *params_c]).fetchall()
    items.extend(ClaimItem(*row) for row in rows)
    return items


def load_items(con: duckdb.DuckDBPyConnection, keys: Iterable[OutboxKey], *,
               open_only: bool = False) -> list[Item]:
    """The items behind outbox ``keys`` (those that still exist), in candidate order.

    ``open_only`` leaves out contradictions dismissed since they were queued.
    """
    keys = list(keys)
    k_ids = sorted({i for kind, i in keys if kind in ("contradiction", "dispute")})
    c_ids = sorted({i for kind, i in keys if kind == "claim"})
    items: list[Item] = []
    if k_ids:
        rows = con.execute(_CONTRADICTION_SELECT + """
            WHERE k.contradiction_id IN (SELECT unnest(?::VARCHAR[]))""" +
                           (" AND k.status = 'open'" if open_only else "") + """
            ORDER BY k.severity DESC, a2.published_at DESC NULLS LAST, k.contradiction_id""",
                           [k_ids]).fetchall()
        items.extend(ContradictionItem(*row) for row in rows)
    if c_ids:
        rows = con.execute(_CLAIM_SELECT + """
            WHERE c.claim_id IN (SELECT unnest(?::VARCHAR[]))
            ORDER BY coalesce(c.published_at, a.published_at) DESC NULLS LAST, c.claim_id""",
                           [c_ids]).fetchall()
        items.extend(ClaimItem(*row) for row in rows)
    return items


def enqueue_new_items(con: duckdb.DuckDBPyConnection, recipient: str, items: Iterable[Item | OutboxKey],
                      *, now: datetime | None = None) -> int:
    """Queue items not already in ``recipient``'s outbox as pending; return how many were new."""
    now = now or datetime.now().astimezone()
    keys = list(dict.fromkeys(i if isinstance(i, tuple) else i.key for i in items))
    if not keys:
        return 0
    before = _count(con, recipient)
    con.executemany(
        "INSERT INTO outbox (recipient, item_kind, item_id, status, attempts, queued_at) "
        "VALUES (?, ?, ?, 'pending', 0, ?) ON CONFLICT DO NOTHING",
        [[recipient, kind, item_id, now] for kind, item_id in keys])
    return _count(con, recipient) - before


def _count(con: duckdb.DuckDBPyConnection, recipient: str) -> int:
    return con.execute("SELECT count(*) FROM outbox WHERE recipient = ?", [recipient]).fetchone()[0]


def pending_items(con: duckdb.DuckDBPyConnection, recipient: str) -> list[OutboxKey]:
    """Keys of ``recipient``'s items waiting to be sent, oldest first."""
    rows = con.execute("SELECT item_kind, item_id FROM outbox WHERE recipient = ? AND status = 'pending' "
                       "ORDER BY queued_at, item_kind, item_id", [recipient]).fetchall()
    return [(k, i) for k, i in rows]


def _update(con: duckdb.DuckDBPyConnection, recipient: str, keys: Sequence[OutboxKey],
            set_sql: str, params: list) -> None:
    if not keys:
        return
    con.executemany(f"UPDATE outbox SET {set_sql} WHERE recipient = ? AND item_kind = ? AND item_id = ?",
                    [[*params, recipient, kind, item_id] for kind, item_id in keys])


def mark_sending(con: duckdb.DuckDBPyConnection, recipient: str, keys: Sequence[OutboxKey],
                 message_id: str, *, now: datetime | None = None) -> None:
    """Record, before the SMTP call, that ``keys`` are being sent as ``message_id``.

    ``sent_at`` holds the attempt time until :func:`mark_sent` replaces it.
    """
    _update(con, recipient, keys, "status = 'sending', message_id = ?, sent_at = ?",
            [message_id, now or datetime.now().astimezone()])


def mark_sent(con: duckdb.DuckDBPyConnection, recipient: str, keys: Sequence[OutboxKey],
              sent_at: datetime, *, message_id: str | None = None) -> None:
    """The server accepted the message (or the file was written)."""
    _update(con, recipient, keys,
            "status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL, "
            "message_id = coalesce(?, message_id)", [sent_at, message_id])


def mark_failed(con: duckdb.DuckDBPyConnection, recipient: str, keys: Sequence[OutboxKey],
                error: str) -> None:
    """Delivery refused: back to pending, one more attempt, the error kept."""
    _update(con, recipient, keys,
            "status = 'pending', attempts = attempts + 1, last_error = ?, message_id = NULL, sent_at = NULL",
            [error])


def resolve_interrupted(con: duckdb.DuckDBPyConnection, started_before: datetime) -> int:
    """Rows left ``sending`` by a run that died -> ``unconfirmed`` (see module docstring)."""
    before = con.execute("SELECT count(*) FROM outbox WHERE status = 'unconfirmed'").fetchone()[0]
    con.execute("""
        UPDATE outbox SET status = 'unconfirmed', attempts = attempts + 1,
               last_error = 'interrupted after handing the message to the server; delivery unconfirmed'
        WHERE status = 'sending' AND (sent_at IS NULL OR sent_at <= ?)""", [started_before])
    return con.execute("SELECT count(*) FROM outbox WHERE status = 'unconfirmed'").fetchone()[0] - before


def unconfirmed_items(con: duckdb.DuckDBPyConnection, recipient: str) -> list[OutboxKey]:
    """Keys whose earlier delivery was interrupted and not yet reported to ``recipient``."""
    rows = con.execute("SELECT item_kind, item_id FROM outbox WHERE recipient = ? AND status = 'unconfirmed' "
                       "ORDER BY queued_at, item_kind, item_id", [recipient]).fetchall()
    return [(k, i) for k, i in rows]


def mark_noted(con: duckdb.DuckDBPyConnection, recipient: str, keys: Sequence[OutboxKey],
               message_id: str) -> None:
    """Unconfirmed rows listed in the footer of ``message_id``: closed as sent, with a note."""
    _update(con, recipient, keys,
            "status = 'sent', last_error = 'unconfirmed; listed in the footer of ' || ?",
            [message_id])


def sent_items_on(con: duckdb.DuckDBPyConnection, recipient: str, day: date,
                  tz: str = "UTC") -> list[OutboxKey]:
    """Keys sent to ``recipient`` on ``day`` (a calendar day in time zone ``tz``)."""
    rows = con.execute("""
        SELECT item_kind, item_id FROM outbox
        WHERE recipient = ? AND status = 'sent' AND item_kind <> 'quiet'
          AND CAST(timezone(?, sent_at) AS DATE) = ?
        ORDER BY sent_at, item_kind, item_id""", [recipient, tz, day]).fetchall()
    return [(k, i) for k, i in rows]


def outbox_rows(con: duckdb.DuckDBPyConnection, recipient: str | None = None) -> list[dict]:
    """Outbox rows as dicts (for status displays and tests)."""
    sql = "SELECT * FROM outbox" + (" WHERE recipient = ?" if recipient else "") + \
          " ORDER BY recipient, item_kind, item_id"
    cur = con.execute(sql, [recipient] if recipient else [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def clear_outbox(con: duckdb.DuckDBPyConnection) -> None:
    """Forget every queued and sent item (for previews built on a copy of a warehouse)."""
    con.execute("DELETE FROM outbox")
