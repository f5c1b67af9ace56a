import pytest


def spans(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [span.text for span in doc.spans["dates"]]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The notice was issued on 24 November 2009.", ["24 November 2009"]),
        ("It was published today (Thursday, August 22).", ["today", "Thursday, August 22"]),
        ("The council has until 30 November to respond.", ["30 November"]),
        ("Inspectors spent two weeks in July reviewing services.", ["July"]),
        ("Earlier this year the minister wrote to the council.", ["Earlier this year"]),
        ("Its services were found inadequate five years ago.", ["five years ago"]),
        ("Leeds took over a year ago, officials said.", ["a year ago"]),
        ("The minister spoke to staff last night.", ["last night"]),
        ("The company took over this morning.", ["this morning"]),
        ("The councils have worked together since the summer.", ["summer"]),
        ("The home was visited before Christmas.", ["Christmas"]),
        ("Savings must be found this financial year.", ["this financial year"]),
        ("Children's homes were run this way for most of the 20th century.", ["20th century"]),
        ("Ofsted judged them inadequate in July of that year.", ["July of that year"]),
    ],
)
def test_calendar_expressions_are_found(nlp, sentence: str, expected: list[str]) -> None:
    assert spans(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Inspection dates: 25 November 2019 to 6 December 2019", ["25 November 2019", "6 December 2019"]),
        ("The inspection took place between 5 August and 16 August 2013.", ["5 August", "16 August 2013"]),
        ("Inspectors visited in May and June.", ["May", "June"]),
        ("Referrals rose in 2008-2010.", ["2008", "2010"]),
        ("The service was reorganised in 1998-99 and again in 2004.", ["1998", "99", "2004"]),
    ],
)
def test_a_range_or_a_pair_is_two_dates(nlp, sentence: str, expected: list[str]) -> None:
    assert spans(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The inspection, carried out over two weeks last month, judged services inadequate.",
            ["last month"],
        ),
    ],
)
def test_a_duration_before_a_date_is_not_part_of_it(nlp, sentence: str, expected: list[str]) -> None:
    assert spans(nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The council has six months to improve.",
        "The chair will report quarterly to the minister.",
        "Referrals rose by 200 every 6 months.",
        "Pressure has grown in recent years.",
        "A director will be appointed in the near future.",
        "Councils may appeal against the decision.",
        "Parents will march on the town hall.",
        "Lessons are not learned, year after year.",
        "The inspection came a week later than planned.",
        "The story ran in the Sun.",
        "We will act now and currently have a plan.",
    ],
)
def test_durations_frequencies_and_vague_spans_are_not_dates(nlp, sentence: str) -> None:
    assert spans(nlp, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The council accepts the findings now.", ["now"]),
        ("In the past, the council relied on agency staff.", ["In the past"]),
        ("The service is currently run by a trust.", ["currently"]),
    ],
)
def test_timeml_reference_words_only_when_asked(nlp, sentence: str, expected: list[str]) -> None:
    finder = nlp.get_pipe("dates")
    assert spans(nlp, sentence) == []
    finder.reference_words = True
    try:
        assert spans(nlp, sentence) == expected
    finally:
        finder.reference_words = False


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # a year that ends a statute's name is part of the name
        ("Under the Children Act 1989 and the Localism Act 2011, the council acted in 2014.", ["2014"]),
        ("The Care Planning Regulations 2010 were amended in March 2015.", ["March 2015"]),
        # a year glued to the next word by a page's markup stands alone
        ("Published 2 May 2019Last updated 9 June 2020", ["2 May 2019", "9 June 2020"]),
    ],
)
def test_years_that_are_names_or_glued_to_words(nlp, text: str, dates: list) -> None:
    doc = nlp(text)
    assert [s.text for s in doc.spans["dates"]] == dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # numbered items of minutes: consecutive numbers starting lines, each before a heading
        ("Minutes of the panel\n\n2210 Apologies\nNone received.\n2211 Matters arising\nThe chair reported on March 2019.",
         ["March 2019"]),
        # a year heading on a line of its own, or a single year before a heading, stays a year
        ("Notices issued, by year:\n2013\nTorbay\n2014\nMedway", ["2013", "2014"]),
        ("2015 Review of the year\nIn 2016 the notice was lifted.", ["2015", "2016"]),
    ],
)
def test_item_numbers_of_minutes_are_not_years(nlp, text: str, expected: list[str]) -> None:
    assert spans(nlp, text) == expected
