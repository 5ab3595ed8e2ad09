"""Query budgets of the hot API paths, enforced here rather than measured in bench/.

- a list: at most 3 SQL queries (token, exact count, page) plus one per to-many relation it
  shows (none of the v1 lists shows one), whatever the page size and the filters;
- an itinerary with its plan: at most 4 (token, itinerary with client, days, items), however
  many days and items it has;
- a lead POST: at most 5.
And no query inside a loop: the same request over more rows runs the same queries.

Requests go through the real API with a real bearer token; the token's last-use write (at
most once a minute, see ``warm``) is excluded by warming the token first.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from crm.models import Client, WebhookEndpoint
from tests.api.conftest import Api, warm
from tests.factories import (
    BookingFactory,
    ClientFactory,
    ItineraryDayFactory,
    ItineraryFactory,
    ItineraryItemFactory,
    ProposalFactory,
    SupplierFactory,
    TaskFactory,
)

LIST_BUDGET = 3
DETAIL_BUDGET = 4
# Who goes (an itinerary's or booking's named travellers, for the passport warning): one more.
TRAVELLERS_QUERY = 1
# The sixth: the webhook fan-out's subscriber asks whether the agency has an endpoint on; the
# seventh: the duplicate check (the same email or phone, crm.clients.duplicates).
LEAD_POST_BUDGET = 7


def _clients(agency, n: int) -> None:
    for i in range(n):
        ClientFactory(agency=agency, status="lead" if i % 2 else "active", tags=["vip"])


def _itineraries(agency, n: int) -> None:
    client = ClientFactory(agency=agency)
    for _ in range(n):
        ItineraryFactory(client=client, agency=agency)


def _proposals(agency, n: int) -> None:
    client = ClientFactory(agency=agency)
    for _ in range(n):
        ProposalFactory(client=client, agency=agency)


def _bookings(agency, n: int) -> None:
    client = ClientFactory(agency=agency)
    for _ in range(n):
        BookingFactory(client=client, agency=agency, supplier=SupplierFactory(agency=agency))


def _suppliers(agency, n: int) -> None:
    for i in range(n):
        supplier = SupplierFactory(agency=agency, type="hotel" if i % 2 else "airline")
        supplier.contacts.create(name=f"Desk {i}", email=f"desk{i}@example.com")
        supplier.contacts.create(name=f"Accounts {i}")


def _services(agency, n: int):
    from tests.factories import BookingServiceFactory

    booking = BookingFactory(client=ClientFactory(agency=agency), agency=agency)
    for _ in range(n):
        BookingServiceFactory(booking=booking, supplier=SupplierFactory(agency=agency))
    return booking


def _library_items(agency, n: int) -> None:
    from tests.factories import LibraryItemFactory

    for i in range(n):
        LibraryItemFactory(
            agency=agency,
            kind="accommodation" if i % 2 else "activity",
            title=f"Hotel night {i}" if i % 2 else f"Tour {i}",
            supplier=SupplierFactory(agency=agency) if i % 2 else None,
        )


def _tasks(agency, n: int) -> None:
    client = ClientFactory(agency=agency, status="active")
    for i in range(n):
        TaskFactory(agency=agency, client=client, title=f"Task {i}")


def _enquiries(agency, n: int) -> None:
    from tests.factories import EnquiryFactory, EnquiryFormFactory

    form = EnquiryFormFactory(agency=agency)
    for i in range(n):
        EnquiryFactory(form=form, client=ClientFactory(agency=agency), destination=f"Place {i}")


def _webhooks(agency, n: int) -> None:
    for i in range(n):
        WebhookEndpoint.objects.create(
            agency=agency, url=f"https://hooks.example.com/{i}", event_types=["client.created"]
        )


def _invoiced_booking(agency, n: int):
    from crm.invoices import services

    booking = BookingFactory(client=ClientFactory(agency=agency), agency=agency)
    for _ in range(n):
        services.invoice_issue(booking=booking, issued_by=None)
    return booking


def _invoices(agency, n: int) -> None:
    _invoiced_booking(agency, n)


def _receipted_booking(agency, n: int):
    import datetime as dt
    from decimal import Decimal

    from crm.invoices import services
    from crm.models import Payment

    booking = BookingFactory(client=ClientFactory(agency=agency), agency=agency)
    for _ in range(n):
        payment = Payment.objects.create(
            agency=agency,
            booking=booking,
            amount=Decimal("1.00"),
            currency="EUR",
            paid_on=dt.date(2026, 11, 1),
        )
        services.receipt_issue(payment=payment, issued_by=None)
    return booking


def _receipts(agency, n: int) -> None:
    _receipted_booking(agency, n)


def _commission_receipts(agency, n: int) -> None:
    from decimal import Decimal

    from crm.bookings import booked_services
    from crm.bookings.commission import commission_receipt_record

    booking = BookingFactory(client=ClientFactory(agency=agency), agency=agency)
    for _ in range(n):
        service = booked_services.booking_service_add(
            booking=booking,
            description="Lodge",
            supplier=SupplierFactory(agency=agency),
            price=Decimal("100.00"),
            commission_expected=Decimal("10.00"),
        )
        commission_receipt_record(service=service, amount=Decimal("4.00"))


def _templates(agency, n: int) -> None:
    from crm.trips.templates import template_from_itinerary

    trip = ItineraryFactory(client=ClientFactory(agency=agency), agency=agency)
    ItineraryItemFactory(day=ItineraryDayFactory(itinerary=trip, day_number=1))
    for i in range(n):
        template_from_itinerary(itinerary=trip, name=f"Template {i}")


def _instalments(agency, n: int) -> None:
    import datetime as dt
    from decimal import Decimal

    from crm.models import PaymentInstalment

    today = dt.date.today()
    for i in range(n):
        booking = BookingFactory(
            client=ClientFactory(agency=agency), agency=agency, amount_paid=Decimal("5.00")
        )
        for position, days in enumerate((-4, 10 + i % 20)):
            PaymentInstalment.objects.create(
                agency=agency,
                booking=booking,
                position=position,
                label=f"#{position}",
                due_date=today + dt.timedelta(days=days),
                amount=Decimal("50.00"),
            )


# path, query string, how to make n rows, to-many relations each row shows
LISTS: list[tuple[str, str, Callable[[Any, int], None], int]] = [
    ("/clients", "", _clients, 0),
    ("/clients", "status=lead&q=example&tag=vip", _clients, 0),
    ("/itineraries", "", _itineraries, 0),
    ("/proposals", "", _proposals, 0),
    ("/bookings", "", _bookings, 0),
    ("/tasks", "", _tasks, 0),
    ("/tasks", "status=open&due=later&sort=-due_date", _tasks, 0),
    ("/webhooks", "", _webhooks, 0),
    ("/enquiries", "", _enquiries, 0),
    ("/enquiries", "status=open&mine=false&q=place&sort=-created_at", _enquiries, 0),
    ("/webhooks", "is_active=true", _webhooks, 0),
    ("/bookings", "balance_due=true&date_from=2027-01-01&date_to=2027-12-31", _bookings, 0),
    ("/suppliers", "", _suppliers, 1),  # contacts
    ("/suppliers", "q=desk&type=hotel", _suppliers, 1),
    ("/library-items", "", _library_items, 0),  # suppliers joined
    ("/library-items", "q=hotel&kind=accommodation&sort=title", _library_items, 0),
    ("/invoices", "", _invoices, 0),
    ("/receipts", "", _receipts, 0),
    ("/commission-receipts", "", _commission_receipts, 0),
    ("/commission-receipts", "voided=false&date_from=2000-01-01", _commission_receipts, 0),
    ("/reports/payments-due", "days=90", _instalments, 0),
    ("/reports/overdue-instalments", "", _instalments, 0),
    ("/itinerary-templates", "", _templates, 0),
    ("/itinerary-templates", "q=template&sort=name", _templates, 0),
]
LIST_IDS = [f"{path}?{query}" for path, query, _, _ in LISTS]


def queries_of(fn: Callable[[], Any]) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        fn()
    return [q["sql"] for q in captured.captured_queries]


@pytest.mark.parametrize(("path", "query", "make", "to_many"), LISTS, ids=LIST_IDS)
def test_a_list_page_stays_within_three_queries_plus_one_per_to_many_relation(
    api: Api, agency, path, query, make, to_many, django_assert_max_num_queries
):
    make(agency, 30)

    with django_assert_max_num_queries(LIST_BUDGET + to_many):
        response = api.get(f"{path}?per_page=100&{query}")

    assert response.status_code == 200
    assert response.json()["meta"]["total"] >= 1


@pytest.mark.parametrize(("path", "query", "make", "to_many"), LISTS, ids=LIST_IDS)
def test_a_list_runs_no_query_per_row(api: Api, agency, path, query, make, to_many):
    make(agency, 2)
    few = queries_of(lambda: api.get(f"{path}?per_page=100&{query}"))
    make(agency, 40)

    many = queries_of(lambda: api.get(f"{path}?per_page=100&{query}"))

    assert len(many) == len(few)


def test_a_page_past_the_end_stays_within_the_list_budget(
    api: Api, agency, django_assert_max_num_queries
):
    _clients(agency, 3)

    with django_assert_max_num_queries(LIST_BUDGET):
        response = api.get("/clients?page=99")

    assert response.status_code == 200
    assert response.json()["data"] == []


def _itinerary(agency, days: int, items_per_day: int):
    itinerary = ItineraryFactory(client=ClientFactory(agency=agency), agency=agency)
    for number in range(1, days + 1):
        day = ItineraryDayFactory(itinerary=itinerary, day_number=number)
        for position in range(items_per_day):
            ItineraryItemFactory(day=day, position=position)
    return itinerary


@pytest.mark.parametrize(("days", "items_per_day"), [(1, 1), (14, 4), (30, 6)])
def test_an_itinerary_with_its_plan_stays_within_four_queries_whatever_its_length(
    api: Api, agency, days, items_per_day, django_assert_max_num_queries
):
    itinerary = _itinerary(agency, days, items_per_day)

    with django_assert_max_num_queries(DETAIL_BUDGET + TRAVELLERS_QUERY):
        response = api.get(f"/itineraries/{itinerary.pk}")

    assert response.status_code == 200
    plan = response.json()["data"]["days"]
    assert len(plan) == days
    assert sum(len(day["items"]) for day in plan) == days * items_per_day


def test_a_longer_itinerary_runs_the_same_queries_as_a_short_one(api: Api, agency):
    short = _itinerary(agency, 1, 1)
    long = _itinerary(agency, 21, 6)

    assert len(queries_of(lambda: api.get(f"/itineraries/{long.pk}"))) == len(
        queries_of(lambda: api.get(f"/itineraries/{short.pk}"))
    )


def _proposal_with_options(agency, options: int, lines: int):
    from crm.proposals.options import options_replace

    proposal = ProposalFactory(client=ClientFactory(agency=agency), agency=agency)
    options_replace(
        proposal=proposal,
        options=[
            {
                "title": f"Option {o}",
                "lines": [
                    {"description": f"Line {n}", "unit_price": "10.00"} for n in range(lines)
                ],
            }
            for o in range(options)
        ],
    )
    return proposal


@pytest.mark.parametrize(("options", "lines"), [(1, 1), (10, 50)])
def test_a_proposal_with_its_options_and_lines_stays_within_its_budget(
    api: Api, agency, options, lines, django_assert_max_num_queries
):
    proposal = _proposal_with_options(agency, options, lines)

    # token, proposal, options, lines, and who goes
    with django_assert_max_num_queries(DETAIL_BUDGET + TRAVELLERS_QUERY):
        response = api.get(f"/proposals/{proposal.pk}")

    assert response.status_code == 200
    shown = response.json()["data"]["options"]
    assert len(shown) == options and sum(len(o["lines"]) for o in shown) == options * lines


def test_a_lead_post_stays_within_its_query_budget(api: Api, agency, django_assert_max_num_queries):
    lead = {
        "name": "New Lead",
        "email": "lead@site.com",
        "phone": "+1 555 0100",
        "notes": "From website form",
        "tags": ["web"],
    }

    # The agency's client count (its quota, accounts/quotas.py) is read once per 10 minutes,
    # not on every post: an earlier post has read it.
    api.post("/clients", {"name": "Earlier lead"})
    with django_assert_max_num_queries(LEAD_POST_BUDGET):
        response = api.post("/clients", lead)

    assert response.status_code == 201
    assert response.json()["data"]["status"] == "lead"


def test_an_unknown_token_is_refused_after_one_query(anonymous: Api, db):
    anonymous.token = "itn_000000000000.no-such-token"

    sql = queries_of(lambda: anonymous.get("/clients"))

    assert len(sql) <= 1


def test_a_deep_page_reads_the_page_ids_first_in_the_same_single_query(
    api: Api, agency, monkeypatch
):
    from api import pagination

    _clients(agency, 10)
    monkeypatch.setattr(pagination, "DEFERRED_JOIN_OFFSET", 10**9)
    shallow_way = api.get("/clients?per_page=3&page=3").json()
    monkeypatch.setattr(pagination, "DEFERRED_JOIN_OFFSET", 2)

    sql = queries_of(lambda: api.get("/clients?per_page=3&page=3"))
    deep_way = api.get("/clients?per_page=3&page=3").json()

    assert deep_way == shallow_way
    assert [row["id"] for row in deep_way["data"]] == [
        c.pk for c in Client.objects.filter(agency=agency).order_by("-created_at", "-id")[6:9]
    ]
    assert len(sql) <= LIST_BUDGET
    assert any('"id" IN (SELECT' in q for q in sql)


def test_a_list_page_reads_only_the_columns_it_shows(api: Api, agency):
    ClientFactory(agency=agency, source_details={"form": "website"}, notes="Shown")
    with CaptureQueriesContext(connection) as queries:
        response = api.get("/clients")
    assert response.status_code == 200
    page = next(q["sql"] for q in queries.captured_queries if '"crm_client"."name"' in q["sql"])
    assert '"crm_client"."notes"' in page  # shown in the list
    assert "source_details" not in page  # never shown in a list
    assert "created_by_id" not in page
    assert set(response.json()["data"][0]) >= {"id", "name", "notes", "tags", "created_at"}


def _booking_with_money(agency, payments_count: int, instalments: int):
    import datetime as dt
    from decimal import Decimal

    from crm.bookings import payments, schedules

    booking = BookingFactory(
        client=ClientFactory(agency=agency), agency=agency, total_price=Decimal("100000.00")
    )
    share = Decimal("100000.00") / instalments
    rows = [
        {
            "label": f"#{n}",
            "due_date": dt.date(2027, 1, 1) + dt.timedelta(days=30 * n),
            "amount": share,
        }
        for n in range(instalments)
    ]
    schedules.schedule_set(booking=booking, instalments=rows)
    for _ in range(payments_count):
        payments.payment_record(booking=booking, amount=Decimal("10.00"))
    return booking


@pytest.mark.parametrize(("payments_count", "instalments"), [(0, 1), (3, 2), (30, 20)])
def test_a_booking_with_its_schedule_and_payments_stays_within_five_queries(
    api: Api, agency, payments_count, instalments, django_assert_max_num_queries
):
    booking = _booking_with_money(agency, payments_count, instalments)
    # token, booking, services, payments, instalments, named travellers
    with django_assert_max_num_queries(DETAIL_BUDGET + 1 + TRAVELLERS_QUERY):
        response = api.get(f"/bookings/{booking.pk}")
    data = response.json()["data"]
    assert len(data["payments"]) == payments_count
    assert len(data["schedule"]["instalments"]) == instalments


def test_a_bookings_payment_list_runs_the_same_queries_however_many_payments(api: Api, agency):
    few = _booking_with_money(agency, 1, 1)
    many = _booking_with_money(agency, 40, 10)
    assert len(queries_of(lambda: api.get(f"/bookings/{many.pk}/payments?per_page=100"))) == len(
        queries_of(lambda: api.get(f"/bookings/{few.pk}/payments?per_page=100"))
    )
    assert len(queries_of(lambda: api.get(f"/bookings/{many.pk}"))) == len(
        queries_of(lambda: api.get(f"/bookings/{few.pk}"))
    )


@pytest.mark.parametrize("services", [1, 12, 40])
def test_a_booking_with_its_services_and_payments_stays_within_six_queries(
    api: Api, agency, services, django_assert_max_num_queries
):
    booking = _services(agency, services)

    # token, booking (client, proposal, itinerary, supplier), services (with suppliers),
    # payments, instalments; one spare for the token's last-use write
    with django_assert_max_num_queries(DETAIL_BUDGET + 2):
        response = api.get(f"/bookings/{booking.pk}")

    assert response.status_code == 200
    assert len(response.json()["data"]["services"]) == services


def test_a_bookings_services_list_runs_the_same_queries_whatever_their_number(api: Api, agency):
    few = _services(agency, 2)
    many = _services(agency, 40)

    assert len(queries_of(lambda: api.get(f"/bookings/{many.pk}/services?per_page=100"))) == len(
        queries_of(lambda: api.get(f"/bookings/{few.pk}/services?per_page=100"))
    )


@pytest.mark.parametrize("make", [_invoiced_booking, _receipted_booking])
def test_a_bookings_invoices_and_receipts_run_the_same_queries_however_many(
    api: Api, agency, make, django_assert_max_num_queries
):
    few, many = make(agency, 1), make(agency, 30)
    kind = "invoices" if make is _invoiced_booking else "receipts"
    # token, booking (the parent), count, page
    with django_assert_max_num_queries(LIST_BUDGET + 1):
        response = api.get(f"/bookings/{many.pk}/{kind}?per_page=100")
    assert response.json()["meta"]["total"] == 30
    assert len(queries_of(lambda: api.get(f"/bookings/{many.pk}/{kind}?per_page=100"))) == len(
        queries_of(lambda: api.get(f"/bookings/{few.pk}/{kind}?per_page=100"))
    )
    document = response.json()["data"][0]["id"]
    with django_assert_max_num_queries(2):  # token, the document
        assert api.get(f"/{kind}/{document}").status_code == 200


# The reports that are not paginated lists: one aggregate query each after the token's.
REPORT_BUDGET = 2


@pytest.mark.parametrize(
    "path", ["/reports/monthly?from=2025-01&to=2026-12", "/reports/commission-outstanding"]
)
def test_a_report_is_one_query_whatever_the_agency_holds(api: Api, agency, path):
    _commission_receipts(agency, 2)
    few = queries_of(lambda: api.get(path))
    _commission_receipts(agency, 30)
    _bookings(agency, 30)

    many = queries_of(lambda: api.get(path))

    assert len(many) == len(few) <= REPORT_BUDGET


@pytest.mark.parametrize("path", ["/clients", "/bookings", "/tasks", "/enquiries"])
def test_an_agent_restricted_to_own_clients_lists_within_the_same_budget(
    agency, amir, path, django_assert_max_num_queries
):
    from tests.factories import make_token

    agency.agents_see_own_clients = True
    agency.save()
    for make in (_clients, _bookings, _tasks, _enquiries):
        make(agency, 10)
    from crm.models import Client

    Client.objects.filter(agency=agency).update(assigned_to=amir)
    issued = make_token(amir)
    warm(issued.token)
    agent = Api(issued.plaintext)
    with django_assert_max_num_queries(LIST_BUDGET):
        response = agent.get(f"{path}?per_page=100")
    assert response.status_code == 200
    assert response.json()["meta"]["total"] >= 10


# CSV imports (/client-imports) ---------------------------------------------------------------


def _import(agency, rows: int):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from crm.clients.imports import import_upload

    lines = ["Name,Email,Phone"] + [
        f"Person {n},client{n}@example.com,+44 20 7946 {n:04d}" for n in range(rows)
    ]
    upload = SimpleUploadedFile("people.csv", "\n".join(lines).encode(), "text/csv")
    return import_upload(agency=agency, created_by=None, upload=upload)


def _imports(agency, n: int) -> None:
    for _ in range(n):
        _import(agency, 3)


LISTS.append(("/client-imports", "", _imports, 0))
LIST_IDS.append("/client-imports?")


def test_an_import_and_its_preview_run_the_same_queries_however_many_rows_and_matches(
    api: Api, agency, django_assert_max_num_queries
):
    small = _import(agency, 1)
    big = _import(agency, 400)
    for n in range(0, 400, 20):  # rows of the preview match existing clients
        ClientFactory(agency=agency, email=f"client{n}@example.com", phone="")

    # token, the import
    with django_assert_max_num_queries(DETAIL_BUDGET - 2):
        assert api.get(f"/client-imports/{big.pk}").status_code == 200
    # token, the import (with its agency), its chunks' ids, the first chunk, the matches
    with django_assert_max_num_queries(DETAIL_BUDGET + 1):
        response = api.get(f"/client-imports/{big.pk}/preview")
    assert response.status_code == 200
    assert any(row["duplicate_ids"] for row in response.json()["data"]["rows"])
    for suffix in ("", "/preview"):
        assert len(queries_of(partial(api.get, f"/client-imports/{big.pk}{suffix}"))) == len(
            queries_of(partial(api.get, f"/client-imports/{small.pk}{suffix}"))
        )


def test_the_booking_detail_joins_only_the_agency_and_the_supplier(api: Api, agency):
    # A 7-table join (client, proposal, itinerary, archiving user too) cost PostgreSQL 3-4.5 ms
    # of planning per request at 1M clients, for relations the detail shows only as ids.
    booking = _services(agency, 3)
    proposal = ProposalFactory(client=booking.client, agency=agency)
    itinerary = ItineraryFactory(client=booking.client, agency=agency)
    type(booking).objects.filter(pk=booking.pk).update(proposal=proposal, itinerary=itinerary)
    booking_query = '"crm_booking"."reference"'

    with CaptureQueriesContext(connection) as queries:
        response = api.get(f"/bookings/{booking.pk}")

    sql = next(q["sql"] for q in queries.captured_queries if booking_query in q["sql"])
    joined = sql.split(" FROM ", 1)[1]
    assert '"crm_supplier"' in joined
    assert '"accounts_agency"' in joined
    for table in ("crm_client", "crm_proposal", "crm_itinerary", "accounts_user"):
        assert f'"{table}"' not in joined, table
    data = response.json()["data"]
    assert (data["client_id"], data["proposal_id"], data["itinerary_id"]) == (
        booking.client_id,
        proposal.pk,
        itinerary.pk,
    )
    assert data["supplier"] == booking.supplier_name
    assert len(data["services"]) == 3
