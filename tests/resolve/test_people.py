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


def test_honours_and_offices_after_a_name_are_not_part_of_it(extract_text) -> None:
    text = ("The review was led by Margaret Hollis CBE, who met Wigan's leaders. "
            "Later Margaret Hollis said the council had improved.")
    names = {p.name for p in extract_text(text, "2016-01-01").people}
    assert names == {"Margaret Hollis"}


def test_a_clause_after_a_name_is_not_a_role(extract_text) -> None:
    text = "The chair of the board, Sir Alan Preece, wrote to the Secretary of State on 3 May about Bury."
    [person] = [p for p in extract_text(text, "2016-06-01").people if p.name == "Alan Preece"]
    assert person.role is None or not person.role.startswith("wrote")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # an author heading with no verb, and the body never names the author again: a byline
        ("Anwen Price AM, Minister for Children\nThe inspection of Newport found weaknesses.", set()),
        # the body names the author again: a person of the document
        ("Anwen Price AM, Minister for Children\nMs Price said the teams in Torbay had improved.", {"Anwen Price"}),
        # a headline with a verb is not a byline
        ("Anwen Price, the minister, praises Torbay's social workers\nThe visit came in June.", {"Anwen Price"}),
    ],
)
def test_a_statements_author_heading_is_a_byline(extract_text, text: str, names: set) -> None:
    assert {p.name for p in extract_text(text, "2016-07-01").people} == names
