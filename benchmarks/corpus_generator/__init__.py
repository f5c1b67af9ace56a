"""The parts of ``benchmarks/generate_corpus.py``: what synthetic documents say, and how they are put on disk.

``names``, ``dates`` and ``frameworks`` hold the facts a document may use; ``document`` holds one document
being written; ``notices``, ``news``, ``reports`` and ``negatives`` write the full-length kinds and ``brief``
the short news-wire items; ``render`` turns a written document into a text file or an HTML page.
The promised API is ``benchmarks.generate_corpus``; nothing here is.
"""
