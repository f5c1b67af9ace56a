"""The publication date of a document, from its metadata or from the words around its title.

Order of trust, first hit wins (each tested in tests/parse/test_published.py):

1. what the user said: ``--published`` or a ``NAME.meta.json`` sidecar      -> "user"
2. HTML metadata: article:published_time, JSON-LD datePublished, Dublin Core,
   GOV.UK's first-published-at, a <time> element                           -> "html-meta"
3. htmldate's fast search (meta tags, URL, structured markup)              -> "htmldate"
4. a statement in the text: "Published 3 July 2013", "issued on August 22,
   2024", or a dateline alone on a line just under the title               -> "text"
5. htmldate's extensive search of the page text                            -> "htmldate-extensive"

A date in the future of the fetch, or before 1990, is not a publication date.
"""

from __future__ import annotations

import re
from datetime import date

import dateparser

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_DAY_MONTH_YEAR = rf"{_WEEKDAY}\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"
_MONTH_DAY_YEAR = rf"{_WEEKDAY}(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
_NUMERIC = r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\.\d{1,2}\.\d{4}"
FULL_DATE = rf"(?:{_DAY_MONTH_YEAR}|{_MONTH_DAY_YEAR}|{_NUMERIC})"

# Phrases that introduce the publication date wherever they stand in the text.
STATEMENT = re.compile(
    rf"\b(?:published|first published|posted|issued|released|press release issued|updated|date)"
    rf"(?:\s+(?:on|at))?\s*:?\s*(?P<date>{FULL_DATE})",
    re.IGNORECASE,
)
DATELINE = re.compile(rf"^\s*(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s+)?(?P<date>{FULL_DATE})\s*\.?\s*$", re.IGNORECASE)
# How many non-empty lines under the title a bare dateline may stand.
DATELINE_WINDOW = 3


def normalise_full_date(text: str) -> str | None:
    """A complete calendar date as YYYY-MM-DD (day first when ambiguous), or None."""
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "DATE_ORDER": "DMY",
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    if parsed is None or not 1990 <= parsed.year <= 2100:
        return None
    return parsed.date().isoformat()


def published_from_text(text: str) -> str | None:
    """A dateline under the title, or a "Published …" statement, as YYYY-MM-DD."""
    lines = [line for line in text.splitlines() if line.strip()]
    for line in lines[1 : 1 + DATELINE_WINDOW]:
        match = DATELINE.match(line)
        if match and (value := normalise_full_date(match.group("date"))):
            return value
    for match in STATEMENT.finditer(text):
        if value := normalise_full_date(match.group("date")):
            return value
    return None


def normalise_iso(value: str | None) -> str | None:
    """Metadata timestamps ("2014-11-03T10:00:00+00:00") to their calendar date, as written."""
    if not value:
        return None
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return None
    return normalise_full_date(value)
