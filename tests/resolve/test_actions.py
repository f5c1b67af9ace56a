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
        ("Ministers warned Rotherham council it is in danger of receiving an improvement notice.",
         {("Rotherham", "improvement_notice", "threatened")}),
        ("The Secretary of State is minded to use his powers to direct the establishment of an Improvement Board in Torbay.",
         {("Torbay", "statutory_direction", "proposed"), ("Torbay", "improvement_board", "proposed")}),
        ("Failings in Norfolk and Sandwell children's services will be tackled by new service leaders.",
         {("Norfolk", "new_leadership", "directed"), ("Sandwell", "new_leadership", "directed")}),
        ("Slough children's services will be transferred to an independent trust, the Education Secretary said.",
         {("Slough", "trust", "directed")}),
    ],
)
def test_action_constructions(extract_text, text: str, expected: set) -> None:
    assert kinds(extract_text(text, "2015-06-01")) == expected


def test_the_authority_can_come_from_the_sentence_before(extract_text) -> None:
    text = (
        "Ministers noted progress in Essex but said they intended to make further interventions.\n"
        "The council has received recommendations, including an improvement board.\n"
        "Essex has until 10 December to make representations."
    )
    record = extract_text(text, "2009-11-30")
    assert ("Essex", "improvement_board", "proposed") in kinds(record)
    board = next(a for a in record.actions if a.kind == "improvement_board")
    assert board.deadline == "2009-12-10"


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
