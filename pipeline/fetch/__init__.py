"""Fetch: turn what the user names into bytes, interpreting nothing."""

from pipeline.fetch.sources import Expansion, expand_inputs, expand_sources, read_source

__all__ = ["Expansion", "expand_inputs", "expand_sources", "read_source"]
