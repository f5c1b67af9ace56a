"""Real fixtures: the loaded spaCy pipeline, the corpus, a SQLite file per test, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
needs_shared = pytest.mark.skipif(not (SHARED / "spec" / "score.py").exists(), reason="../shared is not beside the project")


@pytest.fixture(scope="session")
def nlp():
    from pipeline.extract.nlp import default_nlp

    return default_nlp()


@pytest.fixture(scope="session")
def gazetteer():
    from pipeline.gazetteer import default_gazetteer

    return default_gazetteer()


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "timeline.db"


def run_cli(*args: str) -> Result:
    from pipeline.cli import main

    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def read_jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture()
def extract_text(nlp):
    """Extract one in-memory document, as the pipeline would a file with this text."""
    from pipeline.ingest.extraction import extract_document
    from pipeline.records import ParsedDocument

    def run(text: str, published: str | None = None):
        return extract_document(ParsedDocument(source="example.txt", text=text, published=published))

    return run


@pytest.fixture(scope="session")
def http_server():
    """(base URL, state) of a real server on 127.0.0.1 serving corpus/ and bad responses."""
    from tests.httpserver import start_server

    server, state = start_server()
    yield f"http://127.0.0.1:{server.server_address[1]}", state
    server.shutdown()
    server.server_close()


@pytest.fixture()
def fetcher():
    from pipeline.fetch.http import HttpFetcher, HttpSettings

    with HttpFetcher(HttpSettings(timeout=0.5, retries=2, backoff=0.05, host_interval=0.0, max_bytes=100_000)) as f:
        yield f
