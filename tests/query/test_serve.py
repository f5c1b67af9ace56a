"""`timeline serve` is read-only: no SQL or API request through Datasette changes the database.

The real command runs (``python -m pipeline.cli serve``, which starts Datasette on 127.0.0.1) over a
small timeline; inserts, deletes, drops, attaches and the JSON write API are each refused, and
the database file is byte for byte what it was, with the same rows.
"""

from __future__ import annotations

import hashlib
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import httpx
import pytest

from tests.conftest import CORPUS, ROOT, run_cli

WRITES = [
    "insert into documents (id, source, text) values ('x', 'x', 'x')",
    "delete from judgements",
    "drop table documents",
    "with t as (select 1) delete from documents",
    "select 1; delete from documents",
    "attach database 'other.db' as other",
    "pragma journal_mode = delete",
    "create table pwned (x)",
    "select load_extension('/tmp/nothing')",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def state(db: Path) -> tuple[str, dict[str, int]]:
    """The file's hash (with any -wal beside it) and every table's row count."""
    digest = hashlib.sha256()
    for path in (db, db.with_name(db.name + "-wal")):
        if path.exists():
            digest.update(path.read_bytes())
    with closing(sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)) as conn:
        tables = [name for (name,) in conn.execute("select name from sqlite_master where type = 'table' order by name")]
        counts = {table: conn.execute(f'select count(*) from "{table}"').fetchone()[0] for table in tables}
    return digest.hexdigest(), counts


@pytest.fixture()
def served(tmp_path) -> Iterator[tuple[str, Path]]:
    """(base URL of the database, its path) with `timeline serve` running; the server always stops."""
    db = tmp_path / "timeline.db"
    names = ("2013-11-somerset-improvement-notice-issued.html", "2016-05-somerset-improvement-notice-lifted.txt")
    assert run_cli("ingest", *(str(CORPUS / "documents" / n) for n in names), "--db", str(db), "--quiet").exit_code == 0
    port = _free_port()
    # Its own session, so that Datasette, the child of `timeline serve`, stops with it.
    process = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "serve", "--db", str(db), "--port", str(port)],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    base = f"http://127.0.0.1:{port}/{db.stem}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base}.json", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"timeline serve did not come up: {process.communicate(timeout=5)[1].decode()[-2000:]}")
            time.sleep(0.1)
        yield base, db
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        process.stderr.close()


def refused(response: httpx.Response) -> bool:
    if response.status_code >= 300:
        return True
    try:
        body = response.json()
    except ValueError:
        return False
    return isinstance(body, dict) and body.get("ok") is False


def test_no_request_through_serve_writes_to_the_database(served) -> None:
    base, db = served
    before = state(db)
    assert before[1]["documents"] == 2
    for sql in WRITES:
        response = httpx.get(f"{base}.json", params={"sql": sql}, timeout=10)
        assert refused(response), f"{sql}: {response.status_code} {response.text[:200]}"
    insert = httpx.post(f"{base}/documents/-/insert", json={"row": {"id": "x", "source": "x", "text": "x"}}, timeout=10)
    assert refused(insert), insert.text[:200]
    upsert = httpx.post(f"{base}/judgements/-/upsert", json={"rows": [{"id": 1, "rating": "outstanding"}]}, timeout=10)
    assert refused(upsert), upsert.text[:200]
    drop = httpx.post(f"{base}/documents/-/drop", json={"confirm": True}, timeout=10)
    assert refused(drop), drop.text[:200]
    create = httpx.post(f"{base}/-/create", json={"table": "pwned", "row": {"x": 1}}, timeout=10)
    assert refused(create), create.text[:200]
    # Reading still works, so the refusals are the server's and not a dead server's.
    rows = httpx.get(f"{base}.json", params={"sql": "select count(*) as n from documents", "_shape": "array"}, timeout=10).json()
    assert rows == [{"n": 2}]
    assert state(db) == before
    assert not (db.parent / "other.db").exists()
