"""Encryption at rest: model fields whose column holds Fernet ciphertext, never the value.

Keys come from ``FIELD_ENCRYPTION_KEYS`` (settings, from the environment): a comma-separated
list of Fernet keys, **newest first**. Values are encrypted with the first key and decrypted
with whichever key made them (``MultiFernet``), so a new key can be put in front while rows
written under the old ones still read. ``manage.py rotate_encryption_keys`` then re-encrypts
every encrypted column with the newest key, after which the old keys can be dropped.

A value no configured key can decrypt raises :class:`DecryptionError`: a wrong or missing key
fails loudly, never as an empty field that a save would then overwrite.

Ciphertext is random (a new IV every time), so encrypted columns cannot be searched or be
unique; nothing needs them to. The empty string is stored as the empty string, so "no passport
number" stays cheap to ask and to show.

:func:`mask` is how a document number is shown everywhere outside a reveal: ``••••1234``.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.db import models
from django.dispatch import receiver

MASK = "••••"
SHOWN_DIGITS = 4
CIPHERTEXT_PREFIX = "gAAAAA"  # every Fernet token (version byte 0x80, then the timestamp)


class DecryptionError(Exception):
    """A stored value that no configured key decrypts: the wrong key, or a tampered row."""


def development_key(secret_key: str) -> str:
    """The development default (settings use it only when ``DEBUG`` is on): a Fernet key
    derived from ``SECRET_KEY``, so a newcomer's database keeps reading across restarts."""
    digest = hashlib.sha256(b"itinera-field-encryption:" + secret_key.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii")


def configured_keys() -> list[str]:
    keys = getattr(settings, "FIELD_ENCRYPTION_KEYS", None) or []
    if isinstance(keys, str):
        keys = [key.strip() for key in keys.split(",") if key.strip()]
    return list(keys)


@cache
def _fernet() -> MultiFernet:
    keys = configured_keys()
    if not keys:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEYS is not set: encrypted fields can be neither written nor read. "
            "Generate a key with `python -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())'`."
        )
    try:
        return MultiFernet([Fernet(key.encode("ascii")) for key in keys])
    except (ValueError, UnicodeEncodeError) as exc:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEYS holds a value that is not a Fernet key (32 url-safe "
            "base64-encoded bytes)."
        ) from exc


@receiver(setting_changed)
def _forget_keys(*, setting: str, **kwargs: Any) -> None:
    if setting == "FIELD_ENCRYPTION_KEYS":
        _fernet.cache_clear()


def encrypt(value: str) -> str:
    return _fernet().encrypt(value.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeEncodeError) as exc:
        raise DecryptionError(
            "An encrypted value could not be decrypted with any key in FIELD_ENCRYPTION_KEYS: "
            "the key it was written with is missing, or the stored value was altered."
        ) from exc


def rotate(token: str) -> str:
    """The same value, encrypted again with the newest key."""
    try:
        return _fernet().rotate(token.encode("ascii")).decode("ascii")
    except InvalidToken as exc:
        raise DecryptionError(
            "A stored value could not be decrypted for rotation with any key in "
            "FIELD_ENCRYPTION_KEYS: keep the old keys after the new one until rotation is done."
        ) from exc


def mask(value: str | None) -> str:
    """``••••1234``: the last four characters of a document number, or only the dots for a
    value too short to show any of it; the empty string for no value."""
    if not value:
        return ""
    tail = value[-SHOWN_DIGITS:] if len(value) > SHOWN_DIGITS + 1 else ""
    return MASK + tail


class EncryptedTextField(models.TextField):
    """A text value stored as Fernet ciphertext (read back as the plain string).

    Python sees the plain value; the column, a dump and a raw ``SELECT`` see only ciphertext.
    ``max_length`` (if given) limits the plain value, in forms and validation; the column is
    ``text`` since ciphertext is about 1.4 times longer plus 100 characters."""

    encrypted = True

    def get_internal_type(self) -> str:
        return "TextField"

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> str | None:
        if value is None or value == "":
            return value
        return decrypt(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(str(value))


def encrypted_fields(model: type[models.Model]) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]


def models_with_encrypted_fields() -> Iterator[tuple[type[models.Model], list[models.Field]]]:
    from django.apps import apps

    for model in apps.get_models():
        fields = encrypted_fields(model)
        if fields and not model._meta.proxy:
            yield model, fields


def rotate_column(
    model: type[models.Model], fields: Sequence[models.Field], *, batch: int = 500
) -> int:
    """Re-encrypt ``fields`` of every row of ``model`` with the newest key, reading and writing
    the raw ciphertext (nothing is decrypted into the ORM, no save signal runs, no history row
    is written). Returns the rows rewritten."""
    from django.db import connection, transaction

    table = connection.ops.quote_name(model._meta.db_table)
    pk = connection.ops.quote_name(model._meta.pk.column)
    columns = [connection.ops.quote_name(f.column) for f in fields]
    rewritten = 0
    last: Any = None
    while True:
        where = f"WHERE {pk} > %s " if last is not None else ""
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {pk}, {', '.join(columns)} FROM {table} {where}ORDER BY {pk} LIMIT %s",
                [last, batch] if last is not None else [batch],
            )
            rows = cursor.fetchall()
            if not rows:
                return rewritten
            for row in rows:
                last = row[0]
                values = [rotate(v) if v else v for v in row[1:]]
                if values == list(row[1:]):
                    continue
                assignments = ", ".join(f"{column} = %s" for column in columns)
                cursor.execute(
                    f"UPDATE {table} SET {assignments} WHERE {pk} = %s", [*values, row[0]]
                )
                rewritten += 1
