"""Parse: bytes to a ParsedDocument (main text, title, publication date)."""

from __future__ import annotations

import re

from pipeline.parse.encoding import decode_bytes
from pipeline.parse.html import parse_html
from pipeline.parse.limits import check_length
from pipeline.parse.published import normalise_iso
from pipeline.parse.text import parse_text
from pipeline.records import ParsedDocument, RawDocument

_HTML_START = re.compile(rb"^\s*(?:<!doctype html|<html|<head|<body|<!--|<meta|<div|<p\b|<article)", re.IGNORECASE)


def sniff_kind(raw: RawDocument) -> str:
    """What the bytes are, from the bytes first and the name or content type second."""
    head = raw.data[:2048]
    if head.startswith(b"%PDF-") or raw.source.lower().endswith(".pdf") or raw.content_type == "application/pdf":
        return "pdf"  # a .pdf that is not one fails in the PDF parser with a message saying what it is
    if _HTML_START.search(head) or (raw.content_type or "").startswith("text/html"):
        return "html"
    return "text"


def parse_document(raw: RawDocument) -> ParsedDocument:
    kind = sniff_kind(raw)
    if kind == "pdf":
        from pipeline.parse.pdf import parse_pdf

        parsed = parse_pdf(raw.source, raw.data, url=raw.url)
    else:
        text = decode_bytes(raw.source, raw.data)
        parsed = parse_html(raw.source, text, raw.url) if kind == "html" else parse_text(raw.source, text, raw.url)
    check_length(parsed)
    return apply_user_metadata(parsed, raw.meta)


def apply_user_metadata(parsed: ParsedDocument, meta: dict[str, str]) -> ParsedDocument:
    """What the user states (``--published``, sidecar) outranks what the document implies."""
    updates: dict[str, str | None] = {}
    if published := normalise_iso(meta.get("published")):
        updates.update(published=published, published_from="user")
    if meta.get("url"):
        updates["url"] = meta["url"]
    if meta.get("title"):
        updates["title"] = meta["title"]
    return parsed.model_copy(update=updates) if updates else parsed


__all__ = ["parse_document", "sniff_kind"]
