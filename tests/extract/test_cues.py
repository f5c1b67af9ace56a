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
