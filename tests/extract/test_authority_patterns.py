from pipeline.extract.authority_patterns import PATTERNS_PATH, build_patterns, render_patterns
from pipeline.gazetteer import read_gazetteer


def test_committed_patterns_match_the_gazetteer() -> None:
    """models/patterns/authorities.jsonl is derived: regenerate it with
    `python -m pipeline.extract.authority_patterns` when the gazetteer changes."""
    assert PATTERNS_PATH.read_text(encoding="utf-8") == render_patterns(build_patterns(read_gazetteer()))


def test_patterns_cover_the_forms_text_uses() -> None:
    forms = {p["pattern"] for p in build_patterns(read_gazetteer())}
    for form in ["Cornwall Council", "City of York", "London Borough of Barnet", "Royal Borough of Greenwich",
                 "Hammersmith & Fulham", "Stockton on Tees", "RBKC", "BCP", "Achieving for Children",
                 "Doncaster Children's Services Trust", "Tri-borough"]:
        assert form in forms, form
