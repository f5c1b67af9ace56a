import pytest

from pipeline.errors import ParseError
from pipeline.parse.encoding import decode_bytes


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Cornwall’s services".encode(), "Cornwall’s services"),
        ("A £1m fund for Renée".encode("latin-1"), "A £1m fund for Renée"),
        ("\ufeffWith a BOM".encode("utf-8"), "With a BOM"),
        (b"Windows\r\nline\r\nends", "Windows\nline\nends"),
    ],
)
def test_decodes_the_encodings_publishers_use(data: bytes, expected: str) -> None:
    assert decode_bytes("x.txt", data) == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty"), (b"   \n\t ", "empty"), (bytes(range(256)) * 4, "binary")],
)
def test_refuses_what_is_not_text_naming_the_source(data: bytes, reason: str) -> None:
    with pytest.raises(ParseError) as err:
        decode_bytes("corpus/broken/x.txt", data)
    assert str(err.value).startswith("corpus/broken/x.txt: ")
    assert reason in str(err.value)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read_as_text_not_called_binary(encoding: str) -> None:
    """Regression (issue 12): UTF-16 written without a BOM was refused as "binary data"."""
    text = "Leeds City Council’s children’s services were judged good.\nThe inspection ended in May."
    assert decode_bytes("export.txt", text.encode(encoding)) == text


def test_nuls_scattered_on_both_sides_are_still_binary() -> None:
    junk = bytes([0, 7, 0, 200, 13, 0, 0, 9, 81, 0]) * 300
    with pytest.raises(ParseError, match="binary data"):
        decode_bytes("junk.dat", junk)
