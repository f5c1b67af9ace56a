"""Resolve: spans to normalised facts. Pure functions over the gazetteer, dates and sentences."""
