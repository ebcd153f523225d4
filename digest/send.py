"""Choosing and delivering the digest: pick each recipient's new items, render them, mail (or write) them once.

Entry point: :func:`send_digests` (re-exported by ``claimwatch.digest``). No Prefect here; the flow and the CLI call it.
Delivery policy (see ``warehouse.outbox``): an item is queued once per recipient,
``sending`` is committed before the SMTP call, a refusal puts it back to
``pending`` for the next run, and an item caught ``sending`` by a crash is never
resent automatically (at-most-once) but listed in the next digest's footer.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from claimwatch.config import Config, RecipientConfig
from claimwatch.errors import DeliveryError
from claimwatch.faults import fault_point
from claimwatch.digest.deliver import send_message, write_digest_files
from claimwatch.digest.message import build_message
from claimwatch.digest.render import RenderedDigest, render_digest
from claimwatch.warehouse import outbox
from claimwatch.warehouse.db import transaction

if TYPE_CHECKING:  # the connection is the warehouse's; only its type is named here
    import duckdb

__all__ = ["send_digests", "DigestReport", "RecipientResult"]

log = logging.getLogger(__name__)


@dataclass
class RecipientResult:
    """What happened for one recipient.

    ``status``: "sent" (mailed), "written" (files, or the dry-run file),
    "nothing_new", or "pending" (delivery refused; ``error`` says why).
    """

    recipient: str
    status: str
    counts: dict[str, int] = field(default_factory=dict)
    path: Path | None = None
    error: str | None = None
    message_id: str | None = None
    pending: int = 0  # items left pending after a refusal


@dataclass
class DigestReport:
    results: list[RecipientResult] = field(default_factory=list)
    summary: str = ""

    @property
    def ok(self) -> bool:
        return all(r.status != "pending" for r in self.results)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _summary(results: list[RecipientResult]) -> str:
    if not results:
        return "no digest recipients configured ([digest] to or [[digest.recipients]])"
    parts = []
    sent = [r for r in results if r.status == "sent"]
    if sent:
        parts.append(f"mailed {_plural(len(sent), 'digest')} to {_plural(len(sent), 'recipient')}")
    written = [r for r in results if r.status == "written"]
    if len(written) == 1:
        parts.append(f"written to {_display(written[0].path)}")
    elif written:
        folders = sorted({_display(r.path.parent) for r in written})
        parts.append(f"written {_plural(len(written), 'digest')} to {', '.join(folders)}")
    pending = [r for r in results if r.status == "pending"]
    if pending:
        errors = list(dict.fromkeys(r.error for r in pending if r.error))
        items = sum(r.pending for r in pending)
        parts.append(f"{'; '.join(errors[:2])}; {_plural(items, 'item')} pending")
    quiet = [r for r in results if r.status == "nothing_new"]
    if quiet and not parts:
        parts.append(f"nothing new for {_plural(len(quiet), 'recipient')}")
    elif quiet:
        parts.append(f"nothing new for {len(quiet)} more")
    return "; ".join(parts)


def _zone(config: Config):
    try:
        return ZoneInfo(config.schedule.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.utc


def _watching(recipient: RecipientConfig) -> str:
    what = ", ".join(recipient.companies) if recipient.companies else "all companies"
    return what + (" (AI companies only)" if recipient.ai_only else "")


def _candidates(con, config: Config, recipient: RecipientConfig) -> list[outbox.Item]:
    companies = (outbox.resolve_companies(con, recipient.companies, config.companies.aliases)
                 if recipient.companies else None)
    return outbox.candidate_items(con, recipient.email, companies=companies, ai_only=recipient.ai_only)


def _dry_run_path(base: Path, recipient: str, several: bool) -> Path:
    if not several:
        return base
    safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in recipient)
    return base.with_name(f"{base.stem}-{safe}{base.suffix}")


def _write_dry_run(path: Path, digest: RenderedDigest, message) -> Path:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".txt":
            path.write_text(digest.text, encoding="utf-8")
        elif path.suffix == ".eml":
            path.write_bytes(bytes(message))
        else:
            path.write_text(digest.html, encoding="utf-8")
    except OSError as exc:
        raise DeliveryError(f"cannot write the dry-run digest to {path}: {exc.strerror or exc}") from None
    return path


def _deliver(con, config: Config, recipient: str, keys: list[outbox.OutboxKey],
             digest: RenderedDigest, *, now: datetime, day: date,
             noted: list[outbox.OutboxKey], record: bool) -> RecipientResult:
    """Send or write one digest, recording each step in the outbox when ``record``."""
    message = build_message(digest, sender=config.digest.from_, recipient=recipient, now=now)
    message_id = message["Message-ID"]
    result = RecipientResult(recipient, "sent", dict(digest.counts), message_id=message_id)
    if config.smtp is None:
        path = write_digest_files(config.digest.out_dir, day, recipient, digest)
        result.status, result.path, result.message_id = "written", path, f"file:{path}"
        if record:
            with transaction(con):
                outbox.mark_sent(con, recipient, keys, now, message_id=result.message_id)
                outbox.mark_noted(con, recipient, noted, result.message_id)
        return result
    if record:
        with transaction(con):
            outbox.mark_sending(con, recipient, keys, message_id, now=now)
    try:
        send_message(message, config.smtp, sender=config.digest.from_, recipient=recipient)
    except DeliveryError as exc:
        if record:
            with transaction(con):
                outbox.mark_failed(con, recipient, keys, exc.message)
        log.warning("digest for %s not delivered: %s", recipient, exc.message)
        result.status, result.error, result.pending = "pending", exc.message, len(keys)
        return result
    fault_point("digest-after-send")  # crash-test hook: the server has the mail, the outbox does not know
    if record:
        with transaction(con):
            outbox.mark_sent(con, recipient, keys, datetime.now(timezone.utc))
            outbox.mark_noted(con, recipient, noted, message_id)
    return result


def send_digests(con: duckdb.DuckDBPyConnection, config: Config, *, now: datetime | None = None,
                 dry_run_out: Path | None = None, resend_date: date | None = None) -> DigestReport:
    """Mail (or write) each recipient's digest of items not sent to them before.

    ``dry_run_out``: render to that file (``.html``, ``.txt`` or ``.eml``; one per
    recipient when there are several) and leave the outbox untouched.
    ``resend_date``: send again what went out on that day (schedule time zone).
    """
    now = now or datetime.now(timezone.utc)
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    zone = _zone(config)
    day = now.astimezone(zone).date()
    recipients = config.digest.all_recipients()
    dry = dry_run_out is not None
    report = DigestReport()
    if not dry and recipients:
        with transaction(con):
            stuck = outbox.resolve_interrupted(con, started_before=now)
        if stuck:
            log.warning("%d outbox item(s) were interrupted while sending; listed as unconfirmed", stuck)
    for recipient in recipients:
        email = recipient.email
        noted: list[outbox.OutboxKey] = []
        if resend_date is not None:
            keys = outbox.sent_items_on(con, email, resend_date, getattr(zone, "key", "UTC"))
            items, unconfirmed, record = outbox.load_items(con, keys), [], False
            if not items:
                report.results.append(RecipientResult(email, "nothing_new"))
                continue
        elif dry:
            keys = outbox.pending_items(con, email)
            items = outbox.load_items(con, keys)
            seen = {i.key for i in items}
            items += [i for i in _candidates(con, config, recipient) if i.key not in seen]
            unconfirmed, record = outbox.load_items(con, outbox.unconfirmed_items(con, email)), False
        else:
            with transaction(con):
                outbox.enqueue_new_items(con, email, _candidates(con, config, recipient), now=now)
            keys = outbox.pending_items(con, email)
            items = outbox.load_items(con, keys, open_only=True)
            found = {i.key for i in items}
            gone = [k for k in keys if k not in found and k != ("quiet", day.isoformat())]
            if gone:  # dismissed or deleted since they were queued, or an old day's quiet note
                with transaction(con):
                    outbox.mark_sent(con, email, gone, now, message_id="skipped")
            keys = [k for k in keys if k in found]
            noted = outbox.unconfirmed_items(con, email)
            unconfirmed, record = outbox.load_items(con, noted), True
        if not items and not unconfirmed and not (config.digest.send_when_quiet and resend_date is None):
            report.results.append(RecipientResult(email, "nothing_new"))
            continue
        if not items and not unconfirmed and not dry:
            quiet_key = ("quiet", day.isoformat())
            with transaction(con):
                if not outbox.enqueue_new_items(con, email, [quiet_key], now=now):
                    if quiet_key not in outbox.pending_items(con, email):
                        report.results.append(RecipientResult(email, "nothing_new"))
                        continue
            keys = [quiet_key]
        digest = render_digest(items, recipient=email, day=day, max_claims=config.digest.max_claims,
                               unconfirmed=unconfirmed, watching=_watching(recipient),
                               resend=resend_date is not None)
        if dry:
            message = build_message(digest, sender=config.digest.from_, recipient=email, now=now)
            path = _write_dry_run(_dry_run_path(Path(dry_run_out), email, len(recipients) > 1), digest, message)
            report.results.append(RecipientResult(email, "written", dict(digest.counts), path=path))
            continue
        try:
            result = _deliver(con, config, email, keys, digest, now=now, day=day, noted=noted, record=record)
        except DeliveryError as exc:  # before anything was marked: the items simply stay pending
            result = RecipientResult(email, "pending", dict(digest.counts), error=exc.message,
                                     pending=len(keys) if record else 0)
        report.results.append(result)
    report.summary = _summary(report.results)
    return report
