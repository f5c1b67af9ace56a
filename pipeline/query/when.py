"""What a stored date value is, for sorting and showing it: its precision and a sortable form.

The spec writes dates as ISO prefixes at the precision the text gives ("2013", "2013-11",
"2013-11-21"), decades and centuries as shorter prefixes ("200" is the 2000s, "19" the 1900s),
and a date whose year the text never gave with an unknown year ("XXXX-06-23"). Sorted as
strings, "XXXX-…" and "200" would come after every real date and look like the newest events:
here they get a place of their own.
"""

from __future__ import annotations

import re
from typing import Literal

from pipeline import lexicon

Precision = Literal["day", "month", "year", "decade", "century", "no year", "undated"]

# Month number -> its three-letter name, from the one lexicon of months.
_MONTHS = {number: name.title() for name, number in lexicon.months().items() if len(name) == 3}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_DECADE = re.compile(r"^\d{3}$")
_CENTURY = re.compile(r"^\d{2}$")


def precision(value: str | None) -> Precision:
    if not value:
        return "undated"
    if value.startswith("X"):
        return "no year"
    for pattern, name in ((_DAY, "day"), (_MONTH, "month"), (_YEAR, "year"), (_DECADE, "decade"), (_CENTURY, "century")):
        if pattern.match(value):
            return name  # type: ignore[return-value]
    return "undated"


def sortable(value: str | None) -> str | None:
    """A form that sorts by time ("200" -> "2000", "19" -> "1900"); None when the date cannot be
    placed in time (undated, or no year)."""
    kind = precision(value)
    if kind in {"undated", "no year"} or value is None:
        return None
    if kind == "decade":
        return value + "0"
    if kind == "century":
        return value + "00"
    return value


def readable(value: str | None) -> str:
    """'21 Nov 2013', 'Nov 2013', '2013', 'the 2000s', 'the 1900s', '23 Jun, year unknown'."""
    kind = precision(value)
    if value is None or kind == "undated":
        return "undated"
    if kind == "no year":
        parts = value.split("-")[1:]
        month = _MONTHS.get(int(parts[0]), "?") if parts and parts[0].isdigit() else "?"
        day = f"{int(parts[1])} " if len(parts) > 1 and parts[1].isdigit() else ""
        return f"{day}{month}, year unknown"
    if kind == "decade":
        return f"the {value}0s"
    if kind == "century":
        return f"the {value}00s"
    year, *rest = value.split("-")
    if not rest:
        return year
    month = _MONTHS.get(int(rest[0]), rest[0])
    return f"{int(rest[1])} {month} {year}" if len(rest) > 1 else f"{month} {year}"
