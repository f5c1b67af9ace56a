"""Open a timeline for reading only: never create, migrate or change the journal mode of the file.

Read commands (show, search, people, export, report, evaluate, serve) may be pointed at any
file by mistake: a missing path, another application's SQLite database, a PDF. Each gets one
line saying what it is, and the file is left byte for byte as it was. A real timeline is read
through a ``mode=ro`` connection, so it can also be read from a file or folder the reader may
not write to.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from pipeline.errors import StoreError
from pipeline.gazetteer import Gazetteer, default_gazetteer
from pipeline.store.schema import MIGRATIONS
from pipeline.store.timeline import BUSY_TIMEOUT_MS, Timeline

SQLITE_MAGIC = b"SQLite format 3\x00"
POINT_AT_A_TIMELINE = "point --db at a file made by `timeline ingest`"
# Enough table names to recognise another application's file, not so many as to flood the line.
TABLES_SHOWN = 8


def read_timeline(path: str | Path, gazetteer: Gazetteer | None = None) -> Timeline:
    """The timeline at ``path``, opened read-only; a StoreError naming the file if there is none."""
    path = Path(path)
    _check_file(path)
    conn = _connect(path)
    try:
        _check_schema(path, conn)
    except BaseException:
        conn.close()
        raise
    return Timeline(sqlite_utils.Database(conn), gazetteer or default_gazetteer(), path)


def _check_file(path: Path) -> None:
    """Refuse what is not a SQLite file before SQLite sees it (it would take an empty file for a new database)."""
    if not path.exists():
        raise StoreError(str(path), "no timeline database here; run `timeline ingest` first")
    if not path.is_file():
        raise StoreError(str(path), f"not a file, so not a timeline database; {POINT_AT_A_TIMELINE}")
    try:
        with path.open("rb") as file:
            head = file.read(len(SQLITE_MAGIC))
    except OSError as err:
        raise StoreError(str(path), f"cannot read the timeline database ({err.strerror or err})") from err
    if not head:
        raise StoreError(str(path), f"an empty file, not a timeline database; {POINT_AT_A_TIMELINE}")
    if head != SQLITE_MAGIC:
        raise StoreError(str(path), f"not a SQLite database (it starts with {head[:8]!r}); {POINT_AT_A_TIMELINE}")


def _connect(path: Path) -> sqlite3.Connection:
    """A read-only connection. A timeline in WAL mode needs its ``-shm`` beside it; in a folder the
    reader cannot write to, and with no ``-shm`` left there, it is opened immutable instead: no
    writer can be at work on it then, since a writer would have to create the ``-wal`` there."""
    conn = _open(path, "mode=ro")
    try:
        conn.execute("select count(*) from sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as err:
        conn.close()
        if getattr(err, "sqlite_errorname", "") not in ("SQLITE_READONLY_DIRECTORY", "SQLITE_CANTOPEN"):
            raise StoreError(str(path), f"cannot read the timeline database ({err})") from err
    except sqlite3.DatabaseError as err:
        conn.close()
        raise StoreError(str(path), f"not a readable SQLite database ({err}); {POINT_AT_A_TIMELINE}") from err
    return _open(path, "immutable=1")


def _open(path: Path, mode: str) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as err:
        raise StoreError(str(path), f"cannot open the timeline database ({err})") from err
    conn.execute("PRAGMA query_only = ON")
    return conn


def _check_schema(path: Path, conn: sqlite3.Connection) -> None:
    """A timeline has our ``documents`` table and a ``migrations`` table recording our migrations."""
    try:
        tables = [name for (name,) in conn.execute("select name from sqlite_master where type = 'table' order by name")]
    except sqlite3.DatabaseError as err:
        raise StoreError(str(path), f"not a readable SQLite database ({err}); {POINT_AT_A_TIMELINE}") from err
    applied = _applied_migrations(conn) if "migrations" in tables else set()
    ours = {(version, name) for version, name, _ in MIGRATIONS}
    if "documents" not in tables or not applied & ours:
        raise StoreError(str(path), f"not a timeline database ({_describe(tables)}); {POINT_AT_A_TIMELINE}")
    missing = ours - applied
    if missing:
        version = max(v for v, _ in applied & ours)
        raise StoreError(str(path), f"made by an older version of timeline (schema {version}, this one reads "
                                    f"{max(v for v, _ in ours)}); run `timeline update` once to upgrade it")


def _applied_migrations(conn: sqlite3.Connection) -> set[tuple[int, str]]:
    try:
        return {(row[0], row[1]) for row in conn.execute("select version, name from migrations")}
    except sqlite3.DatabaseError:
        return set()  # another application's table of that name, with other columns


def _describe(tables: list[str]) -> str:
    if not tables:
        return "it has no tables"
    shown = ", ".join(tables[:TABLES_SHOWN]) + ("…" if len(tables) > TABLES_SHOWN else "")
    return f"it has tables {shown}"
