"""Local files: folders, globs and sidecar metadata."""

from __future__ import annotations

import errno
import glob
import json
import os
import stat
from pathlib import Path

from pipeline.errors import FetchError
from pipeline.fetch.metadata import checked_metadata
from pipeline.records import RawDocument
from pipeline.settings import SETTINGS

DOCUMENT_SUFFIXES = {".txt", ".html", ".htm", ".pdf", ".text", ".xhtml", ""}
SIDECAR_SUFFIX = ".meta.json"
# A sidecar holds three short fields; anything bigger is not one (or is a device such as /dev/zero).
MAX_SIDECAR_BYTES = 64 * 1024


def expand_paths(pattern: str) -> list[str]:
    """A file, a folder (every document in it, recursively) or a glob, in a stable order."""
    path = Path(pattern)
    if path.is_file():
        return [pattern]  # an existing name wins, even one with glob characters ("a [1].txt")
    if path.is_dir():
        found = [p for p in sorted(path.rglob("*")) if (p.is_file() or _is_broken_link(p)) and _is_document(p)]
        return [str(p) for p in found]
    if any(ch in pattern for ch in "*?["):
        return [p for p in sorted(glob.glob(pattern, recursive=True)) if Path(p).is_file()]
    return [pattern]


def _is_broken_link(path: Path) -> bool:
    """A link that leads nowhere (dangling, or a loop) is kept, so reading it reports why, not skipped in silence."""
    return path.is_symlink() and not path.exists()


def _is_document(path: Path) -> bool:
    if path.name.endswith(SIDECAR_SUFFIX) or path.name.startswith("."):
        return False
    return path.suffix.lower() in DOCUMENT_SUFFIXES or path.suffix.lower() in {".bin", ".dat"}


def read_file(source: str, max_bytes: int = SETTINGS.max_document_bytes) -> RawDocument:
    path = Path(source)
    data = _read_regular(source, path, max_bytes, "file")
    if data is None:
        raise FetchError(source, "no such file; check the path")
    try:
        meta = read_sidecar(path)
    except FetchError as err:  # the document fails with it, named first, so the line says which
        raise FetchError(source, f"sidecar {err.source}: {err.reason}") from err
    return RawDocument(source=source, data=data, meta=meta)


def _read_regular(source: str, path: Path, max_bytes: int, what: str) -> bytes | None:
    """The bytes of a regular file of at most ``max_bytes``, or None when there is nothing there.

    Checked before it is opened, so a FIFO (which blocks on open), a device (``/dev/zero`` never
    ends) or a directory is refused by what it is, and a symlink loop is named as one."""
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise FetchError(source, f"the {what} is a symbolic link to nothing ({os.readlink(path)}); fix or remove the link") from None
        return None
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise FetchError(source, f"the {what} is a symbolic link loop (following it never reaches a file); fix or remove the link") from err
        raise FetchError(source, f"the {what} cannot be read ({err.strerror})") from err
    if not stat.S_ISREG(info.st_mode):
        raise FetchError(source, f"the {what} is not a regular file but {_kind_of(info.st_mode)}; only regular files are read")
    if info.st_size > max_bytes:
        raise FetchError(source, f"too large ({info.st_size:,} bytes; the limit is {max_bytes:,})")
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as err:
        raise FetchError(source, f"the {what} cannot be read ({err.strerror})") from err
    if len(data) > max_bytes:  # it grew after the check
        raise FetchError(source, f"too large (over {max_bytes:,} bytes)")
    return data


def _kind_of(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "something else"


def read_sidecar(path: Path) -> dict[str, str]:
    """``NAME.meta.json`` beside ``NAME.txt`` carries metadata the text lacks (published, url, title).
    A sidecar that is not a small regular file, not JSON, or holds a wrong value fails the document:
    its metadata would outrank what the document says, so it is never guessed around."""
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    data = _read_regular(str(sidecar), sidecar, MAX_SIDECAR_BYTES, "sidecar")
    if data is None:
        return {}
    try:
        meta = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as err:
        raise FetchError(str(sidecar), f"not valid JSON ({err}); fix it or remove it") from err
    if not isinstance(meta, dict):
        raise FetchError(str(sidecar), "must hold a JSON object such as {\"published\": \"2014-06-19\"}; fix it or remove it")
    try:
        return checked_metadata(meta)
    except ValueError as err:
        raise FetchError(str(sidecar), f"{err}; fix it or remove it") from err
