from decimal import Decimal

import pytest

from accounts.audit import audit_context
from accounts.models import Activity
from accounts.services import api_token_create, api_token_revoke
from crm.bookings import services as booking_services
from crm.clients import archive as client_archive
from crm.clients import services as client_services
from crm.proposals import services as proposal_services
from crm.trips import services as trip_services
from tests.factories import PASSWORD, ClientFactory

pytestmark = pytest.mark.django_db


def test_creating_a_client_records_who_through_which_channel_and_what(agency, alice):
    with audit_context(channel="dashboard", actor=alice):
        client = client_services.client_create(
            agency=agency, name="Aisha Khan", email="a@example.com"
        )
    entry = Activity.objects.for_agency(agency).get(object_type="client", action="create")
    assert entry.actor == alice
    assert entry.actor_name == alice.display_name
    assert entry.channel == "dashboard"
    assert entry.object_id == client.pk
    assert entry.client_id == client.pk
    assert entry.changes["name"] == [None, "Aisha Khan"]
    assert entry.changes["status"] == [None, "lead"]


def test_an_update_records_only_what_changed(agency, alice):
    client = client_services.client_create(agency=agency, name="Before", email="b@example.com")
    with audit_context(channel="api", actor=alice):
        client_services.client_update(client=client, name="After", email="b@example.com")
    entry = Activity.objects.for_agency(agency).get(action="update")
    assert entry.changes == {"name": ["Before", "After"]}
    assert entry.channel == "api"


def test_a_save_that_changes_nothing_records_nothing(agency):
    client = client_services.client_create(agency=agency, name="Same")
    client_services.client_update(client=client, name="Same")
    assert not Activity.objects.filter(action="update").exists()


def test_deleting_records_the_deletion_and_keeps_the_history(agency, alice):
    client = client_services.client_create(agency=agency, name="Gone Soon")
    client_id = client.pk
    client_archive.client_delete(client=client, actor=alice)
    actions = list(
        Activity.objects.for_agency(agency)
        .filter(client_id=client_id)
        .values_list("action", flat=True)
    )
    assert actions == ["delete", "create"]


def test_related_records_land_in_the_clients_history(agency, alice):
    client = ClientFactory(agency=agency)
    itinerary = trip_services.itinerary_create(agency=agency, client=client, title="Japan")
    proposal = proposal_services.proposal_create(
        agency=agency,
        client=client,
        itinerary=itinerary,
        title="Japan offer",
        total_price=Decimal("4000.00"),
    )
    booking = booking_services.booking_create(
        agency=agency, client=client, proposal=proposal, total_price=Decimal("4000.00")
    )
    booking_services.payment_record(booking=booking, amount=Decimal("100.00"))
    types = set(
        Activity.objects.for_agency(agency)
        .filter(client_id=client.pk)
        .values_list("object_type", flat=True)
    )
    assert types == {"client", "itinerary", "proposal", "booking", "payment"}


def test_outside_a_request_the_channel_is_system(agency):
    client_services.client_create(agency=agency, name="From a script")
    entry = Activity.objects.get(object_type="client")
    assert entry.channel == "system"
    assert entry.actor is None


def test_token_creation_and_revocation_are_recorded_without_the_secret(alice):
    issued = api_token_create(user=alice, name="Website")
    api_token_revoke(token=issued.token)
    entries = Activity.objects.filter(object_type="api_token").order_by("id")
    assert [e.action for e in entries] == ["token_create", "token_revoke"]
    secret = issued.plaintext.split(".", 1)[1]
    for entry in entries:
        assert entry.agency_id == alice.agency_id
        assert secret not in str(entry.changes)
        assert issued.token.digest not in str(entry.changes)
        assert entry.changes["prefix"] == issued.token.prefix


def test_a_share_link_token_is_never_recorded(agency):
    proposal = proposal_services.proposal_create(
        agency=agency, client=ClientFactory(agency=agency), title="P"
    )
    proposal_services.proposal_send(proposal=proposal)
    assert proposal.share_token
    dump = " ".join(str(c) for c in Activity.objects.values_list("changes", flat=True))
    assert proposal.share_token not in dump


def test_sign_ins_and_failed_sign_ins_are_recorded(client, alice):
    assert client.login(username="alice", password="wrong") is False
    assert client.login(username="alice", password=PASSWORD)
    actions = list(
        Activity.objects.filter(object_type="user")
        .order_by("id")
        .values_list("action", "object_id")
    )
    assert actions == [("sign_in_failed", alice.pk), ("sign_in", alice.pk)]
    failed = Activity.objects.get(action="sign_in_failed")
    assert "wrong" not in str(failed.changes) + failed.object_repr


def test_the_request_user_is_the_actor_on_a_dashboard_request(client, alice, agency):
    """The middleware binds the request; the user is read when the change is recorded."""
    from django.test import RequestFactory

    from accounts.middleware import AuditContextMiddleware

    def view(request):
        client_services.client_create(agency=agency, name="Via view")
        from django.http import HttpResponse

        return HttpResponse("ok")

    request = RequestFactory().post("/clients/new/")
    request.user = alice
    AuditContextMiddleware(view)(request)
    entry = Activity.objects.get(object_type="client")
    assert entry.actor == alice
    assert entry.channel == "dashboard"
