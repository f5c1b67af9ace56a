"""Ingest sources into the timeline: ``run`` orchestrates, ``batch`` does one batch's work, ``workers`` runs batches in parallel."""

from pipeline.ingest.batch import EXTRACTOR_VERSION
from pipeline.ingest.run import Ingestor, IngestReport, ingest, reextract, update

__all__ = ["EXTRACTOR_VERSION", "IngestReport", "Ingestor", "ingest", "reextract", "update"]
