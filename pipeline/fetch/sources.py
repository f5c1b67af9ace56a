"""Expand what the user typed (paths, folders, globs, URLs) into sources, and read local ones."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pipeline.fetch.files import find_paths, read_file
from pipeline.fetch.http import is_url
from pipeline.records import RawDocument


@dataclass
class Expansion:
    """The sources the inputs name, and one-line notes for the user: files a folder or glob
    matched that are not documents, and folders or globs that name no document at all."""

    sources: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def expand_inputs(inputs: Iterable[str]) -> Expansion:
    """Every source the inputs name, each once, in the order given, with the notes on them."""
    seen: dict[str, None] = {}
    notes: list[str] = []
    for item in inputs:
        found, item_notes = ([item], []) if is_url(item) else find_paths(item)
        seen.update((source, None) for source in found)
        notes += item_notes
    return Expansion(list(seen), notes)


def expand_sources(inputs: Iterable[str]) -> list[str]:
    """Every source the inputs name, each once, in the order given."""
    return expand_inputs(inputs).sources


def read_source(source: str) -> RawDocument:
    return read_file(source)
