"""The one limit on a document's length, and the one way to say a text is beyond it."""

from __future__ import annotations

from pipeline.errors import ParseError
from pipeline.records import ParsedDocument
from pipeline.settings import SETTINGS


def too_long(what: str, length: int, limit: int = SETTINGS.max_document_chars) -> str:
    """The reason a text over the limit is refused; ``what`` says what was measured."""
    return (f"text too long ({what}{length:,} characters; the limit is {limit:,}, about four times the longest real "
            "Ofsted report); split it into its documents")


def check_length(parsed: ParsedDocument, limit: int = SETTINGS.max_document_chars) -> None:
    """Refuse a text far longer than any real notice or report, before spaCy spends minutes on it."""
    if len(parsed.text) > limit:
        raise ParseError(parsed.source, too_long("", len(parsed.text), limit))
