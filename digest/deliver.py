"""Deliver a digest: over SMTP (smtplib), or as files when no [smtp] is configured.

Every failure becomes a one-line :class:`DeliveryError` that names the server
and what it refused; credentials never appear in messages or logs.
"""

from __future__ import annotations

import logging
import os
import re
import smtplib
import socket
import ssl
from datetime import date
from email.message import EmailMessage
from pathlib import Path

from claimwatch.config import SmtpConfig
from claimwatch.errors import DeliveryError
from claimwatch.digest.render import RenderedDigest

__all__ = ["send_message", "write_digest_files", "digest_file_stem"]

log = logging.getLogger(__name__)


def _reply(exc: smtplib.SMTPResponseException) -> str:
    text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
    return f"{exc.smtp_code} {' '.join(text.split())}"[:200]


def send_message(msg: EmailMessage, smtp: SmtpConfig, *, sender: str, recipient: str) -> None:
    """Hand ``msg`` to the server for ``recipient``; raise DeliveryError unless it was accepted.

    Logs in with CLAIMWATCH_SMTP_USERNAME / CLAIMWATCH_SMTP_PASSWORD when both are set.
    """
    where = f"{smtp.host}:{smtp.port}"
    username, password = smtp.username, smtp.password
    try:
        if smtp.ssl:
            client: smtplib.SMTP = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout_seconds,
                                                    context=ssl.create_default_context())
        else:
            client = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout_seconds)
    except (OSError, smtplib.SMTPException) as exc:
        raise DeliveryError(f"smtp refused: cannot connect to {where} ({_os_reason(exc)})") from None
    accepted = False
    try:
        client.ehlo()
        if smtp.starttls and not smtp.ssl:
            if not client.has_extn("starttls"):
                raise DeliveryError(f"smtp refused: {where} does not offer STARTTLS; "
                                    "set [smtp] starttls = false only for a trusted local server")
            client.starttls(context=ssl.create_default_context())
            client.ehlo()
        if username and password:
            try:
                client.login(username, password)
            except smtplib.SMTPAuthenticationError as exc:
                raise DeliveryError(f"smtp refused login at {where} (credentials from "
                                    f"CLAIMWATCH_SMTP_USERNAME/PASSWORD): {_reply(exc)}") from None
            except smtplib.SMTPNotSupportedError:
                raise DeliveryError(f"smtp refused: {where} does not offer AUTH; unset "
                                    "CLAIMWATCH_SMTP_USERNAME/PASSWORD or use starttls") from None
        refused = client.send_message(msg, from_addr=sender, to_addrs=[recipient])
        if refused:
            raise DeliveryError(f"smtp refused recipient {recipient} at {where}: {refused}")
        accepted = True
    except DeliveryError:
        raise
    except smtplib.SMTPRecipientsRefused as exc:
        reasons = "; ".join(f"{code} {msg_.decode('utf-8', 'replace') if isinstance(msg_, bytes) else msg_}"
                            for code, msg_ in exc.recipients.values())
        raise DeliveryError(f"smtp refused recipient {recipient} at {where}: {' '.join(reasons.split())}"[:300]) \
            from None
    except smtplib.SMTPSenderRefused as exc:
        raise DeliveryError(f"smtp refused sender {sender} at {where}: {_reply(exc)}") from None
    except smtplib.SMTPDataError as exc:
        raise DeliveryError(f"smtp refused the message at {where}: {_reply(exc)}") from None
    except smtplib.SMTPResponseException as exc:
        raise DeliveryError(f"smtp refused at {where}: {_reply(exc)}") from None
    except (smtplib.SMTPException, OSError) as exc:
        raise DeliveryError(f"smtp refused: connection to {where} failed ({_os_reason(exc)})") from None
    finally:
        try:
            client.quit()
        except (smtplib.SMTPException, OSError):  # the message was accepted (or already failed)
            client.close()
    if not accepted:  # pragma: no cover - every refusal raised above
        raise DeliveryError(f"smtp refused: {where} did not accept the message")
    log.info("digest %s accepted by %s for %s", msg.get("Message-ID"), where, recipient)


def _os_reason(exc: BaseException) -> str:
    if isinstance(exc, socket.timeout | TimeoutError):
        return "timed out"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, socket.gaierror):
        return f"unknown host: {exc.strerror or exc}"
    if isinstance(exc, ssl.SSLError):
        return f"TLS error: {exc.reason or exc}"
    return " ".join(str(exc).split())[:160] or type(exc).__name__


def digest_file_stem(day: date, recipient: str) -> str:
    """"2026-11-29-analyst_example.com": safe on every file system."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", recipient.replace("@", "_")).strip("._") or "recipient"
    return f"{day.isoformat()}-{safe[:80]}"


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def write_digest_files(out_dir: str | Path, day: date, recipient: str, digest: RenderedDigest) -> Path:
    """Write ``<day>-<recipient>.html`` and ``.txt`` to ``out_dir``; return the HTML path.

    A second digest the same day gets ``-2``, ``-3``... so no earlier file is overwritten.
    """
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        stem = digest_file_stem(day, recipient)
        n = 1
        while (folder / f"{stem}.html").exists() or (folder / f"{stem}.txt").exists():
            n += 1
            stem = f"{digest_file_stem(day, recipient)}-{n}"
        html_path = folder / f"{stem}.html"
        _write_atomic(folder / f"{stem}.txt", digest.text)
        _write_atomic(html_path, digest.html)
    except OSError as exc:
        raise DeliveryError(f"cannot write the digest to {folder}: {exc.strerror or exc}") from None
    return html_path
