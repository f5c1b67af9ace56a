"""``timeline.dates.v1``: temporal expressions that point at a calendar date, month or year.

spaCy's DATE entities, plus what they miss (bare months and relative phrases found by a Matcher),
minus what the spec says is not a date: durations, frequencies, vague spans, verbs that look like
months. Spans go to ``doc.spans["dates"]``; values are resolved later (pipeline.resolve.dates).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

SPANS_KEY = "dates"
MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
UNITS = ["day", "week", "month", "year", "days", "weeks", "months", "years", "decade", "decades", "fortnight"]
SEASONS = ["spring", "summer", "autumn", "winter"]

_MONTH_RE = "|".join(MONTHS)
# What makes a span point at the calendar: a month, a weekday, a year, a season with a year, a deictic.
ANCHOR = re.compile(
    rf"\b(?:{_MONTH_RE})\b\.?|\b(?:{'|'.join(WEEKDAYS)})\b|\b(?:1[89]|20)\d\d(?:s)?\b|"
    r"\b(?:today|yesterday|tomorrow|tonight)\b|"
    r"\b(?:this|last|next|previous|past|coming|current|same)\s+(?:week|month|year|fortnight|spring|summer|autumn|winter|weekend)\b|"
    r"\b(?:earlier|later)\s+(?:this|that|in the)\s+(?:week|month|year)\b|"
    r"\b(?:\w+|\d+)\s+(?:days?|weeks?|months?|years?|decades?)\s+(?:ago|earlier|before|previously)\b|"
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}-\d{2}(?:-\d{2})?\b",
    re.IGNORECASE,
)
# Words that make an anchored span a frequency or a vague span all the same.
NOT_A_DATE = re.compile(
    r"\b(?:every|each|per|quarterly|annually|annual|weekly|monthly|daily|fortnightly|recent|coming|"
    r"near future|the past few|the last few|the next few|over the|for the past|up to)\b",
    re.IGNORECASE,
)
# A stand-alone number that is a phone number or a code, not a year.
NUMBER_ONLY = re.compile(r"^\d+$")


def is_calendar_date(span: Span) -> bool:
    text = span.text
    if not ANCHOR.search(text) or NOT_A_DATE.search(text):
        return False
    if NUMBER_ONLY.match(text) and not re.fullmatch(r"(?:1[89]|20)\d\d", text):
        return False
    if len(span) == 1 and span[0].lower_ in MONTHS:
        token = span[0]
        # "may" and "march" as verbs; lower-case month words are not months in edited prose.
        if token.pos_ in {"VERB", "AUX"} or token.tag_ == "MD" or not token.text[0].isupper():
            return False
    if len(span) == 1 and span[0].lower_ == "sun" and span[0].pos_ == "PROPN":
        return False
    return True


def trim(span: Span) -> Span:
    """Drop leading articles and trailing punctuation so the span is the expression itself."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in {"the", "a", "an", "on", "in", "by", "since"} or doc[start].is_punct):
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]


def _matcher_patterns() -> list[list[dict[str, object]]]:
    month = {"LOWER": {"IN": MONTHS}, "IS_TITLE": True}
    return [
        [month],
        [{"IS_DIGIT": True}, month],
        [month, {"IS_DIGIT": True}],
        [{"LOWER": {"IN": ["today", "yesterday", "tomorrow"]}}],
        [{"LOWER": {"IN": ["this", "last", "next", "previous"]}}, {"LOWER": {"IN": UNITS + SEASONS}}],
        [{"LOWER": {"IN": ["earlier", "later"]}}, {"LOWER": {"IN": ["this", "that"]}}, {"LOWER": {"IN": UNITS}}],
        [{"LIKE_NUM": True}, {"LOWER": {"IN": UNITS}}, {"LOWER": "ago"}],
        [{"TEXT": {"REGEX": r"^(?:19|20)\d\d$"}}],
    ]


@Language.factory("timeline_dates_v1", default_config={"spans_key": SPANS_KEY})
def make_date_finder(nlp: Language, name: str, spans_key: str) -> DateFinder:
    return DateFinder(nlp, spans_key)


class DateFinder:
    def __init__(self, nlp: Language, spans_key: str) -> None:
        self.spans_key = spans_key
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("DATE", _matcher_patterns())

    def __call__(self, doc: Doc) -> Doc:
        found = [ent for ent in doc.ents if ent.label_ == "DATE"]
        found += [doc[start:end] for _, start, end in self.matcher(doc)]
        spans = [trim(span) for span in found]
        kept = [Span(doc, s.start, s.end, label="DATE") for s in spans if len(s) and is_calendar_date(s)]
        doc.spans[self.spans_key] = merge_overlapping(kept)
        return doc


def merge_overlapping(spans: list[Span]) -> list[Span]:
    """'12 March' and 'March 2012' from two finders are one expression, '12 March 2012'."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            if span.end > last.end:
                merged[-1] = Span(span.doc, last.start, span.end, label="DATE")
            continue
        merged.append(span)
    return merged
