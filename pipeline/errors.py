"""The errors the pipeline raises, as one documented tree.

    PipelineError                 anything the user can act on; carries the source
    ├── FetchError                the bytes could not be had (missing file, dead URL, refused)
    ├── ParseError                the bytes are not a document we can read (empty, binary, corrupt)
    ├── ExtractionError           the spaCy pipeline or its assets failed
    └── StoreError                the SQLite timeline could not be read or written

Every message names its source first, so a batch log reads as
``corpus/broken/x.pdf: not a PDF (starts with b'<html')``.
"""

from __future__ import annotations


class PipelineError(Exception):
    """Base class: ``source`` names the input, ``reason`` says what went wrong and what to do."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class FetchError(PipelineError):
    """The input could not be read or downloaded."""


class ParseError(PipelineError):
    """The input was read but is not a document the parser understands."""


class ExtractionError(PipelineError):
    """The extraction pipeline could not be built or run."""


class StoreError(PipelineError):
    """The timeline database could not be opened, migrated or written."""
