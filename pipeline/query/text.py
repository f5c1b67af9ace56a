"""Stored text made safe to show: file names and document text may hold anything.

A document's text and a file's name come from whoever wrote them: a newline or carriage return
can forge an output line, an escape sequence ("\\x1b[2J") can clear or retitle the terminal, a
bidi override can reorder what is read, and in Markdown an HTML tag or a link is live when the
page is rendered. Terminal output escapes what is not printable; Markdown output escapes HTML
and the characters that would start Markdown syntax.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

# What starts Markdown syntax in running text (emphasis, code, links and images, strikethrough,
# table cells, backslash escapes); "_" only at a word's edge, since inside a word
# (children_in_care) it is plain text in CommonMark.
MARKDOWN_SYNTAX = re.compile(r"[\\`*\[\]~|]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")


# Everything but a newline and printable ASCII: the characters worth a second look in JSON output.
NOT_PLAIN_ASCII = re.compile(r"[^\n -~]")


def one_line(text: str) -> str:
    """Text as is, except that what a terminal would act on (control characters, escapes, line and
    paragraph separators, bidi and zero-width marks) is shown as its Python escape: ``\\n``, ``\\x1b``."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def prose(text: str) -> str:
    """Running text (evidence, snippets) on one line: its line breaks are layout, so they become
    spaces; anything else unprintable is escaped."""
    return one_line(" ".join(text.split()))


def markdown_text(text: str) -> str:
    """Running text as literal Markdown: one line, HTML escaped, Markdown syntax backslash-escaped."""
    return _literal_markdown(prose(text))


def markdown_name(text: str) -> str:
    """A name (file path, URL, authority) as literal Markdown; a line break in it is shown, not flowed."""
    return _literal_markdown(one_line(text))


def _literal_markdown(text: str) -> str:
    return MARKDOWN_SYNTAX.sub(lambda m: "\\" + m.group(), html.escape(text, quote=False))


def inert_json(text: str) -> str:
    """JSON text in which every character a terminal would act on (controls, DEL, C1, separators,
    bidi marks; json.dumps escapes only C0) is written as its \\u escape: the same data, inert on a screen."""
    return NOT_PLAIN_ASCII.sub(_json_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    ch = match.group()
    if ch.isprintable():
        return ch
    raw = ch.encode("utf-16-be")
    return "".join(f"\\u{int.from_bytes(raw[i:i + 2], 'big'):04x}" for i in range(0, len(raw), 2))


def dumps(value: Any, indent: int | None = 2) -> str:
    """json.dumps for output that may land on a terminal (see inert_json)."""
    return inert_json(json.dumps(value, indent=indent, ensure_ascii=False))



# A spreadsheet reads a cell that starts with one of these as a formula ("=HYPERLINK(…)").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(text: str) -> str:
    """Text a spreadsheet shows as text: a leading formula character gets an apostrophe before it,
    which spreadsheets hide (OWASP's advice for CSV injection). Dates and numbers never start so."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """RFC 4180 text for a spreadsheet: a header row, fields quoted when they need it, CRLF ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()
