"""The accuracy gate: per-field F1 floors on the fixture corpus, pinned with a fingerprint of its gold,
and on the real pages of ``../shared/devset`` when they are beside the project (as in CI).

``python -m pipeline.evaluate.gate`` scores the corpus (and the devset) and checks the floors;
``--pin`` writes the current figures as the new floors. Re-pinning never lowers a floor silently:
a lower figure needs ``--allow-lower`` and is reported. When the gold changes, its fingerprint no
longer matches and the gate asks for a deliberate re-pin.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from pipeline.evaluate.score import FIELDS, Scorer, read_jsonl
from pipeline.settings import PROJECT_ROOT

CORPUS = PROJECT_ROOT / "corpus"
# Real UK government and parliamentary pages with gold by the spec: measuring data, never copied here.
DEVSET = PROJECT_ROOT.parent / "shared" / "devset"
FLOORS_PATH = PROJECT_ROOT / "tests" / "evaluate" / "floors.json"
# Floors sit this far under the measured figure, so harmless reorderings of ties do not trip CI.
MARGIN = 0.005


def fingerprint(gold: Path) -> str:
    return hashlib.sha256(gold.read_bytes()).hexdigest()[:16]


def corpus_figures(corpus: Path = CORPUS) -> dict[str, float]:
    """Ingest the corpus into a fresh database, export, and score it against its gold."""
    return figures_for(corpus / "documents", corpus / "gold.jsonl")


def devset_figures(devset: Path = DEVSET) -> dict[str, float]:
    """The same figures on the real development pages (their texts are in ``texts/``)."""
    return figures_for(devset / "texts", devset / "gold.jsonl")


def figures_for(documents: Path, gold: Path) -> dict[str, float]:
    from pipeline.ingest import ingest
    from pipeline.store import open_timeline

    with tempfile.TemporaryDirectory() as tmp:
        timeline = open_timeline(Path(tmp) / "gate.db")
        ingest([str(documents)], timeline)
        predicted = [r.model_dump() for r in timeline.records()]
        timeline.close()
    scores = Scorer().score(read_jsonl(gold), predicted)
    figures = {f"{name}_f1": scores.fields[name].f1 for name in FIELDS}
    figures["headline_f1"] = scores.headline
    for name in ("people", "judgements", "actions", "dates"):
        for extra, (right, total) in scores.fields[name].extras.items():
            figures[f"{name}_{extra.replace(' ', '_')}"] = right / total if total else 1.0
    return figures


def check(figures: dict[str, float], floors: dict[str, float]) -> list[str]:
    return [f"{key}: {figures.get(key, 0.0):.3f} is under its floor {floor:.3f}"
            for key, floor in floors.items() if figures.get(key, 0.0) < floor]


def pin(figures: dict[str, float], old: dict[str, float], allow_lower: bool) -> tuple[dict[str, float], list[str]]:
    new = {k: round(max(0.0, v - MARGIN), 3) for k, v in figures.items()}
    lowered = [f"{k}: {old[k]:.3f} -> {v:.3f}" for k, v in new.items() if k in old and v < old[k]]
    if lowered and not allow_lower:
        raise SystemExit("re-pinning would lower floors (pass --allow-lower and say why in the commit):\n  "
                         + "\n  ".join(lowered))
    return new, lowered


def _suites() -> list[tuple[str, Path, Callable[[], dict[str, float]]]]:
    """(name in floors.json, gold file, figures) for every suite present: the corpus always, the devset when beside."""
    suites: list[tuple[str, Path, Callable[[], dict[str, float]]]] = [("corpus", CORPUS / "gold.jsonl", corpus_figures)]
    if (DEVSET / "gold.jsonl").exists():
        suites.append(("devset", DEVSET / "gold.jsonl", devset_figures))
    return suites


def _section(stored: dict, name: str) -> dict:
    """The corpus's floors sit at the top level of floors.json; every other suite has a section."""
    return stored if name == "corpus" else stored.setdefault(name, {"fingerprint": None, "floors": {}})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pin", action="store_true", help="write the current figures as the floors")
    parser.add_argument("--allow-lower", action="store_true", help="let --pin lower a floor")
    args = parser.parse_args(argv)
    stored = json.loads(FLOORS_PATH.read_text()) if FLOORS_PATH.exists() else {"fingerprint": None, "floors": {}}
    failures: list[str] = []
    for name, gold, measure in _suites():
        section = _section(stored, name)
        figures = measure()
        print(f"== {name}")
        for key, value in sorted(figures.items()):
            print(f"{key:<32} {value:.3f}   floor {section['floors'].get(key, 0.0):.3f}")
        if args.pin:
            floors, lowered = pin(figures, section["floors"], args.allow_lower)
            section.update(fingerprint=fingerprint(gold), floors=floors)
            print(f"pinned {len(floors)} floors" + (f"; lowered: {', '.join(lowered)}" if lowered else ""))
        elif section["fingerprint"] != fingerprint(gold):
            failures.append(f"{gold} changed since the floors were pinned: re-pin with --pin")
        else:
            failures += [f"{name} {failure}" for failure in check(figures, section["floors"])]
    if args.pin:
        FLOORS_PATH.write_text(json.dumps(stored, indent=2) + "\n")
        return 0
    print("\n".join(failures) or "gate passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
