"""What must hold after every attempt: the database as it was (``Watcher``), an answer
identical to a missing id's (``same_answer``), nothing of A's in the body (``leaks_in``,
``json_id_leaks``); and the tally of attempts and problems each test prints."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db import connection, models, transaction

if TYPE_CHECKING:
    from tests.hardening.isolation.world import Tenant


# Fields that change on their own (a token's last use, a sign-in) and say nothing about a leak.
VOLATILE = {"accounts.ApiToken": {"last_used_at"}, "accounts.User": {"last_login"}}


def snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every accounts/crm table (many-to-many tables included), in plain SQL:
    it runs after every attempt, so it has to be quick."""
    state = {}
    with connection.cursor() as cursor:
        for model in SNAPSHOT_MODELS:
            meta = model._meta
            columns = ", ".join(
                connection.ops.quote_name(f.column)
                for f in meta.concrete_fields
                if f.attname in snapshot_fields(model)
            )
            table, pk = (connection.ops.quote_name(n) for n in (meta.db_table, meta.pk.column))
            cursor.execute(f"SELECT {columns} FROM {table} ORDER BY {pk}")
            state[meta.label] = cursor.fetchall()
    return state


SNAPSHOT_MODELS = [
    m
    for m in apps.get_models(include_auto_created=True)
    if m._meta.app_label in ("accounts", "crm")
]


class Watcher:
    """Looks at the database and names the tables that changed since it last looked (every
    request between two looks must leave it as it was, so one look per request is enough)."""

    def __init__(self) -> None:
        self.last = snapshot()

    def changes(self) -> list[str]:
        now = snapshot()
        changed, self.last = changed_tables(self.last, now), now
        return changed


def snapshot_fields(model: type[models.Model]) -> list[str]:
    skip = VOLATILE.get(model._meta.label, set())
    return [f.attname for f in model._meta.concrete_fields if f.attname not in skip]


def changed_tables(before: dict[str, list], after: dict[str, list]) -> list[str]:
    return sorted(label for label in before if before[label] != after[label])


def text_of(response: Any) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


_PER_RESPONSE = re.compile(r'(csrfmiddlewaretoken" value="|"X-CSRFToken": "|nonce=")[^"]+"')


def stable_text(response: Any) -> str:
    """The body without what differs on every response anyway (CSRF tokens, CSP nonces)."""
    return _PER_RESPONSE.sub(r'\1"', text_of(response))


def leaks_in(body: str, a: Tenant) -> list[str]:
    """A's names, secrets and record paths found in ``body``."""
    lowered = body.lower()
    found = [marker for marker in a.markers if marker and marker.lower() in lowered]
    found += [p for p in a.paths if re.search(re.escape(p) + r"(?![0-9])", body)]
    return found


JSON_ID_KEYS = {
    "client_id": "crm.Client",
    "itinerary_id": "crm.Itinerary",
    "proposal_id": "crm.Proposal",
    "booking_id": "crm.Booking",
    "assigned_to_id": "accounts.User",
    "actor_id": "accounts.User",
    "user_id": "accounts.User",
    "webhook_id": "crm.WebhookEndpoint",
    "replay_of_id": "crm.WebhookDelivery",
    "requested_by_id": "accounts.User",
}


def json_id_leaks(payload: Any, a: Tenant, own_label: str | None) -> list[str]:
    """A's ids in an API body: ``id`` of the listed resource and every ``<relation>_id``."""
    found: list[str] = []

    def visit(node: Any, label: str | None) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                target = label if key == "id" else JSON_ID_KEYS.get(key)
                if target and isinstance(value, int) and value in a.ids.get(target, ()):
                    found.append(f"{key}={value}")
                visit(value, None if key != "data" else label)
        elif isinstance(node, list):
            for item in node:
                visit(item, label)

    visit(payload, own_label)
    return found


@dataclass
class Tally:
    routes: set[str] = field(default_factory=set)
    counts: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)

    def fail(self, what: str) -> None:
        self.problems.append(what)


def same_answer(got: Any, missing: Any) -> bool:
    return (
        got.status_code == missing.status_code
        and got.get("Content-Type") == missing.get("Content-Type")
        and stable_text(got) == stable_text(missing)
    )


def in_rollback(call: Callable[[], Any]) -> Any:
    """Run ``call`` in a savepoint that is rolled back: a positive control may write."""
    with transaction.atomic():
        result = call()
        transaction.set_rollback(True)
    return result
