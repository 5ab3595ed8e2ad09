# ruff: noqa: RUF001 (the names are multi-byte on purpose, Turkish dotless i included)
"""The tables the bench dataset is drawn from: locales with their names, cities, phone
prefixes and email domains, and the weighted choices for companies, tags, statuses, sources,
notes, destinations, itinerary items, suppliers, proposal statuses and currencies.

Data only: ``bench.datagen.generator`` draws from them, deterministically for a seed.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

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
    return tuple((name, ascii_form(name)) for name in names.split(","))


def _pairs(pairs: str) -> tuple[tuple[str, str], ...]:
    """``native=latin`` pairs for names in other scripts."""
    return tuple(tuple(pair.split("=")) for pair in pairs.split(","))  # type: ignore[misc]


_ASCII_FOLD = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D", "æ": "ae",
     "Æ": "AE", "ı": "i", "ð": "d", "þ": "th", "'": ""}
)  # fmt: skip


def ascii_form(text: str) -> str:
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
