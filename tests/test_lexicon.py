"""The shared lexicon (models/lexicon/) against every stage that reads it: each form a stage finds,
another can resolve, and no stage keeps a copy of its own (issue 13: the date grammar resolved
holidays the date finder never found, and four lists of titles disagreed)."""

from __future__ import annotations

import ast
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from pipeline import lexicon
from pipeline.evaluate import score
from pipeline.extract import authorities as extract_authorities
from pipeline.extract import dates as extract_dates
from pipeline.extract import people as extract_people
from pipeline.parse.published import normalise_full_date, published_from_text
from pipeline.resolve import date_grammar
from pipeline.resolve import people as resolve_people
from pipeline.resolve.dates import DateResolver, easter

PIPELINE = Path(__file__).resolve().parent.parent / "pipeline"
MONTH_FORMS = sorted(lexicon.months().items(), key=lambda item: (item[1], item[0]))
# Each holiday as written, with a straight apostrophe and, where it has one, a curly one.
HOLIDAY_FORMS = [(name, name) for name in sorted(lexicon.holidays().names)]
HOLIDAY_FORMS += [(name, form.replace("'", "\u2019")) for name, form in HOLIDAY_FORMS if "'" in name]


def found(nlp, text: str) -> list[str]:
    doc = nlp(text)  # a SpanGroup lives only as long as its Doc
    return [span.text for span in doc.spans["dates"]]


# Months and weekdays ------------------------------------------------------------------------------


@pytest.mark.parametrize(("form", "number"), MONTH_FORMS)
def test_every_month_form_is_found_and_parses_in_every_stage(nlp, form: str, number: int) -> None:
    written = form.title()
    assert f"3 {written} 2014" in found(nlp, f"The council was inspected on 3 {written} 2014.")
    assert DateResolver("2015-06-01").resolve(f"3 {written} 2014") == f"2014-{number:02d}-03"
    assert DateResolver("2015-06-01").resolve(f"{written} 2014") == f"2014-{number:02d}"
    assert normalise_full_date(f"3 {written} 2014") == f"2014-{number:02d}-03"
    assert normalise_full_date(f"{written}. 3, 2014") == f"2014-{number:02d}-03"


@pytest.mark.parametrize("weekday", lexicon.weekdays())
def test_every_weekday_is_found_and_resolved(nlp, weekday: str) -> None:
    written = weekday.title()
    assert written in found(nlp, f"The minister visited the council on {written}.")
    # 2015-06-01 was a Monday: a bare weekday said looking back is the latest one on or before it.
    expected = date(2015, 6, 1) - timedelta(days=-lexicon.weekdays().index(weekday) % 7)
    assert DateResolver("2015-06-01").resolve(written) == expected.isoformat()
    assert published_from_text(f"Title\n{written} 3 March 2014\nBody.") == "2014-03-03"


# Seasons and holidays -----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "season"), sorted(lexicon.seasons().items()))
def test_every_season_is_found_and_resolved(nlp, name: str, season: lexicon.Season) -> None:
    doc = nlp(f"The council was inspected last {name}, the report said.")
    phrase = next(doc[i : i + 2] for i in range(len(doc) - 1) if doc[i].lower_ == "last" and doc[i + 1].lower_ == name)
    # A season that is also a common word is kept when spaCy calls it a date, never proposed alone.
    assert extract_dates.is_calendar_date(phrase)
    if not season.common_word:
        assert f"last {name}" in found(nlp, f"The council was inspected last {name}, the report said.")
    assert DateResolver("2015-06-01").resolve(f"{name} 2012") == "2012"
    assert DateResolver("2015-06-01", timeml=True).resolve(f"{name} 2012") == f"2012-{season.timeml}"
    assert DateResolver("2015-06-01").resolve(f"last {name}") is not None


def expected_holiday(name: str, year: int) -> str:
    if name in lexicon.holidays().fixed:
        month, day = lexicon.holidays().fixed[name]
        return date(year, month, day).isoformat()
    return (easter(year) + timedelta(days=lexicon.holidays().easter[name])).isoformat()


@pytest.mark.parametrize(("name", "form"), HOLIDAY_FORMS)
def test_every_holiday_is_found_and_resolved(nlp, name: str, form: str) -> None:
    written = " ".join(word[:1].upper() + word[1:] for word in form.split())
    spans = found(nlp, f"The children's home was visited at {written}, inspectors said.")
    assert written in spans
    # Said at the end of 2019 and looking back: the holiday of 2019.
    assert DateResolver("2019-12-31").resolve(written) == expected_holiday(name, 2019)


def test_the_finder_and_the_grammar_read_the_same_words() -> None:
    assert set(extract_dates.HOLIDAYS) == set(date_grammar.HOLIDAYS) | set(date_grammar.EASTER_OFFSETS)
    assert set(extract_dates.MONTHS) == set(date_grammar.MONTHS)
    assert set(extract_dates.SEASONS) <= set(date_grammar.SEASONS)
    assert set(extract_dates.REFERENCE_WORDS) == set(date_grammar.REFERENCE_WORDS)


@pytest.mark.parametrize(("phrase", "value"), sorted(lexicon.reference_words().items()))
def test_every_reference_word_is_found_and_valued_for_timeml(nlp, phrase: str, value: str) -> None:
    finder = extract_dates.DateFinder(nlp, "references", reference_words=True)
    doc = finder(nlp(f"Ministers spoke about {phrase} at length."))
    assert phrase in [span.text for span in doc.spans["references"]]
    assert DateResolver("2015-06-01", timeml=True).resolve(phrase) == value
    assert DateResolver("2015-06-01").resolve(phrase) is None


# Titles and roles ---------------------------------------------------------------------------------


@pytest.mark.parametrize("title", sorted(lexicon.titles().every))
def test_every_title_is_found_stripped_and_kept_off_authorities(nlp, title: str) -> None:
    written = title.title()
    doc = nlp(f"{written} Jane Okafor said the council must improve.")
    assert f"{written} Jane Okafor" in [span.text for span in doc.spans["people"]]
    name, kept = resolve_people.split_title(f"{written} Jane Okafor")
    assert (name, kept) == ("Jane Okafor", written)
    assert extract_authorities.PERSON_TITLES >= {title}
    doc = nlp(f"The review by {written} Bury was published.")
    assert "Bury" not in [span.text for span in doc.spans["authorities"]]


def test_the_scorer_ignores_the_titles_the_spec_names_and_extraction_knows_them_all() -> None:
    assert score.TITLES == lexicon.titles().scored
    assert score.TITLES <= extract_people.TITLES
    assert extract_people.TITLES == resolve_people.COURTESY_TITLES | resolve_people.PEERAGE_TITLES
    assert lexicon.titles().beyond_spec <= lexicon.titles().every


def test_a_peerage_title_alone_stands_for_the_name() -> None:
    for title in lexicon.titles().peerage:
        assert resolve_people.split_title(f"{title.title()} Okafor") == (f"{title.title()} Okafor", None)


def _or_singular(word: str, words: frozenset[str]) -> bool:
    return word in words or (word.endswith("s") and word[:-1] in words)


@pytest.mark.parametrize("kind", ["leading", "apposed", "following"])
def test_every_role_word_that_finds_a_name_is_read_as_a_role(kind: str) -> None:
    roles = lexicon.roles()
    assert [w for w in getattr(roles, kind) if not _or_singular(w, roles.words)] == []
    assert [w for w in getattr(roles, kind) if not _or_singular(w, resolve_people.TITLE_WORDS)] == []


@pytest.mark.parametrize("head", sorted(lexicon.roles().heads))
def test_every_role_head_is_a_role_before_a_name_and_after_it(head: str) -> None:
    assert resolve_people.clean_role(f"the {head} of Leeds City Council") == f"{head} of Leeds City Council"
    assert resolve_people._title_before(f"said children's {head} ") == f"children's {head}"


# No copies ----------------------------------------------------------------------------------------


def _vocabularies() -> dict[str, frozenset[str]]:
    return {
        "months": frozenset(lexicon.months()),
        "weekdays": frozenset(lexicon.weekdays()),
        "seasons": frozenset(lexicon.seasons()),
        "holidays": lexicon.holidays().names,
        "titles": lexicon.titles().every,
    }


def _strings(tree: ast.AST) -> list[ast.Constant]:
    """Every string constant but prose: docstrings and ``description=``/``help=`` texts."""
    prose = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    prose |= {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.keyword) and node.arg in {"description", "help"}}
    return [n for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in prose]


def _collections(tree: ast.AST) -> list[list[str]]:
    """The string members of every literal set, list, tuple and dict (its keys)."""
    found = []
    for node in ast.walk(tree):
        members = node.keys if isinstance(node, ast.Dict) else node.elts if isinstance(node, (ast.Set, ast.List, ast.Tuple)) else []
        strings = [m.value.lower() for m in members if isinstance(m, ast.Constant) and isinstance(m.value, str)]
        if strings:
            found.append(strings)
    return found


@pytest.mark.parametrize("path", sorted(PIPELINE.rglob("*.py")), ids=lambda p: str(p.relative_to(PIPELINE)))
def test_no_module_keeps_its_own_copy_of_a_lexicon(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    copies = []
    for name, words in _vocabularies().items():
        for strings in _collections(tree):
            if len(words.intersection(strings)) >= 2:
                copies.append(f"a list of {name}: {sorted(words.intersection(strings))}")
        for constant in _strings(tree):
            pieces = set(re.split(r"[^a-z']+", constant.value.lower()))
            if len(words.intersection(pieces)) >= 2:
                copies.append(f"{name} in a string: {constant.value[:60]!r}")
    assert copies == [], f"{path.name} keeps its own copy; read pipeline.lexicon instead"
