import pytest

from pipeline.parse.published import normalise_iso, published_from_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Title\n24 November 2009\n\nBody.", "2009-11-24"),
        ("Title\nThursday 3 July 2013\nBody.", "2013-07-03"),
        ("Title\nBody text.\nPress release issued on August 22, 2024.", "2024-08-22"),
        ("Title\nPublished 3 July 2013\nBody.", "2013-07-03"),
        ("Title\nBody mentions 30 November without a year.", None),
        ("Title\nIn 2009 the council was inspected.", None),
    ],
)
def test_publication_date_from_the_text(text: str, expected: str | None) -> None:
    assert published_from_text(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2014-11-03T10:00:00+00:00", "2014-11-03"), ("2014-11-03", "2014-11-03"), ("3 November 2014", "2014-11-03"), (None, None)],
)
def test_metadata_timestamps_keep_their_calendar_date(value: str | None, expected: str | None) -> None:
    assert normalise_iso(value) == expected
