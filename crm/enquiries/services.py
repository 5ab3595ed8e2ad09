"""Submitting an enquiry and telling the form's agents.

:func:`enquiry_submit` stores a cleaned submission: it matches a client (or creates a ``lead``
with source ``web_form``), drops a repeat of the same submission from the same visitor within
``ENQUIRY_DUPLICATE_WINDOW``, and queues the job that emails the form's chosen agents (it runs
once the enquiry commits: a lost transaction emails nobody). A matched client only gains a note;
its fields are never overwritten by a public post.
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
from django.db import connection, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from accounts.events import named_event, record_event
from accounts.models import ActivityAction, ActivityChannel
from core import jobs, mail
from crm.clients.models import Client, ClientSource
from crm.clients.services import client_create
from crm.enquiries.assignment import enquiry_assignee
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
) -> SubmitResult:
    """Store a website submission; raises ``ValidationError`` on bad input (nothing stored).

    ``visitor`` identifies the sender (a hash of IP and user agent) for the duplicate window;
    ``page_url`` is the fallback for a form that does not post one (the Referer).
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
        assignee = enquiry_assignee(form=form, client=client)
        note = _enquiry_note(form=form, cleaned=cleaned, at=now)
        if client is None:
            client = client_create(
                agency=form.agency,
                assigned_to=assignee,  # a new lead is the assigned agent's client
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
            assigned_to=assignee,
        )
        enquiry.full_clean(exclude=["agency", "form", "client"])
        enquiry.save()
        _record_received(enquiry=enquiry, form=form, matched=matched)
        jobs.enqueue(enquiry_notify_job, agency_id=form.agency_id, enquiry_id=enquiry.pk)
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
            "assigned_to_id": enquiry.assigned_to_id,
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


def enquiry_notify(*, enquiry: Enquiry) -> int:
    """Email each agent chosen on the form (one message each, Reply-To the enquirer), through
    ``core.mail`` (so delivered by its own job, retried on its own).

    Returns the number of messages queued. Members who left the agency are skipped. Each
    message is keyed by (enquiry, member): running this twice queues nothing new. These emails
    go to the agency's own members, so the per-recipient limit is left out (``core.mail.send``);
    the agency's limit still applies, and a message it refuses is raised after the others are
    queued, for the job to try again later.
    """
    form = enquiry.form
    if form is None:
        return 0
    members = [
        user
        for user in form.notify_users.filter(agency_id=enquiry.agency_id, is_active=True)
        if user.email
    ]
    if not members:
        return 0
    # The visitor's name is theirs to choose: quoted and cut short, so a subject cannot read
    # like a message from Itinera ("Your account is suspended - verify at ...").
    who = one_line(enquiry.name or enquiry.email or enquiry.phone, limit=SUBJECT_NAME_LENGTH)
    subject = f"New website enquiry from “{who}” ({one_line(form.name, limit=100)})"
    client_url = ""
    if enquiry.client_id:
        client_url = mail.absolute(reverse("client_detail", args=[enquiry.client_id]))
    text, html = mail.render(
        "forms/email/new_enquiry",
        {
            "agency_name": form.agency.name,
            "form_name": one_line(form.name, limit=100),
            "matched": enquiry.matched_existing,
            "client_url": client_url,
            "visitor_fields": _visitor_fields(enquiry),
            "message_lines": _quoted(enquiry.message),
            "can_reply": bool(enquiry.email),
        },
    )
    reply_to = [enquiry.email] if enquiry.email else None
    queued, refused = 0, None
    for user in members:
        try:
            mail.send(
                to=user.email,
                subject=subject,
                body=text,
                html_body=html,
                kind="enquiry_notification",
                agency=enquiry.agency_id,
                reply_to=reply_to,
                idempotency_key=f"enquiry:{enquiry.pk}:notify:{user.pk}",
                limit_recipient=False,
            )
            queued += 1
        except mail.MailLimitReached as exc:
            refused = exc
    if refused is not None:
        raise refused
    return queued


@jobs.job("enquiries.notify")
def enquiry_notify_job(*, agency_id: int, enquiry_id: int) -> int:
    enquiry = (
        Enquiry.objects.for_agency(agency_id)
        .select_related("form__agency")
        .filter(pk=enquiry_id)
        .first()
    )
    return enquiry_notify(enquiry=enquiry) if enquiry is not None else 0


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
    shown = [
        (one_line(label, limit=100), one_line(value, limit=EMAIL_VALUE_LENGTH))
        for label, value in fields
    ]
    return [(label, value) for label, value in shown if value]  # what was left empty is left out


def _quoted(message: str) -> list[str]:
    """The message line by line, each line made safe by ``one_line`` and shown quoted."""
    lines = [one_line(line, limit=EMAIL_VALUE_LENGTH) for line in (message or "").splitlines()]
    return [line for line in lines if line]
