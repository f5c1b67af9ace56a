"""Ingest: fetch, parse, extract and store many sources; a bad one is recorded and skipped.

Local paths and URLs are both sources. URLs go through the polite fetcher here, in the one
process that keeps the per-host rate limit, and are saved with their validators, so ``update``
asks each server only for what changed; feeds and sitemaps are saved too and expand to their
items. Sources go in batches to ``run_batches`` (this process or worker processes); each
batch's results are written in one transaction. Re-ingesting an unchanged document changes
nothing, and a run killed part-way loses only the batch in flight, which the next run redoes.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from pipeline.errors import PipelineError, StoreError
from pipeline.fetch import expand_sources
from pipeline.fetch.feeds import feed_kind, item_urls
from pipeline.fetch.http import HttpFetcher, is_url
from pipeline.ingest.batch import EXTRACTOR_VERSION, Extracted, Failed, Job, Outcome, Unchanged, close_readers
from pipeline.ingest.workers import run_batches
from pipeline.records import IngestFailure, RawDocument
from pipeline.store.timeline import Timeline, now

LOGGER = logging.getLogger(__name__)
Progress = Callable[[str], None] | None


@dataclass
class IngestReport:
    stored: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failures: list[IngestFailure] = field(default_factory=list)


@dataclass
class Ingestor:
    timeline: Timeline
    published: str | None = None
    progress: Progress = None
    batch_size: int = 16
    fetcher: HttpFetcher | None = None
    workers: int = 1
    report: IngestReport = field(default_factory=IngestReport)

    def http(self) -> HttpFetcher:
        if self.fetcher is None:
            self.fetcher = HttpFetcher()
        return self.fetcher

    def run(self, sources: Iterable[str]) -> IngestReport:
        return self.run_jobs(job for job in map(self._job, sources) if job is not None)

    def run_jobs(self, jobs: Iterable[Job]) -> IngestReport:
        batches = _batched(jobs, self.batch_size)
        try:
            for outcomes in run_batches(batches, str(self.timeline.path), self.published, self.batch_size, self.workers):
                self._store(outcomes)
        finally:
            close_readers()
        return self.report

    def _job(self, source: str) -> Job | None:
        """A local file goes as its path; a URL is fetched here, or dropped when it has not changed."""
        if not is_url(source):
            return Job(source)
        try:
            raw = self._fetch(source)
        except PipelineError as err:
            self.fail(err, "fetch")
            return None
        if raw is None:
            self.report.unchanged.append(source)
            self._tick(source)
            return None
        return Job(source, raw)

    def _fetch(self, url: str) -> RawDocument | None:
        """The page's bytes, or None when the server or the content hash says nothing changed."""
        known = self.timeline.source(url) or {}
        result = self.http().fetch(url, known.get("etag"), known.get("last_modified"))
        if result.not_modified or result.document is None:
            self.timeline.save_source(url, "page")
            return None
        digest = hashlib.sha256(result.document.data).hexdigest()
        changed = digest != known.get("content_hash")
        fields = {"etag": result.etag, "last_modified": result.last_modified, "content_hash": digest}
        if changed:
            fields["last_changed"] = now()
        self.timeline.save_source(url, "page", **fields)
        return result.document if changed or not known.get("document_id") else None

    def feed(self, url: str, kind: str = "feed") -> list[str]:
        """Save a feed or sitemap and return the item URLs it lists now."""
        try:
            result = self.http().fetch(url)
            if result.document is None:
                return []
            items = item_urls(url, result.document.data)
            kind = feed_kind(result.document.data)
            self.timeline.save_source(url, kind, etag=result.etag, last_modified=result.last_modified)
        except PipelineError as err:
            self.fail(err, "fetch")
            return []
        LOGGER.info("%s: %d items", url, len(items))
        return items

    def _store(self, outcomes: list[Outcome]) -> None:
        """One transaction for the batch: its documents, their sources and its failures."""
        extracted = [o for o in outcomes if isinstance(o, Extracted)]
        try:
            with self.timeline.writing():
                saved = self.timeline.save_many(((o.parsed, o.record, o.raw) for o in extracted), EXTRACTOR_VERSION)
                for item, doc_id in zip(extracted, saved, strict=True):
                    if isinstance(doc_id, str) and is_url(item.parsed.source):
                        self.timeline.save_source(item.parsed.source, "page", document_id=doc_id)
                for outcome in outcomes:
                    if isinstance(outcome, Failed):
                        self._record(outcome.failure)
        except PipelineError as err:
            saved = [StoreError(err.source, err.reason)] * len(extracted)
        for item, doc_id in zip(extracted, saved, strict=True):
            if isinstance(doc_id, PipelineError):
                self.fail(PipelineError(item.parsed.source, doc_id.reason), "store")
            else:
                self.report.stored.append(item.parsed.source)
        for outcome in outcomes:
            if isinstance(outcome, Unchanged):
                self.report.unchanged.append(outcome.source)
            elif isinstance(outcome, Failed):
                self._note(outcome.failure)
        for outcome in outcomes:
            self._tick(_source_of(outcome))

    def fail(self, err: PipelineError, stage: str) -> None:
        failure = IngestFailure(source=err.source, stage=stage, reason=err.reason)
        self._note(failure)
        self._record(failure)

    def _note(self, failure: IngestFailure) -> None:
        self.report.failures.append(failure)
        LOGGER.warning("%s: %s", failure.source, failure.reason)

    def _record(self, failure: IngestFailure) -> None:
        try:
            self.timeline.record_failure(failure)
        except PipelineError as err:
            LOGGER.warning("could not record the failure of %s: %s", failure.source, err.reason)

    def _tick(self, source: str) -> None:
        if self.progress is not None:
            self.progress(source)


def _source_of(outcome: Outcome) -> str:
    if isinstance(outcome, Extracted):
        return outcome.parsed.source
    return outcome.source if isinstance(outcome, Unchanged) else outcome.failure.source


def _batched(jobs: Iterable[Job], size: int) -> Iterator[list[Job]]:
    iterator = iter(jobs)
    while batch := list(islice(iterator, size)):
        yield batch


def ingest(
    inputs: Iterable[str],
    timeline: Timeline,
    published: str | None = None,
    progress: Progress = None,
    batch_size: int = 16,
    feeds: Iterable[str] = (),
    fetcher: HttpFetcher | None = None,
    workers: int = 1,
) -> IngestReport:
    """Ingest paths, folders, globs and URLs, plus the items of any feeds or sitemaps given."""
    ingestor = Ingestor(timeline, published, progress, batch_size, fetcher, workers)
    sources = expand_sources(inputs)
    for feed in feeds:
        sources += [url for url in ingestor.feed(feed, "feed") if url not in sources]
    return ingestor.run(sources)


def update(timeline: Timeline, progress: Progress = None, fetcher: HttpFetcher | None = None, workers: int = 1) -> IngestReport:
    """Poll every saved feed, sitemap and page again; ingest only what is new or changed."""
    ingestor = Ingestor(timeline, progress=progress, fetcher=fetcher, workers=workers)
    urls = [s["url"] for s in timeline.sources(("page",)) if s["url"]]
    for feed in timeline.sources(("feed", "sitemap")):
        urls += [u for u in ingestor.feed(str(feed["url"]), str(feed["kind"])) if u not in urls]
    return ingestor.run(urls)


def reextract(timeline: Timeline, progress: Progress = None, workers: int = 1) -> IngestReport:
    """Run extraction again on every stored document's raw bytes and replace its facts."""
    ingestor = Ingestor(timeline, progress=progress, workers=workers)
    return ingestor.run_jobs(Job(raw.source, raw, force=True) for raw in timeline.stored_raw())
