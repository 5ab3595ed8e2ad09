"""Reminders to the agent, once per occasion: a proposal that expires within 3 days without an
answer (the occasion: its valid-until date); for a booking with a payment schedule, an
instalment due within the agency's reminder window (``Agency.instalment_reminder_days``, 7
days unless an owner or admin changed it) and one overdue (the occasion: the instalment and
its due date; an overdue one also records ``instalment.overdue``, once per instalment); for a
booking without one, a departure within 30 days with a balance to pay (the occasion: its
departure date). A date that moves is a new occasion; a run that finds an occasion already
told skips it (``Notification.occasion`` is unique)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db.models import F, Prefetch
from django.utils import timezone

from accounts.models import Agency
from core.mail import one_line, quoted
from crm.bookings.models import Booking, BookingStatus, PaymentInstalment
from crm.bookings.schedules import (
    InstalmentRow,
    InstalmentState,
    allocate,
    instalment_record_overdue,
)
from crm.notifications.models import NotificationKind
from crm.notifications.services import Email, agent_for, notify
from crm.proposals.models import Proposal, ProposalStatus

PROPOSAL_EXPIRY_DAYS = 3
BALANCE_DEPARTURE_DAYS = 30
INSTALMENT_DUE_DAYS = 7  # the default of Agency.instalment_reminder_days


def agency_today(agency: Agency) -> dt.date:
    """Today where the agency works (its timezone; UTC when that is not a known zone)."""
    try:
        zone = ZoneInfo(agency.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return timezone.localdate(timezone=zone)


def expiring_proposals(*, agency: Agency, today: dt.date) -> list[Proposal]:
    return list(
        Proposal.objects.for_agency(agency)
        .filter(status__in=[ProposalStatus.SENT, ProposalStatus.VIEWED])
        .filter(valid_until__gte=today)
        .filter(valid_until__lte=today + dt.timedelta(days=PROPOSAL_EXPIRY_DAYS))
        .select_related("client")
        .order_by("valid_until", "id")
    )


def departing_with_balance(*, agency: Agency, today: dt.date) -> list[Booking]:
    """Bookings without a payment schedule: departing within 30 days, not fully paid."""
    return list(
        Booking.objects.for_agency(agency)
        .filter(status__in=[BookingStatus.PENDING, BookingStatus.CONFIRMED])
        .filter(archived_at__isnull=True, total_price__gt=F("amount_paid"))
        .exclude(pk__in=PaymentInstalment.objects.for_agency(agency).values("booking_id"))
        .filter(start_date__gte=today)
        .filter(start_date__lte=today + dt.timedelta(days=BALANCE_DEPARTURE_DAYS))
        .select_related("client")
        .order_by("start_date", "id")
    )


def reminders_send(*, agency_id: int, today: dt.date | None = None) -> int:
    """Remind the agents of this agency of what is due; the number of new reminders."""
    agency = Agency.objects.filter(pk=agency_id).first()
    if agency is None:
        return 0
    today = today or agency_today(agency)
    sent = 0
    for proposal in expiring_proposals(agency=agency, today=today):
        sent += _remind_proposal(agency=agency, proposal=proposal)
    for booking in departing_with_balance(agency=agency, today=today):
        sent += _remind_balance(agency=agency, booking=booking)
    for booking, row in instalments_to_remind(agency=agency, today=today):
        sent += _remind_instalment(agency=agency, booking=booking, row=row)
    return sent


def instalments_to_remind(*, agency: Agency, today: dt.date) -> list[tuple[Booking, InstalmentRow]]:
    """Instalments not yet paid that fall due within the agency's reminder window or are
    overdue, on live bookings (pending or confirmed, not archived), with their states derived
    from the payments."""
    horizon = today + dt.timedelta(days=agency.instalment_reminder_days)
    soon = PaymentInstalment.objects.for_agency(agency).filter(due_date__lte=horizon)
    bookings = (
        Booking.objects.for_agency(agency)
        .filter(status__in=[BookingStatus.PENDING, BookingStatus.CONFIRMED])
        .filter(archived_at__isnull=True, pk__in=soon.values("booking_id"))
        .select_related("client")
        .prefetch_related(
            Prefetch("instalments", queryset=PaymentInstalment.objects.for_agency(agency))
        )
        .order_by("pk")
    )
    found = []
    for booking in bookings:
        rows = allocate(list(booking.instalments.all()), paid=booking.amount_paid, today=today)
        for row in rows:
            if row.state == InstalmentState.OVERDUE or (
                row.state != InstalmentState.PAID and row.due_date <= horizon
            ):
                found.append((booking, row))
    return found


def _remind_instalment(*, agency: Agency, booking: Booking, row: InstalmentRow) -> int:
    overdue = row.state == InstalmentState.OVERDUE
    instalment = row.instalment
    instalment.booking = booking
    if overdue:
        # Once per instalment, whoever is told (and even when nobody is).
        instalment_record_overdue(instalment=instalment, outstanding=row.outstanding)
    recipient = agent_for(
        agency_id=agency.pk, created_by_id=booking.created_by_id, client=booking.client
    )
    if recipient is None:
        return 0
    client, label = one_line(booking.client.name), one_line(row.label)
    owed = f"{row.outstanding:,.2f} {booking.currency}"
    when = f"{row.due_date:%d %b %Y}"
    if overdue:
        text = (
            f"{label} of {client}'s booking {booking.reference} was due on {when}: {owed} unpaid."
        )
        kind, subject = NotificationKind.INSTALMENT_OVERDUE, "Overdue: an instalment is unpaid"
    else:
        text = f"{label} of {client}'s booking {booking.reference} is due on {when}: {owed} to pay."
        kind, subject = NotificationKind.INSTALMENT_DUE, f"Reminder: an instalment is due {when}"
    told = notify(
        agency_id=agency.pk,
        recipient=recipient,
        kind=kind,
        occasion=f"{kind}:{instalment.pk}:{row.due_date.isoformat()}",
        text=text,
        link=f"/bookings/{booking.pk}/",
        object_type="booking",
        object_id=booking.pk,
        client_id=booking.client_id,
        email=Email(
            subject=subject,
            template="reminder",
            context={"client_name": booking.client.name, "client_email": booking.client.email},
        ),
    )
    return int(told is not None)


def _remind_proposal(*, agency: Agency, proposal: Proposal) -> int:
    assert proposal.valid_until is not None
    recipient = agent_for(
        agency_id=agency.pk, created_by_id=proposal.created_by_id, client=proposal.client
    )
    if recipient is None:
        return 0
    client, title = one_line(proposal.client.name), one_line(proposal.title)
    text = (
        f"The proposal “{title}” for {client} expires on "
        f"{proposal.valid_until:%d %b %Y} and has no answer yet."
    )
    told = notify(
        agency_id=agency.pk,
        recipient=recipient,
        kind=NotificationKind.PROPOSAL_EXPIRING,
        occasion=f"reminder.proposal_expiring:{proposal.pk}:{proposal.valid_until.isoformat()}",
        text=text,
        link=f"/proposals/{proposal.pk}/",
        object_type="proposal",
        object_id=proposal.pk,
        client_id=proposal.client_id,
        email=Email(
            subject=f"Reminder: the proposal {quoted(proposal.title)} expires soon",
            template="reminder",
            context={"client_name": proposal.client.name, "client_email": proposal.client.email},
        ),
    )
    return int(told is not None)


def _remind_balance(*, agency: Agency, booking: Booking) -> int:
    assert booking.start_date is not None
    recipient = agent_for(
        agency_id=agency.pk, created_by_id=booking.created_by_id, client=booking.client
    )
    if recipient is None:
        return 0
    client = one_line(booking.client.name)
    text = (
        f"{client} departs on {booking.start_date:%d %b %Y} (booking {booking.reference}) "
        f"with {booking.balance_due:,.2f} {booking.currency} still to pay."
    )
    told = notify(
        agency_id=agency.pk,
        recipient=recipient,
        kind=NotificationKind.BALANCE_DUE,
        occasion=f"reminder.balance_due:{booking.pk}:{booking.start_date.isoformat()}",
        text=text,
        link=f"/bookings/{booking.pk}/",
        object_type="booking",
        object_id=booking.pk,
        client_id=booking.client_id,
        email=Email(
            subject=f"Reminder: a balance is due before {booking.start_date:%d %b}",
            template="reminder",
            context={"client_name": booking.client.name, "client_email": booking.client.email},
        ),
    )
    return int(told is not None)
