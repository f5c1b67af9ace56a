"""Store: the SQLite timeline (schema by migrations, idempotent upserts, atomic fact replacement).

Writers open it with ``open_timeline`` (creating and migrating); readers with ``read_timeline``,
which never changes the file."""

from pipeline.store.reading import read_timeline
from pipeline.store.timeline import Timeline, document_id, open_timeline

__all__ = ["Timeline", "document_id", "open_timeline", "read_timeline"]
