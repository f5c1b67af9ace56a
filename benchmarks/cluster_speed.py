"""Documents per second against the number of Dask workers (and one process without Dask), on
the real development pages and the fixture corpus: extraction to shards, no database.

    .venv/bin/python benchmarks/cluster_speed.py [--workers 1 2]   # a few minutes

Each run starts its own local cluster (worker processes load spaCy once, counted in the time),
so a small set understates what a long run on more workers gains; the projection for a cluster
in benchmarks/README.md scales the two-worker rate per worker.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.fetch import expand_sources  # noqa: E402
from pipeline.ingest.cluster import extract_on_dask  # noqa: E402
from pipeline.ingest.shards import extract_shards  # noqa: E402

SETS = [ROOT.parent / "shared" / "devset" / "texts", ROOT / "corpus" / "documents"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    sources = expand_sources([str(s) for s in SETS if s.exists()])
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        extract_shards(sources, Path(tmp) / "alone")
        alone = time.perf_counter() - start
        print(f"one process, no Dask: {len(sources)} documents in {alone:.1f} s = {len(sources) / alone:.2f} docs/s")
        for workers in args.workers:
            start = time.perf_counter()
            extract_on_dask(sources, Path(tmp) / f"dask{workers}", workers=workers)
            took = time.perf_counter() - start
            print(f"Dask, {workers} worker(s): {took:.1f} s = {len(sources) / took:.2f} docs/s ({alone / took:.2f}x one process)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
