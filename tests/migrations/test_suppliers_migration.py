"""crm 0015: the free-text supplier of bookings and itinerary items becomes supplier records,
per agency, deduplicated ignoring case and spaces, with every row pointing at its record and no
text lost."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("crm", "0014_notification_kinds")]
AFTER = [("crm", "0015_suppliers")]


def _migrate(targets: list[tuple[str, str]]) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_free_text_suppliers_become_records_without_loss(agency, other_agency):
    try:
        _migrate(BEFORE)
        old = MigrationExecutor(connection).loader.project_state(BEFORE).apps
        Client = old.get_model("crm", "Client")
        Booking = old.get_model("crm", "Booking")
        Itinerary = old.get_model("crm", "Itinerary")
        Day = old.get_model("crm", "ItineraryDay")
        Item = old.get_model("crm", "ItineraryItem")
        texts = {}
        for owner, word in ((agency, "A"), (other_agency, "B")):
            client = Client.objects.create(agency_id=owner.pk, name=f"{word} client")
            trip = Itinerary.objects.create(agency_id=owner.pk, client=client, title="Trip")
            day = Day.objects.create(itinerary=trip, day_number=1)
            rows = [
                Item.objects.create(day=day, title="1", supplier="TAP Air Portugal"),
                Item.objects.create(day=day, title="2", supplier="  tap air portugal "),
                Item.objects.create(day=day, title="3", supplier=""),
                Item.objects.create(day=day, title="4", supplier="Hotel Avenida Palace"),
            ]
            booking = Booking.objects.create(
                agency_id=owner.pk, client=client, reference=f"BK-{word}", supplier="TAP AIR PORTUGAL"
            )
            other = Booking.objects.create(
                agency_id=owner.pk, client=client, reference=f"BK-{word}2", supplier="Só Ilhas DMC"
            )
            texts[owner.pk] = {
                "items": {row.pk: row.supplier for row in rows},
                "bookings": {booking.pk: booking.supplier, other.pk: other.supplier},
            }
        _migrate(AFTER)
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    from accounts.models import Activity
    from crm.models import Booking as NewBooking
    from crm.models import ItineraryItem, Supplier

    for owner in (agency, other_agency):
        names = sorted(Supplier.objects.for_agency(owner).values_list("name", flat=True))
        assert names == ["Hotel Avenida Palace", "Só Ilhas DMC", "TAP Air Portugal"]
        assert set(Supplier.objects.for_agency(owner).values_list("type", flat=True)) == {"other"}
        for pk, text in texts[owner.pk]["items"].items():
            item = ItineraryItem.objects.select_related("supplier").get(pk=pk)
            if text.strip():
                assert item.supplier.agency_id == owner.pk
                assert item.supplier.name.casefold() == text.strip().casefold()
            else:
                assert item.supplier is None
        for pk, text in texts[owner.pk]["bookings"].items():
            booking = NewBooking.objects.select_related("supplier").get(pk=pk)
            assert booking.supplier.agency_id == owner.pk
            assert booking.supplier.name.casefold() == text.strip().casefold()
    created = Activity.objects.filter(event="supplier.created", channel="system")
    assert created.count() == 6  # three per agency, each in the history
