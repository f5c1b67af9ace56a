"""Grades that contradict a report's own table, on real Ofsted reports without gold.

By the rules of ``../shared/bench/ofsted_reports_dev/README.md``: each report grades its areas once,
in its judgement table and summary. The table's grade for an area is read from the judgements whose
evidence is a table row or a grade line ("Overall effectiveness | Good", "… – Requires improvement");
any other judgement for the report's authority, at this inspection or undated, with the same area and
another rating, contradicts the report. A grade told with an earlier date is history, not a contradiction.

Run from the project root::

    .venv/bin/python benchmarks/ofsted_contradictions.py            # counts and every contradiction
    .venv/bin/python benchmarks/ofsted_contradictions.py --actions  # also list every action with its evidence
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.errors import PipelineError  # noqa: E402
from pipeline.fetch import read_source  # noqa: E402
from pipeline.ingest.extraction import extract_documents  # noqa: E402
from pipeline.parse import parse_document  # noqa: E402
from pipeline.records import DocumentRecord, JudgementRecord  # noqa: E402
from pipeline.resolve.judgements import is_table_line  # noqa: E402

DEFAULT_BENCH = ROOT.parent / "shared" / "bench" / "ofsted_reports_dev"


def table_grades(record: DocumentRecord, year: str) -> dict[str, str]:
    """Area -> the rating the report's table or grade lines give it (the most frequent, if several);
    lines dated before the report's year list an earlier inspection's grades and do not vote."""
    votes: dict[str, Counter[str]] = {}
    for judgement in record.judgements:
        if is_table_line(judgement.evidence) and (judgement.date is None or judgement.date[:4] >= year):
            votes.setdefault(judgement.area, Counter())[judgement.rating] += 1
    return {area: counts.most_common(1)[0][0] for area, counts in votes.items()}


def contradictions(record: DocumentRecord, year: str) -> list[JudgementRecord]:
    table = table_grades(record, year)
    own = Counter(j.authority for j in record.judgements if is_table_line(j.evidence))
    authority = own.most_common(1)[0][0] if own else None
    return [j for j in record.judgements
            if j.authority == authority and j.area in table and j.rating != table[j.area]
            and (j.date is None or j.date[:4] >= year)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    parser.add_argument("--actions", action="store_true")
    args = parser.parse_args(argv)
    pdfs = sorted((args.bench / "pdf").glob("*.pdf"))
    parsed = []
    for pdf in pdfs:
        try:
            parsed.append(parse_document(read_source(str(pdf))))
        except PipelineError as err:
            print(f"unreadable: {err}")
    total, with_table = 0, 0
    for document, record in zip(parsed, extract_documents(parsed, batch_size=1), strict=True):
        name = Path(document.source).name
        year = str(int(name.rsplit("-", 3)[-3]) - 1)  # an inspection may end the year before its report
        found = contradictions(record, year)
        with_table += bool(table_grades(record, year))
        total += len(found)
        for j in found:
            print(f"{name}: {j.area} {j.rating} (table: {table_grades(record, year)[j.area]}) date={j.date} :: {' '.join(j.evidence.split())[:220]}")
        if args.actions:
            for a in record.actions:
                print(f"{name}: ACTION {a.authority} {a.kind} {a.status} :: {' '.join(a.evidence.split())[:220]}")
    print(f"\n{len(parsed)} reports, {with_table} with a table read, {total} contradictions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
