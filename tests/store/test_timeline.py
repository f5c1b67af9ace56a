from pipeline.records import DocumentRecord, JudgementRecord, ParsedDocument
from pipeline.store import document_id, open_timeline


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
    assert [r["version"] for r in timeline.db["migrations"].rows] == [1, 2, 3]
