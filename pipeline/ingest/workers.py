"""Run batches in this process or in a pool of worker processes, yielding results in order.

Parsing and extraction are CPU work that the GIL keeps on one core; worker processes, each with
its own spaCy pipeline, use the others. Only a few batches are in flight at once, so memory
stays flat however many sources there are, and results come back in the order given so the
store sees the same sequence as a single-process run. Workers end with the ingesting process,
however it ends, so none outlives a killed run with the database open.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import select
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial

from pipeline.ingest.batch import Failed, Job, Outcome, process_batch, warm_up
from pipeline.records import IngestFailure

LOGGER = logging.getLogger(__name__)
IN_FLIGHT_PER_WORKER = 4
# Where pidfd_open is missing (not Linux, or a kernel before 5.3), a worker asks this often whether
# the ingesting process still lives: well inside the couple of seconds an orphan may linger.
PARENT_POLL_SECONDS = 0.25
# The exit status of a worker that outlived the ingesting process; nobody is left to read it.
ORPHANED = 3


def run_batches(batches: Iterable[list[Job]], db_path: str, published: str | None, batch_size: int, workers: int = 1,
                done: Callable[[str], None] | None = None) -> Iterator[list[Outcome]]:
    """The outcomes of each batch, in order; with ``workers`` > 1 the batches run in worker processes.
    In one process, ``done`` hears of each document as it is finished; worker processes cannot
    call back, so there the caller learns of a batch's documents when the batch returns."""
    work = partial(process_batch, db_path=db_path, published=published, batch_size=batch_size)
    if workers <= 1:
        for batch in batches:
            yield work(batch, done=done)
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
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=self.context, initializer=start_worker, initargs=(os.getpid(),))

    def submit(self, batch: list[Job]) -> None:
        """Queue a batch. A pool that broke since the last result cannot take it: the batch waits
        with that error, and ``oldest`` sends it to the fresh pool with the others."""
        try:
            future = self.executor.submit(self.work, batch)
        except BrokenProcessPool as err:
            future = Future()
            future.set_exception(err)
        self.pending.append((batch, future))

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


def start_worker(parent: int) -> None:
    """Each worker's initializer: end with the ingesting process ``parent``, then load the pipeline.

    A worker waits on queues whose pipes it holds both ends of, so it never sees end-of-file when
    the ingesting process is killed: without this it would live on for minutes with the database
    open, and keep multiprocessing's resource tracker (which exits when its last client has gone)
    alive too."""
    threading.Thread(target=_exit_with, args=(parent,), name="exit-with-ingest", daemon=True).start()
    warm_up()


def _exit_with(parent: int) -> None:
    """Return never: ``os._exit`` as soon as process ``parent`` has ended.

    A pidfd wakes at the process's end. PR_SET_PDEATHSIG would not do: it fires when the parent
    *thread* ends, and the pool starts workers from whichever thread calls ``submit`` (or from
    its management thread, which replaces workers), threads that may end while the process lives.
    Checking ``getppid`` after opening the pidfd closes the race with a parent that died before."""
    try:
        handle: int | None = os.pidfd_open(parent)
    except (AttributeError, OSError):  # no pidfd here, or the parent has gone already
        handle = None
    if handle is not None and os.getppid() == parent:
        select.select([handle], [], [])
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(ORPHANED)


def _died(job: Job) -> Failed:
    reason = "the worker process extracting it died (out of memory or killed); ingest it again"
    return Failed(IngestFailure(source=job.source, stage="extract", reason=reason))
