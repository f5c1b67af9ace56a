"""Properties of date resolution: any date-like words give an ISO 8601 prefix or None, never an error.

The spans spaCy marks as dates can hold any numbers ("5000 years ago", "45 November",
"2014-13-45"); whatever they hold, and whatever publication date anchors them, the value is one
the spec can write (``2009``, ``2009-10``, ``2009-10-24``, ``XXXX-11-30``, ``XXXX-07``, a decade
``199`` or a century ``19``) naming a real month and day, or None.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.parse.published import EARLIEST_YEAR, LATEST_YEAR
from pipeline.resolve.dates import DateResolver

# ISO 8601 prefixes as spec/EXTRACTION.md writes them, and the decades and centuries a text names.
DATE_VALUE = re.compile(r"^(?:\d{2,3}|(?P<year>\d{4}|XXXX)(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?)$")
# Publication dates are what parsing gives: YYYY-MM-DD within these years, or none.
PUBLISHED = st.one_of(st.none(), st.dates(min_value=date(EARLIEST_YEAR, 1, 1), max_value=date(LATEST_YEAR, 12, 31))
                      .map(date.isoformat))
NUMBERS = st.one_of(st.integers(min_value=0, max_value=60), st.integers(min_value=0, max_value=10**12)).map(str)
WORDS = st.sampled_from([
    "ago", "earlier", "before", "days", "day", "weeks", "fortnight", "months", "month", "years", "year", "decade",
    "decades", "century", "last", "next", "this", "past", "coming", "the", "of", "that", "following", "previous",
    "January", "February", "march", "Sept.", "December", "Monday", "friday", "summer", "spring", "Christmas",
    "Easter", "Good Friday", "20th", "1990s", "tomorrow", "yesterday", "today", "now", "financial", "²", "٣",
])
SLASHED = st.tuples(NUMBERS, NUMBERS, NUMBERS).map("/".join)
DASHED = st.tuples(st.integers(0, 9999), st.integers(0, 99), st.integers(0, 99)).map(lambda t: f"{t[0]:04d}-{t[1]:02d}-{t[2]:02d}")
PHRASE = st.lists(st.one_of(WORDS, NUMBERS, SLASHED, DASHED, st.text(max_size=4)), min_size=1, max_size=6).map(" ".join)


def assert_well_formed_date(value: str | None) -> None:
    """None, or an ISO 8601 prefix naming a real month and day (of some year, when it is XXXX)."""
    if value is None:
        return
    match = DATE_VALUE.match(value)
    assert match, f"{value!r} is not an ISO 8601 prefix (YYYY, YYYY-MM, YYYY-MM-DD, XXXX-MM[-DD], decade, century)"
    if match["day"]:
        date.fromisoformat(value.replace("XXXX", "2000"))  # a leap year: 29 February is a day of some year
    elif match["month"]:
        assert 1 <= int(match["month"]) <= 12, value


@settings(max_examples=300, deadline=None)
@given(phrases=st.lists(PHRASE, min_size=1, max_size=4), before=st.sampled_from(["", "has until ", "will meet on ", "in "]),
       published=PUBLISHED)
@example(phrases=["5000 years ago"], before="", published="1990-01-01")  # was "-3010"
@example(phrases=["999999 days ago"], before="", published="1990-01-01")  # was an OverflowError
@example(phrases=["² days ago"], before="", published="2013-03-22")  # was a ValueError from int()
@example(phrases=["2014-13-45"], before="", published=None)  # was "2014-13"
@example(phrases=["45 November"], before="", published=None)  # was "XXXX-11-45"
def test_any_date_words_resolve_to_a_spec_value_or_none(phrases: list[str], before: str, published: str | None) -> None:
    resolver = DateResolver(published)  # one per document, called in reading order
    for phrase in phrases:
        assert_well_formed_date(resolver.resolve(phrase, before))


@pytest.mark.parametrize(
    ("published", "text", "expected"),
    [
        ("1990-01-01", "5000 years ago", None),
        ("1990-01-01", "3000 months ago", "1740-01"),
        ("2013-03-22", "999999 days ago", None),
        ("2013-03-22", "99999999999 weeks ago", None),
        ("2013-03-22", "last decade", "200"),
        ("2013-03-22", "last century", "19"),
        (None, "0000-01-01", None),
        (None, "31 February", "XXXX-02"),
        (None, "29 February", "XXXX-02-29"),
        ("2013-03-22", "31 February 2014", "2014-02"),
    ],
)
def test_dates_no_calendar_has_keep_what_is_real_or_are_none(published: str | None, text: str, expected: str | None) -> None:
    assert DateResolver(published).resolve(text) == expected
