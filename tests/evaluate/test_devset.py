"""The gate on real pages: ../shared/devset (UK government and parliamentary pages with gold by the
spec) must score at or above its pinned floors, and our scorer must agree with the reference one there."""

from __future__ import annotations

import json
import subprocess
import sys

from pipeline.evaluate.gate import DEVSET, FLOORS_PATH, check, devset_figures, fingerprint
from tests.conftest import SHARED, needs_shared, run_cli


@needs_shared
def test_the_devset_scores_at_or_above_every_floor() -> None:
    stored = json.loads(FLOORS_PATH.read_text())["devset"]
    assert stored["fingerprint"] == fingerprint(DEVSET / "gold.jsonl"), "devset gold changed: re-pin with `make gate` --pin"
    assert check(devset_figures(), stored["floors"]) == []


@needs_shared
def test_our_scorer_agrees_with_the_reference_on_the_devset(db_path, tmp_path) -> None:
    run_cli("ingest", str(DEVSET / "texts"), "--db", str(db_path), "--quiet")
    exported = tmp_path / "devset.jsonl"
    exported.write_text(run_cli("export", "--db", str(db_path)).output, encoding="utf-8")
    reference = tmp_path / "reference.json"
    subprocess.run([sys.executable, str(SHARED / "spec" / "score.py"), str(DEVSET / "gold.jsonl"), str(exported), "--json", str(reference)],
                   check=True, capture_output=True)
    theirs = json.loads(reference.read_text())
    ours = json.loads(run_cli("evaluate", str(DEVSET / "gold.jsonl"), "--predictions", str(exported), "--json").output)
    assert abs(ours["headline_f1"] - theirs["headline_f1"]) < 1e-9
