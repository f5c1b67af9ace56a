"""People: a name per person (titles stripped, short references joined) and the role the text gives.

Roles come from the constructions that carry them, around the name in its sentence:
  before, as an apposition   "The Children's Minister, Jane Doe, said"
  before, as a title         "Council Leader Jo Bloggs said", "Prime Minister A B said"
  after, as an apposition    "Sir C D, chief executive of Action for Children, welcomed"
  after, directly            "E F Chief Executive of X Council and …"
  after "as"                 "with G H as an independent chair"

Titles and role words come from ``pipeline.lexicon``, which the people finder reads too.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from pipeline import lexicon
from pipeline.gazetteer import Gazetteer
from pipeline.records import PersonRecord

COURTESY_TITLES = lexicon.titles().courtesy
PEERAGE_TITLES = lexicon.titles().peerage
POSTNOMINALS = lexicon.titles().postnominal
# Head words of a job title: a role phrase must contain one.
ROLE_HEADS = re.compile(rf"\b(?:{lexicon.alternation(lexicon.roles().heads)})\b", re.IGNORECASE)
SPEECH = r"(?:said|says|added|told|explained|warned|welcomed|commented|stated|insisted|argued|noted|issued|wrote|who|has|had|is|was|will|would)"
# The longest role read beside a name, in characters and in words. The longest role in any gold
# (seeds, devset, corpus: 142 roles) has 78 characters and 11 words ("Chairman of the … Board");
# the limits allow about twice that, and stop a role from running on through a clause.
LONGEST_ROLE_CHARS = 140
LONGEST_ROLE_WORDS = 18
# "… as the council's new director": shorter, because "as" also starts clauses ("as the council
# considers …") that the role would run into.
LONGEST_AS_ROLE_CHARS = 80
# ", schools and safeguarding at Sefton Council": a lower-case list continuing a role past its comma.
ROLE_LIST = r"(?:(?:,\s+[a-z][\w’'-]*)+,?\s+and\s+[a-z][\w’'-]*(?:\s+(?:at|of|for)\s+(?:the\s+)?[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*)*)?)?"
AFTER_APPOSITION = re.compile(rf"^\s*,\s*(?P<role>[^,;:“”\"()]{{3,{LONGEST_ROLE_CHARS}}}?{ROLE_LIST})\s*(?:,|;|:|\(|\s{SPEECH}\b|$)")
AFTER_DIRECT = re.compile(rf"^\s+(?P<role>(?:[A-Z][\w’'&-]*|of|for|the|and|at)(?:\s+(?:[A-Z][\w’'&-]*|of|for|the|and|at|[a-z][\w’'-]*(?=\s+[A-Z])))*)\s*(?:,|:|\s{SPEECH}\b|$)")
AFTER_AS = re.compile(rf"^\s+as\s+(?:an?\s+|the\s+|its\s+)?(?P<role>[^,;:.“”\"()]{{3,{LONGEST_AS_ROLE_CHARS}}}?)(?:[,;:.)]|\s+(?:and|to|for|who)\b|$)")
BEFORE_APPOSITION = re.compile(rf"(?P<role>[A-Za-z][^,;:“”\"()]{{2,{LONGEST_ROLE_CHARS}}}?)\s*,\s*$")
LEADING_NOISE = re.compile(
    r"^(?:(?:and|but|however|meanwhile|also|while|as|then|said|says|the|a|an|its|their|his|her|our|council[’']s|"
    r"the council[’']s|authority[’']s)\b[\s,]*)+",
    re.IGNORECASE,
)
TRAILING_NOISE = re.compile(r"[\s,]*(?:and|said|says|added|who|has|had|is|was)$", re.IGNORECASE)
ORGANISATION = re.compile(r"\b(?:of|at|for)\s+(?:the\s+)?(?P<org>[A-Z][\w’'&-]*(?:\s+(?:[A-Z][\w’'&-]*|and|for|of|&))*)")


def split_title(name: str) -> tuple[str, str | None]:
    """'Cllr Roy Perry' -> ('Roy Perry', 'Cllr'); peerage names are kept whole unless a full name follows."""
    words = name.split()
    while len(words) > 2 and words[-1].isupper() and words[-1].lower().strip(".,") in POSTNOMINALS:
        words.pop()  # "Louise Casey CB", "Jane Doe MP": honours and offices are not part of the name
    title = None
    while len(words) > 1 and words[0].lower().rstrip(".") in COURTESY_TITLES:
        title = words.pop(0).rstrip(".")
    if len(words) > 2 and words[0].lower() in PEERAGE_TITLES:
        title = words.pop(0)
    return " ".join(words), title


def clean_role(role: str) -> str | None:
    role = " ".join(role.split()).strip(" ,;:-–")
    role = LEADING_NOISE.sub("", role).strip()
    role = TRAILING_NOISE.sub("", role).strip(" ,")
    if not role or not ROLE_HEADS.search(role) or len(role.split()) > LONGEST_ROLE_WORDS:
        return None
    if re.search(r"\b(?:said|says|told|will|would|has|have|had|is|are|was|were)\b", role):
        return None
    if re.match(rf"{SPEECH}\b", role):
        return None  # "…, wrote to the Secretary of State": a clause, not a job title
    return role


def role_near(span: Span, others: list[Span]) -> str | None:
    """The role phrase next to a name in its sentence, or None."""
    sentence = span.sent
    text = sentence.text
    start = span.start_char - sentence.start_char
    end = span.end_char - sentence.start_char
    later = [o.start_char - sentence.start_char for o in others if o.start_char > span.end_char and o.sent == sentence]
    after = text[end : min(later) if later else len(text)]
    earlier = [o.end_char - sentence.start_char for o in others if o.end_char < span.start_char and o.sent == sentence]
    before = text[max(earlier) if earlier else 0 : start]
    for pattern, chunk in ((AFTER_APPOSITION, after), (AFTER_AS, after), (AFTER_DIRECT, after)):
        match = pattern.match(chunk)
        if match and (role := clean_role(_cut_at_next_role(match.group("role")))):
            return role
    match = BEFORE_APPOSITION.search(before)
    if match and (role := clean_role(_last_clause(match.group("role")))):
        return role
    return clean_role(_title_before(before))


def _cut_at_next_role(role: str) -> str:
    """'Chief Executive of X Council and Council Leader' -> 'Chief Executive of X Council'."""
    parts = re.split(r"\s+and\s+(?=[A-Z])", role, maxsplit=1)
    if len(parts) == 2 and ROLE_HEADS.search(parts[0]) and ROLE_HEADS.search(parts[1]):
        return parts[0]
    return role


# Lower-case words that belong inside a job title written before a name ("children and families minister").
TITLE_WORDS = lexicon.roles().words
CONNECTORS = {"of", "for", "and", "the", "&"}


def _title_before(text: str) -> str:
    """The job title written just before a name: 'Children and families minister', 'Council Leader'."""
    words = text.rstrip().split()
    taken: list[str] = []
    for word in reversed(words):
        bare = word.strip(",;:")
        if bare != word and taken:
            break
        if bare[:1].isupper() or bare.lower() in TITLE_WORDS or bare.lower() in CONNECTORS:
            taken.append(bare)
            continue
        break
    while taken and taken[-1].lower() in CONNECTORS:
        taken.pop()
    phrase = " ".join(reversed(taken))
    parts = re.split(r"\s+and\s+(?=[A-Z])", phrase)
    if len(parts) > 1 and ROLE_HEADS.search(parts[-1]) and ROLE_HEADS.search(" and ".join(parts[:-1])):
        return parts[-1]
    return phrase


def _last_clause(text: str) -> str:
    """The last clause before a name: what follows the last verb, quote or sentence opener."""
    pieces = re.split(r"[“”\"]|\b(?:said|says|that|with|by|from|to|told)\b", text)
    return pieces[-1]


def organisation_of(role: str | None) -> str | None:
    if not role:
        return None
    match = ORGANISATION.search(role)
    if match:
        org = re.sub(r"[’']s\b.*$", "", match.group("org")).strip()
        return org or None
    match = re.match(r"^(?:the\s+)?(?P<org>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*)[’']s\b", role)
    return match.group("org") if match else None


def is_author_heading(span: Span, spans: list[Span]) -> bool:
    """A statement's author heading ("Jane Doe AM, Minister for Health" as the page's first line,
    with no verb): a byline, page furniture by the spec, unless the body names the person again."""
    sentence = span.sent
    if sentence.start != 0 or span.end >= sentence.end:
        return False
    rest = [t for t in sentence[span.end - sentence.start :] if not (t.is_upper and t.lower_ in POSTNOMINALS)]
    if not rest or rest[0].text != "," or any(t.pos_ in {"VERB", "AUX"} for t in sentence):
        return False
    surname = next((t.lower_ for t in reversed(span) if not (t.is_upper and t.lower_ in POSTNOMINALS)), span[-1].lower_)
    return not any(other.start >= sentence.end and surname in other.text.lower().split() for other in spans)


def person_records(spans: list[Span], gazetteer: Gazetteer, on: str | None) -> list[PersonRecord]:
    """One record per person; short references ('Ben', 'Ms Doe', 'Wright') join the full name."""
    full: dict[str, PersonRecord] = {}
    pending: list[tuple[str, str | None, str | None]] = []
    for span in spans:
        if is_author_heading(span, spans):
            continue
        name, title = split_title(span.text)
        role = role_near(span, [s for s in spans if s is not span])
        if len(name.split()) == 1 and name.split()[0].lower() not in PEERAGE_TITLES:
            pending.append((name, title, role))
            continue
        key = name.lower()
        record = full.get(key)
        if record is None:
            full[key] = record = PersonRecord(name=name, title=title)
        if role and not record.role:
            organisation = organisation_of(role)
            authority = gazetteer.resolve(organisation, on) if organisation else None
            full[key] = record.model_copy(
                update={"role": role, "organisation": organisation, "authority": authority.name if authority else None}
            )
    for name, _title, role in pending:
        match = next((k for k in full if name.lower() in k.split()), None)
        if match and role and not full[match].role:
            full[match] = full[match].model_copy(update={"role": role, "organisation": organisation_of(role)})
    return list(full.values())
