"""``--workers``: parsing and extraction in worker processes give the same timeline as one process."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

from tests.conftest import CORPUS, run_cli
from tests.ingest.conftest import TIMELINE, consistent, export, stored_documents


def test_two_workers_store_exactly_what_one_process_stores(tmp_path, undisturbed) -> None:
    db = tmp_path / "timeline.db"
    result = run_cli("ingest", str(CORPUS / "documents"), "--db", str(db), "--workers", "2")
    assert result.exit_code == 0, result.output
    assert export(db) == undisturbed
    again = run_cli("ingest", str(CORPUS / "documents"), "--db", str(db), "--workers", "2")
    assert "0 stored" in again.output, "workers see what is stored already and skip it"


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def test_a_worker_killed_mid_run_fails_only_its_batch_and_the_rest_is_stored(tmp_path, undisturbed) -> None:
    db = tmp_path / "timeline.db"
    process = subprocess.Popen([*TIMELINE, "ingest", str(CORPUS / "documents"), "--db", str(db), "--workers", "2", "--batch-size", "2", "--quiet"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while stored_documents(db) == 0 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    workers = [pid for pid in _children(process.pid) if "spawn_main" in Path(f"/proc/{pid}/cmdline").read_text(errors="replace")]
    assert process.poll() is None and workers, "the run ended before a worker could be killed"
    for pid in workers:
        subprocess.run(["kill", f"-{signal.SIGKILL.value}", str(pid)], check=False)
    _, stderr = process.communicate(timeout=300)

    assert process.returncode == 1
    assert "the worker process extracting it died" in stderr
    consistent(db)
    rerun = run_cli("ingest", str(CORPUS / "documents"), "--db", str(db))
    assert rerun.exit_code == 0
    assert export(db) == undisturbed
