"""The cue marker matches its case-insensitive patterns on lowercased text, for speed; same matches."""

from __future__ import annotations

import random
import re

import pytest

from pipeline.extract.cues import CUES_PATH, lowercase_pattern, read_cue_patterns
from tests.conftest import CORPUS

PATTERNS = [(cue_id, p) for _, cue_id, p in read_cue_patterns(CUES_PATH) if p.flags & re.IGNORECASE]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """The corpus, and copies with a third of the letters put in capitals."""
    found = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((CORPUS / "documents").iterdir())]
    scramble = random.Random(0)
    return found + ["".join(c.upper() if scramble.random() < 0.3 else c for c in text) for text in found]


@pytest.mark.parametrize(("cue_id", "pattern"), PATTERNS, ids=[cue_id for cue_id, _ in PATTERNS])
def test_a_lowercased_pattern_finds_what_the_case_insensitive_one_finds(texts, cue_id, pattern) -> None:
    fast = lowercase_pattern(pattern)
    assert not fast.flags & re.IGNORECASE
    for text in texts:
        assert [m.span() for m in fast.finditer(text.lower())] == [m.span() for m in pattern.finditer(text)]


def test_escapes_keep_their_case() -> None:
    fast = lowercase_pattern(re.compile(r"\bOfsted\B\W\S\D", re.IGNORECASE))
    assert fast.pattern == r"\bofsted\B\W\S\D"


def test_text_whose_length_changes_when_lowercased_is_matched_as_it_is(extract_text) -> None:
    record = extract_text("İstanbul aside, Ofsted rated Kent County Council's children's services inadequate.", "2020-05-01")
    assert [(j.authority, j.rating) for j in record.judgements] == [("Kent", "inadequate")]


def test_every_lemma_and_dependency_pattern_is_a_named_construction_with_its_test_sentences() -> None:
    """Patterns on lemmas and the parse carry a construction id, once each, and a test table names it."""
    from pathlib import Path

    from pipeline.extract.cues import read_cue_entries

    structural = [e for e in read_cue_entries(CUES_PATH) if "tokens" in e or "dependency" in e]
    ids = [e.get("construction") for e in structural]
    assert structural and None not in ids and len(ids) == len(set(ids))
    tests = "".join(p.read_text(encoding="utf-8") for p in Path(__file__).parents[1].rglob("test_*.py"))
    assert [i for i in ids if i not in tests] == []


def test_a_lemma_pattern_finds_every_inflection(extract_text) -> None:
    for verb in ("intervene", "intervenes", "intervened", "intervening"):
        record = extract_text(f"Ministers said the government {verb} in Rochdale's children's services.", "2016-01-01")
        assert [a.kind for a in record.actions] == ["intervention"], verb
