"""The Enquiries page and an enquiry's page: fields as fields, status, "Assign to me",
converting into an itinerary; Home's new ones; "Assign to me" on a lead."""

from __future__ import annotations

import datetime as dt

import pytest

from accounts.models import Activity
from crm.models import Client, Enquiry, Itinerary
from tests.factories import ClientFactory, EnquiryFactory, EnquiryFormFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def form(agency):
    return EnquiryFormFactory(agency=agency, name="Contact page")


@pytest.fixture
def enquiry(agency, form):
    return EnquiryFactory(
        form=form,
        client=ClientFactory(agency=agency, name="Maya Lind"),
        name="Maya Lind",
        destination="Lisbon",
        travel_start=dt.date(2027, 5, 1),
        travel_end=dt.date(2027, 5, 8),
        travellers=3,
        budget="4000 EUR",
        message="Something with tiles.",
        extra={"heard_of_us": "Instagram", "interests": ["food", "tiles"]},
    )


def test_the_inbox_lists_every_enquiry_with_its_status_and_assignee(as_amir, enquiry, form, amir):
    EnquiryFactory(form=form, name="Theo", status="closed", assigned_to=amir)
    page = as_amir.get("/enquiries/").content.decode()
    assert "Maya Lind" in page and "Theo" in page
    assert "Unassigned" in page and "Assigned to Amir Agent" in page
    assert "Closed" in page and "New" in page


def test_the_inbox_filters_mine_and_status(as_amir, enquiry, form, amir):
    EnquiryFactory(form=form, name="Theo Mine", assigned_to=amir, status="in_progress")
    mine = as_amir.get("/enquiries/?mine=true").content.decode()
    assert "Theo Mine" in mine and "Maya Lind" not in mine
    # "Mine" is remembered: everyone's again, then new ones only.
    new = as_amir.get("/enquiries/?mine=false&status=new").content.decode()
    assert "Maya Lind" in new and "Theo Mine" not in new


def test_an_enquiry_shows_every_field_the_form_sent_as_fields(as_amir, enquiry):
    page = as_amir.get(f"/enquiries/{enquiry.pk}/").content.decode()
    for text in (
        "<dt>Destination</dt><dd>Lisbon</dd>",
        "<dt>Dates</dt><dd>1 May 2027 to 8 May 2027</dd>",
        "<dt>Travellers</dt><dd>3</dd>",
        "<dt>Budget</dt><dd>4000 EUR</dd>",
        "<dt>Heard of us</dt><dd>Instagram</dd>",
        "<dt>Interests</dt><dd>food, tiles</dd>",
        "Something with tiles.",
    ):
        assert text in page, text


def test_assign_to_me_takes_the_enquiry(as_amir, enquiry, amir):
    response = as_amir.post(f"/enquiries/{enquiry.pk}/assign-to-me/")
    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.assigned_to == amir and enquiry.status == "in_progress"
    page = as_amir.get(f"/enquiries/{enquiry.pk}/").content.decode()
    assert "Amir Agent gave the enquiry" in page or "gave the enquiry from" in page


def test_the_status_form_moves_it_and_refuses_a_step_off_the_table(as_amir, enquiry):
    as_amir.post(f"/enquiries/{enquiry.pk}/status/", {"status": "closed"})
    enquiry.refresh_from_db()
    assert enquiry.status == "closed"
    response = as_amir.post(f"/enquiries/{enquiry.pk}/status/", {"status": "new"}, follow=True)
    assert "it cannot become new" in response.content.decode()
    enquiry.refresh_from_db()
    assert enquiry.status == "closed"


def test_converting_opens_the_prefilled_itinerary(as_amir, enquiry):
    response = as_amir.post(f"/enquiries/{enquiry.pk}/convert/")
    itinerary = Itinerary.objects.get()
    assert response["Location"] == f"/itineraries/{itinerary.pk}/"
    assert itinerary.title == "Lisbon for Maya Lind" and itinerary.travellers == 3
    enquiry.refresh_from_db()
    assert enquiry.status == "converted"


def test_another_agencys_enquiry_is_a_404_on_every_page(client, bob, enquiry):
    client.force_login(bob)
    for method, suffix in (
        ("get", ""),
        ("post", "assign-to-me/"),
        ("post", "status/"),
        ("post", "convert/"),
    ):
        response = getattr(client, method)(
            f"/enquiries/{enquiry.pk}/{suffix}", {"status": "closed"}
        )
        assert response.status_code == 404, suffix
    enquiry.refresh_from_db()
    assert enquiry.status == "new" and enquiry.assigned_to is None
    assert Itinerary.objects.count() == 0


def test_home_shows_the_new_ones_and_links_to_the_inbox(as_amir, enquiry, form, amir):
    EnquiryFactory(form=form, name="Already Taken", status="in_progress", assigned_to=amir)
    page = as_amir.get("/").content.decode()
    assert "Maya Lind" in page and "Already Taken" not in page
    assert f'href="/enquiries/{enquiry.pk}/"' in page
    assert 'href="/enquiries/?status=new"' in page


def test_assign_to_me_on_a_lead(as_amir, agency, amir):
    lead = ClientFactory(agency=agency, name="Lead Lou", status="lead")
    page = as_amir.get(f"/clients/{lead.pk}/").content.decode()
    assert f'action="/clients/{lead.pk}/assign-to-me/"' in page
    response = as_amir.post(f"/clients/{lead.pk}/assign-to-me/")
    assert response.status_code == 302
    lead.refresh_from_db()
    assert lead.assigned_to == amir
    page = as_amir.get(f"/clients/{lead.pk}/").content.decode()
    assert "assign-to-me" not in page  # already theirs
    assert Activity.objects.filter(event="client.updated", object_id=lead.pk).exists()


def test_assign_to_me_is_a_post(as_amir, agency):
    lead = ClientFactory(agency=agency)
    assert as_amir.get(f"/clients/{lead.pk}/assign-to-me/").status_code == 405
    assert Client.objects.get(pk=lead.pk).assigned_to is None
    assert Enquiry.objects.count() == 0
