"""Ofsted judgements: a grade for one authority and one area, from the constructions that state it.

A grade counts when its word stands in grade position ("judged X to be inadequate", "rated
'Good'", "Overall effectiveness – Requires improvement to be good", "was found to be inadequate"),
in a sentence about an inspection or in a grade list, and not when the grade is expected,
conditional, a quality of something else ("outstanding features") or another body's grade
(a school, a care home rated by CQC, a Scottish or Welsh inspectorate).

Areas pair with grades by position: an area takes the first grade after it ("safeguarding and
services for looked after children … to be inadequate"); an area after every grade takes the
grade before it ("graded outstanding for its care leavers"); no area means overall effectiveness.

Authority attribution: the authority named in the sentence nearest before the grade (else the
first named); else the document's subject authority (the one a report's front page names, else
its most mentioned), unless the sentence speaks of councils in general ("any local authority",
"councils judged …"); else the grade is dropped.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from pipeline.gazetteer import Authority
from pipeline.records import JudgementRecord
from pipeline.resolve.context import GENERIC_COUNCILS, DocumentContext, clause_verb, coordinated, evidence_of, outermost

# Lemmas of the words that lead into a grade ("judged", "was", "remains", "received", "the grade of").
GRADE_LEAD = {
    "judge", "rate", "grade", "find", "as", "be", "remain", "of", "receive", "achieve", "give", "–", "-", "—", ":",
    "|", "deem", "now", "overall", "rating", "judgement", "assess", "both", "all", "each",
}
# How many tokens back a grade's lead word may stand ("judged … to be inadequate").
# benchmarks/window_sweep.py: level from 1 to 10 on every set, because a grading verb anywhere
# earlier in the clause (GRADE_VERBS) already counts; 3 covers "was judged to be".
GRADE_LEAD_WINDOW = 3
# Verbs that take a grade as object complement, anywhere earlier in the clause since the previous
# grade: "rated the experiences and progress of children who need help and protection inadequate".
# (A fixed window of 8 tokens was tried first on corpus/; it missed long area names.)
GRADE_VERBS = {"judge", "rate", "grade", "find", "deem", "assess", "consider"}  # lemmas
NEGATION = {"not", "no", "never", "longer"}
GRADE_LIST_LINE = re.compile(r"[–—\-|:]\s*[‘'\"“]?(?:outstanding|good|requires improvement(?: to be good)?|adequate|inadequate)[’'\"”]?\s*\.?\s*$", re.IGNORECASE)
CHILD_PROTECTION = re.compile(r"child protection|protection of children", re.IGNORECASE)
SIF_START = "2013-11"


_GRADE = r"(?:inadequate|requires? improvement(?: to be good)?|adequate|good|outstanding)"
# Nouns that make a phrase a grade by itself: "the top grade", "the highest rating".
GRADE_NOUNS = {"grade", "rating", "judgement"}
# A move between two grades ("went from requires improvement to outstanding") states both.
MOVEMENT = re.compile(rf"\bfrom (?P<before>{_GRADE}) to (?P<after>{_GRADE})\b", re.IGNORECASE)


def movement_part(rating: Span, sentence: Span) -> str | None:
    """"before" or "after" when the grade is one end of a move between grades, else None."""
    offset = sentence.start_char
    for match in MOVEMENT.finditer(sentence.text):
        for part in ("before", "after"):
            if offset + match.start(part) <= rating.start_char and rating.end_char <= offset + match.end(part):
                return part
    return None


def in_grade_position(rating: Span, sentence: Span, clause_start: int = -1) -> bool:
    """Whether a grade word is used as a grade: quoted or capitalised, just after a lead word, or the
    object complement of a grading verb earlier in its clause ("rated … services … inadequate");
    the clause runs back to the previous grade."""
    if rating.kb_id_ == "requires_improvement" or rating[-1].lower_ in GRADE_NOUNS or movement_part(rating, sentence):
        return True  # phrases only ever used of a grade ("the top grade"); an end of a move between grades
    first = rating[0]
    quoted = first.i > 0 and first.nbor(-1).text in {"‘", "'", '"', "“"}
    if quoted or (first.text[0].isupper() and first.i != sentence.start):
        return True
    window = [t.lemma_.lower() for t in rating.doc[max(sentence.start, rating.start - GRADE_LEAD_WINDOW) : rating.start]]
    clause = [t.lemma_.lower() for t in rating.doc[max(sentence.start, clause_start) : rating.start]]
    if not any(w in GRADE_LEAD for w in window) and not any(w in GRADE_VERBS for w in clause):
        return False
    after = rating.doc[rating.end] if rating.end < sentence.end else None
    if after is not None and any(d.start == after.i for d in rating.doc.spans.get("dates", [])):
        return True  # "judged good last year": the next words are a date, not what the grade describes
    # "inadequate social services" is a description, not a grade.
    return not (after is not None and after.pos_ in {"NOUN", "ADJ", "PROPN"} and after.lower_ not in {"overall", "features"})


def _areas(ctx: DocumentContext, sentence: Span) -> list[Span]:
    """Graded areas in a sentence, minus words that only name an inspection or qualify another area."""
    names = ctx.cues(sentence, "INSPECTION")
    kept: list[Span] = []
    for area in outermost(ctx.cues(sentence, "AREA")):
        if any(area.start < n.end and n.start < area.end for n in names):
            continue  # "inspection of safeguarding and looked after children services" names the inspection
        if _inside_another_service(area, sentence):
            continue  # "the education provision for children in care is good" grades something else
        if area.root.dep_ in {"compound", "amod", "nmod"} and area.root.head.lemma_.lower() in INSPECTION_NOUNS:
            continue  # "unannounced safeguarding inspection visits" names a kind of inspection
        kept.append(area)
    doc = sentence.doc
    result = []
    for index, area in enumerate(kept):
        following = kept[index + 1] if index + 1 < len(kept) else None
        between = doc[area.end : following.start].text.strip().lower() if following is not None else ""
        # "the overall effectiveness of safeguarding" grades safeguarding.
        if area.kb_id_ == "overall_effectiveness" and following is not None and between in {"of", "of the"}:
            continue
        # "children in care and care leavers" is one judgement (ILACS before 2023).
        previous = kept[index - 1] if index else None
        if (area.kb_id_ == "care_leavers" and previous is not None and previous.kb_id_ == "children_in_care"
                and doc[previous.end : area.start].text.strip().lower() == "and"):
            continue
        result.append(area)
    return result


# Nouns for an inspection itself: an area word that modifies one names the inspection, not a graded area.
INSPECTION_NOUNS = {"inspection", "visit", "review"}  # lemmas
OTHER_SERVICE_HEADS = {"provision", "offer", "support", "school", "education"}  # lemmas


def _inside_another_service(area: Span, sentence: Span) -> bool:
    return any(t.lemma_.lower() in OTHER_SERVICE_HEADS for t in sentence.doc[max(sentence.start, area.start - 5) : area.start])


def _area_value(area: Span, when: str | None) -> str:
    if area.kb_id_ == "safeguarding" and CHILD_PROTECTION.search(area.text) and when and when >= SIF_START:
        return "help_and_protection"
    return area.kb_id_


OBJECT_STARTS = {"the", "its", "their", "his", "her", "them", "it", "this", "these", "those", "a", "an", "all", "both"}


def pair_areas(ratings: list[Span], areas: list[Span]) -> list[tuple[Span, Span | None]]:
    """Each grade with the areas it grades; None stands for overall effectiveness.

    When an active grading verb with its own object stands between earlier areas and the grade
    ("an inspection of services for X …, which judged the council's services inadequate"), only
    areas after that verb are the grade's.
    """
    pairs: list[tuple[Span, Span | None]] = []
    previous_end = -1
    for index, rating in enumerate(ratings):
        start = max(previous_end, _object_verb(rating, previous_end))
        chosen = [a for a in areas if start <= a.start < rating.start]
        if not chosen and index == len(ratings) - 1:
            chosen = [a for a in areas if a.start >= rating.end]
        if chosen:
            pairs.extend((rating, area) for area in chosen)
        elif not areas or _says_overall(rating) or start > previous_end:
            pairs.append((rating, None))
        previous_end = rating.end
    return pairs


def dates_by_clause(ctx: DocumentContext, sentence: Span, ratings: list[Span]) -> dict[int, str | None] | None:
    """When a sentence tells grades in different clauses ("was rated inadequate in 2010, but inspectors
    now judge its services good"), each grade takes the date of its own clause, and a grade whose
    clause has none is dated as if the sentence had none (J4). None when the sentence has one clause
    of grades or no date: then every grade shares the sentence's date."""
    dated = [(span, value) for span, value in ctx.dates_in(sentence) if value]
    verbs = {rating.start: clause_verb(rating.root).i for rating in ratings}
    if len(set(verbs.values())) < 2 or not dated:
        return None
    own = {rating.start: [v for span, v in dated if clause_verb(span.root).i == verbs[rating.start]] for rating in ratings}
    if not any(own.values()):
        return None
    fallback = None if EARLIER_INSPECTION.search(sentence.text) else context_date(ctx, sentence)
    return {start: values[0] if values else fallback for start, values in own.items()}


def _paired(ratings: list[Span], areas: list[Span], sentence: Span) -> list[tuple[Span, Span | None]]:
    """Grades with their areas; the two ends of a move between grades grade only the areas named
    before the move ("services for children in care went from good to outstanding"), else overall."""
    moved = [r for r in ratings if movement_part(r, sentence)]
    pairs = pair_areas([r for r in ratings if r not in moved], areas)
    for rating in moved:
        before: list[Span | None] = [a for a in areas if a.end <= rating.start]
        pairs.extend((rating, area) for area in (before or [None]))
    return pairs


def _object_verb(rating: Span, since: int) -> int:
    """Token index just after the last active grading verb with an object before the grade, or -1."""
    doc = rating.doc
    for i in range(rating.start - 1, max(since, rating.sent.start) - 1, -1):
        if doc[i].lemma_.lower() in GRADE_VERBS and i + 1 < rating.start and doc[i + 1].lower_ in OBJECT_STARTS:
            return i + 1
    return -1


def _overall_after(rating: Span) -> bool:
    doc = rating.doc
    return rating.end < len(doc) and doc[rating.end].lower_ == "overall"


def _says_overall(rating: Span) -> bool:
    doc = rating.doc
    near = [doc[i].lower_ for i in range(max(0, rating.start - 2), min(len(doc), rating.end + 1))]
    return "overall" in near


def _authorities(ctx: DocumentContext, sentence: Span, rating: Span) -> list[Authority]:
    """The authority named nearest before the grade (else the first named), with every authority
    listed with it: one grade shared by "Calderdale, Knowsley and Salford" is a grade for each (J2)."""
    named = ctx.authorities_in(sentence)
    if named:
        before = [i for i, (s, _) in enumerate(named) if s.start < rating.start]
        return list({a.gss: a for a in coordinated(ctx, named, before[-1] if before else 0)}.values())
    if GENERIC_COUNCILS.search(sentence.text):
        return []
    return [ctx.subject] if ctx.subject else []


INSPECTION_WORDS = re.compile(r"\binspect|\breport\b|\bOfsted\b|\bpublished\b|\bvisit\b", re.IGNORECASE)
# How many sentences back (then forward) a grade without a date of its own looks for its inspection's.
# benchmarks/window_sweep.py: corpus grade dates 0.889 at 1-2, 0.915 at 6, 0.940 at 10 and 20;
# the devset is level throughout: the smallest value at the top, 10.
DATE_CONTEXT_SENTENCES = 10


PUBLISHED_REPORT = re.compile(r"\bpublish", re.IGNORECASE)
INSPECTION_DATES = re.compile(r"\binspection dates?\s*:", re.IGNORECASE)
# "the previous inspection", "the last full inspection", "the previous single inspection of …".
EARLIER_INSPECTION = re.compile(r"\b(?:previous|last|earlier|prior) (?:[\w-]+ ){0,2}inspection\b", re.IGNORECASE)


def context_date(ctx: DocumentContext, sentence: Span) -> str | None:
    """The date of the inspection a grade belongs to (the spec prefers the report's publication):
    a sentence saying when the report was published; else the nearest sentence before (then after)
    that speaks of an inspection or report and gives a date; else the publication date."""
    stated = ctx.once("report_date", lambda: _report_date(ctx))
    if stated:
        return stated
    index = ctx.index_of(sentence)
    window = list(reversed(range(max(0, index - DATE_CONTEXT_SENTENCES), index)))
    window += list(range(index + 1, min(len(ctx.sentences), index + 1 + DATE_CONTEXT_SENTENCES)))
    for other in window:
        if INSPECTION_WORDS.search(ctx.texts[other]) and not EARLIER_INSPECTION.search(ctx.texts[other]):
            values = [v for _, v in ctx.dates_in(ctx.sentences[other]) if v and not v.startswith("XXXX")]
            if values:
                return values[0]
    return ctx.published


# How many lines of a grade list are walked back to find its lead-in (a report grades at most
# seven areas; the margin allows a heading or a blank line). benchmarks/window_sweep.py: level
# from 3 to 20 on every set.
GRADE_LIST_LONGEST = 10


def earlier_list(ctx: DocumentContext, line: Span) -> str | None:
    """For a grade line in a list whose lead-in speaks of an earlier inspection ("The previous
    inspection was published in September 2015. The judgements were:"), the date that lead-in or
    the sentence before it gives ("" when it gives none); None for any other line."""
    current = ctx.previous(line)
    for _ in range(GRADE_LIST_LONGEST):
        if current is None:
            return None
        text = current.text.strip()
        if text.endswith(":"):
            break
        if not GRADE_LIST_LINE.search(text):
            return None
        current = ctx.previous(current)
    else:
        return None
    lead = [current] + ([before] if (before := ctx.previous(current)) is not None else [])
    if not any(EARLIER_INSPECTION.search(s.text) for s in lead):
        return None
    values = [v for s in lead for _, v in ctx.dates_in(s) if v and not v.startswith("XXXX")]
    return values[0] if values else ""


def _report_date(ctx: DocumentContext) -> str | None:
    """The inspection's last day, as the report's front page gives it or, in a plain-text or HTML
    copy, its dates line; else the date a sentence says the report was published."""
    if ctx.report is not None and ctx.report.inspection_end:
        return ctx.report.inspection_end
    for other, text in zip(ctx.sentences, ctx.texts, strict=True):
        if INSPECTION_DATES.search(text):
            values = [v for _, v in ctx.dates_in(other) if v and not v.startswith("XXXX")]
            if values:
                return values[-1]
    for other, text in zip(ctx.sentences, ctx.texts, strict=True):
        if PUBLISHED_REPORT.search(text) and INSPECTION_WORDS.search(text.replace("published", "")):
            values = [v for _, v in ctx.dates_in(other) if v and not v.startswith("XXXX")]
            if values:
                return values[0]
    return None


CHILDRENS_SERVICES = re.compile(r"children[’']s (?:social care|services)|social care|local authority|council", re.IGNORECASE)


def about_another_body(ctx: DocumentContext) -> bool:
    """A document whose headline is about a school, a care home or another nation's inspectorate."""
    if ctx.report is not None:
        return False  # an inspection report of children's services, by its front page
    first = ctx.sentences[0] if ctx.sentences else None
    return first is not None and ctx.has_cue(first, "OTHER_BODY") and not CHILDRENS_SERVICES.search(first.text)


def _unmistakable(ratings: list[Span]) -> bool:
    """A grade's full name, used of nothing but Ofsted grades ("all require improvement to be
    good"), needs no inspection word beside it."""
    return any(r.kb_id_ == "requires_improvement" and r[-1].lower_ == "good" for r in ratings)


def judgement_records(ctx: DocumentContext) -> list[JudgementRecord]:
    records: list[JudgementRecord] = []
    other_body_document = about_another_body(ctx)
    # The framework a grade is given under when its sentence names none: the report's, else the
    # first the document names.
    framework = ctx.report.framework if ctx.report is not None else next(
        (c.kb_id_ for c in ctx.doc.spans["cues"] if c.label_ == "INSPECTION"), None
    )
    for sentence in ctx.sentences:
        ratings = ctx.cues(sentence, "RATING")
        if not ratings:
            continue
        line = sentence.text.strip()
        grade_list = bool(GRADE_LIST_LINE.search(line)) or " | " in line or flattened_table(sentence, ratings)
        if ctx.has_cue(sentence, "HEDGE", "expected") or ctx.has_cue(sentence, "HEDGE", "conditional"):
            continue
        if not grade_list and not ctx.has_cue(sentence, "INSPECTION_CONTEXT") and not _unmistakable(ratings):
            continue
        features = {c.start for c in ctx.cues(sentence, "HEDGE") if c.kb_id_ == "feature"}
        ratings = [r for r in ratings if not aspired(r)]
        ratings = outermost(ratings)  # 'requires improvement to be good' is one grade, not also 'good'
        ratings = [r for i, r in enumerate(ratings) if r.start not in features and not _negated(r, sentence)
                   and (grade_list or in_grade_position(r, sentence, ratings[i - 1].end if i else sentence.start))]
        if not grade_list and not ctx.authorities_in(sentence):
            ratings = [r for r in ratings if not graded_by_count(r)]  # "Three were judged good": a count, not a grade
        if other_body_document and not CHILDRENS_SERVICES.search(sentence.text):
            continue
        others = ctx.cues(sentence, "OTHER_BODY")
        if any(o.kb_id_ == "regulator" for o in others):
            continue  # graded by the CQC or a Scottish or Welsh inspectorate: not Ofsted's grade of children's services
        areas = _areas(ctx, sentence)
        if not areas and any(_inside_another_service(a, sentence) for a in ctx.cues(sentence, "AREA")):
            continue
        if others and not areas and not ctx.authorities_in(sentence):
            continue
        if others and any(o.start < r.start for o in others for r in ratings) and not areas:
            continue
        own = [v for _, v in ctx.dates_in(sentence) if v]
        dated = [v for v in own if not v.startswith("XXXX")]
        when = dated[0] if dated else (own[0] if own else context_date(ctx, sentence))
        if not own and EARLIER_INSPECTION.search(sentence.text):
            when = None  # a grade of an earlier inspection is not dated by this report's dates
        if grade_list and not own and (earlier := earlier_list(ctx, sentence)) is not None:
            when = earlier or None  # the grades of the previous inspection, listed line by line
        inspection = next((c.kb_id_ for c in ctx.cues(sentence, "INSPECTION")), framework)
        evidence, start, end = evidence_of(sentence)
        by_clause = dates_by_clause(ctx, sentence, ratings)
        for rating, area in _paired(ratings, areas, sentence):
            graded_on = by_clause[rating.start] if by_clause is not None else when
            area_value = _area_value(area, graded_on or ctx.published) if area is not None else "overall_effectiveness"
            records.extend(
                JudgementRecord(
                    authority=authority.name,
                    area=area_value,  # type: ignore[arg-type]
                    rating=rating.kb_id_,  # type: ignore[arg-type]
                    inspection=inspection,
                    date=None if movement_part(rating, sentence) == "before" else graded_on,  # moved from: an earlier, undated grade
                    evidence=evidence,
                    start=start,
                    end=end,
                )
                for authority in _authorities(ctx, sentence, rating)
            )
    return _unique(agreeing_with_the_table(records))


# J7: verbs of hoping and aiming (lemmas): a grade in a clause under one is a goal, not a grade.
ASPIRATION_VERBS = {"hope", "aim", "expect", "want", "aspire", "strive", "wish", "seek", "target"}


def aspired(rating: Span) -> bool:
    """Whether the parse puts the grade under a verb of hoping or aiming ("Cumbria hopes to hear
    next month that it has been judged good"); H-aim-to-be-graded catches the adjacent forms."""
    sentence = rating.sent
    return any(t.lemma_ in ASPIRATION_VERBS and t.pos_ in {"VERB", "AUX"} and sentence.start <= t.i < sentence.end
               for t in rating.root.ancestors)


# An item number in a grade table copied as running text: "1.", "2.1", "3)".
ITEM_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*[.)]?$")


def flattened_table(sentence: Span, ratings: list[Span]) -> bool:
    """J3: a grade table flattened into running text in a plain-text copy of a report
    ("1. Children who need help and protection Requires improvement 2. Children looked after …
    Good"): every grade ends its numbered item (it comes right before the next item number or
    the end of the sentence), and the sentence has at least one item number. It is then read
    as the table rows are: each grade with the areas of its item."""
    doc = sentence.doc
    numbered = any(ITEM_NUMBER.match(t.text) and _next_word(t).is_title for t in sentence if t.i + 1 < len(doc))
    before = [t for t in doc[max(0, sentence.start - 2) : sentence.start] if not t.is_punct]
    numbered = numbered or bool(before and ITEM_NUMBER.match(before[-1].text))  # the spaCy sentence began after "3."
    if not numbered or not ratings:
        return False
    for rating in outermost(ratings):
        after = rating.end
        while after < sentence.end and doc[after].is_punct:
            after += 1
        if after < sentence.end and not ITEM_NUMBER.match(doc[after].text):
            return False
    return True


def _next_word(token: Token) -> Token:
    doc = token.doc
    i = token.i + 1
    while i < len(doc) - 1 and doc[i].is_punct:
        i += 1
    return doc[i]


def is_table_line(evidence: str) -> bool:
    """A row of a judgement table or a grade line ("Overall effectiveness | Good", "…: inadequate")."""
    line = evidence.strip()
    return " | " in line or bool(GRADE_LIST_LINE.search(line))


def agreeing_with_the_table(records: list[JudgementRecord]) -> list[JudgementRecord]:
    """A report grades each area once, in its table: where the document's own table rows give an
    authority's area a grade at one date, a grade read from prose for the same authority, area and
    date that differs is a misreading (an earlier inspection told without its date, a flattened
    copy of the table, a grade of something else in the area's sentence) and is dropped."""
    table = {(r.authority, r.area, r.date): r.rating for r in records if is_table_line(r.evidence)}
    return [r for r in records if is_table_line(r.evidence) or table.get((r.authority, r.area, r.date), r.rating) == r.rating]


def graded_by_count(rating: Span) -> bool:
    """Whether what the grade is said of is a count, read from the parse: the grading verb's subject
    is a number or a counted noun ("Three were judged good", "39 were rated inadequate"), or the grade
    qualifies a counted noun ("one of only three councils judged outstanding"). Such a sentence tells
    how many of something got a grade, not the grade of the authority the document is about."""
    verb = clause_verb(rating.root)
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head  # "judged to be good": the subject is the grading verb's
    if any(_is_count(child) for child in verb.children if child.dep_ in {"nsubj", "nsubjpass"}):
        return True
    return verb.dep_ in {"acl", "relcl"} and _is_count(verb.head)


def _is_count(token: Token) -> bool:
    if token.pos_ == "PROPN" or token.ent_type_ in {"DATE", "TIME"}:
        return False  # "in 2021, when …" is a year, not a count
    return token.pos_ == "NUM" or token.like_num or any(child.dep_ in {"nummod", "quantmod"} for child in token.children)


def _negated(rating: Span, sentence: Span) -> bool:
    """'no longer inadequate', 'not judged inadequate'."""
    window = rating.doc[max(sentence.start, rating.start - 3) : rating.start]
    return any(t.lower_ in NEGATION for t in window)


def _unique(records: list[JudgementRecord]) -> list[JudgementRecord]:
    seen: dict[tuple[str, str, str], JudgementRecord] = {}
    for record in records:
        seen.setdefault((record.authority, record.area, record.rating), record)
    return list(seen.values())
