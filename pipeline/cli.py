"""The ``timeline`` command: a thin skin over the library. The only place logging is configured."""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from pipeline.errors import PipelineError, StoreError
from pipeline.query.labels import AREA_LABELS
from pipeline.query.text import dumps, inert_json, one_line, prose
from pipeline.settings import DEFAULT_DB

if TYPE_CHECKING:
    from pipeline.progress import DocumentProgress
    from pipeline.records import IngestFailure

ERR = Console(stderr=True)
OUT = Console()
db_option = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_DB, show_default=True,
    help="The timeline database.",
)


workers_option = click.option(
    "--workers", "-j", type=click.IntRange(min=0), default=1, show_default=True,
    help="Processes that parse and extract in parallel, each with its own spaCy pipeline; 0 means one per core.",
)


DATE_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"
_DATE_BOUND = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def _date_bound(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--from`` and ``--to`` of every read command: a real year, month or day, and ``--from`` not
    after ``--to``. A wrong one would match nothing and pass for an empty timeline (exit 2)."""
    from pipeline.query.search import shortened

    if value is None:
        return None
    shown = repr(shortened(value, 40))
    match = _DATE_BOUND.fullmatch(value.strip())
    if match is None:
        raise click.BadParameter(f"{shown} is not a date; use {DATE_FORMS}, such as 2013, 2013-11 or 2013-11-21")
    try:
        date(*(int(part or 1) for part in match.groups()))
    except ValueError as err:
        raise click.BadParameter(f"{shown} is not a real date ({err}); use {DATE_FORMS}") from None
    since, until = (ctx.params.get("since"), match[0]) if param.name == "until" else (match[0], ctx.params.get("until"))
    # A year or month stands for all of it: --from 2013-05 --to 2013 is May to December 2013.
    if since and until and since[: len(until)] > until[: len(since)]:
        raise click.BadParameter(f"--from {since} is after --to {until}; swap them")
    return match[0]


since_option = click.option("--from", "since", metavar="DATE", callback=_date_bound,
                            help=f"Only what is dated on or after this date ({DATE_FORMS}).")
until_option = click.option("--to", "until", metavar="DATE", callback=_date_bound,
                            help="Only what is dated on or before this date; a year or a month counts whole.")


def _user_date(value: str | None) -> str | None:
    """A date the user states outranks every document's own: refuse one that cannot be right (exit 2)."""
    from pipeline.fetch.metadata import user_date

    if value is None:
        return None
    try:
        return user_date(value)
    except ValueError as err:
        raise click.BadParameter(one_line(str(err))) from None


def _workers(workers: int) -> int:
    return workers or os.cpu_count() or 1


def _fail(err: PipelineError) -> None:
    ERR.print("[red]error:[/red] " + escape(one_line(str(err))), highlight=False, markup=True, soft_wrap=True)
    sys.exit(1)


def _note(text: str) -> None:
    """One line on stderr beside the output: why a result is empty, or what was left out."""
    ERR.print(one_line(text), highlight=False, markup=False, soft_wrap=True)


def _echo_csv(text: str) -> None:
    """CSV goes out as UTF-8 bytes whatever the terminal's encoding, and its CRLF line ends as they
    are, so a spreadsheet reads every name and quotation mark the same."""
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()


@contextmanager
def reported_errors() -> Iterator[None]:
    """A PipelineError becomes one line naming its source, and exit status 1."""
    try:
        yield
    except PipelineError as err:
        _fail(err)


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Log what the stages do.")
def main(verbose: bool) -> None:
    """Turn press notices and inspection reports about children's services into a cited timeline."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.ERROR, format="%(levelname)s %(name)s: %(message)s")


def _report(report, db_path: Path, quiet: bool) -> None:
    for failure in report.failures:
        _note(f"{failure.source}: {failure.reason}")
    if not quiet:
        _note(f"{len(report.stored)} stored, {len(report.unchanged)} unchanged, {len(report.failures)} failed -> {db_path}")
    sys.exit(1 if report.failures else 0)


def _progress(verb: str, total: int, quiet: bool) -> DocumentProgress:
    from pipeline.progress import DocumentProgress

    return DocumentProgress(ERR, verb, total, quiet)


@main.command()
@click.argument("inputs", nargs=-1)
@db_option
@click.option("--feed", "feeds", multiple=True, metavar="URL", help="An RSS/Atom feed or sitemap whose items to ingest (saved for `update`).")
@click.option("--published", metavar="YYYY-MM-DD", callback=lambda _ctx, _param, value: _user_date(value),
              help="Publication date for the files of this call that give none.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, notes or summary; failures are still printed.")
@workers_option
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True,
              help="Documents that go through spaCy together and are stored in one transaction.")
def ingest(inputs: tuple[str, ...], db_path: Path, feeds: tuple[str, ...], published: str | None, quiet: bool, workers: int, batch_size: int) -> None:
    """Ingest files, folders, globs and URLs into the timeline.

    A folder or a glob takes the documents among its files (.html, .htm, .xhtml, .txt, .text, .pdf
    and files without a suffix) and notes the others; a file named by its path is always read.
    Exit status 1 if any input failed, a glob that matches no file included; a folder with no
    document in it is a note, not a failure."""
    from pipeline.fetch import expand_inputs
    from pipeline.ingest import ingest as run_ingest
    from pipeline.store import open_timeline

    if not inputs and not feeds:
        raise click.UsageError("give at least one path, URL or --feed")
    expansion = expand_inputs(inputs)
    for note in [] if quiet else expansion.notes:
        _note(note)
    with reported_errors():
        timeline = open_timeline(db_path)
        total = len(expansion.sources)
        with _progress("ingesting", total, quiet) as progress:
            report = run_ingest(inputs, timeline, published=published, feeds=feeds, workers=_workers(workers), batch_size=batch_size,
                                progress=progress)
    _report(report, db_path, quiet)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for the shards (shard-00000.jsonl, …) and failures.jsonl.")
@click.option("--published", metavar="YYYY-MM-DD", callback=lambda _ctx, _param, value: _user_date(value),
              help="Publication date for the files of this call that give none.")
@click.option("--quiet", "-q", is_flag=True)
@click.option("--dask", "dask_workers", type=click.IntRange(min=1), metavar="N",
              help="Run on a local Dask cluster of N worker processes (needs the 'cluster' extra).")
@click.option("--scheduler", metavar="ADDRESS", help="Run on the Dask cluster at this scheduler (tcp://host:8786).")
def extract(inputs: tuple[str, ...], out: Path, published: str | None, quiet: bool, dask_workers: int | None,
            scheduler: str | None) -> None:
    """Parse and extract files, folders, globs and URLs into JSON Lines shards of full records,
    without a database (for another machine or a cluster); `timeline load` stores them.
    Exit status 1 if any input failed."""
    from pipeline.fetch import expand_inputs
    from pipeline.ingest.shards import extract_shards

    expansion = expand_inputs(inputs)
    for note in [] if quiet else expansion.notes:
        _note(note)
    if dask_workers or scheduler:
        from pipeline.ingest.cluster import extract_on_dask

        with reported_errors():
            try:
                report = extract_on_dask(expansion.sources, out, published=published, scheduler=scheduler,
                                         workers=dask_workers or 2)
            except RuntimeError as err:
                raise click.UsageError(str(err)) from None
    else:
        with reported_errors(), _progress("extracting", len(expansion.sources), quiet) as progress:
            report = extract_shards(expansion.sources, out, published=published, done=progress)
    _finish(report.failures, f"{report.written} documents in {len(report.shards)} shards, {len(report.failures)} failed -> {out}", quiet)


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option
@click.option("--quiet", "-q", is_flag=True)
def load(folder: Path, db_path: Path, quiet: bool) -> None:
    """Store the shards `timeline extract` wrote into the timeline, in batches; loading the same
    shards again changes nothing. Their failures are recorded as ingest's are (exit status 1)."""
    from pipeline.ingest.shards import load_shards
    from pipeline.store import open_timeline

    with reported_errors():
        report = load_shards(folder, open_timeline(db_path))
    _finish(report.failures, f"{report.stored} stored, {len(report.failures)} failed -> {db_path}", quiet)


def _finish(failures: list[IngestFailure], summary: str, quiet: bool) -> None:
    """Each failure in one line, the summary unless quiet, and exit status 1 if anything failed."""
    for failure in failures:
        _note(f"{failure.source}: {failure.reason}")
    if not quiet:
        _note(summary)
    sys.exit(1 if failures else 0)


@main.command()
@db_option
@click.option("--quiet", "-q", is_flag=True, help="No notes or summary; failures are still printed.")
@workers_option
def update(db_path: Path, quiet: bool, workers: int) -> None:
    """Poll saved feeds, sitemaps and pages again; ingest only what is new or changed.

    Exit status 1 if any source failed or there is no database; nothing saved to poll is a note, not a failure."""
    from pipeline.ingest import update as run_update
    from pipeline.store import open_timeline

    with reported_errors():
        if not db_path.exists():  # not created here: it would hold nothing to update
            raise StoreError(str(db_path), "no timeline database here; ingest a URL or a --feed first, or point --db at yours")
        timeline = open_timeline(db_path)
        if not timeline.sources():
            if not quiet:
                _note(f"{db_path}: nothing saved to update; ingest a URL or a --feed first")
            return
        report = run_update(timeline, workers=_workers(workers))
    _report(report, db_path, quiet)


@main.command()
@db_option
@click.option("--quiet", "-q", is_flag=True)
@workers_option
def reextract(db_path: Path, quiet: bool, workers: int) -> None:
    """Run extraction again on every stored document (after the models change)."""
    from pipeline.ingest import reextract as run_reextract
    from pipeline.store import open_timeline

    with reported_errors():
        timeline = open_timeline(db_path)
        with _progress("re-extracting", timeline.counts()["documents"], quiet) as progress:
            report = run_reextract(timeline, progress=progress, workers=_workers(workers))
    _report(report, db_path, quiet)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--jsonl", is_flag=True, default=True, help="One JSON object per input (the default and only form).")
def parse(inputs: tuple[str, ...], jsonl: bool) -> None:
    """Print each input's title, publication date and main text; no extraction, no database."""
    from pipeline.fetch import expand_inputs, read_source
    from pipeline.fetch.http import HttpFetcher, is_url
    from pipeline.parse import parse_document

    failed = False
    expansion = expand_inputs(inputs)
    for note in expansion.notes:
        _note(note)
    with HttpFetcher() as fetcher:
        for source in expansion.sources:
            try:
                raw = fetcher.fetch(source).document if is_url(source) else read_source(source)
                if raw is None:
                    continue
                parsed = parse_document(raw)
            except PipelineError as err:
                ERR.print(str(err), highlight=False, markup=False, soft_wrap=True)
                failed = True
                continue
            click.echo(json.dumps({"source": source, "title": parsed.title, "published": parsed.published,
                                   "published_from": parsed.published_from, "text": parsed.text}, ensure_ascii=False))
    sys.exit(1 if failed else 0)


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
def export(db_path: Path, fmt: str) -> None:
    """Print one spec record per document (JSON Lines)."""
    from pipeline.store import read_timeline

    with reported_errors():
        timeline = read_timeline(db_path)
    for record in timeline.records():
        click.echo(inert_json(record.model_dump_json(exclude={"authorities": {"__all__": set()}})))


def _events(db_path: Path, authority: str, since: str | None, until: str | None):
    from pipeline.query.events import merge_events
    from pipeline.query.timeline import authority_timeline
    from pipeline.store import read_timeline

    return merge_events(authority_timeline(read_timeline(db_path), authority, since, until))


@main.command()
@click.argument("authority")
@db_option
@since_option
@until_option
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "markdown", "timelinejs"]), default="table", show_default=True,
              help="csv: UTF-8 with a header row and RFC 4180 quoting, for a spreadsheet; timelinejs: a JSON file for TimelineJS (timeline.knightlab.com).")
def show(authority: str, db_path: Path, since: str | None, until: str | None, fmt: str) -> None:
    """An authority's judgements and actions in date order, across its lineage, each with its sources."""
    from pipeline.query.export import events_csv, events_json, events_markdown, events_timelinejs

    with reported_errors():
        events = _events(db_path, authority, since, until)
    if fmt == "csv":
        _echo_csv(events_csv(events))
        return
    if fmt != "table":
        render = {"json": lambda: events_json(events), "markdown": lambda: events_markdown(authority, events),
                  "timelinejs": lambda: events_timelinejs(authority, events)}[fmt]
        click.echo(render(), nl=False)
        return
    # Cells are Text, not strings, so that brackets in a document are never read as Rich markup.
    table = Table(title=Text(f"{one_line(authority)}: {len(events)} events"), show_lines=True, expand=True)
    for column, ratio in (("date", 1), ("authority", 1), ("event", 2), ("evidence", 5), ("sources", 2)):
        table.add_column(column, overflow="fold", ratio=ratio)
    for e in events:
        when = one_line(e.date_label) + (f"\n{e.date_kind}" if e.date_kind else "")
        when += " (publication)" if e.date_basis == "publication" else ""
        if len(e.dates) > 1:
            when += "\n(also " + ", ".join(one_line(d) for d in e.dates if d != e.date) + ")"
        what = Text(one_line(e.label))
        if e.conflicts:
            what.append("\nconflicts with: " + "; ".join(one_line(c) for c in e.conflicts), style="red")
        table.add_row(Text(when), Text(one_line(e.authority)), what, Text(prose(e.citations[0].evidence)),
                      Text("\n".join(sorted({one_line(c.url or c.source) for c in e.citations}))))
    Console(width=max(OUT.width, 140)).print(table)
    if any(e.sort_date is None for e in events):
        ERR.print("undated events are listed last: their documents never say when", highlight=False, markup=False)


@main.command()
@click.argument("query")
@db_option
@click.option("--authority", help="Only facts about this authority (and its predecessors and successors).")
@click.option("--kind", type=click.Choice(["judgement", "action", "document"]), help="Only this kind of hit.")
@since_option
@until_option
@click.option("--limit", default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="csv: the table's columns, UTF-8 with a header row and RFC 4180 quoting.")
def search(query: str, db_path: Path, authority: str | None, kind: str | None, since: str | None, until: str | None,
           limit: int, fmt: str) -> None:
    """Full-text search over evidence sentences and document text, with [highlighted] snippets.

    Words in double quotes must appear together as written ("improvement notice"); a bare word
    also finds its other forms (commissioner finds commissioners). No match is a note on stderr
    and exit status 0."""
    from pipeline.query.search import hits_csv, no_hits_note
    from pipeline.query.search import search as run_search
    from pipeline.store import read_timeline

    with reported_errors():
        hits = run_search(read_timeline(db_path), query, authority, kind, since, until, limit)
    if not hits and limit > 0:
        filters = [name for name, value in (("--authority", authority), ("--kind", kind), ("--from", since), ("--to", until)) if value]
        _note(no_hits_note(query, filters))
    if fmt == "json":
        click.echo(dumps([h.model_dump() for h in hits]))
        return
    if fmt == "csv":
        _echo_csv(hits_csv(hits))
        return
    for h in hits:
        click.echo(f"{one_line(h.date or '?'):<10} {h.kind:<9} {one_line(h.authority or ''):<14} {prose(h.detail or '')}\n"
                   f"    {prose(h.snippet)}\n    {one_line(h.source)}")


@main.command()
@click.argument("name", required=False)
@db_option
@click.option("--authority", help="Only appearances about this authority (and its predecessors and successors).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help="csv: one row per appearance, UTF-8 with a header row and RFC 4180 quoting.")
def people(name: str | None, db_path: Path, authority: str | None, fmt: str) -> None:
    """People with their roles over time, the authorities they spoke for or about, and the documents
    that quote them; one person across the forms of their name ("Lord Laming", "Laming")."""
    from pipeline.query.people import people as find_people
    from pipeline.query.people import people_csv
    from pipeline.store import read_timeline

    with reported_errors():
        found = find_people(read_timeline(db_path), name, authority)
    if not found and fmt == "table":
        _note("no one found" + (f" named {name!r}" if name else "") + (f" for {authority}" if authority else ""))
    if fmt == "json":
        click.echo(dumps([p.model_dump() for p in found]))
        return
    if fmt == "csv":
        _echo_csv(people_csv(found))
        return
    for person in found:
        click.echo(prose(person.name))
        for a in person.appearances:
            about = f" [{one_line(', '.join(a.authorities))}]" if a.authorities else ""
            click.echo(f"    {one_line(a.date or '?'):<10} {prose(a.role or '(no role stated)')}{about}  — {one_line(a.source)}")


@main.command()
@db_option
@click.option("--port", default=8001, show_default=True)
def serve(db_path: Path, port: int) -> None:
    """Browse the timeline in Datasette (read-only, on 127.0.0.1)."""
    from pipeline.query.serve import serve as run_serve
    from pipeline.store import read_timeline

    with reported_errors():
        read_timeline(db_path).db.close()  # the same refusals as every read command, before Datasette starts
    sys.exit(run_serve(db_path, port))


@main.command()
@db_option
@click.option("--area", type=click.Choice([area for area in AREA_LABELS if area != "other"]),
              default="overall_effectiveness", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv"]), default="table", show_default=True)
def tally(db_path: Path, area: str, fmt: str) -> None:
    """Across authorities: how many were graded each way in each year (one count per authority),
    ready to chart (--format csv)."""
    from pipeline.query.tally import RATINGS, grade_tally, tally_csv
    from pipeline.store import read_timeline

    with reported_errors():
        tallies = grade_tally(read_timeline(db_path), area)
    if not tallies:
        _note(f"no dated {area} grades filed under an authority in {db_path}")
    if fmt == "csv":
        _echo_csv(tally_csv(tallies))
        return
    table = Table(title=Text(f"authorities by {area} grade and year"))
    for column in ("year", *RATINGS):
        table.add_column(column.replace("_", " "), justify="right")
    for t in tallies:
        table.add_row(t.year, *(str(t.counts.get(r, 0) or "") for r in RATINGS))
    OUT.print(table)


@main.command()
@click.argument("authority")
@db_option
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="The page to write; missing folders are made, and an existing page is replaced whole.")
@since_option
@until_option
def report(authority: str, db_path: Path, output: Path, since: str | None, until: str | None) -> None:
    """Write one self-contained HTML page drawing the authority's timeline. Exit status 1 if it cannot be written."""
    from pipeline.query.files import write_whole
    from pipeline.query.report import report_html

    with reported_errors():
        events = _events(db_path, authority, since, until)
        write_whole(output, report_html(authority, events))
    _note(f"{len(events)} events -> {output}")


@main.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@click.option("--predictions", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Score this JSON Lines file instead of the database's export.")
@click.option("--misses", is_flag=True, help="List every missed and spurious item.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def evaluate(gold: Path, db_path: Path, predictions: Path | None, misses: bool, as_json: bool) -> None:
    """Per-field precision, recall and F1 against GOLD, by the spec's rules."""
    from pipeline.evaluate.score import Scorer, format_scores, read_jsonl
    from pipeline.store import read_timeline

    with reported_errors():
        predicted = read_jsonl(predictions) if predictions else [r.model_dump() for r in read_timeline(db_path).records()]
    scores = Scorer().score(read_jsonl(gold), predicted)
    if as_json:
        click.echo(json.dumps(scores.as_dict(), indent=2))
        return
    click.echo(format_scores(scores))
    if misses:
        click.echo("\n".join(one_line(miss) for miss in scores.misses))


@main.command()
def schema() -> None:
    """Print the JSON Schema of the exported record."""
    from pipeline.records import DocumentRecord

    click.echo(json.dumps(DocumentRecord.model_json_schema(), indent=2))


if __name__ == "__main__":
    main()
