"""Writes for agencies, users and API tokens."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts import token_cache
from accounts.models import TOKEN_PREFIX, Agency, ApiToken, Invitation, Role, User, token_digest
from accounts.quotas import tokens_per_user_check


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
    if User.objects.filter(username=owner_username).exists():
        raise ValidationError({"username": [f"The username {owner_username!r} is taken."]})
    if User.objects.filter(email__iexact=owner_email).exists():
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
    user = User(agency=agency, username=username, email=email.strip().lower(), name=name, role=role)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    return user


def user_find(identifier: str) -> User | None:
    """A user by username, or else by email (case-insensitive)."""
    return (
        User.objects.filter(username=identifier).first()
        or User.objects.filter(email__iexact=identifier).first()
    )


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
        rate_limit=rate_limit or ApiToken.DEFAULT_RATE,
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


def invitation_create(
    *, agency: Agency, email: str, role: str = Role.AGENT, invited_by: User | None = None
) -> Invitation:
    """Invite someone by email to join ``agency``. An owner is never invited (one per agency);
    inviting an address again replaces its pending invitation with a fresh link."""
    email = (email or "").strip().lower()
    errors: dict[str, list[str]] = {}
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = ["Enter a valid email address."]
    if role not in (Role.AGENT, Role.ADMIN):
        errors["role"] = ["Invite as an agent or an admin."]
    if not errors.get("email") and User.objects.filter(email__iexact=email).exists():
        errors["email"] = ["Someone with this email already has an Itinera account."]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        Invitation.objects.filter(agency=agency, email=email, accepted_at__isnull=True).delete()
        return Invitation.objects.create(
            agency=agency,
            email=email,
            role=role,
            invited_by=invited_by,
            expires_at=timezone.now() + INVITATION_LIFETIME,
        )


def invitation_send(*, invitation: Invitation, link: str) -> None:
    """Email the invitation link (console backend by default)."""
    inviter = invitation.invited_by.display_name if invitation.invited_by else "Your colleague"
    send_mail(
        subject=f"{inviter} invited you to {invitation.agency.name} on Itinera",
        message=(
            f"{inviter} invited you to join {invitation.agency.name} on Itinera "
            f"as {invitation.get_role_display().lower()}.\n\n"
            f"Accept the invitation and choose your password here:\n{link}\n\n"
            f"The link works once and expires on {invitation.expires_at:%d %B %Y}."
        ),
        from_email=None,
        recipient_list=[invitation.email],
    )


def invitation_revoke(*, invitation: Invitation) -> None:
    if invitation.accepted_at is None:
        invitation.delete()


@transaction.atomic
def invitation_accept(
    *, invitation: Invitation, username: str, password: str, name: str = ""
) -> User:
    """Create the invited user in the inviting agency. The link works once."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable:
        raise ValidationError({"__all__": ["This invitation has expired or was already used."]})
    username = (username or "").strip()
    if User.objects.filter(username=username).exists():
        raise ValidationError({"username": [f"The username {username!r} is taken."]})
    if User.objects.filter(email__iexact=invitation.email).exists():
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
    return user


def member_update(
    *, member: User, acting: User, role: str | None = None, is_active: bool | None = None
) -> User:
    """An owner/admin changes a colleague's role or access. Nobody changes themselves or the
    owner here, and only the owner can make or unmake admins."""
    if member.pk == acting.pk:
        raise ValidationError({"__all__": ["You cannot change your own role or access."]})
    if member.role == Role.OWNER:
        raise ValidationError({"__all__": ["The agency owner cannot be changed here."]})
    if role is not None:
        if role not in (Role.AGENT, Role.ADMIN):
            raise ValidationError({"role": ["Choose agent or admin."]})
        if acting.role != Role.OWNER and Role.ADMIN in (role, member.role):
            raise ValidationError({"role": ["Only the owner can change an admin's role."]})
        member.role = role
    if is_active is not None:
        member.is_active = is_active
    member.save(update_fields=["role", "is_active"])
    return member
