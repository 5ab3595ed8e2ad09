"""Cleaning what a public form posted, and matching it to a client of the form's agency.

:func:`enquiry_clean` checks a submission (types, lengths, an email or a phone) and splits it
into the known fields and the extra ones, kept as given; :func:`client_match` finds a client
by email (case-insensitive) or phone (its E.164 form).
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.dateparse import parse_date

from accounts.models import Agency
from core import mail
from core.validation import parse_int
from crm.clients.duplicates import agency_phone_key
from crm.clients.models import PHONE_MAX_LENGTH, Client

logger = logging.getLogger(__name__)

TEXT_LIMITS = {
    "name": 200,
    "email": 254,
    "phone": PHONE_MAX_LENGTH,
    "destination": 200,
    "budget": 100,
    "page_url": 2000,
}
SINGLE_LINE = ("name", "email", "phone", "destination", "budget")
KNOWN_FIELDS = (
    "name",
    "email",
    "phone",
    "message",
    "destination",
    "start_date",
    "end_date",
    "travellers",
    "budget",
    "page_url",
)
MAX_TRAVELLERS = 999
MAX_EXTRA_KEY_LENGTH = 100
MAX_EXTRA_LIST_ITEMS = 50
MAX_NUMBER_DIGITS = 15  # a number posted in any field; more is no form's (and no column's)
_SURROGATE = re.compile("[\ud800-\udfff]")
MIN_PHONE_DIGITS = 6  # fewer digits than this never match anyone

_url = URLValidator(schemes=["http", "https"])


# Cleaning a submission ---------------------------------------------------------------------


@dataclass(frozen=True)
class EnquiryInput:
    """A checked submission: known fields cleaned, the rest kept as given in ``extra``."""

    name: str = ""
    email: str = ""
    phone: str = ""
    message: str = ""
    destination: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    travellers: int | None = None
    budget: str = ""
    page_url: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def display_name(self) -> str:
        return self.name or self.email or self.phone


def honeypot_field() -> str:
    return str(settings.ENQUIRY_HONEYPOT_FIELD)


def is_honeypot_filled(data: Mapping[str, Any]) -> bool:
    """True when the hidden field a human never sees holds anything: a bot filled it in."""
    value = data.get(honeypot_field())
    if isinstance(value, list):
        return any(str(item).strip() for item in value)
    return value not in (None, "", False) and str(value).strip() != ""


def normalise_phone(phone: str) -> str:
    """The digits of a phone number, for matching only (the number is stored as given)."""
    return re.sub(r"[^0-9]", "", phone or "")


def enquiry_clean(data: Mapping[str, Any], *, page_url_fallback: str = "") -> EnquiryInput:
    """Check a submission; raise ``ValidationError`` (field → messages) on bad input.

    Text fields take strings (``budget`` also a number, ``travellers`` also a numeric string,
    as HTML forms send it); over-long values are refused, never cut. An email or a phone is
    required. ``page_url_fallback`` (the Referer) is used when no ``page_url`` is posted.
    """
    if not isinstance(data, Mapping):
        raise ValidationError({"non_field_errors": ["Expected an object of form fields."]})
    errors: dict[str, list[str]] = {}
    _refuse_unstorable(data, errors)
    limits = {**TEXT_LIMITS, "message": settings.ENQUIRY_MAX_MESSAGE_LENGTH}
    cleaned: dict[str, Any] = {}

    for name in ("name", "email", "phone", "message", "destination", "budget", "page_url"):
        value = data.get(name)
        if name == "budget" and isinstance(value, int | float | Decimal):
            value = str(value) if not isinstance(value, bool) else value
        if value is None:
            value = ""
        if isinstance(value, list):
            errors[name] = ["Send one value for this field, not a list."]
            continue
        if not isinstance(value, str):
            errors[name] = ["Expected text."]
            continue
        value = value.strip()
        if name in SINGLE_LINE:
            value = " ".join(value.split())
        if len(value) > limits[name]:
            errors[name] = [f"Use at most {limits[name]} characters (this has {len(value)})."]
            continue
        cleaned[name] = value

    if cleaned.get("email"):
        try:
            validate_email(cleaned["email"])
        except ValidationError:
            errors["email"] = ["Enter a valid email address."]
    if cleaned.get("page_url"):
        try:
            _url(cleaned["page_url"])
        except ValidationError:
            errors["page_url"] = ["Enter a full http(s) URL."]
    elif "page_url" in cleaned and page_url_fallback:
        cleaned["page_url"] = _valid_url_or_empty(page_url_fallback)

    for name in ("start_date", "end_date"):
        value = data.get(name)
        if value in (None, ""):
            cleaned[name] = None
        elif not isinstance(value, str):
            errors[name] = ["Enter a date as YYYY-MM-DD."]
        else:
            try:
                parsed = parse_date(value.strip())
            except ValueError:
                parsed = None
            if parsed is None:
                errors[name] = ["Enter a date as YYYY-MM-DD."]
            cleaned[name] = parsed
    start, end = cleaned.get("start_date"), cleaned.get("end_date")
    if start and end and end < start:
        errors["end_date"] = ["The end date cannot be before the start date."]

    cleaned["travellers"] = _clean_travellers(data.get("travellers"), errors)

    extra = _clean_extra(data, errors)

    has_phone = bool(normalise_phone(cleaned.get("phone", "")))
    if not cleaned.get("email") and not has_phone and "email" not in errors:
        message = "Give an email address or a phone number so the agency can reply."
        errors.setdefault("email", []).append(message)
        errors.setdefault("phone", []).append(message)

    if errors:
        raise ValidationError(errors)
    raw = {key: value for key, value in data.items() if key != honeypot_field()}
    return EnquiryInput(**cleaned, extra=extra, raw=raw)


def _refuse_unstorable(data: Mapping[str, Any], errors: dict[str, list[str]]) -> None:
    """What no database column takes, refused up front (a 422 naming the field, never a 500):
    NUL characters and lone surrogates (UTF-8 cannot encode them), infinite or NaN numbers
    (JSON has none, PostgreSQL's jsonb refuses them) and numbers too long to be a form's."""

    def problem(value: Any) -> str | None:
        if isinstance(value, str):
            if "\x00" in value:
                return "Null characters are not allowed."
            if _SURROGATE.search(value):
                return "The text holds characters that are not valid Unicode."
            return None
        if isinstance(value, bool):
            return None
        if isinstance(value, float) and not math.isfinite(value):
            return "Numbers must be finite."
        if isinstance(value, int) and abs(value) >= 10**MAX_NUMBER_DIGITS:
            return f"Numbers have at most {MAX_NUMBER_DIGITS} digits."
        if isinstance(value, list):
            return next((p for p in map(problem, value) if p), None)
        if isinstance(value, Mapping):
            return next((p for p in map(problem, [*value.keys(), *value.values()]) if p), None)
        return None

    for key, value in data.items():
        message = problem(key) or problem(value)
        if message:
            errors[safe_field_name(key) or "non_field_errors"] = [message]


def safe_field_name(key: Any) -> str:
    """A posted field name fit to echo back in an error: no NUL, no lone surrogate, short."""
    return _SURROGATE.sub("", str(key).replace("\x00", ""))[:MAX_EXTRA_KEY_LENGTH]


def _clean_travellers(value: Any, errors: dict[str, list[str]]) -> int | None:
    if value in (None, ""):
        return None
    message = f"Enter a whole number from 1 to {MAX_TRAVELLERS}."
    if isinstance(value, str):
        # The one parser of typed integers: ASCII digits with a length cap ("²", "٣" and
        # 5,000 digits are refused, not handed to int()).
        parsed = parse_int(value.strip())
        if parsed is None:
            errors["travellers"] = [message]
            return None
        value = parsed
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_TRAVELLERS:
        errors["travellers"] = [message]
        return None
    return value


def _clean_extra(data: Mapping[str, Any], errors: dict[str, list[str]]) -> dict[str, Any]:
    """Fields the form added (a "how did you hear of us" select...), kept exactly as given."""
    ignored = {*KNOWN_FIELDS, honeypot_field()}
    extra = {key: value for key, value in data.items() if key not in ignored}
    limit = settings.ENQUIRY_MAX_EXTRA_LENGTH
    if len(extra) > settings.ENQUIRY_MAX_EXTRA_FIELDS:
        errors["non_field_errors"] = [
            f"Too many fields: at most {settings.ENQUIRY_MAX_EXTRA_FIELDS} besides the usual ones."
        ]
        return {}
    for key, value in extra.items():
        if not isinstance(key, str) or not key or len(key) > MAX_EXTRA_KEY_LENGTH:
            errors[safe_field_name(key)] = [
                f"Field names have 1 to {MAX_EXTRA_KEY_LENGTH} characters."
            ]
            continue
        items = value if isinstance(value, list) else [value]
        if isinstance(value, list) and len(value) > MAX_EXTRA_LIST_ITEMS:
            errors[key] = [f"At most {MAX_EXTRA_LIST_ITEMS} values."]
        elif not all(item is None or isinstance(item, str | int | float) for item in items):
            errors[key] = ["Expected text, a number, or a list of them."]
        elif any(isinstance(item, str) and len(item) > limit for item in items):
            errors[key] = [f"Use at most {limit} characters."]
    return extra


def one_line(value: Any, *, limit: int = 1_000) -> str:
    """A visitor's value as one line of text (``core.mail.one_line``: no line breaks, control
    characters or direction overrides of its own); lists are joined with commas."""
    if isinstance(value, list):
        value = ", ".join(one_line(item, limit=limit) for item in value)
    return mail.one_line(value, limit=limit)


def _valid_url_or_empty(value: str) -> str:
    value = (value or "").strip()
    if not value or len(value) > TEXT_LIMITS["page_url"]:
        return ""
    if any(mail.is_break(char) for char in value) or _SURROGATE.search(value):
        return ""  # URLValidator lets a NUL through, which PostgreSQL then refuses
    try:
        _url(value)
    except ValidationError:
        return ""
    return value


# Matching a client -------------------------------------------------------------------------


def client_match(*, agency: Agency | int, email: str = "", phone: str = "") -> Client | None:
    """The agency's client with this email (any case), else with this phone; oldest first.

    Phones are compared on their E.164 form (``Client.phone_e164``, indexed; national numbers
    read in the agency's country: crm.clients.phones).
    """
    clients = Client.objects.for_agency(agency).order_by("created_at", "id")
    email = (email or "").strip()
    if email:
        match = clients.filter(email__iexact=email).first()
        if match is not None:
            return match
    if len(normalise_phone(phone)) < MIN_PHONE_DIGITS:
        return None
    if isinstance(agency, int):
        agency = Agency.objects.get(pk=agency)
    key = agency_phone_key(agency, phone)
    if not key:
        return None
    return clients.filter(phone_e164=key).first()
