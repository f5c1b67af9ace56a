"""Full-text search over evidence sentences and document text, with highlighted snippets."""

from __future__ import annotations

import re

from pydantic import BaseModel

from pipeline.errors import PipelineError
from pipeline.query.timeline import lineage_codes
from pipeline.store.timeline import Timeline

HIGHLIGHT = ("[", "]")
SNIPPET_WORDS = 16
# FTS5 nests one node per word of a query, up to a depth of 1000, and slows with the square of
# the words (5,000 took 40 s on the corpus); no one types more than this many to find a sentence.
MAX_QUERY_WORDS = 64
# The largest LIMIT SQLite takes (a 64-bit integer); a larger --limit means "all of them".
SQLITE_MAX_INT = 2**63 - 1


class Hit(BaseModel):
    kind: str
    authority: str | None
    date: str | None
    detail: str | None
    snippet: str
    source: str


def fts_query(text: str) -> str:
    """User words as FTS5 phrases, each once, so punctuation in a query is never FTS syntax."""
    words = list(dict.fromkeys(re.findall(r"[\w’'-]+", text)))
    if len(words) > MAX_QUERY_WORDS:
        shown = text if len(text) <= 60 else text[:59] + "…"
        raise PipelineError(shown, f"too many words to search for ({len(words)}); use at most {MAX_QUERY_WORDS}")
    return " ".join('"' + w.replace('"', "") + '"' for w in words)


def search(timeline: Timeline, query: str, authority: str | None = None, kind: str | None = None,
           since: str | None = None, until: str | None = None, limit: int = 50) -> list[Hit]:
    """Best matches first. Each index is asked for its own top hits by FTS5's rank (which it can
    answer without scoring every match); snippets are made for those rows only."""
    match = fts_query(query)
    if not match or limit < 1:
        return []
    codes = lineage_codes(timeline, authority) if authority else None
    filtered = bool(codes or since or until)
    # With filters, more candidates are fetched so that enough survive them.
    fetch = min(limit * (50 if filtered else 1), SQLITE_MAX_INT)
    hits: list[tuple[float, Hit]] = []
    for table, label, detail in (("judgements", "judgement", "f.area || ': ' || f.rating"),
                                 ("actions", "action", "f.kind || ' (' || f.status || ')'")):
        if kind not in (None, label):
            continue
        where, params = _filters("f.gss", codes, "f.date", since, until)
        sql = f"""
            select t.rank, '{label}' as kind, f.authority, f.date, {detail} as detail, t.snippet, d.source
            from (select rowid, rank, snippet({table}_fts, 0, '{HIGHLIGHT[0]}', '{HIGHLIGHT[1]}', '…', {SNIPPET_WORDS}) as snippet
                  from {table}_fts where {table}_fts match ? order by rank limit ?) t
            join {table} f on f.rowid = t.rowid join documents d on d.id = f.document_id
            {where}"""
        hits += _rows(timeline, sql, [match, fetch, *params])
    if kind in (None, "document"):
        gss_filter = "d.id in (select document_id from document_authorities where gss in ({}))"
        where, params = _filters(gss_filter if codes else None, codes, "d.published", since, until)
        sql = f"""
            select t.rank, 'document' as kind, null as authority, d.published as date, d.title as detail, t.snippet, d.source
            from (select rowid, rank, snippet(documents_fts, 1, '{HIGHLIGHT[0]}', '{HIGHLIGHT[1]}', '…', {SNIPPET_WORDS}) as snippet
                  from documents_fts where documents_fts match ? order by rank limit ?) t
            join documents d on d.rowid = t.rowid
            {where}"""
        hits += _rows(timeline, sql, [match, fetch, *params])
    return [hit for _, hit in sorted(hits, key=lambda pair: pair[0])[:limit]]


def _filters(gss_column: str | None, codes: list[str] | None, date_column: str, since: str | None,
             until: str | None) -> tuple[str, list[str]]:
    clauses, params = [], []
    if codes and gss_column:
        marks = ",".join("?" for _ in codes)
        clauses.append(gss_column.format(marks) if "{}" in gss_column else f"{gss_column} in ({marks})")
        params += codes
    if since:
        clauses.append(f"substr({date_column}, 1, {len(since)}) >= ?")
        params.append(since)
    if until:
        clauses.append(f"substr({date_column}, 1, {len(until)}) <= ?")
        params.append(until)
    return ("where " + " and ".join(clauses)) if clauses else "", params


def _rows(timeline: Timeline, sql: str, params: list[object]) -> list[tuple[float, Hit]]:
    return [(row.pop("rank"), Hit.model_construct(**row)) for row in timeline.db.query(sql, params)]
