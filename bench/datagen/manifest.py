"""The manifest of a loaded dataset: the bench agencies with fresh tokens (plaintext, so the
file is written for its owner only), and the ids and search terms the scenarios use."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError
from django.db import connection, models
from django.db.models import Count
from rest_framework.authtoken.models import Token

from accounts.models import Agency, ApiToken, User
from accounts.services import api_token_create
from bench.datagen.generator import DETAIL_TITLE
from bench.datagen.money import DETAIL_REFERENCE
from crm.clients.selectors import client_list
from crm.models import Booking, BookingStatus, Client, Itinerary

BENCH_SLUG_PREFIX = "bench-"
HIGH_RATE = 100_000  # requests per minute: never the bottleneck of a throughput scenario
TINY_RATE = 1  # the 429 scenario: everything after the first request is refused
UNSELECTIVE_Q = "gmail"  # the most common email domain: about three clients in ten
# The largest agency's owner signs in to the dashboard with it (the dashboard scenarios).
OWNER_PASSWORD = "bench-owner-dashboard"
PAYMENT_BOOKINGS = 50  # the payment POST scenario spreads its payments over this many


def selective_query(*, agency_id: int, target: int = 25) -> str:
    """A full name that about one page (``target``) of the agency's clients carry.

    Chosen per dataset so that the selective search returns about a page at every size: what
    grows from 10k to 1M is then the index and the table it searches, not the answer. Names
    with multi-byte characters are preferred (they are what ``UPPER`` must get right).
    """
    counts = (
        Client.objects.filter(agency_id=agency_id)
        .values_list("name")
        .annotate(n=Count("id"))
        .values_list("name", "n")
    )
    candidates = sorted(
        (abs(n - target), name.isascii(), name)
        for name, n in counts
        if " " in name and len(name) >= 8
    )
    if not candidates:
        return "no such client"
    return candidates[0][2]


def bench_agencies() -> models.QuerySet[Agency]:
    return Agency.objects.filter(slug__startswith=BENCH_SLUG_PREFIX).order_by("slug")


def issue_tokens() -> dict[int, dict[str, str]]:
    """Fresh tokens for every bench owner (older bench tokens are deleted): the plaintext
    is only known at creation, and it depends on the server's pepper (``SECRET_KEY``)."""
    owners = User.objects.filter(
        agency__slug__startswith=BENCH_SLUG_PREFIX, username__startswith="bench"
    ).order_by("agency__slug")
    ApiToken.objects.filter(user__in=owners, name__startswith="bench").delete()
    tokens: dict[int, dict[str, str]] = {}
    for owner in owners:
        assert owner.agency is not None and owner.agency_id is not None  # agency__slug, above
        fast = api_token_create(user=owner, name="bench throughput", rate_limit=HIGH_RATE)
        entry = {"token": fast.plaintext}
        if owner.agency.slug.startswith(f"{BENCH_SLUG_PREFIX}0000"):
            tiny = api_token_create(user=owner, name="bench 429", rate_limit=TINY_RATE)
            entry["tiny_token"] = tiny.plaintext
            # The stock-DRF peer's token (bench/stock_drf.py): DRF's own model, one per user.
            Token.objects.filter(user=owner).delete()
            entry["drf_token"] = Token.objects.create(user=owner).key
            owner.set_password(OWNER_PASSWORD)
            owner.save(update_fields=["password"])
            entry["username"], entry["password"] = owner.username, OWNER_PASSWORD
        tokens[owner.agency_id] = entry
    return tokens


def build_manifest(*, tokens: dict[int, dict[str, str]], seed: int | None) -> dict[str, Any]:
    counts = dict(
        Client.objects.filter(agency__slug__startswith=BENCH_SLUG_PREFIX)
        .values_list("agency_id")
        .annotate(n=Count("id"))
        .values_list("agency_id", "n")
    )
    agencies = [
        {"id": a.pk, "slug": a.slug, "clients": counts.get(a.pk, 0), **tokens.get(a.pk, {})}
        for a in bench_agencies()
    ]
    if not agencies:
        raise CommandError("No bench agencies: run generate_bench_data --clients N first.")
    largest = agencies[0]
    detail = (
        Itinerary.objects.filter(agency_id=largest["id"], title=DETAIL_TITLE)
        .order_by("id")
        .values_list("id", flat=True)
        .first()
    )
    selective = selective_query(agency_id=largest["id"])
    largest_clients = Client.objects.filter(agency_id=largest["id"])
    agency = Agency.objects.get(pk=largest["id"])
    return {
        "database": connection.settings_dict["NAME"],
        "vendor": connection.vendor,
        "seed": seed,
        "clients": sum(counts.values()),
        "agencies": agencies,
        "largest": largest,
        "detail_itinerary_id": detail,
        "detail_booking_id": Booking.objects.filter(
            agency_id=largest["id"], reference=DETAIL_REFERENCE
        )
        .values_list("id", flat=True)
        .first(),
        # The payment POST scenario's bookings: live ones, the detail booking left alone.
        "payment_booking_ids": list(
            Booking.objects.filter(
                agency_id=largest["id"],
                status__in=[BookingStatus.PENDING, BookingStatus.CONFIRMED],
                archived_at__isnull=True,
            )
            .exclude(reference=DETAIL_REFERENCE)
            .order_by("id")
            .values_list("id", flat=True)[:PAYMENT_BOOKINGS]
        ),
        "selective_q": selective,
        "selective_q_matches": client_list(agency=agency, filters={"q": selective}).count(),
        "unselective_q": UNSELECTIVE_Q,
        "unselective_q_matches": client_list(agency=agency, filters={"q": UNSELECTIVE_Q}).count(),
        "status_filter": "lead",
        "status_matches": largest_clients.filter(status="lead").count(),
        "deep_page": max(1, largest["clients"] // 25 // 2),
    }


def write_manifest(path: Path, manifest: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    path.chmod(0o600)
