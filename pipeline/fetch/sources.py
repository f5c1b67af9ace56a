"""Expand what the user typed (paths, folders, globs, URLs) into sources, and read local ones."""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.fetch.files import expand_paths, read_file
from pipeline.fetch.http import is_url
from pipeline.records import RawDocument


def expand_sources(inputs: Iterable[str]) -> list[str]:
    """Every source the inputs name, each once, in the order given."""
    seen: dict[str, None] = {}
    for item in inputs:
        for source in [item] if is_url(item) else expand_paths(item):
            seen.setdefault(source, None)
    return list(seen)


def read_source(source: str) -> RawDocument:
    return read_file(source)
