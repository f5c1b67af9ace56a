"""Properties of parse_document: whatever bytes arrive, the answer is a document or one clear error.

Binary junk, HTML-ish soup, text in many encodings and damaged real PDFs, under any of the names
.txt, .html or .pdf: ``parse_document`` returns a ParsedDocument with text in it, or raises a
PipelineError that names the source and says why. Never any other exception.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.errors import PipelineError
from pipeline.parse import parse_document
from pipeline.records import ParsedDocument, RawDocument

PDF_DIR = Path(__file__).resolve().parents[2] / "corpus" / "pdf"
REAL_PDF = (PDF_DIR / "ilacs-2023-rutland.pdf").read_bytes()
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Something a reader would see: not whitespace, a byte-order mark or a zero-width character.
VISIBLE = re.compile(r"[^\s\ufeff\u200b-\u200d\u2060]")
# Each property runs this many examples: together they stay within a few seconds.
EXAMPLES = 150
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SUFFIXES = st.sampled_from([".txt", ".html", ".pdf", ".htm", ""])
CONTENT_TYPES = st.sampled_from([None, "text/html", "text/plain", "application/pdf", "application/octet-stream"])
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252",
                             "shift_jis", "koi8-r", "gb18030", "utf-32"])
WORDS = st.sampled_from([
    "Somerset", "Ofsted", "inadequate", "improvement notice", "24 November 2009", "Published 3 July 2013",
    "children’s services", "£1m", "Renée", "©", "Tel: 0117 496 0000", "Related articles", "\u00ad", "\ufeff", "&amp;",
    "&#0;", "&nbsp;", "<", ">", "\x00", "\r\n", "\t",
])
TAGS = st.sampled_from([
    "<!doctype html>", "<html>", "</html>", "<head>", "</head>", "<body>", "</body>", "<p>", "</p>", "<div>",
    "</div>", "<article>", "</article>", "<h1>", "</h1>", "<title>", "</title>", "<br>", "<!--", "-->",
    "<script>", "</script>", '<script type="application/ld+json">{"datePublished": "2013-11-21"}</script>',
    '<script type="application/ld+json">{"datePublished": [</script>',
    '<meta property="article:published_time" content="2014-11-03T10:00:00Z">',
    '<meta name="date" content="31/02/2014">', '<time pubdate datetime="9999-99-99">', "</time>",
    '<?xml version="1.0" encoding="utf-8"?>', "<![CDATA[", "]]>", "<table><tr><td>", "</td></tr></table>",
    '<a href="javascript:alert(1)">', "</a>", "<svg><foreignObject>", "<math>", "<noscript>", "<iframe src=x>",
])
TEXT = st.text(max_size=80)
HTMLISH = st.lists(st.one_of(TAGS, WORDS, TEXT), max_size=40).map("".join)


def raw_document(data: bytes, suffix: str, content_type: str | None = None) -> RawDocument:
    return RawDocument(source=f"inbox/notice{suffix}", data=data, content_type=content_type)


def assert_document_or_clean_error(raw: RawDocument) -> None:
    try:
        parsed = parse_document(raw)
    except PipelineError as err:
        assert err.source == raw.source
        assert err.reason.strip()
        assert str(err).startswith(f"{raw.source}: ")
        return
    assert isinstance(parsed, ParsedDocument)
    assert parsed.source == raw.source
    assert VISIBLE.search(parsed.text), "a parsed document has text; an empty one is a ParseError"
    assert parsed.published is None or ISO_DAY.match(parsed.published)


@FAST
@given(data=st.binary(max_size=600), suffix=SUFFIXES, content_type=CONTENT_TYPES)
@example(data=b"%PDF-1.7\n%%EOF", suffix=".txt", content_type=None)
@example(data=b"\xff\xfe\x00\x00", suffix=".txt", content_type=None)
@example(data=b"  \n\xef\xbb\xbf  ", suffix=".html", content_type=None)
def test_binary_junk_is_a_document_or_one_clear_error(data: bytes, suffix: str, content_type: str | None) -> None:
    assert_document_or_clean_error(raw_document(data, suffix, content_type))


@FAST
@given(markup=HTMLISH, encoding=ENCODINGS, suffix=SUFFIXES)
@example(markup='<?xml version="1.0" encoding="utf-8"?><html><body><p>Somerset was rated inadequate.</p></body></html>',
         encoding="utf-8", suffix=".html")
@example(markup="<p>  \n</p>\n<p>Related articles</p>", encoding="utf-8", suffix=".html")
def test_html_soup_in_any_encoding_is_a_document_or_one_clear_error(markup: str, encoding: str, suffix: str) -> None:
    assert_document_or_clean_error(raw_document(markup.encode(encoding, errors="replace"), suffix))


@FAST
@given(lines=st.lists(st.one_of(WORDS, TEXT), max_size=12), encoding=ENCODINGS, suffix=SUFFIXES)
@example(lines=["  ", "Related articles"], encoding="utf-8", suffix=".txt")  # was a document with no text
@example(lines=["\ufeff", "© Somerset Council"], encoding="utf-8", suffix=".txt")
@example(lines=["\ufeff", "\ufeff"], encoding="utf-8", suffix=".txt")  # was a document with no text
@example(lines=["\u200b", " \u2060"], encoding="utf-16", suffix=".txt")
def test_text_in_any_encoding_is_a_document_or_one_clear_error(lines: list[str], encoding: str, suffix: str) -> None:
    assert_document_or_clean_error(raw_document("\n".join(lines).encode(encoding, errors="replace"), suffix))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(min_value=0, max_value=len(REAL_PDF)), flips=st.lists(
    st.tuples(st.integers(min_value=0, max_value=len(REAL_PDF) - 1), st.integers(min_value=0, max_value=255)), max_size=8))
@example(cut=len(REAL_PDF), flips=[])
@example(cut=len(REAL_PDF) // 2, flips=[])
@example(cut=len(REAL_PDF) - 1, flips=[(250, 1)])  # a broken page tree raised again in pdfplumber's close()
def test_a_damaged_real_pdf_is_a_document_or_one_clear_error(cut: int, flips: list[tuple[int, int]]) -> None:
    data = bytearray(REAL_PDF)
    for position, value in flips:
        data[position] = value
    assert_document_or_clean_error(raw_document(bytes(data[:cut]), ".pdf"))
