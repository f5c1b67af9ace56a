"""Synthetic press notices, news stories and Ofsted reports: input for the throughput benchmark.

``benchmarks/throughput.py`` needs tens of thousands of documents shaped like the pipeline's real
input without a corpus that size in the repository, so this module writes them on demand:
GOV.UK-style notices of improvement notices, directions, commissioners, trusts and lifted
interventions (about 40 %); council and local news stories about inspection results (30 %); long
Ofsted inspection reports with a grade per area and pages of findings (20 %); and irrelevant
stories about schools, budgets and roads (10 %). About half are HTML pages with their furniture
(cookie banner, navigation, related links, footer), half plain text. Authority names are real
(``models/gazetteers/authorities.csv``); people, quotations and histories are invented from
templates, several phrasings per sentence slot, published 2010-2026 and looking back to 2008.

With ``--brief`` the documents are instead short news-wire items (60-150 words: a headline, a
date line and two to four sentences carrying one grade or one intervention, 10 % irrelevant),
half small HTML pages and half text: for ingest runs of 100,000 documents, where full-length
ones would take hours, that still exercise every stage.

This is benchmark input, not gold data: nobody checked what each document should yield. A
document depends only on (seed, serial, brief), and its text carries the serial, so no two texts
hash alike (the store deduplicates documents by a hash of their text). The templates and writers
live in ``benchmarks/corpus_generator/``.

    .venv/bin/python benchmarks/generate_corpus.py /tmp/corpus --documents 100000 [--seed 0] [--brief]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

# benchmarks/ is not a package, so the generator is imported as the top-level ``corpus_generator`` from this
# folder: the same name whether this file runs as a script, is imported as ``benchmarks.generate_corpus``, or is type-checked.
HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from corpus_generator.brief import brief_item  # noqa: E402
from corpus_generator.document import Doc  # noqa: E402
from corpus_generator.negatives import negative_story  # noqa: E402
from corpus_generator.news import local_news  # noqa: E402
from corpus_generator.notices import press_notice  # noqa: E402
from corpus_generator.render import render_brief_html, render_html, render_txt, straighten  # noqa: E402
from corpus_generator.reports import ofsted_report  # noqa: E402

# Share of each kind of document, cumulative: notices, news, reports, then irrelevant stories.
MIX = (("notice", 0.40), ("news", 0.70), ("ofsted", 0.90), ("other", 1.00))
HTML_SHARE = 0.5
# Share of documents whose quotes and apostrophes are straight: some sites and writers use them.
STRAIGHT_SHARE = 0.4
# Word targets (low, high, mode) per kind. Reports skew short, which keeps the corpus mean near 640 words (100,000 documents, seed 0).
LENGTHS = {"notice": (150, 520, 220), "news": (130, 420, 170), "ofsted": (1500, 3000, 1500), "other": (120, 360, 170)}
WRITERS: dict[str, Callable[[Doc, int], str]] = {"notice": press_notice, "news": local_news, "ofsted": ofsted_report, "other": negative_story}


@dataclass(frozen=True)
class GeneratedDocument:
    """One synthetic document: its file name, the bytes written to disk and the text a reader sees."""

    name: str
    data: bytes
    text: str


def _document(seed: int, serial: int) -> GeneratedDocument:
    rng = random.Random(f"{seed}/{serial}")
    doc = Doc(rng, serial)
    draw = rng.random()
    kind = next(name for name, share in MIX if draw < share)
    low, high, mode = LENGTHS[kind]
    title = WRITERS[kind](doc, int(rng.triangular(low, high, mode)))
    html_page = rng.random() < HTML_SHARE
    page, text = render_html(doc, title, kind) if html_page else render_txt(doc, title)
    if rng.random() < STRAIGHT_SHARE:  # no attribute value holds a curly quote, so straightening cannot break a page
        page, text = straighten(page), straighten(text)
    return GeneratedDocument(f"{serial:06d}-{kind}.{'html' if html_page else 'txt'}", page.encode("utf-8"), text)


def _brief_document(seed: int, serial: int) -> GeneratedDocument:
    # Its own random stream: a brief shares nothing with the full document of the same serial.
    rng = random.Random(f"brief/{seed}/{serial}")
    doc = Doc(rng, serial)
    kind, title = brief_item(doc)
    html_page = rng.random() < HTML_SHARE
    page, text = render_brief_html(doc, title, kind) if html_page else render_txt(doc, title)
    if rng.random() < STRAIGHT_SHARE:
        page, text = straighten(page), straighten(text)
    return GeneratedDocument(f"{serial:06d}-brief-{kind}.{'html' if html_page else 'txt'}", page.encode("utf-8"), text)


def generate(count: int, seed: int = 0, brief: bool = False) -> Iterator[GeneratedDocument]:
    """``count`` documents, one at a time; document ``n`` depends only on (seed, n, brief)."""
    make = _brief_document if brief else _document
    for serial in range(count):
        yield make(seed, serial)


def _write(folder: Path, count: int, seed: int, brief: bool) -> tuple[Path, int, int]:
    """Write the documents and texts.jsonl; return its path, the words of all texts and the bytes of all documents."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = folder / "texts.jsonl"
    words = size = 0
    with texts.open("w", encoding="utf-8") as lines:
        for document in generate(count, seed, brief):
            (folder / document.name).write_bytes(document.data)
            lines.write(json.dumps({"name": document.name, "text": document.text}, ensure_ascii=False) + "\n")
            words += len(document.text.split())
            size += len(document.data)
    return texts, words, size


def write_corpus(folder: Path, count: int, seed: int = 0, brief: bool = False) -> Path:
    """Write ``count`` documents into ``folder`` and their texts to ``folder/texts.jsonl``; return that path."""
    return _write(folder, count, seed, brief)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--documents", type=int, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--brief", action="store_true", help="short news-wire items of 60-150 words, for ingest runs at scale")
    args = parser.parse_args()
    texts, words, size = _write(args.folder, args.documents, args.seed, args.brief)
    print(f"{args.documents:,} documents, {words:,} words, {size / 1e6:.1f} MB of documents -> {args.folder}; texts in {texts}")


if __name__ == "__main__":
    main()
