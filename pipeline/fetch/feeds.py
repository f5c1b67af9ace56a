"""RSS, Atom and sitemap documents to the page URLs they list."""

from __future__ import annotations

from bs4 import BeautifulSoup

from pipeline.errors import ParseError


def feed_kind(data: bytes) -> str:
    head = data[:2048].lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return "sitemap"
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    return "unknown"


def item_urls(source: str, data: bytes) -> list[str]:
    """Every item or page URL the feed or sitemap lists, in its order, each once."""
    kind = feed_kind(data)
    if kind == "unknown":
        raise ParseError(source, f"not an RSS/Atom feed or sitemap (starts with {data[:20]!r})")
    soup = BeautifulSoup(data, "xml")
    urls: list[str] = []
    if kind == "sitemap":
        urls = [loc.get_text(strip=True) for loc in soup.find_all("loc")]
    else:
        for item in soup.find_all(["item", "entry"]):
            link = item.find("link")
            if link is None:
                continue
            href = link.get("href") or link.get_text(strip=True)
            if href:
                urls.append(str(href).strip())
    return list(dict.fromkeys(urls))
