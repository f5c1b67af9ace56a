"""``timeline.cues.v1``: marks the words that signal grades, areas, measures, status and actors.

Patterns are data (``models/patterns/cues.jsonl``), one per line with a label and an id, in one
of three forms:
  - ``regex``: a regular expression over the text, snapped to whole tokens;
  - ``tokens``: a spaCy ``Matcher`` pattern, or a list of them, on lemmas so that no inflection
    is listed by hand;
  - ``dependency``: a ``DependencyMatcher`` pattern, for a word that counts only with a certain
    child in the parse ("intervene" with a place it intervenes in); the cue is its anchor word.
Token and dependency patterns carry a ``construction`` id that names them in tests and notes.
Verbs are matched on their lemmas, never by a list of their forms. Nouns and names stay regular
expressions (a plural is ``s?``): the lemmatizer leaves a capitalised name ("Schools Forum",
"Children's Trust") as written, so a lemma pattern would miss it.
Matches go to ``doc.spans["cues"]`` with ``label_`` = kind of cue and ``kb_id_`` = its value.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from spacy.language import Language
from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from pipeline.settings import MODELS_DIR

SPANS_KEY = "cues"
CUES_PATH = MODELS_DIR / "patterns" / "cues.jsonl"


def read_cue_entries(path: Path) -> list[dict]:
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            item = json.loads(line)
            item["line"] = number
            entries.append(item)
    return entries


def read_cue_patterns(path: Path) -> list[tuple[str, str, re.Pattern[str]]]:
    patterns = []
    for item in read_cue_entries(path):
        if "regex" not in item:
            continue
        number = item["line"]
        flags = 0 if item.get("case_sensitive") else re.IGNORECASE
        try:
            patterns.append((item["label"], item["id"], re.compile(item["regex"], flags)))
        except re.error as err:
            raise ValueError(f"{path}:{number}: bad regular expression ({err})") from err
    return patterns


def lowercase_pattern(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same case-insensitive pattern for text already lowercased, without re.IGNORECASE,
    which makes Python's matcher fold the case of every character it tries (about 40 % slower).
    Letters are lowercased except right after a backslash, so \\B, \\W, \\S and \\D keep their meaning."""
    source = re.sub(r"(\\.)|([^\\]+)", lambda m: m.group(1) or m.group(2).lower(), pattern.pattern)
    return re.compile(source, pattern.flags & ~re.IGNORECASE)


@Language.factory("timeline_cues_v1", default_config={"patterns_path": str(CUES_PATH), "spans_key": SPANS_KEY})
def make_cue_marker(nlp: Language, name: str, patterns_path: str, spans_key: str) -> CueMarker:
    return CueMarker(Path(patterns_path), spans_key, nlp.vocab)


def token_patterns(value: list) -> list[list[dict]]:
    """One ``Matcher`` pattern (a list of token dicts) or several (a list of such lists)."""
    return value if value and isinstance(value[0], list) else [value]


def structural_matchers(path: Path, vocab: Vocab) -> tuple[Matcher, DependencyMatcher]:
    """The token (lemma) and dependency patterns of the cue file, keyed ``label|id|construction``."""
    tokens, dependency = Matcher(vocab), DependencyMatcher(vocab)
    for item in read_cue_entries(path):
        key = f"{item['label']}|{item['id']}|{item.get('construction', item['line'])}"
        try:
            if "tokens" in item:
                tokens.add(key, token_patterns(item["tokens"]))
            elif "dependency" in item:
                dependency.add(key, [item["dependency"]])
        except ValueError as err:
            raise ValueError(f"{path}:{item['line']}: bad pattern ({err})") from err
    return tokens, dependency


class CueMarker:
    def __init__(self, patterns_path: Path, spans_key: str, vocab: Vocab) -> None:
        self.patterns = read_cue_patterns(patterns_path)
        self.token_matcher, self.dependency_matcher = structural_matchers(patterns_path, vocab)
        self.lowered = [lowercase_pattern(p) if p.flags & re.IGNORECASE else None for _, _, p in self.patterns]
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        text = doc.text  # built from the tokens on every access, so read once
        lowered = text.lower()
        same_offsets = len(lowered) == len(text)  # a few characters ("İ") lowercase to two
        for (label, cue_id, pattern), fast in zip(self.patterns, self.lowered, strict=True):
            matches = fast.finditer(lowered) if fast is not None and same_offsets else pattern.finditer(text)
            for match in matches:
                span = doc.char_span(match.start(), match.end(), label=label, kb_id=cue_id, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        spans.extend(self.structural_spans(doc))
        doc.spans[self.spans_key] = sorted(spans, key=lambda s: (s.start, -len(s)))
        return doc

    def structural_spans(self, doc: Doc) -> list[Span]:
        spans = []
        strings = doc.vocab.strings
        for key, start, end in self.token_matcher(doc) if len(self.token_matcher) else []:
            label, cue_id, _ = strings[key].split("|", 2)
            spans.append(Span(doc, start, end, label=label, kb_id=cue_id))
        for key, token_ids in self.dependency_matcher(doc) if len(self.dependency_matcher) else []:
            label, cue_id, _ = strings[key].split("|", 2)
            spans.append(Span(doc, token_ids[0], token_ids[0] + 1, label=label, kb_id=cue_id))
        return spans
