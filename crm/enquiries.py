"""Website enquiries: what a public form posts becomes a lead (or a note on a known client).

- :func:`enquiry_clean` checks a submission (types, lengths, an email or a phone) and splits it
  into the known fields and the extra ones, kept as given.
- :func:`enquiry_submit` stores it: it matches a client of the form's agency by email
  (case-insensitive) or phone (digits only), else creates a ``lead`` client with source
  ``web_form``; it drops a repeat of the same submission from the same visitor within
  ``ENQUIRY_DUPLICATE_WINDOW``; after commit it emails the form's chosen agents.
- Form management for Settings → Website forms: :func:`enquiry_form_create`,
  :func:`enquiry_form_update`, :func:`enquiry_form_regenerate_key`.

Nothing here reads or changes another agency's data: every lookup goes through the form's
agency. A matched client only gains a note; its fields are never overwritten by a public post.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.core.validators import URLValidator, validate_email
from django.db import connection, transaction
from django.db.models import F, Value
from django.db.models.functions import Replace
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.dateparse import parse_date

from accounts.models import Agency, User
from crm.models import (
    PHONE_MAX_LENGTH,
    Client,
    ClientSource,
    Enquiry,
    EnquiryForm,
    new_form_key,
)
from crm.services import client_create

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
# Separators people type in phone numbers; stripped on both sides before comparing.
PHONE_NOISE = (" ", "-", "(", ")", ".", "+", "/")
MIN_PHONE_DIGITS = 6  # fewer digits than this never match anyone
MIN_PHONE_SUFFIX = 9  # "07700 900123" matches "+44 7700 900123" on the last 9+ digits
MAX_ORIGINS = 20

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
    return settings.ENQUIRY_HONEYPOT_FIELD


def is_honeypot_filled(data: Mapping[str, Any]) -> bool:
    """True when the hidden field a human never sees holds anything: a bot filled it in."""
    value = data.get(honeypot_field())
    if isinstance(value, list):
        return any(str(item).strip() for item in value)
    return value not in (None, "", False) and str(value).strip() != ""


def normalise_phone(phone: str) -> str:
    """The digits of a phone number, for matching only (the number is stored as given)."""
    return re.sub(r"[^0-9]", "", phone or "")


def phones_match(a: str, b: str) -> bool:
    """Same digits once international/trunk prefixes (leading zeros) are set aside, or the
    same last nine or more digits (a national form against an international one)."""
    a, b = normalise_phone(a).lstrip("0"), normalise_phone(b).lstrip("0")
    if len(a) < MIN_PHONE_DIGITS or len(b) < MIN_PHONE_DIGITS:
        return False
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= MIN_PHONE_SUFFIX and longer.endswith(shorter)


def enquiry_clean(data: Mapping[str, Any], *, page_url_fallback: str = "") -> EnquiryInput:
    """Check a submission; raise ``ValidationError`` (field → messages) on bad input.

    Text fields take strings (``budget`` also a number, ``travellers`` also a numeric string,
    as HTML forms send it); over-long values are refused, never cut. An email or a phone is
    required. ``page_url_fallback`` (the Referer) is used when no ``page_url`` is posted.
    """
    if not isinstance(data, Mapping):
        raise ValidationError({"non_field_errors": ["Expected an object of form fields."]})
    errors: dict[str, list[str]] = {}
    _refuse_null_characters(data, errors)
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


def _refuse_null_characters(data: Mapping[str, Any], errors: dict[str, list[str]]) -> None:
    """NUL characters: no text field (or PostgreSQL) takes them, so refuse them up front."""

    def has_nul(value: Any) -> bool:
        if isinstance(value, str):
            return "\x00" in value
        if isinstance(value, list):
            return any(has_nul(item) for item in value)
        return False

    for key, value in data.items():
        if has_nul(key) or has_nul(value):
            errors[str(key).replace("\x00", "")[:MAX_EXTRA_KEY_LENGTH] or "non_field_errors"] = [
                "Null characters are not allowed."
            ]


def _clean_travellers(value: Any, errors: dict[str, list[str]]) -> int | None:
    if value in (None, ""):
        return None
    message = f"Enter a whole number from 1 to {MAX_TRAVELLERS}."
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
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
            errors[str(key)[:MAX_EXTRA_KEY_LENGTH]] = [
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


def _valid_url_or_empty(value: str) -> str:
    value = (value or "").strip()
    if not value or len(value) > TEXT_LIMITS["page_url"]:
        return ""
    try:
        _url(value)
    except ValidationError:
        return ""
    return value


# Matching a client -------------------------------------------------------------------------


def _digits_of_phone_column() -> Any:
    expression: Any = F("phone")
    for char in PHONE_NOISE:
        expression = Replace(expression, Value(char), Value(""))
    return expression


def client_match(*, agency: Agency | int, email: str = "", phone: str = "") -> Client | None:
    """The agency's client with this email (any case), else with this phone; oldest first.

    Phones are compared on their digits (see :func:`phones_match`); the database narrows
    candidates by the last digits, Python confirms.
    """
    clients = Client.objects.for_agency(agency).order_by("created_at", "id")
    email = (email or "").strip()
    if email:
        match = clients.filter(email__iexact=email).first()
        if match is not None:
            return match
    digits = normalise_phone(phone).lstrip("0")
    if len(digits) < MIN_PHONE_DIGITS:
        return None
    candidates = (
        clients.exclude(phone="")
        .annotate(phone_digits=_digits_of_phone_column())
        .filter(phone_digits__endswith=digits[-MIN_PHONE_DIGITS:])
    )
    return next((client for client in candidates if phones_match(client.phone, phone)), None)


# Submitting --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SubmitResult:
    enquiry: Enquiry
    created: bool  # False: a repeat of ``enquiry`` within the duplicate window


def enquiry_fingerprint(*, form: EnquiryForm, visitor: str, cleaned: EnquiryInput) -> str:
    """Hash of (form, visitor, content): the same submission from the same visitor."""
    content = {
        name: getattr(cleaned, name)
        for name in KNOWN_FIELDS
        if name != "page_url"  # a double-click posts the same page; a reload may add a #hash
    }
    content["email"] = content["email"].lower()
    content["message"] = " ".join(content["message"].split())
    content["extra"] = cleaned.extra
    payload = json.dumps([form.pk, visitor, content], sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def enquiry_submit(
    *,
    form: EnquiryForm,
    data: Mapping[str, Any],
    visitor: str = "",
    page_url: str = "",
    dashboard_url: str = "",
) -> SubmitResult:
    """Store a website submission; raises ``ValidationError`` on bad input (nothing stored).

    ``visitor`` identifies the sender (a hash of IP and user agent) for the duplicate window;
    ``page_url`` is the fallback for a form that does not post one (the Referer);
    ``dashboard_url`` is the site root the notification email links from.
    """
    cleaned = enquiry_clean(data, page_url_fallback=page_url)
    fingerprint = enquiry_fingerprint(form=form, visitor=visitor, cleaned=cleaned)
    now = timezone.now()
    window = dt.timedelta(seconds=settings.ENQUIRY_DUPLICATE_WINDOW)

    with transaction.atomic():
        _lock_form(form)
        duplicate = (
            Enquiry.objects.for_agency(form.agency_id)
            .filter(form=form, fingerprint=fingerprint, created_at__gte=now - window)
            .order_by("created_at", "id")
            .first()
        )
        if duplicate is not None:
            return SubmitResult(enquiry=duplicate, created=False)

        client = client_match(agency=form.agency_id, email=cleaned.email, phone=cleaned.phone)
        matched = client is not None
        note = _enquiry_note(form=form, cleaned=cleaned, at=now)
        if client is None:
            client = client_create(
                agency=form.agency,
                source=ClientSource.WEB_FORM,
                source_details={
                    "form_id": form.pk,
                    "form_name": form.name,
                    "page_url": cleaned.page_url,
                    "submitted_at": now.isoformat(),
                    "raw": cleaned.raw,
                },
                name=cleaned.display_name[: TEXT_LIMITS["name"]],
                email=cleaned.email,
                phone=cleaned.phone,
                notes=note,
            )
        else:
            _client_append_note(client=client, note=note)

        enquiry = Enquiry(
            agency_id=form.agency_id,
            form=form,
            client=client,
            matched_existing=matched,
            name=cleaned.name,
            email=cleaned.email,
            phone=cleaned.phone,
            message=cleaned.message,
            destination=cleaned.destination,
            travel_start=cleaned.start_date,
            travel_end=cleaned.end_date,
            travellers=cleaned.travellers,
            budget=cleaned.budget,
            extra=cleaned.extra,
            raw=cleaned.raw,
            page_url=cleaned.page_url,
            fingerprint=fingerprint,
        )
        enquiry.full_clean(exclude=["agency", "form", "client"])
        enquiry.save()
        transaction.on_commit(
            lambda: enquiry_notify(enquiry=enquiry, dashboard_url=dashboard_url), robust=True
        )
    return SubmitResult(enquiry=enquiry, created=True)


def _lock_form(form: EnquiryForm) -> None:
    """Serialise submissions to one form, so the duplicate check and the insert cannot race.

    PostgreSQL: a row lock on the form. SQLite has no row locks: a no-op write takes the
    database write lock up front (a read first would risk "database is locked" instead of a
    wait when two submissions arrive together).
    """
    forms = EnquiryForm.objects.filter(pk=form.pk)
    if connection.features.has_select_for_update:
        list(forms.select_for_update().values_list("pk", flat=True))
    else:
        forms.update(is_active=F("is_active"))


def _enquiry_note(*, form: EnquiryForm, cleaned: EnquiryInput, at: dt.datetime) -> str:
    lines = [f"[{at:%Y-%m-%d %H:%M} UTC] Website enquiry via “{form.name}”."]
    details = [
        ("Name", cleaned.name),
        ("Email", cleaned.email),
        ("Phone", cleaned.phone),
        ("Destination", cleaned.destination),
        ("Dates", _date_range(cleaned.start_date, cleaned.end_date)),
        ("Travellers", cleaned.travellers),
        ("Budget", cleaned.budget),
        ("Page", cleaned.page_url),
    ]
    lines += [f"{label}: {value}" for label, value in details if value]
    if cleaned.message:
        lines.append(cleaned.message)
    return "\n".join(lines)


def _date_range(start: dt.date | None, end: dt.date | None) -> str:
    if start and end:
        return f"{start:%Y-%m-%d} to {end:%Y-%m-%d}"
    if start:
        return f"from {start:%Y-%m-%d}"
    return f"until {end:%Y-%m-%d}" if end else ""


def _client_append_note(*, client: Client, note: str) -> None:
    """Append under a row lock, so two enquiries for one client both keep their note."""
    locked = Client.objects.select_for_update().get(pk=client.pk)
    locked.notes = f"{locked.notes.rstrip()}\n\n{note}" if locked.notes.strip() else note
    locked.save(update_fields=["notes", "updated_at"])
    client.notes = locked.notes


# Notifying agents --------------------------------------------------------------------------


def enquiry_notify(*, enquiry: Enquiry, dashboard_url: str = "") -> int:
    """Email each agent chosen on the form (one message each, Reply-To the enquirer).

    Returns the number of messages sent. Members who left the agency are skipped.
    """
    form = enquiry.form
    if form is None:
        return 0
    recipients = [
        user.email
        for user in form.notify_users.filter(agency_id=enquiry.agency_id, is_active=True)
        if user.email
    ]
    if not recipients:
        return 0
    who = enquiry.name or enquiry.email or enquiry.phone
    subject = " ".join(f"New website enquiry: {who} ({form.name})".split())[:200]
    client_url = ""
    if enquiry.client_id:
        client_url = f"{dashboard_url.rstrip('/')}/clients/{enquiry.client_id}/"
    body = render_to_string(
        "forms/email/new_enquiry.txt",
        {"enquiry": enquiry, "form": form, "client_url": client_url},
    )
    reply_to = [enquiry.email] if enquiry.email else None
    messages = [
        EmailMessage(subject=subject, body=body, to=[address], reply_to=reply_to)
        for address in recipients
    ]
    with get_connection() as mail:
        return mail.send_messages(messages) or 0


# Managing forms (Settings → Website forms) ------------------------------------------------


def normalise_origin(value: str) -> str:
    """``https://Example.com:443/`` → ``https://example.com``: the form a browser sends in its
    ``Origin`` header. Raises ``ValueError`` for anything that is not a bare http(s) origin."""
    value = (value or "").strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("Use an origin like https://www.example.com")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise ValueError("An origin has no path: use https://www.example.com")
    try:
        host = parts.hostname.encode("idna").decode("ascii")
        port = parts.port
    except (UnicodeError, ValueError):
        raise ValueError("Use an origin like https://www.example.com") from None
    if ":" in host:
        host = f"[{host}]"
    default_port = {"http": 80, "https": 443}[parts.scheme]
    suffix = f":{port}" if port and port != default_port else ""
    return f"{parts.scheme}://{host}{suffix}"


def origin_allowed(form: EnquiryForm, origin: str | None) -> bool:
    """Exact match against the form's allowed origins (no wildcards, no suffixes)."""
    if not origin:
        return False
    try:
        origin = normalise_origin(origin)
    except ValueError:
        return False  # "null" (sandboxed frames, file://) and garbage are never allowed
    return origin in (form.allowed_origins or [])


def _clean_origins(origins: Iterable[str]) -> list[str]:
    cleaned: list[str] = []
    errors: list[str] = []
    for origin in origins:
        if not str(origin).strip():
            continue
        try:
            value = normalise_origin(str(origin))
        except ValueError as exc:
            errors.append(f"{str(origin).strip()[:100]}: {exc}")
            continue
        if value not in cleaned:
            cleaned.append(value)
    if len(cleaned) > MAX_ORIGINS:
        errors.append(f"At most {MAX_ORIGINS} origins.")
    if errors:
        raise ValidationError({"allowed_origins": errors})
    return cleaned


FORM_FIELDS = ("name", "allowed_origins", "redirect_url", "notify_users", "is_active")


def _form_apply(form: EnquiryForm, fields: Mapping[str, Any]) -> list[User] | None:
    unknown = sorted(set(fields) - set(FORM_FIELDS))
    if unknown:
        raise ValidationError({name: ["Unknown field."] for name in unknown})
    notify: list[User] | None = None
    for name, value in fields.items():
        if name == "allowed_origins":
            value = _clean_origins(value or [])
        elif name == "notify_users":
            notify = _members(agency=form.agency, users=value or [])
            continue
        elif name in ("name", "redirect_url"):
            value = (value or "").strip()
        setattr(form, name, value)
    form.full_clean(exclude=["agency", "notify_users", "public_key"])
    return notify


def _members(*, agency: Agency, users: Iterable[User | int]) -> list[User]:
    ids = {user.pk if isinstance(user, User) else user for user in users}
    members = list(User.objects.filter(agency=agency, is_active=True, pk__in=ids))
    if len(members) != len(ids):
        raise ValidationError({"notify_users": ["Choose members of your agency."]})
    return members


@transaction.atomic
def enquiry_form_create(*, agency: Agency, **fields: Any) -> EnquiryForm:
    form = EnquiryForm(agency=agency)
    notify = _form_apply(form, fields)
    form.save()
    if notify is not None:
        form.notify_users.set(notify)
    return form


@transaction.atomic
def enquiry_form_update(*, form: EnquiryForm, **fields: Any) -> EnquiryForm:
    notify = _form_apply(form, fields)
    form.save()
    if notify is not None:
        form.notify_users.set(notify)
    return form


def enquiry_form_regenerate_key(*, form: EnquiryForm) -> EnquiryForm:
    """A new public key; the old one answers 404 from now on (snippets must be re-pasted)."""
    form.public_key = new_form_key()
    form.save(update_fields=["public_key"])
    return form


__all__ = [
    "EnquiryInput",
    "SubmitResult",
    "client_match",
    "enquiry_clean",
    "enquiry_fingerprint",
    "enquiry_form_create",
    "enquiry_form_regenerate_key",
    "enquiry_form_update",
    "enquiry_notify",
    "enquiry_submit",
    "is_honeypot_filled",
    "normalise_origin",
    "normalise_phone",
    "origin_allowed",
    "phones_match",
]
