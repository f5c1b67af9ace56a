"""Shared by the ingest tests: the real command in a subprocess, and the checks a database must pass.

Fault tests strike from what the run has done, never after a delay: they wait for the first
committed batch, then freeze the run with SIGSTOP so that what they read from it (rows committed,
worker processes) cannot move on before the blow lands.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import CORPUS, run_cli

TIMELINE = [sys.executable, "-m", "pipeline.cli"]
DOCUMENTS = len(list((CORPUS / "documents").iterdir()))
# A guard against a hung run, not a pace: loading spaCy in each worker on a machine busy with
# other work can take a minute; nothing waits this long unless something is broken.
HANG_SECONDS = 300
# How a pool worker and multiprocessing's resource tracker name themselves on their command line.
WORKER, TRACKER = "spawn_main", "resource_tracker"
Ingest = Callable[..., subprocess.Popen[str]]


@pytest.fixture()
def start_ingest() -> Iterator[Ingest]:
    """Start ``timeline ingest`` on the corpus in the background; a run still going (or frozen)
    when the test ends is killed, so a failing test leaves no process behind."""
    started: list[subprocess.Popen[str]] = []

    def start(db: Path, *options: str, stderr: int = subprocess.DEVNULL) -> subprocess.Popen[str]:
        command = [*TIMELINE, "ingest", str(CORPUS / "documents"), "--db", str(db), "--quiet", *options]
        started.append(subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr, text=True))
        return started[-1]

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait()


def wait_for_first_commit(process: subprocess.Popen[str], db: Path) -> None:
    """Return once ``db`` holds a committed batch: the run is past start-up and storing."""
    deadline = time.monotonic() + HANG_SECONDS
    while stored_documents(db) == 0:
        assert process.poll() is None, "the run ended before it committed anything"
        assert time.monotonic() < deadline, "no batch committed: the run hangs"
        time.sleep(0.02)


@contextmanager
def frozen(process: subprocess.Popen[str]) -> Iterator[None]:
    """SIGSTOP the run for the block: what it has committed and which processes it has stay put."""
    process.send_signal(signal.SIGSTOP)
    try:
        yield
    finally:
        process.send_signal(signal.SIGCONT)


def children(pid: int, named: str) -> list[int]:
    """The live child processes of ``pid`` whose command line contains ``named``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_text(errors="replace")
        except OSError:
            continue
        if int(fields[1]) == pid and named in command and alive(int(stat.parent.name)):
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    """Whether ``pid`` still runs. A zombie has ended: it only waits for whoever adopted it to reap it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def export(db: Path) -> str:
    return run_cli("export", "--db", str(db)).output


@pytest.fixture(scope="session")
def undisturbed(tmp_path_factory) -> str:
    """The corpus's export after one clean run: what every disturbed run must end up with."""
    db = tmp_path_factory.mktemp("clean") / "timeline.db"
    run_cli("ingest", str(CORPUS / "documents"), "--db", str(db), "--quiet")
    return export(db)


def consistent(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
        assert conn.execute("pragma foreign_key_check").fetchall() == []
        for table, key in (("judgements", "document_id, authority, area, rating, start"), ("actions", "document_id, authority, kind, status, start"),
                           ("dates", "document_id, start")):
            duplicated = conn.execute(f"select count(*) from (select 1 from {table} group by {key} having count(*) > 1)").fetchone()[0]
            assert duplicated == 0, f"duplicate rows in {table}"
    conn.close()


def stored_documents(db: Path) -> int:
    """Documents committed so far, read without taking any lock a writer would wait for."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=1) as conn:
            count = conn.execute("select count(*) from documents").fetchone()[0]
        conn.close()
        return count
    except sqlite3.Error:
        return 0
