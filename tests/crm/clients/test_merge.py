"""Merging two clients: everything of the duplicate moves to the survivor, nothing is lost,
and the merge is in the survivor's history."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import models

from accounts.models import Activity
from crm.clients import merge
from crm.clients.merge import client_merge, client_relations
from crm.models import Client, Notification, Payment
from tests.factories import (
    BookingFactory,
    ClientFactory,
    EnquiryFactory,
    EnquiryFormFactory,
    ItineraryFactory,
    PaymentFactory,
    ProposalFactory,
    TaskFactory,
    TravellerFactory,
)

pytestmark = pytest.mark.django_db

# One row pointing at a client, per model with a foreign key to Client. A model added later
# with such a key makes test_every_model_pointing_at_a_client_is_moved fail until it is here.
MAKERS: dict[str, Callable[[Client], Any]] = {
    "crm.Client": lambda c: ClientFactory(agency=c.agency, company_client=c),  # its contacts
    "crm.Itinerary": lambda c: ItineraryFactory(client=c),
    "crm.Proposal": lambda c: ProposalFactory(client=c),
    "crm.Booking": lambda c: BookingFactory(client=c),
    "crm.Enquiry": lambda c: EnquiryFactory(client=c, form=EnquiryFormFactory(agency=c.agency)),
    "crm.Task": lambda c: TaskFactory(client=c),
    "crm.Traveller": lambda c: TravellerFactory(client=c),
}


@pytest.fixture
def pair(agency):
    survivor = ClientFactory(
        agency=agency, name="Ada Lovelace", email="ada@example.com", phone="", tags=["vip"]
    )
    duplicate = ClientFactory(
        agency=agency,
        name="Ada L.",
        email="ADA@example.com",
        phone="+44 7700 900123",
        city="London",
        notes="Prefers trains.",
        tags=["vip", "rail"],
    )
    return survivor, duplicate


def test_every_model_pointing_at_a_client_is_moved(pair):
    survivor, duplicate = pair
    relations = client_relations()
    labels = {relation.model._meta.label for relation in relations}
    assert labels <= set(MAKERS), f"add a maker for {sorted(labels - set(MAKERS))}"
    made = {relation: MAKERS[relation.model._meta.label](duplicate) for relation in relations}

    client_merge(survivor=survivor, duplicate=duplicate)

    for relation, row in made.items():
        row.refresh_from_db()
        assert getattr(row, relation.attname) == survivor.pk, relation
    assert not Client.objects.filter(pk=duplicate.pk).exists()


def test_payments_and_history_follow_and_the_merge_is_in_the_survivors_history(pair, agency, alice):
    survivor, duplicate = pair
    booking = BookingFactory(client=duplicate)
    payment = PaymentFactory(booking=booking)
    before = Activity.objects.filter(client_id=duplicate.pk).count()
    assert before > 0
    notice = Notification.objects.create(
        agency=agency,
        recipient=alice,
        kind=Notification._meta.get_field("kind").choices[0][0],
        object_type="client",
        object_id=duplicate.pk,
        client_id=duplicate.pk,
        text="A note",
        occasion="merge-test",
    )

    result = client_merge(survivor=survivor, duplicate=duplicate)

    assert Payment.objects.get(pk=payment.pk).booking.client_id == survivor.pk
    assert Activity.objects.filter(client_id=duplicate.pk).count() == 0
    history = Activity.objects.filter(client_id=survivor.pk)
    assert history.filter(event="client.merged_away", object_id=duplicate.pk).exists()
    merged = history.get(event="client.merged")
    assert merged.data["merged_id"] == duplicate.pk
    assert merged.data["merged_client"]["phone"] == "+44 7700 900123"
    assert merged.data["moved"] == result.moved
    assert result.moved["bookings"] == 1
    notice.refresh_from_db()
    assert notice.client_id == survivor.pk


def test_the_survivor_keeps_its_fields_and_gains_the_missing_ones(pair):
    survivor, duplicate = pair

    client_merge(survivor=survivor, duplicate=duplicate)

    survivor.refresh_from_db()
    assert (survivor.name, survivor.email) == ("Ada Lovelace", "ada@example.com")
    assert (survivor.phone, survivor.city) == ("+44 7700 900123", "London")
    assert survivor.phone_e164 == "+447700900123"
    assert survivor.tags == ["vip", "rail"]
    assert "merged from Ada L." in survivor.notes
    assert "Prefers trains." in survivor.notes


def test_a_client_is_never_merged_into_itself_or_another_agencys(pair, other_agency):
    survivor, _ = pair
    with pytest.raises(ValidationError):
        client_merge(survivor=survivor, duplicate=survivor)
    theirs = ClientFactory(agency=other_agency)
    with pytest.raises(Client.DoesNotExist):
        client_merge(survivor=survivor, duplicate=theirs)
    assert Client.objects.filter(pk=theirs.pk).exists()


def test_a_relation_unique_per_client_without_explicit_handling_refuses_the_merge(
    pair, monkeypatch
):
    survivor, duplicate = pair
    [first, *rest] = client_relations()
    unique = models.OneToOneField(Client, on_delete=models.CASCADE)
    unique.set_attributes_from_name("client")
    unique.model = first.model
    monkeypatch.setattr(merge, "client_relations", lambda: [unique, *rest])

    with pytest.raises(ImproperlyConfigured, match="EXPLICIT"):
        client_merge(survivor=survivor, duplicate=duplicate)
    assert Client.objects.filter(pk=duplicate.pk).exists()


def test_a_company_and_a_person_are_never_merged(agency):
    company = ClientFactory(agency=agency, kind="company", name="Acme")
    person = ClientFactory(agency=agency, name="Ada")
    with pytest.raises(ValidationError):
        client_merge(survivor=company, duplicate=person)


def test_a_contact_merged_with_its_company_record_is_not_its_own_contact(agency):
    old = ClientFactory(agency=agency, kind="company", name="Acme")
    new = ClientFactory(agency=agency, kind="company", name="Acme Ltd")
    old.company_client = new  # nonsense the merge must not keep (a company in a company)
    old.save()
    contact = ClientFactory(agency=agency, company_client=new)

    client_merge(survivor=old, duplicate=new)

    old.refresh_from_db()
    contact.refresh_from_db()
    assert old.company_client_id is None
    assert contact.company_client_id == old.pk


def test_both_lead_travellers_survive_a_merge_with_one_lead(pair):
    survivor, duplicate = pair
    ours = TravellerFactory(client=survivor, first_name="Ada", is_lead=True)
    theirs = TravellerFactory(client=duplicate, first_name="Ada L.", is_lead=True)

    client_merge(survivor=survivor, duplicate=duplicate)

    ours.refresh_from_db()
    theirs.refresh_from_db()
    assert (ours.client_id, ours.is_lead) == (survivor.pk, True)
    assert (theirs.client_id, theirs.is_lead) == (survivor.pk, False)
