"""The words and patterns of the date grammar used by pipeline.resolve.dates: tables and regexes only."""

from __future__ import annotations

import re

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50,
}
# Season -> (TimeML code, first month, last month); winter runs into the next year and is
# named by the year it starts in.
SEASONS = {
    "spring": ("SP", 3, 5), "summer": ("SU", 6, 8), "autumn": ("FA", 9, 11), "fall": ("FA", 9, 11),
    "winter": ("WI", 12, 14),
}
# Holidays with a fixed day; Easter's are computed.
HOLIDAYS = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
    "st patrick's day": (3, 17), "halloween": (10, 31), "bonfire night": (11, 5), "guy fawkes night": (11, 5),
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "boxing day": (12, 26),
}
EASTER_OFFSETS = {"good friday": -2, "easter sunday": 0, "easter monday": 1, "easter": 0}
# Words TimeML gives a reference value, not a date; the spec does not count them (only timeml=True).
REFERENCE_WORDS = {
    **dict.fromkeys(
        ["now", "right now", "currently", "at present", "presently", "nowadays", "these days", "the present"],
        "PRESENT_REF",
    ),
    **dict.fromkeys(["the past", "in the past", "at the time", "at that time"], "PAST_REF"),
    **dict.fromkeys(["the future", "in the future"], "FUTURE_REF"),
}
DAY_WORDS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "yesterday": -1,
    "last night": -1, "yesterday morning": -1, "yesterday afternoon": -1, "yesterday evening": -1,
    "the day before yesterday": -2, "tomorrow": 1, "tomorrow morning": 1, "the day after tomorrow": 2,
}
STEP_WORDS = {
    "this": 0, "current": 0, "same": 0, "last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1,
}

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
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
    r"^(?:the\s+)?(?:(this|last|next|coming|past)\s+)?(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(\d{4}))?$"
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
