"""``/client-imports``: CSV imports of clients (crm.clients.imports). Create with the file
(``multipart/form-data``, field ``file``), read the guessed mapping and a preview, start with
a mapping, poll the status; the failed rows come back as CSV.

The upload's body may be as big as the import's maximum (``imports.MAX_FILE_BYTES``), not
DATA_UPLOAD_MAX_MEMORY_SIZE: Django streams a file part to a temporary file past
FILE_UPLOAD_MAX_MEMORY_SIZE, and applies DATA_UPLOAD_MAX_MEMORY_SIZE to the other fields."""

from __future__ import annotations

from typing import Any, ClassVar

from django.http import StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiRequest, extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from api.base import TenantViewSet, envelope
from api.exceptions import PayloadTooLarge
from api.serializers import Id, OutputSerializer
from api.v1.exports import StreamingFinalizeMixin
from core.csv import csv_lines
from core.overrides import JSONParser
from crm.clients import imports
from crm.clients.jobs import client_import_run
from crm.models import ClientImport, ImportStatus


class ClientImportSerializer(OutputSerializer):
    """An import: its file, mapping, progress and report."""

    id = Id()
    filename = serializers.CharField()
    status = serializers.ChoiceField(choices=ImportStatus.choices)
    header = serializers.ListField(child=serializers.CharField())
    mapping = serializers.DictField(
        child=serializers.CharField(),
        help_text='Column position (as a string) to client field: {"0": "name", "1": "email"}.',
    )
    total_rows = serializers.IntegerField(allow_null=True, help_text="About (lines).")
    processed = serializers.IntegerField()
    percent = serializers.IntegerField()
    created = serializers.IntegerField()
    merged = serializers.IntegerField()
    skipped = serializers.IntegerField()
    failed = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField(allow_null=True)


class ImportUploadSerializer(serializers.Serializer):
    file = serializers.FileField(
        help_text="The CSV, UTF-8 (a byte that is not UTF-8 reads as U+FFFD); its first line "
        "names the columns. Binary data or no column names is a 422."
    )


class ImportStartSerializer(serializers.Serializer):
    # What crm.clients.imports.mapping_clean checks of each pair: a column position, a client
    # field (or "" to skip the column).
    schema_properties: ClassVar[dict[str, Any]] = {
        "mapping": {
            "propertyNames": {"pattern": "^[0-9]{1,9}$"},
            "additionalProperties": {"type": "string", "enum": ["", *imports.FIELDS]},
        }
    }

    mapping = serializers.DictField(
        child=serializers.CharField(allow_blank=True),
        required=False,
        help_text='Column position (counted from 0, as a string) to client field, "" to skip '
        "it; without it, the guessed mapping. Each field takes one column at most (a 422 "
        "naming it: a schema cannot say that an object's values differ).",
    )


class PreviewRowSerializer(serializers.Serializer):
    line = serializers.IntegerField()
    client = serializers.DictField(help_text="The client fields the row would import.")
    problems = serializers.ListField(
        child=serializers.CharField(), help_text="Why the row would fail (empty: it imports)."
    )
    duplicate_ids = serializers.ListField(child=serializers.IntegerField())


class PreviewSerializer(serializers.Serializer):
    rows = PreviewRowSerializer(many=True)


WRITES = (400, 401, 403, 404, 413, 415, 422, 429)
# The multipart envelope around the file: boundaries, part headers, the file name.
MULTIPART_SLACK = 64 * 1024


class ClientImportViewSet(StreamingFinalizeMixin, TenantViewSet):
    """CSV imports of clients. `POST` the file, check `GET /client-imports/{id}/preview`,
    `POST /client-imports/{id}/start`, poll `GET /client-imports/{id}` until `done`, then
    fetch the failed rows from `/client-imports/{id}/failures` (CSV)."""

    resource = "client_import"
    model = ClientImport
    output_serializer = ClientImportSerializer
    input_serializer = ImportUploadSerializer
    list_selector = staticmethod(lambda *, agency, filters=None: imports.import_list(agency=agency))
    get_selector = staticmethod(
        lambda *, agency, client_import_id: imports.import_get(
            agency=agency, import_id=client_import_id
        )
    )
    parser_classes = [MultiPartParser, JSONParser]
    http_method_names = ["get", "post", "head", "options"]
    action_responses: ClassVar[dict[str, tuple[Any, Any, tuple[int, ...]]]] = {
        "start": (200, ClientImportSerializer, WRITES),
        "preview": (200, PreviewSerializer, (401, 404, 429)),
        # The failed rows: line, error, then the cells (a GET: no body to refuse).
        "failures": ((200, "text/csv"), OpenApiTypes.STR, (401, 404, 429)),
    }

    def body_limit(self) -> int | None:
        if self.action == "create":
            return imports.MAX_FILE_BYTES + MULTIPART_SLACK
        return super().body_limit()

    def body_too_large(self, limit: int) -> str:
        if self.action == "create":
            return imports.file_too_large()
        return super().body_too_large(limit)

    @extend_schema(
        request={
            "multipart/form-data": OpenApiRequest(
                ImportUploadSerializer, encoding={"file": {"contentType": "text/csv, text/plain"}}
            )
        },
        description=(
            "Upload the file (stored in chunks; nothing is imported yet) as `multipart/form-data`"
            f", field `file`. A file has at most {imports.MAX_FILE_BYTES // 2**20} MB "
            f"({imports.MAX_FILE_BYTES} bytes; the 1 MB limit of other bodies, "
            "DATA_UPLOAD_MAX_MEMORY_SIZE, does not apply to it); a bigger one is a `413` whose "
            "`message` names the maximum, and creates nothing. The file is CSV text: one that "
            "holds binary data (a NUL byte: an image, a spreadsheet) or whose first line names "
            "no column is a `422` saying so (what a file holds is beyond what its schema, "
            "`format: binary`, can state)."
        ),
    )
    def create(self, request: Request, **parent: Any) -> Response:
        """Upload the file (see the schema's description for the maximum)."""
        body = ImportUploadSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        upload = body.validated_data["file"]
        if upload.size and upload.size > imports.MAX_FILE_BYTES:
            raise PayloadTooLarge(imports.file_too_large())
        run = imports.import_upload(agency=self.agency, created_by=request.auth.user, upload=upload)
        return envelope(self.represent(run), 201)

    @extend_schema(summary="Preview an import's first rows")
    @action(detail=True, methods=["get"], url_path="preview", filter_backends=[])
    def preview(self, request: Request, pk: str) -> Response:
        """The first rows with the current mapping: their fields, errors and the existing
        clients they would be merged into."""
        run = self.get_object()
        assert isinstance(run, ClientImport)
        rows = [
            {
                "line": row.line,
                "client": row.fields,
                "problems": row.errors,
                "duplicate_ids": [client.pk for client in row.duplicates],
            }
            for row in imports.import_preview(run)
        ]
        return envelope({"rows": rows})

    @extend_schema(summary="Start an import", request=ImportStartSerializer)
    @action(detail=True, methods=["post"], url_path="start", filter_backends=[])
    def start(self, request: Request, pk: str) -> Response:
        """Queue the import with this mapping (an import already started is answered as it
        is). A mapping without the name, or naming no client field, is a 422."""
        run = self.get_object()
        assert isinstance(run, ClientImport)
        body = ImportStartSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        mapping = body.validated_data.get("mapping", run.mapping)
        run = imports.import_start(run=run, mapping=mapping, job=client_import_run)
        run.refresh_from_db()
        return envelope(self.represent(run))

    @extend_schema(summary="The failed rows of an import (CSV)")
    @action(detail=True, methods=["get"], url_path="failures", filter_backends=[])
    def failures(self, request: Request, pk: str) -> Any:
        run = self.get_object()
        assert isinstance(run, ClientImport)
        lines = csv_lines(["line", "error", *run.header], imports.import_failures_lines(run))
        response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="import-{run.pk}-failures.csv"'
        return response
