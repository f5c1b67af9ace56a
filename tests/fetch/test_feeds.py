"""Feeds and sitemaps to the links they list: read with feedparser and lxml, entities refused."""

from __future__ import annotations

import pytest

from pipeline.errors import FetchError, ParseError
from pipeline.fetch.feeds import ENTITIES_REFUSED, Listing, read_listing, web_url

FEED_URL = "https://news.example/feeds/children/feed.xml"
RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><item><link>https://a.example/1</link></item></channel></rss>'
ATOM = b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="https://a.example/2"/></entry></feed>'
RDF = (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">'
       b'<item rdf:about="https://a.example/4"><title>x</title><link>https://a.example/4</link></item></rdf:RDF>')
SITEMAP = (b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">'
           b'<url><loc>https://a.example/3</loc><image:image><image:loc>https://a.example/3.png</image:loc></image:image></url></urlset>')
INDEX = b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://a.example/news.xml</loc></sitemap></sitemapindex>'
BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
                  b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
                  b'<rss version="2.0"><channel><title>&lol3;</title><item><link>https://a.example/&lol3;</link></item></channel></rss>')
XXE_FEED = (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            b'<rss version="2.0"><channel><item><title>&xxe;</title><link>https://a.example/1</link></item></channel></rss>')
XXE_SITEMAP = (b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>'
               b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://a.example/3</loc></url></urlset>')


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (RSS, Listing("feed", ["https://a.example/1"])),
        (ATOM, Listing("feed", ["https://a.example/2"])),
        (RDF, Listing("feed", ["https://a.example/4"])),
        (SITEMAP, Listing("sitemap", ["https://a.example/3"])),
        (INDEX, Listing("sitemapindex", ["https://a.example/news.xml"])),
    ],
)
def test_feeds_and_sitemaps_list_their_links(data: bytes, expected: Listing) -> None:
    assert read_listing(FEED_URL, data, FEED_URL) == expected


def test_a_page_that_is_no_feed_is_one_clear_error() -> None:
    with pytest.raises(ParseError, match="not an RSS/Atom feed or sitemap"):
        read_listing("page.html", b"<html><body>hello</body></html>")


@pytest.mark.parametrize("data", [BILLION_LAUGHS, XXE_FEED, XXE_SITEMAP, BILLION_LAUGHS.decode().encode("utf-16")], ids=["billion-laughs", "xxe-feed", "xxe-sitemap", "utf-16"])
def test_documents_declaring_entities_are_refused_before_any_parser_expands_them(data: bytes) -> None:
    with pytest.raises(ParseError) as err:
        read_listing(FEED_URL, data, FEED_URL)
    assert str(err.value) == f"{FEED_URL}: {ENTITIES_REFUSED}"


def test_a_plain_doctype_without_entities_is_read() -> None:
    netscape = b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://127.0.0.1:9/rss-0.91.dtd">' + RSS[21:]
    assert read_listing(FEED_URL, netscape, FEED_URL).links == ["https://a.example/1"]


def test_relative_feed_links_resolve_against_the_feed_url() -> None:
    feed = b'<rss version="2.0"><channel><item><link>/etc/passwd</link></item><item><link>../../secret.txt</link></item></channel></rss>'
    links = read_listing(FEED_URL, feed, FEED_URL).links
    assert [web_url(FEED_URL, link) for link in links] == ["https://news.example/etc/passwd", "https://news.example/secret.txt"]


@pytest.mark.parametrize("link", ["file:///etc/passwd", "javascript:alert(1)", "ftp://news.example/x.txt", "data:text/plain,hello", "http://[::1/x"])
def test_a_link_that_is_no_web_page_is_refused_naming_the_link_and_the_feed(link: str) -> None:
    with pytest.raises(FetchError) as err:
        web_url(FEED_URL, link)
    assert err.value.source == link
    assert FEED_URL in err.value.reason


def test_feed_bytes_are_never_taken_for_a_file_name(tmp_path) -> None:
    """feedparser opens bytes that name a file; a body that is a path (and sniffs as a feed) stays a body."""
    secret = tmp_path / "<rss>.xml"
    secret.write_bytes(RSS)
    assert read_listing(FEED_URL, str(secret).encode(), FEED_URL).links == []
