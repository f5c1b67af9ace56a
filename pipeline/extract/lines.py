"""``timeline.line_breaks.v1``: a line break starts a sentence.

Grade lists, bullet points and table rows carry no full stops; without this the parser runs
"… – Good" and the next row into one sentence and the grades lose their areas.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("timeline_line_breaks_v1")
def mark_line_breaks(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" in token.text_with_ws and not token.is_space:
            doc[token.i + 1].is_sent_start = True
        elif token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
