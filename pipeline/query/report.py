"""One self-contained HTML page drawing an authority's timeline; every mark links to its citation.

No network is needed to view it: styles, script and data are inline. Grades are coloured
marks across the years (one row per area), actions are markers on their own row; the script
draws them from the embedded JSON, and each links to the numbered citation below the chart.
"""

from __future__ import annotations

import html
import json

from pipeline.query.events import Event

RATING_COLOURS = {
    "outstanding": "#1a7f37", "good": "#4caf50", "requires_improvement": "#f0a202", "adequate": "#c9a227",
    "inadequate": "#d1242f",
}

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem; color: #1f2328; }}
#chart {{ position: relative; border-left: 1px solid #999; margin: 1rem 0 2rem 12rem; }}
.row {{ position: relative; height: 28px; border-bottom: 1px dotted #ddd; }}
.row-label {{ position: absolute; left: -12rem; width: 11.5rem; text-align: right; font-size: 12px; top: 6px; }}
.mark {{ position: absolute; top: 5px; width: 16px; height: 16px; border-radius: 50%; display: block;
        transform: translateX(-8px); }}
.mark.action {{ border-radius: 2px; transform: translateX(-8px) rotate(45deg); background: #3b5bdb; }}
.axis {{ position: relative; height: 20px; font-size: 11px; }}
.tick {{ position: absolute; transform: translateX(-50%); }}
.legend span {{ display: inline-block; margin-right: 1rem; font-size: 13px; }}
.legend i {{ display: inline-block; width: 12px; height: 12px; border-radius: 50%; margin-right: 4px; vertical-align: -1px; }}
ol.citations li {{ margin-bottom: .6rem; }}
ol.citations li:target {{ background: #fff8c5; }}
blockquote {{ margin: .2rem 0 0 1rem; color: #444; }}
</style></head>
<body>
<h1>{title}</h1>
<p>{count} events from {sources} sources. Each mark links to the sentence it comes from.</p>
<div class="legend">{legend}<span><i style="background:#3b5bdb;border-radius:2px"></i>action</span></div>
<div id="chart" aria-label="timeline chart"></div>
<h2>Citations</h2>
<ol class="citations">{citations}</ol>
<script id="timeline-data" type="application/json">{data}</script>
<script>
(function () {{
  const events = JSON.parse(document.getElementById('timeline-data').textContent);
  const colours = {colours};
  const chart = document.getElementById('chart');
  const dated = events.filter(e => e.date);
  if (!dated.length) {{ chart.textContent = 'No dated events.'; return; }}
  const year = d => {{ const p = d.split('-'); return +p[0] + ((+p[1] || 1) - 1) / 12 + ((+p[2] || 1) - 1) / 365; }};
  const lo = Math.floor(Math.min(...dated.map(e => year(e.date))));
  const hi = Math.ceil(Math.max(...dated.map(e => year(e.date)))) + 1;
  const x = d => (100 * (year(d) - lo) / (hi - lo)) + '%';
  const rows = [...new Set(dated.map(e => e.row))];
  for (const name of rows) {{
    const row = document.createElement('div');
    row.className = 'row';
    row.innerHTML = '<span class="row-label"></span>';
    row.firstChild.textContent = name;
    for (const e of dated.filter(e => e.row === name)) {{
      const a = document.createElement('a');
      a.className = 'mark ' + e.event + (e.rating ? ' rating-' + e.rating : '');
      a.href = '#cite-' + e.cite;
      a.title = e.date + ' — ' + e.detail;
      a.style.left = x(e.date);
      if (e.rating) a.style.background = colours[e.rating];
      row.appendChild(a);
    }}
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


def report_html(authority: str, events: list[Event]) -> str:
    data: list[dict[str, object]] = []
    citations: list[str] = []
    for event in events:
        first = len(citations) + 1
        for c in event.citations:
            citations.append(
                f'<li id="cite-{len(citations) + 1}"><b>{html.escape(event.date or "undated")}</b> '
                f"{html.escape(event.event)}: {html.escape(event.detail)} — <cite>{html.escape(c.source)}</cite>"
                f"<blockquote>{html.escape(' '.join(c.evidence.split()))}</blockquote></li>"
            )
        area, _, rating = event.detail.partition(": ")
        data.append({
            "date": event.date, "event": event.event, "detail": event.detail, "cite": first,
            "row": area if event.event == "judgement" else "actions",
            "rating": rating if event.event == "judgement" else None,
        })
    legend = "".join(f'<span><i style="background:{c}"></i>{r.replace("_", " ")}</span>' for r, c in RATING_COLOURS.items())
    return PAGE.format(
        title=html.escape(f"{authority}: children's services timeline"),
        count=len(events),
        sources=len({c.source for e in events for c in e.citations}),
        legend=legend,
        citations="".join(citations),
        data=json.dumps(data).replace("</", "<\\/"),
        colours=json.dumps(RATING_COLOURS),
    )
