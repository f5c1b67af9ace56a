import pytest


def names(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [span.text for span in doc.spans["authorities"]]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Cornwall's children's services were inspected.", ["Cornwall"]),
        ("Cornwall Council has appointed a director.", ["Cornwall Council"]),
        ("The London Borough of Barnet responded.", ["London Borough of Barnet"]),
        ("Leaders in Hammersmith & Fulham agreed.", ["Hammersmith & Fulham"]),
        ("Kingston upon Hull City Council was inspected.", ["Kingston upon Hull City Council"]),
        ("Achieving for Children runs services in Richmond.", ["Achieving for Children", "Richmond"]),
        ("Reading Borough Council was judged inadequate.", ["Reading Borough Council"]),
    ],
)
def test_authority_forms_are_recognised(nlp, sentence: str, expected: list[str]) -> None:
    assert names(nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Reading the report, ministers were alarmed.",
        "Lord Bury spoke in the debate.",
        "Researchers at Durham University published the study.",
        "Essex Police said officers attended.",
        "The Cornwall NHS trust runs the hospital.",
        "Councils across Yorkshire and the North East face cuts.",
        "Jane Sutton, a social worker, gave evidence.",
        "Ellen Sutton joined in May. Sutton, who has worked here for years, said morale was up.",
        "She was deputy director at a Greater Manchester authority.",
    ],
)
def test_names_that_are_not_the_council_are_ignored(nlp, sentence: str) -> None:
    assert names(nlp, sentence) == []
