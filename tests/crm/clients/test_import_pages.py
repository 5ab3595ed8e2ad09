"""Clients → Import in the dashboard: upload, mapping and preview, start, progress, report."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from crm.models import Client, ClientImport

pytestmark = pytest.mark.django_db

CSV = b"Name,Email,Phone\nAda,ada@example.com,\n,nobody@example.com,\n"


def test_an_upload_shows_the_guessed_mapping_and_a_preview(as_alice, agency):
    response = as_alice.post("/clients/import/", {"file": SimpleUploadedFile("people.csv", CSV)})
    run = ClientImport.objects.get()
    assert response["Location"] == f"/clients/import/{run.pk}/"

    page = as_alice.get(f"/clients/import/{run.pk}/").content.decode()

    assert '<option value="email" selected>' in page
    assert "Will fail: name: a name is required." in page
    assert Client.objects.count() == 0


def test_import_runs_the_job_and_shows_the_report_with_failures(
    as_alice, agency, django_capture_on_commit_callbacks
):
    as_alice.post("/clients/import/", {"file": SimpleUploadedFile("people.csv", CSV)})
    run = ClientImport.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        response = as_alice.post(
            f"/clients/import/{run.pk}/",
            {"column_0": "name", "column_1": "email", "column_2": "", "start": "1"},
        )

    assert response.status_code == 302
    page = as_alice.get(f"/clients/import/{run.pk}/").content.decode()
    assert "Import finished" in page and "failed rows" in page
    failures = as_alice.get(f"/clients/import/{run.pk}/failures.csv")
    body = b"".join(failures.streaming_content).decode()
    assert body.splitlines()[0] == "line,error,Name,Email,Phone"
    assert "3,name: a name is required.,,nobody@example.com," in body
    assert list(Client.objects.values_list("name", flat=True)) == ["Ada"]


def test_a_mapping_without_a_name_is_refused_and_nothing_starts(as_alice, agency):
    as_alice.post("/clients/import/", {"file": SimpleUploadedFile("people.csv", CSV)})
    run = ClientImport.objects.get()

    response = as_alice.post(f"/clients/import/{run.pk}/", {"column_1": "email", "start": "1"})

    assert response.status_code == 422
    run.refresh_from_db()
    assert run.status == "uploaded"


def test_another_agencys_import_is_a_404(as_alice, other_agency):
    from crm.clients.imports import import_upload

    theirs = import_upload(
        agency=other_agency, created_by=None, upload=SimpleUploadedFile("x.csv", CSV)
    )
    assert as_alice.get(f"/clients/import/{theirs.pk}/").status_code == 404
    assert as_alice.get(f"/clients/import/{theirs.pk}/failures.csv").status_code == 404
