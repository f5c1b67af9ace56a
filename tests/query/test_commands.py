"""show, search, people, report and serve on the bundled corpus, checking real output."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.conftest import CORPUS, run_cli
from tests.query.conftest import serving


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("corpus") / "timeline.db"
    run_cli("ingest", str(CORPUS / "documents"), str(CORPUS / "broken"), "--db", str(db), "--quiet")
    return db


def test_show_exports_csv_json_and_markdown_with_citations(corpus_db) -> None:
    as_json = json.loads(run_cli("show", "Somerset", "--db", str(corpus_db), "--format", "json").output)
    assert as_json and all(e["citations"] and e["citations"][0]["evidence"] for e in as_json)
    rows = list(csv.DictReader(io.StringIO(run_cli("show", "Somerset", "--db", str(corpus_db), "--format", "csv").output)))
    assert len(rows) == len(as_json)
    markdown = run_cli("show", "Somerset", "--db", str(corpus_db), "--format", "markdown").output
    assert markdown.count("[^1]") == 2, "every event cites a footnote that exists"
    assert "[^1]: " + as_json[0]["citations"][0]["source"] in markdown


def test_show_follows_lineage_and_filters_by_date(corpus_db) -> None:
    everything = json.loads(run_cli("show", "Somerset", "--db", str(corpus_db), "--format", "json").output)
    later = json.loads(run_cli("show", "Somerset", "--from", "2015", "--db", str(corpus_db), "--format", "json").output)
    assert len(later) < len(everything)
    assert all(e["date"] >= "2015" for e in later)


def test_search_highlights_and_filters(corpus_db) -> None:
    hits = json.loads(run_cli("search", "improvement notice", "--db", str(corpus_db), "--format", "json").output)
    assert hits and all("[" in h["snippet"] for h in hits)
    actions = json.loads(run_cli("search", "notice", "--kind", "action", "--authority", "Somerset", "--db", str(corpus_db),
                                 "--format", "json").output)
    assert actions and all(h["kind"] == "action" and h["authority"] == "Somerset" for h in actions)


def search_json(db: Path, *args: str, limit: int = 1000) -> list[dict]:
    result = CliRunner().invoke(main, ["search", *args, "--db", str(db), "--format", "json", "--limit", str(limit)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_quoted_words_find_only_the_phrase(corpus_db) -> None:
    """Issue 14: "improvement notice" in double quotes finds the phrase, not the two words apart."""
    words = search_json(corpus_db, "improvement notice", "--kind", "action")
    phrase = search_json(corpus_db, '"improvement notice"', "--kind", "action")
    assert phrase and all("[improvement notice]" in h["snippet"].lower() for h in phrase)
    apart = [h for h in words if "[improvement notice]" not in h["snippet"].lower()]
    assert any("[notice] requires" in h["snippet"] for h in apart), "the bare words also find them apart"
    def facts(hits: list[dict]) -> set[tuple]:
        return {(h["source"], h["authority"], h["date"], h["detail"]) for h in hits}

    assert facts(phrase) < facts(words)


def test_a_word_finds_its_inflections_but_a_quoted_word_only_itself(corpus_db) -> None:
    """Issue 14: "commissioner" did not find documents that only speak of "commissioners"."""
    plural_only = str(CORPUS / "documents" / "2023-12-ilacs-results-of-the-year.txt")
    assert plural_only in {h["source"] for h in search_json(corpus_db, "commissioner", "--kind", "document")}
    assert plural_only not in {h["source"] for h in search_json(corpus_db, '"commissioner"', "--kind", "document")}
    assert plural_only in {h["source"] for h in search_json(corpus_db, "commissioners", "--kind", "document")}
    inspected = search_json(corpus_db, "inspected", "--kind", "judgement")
    assert any("[inspection]" in h["snippet"].lower() for h in inspected)


@pytest.mark.parametrize(
    ("args", "hint"),
    [(["zyxwvut"], "no matches for 'zyxwvut'; try fewer words or a word's stem"),
     (['"notice improvement"'], "no matches for '\"notice improvement\"'; try fewer words or a word's stem"),
     (["commissioner", "--authority", "Somerset", "--from", "2020"],
      "no matches for 'commissioner' with --authority, --from; try without them, fewer words or a word's stem"),
     (["*"], "nothing to search for in '*'; give words, or a phrase in double quotes")],
)
@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_a_search_with_no_match_says_why_on_stderr_and_exits_0(corpus_db, args: list[str], hint: str, fmt: str) -> None:
    """Regression (issue 14): a search that found nothing printed nothing at all."""
    result = CliRunner().invoke(main, ["search", *args, "--db", str(corpus_db), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert result.stderr == hint + "\n"
    assert result.stdout_bytes == {"table": b"", "json": b"[]\n", "csv": b"date,kind,authority,detail,snippet,source\r\n"}[fmt]


def test_search_csv_has_the_tables_columns_and_the_json_hits(corpus_db) -> None:
    """Issue 14: `search --format csv`, one row per hit, in the order of the table."""
    result = CliRunner().invoke(main, ["search", "commissioner", "--db", str(corpus_db), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout_bytes.decode("utf-8"), newline=""), strict=True))
    assert rows[0] == ["date", "kind", "authority", "detail", "snippet", "source"]
    hits = search_json(corpus_db, "commissioner", limit=20)
    assert [row[5] for row in rows[1:]] == [h["source"] for h in hits]
    assert [row[:4] for row in rows[1:]] == [[h["date"] or "", h["kind"], h["authority"] or "", h["detail"] or ""] for h in hits]
    assert all(" ".join(h["snippet"].split()) == row[4] for h, row in zip(hits, rows[1:], strict=True))


@pytest.mark.parametrize("command", [["show", "Sunderland"], ["search", "arm’s length"]])
def test_csv_is_utf8_rfc_4180_whatever_the_terminal_encoding(corpus_db, command: list[str]) -> None:
    """Issue 14: CSV for a spreadsheet. A terminal in Latin-1 (which has no ’) made the CSV fail,
    or, with other text, come out in another encoding than the UTF-8 a spreadsheet is told."""
    result = CliRunner(charset="latin-1").invoke(main, [*command, "--db", str(corpus_db), "--format", "csv"])
    assert result.exit_code == 0, result.output
    text = result.stdout_bytes.decode("utf-8")
    assert ("arm’s length" if command[0] == "show" else "…") in text, "characters Latin-1 does not have"
    records = text.split("\r\n")
    assert records[-1] == "" and all(records[:-1]), "every record, the header first, ends in CRLF"
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    assert rows[0][0] == "date" and len({len(row) for row in rows}) == 1
    cells = [cell for row in rows for cell in row]
    if command[0] == "show":
        assert any("\n" in cell and cell.startswith("Sunderland children") for cell in cells), "a line break stays in its quoted cell"
        events = json.loads(run_cli("show", "Sunderland", "--db", str(corpus_db), "--format", "json").stdout)
        assert len(rows) == len(events) + 1


def test_people_lists_roles_and_the_documents_quoting_them(corpus_db) -> None:
    found = json.loads(run_cli("people", "Fairweather", "--db", str(corpus_db), "--format", "json").output)
    assert found[0]["name"] == "Renée Fairweather"
    assert found[0]["appearances"][0]["role"] == "director of children's services"


def test_serve_runs_datasette_read_only_with_canned_queries(corpus_db, tmp_path) -> None:
    with serving(corpus_db, tmp_path / "datasette.log") as served:
        response = httpx.get(f"{served.base}/open_interventions.json?_shape=array", timeout=5)
        assert response.status_code == 200
        rows = response.json()
        assert all(r["kind"] in {"improvement_notice", "statutory_direction"} for r in rows)
        timeline = httpx.get(f"{served.base}/authority_timeline.json?authority=Wokingham&_shape=array", timeout=5).json()
        assert {r["event"] for r in timeline} == {"judgement", "action"} and all(r["evidence"] for r in timeline)
        tables = httpx.get(f"{served.base}.json", timeout=5).json()
        assert "judgements" in {t["name"] for t in tables["tables"]}
        plugins = httpx.get(served.base.rsplit("/", 1)[0] + "/-/plugins.json", timeout=5).json()
        assert [p["name"] for p in plugins] == ["pipeline.query.read_only"]
    assert sorted(p.name for p in corpus_db.parent.iterdir() if not p.name.startswith("timeline.db")) == [], \
        "nothing written beside the database"


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    if shutil.which("apt-get"):
        env = {"DEBIAN_FRONTEND": "noninteractive", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"}
        subprocess.run(["apt-get", "update", "-qq"], capture_output=True, timeout=600, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], capture_output=True, timeout=900, env=env)
        return shutil.which("chromium")
    return None


def test_report_renders_in_headless_chromium_with_linked_marks(corpus_db, tmp_path) -> None:
    browser = chromium()
    if browser is None:
        pytest.fail("headless Chromium is needed: apt-get install chromium")
    page = tmp_path / "somerset.html"
    result = run_cli("report", "Somerset", "--db", str(corpus_db), "-o", str(page))
    assert result.exit_code == 0
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([browser, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120).stdout
    marks = dom.count('class="mark ')
    assert marks >= 2, "the script drew the marks"
    assert 'class="mark judgement rating-' in dom or 'class="mark action' in dom
    assert 'href="#cite-1"' in dom and 'id="cite-1"' in dom
    shot = tmp_path / "shot.png"
    subprocess.run([browser, *flags, f"--screenshot={shot}", "--window-size=1200,800", page.as_uri()],
                   capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 5000
    assert sys.platform  # the page needs no network: it has no external references
    assert "http://" not in page.read_text().replace("http://www.w3.org", "")


def test_tally_counts_each_authority_once_per_year_and_grade(corpus_db) -> None:
    rows = list(csv.DictReader(io.StringIO(run_cli("tally", "--db", str(corpus_db), "--format", "csv").output)))
    assert list(rows[0]) == ["year", "outstanding", "good", "requires_improvement", "adequate", "inadequate"]
    years = [r["year"] for r in rows]
    assert years == sorted(years) and all(y.isdigit() for y in years), "no undated or yearless facts"
    import sqlite3

    with sqlite3.connect(corpus_db) as conn:
        expected = conn.execute("""select count(distinct gss) from judgements where area = 'overall_effectiveness'
                                   and rating = 'inadequate' and gss is not null and date like '2016%'""").fetchone()[0]
    assert int(next(r for r in rows if r["year"] == "2016")["inadequate"]) == expected > 0


def test_show_as_timelinejs_is_a_timeline_file(corpus_db) -> None:
    document = json.loads(run_cli("show", "Somerset", "--db", str(corpus_db), "--format", "timelinejs").output)
    assert document["title"]["text"]["headline"].startswith("Somerset")
    assert document["events"] and all("start_date" in e and e["text"]["headline"] for e in document["events"])
