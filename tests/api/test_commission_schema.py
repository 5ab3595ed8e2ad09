"""The commission receipts' and reports' real responses match the OpenAPI schema (the
contract check of ``test_schema.py``)."""

from __future__ import annotations

import orjson
import pytest

from tests.api.conftest import Api
from tests.api.test_schema import Contract
from tests.factories import BookingFactory, ClientFactory


@pytest.fixture
def openapi(anonymous: Api) -> dict:
    response = anonymous.get(
        "/api/v1/schema", headers={"Accept": "application/vnd.oai.openapi+json"}
    )
    assert response.status_code == 200
    return orjson.loads(response.content)


def test_commission_receipt_and_report_responses_match_the_schema(openapi, api: Api, agency, amir):
    import datetime as dt
    from decimal import Decimal

    from crm.bookings import booked_services
    from crm.models import PaymentInstalment
    from tests.api.conftest import Api as ApiClient
    from tests.factories import SupplierFactory, make_token

    contract = Contract(openapi)
    booking = BookingFactory(client=ClientFactory(agency=agency), amount_paid=Decimal("10.00"))
    service = booked_services.booking_service_add(
        booking=booking,
        description="Lodge",
        supplier=SupplierFactory(agency=agency),
        price="100",
        commission_expected="40",
    )
    today = dt.date.today()
    for position, days in enumerate((-3, 5)):
        PaymentInstalment.objects.create(
            agency=agency,
            booking=booking,
            position=position,
            label=f"#{position}",
            due_date=today + dt.timedelta(days=days),
            amount=Decimal("50.00"),
        )
    agent = ApiClient(make_token(amir).plaintext)
    created = api.post("/commission-receipts", {"service_id": service.pk, "amount": "15.00"})
    one = f"/commission-receipts/{created.json()['data']['id']}"
    receipts = "/api/v1/commission-receipts"
    checks = [
        (created, receipts, "POST"),
        (
            api.post("/commission-receipts", {"service_id": service.pk, "amount": "99"}),
            receipts,
            "POST",
        ),
        (api.get("/commission-receipts?supplier_id=1"), receipts, "GET"),
        (api.get(one), f"{receipts}/{{id}}", "GET"),
        (agent.post(f"{one}/void", {"reason": "x"}), f"{receipts}/{{id}}/void", "POST"),
        (api.post(f"{one}/void", {}), f"{receipts}/{{id}}/void", "POST"),
        (api.post(f"{one}/void", {"reason": "Bounced"}), f"{receipts}/{{id}}/void", "POST"),
        (api.get("/commission-receipts/987654"), f"{receipts}/{{id}}", "GET"),
        (api.get("/reports/monthly"), "/api/v1/reports/monthly", "GET"),
        (api.get("/reports/monthly?from=x"), "/api/v1/reports/monthly", "GET"),
        (
            api.get("/reports/commission-outstanding"),
            "/api/v1/reports/commission-outstanding",
            "GET",
        ),
        (api.get("/reports/payments-due?days=60"), "/api/v1/reports/payments-due", "GET"),
        (api.get("/reports/payments-due?days=0"), "/api/v1/reports/payments-due", "GET"),
        (api.get("/reports/overdue-instalments"), "/api/v1/reports/overdue-instalments", "GET"),
    ]
    statuses = set()
    for response, template, method in checks:
        contract.check(response, template, method)
        statuses.add(response.status_code)
    assert statuses == {200, 201, 403, 404, 409, 422}
    # Voided, never deleted: no DELETE in the schema, and the server's 405 names the void.
    assert "delete" not in openapi["paths"][f"{receipts}/{{id}}"]
    assert api.delete(one).status_code == 405
    assert api.get("/reports/payments-due").json()["data"][0]["label"] == "#1"
