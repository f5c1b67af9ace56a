"""`timeline serve`: read-only, with every authority's events, described, and stopped by a signal.

The real command runs (``python -m pipeline.cli serve``, which starts Datasette on 127.0.0.1) over
small timelines. No SQL or API request changes the database: inserts, deletes, drops, attaches and
the JSON write API are each refused, and the file is byte for byte what it was. Functions that reach
native memory are denied, a client's mistake is a quiet 4xx, and an ingest into the served file
while it is served shows up at once, in the events too. The events table holds, for every authority,
exactly what `timeline show AUTHORITY --format json` prints; the tables are described and faceted;
SIGTERM or SIGINT stops Datasette and removes the events' temporary folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from pathlib import Path
from typing import Any

import httpx
import pytest

from pipeline.ingest import ingest
from pipeline.store import open_timeline
from tests.conftest import CORPUS, ROOT, run_cli
from tests.query.conftest import Served, free_port, serving

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
    # The events are rebuilt from the changed timeline, as `timeline show` now prints them.
    shown = json.loads(run_cli("show", "Birmingham", "--db", str(served.db), "--format", "json").output)
    deadline = time.monotonic() + 15
    while not (rows := page_rows(events_url(served), "Birmingham")) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert len(rows) == len(shown) > 0
    with closing(sqlite3.connect(served.db)) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert "malformed" not in served.read_log() and "Traceback" not in served.read_log()


# The events database ---------------------------------------------------------------------------
# Wirral's grade and direction are reported by two documents each; Bournemouth and Poole are
# Bournemouth, Christchurch and Poole's predecessors; Cumbria's facts are undated or have no year.
EVENT_DOCUMENTS = ("2017-09-written-answer-wirral-direction-decision.txt", "2019-02-analysis-why-interventions-last-for-years.txt",
                   "2019-05-bcp-council-focused-visit.txt", "undated-cumbria-improvement-board-statement.txt")
BCP = "Bournemouth, Christchurch and Poole"


@pytest.fixture(scope="module")
def events_timeline(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("events") / "t.db"
    timeline = open_timeline(db)
    report = ingest([str(CORPUS / "documents" / name) for name in EVENT_DOCUMENTS], timeline)
    timeline.close()
    assert len(report.stored) == len(EVENT_DOCUMENTS), report.failures
    return db


@pytest.fixture(scope="module")
def served_events(events_timeline, tmp_path_factory) -> Iterator[Served]:
    with serving(events_timeline, tmp_path_factory.mktemp("events-log") / "datasette.log") as server:
        yield server


def events_url(served: Served) -> str:
    return served.base.rsplit("/", 1)[0] + "/events"


def page_rows(events: str, page: str) -> list[dict[str, Any]]:
    params = {"page": page, "_sort": "position", "_shape": "array", "_size": "max"}
    return httpx.get(f"{events}/events.json", params=params, timeout=10).json()


def assert_row_is_event(row: dict[str, Any], event: dict[str, Any]) -> None:
    """Every field `show` prints is in the row: values as they are, lists as JSON, citations as lines
    naming each source and quoting its sentence, their sources one a line."""
    for name, value in event.items():
        if name == "citations":
            lines = row["citations"].split("\n")
            assert len(lines) == len(value)
            assert all(c["source"] in line and c["evidence"] in line for c, line in zip(value, lines, strict=True))
            assert row["sources"].split("\n") == list(dict.fromkeys(c["source"] for c in value))
        elif isinstance(value, list | dict):
            assert json.loads(row[name]) == value, name
        else:
            assert row[name] == value, name
    date = event["date"] or ""
    assert row["year"] == (int(date[:4]) if date[:4].isdigit() else None)


def test_the_events_table_is_what_show_prints_for_every_authority(served_events) -> None:
    events = events_url(served_events)
    pages = [r["page"] for r in httpx.get(f"{events}.json", params={"sql": "select distinct page from events order by page",
                                                                    "_shape": "array"}, timeout=10).json()]
    assert {BCP, "Bournemouth", "Poole", "Cumbria", "Cumberland", "Wirral"} <= set(pages)
    for page in pages:
        shown = json.loads(run_cli("show", page, "--db", str(served_events.db), "--format", "json").output)
        rows = page_rows(events, page)
        assert len(rows) == len(shown), page
        assert [r["position"] for r in rows] == list(range(1, len(shown) + 1)), page
        for row, event in zip(rows, shown, strict=True):
            assert row["page"] == page
            assert_row_is_event(row, event)
    bcp = page_rows(events, BCP)
    assert {"Bournemouth", "Poole"} <= {r["authority"] for r in bcp}, "a predecessor's events are on its successor's page"
    wirral = page_rows(events, "Wirral")
    assert any(len(r["sources"].split("\n")) == 2 for r in wirral), "one event, cited by both documents"
    no_year = [r for r in page_rows(events, "Cumbria") if not (r["date"] or "")[:1].isdigit()]
    assert no_year and all(r["year"] is None for r in no_year)


def test_the_canned_timeline_of_the_events_database_is_a_page(served_events) -> None:
    events = events_url(served_events)
    canned = httpx.get(f"{events}/authority_events.json", params={"authority": "wirral", "_shape": "array"}, timeout=10).json()
    assert canned == [{k: v for k, v in r.items() if k != "rowid"} for r in page_rows(events, "Wirral")]
    per_year = httpx.get(f"{events}/events_by_year.json", params={"_shape": "array"}, timeout=10).json()
    assert per_year and all(isinstance(r["year"], int) and r["events"] > 0 for r in per_year)
    assert {"judgement", "action"} == {r["event"] for r in per_year}


def test_every_table_is_described_and_the_events_facet_by_year(served_events) -> None:
    root = served_events.base.rsplit("/", 1)[0]
    meta = httpx.get(f"{root}/-/metadata.json", timeout=10).json()
    assert "each document keeps its own licence" in meta["source"] and meta["license"]
    tables = httpx.get(f"{served_events.base}.json", timeout=10).json()["tables"]
    described = meta["databases"][served_events.db.stem]["tables"]
    for table in (t["name"] for t in tables if not t["hidden"]):
        assert described[table]["description"], table
    events = httpx.get(f"{events_url(served_events)}/events.json", params={"_size": "1"}, timeout=10).json()
    columns = meta["databases"]["events"]["tables"]["events"]["columns"]
    assert sum(c in columns for c in events["columns"]) >= 0.8 * len(events["columns"]), "most columns are described"
    facets = events["facet_results"]
    assert {"year", "event", "rating", "kind"} <= set(facets)
    years = [f["value"] for f in facets["year"]["results"]]
    assert years and all(isinstance(y, int) and 1990 < y < 2100 for y in years), years
    assert {f["value"] for f in facets["rating"]["results"]} <= {"outstanding", "good", "requires_improvement", "adequate", "inadequate"}


def test_the_documents_table_hides_full_text_until_asked(served_events) -> None:
    base = served_events.base
    page = httpx.get(f"{base}/documents", timeout=10).text
    assert 'data-column="title"' in page
    for column in ("text", "raw", "record"):
        assert f'data-column="{column}"' not in page, column
    assert 'data-column="text"' in httpx.get(f"{base}/documents", params={"_col": ["title", "text"]}, timeout=10).text
    one = httpx.get(f"{base}/documents.json", params={"_shape": "array", "_size": "1"}, timeout=10).json()[0]
    assert one["text"], "the JSON keeps every column"
    assert 'data-column="text"' in httpx.get(f"{base}/documents/{one['id']}", timeout=10).text, "a row's page shows it"
    graded = httpx.get(f"{base}/judgements.json", params={"_shape": "array", "_labels": "on"}, timeout=10).json()
    titles = {d["id"]: d["title"] for d in httpx.get(f"{base}/documents.json", params={"_shape": "array"}, timeout=10).json()}
    assert graded and all(g["document_id"]["label"] == titles[g["document_id"]["value"]] for g in graded), \
        "a fact's document is labelled with its title"
    names = {a["gss"]: a["name"] for a in httpx.get(f"{base}/authorities.json", params={"_shape": "array", "_size": "max"},
                                                   timeout=10).json()}
    assert all(g["gss"]["label"] == names[g["gss"]["value"]] for g in graded), "and its authority code with a name"


# Stopping --------------------------------------------------------------------------------------
@contextmanager
def started(db: Path, log: Path) -> Iterator[tuple[subprocess.Popen, str, Path]]:
    """`timeline serve` as a real process, answering: (process, root URL, the events' folder).
    Whatever is left of it is killed afterwards (it runs in its own session for that)."""
    port = free_port()
    root = f"http://127.0.0.1:{port}"
    with log.open("wb") as err:
        process = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "serve", "--db", str(db), "--port", str(port)],
                                   cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
    try:
        wait_until(lambda: answers(root), 60, lambda: f"never answered: {log.read_text()[-2000:]}")
        paths = {d["name"]: Path(d["path"]) for d in httpx.get(f"{root}/-/databases.json", timeout=10).json()}
        yield process, root, paths["events"].parent
    finally:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stop_signal_stops_datasette_and_removes_the_events_folder(events_timeline, tmp_path, stop) -> None:
    """Regression (issue 14): SIGTERM ended `timeline serve` and left Datasette running and answering."""
    with started(events_timeline, tmp_path / "serve.log") as (process, root, folder):
        rows = httpx.get(f"{root}/events/events.json", params={"page": BCP, "_shape": "array"}, timeout=10).json()
        assert {r["authority"] for r in rows} >= {"Bournemouth", "Poole"} and all(r["citations"] for r in rows)
        assert folder.is_dir() and folder != events_timeline.parent
        os.kill(process.pid, stop)  # to `timeline serve` alone, as `kill` or a service manager would
        wait_until(lambda: not answers(root), 5, lambda: "Datasette still answers after the signal")
        assert process.wait(timeout=10) == 0
        assert not folder.exists(), "the events' temporary folder is removed"
        with pytest.raises(ProcessLookupError):
            os.killpg(process.pid, 0)  # nothing of it is left


@pytest.mark.skipif(sys.platform != "linux", reason="Datasette is told of its parent's death by Linux (PR_SET_PDEATHSIG)")
def test_datasette_stops_even_when_serve_is_killed_outright(events_timeline, tmp_path) -> None:
    with started(events_timeline, tmp_path / "serve.log") as (process, root, folder):
        os.kill(process.pid, signal.SIGKILL)
        wait_until(lambda: not answers(root), 5, lambda: "Datasette outlived `timeline serve`")
        shutil.rmtree(folder)  # nothing could remove it: that is what kill -9 means


def answers(root: str) -> bool:
    try:
        return httpx.get(root + "/", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def wait_until(condition, seconds: float, message) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(message())
        time.sleep(0.1)
