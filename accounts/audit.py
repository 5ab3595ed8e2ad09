"""The audit trail, written from model signals so no code path can forget it.

Who and through which channel come from a context: the ``AuditContextMiddleware`` binds the
current request (its user is read when the change is recorded, so a user authenticated later
by the API's token authentication counts too); commands and scripts run as ``system`` unless
they open ``audit_context(...)`` themselves.
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Callable
from typing import Any

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db import models
from django.db.models.signals import post_delete, post_init, post_save
from django.http import HttpRequest

from accounts.events import audit_context, channel_for_path, claim_name, record_event
from accounts.models import ActivityAction, ApiToken, User
from accounts.selectors import user_for_identifier
from accounts.tenancy import TenantModel
from core.crypto import encrypted_fields, mask

__all__ = ["audit_context", "channel_for_path", "connect_signals", "plain_value"]

# Model label → fields never recorded (secrets, noise). Filled by ``audit_model``, which each
# app calls from its ``ready()`` for the models it wants in the history (crm/apps.py), so this
# floor names no model of the floors above it.
AUDITED: dict[str, set[str]] = {}
# Model label → how to find the client a change concerns (default: its ``client_id``).
_CLIENT_OF: dict[str, Callable[[Any], int | None]] = {}
_EMPTY: tuple[Any, ...] = (None, "", [], {})
ALWAYS_SKIPPED = {"id", "agency", "created_at", "updated_at", "created_by"}


# Model changes ---------------------------------------------------------------------------


def _audited_fields(instance: models.Model) -> list[models.Field]:
    skipped = ALWAYS_SKIPPED | AUDITED[instance._meta.label]
    return [f for f in instance._meta.concrete_fields if f.name not in skipped]


def plain_value(value: Any) -> Any:
    """A value as the event log stores it: decimals as strings, dates and times in ISO."""
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return value


def _snapshot(instance: models.Model, loaded: dict[str, Any] | None = None) -> dict[str, Any]:
    loaded = instance.__dict__ if loaded is None else loaded
    return {
        f.attname: plain_value(loaded[f.attname])
        for f in _audited_fields(instance)
        if f.attname in loaded
    }


def _loaded_values(instance: models.Model) -> dict[str, Any]:
    loaded = instance.__dict__.copy()
    loaded.pop("_audit_loaded", None)  # the previous copy: no chain of copies across saves
    return loaded


def _model_name(instance: models.Model) -> str:
    return instance._meta.model_name or ""  # None only for a model not yet prepared


def _client_id_of(instance: models.Model) -> int | None:
    client_of = _CLIENT_OF.get(instance._meta.label)
    if client_of is not None:
        return client_of(instance)
    return getattr(instance, "client_id", None)


def _with_currency(
    instance: models.Model, changes: dict[str, Any], data: dict[str, Any]
) -> dict[str, Any]:
    """A money figure in a diff means nothing without its currency: keep the record's one."""
    currency = getattr(instance, "currency", None)
    if not currency or "currency" in data:
        return data
    money = {
        f.attname for f in instance._meta.concrete_fields if isinstance(f, models.DecimalField)
    }
    return {**data, "currency": currency} if money & set(changes) else data


def _masked(instance: models.Model, changes: dict[str, Any]) -> dict[str, Any]:
    """Fields encrypted at rest (core.crypto) enter the history masked (``••••1234``): the
    event log holds neither the value nor its ciphertext."""
    hidden = {f.attname for f in encrypted_fields(type(instance))}
    if not hidden & set(changes):
        return changes
    return {
        name: [mask(pair[0]), mask(pair[1])] if name in hidden else pair
        for name, pair in changes.items()
    }


def _on_init(sender: type[TenantModel], instance: TenantModel, **kwargs: Any) -> None:
    # Every audited row read keeps its loaded values, but only a shallow copy: most rows are
    # only shown (25 per list page), and the plain snapshot is made when one is saved. The copy
    # lives in the instance's __dict__ (an attribute no model declares).
    instance.__dict__["_audit_loaded"] = _loaded_values(instance) if instance.pk else {}


def _on_save(
    sender: type[TenantModel], instance: TenantModel, created: bool, **kwargs: Any
) -> None:
    if kwargs.get("raw"):  # loaddata
        return
    now = _snapshot(instance)
    if created:
        changes = {name: [None, value] for name, value in now.items() if value not in _EMPTY}
    else:
        before = _snapshot(instance, instance.__dict__.get("_audit_loaded", {}))
        changes = {
            name: [before.get(name), value]
            for name, value in now.items()
            if before.get(name) != value
        }
    instance.__dict__["_audit_loaded"] = _loaded_values(instance)
    if not created and not changes:
        return
    changes = _masked(instance, changes)
    name, data = claim_name(
        instance, f"{instance._meta.model_name}.{'created' if created else 'updated'}"
    )
    record_event(
        name,
        data=_with_currency(instance, changes, data),
        action=ActivityAction.CREATE if created else ActivityAction.UPDATE,
        agency_id=instance.agency_id,
        object_type=_model_name(instance),
        object_id=instance.pk,
        object_repr=str(instance),
        client_id=_client_id_of(instance),
        changes=changes,
    )


def _on_delete(sender: type[TenantModel], instance: TenantModel, **kwargs: Any) -> None:
    name, data = claim_name(instance, f"{instance._meta.model_name}.deleted")
    record_event(
        name,
        data=data,
        action=ActivityAction.DELETE,
        agency_id=instance.agency_id,
        object_type=_model_name(instance),
        object_id=instance.pk,
        object_repr=str(instance),
        client_id=_client_id_of(instance),
    )


# Tokens and sign-ins ---------------------------------------------------------------------


def _on_token_save(
    sender: type[ApiToken], instance: ApiToken, created: bool, **kwargs: Any
) -> None:
    before = instance.__dict__.get("_audit_revoked")
    instance.__dict__["_audit_revoked"] = instance.revoked_at
    if created:
        action = ActivityAction.TOKEN_CREATE
    elif instance.revoked_at is not None and before is None:
        action = ActivityAction.TOKEN_REVOKE
    else:
        return
    details = {
        "name": instance.name,
        "prefix": instance.prefix,
        "read_only": instance.read_only,
        "rate_limit": instance.rate_limit,
        "expires_at": plain_value(instance.expires_at),
    }
    record_event(
        "api_token.created" if action == ActivityAction.TOKEN_CREATE else "api_token.revoked",
        action=action,
        agency_id=instance.user.agency_id,
        object_type="api_token",
        object_id=instance.pk,
        object_repr=f"{instance.name} ({instance.prefix})",
        changes=details,
    )


def _on_token_init(sender: type[ApiToken], instance: ApiToken, **kwargs: Any) -> None:
    instance.__dict__["_audit_revoked"] = instance.__dict__.get("revoked_at")


def _on_login(sender: Any, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    record_event(
        "user.signed_in",
        action=ActivityAction.SIGN_IN,
        agency_id=user.agency_id,
        object_type="user",
        object_id=user.pk,
        object_repr=user.username,
        actor=user,
        channel=channel_for_path(request.path) if request is not None else None,
    )


def _on_login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    # Only the identifier is kept: ``credentials`` never includes the password (Django masks it).
    identifier = str(credentials.get("username", ""))[:150]
    user = user_for_identifier(identifier)  # the same account the sign-in would have reached
    record_event(
        "user.sign_in_failed",
        action=ActivityAction.SIGN_IN_FAILED,
        agency_id=user.agency_id if user else None,
        object_type="user",
        object_id=user.pk if user else None,
        object_repr=identifier,
        actor=None,
        channel=channel_for_path(request.path) if request is not None else None,
    )


def audit_model(
    model: type[TenantModel],
    *,
    never_recorded: set[str] | frozenset[str] = frozenset(),
    client_id: Callable[[Any], int | None] | None = None,
) -> None:
    """Record every create, update and delete of ``model`` as an event, leaving
    ``never_recorded`` fields out of the diffs; ``client_id`` says whose history a row belongs
    to when the model has no ``client_id`` of its own (a client, a payment)."""
    label = model._meta.label
    AUDITED[label] = set(never_recorded)
    if client_id is not None:
        _CLIENT_OF[label] = client_id
    uid = f"audit-{label}"
    post_init.connect(_on_init, sender=model, dispatch_uid=uid)
    post_save.connect(_on_save, sender=model, dispatch_uid=uid)
    post_delete.connect(_on_delete, sender=model, dispatch_uid=uid)


def connect_signals() -> None:
    post_init.connect(_on_token_init, sender=ApiToken, dispatch_uid="audit-token")
    post_save.connect(_on_token_save, sender=ApiToken, dispatch_uid="audit-token")
    user_logged_in.connect(_on_login, dispatch_uid="audit-login")
    user_login_failed.connect(_on_login_failed, dispatch_uid="audit-login-failed")
