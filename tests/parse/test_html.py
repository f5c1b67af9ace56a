"""The order of trust for an HTML page's publication date (pipeline.parse.published's docstring)."""

import pytest

from pipeline.errors import ParseError
from pipeline.parse import parse_document
from pipeline.parse.html import parse_html
from pipeline.records import RawDocument

BODY = "<p>" + "The council was told to improve its services for children and families. " * 8 + "</p>"
URL = "https://example.org/news/2012/12/14/council-told-to-improve"


def page(head: str = "", top: str = "", bottom: str = "") -> str:
    return (
        f"<html><head><title>Council told to improve</title>{head}</head><body><article>"
        f"<h1>Council told to improve</h1>{top}{BODY}{bottom}</article></body></html>"
    )


META = '<meta property="article:published_time" content="2014-11-03T10:00:00+01:00">'
JSON_LD = (
    '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2015-02-03"}</script>'
)
TIME = '<time class="entry-date published" datetime="2016-05-12">12 May 2016</time>'


@pytest.mark.parametrize(
    ("html", "url", "expected", "origin"),
    [
        (page(META, TIME), URL, "2012-12-14", "html-meta"),  # a full date in the URL first
        (page(META + JSON_LD, TIME), None, "2014-11-03", "html-meta"),  # then meta tags
        (page(JSON_LD, TIME), None, "2015-02-03", "html-meta"),  # then JSON-LD
        (page(top=TIME), None, "2016-05-12", "html-meta"),  # then a <time> marked as published
        (page(top="<p>Press release issued on August 22, 2024</p>"), None, "2024-08-22", "text"),
        (
            page(top="<p>LONDON, 3 July 2013 - The minister said the council must improve.</p>"),
            None,
            "2013-07-03",
            "text",
        ),
        (page(), None, None, None),
    ],
)
def test_publication_date_follows_the_order_of_trust(html: str, url: str | None, expected, origin) -> None:
    parsed = parse_html("notice.html", html, url)
    assert (parsed.published, parsed.published_from) == (expected, origin)


def test_a_time_element_in_a_comment_is_not_the_publication_date() -> None:
    html = page(bottom='<div class="comment-meta"><time datetime="2019-01-01">1 January</time></div>')
    assert parse_html("notice.html", html).published_from != "html-meta"


def test_a_utc_timestamp_yields_to_the_day_the_page_shows() -> None:
    """Published late in the evening in New York is the next day in UTC; the page shows the local day."""
    head = '<meta property="article:published_time" content="2023-11-09T01:10:00+00:00">'
    top = '<time class="published" datetime="2023-11-08T20:10:00-05:00">November 8, 2023</time>'
    parsed = parse_html("notice.html", page(head, top))
    assert (parsed.published, parsed.published_from) == ("2023-11-08", "html-meta")


def test_the_user_outranks_the_page() -> None:
    raw = RawDocument(source="notice.html", data=page(META).encode(), meta={"published": "2011-05-03"})
    parsed = parse_document(raw)
    assert (parsed.published, parsed.published_from) == ("2011-05-03", "user")


def test_markup_nested_past_what_a_parser_reads_is_named_as_such() -> None:
    """Regression (issue 12): 50,000 nested divs were reported as a page with "no main text"."""
    html = "<html><body>" + "<div>" * 50_000 + BODY + "</div>" * 50_000 + "</body></html>"
    with pytest.raises(ParseError, match=r"^deep.html: markup nested 50,00\d levels deep"):
        parse_html("deep.html", html)


def test_a_page_of_one_huge_run_of_text_is_refused_by_its_length() -> None:
    """Regression (issue 12): a 10 MB page with no markup break was reported as having "no main text"."""
    sentence = "The council was told to improve its services for children and families. "
    html = "<html><body><p>" + sentence * (10_500_000 // len(sentence)) + "</p></body></html>"
    with pytest.raises(ParseError, match=r"^huge.html: text too long \(one run of 10,49\d,\d{3} characters; the limit is 500,000"):
        parse_html("huge.html", html)


def test_a_shallow_page_without_main_text_keeps_the_plain_message() -> None:
    with pytest.raises(ParseError, match="no main text found"):
        parse_html("shell.html", "<html><head><script>start()</script></head><body><div id='app'></div></body></html>")
