"""The alert digest: pick each recipient's new items, render them (HTML and plain text), mail or
write them once. The public API; the work is in ``send`` (choosing and delivering), ``render``,
``message`` (the MIME message) and ``deliver`` (SMTP and files)."""

from claimwatch.digest.render import RenderedDigest, render_digest
from claimwatch.digest.send import DigestReport, RecipientResult, send_digests

__all__ = ["send_digests", "DigestReport", "RecipientResult", "RenderedDigest", "render_digest"]
