"""The SQLite timeline: documents keyed by a hash of their text, facts replaced atomically."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import time
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlite_utils

from pipeline.errors import StoreError
from pipeline.gazetteer import Gazetteer, default_gazetteer, name_key
from pipeline.store.schema import migrate

if TYPE_CHECKING:  # the records' pydantic models take a fifth of a second to build: queries never need them
    from pipeline.records import DocumentRecord, IngestFailure, ParsedDocument, RawDocument


def document_id(text: str) -> str:
    """The same text, however it was spaced or wrapped, gets the same id."""
    normalised = re.sub(r"\s+", " ", text).strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:24]


FACT_TABLES = ("document_authorities", "person_roles", "judgements", "actions", "dates")
# How long a writer waits for another process's transaction before giving up: batches are
# written in well under a second, so a minute means something is stuck, not busy.
BUSY_TIMEOUT_MS = 60_000


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Timeline:
    def __init__(self, db: sqlite_utils.Database, gazetteer: Gazetteer, path: Path | None = None) -> None:
        self.db = db
        self.gazetteer = gazetteer
        self.path = path

    def close(self) -> None:
        """Fold the write-ahead log back into the file and close; other readers see everything."""
        try:
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass  # another process is busy with the file: its own close checkpoints later
        self.db.close()

    # Writing -----------------------------------------------------------------------------
    @contextmanager
    def writing(self) -> Iterator[None]:
        """One write transaction, taken at once (BEGIN IMMEDIATE) so that a second process on the
        same file waits its turn instead of failing; nested uses become savepoints. A database
        error rolls the whole transaction back and becomes a StoreError naming the file."""
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield
            return
        try:
            self.db.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self.db.rollback()
                raise
            self.db.conn.execute("COMMIT")
        except sqlite3.Error as err:
            self.db.rollback()
            raise StoreError(str(self.path), f"could not write to the timeline ({err}); nothing from this transaction was kept") from err

    def save(self, parsed: ParsedDocument, record: DocumentRecord, raw: bytes | None, extractor: str) -> str:
        """Store a document and replace its facts in one transaction; returns its id."""
        saved = self.save_many([(parsed, record, raw)], extractor)
        if isinstance(saved[0], StoreError):
            raise saved[0]
        return saved[0]

    def save_many(
        self, items: Iterable[tuple[ParsedDocument, DocumentRecord, bytes | None]], extractor: str
    ) -> list[str | StoreError]:
        """Store a batch in one transaction (one commit, not one per document); a document that
        cannot be written is rolled back alone and returned as its error, in the batch's order."""
        results: list[str | StoreError] = []
        with self.writing():
            for parsed, record, raw in items:
                try:
                    with self.db.atomic():
                        results.append(self._save_one(parsed, record, raw, extractor))
                except sqlite3.Error as err:
                    results.append(StoreError(parsed.source, f"could not write to the timeline ({err})"))
        return results

    def _save_one(self, parsed: ParsedDocument, record: DocumentRecord, raw: bytes | None, extractor: str) -> str:
        doc_id = document_id(parsed.text)
        existing = self.db.execute("select source, ingested_at from documents where id = ?", [doc_id]).fetchone()
        source, ingested_at = (existing[0], existing[1]) if existing else (parsed.source, now())
        record = record.model_copy(update={"source": source})
        self._drop_replaced(parsed.source, doc_id)
        self.db.table("documents").upsert(
            {
                "id": doc_id, "source": source, "url": parsed.url, "title": parsed.title,
                "published": parsed.published, "published_from": parsed.published_from,
                "kind": parsed.kind, "text": parsed.text,
                "report": parsed.report.model_dump_json() if parsed.report else None,
                "raw": zlib.compress(raw) if raw is not None else None,
                "record": record.model_dump_json(), "extractor": extractor, "ingested_at": ingested_at,
            },
            pk="id",
        )
        self._replace_facts(doc_id, record)
        return doc_id

    def _drop_replaced(self, source: str, doc_id: str) -> None:
        """A source (a path or a fetched URL) holds one version: when its text changed, the new
        version replaces the old. Never keyed on a URL a sidecar claims, which two files may share."""
        for (old,) in self.db.execute("select id from documents where source = ? and id != ?", [source, doc_id]).fetchall():
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
        with self.writing():
            self.db.table("sources").upsert(row, pk="url")

    def sources(self, kinds: tuple[str, ...] = ("feed", "sitemap", "page")) -> list[dict[str, str | None]]:
        marks = ",".join("?" for _ in kinds)
        return list(self.db.query(f"select * from sources where kind in ({marks}) order by url", list(kinds)))

    def stored_raw(self) -> Iterator[RawDocument]:
        """Every stored document's raw bytes, for re-extraction, one at a time (ids are read first, so
        writing while iterating is safe). A date the user gave at ingest goes with it."""
        from pipeline import records

        ids = [row[0] for row in self.db.execute("select id from documents where raw is not null order by source")]
        for doc_id in ids:
            row = self.db.execute("select source, url, raw, published, published_from from documents where id = ?", [doc_id]).fetchone()
            if row is None:
                continue
            meta = {"published": row[3]} if row[4] == "user" and row[3] else {}
            yield records.RawDocument(source=row[0], url=row[1], data=zlib.decompress(row[2]), meta=meta)

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
        authority = self.gazetteer.file_under(name, on)
        return authority.gss if authority else None

    def record_failure(self, failure: IngestFailure) -> None:
        stamp = now()
        with self.writing():
            self.db.execute(
                """insert into ingest_errors (source, stage, reason, first_seen, last_seen, count)
                   values (?, ?, ?, ?, ?, 1)
                   on conflict(source, reason) do update set last_seen = excluded.last_seen, count = count + 1""",
                [failure.source, failure.stage, failure.reason, stamp, stamp],
            )

    # Reading -----------------------------------------------------------------------------
    def records(self) -> Iterator[DocumentRecord]:
        from pipeline import records

        for row in self.db.query("select record from documents order by source"):
            yield records.DocumentRecord.model_validate_json(row["record"])

    def counts(self) -> dict[str, int]:
        tables = ("documents", "judgements", "actions", "person_roles", "dates", "ingest_errors", "sources")
        return {t: self.db[t].count for t in tables}


def open_timeline(path: str | Path, gazetteer: Gazetteer | None = None) -> Timeline:
    """Open (creating and migrating as needed) the timeline database at ``path``."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite_utils.Database(sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000))
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        _use_wal(db)
        # In WAL mode NORMAL still never corrupts and loses nothing when the process is killed;
        # only a power cut can cost the last commits, which the next ingest redoes.
        db.execute("PRAGMA synchronous = NORMAL")
        timeline = Timeline(db, gazetteer or default_gazetteer(), path)
        with timeline.writing():
            migrate(db)
            _load_authorities(db, timeline.gazetteer)
    except (sqlite3.Error, OSError) as err:
        raise StoreError(str(path), f"cannot open the timeline database ({err})") from err
    return timeline


def _use_wal(db: sqlite_utils.Database) -> None:
    """Write-ahead logging lets readers and one writer work at once and survives a killed writer.
    Switching a new file to it needs a moment alone, which SQLite does not wait for, so retry."""
    for attempt in range(200):
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or attempt == 199:
                raise
            time.sleep(0.05)


def _load_authorities(db: sqlite_utils.Database, gazetteer: Gazetteer) -> None:
    """The gazetteer's authorities as a table; rewritten only when the gazetteer changed."""
    rows = [
        {"gss": a.gss, "dfe": a.dfe, "name": a.name, "council": a.council, "kind": a.kind, "region": a.region,
         "valid_from": a.valid_from, "valid_to": a.valid_to, "successors": ";".join(a.successors)}
        for a in gazetteer.authorities.values()
    ]
    stored = {tuple(r.values()) for r in db.query("select gss, dfe, name, council, kind, region, valid_from, valid_to, successors from authorities")}
    if stored != {tuple(r.values()) for r in rows}:
        db.table("authorities").upsert_all(rows, pk="gss")
