"""Query: an authority's timeline, exports."""
