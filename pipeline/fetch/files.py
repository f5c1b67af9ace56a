"""Local files: folders, globs and sidecar metadata."""

from __future__ import annotations

import glob
import json
from pathlib import Path

from pipeline.errors import FetchError
from pipeline.records import RawDocument
from pipeline.settings import SETTINGS

DOCUMENT_SUFFIXES = {".txt", ".html", ".htm", ".pdf", ".text", ".xhtml", ""}
SIDECAR_SUFFIX = ".meta.json"


def expand_paths(pattern: str) -> list[str]:
    """A file, a folder (every document in it, recursively) or a glob, in a stable order."""
    path = Path(pattern)
    if path.is_file():
        return [pattern]  # an existing name wins, even one with glob characters ("a [1].txt")
    if path.is_dir():
        found = [p for p in sorted(path.rglob("*")) if p.is_file() and _is_document(p)]
        return [str(p) for p in found]
    if any(ch in pattern for ch in "*?["):
        return [p for p in sorted(glob.glob(pattern, recursive=True)) if Path(p).is_file()]
    return [pattern]


def _is_document(path: Path) -> bool:
    if path.name.endswith(SIDECAR_SUFFIX) or path.name.startswith("."):
        return False
    return path.suffix.lower() in DOCUMENT_SUFFIXES or path.suffix.lower() in {".bin", ".dat"}


def read_file(source: str, max_bytes: int = SETTINGS.max_document_bytes) -> RawDocument:
    path = Path(source)
    if not path.exists():
        raise FetchError(source, "no such file; check the path")
    if not path.is_file():
        raise FetchError(source, "not a regular file")
    size = path.stat().st_size
    if size > max_bytes:
        raise FetchError(source, f"too large ({size:,} bytes; the limit is {max_bytes:,})")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise FetchError(source, f"cannot be read ({err.strerror})") from err
    return RawDocument(source=source, data=data, meta=read_sidecar(path))


def read_sidecar(path: Path) -> dict[str, str]:
    """``NAME.meta.json`` beside ``NAME.txt`` carries metadata the text lacks (published, url, title)."""
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise FetchError(str(sidecar), f"sidecar is not valid JSON ({err})") from err
    if not isinstance(meta, dict):
        raise FetchError(str(sidecar), "sidecar must hold a JSON object")
    return {k: str(v) for k, v in meta.items() if k in {"published", "url", "title"} and v}
