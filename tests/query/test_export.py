"""The shareable forms of an authority's events: a spreadsheet's CSV, TimelineJS and the HTML page."""

import csv
import io
import json

from pipeline.query.events import merge_events
from pipeline.query.export import CSV_COLUMNS, events_csv, events_timelinejs
from pipeline.query.report import report_html
from pipeline.query.timeline import TimelineEntry


def fact(date, detail, source, url=None, event="action", published=None):
    typed = ({"area": detail.split(": ")[0], "rating": detail.split(": ")[1]} if event == "judgement"
             else {"kind": detail.split(" (")[0], "status": detail.split(" (")[1].rstrip(")")})
    return TimelineEntry(date=date, authority="Rotherham", event=event, detail=detail, evidence=f"Said of {detail}, \"quoted\".",
                         source=source, url=url, published=published, **typed)


EVENTS = merge_events([
    fact("2014-11", "improvement_notice (directed)", "/home/me/notice.txt"),
    fact("2017-03", "improvement_notice (lifted)", "lifted.html", url="https://example.gov.uk/lifted"),
    fact("2015-02", "commissioner (directed)", "commissioners.html"),
    fact("2014-08", "overall_effectiveness: inadequate", "report.pdf", event="judgement"),
    fact("2014", "overall_effectiveness: good", "blog.txt", event="judgement"),
    fact(None, "overall_effectiveness: requires_improvement", "undated.txt", event="judgement"),
])


def test_the_csv_is_one_typed_row_per_event_for_a_spreadsheet() -> None:
    rows = list(csv.DictReader(io.StringIO(events_csv(EVENTS))))
    assert list(rows[0]) == CSV_COLUMNS and len(rows) == len(EVENTS)
    notice = next(r for r in rows if r["kind"] == "improvement_notice" and r["status"] == "directed")
    assert (notice["date_label"], notice["precision"], notice["date_kind"]) == ("Nov 2014", "month", "issued")
    assert rows[-1]["date"] == "" and rows[-1]["precision"] == "undated", "undated last, never as the newest"
    good = next(r for r in rows if r["rating"] == "good")
    assert good["conflicts"].startswith("inadequate (Aug 2014"), "two grades for one time are flagged"
    assert '"quoted"' in good["evidence"]


def test_timelinejs_has_a_slide_per_dated_event_and_a_period_for_the_notice() -> None:
    document = json.loads(events_timelinejs("Rotherham", EVENTS))
    slides = document["events"]
    assert len([s for s in slides if s["group"] != "Periods"]) == 5
    period = next(s for s in slides if s["group"] == "Periods" and "Improvement notice" in s["text"]["headline"])
    assert (period["start_date"], period["end_date"]) == ({"year": "2014", "month": "11"}, {"year": "2017", "month": "03"})
    lifted = next(s for s in slides if s["text"]["headline"] == "Improvement notice lifted")
    assert 'href="https://example.gov.uk/lifted"' in lifted["text"]["text"]
    assert "&quot;quoted&quot;" in lifted["text"]["text"], "stored text is escaped, TimelineJS renders HTML"
    assert "Undated" in document["title"]["text"]["text"]


def test_the_page_says_where_the_authority_stands_and_lists_the_undated() -> None:
    page = report_html("Rotherham", EVENTS)
    assert "<h2>Where it stands</h2>" in page
    assert "Commissioner, in force since 2015-02" in page, "the commissioner was never reported lifted"
    assert "Improvement notice, in force" not in page
    assert "<h3>Undated</h3>" in page and "requires improvement" in page
    assert "Conflicts with another source" in page
    assert '<a href="https://example.gov.uk/lifted" rel="noreferrer">' in page
    assert "/home/me" not in page, "a file's name, not this machine's path"


def test_a_cell_a_spreadsheet_would_run_as_a_formula_stays_text() -> None:
    tricky = merge_events([TimelineEntry(date="2015", authority="Rotherham", event="action", detail="support (directed)",
                                         kind="support", status="directed", evidence='=HYPERLINK("http://x","y")', source="a.txt")])
    [row] = list(csv.DictReader(io.StringIO(events_csv(tricky))))
    assert row["evidence"] == '\'=HYPERLINK("http://x","y")' and row["date"] == "2015"
