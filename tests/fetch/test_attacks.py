"""Hostile and careless URLs and servers, on a real server on 127.0.0.1: each is one FetchError
naming the URL asked for, never a traceback, and no request outlasts its deadline (issue 12)."""

from __future__ import annotations

import time

import pytest

from pipeline.errors import FetchError
from pipeline.fetch.http import HttpFetcher, HttpSettings
from tests.httpserver import LONG_LABEL_URL


@pytest.fixture()
def hasty():
    """A fetcher with a 1 s deadline: every read is quick, but the whole must be too."""
    with HttpFetcher(HttpSettings(timeout=0.5, retries=0, host_interval=0.0, deadline=1.0)) as fetcher:
        yield fetcher


def refused(fetcher: HttpFetcher, url: str) -> str:
    with pytest.raises(FetchError) as err:
        fetcher.fetch(url)
    assert err.value.source == url
    assert "\n" not in str(err.value)
    return err.value.reason


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://[::1/x", "not a valid URL"),  # urllib: Invalid IPv6 URL
        (LONG_LABEL_URL, "not a valid URL"),  # idna: label empty or too long
        ("http://\u2603.example/", "not a valid URL"),  # httpx: Invalid IDNA hostname
        ("data:text/plain,hello", "not an http(s) URL"),
        ("ftp://127.0.0.1/notice.txt", "not an http(s) URL"),
        ("http:///notice.txt", "not a URL with a host"),
    ],
)
def test_malformed_urls_are_refused_before_any_request(fetcher, url: str, reason: str) -> None:
    assert reason in refused(fetcher, url)


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/to-data", "redirected to data:text/plain,Somerset%20notice, which is not an http(s) URL"),
        ("/to-bad-ipv6", "redirected to http://[::1/x, which is not a valid URL"),
        ("/to-long-label", f"redirected to {LONG_LABEL_URL}, which is not a valid URL"),
        ("/to-file", "redirected to file:///etc/passwd, which is not an http(s) URL"),
    ],
)
def test_a_redirect_anywhere_but_an_http_url_is_refused(http_server, fetcher, path: str, reason: str) -> None:
    base, _ = http_server
    assert reason in refused(fetcher, f"{base}{path}")


def test_a_redirect_to_a_path_robots_txt_disallows_is_refused(http_server, fetcher) -> None:
    base, state = http_server
    before = len(state.times("/private/notice.txt"))
    reason = refused(fetcher, f"{base}/to-private")
    assert reason == f"redirected to {base}/private/notice.txt, which robots.txt disallows"
    assert len(state.times("/private/notice.txt")) == before, "the disallowed page is never asked for"


def test_redirect_hops_wait_for_the_host_delay(http_server) -> None:
    base, state = http_server
    with HttpFetcher(HttpSettings(host_interval=0.3)) as fetcher:
        document = fetcher.fetch(f"{base}/hops/2").document
    assert document is not None and document.url == f"{base}/hops/0"
    asked = [state.times(f"/hops/{n}")[-1] for n in (2, 1, 0)]
    assert all(later - earlier >= 0.25 for earlier, later in zip(asked, asked[1:], strict=False))


def test_max_redirects_counts_hops(http_server) -> None:
    base, _ = http_server
    with HttpFetcher(HttpSettings(host_interval=0.0, max_redirects=2)) as fetcher:
        assert fetcher.fetch(f"{base}/hops/2").document is not None
        assert refused(fetcher, f"{base}/hops/3") == "too many redirects (more than 2; a redirect loop?)"


def test_validators_go_to_every_hop_so_a_moved_page_can_be_not_modified(http_server, fetcher) -> None:
    base, _ = http_server
    first = fetcher.fetch(f"{base}/moved")
    assert first.document is not None and first.document.url == f"{base}/corpus/broken/thurrock-valid-notice.txt"
    again = fetcher.fetch(f"{base}/moved", etag=first.etag)
    assert again.not_modified and again.document is None


@pytest.mark.parametrize("path", ["/drip-body", "/drip-headers", "/slow-hops/4"])
def test_a_server_that_never_quite_stalls_meets_the_deadline(http_server, hasty, path: str) -> None:
    """One byte every 0.2 s beats a 0.5 s read timeout for ever; the 1 s deadline does not move."""
    base, _ = http_server
    started = time.monotonic()
    assert refused(hasty, f"{base}{path}").startswith("took longer than 1 s in total")
    assert time.monotonic() - started < 1.5
