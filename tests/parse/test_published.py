import pytest

from pipeline.parse.published import (
    ORIGINS,
    date_from_url,
    is_utc_instant,
    normalise_iso,
    one_day_apart,
    published_from_text,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Title\n24 November 2009\n\nBody.", "2009-11-24"),
        ("Title\nThursday 3 July 2013\nBody.", "2013-07-03"),
        ("Title\nThursday 3 July 2013 | 10:31 am\nBody.", "2013-07-03"),
        ("Title\n13 Jan 2020, 22:11 GMT\nBody.", "2020-01-13"),
        ("Title\nBody text.\nPress release issued on August 22, 2024.", "2024-08-22"),
        ("Title\nPublished 3 July 2013\nBody.", "2013-07-03"),
        ("Title\nLONDON, 3 July 2013 - The minister said the council must improve.", "2013-07-03"),
        ("Title\nLeeds (3 July 2013): The council was told to improve.", "2013-07-03"),
        ("Title\nKarlsruhe, (12.11.2021). The council met.", "2021-11-12"),
        ("Title\nThe council said 3 July 2013 - a date in a sentence is no dateline.", None),
        ("Title\nBody mentions 30 November without a year.", None),
        ("Title\nIn 2009 the council was inspected.", None),
        ("Title\n3 July 1850\nA date before 1990 is a typo or a placeholder.", None),
    ],
)
def test_publication_date_from_the_text(text: str, expected: str | None) -> None:
    assert published_from_text(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2014-11-03T10:00:00+00:00", "2014-11-03"),
        ("2014-11-03T23:30:00-05:00", "2014-11-03"),  # the calendar date as written, not converted
        ("2014-11-03", "2014-11-03"),
        ("3 November 2014", "2014-11-03"),
        ("2014-13-03", None),
        ("0001-01-01T00:00:00", None),
        (None, None),
    ],
)
def test_metadata_timestamps_keep_their_calendar_date(value: str | None, expected: str | None) -> None:
    assert normalise_iso(value) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/news/2009/11/24/council-told-to-improve", "2009-11-24"),
        ("https://example.org/2020/02/17/", "2020-02-17"),
        ("https://example.org/blog/2019-06-13-ofsted-visit.html", "2019-06-13"),
        ("https://example.org/2023/10/3-questions-for-the-director/", None),  # a month folder and a slug
        ("https://example.org/news/20091124/notice", None),
        ("https://example.org/news/2009/02/30/notice", None),
        ("https://example.org/notice?date=2009/11/24", None),
        (None, None),
    ],
)
def test_a_full_date_in_the_url_path(url: str | None, expected: str | None) -> None:
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2023-11-09T01:10:00Z", True),
        ("2023-11-09T01:10:00+00:00", True),
        ("2023-11-09T01:10:00.462Z", True),
        ("2023-11-09 01:10 GMT", True),
        ("2023-11-08T20:10:00-05:00", False),
        ("2023-11-09", False),
        (None, False),
    ],
)
def test_utc_instants_are_recognised(raw: str | None, expected: bool) -> None:
    assert is_utc_instant(raw) is expected


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("2023-11-08", "2023-11-09", True),
        ("2023-12-31", "2024-01-01", True),
        ("2023-11-08", "2023-11-10", False),
        ("2023-11-08", "2023-11-08", False),
    ],
)
def test_one_day_apart(first: str, second: str, expected: bool) -> None:
    assert one_day_apart(first, second) is expected


def test_the_order_of_trust_is_written_down() -> None:
    assert ORIGINS == ("user", "html-meta", "htmldate", "text", "htmldate-extensive")
