"""``/api/v1/enquiries``: the inbox through the API: list (filters, ``mine``), read, PATCH
status and assignee; another agency's enquiry is a 404; no create, no delete."""

from __future__ import annotations

import datetime as dt

import pytest

from accounts.models import Activity
from crm.models import Enquiry
from tests.api.conftest import Api
from tests.factories import ClientFactory, EnquiryFactory, EnquiryFormFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def form(agency):
    return EnquiryFormFactory(agency=agency, name="Contact")


@pytest.fixture
def lisbon(agency, form):
    client = ClientFactory(agency=agency, name="Maya")
    return EnquiryFactory(
        form=form,
        client=client,
        name="Maya",
        destination="Lisbon",
        travel_start=dt.date(2027, 5, 1),
        travellers=2,
        budget="3000",
        extra={"heard_of_us": "Instagram"},
    )


def test_an_enquiry_reads_its_fields_status_and_ids(api: Api, lisbon, form):
    response = api.get(f"/enquiries/{lisbon.pk}")
    assert response.status_code == 200
    data = response.json()["data"]
    assert data["status"] == "new" and data["assigned_to_id"] is None
    assert (data["client_id"], data["form_id"]) == (lisbon.client_id, form.pk)
    assert data["destination"] == "Lisbon" and data["travel_start"] == "2027-05-01"
    assert data["travellers"] == 2 and data["extra"] == {"heard_of_us": "Instagram"}
    assert data["created_at"].endswith("+00:00")


def test_the_list_filters_by_status_mine_and_unassigned(api: Api, agency, alice, amir, form):
    EnquiryFactory(form=form, name="Open one")
    EnquiryFactory(form=form, name="Alice's", assigned_to=alice, status="in_progress")
    EnquiryFactory(form=form, name="Amir's", assigned_to=amir, status="closed")

    def names(query: str) -> list[str]:
        response = api.get(f"/enquiries{query}")
        assert response.status_code == 200, response.content
        return sorted(row["name"] for row in response.json()["data"])

    assert names("") == ["Alice's", "Amir's", "Open one"]
    assert names("?mine=true") == ["Alice's"]
    assert names("?mine=false") == ["Alice's", "Amir's", "Open one"]
    assert names("?status=open") == ["Alice's", "Open one"]
    assert names("?unassigned=true") == ["Open one"]
    assert names(f"?assigned_to_id={amir.pk}") == ["Amir's"]


def test_a_bad_filter_is_a_422(api: Api, lisbon):
    assert api.get("/enquiries?status=spam").status_code == 422
    assert api.get("/enquiries?mine=maybe").status_code == 422


def test_patch_assigns_and_changes_the_status_through_their_doors(api: Api, lisbon, amir):
    response = api.patch(f"/enquiries/{lisbon.pk}", {"assigned_to_id": amir.pk})
    assert response.status_code == 200, response.content
    assert response.json()["data"]["status"] == "in_progress"
    response = api.patch(f"/enquiries/{lisbon.pk}", {"status": "closed"})
    assert response.json()["data"]["status"] == "closed"
    events = Activity.objects.filter(object_type="enquiry", object_id=lisbon.pk)
    assert {"enquiry.assigned", "enquiry.status_changed"} <= set(
        events.values_list("event", flat=True)
    )


def test_a_refused_step_is_a_409_and_changes_nothing(api: Api, lisbon, amir):
    api.patch(f"/enquiries/{lisbon.pk}", {"status": "converted"})
    response = api.patch(f"/enquiries/{lisbon.pk}", {"status": "new", "assigned_to_id": amir.pk})
    assert response.status_code == 409
    assert "is converted" in response.json()["errors"]["status"][0]
    lisbon.refresh_from_db()
    assert lisbon.status == "converted" and lisbon.assigned_to is None


def test_another_agencys_member_is_a_422(api: Api, lisbon, bob):
    response = api.patch(f"/enquiries/{lisbon.pk}", {"assigned_to_id": bob.pk})
    assert response.status_code == 422
    assert "assigned_to_id" in response.json()["errors"]


def test_another_agencys_enquiry_is_a_404_like_a_missing_one(bob_api: Api, lisbon):
    missing = bob_api.get("/enquiries/987654321")
    for method in ("GET", "PATCH"):
        response = bob_api.request(method, f"/enquiries/{lisbon.pk}", {"status": "closed"})
        assert response.status_code == 404, method
        assert response.json() == missing.json()
    assert bob_api.get("/enquiries").json()["data"] == []
    lisbon.refresh_from_db()
    assert lisbon.status == "new"


def test_enquiries_are_not_created_or_deleted_through_the_api(api: Api, lisbon):
    assert api.post("/enquiries", {"name": "x"}).status_code == 405
    assert api.delete(f"/enquiries/{lisbon.pk}").status_code == 405
    assert api.put(f"/enquiries/{lisbon.pk}", {"status": "closed"}).status_code == 405
    assert Enquiry.objects.count() == 1
