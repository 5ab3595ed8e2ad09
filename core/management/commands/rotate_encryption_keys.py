"""``manage.py rotate_encryption_keys``: re-encrypt every encrypted column with the newest key.

Rotation, step by step (SECURITY.md):

1. generate a key and put it **first** in ``FIELD_ENCRYPTION_KEYS``, keeping the old ones after
   it; deploy (new values are written with it, old rows still read);
2. run this command: every value of every ``EncryptedTextField`` is decrypted and encrypted
   again with the first key, in batches, raw (no save signal, no history row);
3. remove the old keys from ``FIELD_ENCRYPTION_KEYS`` and deploy again.

Safe to run twice, and to interrupt: each batch commits on its own.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core import crypto


class Command(BaseCommand):
    help = "Re-encrypt every field encrypted at rest with the newest key in FIELD_ENCRYPTION_KEYS."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", type=int, default=500, help="Rows per transaction.")

    def handle(self, *args: Any, batch: int, **options: Any) -> None:
        if batch < 1:
            raise CommandError("--batch must be a positive integer.")
        total = 0
        for model, fields in crypto.models_with_encrypted_fields():
            try:
                rows = crypto.rotate_column(model, fields, batch=batch)
            except crypto.DecryptionError as exc:
                raise CommandError(f"{model._meta.label}: {exc}") from exc
            names = ", ".join(f.name for f in fields)
            self.stdout.write(f"{model._meta.label} ({names}): {rows} rows re-encrypted")
            total += rows
        self.stdout.write(f"Done: {total} rows re-encrypted with the newest key.")
