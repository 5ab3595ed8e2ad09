"""The agency's visibility setting: agents see only their own clients' records, or all of the
agency's. The rule itself is ``accounts.tenancy`` (``member_agency`` and ``for_agency``); this
is its one writer, for owners and admins."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from accounts.events import record_event
from accounts.models import Agency, User


@transaction.atomic
def agency_visibility_set(*, agency: Agency, actor: User, agents_see_own_clients: bool) -> Agency:
    """Switch the rule; recorded as ``agency.visibility_changed``. Owners and admins only."""
    if not actor.is_agency_admin or actor.agency_id != agency.pk:
        raise PermissionDenied("Only the agency's owner or an admin can change who sees what.")
    locked = Agency.objects.select_for_update().get(pk=agency.pk)
    if locked.agents_see_own_clients == agents_see_own_clients:
        return locked
    locked.agents_see_own_clients = agents_see_own_clients
    # An Agency save also empties the API token cache (accounts.token_cache): a token's next
    # request reads the new rule.
    locked.save(update_fields=["agents_see_own_clients"])
    rules = ["every client", "only their own clients"]
    before, after = rules[not agents_see_own_clients], rules[agents_see_own_clients]
    record_event(
        "agency.visibility_changed",
        agency_id=locked.pk,
        subject=locked,
        actor=actor,
        data={"rule": after},
        changes={"agents_see": [before, after]},  # the history: "Agents see: every client → …"
    )
    agency.agents_see_own_clients = agents_see_own_clients
    return locked
