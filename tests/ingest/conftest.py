"""Shared by the ingest tests: the real command in a subprocess, and the checks a database must pass."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS, run_cli

TIMELINE = [sys.executable, "-m", "pipeline.cli"]


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
