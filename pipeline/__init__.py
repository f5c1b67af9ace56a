"""A document-ingestion pipeline that turns press notices and inspection reports about English
children's services into a cited, queryable SQLite timeline.

    from pipeline import open_timeline, run_ingest
    timeline = open_timeline("outputs/timeline.db")
    report = run_ingest(["corpus/documents"], timeline)

The names below are imported when first used, not with the package: a query command
(`timeline show`) never needs the ingest stack (trafilatura, pdfplumber, spaCy), and importing
it would make every query start slowly. (The ingest function is ``run_ingest`` here, because
``pipeline.ingest`` is also the name of its subpackage.)
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {
    "ExtractionError": "pipeline.errors",
    "FetchError": "pipeline.errors",
    "ParseError": "pipeline.errors",
    "PipelineError": "pipeline.errors",
    "StoreError": "pipeline.errors",
    "IngestReport": "pipeline.ingest",
    "run_ingest": "pipeline.ingest",
    "extract_document": "pipeline.ingest.extraction",
    "extract_documents": "pipeline.ingest.extraction",
    "open_timeline": "pipeline.store",
    "records": "pipeline.records",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
    module = import_module(_WHERE[name])
    value = module if name == "records" else getattr(module, "ingest" if name == "run_ingest" else name)
    globals()[name] = value
    return value
