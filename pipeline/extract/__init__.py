"""Extract: run the spaCy pipeline over parsed documents and resolve its spans into records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pipeline.records import DocumentRecord, ParsedDocument


def extract_documents(parsed: Iterable[ParsedDocument], batch_size: int = 16) -> Iterator[DocumentRecord]:
    """Records for many documents, parsed by spaCy in batches (``nlp.pipe``)."""
    from pipeline.extract.nlp import default_nlp
    from pipeline.extract.pieces import pipe_whole
    from pipeline.resolve.document import document_record
    from pipeline.resolve.gazetteer import default_gazetteer

    nlp = default_nlp()
    gazetteer = default_gazetteer()
    items = list(parsed)
    for item, doc in zip(items, pipe_whole(nlp, [p.text for p in items], batch_size), strict=True):
        yield document_record(item, doc, gazetteer)


def extract_document(parsed: ParsedDocument) -> DocumentRecord:
    return next(extract_documents([parsed]))
