"""Money and other decimal inputs are strings of plain digits, as the schema's ``type:
string`` and pattern say (#19): a JSON number, an exponent, a sign, spaces or leading zeros are
a 422 that says how to write the amount, and change nothing."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from api.serializers import DecimalString, Money, decimal_pattern
from crm.models import Booking
from tests.api.conftest import Api
from tests.factories import ClientFactory

REFUSED = [
    (1250, "string of digits"),
    (1250.5, "string of digits"),
    (True, "string of digits"),
    ("1e3", "plain digits"),
    ("1E3", "plain digits"),
    (" 12.00", "plain digits"),
    ("12.00 ", "plain digits"),
    ("+12.00", "plain digits"),
    ("0012.00", "plain digits"),
    ("12.", "plain digits"),
    (".50", "plain digits"),
    ("12.345", "decimal places"),
    ("-5.00", "greater than or equal to 0"),
    ("NaN", "valid number"),
]


@pytest.mark.parametrize(("amount", "message"), REFUSED)
def test_a_total_that_is_not_a_plain_decimal_string_is_refused(api: Api, agency, amount, message):
    client = ClientFactory(agency=agency)
    response = api.post("/bookings", {"client_id": client.pk, "total_price": amount})
    assert response.status_code == 422, response.content
    (error,) = response.json()["errors"]["total_price"]
    assert message in error
    assert not Booking.objects.exists()


@pytest.mark.parametrize("amount", ["0", "1250", "1250.5", "1250.50", "9999999999.99"])
def test_a_plain_decimal_string_is_taken(api: Api, agency, amount):
    client = ClientFactory(agency=agency)
    response = api.post("/bookings", {"client_id": client.pk, "total_price": amount})
    assert response.status_code == 201, response.content


def test_a_percentage_is_a_decimal_string_too(api: Api):
    response = api.post(
        "/suppliers", {"name": "Lisbon Walks", "type": "dmc", "default_commission_rate": 10}
    )
    assert response.status_code == 422
    assert "string of digits" in response.json()["errors"]["default_commission_rate"][0]
    taken = api.post(
        "/suppliers", {"name": "Lisbon Walks", "type": "dmc", "default_commission_rate": "10"}
    )
    assert taken.status_code == 201, taken.content


@pytest.mark.parametrize(
    "field",
    [
        Money(),
        Money(min_value=0),
        Money(min_value=Decimal("0.01")),
        Money(max_value=Decimal("9999999.99"), min_value=0),
        DecimalString(max_digits=5, decimal_places=2, min_value=0, max_value=100),
        DecimalString(max_digits=5, decimal_places=2, min_value=1, max_value=99),
    ],
)
def test_the_schema_pattern_and_the_server_agree(field):
    """Whatever the pattern admits, the field takes; whatever it refuses, the field refuses."""
    from rest_framework.exceptions import ValidationError

    pattern = decimal_pattern(field)
    for text in ["0", "1", "1.5", "10.00", "99.99", "100", "100.00", "-1", "1e2", "007", "0.00"]:
        try:
            field.run_validation(text)
            taken = True
        except ValidationError:
            taken = False
        assert taken == bool(re.fullmatch(pattern, text)), (text, pattern)
