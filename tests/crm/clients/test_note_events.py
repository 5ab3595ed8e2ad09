"""A note added to a client is the event ``client.note_added``, not an anonymous update."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from accounts.audit import audit_context
from accounts.models import Activity
from crm.clients.services import client_note_add
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db


def test_adding_a_note_records_client_note_added_with_the_note(agency, amir):
    client = ClientFactory(agency=agency, notes="")
    with audit_context(channel="dashboard", actor=amir):
        client_note_add(client=client, text="  Prefers aisle seats ", author=amir)
    [event] = Activity.objects.for_agency(agency).filter(object_id=client.pk, action="update")
    assert event.event == "client.note_added"
    assert event.data == {"note": "Prefers aisle seats"}
    assert event.actor == amir
    assert "Prefers aisle seats" in event.changes["notes"][1]


def test_an_empty_note_records_nothing(agency):
    client = ClientFactory(agency=agency)
    with pytest.raises(ValidationError):
        client_note_add(client=client, text="   ")
    assert not Activity.objects.filter(event="client.note_added").exists()
