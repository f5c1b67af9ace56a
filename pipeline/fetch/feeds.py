"""RSS, Atom and sitemap documents to the URLs they list.

Feeds are read with feedparser, which knows the dialects (RSS 0.9x-2.0, RSS 1.0/RDF, Atom) and
their ways of giving a link; sitemaps and sitemap indexes with lxml. Both come from servers we do
not control, so any document that declares XML entities is refused before either parser sees it:
entity expansion (billion laughs) and external entities (XXE) need a declaration, and no real
feed or sitemap has one. A listed link is resolved against the document's URL and must be an
http(s) URL: an item is a web page, never a path on this machine.
"""

from __future__ import annotations

import io
import re
import xml.parsers.expat
from dataclasses import dataclass
from typing import Any, NoReturn
from urllib.parse import urljoin, urlsplit

import feedparser
from lxml import etree

from pipeline.errors import FetchError, ParseError

ENTITIES_REFUSED = "declares XML entities, which are refused (entity expansion / external entities); only plain feeds and sitemaps are read"
# Root elements, by local name, of the documents read here.
ROOTS = {"rss": "feed", "feed": "feed", "rdf": "feed", "urlset": "sitemap", "sitemapindex": "sitemapindex"}
# A declaration the prolog check could not see because the XML is broken before its root element.
_ENTITY_DECLARATION = re.compile(rb"<!\s*entity", re.IGNORECASE)


@dataclass(frozen=True)
class Listing:
    """What a feed or sitemap lists: page links, or, for a sitemap index, child sitemaps."""

    kind: str  # "feed", "sitemap" or "sitemapindex"
    links: list[str]


def read_listing(source: str, data: bytes, base: str | None = None) -> Listing:
    """The links ``data`` lists, in order, each once, as written (a feed's resolved against ``base``).

    Links are not checked here: ``web_url`` does that for each, so one bad link is one failure.
    """
    kind = feed_kind(source, data)
    if kind == "unknown":
        raise ParseError(source, f"not an RSS/Atom feed or sitemap (starts with {data[:20]!r}); give the feed's own URL")
    links = _sitemap_links(source, data) if kind in ("sitemap", "sitemapindex") else _feed_links(data, base or source)
    return Listing(kind, list(dict.fromkeys(links)))


def feed_kind(source: str, data: bytes) -> str:
    """"feed", "sitemap", "sitemapindex" or "unknown", from the root element; refuses entities."""
    root = _root_element(source, data)
    if root is not None:
        return ROOTS.get(root.rsplit(":", 1)[-1].lower(), "unknown")
    head = data[:2048].lower()  # broken XML: feedparser may still read it, so sniff as before
    if b"<sitemapindex" in head:
        return "sitemapindex"
    if b"<urlset" in head:
        return "sitemap"
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    return "unknown"


def web_url(feed: str, link: str) -> str:
    """``link`` as the absolute http(s) URL of a web page, or a FetchError naming the link."""
    try:
        url = urljoin(feed, link.strip())
        scheme = urlsplit(url).scheme.lower()
    except ValueError as err:
        raise FetchError(link, f"listed by {feed}, is not a valid URL ({err}); fix the feed") from err
    if scheme not in ("http", "https"):
        raise FetchError(link, f"listed by {feed}, is not an http(s) URL; only web pages are taken from a feed or sitemap")
    return url


class _Root(Exception):
    """Raised from expat's handler to stop at the root element, whose name it carries."""

    def __init__(self, name: str) -> None:
        self.name = name


def _root_element(source: str, data: bytes) -> str | None:
    """The root element's name, read with expat up to the root only; None if the XML is broken first.

    Expat reports every entity declaration (general or parameter, internal or external) to the
    handlers below before anything could be expanded; nothing outside the document is loaded.
    """

    def refuse(*_: Any) -> NoReturn:
        raise ParseError(source, ENTITIES_REFUSED)

    def root(name: str, _attributes: Any) -> None:
        raise _Root(name)

    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.StartElementHandler = root
    try:
        parser.Parse(data, True)
    except _Root as found:
        return found.name
    except xml.parsers.expat.ExpatError:
        if _ENTITY_DECLARATION.search(data) or _ENTITY_DECLARATION.search(data.decode("utf-16", "ignore").encode("ascii", "ignore")):
            raise ParseError(source, ENTITIES_REFUSED) from None
    return None


def _feed_links(data: bytes, base: str) -> list[str]:
    """Each entry's link as feedparser finds it (alternate link, permalink guid), resolved against ``base``.

    The bytes go in as a stream: given bytes or a string, feedparser would first try them as a
    file name or URL to open.
    """
    parsed = feedparser.parse(io.BytesIO(data), response_headers={"content-location": base}, resolve_relative_uris=False, sanitize_html=False)
    return [str(entry.get("link")).strip() for entry in parsed.entries if entry.get("link")]


def _sitemap_links(source: str, data: bytes) -> list[str]:
    """Each <url><loc> of a urlset, or <sitemap><loc> of an index (image and video locs are not pages)."""
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False, recover=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        raise ParseError(source, f"a sitemap that is not XML ({err}); check the URL") from err
    if root is None:
        return []
    return [loc.text.strip() for loc in root.iterfind("{*}url/{*}loc") if loc.text] + \
           [loc.text.strip() for loc in root.iterfind("{*}sitemap/{*}loc") if loc.text]

