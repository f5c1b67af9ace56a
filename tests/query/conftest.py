"""`timeline serve` for real: the command in its own process, Datasette on 127.0.0.1, its log kept."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT


@dataclass
class Served:
    base: str  # the database's URL, e.g. http://127.0.0.1:8123/timeline
    db: Path
    log: Path  # Datasette's stderr

    def read_log(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(db: Path, log: Path) -> Iterator[Served]:
    """Run `timeline serve` over ``db`` until the block ends; the server always stops."""
    port = free_port()
    with log.open("wb") as err:
        # Its own session, so that Datasette, the child of `timeline serve`, stops with it.
        process = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "serve", "--db", str(db), "--port", str(port)],
                                   cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
    served = Served(f"http://127.0.0.1:{port}/{db.stem}", db, log)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{served.base}.json", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"timeline serve did not come up: {served.read_log()[-2000:]}")
            time.sleep(0.1)
        yield served
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
