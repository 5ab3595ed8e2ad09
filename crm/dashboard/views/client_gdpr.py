"""A client's GDPR page: everything held about them (readable, or JSON), and erasure."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from accounts.tenancy import AgencyRequest, agency_required, get_or_404
from crm import gdpr
from crm.clients import selectors as client_selectors
from crm.models import Client


def _client(request: AgencyRequest, client_id: int) -> Client:
    return get_or_404(client_selectors.client_get, agency=request.agency, client_id=client_id)


@agency_required
def client_gdpr(request: AgencyRequest, client_id: int) -> HttpResponse:
    """``?format=json`` downloads the same export as a file."""
    client = _client(request, client_id)
    export = gdpr.client_gdpr_export(client=client)
    if request.GET.get("format") == "json":
        response = HttpResponse(
            json.dumps(export, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="client-{client.pk}.json"'
        return response
    return render(request, "crm/clients/gdpr.html", {"client": client, "export": export})


@agency_required
def client_erase(request: AgencyRequest, client_id: int) -> HttpResponse:
    client = _client(request, client_id)
    if request.method == "POST":
        try:
            gdpr.client_erase(client=client, actor=request.user)
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "The client's personal data was erased.")
        return HttpResponseRedirect(reverse("client_detail", args=[client.pk]))
    return render(request, "crm/clients/erase.html", {"client": client})
