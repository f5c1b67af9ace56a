"""Full-text search over evidence sentences and document text, with highlighted snippets."""

from __future__ import annotations

import re

from pydantic import BaseModel

from pipeline.query.timeline import lineage_codes
from pipeline.store.timeline import Timeline

HIGHLIGHT = ("[", "]")
SNIPPET_WORDS = 16


class Hit(BaseModel):
    kind: str
    authority: str | None
    date: str | None
    detail: str | None
    snippet: str
    source: str


def fts_query(text: str) -> str:
    """User words as FTS5 phrases, so punctuation in a query is never FTS syntax."""
    words = re.findall(r"[\w’'-]+", text)
    return " ".join('"' + w.replace('"', "") + '"' for w in words)


def search(timeline: Timeline, query: str, authority: str | None = None, kind: str | None = None,
           since: str | None = None, until: str | None = None, limit: int = 50) -> list[Hit]:
    match = fts_query(query)
    if not match:
        return []
    codes = lineage_codes(timeline, authority) if authority else None
    left, right = HIGHLIGHT
    parts, params = [], []
    for table, label, detail in (("judgements", "judgement", "f.area || ': ' || f.rating"),
                                 ("actions", "action", "f.kind || ' (' || f.status || ')'")):
        if kind in (None, label):
            where = [f"{table}_fts match ?"]
            params.append(match)
            if codes:
                where.append(f"f.gss in ({','.join('?' for _ in codes)})")
                params += codes
            parts.append(
                f"select '{label}' as kind, f.authority, f.date, {detail} as detail, "
                f"snippet({table}_fts, 0, '{left}', '{right}', '…', {SNIPPET_WORDS}) as snippet, d.source, "
                f"bm25({table}_fts) as rank "
                f"from {table}_fts join {table} f on f.rowid = {table}_fts.rowid join documents d on d.id = f.document_id "
                f"where {' and '.join(where)}"
            )
    if kind in (None, "document"):
        where = ["documents_fts match ?"]
        params.append(match)
        if codes:
            where.append(f"d.id in (select document_id from document_authorities where gss in ({','.join('?' for _ in codes)}))")
            params += codes
        parts.append(
            "select 'document' as kind, null as authority, d.published as date, d.title as detail, "
            f"snippet(documents_fts, 1, '{left}', '{right}', '…', {SNIPPET_WORDS}) as snippet, d.source, "
            "bm25(documents_fts) as rank "
            "from documents_fts join documents d on d.rowid = documents_fts.rowid "
            f"where {' and '.join(where)}"
        )
    if not parts:
        return []
    sql = " union all ".join(parts) + " order by rank limit ?"
    rows = timeline.db.query(sql, params + [limit * 4])
    hits = [Hit(**{k: v for k, v in row.items() if k != "rank"}) for row in rows]
    if since:
        hits = [h for h in hits if h.date and h.date[: len(since)] >= since]
    if until:
        hits = [h for h in hits if h.date and h.date[: len(until)] <= until]
    return hits[:limit]
