"""What a user states about a document (``--published``, a ``NAME.meta.json`` sidecar), checked.

User metadata outranks what the document implies, so a wrong value would silently mislead
every later stage: a URL that is not a web address, a title that is a list, a date that cannot
exist or has not happened yet. Each is refused with a line that names the field and the fix.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

# The corpus is English children's services since the Children Act 1989: an earlier
# publication date is a typo.
EARLIEST_PUBLISHED = date(1990, 1, 1)
# A title longer than this is a body of text pasted into the wrong field.
MAX_TITLE_CHARS = 500
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def user_date(value: str, today: date | None = None) -> str:
    """A YYYY-MM-DD date that exists and is not in the future, or ValueError saying why not."""
    match = _ISO_DATE.fullmatch(value.strip())
    if match is None:
        raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD")
    try:
        day = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError as err:
        raise ValueError(f"{value!r} is not a real date ({err})") from None
    if day < EARLIEST_PUBLISHED:
        raise ValueError(f"{value!r} is before {EARLIEST_PUBLISHED.year}, earlier than any document of this corpus")
    if day > (today or date.today()):
        raise ValueError(f"{value!r} is in the future")
    return day.isoformat()


class UserMetadata(BaseModel):
    """The keys a sidecar may hold; others are ignored, so a sidecar can carry notes of its own."""

    model_config = ConfigDict(extra="ignore", strict=True)

    published: str | None = None
    url: str | None = None
    title: str | None = None

    @field_validator("published")
    @classmethod
    def _real_date(cls, value: str | None) -> str | None:
        return user_date(value) if value else None

    @field_validator("url")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        if not value:
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise ValueError(f"{value!r} is not an http(s) address")
        return value.strip()

    @field_validator("title")
    @classmethod
    def _short_line(cls, value: str | None) -> str | None:
        if not value or not value.strip():
            return None
        if len(value) > MAX_TITLE_CHARS:
            raise ValueError(f"is {len(value):,} characters long; a title has at most {MAX_TITLE_CHARS}")
        return " ".join(value.split())


def checked_metadata(meta: dict[str, object]) -> dict[str, str]:
    """The sidecar's values, validated; ValueError names the first bad field and why."""
    try:
        checked = UserMetadata.model_validate(meta)
    except ValidationError as err:
        first = err.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "sidecar"
        message = str(first["msg"]).removeprefix("Value error, ")
        if first["type"] == "string_type":
            message = f"must be a string, not {type(first['input']).__name__}"
        raise ValueError(f"{field} {message}") from None
    return {key: value for key, value in checked.model_dump().items() if value is not None}
