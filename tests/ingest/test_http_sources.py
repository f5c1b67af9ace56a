"""Ingesting URLs and feeds from a real local server; `update` fetches only what changed."""

from __future__ import annotations

import sqlite3
import sys
from xml.sax.saxutils import escape

import pytest

from pipeline.fetch.feeds import ENTITIES_REFUSED
from pipeline.ingest import ingest, update
from pipeline.store import open_timeline
from tests.conftest import run_cli
from tests.fetch.test_feeds import BILLION_LAUGHS, XXE_FEED, XXE_SITEMAP
from tests.httpserver import LONG_LABEL_URL, Page


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


# Attacks from issue 12: a bad source is one line and one ingest_errors row; the rest is stored. ---------

THURROCK = "/corpus/broken/thurrock-valid-notice.txt"
WOKINGHAM = "/corpus/broken/wokingham-latin1-notice.txt"
SECRET_NOTICE = "Secret notice\n3 March 2015\n\nOfsted judged Leeds children's services to be good. SECRET-ON-DISK\n"


def rss(*links: str) -> Page:
    items = "".join(f"<item><title>item</title><link>{escape(link)}</link></item>" for link in links)
    return Page(f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode(), "application/rss+xml")


def sitemap(*locs: str, index: bool = False) -> Page:
    root, entry = ("sitemapindex", "sitemap") if index else ("urlset", "url")
    entries = "".join(f"<{entry}><loc>{escape(loc)}</loc></{entry}>" for loc in locs)
    return Page(f'<{root} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</{root}>'.encode())


def failed(report) -> dict[str, str]:
    return {f.source: f.reason for f in report.failures}


def errors(db_path) -> int:
    return sqlite3.connect(db_path).execute("select count(*) from ingest_errors").fetchone()[0]


def test_urls_no_request_can_go_to_fail_one_line_each_and_the_batch_is_stored(http_server, fetcher, db_path) -> None:
    base, _ = http_server
    bad = [f"{base}/to-data", "http://[::1/x", LONG_LABEL_URL, f"{base}/to-private"]
    report = ingest([f"{base}{THURROCK}", *bad], open_timeline(db_path), fetcher=fetcher)
    assert report.stored == [f"{base}{THURROCK}"]
    assert set(failed(report)) == set(bad)
    assert "which robots.txt disallows" in failed(report)[f"{base}/to-private"]
    assert errors(db_path) == len(bad)


@pytest.mark.parametrize("command", ["ingest", "parse"])
def test_a_bad_url_on_the_command_line_is_one_line_not_a_traceback(http_server, db_path, command: str) -> None:
    base, _ = http_server
    bad = ["http://[::1/x", LONG_LABEL_URL, f"{base}/to-data"]
    extra = ["--db", str(db_path), "--quiet"] if command == "ingest" else []
    result = run_cli(command, *bad, *extra)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == len(bad)
    assert all(any(line.startswith(f"{url}: ") for line in lines) for url in bad)


def test_feed_items_are_web_pages_never_files_on_this_machine(http_server, fetcher, db_path, tmp_path) -> None:
    base, state = http_server
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET_NOTICE)
    state.pages["/attack/feeds/feed.xml"] = rss(str(secret), "../../secret.txt", secret.as_uri(), "javascript:alert(1)", f"{base}{THURROCK}")
    timeline = open_timeline(db_path)
    report = ingest([], timeline, feeds=[f"{base}/attack/feeds/feed.xml"], fetcher=fetcher)
    assert report.stored == [f"{base}{THURROCK}"]
    assert failed(report) == {
        f"{base}{secret}": "HTTP 404 Not Found",  # resolved against the feed: a page on its host, not the file
        f"{base}/secret.txt": "HTTP 404 Not Found",
        "file:/" + str(secret): f"listed by {base}/attack/feeds/feed.xml, is not an http(s) URL; only web pages are taken from a feed or sitemap",  # feedparser drops a slash
        "javascript:alert(1)": f"listed by {base}/attack/feeds/feed.xml, is not an http(s) URL; only web pages are taken from a feed or sitemap",
    }
    again = update(timeline, fetcher=fetcher)
    assert again.stored == [] and len(again.failures) == 4
    assert not list(timeline.db.query("select 1 from documents where text like '%SECRET-ON-DISK%' or source not like 'http%'"))


def test_update_never_reads_a_saved_source_from_disk(fetcher, db_path, tmp_path) -> None:
    """A database from before the fix (or edited by hand) may hold a path among its pages."""
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET_NOTICE)
    timeline = open_timeline(db_path)
    timeline.save_source(str(secret), "page")
    report = update(timeline, fetcher=fetcher)
    assert report.stored == []
    assert failed(report) == {str(secret): "not an http(s) URL; feed items and saved pages are only ever fetched, never read from disk"}
    assert timeline.counts()["documents"] == 0


@pytest.mark.parametrize(
    ("path", "page"),
    [
        ("/attack/lol.xml", Page(BILLION_LAUGHS, "application/rss+xml")),
        ("/attack/xxe.xml", Page(XXE_FEED, "application/rss+xml")),
        ("/attack/xxe-sitemap.xml", Page(XXE_SITEMAP)),
    ],
)
def test_a_feed_declaring_entities_is_refused_and_not_saved(http_server, fetcher, db_path, path: str, page: Page) -> None:
    base, state = http_server
    state.pages[path] = page
    timeline = open_timeline(db_path)
    report = ingest([], timeline, feeds=[f"{base}{path}"], fetcher=fetcher)
    assert report.stored == []
    assert failed(report) == {f"{base}{path}": f"{ENTITIES_REFUSED}; not saved for `update`"}
    assert timeline.sources() == [] and errors(db_path) == 1


@pytest.mark.parametrize(("path", "reason"), [("/missing-feed.xml", "HTTP 404 Not Found"), (THURROCK, "not an RSS/Atom feed or sitemap")])
def test_a_feed_that_fails_is_not_saved_for_update_and_says_so(http_server, fetcher, db_path, path: str, reason: str) -> None:
    base, _ = http_server
    timeline = open_timeline(db_path)
    report = ingest([], timeline, feeds=[f"{base}{path}"], fetcher=fetcher)
    (message,) = failed(report).values()
    assert message.startswith(reason) and message.endswith("; not saved for `update`")
    assert timeline.sources() == []


def test_a_sitemap_index_is_followed_to_its_child_sitemaps(http_server, fetcher, db_path) -> None:
    base, state = http_server
    state.pages["/maps/index.xml"] = sitemap(f"{base}/maps/a.xml", "b.xml", f"{base}/maps/missing.xml", "file:///etc/passwd", index=True)
    state.pages["/maps/a.xml"] = sitemap(f"{base}{THURROCK}")
    state.pages["/maps/b.xml"] = sitemap(f"{base}{WOKINGHAM}", f"{base}{THURROCK}")
    timeline = open_timeline(db_path)
    report = ingest([], timeline, feeds=[f"{base}/maps/index.xml"], fetcher=fetcher)
    assert report.stored == [f"{base}{THURROCK}", f"{base}{WOKINGHAM}"], "the pages, never the sitemaps as text"
    assert set(failed(report)) == {f"{base}/maps/missing.xml", "file:///etc/passwd"}
    assert [(s["url"], s["kind"]) for s in timeline.sources(("feed", "sitemap"))] == [(f"{base}/maps/index.xml", "sitemap")]
    assert update(timeline, fetcher=fetcher).unchanged == [f"{base}{THURROCK}", f"{base}{WOKINGHAM}"]


def test_sitemap_indexes_are_followed_two_levels_deep_and_so_many_children(http_server, fetcher, db_path, monkeypatch) -> None:
    base, state = http_server
    for level in range(3):
        state.pages[f"/deep/{level}.xml"] = sitemap(f"{base}/deep/{level + 1}.xml", index=True)
    state.pages["/deep/3.xml"] = sitemap(f"{base}{THURROCK}")
    deep = ingest([], open_timeline(db_path), feeds=[f"{base}/deep/0.xml"], fetcher=fetcher)
    assert deep.stored == []
    assert failed(deep) == {f"{base}/deep/2.xml": "a sitemap index 2 levels down; sitemap indexes are followed only 2 levels deep"}

    monkeypatch.setattr(sys.modules["pipeline.ingest.run"], "MAX_CHILD_SITEMAPS", 1)
    state.pages["/wide/index.xml"] = sitemap(f"{base}/wide/a.xml", f"{base}/wide/b.xml", index=True)
    state.pages["/wide/a.xml"] = sitemap(f"{base}{THURROCK}")
    state.pages["/wide/b.xml"] = sitemap(f"{base}{WOKINGHAM}")
    wide = ingest([], open_timeline(db_path), feeds=[f"{base}/wide/index.xml"], fetcher=fetcher)
    assert wide.stored == [f"{base}{THURROCK}"]
    assert failed(wide) == {f"{base}/wide/index.xml": "lists more than 1 child sitemaps in all; the rest are not read"}
