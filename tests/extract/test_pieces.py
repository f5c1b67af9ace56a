"""Long texts go through spaCy in pieces, and the record is the one the whole text would give."""

from __future__ import annotations

import pytest

from pipeline.extract.pieces import PIECE_CHARS, pipe_whole, split_text
from pipeline.fetch import read_source
from pipeline.parse import parse_document
from pipeline.resolve.document import document_record
from tests.conftest import CORPUS


@pytest.mark.parametrize(
    ("text", "size", "first"),
    [
        ("Para one is here.\n\nTwo.\nThree lines go on.", 30, "Para one is here.\n\n"),  # a blank line first
        ("A line of words\nand another line of words here", 30, "A line of words\n"),  # then a line break
        ("First sentence ends. Second one goes on and on", 30, "First sentence ends. "),  # then a sentence end
        ("words without any stop at all to end them", 20, "words without any "),  # then a space
        ("x" * 50, 20, "x" * 20),  # a run with no space at all is cut where it must be
    ],
)
def test_pieces_end_at_the_best_boundary_and_join_back_exactly(text: str, size: int, first: str) -> None:
    pieces = split_text(text, size)
    assert pieces[0] == first
    assert "".join(pieces) == text
    assert all(len(piece) <= size for piece in pieces)


def test_a_text_past_spacys_limit_is_cut_into_pieces_spacy_accepts() -> None:
    text = "A sentence about the plan for children in care.\n" * 25_000  # 1.2 million characters
    pieces = split_text(text)
    assert "".join(pieces) == text
    assert len(pieces) == 13 and max(map(len, pieces)) <= PIECE_CHARS < 1_000_000
    assert all(piece.endswith("\n") for piece in pieces)


@pytest.mark.parametrize(
    "name",
    ["2013-11-somerset-improvement-notice-issued.html", "2019-08-sefton-ofsted-requires-improvement.txt", "2024-08-medway-ilacs-good.txt"],
)
def test_a_document_extracted_in_pieces_gives_the_record_of_the_whole(nlp, gazetteer, name: str) -> None:
    parsed = parse_document(read_source(str(CORPUS / "documents" / name)))
    whole = document_record(parsed, next(pipe_whole(nlp, [parsed.text], 16)), gazetteer)
    doc = next(pipe_whole(nlp, [parsed.text], 16, size=700))
    assert doc.text == parsed.text and len(split_text(parsed.text, 700)) > 2
    assert document_record(parsed, doc, gazetteer) == whole
    for fact in [*whole.judgements, *whole.actions]:
        assert parsed.text[fact.start : fact.end] == fact.evidence


def test_short_and_long_texts_come_back_in_their_order(nlp) -> None:
    texts = ["Leeds was rated good.", "Bury was rated good.\n\n" * 40, "Hull was rated good."]
    docs = list(pipe_whole(nlp, texts, 16, size=200))
    assert [doc.text for doc in docs] == texts
