"""Faults a long ingest meets in real use: a killed run, a second run on the same file, a huge file.

Each runs the real ``timeline`` command in its own process against a real SQLite file, and
checks the database against an undisturbed run of the same corpus.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess

from tests.conftest import CORPUS, run_cli
from tests.ingest.conftest import DOCUMENTS, TIMELINE, Ingest, consistent, export, frozen, stored_documents, wait_for_first_commit


def test_an_ingest_killed_mid_batch_leaves_a_consistent_database_and_the_next_run_completes_it(tmp_path, undisturbed, start_ingest: Ingest) -> None:
    db = tmp_path / "timeline.db"
    process = start_ingest(db, "--batch-size", "4")
    wait_for_first_commit(process, db)
    with frozen(process):  # frozen, the count is exactly what the killed run will have committed
        stored_before = stored_documents(db)
        assert stored_before < DOCUMENTS, "the run ended before it could be killed"
        process.kill()  # a batch is committed; the next is being extracted or written
    process.wait()

    assert stored_documents(db) == stored_before
    consistent(db)

    again = run_cli("ingest", str(CORPUS / "documents"), "--db", str(db))
    assert again.exit_code == 0
    assert f"{stored_before} unchanged" in again.output, "what the killed run committed is kept, not redone"
    consistent(db)
    assert export(db) == undisturbed


def test_two_ingests_on_one_new_database_both_succeed(tmp_path, undisturbed) -> None:
    db = tmp_path / "timeline.db"
    documents = sorted(str(p) for p in (CORPUS / "documents").iterdir())
    runs = [subprocess.Popen([*TIMELINE, "ingest", *order, "--db", str(db), "--quiet"], stderr=subprocess.PIPE, text=True)
            for order in (documents, documents[::-1])]
    for run in runs:
        _, stderr = run.communicate(timeout=300)
        assert run.returncode == 0, stderr
    consistent(db)
    assert export(db) == undisturbed


def test_a_100_mb_file_is_refused_with_its_size_in_bounded_memory(tmp_path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as out:
        out.truncate(100 * 1024 * 1024)
    small = CORPUS / "documents" / sorted(os.listdir(CORPUS / "documents"))[0]
    db = tmp_path / "timeline.db"
    process = subprocess.Popen([*TIMELINE, "ingest", str(huge), str(small), "--db", str(db)], stderr=subprocess.PIPE, text=True)
    stderr = process.stderr.read() if process.stderr else ""
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    assert process.returncode == 1
    assert f"{huge}: too large (104,857,600 bytes; the limit is 26,214,400)" in stderr
    assert "1 stored, 0 unchanged, 1 failed" in stderr
    peak_mb = usage.ru_maxrss / 1024
    assert peak_mb < 600, f"peak memory {peak_mb:.0f} MB: the file was read, not refused by its size"
    with sqlite3.connect(db) as conn:
        assert conn.execute("select stage, reason from ingest_errors where source = ?", [str(huge)]).fetchone()[0] == "fetch"
    conn.close()
    assert hashlib.sha256(small.read_bytes()).hexdigest()  # the small file was untouched and still readable
