"""CSV import of clients: upload in chunks, guessed mapping, preview, the job, the report."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import Activity
from crm.clients import imports
from crm.clients.jobs import client_import_run
from crm.models import Client, ClientImport, ClientImportFailure
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db

CSV = (
    "Full Name,E-mail,Mobile,Town,Tags\n"
    "Ada Lovelace,ada@example.com,+44 7700 900001,London,vip;rail\n"
    "Grace Hopper,grace@example.com,,Arlington,\n"
    ",nobody@example.com,,,\n"
    "Bad Email,not-an-email,,,\n"
    "Ada Again,ADA@example.com,,Paris,\n"
    "Grace H,GRACE@example.com,+1 415 555 0100,,\n"
)


def upload(agency, text: str = CSV, name: str = "clients.csv") -> ClientImport:
    file = SimpleUploadedFile(name, text.encode(), content_type="text/csv")
    return imports.import_upload(agency=agency, created_by=None, upload=file)


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def run(agency, text: str = CSV) -> ClientImport:
        started = upload(agency, text)
        with django_capture_on_commit_callbacks(execute=True):
            imports.import_start(run=started, mapping=started.mapping, job=client_import_run)
        started.refresh_from_db()
        return started

    return run


def test_the_mapping_is_guessed_from_the_header(agency):
    started = upload(agency)
    assert started.header == ["Full Name", "E-mail", "Mobile", "Town", "Tags"]
    assert started.mapping == {"0": "name", "1": "email", "2": "phone", "3": "city", "4": "tags"}
    assert started.total_rows == 6


def test_the_upload_is_stored_in_chunks_cut_at_line_ends(agency, monkeypatch):
    monkeypatch.setattr(imports, "CHUNK_BYTES", 64)
    started = upload(agency)
    assert started.chunks.count() > 1
    assert all(bytes(c.data).endswith(b"\n") for c in started.chunks.all())
    assert [line for line, _ in imports.import_rows(started)] == [2, 3, 4, 5, 6, 7]


def test_the_preview_shows_row_errors_and_duplicates(agency):
    known = ClientFactory(agency=agency, email="grace@example.com")
    rows = imports.import_preview(upload(agency))

    assert rows[0].errors == [] and rows[0].fields["tags"] == ["vip", "rail"]
    assert rows[1].duplicates == [known]
    assert "name: a name is required." in rows[2].errors
    assert any("not an email" in error for error in rows[3].errors)


def test_the_job_imports_merges_and_reports_failures(agency, run):
    done = run(agency)  # jobs run inline after the commit in tests

    assert (done.status, done.processed) == ("done", 6)
    assert (done.created, done.merged, done.skipped, done.failed) == (2, 1, 1, 2)
    ada = Client.objects.get(email="ada@example.com")
    assert (ada.phone_e164, ada.city, ada.source) == ("+447700900001", "London", "import")
    assert not Client.objects.filter(name="Ada Again").exists()  # London stays
    assert Client.objects.get(email="grace@example.com").phone == "+1 415 555 0100"
    lines = list(imports.import_failures_lines(done))
    assert [line[:1] for line in lines] == [[4], [5]]
    assert lines[1][2:] == ["Bad Email", "not-an-email", "", "", ""]
    assert Activity.objects.filter(event="client.imported", object_id=done.pk).exists()


def test_importing_the_same_file_again_creates_nothing(agency, run):
    run(agency)
    again = run(agency)

    assert (again.created, again.merged, again.skipped, again.failed) == (0, 0, 4, 2)
    assert Client.objects.count() == 2


def test_a_restarted_job_resumes_after_the_committed_rows(agency, monkeypatch):
    monkeypatch.setattr(imports, "BATCH", 2)
    started = upload(agency)
    started.mapping = imports.mapping_clean(started, started.mapping)
    started.status = "running"
    started.processed = 2  # a worker died after the first batch of two
    started.save()
    ClientFactory(agency=agency, name="Ada Lovelace", email="ada@example.com")
    ClientFactory(agency=agency, name="Grace Hopper", email="grace@example.com")

    imports.import_run(agency_id=agency.pk, import_id=started.pk)

    started.refresh_from_db()
    assert started.processed == 6 and started.failed == 2
    assert ClientImportFailure.objects.filter(run=started).count() == 2


def test_a_mapping_without_a_name_or_with_unknown_fields_is_refused(agency):
    started = upload(agency)
    for mapping in ({"1": "email"}, {"0": "name", "1": "password"}, {"0": "name", "9": "city"}):
        with pytest.raises(ValidationError):
            imports.import_start(run=started, mapping=mapping, job=client_import_run)
    started.refresh_from_db()
    assert started.status == "uploaded"


def test_an_empty_file_is_refused(agency):
    with pytest.raises(ValidationError):
        upload(agency, "")
