"""Bad input through `timeline ingest`: each bad source is one line and one ingest_errors row,
the good ones in the same batch are stored, and running again changes nothing."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from tests.conftest import run_cli

PARAGRAPH = "The improvement board met again to review the plan for children in care.\n\n"


def rows(db: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql).fetchall()


def test_a_bad_batch_loses_nothing_and_a_rerun_changes_nothing(tmp_path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a-dump.txt").write_text(PARAGRAPH * (1_010_000 // len(PARAGRAPH)), encoding="utf-8")
    (inbox / "b-leeds.txt").write_text("Leeds notice\n\nOfsted judged children's services in Leeds good in 2019.\n", encoding="utf-8")
    (inbox / "c-export.txt").write_bytes("Hull notice\n\nOfsted judged Hull inadequate in 2018.\n".encode("utf-16-le"))
    for name, grade in (("d-york", "good"), ("e-bury", "outstanding")):  # two files that claim one URL
        (inbox / f"{name}.txt").write_text(f"{name}\n\nOfsted judged {name[2:].title()} {grade} in 2017.\n", encoding="utf-8")
        (inbox / f"{name}.meta.json").write_text(json.dumps({"url": "https://example.org/roundup"}), encoding="utf-8")
    (inbox / "f-wigan.txt").write_text("Wigan notice\n\nOfsted judged Wigan good in 2016.\n", encoding="utf-8")
    (inbox / "f-wigan.meta.json").write_text(json.dumps({"published": "2016-02-30"}), encoding="utf-8")
    db = tmp_path / "timeline.db"

    first = run_cli("ingest", str(inbox), "--db", str(db))
    assert first.exit_code == 1
    failures = [line for line in first.output.splitlines() if line.startswith(str(inbox))]
    assert len(failures) == 2 and "Traceback" not in first.output
    assert failures[0].startswith(f"{inbox}/a-dump.txt: text too long (1,00")
    assert failures[1].startswith(f"{inbox}/f-wigan.txt: sidecar {inbox}/f-wigan.meta.json: published '2016-02-30' is not a real date")
    assert "4 stored, 0 unchanged, 2 failed" in first.output
    assert [source for (source,) in rows(db, "select source from ingest_errors order by source")] == [f"{inbox}/a-dump.txt", f"{inbox}/f-wigan.txt"]
    assert sorted(Path(s).name for (s,) in rows(db, "select source from documents")) == ["b-leeds.txt", "c-export.txt", "d-york.txt", "e-bury.txt"]
    stored = rows(db, "select id, source, text from documents order by id")

    again = run_cli("ingest", str(inbox), "--db", str(db))
    assert "0 stored, 4 unchanged, 2 failed" in again.output
    assert rows(db, "select id, source, text from documents order by id") == stored

    (inbox / "b-leeds.txt").write_text("Leeds notice\n\nOfsted judged children's services in Leeds outstanding in 2023.\n", encoding="utf-8")
    edited = run_cli("ingest", str(inbox / "b-leeds.txt"), "--db", str(db))
    assert edited.exit_code == 0, edited.output
    leeds = rows(db, "select rating from judgements j join documents d on d.id = j.document_id where d.source like '%b-leeds.txt'")
    assert leeds == [("outstanding",)]  # the old version and its grade are gone
