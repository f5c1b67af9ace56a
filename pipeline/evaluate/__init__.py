"""Evaluate: score exported records against gold by the spec's rules; the accuracy gate. Never imported by ingestion."""
