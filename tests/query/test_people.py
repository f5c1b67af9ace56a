"""`people`: one person per identity across documents, the authorities each appearance is about,
and CSV for a spreadsheet (issue 14: a peer under his title and under his name, "Le Grand" beside
"Julian Le Grand", and no way to see which council a person appeared for)."""

from __future__ import annotations

import csv
import io

import pytest

from pipeline.errors import PipelineError
from pipeline.query.people import identities, people, people_csv
from pipeline.records import AuthorityRecord, DocumentRecord, ParsedDocument, PersonRecord
from pipeline.store import open_timeline
from pipeline.store.timeline import Timeline

# (file, published, authorities the document names, people as the resolver stored them)
DOCUMENTS = [
    ("inquiry.txt", "2003-01-28", ["Haringey"],
     [PersonRecord(name="Herbert Laming", role="chair of the inquiry")]),
    ("lecture.txt", "2009-03-12", ["Birmingham"], [PersonRecord(name="Lord Laming")]),
    ("review.txt", "2016-07-01", ["Slough"],
     [PersonRecord(name="Le Grand", role="chair of the review, appointed by the minister")]),
    ("trust.txt", "2016-10-01", ["Slough"], [PersonRecord(name="Julian Le Grand", title="Professor")]),
    ("smith-a.txt", "2012-05-01", ["Leeds"], [PersonRecord(name="Anne Smith", role="director")]),
    ("smith-b.txt", "2012-06-01", ["Leeds"], [PersonRecord(name="Bob Smith")]),
    ("smith-lord.txt", "2012-07-01", ["Leeds"], [PersonRecord(name="Lord Smith")]),
    ("hants.txt", "2012-12-14", ["Hampshire", "Isle of Wight"],
     [PersonRecord(name="Carol Penn", role="Hampshire's director of children's services", organisation="Hampshire",
                   authority="Hampshire"),
      PersonRecord(name="Dev Rana", role="Children's Minister")]),
    # stored before the resolver filled in the authority of a role's organisation
    ("older.txt", "2011-02-01", ["Leeds"],
     [PersonRecord(name="Ola Brandt", role="chief executive of Kirklees Council", organisation="Kirklees Council")]),
]


@pytest.fixture()
def timeline(db_path) -> Timeline:
    timeline = open_timeline(db_path)
    for source, published, places, found in DOCUMENTS:
        parsed = ParsedDocument(source=source, text=f"The text of {source}.", published=published)
        authorities = [AuthorityRecord(name=name, gss=timeline.gazetteer.resolve(name, published).gss) for name in places]
        timeline.save(parsed, DocumentRecord(source=source, published=published, authorities=authorities, people=found), None, "test")
    return timeline


def by_name(found) -> dict:
    return {p.name: p for p in found}


def test_a_peers_title_in_one_document_joins_his_full_name_in_another(timeline) -> None:
    found = by_name(people(timeline))
    assert "Lord Laming" not in found
    laming = found["Herbert Laming"]
    assert [(a.source, a.named_as) for a in laming.appearances] == [("inquiry.txt", None), ("lecture.txt", "Lord Laming")]
    assert laming.also_named == ["Lord Laming"]


def test_a_particle_surname_joins_the_full_name(timeline) -> None:
    found = by_name(people(timeline))
    assert "Le Grand" not in found
    assert [a.role for a in found["Julian Le Grand"].appearances] == ["chair of the review, appointed by the minister", None]


def test_a_short_form_that_could_be_two_people_joins_neither(timeline) -> None:
    found = by_name(people(timeline))
    assert {"Anne Smith", "Bob Smith", "Lord Smith"} <= set(found)
    assert found["Lord Smith"].also_named == []


def test_asking_for_any_form_of_a_name_finds_the_whole_person(timeline) -> None:
    for asked in ("Laming", "Herbert Laming", "Lord Laming"):
        assert [(p.name, len(p.appearances)) for p in people(timeline, asked)] == [("Herbert Laming", 2)]


def test_appearances_carry_the_authority_of_the_role_else_of_the_document(timeline) -> None:
    found = by_name(people(timeline))
    assert found["Carol Penn"].appearances[0].authorities == ["Hampshire"]
    assert found["Dev Rana"].appearances[0].authorities == ["Hampshire", "Isle of Wight"]
    assert found["Herbert Laming"].appearances[0].authorities == ["Haringey"]
    assert found["Ola Brandt"].appearances[0].authorities == ["Kirklees"]


def test_filtering_by_authority_keeps_only_the_appearances_about_it(timeline) -> None:
    found = by_name(people(timeline, authority="Isle of Wight"))
    assert set(found) == {"Dev Rana"}, "Carol Penn's role is Hampshire's, though the document names the island"
    assert [a.source for a in by_name(people(timeline, "Laming", authority="Haringey"))["Herbert Laming"].appearances] == ["inquiry.txt"]
    with pytest.raises(PipelineError):
        people(timeline, authority="Atlantis")


def test_csv_has_a_header_a_row_per_appearance_and_quotes_what_needs_it(timeline) -> None:
    found = people(timeline)
    text = people_csv(found)
    assert text.startswith("name,named_as,title,date,role,organisation,authorities,source\r\n")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == sum(len(p.appearances) for p in found)
    review = next(r for r in rows if r["source"] == "review.txt")
    assert review["name"] == "Julian Le Grand" and review["named_as"] == "Le Grand"
    assert review["role"] == "chair of the review, appointed by the minister"
    assert '"chair of the review, appointed by the minister"' in text
    assert next(r for r in rows if r["name"] == "Dev Rana")["authorities"] == "Hampshire;Isle of Wight"


def test_csv_of_no_one_is_the_header_alone() -> None:
    assert people_csv([]) == "name,named_as,title,date,role,organisation,authorities,source\r\n"


@pytest.mark.parametrize(
    ("names", "groups"),
    [
        ({"a": "Herbert Laming", "b": "Lord Laming"}, {"a": ["a", "b"]}),
        ({"a": "Norman Warner", "b": "Lord Warner of Brockley"}, {"a": ["a", "b"]}),
        ({"a": "Julian Le Grand", "b": "Le Grand"}, {"a": ["a", "b"]}),
        ({"a": "Anne Smith", "b": "Bob Smith", "c": "Lord Smith"}, {"a": ["a"], "b": ["b"], "c": ["c"]}),
        ({"a": "Lord Bury"}, {"a": ["a"]}),
        ({"a": "Renée Fairweather", "b": "Baroness Fairweather"}, {"a": ["a", "b"]}),
    ],
)
def test_identities(names: dict[str, str], groups: dict[str, list[str]]) -> None:
    assert identities(names) == groups
