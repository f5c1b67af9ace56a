"""``timeline_line_breaks_v1``: a line break starts a sentence, and a line without inner stops is one.

Grade lists, bullet points and table rows carry no full stops; without this the parser runs
"… – Good" and the next row into one sentence, or cuts "– Good" off its area, and the grades
lose their areas.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

# A stop followed by more text inside a line: such a line holds several sentences for the parser.
INNER_STOP = re.compile(r"[.!?][”’\"')]*\s+\S")


# Values of spaCy's SENT_START attribute.
STARTS, INSIDE, UNKNOWN = 1, -1, 0


@Language.component("timeline_line_breaks_v1")
def mark_line_breaks(doc: Doc) -> Doc:
    """Set every sentence start in one array write: setting ``token.is_sent_start`` one token at
    a time makes spaCy scan the whole Doc each time, which is quadratic on a long report."""
    starts = doc.to_array(SENT_START).view("int64")  # SENT_START is -1, 0 or 1, stored as uint64
    line_start = True
    line_tokens: list[int] = []
    for token in doc:
        if token.is_space and "\n" in token.text:
            _close_line(doc, line_tokens, starts)
            line_tokens = []
            line_start = True
            continue
        if line_start:
            starts[token.i] = STARTS
            line_start = False
        line_tokens.append(token.i)
        if "\n" in token.whitespace_:
            _close_line(doc, line_tokens, starts)
            line_tokens = []
            line_start = True
    _close_line(doc, line_tokens, starts)
    doc.from_array([SENT_START], starts.view("uint64").reshape(-1, 1))  # type: ignore[arg-type]
    return doc


def _close_line(doc: Doc, indices: list[int], starts: numpy.ndarray) -> None:
    """A line with no stop inside it is one sentence: no token after its first starts another."""
    if len(indices) < 2:
        return
    text = doc[indices[0] : indices[-1] + 1].text
    if INNER_STOP.search(text):
        return
    for i in indices[1:]:
        starts[i] = INSIDE
