from pipeline.query.events import compatible, merge_events
from pipeline.query.timeline import TimelineEntry


def entry(date, source, detail="improvement_notice (directed)"):
    return TimelineEntry(date=date, authority="Somerset", event="action", detail=detail, evidence=f"From {source}.", source=source)


def test_the_same_event_from_several_documents_is_one_event_citing_each() -> None:
    events = merge_events([entry("2013-11", "a.txt"), entry("2013-11-21", "b.html"), entry(None, "c.txt")])
    assert len(events) == 1
    assert events[0].date == "2013-11-21"
    assert [c.source for c in events[0].citations] == ["a.txt", "b.html", "c.txt"]


def test_conflicting_dates_are_separate_events_not_hidden() -> None:
    events = merge_events([entry("2013-11", "a.txt"), entry("2014-02", "b.txt")])
    assert [e.date for e in events] == ["2013-11", "2014-02"]


def test_compatible_dates_are_prefixes() -> None:
    assert compatible("2009", "2009-10-24") and compatible(None, "2010") and not compatible("2009-10", "2009-11")
