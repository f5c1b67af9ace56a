"""Progress moves per document, not per batch, and says so in plain lines when not on a terminal."""

from __future__ import annotations

import io

from rich.console import Console

from pipeline.ingest import ingest
from pipeline.progress import DocumentProgress
from pipeline.store import open_timeline
from tests.conftest import CORPUS


def test_each_document_is_told_as_it_is_finished_within_one_batch(tmp_path) -> None:
    files = sorted((CORPUS / "documents").glob("*.txt"))[:5]
    told: list[str] = []
    counts_when_told: list[int] = []
    timeline = open_timeline(tmp_path / "t.db")

    def progress(source: str) -> None:
        told.append(source)
        counts_when_told.append(timeline.counts()["documents"])

    ingest([str(f) for f in files], timeline, batch_size=16, progress=progress)
    assert sorted(told) == sorted(str(f) for f in files)
    assert counts_when_told == [0] * 5, "told while the batch was still being extracted, before it was stored"


def test_without_a_terminal_a_plain_line_says_how_far_and_how_long() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=False, width=200)
    with DocumentProgress(console, "ingesting", 3, quiet=False) as progress:
        for name in ("a.txt", "b.txt", "c.txt"):
            progress(f"/data/{name}")
    assert out.getvalue().strip().splitlines()[-1] == "ingesting: 3/3 documents"
    assert "about 2 s left" in DocumentProgress(console, "ingesting", 4, quiet=False).line_after(3, elapsed=6.0)


def test_quiet_or_a_single_document_prints_nothing() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=False)
    for total, quiet in ((5, True), (1, False)):
        with DocumentProgress(console, "ingesting", total, quiet=quiet) as progress:
            progress("a.txt")
    assert out.getvalue() == ""
