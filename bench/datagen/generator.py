"""The bench dataset, row by row: agencies with their owners (through the services), then
clients, itineraries, days, items, proposals and bookings as plain tuples in the column order
of ``bench.datagen.schema``, each from its own seeded random stream. The same seed and sizes
give the same rows (and, on an empty database, the same ids)."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import models

from accounts.services import agency_create
from bench.datagen.money import DETAIL_REFERENCE, MoneyRows
from bench.datagen.schema import LOADED_MODELS
from bench.datagen.tables import (
    COMPANIES,
    COMPANY_DOMAIN_WEIGHT,
    CURRENCIES,
    DESTINATIONS,
    GLOBAL_DOMAINS,
    ITEM_KINDS,
    LOCAL_DOMAIN_WEIGHT,
    LOCALES,
    NOTES,
    PROPOSAL_STATUSES,
    SOURCES,
    STATUSES,
    SUPPLIERS,
    TAGS,
    THEMES,
    ascii_form,
)
from crm.models import (
    Booking,
    BookingService,
    Client,
    Itinerary,
    ItineraryDay,
    ItineraryItem,
    Payment,
    PaymentInstalment,
    Proposal,
    Supplier,
)

LARGEST_SHARE = 0.25
DETAIL_TITLE = "Bench detail: 14 days x 4 items"
DEFAULT_UNTIL = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
FIVE_YEARS = dt.timedelta(days=5 * 365)


def _unlinked(supplier_name: str) -> int | None:
    """Suppliers are records now (crm.Supplier) and the generator makes none yet: items and
    bookings load without one. The name is still drawn, so a seed gives the rows it gave."""
    return None


def _zipf(n: int, s: float = 1.0) -> list[float]:
    """Cumulative weights of a Zipf distribution over ``n`` ranks (rank 1 most common)."""
    return list(itertools.accumulate(1 / (rank**s) for rank in range(1, n + 1)))


def _cum(pairs: Sequence[tuple[Any, float]]) -> tuple[list[Any], list[float]]:
    return [v for v, _ in pairs], list(itertools.accumulate(w for _, w in pairs))


def agency_shares(n_agencies: int) -> list[float]:
    """The largest agency holds ``LARGEST_SHARE``; the rest a Zipf-like long tail."""
    if n_agencies == 1:
        return [1.0]
    tail = [1 / (rank**0.7) for rank in range(2, n_agencies + 1)]
    total = sum(tail)
    return [LARGEST_SHARE] + [(1 - LARGEST_SHARE) * w / total for w in tail]


@dataclass
class AgencyInfo:
    id: int
    slug: str
    user_id: int
    share: float


@dataclass
class TripPlan:
    id: int
    agency_id: int
    client_id: int
    user_id: int
    created_at: dt.datetime
    start_date: dt.date
    days: bytes  # items per day
    title: str


class Generator:
    def __init__(self, *, clients: int, agencies: int, seed: int, until: dt.datetime, log):
        self.n_clients = clients
        self.n_agencies = agencies
        self.seed = seed
        self.until = until
        self.log = log
        self.agencies: list[AgencyInfo] = []
        self.trips: list[TripPlan] = []
        self.first_id: dict[type[models.Model], int] = {}
        self.detail_booking_id: int | None = None

    def reserve_ids(self) -> None:
        """Ids are assigned here, not by the sequences, so rows can point at each other."""
        for model in LOADED_MODELS:
            top = model.objects.aggregate(top=models.Max("pk"))["top"]
            self.first_id[model] = (top or 0) + 1

    def rng(self, stream: str) -> random.Random:
        return random.Random(f"itinera-bench:{self.seed}:{stream}")

    # Agencies, owners, tokens --------------------------------------------------------

    def create_agencies(self) -> None:
        shares = agency_shares(self.n_agencies)
        rng = self.rng("agencies")
        words = ("Horizon", "Voyages", "Azul", "Nordlys", "Soleil", "Wanderlust", "Sakura",
                 "Atlas", "Odyssey", "Compass", "Meridian", "Caravela")  # fmt: skip
        for index, share in enumerate(shares):
            label = "Largest" if index == 0 else f"{rng.choice(words)} {rng.choice(words)}"
            agency, owner = agency_create(
                name=f"Bench {index:04d} {label} Travel",
                owner_username=f"bench{index:04d}",
                owner_email=f"owner{index:04d}@bench.itinera.test",
                owner_name=f"Bench Owner {index:04d}",
            )
            self.agencies.append(AgencyInfo(agency.pk, agency.slug, owner.pk, share))

    # Clients -------------------------------------------------------------------------

    def client_rows(self) -> Iterator[tuple]:
        rng = self.rng("clients")
        n = self.n_clients
        # Created moments: density grows linearly over the five years; ids follow time.
        created = sorted(math.sqrt(rng.random()) for _ in range(n))
        start = self.until - FIVE_YEARS
        span = FIVE_YEARS.total_seconds()
        agency_cum = list(itertools.accumulate(a.share for a in self.agencies))
        locale_cum = list(itertools.accumulate(loc.weight for loc in LOCALES))
        zipf = {
            id(loc): (_zipf(len(loc.given)), _zipf(len(loc.family)), _zipf(len(loc.cities)))
            for loc in LOCALES
        }
        domains, domain_cum = _cum(
            [
                *GLOBAL_DOMAINS,
                ("<local>", LOCAL_DOMAIN_WEIGHT),
                ("<company>", COMPANY_DOMAIN_WEIGHT),
            ]
        )
        statuses, status_cum = _cum(STATUSES)
        sources, source_cum = _cum(SOURCES)
        tag_cum = _zipf(len(TAGS), 1.1)
        company_cum = _zipf(len(COMPANIES), 0.8)
        trip_rng = self.rng("trips")
        first_id = self._next_id(Client)
        trip_id = self._next_id(Itinerary)
        detail_done = False
        for offset, moment in enumerate(created):
            client_id = first_id + offset
            agency = self.agencies[
                min(bisect.bisect(agency_cum, rng.random() * agency_cum[-1]), self.n_agencies - 1)
            ]
            loc = LOCALES[bisect.bisect(locale_cum, rng.random() * locale_cum[-1])]
            gz, fz, cz = zipf[id(loc)]
            given = loc.given[bisect.bisect(gz, rng.random() * gz[-1])]
            family = loc.family[bisect.bisect(fz, rng.random() * fz[-1])]
            parts = (family, given) if loc.family_first else (given, family)
            name = loc.joiner.join(p[0] for p in parts)
            company = ""
            if rng.random() < 0.35:
                company = COMPANIES[bisect.bisect(company_cum, rng.random() * company_cum[-1])]
            domain = domains[bisect.bisect(domain_cum, rng.random() * domain_cum[-1])]
            if domain == "<local>":
                domain = loc.domain
            elif domain == "<company>":
                domain = (ascii_form(company).lower().replace(" ", "") or "mail") + ".example"
            local = f"{given[1]}.{family[1]}".lower().replace(" ", "").replace("'", "")
            email = f"{local}.{client_id:x}@{domain}"  # the hex id keeps every email unique
            phone = f"{loc.phone}{rng.randrange(100, 1000)} {rng.randrange(1000, 10000)}"
            n_tags = rng.choices((0, 1, 2, 3), weights=(40, 35, 18, 7))[0]
            tags = sorted({TAGS[bisect.bisect(tag_cum, rng.random() * tag_cum[-1])]
                           for _ in range(n_tags)})  # fmt: skip
            status = statuses[bisect.bisect(status_cum, rng.random() * status_cum[-1])]
            source = sources[bisect.bisect(source_cum, rng.random() * source_cum[-1])]
            created_at = start + dt.timedelta(seconds=moment * span)
            updated_at = min(
                self.until, created_at + dt.timedelta(seconds=rng.random() * 90 * 86400)
            )
            assigned = agency.user_id if rng.random() < 0.5 else None
            notes = rng.choice(NOTES) if rng.random() < 0.3 else ""
            city = loc.cities[bisect.bisect(cz, rng.random() * cz[-1])]
            yield (
                client_id, agency.id, name, email, phone, company, city, loc.country,
                loc.nationality, notes, tags, status, source, {}, assigned, agency.user_id,
                created_at, updated_at,
            )  # fmt: skip
            # About one client in ten has a trip; the largest agency's first gets 14 x 4.
            forced = not detail_done and agency is self.agencies[0]
            if forced or trip_rng.random() < 0.10:
                n_trips = 1 if forced or trip_rng.random() < 0.85 else 2
                for _ in range(n_trips):
                    self.trips.append(self._plan_trip(trip_rng, trip_id, agency, client_id,
                                                      created_at, forced))  # fmt: skip
                    trip_id += 1
                    forced, detail_done = False, detail_done or forced

    def _plan_trip(self, rng, trip_id, agency, client_id, created_at, forced) -> TripPlan:
        if forced:
            days = bytes([4] * 14)
            title = DETAIL_TITLE
        else:
            days = bytes(rng.randint(2, 6) for _ in range(rng.randint(7, 21)))
            title = f"{len(days)}-day {rng.choice(DESTINATIONS)} {rng.choice(THEMES)}"
        created = min(self.until, created_at + dt.timedelta(days=rng.random() * 60))
        start = (created + dt.timedelta(days=rng.randint(14, 240))).date()
        return TripPlan(trip_id, agency.id, client_id, agency.user_id, created, start, days, title)

    # Itineraries, days, items ----------------------------------------------------------

    def itinerary_rows(self) -> Iterator[tuple]:
        rng = self.rng("itineraries")
        statuses = ("draft", "proposed", "confirmed", "completed", "cancelled")
        for trip in self.trips:
            status = "draft" if trip.title == DETAIL_TITLE else rng.choices(
                statuses, weights=(30, 25, 25, 15, 5))[0]  # fmt: skip
            end = trip.start_date + dt.timedelta(days=len(trip.days) - 1)
            yield (
                trip.id, trip.agency_id, trip.client_id, trip.title, status, trip.start_date, end,
                rng.choice((1, 2, 2, 2, 3, 4, 4, 5, 6)), "", trip.user_id, trip.created_at,
                trip.created_at,
            )  # fmt: skip

    def day_rows(self) -> Iterator[tuple]:
        rng = self.rng("days")
        day_id = self._next_id(ItineraryDay)
        for trip in self.trips:
            for number in range(1, len(trip.days) + 1):
                place = rng.choice(DESTINATIONS)
                yield (
                    day_id, trip.id, number, trip.start_date + dt.timedelta(days=number - 1),
                    f"Day {number}: {place}", "Free morning, guided visit in the afternoon.",
                    place,
                )  # fmt: skip
                day_id += 1

    def item_rows(self) -> Iterator[tuple]:
        rng = self.rng("items")
        kinds, kind_cum = _cum(ITEM_KINDS)
        day_id = self._next_id(ItineraryDay)
        item_id = self._next_id(ItineraryItem)
        for trip in self.trips:
            for n_items in trip.days:
                hour = 8
                for position in range(n_items):
                    kind = kinds[bisect.bisect(kind_cum, rng.random() * kind_cum[-1])]
                    start = dt.time(hour, rng.choice((0, 15, 30, 45)))
                    hour = min(hour + rng.randint(1, 3), 22)
                    yield (
                        item_id, day_id, position, kind,
                        f"{kind.title()}: {rng.choice(DESTINATIONS)}", start,
                        dt.time(hour, 0), rng.choice(DESTINATIONS),
                        _unlinked(rng.choice(SUPPLIERS)),
                        f"REF{item_id:08d}" if kind in ("flight", "accommodation") else "", "",
                    )  # fmt: skip
                    item_id += 1
                day_id += 1

    # Proposals and bookings ------------------------------------------------------------

    def proposal_and_booking_rows(self) -> tuple[list[tuple], list[tuple]]:
        rng = self.rng("proposals")
        statuses, status_cum = _cum(PROPOSAL_STATUSES)
        currencies, currency_cum = _cum(CURRENCIES)
        proposal_id = self._next_id(Proposal)
        booking_id = self._next_id(Booking)
        proposals, bookings = [], []
        for trip in self.trips:
            if trip.title == DETAIL_TITLE or rng.random() >= 0.7:
                continue
            status = statuses[bisect.bisect(status_cum, rng.random() * status_cum[-1])]
            currency = currencies[bisect.bisect(currency_cum, rng.random() * currency_cum[-1])]
            price = Decimal(rng.randrange(40_000, 2_500_000)) / 100
            created = trip.created_at + dt.timedelta(hours=rng.randint(1, 72))
            sent: dt.datetime | None = None
            viewed: dt.datetime | None = None
            responded: dt.datetime | None = None
            if status != "draft":
                sent = created + dt.timedelta(hours=2)
                if status in ("viewed", "accepted"):
                    viewed = sent + dt.timedelta(days=1)
                if status in ("accepted", "declined"):
                    responded = sent + dt.timedelta(days=2)
            proposals.append(
                (
                    proposal_id,
                    trip.agency_id,
                    trip.client_id,
                    trip.id,
                    trip.title,
                    status,
                    currency,
                    price,
                    trip.start_date - dt.timedelta(days=7),
                    "",
                    None,
                    sent,
                    viewed,
                    responded,
                    trip.user_id,
                    created,
                    responded or sent or created,
                )
            )
            if status == "accepted":
                paid = (price * Decimal(rng.choice((0, 25, 50, 100))) / 100).quantize(
                    Decimal("0.01")
                )
                bstatus = rng.choices(("confirmed", "completed", "pending", "cancelled"),
                                      weights=(50, 30, 15, 5))[0]  # fmt: skip
                bookings.append(
                    (
                        booking_id,
                        trip.agency_id,
                        trip.client_id,
                        proposal_id,
                        trip.id,
                        f"BK-{booking_id:07d}",
                        bstatus,
                        trip.start_date,
                        trip.start_date + dt.timedelta(days=len(trip.days) - 1),
                        currency,
                        price,
                        paid,
                        _unlinked(rng.choice(SUPPLIERS)),
                        "",
                        trip.user_id,
                        responded,
                        responded,
                    )
                )
                booking_id += 1
            proposal_id += 1
        bookings += self._detail_booking(booking_id)
        return proposals, bookings

    def _detail_booking(self, booking_id: int) -> list[tuple]:
        """The booking detail scenario's booking: on the detail itinerary, without a proposal,
        60% paid (its parts: ``bench.datagen.money``). Its own stream: the other rows stay."""
        trip = next((t for t in self.trips if t.title == DETAIL_TITLE), None)
        if trip is None:
            return []
        rng = self.rng("detail-booking")
        price = Decimal(rng.randrange(800_000, 1_200_000)) / 100
        created = trip.created_at + dt.timedelta(days=1)
        end = trip.start_date + dt.timedelta(days=len(trip.days) - 1)
        self.detail_booking_id = booking_id
        return [
            (
                booking_id, trip.agency_id, trip.client_id, None, trip.id, DETAIL_REFERENCE,
                "confirmed", trip.start_date, end, "EUR", price,
                (price * Decimal("0.6")).quantize(Decimal("0.01")), None, "", trip.user_id,
                created, created,
            )
        ]  # fmt: skip

    def money(self) -> MoneyRows:
        """The suppliers, services, schedules and payments, ids after those in the database."""
        return MoneyRows(
            seed=self.seed,
            until=self.until,
            first_id={
                "supplier": self._next_id(Supplier),
                "service": self._next_id(BookingService),
                "instalment": self._next_id(PaymentInstalment),
                "payment": self._next_id(Payment),
            },
        )

    def _next_id(self, model: type[models.Model]) -> int:
        return self.first_id[model]
