"""Fetching over real HTTP from a server on 127.0.0.1, good responses and bad."""

from __future__ import annotations

import time

import pytest

from pipeline.errors import FetchError
from pipeline.fetch.http import HttpFetcher, HttpSettings


def test_a_page_is_fetched_with_its_final_url_and_validators(http_server, fetcher) -> None:
    base, _ = http_server
    result = fetcher.fetch(f"{base}/moved")
    assert result.document is not None
    assert result.document.url == f"{base}/corpus/broken/thurrock-valid-notice.txt"
    assert result.etag
    again = fetcher.fetch(result.document.url, etag=result.etag)
    assert again.not_modified and again.document is None


def test_a_server_error_is_retried(http_server, fetcher) -> None:
    base, _ = http_server
    assert b"Recovered" in fetcher.fetch(f"{base}/flaky").document.data


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "HTTP 404"),
        ("/slow", "timed out"),
        ("/loop", "too many redirects"),
        ("/huge", "too large"),
        ("/bomb", "too large"),
        ("/private/notice.txt", "robots.txt"),
    ],
)
def test_bad_responses_are_one_clear_error_naming_the_url(http_server, fetcher, path: str, reason: str) -> None:
    base, _ = http_server
    with pytest.raises(FetchError) as err:
        fetcher.fetch(f"{base}{path}")
    assert str(err.value).startswith(f"{base}{path}: ")
    assert reason in str(err.value)


def test_a_refused_connection_is_an_error_not_a_crash() -> None:
    with HttpFetcher(HttpSettings(timeout=0.5, retries=0)) as fetcher, pytest.raises(FetchError) as err:
        fetcher.fetch("http://127.0.0.1:9/notice.txt")
    assert "cannot connect" in str(err.value) or "timed out" in str(err.value)


def test_requests_to_one_host_are_spaced_out(http_server) -> None:
    base, _ = http_server
    with HttpFetcher(HttpSettings(host_interval=0.3)) as fetcher:
        fetcher.fetch(f"{base}/corpus/broken/thurrock-valid-notice.txt")
        started = time.monotonic()
        fetcher.fetch(f"{base}/corpus/broken/wokingham-latin1-notice.txt")
        assert time.monotonic() - started >= 0.25

