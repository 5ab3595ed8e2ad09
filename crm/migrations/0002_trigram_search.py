"""Trigram indexes that serve the client ``q`` search on PostgreSQL.

Django compiles ``icontains`` to ``UPPER(col::text) LIKE UPPER(%s)``, so the indexes are on
``UPPER(col)`` with ``gin_trgm_ops``. SQLite has no pg_trgm: there this migration does nothing.
"""

from django.db import migrations

SEARCHED = ("name", "email", "phone", "company")


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for column in SEARCHED:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS client_{column}_trgm ON crm_client "
            f"USING gin ((UPPER({column}::text)) gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in SEARCHED:
        schema_editor.execute(f"DROP INDEX IF EXISTS client_{column}_trgm")


class Migration(migrations.Migration):
    dependencies = [("crm", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
