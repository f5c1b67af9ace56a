"""The authorities gazetteer: names and aliases, validity dates, lineage and groupings.

Read from ``models/gazetteers/authorities.csv`` and ``groupings.csv`` (provenance in
``models/README.md``). A name resolves to the authority in force at the date it speaks of:
"Cornwall" in 2005 is Cornwall County Council, in 2015 the unitary Cornwall Council.

Domain knowledge, not a stage: the span-ruler patterns (extract), linking (resolve), the store,
the queries and the scorer all read it, so it sits beside them all.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pipeline.settings import MODELS_DIR

GAZETTEER_DIR = MODELS_DIR / "gazetteers"
# Words that do not tell two authority names apart ("Cornwall Council" = "Cornwall").
NAME_NOISE = {"council", "county", "city", "of", "borough", "metropolitan", "london", "the", "royal", "and", "s"}


def name_key(text: str) -> str:
    """A comparable key for an authority name: case, accents, '&', possessives and noise folded."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = text.replace("&", " and ")
    words = re.sub(r"[^a-z0-9]+", " ", text).split()
    return " ".join(w for w in words if w not in NAME_NOISE)


@dataclass(frozen=True)
class Authority:
    gss: str
    dfe: str
    name: str
    council: str
    kind: str
    region: str
    valid_from: str
    valid_to: str
    successors: tuple[str, ...]
    aliases: tuple[str, ...]

    def in_force(self, on: str) -> bool:
        """Whether the authority existed on a date given at any precision (2009, 2009-04, 2009-04-01)."""
        start = self.valid_from[: len(on)] if self.valid_from else ""
        end = self.valid_to[: len(on)] if self.valid_to else "9999"
        return start <= on <= end


@dataclass(frozen=True)
class Grouping:
    name: str
    kind: str
    members: tuple[tuple[str, str], ...]  # (gss, member from)
    established: str
    aliases: tuple[str, ...]


@dataclass
class Gazetteer:
    authorities: dict[str, Authority]
    groupings: dict[str, Grouping]
    by_key: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for gss, authority in self.authorities.items():
            for alias in (authority.name, authority.council, *authority.aliases, gss):
                gss_list = self.by_key.setdefault(name_key(alias), [])
                if gss not in gss_list:
                    gss_list.append(gss)

    def candidates(self, text: str) -> list[Authority]:
        return [self.authorities[g] for g in self.by_key.get(name_key(text), [])]

    def resolve(self, text: str, on: str | None = None) -> Authority | None:
        """The authority a name means on a date; the current one when the date is unknown."""
        found = self.candidates(text)
        if not found:
            return None
        if on:
            for authority in found:
                if authority.in_force(on):
                    return authority
        current = [a for a in found if not a.valid_to]
        return current[0] if current else max(found, key=lambda a: a.valid_to)

    def members(self, grouping: str, on: str | None = None) -> list[Authority]:
        """The authorities a grouping, trust or company stood for on a date (all of them if undated)."""
        group = self.groupings[grouping]
        chosen = []
        for gss, since in group.members:
            if on and since and on < since[: len(on)]:
                continue
            authority = self.authorities[gss]
            if on and not authority.in_force(on):
                continue
            chosen.append(authority)
        return chosen

    def lineage(self, gss: str) -> list[Authority]:
        """The authority, its predecessors and its successors, transitively, oldest first; never a
        sibling (Cheshire East and Cheshire West and Chester share a predecessor, not a history)."""
        seen = {gss} | self._along(gss, forward=True) | self._along(gss, forward=False)
        return sorted((self.authorities[g] for g in seen if g in self.authorities), key=lambda a: (a.valid_from, a.gss))

    def _along(self, gss: str, forward: bool) -> set[str]:
        """Successors (forward) or predecessors, transitively."""
        found: set[str] = set()
        todo = [gss]
        while todo:
            current = todo.pop()
            if forward:
                nexts = list(self.authorities[current].successors) if current in self.authorities else []
            else:
                nexts = [g for g, a in self.authorities.items() if current in a.successors]
            for other in nexts:
                if other not in found and other != gss:
                    found.add(other)
                    todo.append(other)
        return found

    def file_under(self, text: str, on: str | None) -> Authority | None:
        """The authority a dated fact about a name is filed under: the one in force on that date,
        else the sole successor in force then ("Cheshire" in 2016 has two: none). Unlike ``resolve``,
        never a council that had ended by that date."""
        if not on:
            return self.resolve(text)
        found = self.candidates(text)
        in_force = [a for a in found if a.in_force(on)]
        if in_force:
            return in_force[0]
        heirs = {g for a in found for g in self._along(a.gss, forward=True)
                 if g in self.authorities and self.authorities[g].in_force(on)}
        return self.authorities[heirs.pop()] if len(heirs) == 1 else None


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split("|") if part.strip())


def read_gazetteer(folder: Path = GAZETTEER_DIR) -> Gazetteer:
    authorities = {}
    with (folder / "authorities.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            authorities[row["gss"]] = Authority(
                gss=row["gss"],
                dfe=row["dfe"],
                name=row["name"],
                council=row["council"],
                kind=row["kind"],
                region=row["region"],
                valid_from=row["valid_from"],
                valid_to=row["valid_to"],
                successors=_split(row["successors"].replace(";", "|")),
                aliases=_split(row["aliases"]),
            )
    groupings = {}
    with (folder / "groupings.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            members = tuple((m.split("@") + [""])[:2] for m in _split(row["members"]))
            groupings[row["name"]] = Grouping(
                name=row["name"],
                kind=row["kind"],
                members=tuple((gss, since) for gss, since in members),
                established=row["established"],
                aliases=_split(row["aliases"]),
            )
    return Gazetteer(authorities, groupings)


@cache
def default_gazetteer() -> Gazetteer:
    return read_gazetteer()
