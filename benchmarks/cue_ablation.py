"""Which cue alternatives matter where: remove each alternative of each cue pattern in turn and
score the seeds, the fixture corpus and the real development pages again.

An alternative whose removal lowers only the seeds (or only one corpus document) is fitted to the
text it was written against (issue 13, item 4); one whose removal lowers the devset earns its place.
spaCy runs once per document; each ablation re-runs only the cue marker and the resolvers.

    .venv/bin/python benchmarks/cue_ablation.py [--only ACTION]   # a few minutes
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.scored_sets import prepared_sets  # noqa: E402
from pipeline.evaluate.score import FIELDS, Scorer  # noqa: E402
from pipeline.extract.cues import lowercase_pattern  # noqa: E402
from pipeline.extract.nlp import default_nlp  # noqa: E402
from pipeline.gazetteer import default_gazetteer  # noqa: E402
from pipeline.resolve.document import document_record  # noqa: E402


def top_level_alternatives(source: str) -> list[str]:
    """Split a regular expression at its top-level ``|``."""
    parts, depth, current, escaped, in_class = [], 0, "", False, False
    for char in source:
        if escaped:
            current += char
            escaped = False
            continue
        if char == "\\":
            escaped = True
        elif char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        elif not in_class and char == "(":
            depth += 1
        elif not in_class and char == ")":
            depth -= 1
        elif not in_class and char == "|" and depth == 0:
            parts.append(current)
            current = ""
            continue
        current += char
    return parts + [current]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="only cues with this label")
    args = parser.parse_args()
    nlp = default_nlp()
    marker = nlp.get_pipe("cues")
    gazetteer = default_gazetteer()
    docs = prepared_sets(nlp)

    def figures() -> dict[str, float]:
        found = {}
        for name, (parsed, spacy_docs, gold) in docs.items():
            records = [document_record(p, marker(d), gazetteer).model_dump() for p, d in zip(parsed, spacy_docs, strict=True)]
            scores = Scorer().score(gold, records)
            for field in FIELDS:
                found[f"{name}.{field}"] = scores.fields[field].f1
                for extra, (right, total) in scores.fields[field].extras.items():
                    found[f"{name}.{field} {extra}"] = right / total if total else 1.0
        return found

    base = figures()
    print("base", " ".join(f"{k}={v:.3f}" for k, v in base.items() if k.endswith(("judgements", "actions"))))
    patterns, fast = list(marker.patterns), list(marker.lowered)
    for index, (label, cue_id, pattern) in enumerate(patterns):
        if args.only and label != args.only:
            continue
        alternatives = top_level_alternatives(pattern.pattern)
        for k, alternative in enumerate(alternatives):
            rest = "|".join(a for j, a in enumerate(alternatives) if j != k) or r"(?!x)x"
            reduced = re.compile(rest, pattern.flags)
            marker.patterns[index] = (label, cue_id, reduced)
            marker.lowered[index] = lowercase_pattern(reduced) if reduced.flags & re.IGNORECASE else None
            changed = {k2: round(v - base[k2], 3) for k2, v in figures().items() if abs(v - base[k2]) > 1e-9}
            where = sorted({k2.split(".")[0] for k2 in changed})
            verdict = "unused" if not changed else ("SEEDS ONLY" if where == ["seeds"] else "+".join(where))
            print(f"{label}:{cue_id}\t{alternative[:70]}\t{verdict}\t{changed}")
        marker.patterns[index] = patterns[index]
        marker.lowered[index] = fast[index]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
