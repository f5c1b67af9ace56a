"""``timeline.people.v1``: names of real people, cleaned of places, bodies and titles misread as people.

spaCy's PERSON entities plus titled names it misses ("Lord Laming", "Cllr Jo Bloggs", "Lord Warner
of Brockley"); a name must look like a name: capitalised words, no preposition or article, not a
place in the gazetteer (nor a constituency made of one, "Manchester Central"), not a job title, a
body or the domain's common nouns in title case ("Young People"), not page furniture ("Embed
Size") and not a credit ("Photo: …"). Titles and role words come from ``pipeline.lexicon``; what a
name is not comes from ``models/lexicon/names.json``, which the people resolver reads too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline import lexicon
from pipeline.gazetteer import Gazetteer, default_gazetteer, name_key

SPANS_KEY = "people"
TITLES = lexicon.titles().every
PEERAGE = lexicon.titles().peerage
NAMES: Mapping[str, Any] = lexicon.names()
# Words never in a person's name: roles, bodies, the domain's common nouns in title case, furniture.
NOT_NAME_WORDS = frozenset(NAMES["never"])
# Menu and widget words that may be surnames alone: a span made only of these (or the above) is furniture.
FURNITURE_WORDS = frozenset(NAMES["furniture"]) | NOT_NAME_WORDS
CREDIT_WORDS = frozenset(NAMES["credits"])
PARTICLES = frozenset(NAMES["particles"])
TRAILING_NOISE = {"'s", "’s", "said", "says", "added"}
# Job words that stand before a name without a comma ("Headteacher Mrs Anita Crossley").
LEADING_ROLE_WORDS = lexicon.roles().leading
# Last words that make a capitalised pair a place or a business, not a person ("Seaview Lodge").
PLACE_WORDS = frozenset(NAMES["place_ends"]) | frozenset(NAMES["organisation_ends"])
CONSTITUENCY_WORDS = frozenset(NAMES["constituency"])
# Parts of speech no name holds (a particle aside): "Looked After Children", "Children and Families".
FUNCTION_POS = {"ADP", "DET", "CCONJ", "SCONJ", "PRON", "PART", "NUM", "PUNCT", "SYM"}
# Role words that end a role introducing a name in apposition, and that open a role after a name.
ROLE_NOUNS = sorted(lexicon.roles().apposed)
ROLE_STARTS = sorted(lexicon.roles().following)
# How far before a name, in tokens, a credit word at the start of its line makes it a credit
# ("Photograph by courtesy of Jane Doe"): further on, the line is a sentence, not a credit.
CREDIT_REACH = 6


def place_words(gazetteer: Gazetteer) -> frozenset[str]:
    """Every word of every authority's names and aliases, as name_key folds them."""
    return frozenset(
        word for a in gazetteer.authorities.values() for alias in (a.name, a.council, *a.aliases) for word in name_key(alias).split()
    )


PLACES = place_words(default_gazetteer())


def clean_person(span: Span, authority_tokens: set[int], by_ner: bool = True) -> Span | None:
    """The name part of a PERSON span, or None when it is not a person's name.

    ``by_ner``: spaCy's NER (or a title) called the span a person; a span found only by the role
    construction around it must also not be part of a longer name the NER reads as a body or place."""
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
    peer = words[0].lower_ in PEERAGE
    if not all(t.text[:1].isupper() or t.text in {"-", "'", "’"} or t.lower_ in PARTICLES or (peer and t.lower_ == "of") for t in words):
        return None
    if all(t.i in authority_tokens for t in words):
        return None
    lowered = [t.lower_ for t in words]
    if any(w in NOT_NAME_WORDS for w in lowered) or all(w in FURNITURE_WORDS for w in lowered):
        return None
    if all(w.rstrip(".") in TITLES for w in lowered):
        return None
    if len(words) == 1 and (words[0].is_upper or words[0].pos_ not in {"PROPN"}):
        return None
    if lowered[-1] in PLACE_WORDS or lowered[0] in {"st", "saint", "st."}:
        return None
    if _has_function_word(words) or is_place(lowered) or is_credit(tokens):
        return None
    if not by_ner and _inside_another_name(tokens):
        return None
    return tokens


def _has_function_word(words: list[Any]) -> bool:
    """'Looked After Children', 'Care for Children': a preposition or article is in no name, but a
    particle is ('Julian Le Grand') and so is a peer's territory ('Lord Warner of Brockley')."""
    peer = words[0].lower_ in PEERAGE
    return any(t.pos_ in FUNCTION_POS and t.lower_ not in PARTICLES and not (peer and t.lower_ == "of") for t in words[1:-1]) or any(
        t.pos_ in {"ADP", "DET", "CCONJ", "SCONJ", "PRON"} and t.lower_ not in PARTICLES for t in (words[0], words[-1])
    )


def is_place(words: list[str]) -> bool:
    """'Manchester Central', 'Bristol West', 'Hackney North and Stoke Newington': a name made only of
    the gazetteer's place words and a constituency's compass words is a place."""
    keys = [name_key(w) for w in words]
    places = [k for k in keys if k and k not in CONSTITUENCY_WORDS]
    return bool(places) and all(k in PLACES for k in places) and len(places) < len(keys)


def _inside_another_name(span: Span) -> bool:
    """spaCy's NER reads the words as part of a longer body or place ("Brighter Futures" in
    "Brighter Futures for Children"). A name the NER calls an organisation on its own is kept: the
    role construction around it is better evidence ("its own director, Marcus Ilori,")."""
    doc = span.doc
    for token in (span[0], span[-1]):
        if token.ent_type_ and token.ent_type_ != "PERSON":
            ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
            if ent is not None and (ent.start < span.start or ent.end > span.end):
                return True
    return False


def is_credit(span: Span) -> bool:
    """Bylines and picture credits are page furniture: a name that a line (or a bracket) opens
    with credit words ('By Priya Nandakumar, …', 'Photo: Tom Ash', 'Image by Sarah Kettle'), or a
    name with an agency after a slash ('Dan Kit/Getty Images'). 'A review by Lord Bury' in running
    text and 'By March, Jane Doe had left' are no credits."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == "/" and doc[span.end + 1].text[:1].isupper():
        return True
    lead: list[str] = []
    for i in range(span.start - 1, max(-1, span.start - 1 - CREDIT_REACH), -1):
        token = doc[i]
        if "\n" in token.text_with_ws or token.text in {"(", "["}:
            break
        lead.append(token.lower_)
    else:
        if span.start - CREDIT_REACH > 0:
            return False  # the line runs on further back than a credit does
    words = [w for w in lead if w not in {":", "-", "–", "—", "|", "of"}]
    return bool(words) and all(w in CREDIT_WORDS for w in words)


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
        # A peer with a territorial designation: "Lord Warner of Brockley", "Baroness Tyler of Enfield".
        peer, of, place = {"LOWER": {"IN": sorted(PEERAGE)}, "IS_TITLE": True}, {"LOWER": "of"}, {"IS_TITLE": True}
        self.matcher.add("TITLED", [[peer, name, of, place], [peer, name, of, place, place]])
        # Names spaCy's NER misses or calls an organisation, found by the role construction around them.
        capital = {"IS_TITLE": True, "POS": {"IN": ["PROPN", "NOUN", "ADJ"]}, "LOWER": {"NOT_IN": sorted(NOT_NAME_WORDS)}}
        role = {"LOWER": {"IN": ROLE_NOUNS}}
        comma = {"ORTH": ","}
        self.matcher.add("APPOSED", [[role, comma, capital, capital, comma], [role, comma, capital, capital, capital, comma]])
        self.matcher.add("NAME_ROLE", [[capital, capital, {"IS_TITLE": True, "LOWER": {"IN": ROLE_STARTS}}]])

    def __call__(self, doc: Doc) -> Doc:
        authority_tokens = {t.i for span in doc.spans.get("authorities", []) for t in span}
        # (span, whether a person by spaCy's NER or a title; not only by the role construction around it)
        found = [(ent, True) for ent in doc.ents if ent.label_ == "PERSON"]
        for match_id, s, e in self.matcher(doc):
            label = doc.vocab.strings[match_id]
            if label == "APPOSED":
                s, e = s + 2, e - 1
            elif label == "NAME_ROLE":
                e -= 1
            found.append((doc[s:e], label == "TITLED"))
        cleaned = [clean_person(span, authority_tokens, by_ner) for span, by_ner in found]
        spans = [Span(doc, s.start, s.end, label="PERSON") for s in cleaned if s is not None]
        doc.spans[self.spans_key] = sorted(filter_spans(spans), key=lambda s: s.start)
        return doc
