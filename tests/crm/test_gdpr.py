"""GDPR: everything about one client, and erasure that keeps the money."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from accounts.audit import audit_context
from accounts.models import Activity
from crm import gdpr
from crm.clients import services as client_services
from crm.models import Booking, Client, Enquiry, Payment
from tests.factories import (
    BookingFactory,
    ClientFactory,
    EnquiryFactory,
    EnquiryFormFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    PaymentFactory,
)

pytestmark = pytest.mark.django_db

SECRETS = ("Noor Haddad", "noor@example.com", "7700 900123", "Peanut allergy", "Amman")


@pytest.fixture
def noor(agency, alice):
    with audit_context(channel="dashboard", actor=alice):
        client = client_services.client_create(
            agency=agency,
            name="Noor Haddad",
            email="noor@example.com",
            phone="+44 7700 900123",
            city="Amman",
            notes="Peanut allergy",
        )
        client_services.client_note_add(client=client, text="Peanut allergy, again", author=alice)
        client_services.client_update(client=client, city="Amman")
    form = EnquiryFormFactory(agency=agency)
    EnquiryFactory(
        form=form, client=client, name="Noor Haddad", email="noor@example.com", message="Amman?"
    )
    day = ItineraryDayFactory(itinerary=ItineraryFactory(client=client))
    booking = BookingFactory(client=client, total_price=Decimal("1200.00"))
    PaymentFactory(booking=booking, amount=Decimal("400.00"))
    return client, day, booking


def test_the_export_holds_every_kind_of_record(noor):
    client, day, _ = noor

    export = gdpr.client_gdpr_export(client=client)

    assert export["client"]["email"] == "noor@example.com"
    assert export["itineraries"][0]["days"][0]["id"] == day.pk
    assert export["bookings"][0]["payments"][0]["amount"] == "400.00"
    assert export["enquiries"][0]["message"] == "Amman?"
    assert any(row["event"] == "client.note_added" for row in export["history"])
    json.dumps(export)  # plain data


def test_erase_leaves_no_personal_data_and_keeps_the_money(noor, alice):
    client, _, booking = noor

    gdpr.client_erase(client=client, actor=alice)

    row = Client.objects.filter(pk=client.pk).values().get()
    enquiries = list(Enquiry.objects.filter(client=client).values())
    history = list(Activity.objects.filter(client_id=client.pk).values())
    text = json.dumps([row, enquiries, history], default=str)
    for secret in SECRETS:
        assert secret not in text, secret
    assert row["name"] == f"Erased client #{client.pk}"
    assert Booking.objects.get(pk=booking.pk).total_price == Decimal("1200.00")
    assert Payment.objects.get(booking=booking).amount == Decimal("400.00")
    assert Activity.objects.filter(client_id=client.pk, event="client.erased").exists()


def test_only_owners_and_admins_erase(noor, amir):
    client, _, _ = noor
    with pytest.raises(PermissionDenied):
        gdpr.client_erase(client=client, actor=amir)
    assert Client.objects.get(pk=client.pk).email == "noor@example.com"


def test_the_gdpr_page_and_its_json_download(as_alice, noor):
    client, _, _ = noor
    page = as_alice.get(f"/clients/{client.pk}/gdpr/").content.decode()
    assert "noor@example.com" in page and "Download as JSON" in page
    download = as_alice.get(f"/clients/{client.pk}/gdpr/", {"format": "json"})
    assert download["Content-Disposition"] == f'attachment; filename="client-{client.pk}.json"'
    assert json.loads(download.content)["client"]["name"] == "Noor Haddad"


def test_the_erase_page_erases_on_post(as_alice, noor):
    client, _, _ = noor
    assert as_alice.get(f"/clients/{client.pk}/erase/").status_code == 200
    response = as_alice.post(f"/clients/{client.pk}/erase/")
    assert response.status_code == 302
    assert Client.objects.get(pk=client.pk).email == ""


def test_another_agencys_client_is_a_404(as_alice, other_agency):
    theirs = ClientFactory(agency=other_agency, email="theirs@example.com")
    assert as_alice.get(f"/clients/{theirs.pk}/gdpr/").status_code == 404
    assert as_alice.post(f"/clients/{theirs.pk}/erase/").status_code == 404
    assert Client.objects.get(pk=theirs.pk).email == "theirs@example.com"


def test_travellers_are_exported_masked_and_erased_with_their_history(noor, alice):
    from crm.clients.travellers import traveller_create
    from crm.models import Traveller

    client, _, _ = noor
    with audit_context(channel="dashboard", actor=alice):
        traveller = traveller_create(
            client=client,
            created_by=alice,
            first_name="Layla",
            last_name="Haddad",
            passport_number="533380006",
            passport_country="JO",
            dietary_needs="Halal",
        )
    export = gdpr.client_gdpr_export(client=client)
    (shown,) = export["travellers"]
    assert shown["first_name"] == "Layla" and "533380006" not in json.dumps(export)
    assert shown["passport_number"].endswith("0006")

    gdpr.client_erase(client=client, actor=alice)

    row = Traveller.objects.filter(pk=traveller.pk).values().get()
    history = list(Activity.objects.filter(client_id=client.pk).values())
    text = json.dumps([row, history], default=str)
    for secret in ("Layla", "Halal", "533380006"):
        assert secret not in text, secret
    traveller.refresh_from_db()
    assert traveller.passport_number == ""
