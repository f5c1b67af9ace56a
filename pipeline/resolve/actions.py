"""Directed actions: measures central government takes, proposes, threatens or lifts for one authority.

Per sentence, each action cue ("improvement notice", "use powers to direct", "become a voluntary
trust") becomes an action for the authority it speaks of:
  1. an authority named in the sentence: the nearest before the cue, with the authorities
     coordinated with it ("Norfolk and Sandwell"); else the nearest after it;
  2. else the lead-in of a bulleted list ("… minded that the intervention should be as follows:");
  3. else the previous sentence's authority (or the document's subject), when this one refers
     back ("The council has received …", "The notice was lifted");
  4. else nothing: national policy with no named authority is not an action.
Status is the status cue nearest the action cue (in the sentence, then in the lead-in), else
``directed``. Within a document, one action per (authority, kind): ``lifted`` if any mention says
so (the latest state), else the first mention's status.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from pipeline.records import ActionRecord
from pipeline.resolve.context import DocumentContext, evidence_of
from pipeline.resolve.gazetteer import Authority

# Kinds that are too common as ordinary words to count without a government actor nearby.
NEED_ACTOR = {"support", "intervention", "takeover"}
BULLET = re.compile(r"^\s*(?:[•◼▪●*·–-]|\d+[.)]|\(?[a-z]\))\s*|^\s*that\b", re.IGNORECASE)
REFERS_BACK = re.compile(
    r"\b(?:the council|the authority|the local authority|its (?:children[’']s )?services|the county|the borough|"
    r"the city council|they|it)\b",
    re.IGNORECASE,
)
GENERIC = re.compile(r"\b(?:any (?:local )?(?:authority|council)|councils|authorities|those councils)\b", re.IGNORECASE)


# "Chair of Rotherham's Children's Board": a body named inside someone's title already exists.
TITLE_OF = re.compile(r"\b(?:chair|chairman|chairwoman|member|head|director|leader|chief executive)\s+of\s+(?:the\s+)?\S*\s*$",
                      re.IGNORECASE)


def in_a_title(cue: Span) -> bool:
    doc = cue.doc
    before = doc[max(cue.sent.start, cue.start - 4) : cue.start].text + " "
    return bool(TITLE_OF.search(before.rstrip() + " ")) or bool(TITLE_OF.search(before))


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


def coordinated(ctx: DocumentContext, mentions: list[tuple[Span, Authority]], index: int) -> list[Authority]:
    """The authority at ``index`` and those joined to it by 'and', '&' or commas."""
    chosen = [mentions[index][1]]
    doc = ctx.doc
    for step in (-1, 1):
        i = index
        while 0 <= i + step < len(mentions):
            left, right = sorted((mentions[i][0], mentions[i + step][0]), key=lambda s: s.start)
            between = doc[left.end : right.start].text.strip().lower()
            between = re.sub(r"^[’']s\b", "", between).strip()
            if between not in {",", "and", "&", ", and", "or"}:
                break
            chosen.append(mentions[i + step][1])
            i += step
    return chosen


def authorities_for(ctx: DocumentContext, sentence: Span, cue: Span, intro: Span | None) -> list[Authority]:
    named = ctx.authorities_in(sentence)
    if named:
        before = [i for i, (s, _) in enumerate(named) if s.start < cue.start]
        index = before[-1] if before else 0
        return _unique_authorities(coordinated(ctx, named, index))
    if GENERIC.search(sentence.text):
        return []
    if intro is not None:
        named = ctx.authorities_in(intro)
        if named:
            return _unique_authorities([a for _, a in named])
        if REFERS_BACK.search(intro.text) and ctx.subject:
            return [ctx.subject]
    definite = cue.start > sentence.start and ctx.doc[cue.start - 1].lower_ in {"the", "this", "that", "its"}
    if definite or REFERS_BACK.search(sentence.text):
        previous = ctx.previous(sentence)
        named = ctx.authorities_in(previous) if previous is not None else []
        if named:
            return [named[-1][1]]
        if ctx.subject:
            return [ctx.subject]
    return []


def _unique_authorities(authorities: list[Authority]) -> list[Authority]:
    return list({a.gss: a for a in authorities}.values())


def _nearest(cues: list[Span], anchor: Span) -> Span | None:
    if not cues:
        return None
    return min(cues, key=lambda c: (abs(c.start - anchor.start), c.start > anchor.start))


def status_of(ctx: DocumentContext, sentence: Span, cue: Span, intro: Span | None) -> str:
    cues = ctx.cues(sentence, "STATUS")
    nearest = _nearest(cues, cue)
    if nearest is not None:
        return nearest.kb_id_
    if intro is not None and (intro_cues := ctx.cues(intro, "STATUS")):
        return intro_cues[0].kb_id_
    return "directed"


def actor_of(ctx: DocumentContext, sentence: Span, cue: Span, intro: Span | None) -> str | None:
    actors = ctx.cues(sentence, "ACTOR")
    before = [a for a in actors if a.start < cue.start]
    if before:
        return before[-1].kb_id_
    if intro is not None and (intro_actors := ctx.cues(intro, "ACTOR")):
        return intro_actors[0].kb_id_
    return actors[0].kb_id_ if actors else None


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
        if not cues or ctx.has_cue(sentence, "OTHER_SERVICE"):
            continue
        intro = lead_in(ctx, sentence)
        deadline_cues = [c.start for c in ctx.cues(sentence, "DEADLINE")]
        dates = [v for s, v in ctx.dates_in(sentence) if v and not v.startswith("XXXX")
                 and not any(c < s.start for c in deadline_cues)]
        when = dates[0] if dates else (None if ctx.dates_in(sentence) else ctx.published)
        evidence, start, end = evidence_of(sentence)
        for cue in _drop_nested(cues):
            if in_a_title(cue):
                continue
            actor = actor_of(ctx, sentence, cue, intro)
            if cue.kb_id_ in NEED_ACTOR and actor is None:
                continue
            status = status_of(ctx, sentence, cue, intro)
            for authority in authorities_for(ctx, sentence, cue, intro):
                key = (authority.gss, cue.kb_id_)
                record = ActionRecord(
                    authority=authority.name,
                    kind=cue.kb_id_,  # type: ignore[arg-type]
                    status=status,  # type: ignore[arg-type]
                    actor=actor,
                    date=when,
                    deadline=due.get(authority.gss) if status in {"proposed", "threatened"} else None,
                    evidence=evidence,
                    start=start,
                    end=end,
                )
                if key not in merged:
                    merged[key] = record
                elif status == "lifted":
                    merged[key] = merged[key].model_copy(update={"status": "lifted", "date": when or merged[key].date})
    return list(merged.values())


def _drop_nested(cues: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for cue in sorted(cues, key=lambda s: (s.start, -len(s))):
        if any(cue.start >= k.start and cue.end <= k.end and cue.kb_id_ == k.kb_id_ for k in kept):
            continue
        kept.append(cue)
    return kept
