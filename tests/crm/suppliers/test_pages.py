"""The supplier pages and a booking's Services card in the dashboard."""

from __future__ import annotations

from decimal import Decimal

import pytest

from crm.bookings import booked_services
from crm.bookings.services import payment_record
from crm.models import Booking, BookingService, Supplier
from tests.factories import BookingFactory, BookingServiceFactory, ClientFactory, SupplierFactory

pytestmark = pytest.mark.django_db


def _supplier_post(**extra: str) -> dict[str, str]:
    body = {
        "name": "Hotel Avenida Palace",
        "type": "hotel",
        "default_commission_rate": "10",
        "contacts-TOTAL_FORMS": "2",
        "contacts-INITIAL_FORMS": "0",
        "contacts-MIN_NUM_FORMS": "0",
        "contacts-MAX_NUM_FORMS": "20",
        "contacts-0-name": "Benedita",
        "contacts-0-role": "Reservations",
        "contacts-0-email": "bene@avenida.example",
        "contacts-1-name": "",
    }
    body.update(extra)
    return body


def test_a_supplier_is_created_with_its_contacts_and_listed(as_alice, agency):
    response = as_alice.post("/suppliers/new/", _supplier_post())
    supplier = Supplier.objects.for_agency(agency).get()
    assert response.status_code == 302
    assert response["Location"] == f"/suppliers/{supplier.pk}/"
    assert [c.name for c in supplier.contacts.all()] == ["Benedita"]
    page = as_alice.get("/suppliers/?q=benedita").content.decode()
    assert "Hotel Avenida Palace" in page
    detail = as_alice.get(f"/suppliers/{supplier.pk}/").content.decode()
    assert "bene@avenida.example" in detail


def test_a_duplicate_name_is_shown_beside_the_field(as_alice, agency):
    SupplierFactory(agency=agency, name="hotel avenida palace")
    response = as_alice.post("/suppliers/new/", _supplier_post())
    assert response.status_code == 200
    assert "already has a supplier" in response.content.decode()
    assert Supplier.objects.for_agency(agency).count() == 1


def test_editing_a_supplier_replaces_its_contacts(as_alice, agency):
    supplier = SupplierFactory(agency=agency, name="Lodge")
    supplier.contacts.create(name="Old desk")
    response = as_alice.post(
        f"/suppliers/{supplier.pk}/edit/",
        _supplier_post(name="Lodge", **{"contacts-0-name": "New desk"}),
    )
    assert response.status_code == 302
    assert [c.name for c in supplier.contacts.all()] == ["New desk"]


def test_a_supplier_in_use_is_not_deleted_and_says_to_archive(as_alice, agency):
    supplier = SupplierFactory(agency=agency)
    BookingServiceFactory(
        booking=BookingFactory(client=ClientFactory(agency=agency)), supplier=supplier
    )
    response = as_alice.post(f"/suppliers/{supplier.pk}/delete/", follow=True)
    assert "Archive it instead" in response.content.decode()
    assert Supplier.objects.filter(pk=supplier.pk).exists()
    as_alice.post(f"/suppliers/{supplier.pk}/archive/")
    assert "No suppliers yet" in as_alice.get("/suppliers/").content.decode()


def test_an_unused_supplier_is_deleted(as_alice, agency):
    supplier = SupplierFactory(agency=agency)
    assert as_alice.post(f"/suppliers/{supplier.pk}/delete/").status_code == 302
    assert not Supplier.objects.filter(pk=supplier.pk).exists()


def test_another_agencys_supplier_is_a_404(as_alice, other_agency):
    supplier = SupplierFactory(agency=other_agency)
    assert as_alice.get(f"/suppliers/{supplier.pk}/").status_code == 404


# The booking's Services card --------------------------------------------------------------


@pytest.fixture
def booking(agency):
    return BookingFactory(client=ClientFactory(agency=agency), total_price=Decimal("0"))


def test_a_service_added_on_the_booking_page_sets_the_figures(as_alice, agency, booking):
    SupplierFactory(agency=agency, name="TAP", default_commission_rate=Decimal("5"))
    response = as_alice.post(
        f"/bookings/{booking.pk}/services/",
        {
            "kind": "flight",
            "status": "confirmed",
            "description": "LIS-PDL",
            "supplier": "tap",
            "price": "400",
            "cost": "350",
        },
    )
    assert response.status_code == 302
    service = BookingService.objects.get(booking=booking)
    assert (service.supplier.name, service.commission_expected) == ("TAP", Decimal("20.00"))
    page = as_alice.get(f"/bookings/{booking.pk}/").content.decode()
    assert "LIS-PDL" in page
    assert "Sum of 1 service" in page
    assert "50.00" in page  # the margin


def test_a_service_added_on_the_page_is_in_the_bookings_currency(as_alice, booking):
    response = as_alice.post(
        f"/bookings/{booking.pk}/services/",
        {"kind": "hotel", "status": "requested", "description": "Lodge", "price": "1"},
    )
    assert response.status_code == 302
    assert BookingService.objects.get(booking=booking).currency == booking.currency


def test_a_refused_service_shows_its_error_beside_the_field_and_keeps_the_page(as_alice, booking):
    response = as_alice.post(
        f"/bookings/{booking.pk}/services/",
        {"kind": "hotel", "status": "requested", "description": "", "price": "-5"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "svc-new-description" in page and "This field is required." in page
    assert not BookingService.objects.filter(booking=booking).exists()


def test_a_service_is_edited_cancelled_and_removed(as_alice, booking):
    service = booked_services.booking_service_add(booking=booking, description="Tour", price="90")
    edit = f"/bookings/{booking.pk}/services/{service.pk}/edit/"
    assert as_alice.get(edit).status_code == 200
    as_alice.post(
        edit, {"kind": "activity", "status": "requested", "description": "Tour", "price": "120"}
    )
    assert Booking.objects.get(pk=booking.pk).total_price == Decimal("120.00")
    as_alice.post(f"/bookings/{booking.pk}/services/{service.pk}/cancel/")
    assert Booking.objects.get(pk=booking.pk).total_price == Decimal("0.00")
    as_alice.post(f"/bookings/{booking.pk}/services/{service.pk}/remove/")
    assert not BookingService.objects.filter(pk=service.pk).exists()


def test_an_overpaid_booking_shows_a_credit_not_paid_in_full(as_alice, booking):
    service = booked_services.booking_service_add(booking=booking, description="A", price="100")
    payment_record(booking=booking, amount=Decimal("100"))
    booked_services.booking_service_update(service=service, price="60")
    page = as_alice.get(f"/bookings/{booking.pk}/").content.decode()
    assert "Credit 40.00" in page
    assert "Paid in full" not in page


def test_the_booking_page_runs_the_same_queries_whatever_its_services(as_alice, agency, booking):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert as_alice.get(f"/bookings/{booking.pk}/").status_code == 200
        return len(queries)

    BookingServiceFactory(booking=booking, supplier=SupplierFactory(agency=agency))
    small = count()
    for _ in range(8):
        BookingServiceFactory(booking=booking, supplier=SupplierFactory(agency=agency))
    assert count() == small


def test_the_home_page_names_departing_bookings_suppliers_without_a_query_each(as_alice, agency):
    import datetime as dt

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    soon = timezone.localdate() + dt.timedelta(days=5)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert as_alice.get("/").status_code == 200
        return len(queries)

    def departing() -> None:
        BookingFactory(
            client=ClientFactory(agency=agency),
            start_date=soon,
            end_date=soon,
            supplier=SupplierFactory(agency=agency),
        )

    departing()
    small = count()
    for _ in range(4):
        departing()
    assert count() == small
    assert "Supplier" in as_alice.get("/").content.decode()
