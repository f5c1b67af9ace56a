"""What `timeline serve` tells Datasette: titles, descriptions, facets, labels and canned queries
for the timeline and for the events database built beside it (pipeline/query/serve.py)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

TITLE = "Children's services timeline"
SOURCE = ("Facts extracted from the documents listed in `documents`; each document keeps its own licence; "
          "see its url")
LICENCE = "Each document's own licence: see its url in `documents`"

# The documents table's longest columns, left out of its default view (they stay on each row's page,
# in the JSON and CSV, and come back with ?_col=text).
HIDDEN_DOCUMENT_COLUMNS = ("text", "raw", "record")
# The documents table page without HIDDEN_DOCUMENT_COLUMNS unless ?_col= names the columns to show.
# A Datasette custom template, written as `_table-table-{database}-documents.html` (the table page
# only, not a row's page); it filters what Datasette's own `_table.html` then draws.
DOCUMENTS_TABLE_TEMPLATE = """\
{%- set hidden = [] if request.args.getlist("_col") else HIDDEN -%}
{%- set display_columns = display_columns | rejectattr("name", "in", hidden) | list -%}
{%- set shown = namespace(rows=[]) -%}
{%- for row in display_rows -%}
  {%- set shown.rows = shown.rows + [row | rejectattr("column", "in", hidden) | list] -%}
{%- endfor -%}
{%- set display_rows = shown.rows -%}
{% include "_table.html" %}
""".replace("HIDDEN", repr(list(HIDDEN_DOCUMENT_COLUMNS)))

FACT_COLUMNS = {
    "document_id": "The document stating the fact (its title shown)",
    "gss": "The authority's GSS code (its name shown)",
    "authority": "The authority's short name, as the gazetteer has it",
    "date": "YYYY, YYYY-MM or YYYY-MM-DD at the precision the text gives; XXXX-MM-DD when it gives no year; "
            "empty when undated",
    "evidence": "The sentence (or table row) stating the fact, verbatim",
    "start": "Character offset of the evidence in the document's text",
    "end": "Character offset where the evidence ends",
}

TABLES: dict[str, dict[str, Any]] = {
    "documents": {
        "description": "One row per ingested document (press notice, report, minutes…), the source of every fact. "
                       "The full text, raw bytes and extraction record are left out of this view: open a row, "
                       "or add ?_col=text.",
        "label_column": "title",
        "facets": ["kind", "published_from"],
        "columns": {
            "id": "A hash of the document's normalised text",
            "source": "The path or URL that was ingested",
            "url": "Where the document was published, when known: see it for the document's licence",
            "title": "The document's title",
            "published": "Publication date (YYYY-MM-DD)",
            "published_from": "Where the publication date came from (metadata, the text, a sidecar file…)",
            "kind": "What the bytes were: html, text or pdf",
            "text": "The extracted main text the facts' offsets point into",
            "raw": "The bytes as fetched, compressed",
            "record": "The document's extraction record (JSON, spec/EXTRACTION.md)",
            "extractor": "Version of the pipeline that extracted it",
            "ingested_at": "When it was stored (UTC)",
            "report": "An inspection report's front page: framework, authority, inspection dates (JSON)",
        },
    },
    "authorities": {
        "description": "English local authorities with children's services, past and present (the gazetteer).",
        "label_column": "name",
        "facets": ["kind", "region"],
        "columns": {
            "gss": "GSS code",
            "dfe": "DfE local authority number",
            "name": "Short name, as `timeline show` takes it",
            "council": "The council's full name",
            "kind": "county, unitary, metropolitan, london…",
            "region": "English region",
            "valid_from": "First day the authority existed",
            "valid_to": "Last day, for an abolished authority",
            "successors": "GSS codes of the authorities that replaced it (;-separated)",
        },
    },
    "document_authorities": {
        "description": "Which authorities each document names.",
        "columns": {"document_id": "The document", "gss": "An authority it names"},
    },
    "judgements": {
        "description": "Ofsted (or predecessor inspectorate) grades, one per authority, area and document.",
        "facets": ["area", "rating", "authority"],
        "columns": {
            **FACT_COLUMNS,
            "date": "Published, or else inspected; " + FACT_COLUMNS["date"],
            "area": "What was graded: overall_effectiveness, safeguarding, children_in_care, care_leavers, "
                    "help_and_protection, leadership, capacity_to_improve, adoption, other",
            "rating": "outstanding, good, requires_improvement, adequate (before 2013), inadequate",
            "inspection": "The inspection the grade came from, when the text names it",
        },
    },
    "actions": {
        "description": "Measures central government directed, proposed, threatened or lifted for one authority.",
        "facets": ["kind", "status", "authority"],
        "columns": {
            **FACT_COLUMNS,
            "date": "Taken or announced; " + FACT_COLUMNS["date"],
            "kind": "improvement_notice, statutory_direction, commissioner, improvement_board, trust, takeover…",
            "status": "threatened, proposed, directed (issued, in force) or lifted",
            "actor": "Who acted, when the text says (e.g. Secretary of State)",
            "deadline": "Date by which the authority must respond or act",
        },
    },
    "dates": {
        "description": "Every date expression found in a document, with its value.",
        "columns": {"document_id": "The document", "text": "The words as written (e.g. 'last month')",
                    "value": FACT_COLUMNS["date"], "start": FACT_COLUMNS["start"], "end": FACT_COLUMNS["end"]},
    },
    "people": {
        "description": "Named people quoted or mentioned in the documents.",
        "label_column": "name",
        "columns": {"id": "A key made from the name", "name": "The name, without courtesy titles"},
    },
    "person_roles": {
        "description": "The role a document gives a person, one row per person and document.",
        "facets": ["authority"],
        "columns": {
            "person_id": "The person", "document_id": "The document giving the role",
            "title": "Courtesy or peerage title, as the document gives it", "role": "The job, as the text states it",
            "organisation": "Body the role belongs to, when not a council", "authority": "Council the role belongs to",
            "date": "The document's date",
        },
    },
    "ingest_errors": {
        "description": "Inputs that failed, with the reason; the rest of their run went on.",
        "facets": ["stage"],
        "columns": {"source": "The path or URL", "stage": "fetch, parse, extract or store", "reason": "What went wrong",
                    "first_seen": "First failure (UTC)", "last_seen": "Latest failure (UTC)", "count": "How many runs failed"},
    },
    "sources": {
        "description": "Saved feeds and pages that `timeline update` polls, with their HTTP validators.",
        "facets": ["kind"],
    },
    "migrations": {"description": "Schema versions applied to this file.", "hidden": True},
}

CANNED: dict[str, dict[str, str]] = {
    "authority_timeline": {
        "title": "Facts stored under one authority name",
        "description": "Judgements and actions stored for exactly this name (e.g. Cornwall), one row per document "
                       "stating them, oldest first. The timeline `timeline show` prints, merged and across "
                       "predecessors and successors, is the events table.",
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

EVENT_COLUMNS = {
    "page": "The authority whose timeline this is: `timeline show PAGE` prints these rows, in this order",
    "position": "Order on the page: by date, undated last",
    "date": "The event's most precise date (YYYY, YYYY-MM, YYYY-MM-DD; XXXX-MM-DD when no year is known)",
    "year": "The date's year, for facets and charts; empty when undated or the year is unknown",
    "authority": "The authority the fact names: the page's own, or a predecessor's or successor's",
    "gss": "That authority's GSS code",
    "event": "judgement or action",
    "label": "What happened, in words (e.g. Overall effectiveness: inadequate)",
    "detail": "The same as codes: area: rating for a judgement, kind (status) for an action",
    "area": "What a judgement graded",
    "rating": "A judgement's grade",
    "inspection": "The inspection a grade came from, when named",
    "kind": "An action's kind",
    "status": "An action's status: threatened, proposed, directed, lifted",
    "dates": "Every date the documents give it (JSON); more than one when they disagree",
    "precision": "day, month, year, decade, no year or undated",
    "sort_date": "The date as it sorts; empty when it cannot be placed in time",
    "date_label": "The date in words",
    "date_kind": "What the date is the date of: graded, issued, lifted, proposed, threatened",
    "date_basis": "stated in a sentence, or only the publication date of the reporting document",
    "conflicts": "Other grades for the same area and time that disagree with this one (JSON)",
    "citations": "Every document stating it: source (date): the sentence, one a line",
    "sources": "The documents stating it, one a line",
}
# Facets shown on the events table when it has the column (``year`` rather than a date facet,
# which reads "2013" as a day).
EVENT_FACETS = ("year", "event", "rating", "kind", "authority")

EVENTS_CANNED: dict[str, dict[str, str]] = {
    "authority_events": {
        "title": "An authority's timeline",
        "description": "What `timeline show AUTHORITY` prints, for an authority's short name (e.g. Somerset).",
        "sql": "select * from events where page = :authority collate nocase order by position",
    },
    "events_by_year": {
        "title": "Events per year",
        "description": "Judgements by rating and actions by kind, counted per year: ready to chart.",
        "sql": """select year, event, coalesce(rating, kind) as what, count(*) as events from events
                  where year is not null group by year, event, what order by year, event, what""",
    },
}


def metadata(db_name: str, events_name: str, event_columns: Iterable[str]) -> dict[str, Any]:
    """Datasette's metadata for the timeline (``db_name``) and the events database beside it,
    whose events table has ``event_columns``."""
    columns = list(event_columns)
    return {
        "title": TITLE,
        "description": "Ofsted judgements and government actions about English children's services, "
                       "each citing the sentence that states it. Start with events: every authority's timeline.",
        "source": SOURCE,
        "source_url": f"/{db_name}/documents",
        "license": LICENCE,
        "license_url": f"/{db_name}/documents",
        "databases": {
            db_name: {
                "description": "The timeline as stored: one row per fact and document.",
                "tables": TABLES,
                "queries": CANNED,
            },
            events_name: {
                "description": "Every authority's timeline as `timeline show` prints it: the same fact from "
                               "several documents merged into one event, predecessors' and successors' events "
                               "on each page. Built from the timeline when `timeline serve` starts, and again "
                               "when it changes.",
                "tables": {
                    "events": {
                        "description": "One row per event on each authority's page; filter by page for one "
                                       "authority's timeline, facet by year to count.",
                        "facets": [c for c in EVENT_FACETS if c in columns],
                        "columns": {c: EVENT_COLUMNS[c] for c in columns if c in EVENT_COLUMNS},
                    },
                },
                "queries": EVENTS_CANNED,
            },
        },
    }
