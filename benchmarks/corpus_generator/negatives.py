"""Irrelevant local stories (schools, budgets, roads): they name an authority but carry no judgement or action."""

from __future__ import annotations

from .document import Doc
from .names import PLACES, ROADS
from .news import NEWS_REFERENCE

OTHER: dict[str, dict[str, tuple[str, ...]]] = {
    "school": {
        "headline": ("{place} Primary School rated good by Ofsted", "Inspectors praise pupils at {place} Academy", "{place} school celebrates Ofsted report",
                     "Ofsted: {place} Primary requires improvement", "Headteacher welcomes {place} Academy inspection result"),
        "body": (
            "Pupils at the school are polite, keen to learn and proud of their school, inspectors said.",
            "The headteacher, {head}, said the report reflected the hard work of staff, governors and families.",
            "Inspectors found that the curriculum is well planned and that pupils read widely and often.",
            "The school, which is maintained by {council}, has {pupils} pupils on roll.",
            "Leaders have improved attendance since the last inspection, although some pupils are still absent too often.",
            "Teachers check what pupils know and adapt their lessons to fill the gaps, the report says.",
            "Parents told inspectors that their children are happy and safe at the school.",
            "A new library and outdoor classroom are due to open {next_month}.",
            "Children in the early years settle quickly and learn routines, inspectors said.",
            "Governors know the school well and hold leaders to account for its performance.",
            "Pupils with special educational needs are well supported and take a full part in school life.",
        ),
    },
    "budget": {
        "headline": ("{council} sets budget for {year}", "Council tax to rise by {tax_rise} per cent in {auth}", "{auth} councillors approve £{money} million savings plan",
                     "{council} warns of difficult choices ahead", "Budget row at {council} as reserves fall"),
        "body": (
            "Councillors approved the budget at a meeting on {weekday_future}, after more than four hours of debate.",
            "The council says it must find £{money} million of savings over the next three years.",
            "{leader}, {leader_role}, said the council had protected front-line services wherever it could.",
            "Opposition members proposed an amendment to keep two libraries open, but it was defeated.",
            "Spending on adult social care and home-to-school transport has grown faster than expected.",
            "The council will draw £{money} million from its reserves to balance the books.",
            "Residents responding to the budget consultation put road repairs and bin collections at the top of their priorities.",
            "The increase means a Band D household will pay around £{caseload} a year more.",
            "The council plans to invest £{agency} million in new leisure facilities over the next two years.",
            "Funding from central government has fallen in real terms since {year_past}, the council said.",
            "Fees for garden waste collections and parking permits will also rise from April.",
        ),
    },
    "road": {
        "headline": ("Work starts on {road} improvement scheme", "Consultation opens on {place} bypass", "{road} roundabout upgrade to begin {next_month}",
                     "Overnight closures planned on the {road}", "£{money} million road scheme approved by {council}"),
        "body": (
            "The scheme will widen the carriageway and replace two roundabouts with signal-controlled junctions.",
            "Diversions will be signposted while the road is closed overnight, the council said.",
            "{engineer}, the project’s lead engineer, said the work would cut journey times at peak hours.",
            "The project is funded by the Department for Transport and {council}.",
            "A new shared path for cyclists and pedestrians will link the route to {place} railway station.",
            "Residents can view the plans at the library and comment online until {deadline}.",
            "Work is expected to take about {weeks} months, weather permitting.",
            "Businesses on the route have raised concerns about access during construction.",
            "Traffic surveys carried out in {year_past} found queues of up to a mile at the junction during the morning rush hour.",
            "New drainage will be installed to reduce the risk of flooding on the low-lying section of the road.",
            "Bus services will continue to run, although some stops will be moved temporarily.",
        ),
    },
}

OTHER_FILLER = (
    "A council spokesperson said further details would be published on its website {future_rel}.",
    "{leader}, {leader_role}, said residents’ views had shaped the final decision.",
    "A public meeting will be held at {place} community centre on {weekday_future}.",
    "Local ward councillors welcomed the announcement but said they would keep a close eye on the details.",
    "The council said it had received more than {responses} responses from residents and businesses.",
    "Figures published in {pub_month} showed that the council’s costs had risen by {pct} per cent in a year.",
    "The plans will be considered by the council’s cabinet on {weekday_future}.",
    "Some residents have started an online petition asking the council to think again.",
    "Copies of the report are available at libraries across {auth}.",
)


def negative_story(doc: Doc, target: int) -> str:
    """A story with no children's-services judgement or action: a school, a budget or a road scheme."""
    templates = OTHER[doc.pick(tuple(OTHER))]
    doc.slots |= {"place": doc.pick(PLACES), "road": doc.pick(ROADS)}
    title = doc.say(templates["headline"])
    body = doc.deck(templates["body"], OTHER_FILLER)
    while doc.words < target - 20:
        doc.add("p", " ".join(doc.fill(next(body)) for _ in range(doc.between(1, 3))))
    doc.paragraph(NEWS_REFERENCE)
    return title
