"""Ingest: fetch, parse, extract and store many sources; a bad one is recorded and skipped."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from pipeline.errors import PipelineError
from pipeline.extract import extract_documents
from pipeline.fetch import expand_sources, read_source
from pipeline.parse import parse_document
from pipeline.records import IngestFailure, ParsedDocument, RawDocument
from pipeline.store.timeline import Timeline, document_id

LOGGER = logging.getLogger(__name__)
EXTRACTOR_VERSION = "0.1.0"


@dataclass
class IngestReport:
    stored: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failures: list[IngestFailure] = field(default_factory=list)


def ingest(
    inputs: Iterable[str],
    timeline: Timeline,
    published: str | None = None,
    progress: Callable[[str], None] | None = None,
    batch_size: int = 16,
) -> IngestReport:
    """Ingest every source the inputs name; re-ingesting an unchanged document changes nothing."""
    report = IngestReport()
    sources = expand_sources(inputs)
    batch: list[tuple[ParsedDocument, RawDocument]] = []
    for source in sources:
        try:
            raw = read_source(source)
            if published:
                raw.meta.setdefault("published", published)
            parsed = parse_document(raw)
        except PipelineError as err:
            _fail(timeline, report, err, "fetch" if err.__class__.__name__ == "FetchError" else "parse")
            _tick(progress, source)
            continue
        if _unchanged(timeline, parsed):
            report.unchanged.append(source)
            _tick(progress, source)
            continue
        batch.append((parsed, raw))
        if len(batch) >= batch_size:
            _flush(batch, timeline, report, progress)
    _flush(batch, timeline, report, progress)
    return report


def _unchanged(timeline: Timeline, parsed: ParsedDocument) -> bool:
    row = timeline.db.execute(
        "select extractor, published from documents where id = ?", [document_id(parsed.text)]
    ).fetchone()
    return row is not None and row[0] == EXTRACTOR_VERSION and row[1] == parsed.published


def _flush(batch: list[tuple[ParsedDocument, RawDocument]], timeline: Timeline, report: IngestReport,
           progress: Callable[[str], None] | None) -> None:
    if not batch:
        return
    parsed = [p for p, _ in batch]
    try:
        records = list(extract_documents(parsed))
    except PipelineError as err:
        for p in parsed:
            _fail(timeline, report, PipelineError(p.source, err.reason), "extract")
        batch.clear()
        return
    for (item, raw), record in zip(batch, records, strict=True):
        try:
            timeline.save(item, record, raw.data, EXTRACTOR_VERSION)
            report.stored.append(item.source)
        except PipelineError as err:
            _fail(timeline, report, err, "store")
        _tick(progress, item.source)
    batch.clear()


def _fail(timeline: Timeline, report: IngestReport, err: PipelineError, stage: str) -> None:
    failure = IngestFailure(source=err.source, stage=stage, reason=err.reason)
    report.failures.append(failure)
    LOGGER.warning("%s", err)
    timeline.record_failure(failure)


def _tick(progress: Callable[[str], None] | None, source: str) -> None:
    if progress is not None:
        progress(source)
