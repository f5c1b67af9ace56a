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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import chain

from pipeline.errors import FetchError, ParseError, PipelineError, StoreError
from pipeline.fetch import expand_sources
from pipeline.fetch.feeds import Listing, read_listing, web_url
from pipeline.fetch.http import HttpFetcher, is_url
from pipeline.ingest.batch import EXTRACTOR_VERSION, Extracted, Failed, Job, Outcome, Unchanged, batched, close_readers
from pipeline.ingest.workers import run_batches
from pipeline.records import IngestFailure, RawDocument
from pipeline.store.timeline import Timeline, now

LOGGER = logging.getLogger(__name__)
Progress = Callable[[str], None] | None
# Sitemap indexes are followed this many levels down (the index given is level 0); the protocol
# allows none nested, so 2 is already generous.
MAX_SITEMAP_DEPTH = 2
# Child sitemaps read for one feed given or saved; a large site splits 50,000 URLs per sitemap, so
# 50 children cover 2.5 million pages, far beyond any council's news section.
MAX_CHILD_SITEMAPS = 50


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

    def run(self, sources: Iterable[str], remote: Iterable[str] = ()) -> IngestReport:
        """Ingest what the user named (paths or URLs), then ``remote`` sources (feed items, saved
        pages), which are only ever fetched."""
        jobs = chain((self._job(source) for source in sources), (self._job(url, remote=True) for url in remote))
        return self.run_jobs(job for job in jobs if job is not None)

    def run_jobs(self, jobs: Iterable[Job]) -> IngestReport:
        batches = batched(jobs, self.batch_size)
        try:
            in_process = self.workers <= 1
            for outcomes in run_batches(batches, str(self.timeline.path), self.published, self.batch_size, self.workers,
                                        done=self._tick if in_process else None):
                self._store(outcomes, ticked=in_process)
        finally:
            close_readers()
        return self.report

    def _job(self, source: str, remote: bool = False) -> Job | None:
        """A local file goes as its path; a URL is fetched here, or dropped when it has not changed.

        A ``remote`` source (a feed's item, a saved page) came from a server or the database, not
        from the user, so it is only ever a URL: were it read as a path, a feed could make this
        machine store its own files.
        """
        if not is_url(source):
            if remote:
                self.fail(FetchError(source, "not an http(s) URL; feed items and saved pages are only ever fetched, never read from disk"), "fetch")
                return None
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

    def feed(self, url: str, saved: bool = False) -> list[str]:
        """Save a feed or sitemap and return the web pages it lists now, following a sitemap index
        to its child sitemaps. One that cannot be fetched or read is a failure and, unless it was
        ``saved`` before, is not saved for ``update``."""
        try:
            listing, final = self._listing(url)
        except PipelineError as err:
            note = "" if saved else "; not saved for `update`"
            self.fail(type(err)(err.source, err.reason + note), _stage(err))
            return []
        if listing is None:
            return []
        pages = self._pages(url, final, listing, 0, [MAX_CHILD_SITEMAPS])
        LOGGER.info("%s: %d items", url, len(pages))
        return list(dict.fromkeys(pages))

    def _listing(self, url: str, save: bool = True) -> tuple[Listing | None, str]:
        """The feed or sitemap at ``url`` and its final URL, saved (with its validators) when ``save``."""
        result = self.http().fetch(url)
        if result.document is None:
            return None, url
        listing = read_listing(url, result.document.data, result.document.url)
        if save:
            kind = "feed" if listing.kind == "feed" else "sitemap"
            self.timeline.save_source(url, kind, etag=result.etag, last_modified=result.last_modified)
        return listing, result.document.url or url

    def _pages(self, url: str, final: str, listing: Listing, depth: int, budget: list[int]) -> list[str]:
        """The web pages a listing names: its links, checked one by one, or a sitemap index's
        children's pages, at most ``budget[0]`` children in all and MAX_SITEMAP_DEPTH levels down."""
        links: list[str] = []
        for link in listing.links:
            try:
                links.append(web_url(final, link))
            except PipelineError as err:
                self.fail(err, "fetch")
        if listing.kind != "sitemapindex":
            return links
        if depth >= MAX_SITEMAP_DEPTH:
            self.fail(FetchError(url, f"a sitemap index {depth} levels down; sitemap indexes are followed only {MAX_SITEMAP_DEPTH} levels deep"), "fetch")
            return []
        pages: list[str] = []
        for child in links:
            if budget[0] <= 0:
                self.fail(FetchError(url, f"lists more than {MAX_CHILD_SITEMAPS} child sitemaps in all; the rest are not read"), "fetch")
                break
            budget[0] -= 1
            try:
                found, child_final = self._listing(child, save=False)
            except PipelineError as err:
                self.fail(err, _stage(err))
                continue
            if found is not None:
                pages += self._pages(child, child_final, found, depth + 1, budget)
        return pages

    def _store(self, outcomes: list[Outcome], ticked: bool = False) -> None:
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
        if not ticked:  # from worker processes: the batch's documents are done now
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


def _stage(err: PipelineError) -> str:
    return "parse" if isinstance(err, ParseError) else "fetch"


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
    items: dict[str, None] = {}
    for feed in feeds:
        items.update((url, None) for url in ingestor.feed(feed) if url not in sources)
    return ingestor.run(sources, items)


def update(timeline: Timeline, progress: Progress = None, fetcher: HttpFetcher | None = None, workers: int = 1) -> IngestReport:
    """Poll every saved feed, sitemap and page again; ingest only what is new or changed."""
    ingestor = Ingestor(timeline, progress=progress, fetcher=fetcher, workers=workers)
    urls = dict.fromkeys(str(s["url"]) for s in timeline.sources(("page",)) if s["url"])
    for feed in timeline.sources(("feed", "sitemap")):
        urls.update((u, None) for u in ingestor.feed(str(feed["url"]), saved=True))
    return ingestor.run((), urls)


def reextract(timeline: Timeline, progress: Progress = None, workers: int = 1) -> IngestReport:
    """Run extraction again on every stored document's raw bytes and replace its facts."""
    ingestor = Ingestor(timeline, progress=progress, workers=workers)
    return ingestor.run_jobs(Job(raw.source, raw, force=True) for raw in timeline.stored_raw())
