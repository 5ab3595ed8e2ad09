"""The benchmark data generator (bench/datagen, through the bench app's generate_bench_data
command), at tiny sizes: bench/run loads 10k to 1M with the same code."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from accounts.models import Agency, ApiToken
from accounts.services import api_token_verify
from bench.datagen.generator import DETAIL_TITLE, agency_shares
from bench.datagen.manifest import HIGH_RATE, TINY_RATE, selective_query
from bench.datagen.money import DETAIL_REFERENCE
from bench.management.commands.generate_bench_data import parse_size
from crm.clients.selectors import client_list
from crm.models import Booking, Client, Itinerary, ItineraryDay, ItineraryItem, Proposal


@pytest.fixture
def manifest_path(tmp_path):
    return tmp_path / "tokens.json"


def generate(manifest_path, *extra, clients=400):
    call_command(
        "generate_bench_data",
        "--clients",
        str(clients),
        "--manifest",
        str(manifest_path),
        "--no-vacuum",
        *extra,
    )
    return json.loads(manifest_path.read_text())


def client_rows():
    return list(
        Client.objects.order_by("id").values_list(
            "id", "agency__slug", "name", "email", "phone", "status", "tags", "created_at"
        )
    )


@pytest.mark.django_db
def test_it_loads_the_requested_clients_over_many_agencies_with_the_largest_holding_a_quarter(
    manifest_path,
):
    manifest = generate(manifest_path, clients=400)

    assert Client.objects.count() == 400
    assert Agency.objects.filter(slug__startswith="bench-").count() == 8
    largest = manifest["largest"]
    assert largest["clients"] == max(a["clients"] for a in manifest["agencies"])
    assert 0.15 * 400 < largest["clients"] < 0.35 * 400
    assert sum(a["clients"] for a in manifest["agencies"]) == manifest["clients"] == 400


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_rows(manifest_path):
    generate(manifest_path, clients=150)
    first = client_rows()

    generate(manifest_path, "--reset", clients=150)

    assert client_rows() == first


@pytest.mark.django_db
def test_another_seed_gives_other_rows(manifest_path):
    generate(manifest_path, clients=150)
    first = client_rows()

    generate(manifest_path, "--reset", "--seed", "7", clients=150)

    assert client_rows() != first


@pytest.mark.django_db
def test_emails_are_unique_names_are_multi_byte_and_statuses_are_skewed(manifest_path):
    generate(manifest_path, clients=600)
    emails = list(Client.objects.values_list("email", flat=True))
    names = list(Client.objects.values_list("name", flat=True))
    statuses = {s: Client.objects.filter(status=s).count() for s in ("active", "lead", "inactive")}

    assert len(set(emails)) == len(emails) == 600
    assert all("@" in email for email in emails)
    assert sum(not name.isascii() for name in names) > 60
    assert statuses["active"] > statuses["lead"] > statuses["inactive"] > 0


@pytest.mark.django_db
def test_created_dates_span_five_years_and_ids_follow_them(manifest_path):
    generate(manifest_path, clients=300)
    created = list(Client.objects.order_by("id").values_list("created_at", flat=True))

    assert created == sorted(created)
    assert (created[-1] - created[0]).days > 4 * 365


@pytest.mark.django_db
def test_about_a_tenth_of_clients_get_itineraries_of_7_to_21_days_with_2_to_6_items_a_day(
    manifest_path,
):
    generate(manifest_path, clients=600)
    ordinary = Itinerary.objects.exclude(title=DETAIL_TITLE)
    day_counts = [i.days.count() for i in ordinary]
    items_per_day = {d.items.count() for d in ItineraryDay.objects.filter(itinerary__in=ordinary)}

    assert 30 <= Itinerary.objects.count() <= 100
    assert min(day_counts) >= 7
    assert max(day_counts) <= 21
    assert items_per_day <= {2, 3, 4, 5, 6}
    assert Proposal.objects.exists()
    assert Booking.objects.exists()
    ordinary_bookings = Booking.objects.exclude(reference=DETAIL_REFERENCE)  # no proposal
    assert all(
        b.proposal.status == "accepted" for b in ordinary_bookings.select_related("proposal")
    )


@pytest.mark.django_db
def test_the_largest_agency_has_an_itinerary_of_14_days_with_4_items_each(manifest_path):
    manifest = generate(manifest_path, clients=200)
    detail = Itinerary.objects.get(pk=manifest["detail_itinerary_id"])

    assert detail.agency_id == manifest["largest"]["id"]
    assert detail.days.count() == 14
    assert ItineraryItem.objects.filter(day__itinerary=detail).count() == 56
    assert {d.items.count() for d in detail.days.all()} == {4}


@pytest.mark.django_db
def test_every_bench_agency_gets_a_working_token_and_the_largest_a_tiny_one(manifest_path):
    manifest = generate(manifest_path, clients=200)

    for entry in manifest["agencies"]:
        token = api_token_verify(entry["token"])
        assert token is not None
        assert token.user.agency_id == entry["id"]
        assert token.rate_limit == HIGH_RATE
    tiny = api_token_verify(manifest["largest"]["tiny_token"])
    assert tiny is not None
    assert tiny.rate_limit == TINY_RATE


@pytest.mark.django_db
def test_tokens_only_issues_fresh_tokens_and_retires_the_old_ones(manifest_path):
    old = generate(manifest_path, clients=100)["largest"]["token"]

    call_command("generate_bench_data", "--tokens-only", "--manifest", str(manifest_path))
    new = json.loads(manifest_path.read_text())["largest"]["token"]

    assert api_token_verify(old) is None
    assert api_token_verify(new) is not None
    assert Client.objects.count() == 100
    assert ApiToken.objects.filter(name="bench throughput").count() == 8


@pytest.mark.django_db
def test_the_manifest_counts_what_the_client_search_finds(manifest_path):
    manifest = generate(manifest_path, clients=500)
    agency = Agency.objects.get(pk=manifest["largest"]["id"])

    assert manifest["selective_q"] == selective_query(agency_id=agency.pk)
    assert Client.objects.filter(agency=agency, name=manifest["selective_q"]).exists()
    selective = client_list(agency=agency, filters={"q": manifest["selective_q"]}).count()
    unselective = client_list(agency=agency, filters={"q": manifest["unselective_q"]}).count()
    assert manifest["selective_q_matches"] == selective
    assert manifest["unselective_q_matches"] == unselective
    assert unselective > manifest["largest"]["clients"] * 0.15


@pytest.mark.django_db
def test_it_refuses_to_load_twice_without_reset(manifest_path):
    generate(manifest_path, clients=50)

    with pytest.raises(CommandError, match="--reset"):
        generate(manifest_path, clients=50)


def test_sizes_read_as_numbers_or_with_k_and_m_suffixes():
    assert parse_size("10000") == 10_000
    assert parse_size("100k") == 100_000
    assert parse_size("1M") == 1_000_000
    with pytest.raises(CommandError):
        parse_size("lots")


def test_the_largest_agency_holds_a_quarter_and_no_other_comes_close():
    shares = agency_shares(500)

    assert shares[0] == 0.25
    assert abs(sum(shares) - 1) < 1e-9
    assert max(shares[1:]) < 0.25 / 2


@pytest.mark.postgres
@pytest.mark.django_db
def test_on_postgres_the_indexes_dropped_for_the_load_are_all_rebuilt(manifest_path):
    def indexes():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename LIKE 'crm_%' "
                "ORDER BY indexname"
            )
            return cursor.fetchall()

    before = indexes()

    generate(manifest_path, clients=100)

    assert indexes() == before
    assert any(name == "client_name_trgm" for name, _ in before)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_on_postgres_a_full_load_ends_with_vacuum_analyze(manifest_path):
    call_command(
        "generate_bench_data", "--clients", "100", "--reset", "--manifest", str(manifest_path)
    )

    with connection.cursor() as cursor:
        cursor.execute("SELECT last_vacuum, last_analyze FROM pg_stat_user_tables "
                       "WHERE relname = 'crm_client'")  # fmt: skip
        last_vacuum, last_analyze = cursor.fetchone()
    assert last_vacuum is not None
    assert last_analyze is not None


@pytest.mark.django_db
def test_every_booking_has_services_a_schedule_and_payments_that_add_up_to_its_figures(
    manifest_path,
):
    from crm.bookings.financials import booking_financials

    generate(manifest_path, clients=1500)
    bookings = Booking.objects.prefetch_related("services__supplier", "instalments", "payments")

    assert bookings.count() > 20
    for booking in bookings:
        services = list(booking.services.all())
        figures = booking_financials(booking, services)
        assert services, booking.reference
        assert all(s.supplier is not None and s.supplier.agency_id == booking.agency_id
                   for s in services)  # fmt: skip
        assert figures.priced_by == "services"
        assert booking.total_price == figures.total_price > 0
        assert booking.total_cost == figures.total_cost
        assert booking.commission_expected == figures.commission_expected
        assert sum(i.amount for i in booking.instalments.all()) == booking.total_price
        assert sum(p.signed_amount for p in booking.payments.all()) == booking.amount_paid
        assert booking.schedule.total == booking.total_price
    assert any(s.status == "cancelled" for b in bookings for s in b.services.all())
    assert any(not b.payments.all() for b in bookings)


@pytest.mark.django_db
def test_the_largest_agency_has_a_booking_of_8_services_4_instalments_and_5_payments(
    manifest_path,
):
    manifest = generate(manifest_path, clients=200)
    booking = Booking.objects.get(pk=manifest["detail_booking_id"])

    assert booking.agency_id == manifest["largest"]["id"]
    assert booking.itinerary_id == manifest["detail_itinerary_id"]
    assert booking.services.count() == 8
    assert booking.instalments.count() == 4
    assert booking.payments.count() == 5
    assert 0 < booking.amount_paid < booking.total_price
