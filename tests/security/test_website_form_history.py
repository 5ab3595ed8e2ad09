"""Issue #12 item 5 (in part): creating, editing, switching off and on and deleting a
website form are named events in the history, with who did it and what changed, and never
the form's public key (it is the form's password)."""

from __future__ import annotations

import pytest
from django.test import Client as HttpClient

from accounts.models import Activity
from crm.models import Enquiry, EnquiryForm
from tests.factories import EnquiryFactory, EnquiryFormFactory, UserFactory

SITE = "https://www.alpha-tours.example"


@pytest.fixture
def as_alice(alice):
    client = HttpClient()
    client.force_login(alice)
    return client


@pytest.fixture
def web_form(agency):
    return EnquiryFormFactory(agency=agency, name="Contact page", allowed_origins=[SITE])


def events(agency, *names):
    rows = Activity.objects.filter(agency=agency, object_type="enquiry_form")
    if names:
        rows = rows.filter(event__in=names)
    return list(rows.order_by("id"))


def edit(client, web_form, **changes):
    data = {
        "name": web_form.name,
        "allowed_origins": "\n".join(web_form.allowed_origins),
        "redirect_url": web_form.redirect_url,
        "is_active": "on" if web_form.is_active else "",
        **changes,
    }
    data = {key: value for key, value in data.items() if value != ""}
    return client.post(f"/settings/forms/{web_form.pk}/edit/", data)


def no_key_in(event, *keys):
    dump = str(event.changes) + str(event.data) + event.object_repr
    return all(key not in dump for key in keys)


def test_switching_a_form_off_in_the_dashboard_is_a_named_event(as_alice, web_form, agency, alice):
    response = edit(as_alice, web_form, is_active="")
    assert response.status_code == 302
    web_form.refresh_from_db()
    assert web_form.is_active is False
    [event] = events(agency)
    assert event.event == "enquiry_form.switched_off"
    assert (event.actor, event.channel) == (alice, "dashboard")
    assert (event.object_id, event.object_repr) == (web_form.pk, "Contact page")
    assert event.changes == {"is_active": [True, False]}
    assert no_key_in(event, web_form.public_key)


def test_switching_it_back_on_is_a_named_event(as_alice, agency):
    web_form = EnquiryFormFactory(agency=agency, allowed_origins=[SITE], is_active=False)
    edit(as_alice, web_form, is_active="on")
    [event] = events(agency)
    assert event.event == "enquiry_form.switched_on"
    assert event.changes == {"is_active": [False, True]}


def test_a_switch_and_other_changes_in_one_save_are_both_recorded(as_alice, web_form, agency):
    edit(as_alice, web_form, name="Old contact page", is_active="")
    switched, updated = events(agency)
    assert switched.event == "enquiry_form.switched_off"
    assert updated.event == "enquiry_form.updated"
    assert updated.changes == {"name": ["Contact page", "Old contact page"]}


def test_the_thank_you_page_and_origins_changes_are_recorded(as_alice, web_form, agency):
    edit(
        as_alice,
        web_form,
        allowed_origins=f"{SITE}\nhttps://alpha-tours.example",
        redirect_url=f"{SITE}/thanks",
    )
    [event] = events(agency)
    assert event.event == "enquiry_form.updated"
    assert event.changes == {
        "allowed_origins": [[SITE], [SITE, "https://alpha-tours.example"]],
        "redirect_url": ["", f"{SITE}/thanks"],
    }


def test_creating_a_form_in_the_dashboard_is_recorded_without_its_key(as_alice, agency, alice):
    response = as_alice.post(
        "/settings/forms/new/", {"name": "Japan page", "allowed_origins": SITE, "is_active": "on"}
    )
    assert response.status_code == 302
    created = EnquiryForm.objects.for_agency(agency).get()
    [event] = events(agency)
    assert (event.event, event.actor, event.channel) == ("enquiry_form.created", alice, "dashboard")
    assert event.changes["name"] == [None, "Japan page"]
    assert no_key_in(event, created.public_key)


def test_deleting_a_form_is_recorded_and_keeps_its_enquiries(as_alice, web_form, agency, alice):
    key = web_form.public_key
    enquiry = EnquiryFactory(form=web_form)
    response = as_alice.post(f"/settings/forms/{web_form.pk}/delete/")
    assert response.status_code == 302
    assert response["Location"] == "/settings/forms/"
    assert not EnquiryForm.objects.filter(pk=web_form.pk).exists()
    enquiry.refresh_from_db()
    assert enquiry.form_id is None
    [event] = events(agency)
    assert (event.event, event.actor, event.action) == ("enquiry_form.deleted", alice, "delete")
    assert (event.object_id, event.object_repr) == (web_form.pk, "Contact page")
    assert event.data["enquiries"] == 1
    assert no_key_in(event, key)
    assert HttpClient().post(f"/forms/{key}", {"email": "a@example.com"}).status_code == 404


def test_an_agent_cannot_delete_a_form(agency, web_form, amir):
    client = HttpClient()
    client.force_login(amir)
    response = client.post(f"/settings/forms/{web_form.pk}/delete/")
    assert response.status_code in (302, 403)
    assert EnquiryForm.objects.filter(pk=web_form.pk).exists()
    assert events(agency) == []


def test_another_agencys_admin_cannot_delete_a_form(web_form, agency, other_agency):
    client = HttpClient()
    client.force_login(UserFactory(agency=other_agency, role="owner"))
    assert client.post(f"/settings/forms/{web_form.pk}/delete/").status_code == 404
    assert EnquiryForm.objects.filter(pk=web_form.pk).exists()
    assert Activity.objects.filter(object_type="enquiry_form").count() == 0


def test_deleting_needs_a_post(as_alice, web_form):
    assert as_alice.get(f"/settings/forms/{web_form.pk}/delete/").status_code == 405
    assert EnquiryForm.objects.filter(pk=web_form.pk).exists()


def test_the_forms_page_shows_its_history(as_alice, web_form, agency):
    edit(as_alice, web_form, is_active="")
    page = as_alice.get(f"/settings/forms/{web_form.pk}/").content.decode()
    assert "switched off the website form Contact page" in page
    assert Enquiry.objects.count() == 0
