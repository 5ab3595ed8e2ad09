"""Merging two clients of an agency: one survives and receives everything of the other.

Every row that points at the duplicate is moved to the survivor, found through Django's model
meta rather than listed by hand, so a model added later (travellers, documents...) is moved
without anyone remembering to:

- every foreign key to ``Client`` (``Client._meta.related_objects``): itineraries, proposals,
  bookings (and with them their payments, services, invoices), enquiries, tasks...;
- every plain ``client_id`` column of a model that keeps history past the client (the event
  log, notifications): the merge appears in, and the duplicate's history joins, the
  survivor's.

A foreign key that is unique (a one-to-one) or part of a unique constraint could collide on
the survivor; such a relation must have its own entry in ``EXPLICIT`` (how to merge it), or
the merge refuses to run at all (``ImproperlyConfigured``), never half-moves it.

The survivor keeps its own fields; an empty one takes the duplicate's value; tags are joined;
the duplicate's notes are appended under a dated line. The duplicate's row is then deleted
(nothing is attached to it any more), and ``client.merged`` on the survivor records what it
was and what moved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured, ValidationError
from django.db import models, transaction
from django.utils import timezone

from accounts.events import named_event, record_event
from accounts.models import User
from crm.clients.models import Client, Traveller

# The client's own fields a merge fills in on the survivor when its value is empty.
FILLED_FIELDS = ("email", "phone", "company", "city", "country", "nationality")
# What the ``client.merged`` event keeps of the duplicate (its row is deleted).
RECORDED_FIELDS = ("kind", "name", *FILLED_FIELDS, "status", "source", "tags")

# Relations needing more than "point it at the survivor", by "<app_label>.<Model>.<field>":
# a function (duplicate, survivor) that merges that model's rows and answers how many moved.
Mover = Callable[[Client, Client], int]


def _move_travellers(duplicate: Client, survivor: Client) -> int:
    """A client has at most one lead traveller (the client themself): when the survivor has
    one, the duplicate's lead moves as an ordinary traveller of the household."""
    travellers = Traveller.objects.for_agency(survivor.agency_id)
    rows = travellers.filter(client=duplicate)
    if travellers.filter(client=survivor, is_lead=True).exists():
        rows.filter(is_lead=True).update(is_lead=False)
    return rows.update(client=survivor)


EXPLICIT: dict[str, Mover] = {"crm.Traveller.client": _move_travellers}


@dataclass
class MergeResult:
    survivor: Client
    merged_id: int
    merged_name: str
    moved: dict[str, int] = field(default_factory=dict)


def client_relations() -> list[models.ForeignKey]:
    """Every foreign key to Client, in any app (concrete, one-to-many or one-to-one)."""
    relations = []
    for related in Client._meta.related_objects:
        remote = related.remote_field
        if isinstance(remote, models.ForeignKey):  # OneToOneField is one
            relations.append(remote)
        elif related.many_to_many:
            raise ImproperlyConfigured(
                f"{related.name}: a many-to-many to Client; say in "
                "crm.clients.merge.EXPLICIT how a merge moves it."
            )
    return relations


def client_id_columns() -> list[tuple[type[models.Model], str]]:
    """Models with a plain ``client_id`` integer (history kept past the client's delete)."""
    found = []
    for model in apps.get_models():
        try:
            column = model._meta.get_field("client_id")
        except FieldDoesNotExist:
            continue
        if isinstance(column, models.IntegerField):
            found.append((model, "client_id"))
    return found


def _rows_of(model: type[models.Model], agency_id: int, **where: object) -> models.QuerySet:
    """``model``'s rows matching ``where``, within the agency when the model has one."""
    rows = model._base_manager.filter(**where)
    names = {f.name for f in model._meta.get_fields()}
    return rows.filter(agency_id=agency_id) if "agency" in names else rows


def relation_key(relation: models.ForeignKey) -> str:
    return f"{relation.model._meta.label}.{relation.name}"


def needs_explicit_handling(relation: models.ForeignKey) -> bool:
    """True when moving rows to the survivor could break a uniqueness rule."""
    if relation.unique:
        return True
    meta = relation.model._meta
    together = [set(fields) for fields in meta.unique_together]
    together += [
        set(constraint.fields)
        for constraint in meta.constraints
        if isinstance(constraint, models.UniqueConstraint) and constraint.fields
    ]
    return any(relation.name in fields for fields in together)


def _check_relations(relations: list[models.ForeignKey]) -> None:
    for relation in relations:
        if needs_explicit_handling(relation) and relation_key(relation) not in EXPLICIT:
            raise ImproperlyConfigured(
                f"{relation_key(relation)} is unique per client: add to "
                "crm.clients.merge.EXPLICIT how a merge combines two clients' rows."
            )


def _merge_fields(survivor: Client, duplicate: Client) -> list[str]:
    changed = []
    for name in FILLED_FIELDS:
        if not getattr(survivor, name) and getattr(duplicate, name):
            setattr(survivor, name, getattr(duplicate, name))
            changed.append(name)
    tags = list(survivor.tags) + [tag for tag in duplicate.tags if tag not in survivor.tags]
    if tags != list(survivor.tags):
        survivor.tags = tags
        changed.append("tags")
    if duplicate.notes.strip():
        stamp = timezone.localtime().strftime("%Y-%m-%d %H:%M")
        header = f"— {stamp} · merged from {duplicate.name} (client #{duplicate.pk})"
        block = f"{header}\n{duplicate.notes.strip()}"
        survivor.notes = (
            f"{survivor.notes.rstrip()}\n\n{block}" if survivor.notes.strip() else block
        )
        changed.append("notes")
    return changed


@transaction.atomic
def client_merge(*, survivor: Client, duplicate: Client, actor: User | None = None) -> MergeResult:
    """Move everything of ``duplicate`` to ``survivor`` and delete ``duplicate``'s row.

    Both must be clients of the same agency (the callers found them with ``for_agency``)."""
    if survivor.agency_id != duplicate.agency_id:
        raise Client.DoesNotExist()  # another agency's client is a missing one
    if survivor.pk == duplicate.pk:
        raise ValidationError({"duplicate": ["A client cannot be merged into itself."]})
    if survivor.kind != duplicate.kind:
        raise ValidationError(
            {"duplicate": ["A company and a person cannot be merged: change one's kind first."]}
        )
    relations = client_relations()
    _check_relations(relations)
    # Lock both rows, in id order (two merges of the same pair never deadlock).
    locked = {
        c.pk: c
        for c in Client.objects.for_agency(survivor.agency_id)
        .select_for_update()
        .filter(pk__in=[survivor.pk, duplicate.pk])
        .order_by("pk")
    }
    if len(locked) != 2:
        raise Client.DoesNotExist()
    survivor, duplicate = locked[survivor.pk], locked[duplicate.pk]
    result = MergeResult(survivor=survivor, merged_id=duplicate.pk, merged_name=duplicate.name)

    for relation in relations:
        mover = EXPLICIT.get(relation_key(relation))
        if mover is not None:
            moved = mover(duplicate, survivor)
        else:
            moved = _rows_of(
                relation.model, survivor.agency_id, **{relation.name: duplicate}
            ).update(**{relation.name: survivor})
        if moved:
            result.moved[str(relation.model._meta.verbose_name_plural)] = moved

    # The survivor was a contact of the duplicate company: it is not its own contact.
    Client.objects.for_agency(survivor.agency_id).filter(
        pk=survivor.pk, company_client_id=survivor.pk
    ).update(company_client=None)
    survivor.refresh_from_db(fields=["company_client"])
    recorded = {name: getattr(duplicate, name) for name in RECORDED_FIELDS}
    changed = _merge_fields(survivor, duplicate)
    merged_id, merged_name = duplicate.pk, duplicate.name
    with named_event(
        "client.merged_away",
        subject=duplicate,
        data={"into": survivor.pk, "into_name": survivor.name},
    ):
        duplicate.delete()
    # History and notifications follow (the duplicate's delete event included).
    for model, column in client_id_columns():
        moved = _rows_of(model, survivor.agency_id, **{column: merged_id}).update(
            **{column: survivor.pk}
        )
        if moved and model._meta.label == "accounts.Activity":
            result.moved["history entries"] = moved
    data = {
        "merged_id": merged_id,
        "merged_name": merged_name,
        "merged_client": recorded,
        "moved": result.moved,
        "filled": changed,
    }
    if changed:  # the save's diff is the event's detail
        with named_event("client.merged", subject=survivor, data=data):
            survivor.save(update_fields=[*changed, "updated_at"])
    else:
        record_event(
            "client.merged",
            agency_id=survivor.agency_id,
            subject=survivor,
            client_id=survivor.pk,
            actor=actor,
            data=data,
        )
    return result


def client_merge_preview(*, duplicate: Client) -> dict[str, int]:
    """What a merge would move from ``duplicate``: rows per kind (history included)."""
    counts: dict[str, int] = {}
    for relation in client_relations():
        count = _rows_of(relation.model, duplicate.agency_id, **{relation.name: duplicate}).count()
        if count:
            counts[str(relation.model._meta.verbose_name_plural)] = count
    history = _rows_of(
        apps.get_model("accounts", "Activity"), duplicate.agency_id, client_id=duplicate.pk
    )
    counts["history entries"] = history.count()
    return counts
