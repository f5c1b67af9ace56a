"""Events: the same judgement or action reported by several documents becomes one, with every citation.

Two facts are one event when they concern the same authority, the same kind or area and rating
(and, for actions, status), and compatible dates: both dated, one a prefix of the other ("2009"
and "2009-10"), or both undated. An undated fact never joins a dated event: it is shown as
undated, so that an undated article cannot lend its words to a dated grade. Grades that disagree
(same authority and area, compatible dates, another rating) are kept apart and each is flagged
with the other, in every view.

Each event says what its date is: its precision, whether a sentence stated it or it is only the
publication date of the document that reports it, and what happened on it (graded, issued,
lifted, proposed, threatened). Actions of one kind are paired into periods: issued until lifted,
or open.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.query.labels import AREA_LABELS, KIND_LABELS, RATING_LABELS
from pipeline.query.plain import Plain
from pipeline.query.timeline import TimelineEntry
from pipeline.query.when import Precision, precision, readable, sortable

# What the date of an action is the date of, by its status; a measure in force is "issued",
# "appointed" or "set up" by its kind.
STATUS_DATES = {"directed": "issued", "lifted": "lifted", "proposed": "proposed", "threatened": "threatened"}
DIRECTED_BY_KIND = {
    "commissioner": "appointed", "improvement_adviser": "appointed", "independent_chair": "appointed",
    "improvement_board": "set up", "improvement_plan": "required", "trust": "ordered", "takeover": "ordered",
    "support": "given", "intervention": "begun", "new_leadership": "installed",
}


@dataclass
class Citation(Plain):
    source: str
    evidence: str
    date: str | None
    published: str | None = None
    url: str | None = None
    title: str | None = None


@dataclass
class Event(Plain):
    date: str | None
    dates: list[str]
    authority: str
    event: str
    detail: str
    citations: list[Citation]
    gss: str | None = None
    label: str = ""  # "Overall effectiveness: inadequate", "Improvement notice issued"
    area: str | None = None
    rating: str | None = None
    inspection: str | None = None
    kind: str | None = None
    status: str | None = None
    precision: Precision = "undated"
    sort_date: str | None = None  # None: cannot be placed in time (undated, or no year)
    date_label: str = "undated"
    date_kind: str | None = None  # "graded", "issued", "lifted", "proposed", "threatened"
    date_basis: str | None = None  # "stated" in a sentence, or only the "publication" date of the reporting document
    conflicts: list[str] = field(default_factory=list)


@dataclass
class Period(Plain):
    """An action in force from its issue until it is lifted (``end`` None: still open, as far as the
    stored documents tell)."""

    authority: str
    kind: str
    label: str
    start: str | None
    end: str | None
    open: bool


def compatible(a: str | None, b: str | None) -> bool:
    """Both undated, or both dated and one a prefix of the other."""
    if not a or not b:
        return not a and not b
    return a.startswith(b) or b.startswith(a)


def _joins(event: Event, date: str | None) -> bool:
    """Whether a fact with this date can join the event: compatible with every date it has."""
    if not event.dates:
        return date is None
    return all(compatible(d, date) for d in event.dates)


def _label(entry: TimelineEntry) -> str:
    if entry.event == "judgement":
        area = AREA_LABELS.get(entry.area or "", entry.area or "")
        return f"{area}: {RATING_LABELS.get(entry.rating or '', entry.rating or '')}".strip(": ")
    kind = KIND_LABELS.get(entry.kind or "", entry.kind or entry.detail)
    return f"{kind} {_status_word(entry.kind, entry.status)}".strip()


def _status_word(kind: str | None, status: str | None) -> str:
    if status == "directed":
        return DIRECTED_BY_KIND.get(kind or "", "issued")
    return STATUS_DATES.get(status or "", status or "")


def _new_event(entry: TimelineEntry, citation: Citation) -> Event:
    return Event.model_construct(
        date=entry.date, dates=[entry.date] if entry.date else [], authority=entry.authority, event=entry.event,
        detail=entry.detail, citations=[citation], gss=entry.gss, label=_label(entry), area=entry.area,
        rating=entry.rating, inspection=entry.inspection, kind=entry.kind, status=entry.status,
        precision="undated", sort_date=None, date_label="undated", date_kind=None, date_basis=None, conflicts=[],
    )


def merge_events(entries: list[TimelineEntry]) -> list[Event]:
    events: list[Event] = []
    by_key: dict[tuple[str, str, str], list[Event]] = {}
    for entry in entries:
        citation = Citation.model_construct(source=entry.source, evidence=entry.evidence, date=entry.date,
                                            published=entry.published, url=entry.url, title=entry.title)
        same_kind = by_key.setdefault((entry.authority, entry.event, entry.detail), [])
        match = next((e for e in same_kind if _joins(e, entry.date)), None)
        if match is None:
            event = _new_event(entry, citation)
            events.append(event)
            same_kind.append(event)
            continue
        if not any(c.source == citation.source and c.evidence == citation.evidence for c in match.citations):
            match.citations.append(citation)
        if entry.date and entry.date not in match.dates:
            match.dates.append(entry.date)
            match.date = max(match.dates, key=len)  # the most precise compatible date dates the event
    for event in events:
        _describe_date(event)
    _flag_conflicts(events)
    return sorted(events, key=lambda e: (e.sort_date is None, e.sort_date or "", e.event, e.detail))


def _describe_date(event: Event) -> None:
    event.precision = precision(event.date)
    event.sort_date = sortable(event.date)
    event.date_label = readable(event.date)
    if event.date:
        event.date_kind = "graded" if event.event == "judgement" else _status_word(event.kind, event.status)
        stated = any(c.date and c.date != c.published for c in event.citations)
        event.date_basis = "stated" if stated else "publication"


def _flag_conflicts(events: list[Event]) -> None:
    """Grades of one authority and area at compatible dates that disagree: each names the other.
    Compatible dates share their year, so grades are compared within a year only, and a page of
    hundreds of grades stays fast; a decade or a century is too coarse to call the same time."""
    years: dict[tuple[str, str | None, str], list[Event]] = {}
    for e in events:
        if e.event == "judgement" and e.date and precision(e.date) in {"year", "month", "day"}:
            years.setdefault((e.authority, e.area, e.date[:4]), []).append(e)
    for group in years.values():
        for i, one in enumerate(group):
            for other in group[i + 1 :]:
                if one.rating == other.rating or not compatible(one.date, other.date):
                    continue
                one.conflicts.append(f"{RATING_LABELS.get(other.rating or '', other.rating)} ({other.date_label}, "
                                     f"{other.citations[0].source})")
                other.conflicts.append(f"{RATING_LABELS.get(one.rating or '', one.rating)} ({one.date_label}, "
                                       f"{one.citations[0].source})")


def action_periods(events: list[Event]) -> list[Period]:
    """Each action issued, paired with the first lifting of the same kind for the same authority
    after it; a lifting with no issue before it starts at an unknown date."""
    periods: list[Period] = []
    actions = [e for e in events if e.event == "action" and e.kind and e.status in {"directed", "lifted"}]
    used: set[int] = set()
    for issued in (e for e in actions if e.status == "directed" and e.sort_date):
        lifted = next((e for e in actions if id(e) not in used and e.status == "lifted" and e.kind == issued.kind
                       and e.authority == issued.authority and e.sort_date and e.sort_date >= (issued.sort_date or "")), None)
        if lifted is not None:
            used.add(id(lifted))
        periods.append(Period(authority=issued.authority, kind=issued.kind or "", label=KIND_LABELS.get(issued.kind or "", ""),
                              start=issued.date, end=lifted.date if lifted else None, open=lifted is None))
    for lifted in (e for e in actions if e.status == "lifted" and id(e) not in used and e.sort_date):
        periods.append(Period(authority=lifted.authority, kind=lifted.kind or "", label=KIND_LABELS.get(lifted.kind or "", ""),
                              start=None, end=lifted.date, open=False))
    return periods


@dataclass
class Standing(Plain):
    """Where an authority stands, as far as the stored documents tell: the latest grade per area
    (with its date) and the actions still open."""

    grades: list[Event]
    open_actions: list[Period]


def standing(events: list[Event]) -> Standing:
    latest: dict[str, Event] = {}
    for event in events:
        if event.event == "judgement" and event.sort_date and event.area:
            if event.area not in latest or (event.sort_date or "") >= (latest[event.area].sort_date or ""):
                latest[event.area] = event
    order = list(AREA_LABELS)
    grades = sorted(latest.values(), key=lambda e: order.index(e.area) if e.area in order else len(order))
    return Standing(grades=grades, open_actions=[p for p in action_periods(events) if p.open])
