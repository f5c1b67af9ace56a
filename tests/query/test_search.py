"""What a user types into `timeline search`, as the FTS5 query it becomes (issue 14): a phrase in
double quotes exact, a bare word as its stem and a prefix, everything else never FTS syntax."""

from __future__ import annotations

import pytest

from pipeline.errors import PipelineError
from pipeline.query.search import MAX_QUERY_WORDS, fts_query, stem


@pytest.mark.parametrize(
    ("typed", "query"),
    [
        ("commissioner", '"commissioner"*'),
        ("commissioners", '"commissioner"*'),
        ("improvement notice", '"improvement"* "notice"*'),
        ('"improvement notice"', '"improvement notice"'),
        ('"commissioner"', '"commissioner"'),
        ('Somerset "improvement notice" lifted', '"Somerset"* "improvement notice" "lift"*'),
        ('"improvement notice', '"improvement"* "notice"*'),  # an unclosed quote is punctuation
        ('"improvement notice" "improvement notice" notice notice', '"improvement notice" "notice"*'),
        ("children's services", '"children\'s" "servic"*'),
        ("arm’s-length company", '"arm’s-length" "company"*'),
        ("DfE 2013 in", '"DfE" "2013" "in"'),  # short words and numbers are matched whole
        ("- notice --", '"notice"*'),
        ("NEAR(improvement notice, 2)", '"NEAR"* "improvement"* "notice"* "2"'),
        ('col: "a" OR b*', '"col" "a" "OR" "b"'),
        ('""', ""),
        ("*", ""),
        ("\x00", ""),
    ],
)
def test_typed_words_become_this_fts5_query(typed: str, query: str) -> None:
    assert fts_query(typed) == query


@pytest.mark.parametrize(
    ("word", "stemmed"),
    [("inspections", "inspection"), ("inspected", "inspect"), ("inspecting", "inspect"), ("authorities", "authorit"),
     ("notices", "notic"), ("boards", "board"), ("cases", "case"), ("status", "status"), ("analysis", "analysis"),
     ("business", "business"), ("rated", "rated"), ("goes", "goes"), ("Trusts", "Trust")],
)
def test_a_word_loses_one_common_ending_and_keeps_four_letters(word: str, stemmed: str) -> None:
    assert stem(word) == stemmed


def test_a_phrase_counts_each_of_its_words_against_the_limit() -> None:
    phrase = '"' + " ".join(f"w{i}" for i in range(MAX_QUERY_WORDS)) + '"'
    assert fts_query(phrase).count(" ") == MAX_QUERY_WORDS - 1
    with pytest.raises(PipelineError, match=f"too many words to search for \\({MAX_QUERY_WORDS + 1}\\)"):
        fts_query(phrase + " notice")
