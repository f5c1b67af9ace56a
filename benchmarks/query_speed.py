"""Query speed with 100,000 documents' worth of facts: `show` and `search` at the 95th percentile.

Builds a synthetic timeline (real schema, migrations, FTS triggers) of N documents, each with
judgements and actions for gazetteer authorities, then times the library calls behind
`timeline show AUTHORITY` (query + event merge) and `timeline search QUERY` on random inputs.

    .venv/bin/python benchmarks/query_speed.py [--documents 100000] [--runs 200] [--db PATH]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from pipeline.query.events import merge_events
from pipeline.query.search import search
from pipeline.query.timeline import authority_timeline
from pipeline.store import open_timeline

AREAS = ["overall_effectiveness", "leadership", "help_and_protection", "children_in_care", "care_leavers"]
RATINGS = ["outstanding", "good", "requires_improvement", "inadequate"]
KINDS = ["improvement_notice", "statutory_direction", "commissioner", "improvement_board", "trust", "support"]
STATUSES = ["threatened", "proposed", "directed", "lifted"]
WORDS = ["Ofsted", "inspection", "notice", "direction", "board", "commissioner", "trust", "leaders", "care", "leavers",
         "safeguarding", "improvement", "minister", "council", "services", "children"]
# A vocabulary with a long tail, as real text has: the domain words above are common, the rest rare.
FILLER = [f"w{n:04d}" for n in range(3000)]


def build(path: Path, documents: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    timeline = open_timeline(path)
    db = timeline.db
    authorities = [a for a in timeline.gazetteer.authorities.values() if not a.valid_to]
    batch = 5000
    for start in range(0, documents, batch):
        docs, judgements, actions, links = [], [], [], []
        for n in range(start, min(documents, start + batch)):
            authority = rng.choice(authorities)
            year = rng.randint(2005, 2026)
            published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            doc_id = f"synthetic-{n:07d}"
            words = rng.choices(WORDS, k=3) + rng.choices(FILLER, k=12)
            sentence = f"{authority.name} {' '.join(words)}."
            docs.append({"id": doc_id, "source": f"synthetic/{n}.txt", "title": f"Notice {n}", "published": published,
                         "published_from": "text", "kind": "text", "text": sentence * 3, "record": "{}",
                         "extractor": "synthetic", "ingested_at": published})
            links.append({"document_id": doc_id, "gss": authority.gss})
            judgements.append({"document_id": doc_id, "gss": authority.gss, "authority": authority.name,
                               "date": published[:7], "evidence": sentence, "start": 0, "end": len(sentence),
                               "area": rng.choice(AREAS), "rating": rng.choice(RATINGS), "inspection": "ILACS"})
            actions.append({"document_id": doc_id, "gss": authority.gss, "authority": authority.name, "date": published,
                            "evidence": sentence, "start": 0, "end": len(sentence), "kind": rng.choice(KINDS),
                            "status": rng.choice(STATUSES), "actor": "DfE", "deadline": None})
        with db.conn:
            db["documents"].insert_all(docs)
            db["document_authorities"].insert_all(links)
            db["judgements"].insert_all(judgements)
            db["actions"].insert_all(actions)
    db.execute("ANALYZE")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "speed.db"
        started = time.perf_counter()
        if not path.exists():
            build(path, args.documents)
        print(f"built {args.documents:,} documents in {time.perf_counter() - started:.0f}s; "
              f"database {path.stat().st_size / 1e6:.0f} MB")
        timeline = open_timeline(path)
        rng = random.Random(11)
        names = [a.name for a in timeline.gazetteer.authorities.values() if not a.valid_to]
        timings: dict[str, list[float]] = {"show": [], "search": [], "search --authority": []}
        for _ in range(args.runs):
            name = rng.choice(names)
            t = time.perf_counter()
            merge_events(authority_timeline(timeline, name, "2010", "2024"))
            timings["show"].append(time.perf_counter() - t)
            query = " ".join([rng.choice(WORDS), rng.choice(FILLER)])
            t = time.perf_counter()
            search(timeline, query, limit=20)
            timings["search"].append(time.perf_counter() - t)
            t = time.perf_counter()
            search(timeline, query, authority=name, limit=20)
            timings["search --authority"].append(time.perf_counter() - t)
        for label, values in timings.items():
            print(f"{label:<20} p50 {1000 * statistics.median(values):7.1f} ms   p95 {1000 * percentile(values, 0.95):7.1f} ms"
                  f"   ({len(values)} runs)")


if __name__ == "__main__":
    main()
