"""A demo agency with realistic data. Idempotent: every record is found by a natural key
(username, client email, itinerary title, booking reference) before it is created."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from accounts.models import Agency, Role, User
from accounts.services import user_create
from crm.bookings import services as booking_services
from crm.clients import services as client_services
from crm.models import Booking, Client, ClientSource, EnquiryForm, Itinerary, Proposal
from crm.proposals import services as proposal_services
from crm.trips import services as trip_services

DEMO_AGENCY = "Horizon Travel"
DEMO_SLUG = "horizon-travel"
DEMO_USERNAME = "demo"
DEMO_PASSWORD = "itinera-demo"

CLIENTS = [
    # name, email, phone, city, country, nationality, status, tags
    (
        "Aisha Khan",
        "aisha@example.com",
        "+44 20 7946 0958",
        "London",
        "United Kingdom",
        "British",
        "active",
        ["honeymoon"],
    ),
    (
        "Lucas Moreau",
        "lucas.moreau@example.fr",
        "+33 1 70 18 99 00",
        "Lyon",
        "France",
        "French",
        "active",
        ["family", "beach"],
    ),
    (
        "Sofia Rossi",
        "sofia.rossi@example.it",
        "+39 06 6988 1234",
        "Rome",
        "Italy",
        "Italian",
        "lead",
        ["culture"],
    ),
    (
        "Kenji Watanabe",
        "kenji.w@example.jp",
        "+81 3-1234-5678",
        "Tokyo",
        "Japan",
        "Japanese",
        "active",
        ["adventure", "vip"],
    ),
    (
        "Amara Okafor",
        "amara.okafor@example.ng",
        "+234 803 123 4567",
        "Lagos",
        "Nigeria",
        "Nigerian",
        "lead",
        ["safari"],
    ),
    (
        "Mateo García",
        "mateo.garcia@example.es",
        "+34 912 345 678",
        "Madrid",
        "Spain",
        "Spanish",
        "active",
        ["family"],
    ),
    (
        "Emma Johansson",
        "emma.j@example.se",
        "+46 8 123 456 78",
        "Stockholm",
        "Sweden",
        "Swedish",
        "inactive",
        ["ski"],
    ),
    (
        "Priya Sharma",
        "priya.sharma@example.in",
        "+91 98765 43210",
        "Mumbai",
        "India",
        "Indian",
        "active",
        ["honeymoon", "beach"],
    ),
    (
        "Noah Williams",
        "noah.williams@example.com",
        "+1 415 555 0132",
        "San Francisco",
        "United States",
        "American",
        "lead",
        ["business"],
    ),
    (
        "Zoë Van den Berg",
        "zoe.vdb@example.nl",
        "+31 20 794 7300",
        "Amsterdam",
        "Netherlands",
        "Dutch",
        "active",
        ["cycling", "culture"],
    ),
    (
        "Omar Haddad",
        "omar.haddad@example.ae",
        "+971 4 123 4567",
        "Dubai",
        "United Arab Emirates",
        "Emirati",
        "active",
        ["vip", "luxury"],
    ),
    (
        "Chloé Dubois",
        "chloe.dubois@example.ca",
        "+1 514 555 0199",
        "Montréal",
        "Canada",
        "Canadian",
        "lead",
        ["honeymoon"],
    ),
    (
        "Hannah Schmidt",
        "hannah.schmidt@example.de",
        "+49 30 901820",
        "Berlin",
        "Germany",
        "German",
        "active",
        ["culture", "rail"],
    ),
    (
        "Liam O'Connor",
        "liam.oconnor@example.ie",
        "+353 1 234 5678",
        "Dublin",
        "Ireland",
        "Irish",
        "inactive",
        ["golf"],
    ),
    (
        "Mei Lin",
        "mei.lin@example.sg",
        "+65 6123 4567",
        "Singapore",
        "Singapore",
        "Singaporean",
        "active",
        ["food", "luxury"],
    ),
    (
        "Rafael Souza",
        "rafael.souza@example.br",
        "+55 11 91234-5678",
        "São Paulo",
        "Brazil",
        "Brazilian",
        "lead",
        ["adventure"],
    ),
    (
        "Olivia Brown",
        "olivia.brown@example.au",
        "+61 2 9876 5432",
        "Sydney",
        "Australia",
        "Australian",
        "active",
        ["family", "safari"],
    ),
    (
        "Yusuf Demir",
        "yusuf.demir@example.tr",
        "+90 212 555 12 34",
        "Istanbul",
        "Türkiye",
        "Turkish",
        "lead",
        ["culture"],
    ),
]

ITINERARIES = [
    # client email, title, status, start offset (days from today), days
    (
        "aisha@example.com",
        "Maldives & Sri Lanka honeymoon",
        "confirmed",
        40,
        [
            (
                "Arrival in Colombo",
                "Colombo",
                [
                    (
                        "flight",
                        "LHR → CMB, SriLankan UL504",
                        "08:40",
                        "18:00",
                        "SriLankan Airlines",
                    ),
                    ("transfer", "Private transfer to Galle Face Hotel", "19:00", "20:00", ""),
                    (
                        "accommodation",
                        "Galle Face Hotel, ocean-view room",
                        None,
                        None,
                        "Galle Face Hotel",
                    ),
                ],
            ),
            (
                "Tea country",
                "Nuwara Eliya",
                [
                    ("transfer", "Scenic drive to the hill country", "08:00", "13:00", ""),
                    ("activity", "Pedro tea estate tour", "15:00", "17:00", "Pedro Estate"),
                    ("meal", "Dinner at the Grand Hotel", "19:30", None, "The Grand Hotel"),
                ],
            ),
            (
                "Fly to the Maldives",
                "Malé",
                [
                    ("flight", "CMB → MLE, UL101", "10:15", "11:15", "SriLankan Airlines"),
                    ("transfer", "Seaplane to the resort", "13:00", "13:45", "Trans Maldivian"),
                    ("accommodation", "Overwater villa, 4 nights", None, None, "Baros Maldives"),
                ],
            ),
            (
                "Island day",
                "Baros",
                [
                    ("activity", "Snorkelling safari on the house reef", "09:30", "12:00", ""),
                    ("meal", "Sandbank dinner for two", "19:00", None, "Baros Maldives"),
                ],
            ),
        ],
    ),
    (
        "lucas.moreau@example.fr",
        "Costa Rica family adventure",
        "proposed",
        75,
        [
            (
                "San José arrival",
                "San José",
                [
                    ("flight", "CDG → SJO, AF430", "10:05", "15:10", "Air France"),
                    ("accommodation", "Hotel Grano de Oro", None, None, "Grano de Oro"),
                ],
            ),
            (
                "Arenal volcano",
                "La Fortuna",
                [
                    ("transfer", "Private van to La Fortuna", "08:30", "12:00", ""),
                    ("activity", "Hanging bridges walk", "14:00", "16:30", "Mistico Park"),
                ],
            ),
            (
                "Hot springs & rafting",
                "La Fortuna",
                [
                    ("activity", "Family rafting, class II", "08:00", "12:00", "Desafio"),
                    ("activity", "Tabacón hot springs", "16:00", "20:00", "Tabacón"),
                ],
            ),
        ],
    ),
    (
        "kenji.w@example.jp",
        "Patagonia trekking",
        "draft",
        120,
        [
            (
                "Punta Arenas",
                "Punta Arenas",
                [
                    ("flight", "SCL → PUQ", "07:00", "10:25", "LATAM"),
                    ("note", "Gear check with the guide at 18:00", None, None, ""),
                ],
            ),
            (
                "Torres del Paine W trek, day 1",
                "Torres del Paine",
                [
                    ("activity", "Trek to the base of the towers", "07:30", "17:00", "EcoCamp"),
                    ("accommodation", "EcoCamp dome", None, None, "EcoCamp Patagonia"),
                ],
            ),
        ],
    ),
]

PROPOSALS = [
    # client email, itinerary title or None, title, status, currency, total
    (
        "aisha@example.com",
        "Maldives & Sri Lanka honeymoon",
        "Honeymoon: Sri Lanka & Maldives",
        "accepted",
        "GBP",
        "8450.00",
    ),
    (
        "lucas.moreau@example.fr",
        "Costa Rica family adventure",
        "Costa Rica for a family of four",
        "sent",
        "EUR",
        "11890.00",
    ),
    ("priya.sharma@example.in", None, "Bali beach escape", "draft", "USD", "3200.00"),
    ("omar.haddad@example.ae", None, "Private Kyoto in autumn", "declined", "USD", "24500.00"),
]

BOOKINGS = [
    # reference, client email, proposal title or None, status, currency, total, paid, start
    (
        "HZ-2026-001",
        "aisha@example.com",
        "Honeymoon: Sri Lanka & Maldives",
        "confirmed",
        "GBP",
        "8450.00",
        "2500.00",
        40,
    ),
    ("HZ-2026-002", "mei.lin@example.sg", None, "confirmed", "SGD", "6780.00", "6780.00", 12),
    ("HZ-2026-003", "hannah.schmidt@example.de", None, "pending", "EUR", "2140.00", "0.00", 25),
    (
        "HZ-2025-118",
        "olivia.brown@example.au",
        None,
        "completed",
        "AUD",
        "15320.00",
        "15320.00",
        -90,
    ),
]


class Command(BaseCommand):
    help = f"Load the demo agency {DEMO_AGENCY!r} (login {DEMO_USERNAME} / {DEMO_PASSWORD})."

    @transaction.atomic
    def handle(self, *args, **options):
        agency, _ = Agency.objects.get_or_create(
            slug=DEMO_SLUG,
            defaults={"name": DEMO_AGENCY, "default_currency": "EUR", "timezone": "Europe/London"},
        )
        owner = self._user(agency, DEMO_USERNAME, "demo@itinera.local", "Dana Demo", Role.OWNER)
        agent = self._user(agency, "maria", "maria@itinera.local", "Maria Santos", Role.AGENT)
        today = timezone.localdate()
        created = {"clients": 0, "itineraries": 0, "proposals": 0, "bookings": 0}

        clients: dict[str, Client] = {}
        for index, (name, email, phone, city, country, nat, status, tags) in enumerate(CLIENTS):
            client = Client.objects.for_agency(agency).filter(email=email).first()
            if client is None:
                client = client_services.client_create(
                    agency=agency,
                    created_by=owner,
                    source=ClientSource.WEB_FORM if status == "lead" else ClientSource.DASHBOARD,
                    name=name,
                    email=email,
                    phone=phone,
                    city=city,
                    country=country,
                    nationality=nat,
                    status=status,
                    tags=tags,
                    assigned_to=agent if index % 3 == 0 else owner,
                    notes="Prefers morning flights." if index % 4 == 0 else "",
                )
                created["clients"] += 1
            clients[email] = client

        itineraries: dict[str, Itinerary] = {}
        for email, title, status, offset, days in ITINERARIES:
            itinerary = Itinerary.objects.for_agency(agency).filter(title=title).first()
            if itinerary is None:
                start = today + dt.timedelta(days=offset)
                itinerary = trip_services.itinerary_create(
                    agency=agency,
                    created_by=owner,
                    client=clients[email],
                    title=title,
                    status=status,
                    start_date=start,
                    end_date=start + dt.timedelta(days=len(days) - 1),
                    travellers=2 if "honeymoon" in title.lower() else 4,
                    days=[
                        {
                            "title": day_title,
                            "location": location,
                            "date": start + dt.timedelta(days=n),
                            "items": [
                                {
                                    "kind": kind,
                                    "title": item_title,
                                    "start_time": start_time,
                                    "end_time": end_time,
                                    "supplier": supplier,
                                }
                                for kind, item_title, start_time, end_time, supplier in items
                            ],
                        }
                        for n, (day_title, location, items) in enumerate(days)
                    ],
                )
                created["itineraries"] += 1
            itineraries[title] = itinerary

        proposals: dict[str, Proposal] = {}
        for email, itinerary_title, title, status, currency, total in PROPOSALS:
            proposal = Proposal.objects.for_agency(agency).filter(title=title).first()
            if proposal is None:
                proposal = proposal_services.proposal_create(
                    agency=agency,
                    created_by=owner,
                    client=clients[email],
                    itinerary=itineraries[itinerary_title] if itinerary_title else None,
                    title=title,
                    status=status,
                    currency=currency,
                    total_price=Decimal(total),
                    valid_until=today + dt.timedelta(days=21),
                )
                created["proposals"] += 1
            proposals[title] = proposal

        for ref, email, proposal_title, status, currency, total, paid, offset in BOOKINGS:
            if Booking.objects.for_agency(agency).filter(reference=ref).exists():
                continue
            proposal = proposals.get(proposal_title) if proposal_title else None
            start = today + dt.timedelta(days=offset)
            booking = booking_services.booking_create(
                agency=agency,
                created_by=owner,
                client=clients[email],
                proposal=proposal,
                itinerary=proposal.itinerary if proposal else None,
                reference=ref,
                status=status,
                currency=currency,
                total_price=Decimal(total),
                start_date=start,
                end_date=start + dt.timedelta(days=7),
                supplier="Various",
            )
            if Decimal(paid) > 0:
                booking_services.payment_record(
                    booking=booking,
                    amount=Decimal(paid),
                    paid_on=today - dt.timedelta(days=5),
                    method="bank transfer",
                    recorded_by=owner,
                )
            created["bookings"] += 1

        EnquiryForm.objects.get_or_create(
            agency=agency,
            name="Website contact form",
            defaults={"allowed_origins": ["http://localhost:8080", "http://127.0.0.1:8080"]},
        )

        summary = ", ".join(f"{n} {kind}" for kind, n in created.items())
        self.stdout.write(f"Demo agency {agency.name!r}: created {summary}.")
        self.stdout.write(f"Sign in as {DEMO_USERNAME} / {DEMO_PASSWORD}.")

    def _user(self, agency: Agency, username: str, email: str, name: str, role: str) -> User:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = user_create(
                agency=agency,
                username=username,
                email=email,
                password=DEMO_PASSWORD,
                name=name,
                role=role,
            )
        return user
