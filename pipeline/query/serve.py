"""Datasette over the timeline: read-only, described, faceted, with canned queries."""

from __future__ import annotations

import json
import subprocess
import sys
from contextlib import suppress
from pathlib import Path
from typing import Any

CANNED = {
    "authority_timeline": {
        "title": "An authority's timeline",
        "description": "Judgements and actions for one authority (short name, e.g. Cornwall), oldest first.",
        "sql": """select * from (
                    select j.date, 'judgement' as event, j.area || ': ' || j.rating as detail, j.evidence, d.source
                    from judgements j join documents d on d.id = j.document_id where j.authority = :authority
                    union all
                    select a.date, 'action', a.kind || ' (' || a.status || ')', a.evidence, d.source
                    from actions a join documents d on d.id = a.document_id where a.authority = :authority
                  ) order by date""",
    },
    "latest_judgements": {
        "title": "Latest judgements",
        "description": "The most recent grade per authority and area.",
        "sql": """select authority, area, rating, max(date) as date, evidence from judgements
                  where date is not null group by authority, area order by date desc""",
    },
    "open_interventions": {
        "title": "Open interventions",
        "description": "Improvement notices and statutory directions issued and not since lifted.",
        "sql": """select authority, kind, max(date) as issued, evidence from actions a
                  where kind in ('improvement_notice', 'statutory_direction') and status = 'directed'
                  and not exists (select 1 from actions b where b.authority = a.authority and b.kind = a.kind
                                  and b.status = 'lifted' and coalesce(b.date, '') >= coalesce(a.date, ''))
                  group by authority, kind order by issued desc""",
    },
    "people_by_authority": {
        "title": "People by authority",
        "description": "People quoted, with their roles, grouped by the council their role names.",
        "sql": """select r.authority, p.name, r.role, d.published, d.source from person_roles r
                  join people p on p.id = r.person_id join documents d on d.id = r.document_id
                  where r.authority is not null order by r.authority, d.published""",
    },
}


def metadata(db_name: str) -> dict[str, Any]:
    return {
        "title": "Children's services timeline",
        "description": "Judgements and government actions about English children's services, each citing its sentence.",
        "databases": {
            db_name: {
                "tables": {
                    "documents": {"description": "One row per ingested document.", "facets": ["published_from", "kind"],
                                  "columns": {"published": "Publication date (YYYY-MM-DD)",
                                              "published_from": "Where the publication date came from",
                                              "report": "An inspection report's front page: framework, authority, "
                                                        "inspection dates (JSON)"}},
                    "judgements": {"description": "Ofsted grades per authority and area.", "facets": ["area", "rating", "authority"],
                                   "columns": {"evidence": "The sentence stating the grade, verbatim", "date": "Published or inspected"}},
                    "actions": {"description": "Measures central government directed, proposed, threatened or lifted.",
                                "facets": ["kind", "status", "authority"],
                                "columns": {"evidence": "The sentence stating the action, verbatim",
                                            "deadline": "Date by which the authority must respond"}},
                    "ingest_errors": {"description": "Inputs that failed, with the reason."},
                },
                "queries": CANNED,
            }
        },
    }


def serve_command(db_path: Path, port: int, host: str = "127.0.0.1") -> list[str]:
    """Datasette's command line with the read-only plugin (pipeline/query/read_only.py), reading its
    metadata from stdin. The file is served mutable, not immutable (``-i``): an ``ingest`` may write
    to it while it is served, and an immutable reader would show stale counts and then "database
    disk image is malformed". Nothing is written beside the database."""
    return [sys.executable, "-m", "pipeline.query.read_only", "serve", str(db_path), "--metadata", "-",
            "--host", host, "--port", str(port), "--setting", "sql_time_limit_ms", "3000"]


def serve(db_path: Path, port: int) -> int:
    """Run Datasette until it stops; Ctrl-C reaches it too, and is its to answer."""
    with subprocess.Popen(serve_command(db_path, port), stdin=subprocess.PIPE, text=True) as process:
        assert process.stdin is not None
        with suppress(BrokenPipeError):  # Datasette stopped before reading it; its exit status says why
            process.stdin.write(json.dumps(metadata(db_path.stem)))
            process.stdin.close()
        try:
            return process.wait()
        except KeyboardInterrupt:
            return process.wait()
