"""Extraction as a map on a real local Dask cluster of two worker processes: the same shards, and
after loading the same export, as one process gives."""

from __future__ import annotations

import pytest

from pipeline.ingest import ingest
from pipeline.ingest.shards import load_shards
from pipeline.store import open_timeline
from tests.conftest import CORPUS

pytest.importorskip("dask.distributed", reason="the 'cluster' extra is part of the dev install")

SOURCES = [str(p) for p in sorted((CORPUS / "documents").glob("201[67]*"))] + [str(CORPUS / "broken" / "junk.bin")]


def test_a_two_worker_cluster_gives_the_export_one_process_gives(tmp_path) -> None:
    from pipeline.ingest.cluster import extract_on_dask
    from pipeline.ingest.shards import extract_shards

    on_cluster = extract_on_dask(SOURCES, tmp_path / "cluster", workers=2, shard_size=3, partition_size=2)
    alone = extract_shards(SOURCES, tmp_path / "alone", shard_size=3)
    assert on_cluster.shards == alone.shards and [f.source for f in on_cluster.failures] == [str(CORPUS / "broken" / "junk.bin")]
    for name in alone.shards:
        assert (tmp_path / "cluster" / name).read_bytes() == (tmp_path / "alone" / name).read_bytes()
    loaded = open_timeline(tmp_path / "loaded.db")
    load_shards(tmp_path / "cluster", loaded)
    direct = open_timeline(tmp_path / "direct.db")
    ingest(SOURCES, direct)
    assert [r.model_dump_json() for r in loaded.records()] == [r.model_dump_json() for r in direct.records()]
