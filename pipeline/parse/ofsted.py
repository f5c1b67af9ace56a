"""What an Ofsted inspection report's front page states: its framework, authority and dates.

The PDF parser picks the front page's headings, lines and the report's table rows out of the
layout; this module reads them. The facts go to later stages as ``ParsedDocument.report``, never
written into the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.parse.published import FULL_DATE, normalise_full_date
from pipeline.records import Framework, ReportFacts

INSPECTION_DATES = re.compile(r"^Inspection dates?\s*:\s*(?P<dates>.+)$", re.IGNORECASE)
REPORT_PUBLISHED = re.compile(
    rf"^(?:Report published|Publication date|Date of publication|Published)\s*:?\s*(?P<date>{FULL_DATE})\s*$",
    re.IGNORECASE,
)
APOSTROPHE = "[’']"
ILACS_TITLE = re.compile(
    rf"^Inspection of (?:the )?(?P<authority>.+?) local authority children{APOSTROPHE}s services$"
)
# 2018-2020 ILACS reports put the council on a line of its own above one of these.
ILACS_SUBTITLE = re.compile(
    rf"^Inspection of (?:children{APOSTROPHE}s social care|local authority children{APOSTROPHE}s) services$"
)
ILACS_ROW = re.compile(r"^The impact of leaders on social work practice with children and families \|")
SIF_TITLE = re.compile(
    r"^Inspection of services for children in need of help and protection,? children looked after"
)
# SIF reports state the overall judgement as a sentence, not as a table row.
SIF_HEADLINE = re.compile(
    rf"^Children{APOSTROPHE}s services in (?P<authority>.+?) "
    r"(?:(?:are|is) (?:outstanding|good|inadequate|requires? improvement)|requires? improvement)",
    re.IGNORECASE,
)
# How many heading blocks at the top of the front page make the title: the council and the kind
# of inspection ("Lincolnshire County Council – Inspection of children’s social care services").
TITLE_BLOCKS = 2
# The two ends of the inspection dates: "6 to 17 March 2023", "11 January 2016 to 4 February 2016".
DATE_RANGE = re.compile(r"^(?P<first>.+?)\s*(?:\bto\b|[–—-])\s*(?P<last>.+)$", re.IGNORECASE)
MONTH_YEAR = re.compile(r"[A-Za-z]+\.?,?\s+\d{4}$")
YEAR = re.compile(r"\d{4}$")


@dataclass(frozen=True)
class InspectionReport:
    """What an Ofsted report's front page says about the inspection."""

    framework: Framework  # "ILACS" (2018 on) or "SIF" (single inspection framework, 2013-2018)
    authority: str | None  # as the report names it: "Slough", "Lincolnshire County Council"
    title: str
    inspection_dates: str | None  # "23 January to 3 February 2023"
    published: str | None  # YYYY-MM-DD, only where the report states it
    care_leavers_judged: bool  # a care-leavers grade of its own (ILACS from January 2023, SIF)
    overall_judged: bool  # an overall effectiveness grade (ILACS until March 2026, SIF)


def read_front_page(titles: Sequence[str], front: Sequence[str], rows: Sequence[str]) -> InspectionReport | None:
    """The front page's facts, if the document is an Ofsted ILACS or SIF report: ``titles`` are the
    front page's headings, ``front`` all its paragraphs and rows, ``rows`` every table row."""
    headline = next((m for t in front if (m := SIF_HEADLINE.match(t))), None)
    ilacs = any(ILACS_TITLE.match(t) or ILACS_SUBTITLE.match(t) for t in titles) or any(
        ILACS_ROW.match(t) for t in front
    )
    framework: Framework
    if any(SIF_TITLE.match(t) for t in titles) or (headline and not ilacs):
        framework = "SIF"
    elif ilacs:
        framework = "ILACS"
    else:
        return None
    authority = next((m["authority"] for t in titles if (m := ILACS_TITLE.match(t))), None)
    if authority is None and titles and not titles[0].startswith("Inspection of"):
        authority = titles[0]  # the council, above "Inspection of children's social care services"
    if authority is None and headline:
        authority = headline["authority"]
    dates = next((m["dates"].strip() for t in front if (m := INSPECTION_DATES.match(t))), None)
    stated = next((m["date"] for t in front if (m := REPORT_PUBLISHED.match(t))), None)
    lowered = [r.lower() for r in rows]
    return InspectionReport(
        framework=framework,
        authority=authority,
        title=" – ".join(titles[:TITLE_BLOCKS]) or front[0],
        inspection_dates=dates,
        published=normalise_full_date(stated) if stated else None,
        care_leavers_judged=any("care leavers |" in r and "children in care" not in r for r in lowered),
        overall_judged=bool(headline) or any(r.startswith("overall effectiveness |") for r in lowered),
    )


def inspection_days(dates: str) -> tuple[str | None, str | None]:
    """First and last day of the inspection as YYYY-MM-DD; the first day takes the month and year
    it leaves out from the last ("6 to 17 March 2023", "23 January to 3 February 2023")."""
    if single := normalise_full_date(dates):
        return single, single
    match = DATE_RANGE.match(dates.strip())
    if match is None:
        return None, None
    first, last = match["first"].strip(), match["last"].strip()
    end = normalise_full_date(last)
    start = normalise_full_date(first)
    if start is None and end is not None:
        if (shared := MONTH_YEAR.search(last)) and first.isdigit():
            start = normalise_full_date(f"{first} {shared.group()}")
        elif (year := YEAR.search(last)) and not YEAR.search(first):
            start = normalise_full_date(f"{first} {year.group()}")
            if start is not None and start > end:  # "28 December to 8 January 2016"
                start = normalise_full_date(f"{first} {int(year.group()) - 1}")
    return start, end


def report_facts(report: InspectionReport) -> ReportFacts:
    start, end = inspection_days(report.inspection_dates) if report.inspection_dates else (None, None)
    return ReportFacts(
        framework=report.framework,
        authority=report.authority,
        inspection_start=start,
        inspection_end=end,
        published=report.published,
    )
