"""Council statements and local news stories about an inspection result, with quotes and relative dates."""

from __future__ import annotations

from .document import Doc, area_pairs
from .frameworks import GRADE_TITLES, grade_word
from .quotes import COUNCIL_QUOTE_BAD, COUNCIL_QUOTE_GOOD, council_quote

NEWS_HEADLINE = (
    "{poss} children’s services rated {grade} by Ofsted", "Ofsted: {council} children’s services judged {grade}",
    "Inspectors give {auth} children’s services a grade of {grade_title}", "{auth} children’s social care judged {grade} in latest inspection",
    "Watchdog rates {poss} services for vulnerable children {grade}", "Ofsted verdict on {auth} children’s services published",
)
NEWS_LEAD = (
    "Children’s services at {council} have been rated {grade} following an Ofsted inspection {insp_rel}.",
    "{council} says it will act on the findings of an Ofsted report which rated its services for vulnerable children {grade}.",
    "Ofsted inspectors have judged {poss} children’s services {grade}, according to a report published on {pub_weekday}.",
    "Services for children in need of help and protection in {auth} have been judged {grade} after inspectors spent {weeks} weeks with council teams.",
    "The council’s children’s services department has been rated {grade} by the education watchdog in a report published this week.",
    "{poss} social care services for children have been judged {grade} by Ofsted, {years_ago} years after their last full inspection.",
)
AREA_SENTENCE = (
    "Inspectors rated {area} {area_grade}.", "The report judged {area} {area_grade}.", "{Area} was judged {area_grade}.",
    "Ofsted found {area} {area_grade}.", "For {area}, the grade was {area_grade_title}.", "Inspectors gave {area} a grade of {area_grade_title}.",
)
PAST_GRADE = (
    "In {year_past}, the service was rated {past_grade} at its previous full inspection.",
    "{years_ago_cap} years ago, inspectors judged the same services {past_grade}.",
    "The council’s children’s services were last inspected in {year_past}, when they were rated {past_grade}.",
    "At the previous inspection, in {year_past}, the service was judged {past_grade}.",
    "When Ofsted last visited, {years_ago} years ago, it rated the service {past_grade}.",
)
NEWS_FUTURE = (
    "The council will publish a full response to the report next month.",
    "A recruitment campaign for foster carers will begin {next_month}.",
    "Councillors will discuss the findings at a meeting of the children’s scrutiny committee on {weekday_future}.",
    "A new family hub is due to open {next_month}, bringing early help, health visitors and youth workers under one roof.",
    "The council has said it will set out its plans for the service {future_rel}.",
    "An action plan responding to the report must be sent to Ofsted within 70 working days.",
)
NEWS_FILLER = (
    "The number of children in care in {auth} has risen by {pct} per cent over the past {years_ago} years, putting pressure on placements and budgets.",
    "The council spent £{agency} million on agency social workers last year, according to figures presented to councillors.",
    "Opposition councillors said the report made for difficult reading and called for a cross-party review of the service.",
    "A spokesperson for {charity} said the findings showed the need for sustained investment in early help.",
    "Parents who contacted the paper described long waits for assessments and frequent changes of social worker.",
    "The council has recruited {posts} permanent social workers since {year_past} and reduced its reliance on agency staff.",
    "Average caseloads have fallen to {caseload} children per social worker, the council said.",
    "The report said children who go missing from home or care are now routinely offered a return home interview.",
    "Inspectors also spoke to young people, foster carers and partner agencies during the visit.",
    "The council has set aside £{money} million in next year’s budget for children’s social care.",
    "{quoted_short} said the council would publish its response to the report within 70 working days.",
    "{quoted_short} added that the council had recruited more permanent social workers since {year_past}.",
    "The report noted that fewer children were waiting for an assessment than at any time since {year_past}.",
    "The council’s children’s services budget for this year is £{money} million, the largest single area of its spending.",
    "There are currently {cin} children in care in {auth}, many of them living with foster families outside the area.",
    "Local MPs have been briefed on the findings.",
    "The inspection looked at the help given to children from their first contact with the council through to leaving care.",
    "Staff turnover in the service fell to {pct} per cent last year, according to the council.",
)
NEWS_REFERENCE = ("Press release {serial}.", "Ref: PR-{serial}.", "Story ID {serial}.", "Council news release number {serial}.", "Release ref. LN-{serial}.")


def choose_grades(doc: Doc) -> str:
    """Draw an inspection's overall grade (and the one before it); the overall grade."""
    grades = doc.grades
    overall = doc.pick(grades[:1] + grades[1:2] * 5 + grades[2:3] * 6 + grades[3:] * 4)
    doc.set_grade("grade", overall)
    doc.set_grade("past_grade", doc.pick(grades[1:] if overall != "inadequate" else grades[1:3]))
    return overall


def local_news(doc: Doc, target: int) -> str:
    """A council statement or local news story on an inspection result, with quotes and relative dates."""
    overall = choose_grades(doc)
    title = doc.say(NEWS_HEADLINE)
    doc.paragraph(NEWS_LEAD)
    pairs = area_pairs(doc, overall, doc.between(1, 3))
    if doc.random() < 0.3:
        doc.add("p", doc.pick(("The grades given were:", "Inspectors’ judgements were:", "The report’s grades:")))
        doc.add("ul", tuple(f"{area}: {GRADE_TITLES[grade]}" for area, grade in pairs))
    else:
        sentences = []
        for area, grade in pairs:
            doc.slots |= {"area": area[0].lower() + area[1:], "Area": area, "area_grade": grade_word(grade), "area_grade_title": GRADE_TITLES[grade]}
            sentences.append(doc.say(AREA_SENTENCE))
        doc.add("p", " ".join(sentences))
    good = doc.grades.index(overall) <= 1
    who = ("dcs", "member") if doc.random() < 0.5 else ("member", "leader") if doc.random() < 0.5 else ("leader", "dcs")
    doc.slots["quoted_short"] = doc.slots[f"{who[0]}_short"]
    quotes = doc.deck(COUNCIL_QUOTE_GOOD if good else COUNCIL_QUOTE_BAD)
    for person in who[: 1 if target < 200 else 2]:
        doc.add("p", council_quote(doc, person, quotes))
    doc.paragraph(PAST_GRADE)
    filler = doc.deck(NEWS_FILLER)
    while doc.words < target - 25:
        doc.add("p", " ".join(doc.fill(next(filler)) for _ in range(doc.between(1, 2))))
    doc.paragraph(NEWS_FUTURE)
    doc.paragraph(NEWS_REFERENCE)
    return title
