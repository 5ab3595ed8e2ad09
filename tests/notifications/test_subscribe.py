"""accounts.events.subscribe: the one hook from the event log to the work an event causes."""

from __future__ import annotations

import pytest

from accounts.events import _subscribers, record_event, subscribe

pytestmark = pytest.mark.django_db


def test_an_unknown_event_cannot_be_subscribed_to():
    with pytest.raises(ValueError, match="Unknown events"):
        subscribe("proposal.acepted")


def test_a_subscriber_is_given_each_new_row_of_its_events_only(agency, monkeypatch):
    seen = []
    monkeypatch.setattr(
        "accounts.events._subscribers", {k: list(v) for k, v in _subscribers.items()}
    )
    subscribe("client.note_added")(seen.append)
    noted = record_event("client.note_added", agency_id=agency.pk, object_type="client")
    record_event("client.archived", agency_id=agency.pk, object_type="client")
    assert seen == [noted]


def test_the_notifications_subscribe_to_the_events_they_tell():
    names = {name for name, subscribers in _subscribers.items() if subscribers}
    assert {"proposal.viewed", "proposal.accepted", "proposal.declined"} <= names
    assert "enquiry.received" in names
