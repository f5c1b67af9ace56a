"""A document-ingestion pipeline that turns press notices and inspection reports about English
children's services into a cited, queryable SQLite timeline.

    from pipeline import ingest, open_timeline
    timeline = open_timeline("outputs/timeline.db")
    report = ingest(["corpus/documents"], timeline)
"""

from pipeline import records
from pipeline.errors import ExtractionError, FetchError, ParseError, PipelineError, StoreError
from pipeline.ingest import IngestReport, ingest
from pipeline.ingest.extraction import extract_document, extract_documents
from pipeline.store import open_timeline

__all__ = [
    "ExtractionError",
    "FetchError",
    "IngestReport",
    "ParseError",
    "PipelineError",
    "StoreError",
    "extract_document",
    "extract_documents",
    "ingest",
    "open_timeline",
    "records",
]
