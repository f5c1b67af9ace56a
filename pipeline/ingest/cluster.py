"""The same extraction as a map over sources on Dask (the optional ``cluster`` extra).

``extract_on_dask`` splits the sources into partitions of a ``dask.bag``; each partition runs
``process_batch`` in a worker process, which loads its own spaCy pipeline once (the models come
with the installed package: every worker needs ``pip install '.[cluster]'`` of the same
version), and returns shard lines. The client writes them as shards in the sources' order, so a
run on a cluster and a run in one process give the same shards and, after ``timeline load``, a
byte-identical export.

On a real cluster: start a scheduler (``dask scheduler``) and workers (``dask worker
tcp://HOST:8786 --nthreads 1`` on each machine, one process per core: spaCy is not thread-safe),
then ``timeline extract SOURCES --out DIR --scheduler tcp://HOST:8786``. Sources must be
readable from the workers (URLs, or paths on a shared file system); the shards are gathered by
the client and written under ``--out``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pipeline.ingest.batch import Extracted, Failed, Job, process_batch
from pipeline.ingest.shards import SHARD_SIZE, ShardReport, ShardWriter, shard_line
from pipeline.records import IngestFailure

# Documents per Dask partition: each is one process_batch call (one nlp.pipe) on one worker.
PARTITION_SIZE = 16


def _extract_partition(sources: list[str], published: str | None) -> list[tuple[str, str]]:
    """("line", shard line) or ("failure", failure JSON) per source, in order; runs on a worker."""
    found: list[tuple[str, str]] = []
    for outcome in process_batch([Job(s, force=True) for s in sources], db_path="", published=published,
                                 batch_size=max(1, len(sources))):
        if isinstance(outcome, Extracted):
            found.append(("line", shard_line(outcome)))
        elif isinstance(outcome, Failed):
            found.append(("failure", outcome.failure.model_dump_json()))
    return found


def extract_on_dask(sources: list[str], out: Path, published: str | None = None, scheduler: str | None = None,
                    workers: int = 2, shard_size: int = SHARD_SIZE, partition_size: int = PARTITION_SIZE) -> ShardReport:
    """Extract on a Dask cluster (``scheduler``'s address) or a local one of ``workers`` processes."""
    try:
        import dask.bag
        from dask.distributed import Client, LocalCluster
    except ImportError as err:
        raise RuntimeError("Dask is not installed: pip install '.[cluster]'") from err
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                  dashboard_address=None, silence_logs=logging.WARNING)
    try:
        with Client(scheduler or cluster) as client:
            bag = dask.bag.from_sequence(sources, partition_size=partition_size)
            results = bag.map_partitions(_extract_partition, published).compute(scheduler=client.get)
    finally:
        if cluster is not None:
            cluster.close()
    writer = ShardWriter(out, shard_size)
    for kind, text in results:
        if kind == "failure":
            writer.fail(IngestFailure.model_validate_json(text))
        else:
            writer.add(text)
    return writer.close()
