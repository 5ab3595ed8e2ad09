"""Archive, not delete: an agent cannot destroy a client with money attached by any route."""

from __future__ import annotations

import pytest

from accounts.models import Activity
from crm.clients import archive as client_archive
from crm.clients import selectors as client_selectors
from crm.models import Booking, Client, Payment
from tests.factories import (
    BookingFactory,
    ClientFactory,
    ItineraryFactory,
    PaymentFactory,
    ProposalFactory,
)


@pytest.fixture
def with_money(agency):
    client = ClientFactory(agency=agency, name="Moneyed Client")
    ItineraryFactory(client=client, agency=agency, title="Lisbon in May")
    ProposalFactory(client=client, agency=agency, title="Lisbon offer")
    booking = BookingFactory(client=client, reference="BK-KEEP1")
    PaymentFactory(booking=booking)
    return client


# Services ---------------------------------------------------------------------------------


def test_the_deletion_plan_names_everything_that_goes(with_money):
    plan = client_archive.client_deletion_plan(client=with_money)

    assert plan.itineraries == ["Lisbon in May"]
    assert plan.proposals == ["Lisbon offer"]
    assert plan.bookings == ["BK-KEEP1"]
    assert plan.payments == ["100.00 EUR on 2026-11-01 (BK-KEEP1)"]
    assert plan.counts == {"itineraries": 1, "proposals": 1, "bookings": 1, "payments": 1}
    assert plan.has_money


def test_the_service_refuses_an_agent_deleting_a_client_with_bookings(with_money, amir):
    with pytest.raises(client_archive.ClientDeleteRefused):
        client_archive.client_delete(client=with_money, actor=amir)

    assert Client.objects.filter(pk=with_money.pk).exists()
    assert Payment.objects.count() == 1


def test_an_agent_may_delete_a_client_without_money(agency, amir):
    client = ClientFactory(agency=agency)
    ItineraryFactory(client=client, agency=agency)

    client_archive.client_delete(client=client, actor=amir)

    assert not Client.objects.filter(pk=client.pk).exists()


def test_deleting_records_client_deleted_with_the_counts(with_money, alice):
    client_id = with_money.pk

    client_archive.client_delete(client=with_money, actor=alice)

    event = Activity.objects.get(event="client.deleted", object_id=client_id)
    assert event.data == {"itineraries": 1, "proposals": 1, "bookings": 1, "payments": 1}


def test_archiving_hides_from_the_list_and_restoring_brings_back(agency, amir):
    client = ClientFactory(agency=agency, name="Hidden Soon")
    ClientFactory(agency=agency, name="Stays")

    client_archive.client_archive(client=client, actor=amir)
    client.refresh_from_db()

    assert client.archived_by == amir and client.archived_at is not None
    assert [c.name for c in client_selectors.client_list(agency=agency)] == ["Stays"]
    assert [
        c.name for c in client_selectors.client_list(agency=agency, filters={"archived": "only"})
    ] == ["Hidden Soon"]
    assert client_selectors.client_list(agency=agency, filters={"archived": "true"}).count() == 2
    assert Activity.objects.filter(event="client.archived", object_id=client.pk).count() == 1

    client_archive.client_restore(client=client)
    client.refresh_from_db()

    assert client.archived_at is None and client.archived_by is None
    assert client_selectors.client_list(agency=agency).count() == 2
    assert Activity.objects.filter(event="client.restored", object_id=client.pk).count() == 1


def test_an_unknown_archived_filter_value_is_refused(agency):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as exc:
        client_selectors.client_list(agency=agency, filters={"archived": "maybe"})
    assert "archived" in exc.value.message_dict


def test_archived_leads_leave_the_new_leads(agency, amir):
    lead = ClientFactory(agency=agency, status="lead")

    client_archive.client_archive(client=lead, actor=amir)

    assert not client_selectors.client_new_leads(agency=agency).exists()


# Dashboard --------------------------------------------------------------------------------


def test_an_agent_cannot_hard_delete_a_client_with_bookings_from_the_dashboard(as_amir, with_money):
    page = as_amir.get(f"/clients/{with_money.pk}/delete/")
    assert page.status_code == 200
    assert "Archive Moneyed Client" in page.content.decode()
    assert "Delete for good" not in page.content.decode()

    response = as_amir.post(f"/clients/{with_money.pk}/delete/", {"confirm": "Moneyed Client"})

    assert response.status_code == 403
    assert Client.objects.filter(pk=with_money.pk).exists()
    assert Booking.objects.filter(client=with_money).count() == 1


def test_the_client_page_offers_an_agent_archive_but_no_delete_when_money_is_attached(
    as_amir, with_money
):
    body = as_amir.get(f"/clients/{with_money.pk}/").content.decode()

    assert f"/clients/{with_money.pk}/archive/" in body
    assert f"/clients/{with_money.pk}/delete/" not in body


def test_the_owner_sees_everything_that_goes_and_must_type_the_name(as_alice, alice, with_money):
    page = as_alice.get(f"/clients/{with_money.pk}/delete/").content.decode()
    for name in ("Lisbon in May", "Lisbon offer", "BK-KEEP1", "100.00 EUR on 2026-11-01"):
        assert name in page

    refused = as_alice.post(f"/clients/{with_money.pk}/delete/", {"confirm": "wrong"})
    assert refused.status_code == 200
    assert "confirm" in refused.context["form"].errors
    assert Client.objects.filter(pk=with_money.pk).exists()

    done = as_alice.post(f"/clients/{with_money.pk}/delete/", {"confirm": "moneyed client "})

    assert done.status_code == 302
    assert not Client.objects.filter(pk=with_money.pk).exists()
    assert not Payment.objects.exists()
    assert Activity.objects.get(event="client.deleted").actor == alice


def test_archive_and_restore_from_the_dashboard(as_amir, agency, amir):
    client = ClientFactory(agency=agency, name="Round Trip")

    row = f'href="/clients/{client.pk}/"'
    assert as_amir.post(f"/clients/{client.pk}/archive/").status_code == 302
    assert row not in as_amir.get("/clients/").content.decode()
    assert row in as_amir.get("/clients/?archived=only").content.decode()
    detail = as_amir.get(f"/clients/{client.pk}/").content.decode()
    assert "Archived on" in detail and "by Amir Agent" in detail
    assert f"/clients/{client.pk}/restore/" in detail

    assert as_amir.post(f"/clients/{client.pk}/restore/").status_code == 302
    client.refresh_from_db()
    assert client.archived_at is None
    assert row in as_amir.get("/clients/").content.decode()
    events = Activity.objects.filter(object_id=client.pk, event__startswith="client.")
    assert {e.event: e.actor for e in events}["client.archived"] == amir


def test_archive_and_restore_refuse_a_get(as_amir, agency):
    client = ClientFactory(agency=agency)

    assert as_amir.get(f"/clients/{client.pk}/archive/").status_code == 405
    assert as_amir.get(f"/clients/{client.pk}/restore/").status_code == 405
    client.refresh_from_db()
    assert client.archived_at is None


def test_another_agency_cannot_archive_or_restore_a_client(client, bob, agency):
    theirs = ClientFactory(agency=agency)
    client.force_login(bob)

    assert client.post(f"/clients/{theirs.pk}/archive/").status_code == 404
    assert client.post(f"/clients/{theirs.pk}/restore/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.archived_at is None


@pytest.mark.parametrize("page", ["/itineraries/new/", "/proposals/new/", "/bookings/new/"])
def test_an_archived_client_is_not_offered_for_new_work(as_amir, agency, amir, page):
    kept = ClientFactory(agency=agency, name="Still Here")
    gone = ClientFactory(agency=agency, name="Long Gone")
    client_archive.client_archive(client=gone, actor=amir)

    html = as_amir.get(page).content.decode()

    assert f'<option value="{kept.pk}"' in html
    assert f'<option value="{gone.pk}"' not in html


def test_editing_a_booking_of_an_archived_client_keeps_its_client(as_amir, agency, amir):
    booking = BookingFactory(agency=agency, client=ClientFactory(agency=agency, name="Gone"))
    client_archive.client_archive(client=booking.client, actor=amir)

    html = as_amir.get(f"/bookings/{booking.pk}/edit/").content.decode()

    assert f'<option value="{booking.client_id}" selected' in html
