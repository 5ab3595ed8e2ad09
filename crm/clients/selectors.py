"""Reads of clients, scoped to the agency."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import OuterRef, Q, QuerySet, Subquery

from accounts.models import Activity, Agency
from core.filters import Filters, apply_filters, hide_archived
from crm.clients.filters import ClientFilter, TravellerFilter
from crm.clients.import_models import ClientImport, ClientImportFailure
from crm.clients.models import Client, ClientKind, Traveller


def client_list(*, agency: Agency | int, filters: Filters = None) -> QuerySet[Client]:
    """The agency's clients; archived ones only when ``filters`` ask (``archived=true|only``)."""
    clients = hide_archived(Client.objects.for_agency(agency), filters)
    return apply_filters(ClientFilter, clients, filters)


def client_choices(*, agency: Agency, keep: int | None = None) -> QuerySet[Client]:
    """The clients a form offers, by name: the live ones, and ``keep`` (the record's own client,
    archived or not) so that editing a record never loses its client."""
    live = Q(archived_at__isnull=True)
    if keep is not None:
        live |= Q(pk=keep)
    return Client.objects.for_agency(agency).filter(live).order_by("name", "id")


def company_choices(*, agency: Agency) -> QuerySet[Client]:
    """The live companies a person can be a contact of, by name."""
    return (
        Client.objects.for_agency(agency)
        .filter(kind=ClientKind.COMPANY, archived_at__isnull=True)
        .order_by("name", "id")
    )


def client_contacts(*, agency: Agency, company: Client) -> QuerySet[Client]:
    """A company's contacts, by name."""
    return Client.objects.for_agency(agency).filter(company_client=company).order_by("name", "id")


def client_get(*, agency: Agency, client_id: int) -> Client:
    """Raises ``Client.DoesNotExist`` for a missing id and for another agency's client alike."""
    return (
        Client.objects.for_agency(agency)
        .select_related("assigned_to", "archived_by", "company_client")
        .get(pk=client_id)
    )


def client_new_leads(*, agency: Agency) -> QuerySet[Client]:
    """Clients still at ``lead``, newest first (web-form leads included)."""
    return (
        Client.objects.for_agency(agency)
        .filter(status="lead", archived_at__isnull=True)
        .select_related("assigned_to")
        .order_by("-created_at", "-id")
    )


def client_activity(*, agency: Agency, client_id: int) -> QuerySet[Activity]:
    """A client's history: changes to the client and to its itineraries, proposals, bookings
    and payments, newest first (kept even after the records themselves are deleted).

    Each row carries ``client_name`` (in the same query): the actor of what the client did on
    their link or through a website form."""
    clients = Client.objects.filter(pk=OuterRef("client_id"), agency_id=OuterRef("agency_id"))
    return (
        Activity.objects.for_agency(agency)
        .filter(client_id=client_id)
        .annotate(client_name=Subquery(clients.values("name")[:1]))
        .order_by("-created_at", "-id")
    )


def traveller_list(
    *, agency: Agency | int, client: Client, filters: Filters = None
) -> QuerySet[Traveller]:
    """A client's travellers, the lead first, then by name."""
    travellers = Traveller.objects.for_agency(agency).filter(client_id=client.pk)
    return apply_filters(TravellerFilter, travellers, filters).order_by(
        "-is_lead", "last_name", "first_name", "id"
    )


def traveller_get(*, agency: Agency | int, client: Client, traveller_id: int) -> Traveller:
    """Raises ``Traveller.DoesNotExist`` for a missing id, another client's and another
    agency's traveller alike."""
    return (
        Traveller.objects.for_agency(agency)
        .select_related("client")
        .get(client_id=client.pk, pk=traveller_id)
    )


# CSV imports (crm.clients.imports) -------------------------------------------------------


def import_list(*, agency: Agency) -> QuerySet[ClientImport]:
    return ClientImport.objects.for_agency(agency).order_by("-created_at", "-id")


def import_get(*, agency: Agency, import_id: int) -> ClientImport:
    """Raises ``ClientImport.DoesNotExist`` for another agency's run as for a missing one.
    With its agency: the preview and the run read its timezone (the phones' region)."""
    return ClientImport.objects.for_agency(agency).select_related("agency").get(pk=import_id)


def import_failures_lines(run: ClientImport) -> Iterator[list[Any]]:
    """The report's failed rows: line, message, then the row's cells as uploaded."""
    failures = ClientImportFailure.objects.for_agency(run.agency_id).filter(run=run)
    for failure in failures.order_by("line").iterator(chunk_size=2000):
        yield [failure.line, failure.message, *failure.values]
