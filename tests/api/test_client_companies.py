"""Companies in the API: the kind and corporate filters, a company's contacts."""

from __future__ import annotations

import pytest

from crm.clients import services
from tests.api.conftest import Api
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def acme(agency):
    return services.client_create(agency=agency, name="Acme Ltd", kind="company")


def test_lists_filter_by_kind_and_corporate(api: Api, agency, acme):
    contact = services.client_create(agency=agency, name="Ada", company_client=acme)
    named = ClientFactory(agency=agency, name="Named", company="Globex")
    ClientFactory(agency=agency, name="Private", company="")

    def names(query: str) -> set[str]:
        return {row["name"] for row in api.get(f"/clients?{query}").json()["data"]}

    assert names("kind=company") == {"Acme Ltd"}
    assert names("corporate=true") == {"Acme Ltd", contact.name, named.name}
    assert names("corporate=false") == {"Private"}
    assert api.get("/clients?kind=robot").status_code == 422


def test_the_api_lists_adds_and_removes_contacts(api: Api, agency, acme, other_agency):
    ada = ClientFactory(agency=agency, name="Ada")

    added = api.post(f"/clients/{acme.pk}/contacts/add", {"contact_id": ada.pk})
    assert added.status_code == 200
    assert added.json()["data"]["company_client_id"] == acme.pk
    listed = api.get(f"/clients/{acme.pk}/contacts").json()
    assert [row["id"] for row in listed["data"]] == [ada.pk] and listed["meta"]["total"] == 1

    removed = api.post(f"/clients/{acme.pk}/contacts/remove", {"contact_id": ada.pk})
    assert removed.json()["data"]["company_client_id"] is None


def test_contacts_refuse_another_agencys_client_and_a_person_as_company(
    api: Api, agency, acme, other_agency
):
    theirs = ClientFactory(agency=other_agency)
    ada = ClientFactory(agency=agency)

    assert (
        api.post(f"/clients/{acme.pk}/contacts/add", {"contact_id": theirs.pk}).status_code == 404
    )
    not_company = api.post(f"/clients/{ada.pk}/contacts/add", {"contact_id": acme.pk})
    assert not_company.status_code == 422
    assert api.get(f"/clients/{theirs.pk}/contacts").status_code == 404
