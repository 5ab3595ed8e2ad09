"""Archiving, restoring and deleting a client: nothing an agent does destroys money unseen.

An archived client leaves the lists (``crm.clients.selectors.client_list``) and keeps
everything attached; restoring brings it back as it was. A hard delete takes the client's
itineraries, proposals, bookings and payments with it, so a client with money attached
(bookings or payments) may be deleted only by the agency's owner or an admin, after a page that
names everything that goes (:func:`client_deletion_plan`).

The related rows are read through the client's reverse relations, so this room imports none of
the domains above it (trips, proposals, bookings).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone

from accounts.events import named_event
from accounts.models import User
from core.errors import Conflict
from crm.clients.models import Archivable, Client

ARCHIVE_INSTEAD = (
    "Only the agency's owner or an admin can delete a client with bookings or payments. "
    "Archive the client instead: it leaves the lists and can be restored."
)


class ClientDeleteRefused(PermissionDenied):
    """An agent asked to hard-delete a client with money attached."""


@dataclass(frozen=True)
class DeletionPlan:
    """Everything a hard delete of the client takes with it, by name."""

    itineraries: list[str] = field(default_factory=list)
    proposals: list[str] = field(default_factory=list)
    bookings: list[str] = field(default_factory=list)
    payments: list[str] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {
            "itineraries": len(self.itineraries),
            "proposals": len(self.proposals),
            "bookings": len(self.bookings),
            "payments": len(self.payments),
        }

    @property
    def has_money(self) -> bool:
        return bool(self.bookings or self.payments)

    @property
    def is_empty(self) -> bool:
        return not any(self.counts.values())


def client_deletion_plan(*, client: Client) -> DeletionPlan:
    bookings = list(client.bookings.prefetch_related("payments").order_by("created_at", "id"))
    return DeletionPlan(
        itineraries=[i.title for i in client.itineraries.order_by("created_at", "id")],
        proposals=[p.title for p in client.proposals.order_by("created_at", "id")],
        bookings=[b.reference for b in bookings],
        payments=[
            f"{payment.amount} {payment.currency} on {payment.paid_on:%Y-%m-%d} ({b.reference})"
            for b in bookings
            for payment in b.payments.all()
        ],
    )


def may_delete(*, plan: DeletionPlan, actor: User | None) -> bool:
    """Anyone may delete a client without money attached; with money, owners and admins only.
    ``actor=None`` is the system itself (an operator's command), which may."""
    return not plan.has_money or actor is None or actor.is_agency_admin


@transaction.atomic
def client_delete(*, client: Client, actor: User | None) -> DeletionPlan:
    """Delete the client and everything attached; ``client.deleted`` carries the counts."""
    plan = client_deletion_plan(client=client)
    issued = models.Q(invoices__isnull=False) | models.Q(receipts__isnull=False)
    # Issued invoices and receipts are kept for the accounts (crm.bookings.archive).
    if client.bookings.filter(issued, agency_id=client.agency_id).exists():
        raise Conflict(
            {
                "client": [
                    "Invoices or receipts were issued for this client's bookings: they are kept "
                    "for the accounts, so the client cannot be deleted. Archive it instead."
                ]
            }
        )
    if not may_delete(plan=plan, actor=actor):
        raise ClientDeleteRefused(ARCHIVE_INSTEAD)
    with named_event("client.deleted", subject=client, data=plan.counts):
        client.delete()
    return plan


A = TypeVar("A", bound=Archivable)


def record_archive(record: A, *, actor: User | None, event: str) -> A:
    """Archive any record with ``archived_at``/``archived_by`` (a client, a booking), recording
    ``event``; archiving an archived record changes nothing."""
    if record.is_archived:
        return record
    record.archived_at = timezone.now()
    record.archived_by = actor
    with named_event(event, subject=record):
        record.save(update_fields=["archived_at", "archived_by", "updated_at"])
    return record


def record_restore(record: A, *, event: str) -> A:
    """Bring an archived record back into the lists, as it was, recording ``event``."""
    if not record.is_archived:
        return record
    record.archived_at = None
    record.archived_by = None
    with named_event(event, subject=record):
        record.save(update_fields=["archived_at", "archived_by", "updated_at"])
    return record


def client_archive(*, client: Client, actor: User | None) -> Client:
    """Take the client out of the lists, keeping everything attached."""
    return record_archive(client, actor=actor, event="client.archived")


def client_restore(*, client: Client) -> Client:
    return record_restore(client, event="client.restored")
