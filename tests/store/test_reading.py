"""`read_timeline` opens a timeline without changing any file, and refuses what is not one in one line.

Regression (issue 12, item 15): read commands opened the database with ``open_timeline``, which
creates, migrates and switches to WAL; pointed at another application's SQLite file, that file
was switched to WAL and the command failed with "table documents already exists".
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from pipeline.errors import StoreError
from pipeline.records import ActionRecord, DocumentRecord, ParsedDocument
from pipeline.store import open_timeline, read_timeline
from tests.conftest import ROOT


def fingerprint(path: Path) -> tuple[str, list[str]]:
    """The file's hash and every file beside it, so a -wal, -shm or -journal that appears shows."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), sorted(p.name for p in path.parent.iterdir())


def small_timeline(path: Path) -> Path:
    """A real timeline with one document and one action, written as `timeline ingest` writes."""
    timeline = open_timeline(path)
    text = "An improvement notice was issued to Somerset County Council."
    action = ActionRecord(authority="Somerset", kind="improvement_notice", status="directed", evidence=text,
                          start=0, end=len(text), date="2013-11-21")
    timeline.save(ParsedDocument(source="notice.txt", text=text, published="2013-11-21"),
                  DocumentRecord(source="notice.txt", published="2013-11-21", actions=[action]), text.encode(), "test")
    timeline.close()
    return path


def other_application(path: Path, *tables: str) -> Path:
    """Another program's SQLite file, in the default rollback-journal mode."""
    with closing(sqlite3.connect(path)) as conn:
        for table in tables:
            conn.execute(f"create table {table} (id integer primary key, body text)")
        conn.commit()
    return path


def refusal(path: Path) -> str:
    with pytest.raises(StoreError) as raised:
        read_timeline(path)
    return str(raised.value)


def test_a_missing_file_is_refused_and_not_created(tmp_path) -> None:
    path = tmp_path / "nothing-here" / "timeline.db"
    assert refusal(path) == f"{path}: no timeline database here; run `timeline ingest` first"
    assert not path.parent.exists()


@pytest.mark.parametrize("tables", [("users", "orders"), ("documents", "users"), ("documents", "migrations")])
def test_another_applications_sqlite_file_is_refused_byte_for_byte_unchanged(tmp_path, tables: tuple[str, ...]) -> None:
    path = other_application(tmp_path / "app.sqlite", *tables)
    before = fingerprint(path)
    message = refusal(path)
    shown = ", ".join(sorted(tables))
    assert message == f"{path}: not a timeline database (it has tables {shown}); point --db at a file made by `timeline ingest`"
    assert fingerprint(path) == before
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        assert conn.execute("pragma journal_mode").fetchone()[0] == "delete"


def test_a_sqlite_file_with_many_tables_names_a_few(tmp_path) -> None:
    path = other_application(tmp_path / "big.sqlite", *(f"t{i:02d}" for i in range(20)))
    assert "(it has tables t00, t01, t02, t03, t04, t05, t06, t07…);" in refusal(path)


@pytest.mark.parametrize(("content", "reason"), [
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "not a SQLite database (it starts with b'%PDF-1.4'); point --db at a file made by `timeline ingest`"),
    (b"", "an empty file, not a timeline database; point --db at a file made by `timeline ingest`"),
    (b"SQLite format 3\x00" + b"\xff" * 200, "not a readable SQLite database"),
])
def test_a_file_that_is_not_sqlite_gets_one_clear_line(tmp_path, content: bytes, reason: str) -> None:
    path = tmp_path / "timeline.db"
    path.write_bytes(content)
    before = fingerprint(path)
    assert refusal(path).startswith(f"{path}: {reason}")
    assert fingerprint(path) == before


def test_a_folder_is_not_a_timeline(tmp_path) -> None:
    assert refusal(tmp_path) == f"{tmp_path}: not a file, so not a timeline database; point --db at a file made by `timeline ingest`"


def test_a_timeline_from_an_older_version_says_how_to_upgrade(tmp_path) -> None:
    path = small_timeline(tmp_path / "timeline.db")
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("delete from migrations where version = 4")
        conn.commit()
    assert refusal(path) == (f"{path}: made by an older version of timeline (schema 3, this one reads 4); "
                             "run `timeline update` once to upgrade it")


def test_a_timeline_reads_as_written_and_its_file_is_unchanged(tmp_path) -> None:
    path = small_timeline(tmp_path / "timeline.db")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    timeline = read_timeline(path)
    assert timeline.counts()["actions"] == 1
    assert [r.source for r in timeline.records()] == ["notice.txt"]
    with pytest.raises(sqlite3.OperationalError, match="readonly|read-only"):
        timeline.db.execute("delete from actions")
    timeline.db.close()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


@contextmanager
def unwritable(folder: Path) -> Iterator[None]:
    """The folder and its files made unwritable for this process. Root ignores file modes, so as root
    they are made immutable (``chattr +i``), which holds for root too; undone afterwards."""
    paths = [*folder.iterdir(), folder]
    if os.geteuid() != 0:
        for path in paths:
            path.chmod(0o555 if path.is_dir() else 0o444)
        undo = [["chmod", "u+w", str(path)] for path in paths]
    else:
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", *map(str, paths)], capture_output=True).returncode:
            pytest.skip("as root, a folder can only be made unwritable with chattr +i on a filesystem that supports it")
        undo = [["chattr", "-i", *map(str, paths)]]
    try:
        yield
    finally:
        for command in undo:
            subprocess.run(command, check=True)


def test_a_timeline_in_a_folder_its_reader_cannot_write_is_still_queryable(tmp_path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    path = small_timeline(folder / "timeline.db")
    assert sorted(p.name for p in folder.iterdir()) == ["timeline.db"], "closed cleanly: no -wal or -shm left"
    with unwritable(folder):
        with pytest.raises(OSError):
            (folder / "probe").touch()
        before = fingerprint(path)
        shown = subprocess.run([sys.executable, "-m", "pipeline.cli", "show", "Somerset", "--db", str(path), "--format", "json"],
                               cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert shown.returncode == 0, shown.stderr
        assert '"improvement_notice (directed)"' in shown.stdout
        assert fingerprint(path) == before
