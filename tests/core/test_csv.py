"""CSV exports escape what a spreadsheet would run as a formula, and stream."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from django.http import StreamingHttpResponse

from core.csv import csv_response, safe_cell


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"],
)
def test_a_cell_that_a_spreadsheet_would_run_is_prefixed_with_an_apostrophe(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["Lodge", "a=b", "Ana-Maria", "", "1 000"])
def test_plain_text_is_left_alone(text):
    assert safe_cell(text) == text


def test_numbers_stay_numbers_even_negative_ones():
    assert safe_cell(Decimal("-12.50")) == "-12.50"  # a refund, not a formula
    assert safe_cell(3) == "3"
    assert safe_cell(None) == ""


def test_the_response_streams_an_escaped_csv_download():
    response = csv_response(
        "x.csv", ["name", "amount"], iter([["=cmd|' /C calc'!A0", Decimal("1.00")]])
    )

    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv"
    assert 'filename="x.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows == [["name", "amount"], ["'=cmd|' /C calc'!A0", "1.00"]]
