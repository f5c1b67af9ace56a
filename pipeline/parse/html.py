"""HTML: trafilatura finds the main text, BeautifulSoup reads title and date metadata."""

from __future__ import annotations

import json
import logging
import re

import trafilatura
from bs4 import BeautifulSoup
from htmldate import find_date

from pipeline.errors import ParseError
from pipeline.parse.published import normalise_iso, published_from_text
from pipeline.parse.text import strip_trailing_furniture
from pipeline.records import ParsedDocument

LOGGER = logging.getLogger(__name__)

# Meta tags that state the original publication date, most specific first.
PUBLISHED_META = (
    ("property", "article:published_time"),
    ("name", "article:published_time"),
    ("property", "og:published_time"),
    ("name", "govuk:first-published-at"),
    ("name", "dcterms.issued"),
    ("name", "DC.date.issued"),
    ("name", "dc.date"),
    ("name", "date"),
    ("name", "pubdate"),
    ("itemprop", "datePublished"),
)
TITLE_META = (("property", "og:title"), ("name", "twitter:title"), ("name", "dc.title"))
SITE_META = (("property", "og:site_name"), ("name", "application-name"))


def _meta(soup: BeautifulSoup, keys: tuple[tuple[str, str], ...]) -> str | None:
    for attr, value in keys:
        tag = soup.find("meta", attrs={attr: re.compile(f"^{re.escape(value)}$", re.IGNORECASE)})
        if tag is not None and tag.get("content"):
            return str(tag["content"]).strip()
    return None


def _json_ld_published(soup: BeautifulSoup) -> str | None:
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                if item.get("datePublished"):
                    return str(item["datePublished"])
                stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
            elif isinstance(item, list):
                stack.extend(item)
    return None


def published_from_metadata(soup: BeautifulSoup) -> str | None:
    for candidate in (_meta(soup, PUBLISHED_META), _json_ld_published(soup)):
        if value := normalise_iso(candidate):
            return value
    time_tag = soup.find("time", attrs={"datetime": True})
    if time_tag is not None:
        return normalise_iso(str(time_tag["datetime"]))
    return None


def _htmldate(html: str, url: str | None, extensive: bool) -> str | None:
    try:
        return find_date(html, url=url, original_date=True, extensive_search=extensive)
    except Exception as err:  # htmldate raises a variety of parser errors on broken markup
        LOGGER.debug("htmldate failed: %s", err)
        return None


def title_of(soup: BeautifulSoup) -> str | None:
    heading = soup.find("h1")
    if heading is not None and heading.get_text(strip=True):
        return " ".join(heading.get_text(" ", strip=True).split())
    if meta := _meta(soup, TITLE_META):
        return meta
    if soup.title is not None and soup.title.string:
        return " ".join(soup.title.string.split())
    return None


def main_text(html: str) -> str | None:
    return trafilatura.extract(
        html,
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        favor_precision=False,
        deduplicate=False,
    )


def parse_html(source: str, html: str, url: str | None = None) -> ParsedDocument:
    soup = BeautifulSoup(html, "lxml")
    text = main_text(html)
    if not text or not text.strip():
        raise ParseError(source, "no main text found in the HTML (is it a page of links or a script shell?)")
    text = strip_trailing_furniture(text)
    title = title_of(soup)
    published, origin = published_from_metadata(soup), "html-meta"
    if published is None:
        published, origin = _htmldate(html, url, extensive=False), "htmldate"
    if published is None:
        published, origin = published_from_text(text), "text"
    if published is None:
        published, origin = _htmldate(html, url, extensive=True), "htmldate-extensive"
    if title and not text.startswith(title):
        text = f"{title}\n{text}"
    return ParsedDocument(
        source=source,
        text=text,
        title=title,
        published=published,
        published_from=origin if published else None,
        url=url,
        kind="html",
    )
