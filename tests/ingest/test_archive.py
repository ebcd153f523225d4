"""JSONL archives: fields, ids, errors with line numbers, streaming."""

from __future__ import annotations

import gzip
import json
import tracemalloc
from datetime import datetime, timezone

import pytest

from claimwatch.errors import ImportFileError
from claimwatch.ingest import article_id_for, parse_feed, read_jsonl, validate_jsonl

LINE = {"url": "https://news.example/acme?utm_source=x", "title": "Acme  raises $10M",
        "published": "2025-03-14T10:00:00+01:00", "text": "Acme raised $10M.", "source": "TechCrunch",
        "language": "EN"}


def write_lines(path, lines) -> None:
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines),
                    encoding="utf-8")


def test_archive_reads_articles(tmp_path):
    path = tmp_path / "a.jsonl"
    write_lines(path, [LINE, "", {"id": 17, "title": "No url", "text": "Body.", "published": "2025-03-15"}])
    first, second = read_jsonl(path, source_default="import")
    assert first.article_id == article_id_for("https://news.example/acme")
    assert first.url == LINE["url"] and first.title == "Acme raises $10M" and first.source == "TechCrunch"
    assert first.published_at == datetime(2025, 3, 14, 9, 0, tzinfo=timezone.utc)
    assert first.language == "en" and first.text_origin == "archive"
    assert second.article_id == article_id_for("17") and second.guid == "17"
    assert second.source == "import" and second.url is None and second.language is None
    assert second.published_at == datetime(2025, 3, 15, tzinfo=timezone.utc)


def test_archive_and_feed_share_an_id_for_the_same_url(tmp_path, make_rss):
    path = tmp_path / "a.jsonl"
    write_lines(path, [LINE])
    (archived,) = read_jsonl(path)
    (fed,), _ = parse_feed(make_rss("<item><title>t</title><link>https://news.example/acme</link></item>"),
                           feed_name="f", base_url="https://news.example/feed", declared_language=None)
    assert archived.article_id == fed.article_id


def test_archive_accepts_rfc2822_dates_bom_and_gzip(tmp_path):
    record = {**LINE, "published": "Fri, 14 Mar 2025 09:00:00 GMT"}
    plain = tmp_path / "bom.jsonl"
    plain.write_bytes(b"\xef\xbb\xbf" + json.dumps(record).encode() + b"\n")
    packed = tmp_path / "a.jsonl.gz"
    packed.write_bytes(gzip.compress(json.dumps(record).encode() + b"\n"))
    for path in (plain, packed):
        (article,) = read_jsonl(path)
        assert article.published_at == datetime(2025, 3, 14, 9, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("bad, reason", [
    ("{not json", "invalid JSON"),
    ("[1, 2]", "expected a JSON object, got list"),
    (json.dumps({"title": "t"}), "'text' is missing or empty"),
    (json.dumps({"text": "x", "published": "last tuesday"}), "'published' is not a date"),
    (json.dumps({"text": "x", "url": 5}), "'url' must be a string, not int"),
])
def test_archive_bad_line_names_file_and_line(tmp_path, bad, reason):
    path = tmp_path / "bad.jsonl"
    write_lines(path, [LINE, LINE, bad, LINE])
    articles = read_jsonl(path)
    assert next(articles).title and next(articles).title  # lines 1 and 2 are fine
    with pytest.raises(ImportFileError) as info:
        next(articles)
    assert info.value.message.startswith(f"{path}, line 3: {reason}")


def test_archive_invalid_utf8_line(tmp_path):
    path = tmp_path / "latin.jsonl"
    path.write_bytes(json.dumps(LINE).encode() + b"\n" + '{"text": "café"}'.encode("latin-1") + b"\n")
    with pytest.raises(ImportFileError, match="line 2: not valid UTF-8"):
        list(read_jsonl(path))


def test_archive_missing_file_fails_at_call(tmp_path):
    with pytest.raises(ImportFileError) as info:
        read_jsonl(tmp_path / "nope.jsonl")
    assert info.value.message == f"archive file not found: {tmp_path / 'nope.jsonl'}"


def test_archive_validate_counts_or_fails_before_anything_is_used(tmp_path):
    good = tmp_path / "good.jsonl"
    write_lines(good, [LINE] * 5)
    assert validate_jsonl(good) == 5
    bad = tmp_path / "bad.jsonl"
    write_lines(bad, [LINE] * 4 + ["oops"])
    with pytest.raises(ImportFileError, match="line 5"):
        validate_jsonl(bad)


def _stream_with_peak(path, lines: int) -> tuple[int, int, str]:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(lines):
            handle.write(json.dumps({"url": f"https://n.example/{i}", "title": f"T{i}",
                                     "published": "2025-01-01T00:00:00Z", "text": f"Story {i} " * 10}) + "\n")
    tracemalloc.start()
    try:
        count, last = 0, ""
        for article in read_jsonl(path):
            count, last = count + 1, article.title
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return count, peak, last


def test_archive_streams_with_bounded_memory(tmp_path):
    count, peak, last = _stream_with_peak(tmp_path / "mid.jsonl", 5_000)
    assert count == 5_000 and last == "T4999"
    assert peak < 400_000  # the file is ~1 MB and the articles several MB; a stream holds one line


@pytest.mark.slow
def test_archive_streams_100k_lines_with_bounded_memory(tmp_path):
    count, peak, last = _stream_with_peak(tmp_path / "big.jsonl", 100_000)
    assert count == 100_000 and last == "T99999"
    assert peak < 400_000  # the file is ~22 MB


@pytest.mark.parametrize("written, expected, precision", [
    ("2019-03", (2019, 3, 1), "month"),
    ("2019", (2019, 1, 1), "year"),
    ("March 2019", (2019, 3, 1), "month"),
    ("mars 2019", (2019, 3, 1), "month"),
    ("févr. 2019", (2019, 2, 1), "month"),
    ("2019-03-17", (2019, 3, 17), "day"),
    ("2019-03-17T09:30:00Z", (2019, 3, 17), "time"),
])
def test_archive_partial_dates_kept_with_their_precision(tmp_path, written, expected, precision):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "Some text.", "url": "https://example.org/a",
                                "published": written}) + "\n", encoding="utf-8")
    [article] = list(read_jsonl(path))
    assert article.published_at.timetuple()[:3] == expected
    assert article.published_precision == precision


def test_archive_missing_date_has_no_precision(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "Some text.", "published": None}) + "\n", encoding="utf-8")
    [article] = list(read_jsonl(path))
    assert article.published_at is None and article.published_precision is None


def test_archive_bad_lines_go_to_the_callback_and_reading_goes_on(tmp_path):
    path = tmp_path / "mixed.jsonl"
    others = [dict(LINE, url=f"https://news.example/story-{i}") for i in range(3)]
    write_lines(path, [others[0], "{not json", others[1], json.dumps({"title": "no text"}), "", others[2],
                       json.dumps({"text": "x", "published": "sometime soon"})])
    seen = []
    articles = list(read_jsonl(path, on_bad_line=seen.append))
    assert [a.url for a in articles] == [o["url"] for o in others]
    assert [(b.file, b.line) for b in seen] == [(str(path), 2), (str(path), 4), (str(path), 7)]
    assert seen[0].reason.startswith("invalid JSON") and seen[1].reason == "'text' is missing or empty"
    assert "'published' is not a date" in seen[2].reason
    assert str(seen[1]) == f"{path}, line 4: 'text' is missing or empty"


def test_archive_overlong_line_is_skipped_whole(tmp_path, monkeypatch):
    import claimwatch.ingest.archive as archive
    monkeypatch.setattr(archive, "_MAX_LINE_BYTES", 200)
    path = tmp_path / "long.jsonl"
    write_lines(path, [LINE, dict(LINE, text="word " * 400, url="https://news.example/long"),
                       dict(LINE, url="https://news.example/after")])
    seen = []
    articles = list(read_jsonl(path, on_bad_line=seen.append))
    assert [a.url for a in articles] == [LINE["url"], "https://news.example/after"]
    assert [(b.line, b.reason) for b in seen] == [(2, "line longer than 200 bytes")]
    with pytest.raises(ImportFileError, match="line 2: line longer than 200 bytes"):
        list(read_jsonl(path))


def test_archive_unreadable_gzip_still_raises_with_a_callback(tmp_path):
    path = tmp_path / "broken.jsonl.gz"
    path.write_bytes(gzip.compress(json.dumps(LINE).encode() + b"\n")[:-12])
    with pytest.raises(ImportFileError, match="cannot read line"):
        list(read_jsonl(path, on_bad_line=lambda problem: None))
