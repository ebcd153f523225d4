"""URL helpers: canonical form (for dedupe), resolution of relative links, host keys."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

__all__ = ["canonical_url", "resolve_url", "host_key", "is_http_url"]

# Query parameters that only track where a click came from; they never change the page.
_TRACKING_PREFIXES = ("utm_", "mc_", "_hs", "pk_", "mtm_")
_TRACKING_NAMES = frozenset({
    "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mkt_tok", "guccounter",
    "guce_referrer", "guce_referrer_sig", "cmpid", "ncid", "sr_share", "ref_src", "__twitter_impression",
})
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_NAMES or lowered.startswith(_TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """The form of ``url`` used to recognise the same article under different links.

    Lower-cases the scheme and host, drops default ports, the fragment, tracking
    parameters (``utm_*``, ``fbclid``...) and a trailing ``?``; sorts the remaining
    query parameters; an empty path becomes ``/``. Scheme-less or unparseable input is
    returned stripped, unchanged otherwise.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return url
    host = parts.hostname.lower().rstrip(".")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    if parts.username or parts.password:
        userinfo = parts.username or ""
        if parts.password:
            userinfo += f":{parts.password}"
        host = f"{userinfo}@{host}"
    query_items = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    query = urlencode(sorted(query_items), doseq=True)
    path = parts.path or "/"
    return urlunsplit((scheme, host, path, query, ""))


def resolve_url(base: str | None, link: str | None) -> str | None:
    """``link`` made absolute against ``base``; None for empty links or non-web schemes."""
    if not link:
        return None
    link = link.strip()
    if not link:
        return None
    try:
        absolute = urljoin(base or "", link)
        scheme = urlsplit(absolute).scheme.lower()
    except ValueError:
        return None
    if scheme not in ("http", "https", "file"):
        return None
    return absolute


def is_http_url(url: str | None) -> bool:
    if not url:
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def host_key(url: str) -> str:
    """The host (with port) that per-host limits apply to; "" for file:// URLs."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https"):
        return ""
    host = (parts.hostname or "").lower()
    return f"{host}:{port}" if port else host
