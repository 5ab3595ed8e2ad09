"""GDPR in the API: /clients/{id}/gdpr-export and /clients/{id}/erase."""

from __future__ import annotations

import pytest

from crm.models import Client
from tests.api.conftest import Api
from tests.factories import BookingFactory, ClientFactory

pytestmark = pytest.mark.django_db


def test_the_export_answers_everything_in_the_envelope(api: Api, agency):
    client = ClientFactory(agency=agency, email="noor@example.com")
    BookingFactory(client=client)

    data = api.get(f"/clients/{client.pk}/gdpr-export").json()["data"]

    assert data["client"]["email"] == "noor@example.com"
    assert len(data["bookings"]) == 1


def test_erase_by_an_owner_and_refused_to_an_agent(api: Api, agent_api: Api, agency):
    client = ClientFactory(agency=agency, email="noor@example.com")

    assert agent_api.post(f"/clients/{client.pk}/erase").status_code == 403
    assert Client.objects.get(pk=client.pk).email == "noor@example.com"
    response = api.post(f"/clients/{client.pk}/erase")
    assert response.status_code == 200
    assert response.json()["data"]["name"] == f"Erased client #{client.pk}"


def test_another_agencys_client_is_a_404(api: Api, other_agency):
    theirs = ClientFactory(agency=other_agency)
    assert api.get(f"/clients/{theirs.pk}/gdpr-export").status_code == 404
    assert api.post(f"/clients/{theirs.pk}/erase").status_code == 404
