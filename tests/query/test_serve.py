"""`timeline serve` is read-only: no SQL or API request through Datasette changes the database.

The real command runs (``python -m pipeline.cli serve``, which starts Datasette on 127.0.0.1) over a
small timeline; inserts, deletes, drops, attaches and the JSON write API are each refused, and
the database file is byte for byte what it was, with the same rows. Functions that reach native
memory are denied, a client's mistake is a quiet 4xx, and an ingest into the served file while
it is served shows up at once.
"""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import httpx
import pytest

from tests.conftest import CORPUS, ROOT, run_cli
from tests.query.conftest import Served, serving

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


def small_timeline(folder: Path) -> Path:
    db = folder / "timeline.db"
    names = ("2013-11-somerset-improvement-notice-issued.html", "2016-05-somerset-improvement-notice-lifted.txt")
    assert run_cli("ingest", *(str(CORPUS / "documents" / n) for n in names), "--db", str(db), "--quiet").exit_code == 0
    return db


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[Served]:
    """`timeline serve` running over a small timeline, shared by the tests that only try to change it."""
    folder = tmp_path_factory.mktemp("served")
    with serving(small_timeline(folder), folder / "datasette.log") as server:
        yield server


def refused(response: httpx.Response) -> bool:
    if response.status_code >= 300:
        return True
    try:
        body = response.json()
    except ValueError:
        return False
    return isinstance(body, dict) and body.get("ok") is False


def test_no_request_through_serve_writes_to_the_database(served) -> None:
    base, db = served.base, served.db
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


def sql(served: Served, query: str) -> httpx.Response:
    return httpx.get(f"{served.base}.json", params={"sql": query, "_shape": "array"}, timeout=10)


@pytest.mark.parametrize("call", ["fts3_tokenizer('simple')", "FTS3_TOKENIZER('porter')",
                                  "fts3_tokenizer('simple', x'4141414141414141')",
                                  "fts3_tokenizer('evil', fts3_tokenizer('simple'))"])
def test_fts3_tokenizer_is_denied_so_no_pointer_goes_out_or_comes_in(served, call: str) -> None:
    """Regression (issue 12, item 10): the first answered with a memory address, the third installed one."""
    response = sql(served, f"select {call} as x")
    assert response.status_code == 400
    assert "not authorized to use function" in response.json()["error"]
    assert sql(served, "select count(*) as n from documents").json() == [{"n": 2}]


@pytest.mark.parametrize("path", ["/-/create", "/{db}/-/create", "/{db}/documents/-/insert", "/{db}/documents/-/upsert",
                                  "/{db}/documents/-/drop", "/{db}/judgements/1/-/update", "/{db}/judgements/1/-/delete",
                                  "/{db}", "/{db}/documents", "/-/messages"])
def test_writes_are_refused_with_405_and_no_traceback(served, path: str) -> None:
    """Regression (issue 12, item 10): a POST to the write API was a 500 with a traceback in the log."""
    root = served.base.rsplit("/", 1)[0]
    url = root + path.replace("{db}", served.db.stem)
    before = state(served.db)
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        response = httpx.request(method, url, json={"row": {"id": "x"}, "table": "pwned", "confirm": True}, timeout=10)
        assert response.status_code == 405, (method, response.status_code, response.text[:200])
        assert response.json()["ok"] is False and "read-only" in response.json()["error"]
        assert response.headers["allow"] == "GET, HEAD, OPTIONS"
    assert state(served.db) == before
    assert "Traceback" not in served.read_log()
    assert "500 Internal Server Error" not in served.read_log()


def test_a_page_that_is_not_there_is_a_quiet_404(served) -> None:
    """Datasette printed a traceback for every 404, and turned some (a GET of a write API path) into a 500."""
    for path in ("/documents/-/insert", "/no_such_table", "/no_such_table.json", "/documents/no-such-row"):
        response = httpx.get(served.base + path, timeout=10)
        assert response.status_code == 404, (path, response.status_code)
    assert httpx.get(served.base + "/no_such_table.json", timeout=10).json()["ok"] is False
    assert "Traceback" not in served.read_log()


def test_an_ingest_while_serving_shows_up_and_breaks_nothing(tmp_path) -> None:
    """Regression (issue 12, item 11): the file was served immutable, so after an ingest Datasette
    showed stale counts and then answered 500 "database disk image is malformed"."""
    with serving(small_timeline(tmp_path), tmp_path / "datasette.log") as served:
        ingest_while_served(served)


def ingest_while_served(served: Served) -> None:
    assert sql(served, "select count(*) as n from documents").json() == [{"n": 2}]
    tables = {t["name"]: t["count"] for t in httpx.get(f"{served.base}.json", timeout=10).json()["tables"]}
    more = [CORPUS / "documents" / name for name in ("2014-06-birmingham-commissioner-appointed.html",
                                                     "2009-12-wokingham-improvement-notice-proposed.txt")]
    ingest = subprocess.run([sys.executable, "-m", "pipeline.cli", "ingest", *map(str, more), "--db", str(served.db), "--quiet"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert ingest.returncode == 0, ingest.stderr
    assert sql(served, "select count(*) as n from documents").json() == [{"n": 4}]
    after = {t["name"]: t["count"] for t in httpx.get(f"{served.base}.json", timeout=10).json()["tables"]}
    assert after["documents"] == 4 and after["actions"] > tables["actions"]
    for path in ("", "/documents", "/actions?_facet=kind", "/open_interventions", "/authority_timeline?authority=Birmingham"):
        response = httpx.get(served.base + path, timeout=10)
        assert response.status_code == 200, (path, response.status_code)
    birmingham = httpx.get(f"{served.base}/authority_timeline.json", params={"authority": "Birmingham", "_shape": "array"},
                           timeout=10).json()
    assert birmingham, "the new document's facts are served"
    with closing(sqlite3.connect(served.db)) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert "malformed" not in served.read_log() and "Traceback" not in served.read_log()
