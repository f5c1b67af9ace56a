"""Publication dates on the htmldate evaluation set: our parse path against htmldate itself.

Runs ``pipeline.parse.html.publication_date`` (the order of trust in pipeline.parse.published)
on each decoded page of ``../shared/bench/htmldate`` and, in the same run, htmldate's
``find_date(original_date=True)`` in fast and extensive mode. Scoring follows the bench README:
no output is a false negative, an output equal to the gold day a true positive, any other
output a false positive; accuracy (TP/all) is the headline.

    .venv/bin/python benchmarks/htmldate_pubdate.py             # 1,000 pages, about 3 minutes on 2 cores
    .venv/bin/python benchmarks/htmldate_pubdate.py --subset    # the fixed 200-page subset
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
import warnings
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH = ROOT.parent / "shared" / "bench"
GOLD = BENCH / "htmldate" / "gold.json"


@dataclass(frozen=True)
class PageResult:
    url: str
    gold: str | None
    ours: str | None
    origin: str | None
    fast: str | None
    extensive: str | None
    seconds_ours: float
    seconds_extensive: float


def reference_decode(data: bytes) -> str | bytes:
    """The bench README's decoding for the reference tool: UTF-8, detection, else the raw bytes."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else data


def our_decode(url: str, data: bytes) -> str:
    """Our own decoding (pipeline.parse.encoding); pages it refuses are read as lenient UTF-8."""
    from pipeline.errors import ParseError
    from pipeline.parse.encoding import decode_bytes

    try:
        return decode_bytes(url, data)
    except ParseError:
        return data.decode("utf-8", errors="replace")


def our_date(url: str, page: str) -> tuple[str | None, str | None]:
    """Our parse path without extraction: soup, main text, then the order of trust."""
    from bs4 import BeautifulSoup

    from pipeline.parse.html import main_text, publication_date
    from pipeline.parse.text import strip_trailing_furniture

    soup = BeautifulSoup(page, "lxml")
    try:
        text = strip_trailing_furniture(main_text(page) or "")
    except Exception:  # trafilatura fails on a few broken pages; the date may still be in the markup
        text = ""
    return publication_date(soup, page, text, url)


def run_page(item: tuple[str, dict]) -> PageResult:
    from htmldate import find_date

    warnings.filterwarnings("ignore")
    url, record = item
    data = gzip.open(BENCH / record["html"]).read()
    start = time.perf_counter()
    ours, origin = our_date(url, our_decode(url, data))
    seconds_ours = time.perf_counter() - start
    reference = reference_decode(data)
    fast = find_date(reference, original_date=True, extensive_search=False, url=url)
    start = time.perf_counter()
    extensive = find_date(reference, original_date=True, extensive_search=True, url=url)
    seconds_extensive = time.perf_counter() - start
    return PageResult(url, record["date"], ours, origin, fast, extensive, seconds_ours, seconds_extensive)


def score(pairs: list[tuple[str | None, str | None]]) -> dict[str, float]:
    """Accuracy, P, R, F1 by the bench README (a gold NaN can never be right)."""
    tp = sum(1 for gold, out in pairs if out is not None and out == gold)
    fp = sum(1 for gold, out in pairs if out is not None and out != gold)
    fn = sum(1 for _, out in pairs if out is None)
    return {
        "accuracy": tp / len(pairs),
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "f1": 2 * tp / (2 * tp + fp + fn) if tp else 0.0,
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def report(results: list[PageResult]) -> None:
    rows = {
        "ours (pipeline.parse.html)": [(r.gold, r.ours) for r in results],
        "htmldate fast": [(r.gold, r.fast) for r in results],
        "htmldate extensive": [(r.gold, r.extensive) for r in results],
    }
    print(f"{len(results)} pages")
    print(f"{'system':30} {'acc':>6} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn")
    for name, pairs in rows.items():
        s = score(pairs)
        print(
            f"{name:30} {s['accuracy']:6.3f} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}   "
            f"{s['tp']}/{s['fp']}/{s['fn']}"
        )
    only_ours = sum(1 for r in results if r.ours == r.gold and r.extensive != r.gold)
    only_theirs = sum(1 for r in results if r.extensive == r.gold and r.ours != r.gold)
    print(f"paired with htmldate extensive: only ours right {only_ours}, only htmldate right {only_theirs}")
    print("by origin (pages, right):")
    origins = Counter(r.origin for r in results)
    for origin, count in origins.most_common():
        right = sum(1 for r in results if r.origin == origin and r.ours is not None and r.ours == r.gold)
        print(f"  {origin or 'none':20} {count:5} {right:5}")
    ours_ms = 1000 * sum(r.seconds_ours for r in results) / len(results)
    theirs_ms = 1000 * sum(r.seconds_extensive for r in results) / len(results)
    print(f"time per page: ours {ours_ms:.0f} ms (with main text), htmldate extensive {theirs_ms:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subset", action="store_true", help="only the fixed 200-page subset (subset200)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--dump", type=Path, help="write per-page results as JSON Lines here")
    args = parser.parse_args()
    pages = json.loads(GOLD.read_text(encoding="utf-8"))["pages"]
    items = [(url, rec) for url, rec in pages.items() if rec.get("subset200") or not args.subset]
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        results = list(pool.map(run_page, items, chunksize=8))
    report(results)
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as out:
            for r in results:
                out.write(json.dumps(r.__dict__, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
