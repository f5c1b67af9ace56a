import sqlite_utils

from pipeline.records import DocumentRecord, JudgementRecord, ParsedDocument, ReportFacts
from pipeline.store import document_id, open_timeline
from pipeline.store.schema import MIGRATIONS


def test_same_text_however_spaced_has_the_same_id() -> None:
    assert document_id("A  notice\n\nabout Leeds") == document_id("A notice about Leeds ")
    assert document_id("A notice about Leeds") != document_id("A notice about Leicester")


def test_saving_twice_replaces_the_facts_in_place(db_path) -> None:
    timeline = open_timeline(db_path)
    parsed = ParsedDocument(source="n.txt", text="Ofsted judged Leeds inadequate.", published="2010-01-01")
    judgement = JudgementRecord(authority="Leeds", area="overall_effectiveness", rating="inadequate",
                                evidence="Ofsted judged Leeds inadequate.", start=0, end=31)
    record = DocumentRecord(source="n.txt", judgements=[judgement])
    timeline.save(parsed, record, b"raw", "test")
    timeline.save(parsed, record, b"raw", "test")
    assert timeline.counts()["documents"] == 1
    assert timeline.counts()["judgements"] == 1
    row = next(timeline.db.query("select gss from judgements"))
    assert row["gss"] == "E08000035"


def test_reopening_applies_no_migration_twice(db_path) -> None:
    open_timeline(db_path)
    timeline = open_timeline(db_path)
    assert [r["version"] for r in timeline.db["migrations"].rows] == [1, 2, 3, 4]


def test_a_database_from_before_report_facts_gains_the_column_and_keeps_its_documents(db_path) -> None:
    db = sqlite_utils.Database(db_path)
    db.table("migrations").create({"version": int, "name": str}, pk="version")
    for version, name, apply in MIGRATIONS[:3]:
        apply(db)
        db.table("migrations").insert({"version": version, "name": name})
    db.table("documents").insert({"id": "old", "source": "old.pdf", "text": "Inspection of Leeds", "kind": "pdf"})
    db.close()
    timeline = open_timeline(db_path)
    assert [r["version"] for r in timeline.db["migrations"].rows] == [1, 2, 3, 4]
    assert list(timeline.db.query("select source, report from documents")) == [{"source": "old.pdf", "report": None}]
    report = ReportFacts(framework="ILACS", authority="Rutland", inspection_start="2023-03-06", inspection_end="2023-03-17")
    timeline.save(ParsedDocument(source="r.pdf", text="Rutland", kind="pdf", report=report), DocumentRecord(source="r.pdf"), None, "test")
    stored = timeline.db.execute("select report from documents where source = 'r.pdf'").fetchone()[0]
    assert ReportFacts.model_validate_json(stored) == report


def _notice(source: str, text: str, url: str | None = None) -> tuple[ParsedDocument, DocumentRecord]:
    return ParsedDocument(source=source, text=text, url=url), DocumentRecord(source=source, url=url)


def test_two_files_that_claim_one_url_are_both_kept(db_path) -> None:
    """Regression (issue 12): a sidecar URL shared by two files made the second delete the first."""
    timeline = open_timeline(db_path)
    for source, text in (("a.txt", "Leeds was rated good."), ("b.txt", "Hull was rated good.")):
        parsed, record = _notice(source, text, url="https://example.org/same")
        timeline.save(parsed, record, None, "test")
    assert sorted(row["source"] for row in timeline.db.query("select source from documents")) == ["a.txt", "b.txt"]


def test_an_edited_file_replaces_its_old_version(db_path) -> None:
    """Regression (issue 12): an edited local file was stored beside its old version."""
    timeline = open_timeline(db_path)
    for text in ("Leeds was rated inadequate.", "Leeds was rated good."):
        parsed, record = _notice("notices/leeds.txt", text)
        timeline.save(parsed, record, None, "test")
    assert [row["text"] for row in timeline.db.query("select text from documents")] == ["Leeds was rated good."]


def test_a_text_from_a_second_source_keeps_the_first_source(db_path) -> None:
    timeline = open_timeline(db_path)
    for source in ("first.txt", "copy-of-first.txt"):
        parsed, record = _notice(source, "Leeds was rated good.")
        timeline.save(parsed, record, None, "test")
    assert [row["source"] for row in timeline.db.query("select source from documents")] == ["first.txt"]
