"""PDF documents, Ofsted inspection reports above all: the text a reader sees, in reading order.

pdfplumber (on pdfminer.six) gives each page's text lines with their position and font, and its
ruled tables. From those:

1. a table becomes rows, one line each ("cell | cell"), where the table stands on the page; the
   page's own text lines inside the table go, so a judgement table, whose area cells wrap over two
   lines, gives one whole row per area and its grades are not read a second time, mangled;
2. running heads and feet (a line repeated at the top or foot of most pages) and page numbers go,
   and so does Ofsted's closing imprint;
3. lines the layout wrapped are joined back into paragraphs and headings, one per line, so that a
   sentence is not cut at the margin or at a page break (the extractor starts a sentence at every
   line break);
4. an Ofsted report's front page gives its authority, framework, inspection dates and publication
   date (only SIF reports state one), read by ``pipeline.parse.ofsted`` and handed on as
   ``ParsedDocument.report``. The text is the report's own words only.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from math import ceil
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.errors import ParseError
from pipeline.parse.ofsted import InspectionReport, inspection_days, read_front_page, report_facts
from pipeline.parse.published import published_from_text
from pipeline.records import ParsedDocument

LOGGER = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF-"
# Readers accept the header anywhere in the first 1 KiB (PDF 1.7, annex H).
MAGIC_WINDOW = 1024
# The last %%EOF must stand at the very end; a download cut short loses it. 2 KiB allows the
# trailing padding some producers add (the 30 bench reports all end exactly at %%EOF).
EOF_WINDOW = 2048

PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\s*$", re.IGNORECASE)
# A running line stands among the first or last few lines of a page: Ofsted feet are three (page
# number, report title, inspection dates); 4 leaves room for a one-line head.
RUNNING_EDGE_LINES = 4
# ... and repeats on at least this share of the pages (and on 2 or more). On the 30 bench reports
# (10-14 pages) every foot line repeats on all pages but the front one, and no line away from the
# page edges repeats on even 3 pages; 0.5 leaves a wide margin on both sides.
RUNNING_LINE_SHARE = 0.5
# A table that is not a full grid needs this many rows of two or more filled cells (the judgement
# table has 4 to 6; the false tables pdfplumber finds in the bench reports have at most 1).
MIN_TABLE_ROWS = 2
# A gap between two lines wider than this share of the font size starts a new paragraph. Ofsted
# lines are 14.5pt apart at 12pt (gap ~2.5) and paragraphs ~26pt (gap ~14); 0.5 sits between.
PARAGRAPH_GAP = 0.5
# Font sizes closer than this are the same style (pdfminer reports 11.04 and 11.0 for one font).
SIZE_TOLERANCE = 0.6
# A heading is at least this much larger than the body text.
HEADING_STEP = 1.5
NEW_ITEM = re.compile(r"^(?:[◼•▪■●◦−\uf0a7\uf0b7]|\d{1,3}\.\s|\(?[a-z]\)\s)")
TERMINAL = (".", "!", "?", ":", ";")
UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)")
# Front-page fields, each on a line of its own.
FIELD_LABEL = re.compile(
    r"^(?:inspection dates?|lead inspector|report published|publication date|date of publication|"
    r"published|age group|inspector)\s*:",
    re.IGNORECASE,
)
# Ofsted's closing page (who Ofsted is, licence, address): page furniture, not the report.
IMPRINT = re.compile(r"^The Office for Standards in Education, Children[’']s Services and Skills \(Ofsted\)")


@dataclass(frozen=True)
class Line:
    """One line of a page, or one table row, with what layout decisions need."""

    text: str
    page: int
    top: float
    bottom: float
    size: float
    bold: bool
    row: bool = False


@dataclass(frozen=True)
class Block:
    """A paragraph, heading or table row, joined back from its lines."""

    text: str
    page: int
    size: float
    row: bool


def check_pdf_bytes(source: str, data: bytes) -> None:
    """Refuse what is not a whole PDF before pdfminer guesses at it."""
    if not data.strip():
        raise ParseError(source, "empty file")
    if PDF_MAGIC not in data[:MAGIC_WINDOW]:
        raise ParseError(source, f"not a PDF (starts with {data.lstrip()[:16]!r}); check what was saved")
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise ParseError(source, "truncated PDF (no %%EOF at the end); download it again")


def _unwrap(err: Exception) -> BaseException:
    """pdfplumber wraps pdfminer's errors in PdfminerException; the original says what went wrong."""
    if isinstance(err, PdfminerException) and err.args and isinstance(err.args[0], BaseException):
        return err.args[0]
    return err


def _broken(source: str, err: Exception) -> ParseError:
    cause = _unwrap(err)
    if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
        return ParseError(source, "encrypted PDF; save an unencrypted copy and ingest that")
    detail = f": {cause}" if str(cause) else ""
    return ParseError(source, f"corrupt PDF ({cause.__class__.__name__}{detail}); download it again")


def _open(source: str, data: bytes) -> pdfplumber.PDF:
    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as err:  # pdfminer raises many unrelated types on broken files
        raise _broken(source, err) from err


def _style(chars: Sequence[dict[str, Any]]) -> tuple[float, bool]:
    """Size and weight of a line from its letters (a bullet's symbol font would mislead)."""
    letters = [c for c in chars if c["text"].isalnum()] or list(chars)
    size = Counter(round(float(c["size"]), 1) for c in letters).most_common(1)[0][0]
    bold = 2 * sum("bold" in str(c["fontname"]).lower() for c in letters) > len(letters)
    return size, bold


def join_wrapped(parts: Iterable[str]) -> str:
    """Lines of one paragraph or table cell as one string: "decision-" + "making" keeps its hyphen."""
    text = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if text.endswith("\u00ad"):
            text = text[:-1] + part
        elif text.endswith("-") and len(text) > 1 and text[-2].isalpha() and part[0].islower():
            text += part
        else:
            text = f"{text} {part}" if text else part
    return text


def clean_line(text: str) -> str:
    """Without glyphs the font could not map to text ("(cid:127)"), which are bullets and dingbats."""
    return " ".join(UNMAPPED_GLYPH.sub(" ", text).split())


def _row_text(row: Sequence[str | None]) -> str:
    cells = (join_wrapped(clean_line(part) for part in (c or "").splitlines()) for c in row)
    return " | ".join(cell for cell in cells if cell)


def _is_table(cells: Sequence[Sequence[str | None]]) -> bool:
    """A grid (every filled row has two or more cells) or several rows of two or more cells.

    pdfplumber also finds "tables" in the rules round a framed paragraph (one column) and round a
    shaded two-line heading (a row of one cell over "families: | outstanding", in one bench report).
    A grid of one row is kept: it is the end of a table that ran over a page break.
    """
    filled = [sum(1 for c in row if c and c.strip()) for row in cells]
    wide = sum(1 for n in filled if n >= 2)
    return wide >= MIN_TABLE_ROWS or (wide >= 1 and all(n >= 2 for n in filled if n))


def _tables(page: Any, number: int) -> list[tuple[tuple[float, float, float, float], list[Line]]]:
    """Ruled tables as rows, one Line each, placed where the table stands."""
    found = []
    for table in page.find_tables():
        cells = table.extract()
        if not _is_table(cells):
            continue
        x0, top, x1, bottom = table.bbox
        rows = [
            Line(text, number, top + i * 0.01, top + i * 0.01, 0.0, False, row=True)
            for i, text in enumerate(_row_text(row) for row in cells)
            if text
        ]
        found.append(((x0, top, x1, bottom), rows))
    return found


def _inside(line: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    middle = (line["top"] + line["bottom"]) / 2
    return top - 1 <= middle <= bottom + 1 and line["x0"] < x1 and line["x1"] > x0


def page_lines(page: Any, number: int) -> list[Line]:
    """A page's lines in reading order, each table standing as its rows where it stood."""
    tables = _tables(page, number)
    lines = [row for _, rows in tables for row in rows]
    for raw in page.extract_text_lines(return_chars=True):
        text = clean_line(raw["text"])
        if text and not any(_inside(raw, box) for box, _ in tables):
            size, bold = _style(raw["chars"])
            lines.append(Line(text, number, raw["top"], raw["bottom"], size, bold))
    return sorted(lines, key=lambda line: line.top)


def read_pages(source: str, data: bytes, info: dict[str, Any] | None = None) -> list[list[Line]]:
    """The lines of every page; ``info``, when given, receives the document's metadata dictionary."""
    check_pdf_bytes(source, data)
    pdf = _open(source, data)
    try:
        with pdf:
            if info is not None:
                info.update(pdf.metadata or {})
            pages = [page_lines(page, number) for number, page in enumerate(pdf.pages, start=1)]
    # pdfminer raises many unrelated types on broken streams, and pdfplumber's close() walks the
    # pages again, so a broken page tree raises a second time on leaving the ``with``.
    except Exception as err:
        raise _broken(source, err) from err
    if not pages:
        raise ParseError(source, "PDF has no pages")
    return pages


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()))


def body_size(pages: Sequence[Sequence[Line]]) -> float:
    sizes = Counter(line.size for lines in pages for line in lines if not line.row)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def drop_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Without running heads, feet and page numbers; a title on the front page stays."""
    edges = [lines[:RUNNING_EDGE_LINES] + lines[-RUNNING_EDGE_LINES:] for lines in pages]
    counts: Counter[str] = Counter()
    for edge in edges:
        counts.update({_shape(line.text) for line in edge if not line.row})
    need = max(2, ceil(len(pages) * RUNNING_LINE_SHARE))
    running = {text for text, n in counts.items() if n >= need}
    title_size = body_size(pages) + HEADING_STEP
    kept = []
    for lines, edge in zip(pages, edges, strict=True):
        furniture = {
            id(line)
            for line in edge
            if not line.row
            and (
                PAGE_NUMBER.match(line.text)
                or (_shape(line.text) in running and not (line.page == 1 and line.size > title_size))
            )
        }
        kept.append([line for line in lines if id(line) not in furniture])
    return kept


def _continues(previous: Line, line: Line) -> bool:
    """Whether ``line`` carries on the paragraph or heading that ``previous`` belongs to."""
    if line.row or previous.row or previous.bold != line.bold:
        return False
    if abs(previous.size - line.size) > SIZE_TOLERANCE:
        return False
    if NEW_ITEM.match(line.text) or FIELD_LABEL.match(line.text) or FIELD_LABEL.match(previous.text):
        return False
    if line.page != previous.page:  # a paragraph runs on over the page break
        return not previous.text.endswith(TERMINAL)
    return line.top - previous.bottom <= PARAGRAPH_GAP * line.size


def _carried_on(groups: list[list[Line]], line: Line) -> list[Line] | None:
    """The group ``line`` carries on: the last one or, over a page break, the paragraph that the
    previous page's footnotes (smaller type at its foot) stand after."""
    for group in reversed(groups):
        last = group[-1]
        if _continues(last, line):
            return group
        if last.row or last.page == line.page or last.size >= line.size - SIZE_TOLERANCE:
            return None
    return None


def paragraphs(pages: Iterable[Iterable[Line]]) -> list[Block]:
    groups: list[list[Line]] = []
    for line in (line for lines in pages for line in lines):
        group = _carried_on(groups, line)
        if group is None:
            groups.append([line])
        else:
            group.append(line)
    return [Block(join_wrapped(ln.text for ln in g), g[0].page, g[0].size, g[0].row) for g in groups]


def drop_imprint(blocks: list[Block]) -> list[Block]:
    """Ofsted's closing page says who Ofsted is and where it lives; it yields nothing about the report."""
    last = blocks[-1].page if blocks else 0
    for index, block in enumerate(blocks):
        if block.page == last and IMPRINT.match(block.text):
            return blocks[:index]
    return blocks


@dataclass(frozen=True)
class Layout:
    """A document's blocks in reading order, furniture gone, the size of its body text, and the
    day its metadata says the file was made (``YYYY-MM-DD``), if it says."""

    blocks: list[Block]
    body_size: float
    created: str | None = None


# "D:20231214153117+00'00'": a PDF date string (ISO 32000-1, 7.9.4); only the day is read.
PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})(\d{2})")
# How long after its inspection ended a report's file may be made and still date its publication:
# ILACS and SIF reports are published within weeks; a file made later is a re-save, not the report.
PUBLICATION_AFTER_INSPECTION_DAYS = 120


def pdf_day(value: object) -> str | None:
    """The day of a PDF metadata date, or None for a missing or impossible one."""
    if isinstance(value, bytes):
        value = value.decode("latin-1", errors="replace")
    match = PDF_DATE.match(value.strip()) if isinstance(value, str) else None
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None


def read_layout(source: str, data: bytes) -> Layout:
    info: dict[str, Any] = {}
    pages = drop_running_lines(read_pages(source, data, info))
    return Layout(drop_imprint(paragraphs(pages)), body_size(pages), pdf_day(info.get("CreationDate")))


def report_publication(report: InspectionReport, created: str | None) -> tuple[str | None, str | None]:
    """A report's publication date and where it came from: the front page's, else the day the file
    was made when that is soon after the inspection ended (the report's own inspection dates say
    when; ILACS front pages state no publication date)."""
    if report.published:
        return report.published, "text"
    _, end = inspection_days(report.inspection_dates) if report.inspection_dates else (None, None)
    if created and end and len(end) == 10:
        gap = (date.fromisoformat(created) - date.fromisoformat(end)).days
        if 0 <= gap <= PUBLICATION_AFTER_INSPECTION_DAYS:
            return created, "pdf metadata"
    return None, None


def inspection_report(layout: Layout) -> InspectionReport | None:
    """The front page's facts, if the document is an Ofsted ILACS or SIF report."""
    front = [b for b in layout.blocks if b.page == 1]
    titles = [b.text for b in front[:4] if not b.row and b.size > layout.body_size + HEADING_STEP]
    rows = [b.text for b in layout.blocks if b.row]
    return read_front_page(titles, [b.text for b in front], rows)


def parse_pdf(source: str, data: bytes, url: str | None = None) -> ParsedDocument:
    """The document's text and, for an Ofsted report, its front page's facts; ParseError for what
    cannot be read."""
    layout = read_layout(source, data)
    text = "\n".join(block.text for block in layout.blocks).strip()
    if not text:
        raise ParseError(source, "PDF has no extractable text (a scanned image? run OCR first)")
    report = inspection_report(layout)
    if report is None:
        title, published = layout.blocks[0].text, published_from_text(text)
        published_from = "text" if published else None
    else:
        LOGGER.debug("%s: %s report, %s, %s", source, report.framework, report.authority, report.inspection_dates)
        title = report.title
        published, published_from = report_publication(report, layout.created)
    return ParsedDocument(
        source=source,
        text=text,
        title=title,
        published=published,
        published_from=published_from,
        url=url,
        kind="pdf",
        report=report_facts(report) if report else None,
    )
