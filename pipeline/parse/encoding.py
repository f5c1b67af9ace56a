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
    if b"\x00" in data[:4096] and (utf16 := utf16_without_bom(data)) is not None:
        return _checked(source, data.decode(utf16, errors="replace"))  # NULs are valid UTF-8, so before it
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


# UTF-16 text of Latin script has a NUL as the high byte of almost every character: one byte of
# each pair, always on the same side. Binary data has NULs scattered on both sides.
UTF16_NUL_SHARE = 0.6


def utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when the bytes read as UTF-16 text written without a BOM."""
    head = data[:4096]
    if len(head) < 4 or len(data) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    even_nuls, odd_nuls = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nuls >= UTF16_NUL_SHARE and even_nuls == 0:
        return "utf-16-le"
    if even_nuls >= UTF16_NUL_SHARE and odd_nuls == 0:
        return "utf-16-be"
    return None


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
