"""The supplier services: one record per name, guarded deletes, quotas and events."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from accounts.models import Activity
from crm.models import Supplier
from crm.suppliers import services as supplier_services
from tests.factories import (
    BookingFactory,
    BookingServiceFactory,
    ClientFactory,
    ItineraryItemFactory,
    SupplierFactory,
)

pytestmark = pytest.mark.django_db


def test_a_name_finds_the_agencys_supplier_ignoring_case_and_spaces(agency, other_agency):
    first = supplier_services.supplier_for_name(agency=agency, name="  TAP Air Portugal ")
    again = supplier_services.supplier_for_name(agency=agency, name="tap air portugal")
    theirs = supplier_services.supplier_for_name(agency=other_agency, name="TAP Air Portugal")
    assert first == again and first is not None
    assert first.name == "TAP Air Portugal" and first.type == "other"
    assert theirs is not None and theirs.pk != first.pk
    assert supplier_services.supplier_for_name(agency=agency, name="   ") is None


def test_a_name_too_long_for_a_supplier_is_a_field_error(agency):
    with pytest.raises(ValidationError) as refused:
        supplier_services.supplier_for_name(agency=agency, name="x" * 201)
    assert "at most 200" in refused.value.message_dict["supplier"][0]


def test_a_supplier_in_use_says_what_names_it(agency):
    supplier = SupplierFactory(agency=agency)
    booking = BookingFactory(client=ClientFactory(agency=agency), supplier=supplier)
    BookingServiceFactory(booking=booking, supplier=supplier)
    BookingServiceFactory(booking=booking, supplier=supplier)
    ItineraryItemFactory(supplier=supplier)
    with pytest.raises(supplier_services.SupplierInUse) as refused:
        supplier_services.supplier_delete(supplier=supplier)
    assert "1 booking, 2 booked services, 1 itinerary item" in str(refused.value)
    assert Supplier.objects.filter(pk=supplier.pk).exists()


def test_the_quota_refuses_one_more_supplier(agency, settings):
    settings.QUOTA_SUPPLIERS = 1
    supplier_services.supplier_create(agency=agency, name="One")
    with pytest.raises(ValidationError) as refused:
        supplier_services.supplier_create(agency=agency, name="Two")
    assert "limit of 1 suppliers" in refused.value.messages[0]


def test_every_write_is_a_named_event_outside_any_clients_history(agency):
    supplier = supplier_services.supplier_create(
        agency=agency, name="Lodge", contacts=[{"name": "Desk"}]
    )
    supplier_services.supplier_update(supplier=supplier, notes="Ask for Rui")
    supplier_services.supplier_archive(supplier=supplier, actor=None)
    supplier_services.supplier_restore(supplier=supplier)
    supplier_services.supplier_delete(supplier=supplier)
    rows = Activity.objects.filter(object_type="supplier").order_by("id")
    assert [(a.event, a.client_id) for a in rows] == [
        ("supplier.created", None),
        ("supplier.updated", None),
        ("supplier.archived", None),
        ("supplier.restored", None),
        ("supplier.deleted", None),
    ]
    assert rows[0].data == {"contacts": 1}


def test_a_contact_with_a_bad_email_is_a_field_error_and_nothing_is_written(agency):
    with pytest.raises(ValidationError) as refused:
        supplier_services.supplier_create(
            agency=agency, name="Lodge", contacts=[{"name": "Desk", "email": "not-an-email"}]
        )
    assert "contacts[0].email" in refused.value.message_dict
    assert not Supplier.objects.filter(agency=agency).exists()


def test_a_client_deleted_takes_its_bookings_services_and_leaves_the_supplier_free(agency):
    from crm.clients.archive import client_delete

    supplier = SupplierFactory(agency=agency)
    client = ClientFactory(agency=agency)
    BookingServiceFactory(
        booking=BookingFactory(client=client, supplier=supplier), supplier=supplier
    )
    client_delete(client=client, actor=None)
    assert supplier_services.supplier_usage(supplier=supplier) == {
        "bookings": 0,
        "booking_services": 0,
        "itinerary_items": 0,
        "library_items": 0,
    }
    supplier_services.supplier_delete(supplier=supplier)
    assert not Supplier.objects.filter(pk=supplier.pk).exists()


def test_the_database_restricts_deleting_a_supplier_that_rows_still_name(agency):
    from django.db.models import RestrictedError

    supplier = SupplierFactory(agency=agency)
    BookingServiceFactory(
        booking=BookingFactory(client=ClientFactory(agency=agency)), supplier=supplier
    )
    with pytest.raises(RestrictedError):
        supplier.delete()  # even past the service's check
