"""The tenant tripwire (tests/hardening/tripwire.py) fires on an unscoped read of a tenant table
inside a request, and stays quiet for scoped reads, allowlisted lookups and reads outside requests.

The views below exist only here: ``pytest.mark.urls`` mounts this module as the URL
configuration for the tests that need them.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.test import Client as HttpClient
from django.urls import path

from crm.models import Booking, Client, Payment
from crm.proposals import selectors as proposal_selectors
from tests.factories import ClientFactory, PaymentFactory, ProposalFactory
from tests.hardening import tripwire as tw


def unscoped_view(request: HttpRequest, client_id: int) -> HttpResponse:
    # The bug the tripwire exists for: a lookup by id that forgot the agency.
    return HttpResponse(Client.objects.get(pk=client_id).name)


def scoped_view(request: HttpRequest, client_id: int) -> HttpResponse:
    client = Client.objects.for_agency(int(request.GET["agency"])).get(pk=client_id)
    return HttpResponse(client.name)


def or_view(request: HttpRequest, client_id: int) -> HttpResponse:
    # agency_id is in the WHERE clause, but an OR lets every agency's rows through.
    rows = Client.objects.filter(Q(agency_id=request.GET["agency"]) | Q(pk=client_id))
    return HttpResponse(", ".join(c.name for c in rows))


def relation_view(request: HttpRequest, payment_id: int) -> HttpResponse:
    payment = Payment.objects.for_agency(int(request.GET["agency"])).get(pk=payment_id)
    booking = payment.booking  # follows the row's own foreign key
    return HttpResponse(f"{booking.reference} {booking.payments.count()}")


def share_view(request: HttpRequest, token: str) -> HttpResponse:
    return HttpResponse(proposal_selectors.proposal_get_by_share_token(token=token).title)


urlpatterns = [
    path("unscoped/<int:client_id>", unscoped_view),
    path("scoped/<int:client_id>", scoped_view),
    path("or/<int:client_id>", or_view),
    path("relation/<int:payment_id>", relation_view),
    path("share/<str:token>", share_view),
]

pytestmark = [pytest.mark.urls(__name__), pytest.mark.django_db]


def test_it_fires_on_an_unscoped_read_inside_a_request(tenant_tripwire):
    client = ClientFactory(name="Zelda Unscoped")

    response = HttpClient().get(f"/unscoped/{client.pk}")

    assert response.status_code == 200  # the request itself is not disturbed
    assert len(tenant_tripwire.violations) == 1
    violation = tenant_tripwire.violations[0]
    assert '"crm_client"' in violation.sql
    assert any("test_tenant_tripwire:unscoped_view" in frame for frame in violation.where)
    assert "for_agency" in tenant_tripwire.report()
    tenant_tripwire.violations.clear()  # seen; the fixture would otherwise fail this test


def test_it_fires_when_an_or_lets_other_agencies_rows_through(tenant_tripwire):
    client = ClientFactory()

    HttpClient().get(f"/or/{client.pk}?agency={client.agency_id}")

    assert len(tenant_tripwire.violations) == 1
    tenant_tripwire.violations.clear()


def test_it_stays_quiet_for_a_read_scoped_to_an_agency(tenant_tripwire):
    client = ClientFactory()

    response = HttpClient().get(f"/scoped/{client.pk}?agency={client.agency_id}")

    assert response.status_code == 200
    assert tenant_tripwire.checked == 1
    assert tenant_tripwire.violations == []


def test_it_lets_a_loaded_row_follow_its_own_relations(tenant_tripwire):
    payment = PaymentFactory()

    HttpClient().get(f"/relation/{payment.pk}?agency={payment.agency_id}")

    assert tenant_tripwire.checked == 3  # the payment, its booking, the booking's payments
    assert tenant_tripwire.violations == []


def test_it_lets_the_public_share_link_find_its_proposal_by_token(tenant_tripwire):
    ProposalFactory(title="Shared", share_token="tok-123")

    response = HttpClient().get("/share/tok-123")

    assert response.content == b"Shared"
    assert tenant_tripwire.violations == []


def test_it_ignores_queries_outside_a_request(tenant_tripwire):
    client = ClientFactory()

    Client.objects.get(pk=client.pk)  # tests, commands and scripts are not requests

    assert tenant_tripwire.checked == 0


def test_an_allowlisted_lock_may_read_one_row_by_its_primary_key_only():
    lock = 'SELECT "crm_booking"."id" FROM "crm_booking" WHERE "crm_booking"."id" = %s'
    by_reference = (
        'SELECT "crm_booking"."id" FROM "crm_booking" WHERE "crm_booking"."reference" = %s'
    )

    assert tw._is_pk_read(lock + " LIMIT 21 FOR UPDATE")
    assert not tw._is_pk_read(by_reference)


def test_every_allowlist_entry_names_a_function_that_exists_and_says_why():
    import importlib

    for entry in tw.ALLOWLIST:
        module_name, qualname = entry.frame.split(":")
        target = importlib.import_module(module_name)
        for part in qualname.split("."):
            target = getattr(target, part)
        assert callable(target), entry.frame
        assert len(entry.why) > 40, entry.frame


@pytest.mark.parametrize(
    "sql",
    [
        'SELECT "crm_client"."id" FROM "crm_client" WHERE ("crm_client"."agency_id" = %s '
        'AND "crm_client"."id" = %s) LIMIT 21',
        'SELECT COUNT(*) AS "__count" FROM "crm_client" WHERE "crm_client"."agency_id" = %s',
        'SELECT "crm_itineraryday"."id" FROM "crm_itineraryday" INNER JOIN "crm_itinerary" ON '
        '("crm_itineraryday"."itinerary_id" = "crm_itinerary"."id") WHERE '
        '("crm_itineraryday"."id" = %s AND "crm_itinerary"."agency_id" = %s)',
        'SELECT "crm_client"."id" FROM "crm_client" WHERE "crm_client"."id" IN (SELECT U0."id" '
        'FROM "crm_client" U0 WHERE U0."agency_id" = %s ORDER BY U0."id" LIMIT 25)',
        'SELECT COUNT(*) FROM (SELECT DISTINCT "crm_client"."id" AS "col1" FROM "crm_client" '
        'WHERE "crm_client"."agency_id" IN (%s, %s)) subquery',
        'SELECT "crm_enquiryform"."id", COUNT("crm_enquiry"."id") FROM "crm_enquiryform" LEFT '
        'OUTER JOIN "crm_enquiry" ON ("crm_enquiryform"."id" = "crm_enquiry"."form_id") WHERE '
        '"crm_enquiryform"."agency_id" = %s GROUP BY 1',
        'SELECT "accounts_user"."id" FROM "accounts_user" WHERE "accounts_user"."id" = %s',
    ],
)
def test_it_reads_these_statements_as_scoped(sql):
    assert not tw.touches_tenant_table(sql) or tw.is_scoped(sql)


@pytest.mark.parametrize(
    "sql",
    [
        'SELECT "crm_client"."id" FROM "crm_client" WHERE "crm_client"."id" = %s LIMIT 21',
        'SELECT "crm_client"."id" FROM "crm_client" ORDER BY "crm_client"."id"',
        'SELECT "crm_client"."id" FROM "crm_client" WHERE ("crm_client"."agency_id" = %s OR '
        '"crm_client"."id" = %s)',
        'SELECT "crm_client"."id" FROM "crm_client" WHERE NOT ("crm_client"."agency_id" = %s)',
        'SELECT "crm_client"."id" FROM "crm_client" WHERE "crm_client"."id" IN (SELECT U0."id" '
        'FROM "crm_client" U0 WHERE U0."name" = %s)',
        'SELECT COUNT(*) FROM (SELECT "crm_booking"."id" AS "col1" FROM "crm_booking" WHERE '
        '"crm_booking"."reference" = %s) subquery',
        'SELECT "accounts_user"."id" FROM "accounts_user" WHERE "accounts_user"."id" IN (SELECT '
        'U0."assigned_to_id" FROM "crm_client" U0 WHERE U0."name" = %s)',
        'SELECT "crm_payment"."id" FROM "crm_payment" INNER JOIN "crm_booking" ON '
        '("crm_payment"."booking_id" = "crm_booking"."id") WHERE "crm_booking"."reference" = %s',
    ],
)
def test_it_reads_these_statements_as_unscoped(sql):
    assert tw.touches_tenant_table(sql)
    assert not tw.is_scoped(sql)


def test_of_two_reads_of_one_table_it_records_only_the_unscoped_one():
    booking = PaymentFactory().booking
    wire = tw.Tripwire()

    with connection.execute_wrapper(wire):
        list(Booking.objects.for_agency(booking.agency_id).filter(pk=booking.pk))
        list(Booking.objects.filter(pk=booking.pk))

    assert wire.checked == 2
    assert len(wire.violations) == 1
