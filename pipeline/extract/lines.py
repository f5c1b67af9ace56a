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
from spacy.tokens import Doc, Token

# A stop followed by more text inside a line: such a line holds several sentences for the parser.
INNER_STOP = re.compile(r"[.!?][”’\"')]*\s+\S")


# Values of spaCy's SENT_START attribute.
STARTS, INSIDE, UNKNOWN = 1, -1, 0


@Language.component("timeline_line_breaks_v1")
def mark_line_breaks(doc: Doc) -> Doc:
    """Set every sentence start in one array write: setting ``token.is_sent_start`` one token at
    a time makes spaCy scan the whole Doc each time, which is quadratic on a long report."""
    starts = doc.to_array(SENT_START).view("int64")  # SENT_START is -1, 0 or 1, stored as uint64
    for line in _logical_lines(doc):
        if line:
            starts[line[0]] = STARTS
            _close_line(doc, line, starts)
    doc.from_array([SENT_START], starts.view("uint64").reshape(-1, 1))  # type: ignore[arg-type]
    return doc


def _logical_lines(doc: Doc) -> list[list[int]]:
    """The token indices of each line; a hard-wrapped line (text copied from a PDF or a printed
    page: the line ends inside a sentence, with a word, and the next line goes on in lower case,
    or the line ends with a word no sentence ends with) is joined to the next, so the wrap does
    not cut a sentence in two."""
    lines: list[list[int]] = []
    current: list[int] = []
    wrapped = False
    for token in doc:
        if token.is_space and "\n" in token.text:
            wrapped = token.text.count("\n") == 1 and bool(current) and _ends_inside_a_sentence(doc[current[-1]])
            if not wrapped:
                lines.append(current)
                current = []
            continue
        if wrapped and current and not token.text[:1].islower() and not _cannot_end_a_sentence(doc[current[-1]]):
            lines.append(current)
            current = []
        wrapped = False
        current.append(token.i)
        if "\n" in token.whitespace_:
            lines.append(current)
            current = []
    lines.append(current)
    return lines


# What a line ends with when it stops at the end of a sentence, a list lead-in or a table cell.
LINE_END_PUNCTUATION = set(".!?:;|•”\"')]")


# Fine tags of words a sentence cannot end with (the tagger has run): a preposition, determiner,
# conjunction, "to", a verb or a possessive pronoun; a line ending with one goes on even when the
# next line starts with a name ("… a report that rated\nSefton's services …").
CONTINUING_TAGS = {"IN", "DT", "CC", "TO", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT", "PRP$", "MD"}


def _cannot_end_a_sentence(token: Token) -> bool:
    return token.tag_ in CONTINUING_TAGS or token.text == ","


def _ends_inside_a_sentence(token: Token) -> bool:
    return token.text[-1:] not in LINE_END_PUNCTUATION and (token.is_alpha or token.text[-1:] == ",")


def _close_line(doc: Doc, indices: list[int], starts: numpy.ndarray) -> None:
    """A line with no stop inside it is one sentence: no token after its first starts another."""
    if len(indices) < 2:
        return
    text = doc[indices[0] : indices[-1] + 1].text
    if INNER_STOP.search(text):
        return
    for i in indices[1:]:
        starts[i] = INSIDE
