"""Issue #12, item 6: one itinerary cannot grow without bound, the builder page stays bounded
for a plan at the cap, and each agency has quotas with a clear error when one is reached."""

from __future__ import annotations

import pytest
from django.urls import reverse

from crm.models import ItineraryDay, ItineraryItem
from crm.trips import plan as trip_plan
from crm.trips.services import MAX_ITEMS_PER_DAY
from tests.factories import ClientFactory, ItineraryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(alice_token):
    from tests.api.conftest import Api

    return Api(alice_token[1])


def _plan(days: int, per_day: int) -> list[dict]:
    return [
        {"title": f"Day {d + 1}", "items": [{"title": f"Item {i}"} for i in range(per_day)]}
        for d in range(days)
    ]


def _fill(itinerary, days: int, per_day: int, *, first_day: int = 1) -> list[ItineraryDay]:
    """A stored plan, written in bulk (the services' caps are what is under test)."""
    rows = ItineraryDay.objects.bulk_create(
        ItineraryDay(itinerary=itinerary, day_number=first_day + n) for n in range(days)
    )
    ItineraryItem.objects.bulk_create(
        ItineraryItem(day=day, position=p, title=f"Item {p}")
        for day in rows
        for p in range(per_day)
    )
    return rows


# Items per itinerary -----------------------------------------------------------------------


def test_the_api_refuses_a_plan_past_the_item_cap_naming_it(api, agency):
    client = ClientFactory(agency=agency)
    body = {"client_id": client.pk, "title": "Too big", "days": _plan(21, 48)}  # 1,008 items
    response = api.post("/itineraries", body)
    assert response.status_code == 422
    message = response.json()["errors"]["days"][0]
    assert "at most 1,000 items" in message and "1,008" in message
    assert not ItineraryItem.objects.exists()


def test_the_api_takes_a_plan_at_the_cap(api, agency):
    client = ClientFactory(agency=agency)
    body = {"client_id": client.pk, "title": "Full", "days": _plan(20, 50)}
    response = api.post("/itineraries", body)
    assert response.status_code == 201, response.content
    assert ItineraryItem.objects.count() == 1_000


def test_replacing_the_plan_past_the_cap_keeps_the_old_one(api, agency):
    itinerary = ItineraryFactory(client=ClientFactory(agency=agency))
    _fill(itinerary, 2, 3)
    response = api.patch(f"/itineraries/{itinerary.pk}", {"days": _plan(30, 40)})
    assert response.status_code == 422
    assert ItineraryItem.objects.filter(day__itinerary=itinerary).count() == 6


def test_the_cap_follows_its_setting(api, agency, settings):
    settings.ITINERARY_MAX_ITEMS = 10
    client = ClientFactory(agency=agency)
    response = api.post("/itineraries", {"client_id": client.pk, "title": "x", "days": _plan(3, 4)})
    assert response.status_code == 422
    assert "at most 10 items" in response.json()["errors"]["days"][0]


def test_the_builder_refuses_an_item_past_the_cap(as_amir, agency):
    itinerary = ItineraryFactory(client=ClientFactory(agency=agency))
    _fill(itinerary, 20, 50)
    spare = ItineraryDay.objects.create(itinerary=itinerary, day_number=21)
    url = reverse("item_add", args=[itinerary.pk, spare.pk])
    response = as_amir.post(url, {"title": "One more", "kind": "activity"})
    assert response.status_code == 200
    assert "at most 1,000 items" in response.content.decode()
    assert ItineraryItem.objects.filter(day__itinerary=itinerary).count() == 1_000


def test_the_service_refuses_an_item_past_the_cap(agency, settings):
    from django.core.exceptions import ValidationError

    settings.ITINERARY_MAX_ITEMS = 5
    itinerary = ItineraryFactory(client=ClientFactory(agency=agency))
    day = _fill(itinerary, 1, 5)[0]
    other = ItineraryDay.objects.create(itinerary=itinerary, day_number=2)
    with pytest.raises(ValidationError, match="at most 5 items"):
        trip_plan.itinerary_item_add(day=other, title="Sixth")
    assert day.items.count() == 5


def test_a_day_still_holds_at_most_its_own_cap(agency):
    from django.core.exceptions import ValidationError

    itinerary = ItineraryFactory(client=ClientFactory(agency=agency))
    day = _fill(itinerary, 1, MAX_ITEMS_PER_DAY)[0]
    with pytest.raises(ValidationError, match=f"at most {MAX_ITEMS_PER_DAY} items"):
        trip_plan.itinerary_item_add(day=day, title="51st")


# The builder page stays bounded -------------------------------------------------------------


def _item_rows(html: str) -> int:
    return html.count('<li class="item" id="item-')


@pytest.mark.parametrize(("days", "per_day"), [(20, 50), (366, 2)])
def test_the_builder_of_a_plan_at_the_cap_shows_one_bounded_page(as_amir, agency, days, per_day):
    itinerary = ItineraryFactory(client=ClientFactory(agency=agency))
    _fill(itinerary, days, per_day)
    response = as_amir.get(reverse("itinerary_detail", args=[itinerary.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert len(response.content) < 600_000  # was 3 MB (20 x 50) and 4.8 MB (366 x 3)
    assert _item_rows(html) <= 100
    assert html.count('<article class="day"') <= 14
    assert f"{days} days · {days * per_day} items" in html  # the whole plan's size, still
    assert "?page=2" in html  # the rest of the plan is a click away


def test_every_day_of_a_long_plan_is_on_exactly_one_page(as_amir, agency):
    itinerary = ItineraryFactory(client=ClientFactory(agency=agency))
    _fill(itinerary, 40, 7)
    url = reverse("itinerary_detail", args=[itinerary.pk])
    pages = len(as_amir.get(url).context["pages"])
    seen = []
    for number in range(1, pages + 1):
        seen += [
            entry["day"].day_number for entry in as_amir.get(url, {"page": number}).context["plan"]
        ]
    assert seen == list(range(1, 41))


@pytest.mark.parametrize("page", ["0", "999", "²", "9" * 5000, "-1"])
def test_a_page_out_of_range_or_no_number_shows_a_page_of_the_plan(as_amir, agency, page):
    itinerary = ItineraryFactory(client=ClientFactory(agency=agency))
    _fill(itinerary, 30, 10)
    response = as_amir.get(reverse("itinerary_detail", args=[itinerary.pk]), {"page": page})
    assert response.status_code == 200
    assert response.context["plan"]


def test_a_save_lands_on_the_page_of_the_day_it_changed(as_amir, agency):
    itinerary = ItineraryFactory(client=ClientFactory(agency=agency))
    days = _fill(itinerary, 30, 10)
    url = reverse("item_add", args=[itinerary.pk, days[24].pk])
    response = as_amir.post(url, {"title": "Late dinner", "kind": "meal"}, follow=True)
    shown = [entry["day"].day_number for entry in response.context["plan"]]
    assert 25 in shown
    assert "Late dinner" in response.content.decode()


def test_a_move_on_a_later_page_uses_the_plan_s_positions(as_amir, agency):
    itinerary = ItineraryFactory(client=ClientFactory(agency=agency))
    days = _fill(itinerary, 30, 10)
    response = as_amir.get(reverse("itinerary_detail", args=[itinerary.pk]), {"day": "25"})
    assert 'data-offset="' in response.content.decode()
    offset = response.context["page"].offset
    assert offset > 0
    move = reverse("day_move", args=[itinerary.pk, days[24].pk])
    as_amir.post(move, {"to": str(offset + 1)})  # dropped first on its page
    moved = ItineraryDay.objects.get(pk=days[24].pk)
    assert moved.day_number == offset + 1


def test_the_builder_reads_a_page_in_a_constant_number_of_queries(as_amir, agency):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for days, per_day in ((3, 2), (60, 10)):
        itinerary = ItineraryFactory(client=ClientFactory(agency=agency))
        _fill(itinerary, days, per_day)
        with CaptureQueriesContext(connection) as queries:
            as_amir.get(reverse("itinerary_detail", args=[itinerary.pk]))
        counts.append(len(queries))
    assert counts[0] == counts[1]


# Agency quotas ------------------------------------------------------------------------------


@pytest.fixture
def quotas(settings):
    settings.QUOTA_CLIENTS = 3
    settings.QUOTA_ITINERARIES = 2
    settings.QUOTA_PROPOSALS = 2
    settings.QUOTA_BOOKINGS = 2
    return settings


def test_the_api_refuses_a_client_past_the_agency_quota_naming_it(
    api, agency, other_agency, quotas
):
    ClientFactory.create_batch(3, agency=agency)
    response = api.post("/clients", {"name": "One too many"})
    assert response.status_code == 422
    body = response.json()
    assert body["errors"]["non_field_errors"] == [
        "Your agency has reached its limit of 3 clients; contact support to raise it."
    ]
    from crm.models import Client

    assert Client.objects.filter(agency=agency).count() == 3
    # Another agency's quota is its own.
    from crm.clients.services import client_create

    client_create(agency=other_agency, name="Beta's first")


@pytest.mark.parametrize(
    ("resource", "factory_name", "body"),
    [
        ("itineraries", "ItineraryFactory", {"title": "x"}),
        ("proposals", "ProposalFactory", {"title": "x", "currency": "EUR"}),
        ("bookings", "BookingFactory", {"currency": "EUR"}),
    ],
)
def test_the_api_refuses_records_past_each_quota(api, agency, quotas, resource, factory_name, body):
    from tests import factories

    client = ClientFactory(agency=agency)
    getattr(factories, factory_name).create_batch(2, client=client)
    response = api.post(f"/{resource}", {"client_id": client.pk, **body})
    assert response.status_code == 422, response.content
    message = response.json()["errors"]["non_field_errors"][0]
    assert f"limit of 2 {resource}" in message


def test_the_dashboard_refuses_a_client_past_the_quota_with_a_form_error(as_amir, agency, quotas):
    ClientFactory.create_batch(3, agency=agency)
    response = as_amir.post(reverse("client_create"), {"name": "One too many", "status": "lead"})
    assert response.status_code == 200
    assert "limit of 3 clients" in response.content.decode()


def test_a_quota_far_away_is_not_counted_on_every_create(agency):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from crm.clients.services import client_create

    client_create(agency=agency, name="First")  # counts once, then remembers
    with CaptureQueriesContext(connection) as queries:
        client_create(agency=agency, name="Second")
    assert not [q for q in queries if "COUNT(" in q["sql"].upper()]


def test_near_the_quota_every_create_counts_exactly(agency, settings):
    from django.core.exceptions import ValidationError

    from crm.clients.services import client_create
    from crm.models import Client

    settings.QUOTA_CLIENTS = 60  # within the margin from the start: counted every time
    for n in range(60):
        client_create(agency=agency, name=f"Client {n}")
    Client.objects.filter(agency=agency).first().delete()  # room for exactly one
    client_create(agency=agency, name="Replacement")
    with pytest.raises(ValidationError, match="limit of 60 clients"):
        client_create(agency=agency, name="Sixty-first")


def test_an_api_token_past_the_per_user_quota_is_refused(alice, settings):
    from django.core.exceptions import ValidationError

    from accounts.services import api_token_create, api_token_revoke

    settings.QUOTA_API_TOKENS_PER_USER = 3
    issued = [api_token_create(user=alice, name=f"t{n}") for n in range(3)]
    with pytest.raises(ValidationError, match="3 active API tokens"):
        api_token_create(user=alice, name="fourth")
    api_token_revoke(token=issued[0].token)  # a revoked one no longer counts
    api_token_create(user=alice, name="fourth")


def test_the_token_page_says_when_the_per_user_quota_is_reached(client, alice, settings):
    from accounts.models import ApiToken
    from accounts.services import api_token_create

    settings.QUOTA_API_TOKENS_PER_USER = 2
    for n in range(2):
        api_token_create(user=alice, name=f"t{n}")
    client.force_login(alice)
    response = client.post("/settings/api-tokens/", {"name": "third"})
    assert "2 active API tokens" in response.content.decode()
    assert ApiToken.objects.filter(user=alice).count() == 2


def test_the_default_quotas_are_generous():
    from django.conf import settings

    assert settings.QUOTA_CLIENTS == 200_000
    assert settings.QUOTA_ITINERARIES == settings.QUOTA_PROPOSALS == 100_000
    assert settings.QUOTA_BOOKINGS == 100_000
    assert settings.QUOTA_WEBSITE_FORMS == 100
    assert settings.QUOTA_API_TOKENS_PER_USER == 25
    assert settings.ITINERARY_MAX_ITEMS == 1_000


def test_a_website_form_past_the_agency_quota_is_refused_with_a_form_error(client, alice, settings):
    from crm.models import EnquiryForm
    from tests.factories import EnquiryFormFactory

    settings.QUOTA_WEBSITE_FORMS = 2
    EnquiryFormFactory.create_batch(2, agency=alice.agency)
    client.force_login(alice)
    response = client.post(
        "/settings/forms/new/",
        {"name": "Third", "allowed_origins": "https://www.alpha.example", "is_active": "on"},
    )
    assert response.status_code == 200
    assert "limit of 2 website forms" in response.content.decode()
    assert EnquiryForm.objects.filter(agency=alice.agency).count() == 2
