"""Extraction without a database, into shards, and loading them: the same timeline as ingest."""

from __future__ import annotations

import base64
import json

import pytest

from pipeline.errors import StoreError
from pipeline.ingest import ingest
from pipeline.ingest.shards import extract_shards, load_shards
from pipeline.store import open_timeline
from tests.conftest import CORPUS

SOURCES = [str(p) for p in sorted((CORPUS / "documents").glob("2016*"))] + [str(CORPUS / "broken" / "empty.txt")]


def export(timeline) -> list[str]:
    return [record.model_dump_json() for record in timeline.records()]


def test_extract_then_load_gives_the_export_ingest_gives(tmp_path) -> None:
    report = extract_shards(SOURCES, tmp_path / "shards", shard_size=2)
    assert report.written == len(SOURCES) - 1 and len(report.shards) == (report.written + 1) // 2
    assert [f.source for f in report.failures] == [str(CORPUS / "broken" / "empty.txt")]
    loaded = open_timeline(tmp_path / "loaded.db")
    first = load_shards(tmp_path / "shards", loaded)
    direct = open_timeline(tmp_path / "direct.db")
    ingest(SOURCES, direct)
    assert export(loaded) == export(direct)
    assert first.stored == report.written and loaded.counts()["ingest_errors"] == 1


def test_loading_the_same_shards_again_changes_nothing(tmp_path) -> None:
    extract_shards(SOURCES[:3], tmp_path / "shards")
    timeline = open_timeline(tmp_path / "t.db")
    load_shards(tmp_path / "shards", timeline)
    before = (export(timeline), timeline.counts())
    load_shards(tmp_path / "shards", timeline)
    assert (export(timeline), timeline.counts()) == before


def test_a_shard_line_carries_the_raw_bytes_with_their_hash(tmp_path) -> None:
    extract_shards(SOURCES[:1], tmp_path / "shards")
    shard = tmp_path / "shards" / "shard-00000.jsonl"
    line = json.loads(shard.read_text(encoding="utf-8"))
    assert base64.b64decode(line["raw"]) == (CORPUS / "documents").joinpath(SOURCES[0].rsplit("/", 1)[1]).read_bytes()
    line["raw"] = base64.b64encode(b"tampered").decode()
    shard.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(StoreError, match="do not match their SHA-256"):
        load_shards(tmp_path / "shards", open_timeline(tmp_path / "t.db"))


def test_a_folder_without_shards_is_one_clear_error(tmp_path) -> None:
    with pytest.raises(StoreError, match="no shards here"):
        load_shards(tmp_path, open_timeline(tmp_path / "t.db"))
