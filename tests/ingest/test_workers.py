"""``--workers``: parsing and extraction in worker processes give the same timeline as one process,
a worker that dies costs only its batch, and the workers end with the ingesting process."""

from __future__ import annotations

import os
import signal
import subprocess
import time

from pipeline.ingest.batch import Extracted, Failed, Job
from pipeline.ingest.workers import IN_FLIGHT_PER_WORKER, run_batches
from pipeline.store import open_timeline
from tests.conftest import CORPUS, run_cli
from tests.ingest.conftest import DOCUMENTS, HANG_SECONDS, TRACKER, WORKER, Ingest, alive, children, consistent, export, frozen, stored_documents, wait_for_first_commit

# Workers notice the ingesting process's end at once (a pidfd) and exit; this leaves room for a
# busy machine to schedule them, and is still far from the minutes they used to linger.
ORPHAN_SECONDS = 5


def test_two_workers_store_exactly_what_one_process_stores(tmp_path, undisturbed) -> None:
    db = tmp_path / "timeline.db"
    result = run_cli("ingest", str(CORPUS / "documents"), "--db", str(db), "--workers", "2")
    assert result.exit_code == 0, result.output
    assert export(db) == undisturbed
    again = run_cli("ingest", str(CORPUS / "documents"), "--db", str(db), "--workers", "2")
    assert "0 stored" in again.output, "workers see what is stored already and skip it"


def test_a_worker_killed_mid_run_fails_only_its_batch_and_the_rest_is_stored(tmp_path, undisturbed, start_ingest: Ingest) -> None:
    # Issue 12, item 16: this test struck when a poll happened to see the first commit, and on a
    # busy machine the run could end, or its workers be missed, before the kill.
    db = tmp_path / "timeline.db"
    process = start_ingest(db, "--workers", "2", "--batch-size", "1", stderr=subprocess.PIPE)
    wait_for_first_commit(process, db)
    with frozen(process):
        # The run holds at most IN_FLIGHT batches beyond those committed, plus one being written:
        # with more left than that, some batch has yet to be handed to the pool, and will meet it
        # broken, whatever the workers finish while the run is frozen.
        left = DOCUMENTS - stored_documents(db)
        assert left > 2 * IN_FLIGHT_PER_WORKER + 1, f"only {left} documents left when frozen: the run got too far to prove anything"
        workers = children(process.pid, WORKER)
        assert len(workers) == 2
        os.kill(workers[0], signal.SIGKILL)
    _, stderr = process.communicate(timeout=HANG_SECONDS)

    assert process.returncode == 1
    assert stderr.count("the worker process extracting it died") == 1, stderr
    assert stored_documents(db) == DOCUMENTS - 1, "every other document is stored by the fresh pool"
    consistent(db)
    rerun = run_cli("ingest", str(CORPUS / "documents"), "--db", str(db))
    assert rerun.exit_code == 0
    assert export(db) == undisturbed


def test_a_pool_that_broke_while_results_were_stored_sends_the_next_batch_to_a_fresh_one(tmp_path) -> None:
    # A worker may die while the ingesting process is busy storing: the next batch then met the
    # broken pool in submit() and the run ended in a traceback instead of failing one batch.
    db = tmp_path / "timeline.db"
    open_timeline(db).close()
    first, second = sorted(str(p) for p in (CORPUS / "documents").iterdir())[:2]

    def batches():
        yield [Job(first)]
        worker = children(os.getpid(), WORKER)[0]
        os.kill(worker, signal.SIGKILL)
        _wait_until_reaped(worker)  # the pool reaps its workers only once it has marked itself broken
        yield [Job(second)]

    outcomes = [outcome for batch in run_batches(batches(), str(db), None, 16, workers=2) for outcome in batch]
    assert isinstance(outcomes[0], Failed) and "the worker process extracting it died" in outcomes[0].failure.reason
    assert isinstance(outcomes[1], Extracted) and outcomes[1].parsed.source == second


def test_the_workers_and_the_resource_tracker_end_with_a_killed_ingest(tmp_path, start_ingest: Ingest) -> None:
    # Issue 12, item 7: after kill -9 of the ingesting process, its workers and multiprocessing's
    # resource tracker lived on for minutes, with the database open.
    db = tmp_path / "timeline.db"
    process = start_ingest(db, "--workers", "2", "--batch-size", "2")
    wait_for_first_commit(process, db)
    with frozen(process):
        assert stored_documents(db) < DOCUMENTS, "the run ended before it could be killed"
        workers, tracker = children(process.pid, WORKER), children(process.pid, TRACKER)
        assert len(workers) == 2 and len(tracker) == 1
        process.kill()
    process.wait()

    left = _survivors(workers + tracker, ORPHAN_SECONDS)
    try:
        assert left == [], f"still running {ORPHAN_SECONDS} s after the ingesting process was killed: {left}"
    finally:
        for pid in left:
            os.kill(pid, signal.SIGKILL)
    consistent(db)


def _survivors(pids: list[int], seconds: float) -> list[int]:
    """Those of ``pids`` still running once they have all ended, or ``seconds`` have passed."""
    deadline = time.monotonic() + seconds
    while (running := [pid for pid in pids if alive(pid)]) and time.monotonic() < deadline:
        time.sleep(0.05)
    return running


def _wait_until_reaped(pid: int) -> None:
    deadline = time.monotonic() + HANG_SECONDS
    while os.path.exists(f"/proc/{pid}"):
        assert time.monotonic() < deadline, f"worker {pid} was never reaped"
        time.sleep(0.02)
