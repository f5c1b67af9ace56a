"""``timeline.people.v1``: names of real people, cleaned of places, bodies and titles misread as people.

spaCy's PERSON entities plus titled names it misses ("Lord Laming", "Cllr Jo Bloggs"); a name must
look like a name (capitalised words, not a place in the gazetteer, not a job title or a department).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

SPANS_KEY = "people"
COURTESY_TITLES = {"cllr", "councillor", "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "professor", "rev"}
PEERAGE_TITLES = {"lord", "baroness", "lady", "viscount", "earl", "baron"}
# Capitalised words spaCy sometimes takes for a person: roles, bodies, sentence adverbs.
NOT_NAME_WORDS = {
    "chair", "chairman", "chairwoman", "schools", "school", "council", "councils", "minister", "ministers",
    "secretary", "state", "government", "board", "ofsted", "nationally", "director", "leader", "mayor",
    "children", "families", "services", "department", "commissioner", "inspector", "inspectors", "trust",
    "the", "cabinet", "member", "executive", "chief", "officer", "report", "inspection", "local", "authority",
    "prime", "deputy", "head", "review", "care", "social", "work", "news", "press", "parliament", "mp",
}
TRAILING_NOISE = {"'s", "’s", "said", "says", "added"}


def clean_person(span: Span, authority_tokens: set[int]) -> Span | None:
    """The name part of a PERSON span, or None when it is not a person's name."""
    start, end = span.start, span.end
    doc = span.doc
    while end > start and (doc[end - 1].text in TRAILING_NOISE or doc[end - 1].is_punct):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].lower_ == "the"):
        start += 1
    tokens = doc[start:end]
    if not len(tokens):
        return None
    words = [t for t in tokens if not t.is_punct]
    if any("\n" in t.text or t.is_space for t in tokens):
        return None
    if not all(t.text[:1].isupper() or t.text in {"-", "'", "’"} or t.lower_ in {"de", "van", "von", "le", "la"} for t in words):
        return None
    if all(t.i in authority_tokens for t in words):
        return None
    if any(t.lower_ in NOT_NAME_WORDS for t in words):
        return None
    if all(t.lower_.rstrip(".") in COURTESY_TITLES | PEERAGE_TITLES for t in words):
        return None
    if len(words) == 1 and (words[0].is_upper or words[0].pos_ not in {"PROPN"}):
        return None
    return tokens


@Language.factory("timeline_people_v1", default_config={"spans_key": SPANS_KEY})
def make_person_finder(nlp: Language, name: str, spans_key: str) -> PersonFinder:
    return PersonFinder(nlp, spans_key)


class PersonFinder:
    def __init__(self, nlp: Language, spans_key: str) -> None:
        self.spans_key = spans_key
        self.matcher = Matcher(nlp.vocab)
        name = {"IS_TITLE": True, "POS": "PROPN"}
        title = {"LOWER": {"IN": sorted(COURTESY_TITLES | PEERAGE_TITLES)}, "IS_TITLE": True}
        self.matcher.add("TITLED", [[title, name], [title, name, name], [title, name, name, name]])

    def __call__(self, doc: Doc) -> Doc:
        authority_tokens = {t.i for span in doc.spans.get("authorities", []) for t in span}
        found = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        found += [doc[s:e] for _, s, e in self.matcher(doc)]
        cleaned = [clean_person(span, authority_tokens) for span in found]
        spans = [Span(doc, s.start, s.end, label="PERSON") for s in cleaned if s is not None]
        doc.spans[self.spans_key] = sorted(filter_spans(spans), key=lambda s: s.start)
        return doc
