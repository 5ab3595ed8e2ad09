"""#13: the enquiry notification is queued by a job through core.mail: the form's recipients,
absolute links on SITE_URL, empty fields left out (never "?"), an escaped HTML part, nothing on
rollback, once per enquiry and member however often the job runs, and a busy form's leads are
never dropped by the per-recipient limit."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import transaction
from django.test import override_settings

from core.models import OutboundEmail
from crm.enquiries.services import enquiry_notify_job, enquiry_submit
from crm.models import Enquiry
from tests.factories import ClientFactory, EnquiryFormFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def form(agency, alice, amir):
    form = EnquiryFormFactory(agency=agency, name="Contact page")
    form.notify_users.set([alice, amir])
    return form


def submit(form, **data):
    return enquiry_submit(form=form, data={"email": "jo@example.com", **data}, visitor="v")


def test_each_recipient_gets_one_email_with_an_absolute_link_to_the_client(form, delivered):
    with delivered():
        submit(form, name="Jo", start_date="2027-05-01", end_date="2027-05-09")

    enquiry = Enquiry.objects.get()
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@alpha.example", "amir@alpha.example"]
    message = mail.outbox[0]
    link = f"https://crm.itinera.test/clients/{enquiry.client_id}/"
    assert f"Open the client: {link}" in message.body
    assert "Dates: 2027-05-01 to 2027-05-09" in message.body
    assert message.reply_to == ["jo@example.com"]
    assert "Alpha Tours" in message.body  # the agency in the signature
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and f'href="{link}"' in html
    assert OutboundEmail.objects.filter(kind="enquiry_notification", status="sent").count() == 2


def test_empty_fields_are_left_out_never_printed_as_placeholders(form, delivered):
    with delivered():
        submit(form, name="Jo")

    body = mail.outbox[0].body
    assert "Name: Jo" in body and "Email: jo@example.com" in body
    for absent in ("Dates", "Phone", "Destination", "Travellers", "Budget", "Page", "Message"):
        assert f"{absent}:" not in body
    assert "?" not in body and ": -" not in body and "(none)" not in body


def test_a_returning_clients_enquiry_notifies_too(form, agency, delivered):
    client = ClientFactory(agency=agency, email="jo@example.com")

    with delivered():
        submit(form, message="Back again")

    assert Enquiry.objects.get().client_id == client.pk
    assert len(mail.outbox) == 2
    assert "It matched an existing client" in mail.outbox[0].body
    assert f"https://crm.itinera.test/clients/{client.pk}/" in mail.outbox[0].body


def test_what_the_visitor_typed_is_escaped_in_the_html_part(form, delivered):
    with delivered():
        submit(form, name="<script>x</script>", message='<a href="https://evil.example">win</a>')

    html = mail.outbox[0].alternatives[0][0]
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert '<a href="https://evil.example">' not in html


def test_a_rolled_back_submission_emails_nobody(form, delivered):
    with delivered(), pytest.raises(RuntimeError), transaction.atomic():
        submit(form, name="Jo")
        raise RuntimeError("lost")

    assert mail.outbox == [] and not OutboundEmail.objects.exists()


def test_the_notification_job_run_twice_emails_each_member_once(form, agency, delivered):
    with delivered():
        submit(form, name="Jo")
        enquiry_notify_job(agency_id=agency.pk, enquiry_id=Enquiry.objects.get().pk)

    assert len(mail.outbox) == 2
    assert OutboundEmail.objects.count() == 2


@override_settings(MAIL_LIMIT_PER_RECIPIENT=2)
def test_a_busy_form_still_tells_its_agents_about_every_lead(form, delivered):
    with delivered():
        for n in range(4):
            submit(form, email=f"lead{n}@example.com")

    to_alice = [m for m in mail.outbox if m.to == ["alice@alpha.example"]]
    assert len(to_alice) == 4
