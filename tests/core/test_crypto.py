"""Encryption at rest (core.crypto): ciphertext in the column, rotation, a wrong key fails."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.core import checks
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from config.checks import field_encryption_keys_set
from core import crypto
from crm.models import Traveller, WebhookEndpoint
from tests.factories import ClientFactory, TravellerFactory

PASSPORT = "X12345678Q"


def raw(table: str, column: str, pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [pk])
        return cursor.fetchone()[0]


def dump(table: str) -> str:
    """Every row of the table as text, as a database dump would hold it."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")
        return repr(cursor.fetchall())


@pytest.mark.django_db
def test_a_passport_number_is_not_in_the_database_in_clear(agency):
    traveller = TravellerFactory(client=ClientFactory(agency=agency), passport_number=PASSPORT)
    stored = raw("crm_traveller", "passport_number", traveller.pk)
    assert PASSPORT not in stored
    assert stored.startswith(crypto.CIPHERTEXT_PREFIX)
    assert PASSPORT not in dump("crm_traveller")
    assert Traveller.objects.get(pk=traveller.pk).passport_number == PASSPORT


@pytest.mark.django_db
def test_two_saves_of_the_same_value_store_different_ciphertexts(agency):
    client = ClientFactory(agency=agency)
    first = TravellerFactory(client=client, passport_number=PASSPORT)
    second = TravellerFactory(client=client, passport_number=PASSPORT)
    assert raw("crm_traveller", "passport_number", first.pk) != raw(
        "crm_traveller", "passport_number", second.pk
    )


@pytest.mark.django_db
def test_an_empty_value_stays_empty(agency):
    traveller = TravellerFactory(client=ClientFactory(agency=agency), passport_number="")
    assert raw("crm_traveller", "passport_number", traveller.pk) == ""


@pytest.mark.django_db
def test_webhook_signing_secrets_are_encrypted_at_rest(agency, alice):
    endpoint = WebhookEndpoint.objects.create(
        agency=agency, created_by=alice, url="https://hooks.example.com/in"
    )
    endpoint.previous_secret = "whsec_previousprevious"
    endpoint.save()
    for column in ("secret", "previous_secret"):
        assert "whsec_" not in raw("crm_webhookendpoint", column, endpoint.pk)
    assert "whsec_" not in dump("crm_webhookendpoint")
    reread = WebhookEndpoint.objects.get(pk=endpoint.pk)
    assert reread.secret == endpoint.secret and reread.secret.startswith("whsec_")
    assert reread.previous_secret == "whsec_previousprevious"


@pytest.mark.django_db
def test_rotation_re_encrypts_every_column_with_the_newest_key(agency, alice, settings):
    old = settings.FIELD_ENCRYPTION_KEYS[0]
    traveller = TravellerFactory(
        client=ClientFactory(agency=agency), passport_number=PASSPORT, redress_number="R77"
    )
    endpoint = WebhookEndpoint.objects.create(agency=agency, created_by=alice, url="https://h.io")
    new = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new, old]
    out = io.StringIO()
    call_command("rotate_encryption_keys", stdout=out)
    assert "crm.Traveller" in out.getvalue() and "crm.WebhookEndpoint" in out.getvalue()
    # Only the new key is needed now: the old one can be dropped.
    settings.FIELD_ENCRYPTION_KEYS = [new]
    assert Traveller.objects.get(pk=traveller.pk).passport_number == PASSPORT
    assert Traveller.objects.get(pk=traveller.pk).redress_number == "R77"
    assert WebhookEndpoint.objects.get(pk=endpoint.pk).secret == endpoint.secret
    with pytest.raises(InvalidToken):
        Fernet(old.encode()).decrypt(raw("crm_traveller", "passport_number", traveller.pk).encode())


@pytest.mark.django_db
def test_an_old_key_still_decrypts_behind_a_new_one(agency, settings):
    traveller = TravellerFactory(client=ClientFactory(agency=agency), passport_number=PASSPORT)
    settings.FIELD_ENCRYPTION_KEYS = [
        Fernet.generate_key().decode(),
        *settings.FIELD_ENCRYPTION_KEYS,
    ]
    assert Traveller.objects.get(pk=traveller.pk).passport_number == PASSPORT


@pytest.mark.django_db
def test_a_wrong_key_fails_loudly(agency, settings):
    traveller = TravellerFactory(client=ClientFactory(agency=agency), passport_number=PASSPORT)
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(crypto.DecryptionError, match="FIELD_ENCRYPTION_KEYS"):
        Traveller.objects.get(pk=traveller.pk)
    with pytest.raises(Exception, match="FIELD_ENCRYPTION_KEYS"):
        call_command("rotate_encryption_keys", stdout=io.StringIO())


def test_the_mask_shows_only_the_last_four():
    assert crypto.mask("X12345678Q") == "••••678Q"
    assert crypto.mask("12345") == "••••"
    assert crypto.mask("") == ""


def test_the_system_check_refuses_production_without_keys():
    with override_settings(DEBUG=False, FIELD_ENCRYPTION_KEYS=[]):
        errors = field_encryption_keys_set()
    assert [e.id for e in errors] == ["itinera.E004"]
    assert all(isinstance(e, checks.Error) for e in errors)
    with override_settings(DEBUG=True, FIELD_ENCRYPTION_KEYS=[]):
        assert field_encryption_keys_set() == []
    with override_settings(DEBUG=False, FIELD_ENCRYPTION_KEYS=["not-a-key"]):
        assert [e.id for e in field_encryption_keys_set()] == ["itinera.E004"]
    with override_settings(DEBUG=False, FIELD_ENCRYPTION_KEYS=[Fernet.generate_key().decode()]):
        assert field_encryption_keys_set() == []


def test_the_development_key_is_a_fernet_key_derived_from_the_secret_key():
    key = crypto.development_key("some-secret")
    Fernet(key.encode())
    assert key == crypto.development_key("some-secret") != crypto.development_key("other")


def test_the_server_refuses_to_start_in_production_without_keys(tmp_path):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "FIELD_ENCRYPTION_KEYS"}
    }
    clean.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        SECRET_KEY="x" * 50,
        DEBUG="0",
        STATIC_ROOT=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "-c", "import config.wsgi"],
        cwd=Path(__file__).resolve().parents[2],
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "itinera.E004" in result.stderr and "FIELD_ENCRYPTION_KEYS" in result.stderr
