"""One self-contained HTML page drawing an authority's timeline; every mark links to its citation.

No network is needed to view it: styles, script and data are inline (a citation's link to the
document's own web address is the only way out). The page opens with where the authority stands
(the latest grade per area, the actions still open), then the chart: grades are coloured marks
across the years, one row per area; actions in force are bars from issue to lifting (or to the
right edge while open), other actions are markers; marks on one date are stacked, not drawn over
each other; a grade that conflicts with another is outlined in red. Undated events are listed
under the chart, since they have no place on it. Every event is numbered in the citations, with
what its date is (graded, issued, lifted; stated in a sentence or only the publication date).
"""

from __future__ import annotations

import html
import json
from pathlib import PurePath

from pipeline.query.events import Citation, Event, action_periods, standing
from pipeline.query.labels import AREA_LABELS

RATING_COLOURS = {
    "outstanding": "#1a7f37", "good": "#4caf50", "requires_improvement": "#f0a202", "adequate": "#c9a227",
    "inadequate": "#d1242f",
}

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem; color: #1f2328; max-width: 75rem; }}
#chart {{ position: relative; border-left: 1px solid #999; margin: 1rem 0 2rem 14rem; }}
.row {{ position: relative; min-height: 28px; border-bottom: 1px dotted #ddd; }}
.row-label {{ position: absolute; left: -14rem; width: 13.5rem; text-align: right; font-size: 12px; top: 6px; }}
.mark {{ position: absolute; width: 16px; height: 16px; border-radius: 50%; display: block; transform: translateX(-8px); }}
.mark.action {{ border-radius: 2px; transform: translateX(-8px) rotate(45deg); background: #3b5bdb; }}
.mark.conflict {{ outline: 3px solid #d1242f; outline-offset: 1px; }}
.period {{ position: absolute; height: 11px; background: #3b5bdb33; border: 1px solid #3b5bdb; border-radius: 3px;
           font-size: 9px; line-height: 11px; padding-left: 3px; overflow: hidden; white-space: nowrap; box-sizing: border-box; }}
.period.open {{ border-right: 3px dashed #3b5bdb; }}
.axis {{ position: relative; height: 20px; font-size: 11px; }}
.tick {{ position: absolute; transform: translateX(-50%); }}
.legend span {{ display: inline-block; margin-right: 1rem; font-size: 13px; }}
.legend i {{ display: inline-block; width: 12px; height: 12px; border-radius: 50%; margin-right: 4px; vertical-align: -1px; }}
table.standing {{ border-collapse: collapse; margin: .5rem 0 1rem; }}
table.standing td, table.standing th {{ border-bottom: 1px solid #ddd; padding: .25rem .75rem .25rem 0; text-align: left; }}
ol.citations li {{ margin-bottom: .6rem; }}
ol.citations li:target {{ background: #fff8c5; }}
.warning {{ color: #d1242f; }}
blockquote {{ margin: .2rem 0 0 1rem; color: #444; }}
</style></head>
<body>
<h1>{title}</h1>
<p>{count} events from {sources} sources. Each mark links to the sentence it comes from.</p>
<h2>Where it stands</h2>
{standing}
<h2>Timeline</h2>
<div class="legend">{legend}<span><i style="background:#3b5bdb;border-radius:2px"></i>action</span>
<span><i style="background:#3b5bdb55;border:1px solid #3b5bdb;border-radius:2px;width:24px;height:8px"></i>in force</span>
<span><i style="outline:3px solid #d1242f"></i>conflicts with another source</span></div>
<div id="chart" aria-label="timeline chart"></div>
{undated}
<h2>Citations</h2>
<ol class="citations">{citations}</ol>
<script id="timeline-data" type="application/json">{data}</script>
<script id="period-data" type="application/json">{periods}</script>
<script>
(function () {{
  const events = JSON.parse(document.getElementById('timeline-data').textContent);
  const periods = JSON.parse(document.getElementById('period-data').textContent);
  const colours = {colours};
  const chart = document.getElementById('chart');
  const dated = events.filter(e => e.date);
  if (!dated.length) {{ chart.textContent = 'No dated events.'; return; }}
  const year = d => {{ const p = d.split('-'); return +p[0] + ((+p[1] || 1) - 1) / 12 + ((+p[2] || 1) - 1) / 365; }};
  const ends = periods.filter(p => p.end).map(p => year(p.end));
  const lo = Math.floor(Math.min(...dated.map(e => year(e.date))));
  const hi = Math.ceil(Math.max(...dated.map(e => year(e.date)), ...ends)) + 1;
  const x = d => (100 * (year(d) - lo) / (hi - lo)) + '%';
  const order = {order};
  const rows = [...new Set(dated.map(e => e.row))].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  if (periods.length && !rows.includes('Actions')) rows.push('Actions');
  for (const name of rows) {{
    const row = document.createElement('div');
    row.className = 'row';
    row.innerHTML = '<span class="row-label"></span>';
    row.firstChild.textContent = name;
    let depth = 0;
    if (name === 'Actions') {{
      for (const p of periods.filter(p => p.start)) {{
        const bar = document.createElement('span');
        bar.className = 'period' + (p.open ? ' open' : '');
        bar.style.left = x(p.start);
        bar.style.width = 'calc(' + (p.end ? x(p.end) : '100%') + ' - ' + x(p.start) + ')';
        bar.style.top = (4 + 13 * depth++) + 'px';
        bar.title = p.label + ': ' + p.start + ' to ' + (p.end || 'now (still in force)');
        bar.textContent = p.label;
        row.appendChild(bar);
      }}
    }}
    const taken = {{}};
    const top0 = 5 + 13 * depth;
    let tallest = top0;
    for (const e of dated.filter(e => e.row === name)) {{
      const a = document.createElement('a');
      const slot = Math.round(year(e.date) * 4);
      const level = taken[slot] = (taken[slot] || 0) + 1;
      a.className = 'mark ' + e.event + (e.rating ? ' rating-' + e.rating : '') + (e.conflict ? ' conflict' : '');
      a.href = '#cite-' + e.cite;
      a.title = e.when + ' — ' + e.label;
      a.style.left = x(e.date);
      a.style.top = (top0 + 20 * (level - 1)) + 'px';
      tallest = Math.max(tallest, top0 + 20 * (level - 1));
      if (e.rating) a.style.background = colours[e.rating];
      row.appendChild(a);
    }}
    row.style.height = (tallest + 24) + 'px';
    chart.appendChild(row);
  }}
  const axis = document.createElement('div');
  axis.className = 'axis';
  for (let y = lo; y <= hi; y++) {{
    const t = document.createElement('span');
    t.className = 'tick'; t.style.left = x(String(y)); t.textContent = y;
    axis.appendChild(t);
  }}
  chart.appendChild(axis);
}})();
</script>
</body></html>
"""


def _source_link(citation: Citation) -> str:
    """The document's web address as a link, else its title or file name (not this machine's path)."""
    name = citation.title or PurePath(citation.source).name or citation.source
    url = citation.url or (citation.source if citation.source.startswith(("https://", "http://")) else None)
    if url and url.startswith(("https://", "http://")):
        return f'<a href="{html.escape(url, quote=True)}" rel="noreferrer">{html.escape(name)}</a>'
    return f"<cite>{html.escape(name)}</cite>"


def _when(event: Event) -> str:
    what = f"{event.date_kind} " if event.date_kind else ""
    basis = " (date of publication)" if event.date_basis == "publication" else ""
    return f"{what}{event.date_label}{basis}" if event.date else "undated"


def _standing_html(events: list[Event], first_citation: dict[int, int]) -> str:
    now = standing(events)
    if not now.grades and not now.open_actions:
        return "<p>No dated grades or actions in force in the stored documents.</p>"
    rows = "".join(
        f'<tr><td>{html.escape(e.label.split(":")[0])}</td><td>{html.escape(e.label.split(": ")[-1])}</td>'
        f'<td><a href="#cite-{first_citation[id(e)]}">{html.escape(e.date_label)}</a></td></tr>'
        for e in now.grades
    )
    table = f'<table class="standing"><tr><th>area</th><th>latest grade</th><th>date</th></tr>{rows}</table>' if rows else ""
    open_list = "".join(f"<li>{html.escape(p.label)}, in force since {html.escape(p.start or 'an unknown date')}</li>"
                        for p in now.open_actions)
    opened = f"<p>Actions in force (issued and not reported lifted):</p><ul>{open_list}</ul>" if open_list else \
        "<p>No action reported in force.</p>"
    return table + opened


def report_html(authority: str, events: list[Event]) -> str:
    data: list[dict[str, object]] = []
    citations: list[str] = []
    undated: list[str] = []
    first_citation: dict[int, int] = {}
    for event in events:
        first = len(citations) + 1
        first_citation[id(event)] = first
        warning = (f'<div class="warning">Conflicts with another source: {html.escape("; ".join(event.conflicts))}</div>'
                   if event.conflicts else "")
        for c in event.citations:
            citations.append(
                f'<li id="cite-{len(citations) + 1}"><b>{html.escape(_when(event))}</b> '
                f"{html.escape(event.authority)}: {html.escape(event.label)} — {_source_link(c)}{warning}"
                f"<blockquote>{html.escape(' '.join(c.evidence.split()))}</blockquote></li>"
            )
        if event.sort_date is None:
            undated.append(f'<li><a href="#cite-{first}">{html.escape(event.label)}</a> ({html.escape(event.date_label)})</li>')
            continue
        data.append({
            "date": event.sort_date, "when": _when(event), "event": event.event, "label": event.label, "cite": first,
            "row": event.label.split(":")[0] if event.event == "judgement" else "Actions",
            "rating": event.rating if event.event == "judgement" else None, "conflict": bool(event.conflicts),
        })
    periods = [p.model_dump() for p in action_periods(events)]
    legend = "".join(f'<span><i style="background:{c}"></i>{r.replace("_", " ")}</span>' for r, c in RATING_COLOURS.items())
    undated_html = f"<h3>Undated</h3><ul>{''.join(undated)}</ul>" if undated else ""
    return PAGE.format(
        title=html.escape(f"{authority}: children's services timeline"),
        count=len(events),
        sources=len({c.source for e in events for c in e.citations}),
        standing=_standing_html(events, first_citation),
        legend=legend,
        undated=undated_html,
        citations="".join(citations),
        data=json.dumps(data).replace("</", "<\\/"),
        periods=json.dumps(periods).replace("</", "<\\/"),
        colours=json.dumps(RATING_COLOURS),
        order=json.dumps([label for label in AREA_LABELS.values()] + ["Actions"]),
    )
