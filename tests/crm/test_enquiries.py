"""crm.enquiries: a website submission becomes a lead, or a note on a client the agency has."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from crm.clients.phones import phone_e164
from crm.enquiries.intake import client_match, enquiry_clean, is_honeypot_filled
from crm.enquiries.services import enquiry_notify, enquiry_submit
from crm.enquiries.website_forms import (
    enquiry_form_create,
    enquiry_form_regenerate_key,
    enquiry_form_update,
    normalise_origin,
    origin_allowed,
)
from crm.models import Client, Enquiry
from tests.factories import ClientFactory, EnquiryFormFactory, UserFactory


@pytest.fixture
def form(agency, amir):
    form = EnquiryFormFactory(agency=agency, name="Contact page")
    form.notify_users.set([amir])
    return form


def submit(form, **data):
    return enquiry_submit(form=form, data=data, visitor="visitor-1")


# Leads and matching ------------------------------------------------------------------------


def test_an_unknown_enquirer_becomes_a_lead_from_the_web_form(form):
    result = submit(form, name="Ravi Patel", email="ravi@example.com", message="Kerala?")

    assert result.created is True
    lead = result.enquiry.client
    assert (lead.name, lead.email, lead.status, lead.source) == (
        "Ravi Patel",
        "ravi@example.com",
        "lead",
        "web_form",
    )
    assert lead.agency == form.agency
    assert "Kerala?" in lead.notes
    assert result.enquiry.matched_existing is False


def test_a_lead_without_a_name_is_named_after_its_email_or_phone(form):
    by_email = submit(form, email="noname@example.com").enquiry.client
    by_phone = submit(form, phone="+33 6 12 34 56 78").enquiry.client

    assert by_email.name == "noname@example.com"
    assert by_phone.name == "+33 6 12 34 56 78"


def test_a_phone_is_stored_exactly_as_given(form):
    lead = submit(form, phone="  +44 (0)20 7946-0000 ext. 12 ").enquiry.client

    assert lead.phone == "+44 (0)20 7946-0000 ext. 12"


def test_an_email_match_ignores_case(form, agency):
    known = ClientFactory(agency=agency, email="Maria.Lopez@Example.com", phone="")

    result = submit(form, email="maria.lopez@EXAMPLE.COM", message="Back again")

    assert result.enquiry.client == known
    assert result.enquiry.matched_existing is True
    assert Client.objects.count() == 1


def test_a_phone_match_compares_digits_only(form, agency):
    known = ClientFactory(agency=agency, email="", phone="+44 20 7946 0958")

    result = submit(form, phone="+44-20-7946-0958")

    assert result.enquiry.client == known


def test_a_national_number_matches_its_international_form(form, agency):
    agency.timezone = "Europe/London"  # national numbers are read in the agency's country
    agency.save()
    known = ClientFactory(agency=agency, email="", phone="+44 7700 900461")

    assert submit(form, phone="07700 900461").enquiry.client == known


def test_an_email_match_wins_over_a_phone_match(form, agency):
    by_phone = ClientFactory(agency=agency, email="a@example.com", phone="+1 415 555 0100")
    by_email = ClientFactory(agency=agency, email="b@example.com", phone="")

    result = submit(form, email="b@example.com", phone="+1 415 555 0100")

    assert result.enquiry.client == by_email != by_phone


def test_several_matches_pick_the_oldest_client(form, agency):
    oldest = ClientFactory(agency=agency, email="twin@example.com")
    ClientFactory(agency=agency, email="TWIN@example.com")

    assert submit(form, email="twin@example.com").enquiry.client == oldest


def test_short_or_different_numbers_never_match(agency):
    ClientFactory(agency=agency, email="", phone="+44 7700 900461")
    ClientFactory(agency=agency, email="", phone="12345")

    assert client_match(agency=agency, phone="12345") is None
    assert client_match(agency=agency, phone="+1 7700 900461") is None
    assert client_match(agency=agency, phone="900461") is None


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("+44 20 7946 0958", "0044 20 7946 0958", True),
        ("(020) 7946 0958", "+44 20 7946 0958", True),
        ("+1 415 555 0100", "+44 415 555 0100", False),
        ("555 0100", "+1 415 555 0100", False),
        ("", "", False),
    ],
)
def test_phones_compare_on_their_e164_form_read_in_the_agencys_country(a, b, same):
    assert (phone_e164(a, "GB") == phone_e164(b, "GB") != "") is same


def test_another_agencys_client_is_never_matched(form, other_agency):
    theirs = ClientFactory(agency=other_agency, email="shared@example.com")

    result = submit(form, email="shared@example.com")

    assert result.enquiry.client != theirs
    assert result.enquiry.client.agency == form.agency


def test_a_matched_client_gains_a_note_and_keeps_its_fields(form, agency):
    known = ClientFactory(
        agency=agency, name="Maria Lopez", email="maria@example.com", phone="+34 600 000 000"
    )
    known.notes = "Prefers boutique hotels."
    known.save()

    submit(
        form,
        name="Someone Else",
        email="maria@example.com",
        phone="+34 999 999 999",
        destination="Peru",
        start_date="2027-05-01",
        end_date="2027-05-15",
        travellers=2,
        message="Machu Picchu?",
    )

    known.refresh_from_db()
    assert (known.name, known.phone, known.status) == ("Maria Lopez", "+34 600 000 000", "active")
    assert known.notes.startswith("Prefers boutique hotels.\n\n")
    note = known.notes.split("\n\n", 1)[1]
    # One line pointing at the enquiry (which keeps everything), never the whole submission.
    assert "\n" not in note
    assert "Website enquiry via “Contact page”" in note
    assert "Machu Picchu?" in note
    assert "Destination: Peru" not in note


def test_the_enquiry_keeps_the_raw_submission_and_extra_fields(form):
    data = {
        "email": "raw@example.com",
        "travellers": "3",
        "budget": 4500,
        "heard_from": "a friend",
        "page_url": "https://agency.example/contact",
    }

    enquiry = enquiry_submit(form=form, data=data).enquiry

    assert enquiry.raw == data
    assert enquiry.extra == {"heard_from": "a friend"}
    assert enquiry.travellers == 3
    assert enquiry.budget == "4500"
    assert enquiry.client.source_details["raw"] == data
    assert enquiry.client.source_details["page_url"] == "https://agency.example/contact"


def test_the_honeypot_field_is_not_kept_in_the_raw_submission(form):
    enquiry = enquiry_submit(form=form, data={"email": "h@example.com", "website": ""}).enquiry

    assert "website" not in enquiry.raw
    assert enquiry.extra == {}


@pytest.mark.parametrize(
    ("data", "filled"),
    [
        ({"website": "http://spam"}, True),
        ({"website": ["", "x"]}, True),
        ({"website": ""}, False),
        ({"website": "  "}, False),
        ({}, False),
    ],
)
def test_is_honeypot_filled(data, filled):
    assert is_honeypot_filled(data) is filled


# Duplicates --------------------------------------------------------------------------------


def test_the_same_submission_from_the_same_visitor_is_stored_once(form):
    first = submit(form, email="dup@example.com", message="Hello")
    again = submit(form, email="DUP@example.com ", message="Hello ")

    assert again.created is False
    assert again.enquiry == first.enquiry
    assert Enquiry.objects.count() == 1


def test_the_duplicate_window_is_per_form(form, agency):
    other_form = EnquiryFormFactory(agency=agency)

    submit(form, email="dup@example.com")
    submit(other_form, email="dup@example.com")

    assert Enquiry.objects.count() == 2


def test_a_submission_after_the_window_is_stored_again(form, settings):
    submit(form, email="dup@example.com")
    Enquiry.objects.update(
        created_at=Enquiry.objects.get().created_at
        - dt.timedelta(seconds=settings.ENQUIRY_DUPLICATE_WINDOW + 1)
    )

    assert submit(form, email="dup@example.com").created is True


# Validation --------------------------------------------------------------------------------


def assert_invalid(data, *fields):
    with pytest.raises(ValidationError) as refused:
        enquiry_clean(data)
    for field in fields:
        assert field in refused.value.message_dict, refused.value.message_dict
    return refused.value.message_dict


def test_an_email_or_a_phone_is_required():
    errors = assert_invalid({"name": "Nobody", "message": "Hi"}, "email", "phone")

    assert errors["email"] == ["Give an email address or a phone number so the agency can reply."]


def test_bad_input_stores_nothing(form):
    with pytest.raises(ValidationError):
        enquiry_submit(form=form, data={"name": "No contact"})

    assert Enquiry.objects.count() == 0
    assert Client.objects.count() == 0


def test_over_long_values_are_refused_not_truncated(settings):
    settings.ENQUIRY_MAX_MESSAGE_LENGTH = 10

    assert_invalid({"email": "a@example.com", "message": "x" * 11}, "message")
    assert_invalid({"email": "a@example.com", "phone": "1" * 101}, "phone")
    assert_invalid({"email": "a@example.com", "destination": "x" * 201}, "destination")


def test_at_the_limits_values_are_accepted(settings):
    settings.ENQUIRY_MAX_MESSAGE_LENGTH = 10

    cleaned = enquiry_clean({"email": "a@example.com", "message": "x" * 10, "name": "n" * 200})

    assert len(cleaned.message) == 10


def test_html_form_strings_are_accepted_for_numbers_and_dates():
    cleaned = enquiry_clean(
        {"email": "a@example.com", "travellers": " 4 ", "start_date": "2027-01-02"}
    )

    assert (cleaned.travellers, cleaned.start_date) == (4, dt.date(2027, 1, 2))


def test_single_line_fields_have_their_whitespace_collapsed():
    cleaned = enquiry_clean({"email": "a@example.com", "name": " Ann\n  Lee\r\n"})

    assert cleaned.name == "Ann Lee"


# Notification ------------------------------------------------------------------------------


def test_the_chosen_agents_get_an_email_after_commit(
    form, alice, amir, django_capture_on_commit_callbacks
):
    form.notify_users.set([alice, amir])

    with django_capture_on_commit_callbacks(execute=True):
        enquiry_submit(
            form=form,
            data={"name": "Jo", "email": "jo@example.com", "heard_from": "radio"},
        )

    assert sorted(message.to[0] for message in mail.outbox) == [
        "alice@alpha.example",
        "amir@alpha.example",
    ]
    assert all(len(message.to) == 1 for message in mail.outbox)
    body = mail.outbox[0].body
    assert "heard_from: radio" in body
    client_id = Enquiry.objects.get().client_id
    assert f"https://crm.itinera.test/clients/{client_id}/" in body  # on SITE_URL


def test_a_form_nobody_watches_sends_no_email(agency, django_capture_on_commit_callbacks):
    form = EnquiryFormFactory(agency=agency)

    with django_capture_on_commit_callbacks(execute=True):
        submit(form, email="quiet@example.com")

    assert mail.outbox == []


def test_a_duplicate_sends_no_second_email(form, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit(form, email="dup@example.com")
        submit(form, email="dup@example.com")

    assert len(mail.outbox) == 1


def test_agents_who_left_the_agency_are_not_emailed(form, amir, other_agency):
    amir.agency = other_agency
    amir.save()
    enquiry = submit(form, email="x@example.com").enquiry

    assert enquiry_notify(enquiry=enquiry) == 0
    assert mail.outbox == []


def test_a_subject_cannot_carry_a_header_injection(form, django_capture_on_commit_callbacks):
    enquiry = submit(form, name="Eve\r\nBcc: victim@example.com", email="eve@example.com").enquiry

    with django_capture_on_commit_callbacks(execute=True):
        enquiry_notify(enquiry=enquiry)

    message = mail.outbox[0]
    assert "\n" not in message.subject
    assert message.bcc == []


# Managing forms ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "origin"),
    [
        ("https://Www.Example.com", "https://www.example.com"),
        ("https://www.example.com/", "https://www.example.com"),
        ("https://www.example.com:443", "https://www.example.com"),
        ("http://localhost:8080", "http://localhost:8080"),
        ("https://bücher.example", "https://xn--bcher-kva.example"),
    ],
)
def test_origins_are_normalised_to_what_browsers_send(given, origin):
    assert normalise_origin(given) == origin


@pytest.mark.parametrize(
    "given",
    ["www.example.com", "ftp://example.com", "https://example.com/contact", "null", "*"],
)
def test_anything_but_a_bare_origin_is_refused(given):
    with pytest.raises(ValueError):
        normalise_origin(given)


def test_origin_allowed_is_an_exact_match(agency):
    form = EnquiryFormFactory(agency=agency, allowed_origins=["https://www.example.com"])

    assert origin_allowed(form, "https://www.example.com")
    assert not origin_allowed(form, "https://example.com")
    assert not origin_allowed(form, "https://www.example.com.evil.example")
    assert not origin_allowed(form, None)


def test_a_form_is_created_with_clean_origins_and_members_to_notify(agency, alice, amir):
    form = enquiry_form_create(
        agency=agency,
        name="Homepage",
        allowed_origins=["https://WWW.alpha.example/", "https://www.alpha.example", " "],
        redirect_url="https://www.alpha.example/thanks",
        notify_users=[amir.pk],
        is_active=True,
    )

    assert form.allowed_origins == ["https://www.alpha.example"]
    assert list(form.notify_users.all()) == [amir]
    assert form.public_key.startswith("frm_")


def test_only_members_of_the_agency_can_be_notified(agency, bob):
    with pytest.raises(ValidationError) as refused:
        enquiry_form_create(agency=agency, name="Homepage", notify_users=[bob.pk])

    assert "notify_users" in refused.value.message_dict


def test_bad_origins_are_refused_with_the_offending_value(agency):
    with pytest.raises(ValidationError) as refused:
        enquiry_form_create(agency=agency, name="Homepage", allowed_origins=["example.com"])

    assert "example.com" in refused.value.message_dict["allowed_origins"][0]


def test_a_form_can_be_switched_off_and_renamed(form):
    enquiry_form_update(form=form, name="Old page", is_active=False)

    form.refresh_from_db()
    assert (form.name, form.is_active) == ("Old page", False)


def test_regenerating_the_key_changes_it(form):
    old = form.public_key

    enquiry_form_regenerate_key(form=form)

    form.refresh_from_db()
    assert form.public_key != old
    assert form.public_key.startswith("frm_")


def test_the_members_to_notify_can_be_changed(form, agency):
    newcomer = UserFactory(agency=agency)

    enquiry_form_update(form=form, notify_users=[newcomer])

    assert list(form.notify_users.all()) == [newcomer]
