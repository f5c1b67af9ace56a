"""The CLI end to end on the bundled corpus: ingest, export, show, evaluate, schema; read commands
pointed at the wrong file."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import CORPUS, ROOT, SHARED, needs_shared, read_jsonl, run_cli


def test_corpus_ingests_exports_and_scores(db_path) -> None:
    result = run_cli("ingest", str(CORPUS / "documents"), "--db", str(db_path), "--quiet")
    assert result.exit_code == 0, result.output
    exported = read_jsonl(run_cli("export", "--db", str(db_path), "--format", "jsonl").output)
    gold = read_jsonl((CORPUS / "gold.jsonl").read_text(encoding="utf-8"))
    assert {r["source"].rsplit("/", 1)[-1] for r in exported} >= {g["source"].rsplit("/", 1)[-1] for g in gold}
    for record in exported:
        assert record["source"].startswith(str(CORPUS / "documents"))
        text = sqlite3.connect(db_path).execute("select text from documents where source = ?", [record["source"]]).fetchone()[0]
        for fact in record["judgements"] + record["actions"]:
            assert text[fact["start"] : fact["end"]] == fact["evidence"]
    scored = run_cli("evaluate", str(CORPUS / "gold.jsonl"), "--db", str(db_path), "--json")
    figures = json.loads(scored.output)
    assert figures["headline_f1"] > 0.5


def test_reingesting_changes_nothing(db_path) -> None:
    run_cli("ingest", str(CORPUS / "documents"), "--db", str(db_path), "--quiet")
    before = sqlite3.connect(db_path).execute("select count(*), group_concat(id) from documents").fetchone()
    again = run_cli("ingest", str(CORPUS / "documents"), "--db", str(db_path))
    assert again.exit_code == 0
    assert "0 stored," in again.output
    assert sqlite3.connect(db_path).execute("select count(*), group_concat(id) from documents").fetchone() == before


def test_bad_inputs_are_reported_one_line_each_and_the_rest_lands(db_path) -> None:
    result = run_cli("ingest", str(CORPUS / "broken"), "--db", str(db_path))
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if "broken/" in line]
    assert any(line.startswith(str(CORPUS / "broken" / "empty.txt") + ": empty") for line in lines)
    assert any(line.startswith(str(CORPUS / "broken" / "junk.bin") + ": binary") for line in lines)
    db = sqlite3.connect(db_path)
    assert db.execute("select count(*) from ingest_errors").fetchone()[0] == 2
    titles = {row[0] for row in db.execute("select title from documents")}
    assert any("Wokingham" in t for t in titles), "the Latin-1 notice must land"
    people = {row[0] for row in db.execute("select name from people")}
    assert "Renée Fairweather" in people


def test_show_prints_an_authoritys_events_with_sources(db_path) -> None:
    run_cli("ingest", str(CORPUS / "broken"), "--db", str(db_path), "--quiet")
    shown = json.loads(run_cli("show", "Wokingham", "--db", str(db_path), "--format", "json").output)
    assert shown and all(c["source"].endswith(".txt") and c["evidence"] for e in shown for c in e["citations"])
    assert any(e["detail"] == "improvement_notice (lifted)" for e in shown)


def test_show_an_unknown_authority_says_what_to_do(db_path) -> None:
    from click.testing import CliRunner

    from pipeline.cli import main
    from pipeline.store import open_timeline

    open_timeline(db_path).close()
    result = CliRunner().invoke(main, ["show", "Atlantis", "--db", str(db_path)])
    assert result.exit_code == 1
    assert "Atlantis: no such authority" in result.output


def test_schema_is_the_json_schema_of_the_record() -> None:
    schema = json.loads(run_cli("schema").output)
    assert schema["title"] == "DocumentRecord"
    assert {"source", "published", "authorities", "people", "judgements", "actions", "dates"} <= set(schema["properties"])


@needs_shared
def test_evaluate_agrees_with_the_reference_scorer_on_the_seeds(db_path, tmp_path) -> None:
    run_cli("ingest", str(SHARED / "seeds"), "--db", str(db_path), "--quiet")
    exported = tmp_path / "seeds.jsonl"
    exported.write_text(run_cli("export", "--db", str(db_path)).output, encoding="utf-8")
    gold = SHARED / "spec" / "gold-seeds.jsonl"
    reference = tmp_path / "reference.json"
    subprocess.run([sys.executable, str(SHARED / "spec" / "score.py"), str(gold), str(exported), "--json", str(reference)],
                   check=True, capture_output=True)
    theirs = json.loads(reference.read_text())
    ours = json.loads(run_cli("evaluate", str(gold), "--predictions", str(exported), "--json").output)
    for field in ("authorities", "people", "judgements", "actions", "dates"):
        for figure in ("precision", "recall", "f1"):
            assert abs(ours[field][figure] - theirs["fields"][field][figure]) < 1e-9, (field, figure)
    assert abs(ours["headline_f1"] - theirs["headline_f1"]) < 1e-9


def test_reextract_replaces_facts_from_the_stored_raw_bytes(db_path) -> None:
    from pipeline.ingest import EXTRACTOR_VERSION

    run_cli("ingest", str(CORPUS / "broken"), "--db", str(db_path), "--quiet")
    db = sqlite3.connect(db_path)
    before = db.execute("select count(*) from actions").fetchone()[0]
    with db:
        db.execute("update documents set extractor = 'older'")
        db.execute("delete from actions")
    result = run_cli("reextract", "--db", str(db_path))
    assert result.exit_code == 0, result.output
    assert "2 stored" in result.output
    assert db.execute("select count(*) from actions").fetchone()[0] == before
    assert {row[0] for row in db.execute("select extractor from documents")} == {EXTRACTOR_VERSION}


def test_a_reextracted_report_gives_the_record_a_fresh_ingest_gives(db_path, tmp_path) -> None:
    """Issue 13: an inspection report's front-page facts are stored with it and come back on reextract."""
    from pipeline.fetch import read_source
    from pipeline.parse import parse_document

    pdf = CORPUS / "pdf" / "sif-2016-bedford.pdf"
    fresh = tmp_path / "fresh.db"
    for db in (db_path, fresh):
        assert run_cli("ingest", str(pdf), "--db", str(db), "--quiet").exit_code == 0
    columns = "id, text, report, record"
    with closing(sqlite3.connect(db_path)) as db:
        with db:
            db.execute("update documents set extractor = 'older', report = null, record = '{}'")
            db.execute("delete from judgements")
        result = run_cli("reextract", "--db", str(db_path))
        assert result.exit_code == 0, result.output
        reextracted = db.execute(f"select {columns} from documents").fetchall()
        judgements = db.execute("select area, rating, inspection, date, evidence from judgements order by id").fetchall()
    with closing(sqlite3.connect(fresh)) as db:
        assert reextracted == db.execute(f"select {columns} from documents").fetchall()
        assert judgements == db.execute("select area, rating, inspection, date, evidence from judgements order by id").fetchall()
    stored = json.loads(reextracted[0][2])
    assert stored == parse_document(read_source(str(pdf))).report.model_dump()
    assert {row[:4] for row in judgements} >= {("overall_effectiveness", "requires_improvement", "SIF", "2016-02-04")}


def test_parse_prints_title_date_and_text_without_a_database(tmp_path) -> None:
    result = run_cli("parse", str(CORPUS / "broken" / "thurrock-valid-notice.txt"), str(CORPUS / "broken" / "empty.txt"))
    assert result.exit_code == 1
    parsed = read_jsonl(result.output.split("\n", 1)[0])[0]
    assert parsed["title"].startswith("Minister appoints adviser")
    assert parsed["published"] == "2013-06-04"
    assert "Thurrock Council" in parsed["text"]
    assert "empty.txt: empty document" in result.output


# Every command that only reads the timeline, as a user would type it.
READ_COMMANDS = {
    "show": ["show", "Somerset"],
    "show markdown": ["show", "Somerset", "--format", "markdown"],
    "search": ["search", "improvement notice"],
    "people": ["people"],
    "export": ["export"],
    "report": ["report", "Somerset", "-o", "{out}"],
    "evaluate": ["evaluate", str(CORPUS / "gold.jsonl")],
}


def read_command(name: str, db: Path, out: Path) -> list[str]:
    return [arg.replace("{out}", str(out)) for arg in READ_COMMANDS[name]] + ["--db", str(db)]


def one_error_line(result) -> str:
    """A refusal is exit status 1 and one line on stderr, never a traceback."""
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


@pytest.mark.parametrize("command", READ_COMMANDS)
def test_a_read_command_on_a_missing_file_says_to_ingest_and_creates_nothing(tmp_path, command: str) -> None:
    db = tmp_path / "outputs" / "timeline.db"
    result = CliRunner().invoke(_main(), read_command(command, db, tmp_path / "out.html"))
    assert one_error_line(result) == f"error: {db}: no timeline database here; run `timeline ingest` first"
    assert not db.parent.exists()
    assert not (tmp_path / "out.html").exists()


@pytest.mark.parametrize("command", READ_COMMANDS)
def test_a_read_command_on_another_applications_sqlite_file_leaves_it_as_it_was(tmp_path, command: str) -> None:
    """Regression (issue 12, item 15): the file was switched to WAL and the command failed with
    "table documents already exists"."""
    db = tmp_path / "app.sqlite"
    with closing(sqlite3.connect(db)) as conn:
        conn.executescript("create table documents (id integer primary key, body text); create table users (name text);")
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    result = CliRunner().invoke(_main(), read_command(command, db, tmp_path / "out.html"))
    assert one_error_line(result) == (f"error: {db}: not a timeline database (it has tables documents, users); "
                                      "point --db at a file made by `timeline ingest`")
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.sqlite"], "no -wal, -shm or report beside it"


@pytest.mark.parametrize("command", READ_COMMANDS)
def test_a_read_command_on_a_file_that_is_not_sqlite_says_so(tmp_path, command: str) -> None:
    db = tmp_path / "report.pdf"
    db.write_bytes(b"%PDF-1.4\n1 0 obj\n")
    result = CliRunner().invoke(_main(), read_command(command, db, tmp_path / "out.html"))
    assert one_error_line(result) == (f"error: {db}: not a SQLite database (it starts with b'%PDF-1.4'); "
                                      "point --db at a file made by `timeline ingest`")
    assert db.read_bytes() == b"%PDF-1.4\n1 0 obj\n"


def test_serve_refuses_another_applications_file_before_starting_datasette(tmp_path) -> None:
    db = tmp_path / "app.sqlite"
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("create table users (name text)")
    before = db.read_bytes()
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "serve", "--db", str(db), "--port", "1"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip() == (f"error: {db}: not a timeline database (it has tables users); "
                                     "point --db at a file made by `timeline ingest`")
    assert db.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["app.sqlite"]


def _main():
    from pipeline.cli import main

    return main


@pytest.mark.parametrize(
    ("value", "reason"),
    [("banana", "not a date in the form YYYY-MM-DD"), ("2013-02-30", "not a real date"), ("3000-01-01", "is in the future"),
     ("yesterday", "not a date in the form YYYY-MM-DD")],
)
def test_ingest_refuses_a_published_date_that_cannot_be_right(tmp_path, value: str, reason: str) -> None:
    """Regression (issue 12): an impossible --published was accepted and silently ignored."""
    (tmp_path / "n.txt").write_text("Ofsted judged Leeds good.\n", encoding="utf-8")
    from pipeline.cli import main

    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "n.txt"), "--published", value, "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 2 and reason in result.output
    assert not (tmp_path / "t.db").exists()


# Issue 14, the command line ---------------------------------------------------------------------

SOMERSET = ("2013-11-somerset-improvement-notice-issued.html", "2016-05-somerset-improvement-notice-lifted.txt")


@pytest.fixture(scope="module")
def somerset_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("somerset") / "timeline.db"
    result = run_cli("ingest", *(str(CORPUS / "documents" / name) for name in SOMERSET), "--db", str(db), "--quiet")
    assert result.exit_code == 0, result.output
    return db


# Every command that takes --from and --to, as a user would type it.
DATED_COMMANDS = {
    "show": ["show", "Somerset", "--format", "json"],
    "search": ["search", "notice", "--format", "json"],
    "report": ["report", "Somerset", "-o", "{out}"],
}


@pytest.mark.parametrize("command", DATED_COMMANDS)
@pytest.mark.parametrize(
    ("option", "value", "reason"),
    [("--from", "2009-13", "'2009-13' is not a real date (month must be in 1..12)"),
     ("--from", "yesterday", "'yesterday' is not a date"),
     ("--to", "banana", "'banana' is not a date"),
     ("--from", "2013-02-29", "'2013-02-29' is not a real date (day is out of range for month)"),
     ("--to", "20130", "'20130' is not a date"),
     ("--from", "13/11/2013", "'13/11/2013' is not a date")],
)
def test_a_date_bound_that_is_no_date_is_a_usage_error_naming_the_forms(somerset_db, tmp_path, command: str, option: str,
                                                                        value: str, reason: str) -> None:
    """Regression (issue 14): --from 2009-13, yesterday or banana matched nothing and exited 0,
    as if the timeline were empty."""
    args = [arg.replace("{out}", str(tmp_path / "out.html")) for arg in DATED_COMMANDS[command]]
    result = CliRunner().invoke(_main(), [*args, option, value, "--db", str(somerset_db)])
    assert result.exit_code == 2, result.output
    assert f"Invalid value for '{option}': {reason}" in result.stderr
    assert "use YYYY, YYYY-MM or YYYY-MM-DD" in result.stderr
    assert not (tmp_path / "out.html").exists()


@pytest.mark.parametrize("command", DATED_COMMANDS)
@pytest.mark.parametrize("order", [["--from", "2020", "--to", "2010"], ["--to", "2013-10", "--from", "2013-11-21"]])
def test_from_after_to_is_a_usage_error_whichever_comes_first(somerset_db, tmp_path, command: str, order: list[str]) -> None:
    """Regression (issue 14): --from 2020 --to 2010 gave an empty result and exit 0."""
    args = [arg.replace("{out}", str(tmp_path / "out.html")) for arg in DATED_COMMANDS[command]]
    result = CliRunner().invoke(_main(), [*args, *order, "--db", str(somerset_db)])
    assert result.exit_code == 2, result.output
    since, until = order[order.index("--from") + 1], order[order.index("--to") + 1]
    assert f"--from {since} is after --to {until}; swap them" in result.stderr


def test_a_year_or_month_bound_counts_whole(somerset_db) -> None:
    """--from 2013-11 --to 2013 is November to December 2013, not an empty range."""
    def dates(*bounds: str) -> list[str]:
        result = run_cli("show", "Somerset", *bounds, "--db", str(somerset_db), "--format", "json")
        assert result.exit_code == 0, result.output
        return [e["date"] for e in json.loads(result.stdout)]

    november = dates("--from", "2013-11", "--to", "2013")
    assert november and all(d.startswith("2013-11") for d in november)
    assert dates("--from", "2013-11-21", "--to", "2013-11-21") == november
    assert dates("--from", " 2013 ") == dates("--from", "2013")


@pytest.mark.parametrize("where", ["/proc/nope/x.html", "{tmp}", "{tmp}/notes.txt/x.html", "/dev/full"])
def test_a_report_that_cannot_be_written_is_one_line_and_leaves_nothing_behind(somerset_db, tmp_path, where: str) -> None:
    """Regression (issue 14): an unwritable -o printed a Python traceback."""
    (tmp_path / "notes.txt").write_text("not a folder\n", encoding="utf-8")
    before = sorted(tmp_path.rglob("*"))
    out = where.replace("{tmp}", str(tmp_path))
    result = CliRunner().invoke(_main(), ["report", "Somerset", "-o", out, "--db", str(somerset_db)])
    line = one_error_line(result)
    assert line.startswith(f"error: {out}: cannot write the page (") and line.endswith("); choose another -o"), line
    assert sorted(tmp_path.rglob("*")) == before


def test_a_report_too_big_to_finish_leaves_the_old_page_whole(somerset_db, tmp_path) -> None:
    """Regression (issue 14): the page was written in place, so a write that failed half way (here
    the file size limit, as a full disc would) left half a page and a traceback."""
    import resource
    import signal

    db = tmp_path / "timeline.db"
    with closing(sqlite3.connect(somerset_db)) as source, closing(sqlite3.connect(db)) as copy:
        source.backup(copy)
        copy.execute("pragma journal_mode = delete")  # no -shm to grow under the limit below
    page = tmp_path / "pages" / "somerset.html"
    page.parent.mkdir()
    page.write_text("<p>last week's page</p>\n", encoding="utf-8")

    def limit_file_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "report", "Somerset", "-o", str(page), "--db", str(db)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120, preexec_fn=limit_file_size)
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip() == f"error: {page}: cannot write the page (File too large); choose another -o"
    assert page.read_text(encoding="utf-8") == "<p>last week's page</p>\n"
    assert [p.name for p in page.parent.iterdir()] == ["somerset.html"]


def test_a_report_makes_missing_folders_and_replaces_an_old_page(somerset_db, tmp_path) -> None:
    page = tmp_path / "new" / "folder" / "somerset.html"
    for _ in range(2):
        result = CliRunner().invoke(_main(), ["report", "Somerset", "-o", str(page), "--db", str(somerset_db)])
        assert result.exit_code == 0, result.output
        assert result.stderr.endswith(f" events -> {page}\n")
    assert page.read_text(encoding="utf-8").startswith("<!")
    assert [p.name for p in page.parent.iterdir()] == ["somerset.html"]


def notice_folder(tmp_path: Path) -> Path:
    """A folder as people have them: a document with its sidecar, code, data, a hidden folder."""
    folder = tmp_path / "notices"
    (folder / ".git").mkdir(parents=True)
    source = CORPUS / "documents" / SOMERSET[0]
    (folder / source.name).write_bytes(source.read_bytes())
    (folder / source.name.replace(".html", ".meta.json")).write_text('{"title": "Somerset notice"}', encoding="utf-8")
    (folder / "scrape.py").write_text("print('Ofsted judged Leeds inadequate in 2013.')\n", encoding="utf-8")
    (folder / "urls.json").write_text('["https://example.org/somerset"]', encoding="utf-8")
    (folder / "list.json").write_text("[]", encoding="utf-8")
    (folder / ".git" / "config").write_text("[core]\n\tbare = false\n", encoding="utf-8")
    return folder


def stored_sources(db: Path) -> list[str]:
    with closing(sqlite3.connect(db)) as conn:
        return sorted(source for (source,) in conn.execute("select source from documents"))


@pytest.mark.parametrize("how", ["glob", "folder"])
def test_a_glob_or_a_folder_takes_its_documents_and_notes_the_other_files(tmp_path, how: str) -> None:
    """Regression (issue 14): `timeline ingest 'dir/*'` stored .py and .json files as documents,
    and a folder stored the files of a hidden .git folder."""
    folder = notice_folder(tmp_path)
    given = str(folder / "*") if how == "glob" else str(folder)
    result = CliRunner().invoke(_main(), ["ingest", given, "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 0, result.output
    assert stored_sources(tmp_path / "t.db") == [str(folder / SOMERSET[0])]
    notes = [line for line in result.stderr.splitlines() if "skipped" in line]
    assert notes == [f"{given}: skipped 3 files that are not documents (.json, .py); name a file by its path to ingest it anyway"]
    assert "1 stored, 0 unchanged, 0 failed" in result.stderr


def test_a_file_named_by_its_path_is_read_whatever_its_suffix(tmp_path) -> None:
    folder = notice_folder(tmp_path)
    result = CliRunner().invoke(_main(), ["ingest", str(folder / "scrape.py"), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 0, result.output
    assert stored_sources(tmp_path / "t.db") == [str(folder / "scrape.py")]
    assert "skipped" not in result.stderr


def test_an_empty_folder_says_what_was_looked_for_and_is_not_a_failure(tmp_path) -> None:
    """Regression (issue 14): an empty folder printed only "0 stored"."""
    (tmp_path / "inbox" / ".cache").mkdir(parents=True)
    (tmp_path / "inbox" / ".cache" / "x.txt").write_text("Ofsted judged Leeds good.\n", encoding="utf-8")
    result = CliRunner().invoke(_main(), ["ingest", str(tmp_path / "inbox"), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (f"{tmp_path / 'inbox'}: no documents in this folder (looked for .html, .htm, .xhtml, "
                                             ".txt, .text, .pdf and files without a suffix)")
    quiet = CliRunner().invoke(_main(), ["ingest", str(tmp_path / "inbox"), "--db", str(tmp_path / "t.db"), "--quiet"])
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_a_glob_that_matches_nothing_fails_naming_it(tmp_path) -> None:
    """Regression (issue 14): a quoted glob with no match printed "0 stored" and exit 0, where the
    same glob unquoted (passed on by the shell as it is) failed."""
    pattern = str(tmp_path / "notices" / "*.html")
    result = CliRunner().invoke(_main(), ["ingest", pattern, "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"{pattern}: no file matches this pattern; check the folder and the pattern"
    with closing(sqlite3.connect(tmp_path / "t.db")) as conn:
        assert conn.execute("select source from ingest_errors").fetchall() == [(pattern,)]


def test_a_glob_of_files_that_are_not_documents_says_so(tmp_path) -> None:
    folder = notice_folder(tmp_path)
    result = CliRunner().invoke(_main(), ["ingest", str(folder / "*.json"), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[:2] == [
        f"{folder / '*.json'}: skipped 2 files that are not documents (.json); name a file by its path to ingest it anyway",
        f"{folder / '*.json'}: no documents among the files this pattern matches (looked for .html, .htm, .xhtml, .txt, .text, "
        ".pdf and files without a suffix)",
    ]


def test_update_with_nothing_saved_says_what_to_do(somerset_db, tmp_path) -> None:
    """Regression (issue 14): `timeline update` with nothing saved printed only "0 stored", and
    pointed at a missing file it made an empty database there."""
    result = CliRunner().invoke(_main(), ["update", "--db", str(somerset_db)])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"{somerset_db}: nothing saved to update; ingest a URL or a --feed first\n"
    missing = tmp_path / "typo.db"
    result = CliRunner().invoke(_main(), ["update", "--db", str(missing)])
    assert one_error_line(result) == (f"error: {missing}: no timeline database here; ingest a URL or a --feed first, "
                                      "or point --db at yours")
    assert not missing.exists()
