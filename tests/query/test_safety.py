"""Hostile text in every query command: a normal answer or one clean error, and the database untouched.

Quotes, SQL comments, FTS5 syntax, NUL bytes, LIKE wildcards and very long strings go in as the
authority, the search words, the filters and the options of ``show``, ``search``, ``people``,
``export`` and ``report``. Each call either answers (exit 0) or fails with one line (exit 1) or a
click usage error (exit 2), never a traceback; afterwards every table has the rows it had and the
database's content and integrity check are the same. A static check reads pipeline/ to keep SQL
text built from constants only.
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.conftest import CORPUS, ROOT, run_cli

DOCUMENTS = (
    "2013-11-somerset-improvement-notice-issued.html",
    "2016-05-somerset-improvement-notice-lifted.txt",
    "2009-12-wokingham-improvement-notice-proposed.txt",
    "2014-06-birmingham-commissioner-appointed.html",
)
HOSTILE = [
    "'",
    '"',
    "''",
    "'; drop table documents; --",
    '" or 1=1 --',
    "') or ('1'='1",
    "Somerset' --",
    "Somerset; delete from judgements",
    "NEAR(",
    "NEAR(improvement notice, 2)",
    "*",
    "notice*",
    '"unterminated',
    "col:",
    "evidence:notice",
    "{evidence text}: notice",
    "^notice",
    "- notice",
    "AND",
    "OR NOT",
    "\x00",
    "Somerset\x00'; drop table actions; --",
    "%",
    "_",
    "%_%",
    "Som%",
    "S_merset",
    "\\",
    "’",
    "🚀 ٣ ﬁ",
    "x" * 100_000,
    "notice " * 5_000,
    " ".join(f"w{i}" for i in range(2_000)),
    "99999999999999999999",
    "-1",
    "2013-13-45",
]


@pytest.fixture(scope="module")
def small_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("hostile") / "timeline.db"
    result = run_cli("ingest", *(str(CORPUS / "documents" / name) for name in DOCUMENTS), "--db", str(db), "--quiet")
    assert result.exit_code == 0, result.output
    return db


def snapshot(db: Path) -> tuple[dict[str, int], str, str]:
    """Row counts of every table, the integrity check, and a hash of the whole content."""
    with closing(sqlite3.connect(db)) as conn:
        tables = [name for (name,) in conn.execute("select name from sqlite_master where type = 'table' order by name")]
        counts = {table: conn.execute(f'select count(*) from "{table}"').fetchone()[0] for table in tables}
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        content = hashlib.sha256("\n".join(conn.iterdump()).encode("utf-8", "surrogatepass")).hexdigest()
    return counts, integrity, content


def assert_answer_or_clean_error(result: Result) -> None:
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.output
    if result.exit_code == 1:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr[:500]


COMMANDS = {
    "show authority": lambda h, out: ["show", h],
    "show from": lambda h, out: ["show", "Somerset", "--from", h],
    "show to, json": lambda h, out: ["show", "Somerset", "--to", h, "--format", "json"],
    "show csv": lambda h, out: ["show", "Somerset", "--from", h, "--to", h, "--format", "csv"],
    "show markdown": lambda h, out: ["show", h, "--format", "markdown"],
    "show format": lambda h, out: ["show", "Somerset", "--format", h],
    "search words": lambda h, out: ["search", h],
    "search words, json": lambda h, out: ["search", h, "--format", "json", "--kind", "action"],
    "search authority": lambda h, out: ["search", "notice", "--authority", h],
    "search kind": lambda h, out: ["search", "notice", "--kind", h],
    "search dates": lambda h, out: ["search", h, "--from", h, "--to", h, "--kind", "document"],
    "search limit": lambda h, out: ["search", "notice", "--limit", h, "--authority", "Somerset"],
    "people": lambda h, out: ["people", h],
    "people, json": lambda h, out: ["people", h, "--format", "json"],
    "export format": lambda h, out: ["export", "--format", h],
    "report authority": lambda h, out: ["report", h, "-o", out],
    "report dates": lambda h, out: ["report", "Somerset", "--from", h, "--to", h, "-o", out],
}


@pytest.mark.parametrize("command", COMMANDS)
def test_hostile_text_gets_an_answer_or_one_clean_error_and_changes_nothing(small_db, tmp_path, command: str) -> None:
    before = snapshot(small_db)
    for hostile in HOSTILE:
        args = COMMANDS[command](hostile, str(tmp_path / "report.html"))
        assert_answer_or_clean_error(CliRunner().invoke(_main(), [*args, "--db", str(small_db)], catch_exceptions=False))
    assert snapshot(small_db) == before
    assert before[1] == "ok"


@pytest.mark.parametrize("decorated", ['"improvement notice', "improvement notice*", "(improvement) notice:",
                                       "improvement'; notice --", "NOTICE improvement^"])
def test_search_punctuation_is_never_fts_syntax_but_the_words_still_match(small_db, decorated: str) -> None:
    def hits(words: str) -> list[dict]:
        return json.loads(run_cli("search", words, "--db", str(small_db), "--format", "json").output)

    plain = hits("improvement notice")
    assert plain, "the plain words find the notices"
    assert hits(decorated) == plain


def test_a_limit_past_sqlites_integers_means_all_hits(small_db) -> None:
    """Regression: --limit 99999999999999999999 with a filter raised OverflowError from sqlite3."""
    every = run_cli("search", "notice", "--authority", "Somerset", "--limit", "99999999999999999999", "--db", str(small_db))
    assert every.exit_code == 0 and "somerset" in every.output.lower()
    assert run_cli("search", "notice", "--limit", "-1", "--db", str(small_db), "--format", "json").output.strip() == "[]"


def test_people_matches_words_not_like_patterns(small_db) -> None:
    """Regression: a name with no letters ("%") was SQL "where order by"; a very long one was a LIKE
    pattern "too complex" for SQLite. A name is words to find in the person's key, never a pattern."""
    def names(name: str) -> list[str]:
        return [p["name"] for p in json.loads(run_cli("people", name, "--db", str(small_db), "--format", "json").output)]

    assert names("haversham") == ["Lord Haversham"]
    assert names("%") == names("_") == names("x" * 100_000) == []
    assert names("Lord%") == names("Lord")


def test_thousands_of_words_are_one_clean_error_not_a_minute_of_sqlite(small_db) -> None:
    """Regression: 5,000 repeated words took 40 s in FTS5, and as many distinct ones, in search or
    people, raised sqlite3's "Expression tree is too large (maximum depth 1000)"."""
    assert run_cli("search", "notice " * 5_000, "--db", str(small_db), "--format", "json").output == \
        run_cli("search", "notice", "--db", str(small_db), "--format", "json").output
    many = " ".join(f"w{i}" for i in range(2_000))
    for command in ("search", "people"):
        result = CliRunner().invoke(_main(), [command, many, "--db", str(small_db)])
        assert result.exit_code == 1
        assert result.stderr.startswith("error: w0 w1 w2") and "too many words" in result.stderr


@pytest.mark.parametrize("authority", ["[/red]", "[bold]Somerset", "Somer\nset"])
def test_an_error_names_the_text_verbatim_on_one_line(small_db, authority: str) -> None:
    result = CliRunner().invoke(_main(), ["show", authority, "--db", str(small_db)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and authority.replace("\n", "\\n") in lines[0]


def _main():
    from pipeline.cli import main

    return main


# The static check -----------------------------------------------------------------------------

SQL_CALLS = {"execute", "executemany", "executescript", "query"}
# Literal text that marks a string as SQL once its interpolations are taken out.
SQL_TEXT = re.compile(
    r"\b(?:select|insert\s+into|delete\s+from|update\s+\w+\s+set|pragma|where|order\s+by|substr\()|\bin\s*\(\s*\)",
    re.IGNORECASE,
)
# Local names SQL text may interpolate, each only ever bound to SQL written in the code or to "?" marks.
SQL_NAMES = {
    "table": "a table name from FACT_TABLES or a literal tuple of tables",
    "marks": 'placeholders: ",".join("?" for ...)',
    "label": "a literal kind ('judgement', 'action') from a literal tuple",
    "detail": "a literal SQL expression from that tuple",
    "where": "clauses built by _filters from the names here, joined with ' and '",
    "date_filter": "clauses built from literal SQL and len() of a filter",
    "date_column": "a literal column name passed by the caller",
    "gss_column": "a literal column name or a literal sub-select with {} for marks",
    "definitions": "serve.py: the Event model's field names (code, not data), quoted, each with a literal type",
    "quoted_column": "serve.py: a field name of the Event model, quoted",
    "column_list": "serve.py: the Event model's field names, quoted",
}


def _allowed(node: ast.expr) -> bool:
    """A constant (UPPER_CASE name or an item of one), a name from SQL_NAMES, or len(...), an integer."""
    if isinstance(node, ast.Name):
        return node.id.isupper() or node.id in SQL_NAMES
    if isinstance(node, ast.Subscript):
        return isinstance(node.value, ast.Name) and node.value.id.isupper()
    if isinstance(node, ast.Call):
        return isinstance(node.func, ast.Name) and node.func.id == "len"
    if isinstance(node, ast.Tuple):
        return all(_allowed(item) for item in node.elts)
    return False


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    return None


def sql_interpolations(source: str, filename: str = "<string>") -> list[str]:
    """Every interpolation into SQL text that is not allowed, as "file:line: expression"."""
    bad = []
    sql_args = set()
    tree = ast.parse(source, filename)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SQL_CALLS and node.args:
            sql_args.add(id(node.args[0]))
    for node in ast.walk(tree):
        pieces: list[ast.expr] = []
        if isinstance(node, ast.JoinedStr) and (id(node) in sql_args or SQL_TEXT.search(_literal(node) or "")):
            pieces = [v.value for v in node.values if isinstance(v, ast.FormattedValue)]
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and SQL_TEXT.search(_literal(node.left) or ""):
            pieces = [node.right]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
            receiver = node.func.value
            if SQL_TEXT.search(_literal(receiver) or "") or (isinstance(receiver, ast.Name) and receiver.id in SQL_NAMES):
                pieces = [*node.args, *(k.value for k in node.keywords)]
        bad += [f"{filename}:{node.lineno}: {ast.unparse(p)}" for p in pieces if not _allowed(p)]
    return bad


def test_sql_text_interpolates_only_constants_and_placeholder_lists() -> None:
    """The rule: SQL text in pipeline/ (any f-string passed to .execute/.query, or any f-string,
    %-format or .format whose literal text reads as SQL) may interpolate only UPPER_CASE constants
    (or items of them), len(...) (an integer), and the few local names in SQL_NAMES, each bound
    only to SQL written in the code or to a list of "?" placeholders. Values from users always
    travel as ? parameters. A new interpolation must be one of these, or be added to SQL_NAMES
    with the reason it is safe."""
    bad = []
    for path in sorted((ROOT / "pipeline").rglob("*.py")):
        bad += sql_interpolations(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert bad == []


@pytest.mark.parametrize(
    "code",
    [
        "db.execute(f\"select * from people where name = '{name}'\")",
        "db.query(f'delete from {table_name}')",
        "sql = f'select id from documents where source = {source!r}'",
        "sql = 'select * from documents where id = %s' % doc_id",
        "sql = 'select * from documents where id in ({})'.format(user_ids)",
    ],
)
def test_the_static_check_catches_user_text_in_sql(code: str) -> None:
    assert sql_interpolations(code)
