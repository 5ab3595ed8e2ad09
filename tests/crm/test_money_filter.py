"""The dashboard's ``money`` filter is ``floatformat:"2g"``, figure for figure."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.template.defaultfilters import floatformat
from django.utils import translation

from crm.templatetags.money import money

VALUES = [
    Decimal("0"),
    Decimal("0.00"),
    Decimal("-0.001"),
    Decimal("-0.005"),
    Decimal("0.005"),
    Decimal("0.015"),
    Decimal("2.675"),
    Decimal("999.995"),
    Decimal("1234.5"),
    Decimal("-1234.567"),
    Decimal("1234567890.12"),
    Decimal("-999999999999.99"),
    Decimal("12.3456789"),
    Decimal("1E+3"),
    Decimal("5E-7"),
    0,
    7,
    -1234567,
    10**12,
]
ODD = [None, "", "12.5", "abc", 1.005, True, Decimal("NaN"), Decimal("Infinity"), Decimal("1E+40")]


@pytest.mark.parametrize("value", VALUES + ODD, ids=repr)
def test_money_is_floatformat_2g(value):
    assert money(value) == floatformat(value, "2g")


def test_money_groups_thousands_and_keeps_two_decimals():
    assert money(Decimal("1234567.891")) == "1,234,567.89"
    assert money(Decimal("-0.004")) == "0.00"  # no "-0.00"


def test_templates_have_it_without_loading_a_library():
    rendered = Template("{{ amount|money }} {{ other|money }}").render(
        Context({"amount": Decimal("98765.4"), "other": None})
    )
    assert rendered == "98,765.40 "


def test_another_language_is_formatted_by_floatformat_itself():
    with translation.override("de"):
        assert money(Decimal("1234.5")) == floatformat(Decimal("1234.5"), "2g")
