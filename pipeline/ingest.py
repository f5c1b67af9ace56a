"""Ingest: fetch, parse, extract and store many sources; a bad one is recorded and skipped.

Local paths and URLs are both sources. URLs go through the polite fetcher and are saved with
their validators, so ``update`` asks each server only for what changed; feeds and sitemaps are
saved too and expand to their items. Re-ingesting an unchanged document changes nothing.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from pipeline.errors import FetchError, PipelineError
from pipeline.extract import extract_documents
from pipeline.fetch import expand_sources, read_source
from pipeline.fetch.feeds import feed_kind, item_urls
from pipeline.fetch.http import HttpFetcher, is_url
from pipeline.parse import parse_document
from pipeline.records import IngestFailure, ParsedDocument, RawDocument
from pipeline.store.timeline import Timeline, document_id, now

LOGGER = logging.getLogger(__name__)
# Bump when extraction changes what it produces: `timeline reextract` and re-ingest redo such documents.
EXTRACTOR_VERSION = "0.3.0"
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
    report: IngestReport = field(default_factory=IngestReport)
    _batch: list[tuple[ParsedDocument, RawDocument]] = field(default_factory=list)

    def http(self) -> HttpFetcher:
        if self.fetcher is None:
            self.fetcher = HttpFetcher()
        return self.fetcher

    def run(self, sources: Iterable[str]) -> IngestReport:
        for source in sources:
            self.one(source)
        self.flush()
        return self.report

    def one(self, source: str, force: bool = False) -> None:
        try:
            raw = self._fetch(source) if is_url(source) else read_source(source)
            if raw is None:
                self.report.unchanged.append(source)
                return self._tick(source)
            if self.published:
                raw.meta.setdefault("published", self.published)
            parsed = parse_document(raw)
        except PipelineError as err:
            self.fail(err, "fetch" if isinstance(err, FetchError) else "parse")
            return self._tick(source)
        if not force and self._unchanged(parsed):
            self.report.unchanged.append(source)
            return self._tick(source)
        self.queue(parsed, raw)

    def queue(self, parsed: ParsedDocument, raw: RawDocument) -> None:
        """Hold a parsed document for extraction; a full batch goes through spaCy at once."""
        self._batch.append((parsed, raw))
        if len(self._batch) >= self.batch_size:
            self.flush()

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

    def _unchanged(self, parsed: ParsedDocument) -> bool:
        row = self.timeline.db.execute(
            "select extractor, published from documents where id = ?", [document_id(parsed.text)]
        ).fetchone()
        return row is not None and row[0] == EXTRACTOR_VERSION and row[1] == parsed.published

    def flush(self) -> None:
        if not self._batch:
            return
        batch, self._batch = self._batch, []
        try:
            records = list(extract_documents([p for p, _ in batch], self.batch_size))
        except PipelineError as err:
            for parsed, _ in batch:
                self.fail(PipelineError(parsed.source, err.reason), "extract")
            return
        for (parsed, raw), record in zip(batch, records, strict=True):
            try:
                doc_id = self.timeline.save(parsed, record, raw.data, EXTRACTOR_VERSION)
                if is_url(parsed.source):
                    self.timeline.save_source(parsed.source, "page", document_id=doc_id)
                self.report.stored.append(parsed.source)
            except PipelineError as err:
                self.fail(err, "store")
            self._tick(parsed.source)

    def fail(self, err: PipelineError, stage: str) -> None:
        failure = IngestFailure(source=err.source, stage=stage, reason=err.reason)
        self.report.failures.append(failure)
        LOGGER.warning("%s", err)
        self.timeline.record_failure(failure)

    def _tick(self, source: str) -> None:
        if self.progress is not None:
            self.progress(source)


def ingest(
    inputs: Iterable[str],
    timeline: Timeline,
    published: str | None = None,
    progress: Progress = None,
    batch_size: int = 16,
    feeds: Iterable[str] = (),
    fetcher: HttpFetcher | None = None,
) -> IngestReport:
    """Ingest paths, folders, globs and URLs, plus the items of any feeds or sitemaps given."""
    ingestor = Ingestor(timeline, published, progress, batch_size, fetcher)
    sources = expand_sources(inputs)
    for feed in feeds:
        sources += [url for url in ingestor.feed(feed, "feed") if url not in sources]
    return ingestor.run(sources)


def update(timeline: Timeline, progress: Progress = None, fetcher: HttpFetcher | None = None) -> IngestReport:
    """Poll every saved feed, sitemap and page again; ingest only what is new or changed."""
    ingestor = Ingestor(timeline, progress=progress, fetcher=fetcher)
    urls = [s["url"] for s in timeline.sources(("page",)) if s["url"]]
    for feed in timeline.sources(("feed", "sitemap")):
        urls += [u for u in ingestor.feed(str(feed["url"]), str(feed["kind"])) if u not in urls]
    return ingestor.run(urls)


def reextract(timeline: Timeline, progress: Progress = None) -> IngestReport:
    """Run extraction again on every stored document's raw bytes and replace its facts."""
    ingestor = Ingestor(timeline, progress=progress)
    for _doc_id, source, url, raw in list(timeline.stored_raw()):
        if raw is None:
            continue
        try:
            parsed = parse_document(RawDocument(source=source, data=raw, url=url))
        except PipelineError as err:
            ingestor.fail(err, "parse")
            continue
        ingestor.queue(parsed, RawDocument(source=source, data=raw, url=url))
    ingestor.flush()
    return ingestor.report
