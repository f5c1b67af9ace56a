"""Directed actions: measures central government takes, proposes, threatens or lifts for one authority.

Per sentence, each action cue ("improvement notice", "use powers to direct", "become a voluntary
trust") becomes an action for the authority it speaks of:
  1. an authority named in the sentence: the nearest before the cue, with the authorities
     coordinated with it ("Norfolk and Sandwell"); else the nearest after it;
  2. else the lead-in of a bulleted list ("… is minded that these steps be taken:");
  3. else, when the sentence refers back ("The council has received …", "The notice was lifted"),
     the one authority of the sentence before if that sentence spoke of a measure too, else the
     document's subject authority;
  4. else nothing: national policy with no named authority is not an action.
Status is the status cue nearest the action cue (in the sentence, then in the lead-in), else
``directed``. Within a document, one action per (authority, kind): ``lifted`` if any mention says
so (the latest state), else the first mention's status.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from pipeline.gazetteer import Authority
from pipeline.records import ActionRecord
from pipeline.resolve.context import GENERIC_COUNCILS, DocumentContext, clause_verb, coordinated, evidence_of

# Kinds that are too common as ordinary words to count without a government actor nearby.
NEED_ACTOR = {"support", "intervention", "takeover"}
# Bodies and posts that are talked about in passing ("overseen by the Improvement Board", "the
# independent chair of the LSCB meets …") or share a word with something else (a "commissioner" is
# also whoever buys services): without an actor or a status cue they count only when the sentence
# sets one up, appoints, sends or requires one (the A-measure-taken construction in the cue file).
PASSING_KINDS = {"improvement_board", "independent_chair", "commissioner"}
BULLET = re.compile(r"^\s*(?:[•◼▪●*·–-]|\d+[.)]|\(?[a-z]\))\s*|^\s*that\b", re.IGNORECASE)
REFERS_BACK = re.compile(
    r"\b(?:the council|the authority|the local authority|its (?:children[’']s )?services|the county|the borough|"
    r"the city council|they|it)\b",
    re.IGNORECASE,
)
RECIPIENT_WORDS = {"to", "for", "with"}


# "Chair of Barnet's Children's Board": a body named inside someone's title already exists.
TITLE_OF = re.compile(r"\b(?:chair|chairman|chairwoman|member|head|director|leader|chief executive)\s+of\s+(?:the\s+)?\S*\s*$",
                      re.IGNORECASE)


def _required_from_outside(ctx: DocumentContext, sentence: Span, intro: Span | None, plan: Span) -> bool:
    """A plan someone recommends, requires, directs or approves (A-required-from-outside): in the
    line that introduces a list, or in the sentence over the plan's own clause ("Ofsted recommended
    that Swindon draw up a plan"), not beside it ("engaged in the improvement plan, providing
    challenge when required")."""
    if intro is not None and ctx.has_cue(intro, "SETTING_UP", "required_from_outside"):
        return True
    above = {plan.root.i} | {t.i for t in plan.root.ancestors}
    return any(c.root.i in above or plan.root.i in {t.i for t in c.root.subtree}
               for c in ctx.cues(sentence, "SETTING_UP") if c.kb_id_ == "required_from_outside")


def in_a_title(cue: Span) -> bool:
    doc = cue.doc
    return bool(TITLE_OF.search(doc[max(cue.sent.start, cue.start - 4) : cue.start].text))


def lead_in(ctx: DocumentContext, sentence: Span) -> Span | None:
    """The sentence that introduces a bulleted list item (it ends with a colon)."""
    if not BULLET.match(sentence.text):
        return None
    current = ctx.previous(sentence)
    while current is not None:
        text = current.text.strip()
        if text.endswith(":"):
            return current
        if not BULLET.match(current.text):
            return None
        current = ctx.previous(current)
    return None


def authorities_for(ctx: DocumentContext, sentence: Span, cue: Span, intro: Span | None, refers_back: bool) -> list[Authority]:
    named = [(s, a) for s, a in ctx.authorities_in(sentence) if s.label_ != "GROUPING" or cue.kb_id_ != "support"]
    before = [i for i, (s, _) in enumerate(named) if s.start < cue.start]
    after = [i for i, (s, _) in enumerate(named) if s.start >= cue.end]
    if after and cue.kb_id_ in {"support", "takeover"}:
        # "support to Cumbria's teams", "Leeds will take over … services in Kirklees": the recipient.
        active_takeover = (cue.kb_id_ == "takeover" and cue[0].lemma_ == "take" and cue[0].tag_ != "VBN"
                           and not re.search(r"\b(?:by|be|been|being)\b", ctx.doc[max(sentence.start, cue.start - 2) : cue.end + 2].text))
        for i in after:
            lead = {t.lower_ for t in ctx.doc[max(cue.end, named[i][0].start - 3) : named[i][0].start]}
            if (cue.kb_id_ == "support" and lead & RECIPIENT_WORDS) or active_takeover:
                return [named[i][1]]
    if recipients := recipients_of(cue, named):
        # the parse may hang only the first of a list from the preposition ("to A (2005), B (2007) and C")
        first = next(i for i, (_, a) in enumerate(named) if a is recipients[0])
        return _unique_authorities(recipients + coordinated(ctx, named, first))
    if before:
        return _unique_authorities(coordinated(ctx, named, before[-1]))
    if GENERIC_COUNCILS.search(sentence.text):
        return [authority for authority, _, _ in listed_after(ctx, sentence)]
    if intro is not None:
        introduced = ctx.authorities_in(intro)
        if introduced:
            return _unique_authorities([a for _, a in introduced])
        if REFERS_BACK.search(intro.text) and ctx.subject:
            return [ctx.subject]
    if refers_back and (not named or REFERS_BACK.search(ctx.doc[sentence.start : cue.start].text)):
        return _referred_to(ctx, sentence)
    if named:  # none before the cue: the first after it, or inside it ("to direct Peterborough")
        return _unique_authorities(coordinated(ctx, named, 0))
    return []


# Prepositions that name whom a measure is aimed at: "notices to Salford", "commissioners into
# Slough", "powers of direction in relation to Haringey", "a direction on Reading", "commissioner
# for Bolton" (so a role-holder of one authority appointed for another gives the other's action).
RECIPIENT_PREPOSITIONS = {"to", "into", "in", "on", "against", "over", "for"}


def recipients_of(cue: Span, named: list[tuple[Span, Authority]]) -> list[Authority]:
    """The authorities the parse attaches to the measure as its recipient: those inside a
    prepositional phrase (``RECIPIENT_PREPOSITIONS``) hanging from the cue or from the words that
    lead from it up to its clause's verb. One measure aimed at a list of authorities names every
    one ("notices to Salford, Leicester and Surrey"), and a recipient after the cue outranks an
    authority named earlier in another clause."""
    reach: set[int] = set()
    node = cue.root
    while True:
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in RECIPIENT_PREPOSITIONS and not (cue.start <= child.i < cue.end):
                reach.update(t.i for t in child.subtree)
        if node.pos_ in {"VERB", "AUX"} or node.head.i == node.i or node.dep_ in {"conj", "ccomp", "advcl", "relcl"}:
            break
        node = node.head
    return [authority for span, authority in named if span.root.i in reach and span.start >= cue.end]


# The longest list of authorities read after a sentence that introduces one (a roundup of a year's
# measures runs to a few dozen; the cap keeps a page of place names from becoming a list).
# benchmarks/window_sweep.py: 20 loses devset actions (0.946 -> 0.920); 60 to 400 are level.
LONGEST_LIST = 160
# An introduction to a list that follows ("These authorities were:", "They are:") has at most
# this many words. benchmarks/window_sweep.py: level from 3 to 20 words on every set (only the
# unit tests exercise it); 8 holds "These were the councils concerned:".
SHORT_INTRODUCTION = 8
LIST_ITEM_PUNCTUATION = " \t\n;,.:•◼▪●*·–-"


def listed_after(ctx: DocumentContext, sentence: Span) -> list[tuple[Authority, str | None, Span]]:
    """A measure told of councils in general, whose authorities are listed after it, one per line
    or item, perhaps under date headings ("… in various local authorities. These were: / 2004-05 /
    A; / B. / 2005-06 / C."): each listed authority, with the date of the heading above it. The
    list starts right after the sentence when it ends with a colon, or after one short
    introduction that names no authority; it ends at the first line that is neither an authority
    nor a date."""
    return ctx.once(f"listed_after:{sentence.start}", lambda: _listed_after(ctx, sentence))


def _listed_after(ctx: DocumentContext, sentence: Span) -> list[tuple[Authority, str | None, Span]]:
    index = ctx.index_of(sentence)
    following = ctx.sentences[index + 1 : index + 2 + LONGEST_LIST]
    if not sentence.text.rstrip().endswith(":"):
        if not following:
            return []
        introduction = following[0]
        words = [t for t in introduction if not t.is_punct and not t.is_space]
        if not introduction.text.rstrip().endswith(":") or len(words) > SHORT_INTRODUCTION or ctx.authorities_in(introduction):
            return []
        following = following[1:]
    listed: list[tuple[Authority, str | None, Span]] = []
    heading: str | None = None
    for item in following:
        rest = item.text
        for span, _ in ctx.authorities_in(item):
            rest = rest.replace(span.text, " ")
        dates = [v for _, v in ctx.dates_in(item) if v]
        for span, _ in ctx.dates_in(item):
            rest = rest.replace(span.text, " ")
        rest = re.sub(r"\b(?:and|&)\b|\([^()]*\)", " ", rest).strip(LIST_ITEM_PUNCTUATION + "/\u2013\u2014 ")
        rest = re.sub(r"[\d\s/\u2013-]+", "", rest)  # the rest of a year range ("2004-05")
        if rest:
            break
        named = ctx.authorities_in(item)
        if not named and dates:
            heading = dates[0]
            continue
        listed.extend((authority, heading, span) for span, authority in named)
    return listed if len(listed) >= 2 else []


# How far a bracket after an authority's name may run: "(lifted in March 2018)", "(2005)".
# benchmarks/window_sweep.py: 4 tokens loses corpus status (0.973 -> 0.960); 8 to 40 are level.
LONGEST_ASIDE = 12


def own_details(ctx: DocumentContext, sentence: Span) -> dict[str, tuple[str | None, str | None]]:
    """Per authority, the status and date its own words give: a bracket right after its name
    ("directions to A (2005) and B (2007)", "Bexley (lifted in March 2018)"), and the heading it
    is listed under."""
    found: dict[str, tuple[str | None, str | None]] = {}
    mentions: list[tuple[Span, Authority, str | None]] = [(span, authority, None) for span, authority in ctx.authorities_in(sentence)]
    if GENERIC_COUNCILS.search(sentence.text):
        mentions += [(span, authority, heading) for authority, heading, span in listed_after(ctx, sentence)]
    for span, authority, heading in mentions:
        status, date = None, heading
        if (aside := _bracket_after(span)) is not None:
            item = span.sent
            if any(c.kb_id_ == "lifted" and aside.start <= c.start < aside.end for c in ctx.cues(item, "STATUS")):
                status = "lifted"
            date = next((v for d, v in ctx.dates_in(item) if v and aside.start <= d.start < aside.end), date)
        if status or date:
            found.setdefault(authority.gss, (status, date))
    return found


def _bracket_after(span: Span) -> Span | None:
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != "(":
        return None
    for i in range(span.end + 1, min(len(doc), span.end + 1 + LONGEST_ASIDE)):
        if doc[i].text == ")":
            return doc[span.end + 1 : i]
    return None


def _referred_to(ctx: DocumentContext, sentence: Span) -> list[Authority]:
    """'the council', 'the notice': the one authority of a sentence before that spoke of a measure too,
    else the document's subject, else the one authority of the sentence before."""
    previous = ctx.previous(sentence)
    named = _unique_authorities([a for _, a in ctx.authorities_in(previous)]) if previous is not None else []
    if len(named) == 1 and previous is not None and ctx.cues(previous, "ACTION"):
        return named
    if ctx.subject:
        return [ctx.subject]
    return named if len(named) == 1 else []


def _unique_authorities(authorities: list[Authority]) -> list[Authority]:
    return list({a.gss: a for a in authorities}.values())


def status_of(ctx: DocumentContext, sentence: Span, cue: Span, intro: Span | None) -> str:
    """The status cue nearest before the action cue, else one just after it, else the lead-in's."""
    cues = ctx.cues(sentence, "STATUS")
    if cue.kb_id_ == "new_leadership":  # "removed the director" is the measure itself, not a lifting
        cues = [c for c in cues if c.root.lemma_ not in LEADERSHIP_VERBS]
    if any(c.kb_id_ == "lifted" and not _under_negation(c.root) for c in cues):
        return "lifted"  # the latest state the sentence tells ("it would not be right to remove …" tells none)
    if on_condition(cue):
        return "threatened"  # "will intervene in Walsall if the council fails to improve"
    before = [c for c in cues if c.start < cue.end and _governs(c, cue)]  # before the cue or inside it ("intend to direct")
    after = [c for c in cues if c.start >= cue.end and _governs(c, cue)]  # "a board for Bury is proposed"
    nearest = before[-1] if before else (after[0] if after else None)
    if nearest is not None:
        if nearest.text.lower() in DECIDED_MODALS and decided(cue):
            return "directed"  # "I have decided that the council should be issued with a notice"
        return nearest.kb_id_
    if intro is not None and (intro_cues := ctx.cues(intro, "STATUS")):
        return intro_cues[0].kb_id_
    return modality(cue) or "directed"


def _under_negation(token: Token) -> bool:
    """Whether the word or a clause above it is negated ("would not be right to remove")."""
    return any(child.dep_ == "neg" for head in (token, *token.ancestors) for child in head.children)


def _governs(status: Span, cue: Span) -> bool:
    """Whether a status word bears on the measure: inside it, or in a clause whose verb the parse puts
    above the measure ("minded to use powers to direct …"), not in another clause beside it ("…
    following a report that the safety of children could not be assured, the department served a
    notice")."""
    if cue.start <= status.start < cue.end:
        return True
    verb = clause_verb(status.root)
    chain = {cue.root.i} | {t.i for t in cue.root.ancestors}
    return verb.i in chain or verb.head.i in chain and verb.dep_ in {"aux", "auxpass"}


# Verbs of a decision taken: a measure in the clause they govern is directed, even when that clause
# says "should" or "would" ("I have decided that the council should be issued with a notice").
DECISION_VERBS = {"decide", "determine", "conclude", "agree", "rule"}  # lemmas
DECIDED_MODALS = {"should", "would", "will", "shall"}


def decided(cue: Span) -> bool:
    """Whether the parse puts the measure in a clause that a decision verb governs (through ccomp),
    or, where the parser has lost the clauses of a long list of decisions ("I have decided that …;
    that …; and …"), whether an earlier decision verb in the sentence introduces a that-clause."""
    node = cue.root
    while node.head.i != node.i:
        if node.dep_ == "ccomp" and node.head.lemma_ in DECISION_VERBS:
            return not _negated(node.head)
        node = node.head
    for token in cue.sent:
        if token.i >= cue.start:
            break
        if token.lemma_ in DECISION_VERBS and token.pos_ in {"VERB", "AUX"} and not _negated(token) and token.i + 1 < len(token.doc) and token.nbor().lower_ == "that":
            return True
    return False


def _negated(verb: Token) -> bool:
    return any(child.dep_ == "neg" for child in verb.children)


# Words that make a measure one not taken: "intervened without improvement notices", "no notice".
EXCLUDING_PREPOSITIONS = {"without", "except"}
NONE_DETERMINERS = {"no"}


# Words that introduce examples of the noun they hang from ("support options, including boards").
EXAMPLE_MARKERS = {"including", "such", "like"}
# Nouns for the council itself, as the agent of a step it took ("a board established by the council").
COUNCIL_NOUNS = {"council", "authority", "it", "itself", "cabinet", "leader"}


def ruled_out(cue: Span, sentence_cues: list[Span]) -> bool:
    """Whether the parse shows the measure is not one taken for the authority:
    - under 'without' or 'no' ("intervened without improvement notices", "no notice was needed");
    - an example of support the sentence already counts ("support options, including improvement
      boards and advisers"): part of that support;
    - set up by the council itself ("the Improvement Board established by the council"), except a
      plan, which councils always draw up;
    - the work of commissioners the sentence appoints ("commissioners to take over its functions")."""
    node = cue.root
    if any(child.dep_ == "det" and child.lower_ in NONE_DETERMINERS for child in node.children):
        return True
    if cue.kb_id_ != "improvement_plan" and any(child.dep_ == "acl" and _by_the_council(child) for child in node.children):
        return True  # a plan is always the council's own: the measure is requiring or approving it
    if cue.kb_id_ == "takeover" and _done_by(cue, sentence_cues, "commissioner"):
        return True
    while node.head.i != node.i and node.pos_ not in {"VERB", "AUX"}:
        node = node.head
        if node.dep_ == "prep" and node.lower_ in EXCLUDING_PREPOSITIONS:
            return True
        if node.lower_ in EXAMPLE_MARKERS and cue.kb_id_ != "support" and _covers(node.head, sentence_cues, "support"):
            return True
    # "… without issuing an improvement notice": the measure's own verb hangs from "without"
    return node.dep_ == "pcomp" and node.head.lower_ in EXCLUDING_PREPOSITIONS


def _by_the_council(participle: Token) -> bool:
    for agent in (c for c in participle.children if c.dep_ == "agent"):
        if any(t.lower_ in COUNCIL_NOUNS for t in agent.subtree):
            return True
    return False


def _covers(token: Token, cues: list[Span], kind: str) -> bool:
    """Whether a cue of ``kind`` lies in the phrase ``token`` heads, outside the examples it lists."""
    inside = {t.i for t in token.subtree}
    examples = {t.i for child in token.children if child.lower_ in EXAMPLE_MARKERS for t in child.subtree}
    return any(c.kb_id_ == kind and c.root.i in inside and c.root.i not in examples for c in cues)


def _done_by(cue: Span, cues: list[Span], kind: str) -> bool:
    """'appointed commissioners to take over …': the verb of the cue is a clause of a ``kind`` noun."""
    verb = clause_verb(cue.root)
    if verb.dep_ not in {"xcomp", "acl", "relcl", "advcl"}:
        return False
    holder = verb.head
    candidates = {holder.i} | {c.i for c in holder.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"}}
    return any(c.kb_id_ == kind and c.root.i in candidates for c in cues)


# Modal auxiliaries that make a measure a possibility the authority is warned of.
THREAT_MODALS = {"may", "might", "could"}
# Predicates that make a measure a prospect not yet taken: "is expected to be issued with …".
PROSPECT_PREDICATES = {"expect", "likely"}  # lemmas


CONDITION_MARKS = {"if", "unless"}


def on_condition(cue: Span) -> bool:
    """Whether the measure's own clause carries a condition ("… will intervene if the council fails
    to improve", "… unless services improve"): a threat, whatever its tense."""
    verb = clause_verb(cue.root)
    return any(child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in child.children)
               for child in verb.children)


def modality(cue: Span) -> str | None:
    """The status the parse gives a measure when no status word does: up from the cue through its
    verb (and the verbs it is the complement of), a threat modal makes it ``threatened`` and a
    prospect predicate ``proposed``."""
    node = cue.root
    while node.head.i != node.i:
        node = node.head
        if node.pos_ not in {"VERB", "AUX", "ADJ"}:
            continue
        if any(child.dep_ == "aux" and child.lower_ in THREAT_MODALS for child in node.children):
            return "threatened"
        if node.lemma_ in PROSPECT_PREDICATES:
            return "proposed"
        if node.dep_ not in {"xcomp", "auxpass"}:
            return None
    return None


def actor_of(ctx: DocumentContext, sentence: Span, cue: Span, intro: Span | None) -> str | None:
    actors = ctx.cues(sentence, "ACTOR")
    before = [a for a in actors if a.start < cue.start]
    if before:
        return before[-1].kb_id_
    if intro is not None and (intro_actors := ctx.cues(intro, "ACTOR")):
        return intro_actors[0].kb_id_
    if actors:
        return actors[0].kb_id_
    return _actor_referred_to(ctx, sentence, cue)


PERSONAL_PRONOUNS = {"we", "they", "he", "she", "i"}
FIRST_PERSON = {"i", "we"}
# How far back a first-person speaker's actor is looked for: a parliamentary answer's "I" is the
# minister the question was put to, one or two sentences before the answer's first measure.
# benchmarks/window_sweep.py: 1 loses devset actions (0.946 -> 0.945); 2 to 8 are level.
SPEAKER_LOOKBACK = 3


def _subject(verb: Token) -> Token | None:
    return next((child for child in verb.children if child.dep_ in {"nsubj", "nsubjpass"}), None)


def _actor_referred_to(ctx: DocumentContext, sentence: Span, cue: Span) -> str | None:
    """'We have also intervened …' after 'Ministers have used their powers …': a pronoun subject of
    the measure's verb stands for the actor of the sentence before; a first-person subject anywhere
    in the sentence ("I have decided that …") is the speaker, the actor of a recent sentence."""
    node = cue.root
    while node.head.i != node.i and not (node.pos_ in {"VERB", "AUX"} and _subject(node) is not None):
        node = node.head  # up through participles without a subject ("…, deploying support")
    subject = _subject(node)
    first_person = any(t.dep_ == "nsubj" and t.lower_ in FIRST_PERSON for t in sentence)
    if not first_person and (subject is None or subject.lower_ not in PERSONAL_PRONOUNS):
        return None
    previous = ctx.previous(sentence)
    for _ in range(SPEAKER_LOOKBACK if first_person else 1):
        if previous is None:
            return None
        if earlier := ctx.cues(previous, "ACTOR"):
            return earlier[-1].kb_id_
        previous = ctx.previous(previous)
    return None


def deadlines(ctx: DocumentContext) -> dict[str, str]:
    """Per authority, the date by which it must respond ("has until 30 November to …")."""
    found: dict[str, str] = {}
    for sentence in ctx.sentences:
        if not ctx.has_cue(sentence, "DEADLINE"):
            continue
        values = [v for _, v in ctx.dates_in(sentence) if v]
        if not values:
            continue
        named = [a for _, a in ctx.authorities_in(sentence)]
        targets = named or ([ctx.subject] if ctx.subject and REFERS_BACK.search(sentence.text) else [])
        for authority in targets:
            found.setdefault(authority.gss, values[0])
    return found


def action_records(ctx: DocumentContext) -> list[ActionRecord]:
    merged: dict[tuple[str, str], ActionRecord] = {}
    due = deadlines(ctx)
    for sentence in ctx.sentences:
        cues = ctx.cues(sentence, "ACTION")
        if ctx.cues(sentence, "ACTOR"):
            cues += leadership_changes(sentence)
        cues += anaphoric_measures(sentence, cues, {kind for _, kind in merged})
        transfers = _transfers(ctx, sentence, cues)
        if not (cues or transfers) or ctx.has_cue(sentence, "OTHER_SERVICE"):
            continue
        intro = lead_in(ctx, sentence)
        when = action_date(ctx, sentence)
        details = own_details(ctx, sentence)
        evidence, start, end = evidence_of(sentence)
        refers_back = bool(REFERS_BACK.search(sentence.text)) or any(_definite(c) for c in cues)
        for cue in _drop_nested(cues) + transfers:
            if in_a_title(cue) or _chairs_another_body(cue) or ruled_out(cue, cues):
                continue
            actor = actor_of(ctx, sentence, cue, intro)
            if cue.kb_id_ in NEED_ACTOR and actor is None:
                continue
            if cue.kb_id_ in PASSING_KINDS and actor is None and (
                    mentioned_in_passing(cue) or not (ctx.cues(sentence, "STATUS") or ctx.has_cue(sentence, "SETTING_UP", "measure_taken"))):
                continue  # a board or chair already there, mentioned in passing
            if cue.kb_id_ == "improvement_plan" and actor is None and not _required_from_outside(ctx, sentence, intro, cue):
                continue  # the council's own plan
            status = status_of(ctx, sentence, cue, intro)
            if status == "lifted" and replaced(ctx, sentence, cue):
                status = "directed"  # "This direction has closed. A direction issued in 2017 replaces it."
            if cue.label_ == "GROUPING":
                targets = _transfer_targets(ctx, sentence, cue)
            else:
                targets = authorities_for(ctx, sentence, cue, intro, refers_back)
            for authority in targets:
                key = (authority.gss, "trust" if cue.label_ == "GROUPING" else cue.kb_id_)
                own_status, own_date = details.get(authority.gss, (None, None))
                record = ActionRecord(
                    authority=authority.name,
                    kind="trust" if cue.label_ == "GROUPING" else cue.kb_id_,  # type: ignore[arg-type]
                    status=own_status or status,  # type: ignore[arg-type]
                    actor=actor,
                    date=own_date or when,
                    deadline=due.get(authority.gss) if status in {"proposed", "threatened"} else None,
                    evidence=evidence,
                    start=start,
                    end=end,
                )
                if key not in merged:
                    merged[key] = record
                elif status == "lifted":
                    merged[key] = merged[key].model_copy(update={"status": "lifted", "date": when})
    return list(merged.values())


REPLACING = {"replace", "supersede"}


def replaced(ctx: DocumentContext, sentence: Span, cue: Span) -> bool:
    """A measure lifted only to be replaced by another of its kind, in the same or the next
    sentence: the authority stays under it."""
    index = ctx.index_of(sentence)
    for other in ctx.sentences[index : index + 2]:
        kinds = {c.kb_id_ for c in ctx.cues(other, "ACTION")} | {a.kb_id_ for a in anaphoric_measures(other, [], {cue.kb_id_})}
        if cue.kb_id_ in kinds and any(t.lemma_ in REPLACING for t in other):
            return True
    return False


# Bare nouns that, with a definite determiner, refer back to a measure of that kind already told
# ("… issued an improvement notice. The notice was lifted in 2014.").
ANAPHORIC_NOUNS = {"notice": "improvement_notice", "direction": "statutory_direction"}  # by lemma
DEFINITE = {"the", "this", "that", "its", "these"}


def anaphoric_measures(sentence: Span, cues: list[Span], kinds_told: set[str]) -> list[Span]:
    """'The notice', 'that direction': a measure of a kind the document has already told, named again
    by its bare noun (a word too common to be a cue alone: "at short notice", "a sense of direction")."""
    covered = {i for c in cues for i in range(c.start, c.end)}
    found = []
    for token in sentence:
        kind = ANAPHORIC_NOUNS.get(token.lemma_)
        if kind in kinds_told and token.i not in covered and token.i > 0 and token.nbor(-1).lower_ in DEFINITE:
            found.append(Span(sentence.doc, token.i, token.i + 1, label="ACTION", kb_id=kind))
    return found


DEADLINE_WORDS = {"by", "until", "before", "since", "from"}
RECENT = re.compile(r"\b(?:today|yesterday|this (?:morning|afternoon|week)|last night|tonight)\b", re.IGNORECASE)
PRESENT = re.compile(r"\b(?:has|have) (?:been |now |today |formally )?\w+(?:ed|en)\b|\b(?:announced|confirmed|said) (?:today|yesterday)\b",
                     re.IGNORECASE)


def action_date(ctx: DocumentContext, sentence: Span) -> str | None:
    """When the action was taken or announced: a day the sentence names for it ("today", "on 3
    March"), else the publication date for news told in the present perfect or a lifting, else a
    date the sentence gives that is not a deadline or a starting point, else the publication date."""
    dates = [(s, v) for s, v in ctx.dates_in(sentence) if v]
    recent = [v for s, v in dates if RECENT.search(s.text)]
    if recent:
        return recent[0]
    on_day = [v for s, v in dates if s.start > sentence.start and ctx.doc[s.start - 1].lower_ == "on" and len(v) == 10]
    if on_day:
        return on_day[0]
    if PRESENT.search(sentence.text) or ctx.has_cue(sentence, "STATUS", "lifted"):
        return ctx.published
    plain = [v for s, v in dates if not v.startswith("XXXX")
             and not (s.start > sentence.start and ctx.doc[s.start - 1].lower_ in DEADLINE_WORDS)]
    if plain:
        return plain[0]
    # Only deadlines or dates of unknown year: the action is dated by the news itself.
    return ctx.published


# Verbs and their objects for government removing or installing the people who run the services.
LEADERSHIP_VERBS = {"remove", "replace", "sack", "dismiss", "oust", "install", "impose"}  # lemmas
LEADERSHIP_NOUNS = {"director", "leadership", "leader", "management", "head"}  # lemmas


def leadership_changes(sentence: Span) -> list[Span]:
    """A4, from the parse: a director, leaders or management as the object of removing, replacing or
    installing ("the Education Secretary removed Haringey's director of children's services") is a
    ``new_leadership`` measure; the caller asks for a government actor in the sentence."""
    found = []
    for token in sentence:
        if token.lemma_ not in LEADERSHIP_VERBS or token.pos_ not in {"VERB", "AUX"}:
            continue
        for child in token.children:
            led = child.lemma_ in LEADERSHIP_NOUNS or (child.lemma_ == "team" and any(c.lemma_ in LEADERSHIP_NOUNS for c in child.children))
            if child.dep_ in {"dobj", "nsubjpass"} and led:
                found.append(Span(sentence.doc, child.i, child.i + 1, label="ACTION", kb_id="new_leadership"))
    return found


def _definite(cue: Span) -> bool:
    return cue.start > cue.sent.start and cue.doc[cue.start - 1].lower_ in {"the", "this", "that", "its", "’s", "'s"}


def _chairs_another_body(cue: Span) -> bool:
    """'independent chair of the Stockport Safeguarding Children Board', 'Independent Chair of Panel':
    a standing chair of a partnership or panel, not a chair appointed by government to an
    improvement board."""
    if cue.kb_id_ != "independent_chair":
        return False
    if "safeguarding" in cue.doc[cue.end : cue.end + 6].text.lower():
        return True
    of = next((c for c in cue.root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    chaired = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return chaired is not None and chaired.lemma_.lower() != "board"


# Nouns for setting a body up: "the establishment of an improvement board" is the measure itself.
SETTING_UP_NOUNS = {"establishment", "creation", "appointment", "formation", "introduction", "setting", "membership"}


def mentioned_in_passing(cue: Span) -> bool:
    """A board, chair or commissioner the parse shows already at work: the agent of something done
    ("overseen by the Improvement Board") or what another noun belongs to ("the priorities of the
    improvement board"), rather than the object of setting it up."""
    root = cue.root
    if root.dep_ != "pobj":
        return False
    preposition = root.head
    if preposition.dep_ == "agent":
        return True
    owner = preposition.head
    return preposition.lower_ == "of" and owner.pos_ in {"NOUN", "PROPN"} and owner.lemma_.lower() not in SETTING_UP_NOUNS


def _transfers(ctx: DocumentContext, sentence: Span, cues: list[Span]) -> list[Span]:
    """Trusts and companies from the gazetteer that take services over in this sentence."""
    if not ctx.has_cue(sentence, "TRANSFER") or any(c.kb_id_ == "trust" for c in cues):
        return []
    groupings = [s for s, _ in ctx.authorities_in(sentence) if s.label_ == "GROUPING"]
    kinds = ctx.gazetteer_kinds
    return list({g.start: g for g in groupings if kinds.get(g.id_) in {"trust", "company"}}.values())


def _transfer_targets(ctx: DocumentContext, sentence: Span, grouping: Span) -> list[Authority]:
    """A named council moving its services in, else the trust's or company's own members."""
    named = [(s, a) for s, a in ctx.authorities_in(sentence) if s.label_ != "GROUPING" and s.start < grouping.start]
    if named:
        return [named[-1][1]]
    members = [a for s, a in ctx.authorities_in(sentence) if s.start == grouping.start]
    if members:
        return _unique_authorities(members)
    return [ctx.subject] if ctx.subject else []


def _drop_nested(cues: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for cue in sorted(cues, key=lambda s: (s.start, -len(s))):
        if any(cue.start >= k.start and cue.end <= k.end and cue.kb_id_ == k.kb_id_ for k in kept):
            continue
        kept.append(cue)
    return kept
