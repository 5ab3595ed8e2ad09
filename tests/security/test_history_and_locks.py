"""#12 items 18 and 19, proved through the routes people use, not the services alone.

18. Every route that changes an itinerary's day-by-day plan (the dashboard builder and the API)
    leaves a named event in the history, with who did it and through which channel. A new
    plan route without a case here fails ``test_every_plan_route_has_a_case``.
19. No route reopens or re-prices an accepted or declined proposal (the API's PATCH and PUT, the
    dashboard's edit, status and send pages, the client's link), and a proposal taken back to
    draft cannot be answered on its link.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Callable

import pytest
from django.test import Client as HttpClient
from django.urls import get_resolver
from django.utils import timezone

from accounts.models import Activity
from crm.models import Itinerary, Proposal
from crm.trips.library import library_item_create
from tests.api.conftest import Api, warm
from tests.factories import (
    ClientFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
    ProposalFactory,
    make_token,
)
from tests.hardening.isolation.routes import walk

pytestmark = pytest.mark.django_db


@pytest.fixture
def amir_api(amir) -> Api:
    """Amir's token (tests/api/conftest.py's ``agent_api``, which this folder cannot see)."""
    issued = make_token(amir)
    warm(issued.token)
    return Api(issued.plaintext)


# 18. The plan's history ---------------------------------------------------------------------


@pytest.fixture
def trip(agency) -> Itinerary:
    trip = ItineraryFactory(client=ClientFactory(agency=agency, name="Ada"), title="Lisbon")
    first = ItineraryDayFactory(itinerary=trip, day_number=1, title="Arrival")
    ItineraryDayFactory(itinerary=trip, day_number=2, title="Sintra")
    ItineraryItemFactory(day=first, position=0, title="Flight")
    ItineraryItemFactory(day=first, position=1, title="Hotel")
    return trip


def _day(trip: Itinerary, number: int) -> int:
    return trip.days.get(day_number=number).pk


def _item(trip: Itinerary, title: str) -> int:
    return trip.days.get(day_number=1).items.get(title=title).pk


# route name -> (the POST it takes on ``trip``, the event it must leave)
DashboardCase = Callable[[Itinerary], tuple[str, dict[str, str]]]
DASHBOARD_PLAN_CASES: dict[str, tuple[DashboardCase, str]] = {
    "day_add": (lambda t: (f"/itineraries/{t.pk}/days/", {"title": "Cascais"}), "day_added"),
    "day_edit": (
        lambda t: (f"/itineraries/{t.pk}/days/{_day(t, 2)}/edit/", {"title": "Sintra palaces"}),
        "day_updated",
    ),
    "day_move": (
        lambda t: (f"/itineraries/{t.pk}/days/{_day(t, 2)}/move/", {"direction": "up"}),
        "day_moved",
    ),
    "day_delete": (
        lambda t: (f"/itineraries/{t.pk}/days/{_day(t, 2)}/delete/", {}),
        "day_removed",
    ),
    "item_add": (
        lambda t: (
            f"/itineraries/{t.pk}/days/{_day(t, 2)}/items/",
            {"kind": "activity", "title": "Pena Palace"},
        ),
        "item_added",
    ),
    "item_edit": (
        lambda t: (
            f"/itineraries/{t.pk}/items/{_item(t, 'Hotel')}/edit/",
            {"kind": "accommodation", "title": "Hotel Avenida"},
        ),
        "item_updated",
    ),
    "item_move": (
        lambda t: (f"/itineraries/{t.pk}/items/{_item(t, 'Hotel')}/move/", {"direction": "up"}),
        "item_moved",
    ),
    "item_delete": (
        lambda t: (f"/itineraries/{t.pk}/items/{_item(t, 'Flight')}/delete/", {}),
        "item_removed",
    ),
    "library_insert": (
        lambda t: (
            f"/itineraries/{t.pk}/days/{_day(t, 2)}/items/from-library/",
            {"library_item": str(_library_item(t))},
        ),
        "item_added",
    ),
}
# Routes under an itinerary's items that leave its plan as it is (they write elsewhere, with
# their own history): saving an item to the library copies it into the library.
NOT_PLAN_EDITS = {"item_save_to_library"}


def _library_item(trip: Itinerary) -> int:
    return library_item_create(agency=trip.agency, title="Tram 28 ride").pk


def _events_of(trip: Itinerary) -> list[Activity]:
    return list(
        Activity.objects.for_agency(trip.agency)
        .filter(object_type="itinerary", object_id=trip.pk)
        .order_by("id")
    )


def test_every_plan_route_has_a_case():
    """A route under an itinerary's days or items that this file does not know fails here, so
    a new way of changing the plan cannot skip the history unnoticed."""
    plan_routes = {
        route.name
        for route in walk(get_resolver())
        if re.match(r"itineraries/<int:itinerary_id>/(days|items)/", route.route)
    }
    assert plan_routes == set(DASHBOARD_PLAN_CASES) | NOT_PLAN_EDITS


@pytest.mark.parametrize("name", sorted(DASHBOARD_PLAN_CASES))
def test_each_dashboard_plan_edit_is_in_the_history_with_its_actor(as_amir, amir, trip, name):
    case, event = DASHBOARD_PLAN_CASES[name]
    url, data = case(trip)
    before = {a.pk for a in _events_of(trip)}
    response = as_amir.post(url, data)
    assert response.status_code == 302, response.content[:300]
    new = [a for a in _events_of(trip) if a.pk not in before]
    assert [a.event for a in new] == [f"itinerary.{event}"]
    assert new[0].actor == amir
    assert new[0].channel == "dashboard"
    assert new[0].client_id == trip.client_id


def test_replacing_the_plan_through_the_api_is_in_the_history(amir_api, amir, trip):
    before = {a.pk for a in _events_of(trip)}
    days = [{"title": "Only day", "items": [{"kind": "note", "title": "Rest"}]}]
    response = amir_api.patch(f"/itineraries/{trip.pk}", {"days": days})
    assert response.status_code == 200, response.content
    new = [a for a in _events_of(trip) if a.pk not in before]
    assert "itinerary.plan_replaced" in [a.event for a in new]
    replaced = next(a for a in new if a.event == "itinerary.plan_replaced")
    assert (replaced.actor, replaced.channel) == (amir, "api")
    assert replaced.data["days_before"] == 2 and replaced.data["days_after"] == 1


def test_the_plan_history_is_shown_on_the_clients_page(as_amir, trip):
    as_amir.post(f"/itineraries/{trip.pk}/days/{_day(trip, 2)}/delete/")
    page = as_amir.get(f"/clients/{trip.client_id}/").content.decode()
    assert "removed day 2 from" in page


# 19. Answered proposals stay answered -------------------------------------------------------


def _shared(agency, status: str) -> Proposal:
    return ProposalFactory(
        client=ClientFactory(agency=agency, name="Ada"),
        status=status,
        total_price="1200.00",
        share_token=secrets.token_urlsafe(12),
        valid_until=timezone.localdate() + dt.timedelta(days=10),
        responded_at=timezone.now() if status in ("accepted", "declined") else None,
    )


def _row(proposal: Proposal) -> dict:
    return Proposal.objects.filter(pk=proposal.pk).values().get()


def _every_attempt(proposal: Proposal, api: Api, browser: HttpClient) -> list[tuple[str, int]]:
    """Every write a person or program can aim at the proposal, each answered somehow."""
    pk, token = proposal.pk, proposal.share_token
    form = {
        "client": str(proposal.client_id),
        "title": proposal.title,
        "currency": "EUR",
        "total_price": "1.00",
        "valid_until": proposal.valid_until.isoformat() if proposal.valid_until else "",
    }
    attempts = [
        ("api PATCH price", api.patch(f"/proposals/{pk}", {"total_price": "1.00"})),
        ("api PUT price", api.put(f"/proposals/{pk}", {"total_price": "1.00"})),
        ("api PATCH currency", api.patch(f"/proposals/{pk}", {"currency": "USD"})),
        ("api PATCH valid_until", api.patch(f"/proposals/{pk}", {"valid_until": "2099-01-01"})),
        ("dashboard edit", browser.post(f"/proposals/{pk}/edit/", form)),
        (
            "dashboard send",
            browser.post(
                f"/proposals/{pk}/send/", {"action": "send", "subject": "s", "message": "m"}
            ),
        ),
        ("link accept", HttpClient().post(f"/p/{token}", {"answer": "accept"})),
        ("link decline", HttpClient().post(f"/p/{token}", {"answer": "decline"})),
        ("link open", HttpClient().get(f"/p/{token}")),
    ]
    for status in ("draft", "sent", "viewed", "accepted", "declined", "expired"):
        attempts.append((f"api status {status}", api.patch(f"/proposals/{pk}", {"status": status})))
        attempts.append(
            (
                f"dashboard status {status}",
                browser.post(f"/proposals/{pk}/status/", {"status": status}),
            )
        )
    return [(name, response.status_code) for name, response in attempts]


@pytest.mark.parametrize("answered", ["accepted", "declined"])
def test_no_route_reopens_or_reprices_an_answered_proposal(as_amir, amir_api, agency, answered):
    proposal = _shared(agency, answered)
    before = _row(proposal)
    answers = _every_attempt(proposal, amir_api, as_amir)
    assert _row(proposal) == before
    # Nothing claimed to have done it: the API refused every change with a 409 or 422 (a PATCH that
    # sets the status it already has changes nothing and may answer 200).
    for name, status in answers:
        if name.startswith("api") and not name.endswith(f"status {answered}"):
            assert status in (409, 422), (name, status)  # its state, or a PUT missing a field
    assert not Activity.objects.filter(
        object_type="proposal",
        object_id=proposal.pk,
        event__in=["proposal.reopened", "proposal.sent"],
    ).exists()


def test_a_proposal_taken_back_to_draft_cannot_be_answered_on_its_link_by_any_route(
    as_amir, amir_api, agency
):
    for take_back in (
        lambda p: as_amir.post(f"/proposals/{p.pk}/status/", {"status": "draft"}),
        lambda p: amir_api.patch(f"/proposals/{p.pk}", {"status": "draft"}),
    ):
        proposal = _shared(agency, "viewed")
        take_back(proposal)
        assert _row(proposal)["status"] == "draft"
        visitor = HttpClient()
        for answer in ("accept", "decline"):
            visitor.post(f"/p/{proposal.share_token}", {"answer": answer})
            visitor.post(
                f"/p/{proposal.share_token}",
                {"answer": answer},
                headers={"Accept": "application/json"},
            )
        row = _row(proposal)
        assert row["status"] == "draft" and row["responded_at"] is None
