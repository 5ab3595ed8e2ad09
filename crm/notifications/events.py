"""From named events to notifications: the client opened, accepted or declined a proposal; a
website enquiry arrived (for a new client or one already known); Itinera switched off a
webhook endpoint (it answered 410 Gone, or failed for days). Run by the job
``notifications.notify_event`` after the event's transaction commits."""

from __future__ import annotations

from accounts.models import Activity, ActivityChannel, Role, User
from accounts.tenancy import active_members
from core.mail import one_line, quoted
from crm.enquiries.models import Enquiry
from crm.notifications.models import NotificationKind
from crm.notifications.services import Email, agent_for, notify
from crm.proposals.models import Proposal

PROPOSAL_EVENTS = {
    "proposal.viewed": ("opened", "Proposal opened"),
    "proposal.accepted": ("accepted", "Proposal accepted"),
    "proposal.declined": ("declined", "Proposal declined"),
}
EVENT_NAMES = (*PROPOSAL_EVENTS, "enquiry.received", "webhook.disabled")


def notify_from_event(*, agency_id: int, activity_id: int) -> int:
    """Tell whoever should know about the event ``activity_id``; the number told (0 when
    the record is gone, or everyone was already told)."""
    activity = Activity.objects.for_agency(agency_id).filter(pk=activity_id).first()
    if activity is None:
        return 0
    if activity.event in PROPOSAL_EVENTS:
        return _proposal_answered(activity)
    if activity.event == "enquiry.received":
        return _enquiry_received(activity)
    if activity.event == "webhook.disabled":
        return _webhook_disabled(activity)
    return 0


def _proposal_answered(activity: Activity) -> int:
    agency_id = activity.agency_id
    assert agency_id is not None  # for_agency found it
    proposal = (
        Proposal.objects.for_agency(agency_id)
        .select_related("client")
        .filter(pk=activity.object_id)
        .first()
    )
    if proposal is None:
        return 0
    client = proposal.client
    recipient = agent_for(agency_id=agency_id, created_by_id=proposal.created_by_id, client=client)
    if recipient is None or recipient.pk == activity.actor_id:
        return 0  # nobody to tell, or they did it themselves
    verb, subject = PROPOSAL_EVENTS[activity.event]
    text = f"{one_line(client.name)} {verb} the proposal “{one_line(proposal.title)}”"
    if activity.channel != ActivityChannel.CLIENT_LINK and activity.actor_name:
        text += f" (recorded by {one_line(activity.actor_name)})"
    email = Email(
        subject=f"{subject}: {quoted(proposal.title)}",
        template="proposal_event",
        context={
            "verb": verb,
            "client_name": client.name,
            "client_email": client.email,
            "proposal_title": proposal.title,
            "total_price": proposal.total_price,
            "currency": proposal.currency,
            "valid_until": proposal.valid_until,
            "accepted": activity.event == "proposal.accepted",
        },
        reply_to=client.email,
    )
    told = notify(
        agency_id=agency_id,
        recipient=recipient,
        kind=activity.event,
        # The first opening only, and one answer (accepted and declined are final).
        occasion=f"{activity.event}:{proposal.pk}",
        text=text + ".",
        link=f"/proposals/{proposal.pk}/",
        object_type="proposal",
        object_id=proposal.pk,
        client_id=client.pk,
        email=email,
    )
    return int(told is not None)


def _enquiry_received(activity: Activity) -> int:
    agency_id = activity.agency_id
    assert agency_id is not None
    enquiry = (
        Enquiry.objects.for_agency(agency_id)
        .select_related("form", "client")
        .filter(pk=activity.object_id)
        .first()
    )
    if enquiry is None:
        return 0
    members = active_members(agency=agency_id)
    recipients: list[User] = []
    if enquiry.form is not None:
        recipients = list(members.filter(pk__in=enquiry.form.notify_users.values("pk")))
    if not recipients:
        # A form that names nobody still reaches someone: the client's agent, else the owner.
        fallback = agent_for(agency_id=agency_id, created_by_id=None, client=enquiry.client)
        recipients = [fallback] if fallback else []
    who = one_line(enquiry.name or enquiry.email or enquiry.phone or "a visitor")[:80]
    form_name = one_line(enquiry.form.name if enquiry.form else activity.object_repr)[:100]
    text = f"New enquiry from {who} through the website form “{form_name}”"
    if enquiry.matched_existing and enquiry.client:
        text += f": an existing client, {one_line(enquiry.client.name)[:80]}"
    if enquiry.client_id:
        link = f"/clients/{enquiry.client_id}/"
    elif enquiry.form_id:
        link = f"/settings/forms/{enquiry.form_id}/"
    else:
        link = "/"
    told = 0
    for recipient in recipients:
        # In the bell only: the enquiry's email is the form's own (crm.enquiries).
        done = notify(
            agency_id=agency_id,
            recipient=recipient,
            kind=NotificationKind.ENQUIRY_RECEIVED,
            occasion=f"enquiry.received:{enquiry.pk}:{recipient.pk}",
            text=text + ".",
            link=link,
            object_type="enquiry",
            object_id=enquiry.pk,
            client_id=enquiry.client_id,
        )
        told += done is not None
    return told


WEBHOOK_REASONS = {
    "gone": "it answered 410 Gone",
    "failing": "every delivery to it has been failing for days",
}


def _webhook_disabled(activity: Activity) -> int:
    """The owners, and the admin who registered the endpoint, in the bell and by email; once
    per switching off (the occasion names this event)."""
    agency_id = activity.agency_id
    assert agency_id is not None
    webhook_id = activity.data.get("webhook_id") or activity.object_id
    members = active_members(agency=agency_id)
    recipients = list(members.filter(role=Role.OWNER).order_by("pk"))
    creator_id = activity.data.get("created_by_id")
    if isinstance(creator_id, int) and all(member.pk != creator_id for member in recipients):
        creator = members.filter(pk=creator_id, role=Role.ADMIN).first()
        if creator is not None:
            recipients.append(creator)
    url = one_line(activity.object_repr)[:120]
    why = WEBHOOK_REASONS.get(str(activity.data.get("reason")), "it kept failing")
    text = f"Webhooks to {url} were switched off: {why}. Fix the endpoint, then switch it on"
    told = 0
    for recipient in recipients:
        done = notify(
            agency_id=agency_id,
            recipient=recipient,
            kind=NotificationKind.WEBHOOK_DISABLED,
            occasion=f"webhook.disabled:{activity.pk}:{recipient.pk}",
            text=text + ".",
            link=f"/settings/webhooks/{webhook_id}/",
            object_type="webhook_endpoint",
            object_id=webhook_id if isinstance(webhook_id, int) else None,
            email=Email(
                subject="A webhook endpoint was switched off",
                template="webhook_disabled",
                context={"endpoint_url": activity.object_repr, "reason": why},
            ),
        )
        told += done is not None
    return told
