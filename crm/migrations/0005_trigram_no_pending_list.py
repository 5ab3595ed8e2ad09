"""Client searches keep their speed while leads keep arriving (measured in bench/README.md).

A GIN index buffers new entries in an unsorted *pending list* (``fastupdate``, on by default)
that every search must read in full until a vacuum or the 4 MB ``gin_pending_list_limit``
merges it. On the four trigram indexes of the client search, 4,000 new clients (a busy day of
website leads) made a selective search at 1M clients 4.7x slower (1.95 -> 9.1 ms of SQL), and it
keeps slowing until autovacuum comes. With the pending list off, every insert writes its
trigrams into the index at once (about 0.2 ms more per new client) and searches stay at ~2 ms.

Entries already pending are merged now. SQLite has none of this: there it does nothing.
"""

from django.db import migrations

TRIGRAM_INDEXES = (
    "client_name_trgm",
    "client_email_trgm",
    "client_phone_trgm",
    "client_company_trgm",
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in TRIGRAM_INDEXES:
        schema_editor.execute(f"ALTER INDEX {name} SET (fastupdate = off)")
        schema_editor.execute(f"SELECT gin_clean_pending_list('{name}'::regclass)")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in TRIGRAM_INDEXES:
        schema_editor.execute(f"ALTER INDEX {name} RESET (fastupdate)")


class Migration(migrations.Migration):
    dependencies = [("crm", "0004_phone_length")]
    operations = [migrations.RunPython(forwards, backwards)]
