"""Long texts go through spaCy in pieces that keep paragraphs and sentences whole.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters) and its parser's memory grows
with the length of what it is given, so a long report is cut at paragraph breaks (else line
breaks, else sentence ends, else spaces) into pieces of at most ``PIECE_CHARS``. Each piece keeps
the whitespace that follows it, so the pieces concatenate to the text exactly; the pieces' Docs are
joined back into one Doc over the whole text, and every offset and evidence sentence stays verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

# Chosen so that the longest real Ofsted reports (128,555 characters of text, the longest of 56)
# go in two pieces: at 100,000 characters the parser of en_core_web_sm peaks at about 300 MB, and
# smaller pieces only add boundaries without saving memory that matters.
PIECE_CHARS = 100_000
# Where a cut may fall, best first: a blank line, a line break, a sentence end, any space.
_BOUNDARIES = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"'”’)\]]*\s+"), re.compile(r"\s+"))


def split_text(text: str, size: int = PIECE_CHARS) -> list[str]:
    """Pieces of at most ``size`` characters whose concatenation is ``text``."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        cut = _cut(text, start, start + size)
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _cut(text: str, start: int, end: int) -> int:
    """The last boundary in the second half of ``text[start:end]``, past the whitespace after it."""
    floor = start + (end - start) // 2
    window = text[floor:end]
    for boundary in _BOUNDARIES:
        ends = [match.end() for match in boundary.finditer(window)]
        if ends:
            return floor + ends[-1]
    return end  # one run of characters with no space at all: cut it anyway


# The most characters spaCy is given at once. nlp.pipe holds a whole batch in the network: 16
# news pages are about 40,000 characters, but 16 inspection reports are over a million, and one
# process then peaked at 1.46 GB on the 30 real ILACS reports. Batches are cut at this many
# characters as well as at ``batch_size`` documents (measured in benchmarks/README.md).
BATCH_CHARS = 150_000


def pipe_whole(nlp: Language, texts: Iterable[str], batch_size: int, size: int = PIECE_CHARS) -> Iterator[Doc]:
    """``nlp.pipe`` for texts of any length, in order. Short texts go through in batches of at most
    ``batch_size`` documents and ``BATCH_CHARS`` characters; a long one goes through piece by piece,
    one piece at a time, so that memory is bounded by the piece and not by the text, and its Docs
    are joined back into one."""
    batch: list[str] = []
    chars = 0
    for text in texts:
        if len(text) > size:
            yield from _pipe(nlp, batch)
            batch, chars = [], 0
            yield join_docs(list(nlp.pipe(split_text(text, size), batch_size=1)), text)
            continue
        if batch and (len(batch) >= batch_size or chars + len(text) > BATCH_CHARS):
            yield from _pipe(nlp, batch)
            batch, chars = [], 0
        batch.append(text)
        chars += len(text)
    yield from _pipe(nlp, batch)


def _pipe(nlp: Language, batch: list[str]) -> Iterator[Doc]:
    if batch:
        yield from nlp.pipe(batch, batch_size=len(batch))


def join_docs(parts: list[Doc], text: str) -> Doc:
    """One Doc over the whole text, with every span group, from the Docs of its pieces."""
    whole = Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]  # the stub lags spaCy 3.8
    if whole is None or whole.text != text:
        raise ValueError("the pieces of a long text did not join back into the text")
    return whole
