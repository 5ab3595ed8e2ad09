"""Companies: a client's kind, a company's contacts, the corporate and kind filters."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from crm.clients import services
from crm.models import Client
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def acme(agency):
    return services.client_create(agency=agency, name="Acme Ltd", kind="company")


def test_a_person_becomes_a_contact_of_a_company(agency, acme):
    ada = services.client_create(agency=agency, name="Ada", company_client=acme.pk)

    assert ada.company_client == acme
    assert list(Client.objects.filter(company_client=acme)) == [ada]


def test_only_a_company_of_the_same_agency_has_contacts(agency, other_agency, acme):
    person = ClientFactory(agency=agency)
    theirs = ClientFactory(agency=other_agency, kind="company")
    for target in (person.pk, theirs.pk):
        with pytest.raises(ValidationError) as refused:
            services.client_create(agency=agency, name="Ada", company_client=target)
        assert "company_client" in refused.value.message_dict
    with pytest.raises(ValidationError):
        services.client_create(agency=agency, name="Sub", kind="company", company_client=acme.pk)


def test_a_company_with_contacts_stays_a_company(agency, acme):
    services.client_create(agency=agency, name="Ada", company_client=acme)
    with pytest.raises(ValidationError) as refused:
        services.client_update(client=acme, kind="person")
    assert "kind" in refused.value.message_dict


def test_the_dashboard_shows_a_companys_contacts(as_alice, agency, acme):
    services.client_create(agency=agency, name="Ada Contact", company_client=acme)

    page = as_alice.get(f"/clients/{acme.pk}/").content.decode()

    assert "Contacts" in page and "Ada Contact" in page


def test_the_dashboard_form_makes_a_person_a_contact(as_alice, agency, acme):
    response = as_alice.post(
        "/clients/new/",
        {"name": "Grace", "kind": "person", "status": "lead", "company_client": acme.pk},
    )

    assert response.status_code == 302
    assert Client.objects.get(name="Grace").company_client == acme
