"""Bounded HTTP(S) and file:// downloads: timeouts, redirects, retries, size caps, politeness.

Everything here raises :class:`FetchError` (a :class:`~claimwatch.errors.FeedError`) with
a one-line message; callers turn it into a failed result.

Memory is bounded even for compression bombs: the body is read compressed
(``iter_raw``) and decompressed here with a cap on the output of every step, so no
more than ``max_bytes`` (+ one small chunk) is ever held.
"""

from __future__ import annotations

import socket
import threading
import time
import zlib
from collections import defaultdict
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

import httpx

from claimwatch.config import FetchConfig
from claimwatch.errors import FeedError
from claimwatch.ingest.urls import host_key

__all__ = ["FetchError", "Fetched", "HostLimiter", "make_client", "get"]

_REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
_CHUNK = 16_384
_PERMANENT_DNS_ERRORS = {code for code in (getattr(socket, "EAI_NONAME", None), getattr(socket, "EAI_NODATA", None))
                         if code is not None}
# The whole download must finish within this many read timeouts (a server dripping one
# byte per second never trips the per-read timeout).
_TOTAL_TIMEOUT_FACTOR = 5


class FetchError(FeedError):
    """A download failed; ``http_status`` is set when the server answered;
    ``unreachable`` when the host could not be reached at all (DNS, connect, timeout)."""

    def __init__(self, message: str, http_status: int | None = None, *, unreachable: bool = False):
        super().__init__(" ".join(message.split()))
        self.http_status = http_status
        self.unreachable = unreachable


def _unknown_host(exc: BaseException) -> bool:
    """True when the name does not resolve at all (retrying cannot help)."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, socket.gaierror):
            return exc.errno in _PERMANENT_DNS_ERRORS
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


class _TooLarge(Exception):
    pass


@dataclass(slots=True)
class Fetched:
    url: str  # the final URL, after redirects
    status: int
    headers: dict[str, str]  # lower-cased names
    content: bytes

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")


class HostLimiter:
    """At most ``concurrency`` requests at once per host, starts spaced by ``delay`` seconds.

    Also remembers hosts that could not be reached (DNS failure, refused connection) during
    this run: later requests to them fail at once instead of waiting their turn.
    """

    def __init__(self, concurrency: int, delay: float = 0.0):
        self.concurrency = concurrency
        self.delay = delay
        self._lock = threading.Lock()
        self._semaphores: dict[str, threading.BoundedSemaphore] = {}
        self._next_start: dict[str, float] = defaultdict(float)
        self._unreachable: dict[str, str] = {}

    @classmethod
    def from_config(cls, fetch: FetchConfig) -> HostLimiter:
        return cls(fetch.per_host_concurrency, fetch.per_host_delay_seconds)

    def mark_unreachable(self, url: str, reason: str) -> None:
        with self._lock:
            self._unreachable.setdefault(host_key(url), reason)

    def _check_reachable(self, host: str) -> None:
        with self._lock:
            reason = self._unreachable.get(host)
        if reason:
            raise FetchError(f"skipped, host unreachable earlier in this run: {reason}", unreachable=True)

    @contextmanager
    def slot(self, url: str):
        host = host_key(url)
        if not host:  # file:// needs no politeness
            yield
            return
        self._check_reachable(host)
        with self._lock:
            semaphore = self._semaphores.setdefault(host, threading.BoundedSemaphore(self.concurrency))
        with semaphore:
            self._check_reachable(host)
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next_start[host])
                self._next_start[host] = start + self.delay
            if start > now:
                time.sleep(start - now)
            yield


def make_client(fetch: FetchConfig) -> httpx.Client:
    """An httpx client configured from ``fetch`` (redirects are followed by :func:`get`)."""
    return httpx.Client(
        timeout=httpx.Timeout(fetch.timeout_seconds),
        follow_redirects=False,
        headers={"User-Agent": fetch.user_agent, "Accept-Encoding": "gzip, deflate"},
        limits=httpx.Limits(max_connections=32, max_keepalive_connections=8),
    )


def _read_file(url: str, max_bytes: int) -> Fetched:
    path = Path(url2pathname(urlsplit(url).path))
    if not path.is_file():
        raise FetchError(f"file not found: {path}")
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise FetchError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise FetchError(f"feed larger than {max_bytes} bytes: {path}")
    return Fetched(url=url, status=200, headers={}, content=data)


class _Decoder:
    """Incremental gzip/deflate decoding whose every output is at most ``_CHUNK`` bytes."""

    def __init__(self, encoding: str):
        encoding = encoding.strip().lower()
        if encoding in ("", "identity"):
            self._z = None
        elif encoding in ("gzip", "x-gzip"):
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._z = zlib.decompressobj(zlib.MAX_WBITS)
        else:
            raise FetchError(f"unsupported Content-Encoding {encoding!r}")
        self._encoding = encoding
        self._raw_deflate_fallback = encoding == "deflate"  # until the first bytes decode

    def feed(self, data: bytes):
        if self._z is None:
            yield data
            return
        try:
            while data:
                out = self._z.decompress(data, _CHUNK)
                data = self._z.unconsumed_tail
                if out:
                    yield out
                if self._z.eof:
                    break  # trailing garbage after the stream is ignored
        except zlib.error as exc:
            if self._raw_deflate_fallback:
                # Some servers send raw deflate without the zlib header.
                self._raw_deflate_fallback = False
                self._z = zlib.decompressobj(-zlib.MAX_WBITS)
                yield from self.feed(data)
                return
            raise FetchError(f"corrupt {self._encoding} body: {exc}") from None
        self._raw_deflate_fallback = False


def _read_body(response: httpx.Response, max_bytes: int, deadline: float, what: str) -> bytes:
    length = response.headers.get("content-length", "")
    encoding = response.headers.get("content-encoding", "")
    if length.isdigit() and not encoding and int(length) > max_bytes:
        raise _TooLarge()
    decoder = _Decoder(encoding)
    parts: list[bytes] = []
    total = 0
    for raw in response.iter_raw():  # as received (no re-chunking, which would wait for 16 KB)
        for piece in decoder.feed(raw):
            total += len(piece)
            if total > max_bytes:
                raise _TooLarge()
            parts.append(piece)
        if time.monotonic() > deadline:
            raise FetchError(f"{what} took too long to download (more than "
                             f"{_TOTAL_TIMEOUT_FACTOR} x the read timeout)")
    return b"".join(parts)


def _describe_transport_error(exc: httpx.TransportError, url: str, timeout: float) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out after {timeout:g}s waiting for {url}"
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect to {host_key(url) or url}: {exc or 'connection failed'}"
    return f"network error fetching {url}: {type(exc).__name__} {exc}".strip()


def _retryable_status(status: int) -> bool:
    return status >= 500 or status == 429


def _one_request(client: httpx.Client, url: str, headers: dict[str, str], max_bytes: int,
                 fetch: FetchConfig, what: str) -> Fetched:
    """One GET without following redirects; the body is read unless it is a redirect."""
    deadline = time.monotonic() + fetch.timeout_seconds * _TOTAL_TIMEOUT_FACTOR
    with client.stream("GET", url, headers=headers, follow_redirects=False) as response:
        lowered = {k.lower(): v for k, v in response.headers.items()}
        if response.status_code in _REDIRECT_CODES or response.status_code == 304 \
                or response.status_code >= 400:
            return Fetched(url=url, status=response.status_code, headers=lowered, content=b"")
        try:
            content = _read_body(response, max_bytes, deadline, what)
        except _TooLarge:
            raise FetchError(f"{what} larger than {max_bytes} bytes", response.status_code) from None
        return Fetched(url=url, status=response.status_code, headers=lowered, content=content)


def get(url: str, fetch: FetchConfig, client: httpx.Client, *, max_bytes: int,
        headers: dict[str, str] | None = None, limiter: HostLimiter | None = None,
        what: str = "response") -> Fetched:
    """GET ``url`` (http, https or file) following redirects, retrying transient failures.

    Returns the final response, whose status is 2xx or 304; anything else raises
    :class:`FetchError`. ``what`` names the thing in messages ("feed", "page").
    """
    scheme = urlsplit(url).scheme.lower()
    if scheme == "file":
        return _read_file(url, max_bytes)
    if scheme not in ("http", "https"):
        raise FetchError(f"unsupported URL scheme {scheme!r}: {url}")
    headers = dict(headers or {})
    headers.setdefault("User-Agent", fetch.user_agent)
    headers.setdefault("Accept-Encoding", "gzip, deflate")
    seen = [url]
    current = url
    while True:
        result = _with_retries(client, current, headers, max_bytes, fetch, limiter, what)
        if result.status not in _REDIRECT_CODES:
            return result
        location = result.headers.get("location")
        if not location:
            raise FetchError(f"HTTP {result.status} redirect without a Location from {current}", result.status)
        target = urljoin(current, location.strip())
        if urlsplit(target).scheme.lower() not in ("http", "https"):
            raise FetchError(f"refusing redirect from {current} to non-HTTP URL {target}", result.status)
        if target in seen:
            raise FetchError(f"redirect loop: {current} redirects back to {target}", result.status)
        if len(seen) > fetch.max_redirects:
            raise FetchError(f"too many redirects (more than {fetch.max_redirects}) starting at {url}",
                             result.status)
        seen.append(target)
        current = target


def _attempt(client: httpx.Client, url: str, headers: dict[str, str], max_bytes: int, fetch: FetchConfig,
             limiter: HostLimiter | None, what: str, attempt: int, last: bool) -> Fetched | None:
    """One try; None means "retry". Unreachable hosts are marked while the slot is held,
    so requests queued behind this one see it."""
    with limiter.slot(url) if limiter is not None else nullcontext():
        try:
            result = _one_request(client, url, headers, max_bytes, fetch, what)
        except httpx.TransportError as exc:
            unreachable = isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout))
            if not (last or _unknown_host(exc)):
                return None
            suffix = f" (after {attempt + 1} attempts)" if attempt else ""
            message = _describe_transport_error(exc, url, fetch.timeout_seconds) + suffix
            if unreachable and limiter is not None:
                limiter.mark_unreachable(url, message)
            raise FetchError(message, unreachable=unreachable) from None
        except httpx.HTTPError as exc:  # invalid URL, decoding problems...
            raise FetchError(f"cannot fetch {url}: {exc}") from None
    if result.status < 400 or result.status in _REDIRECT_CODES:
        return result
    retryable = _retryable_status(result.status)
    if retryable and not last:
        return None
    reason = httpx.codes.get_reason_phrase(result.status) or "error"
    suffix = f" (after {attempt + 1} attempts)" if retryable and attempt else ""
    raise FetchError(f"HTTP {result.status} {reason} from {url}{suffix}", result.status)


def _with_retries(client: httpx.Client, url: str, headers: dict[str, str], max_bytes: int,
                  fetch: FetchConfig, limiter: HostLimiter | None, what: str) -> Fetched:
    attempts = fetch.retries + 1
    for attempt in range(attempts):
        result = _attempt(client, url, headers, max_bytes, fetch, limiter, what, attempt, attempt == attempts - 1)
        if result is not None:
            return result
        time.sleep(fetch.retry_delay_seconds * (2 ** attempt))  # exponential backoff
    raise AssertionError("unreachable")  # pragma: no cover
