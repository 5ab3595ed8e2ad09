"""The client services' signatures are their contract: named keyword parameters only."""

from __future__ import annotations

import pytest

from crm.clients import services as client_services
from crm.models import Client


def test_client_create_refuses_a_field_it_does_not_name(agency):
    with pytest.raises(TypeError):
        client_services.client_create(agency=agency, name="X", favourite_colour="blue")
    assert not Client.objects.exists()


def test_client_update_changes_only_the_fields_it_is_given(agency, amir):
    client = client_services.client_create(
        agency=agency, name="Ana", email="ana@example.com", phone="123", assigned_to=amir
    )

    client_services.client_update(client=client, city="Porto")
    client.refresh_from_db()

    assert (client.name, client.email, client.phone, client.city) == (
        "Ana",
        "ana@example.com",
        "123",
        "Porto",
    )
    assert client.assigned_to == amir


def test_client_update_with_none_empties_a_text_field_and_unassigns(agency, amir):
    client = client_services.client_create(agency=agency, name="Ana", phone="123", assigned_to=amir)

    client_services.client_update(client=client, phone=None, assigned_to=None)
    client.refresh_from_db()

    assert client.phone == "" and client.assigned_to is None
