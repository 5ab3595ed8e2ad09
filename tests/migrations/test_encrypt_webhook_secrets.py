"""crm 0018: the webhook signing secrets already stored in clear are encrypted, and going back
decrypts them (nothing is lost either way)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from crm.models import WebhookEndpoint

BEFORE = [("crm", "0017_proposal_versions")]
AFTER = [("crm", "0018_travellers")]


def _migrate(targets: list[tuple[str, str]]) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def _raw(pk: int) -> tuple[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT secret, previous_secret FROM crm_webhookendpoint WHERE id = %s", [pk]
        )
        return cursor.fetchone()


@pytest.mark.django_db(transaction=True)
def test_secrets_in_clear_are_encrypted_and_decrypted_back(agency, alice):
    endpoint = WebhookEndpoint.objects.create(agency=agency, created_by=alice, url="https://h.io")
    secret = endpoint.secret
    try:
        _migrate(BEFORE)
        assert _raw(endpoint.pk) == (secret, "")  # back in clear
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE crm_webhookendpoint SET previous_secret = %s WHERE id = %s",
                ["whsec_old", endpoint.pk],
            )
        _migrate(AFTER)
        stored = _raw(endpoint.pk)
        assert "whsec_" not in stored[0] and "whsec_" not in stored[1]
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    reread = WebhookEndpoint.objects.get(pk=endpoint.pk)
    assert reread.secret == secret and reread.previous_secret == "whsec_old"
