"""A website enquiry, for a new lead or a client the agency already has, reaches the bell of
the form's chosen recipients and Home's "New enquiries"."""

from __future__ import annotations

import pytest
from django.db import transaction

from crm.enquiries.services import enquiry_submit
from crm.models import Notification
from tests.factories import ClientFactory, EnquiryFormFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def form(agency, alice, amir):
    form = EnquiryFormFactory(agency=agency, name="Contact page")
    form.notify_users.set([alice, amir])
    return form


def test_a_new_enquiry_notifies_each_of_the_forms_recipients(form, alice, amir, run_jobs):
    with run_jobs():
        result = enquiry_submit(form=form, data={"name": "Noor", "email": "noor@example.com"})
    told = Notification.objects.order_by("recipient__username")
    assert [n.recipient for n in told] == [alice, amir]
    for n in told:
        assert n.kind == "enquiry.received"
        assert n.text == "New enquiry from Noor through the website form “Contact page”."
        assert n.link == f"/clients/{result.enquiry.client_id}/"


def test_an_enquiry_from_an_existing_client_is_notified_too(form, agency, amir, run_jobs):
    ada = ClientFactory(agency=agency, name="Ada Lovelace", email="ada@example.com")
    with run_jobs():
        enquiry_submit(form=form, data={"email": "ADA@example.com", "message": "Azores?"})
    told = Notification.objects.get(recipient=amir)
    assert told.text == (
        "New enquiry from ADA@example.com through the website form “Contact page”: "
        "an existing client, Ada Lovelace."
    )
    assert told.link == f"/clients/{ada.pk}/" and told.client_id == ada.pk


def test_a_form_that_names_nobody_tells_the_owner(agency, alice, run_jobs):
    form = EnquiryFormFactory(agency=agency, name="Old page")
    with run_jobs():
        enquiry_submit(form=form, data={"email": "noor@example.com"})
    assert [n.recipient for n in Notification.objects.all()] == [alice]


def test_a_recipient_who_left_is_not_told(form, alice, amir, run_jobs):
    amir.is_active = False
    amir.save()
    with run_jobs():
        enquiry_submit(form=form, data={"email": "noor@example.com"})
    assert [n.recipient for n in Notification.objects.all()] == [alice]


def test_a_rolled_back_enquiry_notifies_nobody(form, run_jobs):
    with run_jobs(), pytest.raises(RuntimeError), transaction.atomic():
        enquiry_submit(form=form, data={"email": "noor@example.com"})
        raise RuntimeError("failed after the enquiry")
    assert Notification.objects.count() == 0


def test_home_shows_new_enquiries_including_a_returning_clients(form, agency, as_amir):
    ClientFactory(agency=agency, name="Ada Lovelace", email="ada@example.com")
    enquiry_submit(form=form, data={"email": "ada@example.com", "destination": "Azores"})
    enquiry_submit(form=form, data={"name": "Noor Haddad", "email": "noor@example.com"})
    body = as_amir.get("/").content.decode()
    panel = body.split('id="enquiries-h"')[1].split("</section>")[0]
    assert "Noor Haddad" in panel and "New lead" in panel
    assert "ada@example.com" in panel and "Existing client" in panel and "Azores" in panel
    assert panel.index("Noor Haddad") < panel.index("ada@example.com")  # newest first


def test_home_shows_no_other_agencys_enquiries(form, other_agency, client, bob):
    enquiry_submit(form=form, data={"name": "Noor Haddad", "email": "noor@example.com"})
    client.force_login(bob)
    body = client.get("/").content.decode()
    assert "Noor Haddad" not in body and "No new website enquiries" in body
