"""Stored text reaches the terminal and Markdown inert: escapes, line breaks and tags are shown, not acted on.

Regression (issue 12, item 14): file names and document text with newlines or terminal escape
sequences reached the terminal raw through `search`, `people` and `show` (Rich also read
"[bold]" in evidence as markup), and `show --format markdown` passed raw HTML through.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.query.text import inert_json, markdown_name, markdown_text, one_line, prose
from tests.conftest import CORPUS, run_cli

# What a terminal acts on: clear screen, set the window title, bell, carriage return, CSI in one
# byte, a bidi override that reorders what follows.
TERMINAL_CONTROLS = ("\x1b", "\r", "\x07", "\x9b", "\u202e")
PAYLOAD = " \x1b[2J\x1b]0;pwned\x07 <script>alert(1)</script> [bold]x[/bold] *boom* [link](http://evil.example) \u202eevil\r"


@pytest.mark.parametrize(("text", "shown"), [
    ("Somerset County Council", "Somerset County Council"),
    ("Renée Fairweather — 🚀", "Renée Fairweather — 🚀"),
    ("a\nb", "a\\nb"),
    ("evil\x1b[2J\rname.txt", "evil\\x1b[2J\\rname.txt"),
    ("title\x1b]0;pwned\x07", "title\\x1b]0;pwned\\x07"),
    ("\u202eevil", "\\u202eevil"),
    ("\x9b31m", "\\x9b31m"),
])
def test_one_line_shows_what_a_terminal_would_act_on(text: str, shown: str) -> None:
    assert one_line(text) == shown


@pytest.mark.parametrize(("text", "shown"), [
    ("The council was judged\ninadequate  overall.", "The council was judged inadequate overall."),
    ("line\r\nbreak", "line break"),
    ("clear\x1b[2J", "clear\\x1b[2J"),
])
def test_prose_flows_line_breaks_and_escapes_the_rest(text: str, shown: str) -> None:
    assert prose(text) == shown


@pytest.mark.parametrize(("text", "markdown"), [
    ("improvement_notice (directed)", "improvement_notice (directed)"),
    ("children_in_care: adequate", "children_in_care: adequate"),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("Q&A <b>", "Q&amp;A &lt;b&gt;"),
    ("[link](http://evil.example)", "\\[link\\](http://evil.example)"),
    ("![img](x)", "!\\[img\\](x)"),
    ("*bold* and _em_ and `code` and ~~gone~~", "\\*bold\\* and \\_em\\_ and \\`code\\` and \\~\\~gone\\~\\~"),
    ("a | b", "a \\| b"),
    ("back\\slash", "back\\\\slash"),
    ("two\nlines", "two lines"),
    ("escape\x1b[2J", "escape\\\\x1b\\[2J"),
])
def test_markdown_text_is_literal(text: str, markdown: str) -> None:
    assert markdown_text(text) == markdown


def test_markdown_name_shows_a_line_break_in_a_file_name() -> None:
    assert markdown_name("notes/a\nb.txt") == "notes/a\\\\nb.txt"


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory) -> Path:
    """A real notice, with terminal escapes, HTML and Markdown in its title and text, saved under a file
    name that holds an escape sequence, a carriage return and a newline."""
    folder = tmp_path_factory.mktemp("hostile")
    notice = (CORPUS / "documents" / "2016-05-somerset-improvement-notice-lifted.txt").read_text(encoding="utf-8")
    title, rest = notice.split("\n", 1)
    text = title + PAYLOAD + "\n" + rest.replace("Frances Nicholls", "Frances Nicholls\x1b[31m")
    (folder / "docs").mkdir()
    (folder / "docs" / "evil\x1b[2J\rname\n<b>x<b>.txt").write_text(text, encoding="utf-8")
    db = folder / "timeline.db"
    result = run_cli("ingest", str(folder / "docs"), "--db", str(db), "--quiet")
    assert result.exit_code == 0, result.output
    return db


def assert_inert_on_a_terminal(output: str) -> None:
    for control in TERMINAL_CONTROLS:
        assert control not in output, repr(control)
    assert all(ch.isprintable() or ch == "\n" for ch in output)


def test_search_shows_escapes_in_snippets_and_file_names(hostile_db) -> None:
    output = run_cli("search", "improvement notice", "--db", str(hostile_db)).output
    assert_inert_on_a_terminal(output)
    assert "evil\\x1b[2J\\rname\\n<b>x<b>.txt" in output
    assert "\\x1b[2J\\x1b]0;pwned\\x07" in output


def test_people_shows_escapes_in_names_and_file_names(hostile_db) -> None:
    output = run_cli("people", "--db", str(hostile_db)).output
    assert_inert_on_a_terminal(output)
    assert "Frances Nicholls" in output and "evil\\x1b[2J\\rname\\n" in output


def test_show_table_shows_escapes_and_brackets_verbatim(hostile_db) -> None:
    output = run_cli("show", "Somerset", "--db", str(hostile_db)).output
    assert_inert_on_a_terminal(output.replace("\n", ""))
    assert "[bold]" in output, "evidence is text, not Rich markup"


def test_show_markdown_is_inert_html_and_markdown(hostile_db) -> None:
    markdown = run_cli("show", "Somerset", "--db", str(hostile_db), "--format", "markdown").output
    assert_inert_on_a_terminal(markdown)
    assert "<script>" not in markdown and "<b>" not in markdown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markdown
    assert "\\[link\\](http://evil.example)" in markdown and "\\*boom\\*" in markdown
    assert "evil\\\\x1b\\[2J\\\\rname\\\\n&lt;b&gt;x&lt;b&gt;.txt" in markdown
    events = json.loads(run_cli("show", "Somerset", "--db", str(hostile_db), "--format", "json").output)
    assert markdown.count("[^") == 2 * sum(len(e["citations"]) for e in events), "every footnote still links"
    assert any("<script>" in c["evidence"] for e in events for c in e["citations"]), "the evidence itself is kept verbatim"


@pytest.mark.parametrize("args", [["search", "improvement notice", "--format", "json"], ["show", "Somerset", "--format", "json"],
                                  ["people", "--format", "json"], ["export"]])
def test_json_output_escapes_what_a_terminal_acts_on_and_keeps_the_data(hostile_db, args: list[str]) -> None:
    output = run_cli(*args, "--db", str(hostile_db)).output
    assert_inert_on_a_terminal(output)
    decoded = [json.loads(line) for line in output.splitlines()] if args == ["export"] else json.loads(output)
    assert any(s.endswith("evil\x1b[2J\rname\n<b>x<b>.txt") for s in strings(decoded)), "the same text, escaped only in transit"


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    return [s for item in items for s in strings(item)]


def test_inert_json_is_the_same_json() -> None:
    value = {"text": "x\x1b[2J\u202e\x9b\x7f\u00a0é🚀\U000e0001\n"}
    assert json.loads(inert_json(json.dumps(value, ensure_ascii=False))) == value
    assert inert_json('"\\u2028 plain"') == '"\\u2028 plain"'
