"""``timeline.authorities.v1``: keeps the authority candidates that really name a council or its area.

The span ruler proposes every gazetteer form; this component drops the ones whose context says
otherwise: a name inside another organisation ("Durham University", "Essex Police"), a name used
as a word ("Reading the report") or as a person ("Lord Bury", "Jane Sutton").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from pipeline import lexicon

CANDIDATES_KEY = "authority_candidates"
SPANS_KEY = "authorities"
# A following word that makes the place name part of another organisation's name.
OTHER_ORGANISATION = {
    "university", "police", "constabulary", "nhs", "hospital", "hospitals", "college", "school", "academy",
    "fc", "united", "rovers", "wanderers", "city", "county", "fire", "airport", "cathedral", "crown",
    "magistrates", "prison", "diocese", "ccg", "healthcare", "health", "clinical", "times", "echo", "post",
    "evening", "live", "herald", "telegraph", "advertiser", "gazette", "chronicle", "mail", "star",
    "station", "harbour", "racecourse", "zoo", "museum", "primary", "infant", "junior", "grammar",
    "nursery", "care", "partnership", "foundation", "ambulance", "mental", "community", "valley", "bay",
}
# A word before the name that makes it a person's title or another body ("Lord Bury", "Bishop of Durham").
# "Bishop" is no title of the people finder's: "Bishop Auckland" is a town.
PERSON_TITLES = lexicon.titles().every | {"bishop"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my"}


def is_authority_mention(span: Span) -> bool:
    if span.label_ == "GROUPING":
        return True
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start > 0 else None
    names_council = any(t.lower_ in {"council", "borough"} for t in span)
    if not names_council:
        if after is not None and after.lower_ in OTHER_ORGANISATION and after.is_title and not _the_council_as_city(span, after):
            return False
        if after is not None and after.lower_ in {"nhs", "ccg", "fc"}:
            return False
        if after is not None and after.text == "-" and after.i + 1 < len(doc) and doc[after.i + 1].lower_ == "under":
            return False  # Newcastle-under-Lyme is a district, not Newcastle upon Tyne
        if before is not None and before.lower_.rstrip(".") in PERSON_TITLES:
            return False
        if before is not None and before.lower_ == "of" and span.start > 1 and doc[span.start - 2].lower_ in PERSON_TITLES:
            return False
        first = span[0]
        # "Reading the report", "Bury the past": a gerund or verb followed by a determiner.
        if len(span) == 1 and first.tag_.startswith("VB") and after is not None and after.lower_ in DETERMINERS:
            return False
        if _inside_person(span) or _a_surname(span):
            return False
        if before is not None and before.lower_ == "greater":
            return False  # Greater Manchester, Greater London: regions
    return True


# Words that make "Leicester City" or "Stoke City" the football club rather than the city council.
SPORT_WORDS = {
    "football", "league", "club", "season", "stadium", "match", "goal", "goals", "striker", "fans", "cup",
    "premier", "championship", "fixture", "fixtures", "squad", "player", "players", "relegation", "promoted", "kick-off",
}


def _the_council_as_city(span: Span, after: Token) -> bool:
    """'notices to Salford, Leicester City and Surrey': a city named as "X City" in a sentence about
    councils, not about football."""
    return after.lower_ == "city" and not any(t.lower_ in SPORT_WORDS for t in span.sent)


def _a_surname(span: Span) -> bool:
    """'Sutton, who has worked in the borough …' after 'Ellen Sutton' was named: the person again."""
    if len(span) != 1:
        return False
    return any(ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text == span.text for ent in span.doc.ents)


def _inside_person(span: Span) -> bool:
    """A person's name that contains the place name: "Jane Sutton", "Lord Bury"."""
    for ent in span.doc.ents:
        if ent.label_ == "PERSON" and ent.start <= span.start and span.end <= ent.end and len(ent) > len(span):
            others = [t for t in ent if t.i < span.start or t.i >= span.end]
            if any(t.is_title and t.lower_ not in {"council", "county", "borough", "city"} for t in others):
                return True
    return False


@Language.factory("timeline_authorities_v1", default_config={"candidates_key": CANDIDATES_KEY, "spans_key": SPANS_KEY})
def make_authority_filter(nlp: Language, name: str, candidates_key: str, spans_key: str) -> AuthorityFilter:
    return AuthorityFilter(candidates_key, spans_key)


class AuthorityFilter:
    def __init__(self, candidates_key: str, spans_key: str) -> None:
        self.candidates_key = candidates_key
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        candidates = filter_spans(list(doc.spans.get(self.candidates_key, [])))
        doc.spans[self.spans_key] = [with_city(span) for span in candidates if is_authority_mention(span)]
        return doc


def with_city(span: Span) -> Span:
    """'Leicester City' named as the council: the mention takes in "City", so that what follows it
    ("Leicester City and Surrey") reads as a list of authorities."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ == "city" and doc[span.end].is_title and _the_council_as_city(span, doc[span.end]):
        return Span(doc, span.start, span.end + 1, label=span.label, kb_id=span.kb_id, span_id=span.id)
    return span
