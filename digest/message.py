"""Build the e-mail: multipart/alternative (text first, then HTML), header-injection safe."""

from __future__ import annotations

import email.policy
import re
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from claimwatch.errors import DeliveryError
from claimwatch.digest.render import RenderedDigest

__all__ = ["build_message", "header_safe"]

_HEADER_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def header_safe(value: object, limit: int = 250) -> str:
    """``value`` with CR, LF and every other control character replaced, on one line."""
    text = " ".join(_HEADER_UNSAFE.sub(" ", str(value)).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _address(value: str, what: str) -> Address:
    text = header_safe(value)
    if text != value.strip() or text.count("@") != 1:
        raise DeliveryError(f"the {what} address {text!r} is not a plain e-mail address")
    user, domain = text.rsplit("@", 1)
    try:
        return Address(username=user, domain=domain)
    except (ValueError, IndexError) as exc:
        raise DeliveryError(f"the {what} address {text!r} is not valid: {exc}") from None


def build_message(digest: RenderedDigest, *, sender: str, recipient: str,
                  now: datetime) -> EmailMessage:
    """The message for ``recipient``: Subject, From, To, Date, Message-ID, two alternatives."""
    from_addr = _address(sender, "sender ([digest] from)")
    to_addr = _address(recipient, "recipient")
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["Subject"] = header_safe(digest.subject)
    msg["From"] = Address(display_name="claimwatch", username=from_addr.username, domain=from_addr.domain)
    msg["To"] = to_addr
    msg["Date"] = format_datetime(now if now.tzinfo else now.astimezone())
    msg["Message-ID"] = make_msgid(idstring="claimwatch", domain=from_addr.domain or "localhost")
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(digest.text, subtype="plain", charset="utf-8")
    msg.add_alternative(digest.html, subtype="html", charset="utf-8")
    return msg
