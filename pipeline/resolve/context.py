"""What the fact resolvers share about one document: its sentences, cues, authorities and dates."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from pipeline.resolve.gazetteer import Authority


@dataclass
class DocumentContext:
    doc: Doc
    published: str | None
    mentions: list[tuple[Span, Authority]]
    subject: Authority | None
    date_values: list[tuple[Span, str | None]]
    sentences: list[Span] = field(default_factory=list)
    gazetteer_kinds: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.sentences = list(self.doc.sents)

    def cues(self, sentence: Span, label: str) -> list[Span]:
        return [c for c in self.doc.spans["cues"] if c.label_ == label and sentence.start <= c.start and c.end <= sentence.end]

    def has_cue(self, sentence: Span, label: str, cue_id: str | None = None) -> bool:
        return any(cue_id is None or c.kb_id_ == cue_id for c in self.cues(sentence, label))

    def authorities_in(self, sentence: Span) -> list[tuple[Span, Authority]]:
        return [(s, a) for s, a in self.mentions if sentence.start <= s.start and s.end <= sentence.end]

    def dates_in(self, sentence: Span) -> list[tuple[Span, str | None]]:
        return [(s, v) for s, v in self.date_values if sentence.start <= s.start and s.end <= sentence.end]

    def previous(self, sentence: Span) -> Span | None:
        index = next((i for i, s in enumerate(self.sentences) if s.start == sentence.start), 0)
        return self.sentences[index - 1] if index > 0 else None


def evidence_of(sentence: Span) -> tuple[str, int, int]:
    """The sentence as it stands in the text, without its surrounding whitespace, with offsets."""
    text = sentence.text
    stripped = text.strip()
    start = sentence.start_char + (len(text) - len(text.lstrip()))
    return stripped, start, start + len(stripped)
