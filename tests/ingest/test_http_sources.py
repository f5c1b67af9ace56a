"""Ingesting URLs and feeds from a real local server; `update` fetches only what changed."""

from __future__ import annotations

import sqlite3

from pipeline.ingest import ingest, update
from pipeline.store import open_timeline
from tests.conftest import run_cli


def test_a_batch_of_urls_lands_what_it_can_and_records_the_rest(http_server, fetcher, db_path) -> None:
    base, _ = http_server
    timeline = open_timeline(db_path)
    urls = [f"{base}/corpus/broken/thurrock-valid-notice.txt", f"{base}/missing", f"{base}/loop", f"{base}/wrong-type"]
    report = ingest(urls, timeline, fetcher=fetcher)
    assert sorted(report.stored) == sorted([urls[0], urls[3]])
    assert {f.source for f in report.failures} == {urls[1], urls[2]}
    assert timeline.counts()["ingest_errors"] == 2
    bury = next(timeline.db.query("select authority, kind from actions where authority = 'Bury'"))
    assert bury["kind"] == "improvement_notice", "HTML sent as octet-stream is sniffed from its bytes"


def test_a_feed_ingests_and_update_fetches_only_what_changed(http_server, fetcher, db_path) -> None:
    base, state = http_server
    state.feed_version = 1
    timeline = open_timeline(db_path)
    first = ingest([], timeline, feeds=[f"{base}/feed.xml"], fetcher=fetcher)
    assert len(first.stored) == 2 and not first.failures
    again = update(timeline, fetcher=fetcher)
    assert again.stored == [] and len(again.unchanged) == 2
    state.feed_version = 2
    changed = update(timeline, fetcher=fetcher)
    assert changed.stored == [f"{base}/items/somerset.txt"]
    assert timeline.counts()["documents"] == 2, "the changed page replaces its old version"
    status = next(timeline.db.query("select status from actions where authority = 'Somerset'"))["status"]
    assert status == "lifted"
    assert update(timeline, fetcher=fetcher).stored == []
    state.feed_version = 1


def test_ingest_urls_from_the_command_line(http_server, db_path) -> None:
    base, _ = http_server
    result = run_cli("ingest", f"{base}/corpus/broken/thurrock-valid-notice.txt", f"{base}/missing", "--db", str(db_path))
    assert result.exit_code == 1
    assert f"{base}/missing: HTTP 404 Not Found" in result.output
    url = sqlite3.connect(db_path).execute("select url from documents").fetchone()[0]
    assert url == f"{base}/corpus/broken/thurrock-valid-notice.txt"
