import time
from datetime import date

import pytest

from pipeline.resolve.dates import DateResolver, easter, looks_ahead


@pytest.mark.parametrize(
    ("published", "text", "before", "expected"),
    [
        ("2009-11-24", "24 November 2009", "", "2009-11-24"),
        ("2009-11-24", "today", "", "2009-11-24"),
        ("2009-11-24", "yesterday", "", "2009-11-23"),
        ("2009-11-24", "last month", "", "2009-10"),
        ("2009-11-24", "this year", "", "2009"),
        ("2009-11-24", "Earlier this year", "", "2009"),
        ("2015-12-14", "five years ago", "", "2010"),
        ("2009-11-24", "30 November", "The council has until ", "2009-11-30"),
        ("2024-08-22", "July", "spent two weeks in ", "2024-07"),
        ("2009-11-24", "October", "As I said in ", "2009-10"),
        ("2010-01-15", "October", "inspected in ", "2009-10"),
        ("2009-11-24", "10 December", "has until ", "2009-12-10"),
        ("2024-08-22", "August 22, 2024", "", "2024-08-22"),
        ("2024-08-22", "22/08/2024", "", "2024-08-22"),
        ("2024-08-22", "Thursday, August 22", "published its report today (", "2024-08-22"),
        (None, "10 December", "has until ", "XXXX-12-10"),
        (None, "July", "in ", "XXXX-07"),
        (None, "today", "", None),
        (None, "five years ago", "", None),
        (None, "2019", "since ", "2019"),
    ],
)
def test_values_keep_the_precision_of_the_text(published, text, before, expected) -> None:
    assert DateResolver(published).resolve(text, before) == expected


@pytest.mark.parametrize(
    ("published", "text", "before", "expected"),
    [
        # Looking back is the default; a plan, a deadline or a schedule looks ahead.
        (
            "2012-12-14",
            "8 January",
            "The cabinet will discuss its reply at a meeting on ",
            "2013-01-08",
        ),
        ("2014-06-19", "July", "The adviser is expected to start visiting teams in ", "2014-07"),
        ("2013-03-22", "May", "The review is due to report in ", "2013-05"),
        ("2013-03-18", "June", "Funding for the pilot runs through ", "2013-06"),
        ("2023-02-07", "1 April", "The new structure takes effect from ", "2023-04-01"),
        # A cue word far from the date, or in an earlier sentence, does not.
        ("2013-03-22", "July", "after the director resigned from her post in ", "2012-07"),
        ("2020-01-17", "June", "leaders missed the problem until a monitoring visit in ", "2019-06"),
        ("2018-04-05", "January", "came from a neighbouring council in ", "2018-01"),
        ("2013-03-22", "July", "It will be hard. He was sacked in ", "2012-07"),
        # "next" and "last" before a month say which way to look; "this" keeps the year.
        ("2013-03-22", "next July", "", "2013-07"),
        ("2013-03-22", "last June", "", "2012-06"),
        ("2013-03-22", "late last July", "", "2012-07"),
        ("2013-03-22", "this December", "", "2013-12"),
        ("2013-03-22", "early December", "The backlog began to grow in ", "2012-12"),
    ],
)
def test_the_year_of_a_partial_date_follows_its_context(published, text, before, expected) -> None:
    assert DateResolver(published).resolve(text, before) == expected


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("The council has until ", True),
        ("The panel will meet again on ", True),
        ("Parents plan to march to the civic centre on ", True),
        ("Responses are due by ", True),
        ("The inspection took place in ", False),
        ("He said on ", False),
        ("It will be reviewed. The report was published on ", False),
    ],
)
def test_looks_ahead_reads_the_clause_before_the_date(before: str, expected: bool) -> None:
    assert looks_ahead(before) is expected


@pytest.mark.parametrize(
    ("published", "text", "before", "expected"),
    [
        ("2013-03-22", "Friday", "the minister said ", "2013-03-22"),  # a Friday: the same day
        ("2013-03-22", "Thursday", "the court heard on ", "2013-03-21"),
        ("2009-12-07", "Friday", "The minister wrote to the council on ", "2009-12-04"),
        ("2015-07-17", "Monday", "The new director will start work on ", "2015-07-20"),
        ("2015-07-17", "Saturday", "Parents plan to march on ", "2015-07-18"),
        ("2013-03-22", "last Friday", "", "2013-03-15"),
        ("2013-03-22", "next Friday", "", "2013-03-29"),
        ("2013-03-20", "this Friday", "", "2013-03-22"),
        ("2013-03-22", "Wednesday morning", "the panel met on ", "2013-03-20"),
        (None, "Friday", "said on ", None),
    ],
)
def test_weekdays_are_the_nearest_such_day_in_the_direction_of_the_clause(
    published, text, before, expected
) -> None:
    assert DateResolver(published).resolve(text, before) == expected


@pytest.mark.parametrize(
    ("published", "text", "expected", "timeml"),
    [
        ("2013-03-22", "last week", "2013-03", "2013-W11"),
        ("2013-03-22", "this week", "2013-03", "2013-W12"),
        ("2023-02-07", "next week", "2023-02", "2023-W07"),
        ("2013-03-22", "this fiscal year", "2013", "2013"),
        ("2013-03-22", "next financial year", "2014", "2014"),
        ("2013-03-22", "this decade", "201", "201"),
        ("2016-11-24", "last night", "2016-11-23", "2016-11-23"),
        ("2017-04-01", "this morning", "2017-04-01", "2017-04-01"),
        ("2017-09-14", "a year ago", "2016", "2016"),
        ("2013-03-21", "six years ago", "2007", "2007"),
        ("2013-03-21", "Last month", "2013-02", "2013-02"),
    ],
)
def test_relative_units_keep_their_precision(published, text, expected, timeml) -> None:
    """The spec has no week form, so a week is its month; TimeML writes the ISO week."""
    assert DateResolver(published).resolve(text) == expected
    assert DateResolver(published, timeml=True).resolve(text) == timeml


@pytest.mark.parametrize(
    ("published", "text", "before", "expected", "timeml"),
    [
        ("2012-12-14", "the summer", "working together since ", "2012", "2012-SU"),
        ("2018-01-25", "the autumn", "following his retirement in ", "2017", "2017-FA"),
        ("2023-06-30", "the autumn", "The director, appointed in ", "2022", "2022-FA"),
        ("2023-06-30", "the autumn", "The new team will start in ", "2023", "2023-FA"),
        ("2013-03-22", "last summer", "", "2012", "2012-SU"),
        ("2016-11-24", "next summer", "", "2017", "2017-SU"),
        ("2014-10-01", "next spring", "", "2015", "2015-SP"),
        ("2013-01-10", "this winter", "", "2012", "2012-WI"),
        ("2013-03-22", "summer 2009", "", "2009", "2009-SU"),
        (None, "the spring", "will be published in ", None, "XXXX-SP"),
    ],
)
def test_seasons_are_years_by_the_spec(published, text, before, expected, timeml) -> None:
    assert DateResolver(published).resolve(text, before) == expected
    assert DateResolver(published, timeml=True).resolve(text, before) == timeml


@pytest.mark.parametrize(
    ("published", "text", "before", "expected"),
    [
        ("2019-03-07", "Christmas", "The home was inspected before ", "2018-12-25"),
        ("2019-11-07", "Christmas", "The plan will be agreed by ", "2019-12-25"),
        (None, "Christmas", "by ", "XXXX-12-25"),
        ("2019-03-07", "Christmas 2017", "", "2017-12-25"),
        ("2019-05-20", "Easter", "The visit took place after ", "2019-04-21"),
        ("2019-02-20", "Easter", "The board will report at ", "2019-04-21"),
        ("2013-03-22", "Boxing Day", "", "2012-12-26"),
    ],
)
def test_holidays_are_their_day(published, text, before, expected) -> None:
    assert DateResolver(published).resolve(text, before) == expected


@pytest.mark.parametrize(
    ("year", "expected"), [(2013, date(2013, 3, 31)), (2019, date(2019, 4, 21)), (2024, date(2024, 3, 31))]
)
def test_easter_sunday(year: int, expected: date) -> None:
    assert easter(year) == expected


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        ([("2015", "in "), ("July of that year", "judged inadequate in ")], "2015-07"),
        ([("2011", "in "), ("the following year", "")], "2012"),
        ([("March 2010", "in "), ("later that year", "")], "2010"),
        ([("that year", "")], None),  # nothing named before it
    ],
)
def test_that_year_refers_to_the_last_year_the_document_named(mentions, expected) -> None:
    resolver = DateResolver("2017-04-01")
    values = [resolver.resolve(text, before) for text, before in mentions]
    assert values[-1] == expected


@pytest.mark.parametrize(
    ("text", "before", "expected"),
    [
        ("1998", "reorganised in ", "1998"),
        ("99", "reorganised in 1998-", "1999"),
        ("10", "the 2009-", "2010"),
        ("00", "the 1999-", "2000"),
        ("the 1990s", "in ", "199"),
        ("the 20th century", "for much of ", "19"),
        ("the twenty-first century", "", "20"),
        ("mid-2011", "", "2011"),
        ("03/22/2013", "", "2013-03-22"),  # a month first, as only that reading is a date
        ("2013-03-22", "", "2013-03-22"),
        ("May 2010", "in ", "2010-05"),
        ("Feb. 28", "On ", "2013-02-28"),
    ],
)
def test_absolute_forms(text: str, before: str, expected: str) -> None:
    assert DateResolver("2013-03-22").resolve(text, before) == expected


@pytest.mark.parametrize(
    ("text", "timeml"),
    [
        ("now", "PRESENT_REF"),
        ("currently", "PRESENT_REF"),
        ("the past", "PAST_REF"),
        ("at the time", "PAST_REF"),
    ],
)
def test_reference_words_have_a_value_only_in_timeml_notation(text: str, timeml: str) -> None:
    assert DateResolver("2013-03-22").resolve(text) is None
    assert DateResolver("2013-03-22", timeml=True).resolve(text) == timeml


@pytest.fixture()
def far_time_zone(monkeypatch):
    """Run under a time zone 14 hours ahead of UTC, where 'today' is often another day."""
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    ("published", "text", "expected"),
    [
        ("2009-11-24", "today", "2009-11-24"),
        ("2009-11-24", "yesterday", "2009-11-23"),
        ("2013-03-22", "Thursday", "2013-03-21"),
        ("2013-03-22", "last week", "2013-03"),
        ("2013-03-22", "the day after tomorrow", "2013-03-24"),
        (None, "today", None),
        (None, "Friday", None),
        (None, "next week", None),
        (None, "this morning", None),
    ],
)
def test_no_clock_or_time_zone_leaks_into_a_value(far_time_zone, published, text, expected) -> None:
    """Regression: a weekday without a publication date used to take dateparser's 'now'."""
    assert time.localtime().tm_gmtoff == 14 * 3600  # the zone really is in force
    assert DateResolver(published).resolve(text) == expected


@pytest.mark.parametrize(
    ("text", "date_text", "expected"),
    [
        # an infinitive of purpose, a planning verb's complement, a resolution's subjunctive: ahead
        ("The panel commissioned an options appraisal, to be reported to the committee in July.", "July", "2018-07"),
        ("The minister will decide when the review is done, which she expects to be before Easter.", "Easter", "2018-04-01"),
        ("The committee resolved that a further report be presented to its meeting on 12 April.", "12 April", "2018-04-12"),
        # a copula's infinitive ("requires improvement to be good") and plain past prose: behind
        ("Ofsted put Bury in the requires improvement to be good category after a visit in July.", "July", "2017-07"),
        ("Inspectors visited Bury in April and reported in July.", "July", "2017-07"),
    ],
)
def test_the_parse_puts_a_partial_date_ahead_in_a_clause_still_to_happen(extract_text, text, date_text, expected) -> None:
    record = extract_text(text, "2018-02-10")
    assert {d.text: d.value for d in record.dates}[date_text] == expected
