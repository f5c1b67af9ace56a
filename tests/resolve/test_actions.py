import pytest


def kinds(record) -> set[tuple[str, str, str]]:
    return {(a.authority, a.kind, a.status) for a in record.actions}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Somerset County Council has been issued with an improvement notice by the Department for Education.",
         {("Somerset", "improvement_notice", "directed")}),
        ("The improvement notice issued to Wokingham in 2010 has been lifted.",
         {("Wokingham", "improvement_notice", "lifted")}),
        ("The Secretary of State is revoking the statutory direction issued to Torbay in 2011.",
         {("Torbay", "statutory_direction", "lifted")}),
        ("The minister told Bolton council it was in danger of being issued with an improvement notice.",
         {("Bolton", "improvement_notice", "threatened")}),
        ("The Secretary of State is minded to use his powers to direct the establishment of an Improvement Board in Torbay.",
         {("Torbay", "statutory_direction", "proposed"), ("Torbay", "improvement_board", "proposed")}),
        ("Weaknesses in Medway and Thurrock children's services are to be addressed by new service leaders.",
         {("Medway", "new_leadership", "directed"), ("Thurrock", "new_leadership", "directed")}),
        ("Slough children's services will be transferred to an independent trust, the Education Secretary said.",
         {("Slough", "trust", "directed")}),
        ("A not-for-profit company will take charge of Wirral's social work for children from April.",
         {("Wirral", "trust", "directed")}),
    ],
)
def test_action_constructions(extract_text, text: str, expected: set) -> None:
    assert kinds(extract_text(text, "2015-06-01")) == expected


def test_the_authority_can_come_from_the_sentence_before(extract_text) -> None:
    text = (
        "The Secretary of State said he intended to make further interventions in Solihull.\n"
        "The council has been sent recommendations, among them an improvement board.\n"
        "Solihull has until 14 March to respond."
    )
    record = extract_text(text, "2010-03-01")
    assert ("Solihull", "improvement_board", "proposed") in kinds(record)
    board = next(a for a in record.actions if a.kind == "improvement_board")
    assert board.deadline == "2010-03-14"


@pytest.mark.parametrize(
    "text",
    [
        "Any council judged inadequate will face being taken over by a trust.",
        "Sefton Council appointed a new director of children's services last week.",
        "Care leavers receive an impressive level of support in Cornwall.",
        "Bournemouth, Christchurch and Poole Council received a statutory direction over its SEND services.",
        "The Department for Education praised Leeds for early intervention in the lives of families.",
        "Essex Police and Crime Commissioner Roger Hurst said the government would fund the scheme in Essex.",
    ],
)
def test_not_actions(extract_text, text: str) -> None:
    assert kinds(extract_text(text, "2015-06-01")) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parse attaches the recipient to the measure, even after another authority in the sentence
        ("Having praised Leeds, the department then issued improvement notices to Walsall and Sandwell.",
         {("Walsall", "improvement_notice", "directed"), ("Sandwell", "improvement_notice", "directed")}),
        ("Ministers sent commissioners into Slough, Tower Hamlets and Northamptonshire over the past two years.",
         {("Slough", "commissioner", "directed"), ("Tower Hamlets", "commissioner", "directed"),
          ("Northamptonshire", "commissioner", "directed")}),
        # a role-holder of one authority appointed to act for another: the action is the other's (A1)
        ("Wigan's director of children's services, Jo Platt, was appointed commissioner for Bolton.",
         {("Bolton", "commissioner", "directed")}),
        ("The chief executive of Hampshire will act as improvement adviser to the Isle of Wight.",
         {("Isle of Wight", "improvement_adviser", "directed")}),
        # a year in brackets after each authority does not break the list
        ("The Secretary of State used his powers of direction in relation to Torbay (2010), Birmingham (2014) and Reading (2016).",
         {("Torbay", "statutory_direction", "directed"), ("Birmingham", "statutory_direction", "directed"),
          ("Reading", "statutory_direction", "directed")}),
        # the authority before the cue still counts when nothing is aimed at after it
        ("Croydon was issued with an improvement notice in March.", {("Croydon", "improvement_notice", "directed")}),
    ],
)
def test_one_measure_aimed_at_a_list_is_an_action_for_each(extract_text, text: str, expected: set) -> None:
    assert kinds(extract_text(text, "2017-06-01")) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In Bradford the board's independent chair presents the annual report to councillors each spring.",
        "Progress in Wirral is reported every quarter to the improvement board, which scrutinises the data.",
        "In Croydon she also sits on the children's improvement board and the corporate parenting panel.",
        "Commissioners' plans in Sandwell do not yet show which placements are needed.",
        "In Hull the health trust, as commissioner, pays for the therapy service.",
    ],
)
def test_a_board_or_chair_mentioned_in_passing_is_not_a_measure(extract_text, text: str) -> None:
    assert kinds(extract_text(text, "2016-06-01")) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An independent chair will be appointed to lead the improvement board in Rotherham.",
         {("Rotherham", "independent_chair", "directed"), ("Rotherham", "improvement_board", "directed")}),
        ("Swindon must establish an improvement board within three months.", {("Swindon", "improvement_board", "directed")}),
        ("A new improvement board for Peterborough meets for the first time next week.", {("Peterborough", "improvement_board", "directed")}),
        ("A commissioner has been sent in to run children's services in Slough.", {("Slough", "commissioner", "directed")}),
        ("The minister said an external chair will be appointed to oversee improvement in Tameside.",
         {("Tameside", "independent_chair", "directed")}),
    ],
)
def test_a_board_or_chair_set_up_is_a_measure(extract_text, text: str, expected: set) -> None:
    assert kinds(extract_text(text, "2016-06-01")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Slough is expected to be issued with a statutory direction.", {("Slough", "statutory_direction", "proposed")}),
        ("Oldham is likely to receive an improvement notice after the report.", {("Oldham", "improvement_notice", "proposed")}),
        ("Torbay may be given an improvement notice.", {("Torbay", "improvement_notice", "threatened")}),
        ("An improvement notice was issued to Rochdale.", {("Rochdale", "improvement_notice", "directed")}),
        ("The minister has decided that Stockton should receive an improvement notice.", {("Stockton-on-Tees", "improvement_notice", "directed")}),
        ("The minister has not decided whether Stockton should receive an improvement notice.",
         {("Stockton-on-Tees", "improvement_notice", "proposed")}),
        ("The minister requires Wigan to set up an improvement board.", {("Wigan", "improvement_board", "directed")}),
    ],
)
def test_modality_read_from_the_parse_sets_the_status(extract_text, text: str, expected: set) -> None:
    """Issue 13, A5: a measure expected or likely is proposed; one that may come is threatened."""
    assert kinds(extract_text(text, "2016-06-01")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Education Secretary removed Haringey's director of children's services.", {("Haringey", "new_leadership", "directed")}),
        ("The minister has installed a new leadership team in Croydon's children's services.", {("Croydon", "new_leadership", "directed")}),
        ("The Secretary of State replaced the director in Rotherham with an interim appointee.", {("Rotherham", "new_leadership", "directed")}),
        ("Sefton Council removed its director of children's services last week.", set()),  # the council's own step
    ],
)
def test_a_minister_removing_or_installing_leaders_is_new_leadership(extract_text, text: str, expected: set) -> None:
    """Issue 13, A4, read from the parse: a director or leadership team as the object of removing or installing."""
    assert kinds(extract_text(text, "2019-03-01")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A-list-after: a measure told of councils in general, its authorities listed after it.
        ("Ministers have since intervened in several councils, offering them support from advisers. The councils were:\n\n"
         "Bolton;\n\nWigan;\n\nBury.",
         {("Bolton", "intervention"), ("Wigan", "intervention"), ("Bury", "intervention"),
          ("Bolton", "support"), ("Wigan", "support"), ("Bury", "support")}),
        ("Ministers issued improvement notices to the following authorities:\n\n- Torbay\n\n- Slough\n\n- Medway",
         {("Torbay", "improvement_notice"), ("Slough", "improvement_notice"), ("Medway", "improvement_notice")}),
    ],
)
def test_a_measure_for_councils_listed_after_it_is_an_action_for_each(extract_text, text: str, expected: set) -> None:
    assert {(a.authority, a.kind) for a in extract_text(text, "2012-05-01").actions} == expected


def test_a_listed_authority_takes_the_date_of_the_heading_above_it(extract_text) -> None:
    text = ("The department has intervened in these councils, providing support from improvement advisers:\n\n"
            "2010-11\n\nRochdale;\n\nOldham.\n\n2011-12\n\nStockport.")
    dates = {(a.authority, a.kind): a.date for a in extract_text(text, "2013-01-10").actions}
    assert dates[("Rochdale", "intervention")] == "2010"
    assert dates[("Stockport", "support")] == "2011"


def test_a_list_needs_at_least_two_authorities_and_ends_at_prose(extract_text) -> None:
    text = ("The minister has intervened in councils that failed their inspections. These were:\n\n"
            "Wigan.\n\nThe figures were published on Tuesday, and Bolton was not among them.")
    assert extract_text(text, "2012-05-01").actions == []


def test_a_year_in_brackets_after_an_authority_is_its_own_date(extract_text) -> None:
    text = "Ministers have used statutory directions on Torbay (2011), Slough (2014) and Medway (2016)."
    dates = {a.authority: a.date for a in extract_text(text, "2017-03-01").actions}
    assert dates == {"Torbay": "2011", "Slough": "2014", "Medway": "2016"}


@pytest.mark.parametrize(
    "text",
    [
        # ruled out by "without" or "no" in the parse
        "The department intervened in Wigan without issuing an improvement notice.",
        "No improvement notice was issued to Rochdale after the monitoring visit.",
        # an example of the support the sentence counts is part of that support
        # (the support itself is an action; the board named as one of its forms is not)
        # set up by the council itself
        "Oldham's chief executive chairs the improvement board established by the council last spring.",
        # at work already: the agent of something done, or what another noun belongs to
        "The action plan for Stockport is reviewed monthly and overseen by the Improvement Board.",
        "The minutes of the improvement board in Bury are published every quarter.",
        # a chair of another body
        "In Sefton the independent chair of the fostering panel has changed twice this year.",
    ],
)
def test_measures_the_parse_rules_out(extract_text, text: str) -> None:
    assert {a.kind for a in extract_text(text, "2016-01-01").actions} <= {"intervention"}


def test_a_board_named_as_a_form_of_support_is_part_of_that_support(extract_text) -> None:
    text = ("The Secretary of State is providing Bolton with improvement support, including an adviser, "
            "an improvement board and peer reviews.")
    assert {a.kind for a in extract_text(text, "2016-01-01").actions} == {"support"}


def test_commissioners_taking_over_functions_are_one_commissioner_action(extract_text) -> None:
    text = "The Secretary of State appointed three commissioners to take over Slough's children's services."
    assert {a.kind for a in extract_text(text, "2016-01-01").actions} == {"commissioner"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A-direction-issued: the noun "direction" as the object of a government verb, any inflection
        ("The Education Secretary revoked the directions made to Torbay council.", ("Torbay", "statutory_direction", "lifted")),
        ("A new direction was served on Slough by the department.", ("Slough", "statutory_direction", "directed")),
        ("Ministers are making a direction to Medway council under section 497A.", ("Medway", "statutory_direction", "directed")),
        # A-intervene-in: the verb with a place it intervenes in, wherever the parse hangs it
        ("The government intervened at once in Rochdale's children's services.", ("Rochdale", "intervention", "directed")),
        ("Ministers have intervened decisively in Oldham.", ("Oldham", "intervention", "directed")),
        # A-support-given: support as what a government verb gives, offers or deploys
        ("The department deployed a team of support advisers to Sefton.", ("Sefton", "support", "directed")),
        ("The minister will offer Wirral additional support.", ("Wirral", "support", "directed")),
    ],
)
def test_constructions_read_from_lemmas_and_the_parse(extract_text, text: str, expected: tuple) -> None:
    assert expected in kinds(extract_text(text, "2016-01-01"))


def test_giving_direction_to_staff_is_management_not_a_statutory_direction(extract_text) -> None:
    text = "Managers in Bury give clear direction to social workers, the Secretary of State was told."
    assert extract_text(text, "2016-01-01").actions == []


def test_a_first_person_speaker_is_the_minister_the_question_was_put_to(extract_text) -> None:
    text = ("To ask the Secretary of State for Education what steps he will take in Wigan.\n"
            "Ofsted found services in Wigan to be inadequate last month.\n"
            "I have decided that the council should receive an improvement notice, and to offer it some additional support.")
    record = extract_text(text, "2016-01-01")
    assert {(a.kind, a.status) for a in record.actions} == {("improvement_notice", "directed"), ("support", "directed")}
    assert {a.actor for a in record.actions} == {"Secretary of State"}


def test_a_city_named_as_x_city_is_the_council_unless_the_sentence_is_about_football(extract_text) -> None:
    notices = extract_text("Ministers have issued improvement notices to Leicester City and Surrey.", "2009-01-01")
    assert {a.authority for a in notices.actions} == {"Leicester", "Surrey"}
    football = extract_text("Leicester City won the league in a remarkable season for the club.", "2016-05-03")
    assert football.authorities == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Cue alternatives that, before these sentences, only the seeds exercised (benchmarks/cue_ablation.py)
        ("The Secretary of State intended to appoint an improvement adviser for Wigan.", ("Wigan", "improvement_adviser", "proposed")),
        ("Ministers recommended an improvement board for Bury's children's services.", ("Bury", "improvement_board", "proposed")),
        ("Sefton council has been directed to accept an independent chair by the department.", ("Sefton", "statutory_direction", "directed")),
        ("Ministers set up a new children's board to oversee Oldham's recovery.", ("Oldham", "improvement_board", "directed")),
        ("Slough's children's services became a trust after the Education Secretary's decision.", ("Slough", "trust", "directed")),
    ],
)
def test_general_wordings_the_seeds_once_carried_alone(extract_text, text: str, expected: tuple) -> None:
    assert expected in kinds(extract_text(text, "2016-01-01"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a modal in another clause beside the measure says nothing of it
        ("Following a report that children in Wigan could not be kept safe, the department served an improvement notice.",
         ("Wigan", "improvement_notice", "directed")),
        ("Because Oldham might lose more social workers, ministers have appointed a commissioner for its children's services.",
         ("Oldham", "commissioner", "directed")),
        # a modal over the measure's own clause does
        ("The Secretary of State could appoint a commissioner for Oldham if services do not improve.",
         ("Oldham", "commissioner", "threatened")),
    ],
)
def test_a_status_word_counts_only_over_the_measures_own_clause(extract_text, text: str, expected: tuple) -> None:
    assert expected in kinds(extract_text(text, "2016-01-01"))


def test_a_bracket_after_a_listed_authority_gives_its_own_state(extract_text) -> None:
    text = ("Ministers have issued improvement notices to these councils:\n"
            "2013\nTorbay (lifted in June 2015)\nSlough\n2014\nMedway")
    found = {a.authority: (a.status, a.date) for a in extract_text(text, "2016-01-01").actions}
    assert found == {"Torbay": ("lifted", "2015-06"), "Slough": ("directed", "2013"), "Medway": ("directed", "2014")}


def test_the_notice_named_again_by_its_bare_noun_is_the_same_measure(extract_text) -> None:
    text = ("The minister issued Sefton with an improvement notice in May 2012.\n"
            "Two years later the notice was lifted after a better inspection.")
    [action] = extract_text(text, "2015-01-01").actions
    assert (action.authority, action.kind, action.status) == ("Sefton", "improvement_notice", "lifted")


def test_a_bare_noun_alone_is_not_a_measure(extract_text) -> None:
    text = "Staff in Sefton were moved at short notice, and the notice board was full."
    assert extract_text(text, "2015-01-01").actions == []


def test_a_measure_lifted_only_to_be_replaced_stays_in_force(extract_text) -> None:
    text = ("The Secretary of State issued a statutory direction to Torbay council in 2016.\n"
            "That direction has now closed. A new direction issued this month replaces it.")
    [action] = extract_text(text, "2018-03-01").actions
    assert (action.kind, action.status) == ("statutory_direction", "directed")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # S-lifted-lemmas: lift, revoke, exit, remove, close, end, withdraw, disband, stand down, wind up in any inflection
        ("The Secretary of State lifts the improvement notice on Bury today.", "lifted"),
        ("Ministers are revoking the direction issued to Torbay.", "lifted"),
        ("Wigan's improvement notice was lifted last week.", "lifted"),
        ("The department withdrew Oldham's improvement notice in the spring.", "lifted"),
        ("The improvement board for Bolton is being wound up after the good inspection.", "lifted"),
        ("Sefton's commissioner stands down this month, the minister said.", "lifted"),
        # S-threatened-lemmas: warn, threaten, warning, threat
        ("The minister warns Slough council about an improvement notice.", "threatened"),
        ("Ministers threatened Medway with an improvement notice.", "threatened"),
        ("Oldham faces the threat of a statutory direction, the department said.", "threatened"),
        # S-proposed-lemmas: intend, propose, recommend, consult, signal and their nouns
        ("The Education Secretary intends to appoint a commissioner for Rochdale.", "proposed"),
        ("The department proposes an improvement board for Sefton.", "proposed"),
        ("Ofsted's recommendation is an improvement adviser for Wirral, the minister said.", "proposed"),
        ("The Secretary of State is consulting on a statutory direction for Bolton.", "proposed"),
    ],
)
def test_status_words_are_matched_on_their_lemmas(extract_text, text: str, status: str) -> None:
    assert {a.status for a in extract_text(text, "2016-01-01").actions} == {status}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A-direction-powers: using or exercising powers of direction, served with a direction, directed to, decided to direct
        ("The minister exercised her powers of direction over Northamptonshire's children's services.",
         ("Northamptonshire", "statutory_direction", "directed")),
        ("The Secretary of State has decided to direct Peterborough to accept an improvement adviser.",
         ("Peterborough", "statutory_direction", "directed")),
        ("Haringey was served with a revised direction in March.", ("Haringey", "statutory_direction", "directed")),
        # A-trust-transfer: services becoming, moving into or being run by a trust or company
        ("Sunderland's children's services are transferring to an independent trust this spring.", ("Sunderland", "trust", "directed")),
        ("Ministers say a not-for-profit company will take charge of Birmingham's children's social care.",
         ("Birmingham", "trust", "directed")),
        # A-leaders-installed: a director or team put in by government, services led by new leaders
        ("Reading had a new director installed by ministers.", ("Reading", "new_leadership", "directed")),
        ("Improvement in Medway was led by new leaders sent in by the department.", ("Medway", "new_leadership", "directed")),
        # A-take-over: take over, in any inflection
        ("The Education Secretary asked Leeds to take over Kirklees's children's services.", ("Kirklees", "takeover", "directed")),
        # A-intervene-modal: a modal before intervene says how far the intervention has got
        ("The government may intervene in Torbay if the next inspection is poor.", ("Torbay", "intervention", "threatened")),
        ("Ministers said they would intervene at Thurrock.", ("Thurrock", "intervention", "proposed")),
        # A-measure-taken: a board or chair counts when the sentence sets one up, appoints or installs one
        ("An improvement board has been set up for Croydon's children's services.", ("Croydon", "improvement_board", "directed")),
        ("An independent chair has been installed to lead Croydon's recovery.", ("Croydon", "independent_chair", "directed")),
        # A-required-from-outside: a plan that someone recommends, requires or approves
        ("Ofsted recommended that Swindon draw up an improvement plan within 70 days.", ("Swindon", "improvement_plan", "proposed")),
        # A-services-transferred: a council's services passing to a trust or company the gazetteer knows
        ("Windsor and Maidenhead passed its services to Achieving for Children.", ("Windsor and Maidenhead", "trust", "directed")),
        ("Slough council handed its children's services over to Slough Children First in 2021.", ("Slough", "trust", "directed")),
    ],
)
def test_measure_constructions_on_lemmas(extract_text, text: str, expected: tuple) -> None:
    assert expected in kinds(extract_text(text, "2016-01-01"))


@pytest.mark.parametrize(
    "text",
    [
        "Swindon's own improvement plan was discussed at cabinet.",  # no one requires it
        # "required" in another clause beside the plan is not a requirement of it
        "The chief executive in Bury is closely engaged in the improvement plan, offering challenge when required.",
        "The improvement board met in Croydon on Tuesday.",  # a board already there, nothing set up
    ],
)
def test_measures_nothing_sets_up_are_not_actions(extract_text, text: str) -> None:
    assert extract_text(text, "2016-01-01").actions == []


def test_a_lifting_under_a_negation_is_not_one(extract_text) -> None:
    text = ("The Secretary of State appointed a commissioner for Wirral in 2017. "
            "She said it would not be right to remove services from the council while the commissioner is at work.")
    assert {(a.kind, a.status) for a in extract_text(text, "2018-01-01").actions} == {("commissioner", "directed")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a status word after the measure counts when the parse puts the measure under it
        ("An improvement board for Bury's children's services is proposed.", ("Bury", "improvement_board", "proposed")),
        ("An improvement notice for Wigan, the minister warned, could follow.", ("Wigan", "improvement_notice", "threatened")),
        # and not when it belongs to another clause after the measure
        ("Ministers issued Rochdale with an improvement notice, and said further steps might follow.",
         ("Rochdale", "improvement_notice", "directed")),
    ],
)
def test_a_status_word_after_the_measure_counts_through_the_parse(extract_text, text: str, expected: tuple) -> None:
    assert expected in kinds(extract_text(text, "2016-01-01"))


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # A5: a measure whose own clause carries a condition is a threat, whatever its tense
        ("The Secretary of State will intervene in Walsall if the council fails to improve.", "threatened"),
        ("Ministers will intervene in Walsall unless services improve by March.", "threatened"),
        ("If services do not improve, the government will appoint a commissioner for Walsall.", "threatened"),
        # a reason is not a condition
        ("The department issued Walsall with an improvement notice after the council failed to improve.", "directed"),
    ],
)
def test_a_measure_on_a_condition_is_a_threat(extract_text, text: str, status: str) -> None:
    assert {a.status for a in extract_text(text, "2016-01-01").actions} == {status}
