"""What the fact resolvers share about one document: its sentences, cues, authorities and dates."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

from pipeline.gazetteer import Authority
from pipeline.records import ReportFacts

T = TypeVar("T")

# Councils in general ("any local authority", "councils judged …"): no one authority's fact.
GENERIC_COUNCILS = re.compile(
    r"\b(?:any (?:local )?(?:authority|council)|a local authority|councils|authorities|those councils)\b", re.IGNORECASE
)


@dataclass
class DocumentContext:
    doc: Doc
    published: str | None
    mentions: list[tuple[Span, Authority]]
    subject: Authority | None
    date_values: list[tuple[Span, str | None]]
    sentences: list[Span] = field(default_factory=list)
    gazetteer_kinds: dict[str, str] = field(default_factory=dict)
    report: ReportFacts | None = None  # an inspection report's front page, as the parser read it

    def __post_init__(self) -> None:
        """Group cues, mentions and dates by sentence once, so that the resolvers' many
        per-sentence look-ups do not rescan the whole document (long PDF reports)."""
        self.sentences = list(self.doc.sents)
        self.texts = [s.text for s in self.sentences]  # spaCy rebuilds Span.text on every access
        self._memo: dict[str, object] = {}
        self._index = {s.start: i for i, s in enumerate(self.sentences)}
        self._cues: dict[int, list[Span]] = defaultdict(list)
        self._mentions: dict[int, list[tuple[Span, Authority]]] = defaultdict(list)
        self._dates: dict[int, list[tuple[Span, str | None]]] = defaultdict(list)
        for cue in self.doc.spans["cues"]:
            if self._within_sentence(cue):
                self._cues[cue.sent.start].append(cue)
        for span, authority in self.mentions:
            if self._within_sentence(span):
                self._mentions[span.sent.start].append((span, authority))
        for span, value in self.date_values:
            if self._within_sentence(span):
                self._dates[span.sent.start].append((span, value))

    @staticmethod
    def _within_sentence(span: Span) -> bool:
        return span.end <= span.sent.end

    def cues(self, sentence: Span, label: str) -> list[Span]:
        return [c for c in self._cues.get(sentence.start, []) if c.label_ == label]

    def has_cue(self, sentence: Span, label: str, cue_id: str | None = None) -> bool:
        return any(cue_id is None or c.kb_id_ == cue_id for c in self.cues(sentence, label))

    def authorities_in(self, sentence: Span) -> list[tuple[Span, Authority]]:
        return list(self._mentions.get(sentence.start, []))

    def dates_in(self, sentence: Span) -> list[tuple[Span, str | None]]:
        return list(self._dates.get(sentence.start, []))

    def previous(self, sentence: Span) -> Span | None:
        index = self._index.get(sentence.start, 0)
        return self.sentences[index - 1] if index > 0 else None

    def index_of(self, sentence: Span) -> int:
        return self._index.get(sentence.start, 0)

    def once(self, key: str, compute: Callable[[], T]) -> T:
        """A document-level answer computed once, however many facts ask for it."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[return-value]


def evidence_of(sentence: Span) -> tuple[str, int, int]:
    """The sentence as it stands in the text, without its surrounding whitespace, with offsets."""
    text = sentence.text
    stripped = text.strip()
    start = sentence.start_char + (len(text) - len(text.lstrip()))
    return stripped, start, start + len(stripped)


def outermost(spans: list[Span]) -> list[Span]:
    """Spans in reading order, dropping any that overlaps one already kept (the longest wins at a start)."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


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
            between = " ".join(re.sub(r"\([^()]*\)", " ", between).split())  # "Stoke (2007), Haringey (2008)"
            if between not in {",", "and", "&", ", and", "or"}:
                break
            chosen.append(mentions[i + step][1])
            i += step
    return chosen


def clause_verb(token: Token) -> Token:
    """The verb of the clause a word stands in: up its heads to the first verb."""
    node = token
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
        node = node.head
    return node
