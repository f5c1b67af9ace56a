"""`timeline serve`: Datasette over the timeline, read-only, with every authority's events beside it.

The timeline is served as it is stored (a row per fact and document). What `timeline show` prints
(facts merged into events across documents, predecessors and successors on each authority's page)
is built by the same code into ``events.db`` in a temporary folder, served in the same Datasette and
rebuilt when the timeline changes; nothing is written beside the user's database. SIGTERM, SIGINT
and SIGHUP stop Datasette, and the folder goes with it.
"""

from __future__ import annotations

import ctypes
import json
import logging
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from pipeline.errors import PipelineError
from pipeline.query.datasette_metadata import DOCUMENTS_TABLE_TEMPLATE, metadata
from pipeline.query.events import Event, merge_events
from pipeline.query.timeline import authority_timeline
from pipeline.store import Timeline, read_timeline

LOGGER = logging.getLogger(__name__)

EVENTS_NAME = "events"
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
# How often `timeline serve` looks for a stop request and, at most, for a changed timeline.
POLL_S = 0.2
REFRESH_S = 1.0
# Datasette stops in well under a second once told to; one that does not within this is killed.
STOP_GRACE_S = 5.0
# Columns an events row starts with; the rest follow in the Event model's order.
LEADING_COLUMNS = ("page", "position", "date", "year", "authority", "event", "label", "detail", "area", "rating", "kind",
                   "status")
YEAR = re.compile(r"\d{4}")


# The events table ------------------------------------------------------------------------------
def event_pages(timeline: Timeline) -> list[str]:
    """Every authority whose `timeline show` page has an event: each one a fact names, and each
    predecessor or successor of one, by the short name `show` takes."""
    codes = [gss for (gss,) in timeline.db.execute(
        "select gss from judgements where gss is not null union select gss from actions where gss is not null")]
    names = {authority.name for gss in codes for authority in timeline.gazetteer.lineage(gss)}
    return sorted(names, key=lambda name: (name.casefold(), name))


def event_rows(timeline: Timeline) -> list[dict[str, Any]]:
    """One row per event on every authority's page, in the order `timeline show PAGE` prints them."""
    rows = []
    for page in event_pages(timeline):
        events = merge_events(authority_timeline(timeline, page))
        rows += [event_row(page, position, event) for position, event in enumerate(events, start=1)]
    return rows


def event_row(page: str, position: int, event: Event) -> dict[str, Any]:
    """An event as flat columns, whatever fields the model has: lists and objects as JSON, citations
    as readable lines plus their sources, and the year for facets and charts."""
    fields = event.model_dump()
    date = fields.get("date") or ""
    flat: dict[str, Any] = {"page": page, "position": position, "year": int(date[:4]) if YEAR.fullmatch(date[:4]) else None}
    for name, value in fields.items():
        if name == "citations":
            flat[name] = "\n".join(_citation_line(c) for c in value)
            flat["sources"] = "\n".join(dict.fromkeys(c["source"] for c in value))
        elif isinstance(value, list | dict):
            flat[name] = json.dumps(value, ensure_ascii=False)
        else:
            flat[name] = value
    return _in_order(flat)


def _in_order(row: dict[str, Any]) -> dict[str, Any]:
    leading = [column for column in LEADING_COLUMNS if column in row]
    return {column: row[column] for column in leading} | {c: v for c, v in row.items() if c not in leading}


def _citation_line(citation: dict[str, Any]) -> str:
    when = f" ({citation['date']})" if citation.get("date") else ""
    return f"{citation.get('source')}{when}: {citation.get('evidence')}"


class EventsFile:
    """The events table in its own SQLite file, rewritten in one transaction when the timeline changes."""

    def __init__(self, path: Path, timeline: Timeline) -> None:
        self.path, self.timeline = path, timeline
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("pragma journal_mode = wal")  # Datasette reads on while a refresh writes
        self.version = self._timeline_version()
        rows = event_rows(timeline)
        no_events = dict.fromkeys(["page", "position", "year", *Event.field_names(), "sources"])
        self.columns = list(rows[0] if rows else _in_order(no_events))
        types = {c: "integer" if c in ("position", "year") else _sql_type(rows, c) for c in self.columns}
        definitions = ", ".join(f"{_quoted(c)} {types[c]}" for c in self.columns)
        self.conn.execute(f"create table events ({definitions})")
        self.conn.execute("create index events_page on events (page, position)")
        self._write(rows)

    def refresh(self) -> bool:
        """Rebuild the events if the timeline changed since they were built; False if it did not."""
        version = self._timeline_version()
        if version == self.version:
            return False
        self._write(event_rows(self.timeline))
        self.version = version
        return True

    def close(self) -> None:
        self.conn.close()

    def _timeline_version(self) -> int:
        # Changes whenever another connection commits to the file (SQLite's data_version).
        return int(self.timeline.db.execute("pragma data_version").fetchone()[0])

    def _write(self, rows: list[dict[str, Any]]) -> None:
        for column in dict.fromkeys(c for row in rows for c in row if c not in self.columns):
            quoted_column = _quoted(column)
            self.conn.execute(f"alter table events add column {quoted_column}")
            self.columns.append(column)
        column_list = ", ".join(map(_quoted, self.columns))
        marks = ", ".join("?" for _ in self.columns)
        insert = f"insert into events ({column_list}) values ({marks})"
        self.conn.execute("begin immediate")
        try:
            self.conn.execute("delete from events")
            self.conn.executemany(insert, ([row.get(c) for c in self.columns] for row in rows))
            self.conn.execute("commit")
        except BaseException:
            self.conn.execute("rollback")
            raise


def _sql_type(rows: list[dict[str, Any]], column: str) -> str:
    value = next((row[column] for row in rows if row.get(column) is not None), None)
    return "integer" if isinstance(value, bool | int) else "real" if isinstance(value, float) else "text"


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# Running Datasette -------------------------------------------------------------------------------
def serve_command(db_path: Path, events_path: Path, metadata_path: Path, templates: Path, port: int,
                  host: str = "127.0.0.1") -> list[str]:
    """Datasette's command line with the read-only plugin (pipeline/query/read_only.py). The timeline
    is served mutable, not immutable (``-i``): an ``ingest`` may write to it while it is served, and
    an immutable reader would show stale counts and then "database disk image is malformed"."""
    return [sys.executable, "-m", "pipeline.query.read_only", "serve", str(db_path), str(events_path),
            "--metadata", str(metadata_path), "--template-dir", str(templates),
            "--host", host, "--port", str(port), "--setting", "sql_time_limit_ms", "3000"]


def serve(db_path: Path, port: int, host: str = "127.0.0.1") -> int:
    """Run Datasette over the timeline and its events until it stops or this process is told to stop
    (SIGTERM, SIGINT, SIGHUP): 0 then, else Datasette's exit status. The events are rebuilt when the
    timeline changes, and their temporary folder is removed on the way out."""
    from datasette.utils import to_css_class

    events_name = EVENTS_NAME if db_path.stem != EVENTS_NAME else f"timeline_{EVENTS_NAME}"
    with _stop_requests() as stop, tempfile.TemporaryDirectory(prefix="timeline-serve-") as tmp:
        timeline = read_timeline(db_path)
        with closing(timeline.db.conn), closing(EventsFile(Path(tmp) / f"{events_name}.db", timeline)) as events:
            meta = Path(tmp) / "metadata.json"
            meta.write_text(json.dumps(metadata(db_path.stem, events_name, events.columns)), encoding="utf-8")
            templates = Path(tmp) / "templates"
            templates.mkdir()
            name = f"_table-table-{to_css_class(db_path.stem)}-documents.html"
            (templates / name).write_text(DOCUMENTS_TABLE_TEMPLATE, encoding="utf-8")
            if stop:
                return 0
            command = serve_command(db_path, events.path, meta, templates, port, host)
            return run_until_stopped(command, lambda: _refresh(events), stop)


def _refresh(events: EventsFile) -> None:
    try:
        if events.refresh():
            LOGGER.info("%s: events rebuilt", events.path)
    except (sqlite3.Error, PipelineError) as err:  # a file mid-migration, say: the old events stay until the next try
        LOGGER.warning("%s: events not rebuilt (%s)", events.path, err)


def run_until_stopped(command: list[str], tick: Callable[[], None], stop: list[int]) -> int:
    """Run ``command`` until it exits, calling ``tick`` about every REFRESH_S. Once ``stop`` holds a
    signal (see _stop_requests), the child gets SIGTERM, and is killed if it has not stopped
    STOP_GRACE_S later. The child never outlives this call."""
    parent = os.getpid()
    process = subprocess.Popen(command, preexec_fn=lambda: _stop_with_parent(parent))
    try:
        last_tick, stopping_since = time.monotonic(), None
        while True:
            try:
                status = process.wait(timeout=POLL_S)
                if stopping_since is not None and status in (0, -signal.SIGTERM, -signal.SIGINT):
                    return 0  # stopped as asked (uvicorn ends by raising the signal it caught again)
                return 128 - status if status < 0 else status  # killed by signal N: 128 + N, as shells say
            except subprocess.TimeoutExpired:
                pass
            now = time.monotonic()
            if stop and stopping_since is None:
                stopping_since = now
                process.terminate()
            elif stopping_since is not None and now - stopping_since > STOP_GRACE_S:
                process.kill()
            elif stopping_since is None and now - last_tick >= REFRESH_S:
                tick()
                last_tick = time.monotonic()
    finally:
        if process.poll() is None:  # leaving by an exception: Datasette must not stay behind
            process.kill()
            process.wait()


@contextmanager
def _stop_requests() -> Iterator[list[int]]:
    """The stop signals received while inside, as a list (empty: none yet). The handlers only
    record, so that the waiting loop decides what to do and the temporary folder is always removed;
    Ctrl-C reaches Datasette too, which stops once either way. The previous handlers come back
    on the way out."""
    received: list[int] = []

    def record(signum: int, _frame: object) -> None:
        received.append(signum)

    previous = {signum: signal.signal(signum, record) for signum in STOP_SIGNALS}
    try:
        yield received
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _stop_with_parent(parent: int) -> None:
    """In the child, before Datasette starts: on Linux, be sent SIGTERM if `timeline serve` dies
    without stopping it (``kill -9``) rather than hold the port for ever."""
    if sys.platform != "linux":
        return
    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, int(signal.SIGTERM))
    if os.getppid() != parent:  # it died before the request was made
        os._exit(1)
