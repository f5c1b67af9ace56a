"""Writing a page or export file whole: a reader never sees half of one."""

from __future__ import annotations

import errno
import os
from contextlib import suppress
from pathlib import Path

from pipeline.errors import PipelineError


def write_whole(output: Path, page: str) -> None:
    """All of the page or nothing: it is written beside its place and renamed over it, so a full
    disc or a killed run leaves no half page and an old page stays until the new one is whole;
    folders made for it are removed again if it cannot be written."""
    target = Path(os.path.realpath(output))  # through a symbolic link, to the file it names
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    made: list[Path] = []
    try:
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, "it is a folder")
        if target.exists() and not target.is_file():  # a pipe or a device (/dev/stdout) is written as it is
            target.write_bytes(page.encode("utf-8"))
            return
        for folder in reversed([f for f in target.parents if not f.exists()]):
            folder.mkdir()
            made.append(folder)
        with temporary.open("xb") as handle:
            made.append(temporary)
            handle.write(page.encode("utf-8"))
        temporary.replace(target)
    except OSError as err:
        for path in reversed(made):
            with suppress(OSError):
                (path.rmdir if path.is_dir() else path.unlink)()
        raise PipelineError(str(output), f"cannot write the page ({err.strerror or err}); choose another -o") from None
