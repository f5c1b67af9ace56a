"""The query side's records as plain dataclasses, with the two pydantic methods the commands use.

A query command (`timeline show`) must start quickly: importing pydantic and building models is
about a fifth of its start-up, so what it passes around is a dataclass. The boundary records of
ingest (pipeline/records.py) stay pydantic models, validated where data comes in."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, Self


@dataclass
class Plain:
    def model_dump(self) -> dict[str, Any]:
        """Fields as a dict, nested records as dicts (what pydantic's ``model_dump`` gives)."""
        return asdict(self)

    @classmethod
    def model_construct(cls, **values: Any) -> Self:
        return cls(**values)

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in fields(cls)]
