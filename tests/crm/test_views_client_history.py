"""A client's page shows its history: who changed what, when and through which channel."""

import pytest

from accounts.audit import audit_context
from crm.clients import services as client_services
from tests.factories import PASSWORD, ClientFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_alice(client, alice):
    client.login(username="alice", password=PASSWORD)
    return client


def test_the_client_page_shows_changes_made_in_the_dashboard_and_the_api(as_alice, agency, amir):
    response = as_alice.post(
        "/clients/new/", {"name": "Noor Haddad", "email": "noor@example.com", "status": "lead"}
    )
    assert response.status_code == 302
    client = agency_client(agency, "Noor Haddad")
    with audit_context(channel="api", actor=amir):
        client_services.client_update(client=client, status="active")

    page = as_alice.get(f"/clients/{client.pk}/").content.decode()
    history = page[page.index('id="history"') :]
    assert "Amir Agent updated the client Noor Haddad" in history
    assert "Status: Lead → Active" in history
    assert "via API" in history
    assert "Alice Owner added the client Noor Haddad" in history
    assert "via Dashboard" in history
    assert "status:" not in history


def test_the_history_names_the_assigned_agent_and_the_client_on_their_link(as_alice, agency, amir):
    from accounts.events import named_event
    from tests.factories import ProposalFactory

    client = ClientFactory(agency=agency, name="Eleanor Vance")
    client_services.client_update(client=client, assigned_to=amir.pk)
    proposal = ProposalFactory(agency=agency, client=client, title="Amalfi Coast", status="sent")
    with audit_context(channel="client_link"), named_event("proposal.accepted", subject=proposal):
        proposal.status = "accepted"
        proposal.save()

    page = as_alice.get(f"/clients/{client.pk}/").content.decode()
    history = page[page.index('id="history"') :]
    assert "Eleanor Vance accepted the proposal Amalfi Coast on their link" in history
    assert "Assigned to: — → Amir Agent" in history
    assert "assigned_to_id" not in history


def test_another_agencys_history_never_shows(as_alice, agency, other_agency):
    theirs = ClientFactory(agency=other_agency, name="Secret Person")
    client_services.client_update(client=theirs, notes="Their private note")
    mine = ClientFactory(agency=agency)
    page = as_alice.get(f"/clients/{mine.pk}/").content.decode()
    assert "Secret Person" not in page
    assert "Their private note" not in page
    assert as_alice.get(f"/clients/{theirs.pk}/").status_code == 404


def agency_client(agency, name):
    from crm.models import Client

    return Client.objects.for_agency(agency).get(name=name)
