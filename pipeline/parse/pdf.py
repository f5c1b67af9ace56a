"""PDF inspection reports: text per page, running heads and page numbers removed, tables as rows."""

from __future__ import annotations

import io
import logging
import re
from collections import Counter

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError

from pipeline.errors import ParseError
from pipeline.parse.published import published_from_text
from pipeline.records import ParsedDocument

LOGGER = logging.getLogger(__name__)

PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\s*$", re.IGNORECASE)
# A line on at least this share of pages (and on 3 or more) is a running head or foot.
RUNNING_LINE_SHARE = 0.5


def _open(source: str, data: bytes) -> pdfplumber.PDF:
    try:
        return pdfplumber.open(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError) as err:
        raise ParseError(source, "encrypted PDF; save an unencrypted copy and ingest that") from err
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as err:
        raise ParseError(source, f"corrupt or truncated PDF ({err.__class__.__name__})") from err


def _table_rows(page: pdfplumber.page.Page) -> list[str]:
    rows = []
    for table in page.extract_tables():
        for row in table:
            cells = [" ".join((cell or "").split()) for cell in row]
            cells = [cell for cell in cells if cell]
            if len(cells) >= 2:
                rows.append(" | ".join(cells))
    return rows


def page_texts(source: str, data: bytes) -> list[tuple[str, list[str]]]:
    """(text, table rows) for each page."""
    pages = []
    try:
        with _open(source, data) as pdf:
            for page in pdf.pages:
                pages.append((page.extract_text() or "", _table_rows(page)))
    except ParseError:
        raise
    except Exception as err:  # pdfminer raises many unrelated types on broken streams
        raise ParseError(source, f"corrupt or truncated PDF ({err.__class__.__name__}: {err})") from err
    if not pages:
        raise ParseError(source, "PDF has no pages")
    return pages


def drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({line.strip() for line in lines if line.strip()})
    threshold = max(3, int(len(pages) * RUNNING_LINE_SHARE))
    running = {line for line, n in counts.items() if n >= threshold and len(pages) >= 3}
    return [[ln for ln in lines if ln.strip() not in running and not PAGE_NUMBER.match(ln)] for lines in pages]


def parse_pdf(source: str, data: bytes, url: str | None = None) -> ParsedDocument:
    pages = page_texts(source, data)
    cleaned = drop_running_lines([text.splitlines() for text, _ in pages])
    blocks = []
    for lines, (_, rows) in zip(cleaned, pages, strict=True):
        blocks.append("\n".join(lines))
        if rows:
            blocks.append("\n".join(rows))
    text = "\n".join(block for block in blocks if block.strip()).strip()
    if not text:
        raise ParseError(source, "PDF has no extractable text (a scanned image? run OCR first)")
    title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    published = published_from_text(text)
    return ParsedDocument(
        source=source,
        text=text,
        title=title,
        published=published,
        published_from="text" if published else None,
        url=url,
        kind="pdf",
    )
