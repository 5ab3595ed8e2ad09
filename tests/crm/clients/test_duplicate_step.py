"""The dashboard's "possible duplicate" step on New client."""

from __future__ import annotations

import pytest

from crm.models import Client
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db

NEW = {"name": "Ada L.", "email": "ADA@example.com", "status": "lead"}


def test_a_matching_email_shows_the_match_and_creates_nothing(as_alice, agency):
    known = ClientFactory(agency=agency, name="Ada Lovelace", email="ada@example.com")

    response = as_alice.post("/clients/new/", NEW)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Possible duplicate" in page
    assert f'href="/clients/{known.pk}/"' in page
    assert 'name="create_anyway"' in page
    assert Client.objects.count() == 1


def test_create_anyway_adds_the_client(as_alice, agency):
    ClientFactory(agency=agency, email="ada@example.com")

    response = as_alice.post("/clients/new/", {**NEW, "create_anyway": "1"})

    assert response.status_code == 302
    assert Client.objects.filter(email__iexact="ada@example.com").count() == 2


def test_a_client_without_a_match_is_added_at_once(as_alice, agency):
    ClientFactory(agency=agency, email="someone@example.com")

    assert as_alice.post("/clients/new/", NEW).status_code == 302
