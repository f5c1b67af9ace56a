"""Full-text search over evidence sentences and document text, with highlighted snippets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.errors import PipelineError
from pipeline.query.plain import Plain
from pipeline.query.text import csv_text, spreadsheet_cell
from pipeline.query.timeline import lineage_codes
from pipeline.store.timeline import Timeline

HIGHLIGHT = ("[", "]")
SNIPPET_WORDS = 16
# FTS5 nests one node per word of a query, up to a depth of 1000, and slows with the square of
# the words (5,000 took 40 s on the corpus); no one types more than this many to find a sentence.
MAX_QUERY_WORDS = 64
# The largest LIMIT SQLite takes (a 64-bit integer); a larger --limit means "all of them".
SQLITE_MAX_INT = 2**63 - 1
# The FTS5 tables use the default tokenizer, which does not stem (migration 3), so the query does:
# a bare word loses one common English ending and is asked for as a prefix, so that "commissioner"
# finds "commissioners" (13 documents of the corpus instead of 10) and "inspected" finds
# "inspection". Quoted phrases stay exact.
INFLECTIONS = ("ings", "ing", "ies", "ied", "es", "ed", "s")
# Shorter words are matched whole and no ending is cut below this length. Swept 3, 4 and 5 on the
# corpus's document index (fts5vocab): a stem of the minimum length, as a prefix, matches 3.2 indexed
# words on average at 3 ("act*": action, activity), 2.1 at 4 and 1.6 at 5, but 5 would leave
# four-letter words whole, so that "area" and "plan" missed "areas" and "plans".
MIN_STEM_CHARS = 4
WORD = re.compile(r"[\w’'-]+")
# A phrase in double quotes, or a word (letters, digits, apostrophes and hyphens).
QUERY_PART = re.compile(r'"([^"]*)"|(' + WORD.pattern + ")")
CSV_COLUMNS = ("date", "kind", "authority", "detail", "snippet", "source")


@dataclass
class Hit(Plain):
    kind: str
    authority: str | None
    date: str | None
    detail: str | None
    snippet: str
    source: str


def fts_query(text: str) -> str:
    """User words as an FTS5 query: a phrase in double quotes must appear as written, and a bare
    word matches its inflections. Every word goes to FTS5 inside double quotes (which no word can
    hold), so punctuation in a query is never FTS syntax; each phrase and word is asked for once."""
    terms: dict[str, int] = {}  # FTS5 term -> the words in it
    for match in QUERY_PART.finditer(text):
        phrase = match[1]
        words = _words(phrase if phrase is not None else match[2])
        if words:
            terms['"' + " ".join(words) + '"' if phrase is not None else _word_term(words[0])] = len(words)
    count = sum(terms.values())
    if count > MAX_QUERY_WORDS:
        raise PipelineError(shortened(text), f"too many words to search for ({count}); use at most {MAX_QUERY_WORDS}")
    return " ".join(terms)


def _words(text: str) -> list[str]:
    """The words of ``text`` that hold a letter or digit, without the quotes and hyphens at their edges."""
    words = (w.strip("’'-") for w in WORD.findall(text))
    return [w for w in words if any(ch.isalnum() for ch in w)]


def _word_term(word: str) -> str:
    """A bare word as its stem and a prefix; a short word, or one with digits or inner punctuation, as written."""
    if not word.isalpha() or len(word) < MIN_STEM_CHARS:
        return f'"{word}"'
    return f'"{stem(word)}"*'


def stem(word: str) -> str:
    """``word`` without one common English ending, kept at least MIN_STEM_CHARS long; "status" and
    "analysis" keep their final s."""
    lower = word.lower()
    for ending in INFLECTIONS:
        base = lower[: -len(ending)]
        if lower.endswith(ending) and len(base) >= MIN_STEM_CHARS and not (ending == "s" and base.endswith(("s", "u", "i"))):
            return word[: len(base)]
    return word


def shortened(text: str, width: int = 60) -> str:
    """A query as an error or a note shows it: long ones cut, so the line stays one line."""
    return text if len(text) <= width else text[: width - 1] + "…"


def no_hits_note(query: str, filters: list[str]) -> str:
    """Why a search found nothing, and what to try, in one line; ``filters`` names the options given."""
    if not fts_query(query):
        return f"nothing to search for in {shortened(query)!r}; give words, or a phrase in double quotes"
    if filters:
        return f"no matches for {shortened(query)!r} with {', '.join(filters)}; try without them, fewer words or a word's stem"
    return f"no matches for {shortened(query)!r}; try fewer words or a word's stem"


def hits_csv(hits: list[Hit]) -> str:
    """The table's columns as CSV (RFC 4180: a header row, fields quoted when they need it, CRLF)."""
    rows = ([h.date or "", h.kind, h.authority or "", h.detail or "", " ".join(h.snippet.split()), h.source] for h in hits)
    return csv_text(CSV_COLUMNS, ([spreadsheet_cell(cell) for cell in row] for row in rows))


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
    if since or until:  # a date without a year ("XXXX-06-23") cannot be placed in a range
        clauses.append(f"{date_column} not like 'X%'")
    if since:
        clauses.append(f"substr({date_column}, 1, {len(since)}) >= ?")
        params.append(since)
    if until:
        clauses.append(f"substr({date_column}, 1, {len(until)}) <= ?")
        params.append(until)
    return ("where " + " and ".join(clauses)) if clauses else "", params


def _rows(timeline: Timeline, sql: str, params: list[object]) -> list[tuple[float, Hit]]:
    return [(row.pop("rank"), Hit.model_construct(**row)) for row in timeline.db.query(sql, params)]
