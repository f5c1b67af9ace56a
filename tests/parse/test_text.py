import pytest

from pipeline.errors import ParseError
from pipeline.parse.text import parse_text, strip_trailing_furniture

BODY = "Council told to improve\n3 March 2015\n\nThe council was issued with an improvement notice.\n"


@pytest.mark.parametrize(
    "furniture",
    [
        "Related articles:\n\nCouncil faces cuts\n\nMore from the site\n\nComments are closed.",
        "Contact Details\nPress office 0207 123 4567, press@example.gov.uk\n\nViews: 12\n\nReply to This",
        "A caring charity for the region\n1 High Street, Exeter, Devon EX1 1AA\nTel: 01392 000000",
        "© 2024 Example News. All rights reserved.",
    ],
)
def test_trailing_page_furniture_is_cut(furniture: str) -> None:
    assert strip_trailing_furniture(BODY + "\n" + furniture) == BODY.rstrip()


def test_a_text_without_furniture_is_kept_whole() -> None:
    text = BODY + "Press release issued on March 3, 2015."
    assert strip_trailing_furniture(text) == text


def test_title_is_the_first_line_and_dateline_gives_the_date() -> None:
    parsed = parse_text("notice.txt", BODY)
    assert parsed.title == "Council told to improve"
    assert parsed.published == "2015-03-03"
    assert parsed.published_from == "text"


def test_a_text_longer_than_any_real_report_is_refused_in_one_line() -> None:
    """Regression (issue 12): a 1 MB text crashed spaCy (E088) and stopped the whole batch."""
    from pipeline.parse import parse_document
    from pipeline.records import RawDocument

    paragraph = "The panel met again to review progress on the plan for children in care.\n\n"
    data = (paragraph * (1_010_000 // len(paragraph))).encode()
    with pytest.raises(ParseError) as err:
        parse_document(RawDocument(source="dump.txt", data=data))
    assert str(err.value).startswith("dump.txt: text too long (1,00")
    assert "the limit is 500,000" in str(err.value) and "\n" not in str(err.value)
