"""Render events for people and programs: a table, CSV, JSON, or Markdown with footnoted citations."""

from __future__ import annotations

import csv
import io
import json

from pipeline.query.events import Event


def events_csv(events: list[Event]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["date", "other_dates", "authority", "event", "detail", "sources", "evidence"])
    for e in events:
        writer.writerow([e.date or "", ";".join(d for d in e.dates if d != e.date), e.authority, e.event, e.detail,
                         ";".join(c.source for c in e.citations), " | ".join(c.evidence for c in e.citations)])
    return out.getvalue()


def events_json(events: list[Event]) -> str:
    return json.dumps([e.model_dump() for e in events], indent=2, ensure_ascii=False)


def events_markdown(authority: str, events: list[Event]) -> str:
    """A dated list whose every event cites its sources as footnotes, quoting the evidence."""
    lines = [f"# {authority}: children's services timeline", ""]
    notes: list[str] = []
    for e in events:
        refs = []
        for c in e.citations:
            notes.append(f'[^{len(notes) + 1}]: {c.source} — "{" ".join(c.evidence.split())}"')
            refs.append(f"[^{len(notes)}]")
        when = e.date or "undated"
        conflict = f" (also dated {', '.join(d for d in e.dates if d != e.date)})" if len(e.dates) > 1 else ""
        lines.append(f"- **{when}**{conflict} — {e.authority}: {e.event} {e.detail} {''.join(refs)}")
    return "\n".join(lines + [""] + notes) + "\n"
