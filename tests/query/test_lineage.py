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


def test_a_sibling_is_not_lineage_and_nothing_is_filed_under_a_council_after_it_ended(db_path, nlp) -> None:
    timeline = open_timeline(db_path)
    for source, text, published in [
        ("east.txt", "Ofsted rated Cheshire East Council's children's services good in 2024.", "2024-05-01"),
        ("county.txt", "Ofsted judged Cheshire County Council's children's services adequate in 2008.", "2008-06-01"),
        ("later.txt", "Ofsted rated children's services in Cheshire good in 2016.", "2016-04-01"),
    ]:
        parsed = ParsedDocument(source=source, text=text, published=published)
        timeline.save(parsed, extract_document(parsed), None, "test")
    west = authority_timeline(timeline, "Cheshire West and Chester")
    assert [(e.source, e.date) for e in west] == [("county.txt", "2008")], "the predecessor's past, not the sibling's"
    assert timeline.db.execute("select gss from judgements where evidence like '%in 2016%'").fetchone() == (None,), \
        "'Cheshire' in 2016 has two successors: filed under neither, and never under the county that ended in 2009"


def test_a_name_is_filed_under_the_authority_in_force_or_its_sole_successor() -> None:
    from pipeline.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    assert gazetteer.file_under("Cheshire", "2005").name == "Cheshire"
    assert gazetteer.file_under("Cheshire", "2016") is None
    assert gazetteer.file_under("Cornwall County Council", "2016").name == "Cornwall"
    assert [a.name for a in gazetteer.lineage("E06000050")] == ["Cheshire", "Cheshire West and Chester"]
