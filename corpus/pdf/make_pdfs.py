"""Write the fixture PDFs of this folder: Ofsted-style inspection reports with invented text.

    .venv/bin/python corpus/pdf/make_pdfs.py        # rewrites the PDFs beside this file

The layouts imitate Ofsted's (title, front-page fields, a ruled judgement table whose area cells
wrap over two lines, headings that wrap, numbered paragraphs, running feet and page numbers, a
closing imprint page) so that the parser meets what real reports give it. Only the authority
names are real (``shared/reference/local_authorities.csv``); every grade, person, date and
sentence is invented, and none is taken from a real report. Output is byte-for-byte
reproducible (reportlab's invariant mode); ``tests/parse/test_pdf.py`` fails if the committed
files drift from what this script writes.

``broken/`` holds inputs that must fail: an encrypted report, a truncated one, and a web page
saved under a ``.pdf`` name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

HERE = Path(__file__).resolve().parent
# Embedded TrueType fonts, as Ofsted's PDFs embed Tahoma: they carry a Unicode map, so bullets and
# curly apostrophes read back as themselves. Bitstream Vera ships with reportlab, so every machine
# writes the same bytes.
FONTS = Path(rl_config.__file__).resolve().parent / "fonts"
pdfmetrics.registerFont(TTFont("Vera", str(FONTS / "Vera.ttf")))
pdfmetrics.registerFont(TTFont("Vera-Bold", str(FONTS / "VeraBd.ttf")))
MARGIN = 72.0
BODY = ParagraphStyle("body", fontName="Vera", fontSize=12, leading=14.5, spaceAfter=12, alignment=TA_LEFT)
NUMBERED = ParagraphStyle("numbered", parent=BODY, leftIndent=28, firstLineIndent=-28)
BULLET = ParagraphStyle("bullet", parent=BODY, leftIndent=18, firstLineIndent=-18, spaceAfter=8)
TITLE = ParagraphStyle("title", fontName="Vera", fontSize=26, leading=31, spaceAfter=12)
SUBTITLE = ParagraphStyle("subtitle", fontName="Vera-Bold", fontSize=16, leading=19, spaceAfter=10)
FIELD = ParagraphStyle("field", fontName="Vera-Bold", fontSize=12, leading=14.5, spaceAfter=10)
HEADING = ParagraphStyle(
    "heading", fontName="Vera-Bold", fontSize=14, leading=17, spaceBefore=6, spaceAfter=12
)
CELL = ParagraphStyle("cell", fontName="Vera", fontSize=12, leading=14.5)
CELL_BOLD = ParagraphStyle("cell_bold", parent=CELL, fontName="Vera-Bold")
SMALL = ParagraphStyle("small", fontName="Vera", fontSize=9, leading=11, spaceAfter=6)
# The ILACS judgement areas and the grade that needs most room.
LEADERS = "The impact of leaders on social work practice with children and families"
HELP = "The experiences and progress of children who need help and protection"
IN_CARE = "The experiences and progress of children in care"
CARE_LEAVERS = "The experiences and progress of care leavers"
REQUIRES_IMPROVEMENT = "Requires improvement to be good"
FIXTURE_NOTE = "Test fixture: the text is invented and is not an Ofsted publication."


@dataclass(frozen=True)
class Report:
    """One fixture report: front page, judgement table, body, and its page furniture."""

    name: str
    titles: list[tuple[str, ParagraphStyle]]
    fields: list[str]
    rows: list[tuple[str, str]]
    body: list[tuple[str, str]]  # (kind, text): kind is "p", "heading", "bullet", "numbered"
    foot: list[str] = field(default_factory=list)  # running foot lines from page 2 on
    head: str | None = None  # running head from page 2 on
    page_label: str = "{n}"  # how the page number reads
    area_width: float = 250.0  # narrow enough that the long area names wrap, as Ofsted's do
    headline: str | None = None  # SIF: the overall judgement as a sentence above the table


def prose(text: str) -> str:
    """A paragraph written over several source lines, as one line of text."""
    return " ".join(text.split())


def _front_matter(report: Report) -> list[Flowable]:
    story: list[Flowable] = [Paragraph(text, style) for text, style in report.titles]
    story += [Paragraph(text, FIELD) for text in report.fields]
    story.append(Spacer(1, 8))
    return story


def _judgement_table(rows: list[tuple[str, str]], area_width: float) -> Table:
    cells = [[Paragraph("Judgement", CELL_BOLD), Paragraph("Grade", CELL_BOLD)]]
    cells += [[Paragraph(area, CELL), Paragraph(grade, CELL)] for area, grade in rows]
    table = Table(cells, colWidths=[area_width, 451 - area_width], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.75, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return table


def _body(parts: list[tuple[str, str]]) -> list[Flowable]:
    styles = {"p": BODY, "heading": HEADING, "bullet": BULLET, "numbered": NUMBERED}
    story: list[Flowable] = []
    number = 0
    for kind, text in parts:
        if kind == "numbered":
            number += 1
            text = f"{number}.\u00a0\u00a0\u00a0{text}"
        elif kind == "bullet":
            text = f"•\u00a0\u00a0{text}"
        story.append(Paragraph(text, styles[kind]))
    return story


def _imprint() -> list[Flowable]:
    return [
        PageBreak(),
        Paragraph(
            "The Office for Standards in Education, Children’s Services and Skills (Ofsted) inspects and "
            "regulates services for children and for learners of all ages.",
            SMALL,
        ),
        Paragraph(FIXTURE_NOTE, SMALL),
    ]


def _furniture(report: Report) -> Callable[[Canvas, SimpleDocTemplate], None]:
    def draw(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        number = canvas.getPageNumber()
        canvas.saveState()
        canvas.setFont("Vera", 20)
        canvas.drawRightString(A4[0] - MARGIN, 34, report.page_label.format(n=number))
        if number > 1:
            canvas.setFont("Vera", 8)
            for index, line in enumerate(report.foot):
                canvas.drawString(MARGIN, 42 - index * 10, line)
            if report.head:
                canvas.drawString(MARGIN, A4[1] - 40, report.head)
        canvas.restoreState()

    return draw


def write_report(report: Report, path: Path, encrypt: StandardEncryption | None = None) -> Path:
    """Lay out one report; invariant mode keeps dates and ids out so the bytes are reproducible."""
    rl_config.invariant = 1
    margins = {"leftMargin": MARGIN, "rightMargin": MARGIN, "topMargin": MARGIN, "bottomMargin": MARGIN}
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, title=report.name, author="children's services timeline test fixtures",
        invariant=1, encrypt=encrypt, **margins,
    )
    story = _front_matter(report)
    if report.headline:
        story.append(Paragraph(report.headline, HEADING))
    story.append(_judgement_table(report.rows, report.area_width))
    story.append(Spacer(1, 16))
    story += _body(report.body)
    story += _imprint()
    furniture = _furniture(report)
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path


RUTLAND = Report(
    name="ilacs-2023-rutland",
    titles=[("Inspection of Rutland local authority children’s services", TITLE)],
    fields=["Inspection dates: 6 to 17 March 2023", "Lead inspector: Harriet Lomax, His Majesty’s Inspector"],
    rows=[
        (LEADERS, "Good"),
        (HELP, REQUIRES_IMPROVEMENT),
        (IN_CARE, "Good"),
        (CARE_LEAVERS, "Outstanding"),
        ("Overall effectiveness", "Good"),
    ],
    body=[
        ("p", prose("""
        Services for children and families in Rutland are good. Leaders know the county’s small and
        widely spread communities well, and they have used that knowledge to shape services that reach
        families in villages as well as in the market towns. Social workers stay with families for
        longer than they did, caseloads are manageable, and staff speak warmly of the support they
        receive from managers who are visible and approachable.
        """)),
        ("p", prose("""
        Care leavers receive an exceptional service. Personal advisers keep in touch with every young
        person, including those who live far from the county, and they help them into homes, jobs and
        courses that suit them. Young people told inspectors that their advisers are always there for
        them and never give up on them.
        """)),
        ("p", prose("""
        The response to children who need help and protection is not yet strong enough. Most referrals
        are handled promptly, but the quality of assessments varies between teams, and some plans for
        children in need do not say clearly what must change or by when. Leaders have recognised these
        weaknesses through their own audits and have started a practice development programme, but it is
        too early to see its full impact on the experiences of children. Managers now review the work of
        each team every month and share what they find with practitioners, so that strengths are spread
        and gaps are closed more quickly than before.
        """)),
        ("heading", "What needs to improve?"),
        ("bullet", "The quality and timeliness of assessments for children in need."),
        ("bullet", "The clarity of plans, so that families know what must change and by when."),
        ("bullet", prose("""
        The sufficiency of local homes for children in care who have complex needs.
        """)),
        ("heading", prose("""
        The experiences and progress of children who need help and protection: requires improvement to
        be good
        """)),
        ("numbered", prose("""
        Families who need early help are offered it quickly through the county’s family hubs. Workers
        build trusting relationships with parents and help them to make changes that last. When worries
        grow, cases move smoothly to children’s social care.
        """)),
        ("numbered", prose("""
        Out-of-hours responses are timely. Strategy meetings are held promptly, include the right
        agencies and lead to clear decisions about what should happen next.
        """)),
        ("numbered", prose("""
        The quality of assessments is too variable. The strongest are detailed and reflect the voice of
        the child, but some are brief and do not draw on family history, which means that risks are not
        always understood.
        """)),
        ("heading", "The experiences and progress of children in care: good"),
        ("numbered", prose("""
        Children come into care when they need to, and most live in stable homes where they are well
        cared for. Reviews are held on time, and independent reviewing officers know children well.
        """)),
        ("heading", "The experiences and progress of care leavers: outstanding"),
        ("numbered", prose("""
        Care leavers are supported by a small and dedicated team. Personal advisers help young people to
        find somewhere safe to live, and none has been placed in unsuitable accommodation.
        """)),
        ("heading", prose("""
        The impact of leaders on social work practice with children and families: good
        """)),
        ("numbered", prose("""
        The director of children’s services and her senior team have a clear and accurate understanding
        of the strengths and weaknesses of practice. Political leaders and the chief executive give
        children’s services a high priority, and the council has invested in more social workers and in
        a new family hub.
        """)),
        ("numbered", prose("""
        Quality assurance is thorough. Audits are completed with social workers and lead to actions that
        are followed up, and leaders use what they learn to plan training.
        """)),
    ],
    foot=["Inspection of Rutland local authority children’s services", "6 to 17 March 2023"],
)

WAKEFIELD = Report(
    name="ilacs-2019-wakefield",
    titles=[("Wakefield Council", TITLE), ("Inspection of children’s social care services", SUBTITLE)],
    fields=["Inspection dates: 4 February 2019 to 15 February 2019",
            "Lead inspector: Desmond Achebe<br/>" + "\u00a0" * 26 + "Her Majesty’s Inspector"],
    rows=[
        (LEADERS, REQUIRES_IMPROVEMENT),
        (HELP, REQUIRES_IMPROVEMENT),
        ("The experiences and progress of children in care and care leavers", "Good"),
        ("Overall effectiveness", REQUIRES_IMPROVEMENT),
    ],
    body=[
        ("p", prose("""
        Services for children in Wakefield have improved since the last inspection, in 2016, when they
        were judged to be inadequate. Leaders have stabilised the workforce and reduced caseloads, and
        most children now receive a timely response when they are at risk of harm. Progress has been
        uneven, however, and practice for some children in need remains weak.
        """)),
        ("p", prose("""
        Children in care and care leavers are well supported. Most children live in homes that meet
        their needs, and care leavers are helped to find suitable accommodation and to stay in education
        or training. Personal advisers are persistent when young people drift out of touch.
        """)),
        ("p", prose("""
        Senior leaders have an accurate view of where practice is weakest, and their improvement plan
        sets out sensible priorities. Their grip on the quality of frontline work is still developing.
        Audits describe what was done rather than what difference it made, and the learning from them
        does not yet reach every team. Managers in the assessment service carry too many cases to give
        each one the attention it needs, and supervision is sometimes cancelled or cut short when demand
        is high. Social workers are committed and keen to learn, and most told inspectors that they feel
        valued by their managers and by the council’s elected members.
        """)),
        ("heading", "What needs to improve"),
        ("bullet", prose("""
        The quality of supervision and management oversight in the assessment service.
        """)),
        ("bullet", "The use of audits to improve practice rather than to check compliance."),
        ("heading", prose("""
        The experiences and progress of children who need help and protection: requires improvement to
        be good
        """)),
        ("numbered", prose("""
        Contacts and referrals are screened quickly, and thresholds are understood by partner agencies.
        Decisions are recorded clearly and explain what should happen next.
        """)),
        ("numbered", prose("""
        Assessments are too often late, and some do not weigh the impact of a parent’s history on the
        child. Plans for children in need are vague about what must change.
        """)),
        ("heading", "The experiences and progress of children in care and care leavers: good"),
        ("numbered", prose("""
        Children come into care when they need to. Most are settled with carers who understand them, and
        brothers and sisters live together wherever that is right for them.
        """)),
        ("numbered", prose("""
        Care leavers have personal advisers who know them well and who help them to manage money, find
        work and keep in touch with the people who matter to them.
        """)),
        ("heading", prose("""
        The impact of leaders on social work practice with children and families: requires improvement
        to be good
        """)),
        ("numbered", prose("""
        Leaders have brought stability to a workforce that was once reliant on agency staff. The council
        has increased its investment in children’s services, and elected members scrutinise performance
        closely.
        """)),
    ],
    area_width=290.0,
)

TORBAY = Report(
    name="ilacs-2026-torbay",
    titles=[("Inspection of Torbay local authority children’s services", TITLE)],
    fields=["Inspection dates: 11 to 22 May 2026", "Lead inspector: Oluwaseun Pike, His Majesty’s Inspector"],
    rows=[
        (LEADERS, "Good"),
        (HELP, "Good"),
        (IN_CARE, REQUIRES_IMPROVEMENT),
        (CARE_LEAVERS, "Good"),
    ],
    body=[
        ("p", prose("""
        This inspection was carried out under the arrangements that apply from 1 April 2026, under which
        no overall effectiveness grade is given.
        """)),
        ("p", prose("""
        Children and families in Torbay who need help are seen quickly, and the family help service
        works alongside them until things are better. Social workers know the children they work with
        and speak about them with warmth and respect. Leaders have a realistic view of the service and
        have acted on what they found when they looked closely at the work of each team.
        """)),
        ("p", prose("""
        Too many children in care have moved home more than once in a short time, and some live a long
        way from the bay, away from their schools and their friends. Leaders know this and have begun to
        recruit more foster carers locally, but the number of suitable homes is still too small for the
        children who need them. Children’s plans are reviewed on time, and most children take part in
        their reviews in the way they choose.
        """)),
        ("heading", "What needs to improve?"),
        ("bullet", "The stability of homes for children in care."),
        ("bullet", "The recording of management decisions when children’s plans change."),
        ("heading", prose("""
        The experiences and progress of children who need help and protection: good
        """)),
        ("numbered", prose("""
        The front door team responds quickly to concerns, and decisions are made by experienced managers
        who weigh the family’s history carefully.
        """)),
        ("heading", prose("""
        The experiences and progress of children in care: requires improvement to be good
        """)),
        ("numbered", prose("""
        Children who come into care are helped to keep in touch with their families. Not all of them
        have a home that will last, and some have had several social workers.
        """)),
        ("heading", "The experiences and progress of care leavers: good"),
        ("numbered", prose("""
        Personal advisers help care leavers to find homes and work, and they stay in touch with young
        people who are in custody or who live out of the area.
        """)),
        ("heading", prose("""
        The impact of leaders on social work practice with children and families: good
        """)),
        ("numbered", prose("""
        Leaders listen to children and to staff. The chief executive and elected members hold the
        service to account through regular scrutiny of its performance.
        """)),
    ],
    foot=["Inspection of Torbay local authority children’s services", "11 to 22 May 2026"],
)

BEDFORD = Report(
    name="sif-2016-bedford",
    titles=[
        ("Bedford Borough Council", TITLE),
        ("Inspection of services for children in need of help and protection, children looked after and care "
         "leavers", SUBTITLE),
        ("and", SUBTITLE),
        ("Review of the effectiveness of the local safeguarding children board", SUBTITLE),
    ],
    fields=["Inspection date: 11 January 2016 to 4 February 2016", "Report published: 21 March 2016",
            "Lead inspector: Marguerite Okafor, Her Majesty’s Inspector"],
    headline="Children’s services in Bedford require improvement to be good",
    rows=[
        ("1. Children who need help and protection", "Requires improvement"),
        ("2. Children looked after and achieving permanence", "Good"),
        ("2.1 Adoption performance", "Good"),
        ("2.2 Experiences and progress of care leavers", "Requires improvement"),
        ("3. Leadership, management and governance", "Requires improvement"),
    ],
    body=[
        ("p", "The local safeguarding children board is good."),
        ("heading", "Summary of findings"),
        ("p", prose("""
        Children who need help and protection are seen promptly, and the multi-agency safeguarding hub
        makes sound decisions about the help that families need. Assessments are not always thorough
        enough, and child protection plans for some children do not lead to change quickly enough, so
        that some children remain in harmful situations for too long.
        """)),
        ("p", prose("""
        Children looked after are well matched with their carers, and those who cannot return home are
        found permanent families without delay. Adoption is considered for every child for whom it may
        be right, and adopters are well prepared and supported. Care leavers are not always helped to
        find suitable homes, and too few of them are in education, employment or training.
        """)),
        ("p", prose("""
        Leaders have a good understanding of the service and have invested in a stable workforce. Their
        oversight of the quality of practice is not yet sharp enough to drive consistent improvement.
        """)),
        ("heading", "Information about this local authority area"),
        ("p", prose("""
        Bedford is a unitary authority with a growing and diverse population. Children’s services were
        last inspected under an earlier framework, and the council has since reorganised its early help
        offer.
        """)),
    ],
    head="Inspection and review: Bedford Borough Council",
    page_label="Page {n}",
    area_width=330.0,
)


REPORTS = (RUTLAND, WAKEFIELD, TORBAY, BEDFORD)
SAVED_PAGE = (
    b"<!DOCTYPE html>\n<html><head><title>Inspection report</title></head>\n"
    b"<body><p>The file you asked for has moved.</p></body></html>\n"
)


def build(folder: Path = HERE) -> list[Path]:
    """Write every fixture into ``folder`` (and ``folder/broken``); return the paths written."""
    broken = folder / "broken"
    broken.mkdir(parents=True, exist_ok=True)
    written = [write_report(r, folder / f"{r.name}.pdf") for r in REPORTS]
    encrypted = StandardEncryption("fixture-user-password", "fixture-owner-password")
    written.append(write_report(RUTLAND, broken / "encrypted.pdf", encrypt=encrypted))
    whole = written[0].read_bytes()
    truncated = broken / "truncated.pdf"
    truncated.write_bytes(whole[: len(whole) // 2])
    saved = broken / "saved-web-page.pdf"
    saved.write_bytes(SAVED_PAGE)
    return [*written, truncated, saved]


if __name__ == "__main__":
    for path in build():
        print(path.relative_to(HERE))
