"""An authority's judgements and actions in date order, following its lineage, each with its source."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.errors import PipelineError
from pipeline.query.plain import Plain
from pipeline.store.timeline import Timeline


@dataclass
class TimelineEntry(Plain):
    """One stored fact, typed: a judgement (area, rating) or an action (kind, status)."""

    date: str | None
    authority: str
    event: str  # "judgement" or "action"
    detail: str  # "area: rating" or "kind (status)", for display and for telling facts apart
    evidence: str
    source: str
    published: str | None = None
    gss: str | None = None
    area: str | None = None
    rating: str | None = None
    inspection: str | None = None
    kind: str | None = None
    status: str | None = None
    actor: str | None = None
    url: str | None = None
    title: str | None = None


def lineage_codes(timeline: Timeline, name: str) -> list[str]:
    candidates = timeline.gazetteer.candidates(name)
    if not candidates:
        raise PipelineError(name, "no such authority; try its short name, e.g. 'Cornwall' or 'Kingston upon Thames'")
    codes: list[str] = []
    for authority in candidates:
        codes += [a.gss for a in timeline.gazetteer.lineage(authority.gss) if a.gss not in codes]
    return codes


def authority_timeline(timeline: Timeline, name: str, since: str | None = None, until: str | None = None) -> list[TimelineEntry]:
    """Judgements and actions of an authority and its lineage, filtered by date in SQL (undated
    facts are kept only when no range is asked for)."""
    codes = lineage_codes(timeline, name)
    marks = ",".join("?" for _ in codes)
    date_filter, date_params = "", []
    if since:
        date_filter += f" and substr(f.date, 1, {len(since)}) >= ? and f.date not like 'X%'"
        date_params.append(since)
    if until:
        date_filter += f" and substr(f.date, 1, {len(until)}) <= ? and f.date not like 'X%'"
        date_params.append(until)
    sql = f"""
        select f.date, f.authority, f.gss, 'judgement' as event, f.area || ': ' || f.rating as detail, f.area,
               f.rating, f.inspection, null as kind, null as status, null as actor, f.evidence, d.source, d.url,
               d.title, d.published
        from judgements f join documents d on d.id = f.document_id where f.gss in ({marks}){date_filter}
        union all
        select f.date, f.authority, f.gss, 'action', f.kind || ' (' || f.status || ')', null, null, null, f.kind,
               f.status, f.actor, f.evidence, d.source, d.url, d.title, d.published
        from actions f join documents d on d.id = f.document_id where f.gss in ({marks}){date_filter}
    """
    params = codes + date_params + codes + date_params
    rows = [TimelineEntry.model_construct(**row) for row in timeline.db.query(sql, params)]
    return sorted(rows, key=lambda r: (r.date or "9999", r.event, r.detail))
