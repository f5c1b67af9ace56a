"""Ofsted's inspection regimes: which areas and grades a judgement dated on a given day can use."""

from __future__ import annotations

from datetime import date

# Areas as a report's grade list names them; the order is the report's.
SLAC_AREAS = ("Overall effectiveness", "Safeguarding services", "Services for looked after children", "Capacity to improve")
SIF_AREAS = (
    "Overall effectiveness", "Children who need help and protection", "Children looked after and achieving permanence", "Adoption performance",
    "Experiences and progress of care leavers", "Leadership, management and governance",
)
ILACS_AREAS = (
    "Overall effectiveness", "The impact of leaders on social work practice with children and families",
    "The experiences and progress of children who need help and protection", "The experiences and progress of children in care and care leavers",
)
ILACS_2023_AREAS = ILACS_AREAS[:3] + ("The experiences and progress of children in care", "The experiences and progress of care leavers")
GRADE_TITLES = {"outstanding": "Outstanding", "good": "Good", "adequate": "Adequate", "ri": "Requires improvement to be good", "inadequate": "Inadequate"}


def framework_on(day: date) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """The regime in force on a day: its name, areas and grades ("adequate" until late 2013, "requires improvement" after)."""
    if day < date(2013, 11, 1):
        return "inspection of safeguarding and looked after children services", SLAC_AREAS, ("outstanding", "good", "adequate", "inadequate")
    if day < date(2018, 1, 1):
        return "single inspection of services for children in need of help and protection", SIF_AREAS, ("outstanding", "good", "ri", "inadequate")
    areas = ILACS_AREAS if day < date(2023, 1, 1) else ILACS_2023_AREAS
    return "inspection of local authority children’s services", areas, ("outstanding", "good", "ri", "inadequate")


def grade_word(grade: str) -> str:
    return "requires improvement to be good" if grade == "ri" else grade
