"""Storing facts: one transaction per document against one per batch, on the same records.

Extracts the fixture corpus once, then writes copies of it (each copy's texts made distinct)
into two new SQLite files: one calling ``Timeline.save`` per document (a commit each, as
ingest did before batching) and one calling ``Timeline.save_many`` per batch of 16.

    .venv/bin/python benchmarks/store_batching.py [--copies 30]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from pipeline.fetch import expand_sources, read_source
from pipeline.ingest.extraction import extract_documents
from pipeline.parse import parse_document
from pipeline.store import open_timeline

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=30)
    args = parser.parse_args()
    raws = [read_source(s) for s in expand_sources([str(ROOT / "corpus" / "documents")])]
    parsed = [parse_document(r) for r in raws]
    records = list(extract_documents(parsed))
    items = [(p.model_copy(update={"text": f"{p.text}\n\nCopy {copy}."}), r, raw.data)
             for copy in range(args.copies) for p, r, raw in zip(parsed, records, raws, strict=True)]
    with tempfile.TemporaryDirectory() as tmp:
        one = open_timeline(Path(tmp) / "per-document.db")
        started = time.perf_counter()
        for item in items:
            one.save(*item, "bench")
        per_document = time.perf_counter() - started
        batched = open_timeline(Path(tmp) / "per-batch.db")
        started = time.perf_counter()
        for i in range(0, len(items), 16):
            batched.save_many(items[i : i + 16], "bench")
        per_batch = time.perf_counter() - started
    print(f"{len(items)} documents")
    print(f"a transaction per document  {per_document:6.2f}s  {len(items) / per_document:7.0f} documents/s")
    print(f"a transaction per batch     {per_batch:6.2f}s  {len(items) / per_batch:7.0f} documents/s")


if __name__ == "__main__":
    main()
