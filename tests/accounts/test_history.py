"""The history in words: every event a sentence, every diff lines a person can read, the
names behind ids read for a whole page at once."""

from __future__ import annotations

import ast
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from accounts.audit import AUDITED, audit_context
from accounts.events import EVENTS, named_event, record_event
from accounts.history import describe, detail_lines, prepare
from accounts.models import Activity
from crm.bookings import services as booking_services
from crm.clients import services as client_services
from crm.clients.selectors import client_activity
from crm.trips import plan
from tests.factories import (
    BookingFactory,
    ClientFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ProposalFactory,
)

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
EMITTERS = {"named_event", "record_event", "record_plan_event", "_record_form_event"}


def _emitted_names() -> set[str]:
    """Every literal event name the project's code passes to an event writer."""
    names: set[str] = set()
    for path in ROOT.glob("**/*.py"):
        parts = path.relative_to(ROOT).parts
        if parts[0] in {".venv", "tests", "node_modules"} or "migrations" in parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called not in EMITTERS:
                continue
            for value in ast.walk(node.args[0]):
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    names.add(value.value)
    return names


def _history(agency, client):
    return prepare(client_activity(agency=agency, client_id=client.pk))


# The catalogue -----------------------------------------------------------------------------


def test_every_event_the_code_can_emit_has_a_sentence():
    defaults = {
        f"{label.split('.')[1].lower()}.{past}"
        for label in AUDITED
        for past in ("created", "updated", "deleted")
    }
    emitted = _emitted_names()
    assert "itinerary.item_moved" in emitted and "enquiry.received" in emitted  # the scan works
    assert sorted((emitted | defaults) - set(EVENTS)) == []


def test_an_unknown_event_name_is_refused_before_anything_is_written(agency):
    with pytest.raises(ValueError, match="EVENTS"):
        record_event("client.teleported", agency_id=agency.pk)
    assert not Activity.objects.exists()


def test_every_sentence_begins_with_who_or_says_itinera():
    for name, sentence in EVENTS.items():
        assert sentence.startswith(("{actor}", "Itinera", "Someone")), name


# Sentences ---------------------------------------------------------------------------------


def test_a_client_created_in_the_dashboard_reads_as_a_sentence(agency, alice):
    with audit_context(channel="dashboard", actor=alice):
        client = client_services.client_create(agency=agency, name="Noor Haddad")
    [entry] = _history(agency, client)
    assert entry.summary == "Alice Owner added the client Noor Haddad"
    assert "Name: Noor Haddad" in entry.details
    assert "Status: Lead" in entry.details


def test_an_update_reads_with_labels_and_choice_names_not_field_names(agency, alice, amir):
    client = ClientFactory(agency=agency, name="Noor", status="lead")
    with audit_context(channel="api", actor=alice):
        client_services.client_update(client=client, status="active", assigned_to=amir.pk)
    entry = _history(agency, client)[0]
    assert entry.summary == "Alice Owner updated the client Noor"
    assert "Status: Lead → Active" in entry.details
    assert "Assigned to: — → Amir Agent" in entry.details
    assert not any("_id" in line or ": 1" in line for line in entry.details)


def test_a_payment_reads_with_its_amount_and_currency(agency, amir):
    booking = BookingFactory(agency=agency, currency="EUR")
    with audit_context(channel="dashboard", actor=amir):
        booking_services.payment_record(booking=booking, amount=Decimal("500.00"))
    entry = next(e for e in _history(agency, booking.client) if e.object_type == "payment")
    assert entry.summary.startswith("Amir Agent ")
    assert entry.summary.endswith("a payment of 500.00 EUR")
    assert "Amount: 500.00 EUR" in entry.details


def test_a_recorded_payment_reads_as_recorded(agency, amir):
    client = ClientFactory(agency=agency)
    record_event(
        "payment.recorded",
        agency_id=agency.pk,
        object_type="payment",
        object_repr="500.00 EUR",
        client_id=client.pk,
        actor=amir,
    )
    assert _history(agency, client)[0].summary == "Amir Agent recorded a payment of 500.00 EUR"


def test_a_money_change_carries_the_records_currency(agency):
    booking = BookingFactory(agency=agency, currency="GBP", total_price=Decimal("100.00"))
    booking.total_price = Decimal("150.00")
    booking.save()
    entry = next(e for e in _history(agency, booking.client) if e.event == "booking.updated")
    assert entry.data["currency"] == "GBP"
    assert "Total price: 100.00 GBP → 150.00 GBP" in entry.details


def test_what_the_client_does_on_their_link_is_said_in_their_name(agency):
    client = ClientFactory(agency=agency, name="Eleanor Vance")
    proposal = ProposalFactory(agency=agency, client=client, title="Amalfi Coast", status="sent")
    with audit_context(channel="client_link"), named_event("proposal.accepted", subject=proposal):
        proposal.status = "accepted"
        proposal.save()
    entry = next(e for e in _history(agency, client) if e.event == "proposal.accepted")
    assert entry.summary == "Eleanor Vance accepted the proposal Amalfi Coast on their link"
    assert "Status: Sent → Accepted" in entry.details


def test_the_system_speaks_as_itinera(agency):
    client = ClientFactory(agency=agency)
    proposal = ProposalFactory(agency=agency, client=client, title="Azores", status="sent")
    with named_event("proposal.expired", subject=proposal):
        proposal.status = "expired"
        proposal.save()
    entry = next(e for e in _history(agency, client) if e.event == "proposal.expired")
    assert entry.summary == "Itinera: the proposal Azores expired"
    client_services.client_update(client=client, city="Porto")
    assert _history(agency, client)[0].summary.startswith("Itinera updated the client")


def test_a_website_enquiry_is_said_in_the_enquirers_name(agency):
    from crm.enquiries.services import enquiry_submit
    from tests.factories import EnquiryFormFactory

    form = EnquiryFormFactory(agency=agency, name="Contact page")
    result = enquiry_submit(form=form, data={"name": "Noor Haddad", "email": "n@example.com"})
    entries = _history(agency, result.enquiry.client)
    received = next(e for e in entries if e.event == "enquiry.received")
    assert received.summary == "Noor Haddad sent an enquiry through the website form Contact page"
    assert received.details == ["New lead created"]


def test_dates_read_in_full_and_timestamps_without_microseconds(agency, alice):
    booking = BookingFactory(agency=agency, start_date=dt.date(2026, 6, 3))
    booking.start_date = dt.date(2026, 6, 10)
    booking.save()
    entry = next(e for e in _history(agency, booking.client) if e.event == "booking.updated")
    assert "Start date: 3 June 2026 → 10 June 2026" in entry.details
    stamp = Activity(
        event="proposal.updated",
        action="update",
        object_type="proposal",
        changes={"sent_at": [None, "2026-06-01T10:22:03.123456+00:00"]},
    )
    assert detail_lines(stamp, {}) == ["Sent at: — → 1 June 2026, 10:22"]


def test_plan_edits_read_as_what_the_agent_did(agency, amir):
    trip = ItineraryFactory(client=ClientFactory(agency=agency), title="Lisbon")
    with audit_context(channel="dashboard", actor=amir):
        day = plan.itinerary_day_add(itinerary=trip, title="Arrival")
        plan.itinerary_day_add(itinerary=trip, title="Sintra")
        item = plan.itinerary_item_add(day=day, title="Tram 28")
        plan.itinerary_item_update(item=item, start_time=dt.time(9, 30))
        plan.itinerary_day_move(day=day, to=2)
    summaries = [e.summary for e in _history(agency, trip.client)][:5]
    assert summaries == [
        "Amir Agent moved day 1 of Lisbon to day 2",
        "Amir Agent edited “Tram 28” on day 1 of Lisbon",
        "Amir Agent added “Tram 28” to day 1 of Lisbon",
        "Amir Agent added day 2 to Lisbon",
        "Amir Agent added day 1 to Lisbon",
    ]
    edited = _history(agency, trip.client)[1]
    assert edited.details == ["Start time: — → 09:30"]


def test_a_replaced_plan_reads_with_its_counts(agency):
    trip = ItineraryFactory(client=ClientFactory(agency=agency), title="Lisbon")
    ItineraryDayFactory(itinerary=trip, day_number=1)
    from crm.trips.services import itinerary_update

    itinerary_update(itinerary=trip, days=[{"title": "A"}, {"title": "B"}])
    entry = next(e for e in _history(agency, trip.client) if e.event == "itinerary.plan_replaced")
    assert entry.summary == "Itinera replaced the day-by-day plan of Lisbon"
    assert entry.details == ["Days: 1 → 2", "Items: 0 → 0"]


def test_a_note_reads_as_the_note_not_as_the_whole_notes_field(agency, amir):
    client = ClientFactory(agency=agency, notes="Old notes " * 20)
    with audit_context(channel="dashboard", actor=amir):
        client_services.client_note_add(client=client, text="Prefers aisle seats", author=amir)
    entry = _history(agency, client)[0]
    assert entry.summary == "Amir Agent added a note"
    assert entry.details == ["Prefers aisle seats"]


def test_a_row_whose_data_predates_its_sentence_still_reads(agency):
    row = Activity(event="itinerary.day_added", action="update", object_type="itinerary")
    row.object_repr = "Lisbon"
    assert describe(row) == "Itinera: itinerary Lisbon updated"


# A page at once ----------------------------------------------------------------------------


@pytest.mark.parametrize("rows", [2, 20])
def test_names_behind_ids_cost_one_query_per_kind_whatever_the_page(
    agency, alice, amir, rows, django_assert_num_queries
):
    client = ClientFactory(agency=agency)
    for n in range(rows):
        client_services.client_update(client=client, assigned_to=(amir if n % 2 else alice).pk)
    page = list(client_activity(agency=agency, client_id=client.pk))
    with django_assert_num_queries(1):  # the members named on the page
        prepared = prepare(page)
    assert "Assigned to: Alice Owner → Amir Agent" in prepared[rows - 2].details


def test_another_agencys_member_is_never_named(agency, bob):
    row = Activity(
        agency=agency,
        event="client.updated",
        action="update",
        object_type="client",
        changes={"assigned_to_id": [None, bob.pk]},
    )
    [prepared] = prepare([row])
    assert prepared.details == [f"Assigned to: — → #{bob.pk}"]


def test_money_corrections_and_schedules_read_as_what_happened_and_why(agency, alice):
    from crm.bookings import payments, schedules

    booking = BookingFactory(agency=agency, currency="GBP", total_price=Decimal("1000.00"))
    with audit_context(channel="dashboard", actor=alice):
        paid = payments.payment_record(booking=booking, amount=Decimal("500.00"))
        payments.payment_record(booking=booking, amount=Decimal("60.00"), kind="refund")
        payments.payment_update(payment=paid, actor=alice, reason="bank says 400", amount="400")
        schedules.schedule_apply_template(booking=booking, template="full")
    refund, corrected, scheduled = [
        e.summary
        for e in reversed(_history(agency, booking.client))
        if e.summary.split(" ", 2)[-1].startswith(("recorded a refund", "corrected", "set the"))
    ]
    assert refund == "Alice Owner recorded a refund of 60.00 GBP"
    assert corrected == "Alice Owner corrected the payment of 400.00 GBP: bank says 400"
    assert scheduled == f"Alice Owner set the payment schedule of {booking.reference}"
    with audit_context(channel="dashboard", actor=alice):
        payments.payment_record(booking=booking, amount=Decimal("10.00"))
        last = booking.payments.order_by("id").last()
        payments.payment_void(payment=last, actor=alice, reason="duplicate")
    assert _history(agency, booking.client)[0].summary == (
        "Alice Owner voided the payment of 10.00 GBP: duplicate"
    )


def test_booked_services_read_as_what_the_agent_did_to_the_booking(agency, amir):
    from crm.bookings import booked_services

    booking = BookingFactory(client=ClientFactory(agency=agency), reference="BK-LIS001")
    with audit_context(channel="dashboard", actor=amir):
        service = booked_services.booking_service_add(
            booking=booking, description="Hotel Avenida", price="900", supplier_name="Avenida"
        )
        booked_services.booking_service_update(service=service, price="950")
        booked_services.booking_service_cancel(service=service)
        booked_services.booking_service_remove(service=service)
    summaries = [e.summary for e in _history(agency, booking.client)][:4]
    assert summaries == [
        "Amir Agent removed “Hotel Avenida” from the booking BK-LIS001",
        "Amir Agent cancelled “Hotel Avenida” on the booking BK-LIS001",
        "Amir Agent updated “Hotel Avenida” on the booking BK-LIS001",
        "Amir Agent added “Hotel Avenida” to the booking BK-LIS001",
    ]


def test_a_supplier_reads_as_added_to_the_directory(agency, amir):
    from crm.suppliers.services import supplier_create

    with audit_context(channel="dashboard", actor=amir):
        supplier = supplier_create(agency=agency, name="Só Ilhas DMC")
    row = Activity.objects.get(event="supplier.created", object_id=supplier.pk)
    assert row.client_id is None  # the directory is in no client's history
    assert prepare([row])[0].summary == "Amir Agent added the supplier Só Ilhas DMC"


def test_a_relation_recorded_by_name_reads_as_the_name(agency):
    # A supplier given by name (the API's ``supplier``) was a 500 on the client's activity
    # (the schema fuzzing): the name is said as it is.
    row = Activity(
        event="booking.updated",
        action="update",
        object_type="booking",
        changes={"supplier": [None, "Air France"]},
    )
    assert detail_lines(row, {}) == ["Supplier: — → Air France"]
