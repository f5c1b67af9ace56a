import pytest


def people(record) -> dict[str, str | None]:
    return {p.name: p.role for p in record.people}


@pytest.mark.parametrize(
    ("text", "name", "role_words"),
    [
        ("The Children's Minister, Jane Dorrity, has today announced the plan.", "Jane Dorrity", "Minister"),
        ("Kevin Marlow Chief Executive of Devon County Council said: “We accept it.”", "Kevin Marlow", "Chief Executive"),
        ("Cllr Roy Ferris, Chairman of the County Councils Network's children's panel, said more was needed.",
         "Roy Ferris", "Chairman"),
        ("Sir Tony Hadleigh, chief executive of Action for Children, welcomed the news.", "Tony Hadleigh", "chief executive"),
        ("A new board was created with Peter Kellan as an independent chair.", "Peter Kellan", "independent chair"),
        ("Prime Minister David Cameron said the reforms would help.", "David Cameron", "Prime Minister"),
    ],
)
def test_roles_from_the_constructions_that_carry_them(extract_text, text, name, role_words) -> None:
    found = people(extract_text(text, "2015-06-01"))
    assert name in found
    assert role_words.lower() in (found[name] or "").lower()


def test_titles_are_stripped_and_short_references_join_the_full_name(extract_text) -> None:
    text = "Councillor Shaun Wrightson said they had acted.\n“We are confident,” Wrightson said.\nLord Laming reported."
    record = extract_text(text, "2009-11-01")
    assert {p.name for p in record.people} == {"Shaun Wrightson", "Lord Laming"}
    assert next(p for p in record.people if p.name == "Shaun Wrightson").title == "Councillor"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By Priya Nandan, Public Services Correspondent\nThe council was inspected.", set()),
        ("The review was carried out by Lord Bury, a former judge.", {"Lord Bury"}),
        ("Hammersmith & Fulham now has its own director, Marcus Ilford, who joined in January.", {"Marcus Ilford"}),
        ("Headteacher Mrs Anita Crossfield said pupils were proud.", {"Anita Crossfield"}),
    ],
)
def test_names_found_and_furniture_dropped(extract_text, text: str, expected: set) -> None:
    assert {p.name for p in extract_text(text, "2016-01-01").people} == expected
