"""People with their roles over time, the authorities they appear for and the documents that quote them.

One person per identity across documents: the resolver already joins a short form to the full name
within a document, and here a peer's title ("Lord Laming") or a surname that opens with a particle
("Le Grand") stored from one document joins the one full name that ends with the same surname
("Herbert Laming", "Julian Le Grand") stored from another; where two full names could be meant, it
joins neither.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from pipeline import lexicon
from pipeline.errors import PipelineError
from pipeline.gazetteer import name_key
from pipeline.query.text import csv_text
from pipeline.query.timeline import lineage_codes
from pipeline.store.timeline import Timeline

# A name with more words than this names no one (SQLite also refuses a query nested 1,000 deep).
MAX_NAME_WORDS = 16
PEERAGE = lexicon.titles().peerage
# Lower-case particles that open a surname ("Le Grand", "de Souza"), as the people resolver reads them.
PARTICLES = frozenset(lexicon.names()["particles"])
# SQLite's default limit on host parameters in one statement is 999 (older builds) or 32,766.
CHUNK = 500
CSV_COLUMNS = ["name", "named_as", "title", "date", "role", "organisation", "authorities", "source"]


class Appearance(BaseModel):
    date: str | None
    role: str | None
    organisation: str | None
    source: str
    named_as: str | None = None  # the form this document names the person by, when not the full name
    title: str | None = None
    # The authorities this appearance is about: the one the role's organisation resolves to, else
    # those the document names.
    authorities: list[str] = []


class Person(BaseModel):
    name: str
    appearances: list[Appearance]
    also_named: list[str] = []


def people(timeline: Timeline, name: str | None = None, authority: str | None = None) -> list[Person]:
    """Everyone stored, or those whose name holds every word of ``name``; with ``authority``, only
    the appearances about it or an authority in its lineage (predecessors and successors)."""
    words: list[str] = []
    if name:
        # Every word of the name is somewhere in the person's id. instr, not LIKE: a word is never a
        # pattern, and a very long one is not "too complex" for SQLite.
        words = list(dict.fromkeys(name_key(name).split()))
        if not words:
            return []
        if len(words) > MAX_NAME_WORDS:
            shown = name if len(name) <= 60 else name[:59] + "…"
            raise PipelineError(shown, f"too many words for a name ({len(words)}); use at most {MAX_NAME_WORDS}")
    wanted = _lineage_names(timeline, authority) if authority else None
    stored = {row["id"]: row["name"] for row in timeline.db.query("select id, name from people")}
    groups = identities(stored)
    if words:
        matched = {row["id"] for row in timeline.db.query(
            "select id from people where " + " and ".join("instr(id, ?) > 0" for _ in words), words)}
        groups = {full: ids for full, ids in groups.items() if matched & set(ids)}
    chosen = [person_id for ids in groups.values() for person_id in ids]
    rows = _roles_of(timeline, chosen)
    places = _document_authorities(timeline, {row["document_id"] for row in rows})
    by_id: dict[str, list[Appearance]] = defaultdict(list)
    for row in rows:
        role_authority = row["authority"] or _authority_of(timeline, row["organisation"], row["date"])
        found = [role_authority] if role_authority else places.get(row["document_id"], [])
        if wanted is not None and not wanted & set(found):
            continue
        by_id[row["person_id"]].append(Appearance(
            date=row["date"], role=row["role"], organisation=row["organisation"], source=row["source"], title=row["title"],
            named_as=None, authorities=found,
        ))
    found_people = []
    for full, ids in groups.items():
        appearances = []
        for person_id in ids:
            for appearance in by_id.get(person_id, []):
                if stored[person_id] != stored[full]:
                    appearance.named_as = stored[person_id]
                appearances.append(appearance)
        if not appearances:
            continue
        appearances.sort(key=lambda a: (a.date or "", a.source))
        others = sorted({stored[i] for i in ids if stored[i] != stored[full]})
        found_people.append(Person(name=stored[full], appearances=appearances, also_named=others))
    return sorted(found_people, key=lambda p: p.name)


def identities(names: dict[str, str]) -> dict[str, list[str]]:
    """Person ids grouped by identity, keyed by the id of the full name: a short form (a peer's
    title, a surname alone or with a particle) joins the one full name that ends with its surname."""
    short = {pid for pid, name in names.items() if is_short_form(name)}
    full = [pid for pid in names if pid not in short]
    by_surname: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for pid in full:
        folded = _folded(names[pid])
        for n in range(1, len(folded)):
            by_surname[tuple(folded[-n:])].append(pid)
    groups: dict[str, list[str]] = {pid: [pid] for pid in full}
    for pid in sorted(short):
        surname = tuple(_surname(names[pid]))
        matches = by_surname.get(surname, []) if surname else []
        if len(matches) == 1:
            groups[matches[0]].append(pid)
        else:
            groups[pid] = [pid]
    return groups


def is_short_form(name: str) -> bool:
    """A name that leaves out the given name: one word, a peer's title and surname, a particle surname."""
    words = name.split()
    return len(words) <= 1 or words[0].lower() in PEERAGE or words[0].lower() in PARTICLES


def _surname(name: str) -> list[str]:
    words = _folded(name)
    if words and name.split()[0].lower() in PEERAGE:
        words = words[1:]
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]  # "Lord Warner of Brockley": the territory is not the surname
    return words


def _folded(name: str) -> list[str]:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", text).split()


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


def _roles_of(timeline: Timeline, person_ids: list[str]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for chunk in _chunks(sorted(set(person_ids))):
        marks = ",".join("?" for _ in chunk)
        rows += timeline.db.query(
            f"""select r.person_id, r.document_id, r.title, r.role, r.organisation, r.authority, d.published as date, d.source
                from person_roles r join documents d on d.id = r.document_id where r.person_id in ({marks})""",
            chunk,
        )
    return rows


def _document_authorities(timeline: Timeline, document_ids: set[str]) -> dict[str, list[str]]:
    """The authorities each document names, by short name."""
    found: dict[str, list[str]] = defaultdict(list)
    for chunk in _chunks(sorted(document_ids)):
        marks = ",".join("?" for _ in chunk)
        for row in timeline.db.query(
            f"""select da.document_id, a.name from document_authorities da join authorities a on a.gss = da.gss
                where da.document_id in ({marks}) order by a.name""",
            chunk,
        ):
            found[row["document_id"]].append(row["name"])
    return found


def _authority_of(timeline: Timeline, organisation: str | None, on: str | None) -> str | None:
    """The authority a role's organisation names (timelines stored before the resolver filled it in)."""
    authority = timeline.gazetteer.resolve(organisation, on) if organisation else None
    return authority.name if authority else None


def _lineage_names(timeline: Timeline, authority: str) -> set[str]:
    """The short names of an authority and every predecessor and successor."""
    return {timeline.gazetteer.authorities[code].name for code in lineage_codes(timeline, authority)}


def people_csv(found: list[Person]) -> str:
    """One row per appearance, ready for a spreadsheet (RFC 4180: a header row, fields quoted when
    they need it, CRLF line ends); several authorities are joined by ';'."""
    return csv_text(CSV_COLUMNS, ([person.name, a.named_as or "", a.title or "", a.date or "", a.role or "",
                                   a.organisation or "", ";".join(a.authorities), a.source]
                                  for person in found for a in person.appearances))
