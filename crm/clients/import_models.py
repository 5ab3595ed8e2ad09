"""A CSV import of clients: the uploaded file (in the database, in chunks: any worker can read
it, and it survives a restart), its column mapping, progress and report, and the rows that
failed (crm.clients.imports)."""

from __future__ import annotations

from django.db import models

from accounts.tenancy import AuthoredTenantModel, TenantModel


class ImportStatus(models.TextChoices):
    UPLOADED = "uploaded", "Uploaded"  # mapping and preview, not started
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class ClientImport(AuthoredTenantModel):
    filename = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField(default=0)
    status = models.CharField(
        max_length=10, choices=ImportStatus.choices, default=ImportStatus.UPLOADED
    )
    header = models.JSONField(default=list, blank=True)
    # CSV column (by position, as a string) -> client field ("" or absent: not imported).
    mapping = models.JSONField(default=dict, blank=True)
    total_rows = models.PositiveIntegerField(null=True, blank=True)  # counted at upload
    # Rows done so far: a restarted job skips them (each batch commits with its count).
    processed = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    merged = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    error = models.CharField(max_length=500, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta(AuthoredTenantModel.Meta):
        pass

    def __str__(self) -> str:
        return self.filename

    @property
    def percent(self) -> int:
        if not self.total_rows:
            return 100 if self.status == ImportStatus.DONE else 0
        return min(100, round(100 * self.processed / self.total_rows))


class ClientImportChunk(TenantModel):
    """A piece of the uploaded file, cut at a line end (about 1 MB)."""

    run = models.ForeignKey(ClientImport, on_delete=models.CASCADE, related_name="chunks")
    position = models.PositiveIntegerField()
    data = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["run", "position"], name="client_import_chunk_order")
        ]


class ClientImportFailure(TenantModel):
    """A row that was not imported, with why (the report's downloadable CSV)."""

    run = models.ForeignKey(ClientImport, on_delete=models.CASCADE, related_name="failures")
    line = models.PositiveIntegerField()  # in the file, the header being line 1
    values = models.JSONField(default=list)
    message = models.CharField(max_length=500)

    class Meta:
        ordering = ["line"]
        indexes = [models.Index(fields=["run", "line"], name="client_import_failure_line")]
