"""Polite HTTP: timeouts and a total deadline, retries with backoff, a per-host rate limit,
robots.txt, size caps, and redirects followed by hand.

Redirects are followed here, not by httpx, so that every hop is held to what the first request
is: an http(s) URL that parses, allowed by its host's robots.txt, spaced from the last request to
that host, and inside the one deadline. Everything a fetch learns (final URL after redirects,
content type, ETag, Last-Modified) is kept with the bytes; a 304 against a stored validator is
reported as "not modified", not as bytes. Every failure is a FetchError naming the URL asked for.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
import urllib.robotparser
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from pipeline.errors import FetchError
from pipeline.records import RawDocument

LOGGER = logging.getLogger(__name__)

USER_AGENT = "childrens-services-timeline/0.1 (+research pipeline; respects robots.txt)"
# Retries on 5xx and timeouts; 4xx is the server's final word. Backoff doubles from this base.
RETRIES = 2
BACKOFF_SECONDS = 0.2
# The longest wait for one connect or one read.
TIMEOUT_SECONDS = 10.0
# The longest one fetch may take in total: robots.txt, every redirect hop, retries and the whole
# body. The read timeout alone lets a server that sends a byte every few seconds hold a fetch for
# ever. 60 s lets a 25 MB report (MAX_BYTES) arrive at about 3.5 Mbit/s; slower is a stalling server.
DEADLINE_SECONDS = 60.0
# Minimum gap between two requests to one host.
HOST_INTERVAL_SECONDS = 0.5
MAX_BYTES = 25 * 1024 * 1024
# Redirect hops one fetch follows; real moved pages take one or two.
MAX_REDIRECTS = 5
# Google reads the first 500 KiB of a robots.txt; more than that is not a robots.txt.
ROBOTS_MAX_BYTES = 500 * 1024
SCHEMES = ("http", "https")
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})


@dataclass
class HttpSettings:
    timeout: float = TIMEOUT_SECONDS
    retries: int = RETRIES
    backoff: float = BACKOFF_SECONDS
    host_interval: float = HOST_INTERVAL_SECONDS
    max_bytes: int = MAX_BYTES
    user_agent: str = USER_AGENT
    max_redirects: int = MAX_REDIRECTS
    deadline: float = DEADLINE_SECONDS


@dataclass
class FetchResult:
    document: RawDocument | None
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None


def is_url(text: str) -> bool:
    """An http(s) URL as typed (any case); everything else a user types is a path."""
    return text[:8].lower().startswith(("http://", "https://"))


def checked_url(source: str, url: str, what: str = "") -> str:
    """``url`` if it is an http(s) URL a request can go to; else a FetchError naming ``source``.

    httpx, urllib and the idna codec each refuse some malformed URLs with their own exception
    (InvalidURL, ValueError for ``http://[::1/x``, UnicodeError for a host label over 63
    characters), some only once the request is under way; checking here turns them all into one line.
    """
    prefix = what or "not"
    try:
        parsed = httpx.URL(url)
        _ = urlsplit(url).port  # ValueError: an unclosed IPv6 bracket, a port out of range
        parsed.host.encode("idna")  # UnicodeError: an empty label or one over 63 characters, as the resolver would
    except (httpx.InvalidURL, ValueError) as err:
        raise FetchError(source, f"{prefix} a valid URL ({err}); check the address") from err
    if parsed.scheme not in SCHEMES:
        raise FetchError(source, f"{prefix} an http(s) URL; only http and https are fetched")
    if not parsed.host:
        raise FetchError(source, f"{prefix} a URL with a host; check the address")
    return url


@dataclass
class Deadline:
    """The moment one fetch must be over by, and the error that says it was not."""

    url: str
    seconds: float
    ends: float = field(init=False)

    def __post_init__(self) -> None:
        self.ends = time.monotonic() + self.seconds

    def left(self) -> float:
        return self.ends - time.monotonic()

    def error(self) -> FetchError:
        return FetchError(self.url, f"took longer than {self.seconds:g} s in total (a stalling server?); try again later")

    def check(self) -> None:
        if self.left() <= 0:
            raise self.error()


class Watchdog:
    """Shuts a request's socket when the deadline passes, so that no single read, of the headers
    or of the body, can outlast it: httpx's timeouts apply per read, never to the whole."""

    def __init__(self, deadline: Deadline) -> None:
        self.sockets: list[socket.socket] = []
        self.fired = False
        self.lock = threading.Lock()
        self.timer = threading.Timer(max(deadline.left(), 0.0), self.cut)
        self.timer.daemon = True

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpcore's ``trace`` extension: note each socket the request opens (plain, then TLS)."""
        if event not in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if isinstance(sock, socket.socket):
            with self.lock:
                self.sockets.append(sock)
                if self.fired:
                    _shut(sock)

    def cut(self) -> None:
        with self.lock:
            self.fired = True
            for sock in self.sockets:
                _shut(sock)

    def __enter__(self) -> Watchdog:
        self.timer.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.timer.cancel()


def _shut(sock: socket.socket) -> None:
    """Wake a read blocked on ``sock`` in another thread. socket.socket's own method, because
    SSLSocket.shutdown would drop its SSL object under the reading thread's feet."""
    try:
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass


@dataclass
class HttpFetcher:
    settings: HttpSettings = field(default_factory=HttpSettings)

    def __post_init__(self) -> None:
        # No kept-alive connections: each request opens its own socket, which the deadline's
        # watchdog must see to cut; at one request per host per half-second reuse saves little.
        self.client = httpx.Client(
            timeout=self.settings.timeout,
            follow_redirects=False,
            headers={"User-Agent": self.settings.user_agent},
            limits=httpx.Limits(max_keepalive_connections=0),
            event_hooks={"response": [check_location]},
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
        """The page at ``url`` after its redirects, or "not modified" against the validators given."""
        checked_url(url, url)
        deadline = Deadline(url, self.settings.deadline)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        response, data, final = self._follow(url, headers, deadline)
        if response.status_code == 304:
            return FetchResult(None, not_modified=True, etag=etag, last_modified=last_modified)
        if response.status_code >= 400:
            raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}")
        if response.status_code in REDIRECT_CODES:
            raise FetchError(url, f"HTTP {response.status_code} redirect without a Location header")
        document = RawDocument(
            source=url,
            data=data,
            url=final,
            content_type=response.headers.get("content-type", "").split(";")[0].strip() or None,
        )
        return FetchResult(document, etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"))

    def _follow(self, url: str, headers: dict[str, str], deadline: Deadline) -> tuple[httpx.Response, bytes, str]:
        """Request ``url`` and each place it redirects to, each hop checked as the first was."""
        hop = url
        for hops in range(self.settings.max_redirects + 1):
            if not self.allowed(hop, deadline):
                raise FetchError(url, "disallowed by the site's robots.txt" if hops == 0 else f"redirected to {hop}, which robots.txt disallows")
            response, data = self._request(url, hop, headers, deadline, self.settings.max_bytes)
            location = response.headers.get("location")
            if response.status_code not in REDIRECT_CODES or not location:
                return response, data, hop
            hop = next_hop(response, location)  # as check_location found it when the response came in
        raise FetchError(url, f"too many redirects (more than {self.settings.max_redirects}; a redirect loop?)")

    def _request(self, url: str, hop: str, headers: dict[str, str], deadline: Deadline, max_bytes: int) -> tuple[httpx.Response, bytes]:
        """One hop, after the host's delay, retried on timeouts and 5xx while the deadline allows."""
        attempt = 0
        while True:
            self._wait_for_host(hop, deadline)
            try:
                response, data = self._get(url, hop, headers, deadline, max_bytes)
            except BadRedirect as err:
                raise FetchError(url, err.reason) from err
            except httpx.TimeoutException as err:
                deadline.check()
                if attempt < self.settings.retries:
                    attempt += 1
                    self._back_off(attempt, deadline)
                    continue
                raise FetchError(url, f"timed out after {self.settings.timeout:g}s ({attempt + 1} tries)") from err
            except (httpx.HTTPError, httpx.InvalidURL, ValueError) as err:
                deadline.check()
                raise FetchError(url, f"cannot connect to {hop} ({err.__class__.__name__}: {err})") from err
            if response.status_code >= 500 and attempt < self.settings.retries:
                attempt += 1
                self._back_off(attempt, deadline)
                continue
            return response, data

    def _back_off(self, attempt: int, deadline: Deadline) -> None:
        time.sleep(max(0.0, min(self.settings.backoff * 2 ** (attempt - 1), deadline.left())))
        deadline.check()

    def _get(self, url: str, hop: str, headers: dict[str, str], deadline: Deadline, max_bytes: int) -> tuple[httpx.Response, bytes]:
        """Stream the body, stopping at the cap on its expanded size (gzip bombs included) and at the deadline."""
        deadline.check()
        timeout = httpx.Timeout(max(0.01, min(self.settings.timeout, deadline.left())))
        with Watchdog(deadline) as watchdog, self.client.stream("GET", hop, headers=headers, timeout=timeout,
                                                                 extensions={"trace": watchdog.trace}) as response:
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes and "content-encoding" not in response.headers:
                raise FetchError(url, f"too large ({int(declared):,} bytes; the limit is {max_bytes:,})")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                deadline.check()
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(url, f"too large (over {max_bytes:,} bytes once decompressed)")
                chunks.append(chunk)
            deadline.check()
            return response, b"".join(chunks)

    def _wait_for_host(self, url: str, deadline: Deadline | None = None) -> None:
        host = urlsplit(url).netloc
        with self._lock:
            last = self._last_request.get(host)
            now = time.monotonic()
            if last is not None and now - last < self.settings.host_interval:
                wait = self.settings.host_interval - (now - last)
                if deadline is not None and wait > deadline.left():
                    raise deadline.error()
                time.sleep(wait)
            self._last_request[host] = time.monotonic()

    def allowed(self, url: str, deadline: Deadline | None = None) -> bool:
        """Whether the robots.txt of ``url``'s host lets this user agent fetch it.

        A robots.txt that is missing, broken or unreachable allows everything, as is usual; one
        that stalls past the deadline fails the fetch that asked for it.
        """
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        parser = self._robots.get(root)
        if parser is None:
            robots = urljoin(root, "/robots.txt")
            deadline = deadline or Deadline(robots, self.settings.deadline)
            parser = urllib.robotparser.RobotFileParser()
            try:
                response, data = self._robots_txt(robots, deadline)
                lines = data.decode("utf-8", "replace").splitlines() if response.status_code == 200 else []
            except FetchError:
                deadline.check()
                lines = []
            parser.parse(lines)
            self._robots[root] = parser
        return parser.can_fetch(self.settings.user_agent, url)

    def _robots_txt(self, url: str, deadline: Deadline) -> tuple[httpx.Response, bytes]:
        """robots.txt, following its own redirects (RFC 9309 asks for five) to http(s) URLs only."""
        hop = url
        for _ in range(MAX_REDIRECTS + 1):
            response, data = self._request(url, hop, {}, deadline, ROBOTS_MAX_BYTES)
            location = response.headers.get("location")
            if response.status_code not in REDIRECT_CODES or not location:
                return response, data
            hop = next_hop(response, location)
        raise FetchError(url, "too many redirects")


class BadRedirect(Exception):
    """A redirect to somewhere no request may go; ``reason`` says where and why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def check_location(response: httpx.Response) -> None:
    """A response hook: refuse a redirect whose Location is no http(s) URL, as it arrives.

    httpx builds the next request of a redirect even when not following it, and a bad Location
    (``data:``, ``http://[::1/x``) then raises its own errors from inside ``send``; checking here,
    first, keeps one message for them all.
    """
    location = response.headers.get("location")
    if response.status_code in REDIRECT_CODES and location:
        next_hop(response, location)


def next_hop(response: httpx.Response, location: str) -> str:
    """The http(s) URL a redirect's Location points to, or BadRedirect saying why it is none."""
    try:
        target = urljoin(str(response.request.url), location.strip())
    except ValueError as err:
        raise BadRedirect(f"redirected to {location.strip()}, which is not a valid URL ({err}); check the address") from err
    try:
        return checked_url(target, target, f"redirected to {target}, which is not")
    except FetchError as err:
        raise BadRedirect(err.reason) from err
