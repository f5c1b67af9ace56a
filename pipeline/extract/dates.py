"""``timeline_dates_v1``: temporal expressions that point at a calendar date, month or year.

spaCy's DATE entities, plus what they miss (bare months, relative phrases, holidays, found by a
Matcher), minus what the spec says is not a date: durations ("six months"), frequencies
("quarterly"), vague spans ("recent years"), and words that only look like dates ("may" and
"march" as verbs, "Sun" as a newspaper). A range or a pair ("25 November to 6 December 2019",
"May and June", "1998-99") is two expressions, as the spec and TimeML count them. Spans go to
``doc.spans["dates"]``; values are resolved later (pipeline.resolve.dates). Months, weekdays,
seasons, holidays and reference words come from ``pipeline.lexicon``, which the resolver reads too.

``reference_words`` (off by default, as the spec does not count them) also finds TimeML's
reference words ("now", "currently", "in the past") for the TempEval benchmark.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from pipeline import lexicon

SPANS_KEY = "dates"
MONTHS = sorted(lexicon.months())
WEEKDAYS = list(lexicon.weekdays())
UNITS = ["day", "week", "month", "year", "days", "weeks", "months", "years", "decade", "decades", "fortnight"]
# Seasons the Matcher proposes; one that is also a common word ("fall") is kept only inside a DATE entity.
SEASONS = sorted(name for name, season in lexicon.seasons().items() if not season.common_word)
HOLIDAYS = sorted(lexicon.holidays().names)
YEAR_KINDS = ["fiscal", "financial", "academic", "school", "calendar", "tax"]
COUNT_WORDS = [
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "several", "few",
]
REFERENCE_WORDS = sorted(lexicon.reference_words())
APOSTROPHES = "'\u2019"

_MONTH_RE = lexicon.alternation(MONTHS)
_HOLIDAY_RE = lexicon.alternation(HOLIDAYS).replace("'", f"[{APOSTROPHES}]")
_SEASON_RE = lexicon.alternation(lexicon.seasons())
# What makes a span point at the calendar: a month, a weekday, a year, a season, a holiday, a deictic.
ANCHOR = re.compile(
    rf"\b(?:{_MONTH_RE})\b\.?|\b(?:{'|'.join(WEEKDAYS)})\b|\b(?:1[89]|20)\d\d(?:s)?\b|"
    rf"\b(?:{_HOLIDAY_RE})\b|"
    r"\b(?:today|yesterday|tomorrow|tonight|last night|this (?:morning|afternoon|evening))\b|"
    rf"\b(?:{_SEASON_RE})\b|"
    r"\b(?:this|last|next|previous|past|coming|current|same)\s+"
    r"(?:(?:fiscal|financial|academic|school|calendar|tax)\s+)?"
    rf"(?:week|month|year|fortnight|{_SEASON_RE}|weekend|decade)\b|"
    r"\b(?:earlier|later)\s+(?:this|that|in the)\s+(?:week|month|year)\b|"
    r"\b(?:that|the same|the following|the previous|the preceding)\s+year\b|"
    r"\b(?:\w+|\d+)\s+(?:days?|weeks?|months?|years?|decades?)\s+(?:ago|earlier|before|previously)\b|"
    r"\b\d{1,2}(?:st|nd|rd|th)\s+century\b|\b(?:nineteenth|twentieth|twenty-first)\s+century\b|"
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}-\d{2}(?:-\d{2})?\b",
    re.IGNORECASE,
)
# Words that make an anchored span a frequency, a duration or a vague span all the same.
NOT_A_DATE = re.compile(
    r"\b(?:every|each|per|quarterly|annually|annual|weekly|monthly|daily|fortnightly|recent|coming|"
    r"near future|the past few|the last few|the next few|over the|for the past|up to)\b",
    re.IGNORECASE,
)
# A lone number is a year only in the years this corpus can speak of.
YEAR_ONLY = re.compile(r"(?:1[89]|20)\d\d")
# Words between two dates that make them two expressions: a range or a pair.
SEPARATORS = {"to", "and", "-", "\u2013", "\u2014", "until", "till", "through", "or", "&"}
# Words a span may start with that belong to the sentence, not to the date.
LEADING_NOISE = {"the", "a", "an", "on", "in", "by", "since", "between", "from", "during", "until", "till"}


def _repeats_unit(span: Span) -> bool:
    """"year after year", "month on month": a frequency, whatever stands before it."""
    doc, end = span.doc, span.end
    return (
        end + 1 < len(doc)
        and span[-1].lower_ in UNITS
        and doc[end].lower_ in {"after", "on", "by", "to"}
        and doc[end + 1].lower_ == span[-1].lower_
    )


def _is_comparison(span: Span) -> bool:
    """"a week later than planned": a difference between two times, not a date."""
    doc, end = span.doc, span.end
    compared = span[-1].lower_ in {"earlier", "later", "before", "after"}
    return compared and end < len(doc) and doc[end].lower_ == "than"


def drop_leading_duration(span: Span) -> Span:
    """"two weeks last month", "six months in 2009": the date is what follows the duration."""
    if len(span) < 3 or span[1].lower_ not in UNITS:
        return span
    if not (span[0].like_num or span[0].lower_ in COUNT_WORDS):
        return span
    if span[2].lower_ in {"ago", "earlier", "before", "previously", "later", "after"}:
        return span
    rest = trim(span.doc[span.start + 2 : span.end])
    return rest if len(rest) and is_calendar_date(rest) else span


# Words a statute's name ends with before its year ("Local Government Act 1999").
STATUTE_WORDS = {"Act", "Regulations", "Order", "Measure", "Rules"}


def is_calendar_date(span: Span) -> bool:
    """Whether a span points at the calendar (the spec's dates) rather than a length or a rhythm."""
    text = span.text
    if not ANCHOR.search(text) or NOT_A_DATE.search(text) or _repeats_unit(span) or _is_comparison(span):
        return False
    if text.isdigit() and not YEAR_ONLY.fullmatch(text):
        return False
    if YEAR_ONLY.fullmatch(text) and span.start > 0 and span.doc[span.start - 1].text in STATUTE_WORDS:
        return False  # "the Children Act 1989": the year is part of the statute's name
    if len(span) == 1 and span[0].lower_ in MONTHS:
        token = span[0]
        # "may" and "march" as verbs; lower-case month words are not months in edited prose.
        if token.pos_ in {"VERB", "AUX"} or token.tag_ == "MD" or not token.text[0].isupper():
            return False
    if len(span) == 1 and span[0].lower_ == "sun" and span[0].pos_ == "PROPN":
        return False
    return True


def item_numbers(doc: Doc) -> set[int]:
    """Tokens that number the items of minutes or an agenda ("1851 Apologies", "1852 Minutes of
    the last meeting"): a four-digit number that starts a line and is followed by a heading, when
    another line starts with the next or the previous number the same way. A year heading stands
    on a line of its own, or is not followed in sequence by a year one apart on the same footing."""
    starts: dict[int, int] = {}
    for token in doc:
        if not (YEAR_ONLY.fullmatch(token.text) and token.i + 1 < len(doc)):
            continue
        at_line_start = token.i == 0 or "\n" in doc[token.i - 1].text_with_ws or doc[token.i - 1].is_space
        heading = doc[token.i + 1]
        if at_line_start and "\n" not in token.whitespace_ + heading.text and heading.is_title and heading.lower_ not in MONTHS:
            starts[int(token.text)] = token.i
    return {i for number, i in starts.items() if number - 1 in starts or number + 1 in starts}


def _is_two_digit_year_after(left: Span, right: Span) -> bool:
    """"1998-99": the second year of a range written with two digits."""
    after_year = bool(YEAR_ONLY.fullmatch(left[-1].text))
    return after_year and len(right) == 1 and bool(re.fullmatch(r"\d\d", right.text))


def split_pairs(span: Span) -> list[Span]:
    """A range or a pair of dates as two spans, when both sides are dates on their own."""
    doc = span.doc
    for token in span:
        if token.lower_ not in SEPARATORS or token.i in {span.start, span.end - 1}:
            continue
        left, right = trim(doc[span.start : token.i]), trim(doc[token.i + 1 : span.end])
        if not len(left) or not len(right):
            continue
        if is_calendar_date(left) and (is_calendar_date(right) or _is_two_digit_year_after(left, right)):
            return [left, *split_pairs(right)]
    return [span]


def trim(span: Span) -> Span:
    """Drop leading articles and prepositions and trailing punctuation: the span is the expression."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in LEADING_NOISE or doc[start].is_punct):
        if doc[start].lower_ in {"a", "an"} and start + 1 < end and doc[start + 1].lower_ in UNITS:
            break  # "a year ago": the article is the number
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in {"'s", "\u2019s"}):
        end -= 1
    return doc[start:end]


def _holiday_word(word: str) -> dict[str, Any]:
    """A token of a holiday's name; "'s" also with a curly apostrophe ("New Year\u2019s Day")."""
    if word.startswith("'"):
        return {"LOWER": {"IN": [apostrophe + word[1:] for apostrophe in APOSTROPHES]}}
    return {"LOWER": word}


def _matcher_patterns() -> list[list[dict[str, Any]]]:
    month: dict[str, Any] = {"LOWER": {"IN": MONTHS}, "IS_TITLE": True}
    count = {"LOWER": {"IN": COUNT_WORDS}}
    step = {"LOWER": {"IN": ["this", "last", "next", "previous"]}}
    unit = {"LOWER": {"IN": UNITS}}
    holidays = [[_holiday_word(word) for word in re.split(r"\s+|(?=')", name)] for name in HOLIDAYS]
    return [
        [month],
        [{"IS_DIGIT": True}, month],
        [month, {"IS_DIGIT": True}],
        [{"LOWER": {"IN": ["today", "yesterday", "tomorrow", "tonight"]}}],
        [{"LOWER": "last"}, {"LOWER": "night"}],
        [{"LOWER": "this"}, {"LOWER": {"IN": ["morning", "afternoon", "evening"]}}],
        [step, {"LOWER": {"IN": UNITS + SEASONS}}],
        [step, {"LOWER": {"IN": YEAR_KINDS}}, {"LOWER": "year"}],
        [{"LOWER": "the"}, {"LOWER": {"IN": SEASONS}}],
        [{"LOWER": {"IN": ["earlier", "later"]}}, {"LOWER": {"IN": ["this", "that"]}}, unit],
        [{"LIKE_NUM": True}, unit, {"LOWER": "ago"}],
        [count, unit, {"LOWER": "ago"}],
        [{"TEXT": {"REGEX": r"^(?:19|20)\d\d$"}}],
        *holidays,
    ]


def _reference_patterns() -> list[list[dict[str, Any]]]:
    return [[{"LOWER": word} for word in phrase.split()] for phrase in REFERENCE_WORDS]


@Language.factory(
    "timeline_dates_v1", default_config={"spans_key": SPANS_KEY, "reference_words": False}
)
def make_date_finder(nlp: Language, name: str, spans_key: str, reference_words: bool) -> DateFinder:
    return DateFinder(nlp, spans_key, reference_words)


class DateFinder:
    def __init__(self, nlp: Language, spans_key: str, reference_words: bool = False) -> None:
        self.spans_key = spans_key
        self.reference_words = reference_words
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("DATE", _matcher_patterns())
        self.references = Matcher(nlp.vocab)
        self.references.add("REFERENCE", _reference_patterns())

    def __call__(self, doc: Doc) -> Doc:
        found = [ent for ent in doc.ents if ent.label_ == "DATE"]
        found += [doc[start:end] for _, start, end in self.matcher(doc)]
        spans = [drop_leading_duration(trim(span)) for span in found]
        items = item_numbers(doc)
        kept = [Span(doc, s.start, s.end, label="DATE") for s in spans
                if len(s) and is_calendar_date(s) and not (len(s) == 1 and s.start in items)]
        if self.reference_words:
            taken = {i for s in kept for i in range(s.start, s.end)}
            for _, start, end in self.references(doc):
                if not taken.intersection(range(start, end)):
                    kept.append(Span(doc, start, end, label="DATE"))
        parts = [part for span in merge_overlapping(kept) for part in split_pairs(span)]
        doc.spans[self.spans_key] = [Span(doc, p.start, p.end, label="DATE") for p in parts]
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
