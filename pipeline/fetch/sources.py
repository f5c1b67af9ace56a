"""Expand what the user typed (paths, folders, globs) into sources, and read each one."""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.fetch.files import expand_paths, read_file
from pipeline.records import RawDocument


def expand_sources(inputs: Iterable[str]) -> list[str]:
    """Every source the inputs name, each once, in the order given."""
    seen: dict[str, None] = {}
    for item in inputs:
        for source in expand_paths(item):
            seen.setdefault(source, None)
    return list(seen)


def read_source(source: str) -> RawDocument:
    return read_file(source)
