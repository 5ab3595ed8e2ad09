"""``seed_demo`` creates the demo once, and its data agrees with itself."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.models import Activity
from crm.clients import archive as client_archive
from crm.demo.data import DEMO_SLUG, DEMO_USERNAME, LEAD_ENQUIRIES
from crm.enquiries import selectors as enquiry_selectors
from crm.models import Client, ClientSource, Enquiry, EnquiryForm

pytestmark = pytest.mark.django_db


def run() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_a_demo_client_deleted_stays_deleted_after_a_rerun():
    run()
    aisha = Client.objects.get(agency__slug=DEMO_SLUG, email="aisha@example.com")
    client_archive.client_delete(client=aisha, actor=None)

    output = run()

    assert "already exists: nothing created" in output
    assert not Client.objects.filter(agency__slug=DEMO_SLUG, email="aisha@example.com").exists()


def test_every_website_lead_has_an_enquiry_of_the_demo_form():
    run()
    leads = Client.objects.filter(agency__slug=DEMO_SLUG, source=ClientSource.WEB_FORM)
    form = EnquiryForm.objects.get(agency__slug=DEMO_SLUG)

    assert leads.count() == len(LEAD_ENQUIRIES) == 6
    for lead in leads:
        enquiry = Enquiry.objects.get(client=lead)
        assert enquiry.form == form
        assert enquiry.email == lead.email
        assert enquiry.created_at < timezone.now() - timezone.timedelta(days=1)


def test_the_demo_forms_page_counts_its_enquiries():
    run()
    summary = enquiry_selectors.enquiry_form_summaries(
        agency=EnquiryForm.objects.get(agency__slug=DEMO_SLUG).agency
    ).get()

    assert summary.enquiry_count == 6
    assert summary.last_enquiry_at is not None


def test_the_readme_says_a_rerun_creates_nothing_new():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()

    assert "seed_demo" in readme
    assert "creates nothing new" in readme


def test_the_demo_history_reads_as_the_owners_work_and_the_websites_leads(db):
    call_command("seed_demo", stdout=io.StringIO())
    events = Activity.objects.filter(agency__slug=DEMO_SLUG)

    assert not events.filter(channel="system").exists()
    owner_events = events.filter(actor__username=DEMO_USERNAME, channel="dashboard")
    assert owner_events.filter(event="booking.created").exists()
    assert events.filter(event="enquiry.received", channel="web_form").count() == 6


def test_the_demo_has_a_deposit_paid_a_balance_coming_due_and_an_overdue_instalment():
    from crm.models import Booking

    run()
    paid = Booking.objects.get(agency__slug=DEMO_SLUG, reference="HZ-2026-001")
    deposit, balance = paid.schedule.instalments
    assert (deposit.state, balance.state) == ("paid", "due")
    assert paid.schedule.matches_total
    late = Booking.objects.get(agency__slug=DEMO_SLUG, reference="HZ-2026-003")
    assert [row.state for row in late.schedule.instalments] == ["overdue", "due"]


def test_the_demo_bookings_have_services_from_its_supplier_directory():
    from decimal import Decimal

    from crm.bookings.financials import booking_financials
    from crm.demo.trips import BOOKINGS
    from crm.models import Booking, Supplier

    run()
    suppliers = Supplier.objects.filter(agency__slug=DEMO_SLUG)
    assert suppliers.filter(contacts__isnull=False).distinct().count() >= 5
    assert suppliers.get(name="Galle Face Hotel").type == "hotel"
    for ref, *_rest, total, _paid, _offset in BOOKINGS:
        booking = Booking.objects.get(agency__slug=DEMO_SLUG, reference=ref)
        figures = booking_financials(booking)
        assert figures.priced_by == "services"
        assert figures.total_price == Decimal(total)  # the services add up to the total
        assert figures.margin > 0


def test_the_demo_library_has_a_hotel_a_transfer_and_an_activity_with_their_suppliers():
    from crm.models import LibraryItem

    output = run()

    assert "5 library items" in output
    library = LibraryItem.objects.filter(agency__slug=DEMO_SLUG).select_related("supplier")
    by_kind = {item.kind: item for item in library}
    assert {"accommodation", "transfer", "activity"} <= set(by_kind)
    assert by_kind["accommodation"].supplier.name == "Galle Face Hotel"
    assert by_kind["activity"].supplier.name == "Dolphin Seafaris"
    assert all(item.notes for item in library)
    # Named from the directory, not added beside it.
    assert not library.filter(supplier__type="other").exists()
