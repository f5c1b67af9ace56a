"""``timeline_lemma_fixes_v1``: corrects the forms the packaged rule lemmatizer gets wrong.

Its rules try "-es" before "-s" and "-ed" before "-d", and when both results are known words
the shorter wins: "hopes" and "hoped" become "hop", "rated" becomes "rat". Its exception table
cannot overrule that (an exception is added only when the rules did not already propose it), so
this component, placed after the lemmatizer, sets the lemma of the listed forms directly.
The forms are data (``models/lexicon/lemma_exceptions.json``); ``tests/extract/test_lemmas.py``
inflects every verb the cue constructions name and reports any form that still goes wrong.
"""

from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.settings import MODELS_DIR

LEMMA_EXCEPTIONS_PATH = MODELS_DIR / "lexicon" / "lemma_exceptions.json"


def read_lemma_exceptions(path: Path) -> dict[str, dict[str, str]]:
    """Coarse part of speech (``VERB``) -> lower-case form -> its lemma."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {pos.upper(): dict(forms) for pos, forms in data.items() if not pos.startswith("_")}


@Language.factory("timeline_lemma_fixes_v1", default_config={"exceptions_path": str(LEMMA_EXCEPTIONS_PATH)})
def make_lemma_fixer(nlp: Language, name: str, exceptions_path: str) -> LemmaFixer:
    return LemmaFixer(read_lemma_exceptions(Path(exceptions_path)))


class LemmaFixer:
    def __init__(self, exceptions: dict[str, dict[str, str]]) -> None:
        self.exceptions = exceptions

    def __call__(self, doc: Doc) -> Doc:
        exceptions = self.exceptions
        for token in doc:
            forms = exceptions.get(token.pos_)
            if forms is not None and (lemma := forms.get(token.lower_)) is not None:
                token.lemma_ = lemma
        return doc
