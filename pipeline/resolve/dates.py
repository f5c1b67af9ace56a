"""Date spans to ISO values at the precision the text supports, against the publication date.

dateparser only normalises absolute expressions; relative ones ("last month", "five years ago")
are resolved here by a small grammar so that their precision is kept (a month stays a month).
A partial date takes the year its context implies: a deadline ("until 30 November") looks ahead
of publication, anything else looks back ("in July", said in August, is the July just past).
The machine's clock and time zone are never consulted: no publication date, no relative value.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateparser.date import DateDataParser

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "several": None, "few": None,
}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
# Words before a partial date that point it forward from the publication date.
FORWARD_CUES = re.compile(
    r"\b(?:until|by|before|deadline|due|next|will|shall|must|from|starting|expected|scheduled|planned|"
    r"later|upcoming|coming|on or before|no later than)\b[^.]{0,40}$",
    re.IGNORECASE,
)
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
DECADE = re.compile(r"\b(1[89]\d|20\d)0s\b")
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+({_MONTH_NAMES})\b\.?", re.IGNORECASE)
MONTH_DAY = re.compile(rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.IGNORECASE)
MONTH = re.compile(rf"\b({_MONTH_NAMES})\b", re.IGNORECASE)
NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b|\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")


def _parse_iso(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


class DateResolver:
    """One per document: the publication date is its anchor, dateparser its absolute parser."""

    def __init__(self, published: str | None) -> None:
        self.anchor = _parse_iso(published)
        self.parser = DateDataParser(
            languages=["en"],
            settings={"DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False},
        )

    def resolve(self, text: str, before: str = "") -> str | None:
        """The ISO value of a date expression; ``before`` is the text leading up to it, for context."""
        lowered = " ".join(text.lower().split())
        relative = self._relative(lowered)
        if relative is not False:
            return relative
        return self._absolute(text, lowered, before)

    # Relative expressions -------------------------------------------------------------------
    def _relative(self, text: str) -> str | None | bool:
        """False when the text is not relative; else the value (None when there is no anchor)."""
        a = self.anchor
        match = re.search(r"\b(today|tonight|yesterday|tomorrow)\b", text)
        if match:
            if a is None:
                return None
            offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[match.group(1)]
            return (a + timedelta(days=offset)).isoformat()
        match = re.search(r"\b(this|last|next|previous|past|coming|current|same|earlier this|later this)\s+(week|month|year|fortnight)\b", text)
        if match:
            if a is None:
                return None
            which, unit = match.groups()
            step = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(which, 0)
            return self._shift(unit, step)
        match = re.search(r"\b(\w+|\d+)\s+(day|week|month|year|decade)s?\s+(ago|earlier|before|previously)\b", text)
        if match:
            amount = int(match.group(1)) if match.group(1).isdigit() else NUMBER_WORDS.get(match.group(1))
            if a is None or amount is None:
                return None
            return self._shift(match.group(2), -amount)
        match = re.search(r"\b(this|last|next)\s+(spring|summer|autumn|winter)\b", text)
        if match:
            if a is None:
                return None
            year = a.year + {"last": -1, "next": 1, "this": 0}[match.group(1)]
            return f"{year}-{SEASONS[match.group(2)]}"
        return False

    def _shift(self, unit: str, step: int) -> str:
        a = self.anchor
        assert a is not None
        if unit == "day":
            return (a + timedelta(days=step)).isoformat()
        if unit in {"week", "fortnight"}:
            year, week, _ = (a + timedelta(weeks=step)).isocalendar()
            return f"{year}-W{week:02d}"
        if unit == "month":
            index = a.year * 12 + a.month - 1 + step
            return f"{index // 12}-{index % 12 + 1:02d}"
        if unit == "decade":
            return f"{(a.year + 10 * step) // 10}"
        return f"{a.year + step}"

    # Absolute and partial expressions -------------------------------------------------------
    def _absolute(self, text: str, lowered: str, before: str) -> str | None:
        numeric = NUMERIC.search(text)
        if numeric:
            if numeric.group(4):
                year, month, day = numeric.group(4), numeric.group(5), numeric.group(6)
                return f"{year}-{month}" + (f"-{day}" if day else "")
            day, month, year = (int(g) for g in numeric.group(1, 2, 3))
            year = year + 2000 if year < 100 else year
            return _safe_date(year, month, day)
        year_match = YEAR.search(text)
        day_month = DAY_MONTH.search(text) or MONTH_DAY.search(text)
        month_match = MONTH.search(text)
        season = next((code for word, code in SEASONS.items() if re.search(rf"\b{word}\b", lowered)), None)
        if day_month:
            groups = day_month.groups()
            day, month_name = (groups[0], groups[1]) if groups[0].isdigit() else (groups[1], groups[0])
            month, day_number = MONTHS[month_name.lower().rstrip(".")], int(day)
            if year_match:
                return _safe_date(int(year_match.group(1)), month, day_number)
            year = self._year_for(month, day_number, before)
            return _safe_date(year, month, day_number) if year else f"XXXX-{month:02d}-{day_number:02d}"
        if month_match:
            month = MONTHS[month_match.group(1).lower()]
            if year_match:
                return f"{year_match.group(1)}-{month:02d}"
            year = self._year_for(month, None, before)
            return f"{year}-{month:02d}" if year else f"XXXX-{month:02d}"
        if year_match:
            return f"{year_match.group(1)}-{season}" if season else year_match.group(1)
        decade = DECADE.search(text)
        if decade:
            return decade.group(1)
        data = self.parser.get_date_data(text)
        if data and data.date_obj and self.anchor:
            value = data.date_obj.date()
            return {"year": f"{value.year}", "month": f"{value:%Y-%m}"}.get(data.period or "day", value.isoformat())
        return None

    def _year_for(self, month: int, day: int | None, before: str) -> int | None:
        """The year of a day or month named without one, chosen by tense and cue words."""
        a = self.anchor
        if a is None:
            return None
        forward = bool(FORWARD_CUES.search(before[-60:]))
        probe = (month, day or 1)
        here = (a.month, a.day if day else 1)
        if forward:
            return a.year if probe >= here else a.year + 1
        return a.year if probe <= (a.month, a.day) else a.year - 1


def _safe_date(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return f"{year}-{month:02d}"
