"""An authority's judgements and actions in date order, following its lineage, each with its source."""

from __future__ import annotations

from pydantic import BaseModel

from pipeline.errors import PipelineError
from pipeline.store.timeline import Timeline


class TimelineEntry(BaseModel):
    date: str | None
    authority: str
    event: str
    detail: str
    evidence: str
    source: str
    published: str | None = None


def lineage_codes(timeline: Timeline, name: str) -> list[str]:
    candidates = timeline.gazetteer.candidates(name)
    if not candidates:
        raise PipelineError(name, "no such authority; try its short name, e.g. 'Cornwall' or 'Kingston upon Thames'")
    codes: list[str] = []
    for authority in candidates:
        codes += [a.gss for a in timeline.gazetteer.lineage(authority.gss) if a.gss not in codes]
    return codes


def authority_timeline(timeline: Timeline, name: str, since: str | None = None, until: str | None = None) -> list[TimelineEntry]:
    codes = lineage_codes(timeline, name)
    marks = ",".join("?" for _ in codes)
    sql = f"""
        select j.date, j.authority, 'judgement' as event, j.area || ': ' || j.rating as detail, j.evidence,
               d.source, d.published
        from judgements j join documents d on d.id = j.document_id where j.gss in ({marks})
        union all
        select a.date, a.authority, 'action', a.kind || ' (' || a.status || ')', a.evidence, d.source, d.published
        from actions a join documents d on d.id = a.document_id where a.gss in ({marks})
    """
    rows = [TimelineEntry(**row) for row in timeline.db.query(sql, codes + codes)]
    if since:
        rows = [r for r in rows if r.date and r.date[: len(since)] >= since]
    if until:
        rows = [r for r in rows if r.date and r.date[: len(until)] <= until]
    return sorted(rows, key=lambda r: (r.date or "9999", r.event, r.detail))
