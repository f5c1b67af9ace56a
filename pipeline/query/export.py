"""Render events for people and programs: a table, CSV, JSON, or Markdown with footnoted citations."""

from __future__ import annotations

import csv
import io

from pipeline.query.events import Event
from pipeline.query.text import dumps, markdown_name, markdown_text


def events_csv(events: list[Event]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["date", "other_dates", "authority", "event", "detail", "sources", "evidence"])
    for e in events:
        writer.writerow([e.date or "", ";".join(d for d in e.dates if d != e.date), e.authority, e.event, e.detail,
                         ";".join(c.source for c in e.citations), " | ".join(c.evidence for c in e.citations)])
    return out.getvalue()


def events_json(events: list[Event]) -> str:
    return dumps([e.model_dump() for e in events])


def events_markdown(authority: str, events: list[Event]) -> str:
    """A dated list whose every event cites its sources as footnotes, quoting the evidence. Every
    piece of stored or typed text is escaped (pipeline/query/text.py), so none of it renders as HTML or links."""
    lines = [f"# {markdown_name(authority)}: children's services timeline", ""]
    notes: list[str] = []
    for e in events:
        refs = []
        for c in e.citations:
            notes.append(f'[^{len(notes) + 1}]: {markdown_name(c.source)} — "{markdown_text(c.evidence)}"')
            refs.append(f"[^{len(notes)}]")
        when = markdown_name(e.date or "undated")
        others = ", ".join(markdown_name(d) for d in e.dates if d != e.date)
        conflict = f" (also dated {others})" if len(e.dates) > 1 else ""
        lines.append(f"- **{when}**{conflict} — {markdown_name(e.authority)}: {markdown_name(e.event)} {markdown_text(e.detail)} {''.join(refs)}")
    return "\n".join(lines + [""] + notes) + "\n"
