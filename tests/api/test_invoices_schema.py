"""The invoices' and receipts' real answers match the OpenAPI schema (fields, errors, headers);
the PDF is documented as ``application/pdf`` with its 409 while being prepared."""

from __future__ import annotations

from decimal import Decimal

from crm.bookings import payments
from tests.api.conftest import Api
from tests.api.test_schema import Contract, openapi  # noqa: F401  (the fixture)
from tests.factories import BookingFactory, ClientFactory, make_token


def test_invoice_and_receipt_responses_match_the_schema(openapi, api: Api, agency, amir):  # noqa: F811
    contract = Contract(openapi)
    booking = BookingFactory(client=ClientFactory(agency=agency, email="c@example.com"))
    empty = BookingFactory(client=ClientFactory(agency=agency), total_price=Decimal("0.00"))
    payment = payments.payment_record(booking=booking, amount=Decimal("100.00"))
    nested = "/api/v1/bookings/{booking_id}/invoices"
    receipts = "/api/v1/bookings/{booking_id}/receipts"
    made = api.post(f"/bookings/{booking.pk}/invoices")
    iid = made.json()["data"]["id"]
    agent = Api(make_token(amir).plaintext)
    checks = [
        (made, nested, "POST"),
        (api.post(f"/bookings/{empty.pk}/invoices"), nested, "POST"),
        (api.post("/bookings/999999/invoices"), nested, "POST"),
        (api.get(f"/bookings/{booking.pk}/invoices"), nested, "GET"),
        (api.get("/invoices"), "/api/v1/invoices", "GET"),
        (api.get(f"/invoices/{iid}"), "/api/v1/invoices/{id}", "GET"),
        (api.get("/invoices/999999"), "/api/v1/invoices/{id}", "GET"),
        (api.get(f"/invoices/{iid}/pdf"), "/api/v1/invoices/{id}/pdf", "GET"),
        (api.post(f"/invoices/{iid}/email"), "/api/v1/invoices/{id}/email", "POST"),
        (
            agent.post(f"/invoices/{iid}/void", {"reason": "x"}),
            "/api/v1/invoices/{id}/void",
            "POST",
        ),
        (api.post(f"/invoices/{iid}/void", {}), "/api/v1/invoices/{id}/void", "POST"),
        (api.post(f"/invoices/{iid}/void", {"reason": "x"}), "/api/v1/invoices/{id}/void", "POST"),
        (
            api.post(f"/bookings/{booking.pk}/receipts", {"payment_id": payment.pk}),
            receipts,
            "POST",
        ),
        (api.post(f"/bookings/{booking.pk}/receipts", {}), receipts, "POST"),
        (api.get(f"/bookings/{booking.pk}/receipts"), receipts, "GET"),
        (api.get("/receipts"), "/api/v1/receipts", "GET"),
    ]
    rid = checks[-4][0].json()["data"]["id"]
    checks.append((api.get(f"/receipts/{rid}"), "/api/v1/receipts/{id}", "GET"))
    # Issued documents are kept for the accounts: deleting their booking or client is a
    # documented 409 (archive instead), found by the schema fuzzing once it reached them.
    for path, template in (
        (f"/bookings/{booking.pk}", "/api/v1/bookings/{id}"),
        (f"/clients/{booking.client_id}", "/api/v1/clients/{id}"),
    ):
        refused = api.delete(path)
        assert refused.status_code == 409
        assert "Archive it instead" in str(refused.json()["errors"])
        checks.append((refused, template, "DELETE"))
    statuses = set()
    for response, template, method in checks:
        contract.check(response, template, method)
        statuses.add(response.status_code)
    assert statuses == {200, 201, 202, 403, 404, 409, 422}
    pdf = openapi["paths"]["/api/v1/invoices/{id}/pdf"]["get"]["responses"]
    assert "application/pdf" in pdf["200"]["content"] and "409" in pdf
