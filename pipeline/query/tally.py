"""Across authorities: how many were given each grade in each year (one count per authority)."""

from __future__ import annotations

from pydantic import BaseModel

from pipeline.query.labels import RATING_LABELS
from pipeline.query.text import csv_text
from pipeline.store.timeline import Timeline

RATINGS = list(RATING_LABELS)  # best first


class YearTally(BaseModel):
    year: str
    counts: dict[str, int]  # rating -> number of authorities


def grade_tally(timeline: Timeline, area: str = "overall_effectiveness") -> list[YearTally]:
    """Per year, the number of distinct authorities graded each rating in that area. A fact with
    no year (undated, "XXXX-…") or filed under no authority is left out; an authority graded
    twice the same way in a year counts once, as its merged event does in ``show``."""
    rows = timeline.db.query(
        """select substr(date, 1, 4) as year, rating, count(distinct gss) as authorities
           from judgements
           where area = ? and gss is not null and date glob '[0-9][0-9][0-9][0-9]*'
           group by year, rating order by year""",
        [area],
    )
    by_year: dict[str, dict[str, int]] = {}
    for row in rows:
        by_year.setdefault(row["year"], dict.fromkeys(RATINGS, 0))[row["rating"]] = row["authorities"]
    return [YearTally(year=year, counts=counts) for year, counts in by_year.items()]


def tally_csv(tallies: list[YearTally]) -> str:
    return csv_text(["year", *RATINGS], ([t.year, *(str(t.counts.get(r, 0)) for r in RATINGS)] for t in tallies))
