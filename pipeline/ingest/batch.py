"""The work on one batch of sources, from bytes to records: read, parse, skip the unchanged, extract.

It touches the database only to read, through its own read-only connection, so the same
function runs in the ingesting process or in a worker process; the ingesting process alone
writes what comes back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import TypeVar

from pipeline.errors import FetchError, PipelineError
from pipeline.fetch import read_source
from pipeline.ingest.extraction import extract_documents
from pipeline.parse import parse_document
from pipeline.records import DocumentRecord, IngestFailure, ParsedDocument, RawDocument
from pipeline.store.timeline import document_id

# Bump when extraction changes what it produces: `timeline reextract` and re-ingest redo such documents.
EXTRACTOR_VERSION = "0.3.0"


T = TypeVar("T")


@dataclass(frozen=True)
class Job:
    """One source to ingest. ``raw`` is None for a local file, which the worker reads itself so that
    file contents never pass through the ingesting process twice."""

    source: str
    raw: RawDocument | None = None
    force: bool = False


@dataclass(frozen=True)
class Extracted:
    parsed: ParsedDocument
    record: DocumentRecord
    raw: bytes


@dataclass(frozen=True)
class Unchanged:
    source: str


@dataclass(frozen=True)
class Failed:
    failure: IngestFailure


Outcome = Extracted | Unchanged | Failed


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def process_batch(jobs: list[Job], db_path: str, published: str | None = None, batch_size: int = 16,
                  done: Callable[[str], None] | None = None) -> list[Outcome]:
    """One outcome per job, in the jobs' order; a bad source becomes a Failed, never an exception.
    ``done`` (in this process only) hears of each source as soon as its outcome is known, so a
    progress bar moves per document, not per batch."""
    tell = done or (lambda _source: None)
    outcomes: list[Outcome | None] = []
    ready: list[tuple[int, ParsedDocument, RawDocument]] = []
    for job in jobs:
        try:
            raw = job.raw if job.raw is not None else read_source(job.source)
            if published:
                raw.meta.setdefault("published", published)
            parsed = parse_document(raw)
        except PipelineError as err:
            outcomes.append(_failed(err, "fetch" if isinstance(err, FetchError) else "parse"))
            tell(job.source)
            continue
        except Exception as err:  # noqa: BLE001 - a parser bug fails this source alone, in one line
            outcomes.append(_failed(PipelineError(job.source, f"could not be parsed ({_one_line(err)}); please report this as a bug"), "parse"))
            tell(job.source)
            continue
        if not job.force and is_unchanged(db_path, parsed):
            outcomes.append(Unchanged(job.source))
            tell(job.source)
            continue
        ready.append((len(outcomes), parsed, raw))
        outcomes.append(None)
    records = _extract_all([parsed for _, parsed, _ in ready], batch_size, tell)
    for (index, parsed, raw), record in zip(ready, records, strict=True):
        outcomes[index] = Extracted(parsed, record, raw.data) if isinstance(record, DocumentRecord) else record
    return [o for o in outcomes if o is not None]


def _extract_all(documents: list[ParsedDocument], batch_size: int, tell: Callable[[str], None]) -> list[DocumentRecord | Failed]:
    """Records for the batch, each told as spaCy finishes it. Should extraction fail on the batch,
    each document is tried alone, so the one that breaks it fails by itself, in one line, and the
    others are still stored."""
    records: list[DocumentRecord | Failed] = []
    try:
        for record in extract_documents(documents, batch_size):
            records.append(record)
            tell(record.source)
        return records
    except Exception:  # noqa: BLE001 - whatever it was, the documents are retried one by one
        told = len(records)
        records = []
        for number, parsed in enumerate(documents):
            records.append(_extract_one(parsed))
            if number >= told:
                tell(parsed.source)
        return records


def _extract_one(parsed: ParsedDocument) -> DocumentRecord | Failed:
    try:
        return next(extract_documents([parsed], 1))
    except PipelineError as err:
        return _failed(PipelineError(parsed.source, err.reason), "extract")
    except Exception as err:  # noqa: BLE001 - a bug in extraction must not stop the run
        return _failed(PipelineError(parsed.source, f"extraction failed ({_one_line(err)}); please report this as a bug"), "extract")


def _one_line(err: Exception) -> str:
    return f"{type(err).__name__}: {' '.join(str(err).split())[:200]}"


def _failed(err: PipelineError, stage: str) -> Failed:
    return Failed(IngestFailure(source=err.source, stage=stage, reason=err.reason))


def is_unchanged(db_path: str, parsed: ParsedDocument) -> bool:
    """Stored already, by this extractor and with the same publication date: nothing to redo."""
    row = _reader(db_path).execute("select extractor, published from documents where id = ?", [document_id(parsed.text)]).fetchone()
    return row is not None and row[0] == EXTRACTOR_VERSION and row[1] == parsed.published


@lru_cache(maxsize=8)
def _reader(db_path: str) -> sqlite3.Connection:
    """A read-only connection per process: it sees every committed batch and can never write."""
    uri = Path(db_path).resolve().as_uri() + "?mode=ro"
    return sqlite3.connect(uri, uri=True, timeout=60, check_same_thread=False)


def close_readers() -> None:
    """Close this process's read-only connections, so the writer's close can fold the WAL away."""
    _reader.cache_clear()


# A page small enough to cost nothing, with what the stages initialise on first use: HTML main
# text, a publication date, an authority, a grade, a measure, a relative date.
WARM_UP_PAGE = (b"<html><head><title>Warm-up</title><meta name='date' content='2016-03-04'></head><body><article>"
                b"<p>On 3 March 2016 Ofsted rated Kent County Council's children's services good. The minister "
                b"lifted its improvement notice last week, said Jane Smith, director of children's services.</p>"
                b"</article></body></html>")


def warm_up() -> None:
    """Load the spaCy pipeline and gazetteer, and run one small page through parsing and
    extraction, so that what they initialise on first use (the date parser's language data, the
    HTML extractor, the lemmatizer's cache) is ready before the first batch; a worker that cannot
    load them fails at once."""
    from pipeline.extract.nlp import default_nlp
    from pipeline.gazetteer import default_gazetteer

    default_nlp()
    default_gazetteer()
    next(extract_documents([parse_document(RawDocument(source="warm-up.html", data=WARM_UP_PAGE))]))
