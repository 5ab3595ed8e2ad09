"""From the event log to webhook messages: the payload is the resource exactly as the API
shows it, one message per event whatever happens twice, only the endpoints that want the type,
and nothing of another agency ever."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.utils import timezone

from accounts.models import Activity
from api import jobs as api_jobs
from api import webhooks as api_webhooks
from core import jobs
from crm.bookings import services as booking_services
from crm.clients import services as client_services
from crm.enquiries.services import enquiry_submit
from crm.proposals import services as proposal_services
from crm.proposals.lifecycle import proposal_transition
from crm.trips import services as trip_services
from crm.webhooks import services as webhook_services
from crm.webhooks.models import WebhookDelivery, WebhookMessage
from tests.factories import EnquiryFormFactory
from tests.webhooks.conftest import make_endpoint

pytestmark = pytest.mark.django_db


def bodies(receiver, event_type=None):
    found = [json.loads(request.body) for request in receiver.requests]
    return [body for body in found if event_type is None or body["type"] == event_type]


def api_get(client, token, path):
    response = client.get(path, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200, response.content
    return response.json()["data"]


def test_the_body_is_the_envelope_with_the_event_time_and_agency(agency, alice, receiver, run_jobs):
    make_endpoint(agency, alice, receiver.url)
    with run_jobs():
        client = client_services.client_create(agency=agency, created_by=alice, name="Ada")
    [body] = bodies(receiver)
    activity = Activity.objects.get(event="client.created", object_id=client.pk)
    assert list(body) == ["id", "type", "created_at", "agency_id", "data"]
    assert body["id"].startswith("msg_")
    assert body["type"] == "client.created"
    assert body["agency_id"] == agency.pk
    created = dt.datetime.fromisoformat(body["created_at"])
    assert created.utcoffset() == dt.timedelta(0)
    assert abs(created - activity.created_at) < dt.timedelta(seconds=1)
    assert WebhookMessage.objects.get().activity_id == activity.pk


def test_each_resource_is_sent_exactly_as_the_api_shows_it(
    agency, alice, alice_token, receiver, run_jobs, client
):
    _, token = alice_token
    make_endpoint(agency, alice, receiver.url)
    with run_jobs():
        ada = client_services.client_create(
            agency=agency, created_by=alice, name="Ada", email="ada@clients.example", tags=["vip"]
        )
        trip = trip_services.itinerary_create(
            agency=agency,
            created_by=alice,
            client=ada.pk,
            title="Lisbon",
            days=[{"title": "Arrival", "items": [{"kind": "activity", "title": "Tram 28"}]}],
        )
        proposal = proposal_services.proposal_create(
            agency=agency,
            created_by=alice,
            client=ada.pk,
            itinerary=trip.pk,
            title="Lisbon in spring",
            total_price=Decimal("2450.00"),
            currency="EUR",
        )
        proposal_services.proposal_send(proposal=proposal)
        proposal_transition(proposal=proposal, to="accepted")
        booking = booking_services.booking_create(
            agency=agency, created_by=alice, client=ada.pk, total_price=Decimal("2450.00")
        )
        payment = booking_services.payment_record(
            booking=booking, amount=Decimal("500.00"), method="card", recorded_by=alice
        )
    for event_type, path in (
        ("client.created", f"/api/v1/clients/{ada.pk}"),
        ("itinerary.created", f"/api/v1/itineraries/{trip.pk}"),
        ("proposal.accepted", f"/api/v1/proposals/{proposal.pk}"),
        ("booking.created", f"/api/v1/bookings/{booking.pk}"),
    ):
        sent = bodies(receiver, event_type)
        assert sent, f"no {event_type} was sent"
        # Rendered when the fan-out ran (here, after every change): the record as it is now.
        assert sent[-1]["data"] == api_get(client, token, path), event_type
    [created_booking] = bodies(receiver, "booking.created")
    assert created_booking["data"]["total_price"] == "2450.00"  # money as a string
    [paid] = bodies(receiver, "payment.recorded")
    [shown] = api_get(client, token, f"/api/v1/bookings/{booking.pk}")["payments"]
    assert paid["data"] == {**shown, "booking_id": booking.pk}
    assert paid["data"]["id"] == payment.pk and paid["data"]["amount"] == "500.00"
    days = bodies(receiver, "itinerary.created")[-1]["data"]["days"]
    assert days[0]["items"][0]["title"] == "Tram 28"


def test_an_enquiry_is_sent_with_its_form_its_fields_and_its_client(
    agency, alice, alice_token, receiver, run_jobs, client
):
    _, token = alice_token
    form = EnquiryFormFactory(agency=agency, name="Contact us")
    make_endpoint(agency, alice, receiver.url, event_types=["enquiry.received"])
    with run_jobs():
        result = enquiry_submit(
            form=form,
            data={
                "name": "Grace Hopper",
                "email": "grace@visitors.example",
                "message": "Two weeks in Japan",
                "destination": "Japan",
                "travellers": "2",
                "newsletter": "yes",
            },
        )
    [body] = bodies(receiver)
    data = body["data"]
    enquiry = result.enquiry
    assert body["type"] == "enquiry.received"
    assert data["id"] == enquiry.pk
    assert (data["form_id"], data["form_name"]) == (form.pk, "Contact us")
    assert (data["matched_existing"], data["client_created"]) == (False, True)
    assert (data["name"], data["email"], data["destination"]) == (
        "Grace Hopper",
        "grace@visitors.example",
        "Japan",
    )
    assert data["travellers"] == 2
    assert data["extra"] == enquiry.extra
    assert data["client_id"] == enquiry.client_id
    assert data["client"] == api_get(client, token, f"/api/v1/clients/{enquiry.client_id}")
    assert "fingerprint" not in data and "raw" not in data


def test_a_deletion_sends_only_the_id(agency, alice, receiver, run_jobs):
    make_endpoint(agency, alice, receiver.url, event_types=["client.deleted"])
    ada = client_services.client_create(agency=agency, created_by=alice, name="Ada")
    ada_id = ada.pk
    with run_jobs():
        ada.delete()
    [body] = bodies(receiver)
    assert body["type"] == "client.deleted"
    assert body["data"] == {"id": ada_id}


def test_a_record_deleted_before_its_event_was_rendered_sends_its_id(agency, alice, receiver):
    make_endpoint(agency, alice, receiver.url)
    ada = client_services.client_create(agency=agency, created_by=alice, name="Ada")
    activity = Activity.objects.get(event="client.created", object_id=ada.pk)
    ada_id = ada.pk
    ada.delete()
    api_webhooks.fan_out(agency_id=agency.pk, activity_id=activity.pk)
    message = WebhookMessage.objects.get(activity_id=activity.pk)
    assert json.loads(message.body)["data"] == {"id": ada_id}


def test_builder_edits_are_itinerary_updated(agency, alice, receiver, run_jobs):
    make_endpoint(agency, alice, receiver.url, event_types=["itinerary.updated"])
    ada = client_services.client_create(agency=agency, created_by=alice, name="Ada")
    trip = trip_services.itinerary_create(
        agency=agency, created_by=alice, client=ada.pk, title="Lisbon"
    )
    from crm.trips import plan

    with run_jobs():
        plan.itinerary_day_add(itinerary=trip, title="Arrival")
    [body] = bodies(receiver)
    assert body["type"] == "itinerary.updated"
    assert body["data"]["days"][0]["title"] == "Arrival"


def test_an_endpoint_gets_only_the_types_it_wants(agency, alice, receiver, run_jobs):
    make_endpoint(agency, alice, receiver.url, event_types=["client.updated"])
    with run_jobs():
        ada = client_services.client_create(agency=agency, created_by=alice, name="Ada")
        client_services.client_update(client=ada, city="Lisbon")
    assert [body["type"] for body in bodies(receiver)] == ["client.updated"]
    assert WebhookMessage.objects.count() == 1  # no message for a type nobody wants


def test_an_endpoint_registered_after_the_event_does_not_get_it(agency, alice, receiver):
    ada = client_services.client_create(agency=agency, created_by=alice, name="Ada")
    activity = Activity.objects.get(event="client.created", object_id=ada.pk)
    Activity.objects.filter(pk=activity.pk).update(
        created_at=timezone.now() - dt.timedelta(minutes=5)
    )
    make_endpoint(agency, alice, receiver.url)
    assert api_webhooks.fan_out(agency_id=agency.pk, activity_id=activity.pk) == 0


def test_the_fan_out_run_twice_makes_one_message_and_one_delivery_per_endpoint(
    agency, alice, receiver
):
    first = make_endpoint(agency, alice, receiver.url)
    second = make_endpoint(agency, alice, receiver.url + "/two")
    ada = client_services.client_create(agency=agency, created_by=alice, name="Ada")
    activity = Activity.objects.get(event="client.created", object_id=ada.pk)
    assert api_webhooks.fan_out(agency_id=agency.pk, activity_id=activity.pk) == 2
    assert api_webhooks.fan_out(agency_id=agency.pk, activity_id=activity.pk) == 0
    message = WebhookMessage.objects.get()
    assert set(message.deliveries.values_list("endpoint_id", flat=True)) == {first.pk, second.pk}
    assert WebhookDelivery.objects.count() == 2


def test_a_message_found_made_by_a_racing_run_is_reused(agency, alice, receiver):
    make_endpoint(agency, alice, receiver.url)
    ada = client_services.client_create(agency=agency, created_by=alice, name="Ada")
    activity = Activity.objects.get(event="client.created", object_id=ada.pk)
    one = api_webhooks.message_for(agency=agency, activity=activity, event_type="client.created")
    two = api_webhooks.message_for(agency=agency, activity=activity, event_type="client.created")
    assert one.pk == two.pk and one.body == two.body


def test_no_job_is_queued_for_an_agency_without_an_active_endpoint(
    agency, alice, receiver, django_capture_on_commit_callbacks, monkeypatch
):
    queued = []
    # Only the webhooks' jobs count here (a new lead also queues its "Reply to" task's job).
    monkeypatch.setattr(
        jobs,
        "enqueue",
        lambda declared, **kwargs: (
            queued.append((declared.name, kwargs))
            if declared.name.startswith("webhooks.")
            else None
        ),
    )
    client_services.client_create(agency=agency, created_by=alice, name="Ada")
    assert queued == []
    endpoint = make_endpoint(agency, alice, receiver.url)
    webhook_services.webhook_update(webhook=endpoint, is_active=False)
    client_services.client_create(agency=agency, created_by=alice, name="Bea")
    assert queued == []
    webhook_services.webhook_update(webhook=endpoint, is_active=True)
    cleo = client_services.client_create(agency=agency, created_by=alice, name="Cleo")
    activity = Activity.objects.get(event="client.created", object_id=cleo.pk)
    assert queued == [("webhooks.fanout", {"agency_id": agency.pk, "activity_id": activity.pk})]
    assert api_jobs.fanout_job.queue == "webhooks"


def test_nothing_of_another_agency_reaches_an_endpoint(
    agency, alice, other_agency, bob, receiver, run_jobs
):
    from tests.webhooks.receiver import receiving

    make_endpoint(agency, alice, receiver.url)
    with receiving("/beta") as beta_receiver:
        make_endpoint(other_agency, bob, beta_receiver.url)
        with run_jobs():
            client_services.client_create(agency=agency, created_by=alice, name="Alpha client")
            client_services.client_create(agency=other_agency, created_by=bob, name="Beta client")
        alpha_bodies = bodies(receiver)
        beta_bodies = bodies(beta_receiver)
    assert [b["data"]["name"] for b in alpha_bodies] == ["Alpha client"]
    assert [b["data"]["name"] for b in beta_bodies] == ["Beta client"]
    assert {b["agency_id"] for b in alpha_bodies} == {agency.pk}
    assert {b["agency_id"] for b in beta_bodies} == {other_agency.pk}
    # Even told of another agency's event, the fan-out reads it with the agency it was given.
    beta_event = Activity.objects.get(event="client.created", agency=other_agency)
    assert api_webhooks.fan_out(agency_id=agency.pk, activity_id=beta_event.pk) == 0
    assert WebhookDelivery.objects.filter(agency=agency).count() == 1
