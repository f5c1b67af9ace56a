"""A real HTTP server on 127.0.0.1 serving corpus/ and some deliberately bad responses."""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
TYPES = {".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8", ".pdf": "application/pdf"}


# The drip routes send one byte per this many seconds: under any test's read timeout, so only a
# deadline on the whole request stops them; DRIP_BYTES bounds how long a handler thread lingers.
DRIP_SECONDS = 0.2
DRIP_BYTES = 40
# A label one over DNS's 63-character limit: refused before any lookup, so no request leaves 127.0.0.1.
LONG_LABEL_URL = "http://" + "a" * 64 + ".example/notice.txt"


@dataclass
class Page:
    """A response a test puts at a path of its own (a feed naming the test's files, a sitemap tree)."""

    body: bytes
    content_type: str = "application/xml"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


class State:
    """What the bad routes remember between requests (flaky counts, the feed's version, when each
    path was asked for) and the pages tests put there."""

    def __init__(self) -> None:
        self.hits: dict[str, int] = {}
        self.requests: list[tuple[str, float]] = []
        self.pages: dict[str, Page] = {}
        self.feed_version = 1
        self.lock = threading.Lock()

    def hit(self, path: str) -> int:
        with self.lock:
            self.hits[path] = self.hits.get(path, 0) + 1
            return self.hits[path]

    def asked(self, path: str) -> None:
        with self.lock:
            self.requests.append((path, time.monotonic()))

    def times(self, path: str) -> list[float]:
        """When ``path`` was requested (time.monotonic()), in order."""
        with self.lock:
            return [at for asked, at in self.requests if asked == path]


def item_text(version: int) -> bytes:
    changed = "The improvement notice was lifted on 2 May 2016." if version > 1 else "The notice remains in force."
    return (f"Somerset notice update\n1 May 2016\n\nSomerset County Council was issued with an improvement notice "
            f"in 2013. {changed}\n").encode()


def feed_xml(base: str, version: int) -> bytes:
    items = "".join(
        f"<item><title>{name}</title><link>{base}{path}</link></item>"
        for name, path in [("Thurrock", "/corpus/broken/thurrock-valid-notice.txt"), ("Somerset", "/items/somerset.txt")]
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Notices v{version}</title>{items}</channel></rss>'.encode()


class Handler(BaseHTTPRequestHandler):
    state: State

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def send(self, status: int, body: bytes, content_type: str = "text/plain", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        path = self.path.split("?")[0]
        base = f"http://{self.headers['Host']}"
        self.state.asked(path)
        if path in self.state.pages:
            page = self.state.pages[path]
            return self.send(page.status, page.body, page.content_type, page.headers)
        if path == "/robots.txt":
            return self.send(200, b"User-agent: *\nDisallow: /private/\n")
        if path.startswith("/corpus/"):
            return self.serve_file(CORPUS / path[len("/corpus/") :])
        if path.startswith("/private/"):
            return self.send(200, b"Private notice about Leeds\n")
        if path == "/flaky":
            if self.state.hit(path) == 1:
                return self.send(500, b"try again")
            return self.send(200, b"Recovered notice\n3 March 2015\n\nOfsted judged Leeds children's services to be good.\n")
        if path == "/slow":
            time.sleep(2.0)
            return self.send(200, b"too late")
        if path == "/huge":
            return self.send(200, b"x" * 200_000)
        if path == "/bomb":
            body = gzip.compress(b"a" * 2_000_000)
            return self.send(200, body, "text/plain", {"Content-Encoding": "gzip"})
        if path == "/wrong-type":
            html = b"<html><head><title>Bury notice</title></head><body><article><h1>Bury notice</h1>" \
                   b"<p>Bury Council was issued with an improvement notice by the Department for Education.</p>" \
                   b"<p>The council has until 30 June to respond to the notice.</p></article></body></html>"
            return self.send(200, html, "application/octet-stream")
        if path == "/loop":
            return self.send(302, b"", headers={"Location": "/loop"})
        if path == "/moved":
            return self.send(301, b"", headers={"Location": "/corpus/broken/thurrock-valid-notice.txt"})
        if path == "/to-data":
            return self.send(302, b"", headers={"Location": "data:text/plain,Somerset%20notice"})
        if path == "/to-bad-ipv6":
            return self.send(302, b"", headers={"Location": "http://[::1/x"})
        if path == "/to-long-label":
            return self.send(302, b"", headers={"Location": LONG_LABEL_URL})
        if path == "/to-file":
            return self.send(302, b"", headers={"Location": "file:///etc/passwd"})
        if path == "/to-private":
            return self.send(302, b"", headers={"Location": "/private/notice.txt"})
        if path.startswith(("/hops/", "/slow-hops/")):
            return self.hop(path)
        if path == "/drip-body":
            return self.drip(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % DRIP_BYTES, b"x" * DRIP_BYTES)
        if path == "/drip-headers":
            return self.drip(b"HTTP/1.0 200 OK\r\nX-Slow: ", b"a" * DRIP_BYTES)
        if path == "/feed.xml":
            return self.send(200, feed_xml(base, self.state.feed_version), "application/rss+xml")
        if path == "/items/somerset.txt":
            return self.serve_bytes(item_text(self.state.feed_version), "text/plain")
        return self.send(404, b"not here")

    def hop(self, path: str) -> None:
        """/hops/N redirects to /hops/N-1 and /hops/0 is a notice; /slow-hops/ waits before each answer."""
        prefix, _, left = path.rpartition("/")
        if prefix == "/slow-hops":
            time.sleep(DRIP_SECONDS * 2)
        if not left.isdigit() or int(left) == 0:
            return self.serve_bytes(b"Hops notice\n2 May 2016\n\nOfsted judged Leeds children's services to be good.\n", "text/plain")
        return self.send(302, b"", headers={"Location": f"{prefix}/{int(left) - 1}"})

    def drip(self, head: bytes, tail: bytes) -> None:
        """Send ``head`` at once, then ``tail`` one byte every DRIP_SECONDS: a server that never quite stalls."""
        self.close_connection = True
        self.wfile.write(head)
        for byte in tail:
            time.sleep(DRIP_SECONDS)
            self.wfile.write(bytes([byte]))

    def serve_file(self, file: Path) -> None:
        if not file.is_file():
            return self.send(404, b"not here")
        self.serve_bytes(file.read_bytes(), TYPES.get(file.suffix, "application/octet-stream"))

    def serve_bytes(self, body: bytes, content_type: str) -> None:
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send(200, body, content_type, {"ETag": etag})


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """Clients hang up on purpose here (timeouts, size caps): not an error worth a traceback."""


def start_server() -> tuple[ThreadingHTTPServer, State]:
    state = State()
    handler = type("BoundHandler", (Handler,), {"state": state})
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, state
