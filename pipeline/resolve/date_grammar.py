"""The words and patterns of the date grammar used by pipeline.resolve.dates: tables and regexes only.

Months, weekdays, seasons, holidays and reference words come from the shared lexicon, which the
date finder reads too, so every form it finds has a value here."""

from __future__ import annotations

import re

from pipeline import lexicon

MONTHS = lexicon.months()
WEEKDAYS = lexicon.weekdays()
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50,
}
SEASONS = lexicon.seasons()
# Holidays with a fixed day; Easter's are computed from their offset to Easter Sunday.
HOLIDAYS = lexicon.holidays().fixed
EASTER_OFFSETS = lexicon.holidays().easter
# Words TimeML gives a reference value, not a date; the spec does not count them (only timeml=True).
REFERENCE_WORDS = lexicon.reference_words()
DAY_WORDS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "yesterday": -1,
    "last night": -1, "yesterday morning": -1, "yesterday afternoon": -1, "yesterday evening": -1,
    "the day before yesterday": -2, "tomorrow": 1, "tomorrow morning": 1, "the day after tomorrow": 2,
}
STEP_WORDS = {
    "this": 0, "current": 0, "same": 0, "last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1,
}

_MONTH_NAMES = lexicon.alternation(MONTHS)
# Words around a date that do not change its value (TimeML keeps them as a modifier).
MODIFIERS = re.compile(
    r"^(?:(?:the\s+)?(?:very\s+)?(?:early|earlier|late|later|mid|end|start|beginning|middle|"
    r"first half|second half|turn|close)(?:\s+of\s+|\s+in\s+|-|\s+)|"
    r"(?:around|about|approximately|some\s?time\s+in|since|until|by|from|on|in|during|before|after)\s+)",
)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# "03/05/49" is 2049, "03/05/50" 1950: a two-digit year below this is in this century.
TWO_DIGIT_YEAR_PIVOT = 50
TWO_DIGIT_YEAR_AFTER_RANGE = re.compile(r"\b(1[89]|20)\d\d\s*[-\u2013\u2014/]\s*$")
DECADE = re.compile(r"\b(1[89]\d|20\d)0s\b")
CENTURY = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)\s+century\b|\b(nineteenth|twentieth|twenty-first)\s+century\b"
)
CENTURY_WORDS = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21}
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+({_MONTH_NAMES})\b\.?", re.IGNORECASE)
MONTH_DAY = re.compile(rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*[:.]\d)", re.IGNORECASE)
MONTH = re.compile(rf"\b({_MONTH_NAMES})\b", re.IGNORECASE)
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
SLASH_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b")
WEEKDAY = re.compile(
    rf"^(?:(last|next|this|coming|past)\s+)?({'|'.join(WEEKDAYS)})(?:\s+(?:morning|afternoon|evening|night))?$"
)
SHIFTED_UNIT = re.compile(
    r"^(?:(?:earlier|later)\s+)?(this|current|same|last|previous|past|next|coming)\s+"
    r"(?:(?:fiscal|financial|academic|school|calendar|tax)\s+)?(week|weekend|fortnight|month|year|decade|century)$"
)
AGO = re.compile(
    r"^(?:(?:about|around|some|nearly|almost|just|over)\s+)?(\w+|\d+)\s+"
    r"(day|week|fortnight|month|year|decade)s?\s+(ago|earlier|before|previously)$"
)
SEASON_PHRASE = re.compile(
    rf"^(?:the\s+)?(?:(this|last|next|coming|past)\s+)?({lexicon.alternation(SEASONS)})(?:\s+(?:of\s+)?(\d{{4}}))?$"
)
ANAPHORIC_YEAR = re.compile(
    rf"^(?:(?P<month>{_MONTH_NAMES})\s+(?:of\s+)?)?(?:(?:earlier|later)\s+)?"
    r"(?:that|the same|the following|the next|the previous|the preceding)\s+year$"
    r"|^the\s+year\s+(?:before|after)$"
)
# A cue right before a partial date that points it ahead: "until 30 November", "from 1 April".
NEAR_FORWARD = re.compile(
    r"\b(?:until|till|through|by|from|starting|beginning|effective|no later than|on or before|ahead of|"
    r"deadline of|due on|due by|due in)\s+(?:the\s+)?(?:(?:end|start|beginning|middle) of\s+)?(?:on\s+)?$",
    re.IGNORECASE,
)
# A cue anywhere in the clause before a partial date that puts the clause in the future.
CLAUSE_FORWARD = re.compile(
    r"\b(?:will|shall|won't|'ll|(?:is|are) (?:due|expected|scheduled|set|planned|going|about|to be)|due to|"
    r"expected to|scheduled (?:for|to)|plans? to|planned for|intends? to|aims? to|next|upcoming|forthcoming|"
    r"deadline)\b",
    re.IGNORECASE,
)
CLAUSE_END = re.compile(r"[.!?;:]\s+|\n")
