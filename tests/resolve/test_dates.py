import pytest

from pipeline.resolve.dates import DateResolver


@pytest.mark.parametrize(
    ("published", "text", "before", "expected"),
    [
        ("2009-11-24", "24 November 2009", "", "2009-11-24"),
        ("2009-11-24", "today", "", "2009-11-24"),
        ("2009-11-24", "yesterday", "", "2009-11-23"),
        ("2009-11-24", "last month", "", "2009-10"),
        ("2009-11-24", "this year", "", "2009"),
        ("2009-11-24", "Earlier this year", "", "2009"),
        ("2015-12-14", "five years ago", "", "2010"),
        ("2009-11-24", "30 November", "The council has until ", "2009-11-30"),
        ("2024-08-22", "July", "spent two weeks in ", "2024-07"),
        ("2009-11-24", "October", "As I said in ", "2009-10"),
        ("2010-01-15", "October", "inspected in ", "2009-10"),
        ("2009-11-24", "10 December", "has until ", "2009-12-10"),
        ("2024-08-22", "August 22, 2024", "", "2024-08-22"),
        ("2024-08-22", "22/08/2024", "", "2024-08-22"),
        (None, "10 December", "has until ", "XXXX-12-10"),
        (None, "July", "in ", "XXXX-07"),
        (None, "today", "", None),
        (None, "five years ago", "", None),
        (None, "2019", "since ", "2019"),
    ],
)
def test_values_keep_the_precision_of_the_text(published, text, before, expected) -> None:
    assert DateResolver(published).resolve(text, before) == expected
