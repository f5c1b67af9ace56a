"""The accuracy gate on the fixture corpus: CI fails when any field drops under its pinned floor."""

from __future__ import annotations

import json

from pipeline.evaluate.gate import CORPUS, FLOORS_PATH, check, corpus_figures, fingerprint, pin


def test_floors_are_pinned_for_this_gold() -> None:
    stored = json.loads(FLOORS_PATH.read_text())
    assert stored["fingerprint"] == fingerprint(CORPUS / "gold.jsonl"), (
        "corpus/gold.jsonl changed: re-pin with `python -m pipeline.evaluate.gate --pin`")


def test_the_corpus_scores_at_or_above_every_floor() -> None:
    floors = json.loads(FLOORS_PATH.read_text())["floors"]
    assert check(corpus_figures(), floors) == []


def test_re_pinning_cannot_lower_a_floor_silently() -> None:
    import pytest

    with pytest.raises(SystemExit):
        pin({"dates_f1": 0.5}, {"dates_f1": 0.9}, allow_lower=False)
    floors, lowered = pin({"dates_f1": 0.5}, {"dates_f1": 0.9}, allow_lower=True)
    assert floors["dates_f1"] < 0.9 and lowered
