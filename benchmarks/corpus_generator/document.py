"""One document being written: its random source, its facts (authority, dates, people) and its blocks of text.

Every writer (notice, news story, report, negative, brief item) fills templates through a ``Doc``, whose slots
are worked out lazily at first mention so that a document pays only for the facts its templates name.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta

from .dates import FIRST_PUBLISHED, LAST_PUBLISHED, MONTHS, NUMBER_WORDS, long_date, month_year, numeric_date, weekday_date, working_day
from .frameworks import GRADE_TITLES, framework_on, grade_word
from .names import (
    AUTHORITIES,
    CHARITIES,
    DCS_ROLES,
    FEMALE,
    FIRST_NAMES,
    LEADER_ROLES,
    MEMBER_ROLES,
    MINISTER_ROLES,
    SURNAMES,
    TRUST_NAMES,
)

Block = tuple[str, str | tuple[str, ...]]


class Doc:
    """One document being written: its random source, the facts its templates draw on and the blocks so far."""

    def __init__(self, rng: random.Random, serial: int) -> None:
        self.rng = rng
        self.random = rng.random
        self.serial = serial
        self.published = pub = FIRST_PUBLISHED + timedelta(days=int(rng.random() * (LAST_PUBLISHED - FIRST_PUBLISHED).days))
        self.inspected = pub - timedelta(days=self.between(25, 110))
        self.gap = self.between(2, min(8, pub.year - 2008))  # years back to the previous inspection or notice
        self.blocks: list[Block] = []
        self.words = 0
        name, council = self.authority()
        self.slots = Slots(self)
        self.slots |= {"auth": name, "council": council, "poss": f"{name}’s", "serial": f"{serial:06d}"}
        self.framework, self.areas, self.grades = framework_on(self.inspected)

    def authority(self) -> tuple[str, str]:
        """(name, council) of an authority that existed on the publication date: a council created later cannot be in the story."""
        published = self.published.isoformat()
        while True:
            name, council, valid_from = AUTHORITIES[self.between(0, len(AUTHORITIES) - 1)]
            if valid_from <= published:
                return name, council

    def pick(self, options: Sequence[str]) -> str:
        return options[int(self.random() * len(options))]  # random() is a C call; randrange() costs three times as much

    def between(self, low: int, high: int) -> int:
        """A uniform integer in [low, high], like randint() at a third of its cost."""
        return low + int(self.random() * (high - low + 1))

    def deck(self, *pools: Sequence[str]) -> Iterator[str]:
        """The pools' templates in a random order, reshuffled when used up, so that filler repeats as late as possible."""
        cards = [template for pool in pools for template in pool]
        draw = self.random
        while True:
            cards.sort(key=lambda _card: draw())  # a uniform shuffle at a fraction of random.shuffle()'s cost
            yield from cards

    def draw(self, pool: Sequence[str], count: int) -> list[str]:
        """``count`` different templates of a pool, filled: a quotation or list never says the same thing twice."""
        return [template.format_map(self.slots) for template in self.rng.sample(pool, count)]

    def fill(self, template: str) -> str:
        return template.format_map(self.slots)

    def say(self, options: Sequence[str]) -> str:
        """One template of a slot, filled with this document's facts."""
        return self.pick(options).format_map(self.slots)

    def add(self, kind: str, content: str | tuple[str, ...]) -> None:
        """Append a block: "p" paragraph, "q" quoted paragraph, "h2" heading or "ul" list."""
        self.blocks.append((kind, content))
        # Spaces plus one: the templates are single-spaced, and split() would cost a list per block.
        self.words += content.count(" ") + 1 if isinstance(content, str) else sum(item.count(" ") + 1 for item in content)

    def paragraph(self, *slots: Sequence[str]) -> None:
        """A paragraph of one sentence from each slot given."""
        self.add("p", " ".join(self.say(slot) for slot in slots))

    def set_grade(self, key: str, grade: str) -> None:
        self.slots[key] = grade_word(grade)
        self.slots[f"{key}_title"] = GRADE_TITLES[grade]

    def days(self, day: date, low: int, high: int) -> date:
        return day + timedelta(days=self.between(low, high))


def _inspected_relative(doc: Doc) -> str:
    """When the inspection was, as a story dated after it says it: "last month", "in May", "earlier this year"."""
    inspected, pub = doc.inspected, doc.published
    month = MONTHS[inspected.month - 1]
    last_month = (pub.month - 2) % 12 + 1 == inspected.month
    this_year = "earlier this year" if inspected.year == pub.year else f"in {month_year(inspected)}"
    return doc.pick(("last month" if last_month else f"in {month}", f"in {month}", f"in {month_year(inspected)}", this_year))


def _report_date(doc: Doc) -> str:
    report = doc.days(doc.inspected, 14, 24)
    return long_date(min(report, doc.published))


def _partner(doc: Doc) -> str:
    """Another council, to lend support."""
    name = doc.authority()[0]
    while name == doc.slots["auth"]:
        name = doc.authority()[0]
    return name


def _money(doc: Doc, low: int, high: int) -> str:
    return f"{doc.between(low, high)}.{doc.between(1, 9)}"


# Facts worked out at their first mention: a document's templates use a handful of these, and formatting all would double the cost.
LAZY_SLOTS: dict[str, Callable[[Doc], str]] = {
    "pub_long": lambda doc: long_date(doc.published),
    "pub_weekday": lambda doc: weekday_date(doc.published),
    "pub_month": lambda doc: month_year(doc.published),
    "year": lambda doc: str(doc.published.year),
    "insp_month": lambda doc: month_year(doc.inspected),
    "insp_start": lambda doc: long_date(doc.inspected),
    "insp_end": lambda doc: long_date(doc.days(doc.inspected, 4, 18)),
    "insp_rel": _inspected_relative,
    "report_date": _report_date,
    "numeric_past": lambda doc: numeric_date(doc.days(doc.published, -60, -3)),
    "deadline": lambda doc: (long_date if doc.random() < 0.7 else weekday_date)(doc.days(doc.published, 40, 120)),
    "review": lambda doc: month_year(doc.days(doc.published, 150, 380)),
    "weekday_future": lambda doc: weekday_date(working_day(doc.days(doc.published, 2, 20))),
    "next_month": lambda doc: f"next {doc.pick(MONTHS)}",
    "future_rel": lambda doc: doc.pick(("next month", "in the spring", "later this year", "next year", "in the autumn")),
    "year_past": lambda doc: str(doc.published.year - doc.gap),
    "years_ago": lambda doc: NUMBER_WORDS[doc.gap - 2],
    "years_ago_cap": lambda doc: NUMBER_WORDS[doc.gap - 2].capitalize(),
    "framework": lambda doc: doc.framework,
    "minister_role": lambda doc: doc.pick(MINISTER_ROLES),
    "dcs_role": lambda doc: doc.say(DCS_ROLES),
    "member_role": lambda doc: doc.say(MEMBER_ROLES),
    "leader_role": lambda doc: doc.say(LEADER_ROLES),
    "trust": lambda doc: doc.say(TRUST_NAMES),
    "charity": lambda doc: doc.pick(CHARITIES),
    "partner": _partner,
    "caseload": lambda doc: str(doc.between(14, 38)),
    "pct": lambda doc: str(doc.between(6, 41)),
    "late": lambda doc: str(doc.between(8, 35)),
    "money": lambda doc: _money(doc, 2, 48),
    "agency": lambda doc: _money(doc, 1, 19),
    "posts": lambda doc: str(doc.between(6, 60)),
    "children": lambda doc: f"{doc.between(18, 140)},{doc.between(100, 999)}",
    "cin": lambda doc: str(doc.between(180, 1900)),
    "weeks": lambda doc: doc.pick(("two", "three", "three", "four")),
    "pupils": lambda doc: str(doc.between(8, 60) * 10),
    "responses": lambda doc: str(doc.between(40, 900)),
    "tax_rise": lambda doc: doc.pick(("1.99", "2.99", "3.49", "4.99", "2.5")),
}
PEOPLE = frozenset(("minister", "dcs", "member", "leader", "chair", "adviser", "commissioner", "inspector", "head", "engineer", "reporter"))


class Slots(dict[str, str]):
    """A document's facts by template slot, filled in at first mention: people are invented when a template names them."""

    def __init__(self, doc: Doc) -> None:
        super().__init__()
        self.doc = doc
        self.surnames: set[str] = set()

    def __missing__(self, key: str) -> str:
        maker = LAZY_SLOTS.get(key)
        if maker is not None:
            self[key] = value = maker(self.doc)
            return value
        role = key.removesuffix("_short")
        if role not in PEOPLE:
            raise KeyError(key)
        pick = self.doc.pick
        surname = pick(SURNAMES)
        while surname in self.surnames:
            surname = pick(SURNAMES)
        self.surnames.add(surname)
        first = pick(FIRST_NAMES)
        title = ""
        if role == "member":
            title = pick(("Cllr ", ""))
        elif role == "chair":
            title = pick(("", "", "Dame " if first in FEMALE else "Sir ", "Dr "))
        self[role] = f"{title}{first} {surname}"
        self[f"{role}_short"] = pick((surname, f"{'Ms' if first in FEMALE else 'Mr'} {surname}"))
        return self[key]


def area_pairs(doc: Doc, overall: str, count: int) -> list[tuple[str, str]]:
    """Some of the regime's areas with grades near the overall one."""
    areas = doc.rng.sample(doc.areas[1:], min(count, len(doc.areas) - 1))
    index = doc.grades.index(overall)
    return [(area, doc.grades[max(0, min(len(doc.grades) - 1, index + doc.between(-1, 1)))]) for area in areas]
