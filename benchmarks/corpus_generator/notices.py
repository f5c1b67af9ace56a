"""GOV.UK-style press notices of interventions: improvement notices, directions, commissioners, trusts, lifted notices."""

from __future__ import annotations

from .document import Doc
from .quotes import COUNCIL_QUOTE_BAD, COUNCIL_QUOTE_GOOD, council_quote

ACTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "notice": {
        "headline": (
            "Improvement notice issued to {council}", "Minister issues improvement notice to {council} over children’s services",
            "{auth}: improvement notice issued after Ofsted inspection", "Government gives {council} improvement notice on children’s social care",
            "{poss} children’s services placed under an improvement notice", "Children’s minister sets out improvement notice for {auth}",
        ),
        "lead": (
            "The Department for Education has today issued an improvement notice to {council} after Ofsted judged the council’s children’s services {grade}.",
            "{minister}, {minister_role}, has issued {council} with an improvement notice requiring rapid improvement in services for vulnerable children.",
            "An improvement notice has been issued to {council} following an inspection in which Ofsted rated its children’s services {grade}.",
            "Ministers have today set out the steps {council} must take to improve children’s social care in an improvement notice published alongside this announcement.",
            "{council} has been given an improvement notice by the government after serious concerns were raised about the way it protects children.",
        ),
        "detail": (
            "The notice requires the council to set up an improvement board with an independent chair and to submit an improvement plan by {deadline}.",
            "Under the notice, {chair} will chair an improvement board, and {adviser} has been appointed as improvement adviser to the council.",
            "The council must agree an improvement plan with the department by {deadline}, and an independent chair, {chair}, will oversee progress.",
            "The notice sets targets for reducing caseloads, improving assessments and strengthening management oversight, and will be reviewed in {review}.",
            "An improvement board chaired by {chair}, a former director of children’s services, will meet monthly to check progress against the notice.",
        ),
        "quote": (
            "The findings of the inspection are deeply concerning, and the council must now act quickly.",
            "This notice makes clear what has to change in {auth} and by when.",
            "Children in {auth} deserve far better than the service inspectors found.",
            "I have set the council a clear timetable, and I expect it to be met.",
            "The improvement notice gives the council a framework for the changes it urgently needs to make.",
        ),
    },
    "direction": {
        "headline": (
            "Statutory direction issued to {council}", "Education Secretary directs {council} to improve children’s services",
            "{auth}: government uses powers of direction over children’s social care", "Minister issues statutory direction after {poss} services rated {grade}",
            "Government intervenes in {auth} children’s services with statutory direction",
        ),
        "lead": (
            "The Secretary of State for Education has issued a statutory direction to {council} requiring it to work with an improvement adviser and deliver an improvement plan.",
            "{minister}, {minister_role}, has today used statutory powers of direction to secure improvement in children’s services in {auth}.",
            "A statutory direction has been issued to {council} following an Ofsted inspection that judged its services for children {grade}.",
            "Ministers have directed {council} to work with {adviser}, who has been appointed as improvement adviser, after inspectors found widespread failings.",
            "The government has issued a direction under section 497A of the Education Act 1996 to {council}, setting out the improvements the council must make.",
        ),
        "detail": (
            "The direction requires the council to comply with instructions from the improvement adviser and to report on progress every quarter until {review}.",
            "Under the direction, an improvement board chaired by {chair} will hold the council to account for delivering its plan.",
            "The council has until {deadline} to submit a revised improvement plan to the department for approval.",
            "The direction follows an improvement notice that was issued in {year_past} and which the council has failed to comply with.",
            "{adviser}, a former director of children’s services, will advise the Secretary of State on whether further intervention is needed.",
        ),
        "quote": (
            "I have not taken this decision lightly, but the evidence left me no choice.",
            "Statutory intervention is a serious step, and it reflects how far services in {auth} have fallen short.",
            "The direction will make sure the council gets the expert challenge it needs.",
            "We cannot allow children in {auth} to be let down any longer.",
            "The council has failed to improve quickly enough, and I have therefore directed it to take specific action.",
        ),
    },
    "proposed": {
        "headline": (
            "Minister minded to issue statutory direction to {council}", "{council} warned of statutory direction over children’s services",
            "Government proposes direction for {poss} children’s services", "{auth}: minister signals intention to direct council",
            "Consultation on proposed direction for {council} children’s services",
        ),
        "lead": (
            "{minister}, {minister_role}, has written to {council} to say the government is minded to issue a statutory direction in respect of its children’s services.",
            "The Department for Education intends to issue a statutory direction to {council} and has invited the council to make representations by {deadline}.",
            "Ministers are proposing to use their powers of direction in {auth} after Ofsted rated the council’s children’s services {grade}.",
            "{council} has been told that the government intends to direct it to transfer the running of its children’s services to an independent trust.",
            "The government has signalled that it would issue a statutory direction to {council} unless the council can show rapid improvement.",
        ),
        "detail": (
            "The council has been given until {deadline} to respond to the proposal.",
            "A final decision is expected {future_rel}, once the council’s representations have been considered.",
            "If the direction is issued, {commissioner} would be appointed as commissioner to review the options for the service.",
            "The proposed direction would require the council to establish an improvement board and to work with {partner} as improvement partner.",
            "The council’s response, due by {deadline}, will be considered before ministers make a decision.",
        ),
        "quote": (
            "I am minded to act because the council has not yet shown that it can improve on its own.",
            "I want to hear from the council before I make a final decision.",
            "The proposal reflects the seriousness of the inspectors’ findings.",
            "Children in {auth} need services they can rely on, and the current arrangements are not delivering that.",
            "We are ready to intervene further if that is what it takes.",
        ),
    },
    "commissioner": {
        "headline": (
            "Children’s services commissioner appointed for {auth}", "Commissioner sent in to {poss} children’s services",
            "Government appoints commissioner to review children’s social care in {auth}", "{council}: commissioner to advise on future of children’s services",
            "Minister appoints {commissioner} as commissioner for {auth}",
        ),
        "lead": (
            "{commissioner} has been appointed as children’s services commissioner for {council}, the Department for Education announced today.",
            "The Education Secretary has appointed a commissioner to lead improvement in {poss} children’s services and advise on whether the council should keep them.",
            "A commissioner is being sent into {council} after Ofsted rated the council’s children’s services {grade} for the second time in {years_ago} years.",
            "Ministers have issued a statutory direction appointing {commissioner} as commissioner for children’s services in {auth}.",
            "{minister}, {minister_role}, has today appointed a commissioner to {council}, who will report back by {deadline}.",
        ),
        "detail": (
            "The commissioner will report to the Secretary of State by {deadline} with recommendations on the long-term arrangements for the service.",
            "{commissioner}, a former chief executive with experience of turning around failing services, will take up the role on {weekday_future}.",
            "The commissioner has been asked to consider whether the service should be moved into a trust, run by another council or kept in-house.",
            "The council will be required to give the commissioner access to its staff, records and partners, and to follow any instructions issued.",
            "{commissioner} will work alongside the council’s new director of children’s services, {dcs}, during the review.",
        ),
        "quote": (
            "The commissioner brings the experience and independence that the situation in {auth} demands.",
            "I want a clear and honest assessment of what it will take to give children in {auth} the services they deserve.",
            "This is about making sure that every child in {auth} is safe.",
            "The council’s repeated failure to improve means we must now look at every option.",
            "I have asked the commissioner to move quickly and to report back within months, not years.",
        ),
    },
    "trust": {
        "headline": (
            "{poss} children’s services to move to an independent trust", "Children’s services in {auth} to be run by a trust",
            "New trust to take over children’s social care in {auth}", "Minister confirms {auth} children’s services will transfer to a trust",
            "{auth}: children’s trust to run services from {next_month}",
        ),
        "lead": (
            "Children’s social care in {auth} will be transferred to an independent trust, {minister}, {minister_role}, announced today.",
            "The Department for Education has directed {council} to transfer its children’s services into a new trust, {trust}, which will begin work {next_month}.",
            "{trust} will take over the running of children’s services from {council}, following a recommendation from the commissioner, {commissioner}.",
            "Services for vulnerable children in {auth} are to be run by a trust at arm’s length from the council after years of poor inspection results.",
            "The Education Secretary has confirmed that {poss} children’s services will be transferred to a new children’s services trust.",
        ),
        "detail": (
            "The trust will be chaired by {chair}, and staff will transfer from the council on their existing terms and conditions.",
            "{council} will remain responsible for funding the service and will hold the trust to account through a service contract.",
            "The commissioner’s report, published alongside the decision, found that the council lacked the capacity to improve at the pace required.",
            "The new trust is expected to be fully operational by {review}, with {posts} permanent social work posts created in its first year.",
            "Ofsted will continue to inspect the services, and the trust will be subject to the same inspection framework as a council.",
        ),
        "quote": (
            "Moving services into a trust gives children in {auth} a fresh start.",
            "I am confident that the trust will bring the stable leadership the service has lacked.",
            "This decision is about the children, and it is the right one for them.",
            "The trust will have the independence and focus it needs to drive improvement.",
            "We have listened to the commissioner, and we agree that a new model is needed.",
        ),
    },
    "lifted": {
        "headline": (
            "Improvement notice lifted for {council}", "{auth} comes out of government intervention", "Minister lifts statutory direction on {poss} children’s services",
            "Government ends intervention in {auth} children’s services", "Improvement notice on {auth} lifted after Ofsted rates services {grade}",
        ),
        "lead": (
            "The improvement notice issued to {council} in {year_past} has been lifted after Ofsted judged the council’s children’s services {grade}.",
            "{minister}, {minister_role}, has today revoked the statutory direction issued to {council} in {year_past}.",
            "{council} is no longer subject to government intervention in children’s services, the Department for Education confirmed today.",
            "Ministers have lifted the improvement notice placed on {council}, recognising the progress the council has made since {year_past}.",
            "The statutory direction on {poss} children’s social care has been revoked following an inspection which rated services {grade}.",
        ),
        "detail": (
            "The improvement board, chaired by {chair}, has been stood down, and the council will now report on its own progress.",
            "The department will continue to offer support through its regional improvement and innovation alliance.",
            "Ofsted’s latest inspection, in {insp_month}, found that leaders had a clear understanding of practice and that children were safer.",
            "At its previous inspection, in {year_past}, the service had been judged {past_grade}.",
            "The council came out of intervention {years_ago} years after it was first issued with a notice.",
        ),
        "quote": (
            "This is a real achievement, and it is a credit to the social workers and leaders in {auth}.",
            "The council has shown that it can sustain the improvements it has made.",
            "I am delighted to be able to lift the notice today.",
            "Children in {auth} are now getting a much better service than they were {years_ago} years ago.",
            "The progress in {auth} shows what strong leadership and a stable workforce can achieve.",
        ),
    },
}
ACTION_WEIGHTS = (("notice", 0.22), ("direction", 0.42), ("proposed", 0.52), ("commissioner", 0.67), ("trust", 0.80), ("lifted", 1.0))

INSPECTION_CONTEXT = (
    "Ofsted inspected the council’s children’s services {insp_rel} and judged them {grade}.",
    "The announcement follows an Ofsted report, published on {report_date}, which rated the council {grade} for overall effectiveness.",
    "In {insp_month}, Ofsted found children’s services in {auth} {grade}, with weaknesses in the way risks to children were identified.",
    "The inspection, carried out {insp_rel}, judged overall effectiveness {grade}.",
    "Inspectors who visited {auth} {insp_rel} gave the council’s children’s services an overall grade of {grade_title}.",
    "Ofsted’s {framework}, which took place between {insp_start} and {insp_end}, rated the service {grade}.",
)
MINISTER_INTRO = (
    "{minister}, {minister_role}, said:", "{minister_role} {minister} said:", "Commenting on the decision, {minister}, {minister_role}, said:",
    "{minister}, the {minister_role}, said:", "Announcing the decision, {minister_role} {minister} said:",
)
MINISTER_QUOTE = (
    "Every child deserves to be safe and to be supported by services that put their needs first.",
    "I expect to see sustained improvement, and I will not hesitate to act again if it does not happen.",
    "The council now has the support and challenge it needs.",
    "I want to thank the social workers in {auth}, who have continued to work hard for children throughout this period.",
    "Families in {auth} must be able to rely on their council.",
    "We will keep progress under close review.",
    "Good leadership and a stable workforce are what make the difference for children.",
    "I will be watching closely to make sure the changes are felt by children and families.",
)
PRESS_BACKGROUND = (
    "The department has agreed a support package worth £{money} million to help the council recruit and retain experienced social workers.",
    "Since {year_past}, the council has had several directors of children’s services, and inspectors said the turnover had left staff without consistent leadership.",
    "The council currently relies on agency staff for around {pct} per cent of its social work posts.",
    "Ofsted will continue to monitor the council through a programme of monitoring visits, the first of which is due {future_rel}.",
    "{partner} has agreed to provide support to the council as improvement partner, sharing its approach to assessment and supervision.",
    "Officials will meet the council’s leadership on {weekday_future} to agree the terms of reference for the work.",
    "The council has been asked to publish its improvement plan so that families and partners can follow progress.",
    "Children’s services in {auth} support around {children} children and young people, including {cin} children in care.",
    "Social workers in {auth} were carrying an average of {caseload} cases each at the time of the inspection.",
    "In a letter dated {numeric_past}, officials set out the department’s concerns to the council’s chief executive.",
    "The department expects the council to learn from authorities that have already come out of intervention.",
    "Progress will be reviewed formally in {review}.",
    "{member}, {member_role}, has been asked to attend the first meeting of the board.",
    "The council’s own figures show that {late} per cent of assessments were completed late in the year before the inspection.",
    "A review of the council’s front door, commissioned by the adviser, will report {future_rel}.",
    "The council has appointed an interim director of children’s services, {dcs}, who will take up the post on {weekday_future}.",
    "Managers from {partner} will spend time in {auth} working alongside the council’s own team leaders.",
    "The council has agreed to fund an extra {posts} social work posts while the intervention is in place.",
    "Ministers have made clear that the council’s leadership remains accountable for the service throughout.",
)
NOTES = (
    "Ofsted’s report on {poss} children’s services was published on {report_date}.",
    "An improvement notice is not statutory; if a council fails to comply, ministers can move to formal powers of direction.",
    "The Secretary of State’s powers of intervention are set out in section 497A of the Education Act 1996.",
    "The full text of the notice is available on GOV.UK.",
    "Interventions in children’s social care are reviewed at least every six months.",
    "Improvement advisers are experienced sector leaders appointed by the department.",
)


def choose_action(doc: Doc) -> tuple[str, dict[str, tuple[str, ...]]]:
    """Draw the action a notice announces and set the grades behind it; the action and its templates."""
    draw = doc.random()
    action = next(name for name, share in ACTION_WEIGHTS if draw < share)
    if action == "lifted":
        doc.set_grade("grade", doc.pick(doc.grades[1:3]))
        doc.set_grade("past_grade", "inadequate")
    else:
        doc.set_grade("grade", "inadequate")
    return action, ACTIONS[action]


def press_notice(doc: Doc, target: int) -> str:
    """A Department for Education notice: an action, the inspection behind it, a minister's and a council's words."""
    action, templates = choose_action(doc)
    title = doc.say(templates["headline"])
    lead = doc.say(templates["lead"])
    if doc.random() < 0.25:
        lead = f"London, {doc.slots['pub_long']} – {lead}"
    doc.add("p", lead)
    doc.paragraph(INSPECTION_CONTEXT)
    details = doc.deck(templates["detail"])
    doc.add("p", doc.fill(next(details)))
    doc.add("p", doc.say(MINISTER_INTRO))
    doc.add("q", " ".join([doc.say(templates["quote"]), *doc.draw(MINISTER_QUOTE, doc.between(1, 3))]))
    doc.add("p", council_quote(doc, doc.pick(("dcs", "member", "leader")), COUNCIL_QUOTE_GOOD if action == "lifted" else COUNCIL_QUOTE_BAD))
    if doc.random() < 0.5:
        doc.add("p", doc.fill(next(details)))
    extras = doc.deck(PRESS_BACKGROUND)
    while doc.words < target - 60:
        doc.add("p", " ".join(doc.fill(next(extras)) for _ in range(doc.between(1, 2))))
    notes = tuple(doc.draw(NOTES, doc.between(1, 3)))
    doc.add("h2", "Notes to editors")
    doc.add("ul", (*notes, f"Reference: DN-{doc.slots['serial']}."))
    return title
