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
