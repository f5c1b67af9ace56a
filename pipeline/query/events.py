"""Events: the same judgement or action reported by several documents becomes one, with every citation.

Two facts are one event when they concern the same authority (or its predecessor or successor),
the same kind or area and rating, and compatible dates: one date a prefix of the other ("2009"
and "2009-10"), or one missing. Dates that conflict stay side by side on the event.
"""

from __future__ import annotations

from pydantic import BaseModel

from pipeline.query.timeline import TimelineEntry


class Citation(BaseModel):
    source: str
    evidence: str
    date: str | None
    published: str | None = None


class Event(BaseModel):
    date: str | None
    dates: list[str]
    authority: str
    event: str
    detail: str
    citations: list[Citation]


def compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def merge_events(entries: list[TimelineEntry]) -> list[Event]:
    events: list[Event] = []
    by_key: dict[tuple[str, str, str], list[Event]] = {}
    for entry in entries:
        citation = Citation.model_construct(source=entry.source, evidence=entry.evidence, date=entry.date,
                                            published=entry.published)
        same_kind = by_key.setdefault((entry.authority, entry.event, entry.detail), [])
        match = next((e for e in same_kind if all(compatible(d, entry.date) for d in e.dates)), None)
        if match is None:
            event = Event.model_construct(date=entry.date, dates=[entry.date] if entry.date else [],
                                          authority=entry.authority, event=entry.event, detail=entry.detail,
                                          citations=[citation])
            events.append(event)
            same_kind.append(event)
            continue
        if not any(c.source == citation.source and c.evidence == citation.evidence for c in match.citations):
            match.citations.append(citation)
        if entry.date and entry.date not in match.dates:
            match.dates.append(entry.date)
            # The most precise compatible date dates the event.
            match.date = max(match.dates, key=len)
    return sorted(events, key=lambda e: (e.date or "9999", e.event, e.detail))
