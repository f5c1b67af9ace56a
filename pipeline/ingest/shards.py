"""Extraction without a database, as JSON Lines shards, and loading shards into the timeline.

Extraction is a pure function from a source to its record, so it can run anywhere (another
machine, a cluster's workers) and be gathered later: ``extract_shards`` writes each document's
full record — what ``ingest`` stores: the parsed document, the spec record, the raw bytes as read
with their SHA-256, the extractor version — one JSON object per line, ``SHARD_SIZE`` documents
per shard, and failures to ``failures.jsonl``. ``load_shards`` stores them in batches, one
transaction each; loading the same shards again changes nothing, as ingesting the same document
again changes nothing.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path

from pydantic import BaseModel

from pipeline.errors import PipelineError, StoreError
from pipeline.fetch.http import HttpFetcher, is_url
from pipeline.ingest.batch import EXTRACTOR_VERSION, Extracted, Failed, Job, batched, process_batch
from pipeline.records import DocumentRecord, IngestFailure, ParsedDocument
from pipeline.store.timeline import Timeline

# Documents per shard: a few megabytes of JSON for news pages, tens for long reports.
SHARD_SIZE = 500
FAILURES = "failures.jsonl"


class ShardLine(BaseModel):
    """One document of a shard: everything ``ingest`` would store for it."""

    source: str
    parsed: ParsedDocument
    record: DocumentRecord
    raw: str  # base64 of the bytes as read or fetched
    raw_sha256: str
    extractor: str


class ShardReport(BaseModel):
    written: int = 0
    shards: list[str] = []
    failures: list[IngestFailure] = []


class LoadReport(BaseModel):
    stored: int = 0
    failures: list[IngestFailure] = []


class ShardWriter:
    """Lines in, shards of ``shard_size`` out, in order; failures kept for ``failures.jsonl``."""

    def __init__(self, out: Path, shard_size: int) -> None:
        out.mkdir(parents=True, exist_ok=True)
        self.out, self.shard_size = out, shard_size
        self.report = ShardReport()
        self.lines: list[str] = []

    def add(self, line: str) -> None:
        self.lines.append(line)
        if len(self.lines) >= self.shard_size:
            self._flush()

    def fail(self, failure: IngestFailure) -> None:
        self.report.failures.append(failure)

    def close(self) -> ShardReport:
        self._flush()
        (self.out / FAILURES).write_text("".join(f.model_dump_json() + "\n" for f in self.report.failures), encoding="utf-8")
        return self.report

    def _flush(self) -> None:
        """A shard appears whole or not at all (written beside, then renamed)."""
        if not self.lines:
            return
        path = self.out / f"shard-{len(self.report.shards):05d}.jsonl"
        temporary = path.with_suffix(".jsonl.tmp")
        temporary.write_text("".join(self.lines), encoding="utf-8")
        temporary.replace(path)
        self.report.shards.append(path.name)
        self.report.written += len(self.lines)
        self.lines = []


def extract_shards(sources: list[str], out: Path, published: str | None = None, batch_size: int = 16,
                   shard_size: int = SHARD_SIZE, done: Callable[[str], None] | None = None) -> ShardReport:
    """Parse and extract ``sources`` (paths or URLs) into shards under ``out``; no database."""
    writer = ShardWriter(out, shard_size)
    with HttpFetcher() as fetcher:
        for batch in batched(sources, batch_size):
            jobs = []
            for source in batch:
                if not is_url(source):
                    jobs.append(Job(source, force=True))
                    continue
                try:
                    fetched = fetcher.fetch(source).document
                except PipelineError as err:
                    writer.fail(IngestFailure(source=err.source, stage="fetch", reason=err.reason))
                    continue
                if fetched is not None:
                    jobs.append(Job(source, fetched, force=True))
            for outcome in process_batch(jobs, db_path="", published=published, batch_size=batch_size, done=done):
                if isinstance(outcome, Extracted):
                    writer.add(shard_line(outcome))
                elif isinstance(outcome, Failed):
                    writer.fail(outcome.failure)
    return writer.close()


def shard_line(outcome: Extracted) -> str:
    line = ShardLine(source=outcome.parsed.source, parsed=outcome.parsed, record=outcome.record,
                     raw=base64.b64encode(outcome.raw).decode("ascii"), raw_sha256=hashlib.sha256(outcome.raw).hexdigest(),
                     extractor=EXTRACTOR_VERSION)
    return line.model_dump_json() + "\n"


def shard_lines(folder: Path) -> Iterator[ShardLine]:
    """Every document of every shard in ``folder``, in shard order; a line that is not a shard
    line, or whose raw bytes do not match their hash, is an error naming the shard and line."""
    shards = sorted(folder.glob("shard-*.jsonl"))
    if not shards:
        raise StoreError(str(folder), "no shards here (shard-*.jsonl); run `timeline extract --out` first")
    for shard in shards:
        with shard.open(encoding="utf-8") as handle:
            for number, text in enumerate(handle, 1):
                if not text.strip():
                    continue
                try:
                    line = ShardLine.model_validate_json(text)
                except ValueError as err:
                    raise StoreError(f"{shard}:{number}", f"not a shard line ({str(err).splitlines()[0]})") from None
                if hashlib.sha256(base64.b64decode(line.raw)).hexdigest() != line.raw_sha256:
                    raise StoreError(f"{shard}:{number}", "raw bytes do not match their SHA-256; extract again")
                yield line


def load_shards(folder: Path, timeline: Timeline, batch_size: int = 64, done: Callable[[str], None] | None = None) -> LoadReport:
    """Store the shards' documents in batches (one transaction each) and record their failures."""
    report = LoadReport()
    batch: list[ShardLine] = []

    def store() -> None:
        saved = timeline.save_many(((line.parsed, line.record, base64.b64decode(line.raw)) for line in batch), batch[0].extractor)
        for line, result in zip(batch, saved, strict=True):
            if isinstance(result, StoreError):
                report.failures.append(IngestFailure(source=line.source, stage="store", reason=result.reason))
            else:
                report.stored += 1
            if done is not None:
                done(line.source)

    for line in shard_lines(folder):
        batch.append(line)
        if len(batch) >= batch_size:
            store()
            batch = []
    if batch:
        store()
    failures = folder / FAILURES
    if failures.exists():
        for text in failures.read_text(encoding="utf-8").splitlines():
            if text.strip():
                failure = IngestFailure.model_validate(json.loads(text))
                timeline.record_failure(failure)
                report.failures.append(failure)
    return report
