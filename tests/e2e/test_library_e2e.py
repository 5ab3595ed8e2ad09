"""The builder's "Insert from the library" in a real browser: a saved item chosen in a day's
select goes into that day in place (htmx), is announced, and carries its supplier; "Save to
library" on an item lands on the builder again saying so."""

from __future__ import annotations

import pytest

from accounts.models import Role
from crm.models import ItineraryDay, ItineraryItem, LibraryItem
from tests.e2e.test_keyboard_e2e import LIVE, open_page
from tests.factories import (
    AgencyFactory,
    ClientFactory,
    ItineraryFactory,
    SupplierFactory,
    UserFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def agent(db):
    agency = AgencyFactory(name="Alpha Tours", slug="alpha-tours", default_currency="EUR")
    return UserFactory(username="alice", agency=agency, role=Role.OWNER, name="Alice Owner")


def test_a_library_item_is_inserted_into_a_day_and_an_item_saved_to_the_library(
    chromium, live_server, plain_http, agent
):
    agency = agent.agency
    itinerary = ItineraryFactory(client=ClientFactory(agency=agency), title="Lisbon")
    ItineraryDay.objects.create(itinerary=itinerary, day_number=1, title="Arrival")
    two = ItineraryDay.objects.create(itinerary=itinerary, day_number=2, title="Sintra")
    ItineraryItem.objects.create(day=two, position=0, title="Tram 28")
    pena = LibraryItem.objects.create(
        agency=agency,
        kind="activity",
        title="Pena Palace tour",
        supplier=SupplierFactory(agency=agency, name="Sintra Guides"),
        notes="Skip-the-line tickets",
    )
    context, page = open_page(chromium, live_server, width=1280)
    page.goto(f"/itineraries/{itinerary.pk}/")

    page.locator(f"#day-{two.pk} .day__add > summary").click()
    select = page.locator(f"#day{two.pk}-library")
    assert page.locator(f"label[for=day{two.pk}-library]").inner_text() == (
        "Insert from the library"
    )
    select.select_option(str(pena.pk))
    page.locator(f"#day-{two.pk} .library-insert button").click()

    page.wait_for_function(f"() => {LIVE}.textContent.includes('Added Pena Palace tour')")
    inserted = ItineraryItem.objects.get(day=two, title="Pena Palace tour")
    row = page.locator(f"#item-{inserted.pk}")
    assert "Sintra Guides" in row.inner_text() and "Skip-the-line tickets" in row.inner_text()
    assert list(two.items.order_by("position").values_list("title", flat=True)) == [
        "Tram 28",
        "Pena Palace tour",
    ]
    assert inserted.supplier.name == "Sintra Guides"

    tram = ItineraryItem.objects.get(day=two, title="Tram 28")
    page.locator("button[aria-label='Save Tram 28 to the library']").click()
    page.wait_for_selector("text=“Tram 28” saved to the library.")
    assert LibraryItem.objects.filter(agency=agency, title="Tram 28").exists()
    assert page.url.endswith(f"?day=2#item-{tram.pk}")
    context.close()
