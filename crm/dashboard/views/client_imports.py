"""Clients → Import: upload a CSV, map its columns, preview, import in the background, report
(crm.clients.imports)."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse

from accounts.tenancy import AgencyRequest, agency_required, get_or_404
from core.csv import csv_lines
from core.views import is_htmx
from crm.clients import imports
from crm.clients.jobs import client_import_run
from crm.models import ClientImport, ImportStatus

FIELD_CHOICES = [
    ("", "Do not import"),
    *((name, name.replace("_", " ")) for name in imports.FIELDS),
]


def _run(request: AgencyRequest, import_id: int) -> ClientImport:
    return get_or_404(imports.import_get, agency=request.agency, import_id=import_id)


@agency_required
def import_new(request: AgencyRequest) -> HttpResponse:
    error = ""
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            error = "Choose a CSV file to upload."
        else:
            try:
                run = imports.import_upload(
                    agency=request.agency, created_by=request.user, upload=upload
                )
            except ValidationError as exc:
                error = " ".join(exc.messages)
            else:
                return HttpResponseRedirect(reverse("client_import", args=[run.pk]))
    recent = imports.import_list(agency=request.agency)[:10]
    return render(
        request,
        "crm/clients/import_new.html",
        {"error": error, "recent": recent},
        status=422 if error else 200,
    )


@agency_required
def import_page(request: AgencyRequest, import_id: int) -> HttpResponse:
    run = _run(request, import_id)
    mapping = dict(run.mapping)
    error = ""
    if request.method == "POST" and run.status == ImportStatus.UPLOADED:
        mapping = {
            str(position): request.POST.get(f"column_{position}", "")
            for position in range(len(run.header))
        }
        if "start" in request.POST:
            try:
                imports.import_start(run=run, mapping=mapping, job=client_import_run)
            except ValidationError as exc:
                error = " ".join(exc.messages)
            else:
                messages.success(request, "The import has started.")
                return HttpResponseRedirect(reverse("client_import", args=[run.pk]))
    run.refresh_from_db()
    template = (
        "crm/clients/_import_progress.html" if is_htmx(request) else "crm/clients/import.html"
    )
    columns = [
        (position, title, mapping.get(str(position), ""))
        for position, title in enumerate(run.header)
    ]
    preview = (
        imports.import_preview(run, {k: v for k, v in mapping.items() if v})
        if run.status == ImportStatus.UPLOADED
        else []
    )
    return render(
        request,
        template,
        {
            "run": run,
            "columns": columns,
            "choices": FIELD_CHOICES,
            "preview": preview,
            "error": error,
        },
        status=422 if error else 200,
    )


@agency_required
def import_failures(request: AgencyRequest, import_id: int) -> HttpResponse:
    run = _run(request, import_id)
    lines = csv_lines(["line", "error", *run.header], imports.import_failures_lines(run))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="import-{run.pk}-failures.csv"'
    return cast(HttpResponse, response)
