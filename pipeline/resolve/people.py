"""People: a name per person (titles stripped, short references joined) and the role the text gives.

Roles come from the constructions that carry them, around the name in its sentence:
  before, as an apposition   "The Children's Minister, Jane Doe, said"
  before, as a title         "Council Leader Jo Bloggs said", "Prime Minister A B said"
  after, as an apposition    "Sir C D, chief executive of Action for Children, welcomed"
  after, directly            "E F Chief Executive of X Council and …"
  after "as"                 "with G H as an independent chair"

A role is a noun phrase: of a clause ("The secretary today removed Haringey's director, J K,")
only the noun phrase next to the name is kept, read from the parse. Its organisation is a body
(an authority, a named body, an acronym), never a portfolio ("Children's Minister") or the Crown
("Her Majesty's Inspector"). A short form (a surname, a peer's title) joins the one full name it
can stand for in the document.

Titles and role words come from ``pipeline.lexicon``, which the people finder reads too; what is
not a name or not a body from ``models/lexicon/names.json``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span

from pipeline import lexicon
from pipeline.gazetteer import Gazetteer, name_key
from pipeline.records import PersonRecord

COURTESY_TITLES = lexicon.titles().courtesy
PEERAGE_TITLES = lexicon.titles().peerage
POSTNOMINALS = lexicon.titles().postnominal
NAMES: Mapping[str, Any] = lexicon.names()
PARTICLES = frozenset(NAMES["particles"])
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
    r"^(?:(?:and|but|however|meanwhile|also|while|as|then|said|says|the|a|an|its|their|(?:his|her)(?!\s+majesty)|our|"
    r"council[’']s|the council[’']s|authority[’']s)\b[\s,]*)+",
    re.IGNORECASE,
)
TRAILING_NOISE = re.compile(r"[\s,]*(?:and|said|says|added|who|has|had|is|was)$", re.IGNORECASE)


def split_title(name: str) -> tuple[str, str | None]:
    """'Cllr Roy Perry' -> ('Roy Perry', 'Cllr'); peerage names are kept whole unless a full name
    follows, and without their territory ('Lord Warner of Brockley' -> 'Lord Warner')."""
    words = name.split()
    while len(words) > 2 and words[-1].isupper() and words[-1].lower().strip(".,") in POSTNOMINALS:
        words.pop()  # "Louise Casey CB", "Jane Doe MP": honours and offices are not part of the name
    title = None
    while len(words) > 1 and words[0].lower().rstrip(".") in COURTESY_TITLES:
        title = words.pop(0).rstrip(".")
    if words and words[0].lower() in PEERAGE_TITLES and "of" in words[2:]:
        words = words[: words.index("of", 2)]
    if len(words) > 2 and words[0].lower() in PEERAGE_TITLES:
        title = words.pop(0)
    return " ".join(words), title


def clean_role(role: str) -> str | None:
    role = " ".join(role.split()).strip(" ,;:-–.")
    if role.endswith(")") and "(" not in role:
        role = role.rstrip(") ")  # "(Chairman)": the bracket opened before the role
    role = LEADING_NOISE.sub("", role).strip()
    role = TRAILING_NOISE.sub("", role).strip(" ,.")
    if not role or not ROLE_HEADS.search(role) or len(role.split()) > LONGEST_ROLE_WORDS:
        return None
    if re.search(r"\b(?:said|says|told|will|would|has|have|had|is|are|was|were)\b", role):
        return None
    if re.match(rf"{SPEECH}\b", role):
        return None  # "…, wrote to the Secretary of State": a clause, not a job title
    return role


# Fine-grained tags of a finite verb: a role holding one is a clause ("today removed Haringey's
# director of children's services"), of which only the noun phrase next to the name is the role.
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
# What may open a clause's remainder but not a noun phrase: "when Hampshire's director", "now chief executive".
OPENERS_POS = {"ADV", "SCONJ", "CCONJ", "DET", "PART", "PUNCT", "ADP", "AUX"}


def noun_phrase(role: str, sentence: Span, lo: int, hi: int, before: bool) -> str | None:
    """The role as a noun phrase, read from the parse of the sentence where it stands (between
    character offsets ``lo`` and ``hi`` of the sentence): a clause keeps only the noun phrase next
    to the name (after its last finite verb when the role comes before the name, before its first
    one when after), without opening adverbs or conjunctions; None when no noun phrase is left."""
    tokens = _located(role, sentence, lo, hi, last=before)
    if tokens is None:
        return role
    finite = [i for i, t in enumerate(tokens) if t.tag_ in FINITE_TAGS and t.dep_ not in {"amod", "compound"}]
    kept = list(tokens)
    if finite:
        kept = kept[finite[-1] + 1 :] if before else kept[: finite[0]]
    while kept and (kept[0].pos_ in OPENERS_POS or kept[0].tag_ == "WRB"):
        kept = kept[1:]
    if not kept or kept[0].pos_ == "VERB" and kept[0].dep_ != "amod" and kept[0].tag_ not in {"VBN", "VBG"}:
        return None
    if len(kept) == len(tokens):
        return role
    return clean_role(sentence.doc[kept[0].i : kept[-1].i + 1].text)


def _located(role: str, sentence: Span, lo: int, hi: int, last: bool) -> Span | None:
    """The tokens of ``role`` in the sentence, looked for between offsets ``lo`` and ``hi``."""
    pattern = r"\s+".join(re.escape(word) for word in role.split())
    found = list(re.finditer(pattern, sentence.text[lo:hi]))
    if not found:
        return None
    match = found[-1] if last else found[0]
    start = sentence.start_char + lo + match.start()
    return sentence.doc.char_span(start, start + len(match.group(0)), alignment_mode="expand")


def role_near(span: Span, others: list[Span]) -> str | None:
    """The role phrase next to a name in its sentence, or None."""
    sentence = span.sent
    text = sentence.text
    start = span.start_char - sentence.start_char
    end = span.end_char - sentence.start_char
    later = [o.start_char - sentence.start_char for o in others if o.start_char > span.end_char and o.sent == sentence]
    after = text[end : min(later) if later else len(text)]
    earlier = [o.end_char - sentence.start_char for o in others if o.end_char < span.start_char and o.sent == sentence]
    before_from = max(earlier) if earlier else 0
    before = text[before_from:start]
    for pattern, chunk in ((AFTER_APPOSITION, after), (AFTER_AS, after), (AFTER_DIRECT, after)):
        match = pattern.match(chunk)
        if match and (role := clean_role(_cut_at_next_role(match.group("role")))):
            if role := noun_phrase(role, sentence, end, end + len(after), before=False):
                return role
    match = BEFORE_APPOSITION.search(before)
    if match and (role := clean_role(_last_clause(match.group("role")))):
        return noun_phrase(role, sentence, before_from, start, before=True)
    role = clean_role(_title_before(before))
    return noun_phrase(role, sentence, before_from, start, before=True) if role else None


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


ORGANISATION_ENDS = frozenset(NAMES["organisation_ends"])
BODIES = frozenset(NAMES["bodies"])
PORTFOLIO_WORDS = frozenset(NAMES["portfolios"])
HONORIFICS = tuple(NAMES["honorifics"])
CONSTITUENCY_WORDS = frozenset(NAMES["constituency"])
# Lower-case words that go on naming a council ("Essex county council").
COUNCIL_WORDS = "county|city|borough|district|metropolitan|council"
ORG_WORD = r"[A-Z][\w’'&-]*"
ORG_RUN = re.compile(rf"{ORG_WORD}(?:\s+(?:{ORG_WORD}|and|for|of|&|(?:{COUNCIL_WORDS})\b))*")
OWNER = re.compile(rf"^(?:the\s+)?(?P<org>{ORG_WORD}(?:\s+{ORG_WORD})*)[’']s\b")
ORG_LEAD = re.compile(r"\b(?:of|at|for)\s+(?:the\s+)?")
# "DfE-appointed Children's …": a hyphenated participle describes the role; it names no body.
PARTICIPLE = re.compile(r"^\S*-[a-z]+ed$")


def organisation_of(role: str | None, gazetteer: Gazetteer | None = None) -> str | None:
    """The body a role is held in ('chief executive of Action for Children', 'Hampshire's director'),
    or None: a portfolio ('Minister for Children and Families', 'Children's Minister'), the Crown
    ('Her Majesty's Chief Inspector') and 'of State' are not organisations."""
    if not role:
        return None
    for candidate in _organisation_candidates(role):
        if is_organisation(candidate, gazetteer):
            return candidate
    return None


def _organisation_candidates(role: str) -> list[str]:
    """Capitalised runs after 'of', 'at', 'for' and before a possessive at the start, in reading
    order; an owner ('the LGA's board') before the whole run."""
    found: list[tuple[int, str]] = []
    if owner := OWNER.match(role):
        found.append((owner.start("org"), owner.group("org")))
    for lead in ORG_LEAD.finditer(role):
        if run := ORG_RUN.match(role, lead.end()):
            whole = re.sub(r"(?:\s+(?:and|for|of|&))+$", "", run.group(0))
            cut = re.sub(r"[’']s\b.*$", "", whole).strip()
            found += [(lead.end(), cut)] + ([(lead.end(), whole)] if cut != whole else [])
    candidates = []
    for _, text in sorted(found, key=lambda item: item[0]):
        words = text.split()
        while words and PARTICIPLE.match(words[0]):
            words.pop(0)
        if words:
            candidates.append(" ".join(words))
    return candidates


def is_organisation(text: str, gazetteer: Gazetteer | None = None) -> bool:
    """A body's name: not only portfolio words, and a single word only when it is an authority, a
    known national body or an acronym."""
    lowered = text.lower().replace("’", "'")
    if any(re.search(rf"\b{re.escape(h)}\b", lowered) for h in HONORIFICS):
        return False  # "Senior Her Majesty's Inspector": the Crown's office
    words = lowered.split()
    if all(w in PORTFOLIO_WORDS or w.removesuffix("'s") in PORTFOLIO_WORDS for w in words):
        return False
    if gazetteer is not None and gazetteer.resolve(text) is not None:
        return True
    if gazetteer is not None and _a_place(words, gazetteer):
        return False  # "MP for Manchester Central": a constituency, not a body
    if len(words) > 1:
        return True
    word = text.removesuffix("’s").removesuffix("'s")
    return (
        word.lower() in BODIES
        or sum(c.isupper() for c in word) >= 2
        or words[0] in ORGANISATION_ENDS
        or (gazetteer is not None and gazetteer.resolve(word) is not None)
    )


def _a_place(words: list[str], gazetteer: Gazetteer) -> bool:
    """Words that are all the gazetteer's place words or a constituency's compass words."""
    places = place_words(gazetteer)
    keys = [k for k in (name_key(w) for w in words) if k]
    return bool(keys) and all(k in places or k in CONSTITUENCY_WORDS for k in keys)


_PLACE_WORDS: dict[int, frozenset[str]] = {}


def place_words(gazetteer: Gazetteer) -> frozenset[str]:
    """Every word of every authority's names and aliases, as name_key folds them (once per gazetteer)."""
    if id(gazetteer) not in _PLACE_WORDS:
        _PLACE_WORDS[id(gazetteer)] = frozenset(
            word for a in gazetteer.authorities.values() for alias in (a.name, a.council, *a.aliases) for word in name_key(alias).split()
        )
    return _PLACE_WORDS[id(gazetteer)]


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


@dataclass
class _Mention:
    name: str
    title: str | None
    role: str | None
    order: int


def person_records(spans: list[Span], gazetteer: Gazetteer, on: str | None) -> list[PersonRecord]:
    """One record per person. A short form joins the one full name it can stand for in the
    document: a first name or surname alone ('Ben', 'Ms Doe', 'Wright', 'Le Grand') and a peer's
    title ('Lord Laming' when 'Herbert Laming' is named too). A short form that could be two
    people joins neither; a peer's title or a particle surname that joins no one stays a name, a
    single word is dropped."""
    mentions: list[_Mention] = []
    for span in spans:
        if is_author_heading(span, spans):
            continue
        name, title = split_title(span.text)
        mentions.append(_Mention(name, title, role_near(span, [s for s in spans if s is not span]), len(mentions)))
    full: dict[str, PersonRecord] = {}
    first_seen: dict[str, int] = {}
    short: list[_Mention] = []
    for mention in mentions:
        if is_short_form(mention.name):
            short.append(mention)
            continue
        key = mention.name.lower()
        record = full.get(key)
        if record is None:
            full[key] = record = PersonRecord(name=mention.name, title=mention.title)
            first_seen[key] = mention.order
        if mention.role and not record.role:
            full[key] = _with_role(record, mention.role, gazetteer, on)
    standing: dict[str, PersonRecord] = {}  # peers' titles and particle surnames that join no one
    for mention in short:
        matches = _full_names_for(mention.name, list(full))
        if len(matches) == 1:
            key = matches[0]
            record = full[key]
            if mention.role and not record.role:
                record = _with_role(record, mention.role, gazetteer, on)
            if record.title is None and _peer(mention.name):
                record = record.model_copy(update={"title": mention.name.split()[0]})
            full[key] = record
            first_seen[key] = min(first_seen[key], mention.order)
        elif len(mention.name.split()) > 1:  # a peer or a particle surname standing for no one, or for two
            key = mention.name.lower()
            record = standing.get(key) or PersonRecord(name=mention.name, title=mention.title)
            standing[key] = _with_role(record, mention.role, gazetteer, on) if mention.role and not record.role else record
            first_seen.setdefault(key, mention.order)
    every = {**standing, **full}
    return [every[key] for key in sorted(every, key=lambda k: first_seen[k])]


def _with_role(record: PersonRecord, role: str, gazetteer: Gazetteer, on: str | None) -> PersonRecord:
    organisation = organisation_of(role, gazetteer)
    authority = gazetteer.resolve(organisation, on) if organisation else None
    return record.model_copy(update={"role": role, "organisation": organisation, "authority": authority.name if authority else None})


def _peer(name: str) -> bool:
    return name.split()[0].lower() in PEERAGE_TITLES


def is_short_form(name: str) -> bool:
    """A name that leaves out the given name: one word, a peer's title and surname ('Lord Laming'),
    a surname that opens with a particle ('Le Grand', 'de Souza')."""
    words = name.split()
    return len(words) == 1 or _peer(name) or words[0].lower() in PARTICLES


def _full_names_for(name: str, keys: list[str]) -> list[str]:
    """The full names (lower-case keys) a short form can stand for: ending with its surname, or,
    for one word, holding it anywhere (a first name)."""
    words = name.lower().split()
    if _peer(name):
        words = words[1:]
    if len(words) == 1:
        return [k for k in keys if words[0] in k.split()]
    return [k for k in keys if k.split()[-len(words) :] == words and len(k.split()) > len(words)]
