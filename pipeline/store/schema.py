"""The timeline's schema, as numbered migrations applied in order and recorded in ``migrations``."""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

Migration = Callable[[sqlite_utils.Database], None]


def _initial(db: sqlite_utils.Database) -> None:
    db.table("documents").create(
        {
            "id": str, "source": str, "url": str, "title": str, "published": str, "published_from": str,
            "kind": str, "text": str, "raw": bytes, "record": str, "extractor": str, "ingested_at": str,
        },
        pk="id",
    )
    db.table("authorities").create(
        {"gss": str, "dfe": str, "name": str, "council": str, "kind": str, "region": str,
         "valid_from": str, "valid_to": str, "successors": str},
        pk="gss",
    )
    db.table("document_authorities").create(
        {"document_id": str, "gss": str},
        pk=("document_id", "gss"),
        foreign_keys=[("document_id", "documents", "id"), ("gss", "authorities", "gss")],
    )
    db.table("people").create({"id": str, "name": str}, pk="id")
    db.table("person_roles").create(
        {"person_id": str, "document_id": str, "title": str, "role": str, "organisation": str,
         "authority": str, "date": str},
        pk=("person_id", "document_id"),
        foreign_keys=[("person_id", "people", "id"), ("document_id", "documents", "id")],
    )
    fact_columns = {"id": int, "document_id": str, "gss": str, "authority": str, "date": str,
                    "evidence": str, "start": int, "end": int}
    db.table("judgements").create(
        {**fact_columns, "area": str, "rating": str, "inspection": str},
        pk="id",
        foreign_keys=[("document_id", "documents", "id"), ("gss", "authorities", "gss")],
    )
    db.table("actions").create(
        {**fact_columns, "kind": str, "status": str, "actor": str, "deadline": str},
        pk="id",
        foreign_keys=[("document_id", "documents", "id"), ("gss", "authorities", "gss")],
    )
    db.table("dates").create(
        {"id": int, "document_id": str, "text": str, "value": str, "start": int, "end": int},
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
    )
    db.table("ingest_errors").create(
        {"source": str, "stage": str, "reason": str, "first_seen": str, "last_seen": str, "count": int},
        pk=("source", "reason"),
    )
    for table, columns in (
        ("documents", ["published"]),
        ("documents", ["source"]),
        ("document_authorities", ["gss"]),
        ("person_roles", ["document_id"]),
        ("judgements", ["gss", "date"]),
        ("judgements", ["document_id"]),
        ("actions", ["gss", "date"]),
        ("actions", ["document_id"]),
        ("dates", ["document_id"]),
    ):
        db.table(table).create_index(columns, if_not_exists=True)


def _sources(db: sqlite_utils.Database) -> None:
    """Saved sources, polled again by `timeline update`, with their HTTP validators."""
    db.table("sources").create(
        {"url": str, "kind": str, "feed": str, "etag": str, "last_modified": str, "content_hash": str,
         "document_id": str, "last_checked": str, "last_changed": str},
        pk="url",
    )
    db.table("sources").create_index(["kind"], if_not_exists=True)
    db.table("documents").create_index(["url"], if_not_exists=True)


def _full_text(db: sqlite_utils.Database) -> None:
    """FTS5 over evidence sentences and document text, kept in step by triggers."""
    db.table("judgements").enable_fts(["evidence"], fts_version="FTS5", create_triggers=True)
    db.table("actions").enable_fts(["evidence"], fts_version="FTS5", create_triggers=True)
    db.table("documents").enable_fts(["title", "text"], fts_version="FTS5", create_triggers=True)


def _report_facts(db: sqlite_utils.Database) -> None:
    """An inspection report's front-page facts (``ReportFacts`` as JSON), stored with its document."""
    db.table("documents").add_column("report", str)


MIGRATIONS: list[tuple[int, str, Migration]] = [
    (1, "initial timeline tables", _initial),
    (2, "saved sources for update", _sources),
    (3, "full-text search", _full_text),
    (4, "report facts of a document", _report_facts),
]


def migrate(db: sqlite_utils.Database) -> int:
    """Apply every migration not yet applied; returns the schema version. Run it inside a write
    transaction (``Timeline.writing``) so that two processes opening a new file do not both migrate."""
    if "migrations" not in db.table_names():
        db.table("migrations").create({"version": int, "name": str}, pk="version")
    done = {row["version"] for row in db.table("migrations").rows}
    for version, name, apply in MIGRATIONS:
        if version in done:
            continue
        with db.atomic():
            apply(db)
            db.table("migrations").insert({"version": version, "name": name})
    return max(v for v, _, _ in MIGRATIONS)
