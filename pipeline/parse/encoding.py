"""Bytes to str: detect the encoding, refuse what is not text."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from pipeline.errors import ParseError

# Share of control characters above which bytes are treated as binary junk rather than text.
# Real notices contain none besides whitespace; a 1% allowance tolerates a stray form feed.
MAX_CONTROL_SHARE = 0.01
# Characters that show nothing yet are not whitespace to str.strip(): a text of only these is empty.
INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"
_VISIBLE = re.compile(rf"[^\s{INVISIBLE}]")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_bytes(source: str, data: bytes, declared: str | None = None) -> str:
    """Decode text bytes, trying the BOM, the declared charset, UTF-8, then detection, then cp1252."""
    if not data.strip():
        raise ParseError(source, "empty document (no text to extract)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(source, data.decode(encoding, errors="replace"))
    candidates = [declared] if declared else []
    candidates.append("utf-8")
    for encoding in candidates:
        try:
            return _checked(source, data.decode(encoding))
        except (UnicodeDecodeError, LookupError):
            continue
    if b"\x00" in data[:4096]:
        raise ParseError(source, f"binary data, not a text document (starts with {data[:12]!r})")
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        text = str(best)
        if best.encoding not in {"utf_8", "ascii"}:
            # charset_normalizer guesses exotic code pages for short Western text; cp1252 is
            # what English publishers' legacy pages almost always are, so prefer it when it decodes.
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                pass
        return _checked(source, text)
    return _checked(source, data.decode("cp1252", errors="replace"))


def has_text(text: str) -> bool:
    """Whether the text shows anything: not only whitespace, BOMs and zero-width characters."""
    return _VISIBLE.search(text) is not None


def _checked(source: str, text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not has_text(text):
        raise ParseError(source, "empty document (no text to extract)")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\t\f\v") + text.count("\ufffd")
    if controls / len(text) > MAX_CONTROL_SHARE:
        raise ParseError(source, f"binary data, not a text document (starts with {text[:12].encode()!r})")
    return text
