"""Website forms speak in events: an enquiry is received, a form is created or changed (its
public key never in the log), each in the change's own transaction."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from accounts.audit import audit_context
from accounts.models import Activity
from crm.enquiries.services import enquiry_submit
from crm.enquiries.website_forms import (
    enquiry_form_create,
    enquiry_form_regenerate_key,
    enquiry_form_update,
)
from tests.factories import ClientFactory, EnquiryFormFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def form(agency):
    return EnquiryFormFactory(agency=agency, name="Contact page")


def _events(agency, name):
    return list(Activity.objects.for_agency(agency).filter(event=name).order_by("id"))


def test_a_new_lead_is_received_through_the_website_form(form, agency):
    result = enquiry_submit(form=form, data={"name": "Noor", "email": "noor@example.com"})
    [event] = _events(agency, "enquiry.received")
    client = result.enquiry.client
    assert event.channel == "web_form"
    assert event.actor is None
    assert (event.object_type, event.object_id) == ("enquiry", result.enquiry.pk)
    assert event.client_id == client.pk
    assert event.data == {
        "form_id": form.pk,
        "form_name": "Contact page",
        "client_id": client.pk,
        "matched": False,
        "client_created": True,
        "assigned_to_id": None,
    }
    assert _events(agency, "client.created")[0].object_id == client.pk


def test_an_enquiry_from_a_known_client_is_received_and_adds_a_note(form, agency):
    known = ClientFactory(agency=agency, email="ada@example.com")
    enquiry_submit(form=form, data={"email": "ADA@example.com", "message": "Azores in May?"})
    [event] = _events(agency, "enquiry.received")
    assert (event.data["matched"], event.data["client_created"]) == (True, False)
    assert event.client_id == known.pk
    [note] = _events(agency, "client.note_added")
    assert note.object_id == known.pk
    assert "Azores in May?" in note.data["note"]
    assert note.data["form"] == "Contact page"
    assert not _events(agency, "client.updated")


def test_a_repeated_submission_is_received_once(form, agency):
    for _ in range(2):
        enquiry_submit(form=form, data={"email": "noor@example.com"}, visitor="v")
    assert len(_events(agency, "enquiry.received")) == 1


def test_a_refused_submission_records_nothing(form, agency):
    with pytest.raises(ValidationError):
        enquiry_submit(form=form, data={"name": "No way to reach me"})
    assert not Activity.objects.for_agency(agency).exists()


def test_a_posted_form_records_the_enquiry_once_through_the_public_page(client, form, agency):
    form.allowed_origins = ["https://www.alpha.example"]
    form.save()
    response = client.post(
        f"/forms/{form.public_key}",
        {"name": "Noor", "email": "noor@example.com"},
        HTTP_ORIGIN="https://www.alpha.example",
    )
    assert response.status_code in (200, 201, 303)
    [event] = _events(agency, "enquiry.received")
    assert event.channel == "web_form"


def test_creating_a_form_records_it_without_its_key(agency, alice, amir):
    with audit_context(channel="dashboard", actor=alice):
        form = enquiry_form_create(
            agency=agency,
            name="Homepage",
            allowed_origins=["https://www.alpha.example"],
            notify_users=[amir.pk],
        )
    [event] = _events(agency, "enquiry_form.created")
    assert event.actor == alice
    assert (event.object_type, event.object_id, event.object_repr) == (
        "enquiry_form",
        form.pk,
        "Homepage",
    )
    assert event.changes["name"] == [None, "Homepage"]
    assert event.changes["notify_users"] == [None, ["Amir Agent"]]
    assert form.public_key not in str(event.changes) + str(event.data)


def test_changing_a_form_records_what_changed(form, agency, amir):
    enquiry_form_update(form=form, name="Old page", is_active=False, notify_users=[amir])
    [event] = _events(agency, "enquiry_form.updated")
    assert event.changes == {
        "name": ["Contact page", "Old page"],
        "notify_users": [[], ["Amir Agent"]],
    }
    [switched] = _events(agency, "enquiry_form.switched_off")  # said in words of its own
    assert switched.changes == {"is_active": [True, False]}


def test_a_change_that_changes_nothing_records_nothing(form, agency):
    enquiry_form_update(form=form, name="Contact page")
    assert not _events(agency, "enquiry_form.updated")


def test_a_refused_change_records_nothing(form, agency):
    with pytest.raises(ValidationError):
        enquiry_form_update(form=form, allowed_origins=["not an origin"])
    assert not _events(agency, "enquiry_form.updated")


def test_a_regenerated_key_is_recorded_without_the_old_or_the_new_key(form, agency):
    old = form.public_key
    enquiry_form_regenerate_key(form=form)
    [event] = _events(agency, "enquiry_form.updated")
    assert event.data == {"form_id": form.pk, "key_regenerated": True}
    dump = str(event.changes) + str(event.data) + event.object_repr
    assert old not in dump
    assert form.public_key not in dump
