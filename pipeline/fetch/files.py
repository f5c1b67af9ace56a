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

DOCUMENT_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".text", ".pdf", "")
# Taken as documents too, so that a binary dump is refused with its reason rather than skipped.
SUSPECT_SUFFIXES = {".bin", ".dat"}
SIDECAR_SUFFIX = ".meta.json"
# A sidecar holds three short fields; anything bigger is not one (or is a device such as /dev/zero).
MAX_SIDECAR_BYTES = 64 * 1024
LOOKED_FOR = ", ".join(DOCUMENT_SUFFIXES[:-1]) + " and files without a suffix"


def expand_paths(pattern: str) -> list[str]:
    """A file, a folder (every document in it, recursively) or a glob, in a stable order."""
    return find_paths(pattern)[0]


def find_paths(pattern: str) -> tuple[list[str], list[str]]:
    """The documents a file, folder or glob names, and one-line notes on what it named besides.

    A file named by its own path is read whatever its name, since the user asked for it; a
    folder's files and a glob's matches are documents by the one rule of ``_is_document``, and
    the others are counted by kind in a note. A glob that matches nothing is kept as it is, as a
    shell would pass it, so that reading it fails with a line naming it."""
    path = Path(pattern)
    if path.is_file():
        return [pattern], []  # an existing name wins, even one with glob characters ("a [1].txt")
    if path.is_dir():
        # Hidden names (".git/", ".DS_Store") and sidecars are never documents, so they go unmentioned.
        matched = [str(p) for p in sorted(path.rglob("*")) if not _is_hidden(p.relative_to(path)) and _is_file(p)]
        empty = f"no documents in this folder (looked for {LOOKED_FOR})"
    elif is_pattern(pattern):
        matched = [p for p in sorted(glob.glob(pattern, recursive=True)) if _is_file(Path(p))]
        if not matched:
            return [pattern], []
        empty = f"no documents among the files this pattern matches (looked for {LOOKED_FOR})"
    else:
        return [pattern], []
    found = [p for p in matched if _is_document(Path(p))]
    skipped = [Path(p) for p in matched if not _is_document(Path(p)) and not _is_companion(Path(p))]
    notes = [_skipped_note(pattern, skipped)] if skipped else []
    if not found:
        notes.append(f"{pattern}: {empty}")
    return found, notes


def is_pattern(text: str) -> bool:
    return any(ch in text for ch in "*?[")


def _skipped_note(pattern: str, skipped: list[Path]) -> str:
    kinds = ", ".join(sorted({p.suffix.lower() for p in skipped}))
    files = "1 file that is not a document" if len(skipped) == 1 else f"{len(skipped)} files that are not documents"
    return f"{pattern}: skipped {files} ({kinds}); name a file by its path to ingest it anyway"


def _is_file(path: Path) -> bool:
    return path.is_file() or _is_broken_link(path)


def _is_broken_link(path: Path) -> bool:
    """A link that leads nowhere (dangling, or a loop) is kept, so reading it reports why, not skipped in silence."""
    return path.is_symlink() and not path.exists()


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _is_companion(path: Path) -> bool:
    """A sidecar (read with its document) or a hidden file: not a document, and not worth a note."""
    return path.name.endswith(SIDECAR_SUFFIX) or path.name.startswith(".")


def _is_document(path: Path) -> bool:
    if _is_companion(path):
        return False
    return path.suffix.lower() in DOCUMENT_SUFFIXES or path.suffix.lower() in SUSPECT_SUFFIXES


def read_file(source: str, max_bytes: int = SETTINGS.max_document_bytes) -> RawDocument:
    path = Path(source)
    data = _read_regular(source, path, max_bytes, "file")
    if data is None:
        if is_pattern(source):
            raise FetchError(source, "no file matches this pattern; check the folder and the pattern")
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
