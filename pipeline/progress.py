"""Progress of a long run, per document: a bar with the current file and the time left on a
terminal; a plain line every so often when the output is a log file or a pipe."""

from __future__ import annotations

import time
from pathlib import PurePath
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

# Without a terminal, a line at most this often (seconds), and always at the end.
PLAIN_EVERY_SECONDS = 10.0


class DocumentProgress:
    """Call it with each finished source. Disabled when ``quiet`` or for fewer than two documents."""

    def __init__(self, console: Console, verb: str, total: int, quiet: bool) -> None:
        self.console, self.verb, self.total = console, verb, total
        self.enabled = not quiet and total >= 2
        self.done = 0
        self.started = self.last_line = time.monotonic()
        self.bar: Progress | None = None
        if self.enabled and console.is_terminal:
            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                TextColumn("{task.fields[name]}", style="dim"), console=console, transient=True)
            self.task = self.bar.add_task(verb, total=total, name="")

    def __enter__(self) -> DocumentProgress:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self.bar is not None:
            self.bar.stop()

    def __call__(self, source: str) -> None:
        self.done += 1
        if not self.enabled:
            return
        name = PurePath(source).name or source
        if self.bar is not None:
            self.bar.update(self.task, advance=1, name=name[-60:])
            return
        now = time.monotonic()
        if now - self.last_line >= PLAIN_EVERY_SECONDS or self.done == self.total:
            self.last_line = now
            self.console.print(self.line(now), highlight=False, markup=False, soft_wrap=True)

    def line(self, now: float) -> str:
        return self.line_after(self.done, now - self.started)

    def line_after(self, done: int, elapsed: float) -> str:
        """'ingesting: 120/1000 documents, about 6 min left', the time left at the pace so far."""
        left = ""
        if 3 <= done < self.total and elapsed > 0:  # the first documents also pay for loading spaCy
            seconds = elapsed / done * (self.total - done)
            left = f", about {seconds / 60:.0f} min left" if seconds >= 90 else f", about {seconds:.0f} s left"
        return f"{self.verb}: {done}/{self.total} documents{left}"
