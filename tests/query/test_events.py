from pipeline.query.events import action_periods, compatible, merge_events, standing
from pipeline.query.timeline import TimelineEntry


def entry(date, source, detail="improvement_notice (directed)", published=None):
    kind, _, status = detail.partition(" (")
    return TimelineEntry(date=date, authority="Somerset", event="action", detail=detail, evidence=f"From {source}.",
                         source=source, kind=kind, status=status.rstrip(")"), published=published)


def grade(date, rating, source, area="overall_effectiveness", authority="Somerset"):
    return TimelineEntry(date=date, authority=authority, event="judgement", detail=f"{area}: {rating}", area=area,
                         rating=rating, evidence=f"From {source}.", source=source)


def test_the_same_event_from_several_documents_is_one_event_citing_each() -> None:
    events = merge_events([entry("2013-11", "a.txt"), entry("2013-11-21", "b.html")])
    assert len(events) == 1
    assert events[0].date == "2013-11-21"
    assert [c.source for c in events[0].citations] == ["a.txt", "b.html"]


def test_an_undated_fact_stays_undated_and_last() -> None:
    events = merge_events([entry(None, "c.txt"), entry("2013-11", "a.txt")])
    assert [(e.date, [c.source for c in e.citations]) for e in events] == [("2013-11", ["a.txt"]), (None, ["c.txt"])]
    assert events[1].date_label == "undated" and events[1].precision == "undated"


def test_conflicting_dates_are_separate_events_not_hidden() -> None:
    events = merge_events([entry("2013-11", "a.txt"), entry("2014-02", "b.txt")])
    assert [e.date for e in events] == ["2013-11", "2014-02"]


def test_compatible_dates_are_prefixes_and_undated_only_meets_undated() -> None:
    assert compatible("2009", "2009-10-24") and compatible(None, None)
    assert not compatible(None, "2010") and not compatible("2009-10", "2009-11")


def test_a_date_without_a_year_or_a_decade_never_sorts_as_the_newest() -> None:
    events = merge_events([entry("XXXX-06-23", "x.txt"), entry("200", "d.txt"), entry("2019-05", "n.txt")])
    assert [e.date for e in events] == ["200", "2019-05", "XXXX-06-23"]
    assert [e.precision for e in events] == ["decade", "month", "no year"]
    assert [e.date_label for e in events] == ["the 2000s", "May 2019", "23 Jun, year unknown"]


def test_each_event_says_what_its_date_is() -> None:
    stated, published_only = merge_events([entry("2013-11-21", "a.txt", published="2013-12-01"),
                                           entry("2014-05-02", "b.txt", "improvement_notice (lifted)", published="2014-05-02")])
    assert (stated.date_kind, stated.date_basis, stated.label) == ("issued", "stated", "Improvement notice issued")
    assert (published_only.date_kind, published_only.date_basis) == ("lifted", "publication")


def test_disagreeing_grades_at_one_time_are_each_flagged_with_the_other() -> None:
    events = merge_events([grade("2016-07", "good", "a.txt"), grade("2016", "inadequate", "b.txt"),
                           grade("2019", "outstanding", "c.txt")])
    flagged = {e.rating: e.conflicts for e in events}
    assert flagged["good"] == ["inadequate (2016, b.txt)"]
    assert flagged["inadequate"] == ["good (Jul 2016, a.txt)"]
    assert flagged["outstanding"] == []


def test_actions_are_periods_from_issue_to_lifting_and_the_latest_grade_stands() -> None:
    events = merge_events([entry("2013-11", "a.txt"), entry("2016-03", "b.txt", "improvement_notice (lifted)"),
                           entry("2018-02", "c.txt", "commissioner (directed)"),
                           grade("2013-10", "inadequate", "a.txt"), grade("2017-06", "requires_improvement", "d.txt")])
    assert [(p.kind, p.start, p.end, p.open) for p in action_periods(events)] == [
        ("improvement_notice", "2013-11", "2016-03", False), ("commissioner", "2018-02", None, True)]
    now = standing(events)
    assert [(g.area, g.rating, g.date) for g in now.grades] == [("overall_effectiveness", "requires_improvement", "2017-06")]
    assert [p.kind for p in now.open_actions] == ["commissioner"]
