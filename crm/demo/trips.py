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
