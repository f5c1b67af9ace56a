"""How long `timeline show` takes as a whole process against `sqlite-utils query` on the same
database: the median of alternated runs, so that a busy moment hits both alike (issue 15: at most
1.5x). Most of either is starting Python and importing; a query command imports only the query
side of the package (no spaCy, trafilatura or pdfplumber).

    .venv/bin/python benchmarks/query_startup.py --db outputs/timeline.db [--authority Somerset] [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--authority", default="Somerset")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    ours = [str(BIN / "timeline"), "show", args.authority, "--db", args.db, "--format", "csv"]
    theirs = [str(BIN / "sqlite-utils"), "query", args.db,
              "select * from judgements where authority = :a union all select * from judgements where 0", "-p", "a", args.authority]
    timed(ours), timed(theirs)  # warm the file cache
    show, query = [], []
    for _ in range(args.runs):
        show.append(timed(ours))
        query.append(timed(theirs))
    a, b = statistics.median(show), statistics.median(query)
    print(f"timeline show {a:.3f} s, sqlite-utils query {b:.3f} s (medians of {args.runs} alternated runs): ratio {a / b:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
