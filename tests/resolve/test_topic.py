"""The topic check: a page that is not about children's services adds no authorities and no people.

Regression (issue 14): one page listing MPs by constituency added 53 authorities and about 300
"people" to a timeline built from news, council pages and Ofsted reports.
"""

from __future__ import annotations

import pytest

from pipeline.resolve.topic import about_childrens_services, topic_mentions, vocabulary

MPS_PAGE = """Your Members of Parliament
Updated 4 July 2024
Bristol West: Carla Denyer
Hackney North and Stoke Newington: Diane Abbott
Leeds Central and Headingley: Alex Sobel
Manchester Central: Lucy Powell
Sheffield Hallam: Olivia Blake
Wirral South: Alison McGovern
Find out how to contact your MP, and how votes in the Commons are counted."""

FOOTBALL_REPORT = """Rovers edge derby in the rain
Leicester City came from behind to beat Nottingham on Saturday. Jamie Vardon scored twice after the
break, and manager Brendan Rodgers said: "The lads showed real character." Derby and Stoke drew 1-1."""

NOTICE = """Minister acts on Barnsley's children's services
The Children's Minister, Helen Carrick, has today written to Barnsley Council after Ofsted found
that children in care waited too long for a permanent home."""


@pytest.mark.parametrize(
    ("text", "on_topic"),
    [
        (MPS_PAGE, False),
        (FOOTBALL_REPORT, False),
        ("The bakery on the high street won a prize for its sourdough.", False),
        (NOTICE, True),
        ("Inspectors judged the Looked-After Children's team good.", True),
        ("The council's FOSTERING service was praised.", True),
        ("Care leavers told the panel about their housing.", True),
        ("The safeguarding partnership met in May.", True),
        ("Adoption: the agency approved 40 adopters.", True),
        ("Children\u2019s social care was judged to require improvement.", True),
    ],
)
def test_about_childrens_services(text: str, on_topic: bool) -> None:
    assert about_childrens_services(text) is on_topic


def test_mentions_fold_case_apostrophes_and_hyphens() -> None:
    found = topic_mentions("Looked-after children and CHILDREN\u2019S SERVICES; children's services again.")
    assert found["looked after children"] == 1
    assert found["children's services"] == 2


def test_a_word_inside_another_is_no_mention() -> None:
    assert topic_mentions("The Cqcx report on unsafeguarding fosteringly") == {}


def test_the_vocabulary_is_read_from_models() -> None:
    assert "safeguarding" in vocabulary() and "care leaver" in vocabulary()


@pytest.mark.parametrize("text", [MPS_PAGE, FOOTBALL_REPORT])
def test_an_off_topic_page_is_exported_without_authorities_or_people(extract_text, text: str) -> None:
    record = extract_text(text, "2024-07-05")
    assert record.authorities == [] and record.people == []
    assert record.judgements == [] and record.actions == []
    assert record.dates, "the page is still a document of the timeline, with its dates"


def test_an_on_topic_page_keeps_its_authorities_and_people(extract_text) -> None:
    record = extract_text(NOTICE, "2015-03-02")
    assert [a.name for a in record.authorities] == ["Barnsley"]
    assert [(p.name, p.role) for p in record.people] == [("Helen Carrick", "Children's Minister")]


def test_a_page_with_a_measure_is_on_topic_whatever_its_words(extract_text) -> None:
    record = extract_text("Ministers have issued an improvement notice to Torbay Council, Lord Farleigh said.", "2013-05-01")
    assert record.actions and [a.name for a in record.authorities] == ["Torbay"]
