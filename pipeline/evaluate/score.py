"""Per-field precision, recall and F1 by the rules of spec/EXTRACTION.md ("Scoring").

Records pair by the file name of ``source`` without extension. Items compare as sets per
document, counted over the corpus. People match on normalised names (titles ignored, an initial
or a surname alone matching the full name); judgements on (authority, area, rating) with any
listed gold area; actions on (authority, kind); dates on overlapping normalised text.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import lexicon
from pipeline.gazetteer import Gazetteer, default_gazetteer

FIELDS = ("authorities", "people", "judgements", "actions", "dates")
# The courtesy and peerage titles the spec's scorer ignores in a name (not every title we strip).
TITLES = lexicon.titles().scored
ROLE_STOPWORDS = {"the", "of", "for", "and", "at", "a", "an", "in", "on", "to", "s"}
Item = dict[str, Any]


def plain(value: object) -> str:
    if isinstance(value, (list, tuple)):
        value = " ".join(map(str, value))
    text = unicodedata.normalize("NFKD", "" if value is None else str(value)).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower().replace("&", " and ")).split())


def file_key(source: str) -> str:
    name = re.split(r"[\\/]", source.rstrip("/"))[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


@dataclass
class FieldScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    extras: dict[str, list[int]] = field(default_factory=dict)

    def note(self, name: str, ok: bool) -> None:
        right, total = self.extras.get(name, [0, 0])
        self.extras[name] = [right + ok, total + 1]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (0.0 if self.fn else 1.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    fields: dict[str, FieldScore]
    published: list[int]
    misses: list[str]

    @property
    def headline(self) -> float:
        return sum(self.fields[f].f1 for f in FIELDS) / len(FIELDS)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"headline_f1": self.headline}
        for name, score in self.fields.items():
            out[name] = {"precision": score.precision, "recall": score.recall, "f1": score.f1,
                         **{k: v[0] / v[1] for k, v in score.extras.items() if v[1]}}
        out["published_accuracy"] = self.published[0] / self.published[1] if self.published[1] else None
        return out


class Scorer:
    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or default_gazetteer()

    def authority(self, value: object) -> str | None:
        if isinstance(value, dict):
            value = value.get("gss") or value.get("name")
        if not value:
            return None
        found = self.gazetteer.candidates(str(value))
        return found[0].name.lower() if found else plain(value)

    def score(self, gold: Iterable[Item], predicted: Iterable[Item]) -> Scores:
        fields = {f: FieldScore() for f in FIELDS}
        published = [0, 0]
        misses: list[str] = []
        predictions = {file_key(p.get("source", "")): p for p in predicted}
        for g in gold:
            p = predictions.get(file_key(g["source"]), {})
            self._document(g, p, fields, misses)
            published[1] += 1
            published[0] += g.get("published") == p.get("published")
        return Scores(fields, published, misses)

    def _document(self, g: Item, p: Item, fields: dict[str, FieldScore], misses: list[str]) -> None:
        src = g["source"]

        def tally(name: str, matched: list[tuple[Item, Item]], missed: list[Any], spurious: list[Any]) -> None:
            fields[name].tp += len(matched)
            fields[name].fn += len(missed)
            fields[name].fp += len(spurious)
            misses.extend(f"{src}: missed {name} {json.dumps(m, ensure_ascii=False)[:150]}" for m in missed)
            misses.extend(f"{src}: spurious {name} {json.dumps(s, ensure_ascii=False)[:150]}" for s in spurious)

        gold_auth = {self.authority(a) for a in g.get("authorities", [])} - {None}
        pred_auth = {self.authority(a) for a in p.get("authorities", [])} - {None}
        tally("authorities", [(a, a) for a in gold_auth & pred_auth], sorted(gold_auth - pred_auth),  # type: ignore[misc]
              sorted(pred_auth - gold_auth))  # type: ignore[type-var]

        people = distinct(p.get("people", []), lambda x: name_words(x.get("name", "")))
        matched, missed, spurious = match(g.get("people", []), people,
                                          lambda a, b: same_name(name_words(a["name"]), name_words(b.get("name", ""))))
        tally("people", matched, missed, spurious)
        for gp, pp in matched:
            if gp.get("role"):
                fields["people"].note("role accuracy", role_agrees(gp["role"], pp.get("role")))

        def judgement_key(j: Item, area: object = None) -> tuple[Any, ...]:
            return (self.authority(j.get("authority")), str(area if area is not None else j.get("area")), j.get("rating"))

        def same_judgement(gj: Item, pj: Item) -> bool:
            areas = gj["area"] if isinstance(gj.get("area"), list) else [gj.get("area")]
            return any(judgement_key(gj, a) == judgement_key(pj) for a in areas)

        judgements = distinct(p.get("judgements", []), judgement_key)
        matched, missed, spurious = match(g.get("judgements", []), judgements, same_judgement)
        tally("judgements", matched, missed, spurious)
        for gj, pj in matched:
            if gj.get("date"):
                fields["judgements"].note("date accuracy", date_agrees(gj["date"], pj.get("date")))

        def action_key(a: Item) -> tuple[Any, ...]:
            return (self.authority(a.get("authority")), a.get("kind"))

        actions = distinct([a for a in p.get("actions", []) if self.authority(a.get("authority"))], action_key)
        matched, missed, spurious = match(g.get("actions", []), actions, lambda a, b: action_key(a) == action_key(b))
        tally("actions", matched, missed, spurious)
        for ga, pa in matched:
            fields["actions"].note("status accuracy", ga.get("status") == pa.get("status"))
            if ga.get("date"):
                fields["actions"].note("date accuracy", date_agrees(ga["date"], pa.get("date")))

        gold_dates = distinct(g.get("dates", []), lambda d: plain(d["text"]))
        pred_dates = distinct(p.get("dates", []), lambda d: (plain(d.get("text", "")), d.get("value")))
        matched, missed, spurious = match(gold_dates, pred_dates, lambda a, b: texts_overlap(a["text"], b.get("text", "")))
        tally("dates", matched, missed, spurious)
        for gd, pd in matched:
            if gd.get("value"):
                fields["dates"].note("value accuracy", gd["value"] == pd.get("value"))


def distinct(items: list[Item], key: Callable[[Item], object]) -> list[Item]:
    seen: set[object] = set()
    out = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


def match(gold: list[Any], predicted: list[Any], same: Callable[[Any, Any], bool]) -> tuple[list[tuple[Any, Any]], list[Any], list[Any]]:
    """Greedy one-to-one pairing in gold order."""
    remaining = list(predicted)
    matched, missed = [], []
    for g in gold:
        hit = next((p for p in remaining if same(g, p)), None)
        if hit is None:
            missed.append(g)
        else:
            remaining.remove(hit)
            matched.append((g, hit))
    return matched, missed, remaining


def name_words(name: str) -> tuple[str, ...]:
    return tuple(w for w in plain(name.replace("-", " ")).split() if w not in TITLES)


def same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b or a[-1] != b[-1]:
        return False
    if a == b or len(a) == 1 or len(b) == 1:
        return True
    return a[0][0] == b[0][0] and (len(a[0]) == 1 or len(b[0]) == 1)


def role_agrees(gold: object, predicted: str | None) -> bool:
    if isinstance(gold, list):
        return any(role_agrees(g, predicted) for g in gold)
    g = {w for w in plain(gold).split() if w not in ROLE_STOPWORDS}
    p = {w for w in plain(predicted).split() if w not in ROLE_STOPWORDS}
    return bool(g) and (bool(p) and len(g & p) / len(g | p) >= 0.5 or g <= p)


def date_agrees(gold: object, predicted: object) -> bool:
    options = gold if isinstance(gold, list) else [gold]
    values = predicted if isinstance(predicted, list) else [predicted]
    return any(v and v == o for o in options if o for v in values)


def texts_overlap(a: str, b: str) -> bool:
    x, y = plain(a), plain(b)
    return bool(x and y) and (f" {x} " in f" {y} " or f" {y} " in f" {x} ")


def read_jsonl(path: Path) -> list[Item]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def format_scores(scores: Scores) -> str:
    lines = [f"{'field':<12} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn   details"]
    for name in FIELDS:
        s = scores.fields[name]
        detail = "  ".join(f"{k} {v[0]}/{v[1]}" for k, v in s.extras.items())
        lines.append(f"{name:<12} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}   {s.tp}/{s.fp}/{s.fn}   {detail}")
    lines.append(f"{'published':<12} accuracy {scores.published[0]}/{scores.published[1]}")
    lines.append(f"headline F1 {scores.headline:.3f}")
    return "\n".join(lines)
