"""``timeline.cues.v1``: marks the words that signal grades, areas, measures, status and actors.

Patterns are data (``models/patterns/cues.jsonl``: one regular expression per line with a label
and an id); the component matches them over the text, snaps each match to whole tokens and
writes the spans to ``doc.spans["cues"]`` with ``label_`` = kind of cue and ``kb_id_`` = its value.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.settings import MODELS_DIR

SPANS_KEY = "cues"
CUES_PATH = MODELS_DIR / "patterns" / "cues.jsonl"


def read_cue_patterns(path: Path) -> list[tuple[str, str, re.Pattern[str]]]:
    patterns = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        item = json.loads(line)
        flags = 0 if item.get("case_sensitive") else re.IGNORECASE
        try:
            patterns.append((item["label"], item["id"], re.compile(item["regex"], flags)))
        except re.error as err:
            raise ValueError(f"{path}:{number}: bad regular expression ({err})") from err
    return patterns


@Language.factory("timeline_cues_v1", default_config={"patterns_path": str(CUES_PATH), "spans_key": SPANS_KEY})
def make_cue_marker(nlp: Language, name: str, patterns_path: str, spans_key: str) -> CueMarker:
    return CueMarker(Path(patterns_path), spans_key)


class CueMarker:
    def __init__(self, patterns_path: Path, spans_key: str) -> None:
        self.patterns = read_cue_patterns(patterns_path)
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        text = doc.text  # built from the tokens on every access, so read once
        for label, cue_id, pattern in self.patterns:
            for match in pattern.finditer(text):
                span = doc.char_span(match.start(), match.end(), label=label, kb_id=cue_id, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans[self.spans_key] = sorted(spans, key=lambda s: (s.start, -len(s)))
        return doc
