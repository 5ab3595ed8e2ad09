"""Who a website form's new enquiry goes to: the form's assignment rule.

- ``unassigned``: nobody; the inbox shows it to everyone (an agent takes it with "Assign to me").
- ``agent``: the form's fixed agent (nobody if they left the agency).
- ``round_robin``: the next of the form's chosen agents after the one the last enquiry went to,
  in a fixed order (by id), skipping members who left. The pointer is read and moved under the
  form's row lock that ``enquiry_submit`` already holds, so two enquiries arriving together
  never take the same turn.
- ``client_agent``: a matched client's own agent (nobody for a new lead, or a client without
  one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from accounts.tenancy import active_members
from crm.clients.models import Client
from crm.enquiries.models import Assignment, EnquiryForm

if TYPE_CHECKING:
    from accounts.models import User


def enquiry_assignee(*, form: EnquiryForm, client: Client | None) -> User | None:
    """The agent for a new enquiry to ``form`` (``client``: the one it matched, if any).

    Call inside the submitting transaction, after the form's row is locked (round-robin
    moves its pointer)."""
    members = active_members(agency=form.agency_id)
    if form.assignment == Assignment.AGENT:
        return members.filter(pk=form.assign_agent_id).first() if form.assign_agent_id else None
    if form.assignment == Assignment.CLIENT_AGENT:
        if client is None or client.assigned_to_id is None:
            return None
        return members.filter(pk=client.assigned_to_id).first()
    if form.assignment == Assignment.ROUND_ROBIN:
        return _next_in_rotation(form)
    return None


def _next_in_rotation(form: EnquiryForm) -> User | None:
    chosen = list(
        active_members(agency=form.agency_id)
        .filter(pk__in=form.rotation.values("pk"))
        .order_by("pk")
    )
    if not chosen:
        return None
    # The pointer as committed (the form in hand may have been read before the lock).
    last = EnquiryForm.objects.filter(pk=form.pk).values_list("rotation_last_id", flat=True).first()
    following = [member for member in chosen if last is None or member.pk > last]
    agent = following[0] if following else chosen[0]
    EnquiryForm.objects.filter(pk=form.pk).update(rotation_last=agent)
    form.rotation_last = agent
    return agent


def assignment_check(
    *, assignment: str, assign_agent: User | None, rotation: list[User]
) -> dict[str, list[str]]:
    """A form's rule must name who it needs: field errors, empty when the rule is complete."""
    errors: dict[str, list[str]] = {}
    if assignment == Assignment.AGENT and assign_agent is None:
        errors["assign_agent"] = ["Choose the agent every enquiry goes to."]
    if assignment == Assignment.ROUND_ROBIN and not rotation:
        errors["rotation"] = ["Choose the agents who take turns."]
    return errors
