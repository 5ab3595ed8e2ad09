"""The clients domain's background jobs: a CSV import (crm.clients.imports)."""

from __future__ import annotations

from core.jobs import job
from crm.clients.imports import import_run


@job("clients.import_run", attempts=3)
def client_import_run(*, agency_id: int, import_id: int) -> None:
    import_run(agency_id=agency_id, import_id=import_id)
