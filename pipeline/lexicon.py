"""The words every stage shares, read once from ``models/lexicon/`` (one JSON file per concept).

The stage that finds a form and the stage that resolves it read the same file, so they cannot
drift apart: months and weekdays (date finder, date grammar, publication dates), seasons and
holidays (date finder and grammar), TimeML's reference words, courtesy and peerage titles
(people, authorities, scorer) and role words (people). ``tests/test_lexicon.py`` checks every
form against every stage. No spaCy here: fetch and parse read it too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any

from pipeline.settings import MODELS_DIR

LEXICON_DIR = MODELS_DIR / "lexicon"


def _read(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((LEXICON_DIR / f"{name}.json").read_text(encoding="utf-8"))
    return data


def alternation(words: Iterable[str]) -> str:
    """Words as a regex alternation, longest first so that 'sept' wins over 'sep'."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@cache
def months() -> Mapping[str, int]:
    """Every month name and abbreviation (lower case) to its number, 1 to 12."""
    return MappingProxyType({name: number for number, names in enumerate(_read("months")["months"], 1) for name in names})


@cache
def weekdays() -> tuple[str, ...]:
    """Monday first, as ``date.weekday()`` counts."""
    return tuple(_read("weekdays")["weekdays"])


@dataclass(frozen=True)
class Season:
    timeml: str  # TimeML's code: SP, SU, FA, WI
    first_month: int
    last_month: int  # past 12 for a season that runs into the next year
    common_word: bool  # also an ordinary word ("a fall in referrals"): never proposed on its own


@cache
def seasons() -> Mapping[str, Season]:
    return MappingProxyType({
        name: Season(entry["timeml"], entry["months"][0], entry["months"][1], entry.get("common_word", False))
        for name, entry in _read("seasons")["seasons"].items()
    })


@dataclass(frozen=True)
class Holidays:
    fixed: Mapping[str, tuple[int, int]]  # name -> (month, day)
    easter: Mapping[str, int]  # name -> days from Easter Sunday

    @property
    def names(self) -> frozenset[str]:
        return frozenset(self.fixed) | frozenset(self.easter)


@cache
def holidays() -> Holidays:
    data = _read("holidays")
    return Holidays(
        fixed=MappingProxyType({name: (month, day) for name, (month, day) in data["fixed"].items()}),
        easter=MappingProxyType(dict(data["easter"])),
    )


@cache
def reference_words() -> Mapping[str, str]:
    """TimeML's reference words ("now", "in the past") to their value (PRESENT_REF, PAST_REF…)."""
    return MappingProxyType(dict(_read("reference_words")["values"]))


@dataclass(frozen=True)
class Titles:
    courtesy: frozenset[str]
    peerage: frozenset[str]
    beyond_spec: frozenset[str]  # titles the spec's scorer leaves in a name
    postnominal: frozenset[str] = frozenset()  # honours and offices after a name ("CB", "MP")

    @property
    def every(self) -> frozenset[str]:
        return self.courtesy | self.peerage

    @property
    def scored(self) -> frozenset[str]:
        """The titles the spec's scorer ignores in a name."""
        return self.every - self.beyond_spec


@cache
def titles() -> Titles:
    data = _read("titles")
    return Titles(frozenset(data["courtesy"]), frozenset(data["peerage"]), frozenset(data["beyond_spec"]),
                  frozenset(data.get("postnominal", [])))


@dataclass(frozen=True)
class Roles:
    heads: frozenset[str]  # a role phrase must contain one; some are two words ("portfolio holder")
    title_words: frozenset[str]  # other words a job title before a name may hold
    leading: frozenset[str]  # the people finder's lists: before a name, without a comma
    apposed: frozenset[str]  # ending a role that introduces a name between commas
    following: frozenset[str]  # opening a role written straight after a name

    @property
    def words(self) -> frozenset[str]:
        """Every single word a job title may be made of."""
        return frozenset(word for head in self.heads for word in head.split()) | self.title_words


@cache
def roles() -> Roles:
    data = _read("roles")
    lists = ("heads", "title_words", "leading", "apposed", "following")
    return Roles(*(frozenset(data[name]) for name in lists))


@cache
def names() -> Mapping[str, Any]:
    """What is not a person's name (page furniture, credits, title-case common nouns, compass
    words of constituencies) and the particles of surnames ("le", "van"): the people finder,
    resolver and query read the same file."""
    return MappingProxyType(_read("names"))

