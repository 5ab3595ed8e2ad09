"""Managing website forms (Settings → Website forms): origins, recipients, keys."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.events import record_event
from accounts.models import ActivityAction, Agency, User
from accounts.quotas import agency_quota_check
from accounts.tenancy import active_members, resolve_member
from crm.enquiries.assignment import assignment_check
from crm.enquiries.models import Assignment, EnquiryForm, new_form_key

logger = logging.getLogger(__name__)

MAX_ORIGINS = 20

# Managing forms (Settings → Website forms) ------------------------------------------------


def normalise_origin(value: str) -> str:
    """``https://Example.com:443/`` → ``https://example.com``: the form a browser sends in its
    ``Origin`` header. Raises ``ValueError`` for anything that is not a bare http(s) origin."""
    value = (value or "").strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("Use an origin like https://www.example.com")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise ValueError("An origin has no path: use https://www.example.com")
    try:
        host = parts.hostname.encode("idna").decode("ascii")
        port = parts.port
    except (UnicodeError, ValueError):
        raise ValueError("Use an origin like https://www.example.com") from None
    if ":" in host:
        host = f"[{host}]"
    default_port = {"http": 80, "https": 443}[parts.scheme]
    suffix = f":{port}" if port and port != default_port else ""
    return f"{parts.scheme}://{host}{suffix}"


def origin_allowed(form: EnquiryForm, origin: str | None) -> bool:
    """Exact match against the form's allowed origins (no wildcards, no suffixes)."""
    if not origin:
        return False
    try:
        origin = normalise_origin(origin)
    except ValueError:
        return False  # "null" (sandboxed frames, file://) and garbage are never allowed
    return origin in (form.allowed_origins or [])


def redirect_allowed(form: EnquiryForm, url: str) -> bool:
    """A thank-you URL is followed only on one of the form's own websites: a post to Itinera
    must never send a visitor to a page an attacker chose."""
    parts = urlsplit(url or "")
    if parts.username or parts.password:
        return False
    return origin_allowed(form, f"{parts.scheme}://{parts.netloc}")


def _clean_origins(origins: Iterable[str]) -> list[str]:
    cleaned: list[str] = []
    errors: list[str] = []
    for origin in origins:
        if not str(origin).strip():
            continue
        try:
            value = normalise_origin(str(origin))
        except ValueError as exc:
            errors.append(f"{str(origin).strip()[:100]}: {exc}")
            continue
        if value not in cleaned:
            cleaned.append(value)
    if len(cleaned) > MAX_ORIGINS:
        errors.append(f"At most {MAX_ORIGINS} origins.")
    if errors:
        raise ValidationError({"allowed_origins": errors})
    return cleaned


FORM_FIELDS = (
    "name",
    "allowed_origins",
    "redirect_url",
    "notify_users",
    "is_active",
    "assignment",
    "assign_agent",
    "rotation",
)


def _form_apply(form: EnquiryForm, fields: Mapping[str, Any]) -> list[User] | None:
    unknown = sorted(set(fields) - set(FORM_FIELDS))
    if unknown:
        raise ValidationError({name: ["Unknown field."] for name in unknown})
    notify: list[User] | None = None
    for name, value in fields.items():
        if name == "allowed_origins":
            value = _clean_origins(value or [])
        elif name == "notify_users":
            notify = _members(agency=form.agency, users=value or [])
            continue
        elif name == "rotation":
            continue  # written after the save (``_rotation_set``)
        elif name == "assign_agent":
            value = resolve_member(agency=form.agency, value=value, field="assign_agent")
        elif name in ("name", "redirect_url"):
            value = (value or "").strip()
        setattr(form, name, value)
    form.full_clean(exclude=["agency", "notify_users", "public_key", "rotation"])
    if form.redirect_url and not redirect_allowed(form, form.redirect_url):
        raise ValidationError(
            {
                "redirect_url": [
                    "Use a thank-you page on one of the form's allowed websites "
                    f"({', '.join(form.allowed_origins or []) or 'none yet'})."
                ]
            }
        )
    return notify


def _members(
    *, agency: Agency, users: Iterable[User | int], field: str = "notify_users"
) -> list[User]:
    ids = {user.pk if isinstance(user, User) else user for user in users}
    members = list(active_members(agency=agency).filter(pk__in=ids))
    if len(members) != len(ids):
        raise ValidationError({field: ["Choose members of your agency."]})
    return members


def _rotation_set(form: EnquiryForm, fields: Mapping[str, Any]) -> None:
    """The round-robin's agents (members of the form's agency), then the rule's check: a
    fixed agent or round-robin must name who it needs."""
    if fields.get("rotation") is not None:
        chosen = _members(agency=form.agency, users=fields["rotation"], field="rotation")
        form.rotation.set(chosen)
    errors = assignment_check(
        assignment=form.assignment,
        assign_agent=form.assign_agent,
        rotation=list(form.rotation.all()),
    )
    if errors:
        raise ValidationError(errors)


def _form_state(form: EnquiryForm, notify: Iterable[User] | None) -> dict[str, Any]:
    """What the history keeps of a form: never its public key (it is the form's password)."""
    state: dict[str, Any] = {
        "name": form.name,
        "allowed_origins": list(form.allowed_origins or []),
        "redirect_url": form.redirect_url,
        "is_active": form.is_active,
        "assignment": form.get_assignment_display(),
        # Keys the history reads as labels: "Fixed agent", "Round robin agents".
        "fixed_agent": form.assign_agent.display_name if form.assign_agent else "",
        "round_robin_agents": sorted(user.display_name for user in form.rotation.all())
        if form.pk
        else [],
    }
    if notify is not None:
        state["notify_users"] = sorted(user.display_name for user in notify)
    return state


def _record_form_event(
    name: str, *, form: EnquiryForm, changes: dict[str, Any], data: dict[str, Any] | None = None
) -> None:
    record_event(
        name,
        agency_id=form.agency_id,
        subject=form,
        object_type="enquiry_form",
        changes=changes,
        data={"form_id": form.pk, **(data or {})},
        action=ActivityAction.CREATE if name.endswith(".created") else ActivityAction.UPDATE,
    )


@transaction.atomic
def enquiry_form_create(
    *,
    agency: Agency,
    name: str,
    allowed_origins: Iterable[str] = (),
    redirect_url: str = "",
    notify_users: Iterable[User | int] = (),
    is_active: bool = True,
    assignment: str = Assignment.UNASSIGNED,
    assign_agent: User | int | None = None,
    rotation: Iterable[User | int] = (),
) -> EnquiryForm:
    agency_quota_check(
        "website_forms", agency_id=agency.pk, rows=EnquiryForm.objects.for_agency(agency)
    )
    form = EnquiryForm(agency=agency)
    fields = {
        "name": name,
        "allowed_origins": allowed_origins,
        "redirect_url": redirect_url,
        "notify_users": notify_users,
        "is_active": is_active,
        "assignment": assignment,
        "assign_agent": assign_agent,
        "rotation": rotation,
    }
    notify = _form_apply(form, fields)
    form.save()
    if notify is not None:
        form.notify_users.set(notify)
    _rotation_set(form, fields)
    after = _form_state(form, notify)
    changes = {key: [None, value] for key, value in after.items() if value not in ("", [])}
    _record_form_event("enquiry_form.created", form=form, changes=changes)
    return form


@transaction.atomic
def enquiry_form_update(
    *,
    form: EnquiryForm,
    name: str | None = None,
    allowed_origins: Iterable[str] | None = None,
    redirect_url: str | None = None,
    notify_users: Iterable[User | int] | None = None,
    is_active: bool | None = None,
    assignment: str | None = None,
    assign_agent: User | int | None = None,
    rotation: Iterable[User | int] | None = None,
) -> EnquiryForm:
    """Change the given fields (``None``: leave as it is; ``assign_agent`` is kept only for
    the fixed-agent rule); recorded with what changed."""
    fields: dict[str, Any] = {
        key: value
        for key, value in {
            "name": name,
            "allowed_origins": allowed_origins,
            "redirect_url": redirect_url,
            "notify_users": notify_users,
            "is_active": is_active,
            "assignment": assignment,
            "rotation": rotation,
        }.items()
        if value is not None
    }
    if assignment is not None or assign_agent is not None:
        fields["assign_agent"] = (
            assign_agent if (assignment or form.assignment) == "agent" else None
        )
    current = list(form.notify_users.all()) if notify_users is not None else None
    before = _form_state(form, current)
    notify = _form_apply(form, fields)
    form.save()
    if notify is not None:
        form.notify_users.set(notify)
    _rotation_set(form, fields)
    after = _form_state(form, notify)
    changes = {key: [before[key], value] for key, value in after.items() if before[key] != value}
    # Switching a form off or on is said in words of its own (the history's reader looks
    # for "who switched our form off?"); the other changes of the same save beside it.
    switch = changes.pop("is_active", None)
    if switch is not None:
        name = "enquiry_form.switched_on" if switch[1] else "enquiry_form.switched_off"
        _record_form_event(name, form=form, changes={"is_active": switch})
    if changes:
        _record_form_event("enquiry_form.updated", form=form, changes=changes)
    return form


@transaction.atomic
def enquiry_form_delete(*, form: EnquiryForm) -> None:
    """Delete a form: its address answers 404 from now on; its enquiries (and the clients
    they made) stay, no longer linked to a form. Recorded with the form's settings and how
    many enquiries it had, never its key."""
    state = _form_state(form, list(form.notify_users.all()))
    enquiries = form.enquiries.count()
    form_id, form_name = form.pk, form.name
    record_event(
        "enquiry_form.deleted",
        agency_id=form.agency_id,
        object_type="enquiry_form",
        object_id=form_id,
        object_repr=form_name,
        changes={key: [value, None] for key, value in state.items() if value not in ("", [])},
        data={"form_id": form_id, "enquiries": enquiries},
        action=ActivityAction.DELETE,
    )
    form.delete()


@transaction.atomic
def enquiry_form_regenerate_key(*, form: EnquiryForm) -> EnquiryForm:
    """A new public key; the old one answers 404 from now on (snippets must be re-pasted).
    Recorded as a regenerated key, without either key."""
    form.public_key = new_form_key()
    form.save(update_fields=["public_key"])
    _record_form_event(
        "enquiry_form.updated", form=form, changes={}, data={"key_regenerated": True}
    )
    return form
