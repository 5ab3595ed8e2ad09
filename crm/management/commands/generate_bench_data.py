# ruff: noqa: RUF001 (the names are multi-byte on purpose, Turkish dotless i included)
"""Load a deterministic benchmark dataset: ``generate_bench_data --clients 1000000``.

The same ``--seed`` and ``--clients`` give the same rows (and, on an empty database, the
same ids). What it loads, per ``bench/README.md``:

- many agencies (``bench-…`` slugs), the largest holding about a quarter of the clients and
  the others a long tail; each with an owner and an API token (plaintext written to the
  manifest, ``bench/results/tokens.json`` by default, which is git-ignored);
- clients with multi-byte names from many countries, unique emails, skewed statuses,
  sources and tags, created over five years (more in recent years), ids in created order;
- itineraries for about a tenth of the clients (7 to 21 days, 2 to 6 items a day), one of
  them in the largest agency with exactly 14 days x 4 items for the detail benchmark;
  proposals for most itineraries and bookings for the accepted ones.

On PostgreSQL rows go in through ``COPY`` with the secondary indexes dropped and rebuilt
afterwards (as ``pg_restore`` does), then ``VACUUM ANALYZE`` so that statistics and the
visibility map (index-only scans) are fresh. Elsewhere (SQLite, for tests at tiny sizes) the
same rows go through ``bulk_create``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import json
import math
import random
import time
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, models, transaction
from django.db.models import Count

from accounts.models import Agency, ApiToken, User
from accounts.services import agency_create, api_token_create
from crm.clients.selectors import client_list
from crm.models import (
    Booking,
    Client,
    Itinerary,
    ItineraryDay,
    ItineraryItem,
    Proposal,
)

BENCH_SLUG_PREFIX = "bench-"
LARGEST_SHARE = 0.25
HIGH_RATE = 100_000  # requests per minute: never the bottleneck of a throughput scenario
TINY_RATE = 1  # the 429 scenario: everything after the first request is refused
DETAIL_TITLE = "Bench detail: 14 days x 4 items"
DEFAULT_MANIFEST = Path(settings.BASE_DIR) / "bench" / "results" / "tokens.json"
UNSELECTIVE_Q = "gmail"  # the most common email domain: about three clients in ten
DEFAULT_UNTIL = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
FIVE_YEARS = dt.timedelta(days=5 * 365)

# Locales: (country, nationality, weight, phone prefix, local email domain, cities,
#           given names, family names, family-name-first, joiner). Names are (native, latin).


@dataclass(frozen=True)
class Locale:
    country: str
    nationality: str
    weight: float
    phone: str
    domain: str
    cities: tuple[str, ...]
    given: tuple[tuple[str, str], ...]
    family: tuple[tuple[str, str], ...]
    family_first: bool = False
    joiner: str = " "


def _latin(names: str) -> tuple[tuple[str, str], ...]:
    """Names written in a Latin script: the email form is derived by stripping accents."""
    return tuple((name, _ascii(name)) for name in names.split(","))


def _pairs(pairs: str) -> tuple[tuple[str, str], ...]:
    """``native=latin`` pairs for names in other scripts."""
    return tuple(tuple(pair.split("=")) for pair in pairs.split(","))  # type: ignore[misc]


_ASCII_FOLD = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D", "æ": "ae",
     "Æ": "AE", "ı": "i", "ð": "d", "þ": "th", "'": ""}
)  # fmt: skip


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.translate(_ASCII_FOLD))
    return "".join(ch for ch in folded if ch.isascii() and (ch.isalnum() or ch in " -"))


LOCALES: tuple[Locale, ...] = (
    Locale(
        "United Kingdom",
        "British",
        14,
        "+44 7",
        "btinternet.com",
        ("London", "Manchester", "Edinburgh", "Bristol", "Cardiff", "Belfast", "Leeds"),
        _latin("Oliver,Amelia,Harry,Isla,George,Aisha,Mohammed,Siobhán,Niamh,Eóin,Freya,Arthur"),
        _latin("Smith,Jones,Taylor,Brown,Williams,Khan,O'Brien,Patel,Evans,Wright,Davies,Hughes"),
    ),
    Locale(
        "United States",
        "American",
        13,
        "+1 ",
        "comcast.net",
        ("New York", "Chicago", "Austin", "Seattle", "Boston", "Miami", "Denver"),
        _latin("James,Olivia,Liam,Emma,Noah,Sophia,Ethan,Ava,Mason,Zoë,José,Chloé"),
        _latin("Johnson,Miller,Davis,García,Rodríguez,Wilson,Anderson,Thomas,Moore,Jackson"),
    ),
    Locale(
        "Germany",
        "German",
        10,
        "+49 15",
        "web.de",
        ("Berlin", "München", "Köln", "Düsseldorf", "Hamburg", "Nürnberg"),
        _latin("Lukas,Jörg,Sören,Anna,Lena,Jürgen,Björn,Grete,Käthe,Maximilian,Jonas,Mia"),
        _latin("Müller,Schröder,Weiß,Groß,Schäfer,Köhler,Fischer,Wagner,Becker,Hoffmann,Krüger"),
    ),
    Locale(
        "France",
        "French",
        8,
        "+33 6",
        "orange.fr",
        ("Paris", "Lyon", "Marseille", "Nîmes", "Besançon", "Orléans", "Nantes"),
        _latin("Zoé,Léa,Chloé,Hélène,François,Jérôme,Mathéo,Gaëlle,Noël,Anaïs,Loïc,Inès"),
        _latin("Lefèvre,Dubois,Moreau,Laurent,Girard,Bélanger,Mercier,Rousseau,Fournier,Lemaître"),
    ),
    Locale(
        "Spain",
        "Spanish",
        7,
        "+34 6",
        "telefonica.es",
        ("Madrid", "Barcelona", "Sevilla", "Málaga", "Córdoba", "A Coruña", "León"),
        _latin("José,María,Iñaki,Begoña,Ángel,Lucía,Álvaro,Sofía,Martín,Nerea,Íñigo,Maite"),
        _latin("García,Fernández,González,Rodríguez,López,Martínez,Sánchez,Pérez,Muñoz,Núñez"),
    ),
    Locale(
        "Italy",
        "Italian",
        7,
        "+39 3",
        "libero.it",
        ("Roma", "Milano", "Napoli", "Torino", "Firenze", "Forlì", "Cefalù"),
        _latin("Niccolò,Lucrezia,Giulia,Francesco,Alessandro,Chiara,Matteo,Nicolò,Martina"),
        _latin("Rossi,Russo,Ferrari,Esposito,Bianchi,Romano,Colombo,Ricci,Marino,De Luca"),
    ),
    Locale(
        "India",
        "Indian",
        6,
        "+91 9",
        "rediffmail.com",
        ("Mumbai", "Delhi", "Bengaluru", "Chennai", "Kolkata", "Pune", "Jaipur"),
        _latin("Aarav,Priya,Ananya,Rohan,Vivaan,Diya,Arjun,Saanvi,Ishaan,Kavya,Aditya"),
        _latin("Sharma,Iyer,Reddy,Gupta,Nair,Mehta,Banerjee,Chatterjee,Singh,Kapoor,Rao"),
    ),
    Locale(
        "China",
        "Chinese",
        5,
        "+86 13",
        "qq.com",
        ("北京", "上海", "广州", "深圳", "成都", "杭州"),
        _pairs("伟=wei,芳=fang,秀英=xiuying,静=jing,强=qiang,磊=lei,晓明=xiaoming,婷=ting,军=jun"),
        _pairs("王=wang,李=li,张=zhang,刘=liu,陈=chen,杨=yang,黄=huang,赵=zhao,周=zhou"),
        family_first=True,
        joiner="",
    ),
    Locale(
        "Japan",
        "Japanese",
        4,
        "+81 90-",
        "docomo.ne.jp",
        ("東京", "大阪", "京都", "札幌", "福岡", "名古屋"),
        _pairs("翔太=shota,陽菜=hina,健二=kenji,美咲=misaki,大輝=daiki,結衣=yui,蓮=ren,葵=aoi"),
        _pairs(
            "佐藤=sato,鈴木=suzuki,高橋=takahashi,田中=tanaka,渡辺=watanabe,伊藤=ito,山本=yamamoto"
        ),
        family_first=True,
    ),
    Locale(
        "Poland",
        "Polish",
        4,
        "+48 5",
        "wp.pl",
        ("Warszawa", "Kraków", "Łódź", "Wrocław", "Poznań", "Gdańsk"),
        _latin("Łukasz,Zofia,Paweł,Małgorzata,Wojciech,Agnieszka,Krzysztof,Józef,Bożena,Jędrzej"),
        _latin(
            "Kowalski,Wiśniewska,Wójcik,Kamiński,Lewandowska,Zieliński,Szymańska,Woźniak,Dąbrowski"
        ),
    ),
    Locale(
        "Brazil",
        "Brazilian",
        4,
        "+55 11 9",
        "uol.com.br",
        ("São Paulo", "Rio de Janeiro", "Brasília", "Belém", "Florianópolis", "Goiânia"),
        _latin("João,Conceição,Gonçalo,Inês,Sebastião,Luís,Ana Júlia,Thiago,Letícia,Caio"),
        _latin("Gonçalves,Magalhães,Simões,Araújo,Brandão,Silva,Santos,Oliveira,Conceição"),
    ),
    Locale(
        "Turkey",
        "Turkish",
        3,
        "+90 5",
        "turk.net",
        ("İstanbul", "Ankara", "İzmir", "Muğla", "Eskişehir", "Antalya"),
        _latin("Ayşe,Mehmet,Çağla,Gökhan,Şule,Emre,Özge,İbrahim,Ümit,Elif,Ilgın"),
        _latin("Yılmaz,Kaya,Demir,Şahin,Çelik,Yıldız,Öztürk,Aydın,Özdemir,Arslan"),
    ),
    Locale(
        "Russia",
        "Russian",
        3,
        "+7 9",
        "yandex.ru",
        ("Москва", "Санкт-Петербург", "Казань", "Новосибирск", "Сочи"),
        _pairs(
            "Алексей=aleksei,Наталья=natalia,Дмитрий=dmitry,Ольга=olga,Сергей=sergei,Татьяна=tatiana"
        ),
        _pairs(
            "Смирнов=smirnov,Кузнецов=kuznetsov,Попов=popov,Васильев=vasiliev,Соколов=sokolov,Морозов=morozov"
        ),
    ),
    Locale(
        "South Korea",
        "Korean",
        2,
        "+82 10-",
        "naver.com",
        ("서울", "부산", "인천", "대구", "제주"),
        _pairs("민준=minjun,서연=seoyeon,지훈=jihoon,하은=haeun,도윤=doyun,지우=jiwoo"),
        _pairs("김=kim,이=lee,박=park,최=choi,정=jung,강=kang"),
        family_first=True,
        joiner="",
    ),
    Locale(
        "United Arab Emirates",
        "Emirati",
        2,
        "+971 50 ",
        "emirates.net.ae",
        ("دبي", "أبوظبي", "الشارقة", "العين"),
        _pairs("محمد=mohammed,فاطمة=fatima,أحمد=ahmed,ليلى=layla,عمر=omar,نور=nour,مريم=maryam"),
        _pairs(
            "العلي=alali,حسن=hassan,الحسيني=alhusseini,منصور=mansour,خليل=khalil,المهيري=almheiri"
        ),
    ),
    Locale(
        "Greece",
        "Greek",
        2,
        "+30 69",
        "otenet.gr",
        ("Αθήνα", "Θεσσαλονίκη", "Ηράκλειο", "Πάτρα", "Ρόδος"),
        _pairs(
            "Γιώργος=giorgos,Μαρία=maria,Νίκος=nikos,Ελένη=eleni,Δημήτρης=dimitris,Κατερίνα=katerina"
        ),
        _pairs(
            "Παπαδόπουλος=papadopoulos,Βλάχος=vlachos,Οικονόμου=oikonomou,Γεωργίου=georgiou,Νικολάου=nikolaou"
        ),
    ),
    Locale(
        "Vietnam",
        "Vietnamese",
        2,
        "+84 9",
        "vnn.vn",
        ("Hà Nội", "Hồ Chí Minh", "Đà Nẵng", "Huế", "Hội An"),
        _latin("Minh,Thảo,Hương,Đức,Quỳnh,Phương,Tuấn,Ngọc"),
        _latin("Nguyễn,Trần,Lê,Phạm,Hoàng,Vũ,Đặng,Bùi"),
        family_first=True,
    ),
    Locale(
        "Denmark",
        "Danish",
        2,
        "+45 ",
        "jubii.dk",
        ("København", "Aarhus", "Odense", "Aalborg", "Næstved"),
        _latin("Søren,Åse,Bjørn,Mette,Jens,Freja,Mikkel,Ida,Rasmus"),
        _latin("Jørgensen,Sørensen,Nielsen,Hansen,Pedersen,Østergaard,Møller,Kjær"),
    ),
)
GLOBAL_DOMAINS = (("gmail.com", 30), ("outlook.com", 10), ("yahoo.com", 9), ("icloud.com", 7),
                  ("hotmail.com", 6), ("proton.me", 2))  # fmt: skip
LOCAL_DOMAIN_WEIGHT = 20
COMPANY_DOMAIN_WEIGHT = 16
COMPANIES = (
    "Acme Logistics", "Nordlicht GmbH", "Société Générale d'Études", "Müller & Söhne",
    "株式会社山田商事", "Zhōngguó Trading", "Łódź Software", "Öztürk Holding", "Atlas Consulting",
    "Brightwave Media", "Café Olé SL", "Kiwi Analytics", "Rossi & Figli", "Tata Insights",
    "Северный Ветер", "Blue Harbour Partners", "Østergaard Design", "Ñandú Films",
)  # fmt: skip
TAGS = (
    "honeymoon", "family", "vip", "beach", "culture", "adventure", "safari", "ski", "cruise",
    "business", "golf", "wellness", "gastronomy", "repeat", "accessible", "pets", "solo",
    "group", "diving", "wine",
)  # fmt: skip
STATUSES = (("active", 0.60), ("lead", 0.25), ("inactive", 0.15))
SOURCES = (("dashboard", 0.45), ("web_form", 0.30), ("api", 0.15), ("import", 0.10))
NOTES = (
    "Prefers aisle seats.", "Vegetarian; no shellfish.", "Travels with a wheelchair.",
    "Anniversary in June — suggest somewhere quiet.", "Called about a trip to 京都 in spring.",
    "Gluten-free meals please.", "Loyalty member since 2019.", "Wants a sea view, always.",
)  # fmt: skip
DESTINATIONS = (
    "Kyōto & Ōsaka", "Reykjavík", "São Paulo", "Zürich & Luzern", "Kraków", "Marrakech",
    "Cusco & Machu Picchu", "Hội An", "Île de Ré", "Santorini", "Dubrovnik", "Québec",
    "Cappadocia", "Bali", "Lapland", "Patagonia", "Sevilla & Córdoba", "Queenstown",
)  # fmt: skip
THEMES = ("Discovery", "Honeymoon", "Family adventure", "Culinary tour", "Grand tour", "Escape")
ITEM_KINDS = (("activity", 4), ("meal", 3), ("transfer", 2), ("accommodation", 2), ("note", 1),
              ("flight", 1))  # fmt: skip
SUPPLIERS = ("Hôtel Le Grand", "Ryokan Kikunoya", "Aurora Transfers", "TAP Air Portugal",
             "Café São Bento", "Fjällräven Tours", "Local guide", "")  # fmt: skip
PROPOSAL_STATUSES = (("accepted", 0.35), ("sent", 0.2), ("viewed", 0.15), ("declined", 0.1),
                     ("expired", 0.1), ("draft", 0.1))  # fmt: skip
CURRENCIES = (("EUR", 0.5), ("GBP", 0.2), ("USD", 0.2), ("CHF", 0.05), ("JPY", 0.05))


def _zipf(n: int, s: float = 1.0) -> list[float]:
    """Cumulative weights of a Zipf distribution over ``n`` ranks (rank 1 most common)."""
    return list(itertools.accumulate(1 / (rank**s) for rank in range(1, n + 1)))


def _cum(pairs: Sequence[tuple[Any, float]]) -> tuple[list[Any], list[float]]:
    return [v for v, _ in pairs], list(itertools.accumulate(w for _, w in pairs))


def parse_size(text: str) -> int:
    """``10000``, ``10k``, ``1m`` or ``1M``."""
    text = str(text).strip().lower().replace("_", "")
    factor = 1
    if text.endswith("k"):
        factor, text = 1_000, text[:-1]
    elif text.endswith("m"):
        factor, text = 1_000_000, text[:-1]
    try:
        value = int(float(text) * factor)
    except ValueError as exc:
        raise CommandError(f"Not a size: {text!r} (use e.g. 10000, 100k, 1m).") from exc
    if value < 1:
        raise CommandError("The number of clients must be positive.")
    return value


def agency_shares(n_agencies: int) -> list[float]:
    """The largest agency holds ``LARGEST_SHARE``; the rest a Zipf-like long tail."""
    if n_agencies == 1:
        return [1.0]
    tail = [1 / (rank**0.7) for rank in range(2, n_agencies + 1)]
    total = sum(tail)
    return [LARGEST_SHARE] + [(1 - LARGEST_SHARE) * w / total for w in tail]


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


# Writing rows ----------------------------------------------------------------------------


class RowSink:
    """Rows (tuples in ``columns`` order) into ``model``'s table: COPY on PostgreSQL, batched
    INSERTs elsewhere. Values are Python values (JSON columns take lists and dicts). Neither
    path runs ``pre_save``, so ``auto_now`` fields keep the generated timestamps."""

    BATCH = 500

    def __init__(self, model: type[models.Model], columns: Sequence[str]):
        self.model = model
        self.columns = list(columns)
        self.fields = [model._meta.get_field(name.removesuffix("_id")) for name in self.columns]
        self.json_columns = {
            i for i, f in enumerate(self.fields) if isinstance(f, models.JSONField)
        }
        self.count = 0
        self._copy = None
        self._batch: list[list[Any]] = []
        self._cursor = connection.cursor()
        quote = connection.ops.quote_name
        self._table = quote(model._meta.db_table)
        self._cols = ", ".join(quote(c) for c in self.columns)

    def __enter__(self) -> RowSink:
        if connection.vendor == "postgresql":
            self._copy_cm = self._cursor.cursor.copy(
                f"COPY {self._table} ({self._cols}) FROM STDIN"
            )
            self._copy = self._copy_cm.__enter__()
        return self

    def write(self, row: Sequence[Any]) -> None:
        self.count += 1
        if self._copy is not None:
            if self.json_columns:
                row = [json.dumps(v) if i in self.json_columns else v for i, v in enumerate(row)]
            self._copy.write_row(row)
            return
        self._batch.append(
            [f.get_db_prep_save(v, connection) for f, v in zip(self.fields, row, strict=True)]
        )
        if len(self._batch) >= self.BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._batch:
            marks = ", ".join(["%s"] * len(self.columns))
            self._cursor.executemany(
                f"INSERT INTO {self._table} ({self._cols}) VALUES ({marks})", self._batch
            )
            self._batch = []

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if self._copy is not None:
                self._copy_cm.__exit__(exc_type, exc, tb)
            elif exc_type is None:
                self._flush()
        finally:
            self._cursor.close()


LOADED_MODELS: tuple[type[models.Model], ...] = (
    Client,
    Itinerary,
    ItineraryDay,
    ItineraryItem,
    Proposal,
    Booking,
)


def _secondary_indexes(tables: Sequence[str]) -> list[tuple[str, str]]:
    """(name, CREATE INDEX statement) of every index that backs no constraint."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT i.relname, pg_get_indexdef(x.indexrelid)
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            WHERE t.relname = ANY(%s)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
            ORDER BY t.relname, i.relname
            """,
            [list(tables)],
        )
        return list(cursor.fetchall())


# The generator ---------------------------------------------------------------------------


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
                domain = (_ascii(company).lower().replace(" ", "") or "mail") + ".example"
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
                        dt.time(hour, 0), rng.choice(DESTINATIONS), rng.choice(SUPPLIERS),
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
            sent = created + dt.timedelta(hours=2) if status != "draft" else None
            viewed = sent + dt.timedelta(days=1) if status in ("viewed", "accepted") else None
            responded = sent + dt.timedelta(days=2) if status in ("accepted", "declined") else None
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
                        rng.choice(SUPPLIERS),
                        "",
                        trip.user_id,
                        responded,
                        responded,
                    )
                )
                booking_id += 1
            proposal_id += 1
        return proposals, bookings

    def _next_id(self, model: type[models.Model]) -> int:
        return self.first_id[model]


CLIENT_COLUMNS = (
    "id", "agency_id", "name", "email", "phone", "company", "city", "country", "nationality",
    "notes", "tags", "status", "source", "source_details", "assigned_to_id", "created_by_id",
    "created_at", "updated_at",
)  # fmt: skip
ITINERARY_COLUMNS = (
    "id", "agency_id", "client_id", "title", "status", "start_date", "end_date", "travellers",
    "notes", "created_by_id", "created_at", "updated_at",
)  # fmt: skip
DAY_COLUMNS = ("id", "itinerary_id", "day_number", "date", "title", "description", "location")
ITEM_COLUMNS = (
    "id", "day_id", "position", "kind", "title", "start_time", "end_time", "location",
    "supplier", "reference", "notes",
)  # fmt: skip
PROPOSAL_COLUMNS = (
    "id", "agency_id", "client_id", "itinerary_id", "title", "status", "currency",
    "total_price", "valid_until", "message", "share_token", "sent_at", "viewed_at",
    "responded_at", "created_by_id", "created_at", "updated_at",
)  # fmt: skip
BOOKING_COLUMNS = (
    "id", "agency_id", "client_id", "proposal_id", "itinerary_id", "reference", "status",
    "start_date", "end_date", "currency", "total_price", "amount_paid", "supplier", "notes",
    "created_by_id", "created_at", "updated_at",
)  # fmt: skip


# Manifest --------------------------------------------------------------------------------


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
        fast = api_token_create(user=owner, name="bench throughput", rate_limit=HIGH_RATE)
        entry = {"token": fast.plaintext}
        if owner.agency.slug.startswith(f"{BENCH_SLUG_PREFIX}0000"):
            tiny = api_token_create(user=owner, name="bench 429", rate_limit=TINY_RATE)
            entry["tiny_token"] = tiny.plaintext
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


# The command -----------------------------------------------------------------------------


class Command(BaseCommand):
    help = (
        "Load a deterministic benchmark dataset (bench agencies, clients, itineraries, "
        "proposals, bookings) and write the bench tokens to a manifest."
    )
    requires_system_checks: list[str] = []  # a data loader: it needs the models, not the urls

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--clients", default="10000", help="How many clients: 10000, 100k, 1m")
        parser.add_argument("--agencies", type=int, help="Default: max(8, clients / 2000)")
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument("--manifest", type=Path, default=DEFAULT_MANIFEST)
        parser.add_argument(
            "--reset",
            action="store_true",
            help="First delete every agency, user and CRM row (refused unless the database "
            "name contains 'bench' or 'test', or it is SQLite)",
        )
        parser.add_argument(
            "--tokens-only",
            action="store_true",
            help="Keep the data; issue fresh tokens and rewrite the manifest",
        )
        parser.add_argument("--no-vacuum", action="store_true", help="Skip VACUUM ANALYZE")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        manifest_path: Path = options["manifest"]
        if options["tokens_only"]:
            tokens = issue_tokens()
            if connection.vendor == "postgresql" and not connection.in_atomic_block:
                # Each run replaces every bench token: keep the token table from bloating.
                with connection.cursor() as cursor:
                    cursor.execute("VACUUM (ANALYZE) accounts_apitoken")
            manifest = build_manifest(tokens=tokens, seed=None)
            write_manifest(manifest_path, manifest)
            self.stdout.write(f"Issued {len(manifest['agencies'])} bench tokens: {manifest_path}")
            return
        n_clients = parse_size(options["clients"])
        n_agencies = options["agencies"] or max(8, n_clients // 2000)
        if options["reset"]:
            self._reset()
        elif bench_agencies().exists():
            raise CommandError("Bench data is already loaded here; add --reset to replace it.")
        gen = Generator(
            clients=n_clients,
            agencies=n_agencies,
            seed=options["seed"],
            until=DEFAULT_UNTIL,
            log=self.stdout.write,
        )
        self._load(gen)
        if connection.vendor == "postgresql" and not options["no_vacuum"]:
            self._step("VACUUM ANALYZE", self._vacuum)
        manifest = build_manifest(tokens=issue_tokens(), seed=options["seed"])
        write_manifest(manifest_path, manifest)
        self.stdout.write(
            f"Loaded {n_clients} clients in {n_agencies} agencies "
            f"(largest: {manifest['largest']['clients']}), {len(gen.trips)} itineraries, "
            f"in {time.monotonic() - started:.0f}s. Manifest: {manifest_path}"
        )

    def _step(self, label: str, fn, *args):
        started = time.monotonic()
        result = fn(*args)
        self.stdout.write(f"  {label}: {time.monotonic() - started:.1f}s")
        return result

    def _reset(self) -> None:
        if connection.vendor == "postgresql":
            name = str(connection.settings_dict["NAME"])
            if "bench" not in name and "test" not in name:
                raise CommandError(f"Refusing to wipe database {name!r}: not a bench database.")
            tables = [
                m._meta.db_table
                for m in Agency._meta.apps.get_models(include_auto_created=True)
                if m._meta.app_label in ("accounts", "crm")
            ]
            existing = set(connection.introspection.table_names())
            quoted = ", ".join(connection.ops.quote_name(t) for t in tables if t in existing)
            with connection.cursor() as cursor:
                # Inside a transaction (tests), deferred FK checks must fire before a TRUNCATE.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE")
        else:
            # Raw deletes: no signals (the audit trail would log every row it loses), and the
            # foreign keys are checked at commit, when every table is empty.
            with transaction.atomic(), connection.cursor() as cursor:
                for model in Agency._meta.apps.get_models(include_auto_created=True):
                    if model._meta.app_label in ("accounts", "crm"):
                        table = connection.ops.quote_name(model._meta.db_table)
                        cursor.execute(f"DELETE FROM {table}")

    def _load(self, gen: Generator) -> None:
        on_pg = connection.vendor == "postgresql"
        tables = [m._meta.db_table for m in LOADED_MODELS]
        with transaction.atomic():
            self._step(f"{gen.n_agencies} agencies with owners", gen.create_agencies)
            gen.reserve_ids()
            dropped: list[tuple[str, str]] = []
            if on_pg:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
                    if cursor.fetchone()[0]:
                        # The rows are consistent by construction: skip per-row FK triggers,
                        # as pg_restore --disable-triggers does.
                        cursor.execute("SET LOCAL session_replication_role = replica")
                    # Build the secondary indexes once at the end rather than row by row.
                    cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
                    dropped = _secondary_indexes(tables)
                    for name, _ in dropped:
                        cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
            self._step("clients", self._copy, Client, CLIENT_COLUMNS, gen.client_rows())
            self._step(
                "itineraries", self._copy, Itinerary, ITINERARY_COLUMNS, gen.itinerary_rows()
            )
            self._step("days", self._copy, ItineraryDay, DAY_COLUMNS, gen.day_rows())
            self._step("items", self._copy, ItineraryItem, ITEM_COLUMNS, gen.item_rows())
            proposals, bookings = gen.proposal_and_booking_rows()
            self._step("proposals", self._copy, Proposal, PROPOSAL_COLUMNS, iter(proposals))
            self._step("bookings", self._copy, Booking, BOOKING_COLUMNS, iter(bookings))
            if on_pg:
                with connection.cursor() as cursor:
                    started = time.monotonic()
                    for _name, ddl in dropped:
                        cursor.execute(ddl)
                    elapsed = time.monotonic() - started
                    self.stdout.write(f"  {len(dropped)} indexes rebuilt: {elapsed:.1f}s")
                    for model in LOADED_MODELS:
                        table = model._meta.db_table
                        top = f"(SELECT MAX(id) FROM {connection.ops.quote_name(table)})"
                        cursor.execute(
                            f"SELECT setval(pg_get_serial_sequence(%s, 'id'), COALESCE({top}, 1))",
                            [table],
                        )

    def _copy(self, model, columns, rows) -> None:
        with RowSink(model, columns) as sink:
            for row in rows:
                sink.write(row)
        self.stdout.write(f"    {sink.count} {model._meta.verbose_name_plural}")

    def _vacuum(self) -> None:
        with connection.cursor() as cursor:
            for model in (*LOADED_MODELS, Agency, User, ApiToken):
                cursor.execute(
                    f"VACUUM (ANALYZE) {connection.ops.quote_name(model._meta.db_table)}"
                )
