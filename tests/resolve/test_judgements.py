import pytest


def grades(record) -> set[tuple[str, str, str]]:
    return {(j.authority, j.area, j.rating) for j in record.judgements}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Inspectors judged safeguarding and services for looked after children in Torbay to be inadequate "
            "overall, and capacity to improve to be inadequate in each case.",
            {("Torbay", "safeguarding", "inadequate"), ("Torbay", "children_in_care", "inadequate"),
             ("Torbay", "capacity_to_improve", "inadequate")},
        ),
        ("Sefton Council's children's services have been rated 'Good' with 'Outstanding' features by Ofsted.",
         {("Sefton", "overall_effectiveness", "good")}),
        ("Inspectors found Birmingham's services for children in care to be inadequate.",
         {("Birmingham", "children_in_care", "inadequate")}),
        ("Ofsted said children's services in Norfolk require improvement to be good.",
         {("Norfolk", "overall_effectiveness", "requires_improvement")}),
    ],
)
def test_grade_constructions(extract_text, text: str, expected: set) -> None:
    assert grades(extract_text(text, "2015-06-01")) == expected


def test_a_grade_list_is_read_row_by_row_for_the_subject_authority(extract_text) -> None:
    text = (
        "Ofsted rates Lancashire children's services good\n"
        "Lancashire County Council was inspected in May.\n"
        "- Impact of leaders on social work practice with children and families – Good\n"
        "- Experiences and progress of children who need help and protection – Requires improvement to be good\n"
        "- Experiences and progress of care leavers – Outstanding\n"
    )
    assert grades(extract_text(text, "2024-06-20")) >= {
        ("Lancashire", "leadership", "good"),
        ("Lancashire", "help_and_protection", "requires_improvement"),
        ("Lancashire", "care_leavers", "outstanding"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Five councils expected to be judged to be inadequate this year were named.",
        "Any local authority judged as inadequate by Ofsted will face intervention.",
        "Children in Derby are let down by inadequate social services.",
        "Sefton's Oak Lane Primary School was rated good by Ofsted inspectors.",
        "Ofsted: Millbrook Infants judged inadequate\n\nThe Walsall school was judged inadequate in every area.",
    ],
)
def test_not_judgements(extract_text, text: str) -> None:
    assert grades(extract_text(text, "2015-06-01")) == set()


def test_evidence_is_the_sentence_verbatim_with_offsets(extract_text) -> None:
    text = "Council news.\nOfsted judged Leeds children's services to be inadequate in 2010. More follows."
    record = extract_text(text, "2011-01-01")
    judgement = record.judgements[0]
    assert text[judgement.start : judgement.end] == judgement.evidence
    assert judgement.date == "2010"


def test_a_past_grade_counts_with_its_own_date_or_none(extract_text) -> None:
    text = ("Ofsted inspection of Bury\nInspection dates: 3 to 14 March 2025\n"
            "Services have improved since the last inspection in 2021, when the overall effectiveness was inadequate.\n"
            "Services have declined since the last inspection, when all areas were judged to require improvement to be good.\n")
    judgements = {(j.rating, j.date) for j in extract_text(text).judgements}
    assert judgements == {("inadequate", "2021"), ("requires_improvement", None)}


def test_an_area_inside_another_service_is_not_graded(extract_text) -> None:
    text = "Since the last inspection, the education provision for Croydon's children in care is good."
    assert extract_text(text, "2020-02-14").judgements == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Four of them were judged outstanding at their last inspection.",
        "Three were judged to be good and one was judged to be outstanding when last inspected.",
        "Of the 12 homes, nine were rated good and two requires improvement.",
        "Ofsted found that 45% of the plans it sampled were judged good.",
        "Only two of the providers inspected this year were rated inadequate.",
    ],
)
def test_a_count_of_graded_things_is_not_a_grade_of_the_authority(extract_text, sentence: str) -> None:
    """Issue 13, J5: in a report about one council, a count of graded homes or plans is not its grade."""
    text = f"Ofsted inspection of Darlington children's services\nThe council runs its own children's homes. {sentence}\n"
    assert grades(extract_text(text, "2018-05-21")) == set()


def test_a_roundup_that_names_the_counted_councils_still_grades_each(extract_text) -> None:
    """A count that goes with the names it counts is a grade for each of them (J2)."""
    text = "In 2012 two councils, Hull and Bury, were rated inadequate by Ofsted.\n"
    assert ("Bury", "overall_effectiveness", "inadequate") in grades(extract_text(text, "2013-01-10"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Last year Ofsted rated Bury, Wigan and Trafford good.",
         {("Bury", "overall_effectiveness", "good"), ("Wigan", "overall_effectiveness", "good"), ("Trafford", "overall_effectiveness", "good")}),
        ("Hull (2016) and Bury (2017) were both judged inadequate by inspectors.",
         {("Kingston upon Hull", "overall_effectiveness", "inadequate"), ("Bury", "overall_effectiveness", "inadequate")}),
        # an area word that only names the kind of inspection is not the graded area
        ("Following unannounced safeguarding inspection visits, the ratings of Sutton and Merton were capped at adequate by Ofsted.",
         {("Sutton", "overall_effectiveness", "adequate"), ("Merton", "overall_effectiveness", "adequate")}),
        # two grades, two authorities: each keeps its own
        ("Ofsted rated Leeds good, while Bradford was judged inadequate.",
         {("Leeds", "overall_effectiveness", "good"), ("Bradford", "overall_effectiveness", "inadequate")}),
    ],
)
def test_one_grade_shared_by_a_list_of_authorities_is_a_grade_for_each(extract_text, text: str, expected: set) -> None:
    """Issue 13, J2."""
    assert grades(extract_text(text, "2018-01-10")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wirral went from requires improvement to outstanding in four years.",
         {("Wirral", "overall_effectiveness", "requires_improvement", None), ("Wirral", "overall_effectiveness", "outstanding", "2019-01-10")}),
        ("Councils such as Halton and Knowsley have climbed from inadequate to good, and both now train other authorities.",
         {("Halton", "overall_effectiveness", "inadequate", None), ("Halton", "overall_effectiveness", "good", "2019-01-10"),
          ("Knowsley", "overall_effectiveness", "inadequate", None), ("Knowsley", "overall_effectiveness", "good", "2019-01-10")}),
        ("In Dudley, services for care leavers went from good to outstanding.",
         {("Dudley", "care_leavers", "good", None), ("Dudley", "care_leavers", "outstanding", "2019-01-10")}),
        ("Staff morale in Leeds moved from poor to good over the year.", set()),
    ],
)
def test_a_move_between_grades_states_both(extract_text, text: str, expected: set) -> None:
    """Issue 13, J4: the grade moved from is an earlier one, undated here; the grade moved to is the news."""
    record = extract_text(text, "2019-01-10")
    assert {(j.authority, j.area, j.rating, j.date) for j in record.judgements} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Adult social care in Surrey was rated inadequate by the CQC.", set()),
        ("Cumbria's adult services were judged good in the spring.", set()),
        ("The Care Quality Commission rated community health services in Hull as requiring improvement, and Ofsted agreed.", set()),
        ("Ofsted judged children's services in Surrey inadequate.", {("Surrey", "overall_effectiveness", "inadequate")}),
    ],
)
def test_grades_from_other_regulators_or_of_adult_care_are_not_childrens_services(extract_text, text: str, expected: set) -> None:
    """Issue 13, J6."""
    assert grades(extract_text(text, "2019-03-01")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trafford was rated inadequate in 2010, but inspectors now judge its services good.",
         {("inadequate", "2010"), ("good", "2019-03-01")}),
        ("Following a judgement of inadequate in 2014, Bromley is now rated outstanding.",
         {("inadequate", "2014"), ("outstanding", "2019-03-01")}),
        ("Walsall was judged good in 2016; inspectors rated it outstanding in March.", {("good", "2016"), ("outstanding", "2019-03")}),
    ],
)
def test_each_grade_keeps_the_date_of_its_own_clause(extract_text, text: str, expected: set) -> None:
    """Issue 13, J4: a past grade told as history keeps its year; the current grade keeps its own date."""
    assert {(j.rating, j.date) for j in extract_text(text, "2019-03-01").judgements} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ofsted gave Kensington and Chelsea the top grade in all areas, including leadership, child protection and care leavers.",
         {("Kensington and Chelsea", "leadership", "outstanding"), ("Kensington and Chelsea", "help_and_protection", "outstanding"),
          ("Kensington and Chelsea", "care_leavers", "outstanding")}),
        ("Inspectors awarded Hackney the highest rating.", {("Hackney", "overall_effectiveness", "outstanding")}),
        ("Hackney was rated outstanding across the board.", {("Hackney", "overall_effectiveness", "outstanding")}),
    ],
)
def test_one_grade_for_several_areas_is_a_grade_per_area_named(extract_text, text: str, expected: set) -> None:
    """Issue 13, J1: areas named get one judgement each; none named gives the headline grade only."""
    assert grades(extract_text(text, "2019-03-01")) == expected


def test_grade_lines_listed_under_an_earlier_inspection_take_its_date(extract_text) -> None:
    text = ("Bury: inspection of children's social care services\n"
            "Inspection dates: 3 to 14 June 2019\n"
            "Overall effectiveness | Good\n"
            "The last full inspection of the council's services was published in March 2016. Its judgements were:\n"
            "Overall effectiveness: requires improvement\n"
            "Leadership, management and governance: inadequate")
    found = {(j.area, j.rating): j.date for j in extract_text(text, "2019-07-20").judgements}
    assert found[("overall_effectiveness", "good")] == "2019-06-14"
    assert found[("overall_effectiveness", "requires_improvement")] == "2016-03"
    assert found[("leadership", "inadequate")] == "2016-03"


def test_a_grade_in_prose_that_differs_from_the_reports_own_table_is_dropped() -> None:
    from pipeline.records import JudgementRecord
    from pipeline.resolve.judgements import agreeing_with_the_table

    def grade(area: str, rating: str, evidence: str) -> JudgementRecord:
        return JudgementRecord(authority="Bury", area=area, rating=rating, date="2017-05-01", evidence=evidence, start=0, end=1)  # type: ignore[arg-type]

    table_row = grade("leadership", "outstanding", "Leadership, management and governance | Outstanding")
    prose_other = grade("leadership", "good", "Strong leadership ensures that services for children are consistently good.")
    prose_same = grade("leadership", "outstanding", "Leaders are exceptional and leadership is outstanding.")
    unrelated = grade("care_leavers", "good", "Care leavers are well supported and the service is good.")
    kept = agreeing_with_the_table([table_row, prose_other, prose_same, unrelated])
    assert kept == [table_row, prose_same, unrelated]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ofsted inspectors found some outstanding features in Bury's fostering teams.",
        "The inspection noted good practice in Wigan's work with care leavers.",
    ],
)
def test_good_or_outstanding_practice_or_features_are_not_grades(extract_text, sentence: str) -> None:
    assert extract_text(sentence, "2016-01-01").judgements == []


@pytest.mark.parametrize(
    "table",
    [
        "1. Children who need help and protection Requires improvement 2. Children looked after and achieving "
        "permanence Good 2.1 Adoption performance Good 3. Leadership, management and governance Inadequate",
        "1) Children who need help and protection: Requires improvement 2) Children looked after and achieving "
        "permanence: Good 2.1) Adoption performance: Good 3) Leadership, management and governance: Inadequate",
    ],
)
def test_a_grade_table_flattened_into_running_text_is_read_row_by_row(extract_text, table: str) -> None:
    text = f"Ofsted's inspection of Sefton's children's services took place in March 2016.\n{table}"
    assert grades(extract_text(text, "2016-05-01")) == {
        ("Sefton", "help_and_protection", "requires_improvement"), ("Sefton", "children_in_care", "good"),
        ("Sefton", "adoption", "good"), ("Sefton", "leadership", "inadequate"),
    }


def test_a_grade_inside_a_flattened_heading_is_not_a_row(extract_text) -> None:
    text = ("Ofsted's inspection of Sefton's children's services took place in March 2016.\n"
            "1. The experiences of Good children who need help 2. Leadership")
    assert extract_text(text, "2016-05-01").judgements == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # R-requires-improvement: the grade's verb in any inflection
        ("Ofsted found that Hartlepool's children's services required improvement.",
         {("Hartlepool", "overall_effectiveness", "requires_improvement")}),
        ("Services for care leavers in Bury were judged as requiring improvement to be good.",
         {("Bury", "care_leavers", "requires_improvement")}),
        # I-graded-lemmas: judge, grade, deem and rate as verbs make a sentence one about a grade
        ("Walsall's services for children in care were deemed good last year.", {("Walsall", "children_in_care", "good")}),
        ("A panel grades help and protection in Derby as good.", {("Derby", "help_and_protection", "good")}),
        ("Leicester was rated outstanding for its work with care leavers.", {("Leicester", "care_leavers", "outstanding")}),
        # H-aim-to-be-graded: aims, hopes and ambitions are not grades
        ("Rotherham council hoped to be judged good by the end of 2020.", set()),
        ("Leaders in Thurrock are striving to become outstanding, inspectors said.", set()),
        ("Medway's ambition is to be rated good at its next inspection.", set()),
    ],
)
def test_grade_constructions_on_lemmas(extract_text, text: str, expected: set) -> None:
    assert grades(extract_text(text, "2016-01-01")) == expected


@pytest.mark.parametrize(
    "text",
    [
        # J7 through the parse: a grade in a clause under a verb of hoping or aiming is a goal
        "Norfolk, inspected in May, hopes to learn in the summer that it has been judged good.",
        "Leaders in Sefton expect that their next inspection will find services outstanding.",
        "The council wants inspectors to rate its help and protection good next time.",
    ],
)
def test_a_grade_a_council_hopes_or_aims_for_is_not_a_grade(extract_text, text: str) -> None:
    assert extract_text(text, "2016-01-01").judgements == []


def test_a_grade_reported_beside_a_hope_is_still_a_grade(extract_text) -> None:
    text = "Ofsted rated Wirral's children's services inadequate, and the council hopes to improve quickly."
    assert grades(extract_text(text, "2016-01-01")) == {("Wirral", "overall_effectiveness", "inadequate")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a grade's full name needs no inspection word beside it
        ("This autumn Stockport, Trafford and Wigan all require improvement to be good.",
         {(a, "overall_effectiveness", "requires_improvement") for a in ("Stockport", "Trafford", "Wigan")}),
        # a floated quantifier leads into the grade as a copula does
        ("Oldham and Rochdale, both inadequate at their last inspections, face another visit in spring.",
         {("Oldham", "overall_effectiveness", "inadequate"), ("Rochdale", "overall_effectiveness", "inadequate")}),
    ],
)
def test_grades_shared_by_a_list_in_a_roundup(extract_text, text: str, expected: set) -> None:
    assert grades(extract_text(text, "2016-01-01")) == expected


def test_a_service_that_requires_improvement_in_ordinary_words_is_not_graded(extract_text) -> None:
    assert extract_text("The bus service between Stockport and Wigan requires improvement, passengers say.", "2016-01-01").judgements == []
