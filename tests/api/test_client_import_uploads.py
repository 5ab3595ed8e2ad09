"""How big a CSV the API takes: a file part streams to disk (Django's upload handlers), so
DATA_UPLOAD_MAX_MEMORY_SIZE (1 MB, every other body's limit) does not bound it; the import's
own maximum (``crm.clients.imports.MAX_FILE_BYTES``) does, answered with a JSON 413 naming it."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as DjangoClient

from crm.clients import imports
from crm.models import ClientImport
from tests.api.conftest import Api

pytestmark = pytest.mark.django_db


def _csv(rows: int) -> bytes:
    lines = ["Name,Email,Phone,City"] + [
        f"Client {n},client{n}@example.com,+44 20 7946 {n % 10000:04d},London" for n in range(rows)
    ]
    return ("\n".join(lines) + "\n").encode()


def _upload(api: Api, content: bytes):
    return DjangoClient().post(
        "/api/v1/client-imports",
        {"file": SimpleUploadedFile("clients.csv", content, content_type="text/csv")},
        headers={"Authorization": f"Bearer {api.token}"},
    )


def test_a_50000_row_file_bigger_than_the_body_limit_uploads_as_multipart(api: Api):
    content = _csv(50_000)
    assert len(content) > 2 * settings.DATA_UPLOAD_MAX_MEMORY_SIZE

    response = _upload(api, content)

    assert response.status_code == 201, response.content
    run = response.json()["data"]
    assert (run["total_rows"], run["status"]) == (50_000, "uploaded")
    assert ClientImport.objects.get(pk=run["id"]).size == len(content)


def test_a_file_over_the_import_maximum_is_a_json_413_naming_it_and_creates_nothing(
    api: Api, monkeypatch
):
    monkeypatch.setattr(imports, "MAX_FILE_BYTES", 2 * 1024 * 1024)

    response = _upload(api, _csv(60_000))  # about 4 MB

    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    assert "2 MB" in response.json()["message"]
    assert ClientImport.objects.count() == 0


def test_a_file_just_over_the_maximum_is_refused_as_well(api: Api, monkeypatch):
    content = _csv(20_000)
    monkeypatch.setattr(imports, "MAX_FILE_BYTES", len(content) - 1)

    response = _upload(api, content)

    assert response.status_code == 413
    assert f"{len(content) - 1} bytes" in response.json()["message"]
    assert ClientImport.objects.count() == 0


def test_another_body_keeps_the_one_megabyte_limit(api: Api):
    run = _upload(api, _csv(2)).json()["data"]
    big = {"mapping": {"0": "name"}, "padding": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)}

    response = api.post(f"/client-imports/{run['id']}/start", big)

    assert response.status_code == 413


def test_the_schema_and_the_readme_document_the_maximum(anonymous: Api):
    import orjson

    schema = orjson.loads(
        anonymous.get(
            "/api/v1/schema", headers={"Accept": "application/vnd.oai.openapi+json"}
        ).content
    )
    create = schema["paths"]["/api/v1/client-imports"]["post"]
    limit = f"{imports.MAX_FILE_BYTES // 2**20} MB"
    assert limit in create["description"]
    assert "413" in create["responses"]
    readme = (settings.BASE_DIR / "README.md").read_text()
    assert f"at most {limit}" in readme


def test_a_binary_file_is_a_422_and_creates_nothing(api: Api):
    # An image sent as the CSV (the schema fuzzing's): its NUL bytes reached the header, and
    # PostgreSQL refuses a NUL in any text (a 500).
    webp = b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0e\x00\x00\x00/\x00\x00\x00\x00\x07\x10\x11"

    response = _upload(api, webp)

    assert response.status_code == 422
    assert "binary" in response.json()["errors"]["file"][0]
    assert ClientImport.objects.count() == 0
