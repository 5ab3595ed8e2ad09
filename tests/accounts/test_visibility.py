"""The agency's visibility setting: an agent restricted to their own clients gets a 404 for a
colleague's client and for every record under it, in the dashboard and the API, exactly like a
missing one; their own stay visible; owners and admins always see all; switched off, agents
see all again. One door: ``accounts.tenancy.member_agency`` and ``for_agency``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from accounts.models import Activity, Role
from accounts.visibility import agency_visibility_set
from tests.api.conftest import Api
from tests.factories import (
    BookingFactory,
    BookingServiceFactory,
    ClientFactory,
    EnquiryFactory,
    EnquiryFormFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    PaymentFactory,
    ProposalFactory,
    TaskFactory,
    UserFactory,
    make_token,
)

pytestmark = pytest.mark.django_db

MISSING = 987_654_321


@dataclass
class Records:
    client: Any
    itinerary: Any
    day: Any
    proposal: Any
    booking: Any
    payment: Any
    service: Any
    task: Any
    enquiry: Any


def _records(agency, agent, name: str) -> Records:
    client = ClientFactory(agency=agency, name=f"{name} Client", assigned_to=agent)
    itinerary = ItineraryFactory(agency=agency, client=client, title=f"{name} trip")
    booking = BookingFactory(agency=agency, client=client, reference=f"BK-{name.upper()}")
    return Records(
        client=client,
        itinerary=itinerary,
        day=ItineraryDayFactory(itinerary=itinerary, day_number=1),
        proposal=ProposalFactory(agency=agency, client=client, title=f"{name} offer"),
        booking=booking,
        payment=PaymentFactory(booking=booking),
        service=BookingServiceFactory(booking=booking),
        task=TaskFactory(agency=agency, client=client, title=f"{name} task", assignee=agent),
        enquiry=EnquiryFactory(
            form=EnquiryFormFactory(agency=agency), client=client, name=f"{name} asks"
        ),
    )


@pytest.fixture
def restricted(agency, alice):
    agency_visibility_set(agency=agency, actor=alice, agents_see_own_clients=True)
    agency.refresh_from_db()
    return agency


@pytest.fixture
def theirs(agency, alice):
    return _records(agency, alice, "Colleague")


@pytest.fixture
def mine(agency, amir):
    return _records(agency, amir, "Own")


def dashboard_urls(r: Records) -> list[tuple[str, str]]:
    b, i = r.booking.pk, r.itinerary.pk
    return [
        ("get", f"/clients/{r.client.pk}/"),
        ("get", f"/clients/{r.client.pk}/edit/"),
        ("post", f"/clients/{r.client.pk}/notes/"),
        ("post", f"/clients/{r.client.pk}/assign-to-me/"),
        ("get", f"/itineraries/{i}/"),
        ("get", f"/itineraries/{i}/edit/"),
        ("get", f"/itineraries/{i}/print/"),
        ("get", f"/itineraries/{i}/days/{r.day.pk}/edit/"),
        ("get", f"/proposals/{r.proposal.pk}/"),
        ("get", f"/proposals/{r.proposal.pk}/edit/"),
        ("get", f"/bookings/{b}/"),
        ("get", f"/bookings/{b}/edit/"),
        ("post", f"/bookings/{b}/payments/"),
        ("get", f"/bookings/{b}/services/{r.service.pk}/edit/"),
        ("get", f"/tasks/{r.task.pk}/edit/"),
        ("post", f"/tasks/{r.task.pk}/done/"),
        ("get", f"/enquiries/{r.enquiry.pk}/"),
        ("post", f"/enquiries/{r.enquiry.pk}/assign-to-me/"),
        ("get", f"/itineraries/new/?client={r.client.pk}"),
    ]


def api_paths(r: Records) -> list[str]:
    b = r.booking.pk
    return [
        f"/clients/{r.client.pk}",
        f"/clients/{r.client.pk}/activity",
        f"/itineraries/{r.itinerary.pk}",
        f"/proposals/{r.proposal.pk}",
        f"/bookings/{b}",
        f"/bookings/{b}/payments",
        f"/bookings/{b}/payments/{r.payment.pk}",
        f"/bookings/{b}/services",
        f"/tasks/{r.task.pk}",
        f"/enquiries/{r.enquiry.pk}",
    ]


def _with_missing(path: str, r: Records) -> str:
    """The same URL with the record's own id replaced by one no row has."""
    for value in (
        r.payment.pk,
        r.service.pk,
        r.day.pk,
        r.task.pk,
        r.enquiry.pk,
        r.proposal.pk,
        r.itinerary.pk,
        r.booking.pk,
        r.client.pk,
    ):
        if f"/{value}" in path or f"={value}" in path:
            return path.replace(f"/{value}/", f"/{MISSING}/", 1).replace(f"={value}", f"={MISSING}")
    return path


def test_a_restricted_agent_gets_404_for_a_colleagues_client_and_everything_under_it(
    restricted, as_amir, theirs, mine
):
    for method, url in dashboard_urls(theirs):
        response = getattr(as_amir, method)(url)
        assert response.status_code == 404, url
    for method, url in dashboard_urls(mine):
        response = getattr(as_amir, method)(url)
        assert response.status_code in (200, 302), (url, response.status_code)
    theirs.client.refresh_from_db()
    assert theirs.client.assigned_to.username == "alice"


def test_a_restricted_agents_lists_and_home_leave_a_colleagues_records_out(
    restricted, as_amir, theirs, mine
):
    for path in ("/clients/", "/itineraries/", "/proposals/", "/bookings/", "/tasks/", "/"):
        page = as_amir.get(path).content.decode()
        assert "Colleague" not in page, path
    assert "Own asks" in as_amir.get("/enquiries/").content.decode()
    assert "Colleague asks" not in as_amir.get("/enquiries/").content.decode()


def test_the_api_follows_the_rule_for_an_agents_token(restricted, amir, theirs, mine):
    api = Api(make_token(amir).plaintext)
    for path in api_paths(theirs):
        got, missing = api.get(path), api.get(_with_missing(path, theirs))
        assert got.status_code == 404, path
        assert got.json() == missing.json(), path
    for path in api_paths(mine):
        assert api.get(path).status_code == 200, path
    patched = api.patch(f"/clients/{theirs.client.pk}", {"name": "Taken"})
    assert patched.status_code == 404
    for resource in ("clients", "itineraries", "proposals", "bookings", "tasks", "enquiries"):
        rows = api.get(f"/{resource}").json()["data"]
        assert rows and all("Colleague" not in str(row) for row in rows), resource
    assert api.get("/me").json()["data"]["counts"]["clients"] == 1


def test_owners_and_admins_always_see_everything(restricted, agency, alice, theirs, mine):
    admin = UserFactory(agency=agency, role=Role.ADMIN, username="ada-admin")
    for user in (alice, admin):
        api = Api(make_token(user).plaintext)
        assert api.get(f"/clients/{mine.client.pk}").status_code == 200
        assert api.get(f"/bookings/{mine.booking.pk}/payments").status_code == 200


def test_switched_off_agents_see_every_client_again(restricted, agency, alice, as_amir, theirs):
    assert as_amir.get(f"/clients/{theirs.client.pk}/").status_code == 404
    agency_visibility_set(agency=agency, actor=alice, agents_see_own_clients=False)
    assert as_amir.get(f"/clients/{theirs.client.pk}/").status_code == 200


def test_an_agents_cached_token_learns_the_new_rule(agency, alice, amir, theirs):
    api = Api(make_token(amir).plaintext)
    assert api.get(f"/clients/{theirs.client.pk}").status_code == 200  # cached now
    agency_visibility_set(agency=agency, actor=alice, agents_see_own_clients=True)
    assert api.get(f"/clients/{theirs.client.pk}").status_code == 404


def test_only_owners_and_admins_change_it(agency, amir, as_amir):
    with pytest.raises(PermissionDenied):
        agency_visibility_set(agency=agency, actor=amir, agents_see_own_clients=True)
    assert (
        as_amir.post("/settings/team/visibility/", {"agents_see_own_clients": "1"}).status_code
        == 403
    )
    agency.refresh_from_db()
    assert agency.agents_see_own_clients is False


def test_the_owner_switches_it_on_the_team_page_and_it_is_recorded(agency, as_alice):
    page = as_alice.get("/settings/team/").content.decode()
    assert "Who sees what" in page
    response = as_alice.post("/settings/team/visibility/", {"agents_see_own_clients": "1"})
    assert response.status_code == 302
    agency.refresh_from_db()
    assert agency.agents_see_own_clients is True
    event = Activity.objects.get(event="agency.visibility_changed")
    assert event.data == {"rule": "only their own clients"}


def test_a_restricted_agents_quota_counts_the_whole_agency(restricted, amir, theirs, settings):
    from django.core.exceptions import ValidationError

    from crm.clients.services import client_create

    settings.QUOTA_CLIENTS = 1  # the colleague's client already fills it
    with pytest.raises(ValidationError):
        client_create(agency=restricted_agency_of(amir), created_by=amir, name="One too many")


def restricted_agency_of(user):
    from accounts.tenancy import is_restricted, member_agency

    agency = member_agency(user)
    assert is_restricted(agency)
    return agency


def test_a_new_client_form_starts_assigned_to_its_creator(restricted, as_amir, amir):
    page = as_amir.get("/clients/new/").content.decode()
    assert f'<option value="{amir.pk}" selected>' in page


def test_the_teams_history_says_the_change_in_words(agency, alice):
    from accounts.history import describe, detail_lines

    agency_visibility_set(agency=agency, actor=alice, agents_see_own_clients=True)
    event = Activity.objects.get(event="agency.visibility_changed")
    assert describe(event) == "Alice Owner let agents of Alpha Tours see only their own clients"
    assert detail_lines(event) == ["Agents see: every client → only their own clients"]


def test_every_record_under_a_client_says_how_the_visibility_rule_reaches_it():
    # A model whose rows hang off a restricted one (a traveller off a client, an invoice off a
    # booking) must name its path to the agent too, or a restricted agent reads a colleague's
    # rows through it: found through the model meta, so a new model cannot be forgotten.
    from django.apps import apps

    from accounts.tenancy import TenantModel

    # Rows of the agency as a whole, with no client behind them.
    agency_wide = {"RenderedPdf"}
    forgotten = []
    for model in apps.get_models():
        if not issubclass(model, TenantModel) or model.__name__ in agency_wide:
            continue
        parents = [
            field.related_model
            for field in model._meta.fields
            if field.is_relation and getattr(field.related_model, "visible_through", ())
        ]
        if parents and not model.visible_through:
            forgotten.append(model.__name__)
    assert forgotten == []


def test_a_restricted_agent_reads_only_their_own_clients_history(
    restricted, agency, alice, amir, theirs, mine
):
    # The history has no foreign key to the client (it outlives it), so its rule is a condition
    # of its own (Activity.visible_where): a colleague's client's entries are left out, entries
    # about no client (the team, suppliers) stay, and owners read everything.
    from accounts.tenancy import member_agency

    def client_ids(user) -> set[int | None]:
        history = Activity.objects.for_agency(member_agency(user))
        return set(history.values_list("client_id", flat=True))

    assert theirs.client.pk in client_ids(alice)
    seen_by_agent = client_ids(amir)
    assert theirs.client.pk not in seen_by_agent
    assert mine.client.pk in seen_by_agent
    assert None in seen_by_agent  # the agency's visibility change itself, about no client
