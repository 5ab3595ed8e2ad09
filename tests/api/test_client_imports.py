"""CSV imports through the API: upload, preview, start, status, failures."""

from __future__ import annotations

import pytest
from django.test import Client as DjangoClient

from crm.models import Client
from tests.api.conftest import Api
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db

CSV = b"Name,Email\nAda,ada@example.com\n,nobody@example.com\nGrace,grace@example.com\n"


def upload(api: Api, content: bytes = CSV):
    http = DjangoClient()
    return http.post(
        "/api/v1/client-imports",
        {"file": _file(content)},
        headers={"Authorization": f"Bearer {api.token}"},
    )


def _file(content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("people.csv", content, content_type="text/csv")


def test_upload_preview_start_status_and_failures(
    api: Api, agency, django_capture_on_commit_callbacks
):
    known = ClientFactory(agency=agency, email="grace@example.com")
    created = upload(api)
    assert created.status_code == 201, created.content
    run = created.json()["data"]
    assert run["mapping"] == {"0": "name", "1": "email"} and run["status"] == "uploaded"

    rows = api.get(f"/client-imports/{run['id']}/preview").json()["data"]["rows"]
    assert rows[1]["problems"] == ["name: a name is required."]
    assert rows[2]["duplicate_ids"] == [known.pk]

    with django_capture_on_commit_callbacks(execute=True):
        started = api.post(f"/client-imports/{run['id']}/start", {})
    assert started.status_code == 200
    status = api.get(f"/client-imports/{run['id']}").json()["data"]
    assert (status["status"], status["created"], status["skipped"], status["failed"]) == (
        "done",
        1,
        1,
        1,
    )
    failures = api.get(f"/client-imports/{run['id']}/failures")
    assert b"".join(failures.streaming_content).decode().splitlines()[1].startswith("3,name")
    assert Client.objects.filter(email="ada@example.com").exists()


def test_a_mapping_without_a_name_is_a_409(api: Api):
    """The uploaded file's columns decide (its state): a 409, as a mapping to a column the
    file does not have; a field that is no client field stays a 422."""
    run = upload(api).json()["data"]
    response = api.post(f"/client-imports/{run['id']}/start", {"mapping": {"1": "email"}})
    assert response.status_code == 409 and "mapping" in response.json()["errors"]


def test_another_agencys_import_is_a_404(api: Api, bob_api: Api):
    run = upload(bob_api).json()["data"]
    assert api.get(f"/client-imports/{run['id']}").status_code == 404
    assert api.post(f"/client-imports/{run['id']}/start", {}).status_code == 404
    assert api.get(f"/client-imports/{run['id']}/failures").status_code == 404
