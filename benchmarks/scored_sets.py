"""The three gold sets the resolver benchmarks score again and again (seeds, fixture corpus,
devset), parsed and run through spaCy once, so that a benchmark can change a cue or a window and
re-run only the resolvers."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.evaluate.score import read_jsonl
from pipeline.fetch import expand_sources, read_source
from pipeline.parse import parse_document
from pipeline.records import ParsedDocument

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SETS = {
    "seeds": (SHARED / "seeds", SHARED / "spec" / "gold-seeds.jsonl"),
    "corpus": (ROOT / "corpus" / "documents", ROOT / "corpus" / "gold.jsonl"),
    "devset": (SHARED / "devset" / "texts", SHARED / "devset" / "gold.jsonl"),
}


def prepared_sets(nlp: Language) -> dict[str, tuple[list[ParsedDocument], list[Doc], list[dict]]]:
    """Per set: its parsed documents, their spaCy Docs and its gold records."""
    prepared = {}
    for name, (folder, gold) in SETS.items():
        parsed = [parse_document(read_source(s)) for s in expand_sources([str(folder)])]
        prepared[name] = (parsed, list(nlp.pipe([p.text for p in parsed])), read_jsonl(gold))
    return prepared
