"""Date spans to ISO values at the precision the text supports, against the publication date.

spaCy finds the spans (pipeline.extract.dates); this module only gives them values. A small
grammar reads what the spec cares about and keeps its precision (``2009``, ``2009-10``,
``2009-10-24``); dateparser is the fallback for absolute wordings the grammar does not know,
always with the publication date as its base.

* Relative expressions ("yesterday", "last month", "five years ago", "on Friday") resolve against
  the publication date; with no publication date their value is None. The machine's clock and
  time zone are never consulted.
* A partial date takes the year its context implies (``looks_ahead``): a deadline or a plan
  ("has until 30 November", "will meet on 8 January") looks ahead of publication, anything else
  looks back ("in July", said in August, is the July just past). With no publication date it
  keeps an unknown year: ``XXXX-11-30``, ``XXXX-07``.
* "That year", "the following year", "July of that year" refer to the last year the document
  named, so one resolver serves one document and is called in reading order.
* Weeks and seasons have no ISO-prefix form, so by the spec they take the month and the year
  they fall in; ``timeml=True`` writes TimeML's forms instead (``2013-W11``, ``2012-SU``,
  ``PRESENT_REF``) for the TempEval benchmark.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from dateparser.date import DateDataParser
from spacy.tokens import Span, Token

from pipeline.resolve.date_grammar import (  # noqa: E402
    _MONTH_NAMES,
    AGO,
    ANAPHORIC_YEAR,
    CENTURY,
    CENTURY_WORDS,
    CLAUSE_END,
    CLAUSE_FORWARD,
    DAY_MONTH,
    DAY_WORDS,
    DECADE,
    EASTER_OFFSETS,
    HOLIDAYS,
    ISO_DATE,
    MODIFIERS,
    MONTH,
    MONTH_DAY,
    MONTHS,
    NEAR_FORWARD,
    NUMBER_WORDS,
    REFERENCE_WORDS,
    SEASON_PHRASE,
    SEASONS,
    SHIFTED_UNIT,
    SLASH_DATE,
    STEP_WORDS,
    TWO_DIGIT_YEAR_AFTER_RANGE,
    TWO_DIGIT_YEAR_PIVOT,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
)

NOT_MINE = object()
# The years ISO 8601 writes in four digits, without an expansion sign: "5000 years ago" said in
# 1990 is no date the spec can write, and its value is None.
MIN_YEAR, MAX_YEAR = 1, 9999


def _parse_iso(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


# Verbs whose infinitive complement is a plan ("expect to be before Christmas", "plans to meet in May").
PLANNING_VERBS = {"expect", "plan", "intend", "aim", "hope", "schedule", "propose", "want", "due"}


def future_clause(span: Span) -> bool:
    """Whether the parse puts a date in a clause about what is still to happen, where no
    future word does: an infinitive that modifies a noun or states a purpose ("an appraisal, to
    be reported to Cabinet in July"), the complement of a planning verb ("which I expect to be
    before Christmas"), or a mandative subjunctive in a resolution ("that a further update be
    presented to the meeting on 7 April")."""
    verb = span.root
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    infinitive = any(c.tag_ == "TO" for c in auxiliaries)
    if infinitive:
        # a copula's infinitive is a description, as in the grade "requires improvement to be good"
        purpose = verb.dep_ in {"acl", "advcl", "relcl"} and verb.lemma_ != "be"
        return purpose or (verb.dep_ == "xcomp" and verb.head.lemma_ in PLANNING_VERBS)
    base = [c for c in auxiliaries if c.lower_ == "be" and c.tag_ == "VB"] if verb.tag_ == "VBN" else ([verb] if verb.tag_ == "VB" else [])
    modal = any(c.tag_ == "MD" for c in auxiliaries)
    subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    return bool(base) and not modal and subject and verb.dep_ in {"ccomp", "conj", "ROOT"} and _in_that_clause(verb)


def _in_that_clause(verb: Token) -> bool:
    """A subjunctive stands in a that-clause, or in a resolution's item ("(ii) that …")."""
    node = verb
    while True:
        if any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children):
            return True
        if node.head.i == node.i or node.dep_ not in {"conj", "ccomp"}:
            return any(t.lower_ == "that" for t in node.sent[: max(0, verb.i - node.sent.start)])
        node = node.head


def looks_ahead(before: str) -> bool:
    """Whether the clause leading up to a date points past the publication date."""
    clause = CLAUSE_END.split(before)[-1]
    return bool(NEAR_FORWARD.search(clause) or CLAUSE_FORWARD.search(clause))


def easter(year: int) -> date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's own name
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def _numeric(text: str) -> str | None:
    """ISO dates and day-first slashed dates (month first only when only that reading is a date)."""
    iso = ISO_DATE.search(text)
    if iso:
        return _safe_date(int(iso[1]), int(iso[2]), int(iso[3]))
    slash = SLASH_DATE.search(text)
    if slash is None:
        return None
    first, second, year = int(slash[1]), int(slash[2]), int(slash[3])
    if year < 100:
        year += 2000 if year < TWO_DIGIT_YEAR_PIVOT else 1900
    day, month = (second, first) if second > 12 >= first else (first, second)
    return _safe_date(year, month, day)


def _period(text: str, before: str) -> str | None:
    """Decades (``199``), centuries (``19``) and the second year of a range written "1998-99"."""
    range_start = TWO_DIGIT_YEAR_AFTER_RANGE.search(before)
    if re.fullmatch(r"\d\d", text) and range_start:
        year = int(range_start.group(1) + text)
        return str(year if year > int(range_start.group(0)[:4]) else year + 100)
    decade = DECADE.search(text)
    if decade:
        return decade.group(1)
    century = CENTURY.search(text)
    if century:
        number = int(century.group(1)) if century.group(1) else CENTURY_WORDS[century.group(2)]
        return f"{number - 1:02d}"
    return None


def _safe_date(year: int, month: int, day: int) -> str | None:
    """The day; a day the month lacks ("31 February") keeps the month; no such month or year, None."""
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return f"{year:04d}-{month:02d}"


def _no_year(month: int, day: int) -> str:
    """A day and month of unknown year (``XXXX-11-30``); a day no year has keeps the month only."""
    try:
        date(2000, month, day)  # a leap year: 29 February is a day some year has
    except ValueError:
        return f"XXXX-{month:02d}"
    return f"XXXX-{month:02d}-{day:02d}"


def clean(text: str) -> str:
    """Lower case, one space, no leading article, modifier or trailing possessive."""
    lowered = " ".join(text.lower().replace("\u2019", "'").split()).strip(" ,.;:()")
    lowered = re.sub(r"'s$", "", lowered)
    previous = None
    while previous != lowered:
        previous = lowered
        lowered = MODIFIERS.sub("", lowered)
        lowered = re.sub(r"^(?:the|a)\s+(?=\d|" + _MONTH_NAMES + r"|end|start|beginning|middle)", "", lowered)
    return lowered


class DateResolver:
    """One per document: the publication date is its anchor, the last year named its narrative year."""

    def __init__(self, published: str | None, timeml: bool = False) -> None:
        self.anchor = _parse_iso(published)
        self._future = False
        self.timeml = timeml
        self.last_year: int | None = None
        settings: dict[str, object] = {
            "DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
            "TIMEZONE": "UTC", "RETURN_TIME_AS_PERIOD": True,
        }
        if self.anchor is not None:
            settings["RELATIVE_BASE"] = datetime(self.anchor.year, self.anchor.month, self.anchor.day)
        self.parser = DateDataParser(languages=["en"], settings=settings)

    def _looks_ahead(self, before: str) -> bool:
        return self._future or looks_ahead(before)

    def resolve(self, text: str, before: str = "", future: bool = False) -> str | None:
        """The value of a date expression; ``before`` is the text leading up to it, for context;
        ``future`` says the parse puts it in a clause about what is still to happen."""
        self._future = future
        if text.lower().strip() in REFERENCE_WORDS:
            return REFERENCE_WORDS[text.lower().strip()] if self.timeml else None
        lowered = clean(text)
        value: object = NOT_MINE
        for rule in (self._day_word, self._shifted_unit, self._ago, self._weekday, self._season,
                     self._holiday, self._anaphoric, self._absolute):
            value = rule(lowered, before)
            if value is not NOT_MINE:
                break
        if isinstance(value, str) and YEAR.fullmatch(value[:4]):
            self.last_year = int(value[:4])
        return value if isinstance(value, str) else None

    # Relative to the publication date ------------------------------------------------------------
    def _day_word(self, text: str, before: str) -> object:
        if text not in DAY_WORDS:
            return NOT_MINE
        return (self.anchor + timedelta(days=DAY_WORDS[text])).isoformat() if self.anchor else None

    def _shifted_unit(self, text: str, before: str) -> object:
        match = SHIFTED_UNIT.match(text)
        if match is None:
            return NOT_MINE
        return self._shift(match.group(2), STEP_WORDS[match.group(1)]) if self.anchor else None

    def _ago(self, text: str, before: str) -> object:
        match = AGO.match(text)
        if match is None:
            return NOT_MINE
        amount_text, unit, _ = match.groups()
        # isdigit() is true of "²", which int() refuses; a number of ten digits is no count of years.
        amount = int(amount_text) if amount_text.isdecimal() and len(amount_text) < 10 else NUMBER_WORDS.get(amount_text)
        if self.anchor is None or amount is None:
            return None
        return self._shift(unit, -amount)

    def _shift(self, unit: str, step: int) -> str | None:
        """The unit containing the anchor, moved by ``step`` units, at that unit's precision; None
        when that lies outside the years ISO 8601 writes in four digits."""
        a = self.anchor
        assert a is not None
        if unit in {"day", "week", "weekend", "fortnight"}:
            try:
                moved = a + timedelta(days=step * {"day": 1, "fortnight": 14}.get(unit, 7))
            except OverflowError:
                return None
            if unit == "day":
                return moved.isoformat()
            if not self.timeml:
                return f"{moved:%Y-%m}"
            year, week, _ = moved.isocalendar()
            return f"{year}-W{week:02d}" + ("-WE" if unit == "weekend" else "")
        if unit == "month":
            year, month = divmod(a.year * 12 + a.month - 1 + step, 12)
            return f"{year:04d}-{month + 1:02d}" if MIN_YEAR <= year <= MAX_YEAR else None
        if unit == "decade":
            decade = a.year // 10 + step
            return f"{decade:03d}" if 0 <= decade <= MAX_YEAR // 10 else None
        if unit == "century":
            century = a.year // 100 + step
            return f"{century:02d}" if 0 <= century <= MAX_YEAR // 100 else None
        return f"{a.year + step:04d}" if MIN_YEAR <= a.year + step <= MAX_YEAR else None

    def _weekday(self, text: str, before: str) -> object:
        match = WEEKDAY.match(text)
        if match is None:
            return NOT_MINE
        if self.anchor is None:
            return None
        which, name = match.groups()
        target = WEEKDAYS.index(name)
        a = self.anchor
        if which == "this":
            return (a + timedelta(days=target - a.weekday())).isoformat()
        if which in {"next", "coming"} or (which is None and self._looks_ahead(before)):
            return (a + timedelta(days=(target - a.weekday() - 1) % 7 + 1)).isoformat()
        if which in {"last", "past"}:
            return (a - timedelta(days=(a.weekday() - target - 1) % 7 + 1)).isoformat()
        # Bare and looking back: the latest such day on or before publication ("said Friday").
        return (a - timedelta(days=(a.weekday() - target) % 7)).isoformat()

    def _season(self, text: str, before: str) -> object:
        match = SEASON_PHRASE.match(text)
        if match is None:
            return NOT_MINE
        which, name, year_text = match.groups()
        season = SEASONS[name]
        code, first, last = season.timeml, season.first_month, season.last_month
        if year_text:
            year: int | None = int(year_text)
        elif self.anchor is None:
            return f"XXXX-{code}" if self.timeml else None
        else:
            year = self._season_year(first, last, which, before)
        return f"{year}-{code}" if self.timeml else f"{year}"

    def _season_year(self, first: int, last: int, which: str | None, before: str) -> int:
        """The year a season starts in: this year's, the one just ended, or the one ahead."""
        a = self.anchor
        assert a is not None
        years = range(a.year - 2, a.year + 2)
        start = {y: date(y, first, 1) for y in years}
        end = {y: date(y + (last - 1) // 12, (last - 1) % 12 + 1, 28) for y in years}
        if which == "this":
            return a.year - 1 if first == 12 and a.month <= 2 else a.year
        if which in {"last", "past"}:
            return max(y for y in years if end[y] < a)
        if which in {"next", "coming"}:
            return min(y for y in years if start[y] > a)
        if self._looks_ahead(before):
            return min(y for y in years if end[y] >= a)
        return max(y for y in years if start[y] <= a)

    def _holiday(self, text: str, before: str) -> object:
        year_match = YEAR.search(text)
        name = YEAR.sub("", text).strip()
        if name in HOLIDAYS:
            month, day = HOLIDAYS[name]
            if year_match:
                return _safe_date(int(year_match.group(1)), month, day)
            year = self._year_for(month, day, self._looks_ahead(before))
            return _safe_date(year, month, day) if year else _no_year(month, day)
        if name in EASTER_OFFSETS:
            year = int(year_match.group(1)) if year_match else (self.anchor.year if self.anchor else None)
            if year is None:
                return None
            offset = timedelta(days=EASTER_OFFSETS[name])
            when, ahead = easter(year) + offset, self._looks_ahead(before)
            if not year_match and self.anchor and (when > self.anchor) != ahead:
                when = easter(year + (1 if ahead else -1)) + offset
            return when.isoformat()
        return NOT_MINE

    def _anaphoric(self, text: str, before: str) -> object:
        """"that year", "the following year", "July of that year": relative to the last year named."""
        match = ANAPHORIC_YEAR.match(text)
        if match is None:
            return NOT_MINE
        if self.last_year is None:
            return None
        step = 1 if re.search(r"following|next|after", text) else 0
        step = -1 if re.search(r"previous|preceding|before", text) else step
        year = self.last_year + step
        month = match.group("month")
        return f"{year}-{MONTHS[month]:02d}" if month else f"{year}"

    # Absolute and partial expressions --------------------------------------------------------------
    def _absolute(self, text: str, before: str) -> str | None:
        """Numeric, calendar and period dates; dateparser for the wordings none of them knows."""
        return (
            _numeric(text)
            or self._calendar(text, before)
            or _period(text, before)
            or self._dateparser(text)
        )

    def _calendar(self, text: str, before: str) -> str | None:
        """Day and month, month, year; "next July" and "last July" say which way to look."""
        direction = re.match(r"(next|coming|last|past|this)\s+", text)
        which = direction.group(1) if direction else None
        text = text[direction.end() :] if direction else text
        ahead = which in {"next", "coming"} or (which is None and self._looks_ahead(before))
        year_match = YEAR.search(text)
        day_month = DAY_MONTH.search(text) or MONTH_DAY.search(text)
        month_match = MONTH.search(text)
        if day_month:
            first, second = day_month.groups()
            day_text, month_name = (first, second) if first.isdigit() else (second, first)
            month, day = MONTHS[month_name.lower().rstrip(".")], int(day_text)
            if year_match:
                return _safe_date(int(year_match.group(1)), month, day)
            year = self._year_for(month, day, ahead, which == "this")
            return _safe_date(year, month, day) if year else _no_year(month, day)
        if month_match:
            month = MONTHS[month_match.group(1).lower()]
            if year_match:
                return f"{year_match.group(1)}-{month:02d}"
            year = self._year_for(month, None, ahead, which == "this")
            return f"{year}-{month:02d}" if year else f"XXXX-{month:02d}"
        return year_match.group(1) if year_match else None

    def _dateparser(self, text: str) -> str | None:
        """Wordings the grammar does not know; only with an anchor, so "now" is never the clock."""
        if self.anchor is None:
            return None
        data = self.parser.get_date_data(text)
        if data is None or data.date_obj is None:
            return None
        value = data.date_obj.date()
        by_period = {"year": f"{value.year}", "month": f"{value:%Y-%m}"}
        return by_period.get(data.period or "day", value.isoformat())

    def _year_for(self, month: int, day: int | None, ahead: bool, same_year: bool = False) -> int | None:
        """The year of a day or month named without one: ahead of publication or behind it."""
        a = self.anchor
        if a is None:
            return None
        if same_year:
            return a.year
        probe, here = (month, day or 0), (a.month, a.day if day else 0)
        if ahead:
            return a.year if probe >= here else a.year + 1
        return a.year if probe <= here else a.year - 1
