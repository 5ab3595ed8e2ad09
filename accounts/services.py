"""Writes for agencies, users and API tokens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import TOKEN_PREFIX, Agency, ApiToken, Role, User, token_digest


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
    token = ApiToken.objects.select_related("user", "user__agency").filter(key=key).first()
    if token is None:
        token_digest(secret)
        return None
    if not token.verify(secret) or not token.is_active:
        return None
    if not token.user.is_active or token.user.agency_id is None:
        return None
    return token


def api_token_touch(*, token: ApiToken) -> None:
    """Record use at most once per ``LAST_USED_RESOLUTION``, never a write per request."""
    now = timezone.now()
    last = token.last_used_at
    if last is None or now - last >= ApiToken.LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
