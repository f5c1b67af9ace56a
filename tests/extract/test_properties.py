"""Properties of extraction: any text gives a well-formed record whose evidence is the text itself.

Arbitrary unicode, and text built from real sentence fragments (councils, Ofsted grades, dates,
improvement notices) shuffled with stray whitespace, line breaks and odd characters, with and
without a publication date. Extraction never fails; every judgement's and action's evidence is
exactly ``text[start:end]``, so are the dates' texts, and every date value is an ISO 8601 prefix
as the spec writes them (YYYY, YYYY-MM, YYYY-MM-DD, XXXX-MM-DD…) naming a real month and day.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.ingest.extraction import extract_document
from pipeline.records import DocumentRecord, ParsedDocument
from tests.resolve.test_properties import PUBLISHED, assert_well_formed_date

# Each property runs this many examples; extraction of a short text takes a few milliseconds.
EXAMPLES = 150
FAST = settings(max_examples=EXAMPLES, deadline=None)

FRAGMENTS = st.sampled_from([
    "Somerset County Council", "Cornwall Council", "the Isle of Wight", "Kingston upon Thames", "Birmingham",
    "Ofsted rated children's services in Sunderland inadequate.", "Children's services in Medway are good.",
    "Overall effectiveness: Requires improvement to be good", "The experiences and progress of children in care | Good",
    "Safeguarding services were judged adequate in 2011.", "capacity to improve is good",
    "The minister issued an improvement notice to Doncaster on 21 November 2013.",
    "The Secretary of State has directed the council to appoint a commissioner.",
    "The improvement notice was lifted last month.", "a children's trust will take over next spring",
    "is minded to issue a statutory direction", "An improvement board, with an independent chair, will meet quarterly.",
    "Jane Oduya, director of children's services at Leeds City Council, said:", "Cllr Tom Bury said",
    "on 31 February 2014", "24/11/2009", "2008-2010", "1998-99", "five years ago", "5000 years ago", "999999 days ago", "45 November",
    "in 999999 years", "next Friday", "the summer", "Christmas", "July of that year", "20th century",
    "by 30 November", "3 July 2013", "Monday, August 22", "last year", "this financial year", "yesterday",
    "\"", "“", "’s", "(", ")", ":", "|", "-", "—", "•",
])
NOISE = st.sampled_from([" ", "  ", "\n", "\n\n", "\t", "\r", "\u00a0", "\u2028", "\u200b", "\ufeff", "\x0c", "\u00ad",
                         "\x00", "é", "ß", "ﬁ", "𝔘", "😀", "\u0301"])
MIXED = st.lists(st.one_of(FRAGMENTS, NOISE, st.text(max_size=12)), max_size=40).map("".join)


def assert_record_cites_its_text(text: str, published: str | None, record: DocumentRecord) -> None:
    assert record.source == "example.txt"
    assert record.published == published
    for fact in [*record.judgements, *record.actions]:
        assert fact.start is not None and fact.end is not None
        assert text[fact.start : fact.end] == fact.evidence, "evidence is the text, verbatim, at its offsets"
        assert fact.evidence.strip()
        assert_well_formed_date(fact.date)
    for action in record.actions:
        assert_well_formed_date(action.deadline)
    for found in record.dates:
        assert text[found.start : found.end] == found.text
        assert_well_formed_date(found.value)
    assert all(person.name.strip() for person in record.people)
    assert all(authority.name.strip() for authority in record.authorities)


def extract(text: str, published: str | None) -> DocumentRecord:
    return extract_document(ParsedDocument(source="example.txt", text=text, published=published))


@FAST
@given(text=st.text(max_size=300), published=PUBLISHED)
@example(text="", published=None)
@example(text="\n\n\n", published="2013-11-21")
def test_any_text_gives_a_record_that_cites_it(nlp, text: str, published: str | None) -> None:
    assert_record_cites_its_text(text, published, extract(text, published))


@FAST
@given(text=MIXED, published=PUBLISHED)
@example(text="  Ofsted rated children's services in Sunderland inadequate.\n\u2028The improvement notice was lifted last month.",
         published="2015-07-17")
@example(text="Birmingham\u00a05000 years ago\tin 999999 years", published="1990-01-01")
def test_fragments_of_notices_in_noise_give_a_record_that_cites_them(nlp, text: str, published: str | None) -> None:
    assert_record_cites_its_text(text, published, extract(text, published))


def test_a_sentence_stating_a_grade_is_its_own_evidence(nlp) -> None:
    """The properties above can pass on empty records; this one shows they do check real facts."""
    text = "Notice\n  Ofsted rated children's services in Sunderland inadequate.\nThe minister issued an improvement notice to Sunderland."
    record = extract(text, "2015-07-17")
    assert record.judgements and record.actions
    assert_record_cites_its_text(text, "2015-07-17", record)
