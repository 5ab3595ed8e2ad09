"""The admin shows statuses, amount_paid and payments but never writes them: each has one door."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.test import Client as HttpClient

from tests.factories import BookingFactory, PaymentFactory, ProposalFactory, UserFactory


@pytest.fixture
def staff_browser(db, tenant_tripwire) -> Iterator[HttpClient]:
    browser = HttpClient()
    browser.force_login(UserFactory(is_staff=True, is_superuser=True))
    yield browser
    # The admin is the platform staff's tool and reads across agencies by design (the
    # isolation tests prove an agency's users cannot reach it).
    tenant_tripwire.violations.clear()


def test_the_booking_page_offers_no_input_for_status_amount_paid_or_payments(staff_browser, agency):
    booking = BookingFactory(agency=agency)
    PaymentFactory(booking=booking)

    page = staff_browser.get(f"/admin/crm/booking/{booking.pk}/change/").content.decode()

    assert 'name="status"' not in page
    assert 'name="amount_paid"' not in page
    for field in ("amount", "currency", "paid_on", "method", "reference", "notes", "DELETE"):
        assert f'name="payments-0-{field}"' not in page
    assert "payments-__prefix__" not in page  # no blank form to add a payment with


def test_the_proposal_page_offers_no_input_for_the_status_or_its_timestamps(staff_browser, agency):
    proposal = ProposalFactory(agency=agency)

    page = staff_browser.get(f"/admin/crm/proposal/{proposal.pk}/change/").content.decode()

    for field in ("status", "sent_at", "viewed_at", "responded_at"):
        assert f'name="{field}' not in page


def test_bookings_are_found_by_supplier_name_and_derived_figures_are_read_only(
    staff_browser, agency
):
    from tests.factories import SupplierFactory

    lodge = SupplierFactory(agency=agency, name="Zanzibar Lodge")
    lodge.contacts.create(name="Desk")
    booking = BookingFactory(agency=agency, supplier=lodge)

    found = staff_browser.get("/admin/crm/booking/?q=zanzibar")
    assert found.status_code == 200
    assert booking.reference in found.content.decode()
    page = staff_browser.get(f"/admin/crm/booking/{booking.pk}/change/").content.decode()
    assert 'name="total_cost"' not in page
    assert 'name="commission_expected"' not in page
    supplier_page = staff_browser.get(f"/admin/crm/supplier/{lodge.pk}/change/")
    assert supplier_page.status_code == 200
    assert 'name="contacts-0-name"' in supplier_page.content.decode()
