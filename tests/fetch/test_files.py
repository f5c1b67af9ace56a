"""Local files and their sidecars: only small regular files are read, and every value is checked."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipeline.errors import FetchError
from pipeline.fetch.files import expand_paths, read_file

NOTICE = "Ofsted judged children's services in Leeds good.\n"


def write(folder: Path, name: str, sidecar: object) -> Path:
    (folder / f"{name}.txt").write_text(NOTICE, encoding="utf-8")
    (folder / f"{name}.meta.json").write_text(sidecar if isinstance(sidecar, str) else json.dumps(sidecar), encoding="utf-8")
    return folder / f"{name}.txt"


def test_a_good_sidecar_gives_its_values(tmp_path) -> None:
    path = write(tmp_path, "n", {"published": "2014-06-19", "url": "https://example.org/n", "title": "  A\n title ", "note": 3})
    assert read_file(str(path)).meta == {"published": "2014-06-19", "url": "https://example.org/n", "title": "A title"}


@pytest.mark.parametrize(
    ("sidecar", "reason"),
    [
        ({"url": ["http://example.org/a"]}, "url must be a string, not list"),
        ({"title": {"x": 1}}, "title must be a string, not dict"),
        ({"published": 20130301}, "published must be a string, not int"),
        ({"url": "javascript:alert(1)"}, "url 'javascript:alert(1)' is not an http(s) address"),
        ({"url": "file:///etc/passwd"}, "is not an http(s) address"),
        ({"published": "2013-02-30"}, "published '2013-02-30' is not a real date"),
        ({"published": "3000-01-01"}, "published '3000-01-01' is in the future"),
        ({"published": "yesterday"}, "published 'yesterday' is not a date in the form YYYY-MM-DD"),
        ({"published": "1985-04-01"}, "is before 1990"),
        ({"title": "x" * 501}, "title is 501 characters long"),
        ("[1, 2]", "must hold a JSON object"),
        ('{"url": ', "not valid JSON"),
    ],
)
def test_a_bad_sidecar_fails_its_document_in_one_line(tmp_path, sidecar: object, reason: str) -> None:
    path = write(tmp_path, "n", sidecar)
    with pytest.raises(FetchError) as err:
        read_file(str(path))
    message = str(err.value)
    assert message.startswith(f"{path}: sidecar {tmp_path / 'n.meta.json'}: ") and reason in message
    assert "\n" not in message


def test_a_sidecar_that_is_a_fifo_is_refused_without_opening_it(tmp_path) -> None:
    """Regression (issue 12): a FIFO sidecar blocked the run for ever."""
    (tmp_path / "n.txt").write_text(NOTICE, encoding="utf-8")
    os.mkfifo(tmp_path / "n.meta.json")
    with pytest.raises(FetchError, match=r"the sidecar is not a regular file but a named pipe \(FIFO\)"):
        read_file(str(tmp_path / "n.txt"))


def test_a_sidecar_linked_to_an_endless_device_is_refused(tmp_path) -> None:
    """Regression (issue 12): a sidecar linked to /dev/zero was read until MemoryError."""
    (tmp_path / "n.txt").write_text(NOTICE, encoding="utf-8")
    (tmp_path / "n.meta.json").symlink_to("/dev/zero")
    with pytest.raises(FetchError, match="the sidecar is not a regular file but a character device"):
        read_file(str(tmp_path / "n.txt"))


def test_a_sidecar_too_big_to_be_one_is_refused(tmp_path) -> None:
    path = write(tmp_path, "n", json.dumps({"title": "t", "padding": "x" * 70_000}))
    with pytest.raises(FetchError, match=r"too large \(70,0\d\d bytes; the limit is 65,536\)"):
        read_file(str(path))


def test_a_symlink_loop_is_named_as_one_given_directly_and_found_in_a_folder(tmp_path) -> None:
    """Regression (issue 12): a loop was "no such file" given directly and skipped in silence in a folder."""
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nothing.txt")
    (tmp_path / "real.txt").write_text(NOTICE, encoding="utf-8")
    assert expand_paths(str(tmp_path)) == [str(tmp_path / name) for name in ("a.txt", "b.txt", "gone.txt", "real.txt")]
    with pytest.raises(FetchError, match="symbolic link loop"):
        read_file(str(tmp_path / "a.txt"))
    with pytest.raises(FetchError, match=r"symbolic link to nothing"):
        read_file(str(tmp_path / "gone.txt"))
    with pytest.raises(FetchError, match="no such file; check the path"):
        read_file(str(tmp_path / "never.txt"))
