"""The ``timeline`` command: a thin skin over the library. The only place logging is configured."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table
from rich.text import Text

from pipeline.errors import PipelineError
from pipeline.query.text import dumps, inert_json, one_line, prose
from pipeline.settings import DEFAULT_DB

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
        ERR.print(one_line(f"{failure.source}: {failure.reason}"), highlight=False, markup=False, soft_wrap=True)
    if not quiet:
        ERR.print(
            one_line(f"{len(report.stored)} stored, {len(report.unchanged)} unchanged, {len(report.failures)} failed -> {db_path}"),
            highlight=False,
            markup=False,
            soft_wrap=True,
        )
    sys.exit(1 if report.failures else 0)


def _progress(total: int, quiet: bool) -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=ERR,
                    disable=quiet or total < 2, transient=True)


@main.command()
@click.argument("inputs", nargs=-1)
@db_option
@click.option("--feed", "feeds", multiple=True, metavar="URL", help="An RSS/Atom feed or sitemap whose items to ingest (saved for `update`).")
@click.option("--published", metavar="YYYY-MM-DD", callback=lambda _ctx, _param, value: _user_date(value),
              help="Publication date for the files of this call that give none.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary; failures are still printed.")
@workers_option
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True,
              help="Documents that go through spaCy together and are stored in one transaction.")
def ingest(inputs: tuple[str, ...], db_path: Path, feeds: tuple[str, ...], published: str | None, quiet: bool, workers: int, batch_size: int) -> None:
    """Ingest files, folders, globs and URLs into the timeline. Exit status 1 if any failed."""
    from pipeline.fetch import expand_sources
    from pipeline.ingest import ingest as run_ingest
    from pipeline.store import open_timeline

    if not inputs and not feeds:
        raise click.UsageError("give at least one path, URL or --feed")
    with reported_errors():
        timeline = open_timeline(db_path)
        total = len(expand_sources(inputs))
        with _progress(total, quiet) as progress:
            task = progress.add_task("ingesting", total=total or None)
            report = run_ingest(inputs, timeline, published=published, feeds=feeds, workers=_workers(workers), batch_size=batch_size,
                                progress=lambda _: progress.advance(task))
    _report(report, db_path, quiet)


@main.command()
@db_option
@click.option("--quiet", "-q", is_flag=True)
@workers_option
def update(db_path: Path, quiet: bool, workers: int) -> None:
    """Poll saved feeds, sitemaps and pages again; ingest only what is new or changed."""
    from pipeline.ingest import update as run_update
    from pipeline.store import open_timeline

    with reported_errors():
        report = run_update(open_timeline(db_path), workers=_workers(workers))
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
        with _progress(timeline.counts()["documents"], quiet) as progress:
            task = progress.add_task("re-extracting", total=timeline.counts()["documents"])
            report = run_reextract(timeline, progress=lambda _: progress.advance(task), workers=_workers(workers))
    _report(report, db_path, quiet)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--jsonl", is_flag=True, default=True, help="One JSON object per input (the default and only form).")
def parse(inputs: tuple[str, ...], jsonl: bool) -> None:
    """Print each input's title, publication date and main text; no extraction, no database."""
    from pipeline.fetch import expand_sources, read_source
    from pipeline.fetch.http import HttpFetcher, is_url
    from pipeline.parse import parse_document

    failed = False
    with HttpFetcher() as fetcher:
        for source in expand_sources(inputs):
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
@click.option("--from", "since", metavar="DATE", help="Only events on or after this date (YYYY[-MM[-DD]]).")
@click.option("--to", "until", metavar="DATE", help="Only events on or before this date.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "markdown"]), default="table", show_default=True)
def show(authority: str, db_path: Path, since: str | None, until: str | None, fmt: str) -> None:
    """An authority's judgements and actions in date order, across its lineage, each with its sources."""
    from pipeline.query.export import events_csv, events_json, events_markdown

    with reported_errors():
        events = _events(db_path, authority, since, until)
    if fmt != "table":
        render = {"csv": events_csv, "json": events_json}.get(fmt)
        click.echo(render(events) if render else events_markdown(authority, events), nl=False)
        return
    # Cells are Text, not strings, so that brackets in a document are never read as Rich markup.
    table = Table(title=Text(f"{one_line(authority)}: {len(events)} events"), show_lines=True, expand=True)
    for column, ratio in (("date", 1), ("authority", 1), ("event", 1), ("detail", 2), ("evidence", 5), ("sources", 2)):
        table.add_column(column, overflow="fold", ratio=ratio)
    for e in events:
        when = one_line(e.date or "?")
        if len(e.dates) > 1:
            when += "\n(" + ", ".join(one_line(d) for d in e.dates if d != e.date) + ")"
        table.add_row(Text(when), Text(one_line(e.authority)), Text(one_line(e.event)), Text(one_line(e.detail)),
                      Text(prose(e.citations[0].evidence)), Text("\n".join(sorted({one_line(c.source) for c in e.citations}))))
    Console(width=max(OUT.width, 140)).print(table)


@main.command()
@click.argument("query")
@db_option
@click.option("--authority", help="Only facts about this authority (and its predecessors and successors).")
@click.option("--kind", type=click.Choice(["judgement", "action", "document"]), help="Only this kind of hit.")
@click.option("--from", "since", metavar="DATE")
@click.option("--to", "until", metavar="DATE")
@click.option("--limit", default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def search(query: str, db_path: Path, authority: str | None, kind: str | None, since: str | None, until: str | None,
           limit: int, fmt: str) -> None:
    """Full-text search over evidence sentences and document text, with [highlighted] snippets."""
    from pipeline.query.search import search as run_search
    from pipeline.store import read_timeline

    with reported_errors():
        hits = run_search(read_timeline(db_path), query, authority, kind, since, until, limit)
    if fmt == "json":
        click.echo(dumps([h.model_dump() for h in hits]))
        return
    for h in hits:
        click.echo(f"{one_line(h.date or '?'):<10} {h.kind:<9} {one_line(h.authority or ''):<14} {prose(h.detail or '')}\n"
                   f"    {prose(h.snippet)}\n    {one_line(h.source)}")


@main.command()
@click.argument("name", required=False)
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def people(name: str | None, db_path: Path, fmt: str) -> None:
    """People with their roles over time and the documents that quote them."""
    from pipeline.query.people import people as find_people
    from pipeline.store import read_timeline

    with reported_errors():
        found = find_people(read_timeline(db_path), name)
    if fmt == "json":
        click.echo(dumps([p.model_dump() for p in found]))
        return
    for person in found:
        click.echo(prose(person.name))
        for a in person.appearances:
            click.echo(f"    {one_line(a.date or '?'):<10} {prose(a.role or '(no role stated)')}  — {one_line(a.source)}")


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
@click.argument("authority")
@db_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--from", "since", metavar="DATE")
@click.option("--to", "until", metavar="DATE")
def report(authority: str, db_path: Path, output: Path, since: str | None, until: str | None) -> None:
    """Write one self-contained HTML page drawing the authority's timeline."""
    from pipeline.query.report import report_html

    with reported_errors():
        events = _events(db_path, authority, since, until)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(report_html(authority, events), encoding="utf-8")
    ERR.print(one_line(f"{len(events)} events -> {output}"), highlight=False, markup=False, soft_wrap=True)


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
