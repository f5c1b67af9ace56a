"""PDF inspection reports: rows, running lines, paragraphs, report facts and errors, on real PDFs.

The PDFs are ``corpus/pdf/``, written by ``corpus/pdf/make_pdfs.py`` in Ofsted's layouts with
invented text; the broken ones are real bytes too (an encrypted PDF, a cut download, a web page
saved as ``.pdf``).
"""

from __future__ import annotations

import importlib.util
import io
import json
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from pipeline.errors import ParseError
from pipeline.fetch import read_source
from pipeline.parse import parse_document
from pipeline.parse.ofsted import InspectionReport
from pipeline.parse.pdf import inspection_report, join_wrapped, parse_pdf, read_layout
from pipeline.records import ParsedDocument, ReportFacts

PDF_DIR = Path(__file__).resolve().parents[2] / "corpus" / "pdf"
RUTLAND, WAKEFIELD = "ilacs-2023-rutland", "ilacs-2019-wakefield"
TORBAY, BEDFORD = "ilacs-2026-torbay", "sif-2016-bedford"
LEADERS = "The impact of leaders on social work practice with children and families"
HELP = "The experiences and progress of children who need help and protection"
RUNS_OVER_A_PAGE = " ".join(
    """
    The response to children who need help and protection is not yet strong enough. Most referrals are handled
    promptly, but the quality of assessments varies between teams, and some plans for children in need do not
    say clearly what must change or by when. Leaders have recognised these weaknesses through their own audits
    and have started a practice development programme, but it is too early to see its full impact on the
    experiences of children. Managers now review the work of each team every month and share what they find
    with practitioners, so that strengths are spread and gaps are closed more quickly than before.
    """.split()
)


@cache
def parsed(name: str) -> ParsedDocument:
    return parse_pdf(f"pdf/{name}.pdf", (PDF_DIR / f"{name}.pdf").read_bytes())


def lines(name: str) -> list[str]:
    return parsed(name).text.splitlines()


@pytest.mark.parametrize(
    ("name", "row"),
    [
        (RUTLAND, f"{LEADERS} | Good"),
        (RUTLAND, f"{HELP} | Requires improvement to be good"),
        (RUTLAND, "The experiences and progress of children in care | Good"),
        (RUTLAND, "The experiences and progress of care leavers | Outstanding"),
        (RUTLAND, "Overall effectiveness | Good"),
        (WAKEFIELD, "The experiences and progress of children in care and care leavers | Good"),
        (WAKEFIELD, "Overall effectiveness | Requires improvement to be good"),
        (TORBAY, "The experiences and progress of children in care | Requires improvement to be good"),
        (BEDFORD, "1. Children who need help and protection | Requires improvement"),
        (BEDFORD, "2.1 Adoption performance | Good"),
        (BEDFORD, "2.2 Experiences and progress of care leavers | Requires improvement"),
        (BEDFORD, "3. Leadership, management and governance | Requires improvement"),
    ],
)
def test_judgement_table_gives_one_whole_row_per_area(name: str, row: str) -> None:
    assert lines(name).count(row) == 1


@pytest.mark.parametrize("name", [RUTLAND, WAKEFIELD, TORBAY])
@pytest.mark.parametrize(
    "fragment",
    # Where the page's own text of the table breaks the area cells (pdfplumber's extract_text
    # gives "The impact of leaders on social work Good" over "practice with children and families").
    ["practice with children and families", "children who need help", "leavers", "Judgement Grade"],
)
def test_the_tables_wrapped_text_is_not_read_twice(name: str, fragment: str) -> None:
    assert not any(line.startswith(fragment) for line in lines(name))
    broken = [line for line in lines(name) if line.startswith("The impact of leaders on social work ")]
    assert all("|" in line or ":" in line for line in broken)


@pytest.mark.parametrize("name", [RUTLAND, WAKEFIELD, TORBAY, BEDFORD])
def test_the_table_stands_where_it_stood(name: str) -> None:
    text = lines(name)
    table = text.index("Judgement | Grade")
    assert text[table - 1].startswith(("Lead inspector", "Her Majesty’s Inspector", "Children’s services in"))


@pytest.mark.parametrize(
    ("name", "furniture"),
    [
        (RUTLAND, "6 to 17 March 2023"),  # running foot, second line
        (RUTLAND, "Inspection of Rutland local authority children’s services 2"),  # foot and page number
        (TORBAY, "11 to 22 May 2026"),
        (BEDFORD, "Inspection and review: Bedford Borough Council"),  # running head
        (BEDFORD, "Page 2"),
        (WAKEFIELD, "2"),  # a page number alone
        (RUTLAND, "Test fixture: the text is invented and is not an Ofsted publication."),  # imprint page
    ],
)
def test_running_heads_feet_page_numbers_and_imprint_are_gone(name: str, furniture: str) -> None:
    assert furniture not in lines(name)
    assert not any(line.startswith("The Office for Standards in Education") for line in lines(name))


@pytest.mark.parametrize(
    ("name", "line"),
    [
        # A paragraph that runs over a page break is one line again.
        (RUTLAND, RUNS_OVER_A_PAGE),
        # A heading wrapped over two lines.
        (RUTLAND, f"{HELP}: requires improvement to be good"),
        (WAKEFIELD, f"{LEADERS}: requires improvement to be good"),
        # Front-page fields keep their own lines.
        (WAKEFIELD, "Lead inspector: Desmond Achebe"),
        (WAKEFIELD, "Her Majesty’s Inspector"),
        (RUTLAND, "Inspection dates: 6 to 17 March 2023"),
        (BEDFORD, "Report published: 21 March 2016"),
        (BEDFORD, "Children’s services in Bedford require improvement to be good"),
        (RUTLAND, "• The clarity of plans, so that families know what must change and by when."),
    ],
)
def test_wrapped_lines_are_joined_into_whole_paragraphs_and_headings(name: str, line: str) -> None:
    assert line in lines(name)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (RUTLAND, InspectionReport(
            "ILACS", "Rutland", "Inspection of Rutland local authority children’s services",
            "6 to 17 March 2023", published=None, care_leavers_judged=True, overall_judged=True,
        )),
        (WAKEFIELD, InspectionReport(  # 2018-2020 layout: the council above the kind of inspection
            "ILACS", "Wakefield Council", "Wakefield Council – Inspection of children’s social care services",
            "4 February 2019 to 15 February 2019", published=None, care_leavers_judged=False,
            overall_judged=True,
        )),
        (TORBAY, InspectionReport(  # from April 2026: no overall effectiveness
            "ILACS", "Torbay", "Inspection of Torbay local authority children’s services",
            "11 to 22 May 2026", published=None, care_leavers_judged=True, overall_judged=False,
        )),
        (BEDFORD, InspectionReport(
            "SIF", "Bedford Borough Council",
            "Bedford Borough Council – Inspection of services for children in need of help and protection, "
            "children looked after and care leavers",
            "11 January 2016 to 4 February 2016", published="2016-03-21", care_leavers_judged=True,
            overall_judged=True,
        )),
    ],
)
def test_the_front_page_gives_authority_framework_and_dates(name: str, expected: InspectionReport) -> None:
    layout = read_layout(name, (PDF_DIR / f"{name}.pdf").read_bytes())
    assert inspection_report(layout) == expected
    assert parsed(name).title == expected.title
    assert parsed(name).published == expected.published  # ILACS reports state no publication date


@pytest.mark.parametrize(
    ("name", "report"),
    [
        (RUTLAND, ReportFacts(framework="ILACS", authority="Rutland", inspection_start="2023-03-06",
                              inspection_end="2023-03-17")),
        (WAKEFIELD, ReportFacts(framework="ILACS", authority="Wakefield Council", inspection_start="2019-02-04",
                                inspection_end="2019-02-15")),
        (TORBAY, ReportFacts(framework="ILACS", authority="Torbay", inspection_start="2026-05-11",
                             inspection_end="2026-05-22")),
        (BEDFORD, ReportFacts(framework="SIF", authority="Bedford Borough Council", inspection_start="2016-01-11",
                              inspection_end="2016-02-04", published="2016-03-21")),
    ],
)
def test_the_front_pages_facts_are_fields_and_the_text_is_the_reports_own(name: str, report: ReportFacts) -> None:
    """Regression (issue 13): the framework and authority were a first line written into the text."""
    assert parsed(name).report == report
    assert lines(name)[0] == parsed(name).title.split(" – ")[0]
    assert "(ILACS)" not in parsed(name).text and "(SIF)" not in parsed(name).text


def test_gold_evidence_is_verbatim_in_the_parsed_text() -> None:
    for line in (PDF_DIR / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        document = parsed(Path(gold["source"]).stem)
        assert document.title == gold["title"]
        assert document.published == gold["published"]
        for judgement in gold["judgements"]:
            assert judgement["evidence"] in document.text, judgement
        for date in gold["dates"]:
            assert date["text"] in document.text, date


def test_parse_document_sends_a_pdf_here() -> None:
    document = parse_document(read_source(str(PDF_DIR / f"{RUTLAND}.pdf")))
    assert document.kind == "pdf"
    assert document.text == parsed(RUTLAND).text


def _pdf(draw_text: bool) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    if draw_text:
        canvas.setFont("Helvetica-Bold", 18)
        canvas.drawString(72, 760, "Council welcomes new family hub")
        canvas.setFont("Helvetica", 11)
        canvas.drawString(72, 736, "Published 3 July 2015")
        canvas.drawString(72, 712, "The council opened its third family hub in the town centre this week.")
    else:
        canvas.rect(72, 600, 200, 100, fill=1)  # a scanned page: a picture, no text
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_a_pdf_that_is_not_an_inspection_report_has_no_report_facts() -> None:
    document = parse_pdf("statement.pdf", _pdf(draw_text=True))
    assert document.report is None
    assert document.text.splitlines()[0] == "Council welcomes new family hub"
    assert document.title == "Council welcomes new family hub"
    assert document.published == "2015-07-03"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("broken/encrypted.pdf", None, "encrypted PDF; save an unencrypted copy"),
        ("broken/truncated.pdf", None, "truncated PDF (no %%EOF at the end)"),
        ("broken/saved-web-page.pdf", None, "not a PDF (starts with b'<!DOCTYPE html>"),
        ("empty.pdf", b"", "empty file"),
        ("garbled.pdf", b"%PDF-1.7\n" + b"not an object " * 40 + b"\n%%EOF\n", "corrupt PDF (PDFSyntaxError"),
        ("scanned.pdf", _pdf(draw_text=False), "PDF has no extractable text"),
    ],
)
def test_bad_pdfs_fail_with_a_clear_error(name: str, data: bytes | None, reason: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_pdf(name, data if data is not None else (PDF_DIR / name).read_bytes())
    assert str(caught.value).startswith(f"{name}: {reason}")


@pytest.mark.parametrize(
    ("parts", "joined"),
    [
        (["decision-", "making"], "decision-making"),  # a word broken at its hyphen keeps it
        (["homeless 16-", "and 17-year-olds"], "homeless 16- and 17-year-olds"),
        (["co\u00ad", "operate"], "cooperate"),  # a soft hyphen goes
        (["The impact of leaders on social work", "practice with children and families"],
         "The impact of leaders on social work practice with children and families"),
        (["", "  Good "], "Good"),
    ],
)
def test_join_wrapped(parts: list[str], joined: str) -> None:
    assert join_wrapped(parts) == joined


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_pdfs", PDF_DIR / "make_pdfs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def test_committed_fixtures_are_what_the_generator_writes(tmp_path: Path) -> None:
    written = _generator().build(tmp_path)
    assert written
    for path in written:
        committed = PDF_DIR / path.relative_to(tmp_path)
        assert committed.read_bytes() == path.read_bytes(), f"{committed} drifted; run make_pdfs.py"


@pytest.mark.parametrize(
    ("stated", "created", "expected"),
    [
        ("2024-03-01", "2024-02-20", ("2024-03-01", "text")),  # the front page's own date wins
        (None, "2023-12-14", ("2023-12-14", "pdf metadata")),  # made six weeks after the inspection
        (None, "2023-11-02", (None, None)),  # before the inspection ended: a draft, not the report
        (None, "2025-06-30", (None, None)),  # long after: a later copy
        (None, None, (None, None)),
    ],
)
def test_a_report_without_a_stated_publication_date_takes_the_days_its_file_was_made(stated, created, expected) -> None:
    from pipeline.parse.ofsted import InspectionReport
    from pipeline.parse.pdf import report_publication

    report = InspectionReport(framework="ILACS", authority="Rutland", title="Inspection of Rutland",
                              inspection_dates="30 October to 3 November 2023", published=stated,
                              care_leavers_judged=True, overall_judged=True)
    assert report_publication(report, created) == expected


@pytest.mark.parametrize(
    ("value", "day"),
    [("D:20231214153117+00'00'", "2023-12-14"), ("20190705", "2019-07-05"), (b"D:20160321", "2016-03-21"),
     ("D:20231399", None), ("yesterday", None), (None, None)],
)
def test_pdf_metadata_dates_are_read_to_the_day(value, day) -> None:
    from pipeline.parse.pdf import pdf_day

    assert pdf_day(value) == day
