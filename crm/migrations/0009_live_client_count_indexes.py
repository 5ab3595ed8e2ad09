"""Keep the exact ``total`` of client lists an index-only count now that lists leave archived
clients out (``archived_at IS NULL``, crm 0007).

Without these, ``COUNT(*) ... WHERE agency_id = %s AND archived_at IS NULL`` can no longer be
answered from the agency foreign-key index (0003's reasoning): every row of the agency would be
read from the heap to check ``archived_at``. Partial indexes over the live clients only answer
the unfiltered and the status counts, and the newest-first page, without the heap.

Built ``CONCURRENTLY`` (so the migration is not atomic), like 0003. SQLite: nothing to do.
"""

from django.db import migrations

INDEXES = {
    "client_live_agency_count": "crm_client (agency_id) WHERE archived_at IS NULL",
    "client_live_agency_status_count": "crm_client (agency_id, status) WHERE archived_at IS NULL",
    "client_live_agency_created": (
        "crm_client (agency_id, created_at DESC, id DESC) WHERE archived_at IS NULL"
    ),
}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, target in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} ON {target}")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {name}")


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("crm", "0008_reconcile_amount_paid")]
    operations = [migrations.RunPython(forwards, backwards)]
