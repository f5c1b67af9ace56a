"""Long Ofsted inspection reports: the grade list, then pages of findings composed from parts so they rarely repeat."""

from __future__ import annotations

from datetime import date

from .document import Doc, area_pairs
from .frameworks import GRADE_TITLES, grade_word

REPORT_TITLE = (
    "{council}: inspection of local authority children’s services", "Inspection of children’s social care services: {council}",
    "{auth} local authority children’s services inspection report", "Ofsted report: {council} children’s services",
    "{council} – {framework}",
)
SUMMARY = (
    "Since the last inspection in {year_past}, when overall effectiveness was judged {past_grade}, leaders in {auth} have {progress}.",
    "Children’s services in {auth} are {grade_summary}.",
    "The director of children’s services, appointed in {year_past}, has {progress}.",
    "Political and corporate leaders in {auth} understand the challenges the service faces and have {progress}.",
    "Senior leaders know their service well, and their self-evaluation is accurate about where practice needs to improve.",
    "Partnership working is {partnership}, and partners share responsibility for the safety of children.",
)
PROGRESS = (
    "made steady progress in improving the quality of practice", "invested in a stable and permanent workforce", "not yet secured the improvements required",
    "strengthened the front door so that children receive the right help at the right time", "been slow to address weaknesses identified at the last inspection",
)
GRADE_SUMMARY = {
    "outstanding": "highly effective, and children benefit from consistently strong practice",
    "good": "good, and most children receive timely and effective help",
    "adequate": "adequate, although the quality of practice remains too variable",
    "ri": "improving, but the quality of practice is not yet consistently good",
    "inadequate": "inadequate, and too many children are left in situations of risk for too long",
}
OPENERS = (
    "", "", "In most cases, ", "For a small number of children, ", "Since the last inspection, ", "In the majority of cases seen by inspectors, ", "Too often, ",
    "In the best examples, ", "Across the service, ", "For children on child protection plans, ", "When concerns escalate, ", "During the inspection, ",
)
SUBJECTS = (
    "social workers", "team managers", "senior leaders", "independent reviewing officers", "personal advisers", "child protection chairs",
    "early help practitioners", "staff in the multi-agency safeguarding hub", "practitioners in the emergency duty team", "partner agencies",
    "managers in the front door service", "leaders in health and the police", "staff in the fostering service", "advanced practitioners",
    "workers in the edge of care team", "leaders and managers",
)
PREDICATES = (
    "know the children they work with well and speak about them with warmth", "visit children regularly and see them alone when this is appropriate",
    "complete assessments that are thorough and analyse risk clearly", "do not always record the reasons for their decisions",
    "make timely decisions when risks to children increase", "use direct work creatively to understand children’s wishes and feelings",
    "have caseloads that allow them to build relationships with families", "struggle to maintain consistent oversight because of turnover in the workforce",
    "make sure that plans are specific, measurable and reviewed regularly", "are not yet consistently challenging drift in children’s plans",
    "work closely with schools to improve attendance and attainment", "make sure that children who go missing are offered return home interviews",
    "respond quickly to contacts and referrals, and thresholds are well understood", "have a clear understanding of the strengths and weaknesses of practice",
    "track the progress of children who live outside the local area", "do not always consider the history of families when assessing current risk",
    "help young people to find suitable accommodation and to stay in education, employment or training",
    "use the pre-proceedings stage of the Public Law Outline to avoid unnecessary delay", "make sure that brothers and sisters live together where this is right for them",
    "involve parents in planning and keep them informed about what needs to change", "use performance information to understand where practice needs to improve",
    "record supervision that lacks reflection and does not set clear actions", "are quick to identify exploitation and to put in place plans that reduce risk",
    "make sure that disabled children receive timely and well-coordinated support", "hold strategy meetings promptly, with the right agencies present",
)
TAILS = (
    ".", ".", ".", ", and this is making a difference to children’s lives.", ", although this is not yet consistent across all teams.",
    ", which means that some children wait too long for help.", ", as leaders recognise in their self-evaluation.", ". This has been sustained since the last inspection.",
    ", and children told inspectors that they value this.", " in {auth}.",
)
SENTENCE_STARTS = tuple(f"{opener}{subject}" if opener else subject[0].upper() + subject[1:] for opener in OPENERS for subject in SUBJECTS)
IMPROVE = (
    "The quality and consistency of management oversight and supervision.", "The timeliness of initial health assessments for children coming into care.",
    "The response to 16- and 17-year-olds who present as homeless.", "The sufficiency of suitable local homes for children in care.",
    "The quality of pathway plans for care leavers.", "The use of chronologies to inform assessments of risk.", "Recording of the reasons for decisions at the front door.",
    "The stability of the social work workforce.", "Responses to children at risk of criminal and sexual exploitation.", "Contingency planning in child protection plans.",
)
AREA_GRADE_SENTENCE = (
    "{Area}: {area_grade_title}.", "Inspectors judged {area} {area_grade}.", "This area of the service is judged {area_grade}.",
    "The grade for {area} is {area_grade_title}.", "{Area} is {area_grade}.",
)


def _findings(doc: Doc, count: int) -> str:
    """A paragraph of findings composed from parts: tens of thousands of sentences, so long reports do not repeat.

    Written for speed (reports are most of the corpus's words): one random() per part, one format per paragraph.
    """
    draw = doc.random
    starts, predicates, tails = SENTENCE_STARTS, PREDICATES, TAILS
    paragraph = " ".join(
        f"{starts[int(draw() * len(starts))]} {predicates[int(draw() * len(predicates))]}{tails[int(draw() * len(tails))]}" for _ in range(count)
    )
    return paragraph.format_map(doc.slots) if "{" in paragraph else paragraph


def ofsted_report(doc: Doc, target: int) -> str:
    """A long inspection report: dates and inspector, the grade list, then findings area by area."""
    overall = doc.pick(doc.grades[:1] + doc.grades[1:2] * 4 + doc.grades[2:3] * 5 + doc.grades[3:] * 3)
    doc.set_grade("grade", overall)
    doc.set_grade("past_grade", doc.pick(doc.grades[1:]))
    doc.slots |= {"grade_summary": GRADE_SUMMARY[overall]}
    title = doc.say(REPORT_TITLE)
    hmi = "His Majesty’s Inspector" if doc.published >= date(2022, 9, 8) else "Her Majesty’s Inspector"
    lead = doc.pick((f"Lead inspector: {{inspector}}, {hmi}", "Lead inspector: {inspector}", f"{hmi}: {{inspector}}"))
    dates = doc.say(("Inspection dates: {insp_start} to {insp_end}", "Dates of inspection: {insp_start} to {insp_end}"))
    doc.add("ul", (dates, doc.fill(lead), f"Report reference: OFS-{doc.slots['serial']}"))
    pairs = [("Overall effectiveness", overall), *area_pairs(doc, overall, len(doc.areas))]
    pairs = [pairs[0], *sorted(pairs[1:], key=lambda pair: doc.areas.index(pair[0]))]
    doc.add("h2", doc.pick(("Judgements", "Summary of judgements", "Grades")))
    doc.add("ul", tuple(f"{area}: {GRADE_TITLES[grade]}" for area, grade in pairs))
    doc.add("h2", doc.pick(("Overall effectiveness", "Summary of findings", "What is the overall effectiveness of services?")))
    summary, progress = doc.deck(SUMMARY), doc.deck(PROGRESS)
    doc.slots["partnership"] = doc.pick(("strong", "well established", "developing", "improving"))
    for _ in range(2):
        sentences = []
        for _ in range(3):
            doc.slots["progress"] = next(progress)
            sentences.append(doc.fill(next(summary)))
        doc.add("p", " ".join(sentences))
    doc.add("h2", doc.pick(("What needs to improve?", "What needs to improve in this local authority?", "Areas for improvement")))
    doc.add("ul", tuple(doc.draw(IMPROVE, doc.between(3, 6))))
    sections = pairs[1:]
    share = (target - doc.words) / max(1, len(sections))
    for index, (area, grade) in enumerate(sections):
        doc.add("h2", area)
        doc.slots |= {"area": area[0].lower() + area[1:], "Area": area, "area_grade": grade_word(grade), "area_grade_title": GRADE_TITLES[grade]}
        doc.paragraph(AREA_GRADE_SENTENCE)
        goal = doc.words + share if index < len(sections) - 1 else target
        while doc.words < goal:
            doc.add("p", _findings(doc, doc.between(3, 6)))
    return title
