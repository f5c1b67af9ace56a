"""The SQLite timeline: documents keyed by a hash of their text, facts replaced atomically."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from pipeline.errors import StoreError
from pipeline.records import DocumentRecord, IngestFailure, ParsedDocument
from pipeline.resolve.gazetteer import Gazetteer, default_gazetteer, name_key
from pipeline.store.schema import migrate


def document_id(text: str) -> str:
    """The same text, however it was spaced or wrapped, gets the same id."""
    normalised = re.sub(r"\s+", " ", text).strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:24]


FACT_TABLES = ("document_authorities", "person_roles", "judgements", "actions", "dates")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Timeline:
    def __init__(self, db: sqlite_utils.Database, gazetteer: Gazetteer) -> None:
        self.db = db
        self.gazetteer = gazetteer

    # Writing -----------------------------------------------------------------------------
    def save(self, parsed: ParsedDocument, record: DocumentRecord, raw: bytes | None, extractor: str) -> str:
        """Store a document and replace its facts in one transaction; returns its id."""
        doc_id = document_id(parsed.text)
        existing = self.db.execute("select source, ingested_at from documents where id = ?", [doc_id]).fetchone()
        source, ingested_at = (existing[0], existing[1]) if existing else (parsed.source, now())
        record = record.model_copy(update={"source": source})
        try:
            with self.db.conn:
                if parsed.url:
                    self._drop_replaced(parsed.url, doc_id)
                self.db.table("documents").upsert(
                    {
                        "id": doc_id, "source": source, "url": parsed.url, "title": parsed.title,
                        "published": parsed.published, "published_from": parsed.published_from,
                        "kind": parsed.kind, "text": parsed.text,
                        "raw": zlib.compress(raw) if raw is not None else None,
                        "record": record.model_dump_json(), "extractor": extractor, "ingested_at": ingested_at,
                    },
                    pk="id",
                )
                self._replace_facts(doc_id, record)
        except sqlite3.Error as err:
            raise StoreError(parsed.source, f"could not write to the timeline ({err})") from err
        return doc_id

    def _drop_replaced(self, url: str, doc_id: str) -> None:
        """A page whose text changed replaces the document it used to be."""
        for (old,) in self.db.execute("select id from documents where url = ? and id != ?", [url, doc_id]).fetchall():
            self.delete_document(old)

    def delete_document(self, doc_id: str) -> None:
        self._delete_facts(doc_id)
        self.db.execute("delete from documents where id = ?", [doc_id])

    def _delete_facts(self, doc_id: str) -> None:
        for table in FACT_TABLES:
            self.db.execute(f"delete from {table} where document_id = ?", [doc_id])

    # Sources ------------------------------------------------------------------------------
    def source(self, url: str) -> dict[str, str | None] | None:
        rows = list(self.db.query("select * from sources where url = ?", [url]))
        return rows[0] if rows else None

    def save_source(self, url: str, kind: str, **fields: str | None) -> None:
        stamp = now()
        row = {"url": url, "kind": kind, "last_checked": stamp, **fields}
        with self.db.conn:
            self.db.table("sources").upsert(row, pk="url")

    def sources(self, kinds: tuple[str, ...] = ("feed", "sitemap", "page")) -> list[dict[str, str | None]]:
        marks = ",".join("?" for _ in kinds)
        return list(self.db.query(f"select * from sources where kind in ({marks}) order by url", list(kinds)))

    def stored_raw(self) -> Iterator[tuple[str, str, str | None, bytes | None]]:
        """(id, source, url, raw bytes) of every stored document, for re-extraction."""
        for row in self.db.query("select id, source, url, raw from documents order by source"):
            raw = zlib.decompress(row["raw"]) if row["raw"] is not None else None
            yield row["id"], row["source"], row["url"], raw

    def _replace_facts(self, doc_id: str, record: DocumentRecord) -> None:
        self._delete_facts(doc_id)
        self.db.table("document_authorities").insert_all(
            ({"document_id": doc_id, "gss": a.gss} for a in record.authorities if a.gss), pk=("document_id", "gss"),
            replace=True,
        )
        for person in record.people:
            person_id = name_key(person.name).replace(" ", "-") or person.name.lower()
            self.db.table("people").upsert({"id": person_id, "name": person.name}, pk="id")
            self.db.table("person_roles").upsert(
                {"person_id": person_id, "document_id": doc_id, "title": person.title, "role": person.role,
                 "organisation": person.organisation, "authority": person.authority, "date": record.published},
                pk=("person_id", "document_id"),
            )
        for judgement in record.judgements:
            self.db.table("judgements").insert(
                {"document_id": doc_id, "gss": self._gss(judgement.authority, judgement.date or record.published),
                 **judgement.model_dump()}
            )
        for action in record.actions:
            self.db.table("actions").insert(
                {"document_id": doc_id, "gss": self._gss(action.authority, action.date or record.published),
                 **action.model_dump()}
            )
        self.db.table("dates").insert_all({"document_id": doc_id, **d.model_dump()} for d in record.dates)

    def _gss(self, name: str, on: str | None) -> str | None:
        authority = self.gazetteer.resolve(name, on)
        return authority.gss if authority else None

    def record_failure(self, failure: IngestFailure) -> None:
        stamp = now()
        with self.db.conn:
            self.db.execute(
                """insert into ingest_errors (source, stage, reason, first_seen, last_seen, count)
                   values (?, ?, ?, ?, ?, 1)
                   on conflict(source, reason) do update set last_seen = excluded.last_seen, count = count + 1""",
                [failure.source, failure.stage, failure.reason, stamp, stamp],
            )

    # Reading -----------------------------------------------------------------------------
    def records(self) -> Iterator[DocumentRecord]:
        for row in self.db.query("select record from documents order by source"):
            yield DocumentRecord.model_validate_json(row["record"])

    def counts(self) -> dict[str, int]:
        tables = ("documents", "judgements", "actions", "person_roles", "dates", "ingest_errors", "sources")
        return {t: self.db[t].count for t in tables}


def open_timeline(path: str | Path, gazetteer: Gazetteer | None = None) -> Timeline:
    """Open (creating and migrating as needed) the timeline database at ``path``."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite_utils.Database(path)
        db.execute("PRAGMA journal_mode = WAL")
        migrate(db)
        gazetteer = gazetteer or default_gazetteer()
        _load_authorities(db, gazetteer)
    except (sqlite3.Error, OSError) as err:
        raise StoreError(str(path), f"cannot open the timeline database ({err})") from err
    return Timeline(db, gazetteer)


def _load_authorities(db: sqlite_utils.Database, gazetteer: Gazetteer) -> None:
    rows = [
        {"gss": a.gss, "dfe": a.dfe, "name": a.name, "council": a.council, "kind": a.kind, "region": a.region,
         "valid_from": a.valid_from, "valid_to": a.valid_to, "successors": ";".join(a.successors)}
        for a in gazetteer.authorities.values()
    ]
    with db.conn:
        db.table("authorities").upsert_all(rows, pk="gss")
