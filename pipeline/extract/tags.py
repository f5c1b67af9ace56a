"""``timeline_coarse_tags_v1``: the coarse part of speech from the tagger's fine tag, by table.

en_core_web_sm sets ``token.pos_`` with its attribute ruler: 179 Matcher patterns, most of which
set morphology and lemmas, which nothing here reads. Running them takes about a tenth of the
whole pipeline's time. This component keeps the ruler's own tag-to-POS table (its patterns
whose only condition is a fine tag, read from the loaded model, not written here) and applies
it with a dictionary look-up per token; the ruler is then removed from the pipeline.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def tag_table(nlp: Language, ruler_name: str = "attribute_ruler") -> dict[str, str]:
    """Fine tag -> coarse POS, from the ruler's patterns that match on the tag alone."""
    if ruler_name not in nlp.pipe_names:
        return {}
    table: dict[str, str] = {}
    for pattern in nlp.get_pipe(ruler_name).patterns:  # type: ignore[attr-defined]
        tokens = pattern["patterns"][0]
        if len(tokens) == 1 and set(tokens[0]) == {"TAG"} and "POS" in pattern["attrs"]:
            tag = tokens[0]["TAG"]
            if isinstance(tag, str):
                table[tag] = pattern["attrs"]["POS"]
            else:
                table.update(dict.fromkeys(tag.get("IN", []), pattern["attrs"]["POS"]))
    return table


@Language.factory("timeline_coarse_tags_v1", default_config={"ruler": "attribute_ruler"})
def make_coarse_tagger(nlp: Language, name: str, ruler: str) -> CoarseTagger:
    return CoarseTagger(tag_table(nlp, ruler))


class CoarseTagger:
    def __init__(self, table: dict[str, str]) -> None:
        if not table:
            raise ValueError("no tag-to-POS table: add this component while the model's attribute_ruler is still in the pipeline")
        self.table = table

    def __call__(self, doc: Doc) -> Doc:
        table = self.table
        for token in doc:
            pos = table.get(token.tag_)
            if pos is not None:
                token.pos_ = pos
        return doc
