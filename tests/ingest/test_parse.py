"""Feed bytes to articles: ids, dedupe, links, dates, text, encodings, hostile input."""

from __future__ import annotations

import tracemalloc
from datetime import datetime, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimwatch.errors import FeedError
from claimwatch.ingest import article_id_for, canonical_url, parse_feed

BASE = "https://news.example/feeds/tech.xml"


def parse(data: bytes, **kwargs):
    options = {"feed_name": "Test", "base_url": BASE, "declared_language": None,
               "content_type": "application/rss+xml", "summary_max_words": 30}
    options.update(kwargs)
    return parse_feed(data, **options)


def test_parse_duplicate_guids_keep_the_first(make_rss):
    items = "".join(f"<item><title>T{i}</title><guid>same</guid></item>" for i in range(3))
    articles, warnings = parse(make_rss(items))
    assert [a.title for a in articles] == ["T0"]
    assert sum("duplicate" in w for w in warnings) == 2


def test_parse_same_canonical_url_is_a_duplicate(make_rss):
    items = ("<item><title>A</title><link>https://news.example/a?utm_source=rss</link><guid>1</guid></item>"
             "<item><title>A again</title><link>https://NEWS.example/a#comments</link><guid>2</guid></item>")
    articles, _ = parse(make_rss(items))
    assert len(articles) == 1
    assert articles[0].article_id == article_id_for("https://news.example/a")


def test_parse_article_id_prefers_canonical_url_across_feeds(make_rss):
    one = make_rss("<item><title>X</title><link>https://site.example/story?utm_medium=feed</link>"
                   "<guid isPermaLink=\"false\">feed-one-42</guid></item>")
    two = make_rss("<item><title>X</title><link>https://site.example/story</link><guid>other-9</guid></item>")
    (a,), _ = parse(one, feed_name="one")
    (b,), _ = parse(two, feed_name="two")
    assert a.article_id == b.article_id
    assert a.guid == "feed-one-42" and a.url == "https://site.example/story?utm_medium=feed"


def test_parse_items_without_link_or_date_are_kept(make_rss):
    items = ("<item><title>Only a title</title><description>Some text.</description></item>"
             "<item><title>With guid</title><guid isPermaLink='false'>g-7</guid></item>"
             "<item><title>Another title</title></item>")
    articles, _ = parse(make_rss(items))
    assert [a.title for a in articles] == ["Only a title", "With guid", "Another title"]
    assert all(a.published_at is None and a.url is None for a in articles)
    assert articles[0].article_id == article_id_for("Test\nOnly a title")
    assert articles[1].article_id == article_id_for("g-7")
    assert len({a.article_id for a in articles}) == 3


def test_parse_items_linking_to_the_home_page_are_not_collapsed(make_rss):
    items = "".join(f"<item><title>Brief {i}</title><link>https://news.example/</link></item>" for i in range(3))
    articles, _ = parse(make_rss(items))
    assert len(articles) == 3 and len({a.article_id for a in articles}) == 3


def test_parse_relative_links_resolve_against_the_feed_url(make_rss):
    items = ("<item><title>R1</title><link>story-1.html</link></item>"
             "<item><title>R2</title><link>/2025/03/story-2</link></item>")
    articles, _ = parse(make_rss(items))
    assert [a.url for a in articles] == ["https://news.example/feeds/story-1.html",
                                         "https://news.example/2025/03/story-2"]


def test_parse_dates_become_aware_utc(make_rss):
    items = ("<item><title>P</title><link>https://n.example/1</link>"
             "<pubDate>Mon, 03 Mar 2025 10:00:00 +0100</pubDate></item>")
    (article,), _ = parse(make_rss(items))
    assert article.published_at == datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)


def test_parse_atom_with_offset_dates_and_content():
    body = " ".join(["word"] * 40)
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id><updated>2025-07-01T09:15:48-04:00</updated>
<entry><title type="html">Big &amp;lt;b&amp;gt;news&amp;lt;/b&amp;gt;</title><id>urn:e1</id>
<link rel="alternate" href="https://a.example/e1"/><updated>2025-07-01T09:15:48-04:00</updated>
<content type="html">&lt;p&gt;{body}&lt;/p&gt;</content></entry></feed>""".encode()
    (article,), warnings = parse(atom, content_type="application/atom+xml")
    assert warnings == []
    assert article.published_at == datetime(2025, 7, 1, 13, 15, 48, tzinfo=timezone.utc)
    assert article.title == "Big news"
    assert article.text_origin == "feed" and article.text == body


def test_parse_content_encoded_to_plain_text(make_rss):
    paragraph = "Acme said revenue reached $10 million &amp; growing, " + " ".join(["more"] * 30)
    content = (f"<p>{paragraph}</p><script>alert('x')</script><style>p {{color: red}}</style>"
               "<p>Second &eacute;t&eacute; paragraph.</p>")
    items = (f"<item><title>Acme</title><link>https://n.example/acme</link>"
             f"<description>Short teaser.</description>"
             f"<content:encoded><![CDATA[{content}]]></content:encoded></item>")
    (article,), _ = parse(make_rss(items))
    assert article.text_origin == "feed"
    assert article.text.split("\n\n") == [paragraph.replace("&amp;", "&"), "Second été paragraph."]
    assert "alert" not in article.text and "color" not in article.text
    assert article.summary == "Short teaser."


def test_parse_short_content_or_description_only_is_a_summary(make_rss):
    items = ("<item><title>S1</title><link>https://n.example/1</link>"
             "<content:encoded><![CDATA[<p>Just a teaser.</p>]]></content:encoded></item>"
             "<item><title>S2</title><link>https://n.example/2</link>"
             f"<description>{' '.join(['long'] * 80)}</description></item>")
    articles, _ = parse(make_rss(items))
    assert [a.text_origin for a in articles] == ["summary", "summary"]
    assert articles[0].text == "Just a teaser."


def test_parse_titles_are_unescaped_plain_text(make_rss):
    items = ("<item><title>AT&amp;amp;T &amp;#8217;s &lt;em&gt;big&lt;/em&gt; deal</title>"
             "<link>https://n.example/t</link></item>")
    (article,), _ = parse(make_rss(items))
    assert article.title == "AT&T ’s big deal"


def test_parse_language_declared_wins_over_feed(make_rss):
    data = make_rss("<item><title>L</title><link>https://n.example/l</link></item>",
                    channel_extra="<language>fr-FR</language>")
    (from_feed,), _ = parse(data)
    (declared,), _ = parse(data, declared_language="en")
    assert from_feed.language == "fr" and declared.language == "en"


def test_parse_utf16_with_bom(make_rss):
    text = make_rss("<item><title>Données € 2025</title><link>https://n.example/u</link></item>").decode()
    data = text.replace('encoding="utf-8"', 'encoding="utf-16"').encode("utf-16")
    assert data[:2] in (b"\xff\xfe", b"\xfe\xff")
    (article,), _ = parse(data, content_type=None)
    assert article.title == "Données € 2025"


def test_parse_latin1_declared_encoding(make_rss):
    text = make_rss("<item><title>Café crème</title><link>https://n.example/c</link></item>").decode()
    data = text.replace('encoding="utf-8"', 'encoding="iso-8859-1"').encode("latin-1")
    (article,), _ = parse(data, content_type="application/xml")
    assert article.title == "Café crème"


def _billion_laughs(one_line: bool = False) -> str:
    decls = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    joiner = "" if one_line else "\n"
    return ('<?xml version="1.0"?>\n<!DOCTYPE rss [' + joiner + joiner.join(decls) + joiner + "]>\n"
            '<rss version="2.0"><channel><title>x</title>'
            "<item><title>&lol9;</title><link>https://x.example/1</link></item></channel></rss>")


@pytest.mark.parametrize("variant", ["multi-line", "one-line", "utf-16"])
def test_parse_billion_laughs_is_refused_with_bounded_memory(variant):
    doc = _billion_laughs(one_line=variant == "one-line")
    data = doc.encode("utf-16") if variant == "utf-16" else doc.encode()
    tracemalloc.start()
    try:
        with pytest.raises(FeedError, match="declares XML entities"):
            parse(data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000  # 10^9 "lol"s would be 3 GB


def test_parse_external_entity_is_refused():
    doc = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           "<rss><channel><item><title>&xxe;</title></item></channel></rss>")
    with pytest.raises(FeedError, match="declares XML entities"):
        parse(doc.encode())


def test_parse_doctype_without_entities_is_fine(make_rss):
    data = make_rss("<item><title>N</title><link>https://n.example/n</link></item>").replace(
        b"<rss", b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
                 b'"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss', 1)
    (article,), _ = parse(data)
    assert article.title == "N"


def test_parse_bozo_feed_with_entries_is_accepted_with_a_warning():
    data = (b'<rss version="2.0"><channel><title>x</title><item><title>Kept &amp; fine</title>'
            b"<link>https://n.example/k</link></item></channel></rss")  # unterminated end tag
    (article,), warnings = parse(data)
    assert article.title == "Kept & fine"
    assert len(warnings) == 1 and warnings[0].startswith("ill-formed feed, parsed leniently")


@pytest.mark.parametrize("data, message", [
    (b"", "empty response"),
    (b"   \n", "empty response"),
    (b"<rss version='2.0'><channel><title>x</title></chan", "not a feed"),
    (b'<?xml version="1.0"?><note><to>x</to></note>', "not a feed: no RSS, Atom or RDF root element"),
    (b"<!doctype html><html><body><p>hi</p></body></html>", "not a feed: got an HTML page"),
])
def test_parse_unusable_input_raises_one_line_feed_error(data, message):
    with pytest.raises(FeedError) as info:
        parse(data, content_type=None)
    assert message in info.value.message and "\n" not in info.value.message


def test_parse_valid_feed_without_items_is_empty_with_warning(make_rss):
    articles, warnings = parse(make_rss(""))
    assert articles == [] and warnings == ["the feed has no entries"]


def test_parse_canonical_url_rules():
    assert canonical_url("HTTPS://News.Example:443/a/?b=2&utm_source=x&a=1&fbclid=z#top") == \
        "https://news.example/a/?a=1&b=2"
    assert canonical_url("http://news.example") == "http://news.example/"
    assert canonical_url("http://news.example:8080/x") == "http://news.example:8080/x"
    assert canonical_url("not a url") == "not a url"


_XMLISH = st.sampled_from([
    b"<?xml version='1.0'?>", b"<rss version='2.0'>", b"<channel>", b"<item>", b"</item>", b"<title>",
    b"</title>", b"<link>", b"</link>", b"<guid>", b"<pubDate>", b"<![CDATA[", b"]]>", b"&amp;", b"&#x0;",
    b"<!DOCTYPE x [", b"<!ENTITY a 'b'>", b"]>", b"\xff\xfe", b"\xef\xbb\xbf", b"<feed xmlns='http://www.w3.org/2005/Atom'>",
    b"<entry>", b"<content type='html'>", b"&lt;p&gt;", b"\x00", b"</rss>",
])
_FEEDISH = st.lists(st.one_of(_XMLISH, st.binary(max_size=40)), max_size=40).map(b"".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=2000), _FEEDISH))
def test_parse_arbitrary_bytes_never_raise_anything_but_feed_error(data):
    try:
        articles, warnings = parse(data, content_type=None)
    except FeedError as exc:
        assert exc.message and "\n" not in exc.message
    else:
        assert isinstance(articles, list) and isinstance(warnings, list)
        assert all(a.article_id and (a.published_at is None or a.published_at.tzinfo) for a in articles)


def test_parse_items_with_an_empty_link_have_no_url_and_stay_apart_by_guid():
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:feed</id><updated>2025-07-01T09:00:00Z</updated>
<entry><title>Kestrova hires</title><id>urn:item:1</id><link href=""/><updated>2025-07-01T09:00:00Z</updated>
<summary>Kestrova hired 20 engineers.</summary></entry>
<entry><title>Kestrova ships</title><id>urn:item:2</id><link href=""/><updated>2025-07-01T09:00:00Z</updated>
<summary>Kestrova shipped a product.</summary></entry>
<entry><title>No link at all</title><id>urn:item:3</id><updated>2025-07-01T09:00:00Z</updated>
<summary>Text.</summary></entry></feed>"""
    articles, warnings = parse(atom, content_type="application/atom+xml")
    assert warnings == []
    assert [a.url for a in articles] == [None, None, None]
    assert [a.article_id for a in articles] == [article_id_for(f"urn:item:{i}") for i in (1, 2, 3)]


def test_parse_feed_dates_have_time_precision(make_rss):
    items = ("<item><title>D</title><link>https://n.example/d</link>"
             "<pubDate>Mon, 03 Mar 2025 10:00:00 +0000</pubDate></item>"
             "<item><title>U</title><link>https://n.example/u</link></item>")
    dated, undated = parse(make_rss(items))[0]
    assert dated.published_precision == "time"
    assert undated.published_at is None and undated.published_precision is None
