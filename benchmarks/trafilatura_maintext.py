"""Main-text extraction scored on ../shared/bench/trafilatura by that README's rules.

Our parse path (pipeline.parse.parse_document: trafilatura, then our furniture cut and title)
and trafilatura's reference call run on the same raw bytes in the same run. For each page:
tp = "with" snippets found in the output, fn = those not found, fp = "without" snippets found,
tn = those not found; micro-averaged; F1 = 2TP / (2TP + FP + FN) is the headline.

    .venv/bin/python benchmarks/trafilatura_maintext.py [--subset] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from pathlib import Path

import trafilatura

from pipeline.errors import PipelineError
from pipeline.parse import parse_document
from pipeline.records import RawDocument

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def ours(url: str, data: bytes) -> str | None:
    try:
        return parse_document(RawDocument(source=url, data=data, content_type="text/html")).text
    except PipelineError:
        return None


def reference(data: bytes) -> str | None:
    return trafilatura.extract(data, fast=False, include_comments=False, include_tables=True, include_formatting=False)


def score(pages: dict, outputs: dict[str, str | None]) -> dict[str, float]:
    tp = fp = fn = tn = 0
    for url, page in pages.items():
        out = outputs.get(url)
        text = normalise(out) if out else None
        for snippet in page["with"]:
            if text is not None and normalise(snippet) in text:
                tp += 1
            else:
                fn += 1
        for snippet in page["without"]:
            if text is not None and normalise(snippet) in text:
                fp += 1
            else:
                tn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": precision, "recall": recall, "accuracy": (tp + tn) / (tp + tn + fp + fn),
            "f1": 2 * tp / (2 * tp + fp + fn)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--subset", action="store_true", help="only the README's fixed 200 pages")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    gold = json.loads((BENCH / "trafilatura" / "gold.json").read_text())["pages"]
    pages = {u: p for u, p in gold.items() if p.get("subset200") or not args.subset}
    if args.limit:
        pages = dict(list(pages.items())[: args.limit])
    results: dict[str, dict[str, str | None]] = {"ours": {}, "trafilatura": {}}
    seconds = {"ours": 0.0, "trafilatura": 0.0}
    for url, page in pages.items():
        data = gzip.open(BENCH / page["html"]).read()
        for name, run in (("ours", lambda d, u=url: ours(u, d)), ("trafilatura", reference)):
            started = time.perf_counter()
            try:
                results[name][url] = run(data)
            except Exception:  # the reference tool crashing counts as no output, per the README
                results[name][url] = None
            seconds[name] += time.perf_counter() - started
    print(f"pages: {len(pages)}")
    for name in ("ours", "trafilatura"):
        s = score(pages, results[name])
        print(f"{name:<12} P {s['precision']:.3f}  R {s['recall']:.3f}  accuracy {s['accuracy']:.3f}  F1 {s['f1']:.3f}"
              f"  ({seconds[name]:.1f}s)")


if __name__ == "__main__":
    main()
