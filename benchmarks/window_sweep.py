"""How the resolvers' remaining window sizes were chosen: set each named constant to a range of
values in turn and score the seeds, the fixture corpus and the real development pages again.

A window is kept at a value inside the flat stretch of the devset and corpus figures (so it is
not tuned to the edge of one document), and the smallest such value when the figures are equal
(a wider window only adds chances to reach a wrong word). The chosen values and the figures are
in ``benchmarks/README.md``. spaCy runs once per document; each setting re-runs the resolvers.

    .venv/bin/python benchmarks/window_sweep.py [--only NAME]   # about three minutes
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.scored_sets import prepared_sets  # noqa: E402
from pipeline.evaluate.score import Scorer  # noqa: E402
from pipeline.extract.nlp import default_nlp  # noqa: E402
from pipeline.gazetteer import default_gazetteer  # noqa: E402
from pipeline.resolve import actions, judgements  # noqa: E402
from pipeline.resolve.document import document_record  # noqa: E402

# (module, constant, values tried); the field each one bears on is what the table reports.
WINDOWS = [
    (actions, "SPEAKER_LOOKBACK", [1, 2, 3, 5, 8]),
    (actions, "LONGEST_ASIDE", [4, 8, 12, 20, 40]),
    (actions, "SHORT_INTRODUCTION", [3, 5, 8, 12, 20]),
    (actions, "LONGEST_LIST", [20, 60, 160, 400]),
    (judgements, "GRADE_LEAD_WINDOW", [1, 2, 3, 4, 6, 10]),
    (judgements, "DATE_CONTEXT_SENTENCES", [1, 2, 4, 6, 10, 20]),
    (judgements, "GRADE_LIST_LONGEST", [3, 6, 10, 20]),
]
FIGURES = [("judgements", None), ("judgements", "date accuracy"), ("actions", None), ("actions", "status accuracy"),
           ("actions", "date accuracy")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="only this constant")
    args = parser.parse_args()
    nlp = default_nlp()
    gazetteer = default_gazetteer()
    docs = prepared_sets(nlp)

    def figures() -> dict[str, str]:
        found = {}
        for name, (parsed, spacy_docs, gold) in docs.items():
            records = [document_record(p, d, gazetteer).model_dump() for p, d in zip(parsed, spacy_docs, strict=True)]
            scores = Scorer().score(gold, records)
            for field, extra in FIGURES:
                if extra is None:
                    value = scores.fields[field].f1
                else:
                    right, total = scores.fields[field].extras.get(extra, (0, 0))
                    value = right / total if total else 1.0
                found[f"{name} {field}{' ' + extra.split()[0] if extra else ''}"] = f"{value:.3f}"
        return found

    columns = list(figures())
    print("constant\tvalue\t" + "\t".join(columns))
    for module, constant, values in WINDOWS:
        if args.only and constant != args.only:
            continue
        kept = getattr(module, constant)
        for value in values:
            setattr(module, constant, value)
            found = figures()
            mark = " *" if value == kept else ""
            print(f"{constant}\t{value}{mark}\t" + "\t".join(found[c] for c in columns), flush=True)
        setattr(module, constant, kept)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
