"""An Ofsted report's inspection dates, as its front page writes them, to their first and last day.

The front page as a whole is read from real PDFs in test_pdf.py.
"""

from __future__ import annotations

import pytest

from pipeline.parse.ofsted import inspection_days


@pytest.mark.parametrize(
    ("dates", "days"),
    [
        ("6 to 17 March 2023", ("2023-03-06", "2023-03-17")),
        ("23 January to 3 February 2023", ("2023-01-23", "2023-02-03")),
        ("4 February 2019 to 15 February 2019", ("2019-02-04", "2019-02-15")),
        ("11 January 2016 to 4 February 2016", ("2016-01-11", "2016-02-04")),
        ("30 November – 11 December 2015", ("2015-11-30", "2015-12-11")),
        ("12-23 June 2017", ("2017-06-12", "2017-06-23")),
        ("28 December to 8 January 2016", ("2015-12-28", "2016-01-08")),  # over the new year
        ("14 March 2022", ("2022-03-14", "2022-03-14")),  # one day
        ("2022-03-14", ("2022-03-14", "2022-03-14")),
        ("March 2023", (None, None)),  # no day: no date to give
    ],
)
def test_inspection_days(dates: str, days: tuple[str | None, str | None]) -> None:
    assert inspection_days(dates) == days
