"""Pydantic records on every stage boundary.

``DocumentRecord`` is the JSON Lines record of ``spec/EXTRACTION.md``, field for
field; the others carry a document from fetch to parse to extraction.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Area = Literal[
    "overall_effectiveness",
    "safeguarding",
    "children_in_care",
    "care_leavers",
    "help_and_protection",
    "leadership",
    "capacity_to_improve",
    "adoption",
    "other",
]
Rating = Literal["outstanding", "good", "requires_improvement", "adequate", "inadequate"]
ActionKind = Literal[
    "intervention",
    "improvement_notice",
    "statutory_direction",
    "commissioner",
    "improvement_adviser",
    "improvement_board",
    "independent_chair",
    "improvement_plan",
    "trust",
    "new_leadership",
    "takeover",
    "support",
]
ActionStatus = Literal["threatened", "proposed", "directed", "lifted"]
Framework = Literal["ILACS", "SIF"]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RawDocument(Record):
    """Bytes as fetched, before anything is interpreted."""

    source: str = Field(description="The path or URL as the user gave it.")
    data: bytes
    url: str | None = None
    content_type: str | None = None
    meta: dict[str, str] = Field(default_factory=dict, description="Sidecar or command-line metadata.")


class ReportFacts(Record):
    """What an Ofsted inspection report's front page states. The parser reads it from the layout,
    so that later stages need not find it again in the text, which holds only the report's words."""

    framework: Framework = Field(description="ILACS from 2018, the single inspection framework 2013-2018.")
    authority: str | None = Field(default=None, description="As the report names it: 'Rutland', 'Wakefield Council'.")
    inspection_start: str | None = Field(default=None, description="YYYY-MM-DD, the inspection's first day.")
    inspection_end: str | None = Field(default=None, description="YYYY-MM-DD, the inspection's last day.")
    published: str | None = Field(default=None, description="YYYY-MM-DD, where the report states it (SIF reports).")


class ParsedDocument(Record):
    """Main text and metadata of one document: what extraction reads."""

    source: str
    text: str
    title: str | None = None
    published: str | None = Field(default=None, description="YYYY-MM-DD")
    published_from: str | None = Field(default=None, description="Where the publication date came from.")
    url: str | None = None
    kind: Literal["html", "text", "pdf"] = "text"
    report: ReportFacts | None = Field(default=None, description="An inspection report's front page (PDFs only).")


class AuthorityRecord(Record):
    name: str = Field(description="Short name, as in the reference list of local authorities.")
    gss: str | None = Field(default=None, description="GSS code of the authority in force at that date.")


class PersonRecord(Record):
    name: str
    role: str | None = None
    organisation: str | None = None
    authority: str | None = None
    title: str | None = Field(default=None, description="Courtesy title dropped from the name (Cllr, Sir…).")


class Evidence(Record):
    evidence: str = Field(description="The sentence or table row that states the fact, verbatim.")
    start: int | None = Field(default=None, description="Character offset of the evidence in the text.")
    end: int | None = None


class JudgementRecord(Evidence):
    authority: str
    area: Area
    rating: Rating
    inspection: str | None = None
    date: str | None = None


class ActionRecord(Evidence):
    authority: str
    kind: ActionKind
    status: ActionStatus
    actor: str | None = None
    date: str | None = None
    deadline: str | None = None


class DateRecord(Record):
    text: str
    value: str | None
    start: int
    end: int


class DocumentRecord(Record):
    """One exported record per document (spec/EXTRACTION.md)."""

    source: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    authorities: list[AuthorityRecord] = Field(default_factory=list)
    people: list[PersonRecord] = Field(default_factory=list)
    judgements: list[JudgementRecord] = Field(default_factory=list)
    actions: list[ActionRecord] = Field(default_factory=list)
    dates: list[DateRecord] = Field(default_factory=list)


class IngestFailure(Record):
    source: str
    stage: str
    reason: str


RECORD_TYPES: tuple[type[Record], ...] = (
    DocumentRecord,
    AuthorityRecord,
    PersonRecord,
    JudgementRecord,
    ActionRecord,
    DateRecord,
)
