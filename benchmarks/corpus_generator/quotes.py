"""Council voices: what a director, cabinet member or leader says about a bad or a good result."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .document import Doc

COUNCIL_QUOTE_FORMS = (
    "{person}, {role}, said: “{quote}”", "“{quote}” said {person}, {role}.", "In a statement, {person}, {role}, said: “{quote}”",
    "Responding to the announcement, {person}, {role}, said: “{quote}”", "{person}, {role}, welcomed the support. “{quote}”",
)
COUNCIL_QUOTE_BAD = (
    "We accept the findings in full and we are sorry that we have let children down.",
    "We have already begun to recruit more permanent social workers and to bring caseloads down.",
    "Our priority is to make sure every child who needs our help gets it quickly.",
    "We will work closely with the department and with our partners to deliver the improvement plan.",
    "Nobody is more determined than our staff to put things right.",
    "There is a great deal of work to do, but I am confident we have the right plan.",
    "The report makes difficult reading, and we will not shy away from it.",
)
COUNCIL_QUOTE_GOOD = (
    "This is the result of years of hard work by our staff and partners.",
    "I am proud of our social workers, who have never lost sight of the children they work with.",
    "We know there is still more to do, and we will not stand still.",
    "Families in {auth} can have confidence in the service we now provide.",
    "The inspectors recognised how far we have come, and I want to thank everyone involved.",
    "Our next step is to make sure that every child receives the same high standard of help.",
)


def council_quote(doc: Doc, person: str, pool: Iterator[str] | Sequence[str]) -> str:
    """A council voice quoted with name and role, in one of several shapes."""
    cards = pool if isinstance(pool, Iterator) else doc.deck(pool)
    quote = " ".join(doc.fill(next(cards)) for _ in range(doc.between(1, 2)))
    form = doc.pick(COUNCIL_QUOTE_FORMS)
    if form.startswith("“"):  # a quotation that opens the sentence ends with a comma before "said"
        quote = quote[:-1] + ","
    return form.format(person=doc.slots[person], role=doc.slots[f"{person}_role"], quote=quote)
