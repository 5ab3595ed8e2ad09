"""Writes for agencies, users and API tokens."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts import selectors, token_cache
from accounts.events import record_event
from accounts.models import TOKEN_PREFIX, Agency, ApiToken, Invitation, Role, User, token_digest
from accounts.quotas import tokens_per_user_check
from accounts.usernames import clean_username
from core import mail


@transaction.atomic
def agency_create(
    *,
    name: str,
    owner_username: str,
    owner_email: str,
    owner_password: str | None = None,
    owner_name: str = "",
    default_currency: str = "EUR",
    timezone_name: str = "UTC",
) -> tuple[Agency, User]:
    """Create an agency and its owner. Without a password the owner cannot sign in until one
    is set (``changepassword`` or a password reset)."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": ["An agency needs a name."]})
    owner_username = clean_username(owner_username)
    if selectors.email_taken(owner_email):
        raise ValidationError({"email": [f"The email {owner_email!r} is already registered."]})
    agency = Agency(
        name=name,
        slug=_unique_slug(name),
        default_currency=default_currency.upper(),
        timezone=timezone_name,
    )
    agency.full_clean()
    agency.save()
    owner = user_create(
        agency=agency,
        username=owner_username,
        email=owner_email,
        password=owner_password,
        name=owner_name,
        role=Role.OWNER,
    )
    return agency, owner


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "agency"
    slug, n = base, 2
    while Agency.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def user_create(
    *,
    agency: Agency | None,
    username: str,
    email: str,
    password: str | None = None,
    name: str = "",
    role: str = Role.AGENT,
) -> User:
    username = clean_username(username)
    user = User(agency=agency, username=username, email=email.strip().lower(), name=name, role=role)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    return user


def user_find(identifier: str) -> User | None:
    """A user by email when the identifier has an "@", else by username."""
    return selectors.user_for_identifier(identifier)


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    plaintext: str  # shown once, never stored


def api_token_create(
    *,
    user: User,
    name: str,
    read_only: bool = False,
    rate_limit: int | None = None,
    expires_at: datetime | None = None,
) -> IssuedToken:
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": ["Give the token a name, e.g. 'Website'."]})
    if user.agency_id is None:
        raise ValidationError({"user": ["Only a member of an agency can hold an API token."]})
    if rate_limit is not None and not (1 <= rate_limit <= 100_000):
        raise ValidationError({"rate_limit": ["Between 1 and 100000 requests per minute."]})
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError({"expires_at": ["The expiry must be in the future."]})
    tokens_per_user_check(live_tokens=ApiToken.objects.filter(user=user).active().count())
    secret = ApiToken.generate_secret()
    token = ApiToken(
        user=user,
        name=name[:100],
        key=ApiToken.generate_key(),
        digest=token_digest(secret),
        read_only=read_only,
        # The agency's default (its owner's Integrations page) unless the caller chose one.
        rate_limit=rate_limit or int(getattr(user.agency, "api_rate_limit", ApiToken.DEFAULT_RATE)),
        expires_at=expires_at,
    )
    token.save()
    return IssuedToken(token=token, plaintext=f"{token.prefix}.{secret}")


def api_token_revoke(*, token: ApiToken) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_token_parse(raw: str) -> tuple[str, str] | None:
    """Split ``itn_<key>.<secret>`` into (key, secret); None when it is not of that form."""
    if not raw.startswith(TOKEN_PREFIX) or "." not in raw:
        return None
    key, _, secret = raw[len(TOKEN_PREFIX) :].partition(".")
    if not key or not secret or len(key) > 32 or len(secret) > 128:
        return None
    return key, secret


def api_token_verify(raw: str) -> ApiToken | None:
    """The active token this string proves, or None. Unknown key, wrong secret, expired and
    revoked all answer None, and the HMAC is computed even for an unknown key so the two
    cost the same time."""
    parsed = api_token_parse(raw)
    if parsed is None:
        return None
    key, secret = parsed
    digest = token_digest(secret)  # computed even for an unknown key: both cost the same
    epoch = token_cache.current_epoch()  # before the database: see accounts.token_cache
    cached = token_cache.get(key, digest, epoch)
    if cached is not None:
        return cached if cached.is_active else None  # expiry is a matter of time alone
    try:
        # get(), not first(): the key is unique, and first() would add an ORDER BY and a
        # LIMIT to a query that runs on every API request.
        token = ApiToken.objects.select_related("user", "user__agency").get(key=key)
    except ApiToken.DoesNotExist:
        return None
    if not hmac.compare_digest(token.digest, digest) or not token.is_active:
        return None
    if not token.user.is_active or token.user.agency_id is None:
        return None
    token_cache.put(key, token, epoch)
    return token


def api_token_authenticate(raw: str) -> tuple[ApiToken | None, bytes | None]:
    """``api_token_verify`` for the API's request pipeline, which reads the token cache's epoch
    in the same Redis round trip as its rate limit. A token this process has cached comes back
    with the epoch it was cached under, for the caller to compare with the current one before
    trusting it; a token read from the database comes back with None (nothing to confirm)."""
    parsed = api_token_parse(raw)
    if parsed is not None:
        cached = token_cache.peek(parsed[0], token_digest(parsed[1]))
        if cached is not None:
            token, epoch = cached
            return (token, epoch) if token.is_active else (None, None)
    return api_token_verify(raw), None


def api_token_touch(*, token: ApiToken) -> None:
    """Record use at most once per ``LAST_USED_RESOLUTION``, never a write per request."""
    now = timezone.now()
    last = token.last_used_at
    if last is None or now - last >= ApiToken.LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


# Invitations and the team ------------------------------------------------------------------

INVITATION_LIFETIME = timedelta(days=7)


def _may_grant(acting: User | None, role: str) -> bool:
    """Only the owner grants (or revokes, or deactivates) admins; admins manage agents."""
    if acting is None:
        return True  # an operator's command or script
    if role == Role.ADMIN:
        return acting.role == Role.OWNER
    return acting.role in (Role.OWNER, Role.ADMIN)


def invitation_create(
    *, agency: Agency, email: str, role: str = Role.AGENT, invited_by: User | None = None
) -> Invitation:
    """Invite someone by email to join ``agency``. An owner is never invited (one per agency);
    inviting an address again replaces its pending invitation with a fresh link.

    Only "already on your team" is ever said about an address: one that belongs to another
    agency's user gets an invitation like any other (its email explains), so the answer tells
    nobody who uses Itinera elsewhere."""
    email = (email or "").strip().lower()
    errors: dict[str, list[str]] = {}
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = ["Enter a valid email address."]
    if role not in (Role.AGENT, Role.ADMIN):
        errors["role"] = ["Invite as an agent or an admin."]
    elif not _may_grant(invited_by, role):
        errors["role"] = ["Only the owner can invite an admin."]
    if not errors.get("email"):
        colleague = selectors.user_for_identifier(email)
        if colleague is not None and colleague.agency_id == agency.pk:
            errors["email"] = [f"{colleague.display_name} is already on your team."]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        Invitation.objects.filter(agency=agency, email=email, accepted_at__isnull=True).delete()
        invitation = Invitation.objects.create(
            agency=agency,
            email=email,
            role=role,
            invited_by=invited_by,
            expires_at=timezone.now() + INVITATION_LIFETIME,
        )
        _record_invitation("invitation.created", invitation, actor=invited_by)
    return invitation


def _record_invitation(
    name: str, invitation: Invitation, *, actor: User | None, **data: object
) -> None:
    # The token is a secret: never in the history.
    record_event(
        name,
        agency_id=invitation.agency_id,
        object_type="invitation",
        object_id=invitation.pk,
        object_repr=invitation.email,
        data={"email": invitation.email, "role": invitation.role, **data},
        actor=actor,
        action="create" if name == "invitation.created" else "update",
    )


@transaction.atomic
def invitation_invite(
    *,
    agency: Agency,
    email: str,
    role: str = Role.AGENT,
    invited_by: User,
    link_for: Callable[[Invitation], str],
) -> Invitation:
    """Create an invitation and email it, or change nothing when the email cannot be sent
    (the outgoing email limits, ``core.mail``)."""
    invitation = invitation_create(agency=agency, email=email, role=role, invited_by=invited_by)
    try:
        invitation_send(invitation=invitation, link=link_for(invitation))
    except mail.MailLimitReached as exc:  # raising rolls the invitation back
        raise ValidationError(
            {"email": [f"Too many emails sent; try again in {_minutes(exc.retry_after)}."]}
        ) from exc
    return invitation


def _minutes(seconds: int) -> str:
    minutes = max(1, -(-seconds // 60))
    return "a minute" if minutes == 1 else f"{minutes} minutes"


def invitation_send(*, invitation: Invitation, link: str) -> None:
    """Email the invitation (``core.mail``: limited, fixed subject, delivered by a job once the
    invitation commits; the link on ``SITE_URL``). An address that already has an account gets,
    instead of a link, an email saying why it cannot join. Replies go to the inviter."""
    inviter = invitation.invited_by
    context = {
        "agency": mail.quoted(invitation.agency.name),
        "agency_name": mail.quoted(invitation.agency.name),
        "agent_name": mail.one_line(inviter.display_name) if inviter else "",
        "inviter": mail.quoted(inviter.display_name) if inviter else "A colleague",
        "role": invitation.get_role_display().lower(),
        "link": mail.absolute(link),
        "expires_at": invitation.expires_at,
    }
    has_account = selectors.email_taken(invitation.email)
    template = "invitation_exists_email" if has_account else "invitation_email"
    text, html = mail.render(f"registration/{template}", context)
    mail.send(
        to=invitation.email,
        subject="You're invited to join a team on Itinera",
        body=text,
        html_body=html,
        kind="invitation",
        sender=f"user:{inviter.pk}" if inviter else None,
        agency=invitation.agency_id,
        reply_to=[inviter.email] if inviter and inviter.email else None,
    )


def invitation_revoke(*, invitation: Invitation, actor: User | None = None) -> None:
    if invitation.accepted_at is None:
        with transaction.atomic():
            _record_invitation("invitation.revoked", invitation, actor=actor)
            invitation.delete()


@transaction.atomic
def invitation_accept(
    *, invitation: Invitation, username: str, password: str, name: str = ""
) -> User:
    """Create the invited user in the inviting agency. The link works once, and only while its
    inviter may still send it."""
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("invited_by")
        .get(pk=invitation.pk)
    )
    if not invitation.is_usable:
        raise ValidationError({"__all__": ["This invitation has expired or was already used."]})
    if selectors.email_taken(invitation.email):
        raise ValidationError({"__all__": ["This email already has an Itinera account."]})
    user = user_create(
        agency=invitation.agency,
        username=username,
        email=invitation.email,
        password=password,
        name=(name or "").strip(),
        role=invitation.role,
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    _record_invitation("invitation.accepted", invitation, actor=user, user_id=user.pk)
    return user


@transaction.atomic
def member_update(
    *, member: User, acting: User, role: str | None = None, is_active: bool | None = None
) -> User:
    """An owner/admin changes a colleague's role or access. Nobody changes themselves or the
    owner here; only the owner makes, unmakes, deactivates or reactivates admins."""
    if member.pk == acting.pk:
        raise ValidationError({"__all__": ["You cannot change your own role or access."]})
    if member.role == Role.OWNER:
        raise ValidationError({"__all__": ["The agency owner cannot be changed here."]})
    if not _may_grant(acting, member.role):
        raise ValidationError({"__all__": ["Only the owner can change an admin."]})
    before_role, before_active = member.role, member.is_active
    if role is not None:
        if role not in (Role.AGENT, Role.ADMIN):
            raise ValidationError({"role": ["Choose agent or admin."]})
        if not _may_grant(acting, role):
            raise ValidationError({"role": ["Only the owner can change an admin's role."]})
        member.role = role
    if is_active is not None:
        member.is_active = is_active
    member.save(update_fields=["role", "is_active"])
    if member.role != before_role:
        _record_member("member.role_changed", member, acting, {"from": before_role, "to": role})
    if member.is_active != before_active:
        name = "member.reactivated" if member.is_active else "member.deactivated"
        _record_member(name, member, acting, {})
    return member


def _record_member(name: str, member: User, acting: User, data: dict[str, object]) -> None:
    record_event(
        name,
        agency_id=member.agency_id,
        object_type="user",
        object_id=member.pk,
        object_repr=member.display_name,
        data=data,
        actor=acting,
    )
