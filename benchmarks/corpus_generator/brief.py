"""Brief news-wire items: one fact in a few sentences, for ingest runs at a scale where full documents take hours.

A brief is a headline, a date line and two to four sentences of 60-150 words in all, carrying a single fact
that every stage of the ingest has to find: a grade for a named authority (45 %), or an intervention (notice,
direction, commissioner, trust, lifted; 45 %), sometimes with a quoted person; the rest (10 %) are irrelevant
local items. Sentences are the full writers' templates, so briefs exercise the same patterns.
"""

from __future__ import annotations

from collections.abc import Callable

from .document import Doc, area_pairs
from .frameworks import GRADE_TITLES, grade_word
from .names import PLACES, ROADS
from .negatives import OTHER, OTHER_FILLER
from .news import AREA_SENTENCE, NEWS_FUTURE, NEWS_HEADLINE, NEWS_LEAD, PAST_GRADE, choose_grades
from .notices import INSPECTION_CONTEXT, choose_action
from .quotes import COUNCIL_QUOTE_BAD, COUNCIL_QUOTE_GOOD, council_quote

# Share of each kind of brief, cumulative: inspection grades, interventions, then irrelevant items.
BRIEF_MIX = (("news", 0.45), ("notice", 0.90), ("other", 1.00))
# Words of the whole text (headline and date line included): (low, high, mode). The templates run out first, so briefs land at
# 59-134 words, mean 87 (2,000 briefs, seed 0).
BRIEF_LENGTH = (60, 150, 90)
# Headline and date line, counted against the target before any sentence is written.
HEADER_WORDS = 12
Extra = Callable[[], str]  # a sentence written only if the brief still needs words

# Most body sentences a brief gets after its lead and its fact (a quotation counts as one), unless its body is
# still under FLOOR_WORDS. Without the floor, 2,000 briefs (seed 0) had 0.4 % under 60 words (the shortest 47); with 48, one (59).
MAX_EXTRAS = 2
FLOOR_WORDS = 48

BRIEF_REFERENCE = ("Wire ref. NW-{serial}.", "Newswire item {serial}.", "Ref: BR-{serial}.", "Brief no. {serial}.", "Agency copy {serial}.")
MINISTER_SAID = ("{minister}, {minister_role}, said: “{quote}”", "“{quote}” said {minister}, {minister_role}.", "{minister_role} {minister} said: “{quote}”")
GRADE_CLOSERS = (
    "The council has been approached for further comment.", "The full report is available on the Ofsted website.",
    "Councillors are expected to discuss the findings {future_rel}.", "Inspectors will return for a monitoring visit {future_rel}.",
)
ACTION_CLOSERS = (
    "The council has been approached for further comment.", "Further details are expected {future_rel}.",
    "The department said the relevant letters would be published on GOV.UK.", "Progress will be reviewed in {review}.",
)


def brief_item(doc: Doc) -> tuple[str, str]:
    """Write one brief into ``doc``; return its kind ("news", "notice" or "other") and its headline."""
    draw = doc.random()
    kind = next(name for name, share in BRIEF_MIX if draw < share)
    target = int(doc.rng.triangular(*BRIEF_LENGTH)) - HEADER_WORDS
    writer = {"news": _grade_brief, "notice": _action_brief, "other": _other_brief}[kind]
    title, extras = writer(doc)
    for count, extra in enumerate(extras):
        if doc.words >= max(target, FLOOR_WORDS) or (count >= MAX_EXTRAS and doc.words >= FLOOR_WORDS):
            break
        doc.add("p", extra())
    doc.paragraph(BRIEF_REFERENCE)
    return kind, title


def _grade_brief(doc: Doc) -> tuple[str, list[Extra]]:
    """An inspection result: the grade and authority in the lead, then one area's grade or the previous grade."""
    overall = choose_grades(doc)
    title = doc.say(NEWS_HEADLINE)
    doc.paragraph(NEWS_LEAD)
    (area, grade), = area_pairs(doc, overall, 1)
    doc.slots |= {"area": area[0].lower() + area[1:], "Area": area, "area_grade": grade_word(grade), "area_grade_title": GRADE_TITLES[grade]}
    fact, context = (AREA_SENTENCE, PAST_GRADE) if doc.random() < 0.5 else (PAST_GRADE, AREA_SENTENCE)
    doc.paragraph(fact)
    pool = COUNCIL_QUOTE_GOOD if doc.grades.index(overall) <= 1 else COUNCIL_QUOTE_BAD
    person = doc.pick(("dcs", "member", "leader"))
    extras: list[Extra] = [lambda: doc.say(NEWS_FUTURE), lambda: doc.say(GRADE_CLOSERS), lambda: doc.say(context)]
    if doc.random() < 0.5:
        extras.insert(0, lambda: council_quote(doc, person, pool))
    return title, extras


def _action_brief(doc: Doc) -> tuple[str, list[Extra]]:
    """An intervention: the action and authority in the lead, then one detail; sometimes a minister or council voice."""
    action, templates = choose_action(doc)
    title = doc.say(templates["headline"])
    doc.add("p", doc.say(templates["lead"]))
    fact, context = (templates["detail"], INSPECTION_CONTEXT) if doc.random() < 0.7 else (INSPECTION_CONTEXT, templates["detail"])
    doc.add("p", doc.say(fact))
    pool = COUNCIL_QUOTE_GOOD if action == "lifted" else COUNCIL_QUOTE_BAD
    voice = doc.random()
    extras: list[Extra] = [lambda: doc.say(context), lambda: doc.say(ACTION_CLOSERS)]
    if voice < 0.3:
        extras.insert(0, lambda: _minister_quote(doc, templates["quote"]))
    elif voice < 0.55:
        extras.insert(0, lambda: council_quote(doc, doc.pick(("dcs", "member", "leader")), pool))
    return title, extras


def _other_brief(doc: Doc) -> tuple[str, list[Extra]]:
    """An irrelevant item (a school, a budget, a road scheme): an authority and a date, but nothing to extract."""
    templates = OTHER[doc.pick(tuple(OTHER))]
    doc.slots |= {"place": doc.pick(PLACES), "road": doc.pick(ROADS)}
    title = doc.say(templates["headline"])
    body = doc.deck(templates["body"], OTHER_FILLER)
    doc.add("p", doc.fill(next(body)))
    doc.add("p", doc.fill(next(body)))
    return title, [lambda: doc.fill(next(body)), lambda: doc.fill(next(body))]


def _minister_quote(doc: Doc, pool: tuple[str, ...]) -> str:
    """The minister in one sentence of quotation, named and with a role, so the people stage has someone to find."""
    quote = doc.say(pool)
    form = doc.pick(MINISTER_SAID)
    if form.startswith("“"):  # a quotation that opens the sentence ends with a comma before "said"
        quote = quote[:-1] + ","
    doc.slots["quote"] = quote
    return doc.fill(form)
