"""A timeline follows the authority's predecessors and successors."""

from pipeline.ingest.extraction import extract_document
from pipeline.query.timeline import authority_timeline
from pipeline.records import ParsedDocument
from pipeline.store import open_timeline


def test_cornwall_runs_from_the_county_council_to_the_unitary(db_path, nlp) -> None:
    timeline = open_timeline(db_path)
    for source, text, published in [
        ("old.txt", "Cornwall County Council inspected\nOfsted judged Cornwall County Council's children's services "
                    "adequate in 2006.", "2006-12-01"),
        ("new.txt", "Cornwall Council rated good\nOfsted rated Cornwall Council's children's services good.", "2024-08-22"),
    ]:
        parsed = ParsedDocument(source=source, text=text, published=published)
        timeline.save(parsed, extract_document(parsed), None, "test")
    codes = {row["gss"] for row in timeline.db.query("select gss from judgements")}
    assert codes == {"E10000005", "E06000052"}, "each mention links to the authority in force at its date"
    entries = authority_timeline(timeline, "Cornwall")
    assert [(e.date, e.detail) for e in entries] == [("2006", "overall_effectiveness: adequate"),
                                                      ("2024-08-22", "overall_effectiveness: good")]
