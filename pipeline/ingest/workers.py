"""Run batches in this process or in a pool of worker processes, yielding results in order.

Parsing and extraction are CPU work that the GIL keeps on one core; worker processes, each with
its own spaCy pipeline, use the others. Only a few batches are in flight at once, so memory
stays flat however many sources there are, and results come back in the order given so the
store sees the same sequence as a single-process run.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial

from pipeline.ingest.batch import Failed, Job, Outcome, process_batch, warm_up
from pipeline.records import IngestFailure

LOGGER = logging.getLogger(__name__)
IN_FLIGHT_PER_WORKER = 4


def run_batches(batches: Iterable[list[Job]], db_path: str, published: str | None, batch_size: int, workers: int = 1) -> Iterator[list[Outcome]]:
    """The outcomes of each batch, in order; with ``workers`` > 1 the batches run in worker processes."""
    work = partial(process_batch, db_path=db_path, published=published, batch_size=batch_size)
    if workers <= 1:
        for batch in batches:
            yield work(batch)
        return
    yield from _in_pool(batches, work, workers)


class _Pool:
    """A process pool that is replaced when a worker dies, with the batches it was given."""

    def __init__(self, work: partial[list[Outcome]], workers: int) -> None:
        # "spawn" starts clean interpreters: forking a process that holds threads (HTTP clients,
        # progress bars) can deadlock, and each worker loads its own pipeline anyway.
        self.work, self.workers = work, workers
        self.context = multiprocessing.get_context("spawn")
        self.executor = self._start()
        self.pending: deque[tuple[list[Job], Future[list[Outcome]]]] = deque()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=self.context, initializer=warm_up)

    def submit(self, batch: list[Job]) -> None:
        self.pending.append((batch, self.executor.submit(self.work, batch)))

    def oldest(self) -> list[Outcome]:
        """The oldest batch's outcomes. A worker that died (killed, out of memory) breaks the whole
        pool: that batch is reported as failed, and the batches still waiting go to a fresh pool."""
        batch, future = self.pending.popleft()
        try:
            return future.result()
        except BrokenProcessPool as err:
            LOGGER.warning("a worker process died; restarting the pool (%s)", err)
            waiting = [b for b, _ in self.pending]
            self.pending.clear()
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._start()
            for again in waiting:
                self.submit(again)
            return [_died(job) for job in batch]

    def close(self) -> None:
        for _, future in self.pending:
            future.cancel()
        self.executor.shutdown(wait=True, cancel_futures=True)


def _in_pool(batches: Iterable[list[Job]], work: partial[list[Outcome]], workers: int) -> Iterator[list[Outcome]]:
    pool = _Pool(work, workers)
    try:
        for batch in batches:
            pool.submit(batch)
            while len(pool.pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield pool.oldest()
        while pool.pending:
            yield pool.oldest()
    finally:
        pool.close()


def _died(job: Job) -> Failed:
    reason = "the worker process extracting it died (out of memory or killed); ingest it again"
    return Failed(IngestFailure(source=job.source, stage="extract", reason=reason))
