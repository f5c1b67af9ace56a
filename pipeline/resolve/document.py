"""A parsed document and its spaCy Doc to the spec's record."""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.gazetteer import Gazetteer
from pipeline.records import DateRecord, DocumentRecord, ParsedDocument
from pipeline.resolve.actions import action_records
from pipeline.resolve.authorities import authority_records, mentioned_authorities, reported_authority, subject_authority
from pipeline.resolve.context import DocumentContext
from pipeline.resolve.dates import DateResolver, future_clause
from pipeline.resolve.judgements import judgement_records
from pipeline.resolve.people import person_records
from pipeline.resolve.topic import about_childrens_services


def date_records(doc: Doc, published: str | None) -> list[DateRecord]:
    resolver = DateResolver(published)
    records = []
    text = doc.text  # built from the tokens on every access, so read once
    for span in doc.spans["dates"]:
        before = text[max(0, span.start_char - 80) : span.start_char]
        records.append(DateRecord(text=span.text, value=resolver.resolve(span.text, before, future_clause(span)), start=span.start_char, end=span.end_char))
    return records


def document_record(parsed: ParsedDocument, doc: Doc, gazetteer: Gazetteer) -> DocumentRecord:
    dates = date_records(doc, parsed.published)
    span_values = list(zip(doc.spans["dates"], [d.value for d in dates], strict=True))
    on = parsed.published
    mentions = mentioned_authorities(doc.spans["authorities"], gazetteer, on)
    subject = reported_authority(parsed.report, gazetteer, on) or subject_authority(mentions)
    ctx = DocumentContext(doc=doc, published=on, mentions=mentions, subject=subject, date_values=span_values,
                          gazetteer_kinds={name: g.kind for name, g in gazetteer.groupings.items()}, report=parsed.report)
    judgements = judgement_records(ctx)
    actions = action_records(ctx)
    # A page about something else (a list of MPs, a football report) is kept, but its places and
    # names are not the record's authorities and people. A grade or a measure found by its cues
    # makes a page about children's services whatever its words.
    on_topic = bool(judgements or actions) or about_childrens_services(f"{parsed.title or ''}\n{parsed.text}")
    return DocumentRecord(
        source=parsed.source,
        url=parsed.url,
        title=parsed.title,
        published=parsed.published,
        authorities=authority_records(mentions) if on_topic else [],
        people=person_records(list(doc.spans["people"]), gazetteer, on) if on_topic else [],
        judgements=judgements,
        actions=actions,
        dates=dates,
    )
