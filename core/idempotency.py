"""``Idempotency-Key``: a retried request replays the first response instead of acting twice.

The mechanism is independent of the web framework: a caller passes a *scope* (who sent the key:
an API token, a website form), the key, a hash of the request, and a ``handler`` that does the
work and returns a :class:`StoredResponse`. :func:`idempotent_call` answers with the handler's
response or with the stored one. Small adapters at the bottom turn Django responses into
``StoredResponse`` and back.

Semantics (the contract the README documents):

- The same scope + key + request body within ``IDEMPOTENCY_KEY_TTL`` (24 h) replays the first
  response (status, body, ``Content-Type``/``Location``) with ``Idempotent-Replayed: true``,
  and creates no second record.
- The same scope + key with a different body is refused (:class:`KeyReused`, 409).
- Only responses below 400 are stored. A refused request (422, 404...) or a handler that raises
  leaves nothing behind, so the caller can correct the body and retry with the same key.
- Records older than the TTL are ignored and deleted (the key may then be used afresh).

Concurrency, and the choice for a second request that arrives while the first is running:
the record row is inserted *first*, in the same transaction as the work, and the database's
unique ``(scope, key)`` constraint does the rest. A second insert of the same key waits on that
unique index until the first transaction ends (PostgreSQL; on SQLite the database write lock
serialises the two). Then:

- the first committed: the second insert fails, and the second request replays the stored
  response (so a double-click or a network retry gets the same answer, never a 409);
- the first rolled back (it failed, or answered an error that is not stored): the second insert
  succeeds and the second request does the work itself: nothing is lost.

The wait is bounded by ``IDEMPOTENCY_WAIT_SECONDS`` (a PostgreSQL ``lock_timeout`` on that one
insert). A request still waiting after that answers :class:`KeyInProgress` (409, with
``Retry-After``), so a slow first request cannot pile up blocked workers forever. Because the
record and the work commit together, a crash mid-request can never leave a key stuck "in
progress".
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, OperationalError, connection, transaction
from django.http import HttpResponse
from django.utils import timezone

from core import jobs
from core.models import IdempotencyRecord

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
MAX_KEY_LENGTH = 255
MAX_SCOPE_LENGTH = 100
# Headers worth replaying; everything else (dates, rate-limit counters, CORS) belongs to the
# request being answered now and is added by the caller.
STORED_HEADERS = ("Content-Type", "Location")
_LOCK_NOT_AVAILABLE = "55P03"  # PostgreSQL: lock_timeout expired


@dataclass(frozen=True)
class StoredResponse:
    """A response reduced to what a replay needs: status, JSON-able body, a few headers."""

    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Outcome:
    response: StoredResponse
    replayed: bool


class IdempotencyError(Exception):
    """A request the mechanism refuses; ``status`` and ``message`` are for the client."""

    status: int = 400
    headers: dict[str, str] = {}

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidKey(IdempotencyError):
    status = 400


class KeyReused(IdempotencyError):
    # The key's stored request is the state this one conflicts with (as a key in progress).
    status = 409


class KeyInProgress(IdempotencyError):
    status = 409
    headers = {"Retry-After": "1"}


class _Discard(Exception):
    """Carries a non-success response out of the transaction so the claim is rolled back."""

    def __init__(self, response: StoredResponse) -> None:
        self.response = response


def validate_key(key: str | None) -> str:
    """Return the key, or raise :class:`InvalidKey` for an empty, long or non-ASCII one."""
    if key is None or not (1 <= len(key) <= MAX_KEY_LENGTH):
        raise InvalidKey(f"{HEADER} must be 1 to {MAX_KEY_LENGTH} characters.")
    if not all(33 <= ord(char) <= 126 for char in key):
        raise InvalidKey(f"{HEADER} must be visible ASCII characters without spaces.")
    return key


def request_hash(*parts: Any) -> str:
    """SHA-256 of a canonical JSON rendering of ``parts`` (method, path, parsed body...).

    Parsed bodies are compared, not bytes: the same fields in another order or with other
    whitespace are the same request.
    """
    canonical = json.dumps(parts, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def purge_expired(*, scope: str | None = None, ttl: int | None = None) -> int:
    """Delete records older than the TTL (of one scope, or all); returns how many."""
    cutoff = timezone.now() - timedelta(seconds=_ttl(ttl))
    records = IdempotencyRecord.objects.filter(created_at__lt=cutoff)
    if scope is not None:
        records = records.filter(scope=scope)
    deleted, _ = records.delete()
    return deleted


@jobs.job("core.purge_idempotency_keys", attempts=3)
def purge_idempotency_keys(timestamp: int | None = None, **_: Any) -> int:
    """The hourly purge (queue mode; ``manage.py purge_idempotency_keys`` does it by hand)."""
    return purge_expired()


jobs.periodic(purge_idempotency_keys, cron="17 * * * *")


def idempotent_call(
    *,
    scope: str,
    key: str,
    request_hash: str,
    handler: Callable[[], StoredResponse],
    ttl: int | None = None,
    wait_seconds: float | None = None,
) -> Outcome:
    """Run ``handler`` once per (scope, key); see the module docstring for the semantics.

    Raises :class:`InvalidKey`, :class:`KeyReused` or :class:`KeyInProgress`; an exception
    from ``handler`` propagates after its writes and the claim on the key are rolled back.
    """
    validate_key(key)
    if not (1 <= len(scope) <= MAX_SCOPE_LENGTH):
        raise ValueError(f"scope must be 1 to {MAX_SCOPE_LENGTH} characters")
    ttl = _ttl(ttl)
    wait = settings.IDEMPOTENCY_WAIT_SECONDS if wait_seconds is None else wait_seconds
    # Expired records are ignored by deleting them (the unique index makes this cheap).
    purge_expired(scope=scope, ttl=ttl)

    for _attempt in range(3):
        try:
            with transaction.atomic():
                record = _claim(scope=scope, key=key, request_hash=request_hash, wait=wait)
                if record is not None:
                    response = handler()
                    if response.status >= 400:
                        raise _Discard(response)
                    record.status_code = response.status
                    record.response_body = response.body
                    record.response_headers = {
                        name: value
                        for name, value in response.headers.items()
                        if name in STORED_HEADERS
                    }
                    record.save(update_fields=["status_code", "response_body", "response_headers"])
                    return Outcome(response=response, replayed=False)
        except _Discard as discard:
            return Outcome(response=discard.response, replayed=False)

        existing = IdempotencyRecord.objects.filter(scope=scope, key=key).first()
        if existing is None:
            continue  # the first request rolled back between our insert and this read
        if existing.created_at < timezone.now() - timedelta(seconds=ttl):
            existing.delete()
            continue
        if existing.request_hash != request_hash:
            raise KeyReused(
                f"This {HEADER} was already used with a different request body. "
                "Use a new key for a new request."
            )
        if existing.status_code is None:
            break
        return Outcome(
            response=StoredResponse(
                status=existing.status_code,
                body=existing.response_body,
                headers=dict(existing.response_headers or {}),
            ),
            replayed=True,
        )
    raise KeyInProgress(
        f"A request with this {HEADER} is still being processed. Retry in a moment."
    )


def _claim(*, scope: str, key: str, request_hash: str, wait: float) -> IdempotencyRecord | None:
    """Insert the record (inside the caller's transaction); ``None`` when the key is taken.

    On PostgreSQL the insert waits on a concurrent uncommitted insert of the same key for at
    most ``wait`` seconds; past that the key counts as in progress.
    """
    on_postgres = connection.vendor == "postgresql"
    try:
        with transaction.atomic():
            if on_postgres:
                _set_lock_timeout(f"{max(int(wait * 1000), 1)}ms")
            record = IdempotencyRecord.objects.create(
                scope=scope, key=key, request_hash=request_hash
            )
            if on_postgres:
                _reset_lock_timeout()  # the handler's own work waits as it normally would
            return record
    except IntegrityError:
        return None
    except OperationalError as exc:
        if getattr(exc.__cause__, "sqlstate", None) == _LOCK_NOT_AVAILABLE:
            raise KeyInProgress(
                f"A request with this {HEADER} is still being processed. Retry in a moment."
            ) from exc
        raise


def _set_lock_timeout(value: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('lock_timeout', %s, true)", [value])


def _reset_lock_timeout() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL lock_timeout TO DEFAULT")


def _ttl(ttl: int | None) -> int:
    return settings.IDEMPOTENCY_KEY_TTL if ttl is None else ttl


# Django adapters ---------------------------------------------------------------------------


def json_body(value: Any) -> Any:
    """``value`` in plain JSON types, as it will be replayed (Decimals, dates... as strings)."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def stored_from_django(response: HttpResponse) -> StoredResponse:
    """Reduce a rendered Django response to a :class:`StoredResponse` (JSON bodies parsed)."""
    content_type = response.get("Content-Type", "")
    text = response.content.decode(response.charset or "utf-8")
    body: Any = text
    if content_type.startswith("application/json") and text:
        body = json.loads(text)
    headers = {name: response[name] for name in STORED_HEADERS if response.has_header(name)}
    return StoredResponse(status=response.status_code, body=body, headers=headers)


def django_from_stored(stored: StoredResponse, *, replayed: bool) -> HttpResponse:
    """Rebuild an ``HttpResponse``; a replay carries ``Idempotent-Replayed: true``."""
    headers = dict(stored.headers)
    content_type = headers.pop("Content-Type", "application/json")
    if isinstance(stored.body, str) and not content_type.startswith("application/json"):
        content = stored.body
    else:
        content = json.dumps(stored.body)
    response = HttpResponse(content, status=stored.status, content_type=content_type)
    for name, value in headers.items():
        response[name] = value
    if replayed:
        response[REPLAYED_HEADER] = "true"
    return response
