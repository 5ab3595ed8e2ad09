"""The demo agency's trips: itineraries day by day, proposals and bookings (plain tables)."""

from __future__ import annotations

# kind, title, start time, end time, supplier
Item = tuple[str, str, str | None, str | None, str]
# title, location, items
Day = tuple[str, str, list[Item]]

ITINERARIES: list[tuple[str, str, str, int, list[Day]]] = [
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

# Payment schedules (label, due in days from today, amount): HZ-2026-001 has its deposit paid
# and the balance coming due; HZ-2026-003 has an overdue deposit.
SCHEDULES = {
    "HZ-2026-001": [("Deposit", -30, "2500.00"), ("Balance", 5, "5950.00")],
    "HZ-2026-003": [("Deposit (30%)", -10, "642.00"), ("Balance", 10, "1498.00")],
}

# The demo's supplier directory: name, type, email, phone, website, currency, commission %,
# payment terms, contacts (name, role, email, phone). Itinerary items naming one of these link
# to it; other names the itineraries type join the directory as "other".
SUPPLIERS: list[tuple[str, str, str, str, str, str, str, str, list[tuple[str, str, str, str]]]] = [
    (
        "SriLankan Airlines",
        "airline",
        "groups@srilankan.example",
        "+94 19 733 1979",
        "https://www.srilankan.com",
        "GBP",
        "0",
        "Ticketing 72 hours after booking",
        [("Nadeesha Perera", "Agency desk", "agency.desk@srilankan.example", "+94 19 733 1900")],
    ),
    (
        "Galle Face Hotel",
        "hotel",
        "reservations@gallefacehotel.example",
        "+94 11 254 1010",
        "https://www.gallefacehotel.com",
        "GBP",
        "10",
        "Deposit 30% at booking, balance 30 days before arrival",
        [
            ("Ruwan Silva", "Reservations", "ruwan@gallefacehotel.example", ""),
            ("Accounts", "Commission claims", "accounts@gallefacehotel.example", ""),
        ],
    ),
    (
        "Baros Maldives",
        "hotel",
        "sales@baros.example",
        "+960 664 2672",
        "https://www.baros.com",
        "USD",
        "12",
        "Full prepayment 45 days before arrival",
        [("Aminath Shareef", "Sales manager", "aminath@baros.example", "+960 664 2600")],
    ),
    (
        "Trans Maldivian",
        "transfer",
        "bookings@transmaldivian.example",
        "+960 334 8400",
        "https://www.transmaldivian.com",
        "USD",
        "5",
        "Net 14",
        [],
    ),
    (
        "Park Hyatt Kyoto",
        "hotel",
        "kyoto.park@hyatt.example",
        "+81 75 531 1234",
        "https://www.hyatt.com",
        "JPY",
        "10",
        "Net 30",
        [("Yuki Tanaka", "Travel trade", "yuki.tanaka@hyatt.example", "")],
    ),
    (
        "Singapore Airlines",
        "airline",
        "trade@singaporeair.example",
        "+65 6223 8888",
        "https://www.singaporeair.com",
        "SGD",
        "0",
        "Ticketing on booking",
        [],
    ),
    (
        "Vila Galé Lagos",
        "hotel",
        "lagos@vilagale.example",
        "+351 282 780 000",
        "https://www.vilagale.com",
        "EUR",
        "10",
        "Deposit 20%, balance on arrival",
        [],
    ),
    (
        "Algarve Transfers",
        "transfer",
        "ops@algarvetransfers.example",
        "+351 289 000 111",
        "",
        "EUR",
        "8",
        "Net 30",
        [("João Costa", "Operations", "joao@algarvetransfers.example", "+351 912 345 678")],
    ),
    (
        "Dolphin Seafaris",
        "tour_operator",
        "hello@dolphinseafaris.example",
        "+351 282 799 209",
        "",
        "EUR",
        "15",
        "Pay on the day",
        [],
    ),
    (
        "Ponant",
        "cruise",
        "agents@ponant.example",
        "+33 4 88 66 64 00",
        "https://www.ponant.com",
        "AUD",
        "12",
        "Deposit 25% at booking, balance 90 days before sailing",
        [("Claire Martin", "Partner sales", "claire.martin@ponant.example", "")],
    ),
    (
        "Qantas",
        "airline",
        "agency@qantas.example",
        "+61 2 9691 3636",
        "https://www.qantas.com",
        "AUD",
        "0",
        "Ticketing on booking",
        [],
    ),
]

# Each demo booking's services: kind, description, supplier, status, price, cost. Their
# prices add up to the booking's total in BOOKINGS.
BOOKING_SERVICES: dict[str, list[tuple[str, str, str, str, str, str]]] = {
    "HZ-2026-001": [
        (
            "flight",
            "LHR ⇄ CMB ⇄ MLE, 2 passengers",
            "SriLankan Airlines",
            "confirmed",
            "1980.00",
            "1860.00",
        ),
        (
            "hotel",
            "Galle Face Hotel, 3 nights ocean view",
            "Galle Face Hotel",
            "confirmed",
            "1150.00",
            "980.00",
        ),
        (
            "hotel",
            "Baros Maldives, 5 nights water villa",
            "Baros Maldives",
            "requested",
            "4600.00",
            "3900.00",
        ),
        (
            "transfer",
            "Seaplane transfers, return",
            "Trans Maldivian",
            "requested",
            "720.00",
            "640.00",
        ),
    ],
    "HZ-2026-002": [
        (
            "flight",
            "SIN ⇄ KIX, 2 passengers",
            "Singapore Airlines",
            "confirmed",
            "2480.00",
            "2300.00",
        ),
        (
            "hotel",
            "Park Hyatt Kyoto, 4 nights",
            "Park Hyatt Kyoto",
            "confirmed",
            "3900.00",
            "3350.00",
        ),
        ("transfer", "Private transfers KIX ⇄ Kyoto", "", "confirmed", "400.00", "340.00"),
    ],
    "HZ-2026-003": [
        (
            "hotel",
            "Vila Galé Lagos, 7 nights half board",
            "Vila Galé Lagos",
            "requested",
            "1540.00",
            "1300.00",
        ),
        (
            "transfer",
            "Faro airport transfers",
            "Algarve Transfers",
            "requested",
            "180.00",
            "150.00",
        ),
        (
            "activity",
            "Dolphin watching, family of four",
            "Dolphin Seafaris",
            "requested",
            "420.00",
            "340.00",
        ),
    ],
    "HZ-2025-118": [
        (
            "cruise",
            "Kimberley expedition cruise, 10 nights",
            "Ponant",
            "confirmed",
            "12800.00",
            "11100.00",
        ),
        ("flight", "SYD ⇄ BME, 2 passengers", "Qantas", "confirmed", "2520.00", "2300.00"),
    ],
}
