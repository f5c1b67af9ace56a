"""Parsed documents to records: the extract stage (spaCy spans), then the resolve stage (facts).

The one place that runs both, so that extract never imports resolve and resolve never imports
extract. spaCy loads on the first call, not on import.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pipeline.records import DocumentRecord, ParsedDocument


def extract_documents(parsed: Iterable[ParsedDocument], batch_size: int = 16) -> Iterator[DocumentRecord]:
    """Records for many documents, parsed by spaCy in batches (``nlp.pipe``)."""
    from pipeline.extract.nlp import default_nlp
    from pipeline.extract.pieces import pipe_whole
    from pipeline.gazetteer import default_gazetteer
    from pipeline.resolve.document import document_record

    nlp = default_nlp()
    gazetteer = default_gazetteer()
    items = list(parsed)
    for item, doc in zip(items, pipe_whole(nlp, [p.text for p in items], batch_size), strict=True):
        yield document_record(item, doc, gazetteer)


def extract_document(parsed: ParsedDocument) -> DocumentRecord:
    return next(extract_documents([parsed]))
