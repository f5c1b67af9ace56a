"""The publication date of a document, from what the user says, its metadata, or its first lines.

Order of trust, first hit wins; ``ParsedDocument.published_from`` records which step gave it
(each step is tested in tests/parse/test_published.py and tests/parse/test_html.py):

1. what the user said: ``--published`` or a ``NAME.meta.json`` sidecar      -> "user"
2. the page's own metadata, in this order: a full date in the URL path
   (``/2009/11/24/``), meta tags (article:published_time, Dublin Core,
   GOV.UK's govuk:first-published-at…), JSON-LD ``datePublished``, a
   ``<time>`` element marked as the publication date                        -> "html-meta"
3. htmldate's fast search (its own reading of markup and URL)              -> "htmldate"
4. a statement in the text: a dateline just under the title, "LONDON,
   24 November 2009 -", "Published 3 July 2013", "issued on August 22, 2024" -> "text"
5. htmldate's extensive search of the whole page                           -> "htmldate-extensive"

Why this order: the user knows best; a publisher's explicit markup is more precise than any
guess; htmldate's heuristics are good but also read modification dates; text statements are
rare and only English; htmldate's extensive mode reads any date on the page and is the last
resort. One exception, ``published_from`` "htmldate": a machine timestamp in UTC
(``2023-11-09T01:10:00Z``) names an instant, not the publisher's calendar day, so when a date
shown in the page (a ``<time>``, htmldate's fast reading) is one day off it, the shown date wins.

Plain text and PDF documents only have steps 1 and 4. Dates before 1990 or after 2100 are not
publication dates of this corpus (a typo or a template placeholder). The machine's clock is
never read here.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline import lexicon

# The values of ParsedDocument.published_from, in order of trust.
ORIGINS = ("user", "html-meta", "htmldate", "text", "htmldate-extensive")
EARLIEST_YEAR, LATEST_YEAR = 1990, 2100

_MONTHS = lexicon.alternation(lexicon.months())
_WEEKDAY = rf"(?:(?:{lexicon.alternation(lexicon.weekdays())}),?\s+)?"
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
# A line that is only a date (and perhaps a place, a time of day or a byline separator).
DATELINE = re.compile(
    rf"^\s*(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s+)?(?P<date>{FULL_DATE})"
    r"(?:\s*[,|\u2013\u2014-]?\s*(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}(?:[+-]\d{1,2})?)?)?"
    r"\s*(?:[.|]\s*)?$",
    re.IGNORECASE,
)
# The news-agency dateline that opens the first paragraph: "LONDON, 24 Nov 2009 - The minister…",
# "Leeds (3 July 2013): …". The place is in capitals or title case; a dash, colon or full stop follows.
LEADING_DATELINE = re.compile(
    rf"^\s*(?:[A-Z][A-Za-z.'-]+(?:\s[A-Z][A-Za-z.'-]+){{0,3}},?\s+)?\(?(?P<date>(?i:{FULL_DATE}))\)?"
    r"\s*(?:/[^/]{1,30}/\s*)?(?:[-\u2013\u2014:]|\.\s)",
)
# How many non-empty lines under the title a bare dateline may stand; how many lines may pass
# before the first paragraph that opens with a leading dateline. Tuning note: 3 and 4 cover the
# title / standfirst / byline layouts of the corpus's notices; on the htmldate bench (1,000
# pages) the text step decides 7 pages, all rightly.
DATELINE_WINDOW = 3
LEADING_WINDOW = 4
# A full date in a URL path: /2009/11/24/ (a folder per day) or /2009-11-24-title. "/2023/10/3-tips"
# is a month folder and a slug, and /20091124/ is too ambiguous to read.
URL_DATES = (
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?=/|\.html?$|$)", re.IGNORECASE),
    re.compile(r"/(?P<y>(?:19|20)\d\d)(?P<sep>[_-])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)"),
)
# A timestamp given in UTC: its calendar day may not be the publisher's. Tuning note: deferring
# such a timestamp to a shown date one day off it takes the htmldate bench from 0.903 to 0.906.
UTC_INSTANT = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|[+-]00:?00|GMT|UTC)\s*$", re.IGNORECASE
)


def _in_range(value: date) -> bool:
    return EARLIEST_YEAR <= value.year <= LATEST_YEAR


_MONTH_NUMBERS = lexicon.months()
_NUMBERS = re.compile(r"\d+")


def normalise_full_date(text: str) -> str | None:
    """A complete calendar date as YYYY-MM-DD (day first when ambiguous), or None.

    ``text`` is a ``FULL_DATE`` match, so its grammar is known: read it directly (dateparser,
    which this replaced, gave the same values at about a hundredth of the speed)."""
    lowered = text.strip().lower()
    numbers = [int(n) for n in _NUMBERS.findall(lowered)]
    month = next((_MONTH_NUMBERS[w] for w in re.findall(r"[a-z]+", lowered) if w in _MONTH_NUMBERS), None)
    if month is not None and len(numbers) == 2:
        day, year = numbers
    elif month is None and len(numbers) == 3:
        if re.match(r"\d{4}-", lowered):
            year, month, day = numbers
        else:
            day, month, year = numbers
            if month > 12 >= day:  # 12/25/2020 can only be month first
                day, month = month, day
    else:
        return None
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    return value.isoformat() if _in_range(value) else None


def published_from_text(text: str) -> str | None:
    """A dateline under the title or opening the first paragraph, or a "Published …" statement."""
    lines = [line for line in text.splitlines() if line.strip()]
    for line in lines[1 : 1 + DATELINE_WINDOW]:
        match = DATELINE.match(line)
        if match and (value := normalise_full_date(match.group("date"))):
            return value
    for line in lines[: 1 + LEADING_WINDOW]:
        match = LEADING_DATELINE.match(line)
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
            parsed = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
        return parsed.isoformat() if _in_range(parsed) else None
    # Free text ("3 November 2014") is only worth parsing when it is short enough to be a date.
    return normalise_full_date(value) if len(value) <= 60 else None


def date_from_url(url: str | None) -> str | None:
    """The full date a URL path carries (``/2009/11/24/``), which publishers set at publication."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    match = next((m for pattern in URL_DATES if (m := pattern.search(path))), None)
    if match is None:
        return None
    try:
        value = date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None
    return value.isoformat() if _in_range(value) else None


def is_utc_instant(raw: str | None) -> bool:
    """Whether a metadata timestamp is a UTC instant, whose calendar day is ambiguous."""
    return bool(raw and UTC_INSTANT.search(raw.strip()))


def one_day_apart(first: str, second: str) -> bool:
    """Two YYYY-MM-DD dates on neighbouring days (a UTC instant and the local day it fell on)."""
    return abs((date.fromisoformat(first) - date.fromisoformat(second)).days) == 1
