"""The one door for outgoing email: every message the application sends goes through ``send``.

Each message counts against three rolling windows (``core.ratelimit``, shared by every process
through Redis): its recipient, its sender (a signed-in user, or the address of an anonymous
request) and the agency it is sent for. When any of them is full the message is not sent and
``MailLimitReached`` says which; nothing is counted for a refused message. Limits come from the
settings ``MAIL_LIMIT_PER_RECIPIENT``, ``MAIL_LIMIT_PER_SENDER``, ``MAIL_LIMIT_PER_AGENCY`` over
``MAIL_LIMIT_WINDOW`` seconds. The checks run in the caller's request, so it can show the error.

A message that passes is written to the outbox (``core.models.OutboundEmail``) in the caller's
transaction and delivered by the job ``core.mail.deliver`` once that transaction commits: a
rolled-back change sends nothing, a committed one is retried with backoff until the email
backend takes it, and the row's status says whether it went (``sent`` exactly once: the job
locks the row, skips it when another worker holds it, and sends nothing for a sent row).

Attachments are not stored in the outbox: an app registers, per ``kind``, the function that
gives a message's files from its row (``register_attachments``; an invoice's PDF), called by the
delivery job when it builds the message, so a retry attaches the same files again.

Subjects are the caller's fixed text, collapsed to one line; a name someone typed (an agency's,
a colleague's) belongs in the body, through ``quoted``. Every link in an email is absolute from
``SITE_URL`` (``absolute``), never from the Host header of the request that caused it.
"""

from __future__ import annotations

import hashlib
import logging
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone

from core import jobs, ratelimit
from core.models import OutboundEmail, OutboundEmailStatus

logger = logging.getLogger(__name__)

_DEFAULTS = {
    "MAIL_LIMIT_PER_RECIPIENT": 5,
    "MAIL_LIMIT_PER_SENDER": 50,
    "MAIL_LIMIT_PER_AGENCY": 200,
    "MAIL_LIMIT_WINDOW": 3600,
}
DIRECTION_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
NAME_LENGTH = 60


class MailLimitReached(Exception):
    """The message was not sent: ``scope`` (recipient, sender or agency) has sent enough."""

    def __init__(self, scope: str, retry_after: int) -> None:
        self.scope = scope
        self.retry_after = retry_after
        super().__init__(f"Too many emails for this {scope}; try again in {retry_after} s.")


def _setting(name: str) -> int:
    return int(getattr(settings, name, _DEFAULTS[name]))


def one_line(text: object, *, limit: int | None = None) -> str:
    """Text someone typed as one line: every line break, tab, control character and direction
    override becomes a space (so it cannot write lines of its own into an email, nor reorder
    what follows it), runs of spaces become one; cut at ``limit`` with an ellipsis."""
    raw = "" if text is None else str(text)
    cleaned = "".join(" " if is_break(ch) else ch for ch in raw)
    flat = " ".join(cleaned.split())
    if limit is not None and len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return flat


def is_break(char: str) -> bool:
    # Cc: controls (\n, \r, \t, NUL...); Zl/Zp: the Unicode line and paragraph separators.
    # Other format characters (Cf) stay: a zero-width joiner belongs to the emoji it joins.
    return unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in DIRECTION_CONTROLS


def quoted(name: str, length: int = NAME_LENGTH) -> str:
    """A user-supplied name as an email may show it: one line, at most ``length`` characters,
    between quotation marks, so it cannot pass for the email's own words."""
    return f"“{one_line(name, limit=length)}”"


def _recipient_key(address: str) -> str:
    normalised = unicodedata.normalize("NFKC", address).casefold().strip()
    return "mail:to:" + hashlib.sha256(normalised.encode()).hexdigest()[:32]


def send(
    *,
    to: str,
    subject: str,
    body: str,
    kind: str,
    sender: str | None = None,
    agency: int | None = None,
    html_body: str | None = None,
    reply_to: list[str] | None = None,
    from_email: str | None = None,
    idempotency_key: str | None = None,
    limit_recipient: bool = True,
) -> OutboundEmail:
    """Queue one message to one address (delivered by a job once the caller's transaction
    commits), or raise ``MailLimitReached`` and queue nothing.

    ``kind`` names the message (``invitation``, ``password_reset``...) for logs and the outbox;
    ``sender`` is who caused it (``user:42``, ``ip:203.0.113.7``); ``agency`` its agency's id.
    ``idempotency_key``: a second message with the same key is not queued (the first row is
    returned, and nothing is counted). ``limit_recipient=False`` leaves the per-recipient window
    out, for messages to the agency's own members about work coming in (new enquiries): a busy
    website form must not silence the agents' notifications after five leads an hour, and the
    flood it could be is bounded already by the form's own rate limits and the agency's window,
    which still applies.
    """
    if idempotency_key:
        existing = OutboundEmail.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing
    window = _setting("MAIL_LIMIT_WINDOW")
    checks_: list[tuple[str, str, int]] = []
    if limit_recipient:
        checks_.append(("recipient", _recipient_key(to), _setting("MAIL_LIMIT_PER_RECIPIENT")))
    if sender:
        checks_.append(("sender", f"mail:from:{sender}", _setting("MAIL_LIMIT_PER_SENDER")))
    if agency is not None:
        checks_.append(("agency", f"mail:agency:{agency}", _setting("MAIL_LIMIT_PER_AGENCY")))
    # Look first, count after: a message refused by one scope uses up none of the others.
    for scope, key, limit in checks_:
        state = ratelimit.hit(key, limit, window=window, count=False)
        if not state.allowed:
            raise MailLimitReached(scope, state.reset)
    for _scope, key, limit in checks_:
        ratelimit.hit(key, limit, window=window)
    try:
        with transaction.atomic():  # the row and its job: both or neither
            email = OutboundEmail.objects.create(
                recipient=to,
                subject=one_line(subject)[:200],
                text=body,
                html=html_body or "",
                from_email=from_email or "",
                reply_to=list(reply_to or []),
                kind=kind,
                agency_id=agency,
                idempotency_key=idempotency_key or None,
            )
            jobs.enqueue(deliver, agency_id=agency, email_id=email.pk)
    except IntegrityError:
        if not idempotency_key:
            raise
        # The same key queued at the same moment by another request: that one is the message.
        return OutboundEmail.objects.get(idempotency_key=idempotency_key)
    return email


# Delivery ------------------------------------------------------------------------------------

DELIVERY_ATTEMPTS = jobs.DEFAULT_ATTEMPTS


@jobs.job("core.mail.deliver", queue="email", attempts=DELIVERY_ATTEMPTS)
def deliver(*, email_id: int, agency_id: int | None = None) -> bool:
    """Hand the outbox row ``email_id`` to the email backend; True when this run sent it.

    The row is locked for the send (``skip_locked``: a second worker racing for it moves on)
    and marked sent in the same transaction, so a sent row is never sent again. A backend
    failure is written on the row and raised, for the queue to retry with backoff; after the
    last attempt the row reads ``failed``, with the error.
    """
    try:
        with transaction.atomic():
            email = (
                OutboundEmail.objects.select_for_update(skip_locked=True)
                .filter(pk=email_id)
                .exclude(status=OutboundEmailStatus.SENT)
                .first()
            )
            if email is None:  # sent already, being sent by another worker, or gone
                return False
            _message(email).send()
            updated = OutboundEmail.objects.filter(pk=email.pk).exclude(
                status=OutboundEmailStatus.SENT
            )
            updated.update(
                status=OutboundEmailStatus.SENT,
                sent_at=timezone.now(),
                attempts=F("attempts") + 1,
                last_error="",
            )
    except Exception as exc:
        failed = OutboundEmail.objects.filter(pk=email_id).exclude(status=OutboundEmailStatus.SENT)
        failed.update(attempts=F("attempts") + 1, last_error=f"{type(exc).__name__}: {exc}"[:2000])
        failed.filter(attempts__gte=DELIVERY_ATTEMPTS).update(status=OutboundEmailStatus.FAILED)
        raise
    return True


class Attachment(NamedTuple):
    filename: str
    content: bytes
    mimetype: str


# Attachments are not stored in the outbox: the app that queued a message of a ``kind`` names
# the function that gives them from the row (an invoice's PDF, read from its document), called
# when the delivery job builds the message. A failure there fails the delivery, which retries.
AttachmentSource = Callable[[OutboundEmail], list[Attachment]]
_attachment_sources: dict[str, AttachmentSource] = {}


def register_attachments(kind: str, source: AttachmentSource) -> None:
    """Attach what ``source`` gives to every message of ``kind`` when it is delivered."""
    _attachment_sources[kind] = source


def attachments_for(email: OutboundEmail) -> list[Attachment]:
    source = _attachment_sources.get(email.kind)
    return source(email) if source is not None else []


def _message(email: OutboundEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.text,
        from_email=email.from_email or None,
        to=[email.recipient],
        reply_to=list(email.reply_to or []) or None,
        headers={"X-Itinera-Kind": email.kind, "X-Itinera-Email-Id": str(email.pk)},
    )
    if email.html:
        message.attach_alternative(email.html, "text/html")
    for attachment in attachments_for(email):
        message.attach(attachment.filename, attachment.content, attachment.mimetype)
    return message


# Content -------------------------------------------------------------------------------------


def site_url() -> str:
    """``SITE_URL`` without its trailing slash (``https://crm.example.com``)."""
    return str(getattr(settings, "SITE_URL", "") or "").rstrip("/")


def absolute(url: str) -> str:
    """``url`` (a path, or a URL built from a request) as a link on ``SITE_URL``: only its
    path, query and fragment are kept, so a forged Host header never reaches an email."""
    parts = urlsplit(url)
    path = parts.path if parts.path.startswith("/") else "/" + parts.path
    query = f"?{parts.query}" if parts.query else ""
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    return f"{site_url()}{path}{query}{fragment}"


def render(template: str, context: Mapping[str, Any]) -> tuple[str, str]:
    """The text and HTML parts of an email: ``<template>.txt`` and ``<template>.html``, both
    extending the shared layouts in ``templates/email/``. ``context`` may name ``agency_name``
    and ``agent_name`` for the header and signature; ``site_url`` is added."""
    full = {"site_url": site_url(), **context}
    return render_to_string(f"{template}.txt", full), render_to_string(f"{template}.html", full)


@checks.register(checks.Tags.compatibility)
def check_site_url(**kwargs: Any) -> list[checks.CheckMessage]:
    """Every link in every email starts with ``SITE_URL``: without it they cannot be opened."""
    if site_url().startswith(("https://", "http://")):
        return []
    return [
        checks.Warning(
            "SITE_URL is not set (or is not an http(s) URL): the links in emails will not open.",
            hint="Set SITE_URL to the address people use, e.g. https://crm.example.com.",
            id="itinera.W001",
        )
    ]
