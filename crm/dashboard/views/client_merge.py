"""The duplicates page and the merge of two clients (crm.clients.duplicates and .merge)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from accounts.tenancy import AgencyRequest, agency_required, get_or_404
from core.validation import parse_int
from crm.clients import selectors as client_selectors
from crm.clients.duplicates import ClientMatch, client_matches, duplicate_pairs
from crm.clients.merge import client_merge, client_merge_preview
from crm.models import Client


def _client(request: AgencyRequest, client_id: int) -> Client:
    return get_or_404(client_selectors.client_get, agency=request.agency, client_id=client_id)


@agency_required
def client_duplicates(request: AgencyRequest) -> HttpResponse:
    """Likely pairs among the live clients: the same email, the same phone, or the same name
    and date of birth (their lead travellers')."""
    pairs = duplicate_pairs(agency=request.agency)
    return render(request, "crm/clients/duplicates.html", {"pairs": pairs})


@agency_required
def client_merge_page(request: AgencyRequest, client_id: int) -> HttpResponse:
    """``client_id`` survives. GET ``?duplicate=<id>``: both side by side and what moves; a
    POST with ``duplicate`` merges. Without a duplicate: this client's likely duplicates."""
    survivor = _client(request, client_id)
    raw = (
        request.POST.get("duplicate") if request.method == "POST" else request.GET.get("duplicate")
    )
    error = ""
    duplicate = None
    if raw:
        duplicate_id = parse_int(raw.strip())
        if duplicate_id is None:
            error = "A client number is digits only."
        else:
            duplicate = _client(request, duplicate_id)
    if duplicate is not None and request.method == "POST":
        try:
            result = client_merge(survivor=survivor, duplicate=duplicate, actor=request.user)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, f"{result.merged_name} was merged into {survivor.name}.")
            return HttpResponseRedirect(reverse("client_detail", args=[survivor.pk]))
    context = {
        "client": survivor,
        "duplicate": duplicate,
        "error": error,
        "fields": _side_by_side(survivor, duplicate) if duplicate is not None else [],
        "moves": client_merge_preview(duplicate=duplicate) if duplicate is not None else {},
        "candidates": [] if duplicate is not None else _candidates(request, survivor),
    }
    return render(request, "crm/clients/merge.html", context, status=422 if error else 200)


def _candidates(request: AgencyRequest, survivor: Client) -> list[ClientMatch]:
    lead = (
        client_selectors.traveller_list(agency=request.agency, client=survivor)
        .filter(is_lead=True)
        .first()
    )
    return client_matches(
        agency=request.agency,
        email=survivor.email,
        phone=survivor.phone,
        first_name=lead.first_name if lead else "",
        last_name=lead.last_name if lead else "",
        date_of_birth=lead.date_of_birth if lead else None,
        exclude_id=survivor.pk,
    )


def _side_by_side(survivor: Client, duplicate: Client) -> list[tuple[str, str, str]]:
    rows = []
    for name in ("name", "email", "phone", "company", "city", "country", "nationality"):
        label = name.replace("_", " ").capitalize()
        rows.append((label, str(getattr(survivor, name)), str(getattr(duplicate, name))))
    rows.append(("Tags", ", ".join(survivor.tags), ", ".join(duplicate.tags)))
    return rows
