"""`timeline ingest` treats paths as names: nothing outside the database is written, nothing is run.

File names with spaces, quotes, semicolons, newlines and ``$(touch pwned)``; ``../..`` paths;
symlinks out of the folder; a sidecar whose url is ``file:///etc/passwd`` and whose title is
``../../x``. After each run the only files created or changed anywhere under the temporary
folder are the database and its -wal/-shm companions, no ``pwned`` exists, and every failure
is one line naming its source.
"""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

DB_FILES = {"timeline.db", "timeline.db-wal", "timeline.db-shm"}
HOSTILE_NAMES = [
    "with space.txt",
    "quote'single.txt",
    'quote"double.txt',
    "semi;colon.txt",
    "$(touch pwned).txt",
    "`touch pwned`.txt",
    "a;touch pwned;.txt",
    "-rf.txt",
    "--db=other.db.txt",
    "new\nline.txt",
    "tab\there.txt",
    "ünïcode ’name’.txt",
]


def notice(number: int) -> str:
    return f"Notice {number}\n\nOfsted rated children's services in Somerset inadequate in {2010 + number}.\n"


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every path under root (symlinks not followed) with its modification time and size."""
    found = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            stat = path.lstat()
            found[str(path.relative_to(root))] = (stat.st_mtime_ns, stat.st_size)
    return found


def changed(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> set[str]:
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def stored_sources(db: Path) -> list[str]:
    with closing(sqlite3.connect(db)) as conn:
        return sorted(source for (source,) in conn.execute("select source from documents"))


def assert_failures_are_one_line_each(output: str, sources: list[str]) -> None:
    for source in sources:
        assert any(line.startswith(f"{source}: ") for line in output.splitlines()), output


@pytest.fixture()
def cwd(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_hostile_file_names_are_only_names(cwd) -> None:
    inbox = cwd / "inbox"
    inbox.mkdir()
    for number, name in enumerate(HOSTILE_NAMES):
        (inbox / name).write_text(notice(number), encoding="utf-8")
    before = snapshot(cwd)
    by_folder = run_cli("ingest", "inbox", "--db", "timeline.db")
    assert by_folder.exit_code == 0, by_folder.output
    assert stored_sources(cwd / "timeline.db") == sorted(f"inbox/{name}" for name in HOSTILE_NAMES)
    by_name = run_cli("ingest", *(f"inbox/{name}" for name in HOSTILE_NAMES), "--db", "timeline.db")
    assert by_name.exit_code == 0 and f"0 stored, {len(HOSTILE_NAMES)} unchanged, 0 failed" in by_name.output
    assert changed(before, snapshot(cwd)) <= DB_FILES
    assert not list(cwd.rglob("pwned")) and not (ROOT / "pwned").exists()


def test_paths_out_of_the_folder_are_read_where_they_point_and_written_nowhere(cwd, tmp_path_factory) -> None:
    outside = tmp_path_factory.mktemp("outside")
    (outside / "elsewhere.txt").write_text(notice(1), encoding="utf-8")
    (outside / "folder").mkdir()
    (outside / "folder" / "deep.txt").write_text(notice(2), encoding="utf-8")
    inbox = cwd / "inbox"
    inbox.mkdir()
    (inbox / "own.txt").write_text(notice(3), encoding="utf-8")
    (inbox / "link.txt").symlink_to(outside / "elsewhere.txt")
    (inbox / "linked-folder").symlink_to(outside / "folder", target_is_directory=True)
    (inbox / "dangling.txt").symlink_to(outside / "gone.txt")
    (inbox / "loop").symlink_to(inbox, target_is_directory=True)
    before, outside_before = snapshot(cwd), snapshot(outside)
    result = run_cli("ingest", "inbox", "../../etc/passwd", "inbox/dangling.txt", "--db", "timeline.db")
    assert result.exit_code == 1
    assert_failures_are_one_line_each(result.output, ["../../etc/passwd", "inbox/dangling.txt"])
    assert "inbox/link.txt" in stored_sources(cwd / "timeline.db")
    assert changed(before, snapshot(cwd)) <= DB_FILES
    assert snapshot(outside) == outside_before


def test_a_sidecar_is_metadata_only_and_a_bad_one_fails_its_document(cwd) -> None:
    inbox = cwd / "inbox"
    inbox.mkdir()
    (inbox / "notice.txt").write_text(notice(4), encoding="utf-8")
    sidecar = {"url": "file:///etc/passwd", "title": "../../x", "published": "../../x"}
    (inbox / "notice.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    (inbox / "broken.txt").write_text(notice(5), encoding="utf-8")
    (inbox / "broken.meta.json").write_text('{"url": "$(touch pwned)", ', encoding="utf-8")
    (inbox / "fine.txt").write_text(notice(6), encoding="utf-8")
    (inbox / "fine.meta.json").write_text(json.dumps({"url": "https://example.org/fine", "title": "../../x"}), encoding="utf-8")
    before = snapshot(cwd)
    result = run_cli("ingest", "inbox", "--db", "timeline.db")
    assert result.exit_code == 1
    assert_failures_are_one_line_each(result.output, ["inbox/broken.txt", "inbox/notice.txt"])
    assert "sidecar inbox/broken.meta.json: not valid JSON" in result.output
    assert "sidecar inbox/notice.meta.json: published '../../x' is not a date in the form YYYY-MM-DD" in result.output
    with closing(sqlite3.connect(cwd / "timeline.db")) as conn:
        rows = conn.execute("select source, url, title, published, text from documents").fetchall()
    assert rows == [("inbox/fine.txt", "https://example.org/fine", "../../x", None, notice(6).strip())]
    assert changed(before, snapshot(cwd)) <= DB_FILES
    assert not (cwd.parent / "x").exists() and not list(cwd.rglob("pwned"))


def test_a_file_named_like_a_glob_is_ingested_by_its_name(cwd) -> None:
    (cwd / "a [1].txt").write_text(notice(6), encoding="utf-8")
    result = run_cli("ingest", "a [1].txt", "--db", "timeline.db")
    assert stored_sources(cwd / "timeline.db") == ["a [1].txt"], result.output


def test_a_failure_is_one_line_even_when_the_name_has_a_newline(cwd) -> None:
    (cwd / "empty\nname.txt").write_bytes(b"")
    result = run_cli("ingest", "empty\nname.txt", "--db", "timeline.db")
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if "empty document" in line] == ["empty\\nname.txt: empty document (no text to extract)"]


def test_the_summary_names_the_database_verbatim(cwd) -> None:
    (cwd / "notice.txt").write_text(notice(7), encoding="utf-8")
    result = run_cli("ingest", "notice.txt", "--db", "[bold]timeline.db")
    assert "-> [bold]timeline.db" in result.output
