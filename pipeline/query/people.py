"""People with their roles over time and the documents that quote them."""

from __future__ import annotations

from pydantic import BaseModel

from pipeline.errors import PipelineError
from pipeline.gazetteer import name_key
from pipeline.store.timeline import Timeline

# A name with more words than this names no one (SQLite also refuses a query nested 1,000 deep).
MAX_NAME_WORDS = 16


class Appearance(BaseModel):
    date: str | None
    role: str | None
    organisation: str | None
    source: str


class Person(BaseModel):
    name: str
    appearances: list[Appearance]


def people(timeline: Timeline, name: str | None = None) -> list[Person]:
    sql = """select p.id, p.name, r.role, r.organisation, d.published as date, d.source
             from people p join person_roles r on r.person_id = p.id join documents d on d.id = r.document_id"""
    params: list[str] = []
    if name:
        # Every word of the name is somewhere in the person's id. instr, not LIKE: a word is never a
        # pattern, and a very long one is not "too complex" for SQLite.
        words = list(dict.fromkeys(name_key(name).split()))
        if not words:
            return []
        if len(words) > MAX_NAME_WORDS:
            shown = name if len(name) <= 60 else name[:59] + "…"
            raise PipelineError(shown, f"too many words for a name ({len(words)}); use at most {MAX_NAME_WORDS}")
        sql += " where " + " and ".join("instr(p.id, ?) > 0" for _ in words)
        params = words
    found: dict[str, Person] = {}
    for row in timeline.db.query(sql + " order by p.name, d.published", params):
        person = found.setdefault(row["id"], Person(name=row["name"], appearances=[]))
        person.appearances.append(Appearance(date=row["date"], role=row["role"], organisation=row["organisation"],
                                             source=row["source"]))
    return list(found.values())
