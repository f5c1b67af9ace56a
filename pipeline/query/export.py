"""Render events for people and programs: CSV for a spreadsheet, JSON, TimelineJS, or Markdown
with footnoted citations."""

from __future__ import annotations

import html
import json

from pipeline.query.events import Event, action_periods
from pipeline.query.text import csv_text, dumps, markdown_name, markdown_text, spreadsheet_cell

CSV_COLUMNS = ["date", "date_label", "precision", "date_kind", "date_basis", "other_dates", "authority", "gss",
               "event", "label", "area", "rating", "kind", "status", "conflicts", "sources", "urls", "evidence"]


def events_csv(events: list[Event]) -> str:
    """One row per event with typed columns, ready for a spreadsheet (RFC 4180 quoting; a cell that
    a spreadsheet would run as a formula is kept as text)."""
    return csv_text(CSV_COLUMNS, ([spreadsheet_cell(cell) for cell in [
            e.date or "", e.date_label, e.precision, e.date_kind or "", e.date_basis or "",
            ";".join(d for d in e.dates if d != e.date), e.authority, e.gss or "", e.event, e.label, e.area or "",
            e.rating or "", e.kind or "", e.status or "", "; ".join(e.conflicts), ";".join(c.source for c in e.citations),
            ";".join(c.url or "" for c in e.citations), " | ".join(c.evidence for c in e.citations),
        ]] for e in events))


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
        when = markdown_name(e.date_label)
        others = ", ".join(markdown_name(d) for d in e.dates if d != e.date)
        also = f" (also dated {others})" if len(e.dates) > 1 else ""
        basis = " (publication date)" if e.date_basis == "publication" else ""
        conflict = f" **Conflicts with:** {markdown_text('; '.join(e.conflicts))}." if e.conflicts else ""
        lines.append(f"- **{when}**{basis}{also} — {markdown_name(e.authority)}: {markdown_text(e.label)} {''.join(refs)}{conflict}")
    return "\n".join(lines + [""] + notes) + "\n"


def _timelinejs_date(value: str | None) -> dict[str, str] | None:
    """TimelineJS's date object from an ISO prefix; None for what it cannot place."""
    if not value or not value[:4].isdigit():
        return None
    parts = value.split("-")
    return dict(zip(("year", "month", "day"), parts, strict=False))


def events_timelinejs(authority: str, events: list[Event]) -> str:
    """A TimelineJS 3 JSON file (https://timeline.knightlab.com): one slide per dated event, grouped
    by area or "Actions", with the evidence quoted and linked; actions issued and lifted are one
    slide spanning the period. Events it cannot place in time are listed on the title slide."""
    slides: list[dict[str, object]] = []
    for e in events:
        start = _timelinejs_date(e.sort_date)
        if start is None:
            continue
        quotes = "".join(
            f"<blockquote>{_escape(c.evidence)}</blockquote><p>— "
            + (f'<a href="{_escape(c.url)}">{_escape(c.title or c.source)}</a>' if c.url else _escape(c.title or c.source))
            + "</p>"
            for c in e.citations
        )
        warning = f"<p><b>Conflicts with:</b> {_escape('; '.join(e.conflicts))}</p>" if e.conflicts else ""
        slides.append({
            "start_date": start,
            "text": {"headline": _escape(e.label), "text": warning + quotes},
            "group": e.label.split(":")[0] if e.event == "judgement" else "Actions",
            "unique_id": f"event-{len(slides) + 1}",
        })
    for period in action_periods(events):
        begin, end = _timelinejs_date(period.start), _timelinejs_date(period.end)
        if begin is None:
            continue
        slides.append({
            "start_date": begin,
            **({"end_date": end} if end else {}),
            "text": {"headline": _escape(f"{period.label}: " + ("in force" if period.open else "issued to lifted")),
                     "text": ""},
            "group": "Periods",
            "unique_id": f"period-{len(slides) + 1}",
        })
    undated = [e for e in events if e.sort_date is None]
    title_text = f"{len(events)} events from {len({c.source for e in events for c in e.citations})} sources."
    if undated:
        title_text += " Undated: " + "; ".join(_escape(f"{e.label} ({e.citations[0].source})") for e in undated)
    document = {"title": {"text": {"headline": _escape(f"{authority}: children's services"), "text": title_text}},
                "events": slides}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _escape(text: str) -> str:
    """TimelineJS renders its text as HTML: stored text must stay text."""
    return html.escape(text, quote=True)
