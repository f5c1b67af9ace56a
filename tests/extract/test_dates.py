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
    ],
)
def test_calendar_expressions_are_found(nlp, sentence: str, expected: list[str]) -> None:
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
    ],
)
def test_durations_frequencies_and_vague_spans_are_not_dates(nlp, sentence: str) -> None:
    assert spans(nlp, sentence) == []
