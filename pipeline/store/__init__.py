"""Store: the SQLite timeline (schema by migrations, idempotent upserts, atomic fact replacement)."""

from pipeline.store.timeline import Timeline, document_id, open_timeline

__all__ = ["Timeline", "document_id", "open_timeline"]
