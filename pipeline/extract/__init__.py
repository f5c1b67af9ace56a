"""Extract: the spaCy pipeline and its components, which find spans and nothing more.

``pipeline.resolve`` turns the spans into facts; ``pipeline.ingest.extraction`` runs the two.
"""
