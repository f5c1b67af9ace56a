"""``timeline.people.v1``: names of real people, cleaned of places, bodies and titles misread as people.

spaCy's PERSON entities plus titled names it misses ("Lord Laming", "Cllr Jo Bloggs"); a name must
look like a name (capitalised words, not a place in the gazetteer, not a job title or a department).
Titles and role words come from ``pipeline.lexicon``, which the people resolver reads too.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline import lexicon

SPANS_KEY = "people"
TITLES = lexicon.titles().every
# Capitalised words spaCy sometimes takes for a person: roles, bodies, sentence adverbs.
NOT_NAME_WORDS = {
    "chair", "chairman", "chairwoman", "schools", "school", "council", "councils", "minister", "ministers",
    "secretary", "state", "government", "board", "ofsted", "nationally", "director", "leader", "mayor",
    "children", "families", "services", "department", "commissioner", "inspector", "inspectors", "trust",
    "the", "cabinet", "member", "executive", "chief", "officer", "report", "inspection", "local", "authority",
    "prime", "deputy", "head", "review", "care", "social", "work", "news", "press", "parliament", "mp",
}
TRAILING_NOISE = {"'s", "’s", "said", "says", "added"}
# Job words that stand before a name without a comma ("Headteacher Mrs Anita Crossley").
LEADING_ROLE_WORDS = lexicon.roles().leading
# Last words that make a capitalised pair a place or a business, not a person ("Seaview Lodge").
PLACE_WORDS = {"lodge", "house", "court", "hall", "centre", "center", "school", "academy", "park", "road", "street",
               "lane", "close", "group", "limited", "ltd", "partnership", "home", "homes", "college", "nursery", "way",
               "avenue", "square", "gardens", "place", "primary", "church", "hospital", "surgery"}
# Role words that end a role introducing a name in apposition, and that open a role after a name.
ROLE_NOUNS = sorted(lexicon.roles().apposed)
ROLE_STARTS = sorted(lexicon.roles().following)


def clean_person(span: Span, authority_tokens: set[int]) -> Span | None:
    """The name part of a PERSON span, or None when it is not a person's name."""
    start, end = span.start, span.end
    doc = span.doc
    while end > start and (doc[end - 1].text in TRAILING_NOISE or doc[end - 1].is_punct):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].lower_ in {"the", "by"} or doc[start].lower_ in LEADING_ROLE_WORDS):
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
    if all(t.lower_.rstrip(".") in TITLES for t in words):
        return None
    if len(words) == 1 and (words[0].is_upper or words[0].pos_ not in {"PROPN"}):
        return None
    if words[-1].lower_ in PLACE_WORDS or words[0].lower_ in {"st", "saint", "st."}:
        return None
    if _is_byline(tokens):
        return None
    return tokens


CREDIT_WORDS = {"by", "photo", "photograph", "image", "credit", "picture", "words"}


def _is_byline(span: Span) -> bool:
    """'By Priya Nandakumar, Public Services Correspondent', 'Photo: …' at the start of a line:
    credits are page furniture, but 'a review by Lord Bury' in running text is not."""
    doc = span.doc
    for i in range(span.start - 1, max(-1, span.start - 4), -1):
        if doc[i].lower_ in CREDIT_WORDS:
            return i == 0 or "\n" in doc[i - 1].text_with_ws
    return False


@Language.factory("timeline_people_v1", default_config={"spans_key": SPANS_KEY})
def make_person_finder(nlp: Language, name: str, spans_key: str) -> PersonFinder:
    return PersonFinder(nlp, spans_key)


class PersonFinder:
    def __init__(self, nlp: Language, spans_key: str) -> None:
        self.spans_key = spans_key
        self.matcher = Matcher(nlp.vocab)
        name = {"IS_TITLE": True, "POS": "PROPN"}
        title = {"LOWER": {"IN": sorted(TITLES)}, "IS_TITLE": True}
        self.matcher.add("TITLED", [[title, name], [title, name, name], [title, name, name, name]])
        # Names spaCy's NER misses or calls an organisation, found by the role construction around them.
        capital = {"IS_TITLE": True, "POS": {"IN": ["PROPN", "NOUN", "ADJ"]}, "LOWER": {"NOT_IN": sorted(NOT_NAME_WORDS)}}
        role = {"LOWER": {"IN": ROLE_NOUNS}}
        comma = {"ORTH": ","}
        self.matcher.add("APPOSED", [[role, comma, capital, capital, comma], [role, comma, capital, capital, capital, comma]])
        self.matcher.add("NAME_ROLE", [[capital, capital, {"IS_TITLE": True, "LOWER": {"IN": ROLE_STARTS}}]])

    def __call__(self, doc: Doc) -> Doc:
        authority_tokens = {t.i for span in doc.spans.get("authorities", []) for t in span}
        found = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        for match_id, s, e in self.matcher(doc):
            label = doc.vocab.strings[match_id]
            if label == "APPOSED":
                s, e = s + 2, e - 1
            elif label == "NAME_ROLE":
                e -= 1
            found.append(doc[s:e])
        cleaned = [clean_person(span, authority_tokens) for span in found]
        spans = [Span(doc, s.start, s.end, label="PERSON") for s in cleaned if s is not None]
        doc.spans[self.spans_key] = sorted(filter_spans(spans), key=lambda s: s.start)
        return doc
