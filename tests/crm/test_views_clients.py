"""Clients in the dashboard: list, search, filters, create/edit with errors, the client page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext

from crm.models import Client
from tests.factories import (
    BookingFactory,
    ClientFactory,
    ItineraryFactory,
    ProposalFactory,
)

pytestmark = pytest.mark.django_db


def test_the_list_searches_with_the_apis_q(as_alice, agency):
    ClientFactory(agency=agency, name="Ada Lovelace", email="ada@example.com")
    ClientFactory(agency=agency, name="Grace Hopper", company="Navy")
    response = as_alice.get("/clients/", {"q": "navy"})
    names = [c.name for c in response.context["page"].object_list]
    assert names == ["Grace Hopper"]


def test_the_list_filters_by_status_and_tag(as_alice, agency):
    ClientFactory(agency=agency, name="Lead VIP", status="lead", tags=["vip"])
    ClientFactory(agency=agency, name="Lead Plain", status="lead", tags=[])
    ClientFactory(agency=agency, name="Active VIP", status="active", tags=["vip"])
    response = as_alice.get("/clients/", {"status": "lead", "tag": "vip"})
    assert [c.name for c in response.context["page"].object_list] == ["Lead VIP"]


def test_the_list_paginates_by_25(as_alice, agency):
    ClientFactory.create_batch(30, agency=agency)
    first = as_alice.get("/clients/")
    second = as_alice.get("/clients/", {"page": 2})
    assert len(first.context["page"].object_list) == 25
    assert len(second.context["page"].object_list) == 5
    assert b"Page 2 of 2" in second.content


def test_the_list_shows_an_empty_state_with_no_clients(as_alice):
    response = as_alice.get("/clients/")
    assert b"No clients yet" in response.content


def test_the_list_says_when_nothing_matches_the_search(as_alice, agency):
    ClientFactory(agency=agency, name="Ada")
    response = as_alice.get("/clients/", {"q": "zzz-nobody"})
    assert b"No clients match" in response.content


def test_the_list_reports_a_bad_filter_value_instead_of_failing(as_alice, agency):
    ClientFactory(agency=agency, name="Ada")
    response = as_alice.get("/clients/", {"status": "bogus"})
    assert response.status_code == 200
    assert response.context["filter_error"]
    assert list(response.context["page"].object_list) == []


def test_the_list_never_shows_another_agencys_clients(as_alice, agency, other_agency):
    ClientFactory(agency=agency, name="Ours")
    ClientFactory(agency=other_agency, name="Theirs")
    response = as_alice.get("/clients/")
    assert [c.name for c in response.context["page"].object_list] == ["Ours"]


def test_creating_a_client_saves_it_in_the_agents_agency(as_alice, agency, alice):
    response = as_alice.post(
        "/clients/new/",
        {"name": "New Person", "email": "new@example.com", "status": "lead", "tags": "vip, golf"},
    )
    client = Client.objects.get(name="New Person")
    assert response.status_code == 302
    assert response["Location"] == f"/clients/{client.pk}/"
    assert client.agency == agency
    assert client.created_by == alice
    assert client.source == "dashboard"
    assert client.tags == ["vip", "golf"]


def test_creating_a_client_shows_errors_beside_the_fields_and_keeps_the_input(as_alice):
    response = as_alice.post(
        "/clients/new/", {"name": "", "email": "not-an-email", "phone": "+44 1", "status": "lead"}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "name" in form.errors and "email" in form.errors
    assert b"field--error" in response.content
    assert b'value="+44 1"' in response.content
    assert not Client.objects.exists()


def test_a_service_error_lands_beside_its_field(as_alice):
    too_long_tag = "x" * 60
    response = as_alice.post(
        "/clients/new/", {"name": "Tagged", "status": "lead", "tags": too_long_tag}
    )
    assert response.status_code == 200
    assert "tags" in response.context["form"].errors
    assert not Client.objects.exists()


def test_editing_a_client_updates_it(as_alice, agency):
    client = ClientFactory(agency=agency, name="Old Name", status="lead")
    response = as_alice.post(
        f"/clients/{client.pk}/edit/", {"name": "New Name", "status": "active", "tags": ""}
    )
    client.refresh_from_db()
    assert response.status_code == 302
    assert (client.name, client.status) == ("New Name", "active")


def test_the_edit_form_offers_only_members_of_the_agency_as_agents(as_alice, agency, bob):
    client = ClientFactory(agency=agency)
    response = as_alice.get(f"/clients/{client.pk}/edit/")
    choices = list(response.context["form"].fields["assigned_to"].queryset)
    assert bob not in choices


def test_assigning_another_agencys_user_is_refused(as_alice, agency, bob):
    client = ClientFactory(agency=agency)
    response = as_alice.post(
        f"/clients/{client.pk}/edit/", {"name": "X", "status": "lead", "assigned_to": bob.pk}
    )
    assert response.status_code == 200
    assert "assigned_to" in response.context["form"].errors


def test_the_client_page_shows_details_notes_itineraries_proposals_and_bookings(as_alice, agency):
    client = ClientFactory(agency=agency, name="Ada", notes="Prefers aisle seats")
    ItineraryFactory(client=client, title="Lisbon Long Weekend")
    ProposalFactory(client=client, title="Lisbon Offer")
    BookingFactory(client=client, reference="BK-ADA001")
    body = as_alice.get(f"/clients/{client.pk}/").content.decode()
    for text in ("Ada", "Prefers aisle seats", "Lisbon Long Weekend", "Lisbon Offer", "BK-ADA001"):
        assert text in body


def test_another_agencys_client_is_a_404_everywhere(as_alice, other_agency):
    theirs = ClientFactory(agency=other_agency)
    for url in (
        f"/clients/{theirs.pk}/",
        f"/clients/{theirs.pk}/edit/",
        f"/clients/{theirs.pk}/delete/",
    ):
        assert as_alice.get(url).status_code == 404
    assert as_alice.post(f"/clients/{theirs.pk}/edit/", {"name": "Hacked"}).status_code == 404
    assert as_alice.post(f"/clients/{theirs.pk}/notes/", {"text": "hi"}).status_code == 404
    assert as_alice.post(f"/clients/{theirs.pk}/delete/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.name != "Hacked"


def test_a_missing_client_is_the_same_404(as_alice):
    assert as_alice.get("/clients/999999/").status_code == 404


def test_adding_a_note_appends_it_signed_and_dated(as_alice, agency):
    client = ClientFactory(agency=agency, notes="First")
    response = as_alice.post(f"/clients/{client.pk}/notes/", {"text": "Called, wants May"})
    client.refresh_from_db()
    assert response.status_code == 302
    assert client.notes.startswith("First")
    assert "Called, wants May" in client.notes
    assert "Alice Owner" in client.notes


def test_an_empty_note_is_refused_with_an_error(as_alice, agency):
    client = ClientFactory(agency=agency, notes="")
    response = as_alice.post(f"/clients/{client.pk}/notes/", {"text": "  "})
    client.refresh_from_db()
    assert response.status_code == 200
    assert "text" in response.context["note_form"].errors
    assert client.notes == ""


def test_deleting_a_client_asks_first_then_deletes_on_post(as_alice, agency):
    client = ClientFactory(agency=agency)
    assert as_alice.get(f"/clients/{client.pk}/delete/").status_code == 200
    assert Client.objects.filter(pk=client.pk).exists()
    response = as_alice.post(f"/clients/{client.pk}/delete/")
    assert response.status_code == 302
    assert not Client.objects.filter(pk=client.pk).exists()


def test_creating_a_client_without_a_csrf_token_is_refused(alice):
    browser = HttpClient(enforce_csrf_checks=True)
    browser.force_login(alice)
    response = browser.post("/clients/new/", {"name": "Sneaky", "status": "lead"})
    assert response.status_code == 403
    assert not Client.objects.filter(name="Sneaky").exists()


def test_every_dashboard_form_carries_a_csrf_token(as_alice, agency):
    client = ClientFactory(agency=agency)
    for url in ("/clients/new/", f"/clients/{client.pk}/", f"/clients/{client.pk}/edit/"):
        body = as_alice.get(url).content.decode()
        assert body.count('name="csrfmiddlewaretoken"') >= body.count('method="post"') > 0


def test_the_list_runs_the_same_number_of_queries_for_3_or_25_clients(as_alice, agency, alice):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert as_alice.get("/clients/").status_code == 200
        return len(queries)

    ClientFactory.create_batch(3, agency=agency, assigned_to=alice, tags=["vip"])
    few = count()
    ClientFactory.create_batch(22, agency=agency, assigned_to=alice, tags=["vip"])
    assert count() == few
