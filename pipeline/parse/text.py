"""Plain text: the title is the first line; trailing page furniture is cut off."""

from __future__ import annotations

import re

from pipeline.errors import ParseError
from pipeline.parse.encoding import has_text
from pipeline.parse.published import published_from_text
from pipeline.records import ParsedDocument

# Lines that only ever belong to page furniture: widgets, credits, contact blocks, footers.
FURNITURE = re.compile(
    r"^\s*(?:related (?:articles|stories|news|content|links)|more from\b|comments? (?:are )?closed|"
    r"leave a (?:comment|reply)|reply to this|views?\s*:\s*\d|share this|share on|follow us|"
    r"contact (?:details|us)|media enquiries|press office|public enquiries|notes to editors?\s*$|"
    r"tags?\s*:|filed under|sign up|subscribe|read more|print this|back to top|cookies?\b|"
    r"terms (?:of|and)|privacy|copyright|all rights reserved|powered by|website (?:design|by)|"
    r"\(c\)|©|badges\b|report an issue)",
    re.IGNORECASE,
)
# Markers that make any line furniture wherever they occur in it: phone numbers, e-mails, postcodes.
CONTACT = re.compile(
    r"(?:\btel(?:ephone)?\s*[:.]|\bphone\s*:|\b0\d{3,4}\s?\d{3}\s?\d{3,4}\b|[\w.+-]+@[\w-]+\.[\w.]+|"
    r"\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b|©)",
)
# A furniture block is short lines; a line this long is body text whatever it contains.
MAX_FURNITURE_WORDS = 25


def is_furniture(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return True
    return bool(FURNITURE.search(stripped) or CONTACT.search(stripped))


def _is_headline_like(line: str) -> bool:
    """Short lines without closing punctuation: menu items, related headlines, taglines."""
    stripped = line.strip()
    return len(stripped.split()) <= MAX_FURNITURE_WORDS and not re.search(r"[.!?:;\"'”’)]\s*$", stripped)


def strip_trailing_furniture(text: str) -> str:
    """Cut the furniture block that scraped pages end with, if there is one.

    Walking up from the last line, furniture lines and headline-like lines are dropped, but only
    when at least one unmistakable furniture line is among them; body text stops the walk.
    """
    lines = text.rstrip().split("\n")
    cut = len(lines)
    seen_furniture = False
    # The first line with words is the title, never furniture, even below blank lines.
    first = next((index for index, line in enumerate(lines) if has_text(line)), len(lines))
    for index in range(len(lines) - 1, first, -1):
        line = lines[index]
        if not line.strip():
            continue
        if len(line.split()) <= MAX_FURNITURE_WORDS * 2 and is_furniture(line):
            seen_furniture = True
            cut = index
        elif _is_headline_like(line):
            if seen_furniture:
                cut = index
        else:
            break
    if not seen_furniture:
        return text.rstrip()
    return "\n".join(lines[:cut]).rstrip()


def title_of(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return None


def parse_text(source: str, text: str, url: str | None = None) -> ParsedDocument:
    body = strip_trailing_furniture(text.strip("\n").lstrip("\ufeff"))
    if not has_text(body):
        raise ParseError(source, "empty document (no text to extract)")
    published = published_from_text(body)
    return ParsedDocument(
        source=source,
        text=body,
        title=title_of(body),
        published=published,
        published_from="text" if published else None,
        url=url,
        kind="text",
    )
