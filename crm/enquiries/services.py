"""Submitting an enquiry and telling the form's agents.

:func:`enquiry_submit` stores a cleaned submission: it matches a client (or creates a ``lead``
with source ``web_form``), drops a repeat of the same submission from the same visitor within
``ENQUIRY_DUPLICATE_WINDOW``, and after commit emails the form's chosen agents. A matched
client only gains a note; its fields are never overwritten by a public post.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import connection, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.events import named_event, record_event
from accounts.models import ActivityAction, ActivityChannel
from crm.clients.models import Client, ClientSource
from crm.clients.services import client_create
from crm.enquiries.intake import (
    KNOWN_FIELDS,
    TEXT_LIMITS,
    EnquiryInput,
    client_match,
    enquiry_clean,
    one_line,
)
from crm.enquiries.models import Enquiry, EnquiryForm

logger = logging.getLogger(__name__)

NOTE_GIST_LENGTH = 120  # characters of the message a matched client's note line quotes
NOTED_ENQUIRIES_PER_CLIENT = 20  # later matches are on the client's enquiries list only
SUBJECT_NAME_LENGTH = 40  # characters of the visitor's name the email's subject quotes
EMAIL_VALUE_LENGTH = 1_000  # characters of one visitor value the agents' email shows

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
                    **_form_ref(form),
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
            _client_append_note(client=client, form=form, cleaned=cleaned, at=now)

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
        _record_received(enquiry=enquiry, form=form, matched=matched)
        transaction.on_commit(
            lambda: enquiry_notify(enquiry=enquiry, dashboard_url=dashboard_url), robust=True
        )
    return SubmitResult(enquiry=enquiry, created=True)


def _form_ref(form: EnquiryForm) -> dict[str, Any]:
    """How a client's source and an event name the website form (kept if it is deleted)."""
    return {"form_id": form.pk, "form_name": form.name}


def _record_received(*, enquiry: Enquiry, form: EnquiryForm, matched: bool) -> None:
    """``enquiry.received``: always through the website form, whoever's request it rides on;
    the enquirer is the actor (the history names them from the client they matched or made)."""
    record_event(
        "enquiry.received",
        agency_id=form.agency_id,
        object_type="enquiry",
        object_id=enquiry.pk,
        object_repr=form.name,
        client_id=enquiry.client_id,
        action=ActivityAction.CREATE,
        channel=ActivityChannel.WEB_FORM,
        data={
            **_form_ref(form),
            "client_id": enquiry.client_id,
            "matched": matched,
            "client_created": not matched,
        },
    )


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


def _client_append_note(
    *, client: Client, form: EnquiryForm, cleaned: EnquiryInput, at: dt.datetime
) -> None:
    """A matched client gains one short line per enquiry (the full text stays in the
    Enquiry row), and only for its first ``NOTED_ENQUIRIES_PER_CLIENT`` matched enquiries:
    anonymous posts can never grow an existing client's notes without limit. Appended under
    a row lock, so two enquiries for one client both keep their line."""
    locked = Client.objects.select_for_update().get(pk=client.pk)
    noted = Enquiry.objects.for_agency(form.agency_id).filter(
        client_id=locked.pk, matched_existing=True
    )
    if noted.count() >= NOTED_ENQUIRIES_PER_CLIENT:
        return
    note = _enquiry_pointer(form=form, cleaned=cleaned, at=at)
    locked.notes = f"{locked.notes.rstrip()}\n\n{note}" if locked.notes.strip() else note
    with named_event("client.note_added", subject=locked, data={"note": note, "form": form.name}):
        locked.save(update_fields=["notes", "updated_at"])
    client.notes = locked.notes


def _enquiry_pointer(*, form: EnquiryForm, cleaned: EnquiryInput, at: dt.datetime) -> str:
    """One line (at most ~300 characters): when, through which form, and the gist."""
    gist = one_line(cleaned.message or cleaned.destination, limit=NOTE_GIST_LENGTH)
    line = (
        f"[{at:%Y-%m-%d %H:%M} UTC] Website enquiry via “{one_line(form.name, limit=100)}”: "
        "see the client's enquiries."
    )
    return f"{line} “{gist}”" if gist else line


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
    # The visitor's name is theirs to choose: quoted and cut short, so a subject cannot read
    # like a message from Itinera ("Your account is suspended - verify at ...").
    who = one_line(enquiry.name or enquiry.email or enquiry.phone, limit=SUBJECT_NAME_LENGTH)
    subject = f"New website enquiry from “{who}” ({one_line(form.name, limit=100)})"
    client_url = ""
    if enquiry.client_id:
        client_url = f"{dashboard_url.rstrip('/')}/clients/{enquiry.client_id}/"
    body = render_to_string(
        "forms/email/new_enquiry.txt",
        {
            "form_name": one_line(form.name, limit=100),
            "matched": enquiry.matched_existing,
            "client_url": client_url,
            "visitor_fields": _visitor_fields(enquiry),
            "message_lines": _quoted(enquiry.message),
            "can_reply": bool(enquiry.email),
        },
    )
    reply_to = [enquiry.email] if enquiry.email else None
    messages = [
        EmailMessage(subject=subject, body=body, to=[address], reply_to=reply_to)
        for address in recipients
    ]
    with get_connection() as mail:
        return mail.send_messages(messages) or 0


def _visitor_fields(enquiry: Enquiry) -> list[tuple[str, str]]:
    """What the visitor sent, each value on one line (see ``one_line``): a value holding
    "\nOpen the client: https://..." cannot write a line of its own into the email."""
    dates = _date_range(enquiry.travel_start, enquiry.travel_end)
    fields = [
        ("Name", enquiry.name),
        ("Email", enquiry.email),
        ("Phone", enquiry.phone),
        ("Destination", enquiry.destination),
        ("Dates", dates),
        ("Travellers", enquiry.travellers),
        ("Budget", enquiry.budget),
        ("Page", enquiry.page_url),
    ]
    fields += [(key, value) for key, value in (enquiry.extra or {}).items()]
    return [
        (one_line(label, limit=100), one_line(value, limit=EMAIL_VALUE_LENGTH) or "-")
        for label, value in fields
    ]


def _quoted(message: str) -> list[str]:
    """The message line by line, each line made safe by ``one_line`` and shown quoted."""
    lines = [one_line(line, limit=EMAIL_VALUE_LENGTH) for line in (message or "").splitlines()]
    return [line for line in lines if line] or ["(none)"]
