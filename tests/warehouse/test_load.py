"""Loading: idempotent, bulk, whole batches only. Real DuckDB files in tmp_path."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

import claimwatch.warehouse.load as load
from claimwatch.errors import WarehouseError
from claimwatch.records import Claim, CompanyMention, Dispute, Extraction
from claimwatch.records import Article, FeedResult
from claimwatch.warehouse import (
    articles_to_extract, claim_id_for, connect, feed_states, known_companies, save_aliases,
    save_articles, save_extractions, save_feed_results,
)

T0 = datetime(2025, 3, 1, 12, tzinfo=timezone.utc)


def article(n: int, text: str = "11x says it has $10M in ARR.", **kw) -> Article:
    values = dict(article_id=f"art{n:04d}", url=f"https://news.example/{n}", title=f"Story {n}",
                  source="techcrunch", published_at=T0, language="en", text=text)
    values.update(kw)
    return Article(**values)


def claim(article_id: str, company: str = "11x", metric: str = "arr", value: float = 10e6,
          char_start: int = 20, **kw) -> Claim:
    values = dict(article_id=article_id, company=company, metric=metric, value=value,
                  value_low=value, value_high=value, unit="USD", claimed_by="company",
                  sentence=f"{company} says it has $10M in ARR.", quantity_text="$10M",
                  sentence_index=0, char_start=char_start)
    values.update(kw)
    return Claim(**values)


def extraction(article_id: str, claims=(), disputes=(), companies=None, language="en") -> Extraction:
    if companies is None:
        companies = [CompanyMention(name=c.company, surface=c.company) for c in claims]
    return Extraction(article_id=article_id, language=language, companies=list(companies),
                      claims=list(claims), disputes=list(disputes))


def count(con, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.fixture
def con(tmp_path):
    con = connect(tmp_path / "w.duckdb")
    yield con
    con.close()


def test_load_save_articles_twice_adds_nothing(con):
    batch = [article(i) for i in range(5)]
    assert save_articles(con, batch, run_id="r1") == [a.article_id for a in batch]
    assert save_articles(con, batch, run_id="r2") == []
    assert count(con, "articles") == 5
    assert con.execute("SELECT DISTINCT run_id FROM articles").fetchall() == [("r1",)]


def test_load_duplicates_within_a_batch_and_same_url_other_id(con):
    first = article(1)
    assert save_articles(con, [first, article(1), article(2)]) == ["art0001", "art0002"]
    moved = article(9, url=first.url)  # the feed changed its GUID, same page
    assert save_articles(con, [moved]) == []
    assert count(con, "articles") == 2


def test_load_changed_text_replaces_and_is_extracted_again(con):
    short = article(1, text="short", text_origin="summary")
    save_articles(con, [short])
    save_extractions(con, [extraction("art0001")], "v1")
    assert list(articles_to_extract(con, "v1")) == []
    full = article(1, text="the full page text, fetched later", text_origin="page")
    assert save_articles(con, [full]) == []
    row = con.execute("SELECT text, content_hash, text_origin FROM articles").fetchone()
    assert row == (full.text, full.content_hash, "page")
    assert [a.text for a in articles_to_extract(con, "v1")] == [full.text]


def test_load_summary_never_replaces_full_text(con):
    save_articles(con, [article(1, text="full text", text_origin="page")])
    save_articles(con, [article(1, text="teaser", text_origin="summary", fetch_error="HTTP 503")])
    assert con.execute("SELECT text, fetch_error FROM articles").fetchone() == ("full text", None)


def test_load_save_extractions_twice_adds_nothing(con):
    save_articles(con, [article(1), article(2)])
    batch = [extraction("art0001", [claim("art0001"), claim("art0001", metric="customers",
                                                             unit="count", char_start=40)],
                        [Dispute("art0001", "11x", "arr", "inflated", "ARR was inflated.", 3)]),
             extraction("art0002", [claim("art0002")])]
    assert save_extractions(con, batch, "v1") == (3, 1)
    before = {t: count(con, t) for t in ("claims", "disputes", "companies", "company_aliases",
                                         "extractions")}
    assert save_extractions(con, batch, "v1") == (0, 0)
    assert {t: count(con, t) for t in before} == before == {
        "claims": 3, "disputes": 1, "companies": 1, "company_aliases": 1, "extractions": 2}
    ids = {r[0] for r in con.execute("SELECT claim_id FROM claims").fetchall()}
    assert claim_id_for("art0001", 20, "11x", "arr") in ids


def test_load_reextraction_leaves_no_stale_claims(con):
    save_articles(con, [article(1)])
    kept, dropped = claim("art0001"), claim("art0001", metric="revenue", char_start=60)
    save_extractions(con, [extraction("art0001", [kept, dropped],
                                      [Dispute("art0001", "11x", None, "fake", "s", 2)])], "v1")
    created = con.execute("SELECT created_at FROM claims WHERE metric = 'arr'").fetchone()[0]
    new = claim("art0001", metric="customers", unit="count", char_start=80)
    assert save_extractions(con, [extraction("art0001", [kept, new])], "v2") == (1, 0)
    rows = con.execute("SELECT metric, extractor_version, created_at FROM claims ORDER BY metric").fetchall()
    assert [(m, v) for m, v, _ in rows] == [("arr", "v2"), ("customers", "v2")]
    assert rows[0][2] == created  # a surviving claim keeps the time it was first seen
    assert count(con, "disputes") == 0
    assert con.execute("SELECT extractor_version FROM extractions").fetchone() == ("v2",)


def test_load_duplicate_claims_in_one_extraction_stored_once(con):
    save_articles(con, [article(1)])
    assert save_extractions(con, [extraction("art0001", [claim("art0001"), claim("art0001")])],
                            "v1") == (1, 0)
    assert count(con, "claims") == 1


def test_load_sql_looking_names_stored_literally(con):
    evil = "Robert'); DROP TABLE claims;--"
    save_articles(con, [article(1, title=evil, source='"; DELETE FROM articles; --')])
    save_extractions(con, [extraction("art0001", [claim("art0001", company=evil)])], "v1")
    assert con.execute("SELECT company FROM claims").fetchall() == [(evil,)]
    assert con.execute("SELECT title FROM articles").fetchall() == [(evil,)]
    assert evil in known_companies(con)


def test_load_failure_mid_batch_keeps_earlier_batches(con, monkeypatch):
    save_articles(con, [article(1), article(2)])
    save_extractions(con, [extraction("art0001", [claim("art0001")])], "v1")

    def crash(*args, **kwargs):  # after claims and disputes were written, before commit
        raise RuntimeError("power cut")

    monkeypatch.setattr(load, "_upsert_companies", crash)
    replacement = extraction("art0001", [claim("art0001", company="Other", metric="revenue")])
    with pytest.raises(RuntimeError):
        save_extractions(con, [replacement, extraction("art0002", [claim("art0002")])], "v2")
    rows = con.execute("SELECT article_id, company, metric, extractor_version FROM claims").fetchall()
    assert rows == [("art0001", "11x", "arr", "v1")]
    assert con.execute("SELECT article_id, extractor_version FROM extractions").fetchall() == [
        ("art0001", "v1")]
    assert known_companies(con) == ["11x"]


def test_load_invalid_value_rolls_back_whole_batch(con):
    save_articles(con, [article(1)])
    save_extractions(con, [extraction("art0001", [claim("art0001")])], "v1")
    bad = claim("art0001", metric="revenue", char_start=5, unit=None)  # unit is NOT NULL
    with pytest.raises(WarehouseError, match="nothing of this batch was stored"):
        save_extractions(con, [extraction("art0001", [claim("art0001", char_start=99), bad])], "v2")
    assert con.execute("SELECT char_start, extractor_version FROM claims").fetchall() == [(20, "v1")]
    with pytest.raises(WarehouseError, match="articles"):
        save_articles(con, [article(2), article(3, title=None)])
    assert count(con, "articles") == 1


def test_load_extraction_of_unknown_article_rejected(con):
    with pytest.raises(WarehouseError, match="nope.*save the article first"):
        save_extractions(con, [extraction("nope", [claim("nope")])], "v1")
    assert count(con, "claims") == 0


def test_load_companies_is_ai_ored_and_aliases_recorded(con):
    save_articles(con, [article(1), article(2)])
    save_extractions(con, [extraction("art0001", [claim("art0001")],
                                      companies=[CompanyMention("11x", "11x Inc.", is_ai=True)])], "v1")
    save_extractions(con, [extraction("art0002", [claim("art0002")],
                                      companies=[CompanyMention("11x", "11X", is_ai=False)])], "v1")
    assert con.execute("SELECT company, is_ai FROM companies").fetchall() == [("11x", True)]
    assert con.execute("SELECT alias, company FROM company_aliases").fetchall() == [("11x", "11x")]
    save_aliases(con, {"Eleven X": "11x", "Acmebot.ai": "Acme Robotics Inc."})
    aliases = dict(con.execute("SELECT alias, company FROM company_aliases").fetchall())
    # keys are claimwatch.names.company_key: ".ai" as a word, legal forms dropped
    assert aliases == {"11x": "11x", "eleven x": "11x", "acmebot ai": "Acme Robotics Inc.",
                       "acme robotics": "Acme Robotics Inc."}


def test_load_published_at_and_language_from_article_or_argument(con):
    save_articles(con, [article(1, language="en"), article(2, published_at=None)])
    later = datetime(2025, 3, 9, tzinfo=timezone.utc)
    save_extractions(con, [extraction("art0001", [claim("art0001", as_of=date(2024, 12, 31))],
                                      language="fr"),
                           extraction("art0002", [claim("art0002")])], "v1",
                     articles_published={"art0002": later})
    rows = dict(con.execute("SELECT article_id, published_at FROM claims").fetchall())
    assert rows == {"art0001": T0, "art0002": later}
    assert con.execute("SELECT language, declared_language FROM articles WHERE article_id = 'art0001'"
                       ).fetchone() == ("fr", "en")
    assert con.execute("SELECT as_of FROM claims WHERE article_id = 'art0001'").fetchone() == (
        date(2024, 12, 31),)


def test_load_articles_to_extract_streams_while_saving(con):
    save_articles(con, [article(i) for i in range(7)])
    seen = []
    for a in articles_to_extract(con, "v1", batch_size=2):
        seen.append(a.article_id)
        save_extractions(con, [extraction(a.article_id, [claim(a.article_id)])], "v1")
    assert seen == [f"art{i:04d}" for i in range(7)]
    assert list(articles_to_extract(con, "v1")) == []
    assert len(list(articles_to_extract(con, "v2", limit=3, batch_size=2))) == 3
    again = next(articles_to_extract(con, "v2"))
    assert (again.title, again.language, again.published_at) == ("Story 0", "en", T0)


def test_load_feed_results_upsert_keeps_validators(con):
    url = "https://feeds.example/rss"
    save_feed_results(con, [FeedResult("tc", url, True, "ok", http_status=200, etag='"e1"',
                                       last_modified="Sat, 01 Mar 2025 10:00:00 GMT")])
    ok_at = con.execute("SELECT last_ok_at FROM feeds").fetchone()[0]
    save_feed_results(con, [FeedResult("tc", url, False, "error", error="timed out")])
    state = feed_states(con)["tc"]
    assert (state.etag, state.last_modified) == ('"e1"', "Sat, 01 Mar 2025 10:00:00 GMT")
    row = con.execute("SELECT last_status, last_error, last_ok_at FROM feeds").fetchone()
    assert row == ("error", "timed out", ok_at)
    save_feed_results(con, [FeedResult("tc", url, True, "ok", http_status=200, etag='"e2"'),
                            FeedResult("fr", "https://fr.example/rss", True, "not_modified",
                                       http_status=304)])
    states = feed_states(con)
    assert sorted(states) == ["fr", "tc"]
    assert (states["tc"].etag, states["tc"].last_modified) == ('"e2"', None)
    assert count(con, "feeds") == 2


def test_load_unseen_articles_and_count_to_extract(con):
    save_articles(con, [article(1), article(2)])
    pending = con.execute("SELECT * FROM articles")  # an unread result must not get in the way
    pending.fetchone()
    candidates = [article(1), article(7, url=article(2).url), article(3)]
    assert [a.article_id for a in load.unseen_articles(con, candidates)] == ["art0003"]
    assert load.count_articles_to_extract(con, "v1") == 2
    save_extractions(con, [extraction("art0001")], "v1")
    assert load.count_articles_to_extract(con, "v1") == 1
    assert load.count_articles_to_extract(con, "v2") == 2


def test_load_mixed_batch_of_new_and_reextracted_articles(con):
    save_articles(con, [article(i) for i in range(1, 4)])
    save_extractions(con, [extraction("art0001", [claim("art0001")])], "v1")
    # same offset, two companies: two claims; an exact duplicate: stored once
    shared = [claim("art0002"), claim("art0002", company="Acme"), claim("art0002")]
    batch = [extraction("art0001", [claim("art0001"), claim("art0001", char_start=50)]),
             extraction("art0002", shared), extraction("art0003", [claim("art0003")])]
    assert save_extractions(con, batch, "v2") == (4, 0)  # art0001's first claim survives
    assert save_extractions(con, batch, "v2") == (0, 0)
    assert count(con, "claims") == 5
    assert con.execute("SELECT count(DISTINCT claim_id) FROM claims").fetchone()[0] == 5
    assert con.execute("SELECT count(*) FROM claims WHERE article_id = 'art0002'").fetchone()[0] == 2


def test_load_articles_keep_their_published_precision(con):
    month = article(1, published_at=datetime(2021, 6, 1, tzinfo=timezone.utc), published_precision="month")
    undated = article(2, published_at=None, published_precision="month")  # no date: no precision
    timed = article(3, published_precision="time")
    save_articles(con, [month, undated, timed])
    stored = dict(con.execute("SELECT article_id, published_precision FROM articles").fetchall())
    assert stored == {"art0001": "month", "art0002": None, "art0003": "time"}
    back = {a.article_id: a.published_precision for a in articles_to_extract(con, "v1")}
    assert back == stored


def test_load_a_later_dated_copy_fills_a_missing_date_with_its_precision(con):
    save_articles(con, [article(1, published_at=None)])
    save_articles(con, [article(1, text="Corrected text.", published_at=datetime(2020, 1, 1, tzinfo=timezone.utc),
                                published_precision="year")])
    assert con.execute("SELECT year(published_at), published_precision FROM articles").fetchall() == [(2020, "year")]


def test_load_feed_items_without_link_are_stored_apart_with_null_url(con):
    from claimwatch.ingest.parse import parse_feed
    rss = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://t.example/</link>'
           b'<item><title>Brief one</title><guid isPermaLink="false">b-1</guid><link></link>'
           b'<description>Vantorra raised $2M.</description></item>'
           b'<item><title>Brief two</title><guid isPermaLink="false">b-2</guid><link>https://t.example/</link>'
           b'<description>Vantorra hired 9 people.</description></item></channel></rss>')
    articles, _ = parse_feed(rss, feed_name="T", base_url="https://t.example/feed.xml", declared_language="en")
    assert len(save_articles(con, articles)) == 2
    assert con.execute("SELECT guid, url FROM articles ORDER BY guid").fetchall() == [("b-1", None), ("b-2", None)]
    assert save_articles(con, articles) == []
    assert count(con, "articles") == 2
def test_load_claim_alt_value_stored(con):
    save_articles(con, [article(1)])
    converted = claim("art0001", value=450e6, alt_value=350e6, alt_unit="GBP")
    plain = claim("art0001", metric="revenue", char_start=60)
    save_extractions(con, [extraction("art0001", [converted, plain])], "v1")
    rows = con.execute("SELECT metric, alt_value, alt_unit FROM claims ORDER BY metric").fetchall()
    assert rows == [("arr", 350e6, "GBP"), ("revenue", None, None)]
