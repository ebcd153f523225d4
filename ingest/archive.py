"""JSONL archives of past articles: one JSON object a line, read as a stream.

Each line: ``{"url", "title", "published", "text", "source", "id"?, "language"?}``.
``url``, ``published``, ``source`` may be null/absent (``source`` then defaults to
``source_default``); ``text`` must be a non-empty string. ``published`` is ISO 8601
(``2025-03-14T09:00:00Z``; naive times are taken as UTC) or RFC 2822. Blank lines are
skipped; ``.gz`` files are read decompressed.

Bad lines: by default the first one raises :class:`ImportFileError` naming the file and
line. Because :func:`read_jsonl` is a generator, lines before the bad one have already
been yielded (and a caller storing in batches may have stored them); call
:func:`validate_jsonl` first for all-or-nothing imports (it streams too, storing nothing).
Given ``on_bad_line``, :func:`read_jsonl` instead hands each bad line to it as a
:class:`BadLine` (file, line number, why) and goes on with the next one. A file that
cannot be opened or read (missing, corrupt gzip) always raises.

Article ids: ``article_id_for(canonical_url)`` when there is a URL (so an archived story
and the same story from a feed share one id), else ``article_id_for(id)``, else a hash of
source + title + text.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from claimwatch.errors import ImportFileError
from claimwatch.records import Article, article_id_for
from claimwatch.ingest.dates import parse_published
from claimwatch.ingest.urls import canonical_url

__all__ = ["BadLine", "read_jsonl", "validate_jsonl"]

_MAX_LINE_BYTES = 20_000_000


class _BadLine(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class BadLine:
    """One line of an archive that could not be read as an article, and why."""

    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}, line {self.line}: {self.reason}"


def _parse_date(value: object) -> tuple[datetime | None, str | None]:
    if value is None or value == "":
        return None, None
    if not isinstance(value, str):
        raise _BadLine(f"'published' must be a date string, not {type(value).__name__}")
    try:
        return parse_published(value)
    except ValueError:
        raise _BadLine("'published' is not a date (ISO 8601 such as 2021-06-15 or 2021-06, RFC 2822, "
                       f"or 'June 2021'): {value.strip()[:40]!r}") from None


def _optional_str(record: dict, key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _BadLine(f"'{key}' must be a string, not {type(value).__name__}")
    return value.strip() or None


def _article(record: object, source_default: str) -> Article:
    if not isinstance(record, dict):
        raise _BadLine(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _BadLine("'text' is missing or empty")
    title = _optional_str(record, "title") or ""
    url = _optional_str(record, "url")
    source = _optional_str(record, "source") or source_default
    language = _optional_str(record, "language")
    raw_id = record.get("id")
    if raw_id is not None and not isinstance(raw_id, (str, int)):
        raise _BadLine(f"'id' must be a string or a number, not {type(raw_id).__name__}")
    guid = str(raw_id).strip() or None if raw_id is not None else None
    if url:
        key = canonical_url(url)
    elif guid:
        key = guid
    else:
        key = f"{source}\n{title}\n{text}"
    published_at, precision = _parse_date(record.get("published"))
    return Article(
        article_id=article_id_for(key), url=url, title=" ".join(title.split()), source=source,
        published_at=published_at, published_precision=precision, language=language.lower() if language else None,
        text=text.strip(), summary="", guid=guid, text_origin="archive",
    )


def _open(path: Path):
    if path.suffix == ".gz":
        return gzip.open(path, "rb")
    return path.open("rb")


def read_jsonl(path: str | os.PathLike, *, source_default: str = "archive",
               on_bad_line: Callable[[BadLine], None] | None = None) -> Iterator[Article]:
    """Articles from a JSONL file, one at a time (bounded memory for any file size).

    Raises ImportFileError for a missing/unreadable file, and for the first bad line unless
    ``on_bad_line`` is given: then each bad line goes to it and reading goes on.
    """
    file = Path(path)
    if not file.is_file():  # checked now, not at the first next()
        raise ImportFileError(f"archive file not found: {file}")
    try:
        handle = _open(file)
    except OSError as exc:
        raise ImportFileError(f"cannot open archive {file}: {exc.strerror or exc}") from None
    return _lines(file, handle, source_default, on_bad_line)


def _record(raw: bytes, source_default: str) -> Article:
    """The article of one raw line; _BadLine says why there is none."""
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise _BadLine("not valid UTF-8") from None
    except json.JSONDecodeError as exc:
        raise _BadLine(f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    return _article(record, source_default)


def _lines(file: Path, handle, source_default: str,
           on_bad_line: Callable[[BadLine], None] | None) -> Iterator[Article]:
    def bad(line_no: int, reason: str) -> None:
        problem = BadLine(str(file), line_no, reason)
        if on_bad_line is None:
            raise ImportFileError(str(problem))
        on_bad_line(problem)

    with handle:
        line_no = 0
        while True:
            line_no += 1
            try:
                raw = handle.readline(_MAX_LINE_BYTES + 1)
                if len(raw) > _MAX_LINE_BYTES and not raw.endswith(b"\n"):
                    while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                        pass  # skip the rest of the overlong line
                    bad(line_no, f"line longer than {_MAX_LINE_BYTES} bytes")
                    continue
            except (OSError, EOFError, gzip.BadGzipFile) as exc:
                raise ImportFileError(f"{file}: cannot read line {line_no}: {exc}") from None
            if not raw:
                return
            if line_no == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            try:
                article = _record(raw, source_default)
            except _BadLine as exc:
                bad(line_no, str(exc))
                continue
            yield article


def validate_jsonl(path: str | os.PathLike, *, source_default: str = "archive") -> int:
    """Check a whole archive without keeping it; returns the number of articles.
    Raises ImportFileError like :func:`read_jsonl` (at the first bad line)."""
    return sum(1 for _ in read_jsonl(path, source_default=source_default))
