"""Fetch: turn what the user names into bytes, interpreting nothing."""

from pipeline.fetch.sources import expand_sources, read_source

__all__ = ["expand_sources", "read_source"]
