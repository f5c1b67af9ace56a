"""Polite HTTP: timeouts, retries with backoff, a per-host rate limit, robots.txt, size caps.

Everything a fetch learns (final URL after redirects, content type, ETag, Last-Modified) is kept
with the bytes; a 304 against a stored validator is reported as "not modified", not as bytes.
"""

from __future__ import annotations

import logging
import threading
import time
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from pipeline.errors import FetchError
from pipeline.records import RawDocument

LOGGER = logging.getLogger(__name__)

USER_AGENT = "childrens-services-timeline/0.1 (+research pipeline; respects robots.txt)"
# Retries on 5xx and timeouts; 4xx is the server's final word. Backoff doubles from this base.
RETRIES = 2
BACKOFF_SECONDS = 0.2
TIMEOUT_SECONDS = 10.0
# Minimum gap between two requests to one host.
HOST_INTERVAL_SECONDS = 0.5
MAX_BYTES = 25 * 1024 * 1024


@dataclass
class HttpSettings:
    timeout: float = TIMEOUT_SECONDS
    retries: int = RETRIES
    backoff: float = BACKOFF_SECONDS
    host_interval: float = HOST_INTERVAL_SECONDS
    max_bytes: int = MAX_BYTES
    user_agent: str = USER_AGENT
    max_redirects: int = 5


@dataclass
class FetchResult:
    document: RawDocument | None
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class HttpFetcher:
    settings: HttpSettings = field(default_factory=HttpSettings)

    def __post_init__(self) -> None:
        self.client = httpx.Client(
            timeout=self.settings.timeout,
            follow_redirects=True,
            max_redirects=self.settings.max_redirects,
            headers={"User-Agent": self.settings.user_agent},
        )
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> HttpFetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        if not self.allowed(url):
            raise FetchError(url, "disallowed by the site's robots.txt")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            self._wait_for_host(url)
            try:
                response, data = self._get(url, headers)
            except httpx.TimeoutException as err:
                if attempt < self.settings.retries:
                    attempt += 1
                    time.sleep(self.settings.backoff * 2 ** (attempt - 1))
                    continue
                raise FetchError(url, f"timed out after {self.settings.timeout:g}s ({attempt + 1} tries)") from err
            except httpx.TooManyRedirects as err:
                raise FetchError(url, "too many redirects (a redirect loop?)") from err
            except httpx.HTTPError as err:
                raise FetchError(url, f"cannot connect ({err.__class__.__name__}: {err})") from err
            if response.status_code >= 500 and attempt < self.settings.retries:
                attempt += 1
                time.sleep(self.settings.backoff * 2 ** (attempt - 1))
                continue
            break
        if response.status_code == 304:
            return FetchResult(None, not_modified=True, etag=etag, last_modified=last_modified)
        if response.status_code >= 400:
            raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}")
        document = RawDocument(
            source=url,
            data=data,
            url=str(response.url),
            content_type=response.headers.get("content-type", "").split(";")[0].strip() or None,
        )
        return FetchResult(document, etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"))

    def _get(self, url: str, headers: dict[str, str]) -> tuple[httpx.Response, bytes]:
        """Stream the body, stopping at the cap on its expanded size (gzip bombs included)."""
        with self.client.stream("GET", url, headers=headers) as response:
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.settings.max_bytes and "content-encoding" not in response.headers:
                raise FetchError(url, f"too large ({int(declared):,} bytes; the limit is {self.settings.max_bytes:,})")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.settings.max_bytes:
                    raise FetchError(url, f"too large (over {self.settings.max_bytes:,} bytes once decompressed)")
                chunks.append(chunk)
            return response, b"".join(chunks)

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        with self._lock:
            last = self._last_request.get(host)
            now = time.monotonic()
            if last is not None and now - last < self.settings.host_interval:
                time.sleep(self.settings.host_interval - (now - last))
            self._last_request[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        parser = self._robots.get(root)
        if parser is None:
            parser = urllib.robotparser.RobotFileParser()
            try:
                self._wait_for_host(url)
                response = self.client.get(urljoin(root, "/robots.txt"))
                parser.parse(response.text.splitlines() if response.status_code == 200 else [])
            except httpx.HTTPError:
                parser.parse([])
            self._robots[root] = parser
        return parser.can_fetch(self.settings.user_agent, url)


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))
