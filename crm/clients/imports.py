"""CSV import of clients: upload, map columns, preview, import in a background job, report.

The upload is streamed into ``ClientImportChunk`` rows (~1 MB, cut at a line end; binary files
refused), never held whole in memory; the job (``jobs.client_import_run``) imports ``BATCH``
rows per transaction with the run's progress, so a job that dies resumes after the last batch.

A row whose email (any case) or phone (E.164) matches an existing client, or a row earlier in
the file, is merged into it: the client's empty fields take the row's values ("merged"), or
nothing changes ("skipped": importing the same file twice creates nothing the second time).
Rows that cannot be imported are "failed", each with its message, downloadable as CSV.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Upper
from django.utils import timezone

from accounts.events import record_event
from accounts.models import Agency, User
from accounts.quotas import quota_limit
from core.errors import Conflict
from core.jobs import Job, enqueue
from crm.clients.import_models import (
    ClientImport,
    ClientImportChunk,
    ClientImportFailure,
    ImportStatus,
)
from crm.clients.models import Client, ClientKind, ClientSource, ClientStatus
from crm.clients.phones import phone_e164, region_for_timezone
from crm.clients.selectors import import_failures_lines, import_get, import_list
from crm.clients.services import normalise_tags

__all__ = ["import_failures_lines", "import_get", "import_list"]  # the runs' reads, re-exported

CHUNK_BYTES = 1024 * 1024
MAX_FILE_BYTES = 200 * 1024 * 1024
BATCH = 500
PREVIEW_ROWS = 10
FILLABLE = ("email", "phone", "company", "city", "country", "nationality")
# Client field -> header spellings it is guessed from (compared lower-case, without spaces,
# dashes, dots and underscores).
FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("name", "fullname", "client", "clientname", "contact", "customer"),
    "email": ("email", "emailaddress", "mail", "e-mail"),
    "phone": ("phone", "telephone", "tel", "mobile", "phonenumber", "cell"),
    "company": ("company", "organisation", "organization", "employer", "business"),
    "city": ("city", "town"),
    "country": ("country",),
    "nationality": ("nationality", "citizenship"),
    "notes": ("notes", "note", "comments", "comment"),
    "tags": ("tags", "tag", "labels"),
    "status": ("status",),
    "kind": ("kind", "type"),
}
LIMITS = {
    name: getattr(Client._meta.get_field(name), "max_length", None)
    for name in FIELDS
    if name != "tags"
}


def _key(text: str) -> str:
    return re.sub(r"[\s_.\-]", "", text.strip().lower())


def guess_mapping(header: list[str]) -> dict[str, str]:
    """Column position (a string) -> client field, from the header's names."""
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for position, title in enumerate(header):
        for name, spellings in FIELDS.items():
            if name not in taken and _key(title) in {_key(s) for s in spellings}:
                mapping[str(position)] = name
                taken.add(name)
                break
    return mapping


def file_too_large() -> str:  # (reads the maximum when called: the tests lower it)
    return f"A CSV file has at most {MAX_FILE_BYTES // 2**20} MB ({MAX_FILE_BYTES} bytes)."


@transaction.atomic
def import_upload(*, agency: Agency, created_by: User | None, upload: UploadedFile) -> ClientImport:
    """Store the file in chunks, read its header and guess the mapping; refuse a big file."""
    run = ClientImport.objects.create(
        agency=agency, created_by=created_by, filename=(upload.name or "clients.csv")[:255]
    )
    pending, position, size, lines = b"", 0, 0, 0
    for piece in upload.chunks(CHUNK_BYTES):
        size += len(piece)
        if max(size, upload.size or 0) > MAX_FILE_BYTES:
            raise ValidationError({"file": [file_too_large()]})
        if b"\x00" in piece:  # an image, a spreadsheet: no text column takes a NUL
            raise ValidationError({"file": ["This is not a CSV text file: it holds binary data."]})
        pending += piece
        while len(pending) >= CHUNK_BYTES:
            cut = pending.rfind(b"\n", 0, CHUNK_BYTES)
            if cut < 0:  # one line longer than a chunk: up to its end
                cut = pending.find(b"\n", CHUNK_BYTES)
                if cut < 0:
                    break
            lines += pending.count(b"\n", 0, cut + 1)
            ClientImportChunk.objects.create(
                agency=agency, run=run, position=position, data=pending[: cut + 1]
            )
            pending, position = pending[cut + 1 :], position + 1
    if pending:
        lines += pending.count(b"\n") + (0 if pending.endswith(b"\n") else 1)
        ClientImportChunk.objects.create(agency=agency, run=run, position=position, data=pending)
    run.size = size
    header = next((values for _, values in import_rows(run, with_header=True)), None)
    if not header or not any(cell.strip() for cell in header):
        raise ValidationError({"file": ["The file is empty: its first line names the columns."]})
    run.header = [cell.strip() for cell in header]
    run.mapping = guess_mapping(run.header)
    run.total_rows = max(0, lines - 1)  # lines, not rows: a quoted line break counts twice
    run.save()
    return run


def import_rows(run: ClientImport, *, with_header: bool = False) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) for each row of the stored file, chunk by chunk."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="replace")
    chunk_ids = list(
        ClientImportChunk.objects.for_agency(run.agency_id)
        .filter(run=run)
        .order_by("position")
        .values_list("pk", flat=True)
    )

    def lines() -> Iterator[str]:
        for pk in chunk_ids:
            data = (
                ClientImportChunk.objects.for_agency(run.agency_id)
                .values_list("data", flat=True)
                .get(pk=pk)
            )
            yield from decoder.decode(bytes(data)).splitlines(keepends=True)
        tail = decoder.decode(b"", final=True)
        if tail:
            yield tail

    reader = csv.reader(lines())
    for values in reader:
        line = reader.line_num
        if line == 1 and not with_header:
            continue
        yield line, values
        if with_header and line == 1:
            return


# Rows ----------------------------------------------------------------------------------


@dataclass
class RowResult:
    line: int
    values: list[str]
    fields: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    duplicates: list[Client] = field(default_factory=list)


def clean_row(line: int, values: list[str], mapping: Mapping[str, str]) -> RowResult:
    row = RowResult(line=line, values=values)
    for position, name in mapping.items():
        if not name:
            continue
        index = int(position)
        value = values[index].strip() if index < len(values) else ""
        if name == "tags":
            try:
                row.fields["tags"] = normalise_tags(re.split(r"[;,]", value) if value else [])
            except ValidationError as exc:
                row.errors.extend(exc.messages)
            continue
        limit = LIMITS.get(name)
        if limit and len(value) > limit:
            row.errors.append(f"{name}: at most {limit} characters.")
            continue
        row.fields[name] = value
    if not row.fields.get("name"):
        row.errors.append("name: a name is required.")
    if row.fields.get("email"):
        try:
            validate_email(row.fields["email"])
        except ValidationError:
            row.errors.append(f"email: {row.fields['email']!r} is not an email address.")
    for name, choices in (("status", ClientStatus), ("kind", ClientKind)):
        value = row.fields.get(name, "")
        if value and value.lower() not in choices.values:
            row.errors.append(f"{name}: {value!r} is none of {', '.join(choices.values)}.")
        elif value:
            row.fields[name] = value.lower()
        else:
            row.fields.pop(name, None)
    return row


def _matches(agency: Agency, rows: list[RowResult], region: str | None) -> dict[str, Client]:
    """Existing clients by "e:<email lower>" and "p:<e164>", oldest first wins."""
    emails = {r.fields["email"].upper() for r in rows if r.fields.get("email")}
    phones = {phone_e164(r.fields.get("phone", ""), region) for r in rows} - {""}
    if not emails and not phones:
        return {}
    found: dict[str, Client] = {}
    clients = (
        Client.objects.for_agency(agency)
        .annotate(email_key=Upper("email"))  # the (agency, UPPER(email)) index
        .filter(Q(email_key__in=emails) | Q(phone_e164__in=phones))
        .order_by("created_at", "id")
    )
    for client in clients:
        key = getattr(client, "email_key", "")
        if key:
            found.setdefault(f"e:{key.lower()}", client)
        if client.phone_e164:
            found.setdefault(f"p:{client.phone_e164}", client)
    return found


def import_preview(run: ClientImport, mapping: Mapping[str, str] | None = None) -> list[RowResult]:
    """The first rows as they would be imported: errors and the clients they match."""
    mapping = run.mapping if mapping is None else mapping
    rows = []
    for line, values in import_rows(run):
        rows.append(clean_row(line, values, mapping))
        if len(rows) >= PREVIEW_ROWS:
            break
    region = region_for_timezone(run.agency.timezone)
    found = _matches(run.agency, rows, region)
    for row in rows:
        for key in _row_keys(row, region):
            if key in found and found[key] not in row.duplicates:
                row.duplicates.append(found[key])
    return rows


def _row_keys(row: RowResult, region: str | None) -> list[str]:
    keys = []
    if row.fields.get("email"):
        keys.append(f"e:{row.fields['email'].lower()}")
    phone = phone_e164(row.fields.get("phone", ""), region)
    if phone:
        keys.append(f"p:{phone}")
    return keys


# Start and run -------------------------------------------------------------------------


def mapping_clean(run: ClientImport, mapping: Mapping[str, str]) -> dict[str, str]:
    cleaned: dict[str, str] = {}
    for position, name in mapping.items():
        if not name:
            continue
        if name not in FIELDS:
            raise ValidationError({"mapping": [f"{name!r} is not a client field."]})
        if not (position.isascii() and position.isdigit()):
            raise ValidationError({"mapping": [f"{position!r} is not a column number (from 0)."]})
        if int(position) >= len(run.header):
            raise Conflict({"mapping": [f"The file has no column {position}."]})
        if name in cleaned.values():
            raise ValidationError({"mapping": [f"Two columns are mapped to {name}."]})
        cleaned[position] = name
    if "name" not in cleaned.values():
        raise Conflict({"mapping": ["Map a column to the client's name."]})
    return cleaned


@transaction.atomic
def import_start(*, run: ClientImport, mapping: Mapping[str, str], job: Job) -> ClientImport:
    """Save the mapping and queue the import (a run already started is left as it is)."""
    run = ClientImport.objects.for_agency(run.agency_id).select_for_update().get(pk=run.pk)
    if run.status != ImportStatus.UPLOADED:
        return run
    run.mapping = mapping_clean(run, mapping)
    run.status = ImportStatus.QUEUED
    run.save(update_fields=["mapping", "status", "updated_at"])
    enqueue(job, agency_id=run.agency_id, import_id=run.pk)
    return run


def import_run(*, agency_id: int, import_id: int) -> None:
    """The job's work: every row after ``processed``, in batches; safe to run again."""
    run = ClientImport.objects.for_agency(agency_id).select_related("agency").get(pk=import_id)
    if run.status in (ImportStatus.DONE, ImportStatus.UPLOADED):
        return
    if run.status != ImportStatus.RUNNING:
        run.status, run.started_at = ImportStatus.RUNNING, timezone.now()
        run.save(update_fields=["status", "started_at", "updated_at"])
    region = region_for_timezone(run.agency.timezone)
    batch: list[RowResult] = []
    for line, values in import_rows(run):
        if line - 1 <= run.processed:  # rows are counted from line 2
            continue
        batch.append(clean_row(line, values, run.mapping))
        if len(batch) >= BATCH:
            _import_batch(run, batch, region)
            batch = []
    if batch:
        _import_batch(run, batch, region)
    with transaction.atomic():  # (the quota was checked batch by batch)
        run.status, run.finished_at = ImportStatus.DONE, timezone.now()
        run.total_rows = run.processed
        run.save(update_fields=["status", "finished_at", "total_rows", "updated_at"])
        record_event(
            "client.imported",
            agency_id=run.agency_id,
            object_type="client_import",
            object_id=run.pk,
            object_repr=run.filename,
            data={
                "filename": run.filename,
                "created": run.created,
                "merged": run.merged,
                "skipped": run.skipped,
                "failed": run.failed,
            },
            actor=run.created_by,
        )


@transaction.atomic
def _import_batch(run: ClientImport, rows: list[RowResult], region: str | None) -> None:
    agency = run.agency
    found = _matches(agency, [r for r in rows if not r.errors], region)
    room = quota_limit("clients") - _client_count(agency)
    new: list[Client] = []
    failures: list[ClientImportFailure] = []
    merged = skipped = 0
    for row in rows:
        if row.errors:
            failures.append(_failure(run, row, "; ".join(row.errors)))
            continue
        keys = _row_keys(row, region)
        match = next((found[k] for k in keys if k in found), None)
        if match is not None:
            changed = [
                name for name in FILLABLE if row.fields.get(name) and not getattr(match, name)
            ]
            if changed and match.pk is not None:
                for name in changed:
                    setattr(match, name, row.fields[name])
                match.save(update_fields=[*changed, "updated_at"])
                merged += 1
            elif changed:  # a client earlier in this batch, not saved yet
                for name in changed:
                    setattr(match, name, row.fields[name])
                merged += 1
            else:
                skipped += 1
            continue
        if len(new) >= room:
            failures.append(_failure(run, row, "The agency's client quota is reached."))
            continue
        client = Client(
            agency=agency,
            created_by=run.created_by,
            source=ClientSource.IMPORT,
            source_details={"import_id": run.pk, "line": row.line},
            **row.fields,
        )
        client.phone_e164 = phone_e164(client.phone, region)
        new.append(client)
        for key in keys:
            found[key] = client
    Client.objects.bulk_create(new, batch_size=BATCH)
    ClientImportFailure.objects.bulk_create(failures, batch_size=BATCH)
    locked = ClientImport.objects.for_agency(run.agency_id).select_for_update().get(pk=run.pk)
    run.processed = locked.processed + len(rows)
    run.created = locked.created + len(new)
    run.merged, run.skipped = locked.merged + merged, locked.skipped + skipped
    run.failed = locked.failed + len(failures)
    run.save(update_fields=["processed", "created", "merged", "skipped", "failed", "updated_at"])


def _client_count(agency: Agency) -> int:
    return Client.objects.for_agency(agency).order_by().count()


def _failure(run: ClientImport, row: RowResult, message: str) -> ClientImportFailure:
    return ClientImportFailure(
        agency_id=run.agency_id, run=run, line=row.line, values=row.values, message=message[:500]
    )
