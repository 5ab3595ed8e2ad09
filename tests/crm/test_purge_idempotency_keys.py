import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from core.models import IdempotencyRecord

pytestmark = pytest.mark.django_db


def test_it_deletes_only_records_older_than_a_day():
    old = IdempotencyRecord.objects.create(scope="token:1", key="old", request_hash="h")
    IdempotencyRecord.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(hours=25)
    )
    fresh = IdempotencyRecord.objects.create(scope="form:2", key="fresh", request_hash="h")
    out = io.StringIO()
    call_command("purge_idempotency_keys", stdout=out)
    assert list(IdempotencyRecord.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert "Deleted 1 expired" in out.getvalue()
