"""The ground floor's one table: the first answer to each ``Idempotency-Key``.

The table is the one ``crm`` created (``crm_idempotencyrecord``): the model moved here with
state-only migrations, so no row was copied or lost.
"""

from __future__ import annotations

from django.db import models


class IdempotencyRecord(models.Model):
    """The first response to an ``Idempotency-Key``; replays return it instead of a new record.

    ``scope`` names who sent the key (a token, a form) so keys never collide across callers;
    the unique constraint is what makes concurrent duplicates create one record.
    """

    scope = models.CharField(max_length=100)
    key = models.CharField(max_length=255)
    request_hash = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    response_body = models.JSONField(null=True, blank=True)
    response_headers = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        db_table = "crm_idempotencyrecord"
        constraints = [
            models.UniqueConstraint(fields=["scope", "key"], name="uniq_idempotency_scope_key")
        ]

    def __str__(self) -> str:
        return f"{self.scope}:{self.key}"
