"""People with their roles over time and the documents that quote them."""

from __future__ import annotations

from pydantic import BaseModel

from pipeline.resolve.gazetteer import name_key
from pipeline.store.timeline import Timeline


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
        words = name_key(name).split()
        sql += " where " + " and ".join("p.id like ?" for _ in words)
        params = [f"%{w}%" for w in words]
    found: dict[str, Person] = {}
    for row in timeline.db.query(sql + " order by p.name, d.published", params):
        person = found.setdefault(row["id"], Person(name=row["name"], appearances=[]))
        person.appearances.append(Appearance(date=row["date"], role=row["role"], organisation=row["organisation"],
                                             source=row["source"]))
    return list(found.values())
