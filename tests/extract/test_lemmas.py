"""Cue constructions are written on lemmas; these tests check that every inflection of every verb
they name reaches that lemma through the pipeline, so that no form is silently missed."""

from __future__ import annotations

import json
import re

import pytest

from pipeline.extract.cues import CUES_PATH, read_cue_entries
from pipeline.extract.nlp import default_nlp
from pipeline.resolve import actions, judgements

VOWELS = "aeiou"
# The resolvers' own lemma sets: the parse is read through lemmas there too.
CODE_LEMMAS = (actions.DECISION_VERBS | actions.LEADERSHIP_VERBS | actions.REPLACING | actions.PROSPECT_PREDICATES
               | judgements.GRADE_VERBS | judgements.GRADE_LEAD)


def named_lemmas(pattern: object) -> set[str]:
    """Every value a ``LEMMA`` key of a Matcher or DependencyMatcher pattern names."""
    if isinstance(pattern, list):
        return set().union(*(named_lemmas(p) for p in pattern)) if pattern else set()
    if not isinstance(pattern, dict):
        return set()
    found: set[str] = set()
    for key, value in pattern.items():
        if key == "LEMMA":
            found |= {value} if isinstance(value, str) else set(value.get("IN", []))
        else:
            found |= named_lemmas(value)
    return found


def regular_forms(verb: str) -> list[str]:
    """Third person, past and -ing forms by the regular rules of (British) English spelling."""
    one_syllable = len(re.findall(rf"[{VOWELS}]+", verb)) == 1
    if re.search(rf"[^{VOWELS}][{VOWELS}][^{VOWELS}wxy]$", verb) and (one_syllable or verb.endswith("l")):
        stem = verb + verb[-1]  # plan -> planned; British signal -> signalled
        return [verb + "s", stem + "ed", stem + "ing"]
    if verb.endswith("e"):
        return [verb + "s", verb + "d", verb[:-1] + "ing"]
    if verb.endswith(("s", "sh", "ch", "x")):
        return [verb + "es", verb + "ed", verb + "ing"]
    if verb.endswith("y") and verb[-2] not in VOWELS:
        return [verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    return [verb + "s", verb + "ed", verb + "ing"]


def verb_forms() -> list[tuple[str, str]]:
    """(form, lemma) for every verb the constructions name: the model's own irregular forms
    (took, stood, wound), else the regular ones."""
    nlp = default_nlp()
    lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    verbs = set(lookups.get_table("lemma_index")["verb"])
    irregular: dict[str, list[str]] = {}
    for form, lemmas in lookups.get_table("lemma_exc")["verb"].items():
        for lemma in lemmas:
            irregular.setdefault(lemma, []).append(form)
    named = set().union(*(named_lemmas(e.get("tokens", [])) | named_lemmas(e.get("dependency", []))
                          for e in read_cue_entries(CUES_PATH)))
    named |= CODE_LEMMAS
    named -= {"be", "have"}  # auxiliaries: their forms are the model's own closed class
    return sorted({(form, verb) for verb in named & verbs for form in irregular.get(verb) or regular_forms(verb)})


FORMS = verb_forms()


def test_the_constructions_name_verbs_to_check() -> None:
    assert len(FORMS) > 100
    assert {("hopes", "hope"), ("took", "take"), ("signalled", "signal")} <= set(FORMS)


@pytest.mark.parametrize("frame", ["The minister {} it.", "It was {} yesterday.", "They are {} now."])
def test_every_inflection_of_a_named_verb_reaches_its_lemma(frame: str) -> None:
    nlp = default_nlp()
    wrong = []
    for form, verb in FORMS:
        doc = nlp(frame.format(form))
        token = next(t for t in doc if t.text == form)
        if token.pos_ in {"VERB", "AUX"} and token.lemma_ != verb:
            wrong.append(f"{form} -> {token.lemma_} (not {verb})")
    assert wrong == [], "add these to models/lexicon/lemma_exceptions.json:\n" + "\n".join(wrong)


def test_the_corrected_forms_are_read_from_the_lexicon(extract_text) -> None:
    exceptions = json.loads((CUES_PATH.parents[1] / "lexicon" / "lemma_exceptions.json").read_text(encoding="utf-8"))
    assert exceptions["verb"]["hopes"] == "hope"
    record = extract_text("Wigan council hopes to be rated outstanding next year.", "2019-01-01")
    assert record.judgements == []
