import pytest

from pipeline.resolve.people import noun_phrase, organisation_of

# A line that makes a text about children's services: a page without the domain's words adds no
# people to the record (pipeline/resolve/topic.py), and these tests are about which are found.
ON_TOPIC = "\nThe council's children's services were inspected."


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
    found = people(extract_text(text + ON_TOPIC, "2015-06-01"))
    assert name in found
    assert role_words.lower() in (found[name] or "").lower()


def test_titles_are_stripped_and_short_references_join_the_full_name(extract_text) -> None:
    text = "Councillor Shaun Wrightson said they had acted.\n“We are confident,” Wrightson said.\nLord Laming reported."
    record = extract_text(text + ON_TOPIC, "2009-11-01")
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
    assert {p.name for p in extract_text(text + ON_TOPIC, "2016-01-01").people} == expected


def test_honours_and_offices_after_a_name_are_not_part_of_it(extract_text) -> None:
    text = ("The review was led by Margaret Hollis CBE, who met Wigan's leaders. "
            "Later Margaret Hollis said the council had improved.")
    names = {p.name for p in extract_text(text + ON_TOPIC, "2016-01-01").people}
    assert names == {"Margaret Hollis"}


def test_a_clause_after_a_name_is_not_a_role(extract_text) -> None:
    text = "The chair of the board, Sir Alan Preece, wrote to the Secretary of State on 3 May about Bury."
    [person] = [p for p in extract_text(text + ON_TOPIC, "2016-06-01").people if p.name == "Alan Preece"]
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
    assert {p.name for p in extract_text(text + ON_TOPIC, "2016-07-01").people} == names


# Issue 14: people worth listing ---------------------------------------------------------------
# Every text below names children's services (fostering, safeguarding, social care …), so the
# topic check keeps its people; what is tested is which spans are people.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # page furniture: video embeds, menus, share buttons
        ("Share this page\nEmbed Size\nThe council's fostering service was rated good, said Councillor Mark Jennings.",
         {"Mark Jennings"}),
        ("Most Read\nCookie Settings\nSafeguarding leads met on Monday, when Sarah Young spoke for the families.",
         {"Sarah Young"}),
        # the domain's common nouns in title case
        ("The report on social care found that Looked After Children in the county waited too long, "
         "and Young People leaving care had no plan.", set()),
        ("The Director of Children and Young People, Andrea Holt, said the safeguarding work had improved.", {"Andrea Holt"}),
        # credits: a photographer, a picture agency, an illustrator
        ("Photo: Tom Ashworth/PA\nOfsted rated the council's children's services inadequate, said Jane Milner.", {"Jane Milner"}),
        ("Image by Sarah Kettle for the Gazette\nThe Children's Minister, Tim Lorne, visited the children's home.", {"Tim Lorne"}),
        ("Inspectors praised the adoption team (Picture: Dan Kitwood) and Mrs Joan Pell, its manager.", {"Joan Pell"}),
        ("Pictures by Lee Chapman\nKent's social care teams were praised by Councillor Ruth Ebbs.", {"Ruth Ebbs"}),
        # a line that opens with 'By' and goes on as a sentence is no credit
        ("By then, Carla Benn had left the safeguarding board.", {"Carla Benn"}),
        # places: constituencies are gazetteer places with compass words
        ("The MP for Bristol West, Thea Dorrance, asked about child protection in the city.", {"Thea Dorrance"}),
        ("Manchester Central and Bristol West both have high numbers of children in care.", set()),
        # organisations: a name inside a longer body's name
        ("Brighter Futures for Children took over social care in Reading, and its chief executive, Ana Marsh, said so.",
         {"Ana Marsh"}),
        # an inspection report's headings and programmes, and an inspector's letters after her name
        ("Recommendations Summary\nPathway Plans for care leavers were late, and Safer Hartlepool met rarely, "
         "wrote Dawn Gell HMI.", {"Dawn Gell"}),
    ],
)
def test_only_person_names_are_people(extract_text, text: str, expected: set) -> None:
    assert {p.name for p in extract_text(text, "2019-05-01").people} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a surname with a particle, and a peer's title, join the full name named in the document
        ("Professor Julian Le Grand, chair of the review of children's social care in Slough, presented it. "
         "Mr Le Grand said the trust should start in 2015.", {"Julian Le Grand": "Professor"}),
        ("Fostering was praised. Professor Le Grand reported in 2016, before Julian Le Grand retired.", {"Julian Le Grand": None}),
        ("Safeguarding was weak. Lord Warner of Brockley was appointed commissioner. "
         "\u201cWe will help,\u201d Norman Warner told the council.", {"Norman Warner": "Lord"}),
        ("Safeguarding was weak. Lord Laming said the lessons had not been learnt. "
         "Herbert Laming, who led the inquiry, was speaking in Haringey.", {"Herbert Laming": "Lord"}),
        # two people could be meant: the peer stays a person of his own
        ("Safeguarding was weak. Baroness Morgan spoke. Nicky Morgan and Rhodri Morgan replied about child protection.",
         {"Baroness Morgan": None, "Nicky Morgan": None, "Rhodri Morgan": None}),
        # a peer named by title alone stays so
        ("The review of social care was carried out by Lord Bury, a former judge.", {"Lord Bury": None}),
    ],
)
def test_one_person_per_identity_across_name_forms(extract_text, text: str, expected: dict) -> None:
    assert {p.name: p.title for p in extract_text(text, "2016-01-01").people} == expected


@pytest.mark.parametrize(
    ("text", "name", "role", "organisation", "authority"),
    [
        # the Crown's office keeps its whole head
        ("Children's services were judged good. Her Majesty's Chief Inspector, Amanda Spielberg, said standards had risen.",
         "Amanda Spielberg", "Her Majesty's Chief Inspector", None, None),
        # a clause before the name: only the noun phrase next to it is the role
        ("The education secretary today removed Haringey's director of children's services, Sharon Shoebridge, after the report.",
         "Sharon Shoebridge", "Haringey's director of children's services", "Haringey", "Haringey"),
        ("The two councils shared social workers after the summer, when Dorset's director of children's services, "
         "Dr Alan Whitby, began advising the island.", "Alan Whitby", "Dorset's director of children's services", "Dorset", "Dorset"),
        # a portfolio is not an organisation
        ("The Children's Minister, Jane Dorrity, has today announced the adoption plan.", "Jane Dorrity", "Children's Minister", None, None),
        ("Minister for Children and Families, Bethany Rowe, said social care had to change.", "Bethany Rowe",
         "Minister for Children and Families", None, None),
        # a council written in lower case, after the portfolio
        ("Fostering rates rose, said Dave Hulme, Director of Children's Services at Essex county council.", "Dave Hulme",
         "Director of Children's Services at Essex county council", "Essex county council", "Essex"),
    ],
)
def test_roles_are_noun_phrases_and_organisations_are_bodies(extract_text, text, name, role, organisation, authority) -> None:
    [person] = [p for p in extract_text(text, "2012-06-01").people if p.name == name]
    assert (person.role, person.organisation, person.authority) == (role, organisation, authority)


@pytest.mark.parametrize(
    ("role", "organisation"),
    [
        ("Children's Minister", None),
        ("Minister for Children and Families", None),
        ("Secretary of State for Communities and Local Government", None),
        ("Minister for Social Services and Public Health", None),
        ("Her Majesty's Inspector", None),
        ("Commissioning Manager for Children's Placements", None),
        ("MP for Manchester Central", None),
        ("DfE-appointed Children's Services Commissioner", None),
        ("Head of Commissioning", None),
        ("chief executive of Action for Children", "Action for Children"),
        ("general secretary of the Children's Workforce Alliance", "Children's Workforce Alliance"),
        ("Chairman of the Local Government Association's children's board", "Local Government Association"),
        ("Ofsted's regional director for London", "Ofsted"),
        ("Estyn's chief inspector", "Estyn"),
        ("RBKC's lead member for family services", "RBKC"),
        ("Cheshire East's lead commissioner for children's services", "Cheshire East"),
        ("professor of social policy at Keele University", "Keele University"),
        ("strategic director for Together for Families", "Together for Families"),
    ],
)
def test_the_organisation_of_a_role(gazetteer, role: str, organisation: str | None) -> None:
    assert organisation_of(role, gazetteer) == organisation


@pytest.mark.parametrize(
    ("sentence", "role", "before", "expected"),
    [
        ("Ministers today appointed a commissioner for Tameside, Yvonne Harlow, in May.", "Ministers today appointed a commissioner for Tameside",
         True, "commissioner for Tameside"),
        ("The inspectors said the director, Jo Penn, led well.", "director", True, "director"),
        ("Jo Penn, director of children's services since 2015 joined the board.", "director of children's services since 2015 joined the board",
         False, "director of children's services since 2015"),
        ("Ros Jenner, the town's elected mayor, said so.", "town's elected mayor", False, "town's elected mayor"),
        ("The council, which today sacked Jo Penn, apologised.", "which today sacked", True, None),
    ],
)
def test_noun_phrase_of_a_role(nlp, sentence: str, role: str, before: bool, expected: str | None) -> None:
    [span] = list(nlp(sentence).sents)
    assert noun_phrase(role, span, 0, len(sentence), before) == expected
