"""Publication window and date formats: the spellings of a date that the pipeline's date stage must read."""

from __future__ import annotations

from datetime import date, timedelta

# From 2010, so that the past years a story mentions (two to eight years back) fall in 2008 or later.
FIRST_PUBLISHED, LAST_PUBLISHED = date(2010, 1, 4), date(2026, 10, 31)

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight")


def long_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def month_year(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def weekday_date(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"


def working_day(day: date) -> date:
    """The day, or the Monday after it if it falls at a weekend: meetings and start dates are on working days."""
    return day + timedelta(days=7 - day.weekday()) if day.weekday() >= 5 else day


def numeric_date(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"
