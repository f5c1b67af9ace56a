"""Authority spans to the authorities they name, in force at the date the document speaks of."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Span

from pipeline.gazetteer import Authority, Gazetteer
from pipeline.records import AuthorityRecord, ReportFacts


def authorities_of_span(span: Span, gazetteer: Gazetteer, on: str | None) -> list[Authority]:
    """One authority for a name; every member for a grouping, trust or company."""
    if span.label_ == "GROUPING":
        return gazetteer.members(span.id_, on) or gazetteer.members(span.id_)
    found = gazetteer.resolve(span.text, on) or gazetteer.resolve(span.id_, on)
    return [found] if found else []


def mentioned_authorities(spans: Iterable[Span], gazetteer: Gazetteer, on: str | None) -> list[tuple[Span, Authority]]:
    return [(span, authority) for span in spans for authority in authorities_of_span(span, gazetteer, on)]


def reported_authority(report: ReportFacts | None, gazetteer: Gazetteer, on: str | None) -> Authority | None:
    """The authority an inspection report's front page names: the report is about it, however
    often its text names others."""
    if report is None or report.authority is None:
        return None
    return gazetteer.resolve(report.authority, on)


def subject_authority(mentions: list[tuple[Span, Authority]]) -> Authority | None:
    """The authority a document is about: the one council its title names, else the most mentioned,
    the earliest on a tie.

    Used for facts whose sentence names no authority ("The council has received …"); a document
    that names several authorities equally often has no subject.
    """
    if not mentions:
        return None
    doc = mentions[0][0].doc
    title_end = next(iter(doc.sents)).end
    in_title = {a.gss: a for span, a in mentions if span.end <= title_end and span.label_ != "GROUPING"}
    if len(in_title) == 1:
        return next(iter(in_title.values()))
    counts = Counter(a.gss for _, a in mentions)
    ranked = counts.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        first = {a.gss: span.start for span, a in reversed(mentions)}
        tied = [g for g, n in ranked if n == ranked[0][1]]
        # A tie is broken by the title or first line only; otherwise the subject is unclear.
        earliest = min(tied, key=lambda g: first[g])
        if first[earliest] > 60:
            return None
        return next(a for _, a in mentions if a.gss == earliest)
    return next(a for _, a in mentions if a.gss == ranked[0][0])


def authority_records(mentions: list[tuple[Span, Authority]]) -> list[AuthorityRecord]:
    seen: dict[str, AuthorityRecord] = {}
    for _, authority in mentions:
        seen.setdefault(authority.gss, AuthorityRecord(name=authority.name, gss=authority.gss))
    return list(seen.values())
